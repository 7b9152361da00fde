// UnwrapFixedWidth, and hard-wrapped text read as if it had not been cut.
#include "report/mapped_text.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "report/readers.h"
#include "report/utf8.h"

namespace xxgk::report {
namespace {

// `text` cut into lines of `width` characters, as a tool that wraps at a
// fixed width does.
std::string CutEvery(const std::string& text, size_t width) {
  std::string out;
  size_t begin = 0;
  while (begin <= text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    const std::vector<std::string> chars = Utf8Chars(std::string_view(text).substr(begin, end - begin));
    for (size_t i = 0; i < chars.size(); ++i) {
      if (i > 0 && i % width == 0) out += '\n';
      out += chars[i];
    }
    if (end == text.size()) break;
    out += '\n';
    begin = end + 1;
  }
  return out;
}

const char* const kReport =
    "某县人民政府2024年政府信息公开工作年度报告\n"
    "本年度报告根据《中华人民共和国政府信息公开条例》要求编制,全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。\n"
    "一、总体情况\n"
    "本年度,我县坚持以公开为常态、不公开为例外,全面推进决策、执行、管理、服务、结果公开,主动回应社会关切,各项工作取得新进展。\n"
    "三、收到和处理政府信息公开申请情况\n"
    "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 | ||||||||\n"
    "一、本年新收政府信息公开申请数量 | 120 | 13 | 0 | 0 | 1 | 0 | 134 | ||\n"
    "二、上年结转政府信息公开申请数量 | 56789 | 1 | 13 | 3 | 0 | 0 | 56806 | ||\n"
    "四、结转下年度继续办理 | 12 | 0 | 0 | 0 | 0 | 0 | 12 |\n";

TEST(LineWrap, LinesCutAtAFixedWidthAreJoinedAgain) {
  const std::string cut = CutEvery(kReport, 30);
  MappedText u;
  ASSERT_TRUE(UnwrapFixedWidth(cut, &u));
  EXPECT_EQ(u.text, kReport);
  // every byte maps to where it was in the cut text
  ASSERT_EQ(u.to_input.size(), u.text.size() + 1);
  for (size_t i = 0; i < u.text.size(); ++i) ASSERT_EQ(cut[u.to_input[i]], u.text[i]) << i;
  EXPECT_EQ(u.to_input.back(), cut.size());
}

// Cut at 41 display columns (a Chinese character two, “” and — one): a
// line that ends a column short, because the next character was wide, was
// cut too.
TEST(LineWrap, LinesCutAtAFixedNumberOfColumnsAreJoinedAgain) {
  std::string cut;
  size_t columns = 0;
  for (const std::string& c : Utf8Chars(kReport)) {
    if (c == "\n") {
      cut += c;
      columns = 0;
      continue;
    }
    const size_t w = static_cast<unsigned char>(c[0]) >= 0xE3 ? 2 : 1;
    if (columns + w > 41) {
      cut += '\n';
      columns = 0;
    }
    cut += c;
    columns += w;
  }
  MappedText u;
  ASSERT_TRUE(UnwrapFixedWidth(cut, &u));
  EXPECT_EQ(u.text, kReport);
}

TEST(LineWrap, TextAsWrittenIsLeftAlone) {
  MappedText u;
  EXPECT_FALSE(UnwrapFixedWidth(kReport, &u));
  // five table rows of the same length are no cut: they are not the
  // longest lines
  std::string rows = kReport;
  for (int i = 0; i < 6; ++i) rows += "规章 | 0 | 0 | 0 |\n";
  EXPECT_FALSE(UnwrapFixedWidth(rows, &u));
}

// A number cut in two by the wrap ("56" / "789") reads whole again, and the
// cells keep spans into the text as sent.
TEST(LineWrap, AHardWrappedReportReadsAsTheReportDoes) {
  for (size_t width : {24u, 30u, 41u}) {
    const std::string cut = CutEvery(kReport, width);
    auto a = ReadText(cut);
    auto b = ReadText(kReport);
    ASSERT_TRUE(a.ok() && b.ok());
    ASSERT_EQ(a->blocks.size(), b->blocks.size()) << width;
    for (size_t i = 0; i < a->blocks.size(); ++i) {
      EXPECT_EQ(a->blocks[i].text, b->blocks[i].text) << width;
      ASSERT_EQ(a->blocks[i].kind, b->blocks[i].kind);
      if (a->blocks[i].kind != Block::Kind::kTable) continue;
      const auto& rows = a->blocks[i].table.rows;
      ASSERT_EQ(rows.size(), b->blocks[i].table.rows.size()) << width;
      for (size_t r = 0; r < rows.size(); ++r) {
        ASSERT_EQ(rows[r].size(), b->blocks[i].table.rows[r].size());
        for (size_t c = 0; c < rows[r].size(); ++c) EXPECT_EQ(rows[r][c].text, b->blocks[i].table.rows[r][c].text);
      }
    }
  }
}

}  // namespace
}  // namespace xxgk::report
