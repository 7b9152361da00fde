// ReadPdf on PDFs produced at test time by LibreOffice from HTML: running
// text lines, tables rebuilt from word positions (wrapped labels, group
// labels spanning rows, a table crossing a page break, NA marks), pages;
// broken and password-protected files are InvalidArgument.
#include <filesystem>
#include <string>
#include <tuple>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "report/readers.h"
#include "tests/report/fixtures/read_view.h"
#include "tests/report/fixtures/soffice.h"

namespace xxgk::report {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr int kLongRows = 40;

std::string FixtureHtml() {
  std::string h =
      "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>"
      "<p>某县人民政府2024年政府信息公开工作年度报告</p><p>一、总体情况</p>"
      "<p>本年度共收到政府信息公开申请12件,全部按时办结。</p>"
      "<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\">"
      "<tr><td colspan=\"2\" width=\"50%\">项目</td><td>数量</td><td>金额</td></tr>"
      "<tr><td colspan=\"2\">一、甲类事项</td><td>1</td><td>2</td></tr>"
      "<tr><td rowspan=\"3\" width=\"15%\">二、乙类</td><td width=\"35%\">1.第一项</td>"
      "<td>3</td><td>4</td></tr>"
      "<tr><td>2.第二项很长的标签文字需要在单元格中换行显示才能完整</td><td>5</td><td>6</td></tr>"
      "<tr><td>3.第三项</td><td>7</td><td>/</td></tr>";
  for (int i = 1; i <= kLongRows; ++i) {
    h += "<tr><td colspan=\"2\">三、第" + std::to_string(i) + "项</td><td>" + std::to_string(i) +
         "</td><td>" + std::to_string(i * 2) + "</td></tr>";
  }
  h += "</table><p>二、存在的主要问题及改进情况</p><p>宣传力度不够。</p></body></html>";
  return h;
}

// Each conversion runs once per process, on first use (ctest runs every
// test in a process of its own, so tests convert only what they read).
class PdfReaderTest : public ::testing::Test {
 protected:
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  static const xxgk::testing::TempDir& Dir() {
    if (dir_ == nullptr) {
      dir_ = new xxgk::testing::TempDir();
      xxgk::testing::WriteFileBytes(dir_->path() / "fixture.html", FixtureHtml());
    }
    return *dir_;
  }

  // The fixture converted with `target` into `subdir`; fails the test with
  // soffice's message when the conversion fails.
  static std::string Convert(const std::string& target, const std::string& subdir) {
    const auto out = Dir().path() / subdir;
    if (!std::filesystem::exists(out / "fixture.pdf")) {
      const std::string error = xxgk::testing::ConvertWithSoffice(
          {Dir().path() / "fixture.html"}, target, out, Dir().path() / "profile");
      EXPECT_EQ(error, "");
    }
    return xxgk::testing::ReadFileBytes(out / "fixture.pdf");
  }
  static std::string Pdf() { return Convert("pdf:writer_pdf_Export", "plain"); }
  static std::string EncryptedPdf() {
    return Convert(
        "pdf:writer_pdf_Export:{\"EncryptFile\":{\"type\":\"boolean\",\"value\":\"true\"},"
        "\"DocumentOpenPassword\":{\"type\":\"string\",\"value\":\"secret\"}}",
        "enc");
  }

  static xxgk::testing::TempDir* dir_;
};

xxgk::testing::TempDir* PdfReaderTest::dir_ = nullptr;

const std::vector<GridCell>* FindRow(const TableGrid& t, const std::string& label) {
  for (const auto& row : t.rows) {
    for (const GridCell& c : row) {
      if (c.text == label) return &row;
    }
  }
  return nullptr;
}

std::vector<std::string> Texts(const std::vector<GridCell>& row) {
  std::vector<std::string> out;
  for (const GridCell& c : row) out.push_back(c.text);
  return out;
}

TEST_F(PdfReaderTest, RunningTextBecomesLines) {
  auto r = ReadPdf(Pdf());
  ASSERT_TRUE(r.ok()) << r.status();
  std::vector<std::string> lines;
  for (const Block& b : r->blocks) {
    if (b.kind == Block::Kind::kLine) {
      lines.push_back(b.text);
      EXPECT_GE(b.page, 1u);
    }
  }
  EXPECT_THAT(lines, ElementsAre("某县人民政府2024年政府信息公开工作年度报告", "一、总体情况",
                                 "本年度共收到政府信息公开申请12件,全部按时办结。",
                                 "二、存在的主要问题及改进情况", "宣传力度不够。"));
  EXPECT_EQ(r->source.input_format(), "pdf");
}

TEST_F(PdfReaderTest, TableIsRebuiltFromPositions) {
  auto r = ReadPdf(Pdf());
  ASSERT_TRUE(r.ok()) << r.status();
  std::vector<const Block*> tables;
  for (const Block& b : r->blocks) {
    if (b.kind == Block::Kind::kTable) tables.push_back(&b);
  }
  ASSERT_EQ(tables.size(), 1u);
  const TableGrid& t = tables[0]->table;
  EXPECT_EQ(t.source_kind, "pdf");
  EXPECT_EQ(t.caption, "本年度共收到政府信息公开申请12件,全部按时办结。");
  // Two label columns and two value columns.
  ASSERT_FALSE(t.rows.empty());
  for (const auto& row : t.rows) ASSERT_EQ(row.size(), 4u);
  const auto* header = FindRow(t, "数量");
  ASSERT_NE(header, nullptr);
  EXPECT_EQ((*header)[3].text, "金额");

  const auto* a = FindRow(t, "一、甲类事项");
  ASSERT_NE(a, nullptr);
  EXPECT_THAT(Texts(*a), ElementsAre("一、甲类事项", "一、甲类事项", "1", "2"));
  EXPECT_TRUE((*a)[1].continuation);

  const auto* b1 = FindRow(t, "1.第一项");
  ASSERT_NE(b1, nullptr);
  EXPECT_THAT(Texts(*b1), ElementsAre("二、乙类", "1.第一项", "3", "4"));
  const auto* b2 = FindRow(t, "2.第二项很长的标签文字需要在单元格中换行显示才能完整");
  ASSERT_NE(b2, nullptr) << "wrapped label not merged";
  EXPECT_THAT(Texts(*b2), ElementsAre("二、乙类", "2.第二项很长的标签文字需要在单元格中换行显示才能完整",
                                      "5", "6"));
  EXPECT_TRUE((*b2)[0].continuation);
  const auto* b3 = FindRow(t, "3.第三项");
  ASSERT_NE(b3, nullptr);
  EXPECT_THAT(Texts(*b3), ElementsAre("二、乙类", "3.第三项", "7", "/"));

  // Every row of the long part, across the page break.
  for (int i = 1; i <= kLongRows; ++i) {
    const std::string label = "三、第" + std::to_string(i) + "项";
    const auto* row = FindRow(t, label);
    ASSERT_NE(row, nullptr) << label;
    EXPECT_EQ((*row)[2].text, std::to_string(i)) << label;
    EXPECT_EQ((*row)[3].text, std::to_string(i * 2)) << label;
  }
}

TEST_F(PdfReaderTest, PagesAreCountedAndTablesCrossPageBreaks) {
  auto r = ReadPdf(Pdf());
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_GE(r->source.pages(), 2u);
  uint32_t table_page = 0, last_line_page = 0;
  for (const Block& b : r->blocks) {
    if (b.kind == Block::Kind::kTable) table_page = b.page;
    if (b.kind == Block::Kind::kLine) last_line_page = b.page;
  }
  EXPECT_GE(table_page, 1u);
  EXPECT_GT(last_line_page, table_page);
  EXPECT_LE(last_line_page, r->source.pages());
}

TEST_F(PdfReaderTest, PasswordProtectedIsInvalidArgument) {
  const std::string pdf = EncryptedPdf();
  ASSERT_FALSE(pdf.empty());
  auto r = ReadPdf(pdf);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(r.status().message()), HasSubstr("password"));
}

TEST_F(PdfReaderTest, BrokenInputIsInvalidArgumentOrReadableNeverACrash) {
  auto garbage = ReadPdf("%PDF-1.7\nthis is not really a pdf\n%%EOF");
  ASSERT_FALSE(garbage.ok());
  EXPECT_EQ(garbage.status().code(), absl::StatusCode::kInvalidArgument);
  auto empty = ReadPdf("");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().code(), absl::StatusCode::kInvalidArgument);
  const std::string pdf = Pdf();
  ASSERT_FALSE(pdf.empty());
  for (size_t cut : {pdf.size() / 3, pdf.size() / 2, pdf.size() - 100}) {
    auto r = ReadPdf(std::string_view(pdf).substr(0, cut));
    if (!r.ok()) {
      EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
    }
  }
}

// A one-page PDF drawing each (x, y, text) with Helvetica 12, built by hand
// with a correct cross-reference table.
struct Placed {
  int x, y;
  std::string text;
};
// A PDF file of the objects `objs` (object 1 the catalog), with its
// cross-reference table.
std::string PdfFile(const std::vector<std::string>& objs) {
  std::string out = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objs.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objs[i] + "\nendobj\n";
  }
  const size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objs.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t off : offsets) {
    std::string n = std::to_string(off);
    out += std::string(10 - n.size(), '0') + n + " 00000 n \n";
  }
  out += "trailer\n<< /Size " + std::to_string(objs.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

// A one-page PDF of `items` in Helvetica, drawing `images` one-pixel image
// XObjects over the page, the first with a soft mask (itself an image) when
// `soft_mask` is set.
std::string MinimalPdf(const std::vector<Placed>& items, int images = 0, bool soft_mask = false) {
  std::string content;
  for (const Placed& p : items) {
    content += "BT /F1 12 Tf " + std::to_string(p.x) + " " + std::to_string(p.y) + " Td (" +
               p.text + ") Tj ET\n";
  }
  std::string xobjects;
  for (int i = 0; i < images; ++i) {
    const std::string name = "/Im" + std::to_string(i + 1);
    xobjects += name + " " + std::to_string(6 + i) + " 0 R ";
    content += "q 595 0 0 842 0 0 cm " + name + " Do Q\n";
  }
  std::vector<std::string> objs = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R "
      ">> /XObject << " + xobjects + ">> /ProcSet [/PDF /Text /ImageB /ImageC /ImageI] >> "
      "/Contents 5 0 R >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream"};
  const std::string pixel =
      " /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\n"
      "stream\n\x80\nendstream";
  for (int i = 0; i < images; ++i) {
    const bool masked = soft_mask && i == 0;
    objs.push_back("<< /Type /XObject /Subtype\n/Image" +
                   (masked ? " /SMask " + std::to_string(6 + images) + " 0 R" : std::string()) +
                   pixel);
  }
  if (soft_mask && images > 0) objs.push_back("<< /Type /XObject /Subtype /Image" + pixel);
  return PdfFile(objs);
}

// A one-page PDF of lines of hex-coded text (`hex_lines`) in the CID font
// `font` (`cid_type`, of the character collection `ordering`) reached
// through the CMap `encoding`, with no ToUnicode map.
std::string CidFontPdf(const std::vector<std::string>& hex_lines, const std::string& font,
                       const std::string& encoding, const std::string& cid_type,
                       const std::string& ordering) {
  std::string content;
  for (size_t l = 0; l < hex_lines.size(); ++l) {
    content += "BT /F1 12 Tf 50 " + std::to_string(800 - 24 * static_cast<int>(l)) + " Td <" +
               hex_lines[l] + "> Tj ET\n";
  }
  return PdfFile({
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R "
      ">> >> /Contents 5 0 R >>",
      "<< /Type /Font /Subtype /Type0 /BaseFont /" + font + " /Encoding /" + encoding +
          " /DescendantFonts [6 0 R] >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream",
      "<< /Type /Font /Subtype /" + cid_type + " /BaseFont /" + font + " /CIDSystemInfo << " +
          ordering + " >> /FontDescriptor 7 0 R /DW 1000 >>",
      "<< /Type /FontDescriptor /FontName /" + font +
          " /Flags 4 /FontBBox [0 -140 1000 860] /ItalicAngle 0 /Ascent 860 /Descent -140 "
          "/CapHeight 700 /StemV 80 >>"});
}

// A one-page PDF of `lines` lines in a CID font with an Identity encoding
// and no ToUnicode map, each line `glyphs` glyph numbers from `first` on
// (steps of 37, below 1500: a subset font's numbers), as some producers
// embed Chinese fonts: the page shows text, the text layer is glyph numbers.
std::string IdentityFontPdf(int lines, int glyphs, int first) {
  std::vector<std::string> hex_lines(static_cast<size_t>(lines));
  int g = first;
  for (std::string& line : hex_lines) {
    for (int i = 0; i < glyphs; ++i, g = 1 + (g + 36) % 1500) {
      static const char kHex[] = "0123456789ABCDEF";
      for (int shift = 12; shift >= 0; shift -= 4) line.push_back(kHex[(g >> shift) & 15]);
    }
  }
  return CidFontPdf(hex_lines, "AAAAAA+SimSun", "Identity-H", "CIDFontType2",
                    "/Registry (Adobe) /Ordering (Identity) /Supplement 0");
}

// A table laid out by its content (no widths, no borders, no padding), as
// report pages often are: rows as close as the lines of a wrapped label, a
// band row (第二十条第(五)项) spanning the table, header rows inside it, and
// labels that fill their cells ending only a space before their numbers.
// Each row keeps its own label, and the number reads as a value: of a
// one-value row when it stands in a value column of the rows above
// (行政事业性收费 316441), and ahead of the other values of its row
// (…不计其他 2120 39 …).
TEST(PdfReaderContentWidths, ALabelEndingCloseBeforeItsNumberKeepsTheNumber) {
  xxgk::testing::TempDir dir;
  const std::string html =
      "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>"
      "<p>二、主动公开政府信息情况</p><table>"
      "<tr><td colspan=\"4\">第二十条第(一)项</td></tr>"
      "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
      "<tr><td>规章</td><td>3</td><td>5</td><td>74</td></tr>"
      "<tr><td>行政规范性文件</td><td>564</td><td>984</td><td>4185</td></tr>"
      "<tr><td colspan=\"4\">第二十条第(五)项</td></tr>"
      "<tr><td>信息内容</td><td colspan=\"3\">本年处理决定数量</td></tr>"
      "<tr><td>行政许可</td><td colspan=\"3\">11398889</td></tr>"
      "<tr><td colspan=\"4\">第二十条第(八)项</td></tr>"
      "<tr><td>信息内容</td><td colspan=\"3\">本年收费金额(单位:万元)</td></tr>"
      "<tr><td>行政事业性收费</td><td colspan=\"3\">316441</td></tr>"
      "</table><p>三、收到和处理政府信息公开申请情况</p><table>"
      "<tr><td>(一)予以公开</td><td>5345</td><td>129</td><td>0</td><td>5474</td></tr>"
      "<tr><td>(二)部分公开(区分处理的,只计这一情形,不计其他情形)</td>"
      "<td>2120</td><td>39</td><td>0</td><td>2159</td></tr>"
      "<tr><td>(三)其他</td><td>7</td><td>1</td><td>0</td><td>8</td></tr>"
      "</table><p>四、其他</p></body></html>";
  xxgk::testing::WriteFileBytes(dir.path() / "widths.html", html);
  ASSERT_EQ(xxgk::testing::ConvertWithSoffice({dir.path() / "widths.html"}, "pdf:writer_pdf_Export",
                                              dir.path() / "out", dir.path() / "profile"),
            "");
  auto r = ReadPdf(xxgk::testing::ReadFileBytes(dir.path() / "out" / "widths.pdf"));
  ASSERT_TRUE(r.ok()) << r.status();
  std::vector<const TableGrid*> tables;
  for (const Block& b : r->blocks) {
    if (b.kind == Block::Kind::kTable) tables.push_back(&b.table);
  }
  ASSERT_EQ(tables.size(), 2u);
  const auto* fees = FindRow(*tables[0], "行政事业性收费");
  ASSERT_NE(fees, nullptr) << [&] {
    std::string all;
    for (const auto& row : tables[0]->rows) {
      for (const auto& c : row) all += c.text + " | ";
      all += "\n";
    }
    return all;
  }();
  EXPECT_THAT(Texts(*fees), ::testing::Contains("316441"));
  const auto* rules = FindRow(*tables[0], "规章");
  ASSERT_NE(rules, nullptr);
  EXPECT_THAT(Texts(*rules), ::testing::ElementsAre("规章", "3", "5", "74"));
  const auto* band = FindRow(*tables[0], "第二十条第(五)项");
  ASSERT_NE(band, nullptr);
  EXPECT_NE(FindRow(*tables[0], "行政许可"), nullptr);
  const auto* partial = FindRow(*tables[1], "(二)部分公开(区分处理的,只计这一情形,不计其他情形)");
  ASSERT_NE(partial, nullptr);
  EXPECT_THAT(Texts(*partial), ::testing::ElementsAre("(二)部分公开(区分处理的,只计这一情形,不计其他情形)",
                                                      "2120", "39", "0", "2159"));
}

TEST(PdfReaderMinimal, ColumnsComeFromNumberPositions) {
  std::vector<Placed> items = {{72, 760, "Annual report"}};
  int y = 700;
  for (auto [label, a, b] : std::vector<std::tuple<std::string, std::string, std::string>>{
           {"Row one", "1", "2"}, {"Row two", "30", "-"}, {"Total", "31", "2"}}) {
    items.push_back({80, y, label});
    items.push_back({300, y, a});
    items.push_back({400, y, b});
    y -= 20;
  }
  items.push_back({72, 560, "After the table."});
  auto r = ReadPdf(MinimalPdf(items));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->source.pages(), 1u);
  ASSERT_EQ(r->blocks.size(), 3u);
  EXPECT_EQ(r->blocks[0].text, "Annual report");
  EXPECT_EQ(r->blocks[0].page, 1u);
  ASSERT_EQ(r->blocks[1].kind, Block::Kind::kTable);
  const TableGrid& t = r->blocks[1].table;
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_THAT(Texts(t.rows[0]), ElementsAre("Row one", "1", "2"));
  EXPECT_THAT(Texts(t.rows[1]), ElementsAre("Row two", "30", "-"));
  EXPECT_THAT(Texts(t.rows[2]), ElementsAre("Total", "31", "2"));
  EXPECT_EQ(r->blocks[2].text, "After the table.");
}

TEST(PdfReaderMinimal, NoTextLayerIsReportedNotInvented) {
  auto r = ReadPdf(MinimalPdf({}));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(r->blocks.empty());
  ASSERT_EQ(r->notes.size(), 1u);
  EXPECT_EQ(r->notes[0].kind(), xxgk::v1::ReadingNote::NO_TEXT_LAYER);
  EXPECT_THAT(r->notes[0].message(), HasSubstr("1 page is pictures"));
}

// The pictures a PDF holds are its image XObjects, less the soft masks
// other images refer to; the names of the ProcSet (/ImageB …) are none.
TEST(PdfReaderMinimal, PicturesAreItsImagesWithoutTheirSoftMasks) {
  auto plain = ReadPdf(MinimalPdf({{72, 780, "Annual report"}}));
  ASSERT_TRUE(plain.ok()) << plain.status();
  EXPECT_EQ(plain->images, 0u);
  auto masked = ReadPdf(MinimalPdf({{72, 780, "Annual report"}}, 2, true));
  ASSERT_TRUE(masked.ok()) << masked.status();
  EXPECT_EQ(masked->images, 2u);
  ASSERT_EQ(masked->blocks.size(), 1u);
  EXPECT_EQ(masked->blocks[0].text, "Annual report");
}

// A PDF of page pictures under a title (a scan with a line of text, or page
// numbers, set over it) is noted once as holding no report text, as one of
// pictures alone is; one with text enough of its own is not, whatever
// pictures it also holds.
TEST(PdfReaderMinimal, AScanUnderALineOfTextIsNotedOnce) {
  auto notes = [](const std::vector<Placed>& items, int images) {
    return xxgk::testing::NoTextLayerNotes(MinimalPdf(items, images), "report.pdf");
  };
  EXPECT_THAT(notes({{72, 800, "Annual report 2024"}, {280, 20, "Page 1 of 3"}}, 3),
              ElementsAre(HasSubstr("3张图片 the pdf file holds no report text, only 3 pictures "
                                    "(its pages scanned?)")));
  EXPECT_THAT(notes({}, 3), ElementsAre(HasSubstr("the PDF file has no text layer")));
  std::vector<Placed> prose;
  for (int y = 800; y > 300; y -= 20) {
    prose.push_back({72, y, "The agency answered every request in time."});
  }
  EXPECT_THAT(notes(prose, 3), ::testing::IsEmpty());
}

// Lines of text in Adobe's standard Chinese font, not embedded, through a
// predefined CMap (`cmap`: UniGB-UCS2-H takes UTF-16 codes, GBK-EUC-H GBK
// bytes) and no ToUnicode map, as PDFs made by server-side libraries are:
// the text is read through the CMaps of the poppler-data package.
std::string StandardChineseFontPdf(const std::string& cmap,
                                   const std::vector<std::string>& hex_lines) {
  return CidFontPdf(hex_lines, "STSong-Light", cmap, "CIDFontType0",
                    "/Registry (Adobe) /Ordering (GB1) /Supplement 4");
}

TEST(PdfReaderMinimal, TextInTheStandardChineseFontIsRead) {
  // 一、总体情况 / 公开信息12条。
  auto ucs2 = ReadPdf(StandardChineseFontPdf(
      "UniGB-UCS2-H", {"4E003001603B4F5360C551B5", "516C5F004FE1606F0031003267613002"}));
  ASSERT_TRUE(ucs2.ok()) << ucs2.status();
  EXPECT_TRUE(ucs2->notes.empty()) << ucs2->notes[0].message();
  std::vector<std::string> lines;
  for (const Block& b : ucs2->blocks) lines.push_back(b.text);
  EXPECT_THAT(lines, ElementsAre("一、总体情况", "公开信息12条。"));
  auto gbk = ReadPdf(StandardChineseFontPdf("GBK-EUC-H", {"D2BBA1A2D7DCCCE5C7E9BFF6"}));
  ASSERT_TRUE(gbk.ok()) << gbk.status();
  ASSERT_EQ(gbk->blocks.size(), 1u);
  EXPECT_EQ(gbk->blocks[0].text, "一、总体情况");
}

// A text layer of glyph numbers (a font embedded with no map to
// characters) is noted as no text, with a sample of what it holds; a line or
// two of it is not enough to tell.
TEST(PdfReaderMinimal, GlyphNumbersForTextAreNotedAsNoText) {
  auto r = ReadPdf(IdentityFontPdf(20, 25, 300));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_FALSE(r->blocks.empty());
  ASSERT_EQ(r->notes.size(), 1u);
  EXPECT_EQ(r->notes[0].kind(), xxgk::v1::ReadingNote::NO_TEXT_LAYER);
  EXPECT_THAT(r->notes[0].message(), HasSubstr("text layer is not text"));
  EXPECT_FALSE(r->notes[0].excerpt().empty());
  auto short_run = ReadPdf(IdentityFontPdf(1, 25, 300));
  ASSERT_TRUE(short_run.ok()) << short_run.status();
  EXPECT_TRUE(short_run->notes.empty());
}

}  // namespace
}  // namespace xxgk::report
