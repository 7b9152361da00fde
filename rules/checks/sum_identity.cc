// sum_identity: lhs (= | ≤) rhs, each side a sum of cells, over for_each
// templates and `*` wildcards.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "report/cell_keys.h"
#include "rules/checks/checks.h"
#include "rules/decimal.h"
#include "rules/finding_util.h"
#include "rules/labels.h"

namespace xxgk::rules {
namespace {

using xxgk::v1::SumIdentity;

struct Instance {
  std::vector<std::string> lhs;
  std::vector<std::string> rhs;
  std::vector<CellId> lhs_ids;  // of lhs
  std::vector<CellId> rhs_ids;  // of rhs
  std::vector<std::string> keys;  // lhs then rhs
  // A failure's names depend on the keys alone: made once, at compile time.
  std::string place[2];      // [Lang]: zh, en
  std::string lhs_label[2];
  std::string rhs_label[2];
};

// Expands `{var}` templates with `binding`, then `*` wildcards.
absl::StatusOr<std::vector<std::string>> ExpandTerm(const std::string& term,
                                                    const std::map<std::string, std::string>& binding,
                                                    const std::string& field) {
  std::string key = term;
  size_t open;
  while ((open = key.find('{')) != std::string::npos) {
    size_t close = key.find('}', open);
    if (close == std::string::npos) {
      return absl::InvalidArgumentError(absl::StrCat(field, ": unbalanced '{' in \"", term, "\""));
    }
    std::string var = key.substr(open + 1, close - open - 1);
    auto it = binding.find(var);
    if (it == binding.end()) {
      return absl::InvalidArgumentError(
          absl::StrCat(field, ": template variable {", var, "} in \"", term, "\" is not defined by for_each"));
    }
    key.replace(open, close - open + 1, it->second);
  }
  std::vector<std::string> keys = report::ExpandPattern(key);
  if (keys.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(field, ": unknown cell key \"", key, "\"",
                                                   key == term ? "" : absl::StrCat(" (from \"", term, "\")")));
  }
  return keys;
}

// How a term is named inside the place shared by all keys of the instance.
std::string TermLabel(const std::string& key, bool same_leaf, bool same_row, Lang lang) {
  std::string in_table = CellLabelInTable(key, lang);
  std::vector<std::string> pieces = absl::StrSplit(in_table, " · ");
  if (same_leaf && pieces.size() > 1) pieces.pop_back();             // the column is in the place
  if (same_row && !pieces.empty()) return pieces.back();              // only the column differs
  return absl::StrJoin(pieces, " · ");
}

std::string SideLabel(const std::vector<std::string>& keys, bool same_leaf, bool same_row, Lang lang) {
  const bool zh = lang == Lang::kZh;
  if (keys.size() > 4) {
    return zh ? absl::StrCat(TermLabel(keys.front(), same_leaf, same_row, lang), "至",
                             TermLabel(keys.back(), same_leaf, same_row, lang), "共", keys.size(), "项之和")
              : absl::StrCat("the sum of ", keys.size(), " cells from ",
                             TermLabel(keys.front(), same_leaf, same_row, lang), " to ",
                             TermLabel(keys.back(), same_leaf, same_row, lang));
  }
  std::vector<std::string> labels;
  for (const auto& k : keys) labels.push_back(TermLabel(k, same_leaf, same_row, lang));
  if (labels.size() == 1) return labels[0];
  return zh ? absl::StrCat(absl::StrJoin(labels, "、"), "之和")
            : absl::StrCat("the sum of ", absl::StrJoin(labels, ", "));
}

// Fills the instance's keys and the names a failure shows: the place shared
// by all its cells, and each side named within it.
void NameInstance(Instance* inst) {
  inst->keys = inst->lhs;
  inst->keys.insert(inst->keys.end(), inst->rhs.begin(), inst->rhs.end());
  const std::vector<std::string>& keys = inst->keys;
  bool same_leaf = true, same_row = true;
  const std::string first_leaf = keys[0].substr(keys[0].rfind('.') + 1);
  const std::string first_row = keys[0].substr(0, keys[0].rfind('.'));
  for (const auto& k : keys) {
    same_leaf = same_leaf && k.substr(k.rfind('.') + 1) == first_leaf;
    same_row = same_row && k.substr(0, k.rfind('.')) == first_row;
  }
  if (same_leaf && same_row) same_row = false;  // a single cell on both sides
  for (const Lang lang : {Lang::kZh, Lang::kEn}) {
    const int i = lang == Lang::kZh ? 0 : 1;
    inst->place[i] = PlaceOfKeys(keys, lang);
    inst->lhs_label[i] = SideLabel(inst->lhs, same_leaf, same_row, lang);
    inst->rhs_label[i] = SideLabel(inst->rhs, same_leaf, same_row, lang);
  }
}

class SumIdentityCheck : public Check {
 public:
  SumIdentityCheck(std::vector<Instance> instances, SumIdentity::Relation relation, bool skip_all_blank)
      : instances_(std::move(instances)), relation_(relation), skip_all_blank_(skip_all_blank) {}

  void Evaluate(const EvalContext& ctx, std::vector<xxgk::v1::Finding>* out) const override {
    for (const Instance& inst : instances_) EvaluateInstance(ctx, inst, out);
  }

 private:
  void EvaluateInstance(const EvalContext& ctx, const Instance& inst, std::vector<xxgk::v1::Finding>* out) const {
    // First pass: numbers only (cheap); operands are built for failures.
    Decimal sums[2];
    bool all_blank = true;
    int side = 0;
    for (const auto* ids : {&inst.lhs_ids, &inst.rhs_ids}) {
      for (const CellId id : *ids) {
        const EvalContext::Number& n = ctx.number(id);
        if (n.kind == CellNumber::Kind::kMissing || n.kind == CellNumber::Kind::kInvalid) return;
        if (n.kind == CellNumber::Kind::kNumber) all_blank = false;
        std::optional<Decimal> s = sums[side].Add(n.value);
        if (!s) return;  // cannot happen within Decimal's digit limits
        sums[side] = *s;
      }
      ++side;
    }
    if (skip_all_blank_ && all_blank) return;
    const bool holds = relation_ == SumIdentity::EQUAL ? sums[0] == sums[1] : sums[0] <= sums[1];
    if (holds) return;
    const CellIndex& cells = ctx.cells();
    std::vector<xxgk::v1::Operand> ops;
    for (const std::string& key : inst.keys) ops.push_back(CellOperand(key, cells.Find(key)));

    std::vector<std::string> lterms, rterms;
    for (size_t i = 0; i < ops.size(); ++i) {
      (i < inst.lhs.size() ? lterms : rterms).push_back(OperandTerm(ops[i]));
    }
    const std::string lhs_terms = JoinTerms(lterms), rhs_terms = JoinTerms(rterms);
    const std::string lsum = sums[0].ToString(), rsum = sums[1].ToString();
    const bool eq = relation_ == SumIdentity::EQUAL;
    std::string arithmetic = absl::StrCat(lhs_terms, eq ? " ≠ " : " > ", rhs_terms);
    if (lterms.size() > 1 || rterms.size() > 1) absl::StrAppend(&arithmetic, " (= ", lsum, " vs ", rsum, ")");

    const std::string& place = inst.place[0];
    const std::string& place_en = inst.place[1];
    const std::string& lzh = inst.lhs_label[0];
    const std::string& rzh = inst.rhs_label[0];
    const std::string& len = inst.lhs_label[1];
    const std::string& ren = inst.rhs_label[1];

    xxgk::v1::Finding f = NewFinding();
    f.set_message(absl::StrCat(place, ": ", lzh, "(", lhs_terms, " = ", lsum, ") ", eq ? "不等于" : "大于", " ",
                               rzh, "(", rhs_terms, " = ", rsum, ")"));
    f.set_message_en(absl::StrCat(place_en, ": ", len, " (", lhs_terms, " = ", lsum, ") ",
                                  eq ? "does not equal" : "exceeds", " ", ren, " (", rhs_terms, " = ", rsum, ")"));
    SetCellLocation(cells, inst.keys, f.mutable_location(), /*with_place=*/false);
    f.mutable_location()->set_place(place);
    f.mutable_location()->set_place_en(place_en);
    for (auto& op : ops) *f.add_operands() = std::move(op);
    f.set_actual(lsum);
    f.set_expected(eq ? rsum : absl::StrCat("≤ ", rsum));
    f.set_arithmetic(arithmetic);
    out->push_back(std::move(f));
  }

  std::vector<Instance> instances_;
  SumIdentity::Relation relation_;
  bool skip_all_blank_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<Check>> CompileSumIdentity(const xxgk::v1::Rule& rule) {
  const SumIdentity& p = rule.sum_identity();
  if (p.lhs().empty()) return absl::InvalidArgumentError("sum_identity.lhs: empty (name at least one cell)");
  if (p.rhs().empty()) return absl::InvalidArgumentError("sum_identity.rhs: empty (name at least one cell)");
  std::map<std::string, int> seen;
  for (int i = 0; i < p.for_each_size(); ++i) {
    const auto& fe = p.for_each(i);
    const std::string field = absl::StrCat("sum_identity.for_each[", i, "]");
    if (fe.name().empty() || fe.name().find_first_of("{}.*") != std::string::npos) {
      return absl::InvalidArgumentError(absl::StrCat(field, ".name: \"", fe.name(), "\" is not a variable name"));
    }
    if (fe.values().empty()) return absl::InvalidArgumentError(absl::StrCat(field, ".values: empty"));
    if (!seen.emplace(fe.name(), i).second) {
      return absl::InvalidArgumentError(absl::StrCat(field, ".name: \"", fe.name(), "\" defined twice"));
    }
  }
  // Cartesian product of the loop variables.
  std::vector<std::map<std::string, std::string>> bindings(1);
  for (const auto& fe : p.for_each()) {
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
    for (int side = 0; side < 2; ++side) {
      const auto& terms = side == 0 ? p.lhs() : p.rhs();
      for (int i = 0; i < terms.size(); ++i) {
        absl::StatusOr<std::vector<std::string>> keys =
            ExpandTerm(terms[i], b, absl::StrCat("sum_identity.", side == 0 ? "lhs" : "rhs", "[", i, "]"));
        if (!keys.ok()) return keys.status();
        auto& dst = side == 0 ? inst.lhs : inst.rhs;
        dst.insert(dst.end(), keys->begin(), keys->end());
      }
    }
    inst.lhs_ids = CellIdsOf(inst.lhs);
    inst.rhs_ids = CellIdsOf(inst.rhs);
    NameInstance(&inst);
    instances.push_back(std::move(inst));
  }
  return std::make_unique<SumIdentityCheck>(std::move(instances), p.relation(), p.skip_when_all_blank());
}

}  // namespace xxgk::rules
