#include "server/server.h"

#include <chrono>
#include <climits>
#include <cmath>
#include <fstream>
#include <sstream>
#include <thread>
#include <utility>
#include <vector>

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/security/server_credentials.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "google/protobuf/descriptor.h"
#include "prometheus/exposer.h"
#include "server/log.h"

namespace xxgk::server {
namespace {

constexpr char kValidatorService[] = "xxgk.v1.Validator";

absl::StatusOr<std::string> ReadPem(const std::string& flag, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::InvalidArgumentError(
        absl::StrCat("--", flag, "=", path, ": cannot read the file; give a readable PEM file"));
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> Credentials(const ServerConfig& c) {
  if (c.tls_cert.empty() && c.tls_key.empty()) {
    if (!c.tls_ca.empty()) {
      return absl::InvalidArgumentError(
          "--tls_ca needs --tls_cert and --tls_key (the server's own certificate and key)");
    }
    return grpc::InsecureServerCredentials();
  }
  if (c.tls_cert.empty() || c.tls_key.empty()) {
    return absl::InvalidArgumentError("TLS needs both --tls_cert and --tls_key");
  }
  absl::StatusOr<std::string> cert = ReadPem("tls_cert", c.tls_cert);
  if (!cert.ok()) return cert.status();
  absl::StatusOr<std::string> key = ReadPem("tls_key", c.tls_key);
  if (!key.ok()) return key.status();
  grpc::SslServerCredentialsOptions options;
  options.pem_key_cert_pairs.push_back({*key, *cert});
  if (!c.tls_ca.empty()) {
    absl::StatusOr<std::string> ca = ReadPem("tls_ca", c.tls_ca);
    if (!ca.ok()) return ca.status();
    options.pem_root_certs = *ca;
    options.client_certificate_request =
        GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY;
  }
  return grpc::SslServerCredentials(options);
}

// The full names of the methods this server serves: the RPC metrics label
// these as themselves and every other name as "unknown".
std::vector<std::string> ServedMethods() {
  std::vector<std::string> names = {
      "/grpc.health.v1.Health/Check",
      "/grpc.health.v1.Health/Watch",
      "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
  };
  const google::protobuf::ServiceDescriptor* validator =
      xxgk::v1::ValidateRequest::descriptor()->file()->FindServiceByName("Validator");
  for (int i = 0; validator != nullptr && i < validator->method_count(); ++i) {
    names.push_back(absl::StrCat("/", validator->full_name(), "/", validator->method(i)->name()));
  }
  return names;
}

// Builds and starts the server; AlreadyExists "cannot listen for <what>"
// when it did not bind its port (gRPC leaves the bound port 0 then).
absl::StatusOr<std::unique_ptr<grpc::Server>> BuildAndListen(grpc::ServerBuilder& builder,
                                                             const int& bound_port,
                                                             const std::string& what) {
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr || bound_port == 0) {
    return absl::AlreadyExistsError(absl::StrCat("cannot listen for ", what));
  }
  return server;
}

}  // namespace

Server::Server(ServerConfig config, Engine engine)
    : config_(std::move(config)), engine_(std::move(engine)) {}

Server::~Server() { Drain(); }

absl::Status CheckConfig(const ServerConfig& c) {
  std::vector<std::string> problems;
  auto port = [&](const char* flag, int v) {
    if (v < 0 || v > 65535) problems.push_back(absl::StrCat("--", flag, " must be 0..65535 (got ", v, ")"));
  };
  port("port", c.port);
  port("metrics_port", c.metrics_port);
  port("health_port", c.health_port);
  auto non_negative = [&](const char* flag, int v) {
    if (v < 0) problems.push_back(absl::StrCat("--", flag, " must be >= 0 (got ", v, ")"));
  };
  non_negative("workers", c.workers);
  non_negative("max_concurrent_requests", c.service.max_concurrent_requests);
  non_negative("inline_max_bytes", c.service.inline_max_bytes);
  if (c.service.max_held_bytes < 0) {
    problems.push_back(absl::StrCat("--max_held_bytes must be >= 0 (got ", c.service.max_held_bytes, ")"));
  }
  if (c.service.stream_window < 1) {
    problems.push_back(absl::StrCat("--stream_window must be >= 1 (got ", c.service.stream_window, ")"));
  }
  if (c.max_message_bytes <= 0) {
    problems.push_back(absl::StrCat("--max_message_bytes must be positive (got ", c.max_message_bytes, ")"));
  }
  // passed to gRPC as int milliseconds
  auto millis = [&](const char* flag, int v) {
    if (v < 0 || v > INT_MAX / 1000) {
      problems.push_back(absl::StrCat("--", flag, " must be 0..", INT_MAX / 1000, " (got ", v, ")"));
    }
  };
  millis("keepalive_time_seconds", c.keepalive_time_seconds);
  millis("keepalive_timeout_seconds", c.keepalive_timeout_seconds);
  millis("max_connection_age_seconds", c.max_connection_age_seconds);
  millis("max_connection_age_grace_seconds", c.max_connection_age_grace_seconds);
  // at most a year: longer is a typo, and huge values overflow durations
  constexpr double kMaxSeconds = 365.0 * 24 * 3600;
  auto seconds = [&](const char* flag, double v) {
    if (!std::isfinite(v) || v < 0 || v > kMaxSeconds) {
      problems.push_back(absl::StrCat("--", flag, " must be a number of seconds 0..", kMaxSeconds,
                                      " (got ", v, ")"));
    }
  };
  seconds("rules_poll_seconds", c.rules_poll_seconds);
  seconds("drain_timeout_seconds", c.drain_timeout_seconds);
  seconds("shutdown_delay_seconds", c.shutdown_delay_seconds);
  if (problems.empty()) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrJoin(problems, "; "));
}

absl::Status Server::Start() {
  registry_ = std::make_shared<prometheus::Registry>();
  metrics_ = std::make_unique<Metrics>(registry_, ServedMethods());

  absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> creds = Credentials(config_);
  if (!creds.ok()) return creds.status();

  if (config_.metrics_port > 0) {
    std::string address = absl::StrCat(config_.host, ":", config_.metrics_port);
    try {
      exposer_ = std::make_unique<prometheus::Exposer>(address);
    } catch (const std::exception& e) {
      return absl::AlreadyExistsError(absl::StrCat(
          "cannot serve /metrics on ", address, " (", e.what(),
          "): the port is in use or not permitted; stop the other process, choose another "
          "--metrics_port, or --metrics_port=0 to disable metrics"));
    }
    exposer_->RegisterCollectable(registry_);
    std::vector<int> ports = exposer_->GetListeningPorts();
    metrics_port_ = ports.empty() ? 0 : ports.front();
  }

  rules_ = std::make_unique<RulesState>(&engine_, config_.rules_dir, metrics_.get());
  pool_ = std::make_unique<WorkerPool>(static_cast<size_t>(std::max(config_.workers, 0)));
  ServiceOptions service_options = config_.service;
  service_ = std::make_unique<ValidatorService>(&engine_, rules_.get(), metrics_.get(),
                                                pool_.get(), service_options);

  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  std::string address = absl::StrCat(config_.host, ":", config_.port);
  builder.AddListeningPort(address, *creds, &grpc_port_);
  builder.RegisterService(service_.get());
  builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
  builder.SetMaxReceiveMessageSize(config_.max_message_bytes);
  builder.SetMaxSendMessageSize(config_.max_message_bytes);
  if (config_.keepalive_time_seconds > 0) {
    builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIME_MS, config_.keepalive_time_seconds * 1000);
    builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIMEOUT_MS,
                               config_.keepalive_timeout_seconds * 1000);
  }
  // Let clients keep idle connections alive with pings every 10 s or more.
  builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
  builder.AddChannelArgument(GRPC_ARG_HTTP2_MIN_RECV_PING_INTERVAL_WITHOUT_DATA_MS, 10000);
  if (config_.max_connection_age_seconds > 0) {
    builder.AddChannelArgument(GRPC_ARG_MAX_CONNECTION_AGE_MS,
                               config_.max_connection_age_seconds * 1000);
    builder.AddChannelArgument(GRPC_ARG_MAX_CONNECTION_AGE_GRACE_MS,
                               config_.max_connection_age_grace_seconds * 1000);
  }
  std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> creators;
  creators.push_back(std::make_unique<MetricsInterceptorFactory>(metrics_.get()));
  builder.experimental().SetInterceptorCreators(std::move(creators));

  absl::StatusOr<std::unique_ptr<grpc::Server>> server = BuildAndListen(
      builder, grpc_port_,
      absl::StrCat("gRPC on ", address, ": the port is in use (another xxgk-server?) or the ",
                   "address is not available; stop the other process or choose another ",
                   "--port / --host"));
  if (!server.ok()) return server.status();
  server_ = *std::move(server);
  if (absl::Status health = StartHealthServer(); !health.ok()) {
    server_->Shutdown(std::chrono::system_clock::now());
    server_->Wait();
    server_.reset();
    return health;
  }
  SetServing(false);

  absl::Status loaded = rules_->Load();
  if (!loaded.ok()) {
    server_->Shutdown(std::chrono::system_clock::now());
    server_->Wait();
    server_.reset();
    health_server_.reset();
    return absl::InvalidArgumentError(absl::StrCat(
        "cannot load the rule sets from ",
        config_.rules_dir.empty() ? std::string("the embedded default") : config_.rules_dir,
        ":\n", loaded.message(),
        "\nfix the files listed (xxgk rules check DIR shows the same errors) or point "
        "--rules_dir at a valid rules directory"));
  }
  // The readers build their tables on first use; do it now, while health
  // still says NOT_SERVING, rather than in some client's first request.
  const auto warm_start = std::chrono::steady_clock::now();
  if (engine_.warm_up) engine_.warm_up();
  const double warm_up_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - warm_start).count();
  SetServing(true);
  if (config_.rules_poll_seconds > 0) {
    rules_->StartWatching(absl::Seconds(config_.rules_poll_seconds));
  }
  Log(LogLevel::kInfo, "serving",
      {{"grpc_address", absl::StrCat(config_.host, ":", grpc_port_)},
       {"metrics_port", metrics_port_},
       {"health_port", health_port_},
       {"tls", config_.tls_cert.empty() ? "off" : (config_.tls_ca.empty() ? "tls" : "mtls")},
       {"workers", static_cast<long long>(pool_->size())},
       {"warm_up_ms", static_cast<long long>(warm_up_ms + 0.5)}});
  return absl::OkStatus();
}

absl::Status Server::StartHealthServer() {
  if (config_.health_port == 0) return absl::OkStatus();
  grpc::ServerBuilder builder;  // the default health service comes with it
  std::string address = absl::StrCat(config_.host, ":", config_.health_port);
  builder.AddListeningPort(address, grpc::InsecureServerCredentials(), &health_port_);
  builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
  absl::StatusOr<std::unique_ptr<grpc::Server>> server = BuildAndListen(
      builder, health_port_,
      absl::StrCat("health checks on ", address, ": the port is in use or the address is not ",
                   "available; stop the other process, choose another --health_port, or ",
                   "--health_port=0 to serve health on --port only"));
  if (!server.ok()) return server.status();
  health_server_ = *std::move(server);
  return absl::OkStatus();
}

void Server::SetServing(bool serving) {
  for (grpc::Server* s : {server_.get(), health_server_.get()}) {
    if (s == nullptr) continue;
    s->GetHealthCheckService()->SetServingStatus("", serving);
    s->GetHealthCheckService()->SetServingStatus(kValidatorService, serving);
  }
}

void Server::Drain() {
  if (drained_) return;
  drained_ = true;
  if (server_ != nullptr) {
    Log(LogLevel::kInfo, "draining",
        {{"inflight", service_->active()}, {"timeout_seconds", config_.drain_timeout_seconds}});
    // Every service NOT_SERVING on both ports, so load balancers and probes
    // stop sending work during the delay.
    server_->GetHealthCheckService()->Shutdown();
    if (health_server_ != nullptr) health_server_->GetHealthCheckService()->Shutdown();
    if (config_.shutdown_delay_seconds > 0) {
      std::this_thread::sleep_for(std::chrono::duration<double>(config_.shutdown_delay_seconds));
    }
    auto deadline = std::chrono::system_clock::now() +
                    std::chrono::duration_cast<std::chrono::system_clock::duration>(
                        std::chrono::duration<double>(config_.drain_timeout_seconds));
    server_->Shutdown(deadline);
    server_->Wait();
  }
  if (health_server_ != nullptr) {
    health_server_->Shutdown(std::chrono::system_clock::now());
    health_server_->Wait();
    health_server_.reset();
  }
  if (rules_ != nullptr) rules_->StopWatching();
  pool_.reset();  // runs what is left (answers to cancelled streams are dropped)
  server_.reset();
  if (service_ != nullptr) Log(LogLevel::kInfo, "stopped", {});
}

}  // namespace xxgk::server
