// Golden files for tests/report: a test hands an ordered list of (case id,
// text dump) pairs; they are compared with
// tests/report/fixtures/golden/<name>.txt, which holds, for each case, a line
// "== <case id>" followed by its dump. The first differing case is reported
// with its id, the expected and the actual dump. With XXGK_UPDATE_GOLDEN=1 in
// the environment the file is (re)written instead and the check passes.
// Header-only; test code only.
#ifndef XXGK_TESTS_REPORT_GOLDEN_H_
#define XXGK_TESTS_REPORT_GOLDEN_H_

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"

namespace xxgk::testing {

using GoldenCases = std::vector<std::pair<std::string, std::string>>;

inline std::string GoldenPath(const std::string& name) {
  return std::string(XXGK_SOURCE_DIR) + "/tests/report/fixtures/golden/" + name + ".txt";
}

// A dump as the file holds it: empty, or ending with a newline.
inline std::string GoldenBody(const std::string& dump) {
  if (dump.empty() || dump.back() == '\n') return dump;
  return dump + "\n";
}

inline ::testing::AssertionResult MatchesGolden(const std::string& name, const GoldenCases& cases) {
  const std::string path = GoldenPath(name);
  const char* update = std::getenv("XXGK_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    for (const auto& [id, dump] : cases) out << "== " << id << "\n" << GoldenBody(dump);
    out.close();
    if (!out) return ::testing::AssertionFailure() << "cannot write golden file " << path;
    return ::testing::AssertionSuccess();
  }

  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return ::testing::AssertionFailure()
           << "no golden file " << path << " (record it with XXGK_UPDATE_GOLDEN=1)";
  }
  GoldenCases expected;
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("== ", 0) == 0) {
      expected.emplace_back(line.substr(3), "");
    } else if (!expected.empty()) {
      expected.back().second += line + "\n";
    } else {
      return ::testing::AssertionFailure() << path << ": text before the first \"== \" line";
    }
  }

  for (size_t i = 0; i < cases.size() || i < expected.size(); ++i) {
    if (i >= expected.size()) {
      return ::testing::AssertionFailure()
             << name << ": case #" << i << " \"" << cases[i].first << "\" is not in the golden file ("
             << expected.size() << " cases)";
    }
    if (i >= cases.size()) {
      return ::testing::AssertionFailure()
             << name << ": golden case #" << i << " \"" << expected[i].first
             << "\" was not produced (" << cases.size() << " cases)";
    }
    const auto& [want_id, want] = expected[i];
    const std::string got = GoldenBody(cases[i].second);
    if (cases[i].first != want_id) {
      return ::testing::AssertionFailure() << name << ": case #" << i << " is \"" << cases[i].first
                                           << "\", the golden file has \"" << want_id << "\"";
    }
    if (got != want) {
      return ::testing::AssertionFailure()
             << name << ": case \"" << want_id << "\" differs\n--- expected (" << path << ")\n"
             << want << "--- actual\n"
             << got;
    }
  }
  return ::testing::AssertionSuccess();
}

}  // namespace xxgk::testing

#endif  // XXGK_TESTS_REPORT_GOLDEN_H_
