// The load generator's own checks, against an in-process server that
// answers every method with the same canned bytes.
#include <memory>
#include <sstream>
#include <string>

#include "absl/strings/match.h"
#include "client/backend.h"
#include "client/commands.h"
#include "grpcpp/generic/async_generic_service.h"
#include "grpcpp/grpcpp.h"
#include "grpcpp/health_check_service_interface.h"
#include "gtest/gtest.h"
#include "xxgk/v1/service.grpc.pb.h"

namespace xxgk::client {
namespace {

// Answers any unary call with `answer` and counts the calls.
class CannedService : public grpc::CallbackGenericService {
 public:
  explicit CannedService(std::string answer) : answer_(std::move(answer)) {}

  grpc::ServerGenericBidiReactor* CreateReactor(grpc::GenericCallbackServerContext*) override {
    ++calls_;
    return new Reactor(answer_);
  }

  int calls() const { return calls_.load(); }

 private:
  // Reads the one request, writes the canned answer, finishes OK.
  class Reactor : public grpc::ServerGenericBidiReactor {
   public:
    explicit Reactor(const std::string& answer) {
      grpc::Slice slice(answer);
      answer_ = grpc::ByteBuffer(&slice, 1);
      StartRead(&request_);
    }
    void OnReadDone(bool ok) override {
      if (!ok) {
        Finish(grpc::Status(grpc::StatusCode::INTERNAL, "no request"));
        return;
      }
      StartWriteAndFinish(&answer_, grpc::WriteOptions(), grpc::Status::OK);
    }
    void OnDone() override { delete this; }

   private:
    grpc::ByteBuffer request_, answer_;
  };

  const std::string answer_;
  std::atomic<int> calls_{0};
};

class BenchTest : public ::testing::Test {
 protected:
  void Serve(const std::string& answer) {
    grpc::EnableDefaultHealthCheckService(true);
    service_ = std::make_unique<CannedService>(answer);
    grpc::ServerBuilder builder;
    int port = 0;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
    builder.RegisterCallbackGenericService(service_.get());
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
    // The client's channel only uses replicas whose health service says
    // SERVING for the Validator; that service is the library's own.
    server_->GetHealthCheckService()->SetServingStatus(xxgk::v1::Validator::service_full_name(),
                                                       true);
    remote_.address = "127.0.0.1:" + std::to_string(port);
  }
  void TearDown() override {
    if (server_ != nullptr) server_->Shutdown();
  }

  std::string Seed() const {
    return std::string(XXGK_SOURCE_DIR) + "/../shared/corpus/seeds/004_7d7d9dd624c5bcb9.txt";
  }

  RemoteOptions remote_;
  std::unique_ptr<CannedService> service_;
  std::unique_ptr<grpc::Server> server_;
};

// A server whose answers are not the RPC's response message: the first answer
// to each request is decoded and counted as DATA_LOSS; later answers to the
// same request are taken as bytes (decoding every one would load the client).
TEST_F(BenchTest, AnswerThatDoesNotDecodeIsDataLoss) {
  Serve(std::string("\xff\xff\xff", 3));  // a truncated varint key
  BenchFlags flags;
  flags.requests = 6;
  flags.concurrency = 1;
  flags.compare_echo = true;
  std::ostringstream out, err;
  EXPECT_EQ(RunRemoteBench(remote_, {Seed()}, flags, out, err), 0) << err.str();
  EXPECT_TRUE(absl::StrContains(out.str(), "validate: 5 ok, 1 errors in ")) << out.str();
  EXPECT_TRUE(absl::StrContains(out.str(), "validate errors DATA_LOSS: 1\n")) << out.str();
  EXPECT_TRUE(absl::StrContains(out.str(), "echo: 5 ok, 1 errors in ")) << out.str();
  EXPECT_TRUE(absl::StrContains(out.str(), "echo errors DATA_LOSS: 1\n")) << out.str();
  EXPECT_EQ(service_->calls(), 12);
}

// Answers that decode (here an empty message, valid for both RPCs) are all ok.
TEST_F(BenchTest, AnswersThatDecodeAreOk) {
  Serve("");
  BenchFlags flags;
  flags.requests = 4;
  flags.concurrency = 2;
  flags.compare_echo = true;
  std::ostringstream out, err;
  EXPECT_EQ(RunRemoteBench(remote_, {Seed(), Seed()}, flags, out, err), 0) << err.str();
  EXPECT_TRUE(absl::StrContains(out.str(), "validate: 4 ok, 0 errors in ")) << out.str();
  EXPECT_TRUE(absl::StrContains(out.str(), "echo: 4 ok, 0 errors in ")) << out.str();
  EXPECT_FALSE(absl::StrContains(out.str(), "DATA_LOSS")) << out.str();
}

}  // namespace
}  // namespace xxgk::client
