// The remote backend: the xxgk.v1.Validator service of an xxgk-server.
#include <chrono>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "client/backend.h"
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

  // One ValidateStream call: a writer thread sends every request, this thread
  // collects the answers by id.
  void ValidateBatch(size_t count, const RequestFactory& make,
                     const BatchCallback& done) override {
    if (count == 0) return;
    grpc::ClientContext ctx;
    auto stream = stub_->ValidateStream(&ctx);
    std::vector<char> answered(count, 0);
    std::mutex mu;
    std::thread writer([&] {
      for (size_t i = 0; i < count; ++i) {
        absl::StatusOr<xxgk::v1::ValidateRequest> request = make(i);
        if (!request.ok()) {
          {
            std::lock_guard<std::mutex> lock(mu);
            answered[i] = 1;
          }
          done(i, request.status());
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
      size_t i = 0;
      try {
        i = std::stoul(item.id());
      } catch (const std::exception&) {
        continue;  // not an id we sent
      }
      {
        std::lock_guard<std::mutex> lock(mu);
        if (i >= count || answered[i]) continue;
        answered[i] = 1;
      }
      if (item.has_error()) {
        done(i, absl::Status(static_cast<absl::StatusCode>(item.error().code()),
                             item.error().message()));
      } else {
        done(i, std::move(*item.mutable_result()));
      }
    }
    writer.join();
    grpc::Status s = stream->Finish();
    absl::Status missing = s.ok() ? absl::InternalError("the server did not answer this item")
                                  : Annotate(s);
    for (size_t i = 0; i < count; ++i) {
      if (!answered[i]) done(i, missing);
    }
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

absl::StatusOr<std::unique_ptr<Backend>> MakeRemoteBackend(const RemoteOptions& options) {
  std::shared_ptr<grpc::ChannelCredentials> creds;
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(64 << 20);
  args.SetMaxSendMessageSize(64 << 20);
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
  return std::unique_ptr<Backend>(new RemoteBackend(std::move(channel), options));
}

}  // namespace xxgk::client
