// claim_consistency: a qualitative claim of the prose (ProseFact.claim:
// "all_upheld" 均获维持, "all_granted" 全部予以公开, "none" 未收到申请…) contradicted
// by the tables. A contradiction applies to facts with its claim whose subject
// starts with subject_prefix (when set); it holds when any of nonzero_cells
// is > 0, or when zero_cells are all read and all 0. Cells that were not read
// (no table) decide nothing. A claim made under a scope word (全市, 本级…) is
// UNCERTAIN at WARNING.
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "report/cell_keys.h"
#include "rules/checks/checks.h"
#include "rules/decimal.h"
#include "rules/finding_util.h"
#include "rules/labels.h"

namespace xxgk::rules {
namespace {

using xxgk::v1::Finding;
using xxgk::v1::ProseFact;

struct Contradiction {
  std::string claim;
  std::string prefix;
  std::vector<std::string> nonzero;
  std::vector<std::string> zero;
};

std::string ClaimZh(const std::string& claim) {
  if (claim == "all_upheld") return "均获维持";
  if (claim == "all_granted") return "全部予以公开";
  if (claim == "none") return "无此类情况";
  return claim;
}

class ClaimConsistencyCheck : public Check {
 public:
  explicit ClaimConsistencyCheck(std::vector<Contradiction> rules) : rules_(std::move(rules)) {}

  void Evaluate(const EvalContext& ctx, std::vector<Finding>* out) const override {
    const auto& report = ctx.report;
    for (const ProseFact& fact : report.facts()) {
      if (fact.claim().empty()) continue;
      for (const Contradiction& c : rules_) {
        if (fact.claim() != c.claim || !absl::StartsWith(fact.subject(), c.prefix)) continue;
        std::vector<std::string> against;  // the cells contradicting the claim
        for (const auto& k : c.nonzero) {
          CellNumber n = ReadCellNumber(ctx.cells().Find(k));
          if (n.kind == CellNumber::Kind::kNumber && n.value > Decimal()) against.push_back(k);
        }
        bool zero_contradiction = false;
        if (against.empty() && !c.zero.empty()) {
          zero_contradiction = true;
          for (const auto& k : c.zero) {
            CellNumber n = ReadCellNumber(ctx.cells().Find(k));
            if (n.kind == CellNumber::Kind::kMissing || n.kind == CellNumber::Kind::kInvalid || !n.value.is_zero()) {
              zero_contradiction = false;
            }
          }
          if (zero_contradiction) against = c.zero;
        }
        if (against.empty()) continue;
        out->push_back(MakeFinding(ctx.cells(), fact, against, zero_contradiction));
        break;  // one finding per fact
      }
    }
  }

 private:
  static Finding MakeFinding(const CellIndex& cells, const ProseFact& fact,
                             const std::vector<std::string>& keys, bool zero) {
    Finding f = NewFinding();
    std::vector<std::string> zh, en;
    for (const auto& k : keys) {
      const auto* cell = cells.Find(k);
      const std::string v = ReadCellNumber(cell).value.ToString();
      zh.push_back(absl::StrCat(CellLabel(k, Lang::kZh), "为", v));
      en.push_back(absl::StrCat(CellLabel(k, Lang::kEn), " is ", v));
      *f.add_operands() = CellOperand(k, cell);
    }
    const std::string claim_zh = ClaimZh(fact.claim());
    if (zero) {
      f.set_message(absl::StrFormat("正文称「%s」（%s），但统计表中%s，与该说法矛盾。", fact.excerpt(), claim_zh,
                                    absl::StrJoin(zh, "、")));
    } else {
      f.set_message(absl::StrFormat("正文称「%s」（%s），但%s，与该说法矛盾。", fact.excerpt(), claim_zh,
                                    absl::StrJoin(zh, "，")));
    }
    f.set_message_en(absl::StrFormat("The text claims \"%s\" (%s), but %s.", fact.excerpt(), fact.claim(),
                                     absl::StrJoin(en, "; ")));
    f.set_expected(fact.claim());
    f.set_actual(absl::StrJoin(zh, "；"));
    auto* op = f.add_operands();
    op->set_key(absl::StrCat("fact.", fact.subject()));
    op->set_label("正文");
    op->set_value(fact.claim());
    op->set_raw(fact.excerpt());
    *op->mutable_span() = fact.span();
    SetCellLocation(cells, keys, f.mutable_location());
    f.mutable_location()->set_section(fact.section());
    f.mutable_location()->set_excerpt(fact.excerpt());
    *f.mutable_location()->mutable_span() = fact.span();
    if (!fact.scope().empty()) {
      f.set_status(Finding::UNCERTAIN);
      f.set_severity(xxgk::v1::WARNING);
      f.set_uncertain_reason(absl::StrCat("the claim is made with the scope word \"", fact.scope(),
                                          "\" and may not be about this agency's table alone"));
    }
    return f;
  }

  std::vector<Contradiction> rules_;
};

}  // namespace

absl::Status ExpandCellPatterns(const google::protobuf::RepeatedPtrField<std::string>& patterns,
                                const std::string& field, std::vector<std::string>* out) {
  for (int i = 0; i < patterns.size(); ++i) {
    std::vector<std::string> keys = report::ExpandPattern(patterns.Get(i));
    if (keys.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(field, "[", i, "]: unknown cell key \"", patterns.Get(i), "\""));
    }
    out->insert(out->end(), keys.begin(), keys.end());
  }
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<Check>> CompileClaimConsistency(const xxgk::v1::Rule& rule) {
  const auto& p = rule.claim_consistency();
  if (p.contradictions().empty()) return absl::InvalidArgumentError("claim_consistency.contradictions: empty");
  std::vector<Contradiction> rules;
  for (int i = 0; i < p.contradictions_size(); ++i) {
    const auto& src = p.contradictions(i);
    const std::string field = absl::StrCat("claim_consistency.contradictions[", i, "]");
    if (src.claim().empty()) return absl::InvalidArgumentError(absl::StrCat(field, ".claim: empty"));
    if (src.nonzero_cells().empty() && src.zero_cells().empty()) {
      return absl::InvalidArgumentError(absl::StrCat(field, ": neither nonzero_cells nor zero_cells"));
    }
    Contradiction c{src.claim(), src.subject_prefix(), {}, {}};
    if (auto s = ExpandCellPatterns(src.nonzero_cells(), field + ".nonzero_cells", &c.nonzero); !s.ok()) return s;
    if (auto s = ExpandCellPatterns(src.zero_cells(), field + ".zero_cells", &c.zero); !s.ok()) return s;
    rules.push_back(std::move(c));
  }
  return std::unique_ptr<Check>(new ClaimConsistencyCheck(std::move(rules)));
}

}  // namespace xxgk::rules
