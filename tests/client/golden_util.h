// Golden-file comparison: XXGK_UPDATE_GOLDEN=1 rewrites the files instead.
#ifndef XXGK_TESTS_CLIENT_GOLDEN_UTIL_H_
#define XXGK_TESTS_CLIENT_GOLDEN_UTIL_H_

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "gtest/gtest.h"

namespace xxgk::testing {

inline std::string GoldenPath(const std::string& name) {
  return std::string(XXGK_SOURCE_DIR) + "/tests/client/golden/" + name;
}

inline std::string ReadFileOrEmpty(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void ExpectGolden(const std::string& name, const std::string& actual) {
  const std::string path = GoldenPath(name);
  const char* update = std::getenv("XXGK_UPDATE_GOLDEN");
  if (update != nullptr && *update == '1') {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  std::ifstream probe(path);
  ASSERT_TRUE(probe.good()) << "missing golden file " << path
                            << " (run with XXGK_UPDATE_GOLDEN=1 to create it)";
  EXPECT_EQ(ReadFileOrEmpty(path), actual)
      << "output differs from " << path << " (XXGK_UPDATE_GOLDEN=1 rewrites it)";
}

}  // namespace xxgk::testing

#endif  // XXGK_TESTS_CLIENT_GOLDEN_UTIL_H_
