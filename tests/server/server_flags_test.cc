// Flag validation of xxgk-server: every out-of-range flag is named and the
// process exits 2 before starting anything; and docs/server.md lists every
// flag with its default.
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/server.h"
#include "tests/common/helpfull.h"

namespace xxgk::server {
namespace {

using ::testing::HasSubstr;

TEST(CheckConfigTest, DefaultsAreValid) { EXPECT_TRUE(CheckConfig(ServerConfig()).ok()); }

TEST(CheckConfigTest, NamesEveryOutOfRangeFlag) {
  ServerConfig c;
  c.workers = -1;
  c.service.max_concurrent_requests = -5;
  c.service.inline_max_bytes = -1;
  c.service.max_held_bytes = -1;
  c.rules_poll_seconds = -1;
  c.keepalive_time_seconds = 3'000'000;  // 3e9 ms overflows int
  c.drain_timeout_seconds = std::numeric_limits<double>::infinity();
  c.port = 70000;
  absl::Status st = CheckConfig(c);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), absl::StatusCode::kInvalidArgument);
  const std::string m(st.message());
  for (const char* flag : {"--workers", "--max_concurrent_requests", "--inline_max_bytes",
                           "--max_held_bytes", "--rules_poll_seconds",
                           "--keepalive_time_seconds", "--drain_timeout_seconds", "--port"}) {
    EXPECT_THAT(m, HasSubstr(flag));
  }
  EXPECT_THAT(m, ::testing::Not(HasSubstr("--metrics_port")));
}

TEST(CheckConfigTest, NanSecondsAreRejected) {
  ServerConfig c;
  c.shutdown_delay_seconds = std::numeric_limits<double>::quiet_NaN();
  EXPECT_THAT(std::string(CheckConfig(c).message()), HasSubstr("--shutdown_delay_seconds"));
}

// Runs xxgk-server with `flags`; returns the exit code, stderr in *err.
int RunServer(const std::string& flags, std::string* err) {
  // One file per test process: ctest runs these tests at the same time.
  const std::string log =
      ::testing::TempDir() + "/server_flags_stderr." + std::to_string(getpid()) + ".txt";
  const std::string cmd = std::string("timeout 20 ") + XXGK_BINARY_DIR +
                          "/server/xxgk-server --host=127.0.0.1 --port=0 --metrics_port=0 " +
                          flags + " > /dev/null 2> " + log;
  const int rc = std::system(cmd.c_str());
  std::ifstream in(log);
  std::stringstream ss;
  ss << in.rdbuf();
  *err = ss.str();
  std::remove(log.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

TEST(ServerFlagsProcessTest, OutOfRangeFlagsExitTwo) {
  std::string err;
  EXPECT_EQ(RunServer("--workers=-2", &err), 2);
  EXPECT_THAT(err, HasSubstr("--workers"));
  EXPECT_EQ(RunServer("--log_level=verbose", &err), 2);
  EXPECT_THAT(err, HasSubstr("--log_level"));
  EXPECT_EQ(RunServer("--keepalive_timeout_seconds=2147484", &err), 2);
  EXPECT_THAT(err, HasSubstr("--keepalive_timeout_seconds"));
  EXPECT_EQ(RunServer("--rules_poll_seconds=-1", &err), 2);
  EXPECT_THAT(err, HasSubstr("--rules_poll_seconds"));
  EXPECT_EQ(RunServer("--health_port=65536", &err), 2);
  EXPECT_THAT(err, HasSubstr("--health_port"));
}

// A bad --log_level is named together with the other bad flags, not alone.
TEST(ServerFlagsProcessTest, ABadLogLevelIsNamedWithTheOtherProblems) {
  std::string err;
  EXPECT_EQ(RunServer("--log_level=loud --workers=-1 --stream_window=0", &err), 2);
  EXPECT_THAT(err, HasSubstr("--log_level"));
  EXPECT_THAT(err, HasSubstr("--workers"));
  EXPECT_THAT(err, HasSubstr("--stream_window"));
}

// --help lists the server's own flags (Abseil looks for them in a file
// named after the binary and, by default, finds none).
// Output and exit code of `xxgk-server FLAG` (stdout and stderr together).
std::string RunServerOutput(const std::string& flag, int* exit_code) {
  std::string out;
  const std::string cmd =
      std::string("timeout 20 ") + XXGK_BINARY_DIR + "/server/xxgk-server " + flag + " 2>&1";
  *exit_code = -1;
  if (FILE* pipe = popen(cmd.c_str(), "r"); pipe != nullptr) {
    char buf[4096];
    for (size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
    const int status = pclose(pipe);
    if (WIFEXITED(status)) *exit_code = WEXITSTATUS(status);
  }
  return out;
}

TEST(ServerFlagsProcessTest, HelpListsTheServersFlags) {
  int rc = -1;
  const std::string help = RunServerOutput("--help", &rc);
  EXPECT_EQ(rc, 0) << "help that was asked for is no failure";
  EXPECT_THAT(help, HasSubstr("Flags from server/main.cc:"));
  EXPECT_THAT(help, HasSubstr("--port"));
  EXPECT_THAT(help, HasSubstr("--rules_dir"));
  EXPECT_THAT(help, ::testing::Not(HasSubstr("No flags matched")));
  EXPECT_THAT(RunServerOutput("--helpfull", &rc), HasSubstr("Flags from server/main.cc:"));
  EXPECT_EQ(rc, 0);
}

// --version names the program and its version, not how Abseil was built.
TEST(ServerFlagsProcessTest, VersionNamesTheServer) {
  int rc = -1;
  EXPECT_THAT(RunServerOutput("--version", &rc), ::testing::MatchesRegex("xxgk-server [0-9]+\\.[0-9]+\\.[0-9]+\n"));
  EXPECT_EQ(rc, 0);
}

// A health port another process holds stops the server with exit 3 (like a
// taken gRPC or metrics port) and a message naming the flag.
TEST(ServerFlagsProcessTest, TakenHealthPortExitsThree) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  ASSERT_EQ(listen(fd, 1), 0);
  socklen_t len = sizeof addr;
  ASSERT_EQ(getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len), 0);
  std::string err;
  EXPECT_EQ(RunServer("--health_port=" + std::to_string(ntohs(addr.sin_port)), &err), 3);
  EXPECT_THAT(err, HasSubstr("--health_port"));
  close(fd);
}

// docs/server.md's flag table names every flag xxgk-server defines, each
// with its default ("empty" for an empty string), as --helpfull prints them.
TEST(ServerFlagsDocsTest, EveryFlagAndItsDefaultIsInTheDocs) {
  const std::vector<xxgk::testing::DefinedFlag> flags = xxgk::testing::FlagsDefinedIn(
      std::string(XXGK_BINARY_DIR) + "/server/xxgk-server", "server/main.cc");
  EXPECT_GE(flags.size(), 20u);
  std::ifstream in(std::string(XXGK_SOURCE_DIR) + "/docs/server.md");
  std::vector<std::string> doc_lines;
  for (std::string line; std::getline(in, line);) doc_lines.push_back(line);
  for (const auto& [name, value] : flags) {
    const std::string want_default = value.empty() ? "empty" : "`" + value + "`";
    bool documented = false;
    for (const std::string& line : doc_lines) {
      if (line.rfind("| ", 0) != 0) continue;
      const std::string first_cell = line.substr(0, line.find(" | ", 2));
      if (first_cell.find("`--" + name + "`") == std::string::npos) continue;
      documented = true;
      EXPECT_NE(line.find(want_default), std::string::npos)
          << "--" << name << ": the docs' row should give the default " << want_default << "\n"
          << line;
    }
    EXPECT_TRUE(documented) << "--" << name << " is missing from docs/server.md's flag table";
  }
}

}  // namespace
}  // namespace xxgk::server
