// Metadata read from an assembled report: year, agency and level, province
// and division code (gazetteer), publication date, statistics period.
#ifndef XXGK_REPORT_METADATA_H_
#define XXGK_REPORT_METADATA_H_

#include "xxgk/v1/report.pb.h"

namespace xxgk::report {

// Fills report->meta from report->text (normalised, page chrome removed;
// the title is usually its first lines), report->sections and the metadata
// header lines (发布日期/发布机构/索引号/来源). Leaves a field unset when the
// document does not state it; never invents one. Records Evidence for each.
// Does not touch meta.format_version when it is already set (from a table
// layout); otherwise infers it from the report year.
void ReadMetadata(xxgk::v1::Report* report);

}  // namespace xxgk::report

#endif  // XXGK_REPORT_METADATA_H_
