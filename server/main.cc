// xxgk-server: the Validator gRPC service. See docs/server.md.
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/internal/parse.h"
#include "absl/flags/internal/usage.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/flags/usage_config.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/synchronization/mutex.h"
#include "server/log.h"
#include "server/server.h"

ABSL_FLAG(std::string, host, "0.0.0.0", "Address to listen on (gRPC and /metrics).");
ABSL_FLAG(int, port, 50051, "gRPC port.");
ABSL_FLAG(int, metrics_port, 9464, "Port of the Prometheus /metrics endpoint; 0 disables it.");
ABSL_FLAG(int, health_port, 0,
          "Plaintext port serving only grpc.health.v1 (for probes that speak no TLS); "
          "0 = none.");
ABSL_FLAG(std::string, rules_dir, "",
          "Directory of rule-set files (*.textproto, recursive); empty = the embedded default "
          "rule sets. Watched for changes; SIGHUP reloads it too.");
ABSL_FLAG(double, rules_poll_seconds, 1.0,
          "How often the rules directory is checked for changes; 0 disables watching.");
ABSL_FLAG(int, workers, 0, "Validation worker threads; 0 = one per CPU.");
ABSL_FLAG(int, max_concurrent_requests, 64,
          "Validator requests (unary calls + open streams) handled at once; more are answered "
          "RESOURCE_EXHAUSTED. 0 = no limit.");
ABSL_FLAG(int, stream_window, 8,
          "Items of one ValidateStream being processed or waiting to be written; the next item "
          "is read only when one is answered.");
ABSL_FLAG(int, inline_max_bytes, 64 << 10,
          "Unary Validate requests whose text or HTML document (or structured report) has at most "
          "this many bytes run on the gRPC thread that received them, skipping the hand-over to a "
          "worker; PDF and .docx always go to the workers. 0 sends every request to the workers.");
ABSL_FLAG(int, max_message_bytes, 32 << 20, "Largest request or response message, in bytes.");
ABSL_FLAG(int64_t, max_held_bytes, int64_t{64} << 20,
          "Request bytes held at once (accepted and not yet answered; reading a document takes "
          "about ten times its size in memory). A request that would go beyond is answered "
          "RESOURCE_EXHAUSTED (a stream item: an ItemError) unless it is the only one held. "
          "0 = no limit.");
ABSL_FLAG(int, keepalive_time_seconds, 60,
          "Server keepalive ping interval on idle connections; 0 disables.");
ABSL_FLAG(int, keepalive_timeout_seconds, 20, "How long to wait for a keepalive ping's ack.");
ABSL_FLAG(int, max_connection_age_seconds, 0,
          "Close connections after this age (clients reconnect and rebalance); 0 = never.");
ABSL_FLAG(int, max_connection_age_grace_seconds, 30,
          "Time given to calls on a connection closed for its age.");
ABSL_FLAG(double, drain_timeout_seconds, 25,
          "On SIGTERM/SIGINT, how long in-flight calls may run before they are cancelled.");
ABSL_FLAG(double, shutdown_delay_seconds, 0,
          "On SIGTERM/SIGINT, report NOT_SERVING for this long before draining.");
ABSL_FLAG(std::string, tls_cert, "", "PEM certificate chain of the server (enables TLS).");
ABSL_FLAG(std::string, tls_key, "", "PEM private key of the server.");
ABSL_FLAG(std::string, tls_ca, "",
          "PEM CA bundle; when set, clients must present a certificate it signed (mutual TLS).");
ABSL_FLAG(std::string, log_level, "info", "Lowest log level written: debug, info, warning, error.");

namespace {

// Exit codes (docs/server.md).
constexpr int kExitUsage = 2;      // bad flags, rules or TLS files
constexpr int kExitListen = 3;     // a port is taken / address unavailable

}  // namespace

int main(int argc, char** argv) {
  // Debian's Abseil ships with absl::Mutex's deadlock detector on: every lock
  // taken while another is held (gRPC does this on each call) updates a
  // global cycle graph, ~8x the cost of the lock itself. Turn it off.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  absl::SetProgramUsageMessage(
      "xxgk-server [--port=50051] [--metrics_port=9464] [--rules_dir=DIR] ...\n"
      "Serves xxgk.v1.Validator over gRPC with health, reflection and /metrics.");
  // --help lists the flags defined here (Abseil looks for them in a file
  // named after the binary, xxgk-server.cc, and would find none).
  absl::FlagsUsageConfig usage;
  usage.contains_help_flags = [](absl::string_view file) { return absl::EndsWith(file, "server/main.cc"); };
  usage.contains_helpshort_flags = usage.contains_help_flags;
  usage.normalize_filename = [](absl::string_view file) {
    const size_t at = file.rfind("server/main.cc");
    return std::string(at == absl::string_view::npos ? file : file.substr(at));
  };
  usage.version_string = [] { return std::string("xxgk-server " XXGK_VERSION "\n"); };
  absl::SetFlagsUsageConfig(usage);
  // Abseil's ParseCommandLine exits 1 after printing help that was asked for;
  // asking for help is no failure, so the usage flags are handled here.
  absl::flags_internal::ParseCommandLineImpl(argc, argv,
                                             absl::flags_internal::ArgvListAction::kRemoveParsedArgs,
                                             absl::flags_internal::UsageFlagsAction::kIgnoreUsage,
                                             absl::flags_internal::OnUndefinedFlag::kAbortIfUndefined);
  if (absl::flags_internal::HandleUsageFlags(std::cout, absl::ProgramUsageMessage()) != -1) return 0;

  using xxgk::server::Log;
  using xxgk::server::LogLevel;
  // Every problem with the flags is named at once, this one among them.
  std::vector<std::string> problems;
  std::string level = absl::GetFlag(FLAGS_log_level);
  if (level == "debug") xxgk::server::SetMinLogLevel(LogLevel::kDebug);
  else if (level == "warning") xxgk::server::SetMinLogLevel(LogLevel::kWarning);
  else if (level == "error") xxgk::server::SetMinLogLevel(LogLevel::kError);
  else if (level != "info") {
    problems.push_back(absl::StrCat("--log_level must be debug, info, warning or error (got \"", level, "\")"));
  }

  // Block the signals in every thread; one thread takes them with sigwait.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  xxgk::server::ServerConfig config;
  config.host = absl::GetFlag(FLAGS_host);
  config.port = absl::GetFlag(FLAGS_port);
  config.metrics_port = absl::GetFlag(FLAGS_metrics_port);
  config.health_port = absl::GetFlag(FLAGS_health_port);
  config.rules_dir = absl::GetFlag(FLAGS_rules_dir);
  config.rules_poll_seconds = absl::GetFlag(FLAGS_rules_poll_seconds);
  config.workers = absl::GetFlag(FLAGS_workers);
  config.service.max_concurrent_requests = absl::GetFlag(FLAGS_max_concurrent_requests);
  config.service.stream_window = absl::GetFlag(FLAGS_stream_window);
  config.service.inline_max_bytes = absl::GetFlag(FLAGS_inline_max_bytes);
  config.service.max_held_bytes = absl::GetFlag(FLAGS_max_held_bytes);
  config.max_message_bytes = absl::GetFlag(FLAGS_max_message_bytes);
  config.keepalive_time_seconds = absl::GetFlag(FLAGS_keepalive_time_seconds);
  config.keepalive_timeout_seconds = absl::GetFlag(FLAGS_keepalive_timeout_seconds);
  config.max_connection_age_seconds = absl::GetFlag(FLAGS_max_connection_age_seconds);
  config.max_connection_age_grace_seconds = absl::GetFlag(FLAGS_max_connection_age_grace_seconds);
  config.drain_timeout_seconds = absl::GetFlag(FLAGS_drain_timeout_seconds);
  config.shutdown_delay_seconds = absl::GetFlag(FLAGS_shutdown_delay_seconds);
  config.tls_cert = absl::GetFlag(FLAGS_tls_cert);
  config.tls_key = absl::GetFlag(FLAGS_tls_key);
  config.tls_ca = absl::GetFlag(FLAGS_tls_ca);

  if (absl::Status flags = xxgk::server::CheckConfig(config); !flags.ok()) {
    problems.emplace_back(flags.message());
  }
  if (!problems.empty()) {
    std::fprintf(stderr, "xxgk-server: invalid flags: %s\n", absl::StrJoin(problems, "; ").c_str());
    return kExitUsage;
  }

  xxgk::server::Server server(config);
  absl::Status started = server.Start();
  if (!started.ok()) {
    // Plain text for people starting it by hand, plus the structured line.
    std::fprintf(stderr, "xxgk-server: %s\n", std::string(started.message()).c_str());
    Log(LogLevel::kError, "startup failed", {{"error", std::string(started.message())}});
    return started.code() == absl::StatusCode::kAlreadyExists ? kExitListen : kExitUsage;
  }

  for (;;) {
    int sig = 0;
    if (sigwait(&signals, &sig) != 0) continue;
    if (sig == SIGHUP) {
      (void)server.ReloadRules();  // logged and counted by RulesState
      continue;
    }
    Log(LogLevel::kInfo, "signal received", {{"signal", sig == SIGTERM ? "SIGTERM" : "SIGINT"}});
    break;
  }
  server.Drain();
  return 0;
}
