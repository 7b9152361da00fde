// UnescapeCharRefs, and plain text holding HTML character references read
// as the text they stand for.
#include "report/mapped_text.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "report/readers.h"

namespace xxgk::report {
namespace {

TEST(CharRefs, NamedAndNumericReferencesBecomeTheirCharacters) {
  MappedText u;
  ASSERT_TRUE(UnescapeCharRefs("&nbsp;&ldquo;A&amp;B&rdquo;&#40;七&#x29;&#X4E00;", &u));
  EXPECT_EQ(u.text, "\u00a0\u201cA&B\u201d(七)一");
}

TEST(CharRefs, WhatIsNoReferenceStaysAsItIs) {
  MappedText u;
  // no ';', an unknown name, no code point, a surrogate, beyond U+10FFFF,
  // a name too long to be one, a lone '&'
  for (const char* s : {"R&D 部门", "&nbsp 一、", "&foo;", "&#0;", "&#xD800;", "&#x110000;", "&#;",
                        "&averyveryverylongname;", "A & B", "&&;"}) {
    EXPECT_FALSE(UnescapeCharRefs(s, &u)) << s;
  }
  ASSERT_TRUE(UnescapeCharRefs("R&D&amp;&foo;&#65;", &u));
  EXPECT_EQ(u.text, "R&D&&foo;A");
}

// Every byte maps back to where it came from: copied bytes to themselves, a
// reference's character to its '&', the end to the end.
TEST(CharRefs, OffsetsPointIntoTheInput) {
  const std::string in = "一&nbsp;二&#19977;";
  MappedText u;
  ASSERT_TRUE(UnescapeCharRefs(in, &u));
  EXPECT_EQ(u.text, "一\u00a0二三");
  ASSERT_EQ(u.to_input.size(), u.text.size() + 1);
  EXPECT_THAT(u.to_input, ::testing::ElementsAre(0, 1, 2,  // 一
                                                 3, 3,     // U+00A0 from &nbsp;
                                                 9, 10, 11,  // 二
                                                 12, 12, 12,  // 三 from &#19977;
                                                 in.size()));
}

// A report whose text was never unescaped: headings indented with &nbsp;,
// numbering and quotes as references. It reads as the plain report does,
// and a cell's span covers its bytes in the original text.
TEST(CharRefs, ATextReportWithReferencesReadsAsWithout) {
  const std::string escaped =
      "&nbsp;&nbsp;一、总体情况\n"
      "本机关依法公开政府信息&#12290;\n"
      "&nbsp;&nbsp;二、主动公开政府信息情况\n"
      "信息内容 | 本年处理决定数量 |\n"
      "行政许可 | 12 |\n"
      "&#40;七&#41;总计 | 3 |\n";
  const std::string plain =
      "一、总体情况\n"
      "本机关依法公开政府信息。\n"
      "二、主动公开政府信息情况\n"
      "信息内容 | 本年处理决定数量 |\n"
      "行政许可 | 12 |\n"
      "(七)总计 | 3 |\n";
  auto a = ReadText(escaped);
  auto b = ReadText(plain);
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_EQ(a->blocks.size(), b->blocks.size());
  for (size_t i = 0; i < a->blocks.size(); ++i) {
    EXPECT_EQ(a->blocks[i].text, b->blocks[i].text) << i;
    ASSERT_EQ(a->blocks[i].kind, b->blocks[i].kind) << i;
    if (a->blocks[i].kind != Block::Kind::kTable) continue;
    ASSERT_EQ(a->blocks[i].table.rows.size(), b->blocks[i].table.rows.size());
    for (size_t r = 0; r < a->blocks[i].table.rows.size(); ++r) {
      for (size_t c = 0; c < a->blocks[i].table.rows[r].size(); ++c) {
        const GridCell& cell = a->blocks[i].table.rows[r][c];
        EXPECT_EQ(cell.text, b->blocks[i].table.rows[r][c].text);
        if (cell.text.empty()) continue;
        // the span holds the cell's text as it was written
        const std::string raw = escaped.substr(cell.source_begin, cell.source_end - cell.source_begin);
        EXPECT_EQ(raw, cell.text == "(七)总计" ? "&#40;七&#41;总计" : cell.text);
      }
    }
  }
  EXPECT_EQ(a->blocks.front().text, "一、总体情况");
  EXPECT_EQ(a->blocks.front().source_begin, 12u);  // after the two &nbsp;
}

}  // namespace
}  // namespace xxgk::report
