// Pins internal::LabelKeyHoldsStatisticsTable (the text reader's test for a
// legacy statistics-table title, deciding from the bytes after each 统) to
// its definition, LabelKey(text) holding 统计表, on generated lines mixing
// the three characters with what a key drops (punctuation, spaces, U+3000,
// numberings), what it keeps (ideographs, letters, digits), 钩 (which it
// rewrites) and ill-formed bytes.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "report/labels.h"
#include "report/readers.h"
#include "tests/report/random_text.h"

namespace xxgk::report {
namespace {

class LineGenerator : public xxgk::testing::RandomText {
 public:
  explicit LineGenerator(uint32_t seed) : RandomText(seed) {}
  std::string Line(const std::vector<std::string>& pieces) {
    std::string line;
    const int n = 1 + Below(14);
    for (int i = 0; i < n; ++i) line += Pick(pieces);
    return line;
  }
};

TEST(TextReaderTitleKey, GeneratedLinesMatchTheLabelKey) {
  const std::vector<std::string> pieces = {
      "统", "计", "表", "统计", "统计表", "计表", "统 计 表", "统、计、表", "统,计.表", "统\u3000计表",
      "情况", "政府信息公开", "年度", "附件:", "2017年", "一、", "(三)", "第二部分", " ", "  ", ",",
      "。", "、", ":", "-", "a", "Z", "9", "钩", "勾", "\xE4", "\xBB\x9F", "\xE7\xBB", "𠀀", "é",
      "\u3000", "·", "《", "》", "\t"};
  int holds = 0, settled_no = 0;
  for (uint32_t seed = 1; seed <= 3000; ++seed) {
    const std::string line = LineGenerator(seed).Line(pieces);
    const bool want = LabelKey(line).find("统计表") != std::string::npos;
    ASSERT_EQ(internal::LabelKeyHoldsStatisticsTable(line), want) << line;
    holds += want;
    settled_no += !want && line.find("统") != std::string::npos;
  }
  // The generator reaches both answers, with 统 in the line.
  EXPECT_GT(holds, 300);
  EXPECT_GT(settled_no, 300);
}

}  // namespace
}  // namespace xxgk::report
