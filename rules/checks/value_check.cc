// value_check: every matching cell holding a number satisfies the kind
// (non-negative integer, ...); TEXT cells optionally count as invalid.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "report/cell_keys.h"
#include "rules/checks/checks.h"
#include "rules/decimal.h"
#include "rules/finding_util.h"
#include "rules/labels.h"
#include "rules/money.h"

namespace xxgk::rules {
namespace {

using xxgk::v1::ValueCheck;

class ValueCheckImpl : public Check {
 public:
  ValueCheckImpl(std::vector<std::string> keys, ValueCheck::Kind kind, bool text_is_invalid,
                 std::optional<Decimal> max, std::string unit)
      : keys_(std::move(keys)),
        ids_(CellIdsOf(keys_)),
        kind_(kind),
        text_is_invalid_(text_is_invalid),
        max_(max),
        unit_(std::move(unit)) {}

  void Evaluate(const EvalContext& ctx, std::vector<xxgk::v1::Finding>* out) const override {
    const CellIndex& cells = ctx.cells();
    for (size_t i = 0; i < ids_.size(); ++i) {
      const xxgk::v1::Cell* cell = cells.Find(ids_[i]);
      if (cell == nullptr) continue;
      if (cell->presence() == xxgk::v1::Cell::NUMBER) {
        // Most numbers pass: tested before any text is made for them.
        const EvalContext::Number& n = ctx.number(ids_[i]);
        if (n.kind == CellNumber::Kind::kNumber && !Problem(n.value, nullptr, nullptr) &&
            !OtherUnit(*cell)) {
          continue;
        }
      }
      const std::string& key = keys_[i];
      std::string zh, en;
      if (cell->presence() == xxgk::v1::Cell::TEXT) {
        if (!text_is_invalid_) continue;
        zh = absl::StrCat("“", cell->raw(), "”不是数字");
        en = absl::StrCat("\"", cell->raw(), "\" is not a number");
      } else if (cell->presence() == xxgk::v1::Cell::NUMBER) {
        const EvalContext::Number& n = ctx.number(ids_[i]);
        if (n.kind != CellNumber::Kind::kNumber) {
          // Parsed again for the reason (rare).
          const absl::StatusOr<Decimal> d = Decimal::Parse(cell->value());
          zh = absl::StrCat("“", cell->raw().empty() ? cell->value() : cell->raw(), "”无法作为数值读取（",
                            d.status().message(), "）");
          en = absl::StrCat("\"", cell->raw().empty() ? cell->value() : cell->raw(),
                            "\" cannot be read as a number (", d.status().message(), ")");
        } else if (!Problem(n.value, &zh, &en)) {
          UnitProblem(*cell, &zh, &en);
        }
      } else {
        continue;  // blank / NA: the blank_cells rule reports those
      }
      if (zh.empty()) continue;
      xxgk::v1::Finding f = NewFinding();
      f.set_message(absl::StrCat(CellLabel(key, Lang::kZh), ": ", zh));
      f.set_message_en(absl::StrCat(CellLabel(key, Lang::kEn), ": ", en));
      SetCellLocation(cells, {key}, f.mutable_location());
      *f.add_operands() = CellOperand(key, cell);
      f.set_actual(cell->presence() == xxgk::v1::Cell::NUMBER ? cell->value() : cell->raw());
      f.set_expected(ExpectedText());
      out->push_back(std::move(f));
    }
  }

 private:
  // Whether `d` breaks the kind or the maximum; with zh and en, the texts
  // saying how.
  bool Problem(const Decimal& d, std::string* zh, std::string* en) const {
    const bool non_negative = kind_ == ValueCheck::NON_NEGATIVE_INTEGER || kind_ == ValueCheck::NON_NEGATIVE_DECIMAL;
    const bool integer = kind_ == ValueCheck::NON_NEGATIVE_INTEGER || kind_ == ValueCheck::INTEGER;
    const bool negative = non_negative && d.is_negative();
    const bool fraction = !negative && integer && !d.is_integer();
    const bool too_large = !negative && !fraction && max_ && d > *max_;
    if (zh == nullptr) return negative || fraction || too_large;
    if (negative) {
      *zh = absl::StrCat("数值", d.ToString(), "为负数，应为", ExpectedZh());
      *en = absl::StrCat("value ", d.ToString(), " is negative; expected ", ExpectedText());
    } else if (fraction) {
      *zh = absl::StrCat("数值", d.ToString(), "不是整数，应为", ExpectedZh());
      *en = absl::StrCat("value ", d.ToString(), " is not a whole number; expected ", ExpectedText());
    } else if (too_large) {
      *zh = absl::StrCat("数值", d.ToString(), "超过合理上限", max_->ToString());
      *en = absl::StrCat("value ", d.ToString(), " exceeds the plausible maximum ", max_->ToString());
    }
    return negative || fraction || too_large;
  }

  // Whether the cell states a money unit other than the column's.
  bool OtherUnit(const xxgk::v1::Cell& cell) const {
    return !unit_.empty() && !cell.unit().empty() && cell.unit() != unit_ &&
           MoneyShift(cell.unit()) >= 0;
  }

  // The texts for a number written in another unit than its column's, with
  // the number in the column's unit.
  void UnitProblem(const xxgk::v1::Cell& cell, std::string* zh, std::string* en) const {
    if (!OtherUnit(cell)) return;
    const std::string written = cell.raw().empty() ? cell.value() + cell.unit() : cell.raw();
    const absl::StatusOr<Decimal> in_column =
        Decimal::Parse(ShiftPoint(cell.value(), MoneyShift(cell.unit()) - MoneyShift(unit_)));
    const std::string converted = in_column.ok() ? in_column->ToString() : "";
    *zh = absl::StrCat("“", written, "”以", cell.unit(), "为单位，该栏以", unit_, "计",
                       converted.empty() ? "" : absl::StrCat("，应填", converted));
    *en = absl::StrCat("\"", written, "\" is in ", cell.unit(), " but the column is in ", unit_,
                       converted.empty() ? "" : absl::StrCat("; it should read ", converted));
  }

  std::string ExpectedZh() const {
    switch (kind_) {
      case ValueCheck::NON_NEGATIVE_INTEGER:
        return "非负整数";
      case ValueCheck::NON_NEGATIVE_DECIMAL:
        return "非负数";
      case ValueCheck::INTEGER:
        return "整数";
      default:
        return "数值";
    }
  }
  std::string ExpectedText() const {
    std::string s;
    switch (kind_) {
      case ValueCheck::NON_NEGATIVE_INTEGER:
        s = "a whole number ≥ 0";
        break;
      case ValueCheck::NON_NEGATIVE_DECIMAL:
        s = "a number ≥ 0";
        break;
      case ValueCheck::INTEGER:
        s = "a whole number";
        break;
      default:
        s = "a number";
        break;
    }
    if (max_) absl::StrAppend(&s, " ≤ ", max_->ToString());
    if (!unit_.empty()) absl::StrAppend(&s, " in ", unit_);
    return s;
  }

  std::vector<std::string> keys_;
  std::vector<CellId> ids_;  // of keys_
  ValueCheck::Kind kind_;
  bool text_is_invalid_;
  std::optional<Decimal> max_;
  std::string unit_;  // the column's money unit; empty: not checked
};

}  // namespace

absl::StatusOr<std::unique_ptr<Check>> CompileValueCheck(const xxgk::v1::Rule& rule) {
  const ValueCheck& p = rule.value_check();
  if (p.cells().empty()) return absl::InvalidArgumentError("value_check.cells: empty (name at least one cell pattern)");
  std::vector<std::string> keys;
  for (int i = 0; i < p.cells_size(); ++i) {
    std::vector<std::string> k = report::ExpandPattern(p.cells(i));
    if (k.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("value_check.cells[", i, "]: unknown cell key \"", p.cells(i), "\""));
    }
    for (auto& key : k) {
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(std::move(key));
    }
  }
  std::optional<Decimal> max;
  if (!p.max_value().empty()) {
    absl::StatusOr<Decimal> d = Decimal::Parse(p.max_value());
    if (!d.ok()) {
      return absl::InvalidArgumentError(absl::StrCat("value_check.max_value: ", d.status().message()));
    }
    max = *d;
  }
  if (!p.unit().empty() && MoneyShift(p.unit()) < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("value_check.unit: \"", p.unit(), "\" is not a money unit (元, 万元 or 亿元)"));
  }
  return std::make_unique<ValueCheckImpl>(std::move(keys), p.kind(), p.text_is_invalid(), max, p.unit());
}

}  // namespace xxgk::rules
