// xxgk.v1.Validator on the gRPC callback API. Validation runs on a worker
// pool (never on gRPC's callback threads); a concurrency limit answers
// RESOURCE_EXHAUSTED instead of queueing without bound; ValidateStream keeps
// at most `stream_window` items of one stream in flight (it reads the next
// item only when a slot is free), answers every item exactly once (a result
// or a per-item ItemError), in completion order.
#ifndef XXGK_SERVER_SERVICE_H_
#define XXGK_SERVER_SERVICE_H_

#include <atomic>
#include <memory>
#include <string>

#include <grpcpp/grpcpp.h>

#include <atomic>
#include <cstdint>

#include "absl/status/status.h"
#include "server/engine.h"
#include "server/metrics.h"
#include "server/rules_state.h"
#include "server/worker_pool.h"
#include "xxgk/v1/service.grpc.pb.h"

namespace xxgk::server {

struct ServiceOptions {
  // Validator requests handled at once (unary calls plus open streams);
  // beyond it RESOURCE_EXHAUSTED. 0 = no limit.
  int max_concurrent_requests = 64;
  // Items of one ValidateStream read but not yet answered.
  int stream_window = 8;
  // Unary Validate requests whose document (or structured report) is at most
  // this many bytes run on the gRPC thread that received them instead of
  // hopping to the worker pool: for small reports the hand-over costs about
  // as much as the validation. 0 sends everything to the pool.
  int inline_max_bytes = 0;
  // Request bytes (documents, structured reports) held at once: accepted and
  // not yet answered, queued or being read. Reading a document takes about
  // ten times its size in memory, so this bounds a replica's memory. A
  // request that would go beyond it is RESOURCE_EXHAUSTED (a stream item:
  // an ItemError) unless nothing else is held. 0 = no limit.
  int64_t max_held_bytes = 64 << 20;
};

// absl → gRPC status (same code numbers), keeping the message.
grpc::Status ToGrpcStatus(const absl::Status& status);

class ValidatorService final : public xxgk::v1::Validator::CallbackService {
 public:
  // `metrics` may be null. All pointers must outlive the service.
  ValidatorService(const Engine* engine, RulesState* rules, Metrics* metrics, WorkerPool* pool,
                   ServiceOptions options);

  grpc::ServerUnaryReactor* Validate(grpc::CallbackServerContext* ctx,
                                     const xxgk::v1::ValidateRequest* request,
                                     xxgk::v1::ValidateResponse* response) override;
  grpc::ServerBidiReactor<xxgk::v1::ValidateStreamRequest, xxgk::v1::ValidateStreamResponse>*
  ValidateStream(grpc::CallbackServerContext* ctx) override;
  grpc::ServerUnaryReactor* Parse(grpc::CallbackServerContext* ctx,
                                  const xxgk::v1::ParseRequest* request,
                                  xxgk::v1::ParseResponse* response) override;
  grpc::ServerUnaryReactor* ListRuleSets(grpc::CallbackServerContext* ctx,
                                         const xxgk::v1::ListRuleSetsRequest* request,
                                         xxgk::v1::ListRuleSetsResponse* response) override;
  grpc::ServerUnaryReactor* DescribeRule(grpc::CallbackServerContext* ctx,
                                         const xxgk::v1::DescribeRuleRequest* request,
                                         xxgk::v1::DescribeRuleResponse* response) override;
  grpc::ServerUnaryReactor* Echo(grpc::CallbackServerContext* ctx,
                                 const xxgk::v1::EchoRequest* request,
                                 xxgk::v1::EchoResponse* response) override;

  // Validates one request on the current snapshot (pinned for the whole
  // call), recording document, finding and stage metrics.
  grpc::Status ValidateOne(const xxgk::v1::ValidateRequest& request,
                           xxgk::v1::ValidateResponse* response);

  // Concurrency slots (public for the stream reactor).
  bool TryAcquire();
  void Release();
  // The held-bytes budget (ServiceOptions::max_held_bytes).
  bool TryHold(int64_t bytes);
  void Unhold(int64_t bytes);
  grpc::Status HeldExhausted(int64_t bytes) const;
  // Whether a unary Validate is small enough to run without the pool hop.
  bool RunsInline(const xxgk::v1::ValidateRequest& request) const;

  WorkerPool* pool() const { return pool_; }
  const ServiceOptions& options() const { return options_; }
  int active() const { return active_.load(); }

 private:
  // A unary call takes a concurrency slot and its request's bytes from the
  // held-bytes budget; when either is refused the call is finished with
  // RESOURCE_EXHAUSTED and AdmitUnary returns false. FinishUnary gives both
  // back and finishes the call.
  bool AdmitUnary(int64_t bytes, grpc::ServerUnaryReactor* reactor);
  void FinishUnary(int64_t bytes, const grpc::Status& status, grpc::ServerUnaryReactor* reactor);

  const Engine* engine_;
  RulesState* rules_;
  Metrics* metrics_;
  WorkerPool* pool_;
  ServiceOptions options_;
  std::atomic<int> active_{0};
  std::atomic<int64_t> held_bytes_{0};
};

}  // namespace xxgk::server

#endif  // XXGK_SERVER_SERVICE_H_
