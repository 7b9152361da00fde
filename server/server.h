// xxgk-server's body, separate from main() so tests can run it in-process:
// metrics endpoint, gRPC server (Validator, health, reflection), rule sets
// and their watcher, drain.
#ifndef XXGK_SERVER_SERVER_H_
#define XXGK_SERVER_SERVER_H_

#include <memory>
#include <string>

#include <grpcpp/grpcpp.h>

#include "absl/status/status.h"
#include "server/engine.h"
#include "server/metrics.h"
#include "server/rules_state.h"
#include "server/service.h"
#include "server/worker_pool.h"

namespace prometheus {
class Exposer;
}  // namespace prometheus

namespace xxgk::server {

struct ServerConfig {
  std::string host = "0.0.0.0";
  int port = 50051;          // 0 = any free port (see grpc_port())
  int metrics_port = 9464;   // 0 = no /metrics endpoint
  int health_port = 0;       // plaintext grpc.health.v1 only; 0 = none
  std::string rules_dir;     // empty = embedded default rule sets
  int workers = 0;           // 0 = one per hardware thread
  ServiceOptions service;
  int max_message_bytes = 32 << 20;
  int keepalive_time_seconds = 60;
  int keepalive_timeout_seconds = 20;
  int max_connection_age_seconds = 0;        // 0 = unlimited
  int max_connection_age_grace_seconds = 30;
  double drain_timeout_seconds = 25;
  double shutdown_delay_seconds = 0;         // NOT_SERVING before draining
  double rules_poll_seconds = 1;             // 0 = no directory watching
  std::string tls_cert, tls_key, tls_ca;     // PEM files
};

// Every flag-level problem of a configuration (ports out of range, negative
// counts, non-finite or negative seconds, keepalive/age seconds whose
// milliseconds overflow an int), as one InvalidArgument naming each flag;
// xxgk-server exits 2 on it (docs/server.md).
absl::Status CheckConfig(const ServerConfig& config);

class Server {
 public:
  explicit Server(ServerConfig config, Engine engine = RealEngine());
  ~Server();

  // Starts everything. Errors name what to change: kAlreadyExists when a
  // port is taken, kInvalidArgument for bad rules or flags.
  absl::Status Start();

  int grpc_port() const { return grpc_port_; }
  int metrics_port() const { return metrics_port_; }
  int health_port() const { return health_port_; }
  Metrics* metrics() { return metrics_.get(); }
  RulesState* rules() { return rules_.get(); }

  // SIGHUP.
  absl::Status ReloadRules() { return rules_->Reload("signal"); }

  // Health NOT_SERVING, then stop accepting and finish in-flight calls
  // (cancelled after drain_timeout_seconds). Idempotent.
  void Drain();

 private:
  // The health port: a plaintext gRPC server of its own with the health
  // service (and reflection, which every server here has) but no Validator
  // methods, so probes that speak no TLS (the kubelet's) can read the status
  // while the main port requires TLS or mTLS.
  absl::Status StartHealthServer();
  // The status of "" and xxgk.v1.Validator on the main port and the health port.
  void SetServing(bool serving);

  ServerConfig config_;
  Engine engine_;
  std::shared_ptr<prometheus::Registry> registry_;
  std::unique_ptr<Metrics> metrics_;
  std::unique_ptr<prometheus::Exposer> exposer_;
  std::unique_ptr<RulesState> rules_;
  std::unique_ptr<WorkerPool> pool_;
  std::unique_ptr<ValidatorService> service_;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<grpc::Server> health_server_;
  int grpc_port_ = 0;
  int metrics_port_ = 0;
  int health_port_ = 0;
  bool drained_ = false;
};

}  // namespace xxgk::server

#endif  // XXGK_SERVER_SERVER_H_
