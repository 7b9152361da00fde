// Rule.check_case() → the factory of that check kind (rules/checks/checks.h).
#include "absl/strings/str_cat.h"
#include "rules/check.h"
#include "rules/checks/checks.h"

namespace xxgk::rules {

absl::StatusOr<std::unique_ptr<Check>> CompileCheck(const xxgk::v1::Rule& rule) {
  using R = xxgk::v1::Rule;
  switch (rule.check_case()) {
    case R::kSumIdentity:
      return CompileSumIdentity(rule);
    case R::kValueCheck:
      return CompileValueCheck(rule);
    case R::kRequiredSection:
      return CompileRequiredSection(rule);
    case R::kRequiredTable:
      return CompileRequiredTable(rule);
    case R::kReadingNotes:
      return CompileReadingNotes(rule);
    case R::kSectionOrder:
      return CompileSectionOrder(rule);
    case R::kFormatVersion:
      return CompileFormatVersion(rule);
    case R::kBlankCells:
      return CompileBlankCells(rule);
    case R::kYearConsistency:
      return CompileYearConsistency(rule);
    case R::kDeadline:
      return CompileDeadline(rule);
    case R::kRequiredMention:
      return CompileRequiredMention(rule);
    case R::kSubstantiveSection:
      return CompileSubstantiveSection(rule);
    case R::kProseReconcile:
      return CompileProseReconcile(rule);
    case R::kClaimConsistency:
      return CompileClaimConsistency(rule);
    case R::kCrossYear:
      return CompileCrossYear(rule);
    case R::kDuplication:
      return CompileDuplication(rule);
    case R::kNumericCondition:
      return CompileNumericCondition(rule);
    case R::CHECK_NOT_SET:
      return absl::InvalidArgumentError("rule has no check (set one check kind, e.g. sum_identity { ... })");
    default:
      break;
  }
  const auto* field = R::descriptor()->FindFieldByNumber(static_cast<int>(rule.check_case()));
  return absl::InvalidArgumentError(absl::StrCat("check kind \"", field ? field->name() : "?",
                                                 "\" is not implemented by this build"));
}

}  // namespace xxgk::rules
