// The compiled form of a rules directory (see validator.h). Internal to the
// engine, exposed for tests and tools that need to look inside.
#ifndef XXGK_RULES_SNAPSHOT_H_
#define XXGK_RULES_SNAPSHOT_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "rules/check.h"
#include "xxgk/v1/ruleset.pb.h"

namespace xxgk::rules {

// One rule after layering, with its compiled check.
struct CompiledRule {
  xxgk::v1::Rule rule;
  std::shared_ptr<const Check> check;
  std::string set_id;       // the set whose `rules` defined it
  std::string set_version;
};

struct CompiledSet {
  xxgk::v1::RuleSet source;         // as written in its file
  std::string file;                 // path (relative to the rules dir)
  std::string content_hash;         // hex SHA-256 of the file
  std::vector<std::string> chain;   // root ancestor first, this set last
  std::vector<CompiledRule> effective;  // effective rules after layering, in order
  // A national version set (selector.formats non-empty).
  bool is_version_set() const { return !source.selector().formats().empty(); }
};

class Snapshot {
 public:
  // Sets by depth (parents before children), national version sets before
  // provincial sets of the same depth, then by id.
  const std::vector<CompiledSet>& sets() const { return sets_; }
  const CompiledSet* Find(std::string_view id) const;
  const std::string& content_hash() const { return content_hash_; }

  // Effective rules of `base` (a set id) with the layers of `top`'s chain that
  // `base`'s chain lacks applied on top (a provincial set's delta over a
  // national version set). Precomputed at load for every version set × other set.
  const std::vector<CompiledRule>* Combined(std::string_view base, std::string_view top) const;

  // Positions in sets() of the provincial / city candidates: every set that
  // is not a version set and not an ancestor of one (computed at load).
  const std::vector<size_t>& candidates() const { return candidates_; }

 private:
  friend class SnapshotBuilder;
  std::vector<CompiledSet> sets_;
  std::map<std::string, size_t, std::less<>> index_;
  std::map<std::pair<std::string, std::string>, std::vector<CompiledRule>> combined_;
  std::vector<size_t> candidates_;
  std::string content_hash_;
};

}  // namespace xxgk::rules

#endif  // XXGK_RULES_SNAPSHOT_H_
