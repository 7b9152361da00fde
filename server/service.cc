#include "server/service.h"

#include <chrono>
#include <exception>
#include <utility>

#include "absl/strings/str_cat.h"
#include "rules/validator.h"
#include "server/errors.h"
#include "server/log.h"
#include "server/stream.h"

namespace xxgk::server {
namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

grpc::Status Unavailable() {
  return grpc::Status(grpc::StatusCode::UNAVAILABLE,
                      "rule sets are still loading; retry when grpc.health.v1 reports SERVING");
}

// The call's own deadline has passed or the client went away: do no work.
bool CallIsOver(grpc::CallbackServerContext* ctx, grpc::Status* status) {
  if (ctx->IsCancelled()) {
    *status = grpc::Status(grpc::StatusCode::CANCELLED, "the client cancelled the call");
    return true;
  }
  if (ctx->deadline() <= std::chrono::system_clock::now()) {
    *status = grpc::Status(grpc::StatusCode::DEADLINE_EXCEEDED,
                           "the call's deadline passed before a worker was free; "
                           "allow a longer deadline or send fewer requests at once");
    return true;
  }
  return false;
}

bool HasErrorFinding(const xxgk::v1::ValidateResponse& response) {
  for (const auto& f : response.findings()) {
    if (f.severity() == xxgk::v1::ERROR && !f.waived()) return true;
  }
  return false;
}

grpc::Status Exhausted(int limit) {
  return grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED,
                      absl::StrCat("the server is handling its limit of ", limit,
                                   " concurrent requests; retry with backoff or use another "
                                   "replica (operators: raise --max_concurrent_requests)"));
}

}  // namespace

grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()), std::string(status.message()));
}

ValidatorService::ValidatorService(const Engine* engine, RulesState* rules, Metrics* metrics,
                                   WorkerPool* pool, ServiceOptions options)
    : engine_(engine), rules_(rules), metrics_(metrics), pool_(pool), options_(options) {
  if (options_.stream_window < 1) options_.stream_window = 1;
}

bool ValidatorService::TryAcquire() {
  int limit = options_.max_concurrent_requests;
  int now = active_.fetch_add(1) + 1;
  if (limit > 0 && now > limit) {
    active_.fetch_sub(1);
    return false;
  }
  return true;
}

void ValidatorService::Release() { active_.fetch_sub(1); }

bool ValidatorService::TryHold(int64_t bytes) {
  const int64_t limit = options_.max_held_bytes;
  int64_t now = held_bytes_.load();
  do {
    if (limit > 0 && now > 0 && now + bytes > limit) return false;
  } while (!held_bytes_.compare_exchange_weak(now, now + bytes));
  return true;
}

void ValidatorService::Unhold(int64_t bytes) { held_bytes_.fetch_sub(bytes); }

grpc::Status ValidatorService::HeldExhausted(int64_t bytes) const {
  return grpc::Status(
      grpc::StatusCode::RESOURCE_EXHAUSTED,
      absl::StrCat("the server holds its limit of ", options_.max_held_bytes,
                   " request bytes already and this request has ", bytes,
                   "; retry with backoff or use another replica (operators: raise "
                   "--max_held_bytes together with the pod's memory)"));
}

bool ValidatorService::AdmitUnary(int64_t bytes, grpc::ServerUnaryReactor* reactor) {
  if (!TryAcquire()) {
    reactor->Finish(Exhausted(options_.max_concurrent_requests));
    return false;
  }
  if (!TryHold(bytes)) {
    Release();
    reactor->Finish(HeldExhausted(bytes));
    return false;
  }
  return true;
}

void ValidatorService::FinishUnary(int64_t bytes, const grpc::Status& status,
                                   grpc::ServerUnaryReactor* reactor) {
  Unhold(bytes);
  Release();
  reactor->Finish(status);
}

bool ValidatorService::RunsInline(const xxgk::v1::ValidateRequest& request) const {
  const int64_t limit = options_.inline_max_bytes;
  if (limit <= 0) return false;
  switch (request.input_case()) {
    case xxgk::v1::ValidateRequest::kDocument: {
      // PDF and zip containers (.docx, OFD) cost far more per byte: always the pool.
      const std::string& content = request.document().content();
      if (content.rfind("%PDF", 0) == 0 || content.rfind("PK", 0) == 0) return false;
      return static_cast<int64_t>(content.size()) <= limit;
    }
    case xxgk::v1::ValidateRequest::kReport:
      return static_cast<int64_t>(request.report().ByteSizeLong()) <= limit;
    default:
      return true;  // answered at once with INVALID_ARGUMENT
  }
}

grpc::Status ValidatorService::ValidateOne(const xxgk::v1::ValidateRequest& request,
                                           xxgk::v1::ValidateResponse* response) {
  std::shared_ptr<const LoadedRules> rules = rules_->Current();
  if (rules == nullptr) return Unavailable();

  std::string input_format;
  grpc::Status status;
  switch (request.input_case()) {
    case xxgk::v1::ValidateRequest::kReport: {
      input_format = "report";
      auto start = Clock::now();
      absl::StatusOr<xxgk::v1::ValidateResponse> r =
          engine_->validate(rules->snapshot.get(), request);
      if (metrics_ != nullptr) metrics_->StageSeconds("evaluate", SecondsSince(start));
      if (r.ok()) {
        *response = *std::move(r);
      } else if (absl::IsInvalidArgument(r.status())) {
        status = InvalidField("report", std::string(r.status().message()));
      } else {
        status = ToGrpcStatus(r.status());
      }
      break;
    }
    case xxgk::v1::ValidateRequest::kDocument: {
      const xxgk::v1::Document& doc = request.document();
      input_format = engine_->sniff(doc);
      // Parse here (instead of inside Validate) so parse and evaluate time
      // are measured apart, through the same rules::ReadRequestDocument as
      // in-process validation (same checks, same error text).
      // The parsed report (thousands of small messages) lives on an arena
      // and is freed at once. The document is read as the format just
      // sniffed (what parse would sniff again).
      google::protobuf::Arena arena(rules::ParsedReportArenaOptions());
      auto* parsed = google::protobuf::Arena::CreateMessage<xxgk::v1::ValidateRequest>(&arena);
      absl::Status read = rules::ReadRequestDocument(
          doc, "document", parsed->mutable_report(),
          [this, &input_format](const xxgk::v1::Document& d, xxgk::v1::Report* out) {
            auto start = Clock::now();
            absl::Status r = engine_->parse(d, input_format, out);
            if (metrics_ != nullptr) metrics_->StageSeconds("parse", SecondsSince(start));
            return r;
          });
      if (!read.ok()) {
        status = InvalidField(doc.content().empty() ? "document.content" : "document",
                              std::string(read.message()));
        break;
      }
      *parsed->mutable_options() = request.options();
      auto start = Clock::now();
      absl::StatusOr<xxgk::v1::ValidateResponse> r =
          engine_->validate(rules->snapshot.get(), *parsed);
      if (metrics_ != nullptr) metrics_->StageSeconds("evaluate", SecondsSince(start));
      if (r.ok()) {
        *response = *std::move(r);
      } else {
        status = ToGrpcStatus(r.status());
      }
      break;
    }
    default:
      input_format = "none";
      status = InvalidField("input",
                            "the request has no input: set `report` (a structured "
                            "xxgk.v1.Report) or `document` (the file's bytes, optionally "
                            "content_type and file_name)");
      break;
  }

  if (metrics_ != nullptr) {
    if (status.ok()) {
      metrics_->DocumentDone(input_format, HasErrorFinding(*response) ? "failed" : "passed");
      metrics_->CountFindings(*response);
    } else {
      metrics_->DocumentDone(input_format, "rejected");
    }
  }
  if (!status.ok() && status.error_code() != grpc::StatusCode::INVALID_ARGUMENT &&
      status.error_code() != grpc::StatusCode::NOT_FOUND) {
    Log(LogLevel::kError, "validation failed",
        {{"code", GrpcCodeName(status.error_code())}, {"input_format", input_format}});
  }
  return status;
}

grpc::ServerUnaryReactor* ValidatorService::Validate(grpc::CallbackServerContext* ctx,
                                                     const xxgk::v1::ValidateRequest* request,
                                                     xxgk::v1::ValidateResponse* response) {
  grpc::ServerUnaryReactor* reactor = ctx->DefaultReactor();
  const int64_t held = static_cast<int64_t>(request->ByteSizeLong());
  if (!AdmitUnary(held, reactor)) return reactor;
  auto work = [this, ctx, request, response, reactor, held] {
    grpc::Status status;
    try {
      if (!CallIsOver(ctx, &status)) status = ValidateOne(*request, response);
    } catch (const std::exception& e) {
      status = InternalFromException("Validate", e.what());
    } catch (...) {
      status = InternalFromException("Validate", "unknown exception");
    }
    FinishUnary(held, status, reactor);
  };
  if (RunsInline(*request)) {
    work();
  } else {
    pool_->Submit(std::move(work));
  }
  return reactor;
}

grpc::ServerUnaryReactor* ValidatorService::Parse(grpc::CallbackServerContext* ctx,
                                                  const xxgk::v1::ParseRequest* request,
                                                  xxgk::v1::ParseResponse* response) {
  grpc::ServerUnaryReactor* reactor = ctx->DefaultReactor();
  const int64_t held = static_cast<int64_t>(request->ByteSizeLong());
  if (!AdmitUnary(held, reactor)) return reactor;
  pool_->Submit([this, ctx, request, response, reactor, held] {
    grpc::Status status;
    try {
      if (!CallIsOver(ctx, &status)) {
        const xxgk::v1::Document& doc = request->document();
        absl::Status read = rules::ReadRequestDocument(
            doc, "document", response->mutable_report(),
            [this, request](const xxgk::v1::Document& d, xxgk::v1::Report* out) {
              auto start = Clock::now();
              absl::Status r = engine_->parse(d, request->input_format(), out);
              if (metrics_ != nullptr) metrics_->StageSeconds("parse", SecondsSince(start));
              return r;
            });
        if (!read.ok()) {
          response->clear_report();
          status = InvalidField(doc.content().empty() ? "document.content" : "document",
                                std::string(read.message()));
        }
      }
    } catch (const std::exception& e) {
      status = InternalFromException("Parse", e.what());
    } catch (...) {
      status = InternalFromException("Parse", "unknown exception");
    }
    FinishUnary(held, status, reactor);
  });
  return reactor;
}

grpc::ServerUnaryReactor* ValidatorService::ListRuleSets(
    grpc::CallbackServerContext* ctx, const xxgk::v1::ListRuleSetsRequest* /*request*/,
    xxgk::v1::ListRuleSetsResponse* response) {
  grpc::ServerUnaryReactor* reactor = ctx->DefaultReactor();
  std::shared_ptr<const LoadedRules> rules = rules_->Current();
  if (rules == nullptr) {
    reactor->Finish(Unavailable());
    return reactor;
  }
  for (const auto& set : rules->sets) *response->add_rulesets() = set;
  reactor->Finish(grpc::Status::OK);
  return reactor;
}

grpc::ServerUnaryReactor* ValidatorService::DescribeRule(
    grpc::CallbackServerContext* ctx, const xxgk::v1::DescribeRuleRequest* request,
    xxgk::v1::DescribeRuleResponse* response) {
  grpc::ServerUnaryReactor* reactor = ctx->DefaultReactor();
  std::shared_ptr<const LoadedRules> rules = rules_->Current();
  if (rules == nullptr) {
    reactor->Finish(Unavailable());
    return reactor;
  }
  if (request->rule_id().empty()) {
    reactor->Finish(InvalidField("rule_id",
                                 "rule_id is empty: name a rule id such as T3-A "
                                 "(ListRuleSets shows the sets)"));
    return reactor;
  }
  absl::StatusOr<xxgk::v1::DescribeRuleResponse> r =
      engine_->describe(rules->snapshot.get(), request->rule_id(), request->ruleset());
  if (r.ok()) {
    *response = *std::move(r);
    reactor->Finish(grpc::Status::OK);
  } else {
    reactor->Finish(ToGrpcStatus(r.status()));
  }
  return reactor;
}

grpc::ServerUnaryReactor* ValidatorService::Echo(grpc::CallbackServerContext* ctx,
                                                 const xxgk::v1::EchoRequest* request,
                                                 xxgk::v1::EchoResponse* response) {
  grpc::ServerUnaryReactor* reactor = ctx->DefaultReactor();
  response->set_size_bytes(static_cast<int64_t>(request->ByteSizeLong()));
  reactor->Finish(grpc::Status::OK);
  return reactor;
}

grpc::ServerBidiReactor<xxgk::v1::ValidateStreamRequest, xxgk::v1::ValidateStreamResponse>*
ValidatorService::ValidateStream(grpc::CallbackServerContext* /*ctx*/) {
  if (!TryAcquire()) return new RejectedStream(Exhausted(options_.max_concurrent_requests));
  return new StreamReactor(this);
}

}  // namespace xxgk::server
