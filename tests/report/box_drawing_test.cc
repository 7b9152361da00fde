// BoxDrawingAsAscii, and tables drawn with box-drawing characters (a text
// browser's or converter's rendering of a report) read as pipe tables.
#include "report/mapped_text.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "report/parse.h"
#include "report/readers.h"
#include "report/utf8.h"

namespace xxgk::report {
namespace {

TEST(BoxDrawing, LinesAndJunctionsBecomePipesAndRulesBecomeSeparators) {
  const std::string in =
      "┌──┬──┐\n"
      "│规章│ 8 │\n"
      "╞══╪══╡\n"
      "┃甲┃乙┃\n"
      "└──┴──┘\n";
  MappedText m;
  ASSERT_TRUE(BoxDrawingAsAscii(in, &m));
  EXPECT_EQ(m.text,
            "|--|--|\n"
            "|规章| 8 |\n"
            "|--|--|\n"
            "|甲|乙|\n"
            "|--|--|\n");
  // every byte maps to the first byte of the character it came from
  ASSERT_EQ(m.to_input.size(), m.text.size() + 1);
  for (size_t i = 0; i < m.text.size(); ++i) {
    const char c = m.text[i];
    if (c == '|' || c == '-') {
      EXPECT_EQ(static_cast<unsigned char>(in[m.to_input[i]]), 0xE2) << i;
    } else {
      EXPECT_EQ(in[m.to_input[i]], c) << i;
    }
  }
  EXPECT_EQ(m.to_input.back(), in.size());
}

TEST(BoxDrawing, DashesInRunningTextAndDiagonalsStay) {
  MappedText m;
  // a horizontal used as a dash, and a diagonal, in a line with text:
  // nothing drawn, nothing replaced
  EXPECT_FALSE(BoxDrawingAsAscii("全年──共收到申请3件╳\n", &m));
  EXPECT_FALSE(BoxDrawingAsAscii("一、总体情况\n本年度无此类情况。\n", &m));
  // with a vertical on the line, only the vertical is redrawn
  ASSERT_TRUE(BoxDrawingAsAscii("首页│政务公开──年报\n", &m));
  EXPECT_EQ(m.text, "首页|政务公开──年报\n");
}

// A table drawn as a text browser draws it: every cell padded to its
// column's width, so every row and rule has as many characters as the
// others (the rows then look like lines cut at a fixed width), and rules
// between the rows.
std::string Drawn(const std::vector<std::vector<std::string>>& rows) {
  constexpr size_t kWidth = 12;  // characters per cell
  auto rule = [&](const char* left, const char* mid, const char* right) {
    std::string line = left;
    for (size_t c = 0; c < rows[0].size(); ++c) {
      if (c > 0) line += mid;
      for (size_t k = 0; k < kWidth; ++k) line += "─";
    }
    return line + right + "\n";
  };
  std::string out = rule("┌", "┬", "┐");
  for (size_t r = 0; r < rows.size(); ++r) {
    if (r > 0) out += rule("├", "┼", "┤");
    out += "│";
    for (const std::string& cell : rows[r]) {
      const size_t chars = Utf8Chars(cell).size();
      out += cell + std::string(kWidth - chars, ' ') + "│";
    }
    out += "\n";
  }
  return out + rule("└", "┴", "┘");
}

const std::string& DrawnReport() {
  static const std::string* const kText = new std::string(
      "某县民政局2024年政府信息公开工作年度报告\n"
      "二、主动公开政府信息情况\n" +
      Drawn({{" 第二十条第(一)项", "", "", ""},
             {" 信息内容", " 本年制发件数", " 本年废止件数", " 现行有效件数"},
             {" 规章", " 3", " 1", " 12"},
             {" 行政规范性文件", " 27", " 4", " 103"},
             {" 第二十条第(五)项", "", "", ""},
             {" 信息内容", " 本年处理决定数量", "", ""},
             {" 行政许可", " 56", "", ""}}) +
      "三、收到和处理政府信息公开申请情况\n");
  return *kText;
}

TEST(BoxDrawing, ADrawnTablesRowsAreNoLinesCutAtAFixedWidth) {
  MappedText drawn;
  ASSERT_TRUE(BoxDrawingAsAscii(DrawnReport(), &drawn));
  MappedText unwrapped;
  EXPECT_FALSE(UnwrapFixedWidth(drawn.text, &unwrapped));
}

TEST(BoxDrawing, ADrawnTableReadsAsItsCellsWithSpansIntoTheDrawing) {
  xxgk::v1::Document doc;
  doc.set_content(DrawnReport());
  doc.set_file_name("report.txt");
  absl::StatusOr<xxgk::v1::Report> r = ParseDocument(doc);
  ASSERT_TRUE(r.ok()) << r.status();
  const auto& t2 = r->tables().t2();
  ASSERT_TRUE(t2.info().found());
  EXPECT_EQ(t2.rules().issued().value(), "3");
  EXPECT_EQ(t2.rules().in_force().value(), "12");
  EXPECT_EQ(t2.normative_documents().issued().value(), "27");
  EXPECT_EQ(t2.normative_documents().in_force().value(), "103");
  EXPECT_EQ(t2.licensing().decisions().value(), "56");
  // spans point at the digits in the text as sent
  const std::string& text = DrawnReport();
  const auto& span = t2.normative_documents().in_force().span();
  EXPECT_EQ(text.substr(span.source_begin(), span.source_end() - span.source_begin()), "103");
}

}  // namespace
}  // namespace xxgk::report
