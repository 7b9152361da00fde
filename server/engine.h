// The engine functions the server calls, behind one seam: the real ones come
// from rules/ and report/; tests substitute fakes (slow, failing, counting)
// to pin the server's own behaviour (limits, streams, reload bookkeeping).
#ifndef XXGK_SERVER_ENGINE_H_
#define XXGK_SERVER_ENGINE_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "xxgk/v1/report.pb.h"
#include "xxgk/v1/service.pb.h"

namespace xxgk::rules {
class Snapshot;
}  // namespace xxgk::rules

namespace xxgk::server {

using SnapshotPtr = std::shared_ptr<const xxgk::rules::Snapshot>;

struct Engine {
  std::function<absl::StatusOr<SnapshotPtr>(const std::string& dir)> load;
  std::function<std::vector<xxgk::v1::RuleSetInfo>(const xxgk::rules::Snapshot*)> list;
  std::function<std::string(const xxgk::rules::Snapshot*)> content_hash;
  std::function<absl::StatusOr<xxgk::v1::ValidateResponse>(const xxgk::rules::Snapshot*,
                                                           const xxgk::v1::ValidateRequest&)>
      validate;
  std::function<absl::StatusOr<xxgk::v1::DescribeRuleResponse>(
      const xxgk::rules::Snapshot*, std::string_view rule_id, std::string_view ruleset)>
      describe;
  // Document → Report, into an empty `out` (which may live on an arena);
  // `input_format` empty = sniff.
  std::function<absl::Status(const xxgk::v1::Document&, const std::string& input_format,
                             xxgk::v1::Report* out)>
      parse;
  // The format a document will be read as (for metrics labels).
  std::function<std::string(const xxgk::v1::Document&)> sniff;
  // Builds the readers' process-wide tables before the first request;
  // optional (unset: nothing to do).
  std::function<void()> warm_up;
};

// rules::LoadSnapshot / Validate / ... and report::ParseDocument / SniffFormat.
Engine RealEngine();

}  // namespace xxgk::server

#endif  // XXGK_SERVER_ENGINE_H_
