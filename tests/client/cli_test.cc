// The `xxgk` binary as users run it: exit codes, output formats, unreadable
// inputs, stdin, help, and identical results in-process and via a server.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <thread>

#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "tests/client/golden_util.h"
#include "tests/client/process_util.h"

namespace xxgk::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

const std::string kWrong = TestData("report_2021_t3_wrong.textproto");
const std::string kClean = TestData("report_2021_clean.textproto");

std::vector<google::protobuf::Struct> JsonLines(const std::string& out) {
  std::vector<google::protobuf::Struct> objs;
  for (absl::string_view line : absl::StrSplit(out, '\n', absl::SkipEmpty())) {
    google::protobuf::Struct s;
    auto status = google::protobuf::util::JsonStringToMessage(std::string(line), &s);
    EXPECT_TRUE(status.ok()) << "not JSON: " << line;
    objs.push_back(s);
  }
  return objs;
}

std::string TempDir(const std::string& name) {
  fs::path p = fs::temp_directory_path() / ("xxgk_cli_" + std::to_string(getpid()) + "_" + name);
  fs::remove_all(p);
  fs::create_directories(p);
  return p.string();
}

TEST(CliTest, ReportWithAWrongCellExitsOneWithArithmeticFindingsNamingTheCell) {
  ProcessResult r = RunXxgk({"validate", "--output=json", kWrong});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  auto objs = JsonLines(r.out);
  ASSERT_EQ(objs.size(), 1u) << r.out;
  const auto& f = objs[0].fields();
  EXPECT_EQ(f.at("source").string_value(), kWrong);
  EXPECT_GT(f.at("ruleset").list_value().values_size(), 0);
  bool names_cell = false;
  for (const auto& v : f.at("findings").list_value().values()) {
    const auto& ff = v.struct_value().fields();
    if (ff.at("category").string_value() != "ARITHMETIC") continue;
    EXPECT_EQ(ff.at("severity").string_value(), "ERROR");
    for (const auto& k : ff.at("location").struct_value().fields().at("cell_keys").list_value()
                             .values()) {
      names_cell = names_cell || k.string_value() == "t3.result.granted.natural_person";
    }
  }
  EXPECT_TRUE(names_cell) << r.out;
}

TEST(CliTest, CleanReportExitsZeroWithoutErrors) {
  ProcessResult r = RunXxgk({"validate", "--output=json", kClean});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  auto objs = JsonLines(r.out);
  ASSERT_EQ(objs.size(), 1u);
  for (const auto& v : objs[0].fields().at("findings").list_value().values()) {
    EXPECT_NE(v.struct_value().fields().at("severity").string_value(), "ERROR") << r.out;
  }
}

TEST(CliTest, UnreadableInputIsReportedPerFileWithExitTwoWhileOthersStillPrint) {
  std::string dir = TempDir("unreadable");
  std::string bad = dir + "/scan.pdf";
  std::ofstream(bad, std::ios::binary) << std::string("%PDF-1.4\n\x01\x02garbage\xff\xfe", 20);
  std::string missing = dir + "/nope.txt";
  ProcessResult r = RunXxgk({"validate", "--output=json", bad, kWrong, missing});
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  auto objs = JsonLines(r.out);
  ASSERT_EQ(objs.size(), 3u) << r.out;
  EXPECT_EQ(objs[0].fields().at("source").string_value(), bad);
  EXPECT_TRUE(objs[0].fields().count("error")) << r.out;
  EXPECT_FALSE(objs[0].fields().at("error").string_value().empty());
  EXPECT_EQ(objs[1].fields().at("source").string_value(), kWrong);
  EXPECT_TRUE(objs[1].fields().count("findings"));
  EXPECT_EQ(objs[2].fields().at("source").string_value(), missing);
  EXPECT_TRUE(objs[2].fields().count("error"));
  fs::remove_all(dir);
}

// Files that are not reports, whatever their names say: one error line each
// naming what the file is and what to send instead, and never a page of
// findings about noise.
TEST(CliTest, FilesThatAreNotReportsSayWhatToSendInstead) {
  std::string dir = TempDir("not_reports");
  const std::string doc = dir + "/report.doc";
  std::ofstream(doc, std::ios::binary)
      << std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) << std::string(4096, '\0');
  const std::string png = dir + "/report.txt";
  std::ofstream(png, std::ios::binary) << std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16);
  const std::string noise = dir + "/report2.txt";
  {
    std::ofstream out(noise, std::ios::binary);
    uint32_t x = 5;
    for (int i = 0; i < 50000; ++i) {
      x = x * 1103515245u + 12345u;
      out.put(static_cast<char>(x >> 24));
    }
  }
  ProcessResult r = RunXxgk({"validate", doc, png, noise});
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_THAT(r.out, HasSubstr(doc + ": error: "));
  EXPECT_THAT(r.out, HasSubstr("the compound file is damaged"));
  EXPECT_THAT(r.out, HasSubstr(png + ": error: "));
  EXPECT_THAT(r.out, HasSubstr("PNG image"));
  EXPECT_THAT(r.out, HasSubstr(noise + ": error: "));
  EXPECT_THAT(r.out, HasSubstr("not text in any encoding reports use"));
  EXPECT_EQ(r.out.find("READ-1"), std::string::npos) << r.out.substr(0, 2000);
  fs::remove_all(dir);
}

TEST(CliTest, MalformedStructuredReportIsAPerFileErrorNamingTheLine) {
  std::string dir = TempDir("malformed");
  std::string bad = dir + "/bad.textproto";
  std::ofstream(bad) << "meta {\n  report_year: 2023\n  no_such_field: 1\n}\n";
  ProcessResult r = RunXxgk({"validate", bad});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.out, StartsWith(bad + ": error: "));
  EXPECT_THAT(r.out, HasSubstr("no_such_field"));
  fs::remove_all(dir);
}

TEST(CliTest, StdinIsReadForDash) {
  ProcessResult r = RunXxgk({"validate", "--output=json", "-"}, ReadFileOrEmpty(kWrong));
  // Without a file name the content is sniffed: text format of a Report.
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  auto objs = JsonLines(r.out);
  ASSERT_EQ(objs.size(), 1u);
  EXPECT_EQ(objs[0].fields().at("source").string_value(), "-");
}

TEST(CliTest, UsageErrorsExitTwo) {
  EXPECT_EQ(RunXxgk({}).exit_code, 2);
  EXPECT_EQ(RunXxgk({"frobnicate"}).exit_code, 2);
  EXPECT_EQ(RunXxgk({"validate"}).exit_code, 2);
  EXPECT_EQ(RunXxgk({"validate", "--output=yaml", kClean}).exit_code, 2);
  EXPECT_EQ(RunXxgk({"parse", "--output=xml", kClean}).exit_code, 2);
  EXPECT_EQ(RunXxgk({"rules", "explain"}).exit_code, 2);
  EXPECT_EQ(RunXxgk({"validate", "--no_such_flag", kClean}).exit_code, 2);
  EXPECT_EQ(RunXxgk({"validate", "--jobs=many", kClean}).exit_code, 2);
  // parse reads one file; given a folder it says which command takes one.
  const std::string dir = TempDir("parse-dir");
  ProcessResult folder = RunXxgk({"parse", dir});
  EXPECT_EQ(folder.exit_code, 2);
  EXPECT_EQ(folder.err, dir + ": is a directory: xxgk parse reads one file; `xxgk validate " + dir +
                            "` checks every file below it\n");
  fs::remove_all(dir);
}

// Last year's report is read once, before anything is checked: one that
// cannot be read stops the command with one line; a document and the report
// it reads to give the same findings.
TEST(CliTest, PreviousReportIsReadOnceBeforeTheInputs) {
  const std::string dir = TempDir("previous");
  const std::string bad = dir + "/last-year.pdf";
  std::ofstream(bad) << "%PDF-1.7\n" << std::string(100, 'x');
  ProcessResult r = RunXxgk({"validate", "--previous=" + bad, kWrong, kClean});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_THAT(r.err, ::testing::StartsWith("xxgk validate: --previous " + bad + ": cannot read as pdf: "));
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;

  const std::string seeds = std::string(XXGK_SOURCE_DIR) + "/../shared/corpus/seeds/";
  const std::string last_year = seeds + "003_60ad45998344f7d3.txt";
  const std::string this_year = seeds + "004_7d7d9dd624c5bcb9.txt";
  ProcessResult parsed = RunXxgk({"parse", "--output=json", last_year});
  ASSERT_EQ(parsed.exit_code, 0) << parsed.err;
  const std::string as_json = dir + "/last-year.json";
  std::ofstream(as_json) << parsed.out;
  ProcessResult by_document = RunXxgk({"validate", "--output=json", "--previous=" + last_year, this_year});
  ProcessResult by_report = RunXxgk({"validate", "--output=json", "--previous=" + as_json, this_year});
  EXPECT_EQ(by_document.exit_code, by_report.exit_code);
  EXPECT_EQ(by_document.out, by_report.out);
  EXPECT_THAT(by_document.out, HasSubstr("\"rule_id\""));
  fs::remove_all(dir);
}

TEST(CliTest, UnreachableServerExitsThreeQuickly) {
  auto start = std::chrono::steady_clock::now();
  ProcessResult r =
      RunXxgk({"validate", "--server=127.0.0.1:1", "--connect_timeout=1", kClean});
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_THAT(r.err, HasSubstr("127.0.0.1:1"));
  EXPECT_LT(s, 10);
}

TEST(CliTest, HelpMatchesCommands) {
  ProcessResult r = RunXxgk({"--help"});
  EXPECT_EQ(r.exit_code, 0);
  for (const char* c : {"validate", "parse", "rules list", "rules explain", "rules check"}) {
    EXPECT_THAT(r.out, HasSubstr(c));
  }
  r = RunXxgk({"validate", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  for (const char* f : {"--output=text|json|csv|html", "--waive", "--previous", "--expect",
                        "--jobs", "Exit status"}) {
    EXPECT_THAT(r.out, HasSubstr(f));
  }
}

// Help that was asked for is a success, on standard output, like every
// command's --help.
TEST(CliTest, HelpfullListsEveryFlagAndExitsZero) {
  ProcessResult r = RunXxgk({"--helpfull"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("client/main.cc:"));
  EXPECT_THAT(r.out, HasSubstr("--server"));
}

TEST(CliTest, VersionNamesTheCommandAndExitsZero) {
  for (const char* arg : {"--version", "version"}) {
    ProcessResult r = RunXxgk({arg});
    EXPECT_EQ(r.exit_code, 0) << arg << r.err;
    EXPECT_THAT(r.out, ::testing::MatchesRegex("xxgk [0-9]+\\.[0-9]+\\.[0-9]+\n")) << arg;
  }
}

TEST(CliTest, ParseCellsPrintsSortedKeyTabValueLines) {
  ProcessResult r = RunXxgk({"parse", "--output=cells", kWrong});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> lines = absl::StrSplit(r.out, '\n', absl::SkipEmpty());
  ASSERT_FALSE(lines.empty());
  EXPECT_TRUE(std::is_sorted(lines.begin(), lines.end()));
  for (const auto& l : lines) {
    EXPECT_EQ(std::count(l.begin(), l.end(), '\t'), 1) << l;
  }
  for (const char* want :
       {"meta.year\t2023", "meta.agency\t示例县交通运输局", "meta.agency_level\tcounty_department",
        "meta.format\t2021", "meta.publish_date\t2024-01-20", "meta.script\tsimplified",
        "section.GENERAL\tpresent", "section.OTHER_MATTERS\tpresent",
        "t3.result.granted.natural_person\t6", "t4.review.total\t0"}) {
    EXPECT_THAT(lines, ::testing::Contains(std::string(want)));
  }
  // Absent facts are not printed.
  EXPECT_THAT(r.out, Not(HasSubstr("meta.province")));
  EXPECT_THAT(r.out, Not(HasSubstr("legacy.")));
}

TEST(CliTest, WaivedErrorsDoNotFail) {
  ProcessResult plain = RunXxgk({"validate", "--output=json", kWrong});
  ASSERT_EQ(plain.exit_code, 1);
  std::vector<std::string> waive;
  auto plain_objs = JsonLines(plain.out);
  ASSERT_EQ(plain_objs.size(), 1u);
  for (const auto& v : plain_objs[0].fields().at("findings").list_value().values()) {
    const auto& ff = v.struct_value().fields();
    if (ff.at("severity").string_value() == "ERROR") {
      waive.push_back("--waive=" + ff.at("rule_id").string_value());
    }
  }
  std::vector<std::string> args = {"validate", "--output=json"};
  args.insert(args.end(), waive.begin(), waive.end());
  args.push_back(kWrong);
  ProcessResult r = RunXxgk(args);
  EXPECT_EQ(r.exit_code, 0) << r.out;
  auto objs = JsonLines(r.out);
  ASSERT_EQ(objs.size(), 1u);
  for (const auto& v : objs[0].fields().at("findings").list_value().values()) {
    const auto& ff = v.struct_value().fields();
    if (ff.at("severity").string_value() == "ERROR") {
      EXPECT_TRUE(ff.at("waived").bool_value()) << r.out;
    }
  }
}

TEST(CliTest, RulesListAndExplain) {
  ProcessResult r = RunXxgk({"rules", "list"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, StartsWith("ID"));
  EXPECT_THAT(r.out, HasSubstr("national"));
  // Explain the first ERROR rule the wrong report trips.
  ProcessResult v = RunXxgk({"validate", "--output=json", kWrong});
  auto objs = JsonLines(v.out);
  ASSERT_EQ(objs.size(), 1u);
  const auto& findings = objs[0].fields().at("findings").list_value();
  ASSERT_GT(findings.values_size(), 0);
  std::string id = findings.values(0).struct_value().fields().at("rule_id").string_value();
  ProcessResult e = RunXxgk({"rules", "explain", id});
  EXPECT_EQ(e.exit_code, 0) << e.err;
  EXPECT_THAT(e.out, StartsWith(id));
  EXPECT_THAT(e.out, HasSubstr("Basis:"));
  EXPECT_THAT(e.out, HasSubstr("Parameters ("));
  EXPECT_EQ(RunXxgk({"rules", "explain", "NO-SUCH-RULE-ID"}).exit_code, 1);
}

TEST(CliTest, RulesCheckReportsFileAndLine) {
  std::string dir = TempDir("rulescheck");
  std::ofstream(dir + "/broken.textproto") << "id: \"x\"\nversion: \"1\"\nrules { id: \"A\" \n";
  ProcessResult r = RunXxgk({"rules", "check", dir});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("broken.textproto:"));
  EXPECT_EQ(RunXxgk({"rules", "check", std::string(XXGK_SOURCE_DIR) + "/rules/sets"}).exit_code,
            0);
  fs::remove_all(dir);
}

TEST(CliTest, EndToEndGoldenOutputs) {
  // Regenerate with XXGK_UPDATE_GOLDEN=1 when the rule sets' messages change.
  std::string rel = "tests/client/testdata/report_2021_t3_wrong.textproto";
  auto run = [&](const std::string& output) {
    ProcessResult r = RunProcess({"/bin/sh", "-c",
                                  "cd '" XXGK_SOURCE_DIR "' && '" + XxgkPath() +
                                      "' validate --color=never --output=" + output + " " + rel});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    // Content hashes change with every edit of a rule-set file; the golden
    // files pin the shape and the findings, not the hashes.
    return std::regex_replace(r.out, std::regex("\"content_hash\":\"[0-9a-f]+\""),
                              "\"content_hash\":\"<hash>\"");
  };
  ExpectGolden("report_2021_t3_wrong.txt", run("text"));
  ExpectGolden("report_2021_t3_wrong.jsonl", run("json"));
  ExpectGolden("report_2021_t3_wrong.csv", run("csv"));
}

// ---- in-process vs --server ----

int FreePort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  int port = ntohs(addr.sin_port);
  close(fd);
  return port;
}

#ifdef XXGK_HAVE_SERVER
class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    port_ = FreePort();
    pid_ = fork();
    if (pid_ == 0) {
      int devnull = open("/dev/null", O_WRONLY);
      dup2(devnull, 1);
      dup2(devnull, 2);
      std::string bin = std::string(XXGK_BINARY_DIR) + "/server/xxgk-server";
      std::string port = "--port=" + std::to_string(port_);
      execl(bin.c_str(), bin.c_str(), "--host=127.0.0.1", port.c_str(), "--metrics_port=0",
            static_cast<char*>(nullptr));
      _exit(127);
    }
    address_ = "127.0.0.1:" + std::to_string(port_);
  }
  void TearDown() override {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      for (int i = 0; i < 100; ++i) {
        if (waitpid(pid_, nullptr, WNOHANG) == pid_) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  int port_ = 0;
  pid_t pid_ = -1;
  std::string address_;
};

TEST_F(ServerTest, ThroughTheServerTheOutputIsIdentical) {
  std::string dir = TempDir("server");
  std::string bad = dir + "/bad.textproto";
  std::ofstream(bad) << "meta { report_year: \"x\" }\n";
  for (const char* output : {"json", "text", "csv"}) {
    std::vector<std::string> args = {"validate", std::string("--output=") + output,
                                     "--color=never", kWrong, kClean, bad};
    ProcessResult local = RunXxgk(args);
    args.insert(args.begin() + 1, "--server=" + address_);
    args.insert(args.begin() + 2, "--connect_timeout=10");
    ProcessResult remote = RunXxgk(args);
    EXPECT_EQ(remote.exit_code, local.exit_code) << remote.err;
    EXPECT_EQ(local.exit_code, 2);
    EXPECT_EQ(remote.out, local.out) << output;
  }
  ProcessResult local = RunXxgk({"parse", kWrong});
  ProcessResult remote = RunXxgk({"parse", "--server=" + address_, kWrong});
  EXPECT_EQ(remote.exit_code, 0) << remote.err;
  EXPECT_EQ(remote.out, local.out);
  // A document that cannot be read: the path given, the format and what to
  // do, each said once, both ways.
  const std::string sheet = dir + "/budget.fods";
  std::ofstream(sheet) << "<?xml version=\"1.0\"?><office:document "
                          "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                          "office:mimetype=\"application/vnd.oasis.opendocument.spreadsheet\"/>";
  ProcessResult unread = RunXxgk({"parse", sheet});
  ProcessResult unread_remote = RunXxgk({"parse", "--server=" + address_, sheet});
  EXPECT_EQ(unread.exit_code, 2);
  EXPECT_EQ(unread_remote.exit_code, 2);
  EXPECT_THAT(unread.err, ::testing::StartsWith(sheet + ": cannot read as odt: this is an OpenDocument spreadsheet"));
  EXPECT_THAT(unread.err, ::testing::Not(HasSubstr("budget.fods: budget.fods")));
  EXPECT_EQ(unread_remote.err, unread.err);
  // validate says the same after "error:", without the request's field name;
  // so do refusals of other kinds (a damaged PDF, an empty file, a structured
  // report that does not parse, which the CLI itself reads).
  const std::string pdf = dir + "/damaged.pdf";
  std::ofstream(pdf) << "%PDF-1.7\n" << std::string(100, 'x');
  const std::string empty = dir + "/empty.txt";
  std::ofstream(empty).flush();
  const std::string json = dir + "/report.json";
  std::ofstream(json) << "{\"meta\": {\"report_year\": \"2023年\"}}";
  for (const std::string& path : {sheet, pdf, empty, json}) {
    SCOPED_TRACE(path);
    ProcessResult parsed = RunXxgk({"parse", path});
    ProcessResult parsed_remote = RunXxgk({"parse", "--server=" + address_, path});
    EXPECT_EQ(parsed.exit_code, 2);
    EXPECT_EQ(parsed_remote.err, parsed.err);
    ProcessResult checked = RunXxgk({"validate", "--color=never", path});
    ProcessResult checked_remote =
        RunXxgk({"validate", "--color=never", "--server=" + address_, path});
    EXPECT_EQ(checked.exit_code, 2);
    EXPECT_EQ(checked_remote.out, checked.out);
    ASSERT_THAT(parsed.err, ::testing::StartsWith(path + ": "));
    const std::string why = parsed.err.substr(path.size() + 2);
    EXPECT_EQ(checked.out, path + ": error: " + why);
    EXPECT_THAT(why, ::testing::Not(HasSubstr(fs::path(path).filename().string())));
    EXPECT_THAT(why, ::testing::Not(::testing::StartsWith("document")));
  }
  ProcessResult rl = RunXxgk({"rules", "list", "--server=" + address_});
  EXPECT_EQ(rl.exit_code, 0) << rl.err;
  EXPECT_EQ(rl.out, RunXxgk({"rules", "list"}).out);
  fs::remove_all(dir);
}

// The load generator against a real server: Validate then Echo with the seed
// reports, the statistics per RPC, and the ratio as the last line. The ratio
// is printed, not asserted against a target (speed is a benchmark matter).
TEST_F(ServerTest, BenchComparesValidateWithEcho) {
  const std::string seeds = std::string(XXGK_SOURCE_DIR) + "/../shared/corpus/seeds";
  ProcessResult r = RunXxgk({"bench", "--server=" + address_, "--connect_timeout=10",
                             "--compare_echo", "--duration=2", "--concurrency=4", seeds});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* rpc : {"validate", "echo"}) {
    EXPECT_TRUE(std::regex_search(
        r.out, std::regex(std::string("(^|\n)") + rpc +
                          R"(: [1-9][0-9]* ok, 0 errors in [0-9.]+ s: [0-9.]+ calls/s\n)")))
        << r.out;
    for (const char* p : {"p50", "p90", "p99", "p99.9"}) {
      EXPECT_TRUE(std::regex_search(
          r.out, std::regex(std::string("\n") + rpc + " latency " + std::regex_replace(
                                p, std::regex("\\."), "\\.") + R"(: [0-9]+\.[0-9]{3} ms\n)")))
          << rpc << " " << p << "\n" << r.out;
    }
  }
  std::vector<std::string> lines = absl::StrSplit(r.out, '\n', absl::SkipEmpty());
  ASSERT_FALSE(lines.empty());
  std::smatch m;
  ASSERT_TRUE(std::regex_match(lines.back(), m,
                               std::regex(R"(validate/echo throughput ratio: ([0-9]+\.[0-9]{2,3}))")))
      << lines.back();
  const double ratio = std::stod(m[1].str());
  EXPECT_GT(ratio, 0.0);
  std::cout << "measured validate/echo throughput ratio: " << ratio << "\n";
}

TEST_F(ServerTest, BenchAtAFixedRateStopsAfterTheRequestedCalls) {
  ProcessResult r = RunXxgk({"bench", "--server=" + address_, "--connect_timeout=10",
                             "--rate=50", "--requests=20", kClean});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, StartsWith("validate: 20 ok, 0 errors in "));
  EXPECT_THAT(r.out, Not(HasSubstr("ratio")));
}
#endif  // XXGK_HAVE_SERVER

}  // namespace
}  // namespace xxgk::testing
