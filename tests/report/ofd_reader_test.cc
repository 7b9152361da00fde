// ReadOfd on OFD files written at test time (tests/report/fixtures/ofd_writer.h):
// characters placed by Boundary, CTM, Size and DeltaX (also "g N v") become
// words, lines and tables; template pages, page blocks and the three ways
// parts name each other; turned text and page numbers left out; damaged and
// hostile packages refused or noted, never crashing.
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "report/parse.h"
#include "report/readers.h"
#include "tests/report/fixtures/ofd_writer.h"
#include "tests/report/fixtures/read_view.h"

namespace xxgk::report {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using xxgk::testing::Lines;
using xxgk::testing::OfdEntries;
using xxgk::testing::OfdFile;
using xxgk::testing::OfdPageSpec;
using xxgk::testing::OfdSpec;
using xxgk::testing::RowTexts;
using xxgk::testing::Tables;
using xxgk::testing::Text;

OfdSpec OnePage(const std::string& objects) {
  OfdSpec spec;
  spec.pages.push_back({objects, "", ""});
  return spec;
}

std::vector<std::string> NoteTexts(const ReadResult& r) {
  std::vector<std::string> out;
  for (const auto& n : r.notes) out.push_back(n.message());
  return out;
}

// Running text: one object per line, words of a line in separate objects,
// Latin words with spaces, advances written out and as "g N v".
const std::string kProse =
    Text(25, 40, 5, "某县人民政府2024年政府信息公开工作年度报告") +
    Text(25, 52, 4, "一、总体情况") +
    Text(25, 62, 4, "本年度共收到申请") + Text(57, 62, 4, "12件。") +
    "<ofd:TextObject ID=\"9\" Boundary=\"25 66 100 6\" Size=\"4\"><ofd:TextCode X=\"0\" Y=\"4\" "
    "DeltaX=\"2 2 2 2 2\">Open Data</ofd:TextCode></ofd:TextObject>";

TEST(OfdReader, CharactersPlacedOnThePageBecomeLines) {
  auto r = ReadOfd(OfdFile(OnePage(kProse)));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Lines(*r), ElementsAre("某县人民政府2024年政府信息公开工作年度报告", "一、总体情况",
                                     "本年度共收到申请12件。", "Open Data"));
  EXPECT_EQ(r->source.input_format(), "ofd");
  EXPECT_EQ(r->source.pages(), 1u);
  EXPECT_TRUE(r->notes.empty()) << NoteTexts(*r)[0];
}

// Printer-driver style: every character an object of its own, at its
// font's advance (CJK an em, digits a little over half of one).
TEST(OfdReader, OneObjectPerCharacterJoinsIntoWords) {
  std::string objects;
  double x = 25;
  for (const char* c : {"本", "年", "收", "到", "申", "请", "1", "2", "0", "件", "。"}) {
    objects += Text(x, 60, 4, c);
    x += std::string(c).size() == 1 ? 2.2 : 4;
  }
  auto r = ReadOfd(OfdFile(OnePage(objects)));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Lines(*r), ElementsAre("本年收到申请120件。"));
  EXPECT_TRUE(Tables(*r).empty());
}

// The shape of a page printed to OFD by a common driver: every glyph an
// object of its own, three page blocks deep, the object space scaled by a
// CTM of 0.05, colour and glyph-index children beside the text code.
TEST(OfdReader, PrintedGlyphByGlyphUnderAScalingCtm) {
  auto glyph = [](double x, double y, const std::string& c, bool narrow) {
    return "<ofd:TextObject ID=\"7\" Boundary=\"" + xxgk::testing::OfdNum(x) + " " +
           xxgk::testing::OfdNum(y) + (narrow ? " 1.8433" : " 3.6865") +
           " 3.6865\" Size=\"73.73059844970703\" CTM=\"0.05 0 0 0.05 0 0\" Fill=\"true\" "
           "Font=\"8\"><ofd:FillColor Value=\"0 0 0\" Alpha=\"255\"/><ofd:CGTransform "
           "GlyphCount=\"1\" CodeCount=\"1\" CodePosition=\"0\"><ofd:Glyphs>1</ofd:Glyphs>"
           "</ofd:CGTransform><ofd:TextCode X=\"0\" Y=\"63.3622\">" + c +
           "</ofd:TextCode></ofd:TextObject>";
  };
  std::string objects;
  double x = 31.75;
  for (const char* c : {"某", "县", "政", "务", "公", "开", "年", "报"}) {
    objects += glyph(x, 25.9325, c, false);
    x += 3.6831;
  }
  x = 31.75;
  for (const char* c : {"发", "布", "日", "期", ":", "2", "0", "2", "4", "-", "0", "1", "-", "1", "5"}) {
    const bool narrow = std::string(c).size() == 1;
    objects += glyph(x, 30.7585, c, narrow);
    x += *c == ':' ? 3.683 : narrow ? 1.8625 : 3.6831;
  }
  OfdSpec spec = OnePage("<ofd:PageBlock ID=\"4\"><ofd:PageBlock ID=\"5\"><ofd:PageBlock ID=\"6\">" +
                         objects + "</ofd:PageBlock></ofd:PageBlock></ofd:PageBlock>");
  spec.pages[0].area = "0 0 215.9000 279.4000";
  auto r = ReadOfd(OfdFile(spec));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Lines(*r), ElementsAre("某县政务公开年报", "发布日期: 2024-01-15"));
}

// A table as converters draw one: a header line, then per row a label and
// values in columns, a group label on the left of two rows.
std::string TableObjects(double dy = 0) {
  std::string t = Text(25, 80 + dy, 3.5, "项目") + Text(122, 80 + dy, 3.5, "数量") +
                  Text(162, 80 + dy, 3.5, "金额");
  const char* labels[] = {"一、甲类事项", "二、乙类事项", "三、丙类事项"};
  for (int i = 0; i < 3; ++i) {
    const double y = 88 + dy + 8 * i;
    t += Text(25, y, 3.5, labels[i]) + Text(122, y, 3.5, std::to_string(i + 1), 1.8) +
         Text(162, y, 3.5, std::to_string(10 * (i + 1)), 1.8);
  }
  return t;
}

TEST(OfdReader, TableIsRebuiltFromPositions) {
  auto r = ReadOfd(OfdFile(OnePage(Text(25, 60, 4, "表一 情况统计") + TableObjects())));
  ASSERT_TRUE(r.ok()) << r.status();
  auto tables = Tables(*r);
  ASSERT_EQ(tables.size(), 1u);
  const TableGrid& t = *tables[0];
  EXPECT_EQ(t.source_kind, "ofd");
  ASSERT_EQ(t.rows.size(), 4u);
  EXPECT_THAT(RowTexts(t, 0), ElementsAre("项目", "数量", "金额"));
  EXPECT_THAT(RowTexts(t, 1), ElementsAre("一、甲类事项", "1", "10"));
  EXPECT_THAT(RowTexts(t, 3), ElementsAre("三、丙类事项", "3", "30"));
  // Between CJK words a space is typography, as in a PDF.
  EXPECT_THAT(Lines(*r), ElementsAre("表一情况统计"));
}

// One text code holding a whole table row: the gaps between cells are
// advances, not spaces, and still part the cells.
TEST(OfdReader, WideAdvancesInsideOneTextCodeSplitWords) {
  std::string row = "<ofd:TextObject ID=\"3\" Boundary=\"25 80 170 6\" Size=\"3.5\"><ofd:TextCode "
                    "X=\"0\" Y=\"3.5\" DeltaX=\"3.5 3.5 3.5 3.5 3.5 80 2 40\">一、甲类事项110"
                    "</ofd:TextCode></ofd:TextObject>";
  std::string rows = Text(25, 76, 3.5, "项目") + Text(123.5, 76, 3.5, "数量") +
                     Text(165.5, 76, 3.5, "金额") + row +
                     Text(25, 92, 3.5, "二、乙类事项") + Text(123.5, 92, 3.5, "2", 1.8) +
                     Text(165.5, 92, 3.5, "20", 1.8);
  auto r = ReadOfd(OfdFile(OnePage(rows)));
  ASSERT_TRUE(r.ok()) << r.status();
  auto tables = Tables(*r);
  ASSERT_EQ(tables.size(), 1u);
  ASSERT_EQ(tables[0]->rows.size(), 3u);
  EXPECT_THAT(RowTexts(*tables[0], 1), ElementsAre("一、甲类事项", "11", "0"));
  EXPECT_THAT(RowTexts(*tables[0], 2), ElementsAre("二、乙类事项", "2", "20"));
}

// Object space in points mapped by a CTM reads as the same text in
// millimetres; text turned on the page (a watermark) is left out.
TEST(OfdReader, CtmScalesObjectSpaceAndTurnedTextIsLeftOut) {
  const double k = 25.4 / 72;  // mm per point
  std::string scaled =
      "<ofd:TextObject ID=\"3\" Boundary=\"25 36 200 8\" Size=\"14.17\" CTM=\"" +
      xxgk::testing::OfdNum(k) + " 0 0 " + xxgk::testing::OfdNum(k) +
      " 0 0\"><ofd:TextCode X=\"0\" Y=\"14.17\" DeltaX=\"g 5 14.17\">一、总体情况</ofd:TextCode>"
      "</ofd:TextObject>"
      "<ofd:TextObject ID=\"4\" Boundary=\"60 120 100 100\" Size=\"20\" "
      "CTM=\"0.707 0.707 -0.707 0.707 50 0\"><ofd:TextCode X=\"0\" Y=\"20\" DeltaX=\"g 3 20\">"
      "内部资料</ofd:TextCode></ofd:TextObject>";
  // Glyph positions in page points, the CTM taking the Boundary's corner
  // back off (as some producers write): "正文。" continues the line at 40 mm.
  const std::string in_page_points =
      "<ofd:TextObject ID=\"5\" Boundary=\"40 45 20 6\" Size=\"14.17\" CTM=\"" +
      xxgk::testing::OfdNum(k) + " 0 0 " + xxgk::testing::OfdNum(k) +
      " -40 -45\"><ofd:TextCode X=\"113.39\" Y=\"141.73\" DeltaX=\"g 2 14.17\">正文。"
      "</ofd:TextCode></ofd:TextObject>";
  auto r = ReadOfd(OfdFile(OnePage(Text(25, 20, 5, "某县2024年报告") + scaled +
                                   Text(25, 50, 5, "本年度") + in_page_points)));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Lines(*r), ElementsAre("某县2024年报告", "一、总体情况", "本年度正文。"));
}

// Template text (a running head) is read with every page using it; a page
// number in the bottom margin is not content; a page may set its own size.
TEST(OfdReader, TemplatePagesAndPageNumbers) {
  OfdSpec spec;
  spec.templates["7"] = Text(80, 12, 3, "某县人民政府办公室");
  spec.pages.push_back({Text(25, 60, 4, "第一页正文。") + Text(100, 285, 3, "- 1 -"), "7", ""});
  spec.pages.push_back({Text(25, 60, 4, "第二页正文。") + Text(100, 420, 3, "2"), "7",
                        "0 0 297 420"});
  auto r = ReadOfd(OfdFile(spec));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Lines(*r), ElementsAre("某县人民政府办公室", "第一页正文。", "某县人民政府办公室",
                                     "第二页正文。"));
  EXPECT_EQ(r->source.pages(), 2u);
  ASSERT_EQ(r->blocks.size(), 4u);
  EXPECT_EQ(r->blocks[3].page, 2u);
}

TEST(OfdReader, PartsNamedRelativeAbsoluteOrFromTheRootReadAlike) {
  for (const char* names : {"relative", "absolute", "root"}) {
    SCOPED_TRACE(names);
    OfdSpec spec = OnePage(kProse);
    spec.templates["5"] = Text(80, 12, 3, "页眉");
    spec.pages[0].template_id = "5";
    spec.names = names;
    spec.deflate = std::string(names) != "root";
    auto r = ReadOfd(OfdFile(spec));
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_EQ(Lines(*r).size(), 5u);
    EXPECT_EQ(Lines(*r).front(), "页眉");
    EXPECT_TRUE(r->notes.empty());
  }
}

TEST(OfdReader, PageBlocksAreReadAndDeepNestingIsBounded) {
  std::string nested = Text(25, 60, 4, "深处文字");
  for (int i = 0; i < 200; ++i) nested = "<ofd:PageBlock ID=\"9\">" + nested + "</ofd:PageBlock>";
  auto r = ReadOfd(OfdFile(OnePage(
      "<ofd:PageBlock ID=\"8\">" + Text(25, 40, 4, "块中文字") + "</ofd:PageBlock>" + nested)));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Lines(*r), ElementsAre("块中文字"));
}

TEST(OfdReader, HostileAdvancesAndAttributesDoNotBreakReading) {
  auto code = [](const std::string& attrs, const std::string& text) {
    return "<ofd:TextObject ID=\"3\" Boundary=\"25 36 100 8\" Size=\"4\"><ofd:TextCode X=\"0\" "
           "Y=\"4\" " + attrs + ">" + text + "</ofd:TextCode></ofd:TextObject>";
  };
  std::string objects =
      code("DeltaX=\"g 4000000000 4\"", "一二三") +
      Text(25, 52, 4, "") +
      "<ofd:TextObject ID=\"4\" Boundary=\"25 56 100 8\" Size=\"4\"><ofd:TextCode X=\"0\" Y=\"4\" "
      "DeltaX=\"g -3 4 x 1e999\">四五六</ofd:TextCode></ofd:TextObject>"
      "<ofd:TextObject ID=\"5\" Boundary=\"nan 1 2 3\" Size=\"4\"><ofd:TextCode>坏框</ofd:TextCode>"
      "</ofd:TextObject>"
      "<ofd:TextObject ID=\"6\" Boundary=\"25 70 100 8\" Size=\"-4\"><ofd:TextCode>负字号"
      "</ofd:TextCode></ofd:TextObject>"
      "<ofd:TextObject ID=\"7\" Boundary=\"25 80 100 8\" Size=\"4\" CTM=\"1 0 0\"><ofd:TextCode>"
      "坏矩阵</ofd:TextCode></ofd:TextObject>";
  auto r = ReadOfd(OfdFile(OnePage(objects)));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Lines(*r), ElementsAre("一二三", "四五六"));
}

TEST(OfdReader, UnreadablePageIsNotedAndTheOthersRead) {
  OfdSpec spec;
  spec.pages.push_back({Text(25, 60, 4, "第一页正文。"), "", ""});
  spec.pages.push_back({Text(25, 60, 4, "丢失的页。"), "", ""});
  spec.pages.push_back({Text(25, 60, 4, "第三页正文。"), "", ""});
  xxgk::testing::ZipEntries entries = OfdEntries(spec);
  for (auto& [name, content] : entries) {
    if (name == "Doc_0/Pages/Page_1/Content.xml") name = "Doc_0/Pages/Page_1/Lost.xml";
    if (name == "Doc_0/Pages/Page_2/Content.xml") content = "<ofd:Page><ofd:Content>";
  }
  auto r = ReadOfd(xxgk::testing::MakeZip(entries));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Lines(*r), ElementsAre("第一页正文。"));
  ASSERT_EQ(r->notes.size(), 2u);
  EXPECT_EQ(r->notes[0].span().page(), 2u);
  EXPECT_THAT(r->notes[0].message(), HasSubstr("page 2 could not be read"));
  EXPECT_EQ(r->notes[1].span().page(), 3u);
  EXPECT_THAT(r->notes[1].message(), HasSubstr("not well-formed XML"));
}

TEST(OfdReader, NoTextAndSeveralDocumentsAreNoted) {
  auto empty = ReadOfd(OfdFile(OnePage("<ofd:PathObject ID=\"3\" Boundary=\"0 0 10 10\"/>")));
  ASSERT_TRUE(empty.ok()) << empty.status();
  EXPECT_TRUE(Lines(*empty).empty());
  EXPECT_THAT(NoteTexts(*empty), ElementsAre(HasSubstr("no text layer: its 1 page is pictures")));
  EXPECT_EQ(empty->notes[0].kind(), xxgk::v1::ReadingNote::NO_TEXT_LAYER);

  xxgk::testing::ZipEntries entries = OfdEntries(OnePage(kProse));
  std::string& ofd = entries[0].second;
  const std::string body = ofd.substr(ofd.find("<ofd:DocBody>"),
                                      ofd.find("</ofd:OFD>") - ofd.find("<ofd:DocBody>"));
  ofd.insert(ofd.find("</ofd:OFD>"), body);
  auto two = ReadOfd(xxgk::testing::MakeZip(entries));
  ASSERT_TRUE(two.ok()) << two.status();
  EXPECT_EQ(Lines(*two).size(), 4u);
  EXPECT_THAT(NoteTexts(*two), ElementsAre(HasSubstr("holds 2 documents; only the first")));
}

// Image objects are counted, in a page block too: a file of page pictures
// under a title is a scan (report/assemble.cc).
TEST(OfdReader, ImageObjectsAreCounted) {
  const std::string image = "<ofd:ImageObject ID=\"8\" Boundary=\"0 0 210 297\" ResourceID=\"1\"/>";
  auto r = ReadOfd(OfdFile(OnePage(Text(25, 20, 4, "年度报告") + image +
                                   "<ofd:PageBlock ID=\"9\">" + image + "</ofd:PageBlock>")));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Lines(*r), ElementsAre("年度报告"));
  EXPECT_EQ(r->images, 2u);
}

TEST(OfdReader, PartsExpandingBeyondTheirBoundAreNotRead) {
  OfdSpec spec;
  spec.pages.push_back({Text(25, 60, 4, "大页") + "<!--" + std::string(65u << 20, ' ') + "-->",
                        "", ""});
  spec.pages.push_back({Text(25, 60, 4, "第二页正文。"), "", ""});
  auto r = ReadOfd(OfdFile(spec));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Lines(*r), ElementsAre("第二页正文。"));
  EXPECT_THAT(NoteTexts(*r), ElementsAre(HasSubstr("expands beyond 64 MiB")));
}

TEST(OfdReader, WhatIsNotAnOfdFileIsRefusedWithWhatToDo) {
  struct Case {
    std::string bytes, message;
  };
  xxgk::testing::ZipEntries no_root = OfdEntries(OnePage(kProse));
  no_root[0].second = "<ofd:OFD xmlns:ofd=\"x\"><ofd:DocBody/></ofd:OFD>";
  xxgk::testing::ZipEntries bad_xml = OfdEntries(OnePage(kProse));
  bad_xml[0].second = "<ofd:OFD><ofd:DocBody>";
  xxgk::testing::ZipEntries lost_doc = OfdEntries(OnePage(kProse));
  lost_doc.pop_back();  // Document.xml
  xxgk::testing::ZipEntries no_pages = OfdEntries(OfdSpec());
  const std::vector<Case> cases = {
      {"not a zip at all", "not a zip archive"},
      {xxgk::testing::MakeZip({{"word/document.xml", "<w:document/>"}}), "Word .docx"},
      {xxgk::testing::MakeZip({{"readme.txt", "x"}}), "has no OFD.xml"},
      {xxgk::testing::MakeZip(no_root), "names no document"},
      {xxgk::testing::MakeZip(bad_xml), "OFD.xml is not well-formed XML"},
      {xxgk::testing::MakeZip(lost_doc), "has no Doc_0/Document.xml"},
      {xxgk::testing::MakeZip(no_pages), "has no pages"},
  };
  for (const Case& c : cases) {
    auto r = ReadOfd(c.bytes);
    ASSERT_FALSE(r.ok()) << c.message;
    EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(r.status().message(), HasSubstr(c.message));
  }
}

TEST(OfdReader, EveryPrefixOfAFileIsReadOrRefusedWithoutCrashing) {
  const std::string file = OfdFile(OnePage(kProse + TableObjects()));
  for (size_t n = 0; n < file.size(); n += 7) {
    auto r = ReadOfd(file.substr(0, n));
    EXPECT_FALSE(r.ok()) << n;  // a cut zip has no central directory
  }
  EXPECT_TRUE(ReadOfd(file).ok());
}

TEST(OfdReader, SniffedByContentExtensionAndType) {
  auto doc = [](const std::string& content, const std::string& name, const std::string& type) {
    xxgk::v1::Document d;
    d.set_content(content);
    d.set_file_name(name);
    d.set_content_type(type);
    return d;
  };
  const std::string ofd = OfdFile(OnePage(kProse));
  EXPECT_EQ(SniffFormat(doc(ofd, "", "")), "ofd");
  EXPECT_EQ(SniffFormat(doc(ofd, "report.zip", "application/zip")), "ofd");
  EXPECT_EQ(SniffFormat(doc("x", "年报.OFD", "")), "ofd");
  EXPECT_EQ(SniffFormat(doc("x", "", "application/ofd")), "ofd");
  EXPECT_EQ(SniffFormat(doc(xxgk::testing::MakeZip({{"word/document.xml", "<w:document/>"}}), "", "")),
            "docx");
  auto report = ParseDocument(doc(ofd, "年报.ofd", ""), ParseOptions());
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->source().input_format(), "ofd");
  EXPECT_EQ(report->meta().report_year(), 2024);
}

}  // namespace
}  // namespace xxgk::report
