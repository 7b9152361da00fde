// docs/cli.md names every flag the xxgk CLI defines.
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/common/helpfull.h"

namespace xxgk::client {
namespace {

TEST(CliDocsTest, EveryFlagIsInTheDocs) {
  const std::vector<xxgk::testing::DefinedFlag> flags = xxgk::testing::FlagsDefinedIn(
      std::string(XXGK_BINARY_DIR) + "/client/xxgk", "client/main.cc");
  EXPECT_GE(flags.size(), 10u);
  std::ifstream in(std::string(XXGK_SOURCE_DIR) + "/docs/cli.md");
  std::stringstream docs;
  docs << in.rdbuf();
  for (const auto& flag : flags) {
    // As written in a usage line or the text: --name=..., `--name`, [--name].
    EXPECT_TRUE(std::regex_search(docs.str(), std::regex("--" + flag.name + "\\b")))
        << "--" << flag.name << " is missing from docs/cli.md";
  }
}

}  // namespace
}  // namespace xxgk::client
