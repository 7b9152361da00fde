// Names VOCABULARY.md fixes for enum values that appear in outputs.
#ifndef XXGK_REPORT_VOCABULARY_H_
#define XXGK_REPORT_VOCABULARY_H_

#include <string>

#include "xxgk/v1/report.pb.h"

namespace xxgk::report {

// meta.format: "2021", "2019" or "legacy"; empty when unspecified.
std::string FormatVersionName(xxgk::v1::FormatVersion format);

}  // namespace xxgk::report

#endif  // XXGK_REPORT_VOCABULARY_H_
