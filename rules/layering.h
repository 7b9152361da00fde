// Layering of parsed rule sets into a Snapshot: validation of ids and
// parents, `extends` chains, disables, overrides and rule compilation.
#ifndef XXGK_RULES_LAYERING_H_
#define XXGK_RULES_LAYERING_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "google/protobuf/text_format.h"
#include "rules/snapshot.h"
#include "xxgk/v1/ruleset.pb.h"

namespace xxgk::rules {

struct ParsedSet {
  std::string file;
  std::string content_hash;
  xxgk::v1::RuleSet set;
  std::unique_ptr<google::protobuf::TextFormat::ParseInfoTree> tree;  // for line numbers
};

// `errors` holds problems found while parsing (already `file:line:` prefixed);
// they are reported together with the semantic ones.
absl::StatusOr<std::shared_ptr<const Snapshot>> BuildSnapshot(std::vector<ParsedSet> sets,
                                                              std::vector<std::string> errors,
                                                              std::string content_hash);

// True when `rule` rests on [U] (UNCONFIRMED) evidence yet can emit more than
// WARNING: its own severity or any severity its check's parameters carry
// (e.g. Deadline.not_assessable_severity).
bool ExceedsUnconfirmedCap(const xxgk::v1::Rule& rule);

// `patch`'s set fields replace `rule`'s (a set check replaces the whole check;
// a set repeated field replaces the whole list).
void ApplyPatch(const xxgk::v1::Rule& patch, xxgk::v1::Rule* rule);

}  // namespace xxgk::rules

#endif  // XXGK_RULES_LAYERING_H_
