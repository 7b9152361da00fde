// Prose facts: figures and claims the text states about applications,
// review/litigation, channels, documents and fees (docs/facts.md).
#ifndef XXGK_REPORT_FACTS_H_
#define XXGK_REPORT_FACTS_H_

#include <vector>

#include "xxgk/v1/report.pb.h"

namespace xxgk::report {

// Reads facts from report.sections (or report.text when there are none),
// with Chinese numerals, separators, approximations, units and scope words.
std::vector<xxgk::v1::ProseFact> ExtractFacts(const xxgk::v1::Report& report);

}  // namespace xxgk::report

#endif  // XXGK_REPORT_FACTS_H_
