// Rule-set files → compiled Snapshot. LoadSnapshot (validator.h) reads a
// directory or the embedded sets and calls CompileSnapshot.
#ifndef XXGK_RULES_LOADER_H_
#define XXGK_RULES_LOADER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "rules/snapshot.h"
#include "xxgk/v1/ruleset.pb.h"

namespace xxgk::rules {

struct SourceFile {
  std::string path;     // as shown in errors (relative to the rules dir, or the full path)
  std::string content;  // text-format xxgk.v1.RuleSet
};

// Parses one text-format RuleSet. Syntax errors and unknown fields are
// InvalidArgument "path:line:column: message" (one line per error).
absl::StatusOr<xxgk::v1::RuleSet> ParseRuleSetText(std::string_view text, std::string_view path);

// Parses, validates, layers and compiles every file into a snapshot. All
// problems found are reported together, one `path:line: message` per line.
// Safe on arbitrary input (used by the fuzzer).
absl::StatusOr<std::shared_ptr<const Snapshot>> CompileSnapshot(const std::vector<SourceFile>& files);

// Every `*.textproto` below `dir` (recursively, sorted by path), paths relative
// to `dir`. An unreadable or empty directory is an error.
absl::StatusOr<std::vector<SourceFile>> ReadRuleFiles(const std::string& dir);

// Hex SHA-256 of `data`.
std::string Sha256Hex(std::string_view data);

}  // namespace xxgk::rules

#endif  // XXGK_RULES_LOADER_H_
