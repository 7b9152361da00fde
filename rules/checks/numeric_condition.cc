// numeric_condition: `cell` (or every prose fact with subject `fact`) must
// satisfy `op value` (e.g. t2.fees.amount_wan_yuan LE 100000 for a plausible
// amount in 万元). Blank cells count as 0. A missing cell or fact is a
// finding only with missing_is_failure; a cell that is not a number is left
// to value_check.
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "report/cell_keys.h"
#include "rules/checks/checks.h"
#include "rules/decimal.h"
#include "rules/finding_util.h"
#include "rules/labels.h"

namespace xxgk::rules {
namespace {

using xxgk::v1::Finding;
using xxgk::v1::NumericCondition;

const char* OpText(NumericCondition::Op op) {
  switch (op) {
    case NumericCondition::EQ:
      return "=";
    case NumericCondition::NE:
      return "≠";
    case NumericCondition::LT:
      return "<";
    case NumericCondition::LE:
      return "≤";
    case NumericCondition::GT:
      return ">";
    case NumericCondition::GE:
      return "≥";
    default:
      return "?";
  }
}

bool Holds(const Decimal& a, NumericCondition::Op op, const Decimal& b) {
  switch (op) {
    case NumericCondition::EQ:
      return a == b;
    case NumericCondition::NE:
      return a != b;
    case NumericCondition::LT:
      return a < b;
    case NumericCondition::LE:
      return a <= b;
    case NumericCondition::GT:
      return a > b;
    case NumericCondition::GE:
      return a >= b;
    default:
      return true;
  }
}

class NumericConditionCheck : public Check {
 public:
  NumericConditionCheck(const NumericCondition& p, Decimal bound) : p_(p), bound_(bound) {}

  void Evaluate(const EvalContext& ctx, std::vector<Finding>* out) const override {
    const std::string cond = absl::StrCat(OpText(p_.op()), " ", bound_.ToString());
    if (!p_.cell().empty()) {
      const auto* cell = ctx.cells().Find(p_.cell());
      CellNumber n = ReadCellNumber(cell);
      if (n.kind == CellNumber::Kind::kInvalid) return;
      const std::string zh = CellLabel(p_.cell(), Lang::kZh), en = CellLabel(p_.cell(), Lang::kEn);
      Finding f = NewFinding();
      if (n.kind == CellNumber::Kind::kMissing) {
        if (!p_.missing_is_failure()) return;
        f.set_message(absl::StrFormat("未读到%s，无法确认其满足 %s。", zh, cond));
        f.set_message_en(absl::StrFormat("%s was not found; it must satisfy %s.", en, cond));
      } else {
        if (Holds(n.value, p_.op(), bound_)) return;
        f.set_message(absl::StrFormat("%s为%s，不满足 %s。", zh, n.value.ToString(), cond));
        f.set_message_en(absl::StrFormat("%s is %s, which does not satisfy %s.", en, n.value.ToString(), cond));
        f.set_actual(n.value.ToString());
        f.set_arithmetic(absl::StrCat("¬(", n.value.ToString(), " ", cond, ")"));
      }
      f.set_expected(cond);
      *f.add_operands() = CellOperand(p_.cell(), cell);
      SetCellLocation(ctx.cells(), {p_.cell()}, f.mutable_location());
      out->push_back(std::move(f));
      return;
    }
    bool any = false;
    for (const auto& fact : ctx.report.facts()) {
      if (fact.subject() != p_.fact() || fact.value().empty()) continue;
      any = true;
      auto v = Decimal::Parse(fact.value());
      if (!v.ok() || Holds(*v, p_.op(), bound_)) continue;
      Finding f = NewFinding();
      f.set_message(absl::StrFormat("正文「%s」所述数值%s%s不满足 %s。", fact.excerpt(), fact.value(), fact.unit(), cond));
      f.set_message_en(absl::StrFormat("The text \"%s\" states %s %s, which does not satisfy %s.", fact.excerpt(),
                                       fact.value(), fact.unit(), cond));
      f.set_expected(cond);
      f.set_actual(fact.value());
      auto* op = f.add_operands();
      op->set_key(absl::StrCat("fact.", fact.subject()));
      op->set_label("正文");
      op->set_value(fact.value());
      op->set_raw(fact.excerpt());
      *op->mutable_span() = fact.span();
      f.mutable_location()->set_section(fact.section());
      f.mutable_location()->set_excerpt(fact.excerpt());
      *f.mutable_location()->mutable_span() = fact.span();
      out->push_back(std::move(f));
    }
    if (!any && p_.missing_is_failure()) {
      Finding f = NewFinding();
      f.set_message(absl::StrFormat("正文未说明%s的数值（应满足 %s）。", p_.fact(), cond));
      f.set_message_en(absl::StrFormat("The text states no figure for %s (it must satisfy %s).", p_.fact(), cond));
      f.set_expected(cond);
      out->push_back(std::move(f));
    }
  }

 private:
  NumericCondition p_;
  Decimal bound_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<Check>> CompileNumericCondition(const xxgk::v1::Rule& rule) {
  const auto& p = rule.numeric_condition();
  if (p.cell().empty() == p.fact().empty()) {
    return absl::InvalidArgumentError("numeric_condition: set exactly one of `cell` and `fact`");
  }
  if (!p.cell().empty() && !report::IsCellKey(p.cell())) {
    return absl::InvalidArgumentError(absl::StrCat("numeric_condition.cell: unknown cell key \"", p.cell(), "\""));
  }
  auto bound = Decimal::Parse(p.value());
  if (!bound.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("numeric_condition.value: \"", p.value(), "\" is not a decimal: ", bound.status().message()));
  }
  return std::unique_ptr<Check>(new NumericConditionCheck(p, *bound));
}

}  // namespace xxgk::rules
