// One factory per check kind. Each compiles the parameters of a Rule whose
// `check` oneof holds that kind into an immutable, thread-safe Check
// (rules/check.h). registry.cc dispatches Rule.check_case() to these.
//
// Contract for every factory:
// - `rule.check_case()` is the factory's kind (the registry guarantees it).
// - Parameter errors return InvalidArgument naming the field path, e.g.
//   `sum_identity.lhs[2]: unknown cell key "t3.x"`, `deadline.entries[0].month: 13
//   is not a month`, `required_mention.any_of[1]: invalid RE2 pattern "(": missing )`.
//   The loader prefixes `file:line: rule "ID": `. Nothing is silently ignored.
// - Cell key patterns are validated with report::ExpandPattern (a pattern that
//   matches no key is an error); section kinds must not be KIND_UNSPECIFIED
//   unless the field documents "anywhere".
// - Evaluate() appends findings with message, message_en, location, operands,
//   expected/actual/arithmetic where meaningful, and status (NewFinding() gives
//   FAIL). The engine fills rule_id, ruleset_id/version, category (from the
//   Rule, unless the check set one), severity (from the Rule, unless the check
//   set one), basis and title.
// Helpers: rules/decimal.h (numbers), rules/labels.h (places in the format's
// words), rules/finding_util.h (operands, arithmetic strings, locations).
#ifndef XXGK_RULES_CHECKS_CHECKS_H_
#define XXGK_RULES_CHECKS_CHECKS_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "rules/check.h"
#include "xxgk/v1/ruleset.pb.h"

namespace xxgk::rules {

// ---- engine kinds (rules/checks/<kind>.cc) ----
absl::StatusOr<std::unique_ptr<Check>> CompileSumIdentity(const xxgk::v1::Rule& rule);
absl::StatusOr<std::unique_ptr<Check>> CompileValueCheck(const xxgk::v1::Rule& rule);
absl::StatusOr<std::unique_ptr<Check>> CompileRequiredSection(const xxgk::v1::Rule& rule);
absl::StatusOr<std::unique_ptr<Check>> CompileRequiredTable(const xxgk::v1::Rule& rule);
absl::StatusOr<std::unique_ptr<Check>> CompileReadingNotes(const xxgk::v1::Rule& rule);

// ---- catalogue kinds (rules/checks/<kind>.cc) ----
absl::StatusOr<std::unique_ptr<Check>> CompileSectionOrder(const xxgk::v1::Rule& rule);
absl::StatusOr<std::unique_ptr<Check>> CompileFormatVersion(const xxgk::v1::Rule& rule);
absl::StatusOr<std::unique_ptr<Check>> CompileBlankCells(const xxgk::v1::Rule& rule);
absl::StatusOr<std::unique_ptr<Check>> CompileYearConsistency(const xxgk::v1::Rule& rule);
absl::StatusOr<std::unique_ptr<Check>> CompileDeadline(const xxgk::v1::Rule& rule);
absl::StatusOr<std::unique_ptr<Check>> CompileRequiredMention(const xxgk::v1::Rule& rule);
absl::StatusOr<std::unique_ptr<Check>> CompileSubstantiveSection(const xxgk::v1::Rule& rule);
absl::StatusOr<std::unique_ptr<Check>> CompileProseReconcile(const xxgk::v1::Rule& rule);
absl::StatusOr<std::unique_ptr<Check>> CompileClaimConsistency(const xxgk::v1::Rule& rule);
absl::StatusOr<std::unique_ptr<Check>> CompileCrossYear(const xxgk::v1::Rule& rule);
absl::StatusOr<std::unique_ptr<Check>> CompileDuplication(const xxgk::v1::Rule& rule);
absl::StatusOr<std::unique_ptr<Check>> CompileNumericCondition(const xxgk::v1::Rule& rule);

// Shared by catalogue kinds (defined in claim_consistency.cc): appends the
// keys of every cell-key pattern (`*` wildcards) of a repeated field; a
// pattern matching nothing is InvalidArgument `<field>[i]: unknown cell key`.
absl::Status ExpandCellPatterns(const google::protobuf::RepeatedPtrField<std::string>& patterns,
                                const std::string& field, std::vector<std::string>* out);

}  // namespace xxgk::rules

#endif  // XXGK_RULES_CHECKS_CHECKS_H_
