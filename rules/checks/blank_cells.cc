// blank_cells: cells that should hold a number but were left blank (or, with
// include_na, hold "/", "-", "无"…). The arithmetic reads them as 0; this check
// keeps the observation visible — one finding per table listing every such
// cell, never one finding per cell.
#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "report/cell_keys.h"
#include "rules/checks/checks.h"
#include "rules/finding_util.h"
#include "rules/labels.h"

namespace xxgk::rules {
namespace {

using xxgk::v1::Cell;
using xxgk::v1::Finding;

constexpr size_t kListedInMessage = 8;

class BlankCellsCheck : public Check {
 public:
  BlankCellsCheck(std::vector<std::string> keys, bool include_na)
      : keys_(std::move(keys)), ids_(CellIdsOf(keys_)), include_na_(include_na) {
    tables_.reserve(keys_.size());
    for (const std::string& k : keys_) tables_.push_back(report::TableOfKey(k));
  }
  // tables_ views into keys_ (short keys live inside the strings): a copy or
  // move would leave them pointing into the source.
  BlankCellsCheck(const BlankCellsCheck&) = delete;
  BlankCellsCheck& operator=(const BlankCellsCheck&) = delete;

  void Evaluate(const EvalContext& ctx, std::vector<Finding>* out) const override {
    const CellIndex& cells = ctx.cells();
    // The blank cells by table, tables in the order their first blank cell
    // comes (positions in keys_; no strings until a finding is made).
    struct Group {
      std::string_view table;  // in keys_
      std::vector<size_t> at;
    };
    std::vector<Group> groups;
    for (size_t i = 0; i < ids_.size(); ++i) {
      const Cell* cell = cells.Find(ids_[i]);
      if (cell == nullptr) continue;
      const bool blank = cell->presence() == Cell::BLANK || (include_na_ && cell->presence() == Cell::NA);
      if (!blank) continue;
      const std::string_view table = tables_[i];
      auto g = std::find_if(groups.begin(), groups.end(), [&](const Group& x) { return x.table == table; });
      if (g == groups.end()) g = groups.insert(groups.end(), Group{table, {}});
      g->at.push_back(i);
    }
    for (const Group& group : groups) {
      const std::string table(group.table);
      const size_t count = group.at.size();
      std::vector<std::string_view> keys;
      std::vector<CellId> ids;
      keys.reserve(count);
      ids.reserve(count);
      for (size_t i : group.at) {
        keys.push_back(keys_[i]);
        ids.push_back(ids_[i]);
      }
      Finding f = NewFinding();
      f.mutable_operands()->Reserve(static_cast<int>(count));
      std::vector<absl::string_view> zh, en;  // for absl::StrJoin
      int na = 0;
      for (size_t j = 0; j < count; ++j) {
        const Cell* cell = cells.Find(ids[j]);
        if (cell->presence() == Cell::NA) ++na;
        if (zh.size() < kListedInMessage) {
          zh.push_back(absl::string_view(CellLabelInTableOf(ids[j], Lang::kZh)));
          en.push_back(absl::string_view(CellLabelInTableOf(ids[j], Lang::kEn)));
        }
        FillCellOperand(keys[j], ids[j], cell, f.add_operands());
      }
      const std::string more_zh = keys.size() > kListedInMessage ? absl::StrCat(" 等", keys.size(), "处") : "";
      const std::string more_en =
          keys.size() > kListedInMessage ? absl::StrCat(" and ", keys.size() - kListedInMessage, " more") : "";
      const std::string na_zh = na > 0 ? absl::StrCat("（其中", na, "处填写“/”“-”“无”等）") : "";
      const std::string na_en = na > 0 ? absl::StrCat(" (", na, " of them hold \"/\", \"-\", \"无\" or similar)") : "";
      f.set_message(absl::StrFormat("%s有%d个应填数字的单元格为空%s，计算时按0处理，应填写“0”：%s%s。",
                                    TableLabel(table, Lang::kZh), keys.size(), na_zh, absl::StrJoin(zh, "；"),
                                    more_zh));
      f.set_message_en(absl::StrFormat(
          "%s has %d cell(s) left blank where a number is expected%s; they are read as 0 and should say 0: %s%s.",
          TableLabel(table, Lang::kEn), keys.size(), na_en, absl::StrJoin(en, "; "), more_en));
      f.set_expected("0 blank");
      f.set_actual(absl::StrCat(keys.size(), " blank"));
      // The place is the table's label, not PlaceOfKeys.
      SetCellLocation(cells, keys, ids, f.mutable_location());
      f.mutable_location()->set_place(TableLabel(table, Lang::kZh));
      f.mutable_location()->set_place_en(TableLabel(table, Lang::kEn));
      out->push_back(std::move(f));
    }
  }

 private:
  std::vector<std::string> keys_;
  std::vector<CellId> ids_;  // of keys_
  std::vector<std::string_view> tables_;  // report::TableOfKey of keys_ (views into keys_)
  bool include_na_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<Check>> CompileBlankCells(const xxgk::v1::Rule& rule) {
  const auto& p = rule.blank_cells();
  if (p.cells_size() == 0) return absl::InvalidArgumentError("blank_cells.cells: empty");
  std::vector<std::string> keys;
  absl::flat_hash_set<std::string> seen;
  for (int i = 0; i < p.cells_size(); ++i) {
    // A table or group prefix ("t3", "legacy.applications") stands for every
    // cell below it; otherwise the pattern is a key with `*` wildcards.
    std::vector<std::string> expanded = report::ExpandPattern(p.cells(i));
    if (expanded.empty() && report::IsKeyPrefix(p.cells(i))) {
      const std::string prefix = absl::StrCat(p.cells(i), ".");
      for (const auto& k : report::AllCellKeys()) {
        if (absl::StartsWith(k, prefix)) expanded.push_back(k);
      }
    }
    if (expanded.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("blank_cells.cells[", i, "]: unknown cell key \"", p.cells(i), "\""));
    }
    for (auto& k : expanded) {
      if (seen.insert(k).second) keys.push_back(std::move(k));
    }
  }
  return std::unique_ptr<Check>(new BlankCellsCheck(std::move(keys), p.include_na()));
}

}  // namespace xxgk::rules
