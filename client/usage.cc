#include "client/usage.h"

namespace xxgk::client {
namespace {

constexpr char kOverview[] = R"(xxgk — checks government information-disclosure annual reports (政府信息公开工作年度报告)

Usage: xxgk COMMAND [flags] [args]

Commands:
  validate FILE...      check reports (files, directories, globs, - for stdin)
  parse FILE|-          show what was read from one report
  rules list            the rule sets (id, version, extends, rule count, hash)
  rules explain RULE_ID purpose, basis, parameters and example of a rule
  rules check DIR       compile a rules directory; errors as file:line: message
  bench FILE...         validate files repeatedly and print throughput

Common flags:
  --server=HOST:PORT    use an xxgk-server instead of working in this process
  --tls, --tls_ca_file=PEM, --tls_server_name=NAME   TLS towards the server
  --connect_timeout=5   seconds to wait for the server (exit 3 when unreachable)
  --rules_dir=DIR       rule sets to load in-process (default: the embedded sets)

`xxgk COMMAND --help` shows the command's flags; `xxgk --helpfull` lists every flag;
`xxgk --version` prints the version.
)";

constexpr char kValidate[] = R"(Usage: xxgk validate [flags] FILE...

Checks each input against the national rule set and the matching provincial
one. An input is a file, a directory (every file below it, recursively), a
glob pattern, or - for standard input. Structured reports (JSON or text format
of xxgk.v1.Report: .json, .textproto, .txtpb, .pb.txt, or recognised by
content) are sent as reports; anything else is read as a published document.

Flags:
  --output=text|json|csv|html   (default text)
      text  compiler-style lines `file: severity [rule_id] message`, then the
            place, the quoted excerpt and the arithmetic; a summary at the end;
            colours on a terminal unless NO_COLOR is set (--color=always|never)
      json  one JSON object per input per line: source, ruleset, rulesets,
            meta, findings, summary — or source and error
      csv   one row per finding (--csv_bom prefixes a BOM for Excel)
      html  one self-contained page for the batch
  --province=NAME       province (full name or division code), beats inference
  --ruleset=ID          rule set to apply, beats everything
  --previous=FILE       last year's report, for the cross-year checks
  --waive=RULE_ID       report these rules' findings as waived (repeatable,
                        or a comma-separated list); waived errors do not fail
  --expect=agencies.csv agencies that must publish; the summary names those
                        without a report (column agency/机关/名称, else the first)
  --jobs=N              parallel workers in-process (default: one per core)
  --progress            progress bar on a terminal (default on; never in pipes)
  --server=HOST:PORT    validate through a server (ValidateStream calls)

Exit status: 0 no input has an ERROR finding; 1 some input has one; 2 usage
error or an input that cannot be read at all (reported for that input, the
others are still checked); 3 the server cannot be reached.
)";

constexpr char kParse[] = R"(Usage: xxgk parse [flags] FILE|-

Reads one report and prints what was read.

Flags:
  --output=cells|json|text   (default cells)
      cells  one `key<TAB>value` line per known fact, sorted by key: meta.*
             keys that were found, section.<KIND> = present, every table cell
             read (a number, BLANK, NA or TEXT:<raw>)
      json   the xxgk.v1.Report as JSON
      text   metadata, sections, reading notes and cells, for people
  --input_format=text|html|mhtml|doc|docx|word-xml|rtf|odt|ofd|pdf
                        read as this format instead of sniffing
  --server=HOST:PORT    parse through a server

Exit status: 0 read; 2 usage error or unreadable input; 3 server unreachable.
)";

constexpr char kRules[] = R"(Usage: xxgk rules list [--output=text|json]
       xxgk rules explain [--ruleset=ID] RULE_ID
       xxgk rules check DIR

  list     every rule set: id, version, the set it extends, effective rule
           count and content hash
  explain  a rule's title, set, severity, category, purpose, basis, where it
           applies, its parameters and an example
  check    compiles every *.textproto below DIR as the server would; prints
           errors as file:line: message. Exit 0 valid, 1 invalid, 2 usage.

list and explain use --rules_dir (default: the embedded sets) or --server.
)";

constexpr char kBench[] = R"(Usage: xxgk bench [--iterations=N] [--jobs=N] FILE...
       xxgk bench --server=HOST:PORT [--concurrency=N | --rate=QPS]
                  [--duration=S | --requests=N] [--compare_echo] FILE...

In-process: validates the files N times each (default 20) and prints reports
per second and latency percentiles.

With --server: a load generator on the asynchronous gRPC API. It sends the
files (as xxgk validate would, round robin) as unary Validate calls, either
keeping --concurrency calls outstanding (default 16) or starting --rate calls
per second (open loop; latency counts from the scheduled start), for
--duration seconds (default 10) or --requests calls. It prints calls/s,
p50/p90/p99/p99.9 latency and errors by status code. --compare_echo then
drives Echo (a no-op with the same payloads) the same way, prints the same
statistics, and ends with the line
  validate/echo throughput ratio: R
)";

}  // namespace

std::string UsageText(const std::string& command) {
  if (command == "validate") return kValidate;
  if (command == "parse") return kParse;
  if (command == "rules") return kRules;
  if (command == "bench") return kBench;
  return kOverview;
}

}  // namespace xxgk::client
