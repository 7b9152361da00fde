// required_table: a statistics table is present (TABLE_MISSING otherwise,
// saying so when its section holds no table because it was an image) and has
// its required cells (one TABLE_SHAPE finding listing the missing ones).
#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "report/cell_keys.h"
#include "rules/checks/checks.h"
#include "rules/finding_util.h"
#include "rules/labels.h"
#include "rules/select.h"

namespace xxgk::rules {
namespace {

const xxgk::v1::TableInfo* InfoOf(const xxgk::v1::Tables& t, const std::string& table) {
  if (table == "t2") return t.has_t2() ? &t.t2().info() : nullptr;
  if (table == "t3") return t.has_t3() ? &t.t3().info() : nullptr;
  if (table == "t4") return t.has_t4() ? &t.t4().info() : nullptr;
  if (table == "legacy") return t.has_legacy() ? &t.legacy().info() : nullptr;
  return nullptr;
}

// The ids of every cell of `table`.
std::vector<CellId> TableCellIds(const std::string& table) {
  const std::string prefix = table + ".";
  std::vector<CellId> out;
  for (const std::string& key : report::AllCellKeys()) {
    if (key.compare(0, prefix.size(), prefix) == 0) out.push_back(CellIdOf(key));
  }
  return out;
}

bool AnyCellRead(const CellIndex& cells, const std::vector<CellId>& ids) {
  for (CellId id : ids) {
    if (cells.Find(id) != nullptr) return true;
  }
  return false;
}

class RequiredTableCheck : public Check {
 public:
  RequiredTableCheck(std::string table, std::vector<std::string> cells)
      : table_(std::move(table)), cells_(std::move(cells)), cell_ids_(CellIdsOf(cells_)),
        table_ids_(TableCellIds(table_)) {}

  void Evaluate(const EvalContext& ctx, std::vector<xxgk::v1::Finding>* out) const override {
    const xxgk::v1::Report& r = ctx.report;
    const xxgk::v1::TableInfo* info = InfoOf(r.tables(), table_);
    const CellIndex& index = ctx.cells();
    const bool found = (info != nullptr && info->found()) || AnyCellRead(index, table_ids_);
    if (!found) {
      const std::string tzh = TableLabel(table_, Lang::kZh), ten = TableLabel(table_, Lang::kEn);
      xxgk::v1::Finding f = NewFinding();
      f.set_category(xxgk::v1::TABLE_MISSING);
      f.mutable_location()->set_table(table_);
      f.mutable_location()->set_place(tzh);
      f.mutable_location()->set_place_en(ten);
      const xxgk::v1::Section::Kind kind = SectionOfTable(table_);
      f.mutable_location()->set_section(kind);
      const xxgk::v1::ReadingNote* image_note = nullptr;
      for (const auto& n : r.notes()) {
        if (n.kind() == xxgk::v1::ReadingNote::TABLE_AS_IMAGE && (n.table() == table_ || n.table().empty())) {
          image_note = &n;
          if (n.table() == table_) break;
        }
      }
      const xxgk::v1::Section* section =
          kind == xxgk::v1::Section::KIND_UNSPECIFIED ? nullptr : FindSection(r, kind);
      if (image_note != nullptr || section != nullptr) {
        const std::string szh = SectionLabel(kind, Lang::kZh), sen = SectionLabel(kind, Lang::kEn);
        f.set_message(absl::StrCat("未找到", tzh, "：",
                                   section != nullptr ? absl::StrCat("“", szh, "”部分") : std::string("报告"),
                                   "中没有可读取的表格，表格可能以图片形式发布，数字无法核对"));
        f.set_message_en(absl::StrCat(ten, " not found: ",
                                      section != nullptr ? absl::StrCat("the part \"", sen, "\"")
                                                         : std::string("the report"),
                                      " holds no readable table; it was probably published as an image, so its "
                                      "figures cannot be checked"));
        if (image_note != nullptr) {
          f.mutable_location()->set_excerpt(image_note->excerpt());
          *f.mutable_location()->mutable_span() = image_note->span();
        } else if (section != nullptr) {
          f.mutable_location()->set_excerpt(section->heading());
          *f.mutable_location()->mutable_span() = section->heading_span();
        }
      } else {
        f.set_message(absl::StrCat("未找到", tzh));
        f.set_message_en(absl::StrCat(ten, " is missing"));
      }
      NotAssessableWithoutReportText(r, &f);
      out->push_back(std::move(f));
      return;
    }
    // A table in another format version's layout is the FORMAT_VERSION
    // rule's business, not a shape problem.
    if (info != nullptr && info->layout() != xxgk::v1::FORMAT_VERSION_UNSPECIFIED && (table_ == "t2" || table_ == "t3")) {
      if (info->layout() != RequiredFormat(r, nullptr)) return;
    }
    std::vector<std::string> missing;
    for (size_t i = 0; i < cell_ids_.size(); ++i) {
      if (index.Find(cell_ids_[i]) == nullptr) missing.push_back(cells_[i]);
    }
    if (missing.empty()) return;
    const std::string tzh = TableLabel(table_, Lang::kZh), ten = TableLabel(table_, Lang::kEn);
    std::vector<std::string> zh, en;
    for (size_t i = 0; i < missing.size() && i < 12; ++i) {
      zh.push_back(CellLabelInTable(missing[i], Lang::kZh));
      en.push_back(CellLabelInTable(missing[i], Lang::kEn));
    }
    const std::string more_zh = missing.size() > 12 ? absl::StrCat(" 等共", missing.size(), "项") : "";
    const std::string more_en = missing.size() > 12 ? absl::StrCat(" and ", missing.size() - 12, " more") : "";
    xxgk::v1::Finding f = NewFinding();
    f.set_category(xxgk::v1::TABLE_SHAPE);
    f.set_message(absl::StrCat(tzh, "缺少", missing.size(), "个单元格：", absl::StrJoin(zh, "；"), more_zh));
    f.set_message_en(absl::StrCat(ten, " lacks ", missing.size(), " cell(s): ", absl::StrJoin(en, "; "), more_en));
    SetCellLocation(index, missing, f.mutable_location(), /*with_place=*/false);  // the place is the table's
    f.mutable_location()->set_place(tzh);
    f.mutable_location()->set_place_en(ten);
    if (info != nullptr) *f.mutable_location()->mutable_span() = info->span();
    out->push_back(std::move(f));
  }

 private:
  std::string table_;
  std::vector<std::string> cells_;
  std::vector<CellId> cell_ids_;   // of cells_
  std::vector<CellId> table_ids_;  // every cell of table_
};

}  // namespace

absl::StatusOr<std::unique_ptr<Check>> CompileRequiredTable(const xxgk::v1::Rule& rule) {
  const auto& p = rule.required_table();
  if (p.table() != "t2" && p.table() != "t3" && p.table() != "t4" && p.table() != "legacy") {
    return absl::InvalidArgumentError(
        absl::StrCat("required_table.table: \"", p.table(), "\" is not a table (t2, t3, t4 or legacy)"));
  }
  std::vector<std::string> cells;
  for (int i = 0; i < p.required_cells_size(); ++i) {
    std::vector<std::string> keys = report::ExpandPattern(p.required_cells(i));
    if (keys.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("required_table.required_cells[", i, "]: unknown cell key \"", p.required_cells(i), "\""));
    }
    for (auto& k : keys) {
      if (report::TableOfKey(k) != p.table()) {
        return absl::InvalidArgumentError(absl::StrCat("required_table.required_cells[", i, "]: \"", k,
                                                       "\" is not a cell of table ", p.table()));
      }
      if (std::find(cells.begin(), cells.end(), k) == cells.end()) cells.push_back(std::move(k));
    }
  }
  return std::make_unique<RequiredTableCheck>(p.table(), std::move(cells));
}

}  // namespace xxgk::rules
