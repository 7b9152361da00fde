// Prometheus metrics of the server. RPC metrics follow go-grpc-prometheus
// names and labels so existing dashboards and alerts work unchanged; the
// xxgk_* metrics describe documents, findings, rule sets and stages. Every
// label takes values from a bounded set (method names of registered
// services, status codes, rule ids of the loaded sets, a fixed list of input
// formats and stages).
#ifndef XXGK_SERVER_METRICS_H_
#define XXGK_SERVER_METRICS_H_

#include <array>
#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <grpcpp/support/server_interceptor.h>
#include <grpcpp/support/status.h>

#include "absl/container/flat_hash_map.h"
#include "prometheus/counter.h"
#include "prometheus/family.h"
#include "prometheus/gauge.h"
#include "prometheus/histogram.h"
#include "prometheus/registry.h"
#include "xxgk/v1/service.pb.h"

namespace xxgk::server {

// go-grpc-prometheus spelling of a status code ("OK", "InvalidArgument", ...).
std::string GrpcCodeName(grpc::StatusCode code);

// "unary", "client_stream", "server_stream" or "bidi_stream".
std::string GrpcTypeName(grpc::experimental::ServerRpcInfo::Type type);

// Splits "/pkg.Service/Method" into service and method. A name that is not
// one of `known_methods` (full names, "/pkg.Service/Method") becomes
// "unknown"/"unknown", an unimplemented method of a served service included:
// callers cannot grow the label sets.
void SplitMethod(std::string_view full_method, const std::vector<std::string>& known_methods,
                 std::string* service, std::string* method);

// Input format label for xxgk_documents_total: "report" for a structured
// request, else the sniffed format if it is one of the known ones, else "other".
std::string InputFormatLabel(std::string_view sniffed);

class Metrics;

// The series of one RPC method (service, method and type labels), each made
// by its family on first use (as Family::Add would on that call) and then
// kept: the interceptor counts a call without building or hashing a label
// map. Thread-safe.
class RpcSeries {
 public:
  RpcSeries(Metrics* metrics, std::string service, std::string method, std::string type);
  void Started();
  void Handled(grpc::StatusCode code, double seconds);
  void MsgReceived();
  void MsgSent();
  const std::string& service() const { return service_; }

 private:
  friend class Metrics;
  std::map<std::string, std::string> Labels() const;
  Metrics* metrics_;
  std::string service_, method_, type_;
  std::atomic<prometheus::Counter*> started_{nullptr};
  std::atomic<prometheus::Counter*> msg_received_{nullptr};
  std::atomic<prometheus::Counter*> msg_sent_{nullptr};
  std::atomic<prometheus::Histogram*> handling_seconds_{nullptr};
  std::array<std::atomic<prometheus::Counter*>, 17> handled_{};  // by status code 0..16
};

class Metrics {
 public:
  // Registers every family in `registry` (kept alive by the caller).
  // `known_methods`: the full names ("/pkg.Service/Method") labelled as
  // themselves (see SplitMethod).
  explicit Metrics(std::shared_ptr<prometheus::Registry> registry,
                   std::vector<std::string> known_methods);

  const std::shared_ptr<prometheus::Registry>& registry() const { return registry_; }
  const std::vector<std::string>& known_methods() const { return known_methods_; }

  // The series of the method `full_method` ("/pkg.Service/Method", split as
  // SplitMethod does) of `type`, where the interceptor counts each call's
  // lifecycle; the same object for every call of a method (lives as long as
  // this Metrics).
  RpcSeries* SeriesOf(std::string_view full_method, grpc::experimental::ServerRpcInfo::Type type);

  // In-flight Validator requests (unary calls and open streams).
  void InflightAdd(double delta) { inflight_->Increment(delta); }

  // One document validated: outcome "passed" (no ERROR finding), "failed"
  // (at least one ERROR finding) or "rejected" (the request was an error).
  void DocumentDone(const std::string& input_format, const std::string& outcome);
  void CountFindings(const xxgk::v1::ValidateResponse& response);
  void StageSeconds(const std::string& stage, double seconds);

  // Rule sets: replaces every xxgk_ruleset_info series with the given sets.
  void SetRuleSets(const std::vector<xxgk::v1::RuleSetInfo>& sets);
  void RulesetReload(bool success);

 private:
  friend class RpcSeries;
  RpcSeries* SeriesOf(const std::string& service, const std::string& method, const std::string& type);

  std::shared_ptr<prometheus::Registry> registry_;
  std::vector<std::string> known_methods_;

  prometheus::Family<prometheus::Counter>* started_;
  prometheus::Family<prometheus::Counter>* handled_;
  prometheus::Family<prometheus::Histogram>* handling_seconds_;
  prometheus::Family<prometheus::Counter>* msg_received_;
  prometheus::Family<prometheus::Counter>* msg_sent_;
  prometheus::Family<prometheus::Gauge>* ruleset_info_;
  prometheus::Family<prometheus::Counter>* reloads_;
  prometheus::Family<prometheus::Counter>* documents_;
  prometheus::Family<prometheus::Counter>* findings_;
  prometheus::Family<prometheus::Histogram>* stage_seconds_;
  prometheus::Gauge* inflight_;

  std::mutex mu_;
  std::vector<prometheus::Gauge*> ruleset_gauges_;

  // Series of the per-document metrics, looked up once per label set
  // (Family::Add builds and hashes a label map on every call). Family::Add
  // returns the same series for the same labels, and these families never
  // remove series, so the cached pointers stay valid. Keys join the label
  // values with \x1f.
  template <typename T, typename Make>
  T& Cached(absl::flat_hash_map<std::string, T*>* cache, std::string key, Make make);
  std::mutex series_mu_;
  absl::flat_hash_map<std::string, prometheus::Counter*> document_series_;
  // Findings by rule id, then severity (Severity's values, then "UNKNOWN").
  static constexpr size_t kSeverities = xxgk::v1::Severity_ARRAYSIZE + 1;
  absl::flat_hash_map<std::string, std::array<prometheus::Counter*, kSeverities>> finding_series_;
  absl::flat_hash_map<std::string, prometheus::Histogram*> stage_series_;
  // RPC series by "service\x1fmethod\x1ftype", and by the full method name
  // of a known method (unknown names share the "unknown" series and are not
  // kept by name, so the maps stay bounded).
  absl::flat_hash_map<std::string, std::unique_ptr<RpcSeries>> rpc_series_;
  absl::flat_hash_map<std::string, RpcSeries*> rpc_series_by_method_;
};

// Feeds the RPC metrics (started/handled/latency/messages) for every call,
// including health and reflection, and keeps xxgk_inflight_requests for the
// Validator service.
class MetricsInterceptorFactory : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  explicit MetricsInterceptorFactory(Metrics* metrics) : metrics_(metrics) {}
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;

 private:
  Metrics* metrics_;
};

}  // namespace xxgk::server

#endif  // XXGK_SERVER_METRICS_H_
