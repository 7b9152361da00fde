// prose_reconcile: a figure the prose states (ProseFact, see
// docs/facts.md) against the cell, or sum of cells, it speaks about.
//
// - pairing: the first pairing with the fact's subject; when the fact says
//   the figure includes last year's carried-over applications (共办理…) the
//   pairing's cells_with_carried_over are used instead (without them the
//   comparison is UNCERTAIN);
// - units: money (元 / 万元 / 亿元) is converted to 元 on both sides before
//   comparing, and equality allows half a unit of the last digit written on
//   either side (12.5万元 vs 124,980元 agree); counts compare exactly; a money
//   figure paired with count cells (or the reverse) is not compared;
// - approximations: AT_LEAST (余/多/以上) holds when table ≥ figure, AT_MOST
//   when table ≤ figure, ABOUT (约/左右) when they differ by at most
//   kAboutPercent % of the figure (and then a mismatch is a WARNING);
// - scope: a fact with a scope word (备案, 本级, 全市…) listed in
//   uncertain_scopes (or any scope word when the list is empty) makes a
//   mismatch UNCERTAIN at WARNING, with the reason stated;
// - facts carrying a qualitative claim ("none", "all_upheld"…) are left to
//   claim_consistency; a cell not read (no table) or not a number skips the
//   fact: nothing can be reconciled.
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "report/cell_keys.h"
#include "rules/checks/checks.h"
#include "rules/decimal.h"
#include "rules/finding_util.h"
#include "rules/labels.h"
#include "rules/money.h"

namespace xxgk::rules {
namespace {

using xxgk::v1::Finding;
using xxgk::v1::ProseFact;

constexpr int kAboutPercent = 10;

int FractionDigits(const std::string& value) {
  size_t dot = value.find('.');
  return dot == std::string::npos ? 0 : static_cast<int>(value.size() - dot - 1);
}

// Half a unit of the last digit of `value` written in a unit 10^shift 元.
Decimal HalfUnit(const std::string& value, int shift) {
  auto d = Decimal::Parse(ShiftPoint("5", shift - FractionDigits(value) - 1));
  return d.ok() ? *d : Decimal();
}

Decimal Abs(const Decimal& d) { return d.is_negative() ? Decimal().Sub(d).value_or(d) : d; }

std::string ApproxZh(ProseFact::Approximation a) {
  switch (a) {
    case ProseFact::AT_LEAST:
      return "（不少于）";
    case ProseFact::AT_MOST:
      return "（不超过）";
    case ProseFact::ABOUT:
      return "（约数）";
    default:
      return "";
  }
}

struct Pairing {
  std::vector<std::string> cells;
  std::vector<std::string> with_carried_over;
  // per cell of `cells` / `with_carried_over`: the cells it totals, read
  // when it is blank (ProseReconcile.blank_totals); empty for no such cells
  std::vector<std::vector<std::string>> cells_parts;
  std::vector<std::vector<std::string>> with_carried_over_parts;
  std::string unit;
};

// The value of a total cell for the comparison: its own number, or, when it
// is blank and the cells it totals hold a number, their sum (*from_parts).
// nullopt when the table gives no figure (a cell missing or not a number).
std::optional<Decimal> TableFigure(const CellIndex& cells, const std::string& key,
                                   const std::vector<std::string>& parts, bool* blank,
                                   bool* from_parts) {
  const CellNumber n = ReadCellNumber(cells.Find(key));
  if (n.kind == CellNumber::Kind::kMissing || n.kind == CellNumber::Kind::kInvalid) return std::nullopt;
  if (n.kind != CellNumber::Kind::kBlank) return n.value;
  Decimal sum;
  bool any_number = false;
  for (const std::string& part : parts) {
    const CellNumber p = ReadCellNumber(cells.Find(part));
    if (p.kind == CellNumber::Kind::kMissing || p.kind == CellNumber::Kind::kInvalid) {
      any_number = false;
      break;
    }
    if (p.kind == CellNumber::Kind::kBlank) continue;
    auto next = sum.Add(p.value);
    if (!next) return std::nullopt;
    sum = *next;
    any_number = true;
  }
  if (any_number) {
    *from_parts = true;
    return sum;
  }
  *blank = true;
  return n.value;
}

class ProseReconcileCheck : public Check {
 public:
  ProseReconcileCheck(absl::flat_hash_map<std::string, Pairing> pairings, std::vector<std::string> scopes)
      : pairings_(std::move(pairings)), scopes_(std::move(scopes)) {}

  void Evaluate(const EvalContext& ctx, std::vector<Finding>* out) const override {
    for (const ProseFact& fact : ctx.report.facts()) {
      if (!fact.claim().empty() || fact.value().empty()) continue;
      auto it = pairings_.find(fact.subject());
      if (it == pairings_.end()) continue;
      Reconcile(ctx.cells(), fact, it->second, out);
    }
  }

 private:
  bool ScopeIsUncertain(const std::string& scope) const {
    if (scope.empty()) return false;
    if (scopes_.empty()) return true;
    for (const auto& s : scopes_) {
      if (scope.find(s) != std::string::npos) return true;
    }
    return false;
  }

  void Reconcile(const CellIndex& cells, const ProseFact& fact, const Pairing& pairing,
                 std::vector<Finding>* out) const {
    bool carried_unpaired = false;
    const std::vector<std::string>* keys = &pairing.cells;
    const std::vector<std::vector<std::string>>* parts = &pairing.cells_parts;
    if (fact.includes_carried_over()) {
      if (!pairing.with_carried_over.empty()) {
        keys = &pairing.with_carried_over;
        parts = &pairing.with_carried_over_parts;
      } else {
        carried_unpaired = true;
      }
    }
    // The table side.
    Decimal table;
    std::vector<std::string> terms;
    bool any_blank = false;
    bool from_parts = false;
    std::vector<std::string> parts_read;  // the parts of blank totals that were summed
    for (size_t i = 0; i < keys->size(); ++i) {
      bool summed = false;
      const std::optional<Decimal> v = TableFigure(cells, (*keys)[i], (*parts)[i], &any_blank, &summed);
      if (!v) return;
      if (summed) {
        from_parts = true;
        parts_read.insert(parts_read.end(), (*parts)[i].begin(), (*parts)[i].end());
      }
      auto next = table.Add(*v);
      if (!next) return;
      table = *next;
      terms.push_back(v->ToString());
    }
    // Units.
    const int fact_shift = MoneyShift(fact.unit());
    const int cell_shift = MoneyShift(pairing.unit);
    if ((fact_shift >= 0) != (cell_shift >= 0) && !fact.unit().empty() && !pairing.unit.empty()) return;
    auto figure = Decimal::Parse(fact.value());
    if (!figure.ok()) return;
    Decimal fig = *figure, tab = table, tolerance;
    const bool money = fact_shift >= 0 && cell_shift >= 0;
    if (money) {
      auto f = Decimal::Parse(ShiftPoint(fact.value(), fact_shift));
      auto t = Decimal::Parse(ShiftPoint(table.ToString(), cell_shift));
      if (!f.ok() || !t.ok()) return;
      fig = *f;
      tab = *t;
      Decimal hf = HalfUnit(fact.value(), fact_shift);
      Decimal ht;
      for (const auto& k : *keys) {
        const auto* cell = cells.Find(k);
        if (cell != nullptr && cell->presence() == xxgk::v1::Cell::NUMBER) {
          Decimal h = HalfUnit(cell->value(), cell_shift);
          if (h > ht) ht = h;
        }
      }
      tolerance = hf > ht ? hf : ht;
    }
    auto diff = tab.Sub(fig);
    if (!diff) return;
    bool ok = false;
    switch (fact.approximation()) {
      case ProseFact::AT_LEAST:
        ok = !(diff->is_negative()) || Abs(*diff) <= tolerance;
        break;
      case ProseFact::AT_MOST:
        ok = diff->is_negative() || diff->is_zero() || Abs(*diff) <= tolerance;
        break;
      case ProseFact::ABOUT: {
        auto pct = Decimal::Parse(ShiftPoint(Abs(fig).ToString(), -2));
        Decimal allowed = tolerance;
        if (pct.ok()) {
          Decimal scaled;
          for (int i = 0; i < kAboutPercent; ++i) scaled = scaled.Add(*pct).value_or(scaled);
          if (scaled > allowed) allowed = scaled;
        }
        ok = Abs(*diff) <= allowed;
        break;
      }
      default:
        ok = Abs(*diff) <= tolerance;
    }
    if (ok) return;

    Finding f = NewFinding();
    const std::string place_zh = keys->size() == 1 ? CellLabel((*keys)[0], Lang::kZh) : PlaceOfKeys(*keys, Lang::kZh);
    const std::string place_en = keys->size() == 1 ? CellLabel((*keys)[0], Lang::kEn) : PlaceOfKeys(*keys, Lang::kEn);
    std::vector<std::string> parts_zh;
    for (const auto& k : *keys) parts_zh.push_back(CellLabelInTable(k, Lang::kZh));
    const std::string sum_zh =
        keys->size() > 1 ? absl::StrCat("（", absl::StrJoin(parts_zh, " + "), " = ", JoinTerms(terms), "）") : "";
    const std::string unit_note = money && fact.unit() != pairing.unit
                                      ? absl::StrFormat("，折算为%s元对%s元", fig.ToString(), tab.ToString())
                                      : "";
    const std::string unit_note_en =
        money && fact.unit() != pairing.unit
            ? absl::StrFormat(" (converted: %s yuan vs %s yuan)", fig.ToString(), tab.ToString())
            : "";
    f.set_message(absl::StrFormat("正文称「%s」（%s%s%s），但%s为%s%s%s%s，两者不一致。", fact.excerpt(), fact.value(),
                                  fact.unit(), ApproxZh(fact.approximation()), place_zh, table.ToString(),
                                  pairing.unit, sum_zh, unit_note));
    f.set_message_en(absl::StrFormat("The text says \"%s\" (%s %s), but %s is %s %s%s; they disagree.", fact.excerpt(),
                                     fact.value(), fact.unit(), place_en, table.ToString(), pairing.unit,
                                     unit_note_en));
    f.set_expected(absl::StrCat(fact.value(), fact.unit()));
    f.set_actual(absl::StrCat(table.ToString(), pairing.unit));
    f.set_arithmetic(absl::StrCat(JoinTerms(terms), keys->size() > 1 ? absl::StrCat(" = ", table.ToString()) : "",
                                  " ≠ ", fact.value(), money && fact.unit() != pairing.unit
                                                           ? absl::StrCat(" (", fig.ToString(), "元 vs ",
                                                                          tab.ToString(), "元)")
                                                           : ""));
    auto* op = f.add_operands();
    op->set_key(absl::StrCat("fact.", fact.subject()));
    op->set_label("正文");
    op->set_value(fact.value());
    op->set_raw(fact.excerpt());
    *op->mutable_span() = fact.span();
    for (const auto& k : *keys) *f.add_operands() = CellOperand(k, cells.Find(k));
    for (const auto& k : parts_read) *f.add_operands() = CellOperand(k, cells.Find(k));
    SetCellLocation(cells, *keys, f.mutable_location());
    f.mutable_location()->set_section(fact.section());
    f.mutable_location()->set_excerpt(fact.excerpt());
    *f.mutable_location()->mutable_span() = fact.span();

    std::vector<std::string> reasons;
    if (ScopeIsUncertain(fact.scope())) {
      reasons.push_back(absl::StrCat("the figure is stated with the scope word \"", fact.scope(),
                                     "\" and may cover more or less than this agency's table"));
    }
    if (carried_unpaired) reasons.push_back("the figure includes carried-over applications");
    if (!reasons.empty()) {
      f.set_status(Finding::UNCERTAIN);
      f.set_severity(xxgk::v1::WARNING);
      f.set_uncertain_reason(absl::StrJoin(reasons, "; "));
      f.set_message(absl::StrCat(f.message(), "（正文为“", fact.scope().empty() ? "含结转" : fact.scope(),
                                 "”口径，可能与本机关统计表口径不同，请核实。）"));
    } else if (fact.approximation() == ProseFact::ABOUT) {
      f.set_severity(xxgk::v1::WARNING);
    }
    if (from_parts) {
      f.set_message(absl::StrCat(f.message(), "（统计表总计栏空白，按该行各栏之和计。）"));
      f.set_message_en(absl::StrCat(f.message_en(),
                                    " (The table's total is blank; the sum of its row is used.)"));
    }
    if (any_blank) {
      f.set_message(absl::StrCat(f.message(), "（统计表该处空白，按0计。）"));
    }
    out->push_back(std::move(f));
  }

  absl::flat_hash_map<std::string, Pairing> pairings_;
  std::vector<std::string> scopes_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<Check>> CompileProseReconcile(const xxgk::v1::Rule& rule) {
  const auto& p = rule.prose_reconcile();
  if (p.pairings().empty()) return absl::InvalidArgumentError("prose_reconcile.pairings: empty");
  absl::flat_hash_map<std::string, Pairing> pairings;
  for (int i = 0; i < p.pairings_size(); ++i) {
    const auto& src = p.pairings(i);
    const std::string field = absl::StrCat("prose_reconcile.pairings[", i, "]");
    if (src.subject().empty()) return absl::InvalidArgumentError(absl::StrCat(field, ".subject: empty"));
    if (src.cells().empty()) return absl::InvalidArgumentError(absl::StrCat(field, ".cells: empty"));
    Pairing pairing;
    pairing.unit = src.cell_unit();
    if (auto s = ExpandCellPatterns(src.cells(), field + ".cells", &pairing.cells); !s.ok()) return s;
    if (auto s = ExpandCellPatterns(src.cells_with_carried_over(), field + ".cells_with_carried_over",
                           &pairing.with_carried_over);
        !s.ok()) {
      return s;
    }
    if (!pairings.emplace(src.subject(), std::move(pairing)).second) {
      return absl::InvalidArgumentError(absl::StrCat(field, ".subject: \"", src.subject(), "\" paired twice"));
    }
  }
  // blank_totals: for each total cell of a pairing, the cells it totals
  struct BlankTotal {
    std::string prefix, suffix;  // of the total's pattern, around its '*'
    std::vector<std::pair<std::string, std::string>> parts;
  };
  std::vector<BlankTotal> totals;
  for (int i = 0; i < p.blank_totals_size(); ++i) {
    const auto& src = p.blank_totals(i);
    const std::string field = absl::StrCat("prose_reconcile.blank_totals[", i, "]");
    auto split = [&](const std::string& pattern, const std::string& where,
                     std::pair<std::string, std::string>* out) -> absl::Status {
      const size_t star = pattern.find('*');
      if (star == std::string::npos || pattern.find('*', star + 1) != std::string::npos) {
        return absl::InvalidArgumentError(
            absl::StrCat(where, ": \"", pattern, "\" needs exactly one '*' (e.g. \"t3.*.total\")"));
      }
      *out = {pattern.substr(0, star), pattern.substr(star + 1)};
      return absl::OkStatus();
    };
    BlankTotal t;
    std::pair<std::string, std::string> total;
    if (auto s = split(src.total(), field + ".total", &total); !s.ok()) return s;
    t.prefix = total.first;
    t.suffix = total.second;
    if (src.parts().empty()) return absl::InvalidArgumentError(absl::StrCat(field, ".parts: empty"));
    for (int j = 0; j < src.parts_size(); ++j) {
      std::pair<std::string, std::string> part;
      if (auto s = split(src.parts(j), absl::StrCat(field, ".parts[", j, "]"), &part); !s.ok()) return s;
      t.parts.push_back(std::move(part));
    }
    totals.push_back(std::move(t));
  }
  auto parts_of = [&totals](const std::string& key) {
    std::vector<std::string> out;
    for (const BlankTotal& t : totals) {
      if (key.size() <= t.prefix.size() + t.suffix.size() || key.rfind(t.prefix, 0) != 0 ||
          key.compare(key.size() - t.suffix.size(), t.suffix.size(), t.suffix) != 0) {
        continue;
      }
      const std::string row = key.substr(t.prefix.size(), key.size() - t.prefix.size() - t.suffix.size());
      for (const auto& [before, after] : t.parts) {
        std::string part = absl::StrCat(before, row, after);
        if (xxgk::report::IsCellKey(part)) out.push_back(std::move(part));
      }
      break;
    }
    return out;
  };
  for (auto& [subject, pairing] : pairings) {
    for (const std::string& k : pairing.cells) pairing.cells_parts.push_back(parts_of(k));
    for (const std::string& k : pairing.with_carried_over) {
      pairing.with_carried_over_parts.push_back(parts_of(k));
    }
  }
  std::vector<std::string> scopes(p.uncertain_scopes().begin(), p.uncertain_scopes().end());
  return std::unique_ptr<Check>(new ProseReconcileCheck(std::move(pairings), std::move(scopes)));
}

}  // namespace xxgk::rules
