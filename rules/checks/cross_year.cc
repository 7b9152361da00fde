// cross_year: consistency with last year's report (only when the request
// carries it, and only when it is the report of the year before).
//
// CARRY_OVER (Y-1): this year's `current` (e.g. t3.carried_over.{col}) equals
//   last year's `previous` (t3.carried_forward.{col}).
// IN_FORCE (Y-2): this year's `current` (t2.rules.in_force) equals last year's
//   `previous` (t2.rules.in_force) + Σ plus (issued) − Σ minus (repealed).
// `{var}` placeholders are expanded over the Cartesian product of for_each;
// every key may use `*` wildcards (the matching cells are summed). Blank
// cells count as 0; an instance with a cell missing or not a number on
// either side is skipped (other rules report those).
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "report/cell_keys.h"
#include "rules/checks/checks.h"
#include "rules/decimal.h"
#include "rules/finding_util.h"
#include "rules/labels.h"

namespace xxgk::rules {
namespace {

using xxgk::v1::CrossYear;
using xxgk::v1::Finding;

struct Instance {
  std::vector<std::string> current, previous, plus, minus;
};

// Sums the cells of `keys` in `report`; false when one is missing or invalid.
bool SumCells(const CellIndex& cells, const std::vector<std::string>& keys, Decimal* sum,
              std::vector<std::string>* terms) {
  Decimal total;
  for (const auto& k : keys) {
    CellNumber n = ReadCellNumber(cells.Find(k));
    if (n.kind == CellNumber::Kind::kMissing || n.kind == CellNumber::Kind::kInvalid) return false;
    auto next = total.Add(n.value);
    if (!next) return false;
    total = *next;
    terms->push_back(n.value.ToString());
  }
  *sum = total;
  return true;
}

std::string Labels(const std::vector<std::string>& keys, Lang lang) {
  if (keys.size() == 1) return CellLabel(keys[0], lang);
  return PlaceOfKeys(keys, lang);
}

class CrossYearCheck : public Check {
 public:
  CrossYearCheck(CrossYear::Kind kind, std::vector<Instance> instances)
      : kind_(kind), instances_(std::move(instances)) {}

  void Evaluate(const EvalContext& ctx, std::vector<Finding>* out) const override {
    if (ctx.previous == nullptr) return;
    const xxgk::v1::Report& cur = ctx.report;
    const xxgk::v1::Report& prev = *ctx.previous;
    const int y = cur.meta().report_year();
    const int py = prev.meta().report_year();
    if (y > 0 && py > 0 && py != y - 1) return;  // not last year's report: nothing to compare
    for (const Instance& inst : instances_) {
      Decimal c, p, plus, minus;
      std::vector<std::string> ct, pt, plus_t, minus_t;
      if (!SumCells(ctx.cells(), inst.current, &c, &ct) || !SumCells(ctx.previous_cells(), inst.previous, &p, &pt)) continue;
      if (!SumCells(ctx.cells(), inst.plus, &plus, &plus_t) || !SumCells(ctx.cells(), inst.minus, &minus, &minus_t)) continue;
      auto expected = p.Add(plus);
      if (expected) expected = expected->Sub(minus);
      if (!expected || *expected == c) continue;

      Finding f = NewFinding();
      const std::string cur_zh = Labels(inst.current, Lang::kZh), cur_en = Labels(inst.current, Lang::kEn);
      const std::string prev_zh = Labels(inst.previous, Lang::kZh), prev_en = Labels(inst.previous, Lang::kEn);
      const std::string prev_year_zh = py > 0 ? absl::StrCat(py, "年度报告") : "上一年度报告";
      const std::string prev_year_en = py > 0 ? absl::StrCat("the ", py, " report") : "last year's report";
      std::string arithmetic = absl::StrCat(JoinTerms(pt));
      if (kind_ == CrossYear::IN_FORCE) {
        for (const auto& t : plus_t) absl::StrAppend(&arithmetic, " + ", t);
        for (const auto& t : minus_t) absl::StrAppend(&arithmetic, " − ", t);
      }
      absl::StrAppend(&arithmetic, " ≠ ", JoinTerms(ct));
      if (kind_ == CrossYear::CARRY_OVER) {
        f.set_message(absl::StrFormat("%s为%s，但%s的「%s」为%s，两者应相等。", cur_zh, c.ToString(), prev_year_zh,
                                      prev_zh, p.ToString()));
        f.set_message_en(absl::StrFormat("%s is %s, but %s in %s is %s; they should be equal.", cur_en,
                                         c.ToString(), prev_en, prev_year_en, p.ToString()));
      } else {
        f.set_message(absl::StrFormat(
            "%s为%s，但按%s的现行有效件数%s加本年制发%s减本年废止%s应为%s（%s）。", cur_zh, c.ToString(),
            prev_year_zh, p.ToString(), plus.ToString(), minus.ToString(), expected->ToString(), arithmetic));
        f.set_message_en(absl::StrFormat(
            "%s is %s, but %s in %s (%s) plus issued (%s) minus repealed (%s) gives %s (%s).", cur_en, c.ToString(),
            prev_en, prev_year_en, p.ToString(), plus.ToString(), minus.ToString(), expected->ToString(),
            arithmetic));
      }
      f.set_expected(expected->ToString());
      f.set_actual(c.ToString());
      f.set_arithmetic(arithmetic);
      for (const auto& k : inst.current) *f.add_operands() = CellOperand(k, ctx.cells().Find(k));
      for (const auto& k : inst.previous) {
        auto op = CellOperand(k, ctx.previous_cells().Find(k));
        op.set_key(absl::StrCat("previous.", k));
        op.set_label(absl::StrCat(prev_year_zh, " · ", op.label()));
        op.clear_span();
        *f.add_operands() = std::move(op);
      }
      for (const auto* keys : {&inst.plus, &inst.minus}) {
        for (const auto& k : *keys) *f.add_operands() = CellOperand(k, ctx.cells().Find(k));
      }
      SetCellLocation(ctx.cells(), inst.current, f.mutable_location());
      out->push_back(std::move(f));
    }
  }

 private:
  CrossYear::Kind kind_;
  std::vector<Instance> instances_;
};

absl::Status ExpandInto(const std::string& term, const std::map<std::string, std::string>& binding,
                        const std::string& field, std::vector<std::string>* out) {
  std::vector<std::pair<std::string, std::string>> repl;
  for (const auto& [name, value] : binding) repl.emplace_back(absl::StrCat("{", name, "}"), value);
  const std::string key = absl::StrReplaceAll(term, repl);
  if (key.find('{') != std::string::npos) {
    return absl::InvalidArgumentError(absl::StrCat(field, ": undefined placeholder in \"", term, "\""));
  }
  std::vector<std::string> keys = report::ExpandPattern(key);
  if (keys.empty()) return absl::InvalidArgumentError(absl::StrCat(field, ": unknown cell key \"", key, "\""));
  out->insert(out->end(), keys.begin(), keys.end());
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::unique_ptr<Check>> CompileCrossYear(const xxgk::v1::Rule& rule) {
  const auto& p = rule.cross_year();
  if (p.current().empty()) return absl::InvalidArgumentError("cross_year.current: empty");
  if (p.previous().empty()) return absl::InvalidArgumentError("cross_year.previous: empty");
  if (p.kind() == CrossYear::CARRY_OVER && (!p.plus().empty() || !p.minus().empty())) {
    return absl::InvalidArgumentError("cross_year: plus/minus apply to IN_FORCE only");
  }
  std::vector<std::map<std::string, std::string>> bindings(1);
  for (int i = 0; i < p.for_each_size(); ++i) {
    const auto& fe = p.for_each(i);
    if (fe.name().empty() || fe.values().empty()) {
      return absl::InvalidArgumentError(absl::StrCat("cross_year.for_each[", i, "]: needs a name and values"));
    }
    std::vector<std::map<std::string, std::string>> next;
    for (const auto& b : bindings) {
      for (const auto& v : fe.values()) {
        auto nb = b;
        nb[fe.name()] = v;
        next.push_back(std::move(nb));
      }
    }
    bindings = std::move(next);
  }
  std::vector<Instance> instances;
  for (const auto& b : bindings) {
    Instance inst;
    if (auto s = ExpandInto(p.current(), b, "cross_year.current", &inst.current); !s.ok()) return s;
    if (auto s = ExpandInto(p.previous(), b, "cross_year.previous", &inst.previous); !s.ok()) return s;
    for (int i = 0; i < p.plus_size(); ++i) {
      if (auto s = ExpandInto(p.plus(i), b, absl::StrCat("cross_year.plus[", i, "]"), &inst.plus); !s.ok()) return s;
    }
    for (int i = 0; i < p.minus_size(); ++i) {
      if (auto s = ExpandInto(p.minus(i), b, absl::StrCat("cross_year.minus[", i, "]"), &inst.minus); !s.ok()) {
        return s;
      }
    }
    instances.push_back(std::move(inst));
  }
  return std::unique_ptr<Check>(new CrossYearCheck(p.kind(), std::move(instances)));
}

}  // namespace xxgk::rules
