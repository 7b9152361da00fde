// xxgk: the command-line client. Subcommands by the first positional
// argument; flags by Abseil. See client/usage.cc and docs/cli.md.
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/internal/parse.h"
#include "absl/flags/internal/usage.h"
#include "absl/flags/parse.h"
#include "absl/flags/reflection.h"
#include "absl/flags/usage.h"
#include "absl/synchronization/mutex.h"
#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "client/backend.h"
#include "client/commands.h"
#include "client/usage.h"

ABSL_FLAG(std::string, output, "",
          "validate: text|json|csv|html (default text); parse: cells|json|text (default cells); "
          "rules list: text|json");
ABSL_FLAG(std::string, server, "", "HOST:PORT of an xxgk-server; empty: work in-process");
ABSL_FLAG(bool, tls, false, "use TLS towards --server");
ABSL_FLAG(std::string, tls_ca_file, "", "PEM root certificates for --tls (default: system roots)");
ABSL_FLAG(std::string, tls_server_name, "", "name expected in the server's certificate");
ABSL_FLAG(double, connect_timeout, 5, "seconds to wait for --server before exiting with 3");
ABSL_FLAG(std::string, rules_dir, "", "rule sets to load in-process; empty: the embedded sets");
ABSL_FLAG(std::string, province, "", "validate: province (full name or division code)");
ABSL_FLAG(std::string, ruleset, "", "validate/explain: rule set id to use");
ABSL_FLAG(std::string, previous, "", "validate: last year's report, for cross-year checks");
ABSL_FLAG(std::vector<std::string>, waive, {},
          "validate: rule ids whose findings are waived (repeatable, comma list)");
ABSL_FLAG(std::string, expect, "", "validate: CSV of agencies that must publish");
ABSL_FLAG(bool, csv_bom, false, "validate --output=csv: start with a UTF-8 BOM (Excel)");
ABSL_FLAG(int, jobs, 0, "validate/bench: parallel workers in-process; 0: one per core");
ABSL_FLAG(bool, progress, true, "validate: progress bar when stderr is a terminal");
ABSL_FLAG(std::string, color, "auto", "text output colours: auto (terminal, no NO_COLOR)|always|never");
ABSL_FLAG(std::string, input_format, "", "parse: text|html|mhtml|doc|docx|word-xml|rtf|odt|ofd|pdf instead of sniffing");
ABSL_FLAG(int, iterations, 20, "bench in-process: validations per file");
ABSL_FLAG(int, concurrency, 16, "bench --server: outstanding calls (when --rate is 0)");
ABSL_FLAG(double, rate, 0, "bench --server: calls per second, open loop; 0: fixed concurrency");
ABSL_FLAG(double, duration, 10, "bench --server: seconds per RPC (when --requests is 0)");
ABSL_FLAG(int64_t, requests, 0, "bench --server: calls per RPC; 0: run for --duration");
ABSL_FLAG(bool, compare_echo, false, "bench --server: also drive Echo and print the ratio");

namespace {

using xxgk::client::kExitUsage;

bool IsHelp(const std::string& a) { return a == "--help" || a == "-h" || a == "-help"; }

// Flags are parsed here with Abseil's flag registry (so every problem is a
// usage error with exit status 2, never Abseil's exit 1). `--name=value`,
// `--name value`, `--bool`, `--nobool`; one or two dashes; `--` ends flags.
// --waive may be repeated: the occurrences are merged.
bool ParseArgs(int argc, char** argv, std::vector<std::string>* positional, std::string* error) {
  std::vector<std::string> waived;
  bool waive_seen = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--") {
      for (++i; i < argc; ++i) positional->push_back(argv[i]);
      break;
    }
    if (a.size() < 2 || a[0] != '-') {
      positional->push_back(a);
      continue;
    }
    std::string body = a.substr(a[1] == '-' ? 2 : 1);
    std::string name = body, value;
    bool has_value = false;
    if (size_t eq = body.find('='); eq != std::string::npos) {
      name = body.substr(0, eq);
      value = body.substr(eq + 1);
      has_value = true;
    }
    absl::CommandLineFlag* flag = absl::FindCommandLineFlag(name);
    if (flag == nullptr && !has_value && absl::StartsWith(name, "no")) {
      absl::CommandLineFlag* negated = absl::FindCommandLineFlag(name.substr(2));
      if (negated != nullptr && negated->IsOfType<bool>()) {
        flag = negated;
        value = "false";
        has_value = true;
      }
    }
    if (flag == nullptr) {
      *error = "unknown flag " + a;
      return false;
    }
    if (!has_value) {
      if (flag->IsOfType<bool>()) {
        value = "true";
      } else if (i + 1 < argc) {
        value = argv[++i];
      } else {
        *error = "flag " + a + " needs a value";
        return false;
      }
    }
    if (flag->Name() == "waive") {
      waive_seen = true;
      waived.push_back(value);
      continue;
    }
    std::string why;
    if (!flag->ParseFrom(value, &why)) {
      *error = "bad value for --" + std::string(flag->Name()) + ": " + why;
      return false;
    }
  }
  if (waive_seen) {
    std::string why;
    if (!absl::FindCommandLineFlag("waive")->ParseFrom(absl::StrJoin(waived, ","), &why)) {
      *error = "bad value for --waive: " + why;
      return false;
    }
  }
  return true;
}

int Usage(const std::string& command, const std::string& problem) {
  std::cerr << "xxgk: " << problem << "\n\n" << xxgk::client::UsageText(command);
  return kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  // Debian's Abseil ships with absl::Mutex's deadlock detector on: every lock
  // taken while another is held (gRPC does this on each call) updates a
  // global cycle graph, ~8x the cost of the lock itself. Turn it off.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  absl::SetProgramUsageMessage(xxgk::client::UsageText(""));
  for (int i = 1; i < argc; ++i) {
    if (std::string(argv[i]) == "--helpfull") {
      // Every flag of the binary, as Abseil describes them.
      // (Abseil's ParseCommandLine would print it and exit 1; help that was
      // asked for is no failure.)
      std::vector<char*> help = {argv[0], argv[i]};
      absl::flags_internal::ParseCommandLineImpl(2, help.data(),
                                                 absl::flags_internal::ArgvListAction::kRemoveParsedArgs,
                                                 absl::flags_internal::UsageFlagsAction::kIgnoreUsage,
                                                 absl::flags_internal::OnUndefinedFlag::kAbortIfUndefined);
      absl::flags_internal::HandleUsageFlags(std::cout, absl::ProgramUsageMessage());
      return 0;
    }
  }

  // The version, for scripts and bug reports (the server's --version says
  // the same number).
  if (argc == 2 && (std::string(argv[1]) == "--version" || std::string(argv[1]) == "version")) {
    std::cout << "xxgk " XXGK_VERSION "\n";
    return 0;
  }

  // Help is answered here, per command, so it always matches behaviour.
  std::string command;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (command.empty() && !a.empty() && a[0] != '-') command = a;
    if (IsHelp(a) || a == "help") {
      std::string topic = command == "help" ? "" : command;
      if (a == "help" && i + 1 < argc) topic = argv[i + 1];
      std::cout << xxgk::client::UsageText(topic);
      return 0;
    }
  }

  std::vector<std::string> pos;
  std::string problem;
  if (!ParseArgs(argc, argv, &pos, &problem)) return Usage(command, problem);
  if (pos.empty()) return Usage("", "no command given");
  command = pos[0];
  pos.erase(pos.begin());

  const std::string server = absl::GetFlag(FLAGS_server);
  const std::string output = absl::GetFlag(FLAGS_output);

  if (command == "rules" && !pos.empty() && pos[0] == "check") {
    if (pos.size() != 2) return Usage("rules", "rules check takes one DIR");
    return xxgk::client::RunRulesCheck(pos[1], std::cout, std::cerr);
  }
  if (command != "validate" && command != "parse" && command != "rules" && command != "bench") {
    return Usage("", "unknown command \"" + command + "\"");
  }
  if (command == "rules") {
    if (pos.empty() || (pos[0] != "list" && pos[0] != "explain")) {
      return Usage("rules", "rules needs list, explain RULE_ID or check DIR");
    }
    if (pos[0] == "explain" && pos.size() != 2) return Usage("rules", "explain takes one RULE_ID");
    if (pos[0] == "list" && pos.size() != 1) return Usage("rules", "list takes no arguments");
  }

  xxgk::client::RemoteOptions remote;
  remote.address = server;
  remote.tls = absl::GetFlag(FLAGS_tls);
  remote.tls_ca_file = absl::GetFlag(FLAGS_tls_ca_file);
  remote.tls_server_name = absl::GetFlag(FLAGS_tls_server_name);
  remote.connect_timeout_seconds = absl::GetFlag(FLAGS_connect_timeout);
  if (command == "bench" && !server.empty()) {
    xxgk::client::BenchFlags f;
    f.concurrency = absl::GetFlag(FLAGS_concurrency);
    f.rate = absl::GetFlag(FLAGS_rate);
    f.duration = absl::GetFlag(FLAGS_duration);
    f.requests = static_cast<long>(absl::GetFlag(FLAGS_requests));
    f.compare_echo = absl::GetFlag(FLAGS_compare_echo);
    return xxgk::client::RunRemoteBench(remote, pos, f, std::cout, std::cerr);
  }

  absl::StatusOr<std::unique_ptr<xxgk::client::Backend>> backend;
  if (!server.empty()) {
    backend = xxgk::client::MakeRemoteBackend(remote);
  } else {
    backend = xxgk::client::MakeLocalBackend(absl::GetFlag(FLAGS_rules_dir),
                                             absl::GetFlag(FLAGS_jobs));
  }
  if (!backend.ok()) {
    std::cerr << "xxgk: " << backend.status().message() << "\n";
    return backend.status().code() == absl::StatusCode::kUnavailable
               ? xxgk::client::kExitUnreachable
               : kExitUsage;
  }
  xxgk::client::Backend& b = **backend;

  if (command == "validate") {
    xxgk::client::ValidateFlags f;
    f.output = output.empty() ? "text" : output;
    f.province = absl::GetFlag(FLAGS_province);
    f.ruleset = absl::GetFlag(FLAGS_ruleset);
    f.previous = absl::GetFlag(FLAGS_previous);
    f.waive = absl::GetFlag(FLAGS_waive);
    f.csv_bom = absl::GetFlag(FLAGS_csv_bom);
    f.expect = absl::GetFlag(FLAGS_expect);
    f.progress = absl::GetFlag(FLAGS_progress) && isatty(STDERR_FILENO);
    f.output_is_terminal = isatty(STDOUT_FILENO);
    const std::string color = absl::GetFlag(FLAGS_color);
    const char* no_color = std::getenv("NO_COLOR");
    if (color == "always") {
      f.color = true;
    } else if (color == "auto") {
      f.color = isatty(STDOUT_FILENO) && (no_color == nullptr || *no_color == '\0');
    } else if (color != "never") {
      return Usage("validate", "--color must be auto, always or never");
    }
    return xxgk::client::RunValidate(b, pos, f, std::cout, std::cerr);
  }
  if (command == "parse") {
    xxgk::client::ParseFlags f;
    f.output = output.empty() ? "cells" : output;
    f.input_format = absl::GetFlag(FLAGS_input_format);
    return xxgk::client::RunParse(b, pos, f, std::cout, std::cerr);
  }
  if (command == "bench") {
    xxgk::client::BenchFlags f;
    f.iterations = absl::GetFlag(FLAGS_iterations);
    return xxgk::client::RunBench(b, pos, f, std::cout, std::cerr);
  }
  if (pos[0] == "list") {
    return xxgk::client::RunRulesList(b, output.empty() ? "text" : output, std::cout, std::cerr);
  }
  return xxgk::client::RunRulesExplain(b, pos[1], absl::GetFlag(FLAGS_ruleset), std::cout,
                                       std::cerr);
}
