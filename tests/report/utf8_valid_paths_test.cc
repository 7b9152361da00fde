// IsValidUtf8 checks thirty-two bytes at a time with AVX2 where the machine
// has it: every path must answer as ICU's strict reader on generated runs of
// wide-block length (long stretches of CJK, ASCII and two-byte characters,
// with a character split across each block edge, and the forms no block
// takes: E0/ED leads, four-byte characters, ill-formed bytes).
#include <unicode/utf8.h>

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "report/utf8.h"
#include "tests/report/random_text.h"

namespace xxgk::report {
namespace {

using internal::IsValidUtf8With;
using internal::Utf8Path;

// U8_NEXT over all of s: no ill-formed sequence.
bool ReadsWhole(const std::string& s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  UChar32 c = 0;
  for (int32_t i = 0; i < n && c >= 0;) U8_NEXT(p, i, n, c);
  return c >= 0;
}

class WideRuns : public xxgk::testing::RandomText {
 public:
  explicit WideRuns(uint32_t seed) : RandomText(seed) {}

  std::string Next() {
    static const std::vector<std::string> kCommon = {"政", "府", "。", "a", "1", " ", "ü",
                                                     "\xC2\xA0", "\xEF\xBC\x88"};
    static const std::vector<std::string> kRare = {
        "\xE0\xA0\x80", "\xED\x9F\xBF", "\xF0\x90\x80\x80", "😀", "\x80", "\xE5\x85", "\xC0\xAF",
        "\xED\xA0\x80", "\xE0\x9F\xBF", "\xF4\x90\x80\x80", "\xFF", "\xE1\x80\xC0", "\xC3"};
    std::string s;
    const size_t bytes = static_cast<size_t>(Below(200));
    while (s.size() < bytes) s += Below(60) == 0 ? Pick(kRare) : Pick(kCommon);
    return s;
  }
};

TEST(IsValidUtf8Paths, EveryPathAgreesWithIcu) {
  WideRuns runs(20261121);
  int valid = 0;
  for (int round = 0; round < 20000; ++round) {
    const std::string s = runs.Next();
    const bool expected = ReadsWhole(s);
    valid += expected;
    for (const Utf8Path path : {Utf8Path::kPlain, Utf8Path::kAvx2}) {
      if (!internal::Utf8PathRuns(path)) continue;
      ASSERT_EQ(IsValidUtf8With(s, path), expected) << static_cast<int>(path) << " " << round;
    }
  }
  EXPECT_GT(valid, 2000);  // both answers are exercised
  EXPECT_LT(valid, 18000);
}

}  // namespace
}  // namespace xxgk::report
