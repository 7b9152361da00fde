#include "rules/finding_util.h"

#include "absl/strings/str_join.h"
#include "report/cell_keys.h"
#include "rules/labels.h"

namespace xxgk::rules {

xxgk::v1::Operand CellOperand(std::string_view key, const xxgk::v1::Cell* cell) {
  xxgk::v1::Operand op;
  op.set_key(std::string(key));
  op.set_label(CellLabel(key, Lang::kZh));
  if (cell == nullptr) return op;
  op.set_presence(cell->presence());
  op.set_raw(cell->raw());
  *op.mutable_span() = cell->span();
  CellNumber n = ReadCellNumber(cell);
  switch (n.kind) {
    case CellNumber::Kind::kNumber:
      op.set_value(n.value.ToString());
      break;
    case CellNumber::Kind::kBlank:
      op.set_value("0");
      break;
    default:
      break;
  }
  return op;
}

std::string OperandTerm(const xxgk::v1::Operand& op) { return op.value().empty() ? "?" : op.value(); }

std::string JoinTerms(const std::vector<std::string>& terms) {
  if (terms.empty()) return "0";
  return absl::StrJoin(terms, " + ");
}

void SetCellLocation(const CellIndex& cells, const std::vector<std::string>& keys, xxgk::v1::Location* location,
                     bool with_place) {
  if (keys.empty()) return;
  std::string table(report::TableOfKey(keys[0]));
  location->set_table(table);
  if (location->section() == xxgk::v1::Section::KIND_UNSPECIFIED) {
    location->set_section(SectionOfTable(table));
  }
  for (const std::string& k : keys) location->add_cell_keys(k);
  if (with_place) {
    location->set_place(PlaceOfKeys(keys, Lang::kZh));
    location->set_place_en(PlaceOfKeys(keys, Lang::kEn));
  }
  for (const std::string& k : keys) {
    const xxgk::v1::Cell* c = cells.Find(k);
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

const xxgk::v1::Section* FindSection(const xxgk::v1::Report& report, xxgk::v1::Section::Kind kind) {
  for (const auto& s : report.sections()) {
    if (s.kind() == kind) return &s;
  }
  return nullptr;
}

}  // namespace xxgk::rules
