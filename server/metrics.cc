#include "server/metrics.h"

#include <algorithm>
#include <chrono>
#include <utility>

#include <grpcpp/grpcpp.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace xxgk::server {
namespace {

using prometheus::BuildCounter;
using prometheus::BuildGauge;
using prometheus::BuildHistogram;
using prometheus::Histogram;

// Same defaults as the Go client (prometheus.DefBuckets), which
// go-grpc-prometheus uses for grpc_server_handling_seconds.
Histogram::BucketBoundaries LatencyBuckets() {
  return {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
}

}  // namespace

std::string GrpcCodeName(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::OK: return "OK";
    case grpc::StatusCode::CANCELLED: return "Canceled";
    case grpc::StatusCode::UNKNOWN: return "Unknown";
    case grpc::StatusCode::INVALID_ARGUMENT: return "InvalidArgument";
    case grpc::StatusCode::DEADLINE_EXCEEDED: return "DeadlineExceeded";
    case grpc::StatusCode::NOT_FOUND: return "NotFound";
    case grpc::StatusCode::ALREADY_EXISTS: return "AlreadyExists";
    case grpc::StatusCode::PERMISSION_DENIED: return "PermissionDenied";
    case grpc::StatusCode::RESOURCE_EXHAUSTED: return "ResourceExhausted";
    case grpc::StatusCode::FAILED_PRECONDITION: return "FailedPrecondition";
    case grpc::StatusCode::ABORTED: return "Aborted";
    case grpc::StatusCode::OUT_OF_RANGE: return "OutOfRange";
    case grpc::StatusCode::UNIMPLEMENTED: return "Unimplemented";
    case grpc::StatusCode::INTERNAL: return "Internal";
    case grpc::StatusCode::UNAVAILABLE: return "Unavailable";
    case grpc::StatusCode::DATA_LOSS: return "DataLoss";
    case grpc::StatusCode::UNAUTHENTICATED: return "Unauthenticated";
    default: return "Unknown";
  }
}

std::string GrpcTypeName(grpc::experimental::ServerRpcInfo::Type type) {
  using Type = grpc::experimental::ServerRpcInfo::Type;
  switch (type) {
    case Type::UNARY: return "unary";
    case Type::CLIENT_STREAMING: return "client_stream";
    case Type::SERVER_STREAMING: return "server_stream";
    case Type::BIDI_STREAMING: return "bidi_stream";
  }
  return "unary";
}

void SplitMethod(std::string_view full_method, const std::vector<std::string>& known_methods,
                 std::string* service, std::string* method) {
  const bool known = std::find(known_methods.begin(), known_methods.end(), full_method) !=
                     known_methods.end();
  const size_t slash = full_method.find('/', 1);
  if (known && full_method.size() > 1 && full_method[0] == '/' && slash != std::string_view::npos) {
    *service = std::string(full_method.substr(1, slash - 1));
    *method = std::string(full_method.substr(slash + 1));
    return;
  }
  *service = "unknown";
  *method = "unknown";
}

std::string InputFormatLabel(std::string_view sniffed) {
  static const char* const kKnown[] = {"report", "text", "html", "mhtml", "doc",
                                       "docx", "word-xml", "rtf", "odt", "ofd",
                                       "pdf", "report-json", "report-textproto", "none"};
  for (const char* known : kKnown) {
    if (sniffed == known) return known;
  }
  return "other";
}

Metrics::Metrics(std::shared_ptr<prometheus::Registry> registry,
                 std::vector<std::string> known_methods)
    : registry_(std::move(registry)), known_methods_(std::move(known_methods)) {
  prometheus::Registry& r = *registry_;
  started_ = &BuildCounter().Name("grpc_server_started_total")
                  .Help("Total number of RPCs started on the server.").Register(r);
  handled_ = &BuildCounter().Name("grpc_server_handled_total")
                  .Help("Total number of RPCs completed on the server, regardless of success or failure.")
                  .Register(r);
  handling_seconds_ = &BuildHistogram().Name("grpc_server_handling_seconds")
                           .Help("Histogram of response latency (seconds) of gRPC that had been "
                                 "application-level handled by the server.")
                           .Register(r);
  msg_received_ = &BuildCounter().Name("grpc_server_msg_received_total")
                       .Help("Total number of RPC stream messages received on the server.").Register(r);
  msg_sent_ = &BuildCounter().Name("grpc_server_msg_sent_total")
                   .Help("Total number of gRPC stream messages sent by the server.").Register(r);
  ruleset_info_ = &BuildGauge().Name("xxgk_ruleset_info")
                       .Help("Rule sets currently served (value 1), by id, version and content hash.")
                       .Register(r);
  reloads_ = &BuildCounter().Name("xxgk_ruleset_reloads_total")
                  .Help("Rule-set reload attempts by result (success or failure).").Register(r);
  documents_ = &BuildCounter().Name("xxgk_documents_total")
                    .Help("Documents validated, by input format and outcome (passed, failed, rejected).")
                    .Register(r);
  findings_ = &BuildCounter().Name("xxgk_findings_total")
                   .Help("Findings returned, by rule id and severity.").Register(r);
  stage_seconds_ = &BuildHistogram().Name("xxgk_stage_seconds")
                        .Help("Time spent per validation stage (parse, evaluate).").Register(r);
  inflight_ = &BuildGauge().Name("xxgk_inflight_requests")
                   .Help("Validator requests (unary calls and open streams) being handled.")
                   .Register(r).Add({});
  auto& build = BuildGauge().Name("xxgk_build_info")
                    .Help("Build information of the running server (value 1).").Register(r);
  build.Add({{"version", XXGK_VERSION}, {"grpc_version", grpc::Version()}}).Set(1);
  // Pre-create the reload series so both results are visible from the start.
  reloads_->Add({{"result", "success"}});
  reloads_->Add({{"result", "failure"}});
}

RpcSeries::RpcSeries(Metrics* metrics, std::string service, std::string method, std::string type)
    : metrics_(metrics), service_(std::move(service)), method_(std::move(method)), type_(std::move(type)) {}

std::map<std::string, std::string> RpcSeries::Labels() const {
  return {{"grpc_service", service_}, {"grpc_method", method_}, {"grpc_type", type_}};
}

namespace {

// The series in `slot`, made by `make` on first use. Family::Add returns the
// same series for the same labels, so two threads racing here store the same
// pointer.
template <typename T, typename Make>
T& Lazy(std::atomic<T*>* slot, Make make) {
  T* p = slot->load(std::memory_order_acquire);
  if (p == nullptr) {
    p = &make();
    slot->store(p, std::memory_order_release);
  }
  return *p;
}

}  // namespace

void RpcSeries::Started() {
  Lazy(&started_, [&]() -> prometheus::Counter& { return metrics_->started_->Add(Labels()); }).Increment();
}

void RpcSeries::Handled(grpc::StatusCode code, double seconds) {
  const int c = static_cast<int>(code);
  // Codes outside 0..16 are named "Unknown", as UNKNOWN (2) is.
  const size_t at = c >= 0 && c < static_cast<int>(handled_.size()) ? static_cast<size_t>(c) : 2u;
  Lazy(&handled_[at], [&]() -> prometheus::Counter& {
    std::map<std::string, std::string> labels = Labels();
    labels.emplace("grpc_code", GrpcCodeName(code));
    return metrics_->handled_->Add(labels);
  }).Increment();
  Lazy(&handling_seconds_, [&]() -> prometheus::Histogram& {
    return metrics_->handling_seconds_->Add(Labels(), LatencyBuckets());
  }).Observe(seconds);
}

void RpcSeries::MsgReceived() {
  Lazy(&msg_received_, [&]() -> prometheus::Counter& { return metrics_->msg_received_->Add(Labels()); })
      .Increment();
}

void RpcSeries::MsgSent() {
  Lazy(&msg_sent_, [&]() -> prometheus::Counter& { return metrics_->msg_sent_->Add(Labels()); }).Increment();
}

RpcSeries* Metrics::SeriesOf(const std::string& service, const std::string& method, const std::string& type) {
  std::lock_guard<std::mutex> lock(series_mu_);
  std::unique_ptr<RpcSeries>& s = rpc_series_[absl::StrCat(service, "\x1f", method, "\x1f", type)];
  if (s == nullptr) s = std::make_unique<RpcSeries>(this, service, method, type);
  return s.get();
}

RpcSeries* Metrics::SeriesOf(std::string_view full_method, grpc::experimental::ServerRpcInfo::Type type) {
  const std::string type_name = GrpcTypeName(type);
  const absl::string_view name(full_method.data(), full_method.size());
  {
    std::lock_guard<std::mutex> lock(series_mu_);
    auto it = rpc_series_by_method_.find(name);
    if (it != rpc_series_by_method_.end() && it->second->type_ == type_name) return it->second;
  }
  std::string service, method;
  SplitMethod(full_method, known_methods_, &service, &method);
  RpcSeries* s = SeriesOf(service, method, type_name);
  if (service != "unknown") {
    std::lock_guard<std::mutex> lock(series_mu_);
    rpc_series_by_method_[name] = s;
  }
  return s;
}

template <typename T, typename Make>
T& Metrics::Cached(absl::flat_hash_map<std::string, T*>* cache, std::string key, Make make) {
  std::lock_guard<std::mutex> lock(series_mu_);
  auto [it, inserted] = cache->try_emplace(std::move(key), nullptr);
  if (inserted) it->second = &make();
  return *it->second;
}

void Metrics::DocumentDone(const std::string& input_format, const std::string& outcome) {
  const std::string format = InputFormatLabel(input_format);
  Cached(&document_series_, absl::StrCat(format, "\x1f", outcome), [&]() -> prometheus::Counter& {
    return documents_->Add({{"input_format", format}, {"outcome", outcome}});
  }).Increment();
}

void Metrics::CountFindings(const xxgk::v1::ValidateResponse& response) {
  if (response.findings().empty()) return;
  std::lock_guard<std::mutex> lock(series_mu_);
  for (const auto& finding : response.findings()) {
    // The series of a rule id by severity (a value outside the enum, named
    // "UNKNOWN", in the last slot), each made on first use.
    const int sev = finding.severity();
    const size_t at = xxgk::v1::Severity_IsValid(sev) ? static_cast<size_t>(sev) : kSeverities - 1;
    const absl::string_view rule_id(finding.rule_id());
    auto it = finding_series_.find(rule_id);
    if (it == finding_series_.end()) it = finding_series_.try_emplace(std::string(rule_id)).first;
    prometheus::Counter*& counter = it->second[at];
    if (counter == nullptr) {
      std::string severity = xxgk::v1::Severity_Name(finding.severity());
      if (severity.empty()) severity = "UNKNOWN";
      counter = &findings_->Add({{"rule_id", finding.rule_id()}, {"severity", severity}});
    }
    counter->Increment();
  }
}

void Metrics::StageSeconds(const std::string& stage, double seconds) {
  Cached(&stage_series_, stage, [&]() -> prometheus::Histogram& {
    return stage_seconds_->Add({{"stage", stage}}, LatencyBuckets());
  }).Observe(seconds);
}

void Metrics::SetRuleSets(const std::vector<xxgk::v1::RuleSetInfo>& sets) {
  std::lock_guard<std::mutex> lock(mu_);
  for (prometheus::Gauge* g : ruleset_gauges_) ruleset_info_->Remove(g);
  ruleset_gauges_.clear();
  for (const auto& set : sets) {
    auto& g = ruleset_info_->Add(
        {{"ruleset", set.id()}, {"version", set.version()}, {"content_hash", set.content_hash()}});
    g.Set(1);
    ruleset_gauges_.push_back(&g);
  }
}

void Metrics::RulesetReload(bool success) {
  reloads_->Add({{"result", success ? "success" : "failure"}}).Increment();
}

namespace {

class MetricsInterceptor : public grpc::experimental::Interceptor {
 public:
  MetricsInterceptor(Metrics* metrics, grpc::experimental::ServerRpcInfo* info)
      : metrics_(metrics), start_(std::chrono::steady_clock::now()) {
    const char* full_method = info->method();
    series_ = metrics->SeriesOf(full_method == nullptr ? std::string_view() : std::string_view(full_method),
                                info->type());
    streaming_ = info->type() != grpc::experimental::ServerRpcInfo::Type::UNARY;
    validator_ = absl::EndsWith(series_->service(), ".Validator");
    series_->Started();
    if (validator_) metrics_->InflightAdd(1);
  }

  ~MetricsInterceptor() override {
    // A call that ended without sending a status (cancelled by the client or
    // by shutdown) is counted as Canceled.
    if (!handled_) Handled(grpc::StatusCode::CANCELLED);
    if (validator_) metrics_->InflightAdd(-1);
  }

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    using grpc::experimental::InterceptionHookPoints;
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::POST_RECV_MESSAGE)) {
      if (streaming_ && methods->GetRecvMessage() != nullptr) series_->MsgReceived();
    }
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_MESSAGE)) {
      if (streaming_) series_->MsgSent();
    }
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS)) {
      if (!handled_) Handled(methods->GetSendStatus().error_code());
    }
    methods->Proceed();
  }

 private:
  void Handled(grpc::StatusCode code) {
    handled_ = true;
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    series_->Handled(code, seconds);
  }

  Metrics* metrics_;
  RpcSeries* series_;
  std::chrono::steady_clock::time_point start_;
  bool streaming_ = false;
  bool validator_ = false;
  bool handled_ = false;
};

}  // namespace

grpc::experimental::Interceptor* MetricsInterceptorFactory::CreateServerInterceptor(
    grpc::experimental::ServerRpcInfo* info) {
  return new MetricsInterceptor(metrics_, info);
}

}  // namespace xxgk::server
