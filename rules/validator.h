// The engine's public face: compiled rule-set snapshots and validation.
// Server and CLI both call Validate() so in-process and remote results are
// identical.
#ifndef XXGK_RULES_VALIDATOR_H_
#define XXGK_RULES_VALIDATOR_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "google/protobuf/arena.h"
#include "xxgk/v1/service.pb.h"

namespace xxgk::rules {

// Every rule set of one rules directory (or of the embedded default), layered
// and compiled once. Immutable: share it by shared_ptr, replace it whole on
// reload.
class Snapshot;

// Loads and compiles every `*.textproto` below `dir` (recursively). With an
// empty `dir`, the rule sets embedded in the binary at build time. Any error
// (syntax, unknown check kind, duplicate id, unknown cell key, bad RE2, cycle
// in `extends`, ...) fails the whole load with `file:line: message` lines.
absl::StatusOr<std::shared_ptr<const Snapshot>> LoadSnapshot(const std::string& dir);

// The sets of a snapshot, for ListRuleSets and `xxgk rules list`.
std::vector<xxgk::v1::RuleSetInfo> ListRuleSets(const Snapshot& snapshot);

// One rule as its set defines it after layering.
absl::StatusOr<xxgk::v1::DescribeRuleResponse> DescribeRule(const Snapshot& snapshot,
                                                            std::string_view rule_id,
                                                            std::string_view ruleset);

// Hash of every source file the snapshot was compiled from.
std::string ContentHash(const Snapshot& snapshot);

// Reads a document into an empty Report for validation.
using DocumentParser =
    std::function<absl::Status(const xxgk::v1::Document&, xxgk::v1::Report* out)>;

// The one way a request's document (or options.previous.document) becomes a
// Report, in-process and in the server alike, so `xxgk validate` and
// `xxgk validate --server` print the same error text. `what` names the field
// ("document"); `parse` defaults to report::ParseDocumentInto (the server
// passes its timed engine seam). `out` (empty) receives the report; it may
// live on a protobuf Arena (ParsedReportArenaOptions). Errors are
// InvalidArgument "<what>: <reason>", the reason being the parser's (which
// for ParseDocumentInto names the file and says what to send instead). An
// exception from `parse` is a bug, not a bad request: it is not caught here
// (ParseDocumentInto throws none; the server answers INTERNAL). Parse
// requests go through here too, so every refusal reads alike.
absl::Status ReadRequestDocument(const xxgk::v1::Document& doc, std::string_view what,
                                 xxgk::v1::Report* out, const DocumentParser& parse = {});

// Arena options for the one parsed report of a validation: a parsed report is
// thousands of small messages (cells, spans, sections, facts); on an arena
// they are allocated from a few large blocks and freed at once.
google::protobuf::ArenaOptions ParsedReportArenaOptions();

// Validates one request: reads the document (report/parse.h) when the request
// carries one, selects the rule sets, evaluates, applies waivers. Findings are
// results; only a malformed request (no input, unreadable document, unknown
// rule set named explicitly) is an error (InvalidArgument / NotFound).
absl::StatusOr<xxgk::v1::ValidateResponse> Validate(const Snapshot& snapshot,
                                                    const xxgk::v1::ValidateRequest& request);

}  // namespace xxgk::rules

#endif  // XXGK_RULES_VALIDATOR_H_
