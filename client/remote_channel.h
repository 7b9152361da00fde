// The channel MakeRemoteBackend uses (TLS, round-robin over the target's
// addresses, message limits), for callers that drive the stub directly
// (xxgk bench's load generator).
#ifndef XXGK_CLIENT_REMOTE_CHANNEL_H_
#define XXGK_CLIENT_REMOTE_CHANNEL_H_

#include <memory>

#include "absl/status/statusor.h"
#include "client/backend.h"

namespace grpc {
class Channel;
}  // namespace grpc

namespace xxgk::client {

// Connected within options.connect_timeout_seconds, or Unavailable.
absl::StatusOr<std::shared_ptr<grpc::Channel>> MakeRemoteChannel(const RemoteOptions& options);

}  // namespace xxgk::client

#endif  // XXGK_CLIENT_REMOTE_CHANNEL_H_
