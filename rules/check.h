// A check kind: compiled once from a Rule's parameters (at snapshot load),
// then evaluated against many reports. Checks are immutable and thread-safe.
#ifndef XXGK_RULES_CHECK_H_
#define XXGK_RULES_CHECK_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "rules/cell_index.h"
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

  mutable std::unique_ptr<CellIndex> cells_ = nullptr;
  mutable std::unique_ptr<CellIndex> previous_cells_ = nullptr;
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
