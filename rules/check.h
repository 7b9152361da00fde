// A check kind: compiled once from a Rule's parameters (at snapshot load),
// then evaluated against many reports. Checks are immutable and thread-safe.
#ifndef XXGK_RULES_CHECK_H_
#define XXGK_RULES_CHECK_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "rules/cell_index.h"
#include "rules/decimal.h"
#include "xxgk/v1/finding.pb.h"
#include "xxgk/v1/report.pb.h"
#include "xxgk/v1/ruleset.pb.h"

namespace xxgk::rules {

// What one evaluation sees.
struct EvalContext {
  const xxgk::v1::Report& report;
  const xxgk::v1::Report* previous = nullptr;  // last year's report, when given

  // The cells of `report` (of `previous`) by id, built on first use and then
  // shared by every rule of this evaluation. Not thread-safe: one context
  // serves one evaluation on one thread.
  const CellIndex& cells() const {
    if (cells_ == nullptr) cells_ = std::make_unique<CellIndex>(report.tables());
    return *cells_;
  }
  const CellIndex& previous_cells() const {
    if (previous_cells_ == nullptr) previous_cells_ = std::make_unique<CellIndex>(previous->tables());
    return *previous_cells_;
  }

  // How the cell of `report` at `id` reads as a number: ReadCellNumber's kind
  // and value (not its error text), each cell parsed once per evaluation
  // however many rules read it. The reference stays valid as long as the
  // context. Not thread-safe, as cells().
  struct Number {
    CellNumber::Kind kind = CellNumber::Kind::kMissing;
    Decimal value;
  };
  const Number& number(CellId id) const {
    if (slot_ != nullptr) {
      const uint16_t slot = slot_[static_cast<size_t>(id)];
      if (slot != 0) return numbers_[slot - 1u];
    }
    return ReadNumber(id);
  }
  const Number& ReadNumber(CellId id) const;  // number()'s first read of a cell

  mutable std::unique_ptr<CellIndex> cells_ = nullptr;
  mutable std::unique_ptr<CellIndex> previous_cells_ = nullptr;
  // number(): slot_[id] is 0 until the cell was read, then 1 + its index in
  // numbers_ (reserved for every cell: never moved).
  mutable std::unique_ptr<uint16_t[]> slot_ = nullptr;
  mutable std::vector<Number> numbers_ = {};
};

// Where a rule came from, for error messages at compile time.
struct RuleOrigin {
  std::string file;  // rule-set file path
  int line = 0;      // 1-based line of the rule in that file, 0 when unknown
};

class Check {
 public:
  virtual ~Check() = default;
  // Appends findings. Each finding needs at least category-independent
  // content: message/message_en, location, operands, status; the engine fills
  // rule_id, ruleset, severity, category, basis and title from the Rule.
  virtual void Evaluate(const EvalContext& ctx, std::vector<xxgk::v1::Finding>* out) const = 0;
};

// Compiles the check of `rule` (its `check` oneof). Errors (unknown cell key,
// bad RE2 pattern, impossible parameters) are InvalidArgument with a message
// naming the field path, e.g. `sum_identity.lhs[2]: unknown cell key "t3.x"`;
// the loader prefixes `file:line: `.
absl::StatusOr<std::unique_ptr<Check>> CompileCheck(const xxgk::v1::Rule& rule);

}  // namespace xxgk::rules

#endif  // XXGK_RULES_CHECK_H_
