// Which rule sets check one report, and why (validator.h Validate()).
#ifndef XXGK_RULES_SELECT_H_
#define XXGK_RULES_SELECT_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "rules/snapshot.h"
#include "xxgk/v1/report.pb.h"
#include "xxgk/v1/service.pb.h"

namespace xxgk::rules {

struct Selection {
  // The effective rules to evaluate, in order (owned by the snapshot).
  const std::vector<CompiledRule>* rules = nullptr;
  std::vector<xxgk::v1::AppliedRuleSet> applied;
  // The format the report is checked against (the report year's format).
  xxgk::v1::FormatVersion format = xxgk::v1::FORMAT_VERSION_UNSPECIFIED;
  // Provinces the selected provincial set is for (for applies_when.provinces
  // when the report does not name its province).
  std::vector<std::string> provinces;
};

// The format a report must follow: by report year (≥ 2021 → 2021, 2019–2020 →
// 2019, ≤ 2018 → legacy); year unknown → meta.format_version or the detected
// table layout; else 2021. `reason` (unless nullptr) says which.
xxgk::v1::FormatVersion RequiredFormat(const xxgk::v1::Report& report, std::string* reason);

// Explicit options.ruleset > options.province > meta.region_code prefix >
// meta.province > place names in meta.agency > national only. NotFound for an
// unknown explicit rule set id.
absl::StatusOr<Selection> Select(const Snapshot& snapshot, const xxgk::v1::Report& report,
                                 const xxgk::v1::ValidateOptions& options);

// Whether `rule` is evaluated for this report.
bool RuleApplies(const xxgk::v1::Rule& rule, const Selection& selection, const xxgk::v1::Metadata& meta);

}  // namespace xxgk::rules

#endif  // XXGK_RULES_SELECT_H_
