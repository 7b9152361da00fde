// The remote backend: the xxgk.v1.Validator service of an xxgk-server.
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>
#include <unordered_map>
#include <vector>

#include "absl/strings/str_cat.h"
#include "client/backend.h"
#include "client/remote_channel.h"
#include "grpcpp/grpcpp.h"
#include "xxgk/v1/service.grpc.pb.h"

namespace xxgk::client {
namespace {

absl::Status FromGrpc(const grpc::Status& s) {
  if (s.ok()) return absl::OkStatus();
  return absl::Status(static_cast<absl::StatusCode>(s.error_code()), s.error_message());
}

std::chrono::system_clock::time_point After(double seconds) {
  return std::chrono::system_clock::now() +
         std::chrono::milliseconds(static_cast<int64_t>(seconds * 1000));
}

class RemoteBackend : public Backend {
 public:
  RemoteBackend(std::shared_ptr<grpc::Channel> channel, RemoteOptions options)
      : channel_(std::move(channel)),
        stub_(xxgk::v1::Validator::NewStub(channel_)),
        options_(std::move(options)) {}

  absl::StatusOr<xxgk::v1::ValidateResponse> Validate(
      const xxgk::v1::ValidateRequest& request) override {
    grpc::ClientContext ctx;
    ctx.set_deadline(After(options_.call_timeout_seconds));
    xxgk::v1::ValidateResponse response;
    grpc::Status s = stub_->Validate(&ctx, request, &response);
    if (!s.ok()) return Annotate(s);
    return response;
  }

  // The batch is cut into chunks, each sent as its own ValidateStream call by
  // one of several concurrent senders. With a target naming several servers
  // (e.g. ipv4:10.0.0.1:50051,10.0.0.2:50051, or a headless DNS name) every
  // call goes to the next healthy server (round_robin), so the chunks spread
  // over the replicas and a restarted replica gets work again. Items whose
  // call failed on the transport (UNAVAILABLE: the replica died or is not
  // ready) go back to the queue and are sent again; each index is reported to
  // `done` exactly once.
  void ValidateBatch(size_t count, const RequestFactory& make,
                     const BatchCallback& done) override {
    if (count == 0) return;
    Batch batch(count, make, done);
    const size_t senders = std::min(count, StreamCount());
    std::vector<std::thread> threads;
    threads.reserve(senders);
    for (size_t t = 0; t < senders; ++t) {
      threads.emplace_back([this, &batch] { SendChunks(batch); });
    }
    for (std::thread& t : threads) t.join();
  }

  absl::StatusOr<xxgk::v1::Report> Parse(const xxgk::v1::ParseRequest& request) override {
    grpc::ClientContext ctx;
    ctx.set_deadline(After(options_.call_timeout_seconds));
    xxgk::v1::ParseResponse response;
    grpc::Status s = stub_->Parse(&ctx, request, &response);
    if (!s.ok()) return Annotate(s);
    return std::move(*response.mutable_report());
  }

  absl::StatusOr<std::vector<xxgk::v1::RuleSetInfo>> ListRuleSets() override {
    grpc::ClientContext ctx;
    ctx.set_deadline(After(options_.call_timeout_seconds));
    xxgk::v1::ListRuleSetsResponse response;
    grpc::Status s = stub_->ListRuleSets(&ctx, {}, &response);
    if (!s.ok()) return Annotate(s);
    return std::vector<xxgk::v1::RuleSetInfo>(response.rulesets().begin(),
                                              response.rulesets().end());
  }

  absl::StatusOr<xxgk::v1::DescribeRuleResponse> DescribeRule(const std::string& rule_id,
                                                              const std::string& ruleset) override {
    grpc::ClientContext ctx;
    ctx.set_deadline(After(options_.call_timeout_seconds));
    xxgk::v1::DescribeRuleRequest request;
    request.set_rule_id(rule_id);
    request.set_ruleset(ruleset);
    xxgk::v1::DescribeRuleResponse response;
    grpc::Status s = stub_->DescribeRule(&ctx, request, &response);
    if (!s.ok()) return Annotate(s);
    return response;
  }

 private:
  static constexpr size_t kChunkSize = 128;
  static constexpr int kMaxAttempts = 6;

  // Shared bookkeeping of one batch: which indices are still to be sent,
  // which were answered, how often each was tried.
  struct Batch {
    Batch(size_t n, const RequestFactory& m, const BatchCallback& d)
        : count(n), make(m), done(d), answered(n, 0), attempts(n, 0) {}
    const size_t count;
    const RequestFactory& make;
    const BatchCallback& done;
    std::mutex mu;
    std::condition_variable cv;
    size_t next_fresh = 0;          // indices below were handed out at least once
    std::deque<size_t> retry;       // indices to send again
    size_t finished = 0;            // indices reported to `done`
    std::vector<char> answered;
    std::vector<int> attempts;

    // Reports index i unless it already was; true when this call reported it.
    bool Finish(size_t i, absl::StatusOr<xxgk::v1::ValidateResponse> response) {
      {
        std::lock_guard<std::mutex> lock(mu);
        if (i >= count || answered[i]) return false;
        answered[i] = 1;
        ++finished;
      }
      done(i, std::move(response));
      cv.notify_all();
      return true;
    }
    // Index i failed on the transport: queue it again, or report `why` once
    // it has used up its attempts.
    void Retry(size_t i, const absl::Status& why) {
      {
        std::lock_guard<std::mutex> lock(mu);
        if (answered[i]) return;
        if (attempts[i] < kMaxAttempts) {
          retry.push_back(i);
          cv.notify_all();
          return;
        }
      }
      Finish(i, why);
    }
    // The next chunk to send (retries first), empty when every index is
    // finished. Waits while other senders still have items in flight.
    std::vector<size_t> Take(int* max_attempt) {
      std::unique_lock<std::mutex> lock(mu);
      cv.wait(lock, [&] { return !retry.empty() || next_fresh < count || finished == count; });
      std::vector<size_t> chunk;
      *max_attempt = 0;
      while (chunk.size() < kChunkSize && !retry.empty()) {
        size_t i = retry.front();
        retry.pop_front();
        if (answered[i]) continue;
        *max_attempt = std::max(*max_attempt, attempts[i]);
        ++attempts[i];
        chunk.push_back(i);
      }
      while (chunk.size() < kChunkSize && next_fresh < count) {
        attempts[next_fresh] = 1;
        chunk.push_back(next_fresh++);
      }
      return chunk;
    }
  };

  // Concurrent ValidateStream calls of a batch: two per server named in the
  // target (at least four), so every replica has work queued.
  size_t StreamCount() const {
    size_t addresses = 1;
    for (char c : options_.address) addresses += c == ',' ? 1 : 0;
    return std::max<size_t>(4, 2 * addresses);
  }

  void SendChunks(Batch& batch) {
    for (;;) {
      int max_attempt = 0;
      std::vector<size_t> chunk = batch.Take(&max_attempt);
      if (chunk.empty()) return;
      if (max_attempt > 0) {  // a retry: give the balancer time to see a dead replica
        std::this_thread::sleep_for(std::chrono::milliseconds(100 << (max_attempt - 1)));
      }
      SendChunk(batch, chunk);
    }
  }

  // One ValidateStream call for `chunk`: a writer thread sends the requests,
  // this thread collects the answers by id.
  void SendChunk(Batch& batch, const std::vector<size_t>& chunk) {
    grpc::ClientContext ctx;
    auto stream = stub_->ValidateStream(&ctx);
    std::vector<char> settled(chunk.size(), 0);  // position in chunk answered or retried
    std::unordered_map<std::string, size_t> position;
    for (size_t k = 0; k < chunk.size(); ++k) position[std::to_string(chunk[k])] = k;
    std::mutex mu;
    std::thread writer([&] {
      for (size_t k = 0; k < chunk.size(); ++k) {
        const size_t i = chunk[k];
        absl::StatusOr<xxgk::v1::ValidateRequest> request = batch.make(i);
        if (!request.ok()) {
          {
            std::lock_guard<std::mutex> lock(mu);
            settled[k] = 1;
          }
          batch.Finish(i, request.status());
          continue;
        }
        xxgk::v1::ValidateStreamRequest item;
        item.set_id(std::to_string(i));
        *item.mutable_request() = *std::move(request);
        if (!stream->Write(item)) break;  // the stream failed; Finish() tells why
      }
      stream->WritesDone();
    });
    xxgk::v1::ValidateStreamResponse item;
    while (stream->Read(&item)) {
      auto it = position.find(item.id());
      if (it == position.end()) continue;  // not an id we sent
      const size_t k = it->second;
      {
        std::lock_guard<std::mutex> lock(mu);
        if (settled[k]) continue;
        settled[k] = 1;
      }
      if (item.has_error()) {
        absl::Status status(static_cast<absl::StatusCode>(item.error().code()),
                            item.error().message());
        if (status.code() == absl::StatusCode::kUnavailable) {
          batch.Retry(chunk[k], Annotate(grpc::Status(grpc::StatusCode::UNAVAILABLE,
                                                      item.error().message())));
        } else {
          batch.Finish(chunk[k], status);
        }
      } else {
        batch.Finish(chunk[k], std::move(*item.mutable_result()));
      }
    }
    writer.join();
    grpc::Status s = stream->Finish();
    for (size_t k = 0; k < chunk.size(); ++k) {
      if (settled[k]) continue;
      if (s.error_code() == grpc::StatusCode::UNAVAILABLE) {
        batch.Retry(chunk[k], Annotate(s));
      } else {
        batch.Finish(chunk[k], s.ok() ? absl::InternalError("the server did not answer this item")
                                      : Annotate(s));
      }
    }
  }

  // Transport failures name the server; errors about the request stay as the
  // server wrote them.
  absl::Status Annotate(const grpc::Status& s) const {
    absl::Status status = FromGrpc(s);
    if (status.code() == absl::StatusCode::kUnavailable ||
        status.code() == absl::StatusCode::kDeadlineExceeded) {
      return absl::Status(status.code(), absl::StrCat("server ", options_.address, ": ",
                                                      status.message()));
    }
    return status;
  }

  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<xxgk::v1::Validator::Stub> stub_;
  RemoteOptions options_;
};

}  // namespace

absl::StatusOr<std::shared_ptr<grpc::Channel>> MakeRemoteChannel(const RemoteOptions& options) {
  std::shared_ptr<grpc::ChannelCredentials> creds;
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(64 << 20);
  args.SetMaxSendMessageSize(64 << 20);
  // Spread calls over every address the target resolves to, skipping replicas
  // whose health service does not say SERVING (starting or draining).
  args.SetServiceConfigJSON(
      R"({"loadBalancingConfig":[{"round_robin":{}}],)"
      R"("healthCheckConfig":{"serviceName":"xxgk.v1.Validator"}})");
  if (options.tls) {
    grpc::SslCredentialsOptions ssl;
    if (!options.tls_ca_file.empty()) {
      std::ifstream in(options.tls_ca_file, std::ios::binary);
      if (!in) {
        return absl::InvalidArgumentError(
            absl::StrCat("cannot read --tls_ca_file ", options.tls_ca_file));
      }
      std::stringstream ss;
      ss << in.rdbuf();
      ssl.pem_root_certs = ss.str();
    }
    if (!options.tls_server_name.empty()) {
      args.SetSslTargetNameOverride(options.tls_server_name);
    }
    creds = grpc::SslCredentials(ssl);
  } else {
    creds = grpc::InsecureChannelCredentials();
  }
  std::shared_ptr<grpc::Channel> channel =
      grpc::CreateCustomChannel(options.address, creds, args);
  if (!channel->WaitForConnected(After(options.connect_timeout_seconds))) {
    return absl::UnavailableError(absl::StrCat("cannot reach server ", options.address,
                                               " within ", options.connect_timeout_seconds,
                                               " s (is xxgk-server running there?)"));
  }
  return channel;
}

absl::StatusOr<std::unique_ptr<Backend>> MakeRemoteBackend(const RemoteOptions& options) {
  absl::StatusOr<std::shared_ptr<grpc::Channel>> channel = MakeRemoteChannel(options);
  if (!channel.ok()) return channel.status();
  return std::unique_ptr<Backend>(new RemoteBackend(*std::move(channel), options));
}

}  // namespace xxgk::client
