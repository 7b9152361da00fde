// Pins the text reader's shortcuts to their definitions on generated inputs:
// - internal::LabelKeyHoldsStatisticsTable (a legacy statistics-table title,
//   decided from the bytes after each 统) to LabelKey(text) holding 统计表, on
//   lines mixing the three characters with what a key drops (punctuation,
//   spaces, U+3000, numberings), what it keeps (ideographs, letters, digits),
//   钩 (which it rewrites) and ill-formed bytes;
// - "at most n code points" decided without counting for texts longer than
//   4n bytes: CountCodePoints steps over at most four bytes per code point,
//   ill-formed input included.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "report/labels.h"
#include "report/readers.h"
#include "report/utf8.h"
#include "tests/report/random_text.h"

namespace xxgk::report {
namespace {

// Texts joined from up to `max` pieces drawn from a list.
class PieceGenerator : public xxgk::testing::RandomText {
 public:
  explicit PieceGenerator(uint32_t seed) : RandomText(seed) {}
  std::string Join(const std::vector<std::string>& pieces, int max) {
    std::string out;
    const int n = Below(max + 1);
    for (int i = 0; i < n; ++i) out += Pick(pieces);
    return out;
  }
};

TEST(TextReaderFastChecks, StatisticsTableTitleMatchesTheLabelKey) {
  const std::vector<std::string> pieces = {
      "统", "计", "表", "统计", "统计表", "计表", "统 计 表", "统、计、表", "统,计.表", "统\u3000计表",
      "情况", "政府信息公开", "年度", "附件:", "2017年", "一、", "(三)", "第二部分", " ", "  ", ",",
      "。", "、", ":", "-", "a", "Z", "9", "钩", "勾", "\xE4", "\xBB\x9F", "\xE7\xBB", "𠀀", "é",
      "\u3000", "·", "《", "》", "\t"};
  int holds = 0, settled_no = 0;
  for (uint32_t seed = 1; seed <= 3000; ++seed) {
    const std::string line = PieceGenerator(seed).Join(pieces, 14);
    const bool want = LabelKey(line).find("统计表") != std::string::npos;
    ASSERT_EQ(internal::LabelKeyHoldsStatisticsTable(line), want) << line;
    holds += want;
    settled_no += !want && line.find("统") != std::string::npos;
  }
  // The generator reaches both answers, with 统 in the line.
  EXPECT_GT(holds, 200);
  EXPECT_GT(settled_no, 200);
}

TEST(TextReaderFastChecks, NeverMoreThanFourBytesPerCodePoint) {
  const std::vector<std::string> pieces = {
      "a", " ", "|", "统", "é", "𠀀", "\xF0\x9F\x98", "\xF0\x9F", "\xF0", "\xE7\xBB", "\xE7",
      "\x80", "\xBF\xBF", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xFF", "\xF8\x88\x80\x80\x80"};
  for (uint32_t seed = 1; seed <= 3000; ++seed) {
    const std::string s = PieceGenerator(seed).Join(pieces, 60);
    ASSERT_GE(CountCodePoints(s) * 4, s.size()) << seed;
  }
}

}  // namespace
}  // namespace xxgk::report
