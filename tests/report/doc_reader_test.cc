// ReadDoc: Word 97-2003 files written by tests/report/fixtures/doc_writer.h
// (every paragraph property and row definition chosen here): lines, breaks,
// fields, 8-bit text; tables laid out on their cell boundaries with
// horizontal and vertical merges; nested tables; and damaged, encrypted or
// foreign compound files answered with a status that says what to do.
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "report/cfb.h"
#include "report/parse.h"
#include "report/readers.h"
#include "tests/report/fixtures/read_view.h"
#include "tests/report/fixtures/doc_writer.h"

namespace xxgk::report {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using xxgk::testing::Cell;
using xxgk::testing::DocOptions;
using xxgk::testing::DocParagraph;
using xxgk::testing::Line;
using xxgk::testing::RowEnd;
using xxgk::testing::WriteDoc;
using xxgk::testing::Lines;
using xxgk::testing::Tables;
using xxgk::testing::RowTexts;

TEST(DocReader, ParagraphsBreaksAndFields) {
  const std::string doc = WriteDoc({
      Line("某县人民政府2023年政府信息公开工作年度报告"),
      Line("第一行\x0B第二行"),
      Line("A\tB"),
      // A field: its instruction is dropped, its result kept.
      Line("共\x13 PAGE \\* MERGEFORMAT \x14" "12\x15件"),
      // A field without a result leaves nothing.
      Line("前\x13 TOC \\o \x15后"),
      // A field inside another's instruction is instruction too.
      Line("甲\x13 IF \x13 PAGE \x14" "3\x15 > 1 \x14乙\x15丙"),
      Line(""),
      Line("结束\x01"),
  });
  auto r = ReadDoc(doc);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Lines(*r), ElementsAre("某县人民政府2023年政府信息公开工作年度报告", "第一行", "第二行",
                                     "A B", "共12件", "前后", "甲乙丙", "结束"));
  EXPECT_EQ(r->source.input_format(), "doc");
  EXPECT_EQ(r->source.encoding(), "UTF-16LE");
  EXPECT_TRUE(Tables(*r).empty());
}

// A paragraph style can carry the list numbering (as Word's numbered
// heading styles do): the paragraph takes its style's list and level, a
// style based on another inherits them, and the paragraph's own list or
// level overrides the style's.
TEST(DocReader, ParagraphStylesNumberTheirParagraphs) {
  using xxgk::testing::DocStyle;
  const DocStyle normal;
  const DocStyle heading{.ilfo = 1, .ilvl = 0};
  const DocStyle subheading{.base = 1, .ilvl = 1};  // list 1 from "heading", level 2
  const DocStyle plain{.base = 1, .ilfo = 0};       // based on "heading", numbering taken off
  const DocStyle characters{.paragraph = false};
  const DocStyle loop{.base = 6};                   // based on itself: numbers nothing
  DocOptions options;
  options.stsh = xxgk::testing::DocStyleSheet({&normal, &heading, &subheading, &plain, nullptr, &characters,
                                              &loop});
  options.lists = xxgk::testing::DocOutlineLists(&options.lst_size);
  options.lfo = xxgk::testing::DocListInstances();
  auto styled = [](const std::string& text, uint16_t istd, int ilfo = -1, int ilvl = -1) {
    DocParagraph p = Line(text);
    p.istd = istd;
    p.ilfo = ilfo;
    p.ilvl = ilvl;
    return p;
  };
  const std::vector<DocParagraph> paras = {
      styled("总体情况", 1),  styled("正文", 0),           styled("规章", 2),
      styled("文件", 2),      styled("主动公开", 1),       styled("不编号", 3),
      styled("直接二级", 1, -1, 1), styled("直接取消", 1, 0), styled("另一实例", 0, 2, 0),
      styled("循环", 6),      styled("超出样式表", 40),
  };
  auto r = ReadDoc(WriteDoc(paras, options));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Lines(*r), ElementsAre("一、总体情况", "正文", "(1)规章", "(2)文件", "二、主动公开", "不编号",
                                     "(1)直接二级", "直接取消", "五、另一实例", "循环", "超出样式表"));
  // Word 97's shorter style header reads alike.
  DocOptions word97 = options;
  word97.stsh = xxgk::testing::DocStyleSheet({&normal, &heading, &subheading}, /*stdf_bytes=*/10);
  auto r97 = ReadDoc(WriteDoc({styled("总体情况", 1), styled("规章", 2)}, word97));
  ASSERT_TRUE(r97.ok()) << r97.status();
  EXPECT_THAT(Lines(*r97), ElementsAre("一、总体情况", "(1)规章"));

  // A style sheet cut off anywhere numbers what it still describes whole.
  for (size_t cut = 0; cut < options.stsh.size(); ++cut) {
    DocOptions cut_options = options;
    cut_options.stsh.resize(cut);
    auto cut_read = ReadDoc(WriteDoc(paras, cut_options));
    ASSERT_TRUE(cut_read.ok()) << cut << ": " << cut_read.status();
    const std::vector<std::string> lines = Lines(*cut_read);
    ASSERT_EQ(lines.size(), paras.size()) << cut;
    EXPECT_TRUE(lines[0] == "总体情况" || lines[0] == "一、总体情况") << cut << ": " << lines[0];
    EXPECT_EQ(lines[7], "直接取消") << cut;
  }
}

TEST(DocReader, ParseDocumentKnowsADocByItsBytes) {
  xxgk::v1::Document doc;
  doc.set_content(WriteDoc({Line("某县人民政府2023年政府信息公开工作年度报告"), Line("一、总体情况"),
                            Line("本年度共收到政府信息公开申请12件。")}));
  doc.set_file_name("附件1.txt");  // a wrong name does not matter
  auto report = ParseDocument(doc);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->source().input_format(), "doc");
  EXPECT_EQ(report->meta().report_year(), 2023);
  EXPECT_EQ(report->meta().agency(), "某县人民政府");
  ASSERT_EQ(report->sections_size(), 1);
  EXPECT_EQ(report->sections(0).kind(), xxgk::v1::Section::GENERAL);
  // Forced to be read as text, the same bytes are refused with the way out.
  ParseOptions as_text;
  as_text.input_format = "text";
  auto forced = ParseDocument(doc, as_text);
  ASSERT_FALSE(forced.ok());
  EXPECT_THAT(std::string(forced.status().message()), HasSubstr("--input_format=doc"));
}

TEST(DocReader, DeletedAndHiddenTextIsNotRead) {
  // A figure corrected with changes tracked (12 deleted, 15 inserted), and
  // a hidden note: only what the published page shows is read.
  DocParagraph corrected = Line("本年度共收到申请15件");
  corrected.hidden = "12件";
  DocParagraph note = Line("可见");
  note.hidden = "隐藏的批注";
  note.hidden_sprm = 0x083C;
  DocParagraph cell = xxgk::testing::Cell("3");
  cell.hidden = "30";
  auto r = ReadDoc(WriteDoc({corrected, note, cell, RowEnd({0, 1000})}));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Lines(*r), ElementsAre("本年度共收到申请15件", "可见"));
  const auto tables = Tables(*r);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_THAT(RowTexts(*tables[0], 0), ElementsAre("3"));
}

TEST(DocReader, EightBitPiecesAreWindows1252) {
  DocOptions options;
  options.eight_bit = true;
  auto r = ReadDoc(WriteDoc({Line("Report 2023"), Line("fee \xC2\x80 5")}, options));  // U+0080: the byte 0x80
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Lines(*r), ElementsAre("Report 2023", "fee \xE2\x82\xAC 5"));  // 0x80 is the euro sign
}

// A cell paragraph of a table nested in a cell; a row end carries `bounds`.
DocParagraph InnerCell(const std::string& text, bool row_end, std::vector<int16_t> bounds) {
  DocParagraph p;
  p.text = text;
  p.in_table = true;
  p.itap = 2;
  p.inner_cell = true;
  p.inner_ttp = row_end;
  if (row_end) p.bounds = std::move(bounds);
  return p;
}

TEST(DocReader, TableCellsLieOnTheirBoundaries) {
  // Row 0: a label over two columns; rows 1-2: three cells. Row 2 starts a
  // column to the right (nothing under the first boundary).
  auto r = ReadDoc(WriteDoc({
      Line("表格标题"),
      Cell("甲"), Cell("乙"), RowEnd({0, 1000, 3000}),
      Cell("1"), Cell("2"), Cell("3"), RowEnd({0, 1000, 2000, 3000}),
      Cell("4"), Cell("5"), RowEnd({1000, 2000, 3000}),
      Line("表后"),
  }));
  ASSERT_TRUE(r.ok()) << r.status();
  const auto tables = Tables(*r);
  ASSERT_EQ(tables.size(), 1u);
  const TableGrid& t = *tables[0];
  EXPECT_EQ(t.source_kind, "doc");
  EXPECT_EQ(t.caption, "表格标题");
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_THAT(RowTexts(t, 0), ElementsAre("甲", "乙", "乙"));
  EXPECT_EQ(t.rows[0][1].col_span, 2);
  EXPECT_TRUE(t.rows[0][2].continuation);
  EXPECT_THAT(RowTexts(t, 1), ElementsAre("1", "2", "3"));
  EXPECT_THAT(RowTexts(t, 2), ElementsAre("", "4", "5"));
  EXPECT_THAT(Lines(*r), ElementsAre("表格标题", "表后"));
}

TEST(DocReader, VerticalMergesCopyTheCellAbove) {
  using xxgk::testing::kVertContinue;
  using xxgk::testing::kVertRestart;
  auto r = ReadDoc(WriteDoc({
      Cell("收入情况"), Cell("自然人"), RowEnd({0, 1000, 2000}, {kVertRestart, 0}),
      Cell(""), Cell("3"), RowEnd({0, 1000, 2000}, {kVertContinue, 0}),
      Cell(""), Cell("4"), RowEnd({0, 1000, 2000}, {kVertContinue, 0}),
      Cell(""), Cell("5"), RowEnd({0, 1000, 2000}),
  }));
  ASSERT_TRUE(r.ok()) << r.status();
  const auto tables = Tables(*r);
  ASSERT_EQ(tables.size(), 1u);
  const TableGrid& t = *tables[0];
  ASSERT_EQ(t.rows.size(), 4u);
  EXPECT_THAT(RowTexts(t, 1), ElementsAre("收入情况", "3"));
  EXPECT_THAT(RowTexts(t, 2), ElementsAre("收入情况", "4"));
  EXPECT_THAT(RowTexts(t, 3), ElementsAre("", "5"));  // not merged: blank
  EXPECT_EQ(t.rows[0][0].row_span, 3);
  EXPECT_TRUE(t.rows[1][0].continuation);
  EXPECT_TRUE(t.rows[2][0].continuation);
  EXPECT_FALSE(t.rows[3][0].continuation);
}

TEST(DocReader, OldStyleHorizontalMergesWidenTheFirstCell) {
  using xxgk::testing::kMergedLeft;
  using xxgk::testing::kMergeFirst;
  auto r = ReadDoc(WriteDoc({
      Cell("申请人情况"), Cell(""), Cell("总计"), RowEnd({0, 1000, 2000, 3000}, {kMergeFirst, kMergedLeft, 0}),
      Cell("1"), Cell("2"), Cell("3"), RowEnd({0, 1000, 2000, 3000}),
  }));
  ASSERT_TRUE(r.ok()) << r.status();
  const auto tables = Tables(*r);
  ASSERT_EQ(tables.size(), 1u);
  const TableGrid& t = *tables[0];
  EXPECT_THAT(RowTexts(t, 0), ElementsAre("申请人情况", "申请人情况", "总计"));
  EXPECT_EQ(t.rows[0][0].col_span, 2);
  EXPECT_TRUE(t.rows[0][1].continuation);
  EXPECT_THAT(RowTexts(t, 1), ElementsAre("1", "2", "3"));
}

TEST(DocReader, CellParagraphsJoinAndRowsWithoutDefinitionsStayInOrder) {
  // A cell of two paragraphs (the first ends with 0x0D inside the table);
  // the row end carries no sprmTDefTable, so cells go left to right.
  DocParagraph first = Cell("本年新收");
  first.mark = 0x0D;
  DocParagraph end = RowEnd({});
  auto r = ReadDoc(WriteDoc({first, Cell("申请数量"), Cell("12"), end}));
  ASSERT_TRUE(r.ok()) << r.status();
  const auto tables = Tables(*r);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_THAT(RowTexts(*tables[0], 0), ElementsAre("本年新收申请数量", "12"));
}

TEST(DocReader, ATableHoldingATableIsALayoutContainer) {
  auto inner = [](const std::string& text, bool row_end) {
    return InnerCell(text, row_end, {0, 1000, 2000});
  };
  auto r = ReadDoc(WriteDoc({
      Cell("版面左栏"),
      inner("项目", false), inner("数量", false), inner("", true),
      inner("规章", false), inner("5", false), inner("", true),
      Cell("表下说明"),
      RowEnd({0, 3000, 6000}),
  }));
  ASSERT_TRUE(r.ok()) << r.status();
  const auto tables = Tables(*r);
  ASSERT_EQ(tables.size(), 1u);
  const TableGrid& t = *tables[0];
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_THAT(RowTexts(t, 0), ElementsAre("项目", "数量"));
  EXPECT_THAT(RowTexts(t, 1), ElementsAre("规章", "5"));
  EXPECT_EQ(t.caption, "版面左栏");
  EXPECT_THAT(Lines(*r), ElementsAre("版面左栏", "表下说明"));
}

// A row of many cells has more properties than a property page holds:
// Word and LibreOffice keep them in the Data stream (sprmPHugePapx). The
// row ends there still end their rows, at top level and nested alike.
TEST(DocReader, RowPropertiesKeptInTheDataStreamStillEndTheirRows) {
  auto huge = [](DocParagraph p) {
    p.huge = true;
    return p;
  };
  auto inner = [](const std::string& text, bool row_end) {
    DocParagraph p = InnerCell(text, row_end, {0, 1000, 2000, 3000});
    p.huge = row_end;
    return p;
  };
  auto r = ReadDoc(WriteDoc({
      Cell("申请人情况"), Cell(""), Cell("总计"),
      huge(RowEnd({0, 1000, 2000, 3000}, {xxgk::testing::kMergeFirst, xxgk::testing::kMergedLeft, 0})),
      Cell("1"), Cell("2"), Cell("3"), huge(RowEnd({0, 1000, 2000, 3000})),
      Line("表间"),
      Cell("版面"),
      inner("项目", false), inner("甲", false), inner("乙", false), inner("", true),
      inner("规章", false), inner("5", false), inner("6", false), inner("", true),
      RowEnd({0, 6000}),
  }));
  ASSERT_TRUE(r.ok()) << r.status();
  const auto tables = Tables(*r);
  ASSERT_EQ(tables.size(), 2u);
  ASSERT_EQ(tables[0]->rows.size(), 2u);
  EXPECT_THAT(RowTexts(*tables[0], 0), ElementsAre("申请人情况", "申请人情况", "总计"));
  EXPECT_THAT(RowTexts(*tables[0], 1), ElementsAre("1", "2", "3"));
  ASSERT_EQ(tables[1]->rows.size(), 2u);
  EXPECT_THAT(RowTexts(*tables[1], 0), ElementsAre("项目", "甲", "乙"));
  EXPECT_THAT(RowTexts(*tables[1], 1), ElementsAre("规章", "5", "6"));
}

TEST(DocReader, SmallAndLargeStreamsReadAlike) {
  // Under 4096 bytes the streams live in the mini stream; a long text puts
  // WordDocument in ordinary sectors and needs several property pages.
  std::vector<DocParagraph> paras;
  std::vector<std::string> want;
  for (int i = 0; i < 400; ++i) {
    want.push_back("第" + std::to_string(i) + "段政府信息公开。");
    paras.push_back(Line(want.back()));
  }
  for (size_t n : {size_t{3}, paras.size()}) {
    SCOPED_TRACE(n);
    std::vector<DocParagraph> some(paras.begin(), paras.begin() + n);
    auto r = ReadDoc(WriteDoc(some));
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_EQ(Lines(*r), std::vector<std::string>(want.begin(), want.begin() + n));
  }
}

TEST(DocReader, RefusesWhatItCannotReadAndSaysWhatToDo) {
  const std::vector<DocParagraph> paras = {Line("正文")};
  {
    DocOptions encrypted;
    encrypted.flags |= 0x0100;
    auto r = ReadDoc(WriteDoc(paras, encrypted));
    ASSERT_FALSE(r.ok());
    EXPECT_THAT(std::string(r.status().message()), HasSubstr("password-protected"));
  }
  {
    DocOptions word95;
    word95.nfib = 0x0068;
    auto r = ReadDoc(WriteDoc(paras, word95));
    ASSERT_FALSE(r.ok());
    EXPECT_THAT(std::string(r.status().message()), HasSubstr("Word 6.0/95"));
    EXPECT_THAT(std::string(r.status().message()), HasSubstr("save it as .docx"));
  }
  {
    DocOptions no_table;
    no_table.table_stream = false;
    auto r = ReadDoc(WriteDoc(paras, no_table));
    ASSERT_FALSE(r.ok());
    EXPECT_THAT(std::string(r.status().message()), HasSubstr("table stream is missing"));
  }
  {
    auto r = ReadDoc(xxgk::testing::WriteCompoundFile({{"Workbook", std::string(100, 'x')}}));
    ASSERT_FALSE(r.ok());
    EXPECT_THAT(std::string(r.status().message()), HasSubstr("Excel 97-2003 workbook"));
  }
  {
    auto r = ReadDoc("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 short");
    ASSERT_FALSE(r.ok());
    EXPECT_THAT(std::string(r.status().message()), HasSubstr("damaged"));
  }
}

// Checks that `r` was read as `lines` and one table of the one row `row`.
void ExpectLinesAndOneRow(const absl::StatusOr<ReadResult>& r,
                          const std::vector<std::string>& lines,
                          const std::vector<std::string>& row) {
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(Lines(*r), lines);
  const auto tables = Tables(*r);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(RowTexts(*tables[0], 0), row);
}

// A text box's text is a story of its own; each box names the shape that
// shows it, and the shapes' anchors stand in the main text. The boxes are
// read where they are anchored, whatever their order in their story: a
// table in a box is a table there; a shape without text (LibreOffice
// writes one beside each text box) adds nothing.
TEST(DocReader, ATextBoxIsReadWhereItIsAnchored) {
  DocOptions options;
  options.text_boxes = {
      {.lid = 2050, .paras = {Line("三、收到和处理政府信息公开申请情况")}},
      {.lid = 2049, .paras = {Cell("规章"), Cell("5"), RowEnd({0, 1000, 2000}), Line("框内说明")}},
  };
  options.anchors = {2048, 2049, 2050};
  ExpectLinesAndOneRow(
      ReadDoc(WriteDoc({Line("二、主动公开政府信息情况"), Line("\x08\x08"), Line("\x08"),
                        Line("四、政府信息公开行政复议、行政诉讼情况")},
                       options)),
      {"二、主动公开政府信息情况", "框内说明", "三、收到和处理政府信息公开申请情况",
       "四、政府信息公开行政复议、行政诉讼情况"},
      {"规章", "5"});
}

// Pictures are counted: inline ones (0x01) and drawings anchored with no
// text box (0x08 naming a shape without text); a box's anchor is not one.
// A document of nothing but pictures is a scan, noted at assembly.
TEST(DocReader, PicturesAreCountedButNotTextBoxes) {
  DocOptions options;
  options.text_boxes = {{.lid = 2049, .paras = {Line("框内说明")}}};
  options.anchors = {2048, 2049};
  auto r = ReadDoc(WriteDoc({Line("某县2024年政府信息公开工作年度报告"), Line("\x01"), Line("\x08"),
                             Line("\x08"), Line("\x01\x01")},
                            options));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->images, 4u);
}

// A box anchored inside a paragraph comes between the paragraph's text
// before and after the anchor, and a numbered paragraph is numbered once.
// In a table cell, the box's text joins the cell's as lines.
TEST(DocReader, ATextBoxCutsItsParagraphOrJoinsItsCell) {
  DocOptions options;
  options.lists = xxgk::testing::DocOutlineLists(&options.lst_size);
  options.lfo = xxgk::testing::DocListInstances();
  options.text_boxes = {{.lid = 7, .paras = {Line("框内第一段"), Line("框内第二段")}},
                        {.lid = 8, .paras = {Line("(单位:件)")}}};
  options.anchors = {7, 8};
  DocParagraph numbered = Line("总体情况\x08本年度工作");
  numbered.ilfo = 1;
  numbered.ilvl = 0;
  ExpectLinesAndOneRow(
      ReadDoc(WriteDoc({numbered, Line("主动公开"), Cell("规章\x08"), Cell("5"),
                        RowEnd({0, 1000, 2000})},
                       options)),
      {"一、总体情况", "框内第一段", "框内第二段", "本年度工作", "主动公开"},
      {"规章 (单位:件)", "5"});
}

// A table cell holding a text box with a table in it (a one-cell table
// laying out the page) is read as what it holds: the cell's text before the
// anchor, the box's text and its table as a table, the cell's text after.
// A box of text alone still joins its cell.
TEST(DocReader, ATableInATextBoxInACellIsATable) {
  DocOptions options;
  options.text_boxes = {
      {.lid = 4, .paras = {Line("表题"), Cell("规章"), Cell("5"), RowEnd({0, 1000, 2000})}},
      {.lid = 5, .paras = {Line("12")}}};
  options.anchors = {4, 5};
  auto r = ReadDoc(WriteDoc({Line("前言"), Cell("说明\x08完"), RowEnd({0, 9000}), Line("后记"),
                             Cell("标签"), Cell("\x08"), RowEnd({0, 1000, 2000})},
                            options));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Lines(*r), ElementsAre("前言", "说明", "表题", "完", "后记"));
  const auto tables = Tables(*r);
  ASSERT_EQ(tables.size(), 2u);
  EXPECT_THAT(RowTexts(*tables[0], 0), ElementsAre("规章", "5"));
  EXPECT_THAT(RowTexts(*tables[1], 0), ElementsAre("标签", "12"));
}

// No box is read twice, even when two anchors name its shape; a box no
// anchor names, and one whose anchor was deleted or hidden, are not read.
// Boxes whose ranges overlap (a damaged PLC) are not read again either:
// each character of the textbox story is read at most once.
TEST(DocReader, EachTextBoxIsReadAtMostOnce) {
  auto boxes = [](std::vector<uint32_t> anchors) {
    DocOptions options;
    options.text_boxes = {{.lid = 5, .paras = {Line("框内")}},
                          {.lid = 6, .paras = {Line("乙")}},
                          {.lid = 9, .paras = {Line("丙")}}};
    options.anchors = std::move(anchors);
    return options;
  };
  DocParagraph deleted = Line("后");
  deleted.hidden = "\x08";
  auto r = ReadDoc(WriteDoc({Line("\x08"), Line("前\x08"), deleted}, boxes({5, 5, 9})));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Lines(*r), ElementsAre("框内", "前", "后"));

  DocOptions overlapping = boxes({5, 6, 9});
  overlapping.box_cps = {0, 3, 0, 3, 4};  // box 2 ends before it starts, box 3 overlaps box 1
  auto once = ReadDoc(WriteDoc({Line("\x08\x08\x08")}, overlapping));
  ASSERT_TRUE(once.ok()) << once.status();
  EXPECT_THAT(Lines(*once), ElementsAre("框内"));
}

// Text boxes with their counts, ranges and anchors damaged: a status or a
// reading of what is left, never a crash or a box read out of bounds.
TEST(DocReader, DamagedTextBoxesGiveAStatusOrAPartialReading) {
  DocOptions options;
  for (uint32_t lid = 1; lid <= 20; ++lid) {
    options.text_boxes.push_back({.lid = lid, .paras = {Cell("框" + std::to_string(lid)),
                                                        RowEnd({0, 1000}), Line("说明")}});
    options.anchors.push_back(lid);
  }
  std::vector<DocParagraph> paras;
  for (int i = 0; i < 20; ++i) paras.push_back(Line("第" + std::to_string(i) + "段\x08"));
  const std::string good = WriteDoc(paras, options);
  auto read = ReadDoc(good);
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(Tables(*read).size(), 20u);
  for (size_t at = 0; at + 4 <= good.size(); at += 4) {
    for (uint32_t v : {0u, 1u, 5u, 0x7FFFFFFFu, 0xFFFFFFFFu, 0x00010000u}) {
      std::string bad = good;
      xxgk::testing::PutU32(&bad, at, v);
      auto r = ReadDoc(bad);
      EXPECT_TRUE(r.ok() || !r.status().message().empty());
    }
  }
}

TEST(DocReader, DamagedFilesGiveAStatusNotACrash) {
  std::vector<DocParagraph> paras;
  for (int i = 0; i < 300; ++i) paras.push_back(Line("第" + std::to_string(i) + "段"));
  paras.push_back(Cell("甲"));
  paras.push_back(RowEnd({0, 1000}));
  const std::string good = WriteDoc(paras);
  ASSERT_TRUE(ReadDoc(good).ok());
  // Every prefix (a download cut off), and every 4-byte word set to values
  // that point everywhere (sector numbers, offsets, counts), in the header,
  // FAT and directory and through the streams.
  for (size_t len = 0; len < good.size(); len += 97) {
    auto r = ReadDoc(std::string_view(good).substr(0, len));
    EXPECT_FALSE(r.ok() && len < 512) << len;
  }
  int failures = 0;
  for (size_t at = 0; at + 4 <= good.size(); at += at < 4096 ? 4 : 28) {
    for (uint32_t v : {0u, 1u, 0x7FFFFFFFu, 0xFFFFFFFEu, 0xFFFFFFFFu, 0x00000200u}) {
      std::string bad = good;
      xxgk::testing::PutU32(&bad, at, v);
      auto r = ReadDoc(bad);
      if (!r.ok()) {
        ++failures;
        EXPECT_FALSE(r.status().message().empty());
      }
    }
  }
  EXPECT_GT(failures, 0);
}

TEST(CompoundFile, AChainThatLoopsIsDamagedNotEndless) {
  std::string file = xxgk::testing::WriteCompoundFile({{"WordDocument", std::string(5000, 'a')}});
  auto cf = CompoundFile::Open(file);
  ASSERT_TRUE(cf.ok()) << cf.status();
  ASSERT_TRUE(cf->HasStream("worddocument"));  // names compare without case
  auto data = cf->ReadStream("WordDocument");
  ASSERT_TRUE(data.ok()) << data.status();
  EXPECT_EQ(*data, std::string(5000, 'a'));
  // The FAT is sector 0: make the stream's second sector point back to its first.
  const uint32_t first_stream_sector = 2;  // FAT, directory, then the stream
  xxgk::testing::PutU32(&file, 512 + 4 * (first_stream_sector + 1), first_stream_sector);
  auto looped = CompoundFile::Open(file);
  ASSERT_TRUE(looped.ok()) << looped.status();
  auto again = looped->ReadStream("WordDocument");
  ASSERT_FALSE(again.ok());
  EXPECT_THAT(std::string(again.status().message()), HasSubstr("damaged"));
  EXPECT_EQ(looped->ReadStream("1Table").status().code(), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace xxgk::report
