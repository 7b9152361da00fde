// RTF: text in the code pages Word and WPS write, destinations that hold no
// body text, and tables from row definitions, merges and nesting.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "report/parse.h"
#include "report/readers.h"
#include "tests/report/fixtures/recode.h"

namespace xxgk::report {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// Each byte of `bytes` as an RTF hex escape (\'hh), as Word writes
// characters of the document's code page.
std::string HexEscaped(const std::string& bytes) {
  std::string out;
  for (char c : bytes) absl::StrAppendFormat(&out, "\\'%02x", static_cast<unsigned char>(c));
  return out;
}

std::string Gbk(const std::string& utf8) { return xxgk::testing::Recode(utf8, "GB18030"); }

std::vector<std::string> Lines(const ReadResult& r) {
  std::vector<std::string> out;
  for (const Block& b : r.blocks) {
    if (b.kind == Block::Kind::kLine) out.push_back(b.text);
  }
  return out;
}

const TableGrid* FirstTable(const ReadResult& r) {
  for (const Block& b : r.blocks) {
    if (b.kind == Block::Kind::kTable) return &b.table;
  }
  return nullptr;
}

// A table's grid as text: cells joined by '|', continuation positions as '^'.
std::vector<std::string> Rows(const TableGrid& t) {
  std::vector<std::string> out;
  for (const auto& row : t.rows) {
    std::string line;
    for (size_t c = 0; c < row.size(); ++c) {
      if (c) line += "|";
      line += row[c].continuation ? "^" : row[c].text;
    }
    out.push_back(line);
  }
  return out;
}

// The first table's rows (as Rows gives them) and the lines of `rtf`; empty
// after a failure when it does not read or holds no table.
struct TableAndLines {
  std::vector<std::string> rows, lines;
};
TableAndLines ReadTableAndLines(const std::string& rtf) {
  auto r = ReadRtf(rtf);
  if (!r.ok()) {
    ADD_FAILURE() << r.status();
    return {};
  }
  const TableGrid* t = FirstTable(*r);
  if (t == nullptr) ADD_FAILURE() << "no table";
  return {t ? Rows(*t) : std::vector<std::string>{}, Lines(*r)};
}

const std::string kChineseHeader =
    "{\\rtf1\\adeflang1025\\ansi\\ansicpg936\\uc1\\adeff0\\deff0"
    "{\\fonttbl{\\f0\\froman\\fcharset0\\fprq2 Times New Roman;}"
    "{\\f13\\fnil\\fcharset134\\fprq2{\\*\\panose 02010600030101010101}" +
    HexEscaped(Gbk("宋体")) + "{\\*\\falt SimSun};}}\n";

TEST(ReadRtf, TextInTheDocumentsCodePageAndInUnicodeEscapes) {
  const std::string rtf =
      kChineseHeader +
      // hex escapes under a Chinese font, and under the Western one (Word
      // writes Chinese in a run whose font is Western and only associates
      // the double-byte one)
      "\\pard\\plain {\\f13 " + HexEscaped(Gbk("政府信息公开")) + "}\\par\n" +
      "\\pard {\\f0\\hich\\af0\\dbch\\af13\\loch " + HexEscaped(Gbk("年度报告")) + " 2023}\\par\n" +
      // \uN with fallbacks of one and two bytes; a negative N; a pair of
      // surrogates
      "\\pard \\u20844\\'3f\\u24320?{\\uc2\\u24180" + HexEscaped(Gbk("年")) + "}" +
      "\\u-29201?\\u-10176?\\u-9216?\\par\n" +
      // escaped syntax characters, a tab, a line break and typographic marks
      "\\pard a\\{b\\}c\\\\d\\tab e\\line f\\emdash g\\ldblquote h\\rdblquote\\par}";
  auto r = ReadRtf(rtf);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->source.input_format(), "rtf");
  EXPECT_EQ(r->source.encoding(), "GB18030");
  EXPECT_THAT(Lines(*r), ElementsAre("政府信息公开", "年度报告 2023", "公开年路\U00020000",
                                     "a{b}c\\d e", "f—g“h”"));
}

// Some writers put double-byte characters in raw; a trail byte may then be
// '\', '{' or '}' (乗 is 81 5C in GBK, 亄 81 7B, 亇 81 7D), which is no syntax.
TEST(ReadRtf, RawDoubleByteCharactersWhoseTrailByteLooksLikeSyntax) {
  const std::string rtf = kChineseHeader + "\\pard " + Gbk("乗亄亇，公开") + "\\par}";
  auto r = ReadRtf(rtf);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Lines(*r), ElementsAre("乗亄亇,公开"));
}

// RTF is ASCII with everything else escaped, but naive writers put text in
// raw as UTF-8; such a file is valid UTF-8 and is read so, whatever code
// page it declares. A lone surrogate or a unit out of range is U+FFFD.
TEST(ReadRtf, RawUtf8TextAndBrokenUnicodeEscapes) {
  auto r = ReadRtf("{\\rtf1\\ansi\\ansicpg936 \\pard 政府信息公开\\par"
                   "\\pard a\\u-10176?b\\u-9216?c\\u99999?d\\par}");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Lines(*r), ElementsAre("政府信息公开", "a\uFFFDb\uFFFDc\uFFFDd"));
}

// A font's character set picks its code page, here Big5 in a document whose
// own is the Western one; Big5's trail bytes are often letters (政 is AC 46,
// written \'acF).
TEST(ReadRtf, AFontsCharacterSetPicksItsCodePage) {
  const std::string big5 = xxgk::testing::Recode("政府資訊", "Big5");
  std::string mixed;  // lead bytes escaped, letters as they are
  for (char c : big5) {
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0x80) {
      absl::StrAppendFormat(&mixed, "\\'%02x", b);
    } else {
      mixed.push_back(c);
    }
  }
  const std::string rtf =
      "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0\\fswiss\\fcharset0 Arial;}"
      "{\\f1\\fnil\\fcharset136 PMingLiU;}}\\pard caf\\'e9 {\\f1 " + mixed + "}\\par}";
  auto r = ReadRtf(rtf);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(Lines(*r).size(), 1u);
  EXPECT_EQ(Lines(*r)[0], "café 政府资讯");  // traditional script is read as simplified
}

// A document that names no code page (Word always does; other writers may
// not) is read in the one its text is in: GBK or Big5 escaped or raw, or
// UTF-8 bytes escaped one by one. Text that reads as none of them without a
// flaw keeps the specification's default, 1252.
TEST(ReadRtf, TextInACodePageTheDocumentDoesNotName) {
  const std::string fonts = "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0\\fswiss\\fcharset0 Arial;}}";
  const std::string big5 = xxgk::testing::Recode("政府資訊公開", "Big5");
  const std::string utf8 = "政府信息公开";
  struct Case {
    std::string body;
    const char* line;
    const char* encoding;
  } cases[] = {
      {HexEscaped(Gbk("政府信息公开工作年度报告")) + " 2023", "政府信息公开工作年度报告 2023", "GB18030"},
      {Gbk("政府信息公开工作年度报告"), "政府信息公开工作年度报告", "GB18030"},
      {HexEscaped(big5), "政府资讯公开", "windows-950"},
      {HexEscaped(utf8), "政府信息公开", "UTF-8"},
      {"caf\\'e9 cr\\'e8me", "café crème", "windows-1252"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.line);
    auto r = ReadRtf(fonts + "\\pard " + c.body + "\\par}");
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_THAT(Lines(*r), ElementsAre(c.line));
    EXPECT_EQ(r->source.encoding(), c.encoding);
  }
  // A named code page is kept, whatever the bytes would read as.
  auto r = ReadRtf("{\\rtf1\\ansi\\ansicpg1252 \\pard " + HexEscaped(Gbk("公开")) + "\\par}");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->source.encoding(), "windows-1252");
  ASSERT_EQ(Lines(*r).size(), 1u);
  EXPECT_THAT(Lines(*r)[0], ::testing::Not(HasSubstr("公开")));
}

// Only the body's text is read: not the font, colour and style tables, the
// document's properties, headers and footers, pictures (with binary data
// holding braces), field codes, bookmarks, footnotes, unknown \* groups,
// hidden text or text deleted with changes tracked. Field results and list
// numbers are text as shown.
TEST(ReadRtf, OnlyTheBodysTextIsRead) {
  const std::string rtf =
      "{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0 Song;}}{\\colortbl;\\red0\\green0\\blue0;}"
      "{\\stylesheet{\\s0 Normal;}}{\\info{\\title 标题}{\\author 作者}}"
      "{\\header \\pard 页眉\\par}{\\footer \\pard 第1页\\par}"
      "{\\*\\generator Writer;}{\\*\\unknowndestination 不读}"
      "\\pard {\\listtext 一、\\tab}总体情况{\\pict\\pngblip\\bin3 }{{}\\par\n"
      "\\pard 共{\\field{\\*\\fldinst { = 2+3 }}{\\fldrslt {5}}}件"
      "{\\*\\bkmkstart mark}{\\*\\bkmkend mark}{\\v 隐藏}{\\deleted 删除}{\\v0 可见}"
      "{\\footnote \\pard 脚注\\par}\\par}";
  auto r = ReadRtf(rtf);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Lines(*r), ElementsAre("一、总体情况", "共5件可见"));
}

// A text box is a shape: its text ({\shptxt}, here a table) is read where
// the shape is anchored; the shape's properties ({\sp}) and the copy drawn
// for older readers ({\shprslt}) are not.
TEST(ReadRtf, ATextBoxIsReadWhereItIsAnchored) {
  const std::string rtf =
      "{\\rtf1\\ansi\\ansicpg936 \\pard 二、主动公开政府信息情况\\par\n"
      "\\pard {\\shp{\\*\\shpinst\\shpleft0\\shptop0{\\sp{\\sn wzName}{\\sv 文本框 1}}"
      "{\\sp{\\sn fLine}{\\sv 0}}{\\shptxt\\trowd\\cellx2000\\cellx4000"
      "\\pard\\intbl 规章\\cell 5\\cell\\row\\pard 框内说明\\par}}"
      "{\\shprslt{\\*\\do\\dobxcolumn{\\dptxbx{\\pard 规章 5\\par}}}}}\\par\n"
      "\\pard 三、收到和处理政府信息公开申请情况\\par}";
  const TableAndLines got = ReadTableAndLines(rtf);
  EXPECT_THAT(got.rows, ElementsAre("规章|5"));
  EXPECT_THAT(got.lines, ElementsAre("二、主动公开政府信息情况", "框内说明",
                                     "三、收到和处理政府信息公开申请情况"));
}

// Word's rows: \trowd, each cell's right boundary (\cellx) after its merges,
// the cells' paragraphs, \row. A cell spans the columns between its
// boundaries; merged cells across (\clmgf, \clmrg) and down (\clvmgf,
// \clvmrg) are one cell. Word writes the definition again just before
// \row; reading either gives the same grid.
TEST(ReadRtf, TablesFromRowDefinitionsAndMerges) {
  auto row = [](const std::string& def, const std::vector<std::string>& cells, bool def_at_end) {
    std::string out = "\\trowd\\trgaph108\\trleft-108" + def;
    for (const std::string& c : cells) out += "\\pard\\intbl " + c + "\\cell";
    if (def_at_end) out += "{\\trowd\\trgaph108\\trleft-108" + def + "\\row}"; else out += "\\row";
    return out + "\n";
  };
  for (bool def_at_end : {false, true}) {
    const std::string rtf =
        "{\\rtf1\\ansi\\ansicpg936 \\pard 表一\\par\n" +
        // a header cell over both value columns, by boundaries and by merge
        row("\\clvmgf\\cellx2000\\cellx6000", {"项目", "数量"}, def_at_end) +
        row("\\clvmrg\\cellx2000\\clmgf\\cellx4000\\clmrg\\cellx6000", {"", "合计", ""}, def_at_end) +
        row("\\cellx2000\\cellx4000\\cellx6000", {"规章", "1", "2"}, def_at_end) +
        "\\pard 表后\\par}";
    SCOPED_TRACE(def_at_end ? "definition before \\row too" : "definition first only");
    auto r = ReadRtf(rtf);
    ASSERT_TRUE(r.ok()) << r.status();
    const TableGrid* t = FirstTable(*r);
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(t->source_kind, "rtf");
    EXPECT_EQ(t->caption, "表一");
    EXPECT_THAT(Rows(*t), ElementsAre("项目|数量|^", "^|合计|^", "规章|1|2"));
    EXPECT_EQ(t->rows[0][0].row_span, 2);
    EXPECT_EQ(t->rows[0][1].col_span, 2);
    EXPECT_THAT(Lines(*r), ElementsAre("表一", "表后"));
  }
}

// Boundaries that differ from row to row (\cellx 2000 in the header, 2030
// below) leave a 30-twip column no cell stands on alone: 行政诉讼 and the
// second 维持 line up over it. The wider column beside it, which could go
// instead (行政复议 and 总计 both cover it too), is 总计's own.
TEST(ReadRtf, AColumnNoCellStandsOnAloneIsNoColumn) {
  auto row = [](const std::string& def, const std::vector<std::string>& cells) {
    std::string out = "\\trowd" + def;
    for (const std::string& c : cells) out += "\\pard\\intbl " + c + "\\cell";
    return out + "\\row\n";
  };
  const std::string rtf = "{\\rtf1\\ansi\\ansicpg936 \\pard 表四\\par\n" +
                          row("\\cellx2000\\cellx4000", {"行政复议", "行政诉讼"}) +
                          row("\\cellx1000\\cellx2030\\cellx4000", {"维持", "总计", "维持"}) +
                          row("\\cellx1000\\cellx2030\\cellx4000", {"1", "1", "2"}) +
                          "\\pard 表后\\par}";
  auto r = ReadRtf(rtf);
  ASSERT_TRUE(r.ok()) << r.status();
  const TableGrid* t = FirstTable(*r);
  ASSERT_NE(t, nullptr);
  EXPECT_THAT(Rows(*t), ElementsAre("行政复议|^|行政诉讼", "维持|总计|维持", "1|1|2"));
}

// A table inside a table's cell (\itap2, \nestcell, \nestrow, its layout in
// \*\nesttableprops) makes the outer one a layout container: its text and
// the inner table, in order.
TEST(ReadRtf, ANestedTableIsReadAndItsContainerIsLayout) {
  const std::string rtf =
      "{\\rtf1\\ansi\\ansicpg936 "
      "\\trowd\\cellx9000\\pard\\intbl\\itap1 外框\\par"
      "\\pard\\intbl\\itap2 项目\\nestcell 数量\\nestcell"
      "{\\*\\nesttableprops\\trowd\\cellx3000\\cellx6000\\nestrow}"
      "\\pard\\intbl\\itap2 规章\\nestcell 7\\nestcell"
      "{\\*\\nesttableprops\\trowd\\cellx3000\\cellx6000\\nestrow}"
      "{\\nonesttables 项目 数量 规章 7}"
      "\\pard\\intbl\\itap1 \\cell\\row\\pard 完\\par}";
  const TableAndLines got = ReadTableAndLines(rtf);
  EXPECT_THAT(got.rows, ElementsAre("项目|数量", "规章|7"));
  EXPECT_THAT(got.lines, ElementsAre("外框", "完"));
}

// Pictures are counted once each: Word writes each as {\*\shppict{\pict}}
// and again for older readers ({\nonshppict{\pict}}), a drawing's picture
// again in its {\shprslt}. A document of nothing but pictures is a scan,
// noted at assembly.
TEST(ReadRtf, PicturesAreCountedOnceEach) {
  const std::string pict = "{\\pict\\pngblip\\picw10\\pich10 89504e47}";
  auto r = ReadRtf("{\\rtf1\\ansi{\\pard 标题\\par}{\\*\\shppict" + pict + "}{\\nonshppict" + pict +
                   "}\\par{\\shp{\\*\\shpinst{\\sp{\\sn pib}{\\sv " + pict + "}}}{\\shprslt" + pict +
                   "}}\\par" + pict + "\\par}");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->images, 3u);
}

TEST(ReadRtf, HostileInputIsRefusedOrReadInBounds) {
  auto deep = ReadRtf("{\\rtf1 " + std::string(100000, '{') + "x");
  ASSERT_FALSE(deep.ok());
  EXPECT_THAT(deep.status().message(), HasSubstr("nests groups"));
  auto not_rtf = ReadRtf("{\\rt");
  ASSERT_FALSE(not_rtf.ok());
  // a \bin longer than the file, an unclosed group, a cut-off escape
  for (const std::string& cut : {std::string("{\\rtf1 a\\bin999999 "), std::string("{\\rtf1 {a\\par"),
                                 std::string("{\\rtf1 a\\'b"), std::string("{\\rtf1 \\u")}) {
    auto r = ReadRtf(cut);
    EXPECT_TRUE(r.ok()) << cut << ": " << r.status();
  }
  // thousands of cells in a row stop at the table budget, no crash
  std::string wide = "{\\rtf1 \\trowd";
  for (int i = 1; i <= 3000; ++i) wide += absl::StrCat("\\cellx", i * 10);
  for (int i = 0; i < 3000; ++i) wide += "\\pard\\intbl 1\\cell";
  wide += "\\row}";
  auto r = ReadRtf(wide);
  ASSERT_TRUE(r.ok()) << r.status();
}

// RTF is known by its bytes whatever it is called (systems export it as
// ".doc"), and read as a report.
TEST(ParseDocument, RtfIsReadWhateverItIsNamed) {
  const std::string rtf = kChineseHeader + "\\pard " + HexEscaped(Gbk("某县2023年政府信息公开工作年度报告")) +
                          "\\par\\pard " + HexEscaped(Gbk("一、总体情况")) + "\\par}";
  for (const char* name : {"report.rtf", "report.doc", "report.txt", ""}) {
    xxgk::v1::Document doc;
    doc.set_content(rtf);
    doc.set_file_name(name);
    EXPECT_EQ(SniffFormat(doc), "rtf") << name;
    auto report = ParseDocument(doc);
    ASSERT_TRUE(report.ok()) << name << ": " << report.status();
    EXPECT_EQ(report->source().input_format(), "rtf");
    ASSERT_GE(report->sections_size(), 1);
    EXPECT_EQ(report->sections(0).kind(), xxgk::v1::Section::GENERAL) << name;
  }
  xxgk::v1::Document typed;
  typed.set_content("anything");
  typed.set_content_type("application/rtf");
  EXPECT_EQ(SniffFormat(typed), "rtf");
  // told it is text, the answer says what it is and how to send it
  xxgk::v1::Document doc;
  doc.set_content(rtf);
  auto as_text = ParseDocument(doc, ParseOptions{"text"});
  ASSERT_FALSE(as_text.ok());
  EXPECT_THAT(as_text.status().message(), HasSubstr("--input_format=rtf"));
}

}  // namespace
}  // namespace xxgk::report
