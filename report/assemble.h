// Blocks → Report: builds the normalised text (tables written as pipe rows),
// drops page chrome, finds sections, maps table grids to canonical cells,
// then reads metadata and prose facts.
#ifndef XXGK_REPORT_ASSEMBLE_H_
#define XXGK_REPORT_ASSEMBLE_H_

#include "report/blocks.h"
#include "xxgk/v1/report.pb.h"

namespace xxgk::report {

// Fills `report` (which must be empty; it may live on a protobuf Arena, so
// that a server frees a whole parsed report at once).
void AssembleInto(ReadResult read, xxgk::v1::Report* report);

// AssembleInto a new Report.
xxgk::v1::Report Assemble(ReadResult read);

}  // namespace xxgk::report

#endif  // XXGK_REPORT_ASSEMBLE_H_
