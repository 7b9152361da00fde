// Where the CLI's work is done: in this process (the compiled rule sets of
// rules/validator.h) or by a remote xxgk-server over gRPC. Both answer with the
// same messages, so every output format is computed from the same data.
#ifndef XXGK_CLIENT_BACKEND_H_
#define XXGK_CLIENT_BACKEND_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "xxgk/v1/service.pb.h"

namespace xxgk::client {

// Called once per request of a batch, from any thread, in any order.
using BatchCallback =
    std::function<void(size_t index, absl::StatusOr<xxgk::v1::ValidateResponse> response)>;

// A request of a batch, built lazily so a large batch never holds every
// document in memory at once. A failed build is reported for that index.
using RequestFactory = std::function<absl::StatusOr<xxgk::v1::ValidateRequest>(size_t index)>;

class Backend {
 public:
  virtual ~Backend() = default;

  virtual absl::StatusOr<xxgk::v1::ValidateResponse> Validate(
      const xxgk::v1::ValidateRequest& request) = 0;

  // Validates `count` requests; `done` is called exactly once per index.
  virtual void ValidateBatch(size_t count, const RequestFactory& make,
                             const BatchCallback& done) = 0;

  virtual absl::StatusOr<xxgk::v1::Report> Parse(const xxgk::v1::ParseRequest& request) = 0;

  virtual absl::StatusOr<std::vector<xxgk::v1::RuleSetInfo>> ListRuleSets() = 0;

  virtual absl::StatusOr<xxgk::v1::DescribeRuleResponse> DescribeRule(
      const std::string& rule_id, const std::string& ruleset) = 0;
};

// In-process: rule sets from `rules_dir` (empty: the embedded default sets);
// `jobs` worker threads for batches (0: one per hardware thread).
absl::StatusOr<std::unique_ptr<Backend>> MakeLocalBackend(const std::string& rules_dir, int jobs);

struct RemoteOptions {
  std::string address;              // HOST:PORT, or a gRPC target naming several servers
  bool tls = false;
  std::string tls_ca_file;          // PEM roots; empty: system roots
  std::string tls_server_name;      // override the name checked in the certificate
  double connect_timeout_seconds = 5;
  double call_timeout_seconds = 120;
};

// Through a server. Fails with Unavailable (naming the address) when the
// server cannot be reached within the connect timeout.
absl::StatusOr<std::unique_ptr<Backend>> MakeRemoteBackend(const RemoteOptions& options);

}  // namespace xxgk::client

#endif  // XXGK_CLIENT_BACKEND_H_
