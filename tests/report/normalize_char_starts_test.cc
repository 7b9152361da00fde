// The offset map of a run NormalizeText copies as it is (each byte mapped to
// the start of its character) is written sixteen or thirty-two bytes at a
// time where the machine can: every such path must write what the plain
// byte-at-a-time loop writes, on runs of every length up to a few blocks
// (short runs, whole blocks, a last block overlapping the one before),
// starting with any kind of character and cut anywhere after one.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "report/normalize.h"
#include "tests/report/random_text.h"

namespace xxgk::report {
namespace {

using internal::CharStarts;
using internal::CharStartsPath;

// Well-formed UTF-8 of ASCII, two- and three-byte characters in runs.
class Utf8Runs : public xxgk::testing::RandomText {
 public:
  explicit Utf8Runs(uint32_t seed) : RandomText(seed) {}

  std::string Next(size_t bytes) {
    static const std::vector<std::string> kChars = {"a", " ", "1", "\n", "ü", "é", "·",
                                                    "政", "府", "。", ",", "\uFF08", "\u3000"};
    std::string s;
    while (s.size() < bytes) {
      const std::string& c = Pick(kChars);
      const int times = 1 + Below(Below(4) == 0 ? 40 : 3);
      for (int k = 0; k < times && s.size() + c.size() <= bytes; ++k) s += c;
      if (s.size() + 3 > bytes && s.size() < bytes) s += std::string(bytes - s.size(), 'x');
    }
    return s;
  }
};

TEST(NormalizeCharStarts, EveryPathWritesWhatThePlainLoopWrites) {
  Utf8Runs runs(20261121);
  for (const CharStartsPath path : {CharStartsPath::kSse2, CharStartsPath::kAvx2}) {
    if (!internal::CharStartsPathRuns(path)) continue;
    for (size_t bytes = 0; bytes <= 140; ++bytes) {
      for (int round = 0; round < 20; ++round) {
        const std::string run = runs.Next(bytes);
        const uint32_t at = static_cast<uint32_t>(round * 1000);
        ASSERT_EQ(CharStarts(run, at, path), CharStarts(run, at, CharStartsPath::kPlain))
            << "path " << static_cast<int>(path) << ": " << run;
      }
    }
  }
}

// The plain loop itself: a three-byte character's bytes all map to its lead.
TEST(NormalizeCharStarts, PlainLoopMapsEachByteToItsCharacter) {
  EXPECT_EQ(CharStarts("a政ü.", 10, CharStartsPath::kPlain),
            (std::vector<uint32_t>{10, 11, 11, 11, 14, 14, 16}));
}

}  // namespace
}  // namespace xxgk::report
