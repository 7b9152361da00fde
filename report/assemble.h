// Blocks → Report: builds the normalised text (tables written as pipe rows),
// drops page chrome, finds sections, maps table grids to canonical cells,
// then reads metadata and prose facts.
#ifndef XXGK_REPORT_ASSEMBLE_H_
#define XXGK_REPORT_ASSEMBLE_H_

#include "report/blocks.h"
#include "xxgk/v1/report.pb.h"

namespace xxgk::report {

xxgk::v1::Report Assemble(ReadResult read);

}  // namespace xxgk::report

#endif  // XXGK_REPORT_ASSEMBLE_H_
