#include "rules/finding_util.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "report/cell_keys.h"
#include "rules/labels.h"

namespace xxgk::rules {

namespace {

// An operand's presence, raw text, span and value from its cell.
void FillCellValue(const xxgk::v1::Cell* cell, xxgk::v1::Operand* op) {
  if (cell == nullptr) return;
  op->set_presence(cell->presence());
  // An empty raw text (a blank cell's) is the field's default: not set, so
  // no string is made for it (the message is the same).
  if (!cell->raw().empty()) op->set_raw(cell->raw());
  *op->mutable_span() = cell->span();
  Decimal value;
  switch (ReadCellValue(cell, &value)) {
    case CellNumber::Kind::kNumber:
      op->set_value(value.ToString());
      break;
    case CellNumber::Kind::kBlank:
      op->set_value("0");
      break;
    default:
      break;
  }
}

}  // namespace

xxgk::v1::Operand CellOperand(std::string_view key, const xxgk::v1::Cell* cell) {
  xxgk::v1::Operand op;
  op.set_key(std::string(key));
  op.set_label(CellLabel(key, Lang::kZh));
  FillCellValue(cell, &op);
  return op;
}

void FillCellOperand(std::string_view key, CellId id, const xxgk::v1::Cell* cell, xxgk::v1::Operand* op) {
  op->set_key(key.data(), key.size());
  op->set_label(CellLabelOf(id, Lang::kZh));
  FillCellValue(cell, op);
}

std::string OperandTerm(const xxgk::v1::Operand& op) { return op.value().empty() ? "?" : op.value(); }

std::string JoinTerms(const std::vector<std::string>& terms) {
  if (terms.empty()) return "0";
  return absl::StrJoin(terms, " + ");
}

void SetCellLocation(const CellIndex& cells, const std::vector<std::string>& keys, xxgk::v1::Location* location,
                     bool with_place) {
  std::vector<std::string_view> views(keys.begin(), keys.end());
  std::vector<CellId> ids;
  ids.reserve(keys.size());
  for (const std::string& k : keys) ids.push_back(CellIdOf(k));
  SetCellLocation(cells, views, ids, location);
  if (with_place && !keys.empty()) {
    location->set_place(PlaceOfKeys(keys, Lang::kZh));
    location->set_place_en(PlaceOfKeys(keys, Lang::kEn));
  }
}

void SetCellLocation(const CellIndex& cells, const std::vector<std::string_view>& keys, const std::vector<CellId>& ids,
                     xxgk::v1::Location* location) {
  if (keys.empty()) return;
  const std::string_view table = report::TableOfKey(keys[0]);
  location->set_table(table.data(), table.size());
  if (location->section() == xxgk::v1::Section::KIND_UNSPECIFIED) {
    location->set_section(SectionOfTable(table));
  }
  location->mutable_cell_keys()->Reserve(static_cast<int>(keys.size()));
  for (std::string_view k : keys) location->add_cell_keys(k.data(), k.size());
  for (CellId id : ids) {
    const xxgk::v1::Cell* c = id == kNoCell ? nullptr : cells.Find(id);
    if (c != nullptr && c->span().end() > c->span().begin()) {
      *location->mutable_span() = c->span();
      break;
    }
  }
}

xxgk::v1::Section::Kind SectionOfTable(std::string_view table) {
  if (table == "t2") return xxgk::v1::Section::ACTIVE_DISCLOSURE;
  if (table == "t3") return xxgk::v1::Section::APPLICATIONS;
  if (table == "t4") return xxgk::v1::Section::REVIEW_LITIGATION;
  return xxgk::v1::Section::KIND_UNSPECIFIED;
}

xxgk::v1::Finding NewFinding() {
  xxgk::v1::Finding f;
  f.set_status(xxgk::v1::Finding::FAIL);
  return f;
}

bool NotAssessableWithoutReportText(const xxgk::v1::Report& report, xxgk::v1::Finding* f) {
  using xxgk::v1::ReadingNote;
  const auto note = std::find_if(report.notes().begin(), report.notes().end(), [](const auto& n) {
    return n.kind() == ReadingNote::NO_REPORT_TEXT || n.kind() == ReadingNote::NO_TEXT_LAYER;
  });
  if (note == report.notes().end()) return false;
  f->set_status(xxgk::v1::Finding::NOT_ASSESSABLE);
  f->set_severity(xxgk::v1::INFO);
  const bool scan = note->kind() == ReadingNote::NO_TEXT_LAYER;
  f->set_message(absl::StrCat(scan ? "文档中没有可读取的报告文字（扫描件或文字无法提取），无法检查："
                                   : "页面没有报告正文（报告在附件或图片中），无法检查：",
                              f->message()));
  f->set_message_en(absl::StrCat(
      scan ? "The file holds no readable text (a scan, or text that cannot be extracted), so this "
             "cannot be checked: "
           : "The page holds no report text (the report is in an attachment or in images), so "
             "this cannot be checked: ",
      f->message_en()));
  return true;
}

const xxgk::v1::Section* FindSection(const xxgk::v1::Report& report, xxgk::v1::Section::Kind kind) {
  for (const auto& s : report.sections()) {
    if (s.kind() == kind) return &s;
  }
  return nullptr;
}

}  // namespace xxgk::rules
