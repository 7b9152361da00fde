// IsPageChromeLine's prefilter finds its literals (首页 in lines under 200
// bytes, ICP备 in the first 18 bytes, 公网安备 in the first 60) sixteen
// candidate ends at a time: on generated lines of every length around
// those limits, with the literals, their pieces and look-alike bytes at
// every place, it must answer what plain searches answer.
#include <string>
#include <string_view>
#include <vector>

#include "gtest/gtest.h"
#include "report/normalize.h"
#include "tests/report/random_text.h"

namespace xxgk::report {
namespace {

class ChromeLines : public xxgk::testing::RandomText {
 public:
  explicit ChromeLines(uint32_t seed) : RandomText(seed) {}

  std::string Next() {
    static const std::vector<std::string> kPieces = {
        "首页", "ICP备", "公网安备", "首", "页", "备", "ICP", "公网安", "网站", "鲁ICP备",
        "政府", "信息", "a", "1", " ", ">", "\xA1\xB5", "\xA4\x87", "顶", "各"};
    const size_t target = static_cast<size_t>(Below(4) == 0 ? Below(260) : Below(70));
    std::string line;
    while (line.size() < target) line += Pick(kPieces);
    return line;
  }
};

bool PlainSearches(std::string_view line) {
  return (line.size() < 200 && line.find("首页") != std::string_view::npos) ||
         line.substr(0, 18).find("ICP备") != std::string_view::npos ||
         line.substr(0, 60).find("公网安备") != std::string_view::npos;
}

TEST(NormalizeChromeLiteral, AsPlainSearchesOnGeneratedLines) {
  ChromeLines lines(1121);
  int found = 0;
  for (int round = 0; round < 20000; ++round) {
    const std::string line = lines.Next();
    const bool expected = PlainSearches(line);
    found += expected;
    ASSERT_EQ(internal::HasChromeLiteral(line), expected) << line;
  }
  EXPECT_GT(found, 1000);  // both answers are exercised
}

TEST(NormalizeChromeLiteral, AtTheLimits) {
  const std::string pad17(17, 'x'), pad12(12, 'x'), pad48(48, 'x'), pad49(49, 'x');
  EXPECT_TRUE(internal::HasChromeLiteral(pad12 + "ICP备"));          // ends at byte 18
  EXPECT_FALSE(internal::HasChromeLiteral(pad12 + "xICP备"));        // ends at byte 19
  EXPECT_TRUE(internal::HasChromeLiteral(pad48 + "公网安备"));       // ends at byte 60
  EXPECT_FALSE(internal::HasChromeLiteral(pad49 + "公网安备"));      // ends at byte 61
  EXPECT_TRUE(internal::HasChromeLiteral(std::string(193, 'x') + "首页"));   // 199 bytes
  EXPECT_FALSE(internal::HasChromeLiteral(std::string(194, 'x') + "首页"));  // 200 bytes
  EXPECT_FALSE(internal::HasChromeLiteral(pad17 + "页备"));
}

// A line starting with a dated weekday goes to the date pattern alone only
// when it holds no literal: with one, the other patterns still see it.
TEST(NormalizeChromeLiteral, DatedLinesWithALiteralMeetTheOtherPatterns) {
  EXPECT_TRUE(IsPageChromeLine("2024年1月2日 周一"));
  EXPECT_FALSE(IsPageChromeLine("2024年1月2日 周一 公开"));
  EXPECT_TRUE(IsPageChromeLine("2024年1月2日 周一 > 年报 > 首页"));
  EXPECT_TRUE(IsPageChromeLine("2024年1月2日周一 公网安备 4401号"));
}

}  // namespace
}  // namespace xxgk::report
