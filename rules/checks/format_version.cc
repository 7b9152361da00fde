// format_version: the tables' layout belongs to the format version the report
// year requires (≥ 2021 → 2021 format; 2019–2020 → 2019 trial format; ≤ 2018 →
// the pre-2019 statistics table).
//
// A table's layout is TableInfo.layout when the reader decided it, otherwise
// it is inferred from the cells read: cells that exist only in one version
// (2019: 本年新制作数量, 上一年项目数量, 政府集中采购, the single （六）其他处理 row; 2021:
// 本年制发件数, 本年收费金额, the three （六） rows; pre-2019: any cell of the
// statistics table). One finding per table in the wrong version, naming the
// cells that betray it. Quiet when no table was found or the year is unknown.
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "report/cell_keys.h"
#include "rules/checks/checks.h"
#include "rules/finding_util.h"
#include "rules/labels.h"

namespace xxgk::rules {
namespace {

using xxgk::v1::Finding;
using xxgk::v1::FormatVersion;

std::vector<std::string> Expand(const std::vector<std::string>& patterns) {
  std::vector<std::string> keys;
  for (const auto& p : patterns) {
    for (auto& k : report::ExpandPattern(p)) keys.push_back(std::move(k));
  }
  return keys;
}

FormatVersion RequiredFormat(int year) {
  if (year <= 0) return xxgk::v1::FORMAT_VERSION_UNSPECIFIED;
  if (year >= 2021) return xxgk::v1::FORMAT_2021;
  if (year >= 2019) return xxgk::v1::FORMAT_2019;
  return xxgk::v1::FORMAT_LEGACY;
}

const char* FormatDoc(FormatVersion f) {
  switch (f) {
    case xxgk::v1::FORMAT_2021:
      return "国办公开办函〔2021〕30号";
    case xxgk::v1::FORMAT_2019:
      return "国办公开办函〔2019〕60号";
    default:
      return "国办发〔2014〕32号统计表";
  }
}

struct TableSignature {
  std::string table;
  // Cells only the 2019 layout has, and cells only the 2021 layout has.
  std::vector<std::string> only_2019;
  std::vector<std::string> only_2021;
};

// The CellIds of a TableSignature's two lists.
struct SignatureIds {
  std::vector<CellId> only_2019;
  std::vector<CellId> only_2021;
};

class FormatVersionCheck : public Check {
 public:
  FormatVersionCheck() {
    sigs_.push_back({"t2",
                     Expand({"t2.rules.new_made", "t2.rules.new_published", "t2.rules.total_public",
                             "t2.normative_documents.new_made", "t2.normative_documents.new_published",
                             "t2.normative_documents.total_public", "t2.*.previous_count", "t2.*.change",
                             "t2.other_services.*", "t2.procurement.*"}),
                     Expand({"t2.rules.issued", "t2.rules.repealed", "t2.rules.in_force",
                             "t2.normative_documents.issued", "t2.normative_documents.repealed",
                             "t2.normative_documents.in_force", "t2.fees.amount_wan_yuan"})});
    sigs_.push_back({"t3",
                     Expand({"t3.result.other.natural_person", "t3.result.other.commercial_enterprise",
                             "t3.result.other.research_institution", "t3.result.other.social_welfare_org",
                             "t3.result.other.legal_service_org", "t3.result.other.other_org",
                             "t3.result.other.total"}),
                     Expand({"t3.result.other.no_correction.*", "t3.result.other.unpaid_fee.*",
                             "t3.result.other.other.*"})});
    for (const auto& k : report::AllCellKeys()) {
      if (report::TableOfKey(k) == "legacy") legacy_keys_.push_back(k);
    }
    for (const auto& sig : sigs_) sig_ids_.push_back(SignatureIds{CellIdsOf(sig.only_2019), CellIdsOf(sig.only_2021)});
    legacy_ids_ = CellIdsOf(legacy_keys_);
  }

  void Evaluate(const EvalContext& ctx, std::vector<Finding>* out) const override {
    const auto& report = ctx.report;
    const FormatVersion required = RequiredFormat(report.meta().report_year());
    if (required == xxgk::v1::FORMAT_VERSION_UNSPECIFIED) return;
    const auto& tables = report.tables();

    for (size_t s = 0; s < sigs_.size(); ++s) {
      const TableSignature& sig = sigs_[s];
      const xxgk::v1::TableInfo& info = sig.table == "t2" ? tables.t2().info() : tables.t3().info();
      // Whether any cell of either list was read; the keys only for a finding.
      const bool any_2019 = AnyRead(ctx.cells(), sig_ids_[s].only_2019);
      const bool any_2021 = AnyRead(ctx.cells(), sig_ids_[s].only_2021);
      FormatVersion layout = info.layout();
      if (layout == xxgk::v1::FORMAT_VERSION_UNSPECIFIED) {
        if (any_2019 && !any_2021) layout = xxgk::v1::FORMAT_2019;
        if (any_2021 && !any_2019) layout = xxgk::v1::FORMAT_2021;
      }
      if (layout == xxgk::v1::FORMAT_VERSION_UNSPECIFIED || layout == required) continue;
      if (!info.found() && !any_2019 && !any_2021) continue;
      const std::vector<std::string> evidence =
          layout == xxgk::v1::FORMAT_2019 ? ReadKeys(ctx.cells(), sig.only_2019, sig_ids_[s].only_2019)
                                          : ReadKeys(ctx.cells(), sig.only_2021, sig_ids_[s].only_2021);
      out->push_back(MakeFinding(report, ctx.cells(), sig.table, layout, required, evidence));
    }

    // The pre-2019 statistics table in a later report, or the new tables in a
    // pre-2019 report (the latter is caught above: t2/t3 layouts ≠ legacy).
    if (required != xxgk::v1::FORMAT_LEGACY) {
      if (tables.legacy().info().found() || AnyRead(ctx.cells(), legacy_ids_)) {
        out->push_back(MakeFinding(report, ctx.cells(), "legacy", xxgk::v1::FORMAT_LEGACY, required,
                                   ReadKeys(ctx.cells(), legacy_keys_, legacy_ids_)));
      }
    }
  }

 private:
  // Whether any of `ids` was read.
  static bool AnyRead(const CellIndex& cells, const std::vector<CellId>& ids) {
    for (CellId id : ids) {
      if (cells.Find(id) != nullptr) return true;
    }
    return false;
  }

  // The keys whose cells were read (keys[i] has id ids[i]).
  static std::vector<std::string> ReadKeys(const CellIndex& cells, const std::vector<std::string>& keys,
                                           const std::vector<CellId>& ids) {
    std::vector<std::string> read;
    for (size_t i = 0; i < ids.size(); ++i) {
      if (cells.Find(ids[i]) != nullptr) read.push_back(keys[i]);
    }
    return read;
  }

  static Finding MakeFinding(const xxgk::v1::Report& report, const CellIndex& cells, const std::string& table, FormatVersion layout,
                             FormatVersion required, const std::vector<std::string>& evidence) {
    Finding f = NewFinding();
    std::vector<std::string> zh, en;
    for (size_t i = 0; i < evidence.size() && i < 4; ++i) {
      zh.push_back(CellLabelInTable(evidence[i], Lang::kZh));
      en.push_back(CellLabelInTable(evidence[i], Lang::kEn));
    }
    const int year = report.meta().report_year();
    std::string zh_ev = zh.empty() ? "" : absl::StrCat("（如：", absl::StrJoin(zh, "；"), "）");
    std::string en_ev = en.empty() ? "" : absl::StrCat(" (e.g. ", absl::StrJoin(en, "; "), ")");
    f.set_message(absl::StrFormat("%s的表式属于%s%s，但%d年度报告应使用%s（%s）。", TableLabel(table, Lang::kZh),
                                  FormatLabel(layout, Lang::kZh), zh_ev, year, FormatLabel(required, Lang::kZh),
                                  FormatDoc(required)));
    f.set_message_en(absl::StrFormat("%s uses the layout of the %s%s, but a report for %d must use the %s.",
                                     TableLabel(table, Lang::kEn), FormatLabel(layout, Lang::kEn), en_ev, year,
                                     FormatLabel(required, Lang::kEn)));
    f.set_expected(FormatLabel(required, Lang::kZh));
    f.set_actual(FormatLabel(layout, Lang::kZh));
    if (!evidence.empty()) {
      SetCellLocation(cells, evidence, f.mutable_location());
      for (const auto& k : evidence) *f.add_operands() = CellOperand(k, cells.Find(k));
    }
    f.mutable_location()->set_table(table);
    if (f.location().place().empty()) {
      f.mutable_location()->set_place(TableLabel(table, Lang::kZh));
      f.mutable_location()->set_place_en(TableLabel(table, Lang::kEn));
    }
    return f;
  }

  std::vector<TableSignature> sigs_;
  std::vector<SignatureIds> sig_ids_;  // by sigs_ index
  std::vector<std::string> legacy_keys_;
  std::vector<CellId> legacy_ids_;  // of legacy_keys_
};

}  // namespace

absl::StatusOr<std::unique_ptr<Check>> CompileFormatVersion(const xxgk::v1::Rule& /*rule*/) {
  return std::unique_ptr<Check>(new FormatVersionCheck());
}

}  // namespace xxgk::rules
