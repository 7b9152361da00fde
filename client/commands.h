// The subcommands of `xxgk`, with their options as plain structs so tests can
// run them without a process (main.cc maps flags onto these).
#ifndef XXGK_CLIENT_COMMANDS_H_
#define XXGK_CLIENT_COMMANDS_H_

#include <ostream>
#include <string>
#include <vector>

#include "client/backend.h"

namespace xxgk::client {

// Exit status of `xxgk validate` and friends (VOCABULARY.md).
enum ExitCode {
  kExitOk = 0,
  kExitFindings = 1,     // some input has an ERROR finding (rules check: the set is invalid)
  kExitUsage = 2,        // usage error, or an input that cannot be read at all
  kExitUnreachable = 3,  // the server cannot be reached
};

struct ValidateFlags {
  std::string output = "text";  // text | json | csv | html
  std::string province;
  std::string ruleset;
  std::string previous;         // last year's report (file)
  std::vector<std::string> waive;
  bool csv_bom = false;
  std::string expect;           // agencies.csv
  bool progress = false;        // draw a progress bar on `err`
  bool output_is_terminal = false;  // `out` shares the terminal: clear the bar before printing
  bool color = false;           // colours in text output
};

int RunValidate(Backend& backend, const std::vector<std::string>& args, const ValidateFlags& flags,
                std::ostream& out, std::ostream& err);

struct ParseFlags {
  std::string output = "cells";  // cells | json | text
  std::string input_format;      // text | html | docx | pdf (empty: sniff)
};

int RunParse(Backend& backend, const std::vector<std::string>& args, const ParseFlags& flags,
             std::ostream& out, std::ostream& err);

// `rules list` / `rules explain RULE_ID` (with optional ruleset), output text|json.
int RunRulesList(Backend& backend, const std::string& output, std::ostream& out,
                 std::ostream& err);
int RunRulesExplain(Backend& backend, const std::string& rule_id, const std::string& ruleset,
                    std::ostream& out, std::ostream& err);
// `rules check DIR`: compiles the directory; errors as file:line: message.
int RunRulesCheck(const std::string& dir, std::ostream& out, std::ostream& err);

struct BenchFlags {
  int iterations = 20;    // in-process: validations per file
  // Against a server (RunRemoteBench):
  int concurrency = 16;   // outstanding calls (closed loop) when rate == 0
  double rate = 0;        // calls per second, open loop; 0: closed loop
  double duration = 10;   // seconds, when requests == 0
  long requests = 0;      // calls per phase; 0: run for `duration`
  bool compare_echo = false;  // also drive Echo with the same payloads
};
// `bench FILE...`: validates the files repeatedly through the backend and
// prints throughput and latency.
int RunBench(Backend& backend, const std::vector<std::string>& args, const BenchFlags& flags,
             std::ostream& out, std::ostream& err);
// `bench --server=... FILE...`: a load generator on the asynchronous gRPC
// API: Validate calls (and Echo calls with the same payloads when
// compare_echo) at fixed concurrency or rate; prints throughput, latency
// percentiles and errors by code per RPC, and with compare_echo ends with
// `validate/echo throughput ratio: R`.
int RunRemoteBench(const RemoteOptions& remote, const std::vector<std::string>& args,
                   const BenchFlags& flags, std::ostream& out, std::ostream& err);

// Exit status for a failed backend call (3 when the server is unreachable).
int ExitCodeFor(const absl::Status& status);

// The agency names an --expect CSV lists: the column headed agency / 机关 /
// 名称 / name when there is a header, else the first column.
absl::StatusOr<std::vector<std::string>> ReadExpectedAgencies(const std::string& csv);

// The expected agencies that no result speaks for (by meta.agency, or by the
// input's file name containing the name).
struct FileResult;
std::vector<std::string> MissingAgencies(const std::vector<std::string>& expected,
                                         const std::vector<FileResult>& results);

}  // namespace xxgk::client

#endif  // XXGK_CLIENT_COMMANDS_H_
