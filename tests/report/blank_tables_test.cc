// RebuildBlankTables: a table 三 with every cell left blank, which a PDF
// or OFD page shows as its row labels alone, reads as the table it is.
#include "report/blank_tables.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "report/assemble.h"
#include "report/cell_keys.h"
#include "tests/report/fixtures/blocks.h"

namespace xxgk::report {
namespace {

using xxgk::testing::Line;

// Table 三's labels as a PDF of the blank table gives them: the group
// labels of the left columns run into the rows' own labels and wrap
// (三、本年 / 度办理结 / 果), long labels wrap, and a page's footer stands
// among the rows.
std::vector<std::string> BlankTableLines() {
  return {"一、本年新收政府信息公开申请数量",
          "二、上年结转政府信息公开申请数量",
          "三、本年 (一)予以公开",
          "度办理结(二)部分公开(区分处理的,只计这一情形,",
          "果不计其他情形)",
          "(三)不 1.属于国家秘密",
          "予公开 2.其他法律行政法规禁止公开",
          "3.危及“三安全一稳定”",
          "4.保护第三方合法权益",
          "5.属于三类内部事务信息",
          "6.属于四类过程性信息",
          "7.属于行政执法案卷",
          "8.属于行政查询事项",
          "第3页共5页",
          "1.本机关不掌握相关政府信息",
          "(四)无",
          "2.没有现成信息需要另行制作",
          "法提供",
          "3.补正后申请内容仍不明确",
          "1.信访举报投诉类申请",
          "2.重复申请",
          "(五)不 3.要求提供公开出版物",
          "予处理 4.无正当理由大量反复申请",
          "5.要求行政机关确认或重新出具已获",
          "取信息",
          "1.申请人无正当理由逾期不补正、行",
          "政机关不再处理其政府信息公开申请",
          "(六)其2.申请人逾期未按收费通知要求缴纳",
          "他处理费用、行政机关不再处理其政府信息",
          "公开申请",
          "3.其他",
          "(七)总计",
          "四、结转下年度继续办理"};
}

std::vector<Block> Blocks(const std::vector<std::string>& table_lines) {
  std::vector<Block> blocks = {Line("三、收到和处理政府信息公开申请情况"), Line("申请人情况"),
                               Line("自然人 法人或其他组织 总计")};
  for (const std::string& t : table_lines) blocks.push_back(Line(t));
  blocks.push_back(Line("四、政府信息公开行政复议、行政诉讼情况"));
  return blocks;
}

std::vector<std::string> BlankKeys(const xxgk::v1::Report& r, std::string_view table) {
  std::vector<std::string> keys;
  ForEachCell(r.tables(), [&](const std::string& key, const xxgk::v1::Cell& cell) {
    if (TableOfKey(key) == table && cell.presence() == xxgk::v1::Cell::BLANK) keys.push_back(key);
  });
  return keys;
}

xxgk::v1::Report AssemblePdf(std::vector<Block> blocks) {
  ReadResult read;
  read.source.set_input_format("pdf");
  read.blocks = std::move(blocks);
  return Assemble(std::move(read));
}

TEST(BlankTableThree, ItsLabelsAloneBecomeATableOfBlankRows) {
  std::vector<Block> blocks = Blocks(BlankTableLines());
  RebuildBlankTables("pdf", &blocks);
  ASSERT_EQ(blocks.size(), 5u);
  EXPECT_EQ(blocks[2].text, "自然人 法人或其他组织 总计");
  ASSERT_EQ(blocks[3].kind, Block::Kind::kTable);
  const TableGrid& t = blocks[3].table;
  ASSERT_EQ(t.rows.size(), BlankTableLines().size() - 1);  // the footer is no row
  EXPECT_EQ(t.rows.front().front().text, "一、本年新收政府信息公开申请数量");
  EXPECT_EQ(t.rows.back().front().text, "四、结转下年度继续办理");
  for (const auto& row : t.rows) {
    ASSERT_EQ(row.size(), 8u);
    for (size_t c = 1; c < row.size(); ++c) EXPECT_EQ(row[c].text, "");
  }
  EXPECT_EQ(t.blank_rows.size(), t.rows.size());
  EXPECT_EQ(blocks[4].text, "四、政府信息公开行政复议、行政诉讼情况");
}

// Read whole, the report has table 三 with all 25 rows' seven cells BLANK,
// as the HTML of the same table gives.
TEST(BlankTableThree, TheReportReadsEveryCellAsBlank) {
  const xxgk::v1::Report r = AssemblePdf(Blocks(BlankTableLines()));
  EXPECT_TRUE(r.tables().t3().info().found());
  const std::vector<std::string> keys = BlankKeys(r, "t3");
  EXPECT_EQ(keys.size(), 25u * 7u);
  EXPECT_THAT(keys, ::testing::Contains("t3.result.other.other.total"));
  EXPECT_THAT(keys, ::testing::Contains("t3.result.total.natural_person"));
}

// Only the lines of a reader of positions: a web page or a Word file keeps
// its blank cells, and labels as lines there are no table.
TEST(BlankTableThree, OtherSourcesAreLeftAlone) {
  for (const char* kind : {"html", "docx", "text"}) {
    std::vector<Block> blocks = Blocks(BlankTableLines());
    RebuildBlankTables(kind, &blocks);
    EXPECT_EQ(blocks.size(), Blocks(BlankTableLines()).size()) << kind;
  }
  std::vector<Block> ofd = Blocks(BlankTableLines());
  RebuildBlankTables("ofd", &ofd);
  EXPECT_EQ(ofd.size(), 5u);
}

// Where the reader found table 三 itself, its labels repeated as lines
// elsewhere (an appendix listing them) make no second one.
TEST(BlankTableThree, NoneIsMadeBesideATableFoundByTheReader) {
  std::vector<Block> blocks = Blocks(BlankTableLines());
  RebuildBlankTables("pdf", &blocks);
  ASSERT_EQ(blocks[3].kind, Block::Kind::kTable);
  Block found = blocks[3];
  found.table.blank_rows.clear();
  found.table.rows[0][1].text = "3";
  std::vector<Block> twice = {found};
  for (const Block& b : Blocks(BlankTableLines())) twice.push_back(b);
  const size_t before = twice.size();
  RebuildBlankTables("pdf", &twice);
  EXPECT_EQ(twice.size(), before);
}

// A number among the labels (a value the page had), a sentence, a run not
// ending at the table's last row, or prose naming a row or two: no table.
TEST(BlankTableThree, NumbersSentencesAndProseAreNoBlankTable) {
  auto rebuilt = [](std::vector<std::string> lines) {
    std::vector<Block> blocks = Blocks(lines);
    const size_t before = blocks.size();
    RebuildBlankTables("pdf", &blocks);
    return blocks.size() != before;
  };
  ASSERT_TRUE(rebuilt(BlankTableLines()));
  std::vector<std::string> with_value = BlankTableLines();
  with_value[6] = "予公开 2.其他法律行政法规禁止公开 3";
  EXPECT_FALSE(rebuilt(with_value));
  std::vector<std::string> with_sentence = BlankTableLines();
  with_sentence.insert(with_sentence.begin() + 10, "本机关本年度未收到申请。");
  EXPECT_FALSE(rebuilt(with_sentence));
  std::vector<std::string> cut = BlankTableLines();
  cut.pop_back();
  EXPECT_FALSE(rebuilt(cut));
  EXPECT_FALSE(rebuilt({"本年新收政府信息公开申请数量与上年持平", "予以公开的比例有所提高",
                        "结转下年度继续办理的申请均已按期答复"}));
  // a line citing the first row's words is not where the table starts
  std::vector<std::string> cited = BlankTableLines();
  cited.front() = "按照本年新收申请的办理要求";
  EXPECT_FALSE(rebuilt(cited));
  // an item's number stays a number, a decimal is a value
  std::vector<std::string> decimal = BlankTableLines();
  decimal[2] = "三、本年 (一)予以公开 2.5";
  EXPECT_FALSE(rebuilt(decimal));
}

// Table 二 left blank: its bands, its headers run together (信息内容本年制发
// 件数…) and its row labels, each a line; read whole, its ten cells BLANK.
// With a number in it, the page had a table of values: not rebuilt here.
TEST(BlankTableTwo, ItsLabelsAloneReadAsItsTenBlankCells) {
  const std::vector<std::string> lines = {
      "第二十条第(一)项", "信息内容本年制发件数本年废止件数现行有效件数", "规章", "行政规范性文件",
      "第二十条第(五)项", "信息内容本年处理决定数量", "行政许可",
      "第二十条第(六)项", "信息内容本年处理决定数量", "行政处罚", "行政强制",
      "第二十条第(八)项", "信息内容本年收费金额(单位:万元)", "行政事业性收费"};
  auto blocks = [](const std::vector<std::string>& table_lines) {
    std::vector<Block> out = {Line("二、主动公开政府信息情况")};
    for (const std::string& t : table_lines) out.push_back(Line(t));
    out.push_back(Line("三、收到和处理政府信息公开申请情况"));
    return out;
  };
  const xxgk::v1::Report r = AssemblePdf(blocks(lines));
  EXPECT_TRUE(r.tables().t2().info().found());
  EXPECT_THAT(BlankKeys(r, "t2"),
              ::testing::UnorderedElementsAre(
                  "t2.rules.issued", "t2.rules.repealed", "t2.rules.in_force",
                  "t2.normative_documents.issued", "t2.normative_documents.repealed",
                  "t2.normative_documents.in_force", "t2.licensing.decisions",
                  "t2.penalty.decisions", "t2.coercion.decisions", "t2.fees.amount_wan_yuan"));
  std::vector<std::string> with_value = lines;
  with_value[6] = "行政许可 126";
  std::vector<Block> b = blocks(with_value);
  const size_t before = b.size();
  RebuildBlankTables("pdf", &b);
  EXPECT_EQ(b.size(), before);
}

// The 2019 layout's table 二 ends with 政府集中采购 after 行政事业性收费:
// that row is the table's too, across a page footer.
TEST(BlankTableTwo, The2019LayoutKeepsItsProcurementRow) {
  std::vector<Block> blocks = {
      Line("二、主动公开政府信息情况"),
      Line("第二十条第(一)项"),
      Line("信息内容本年新制作数量本年新公开数量对外公开总数量"),
      Line("规章"),
      Line("规范性文件"),
      Line("第二十条第(五)项"),
      Line("信息内容上一年项目数量本年增/减处理决定数量"),
      Line("行政许可"),
      Line("其他对外管理服务事项"),
      Line("第二十条第(六)项"),
      Line("信息内容上一年项目数量本年增/减处理决定数量"),
      Line("行政处罚"),
      Line("行政强制"),
      Line("第二十条第(八)项"),
      Line("信息内容上一年项目数量本年增/减"),
      Line("行政事业性收费"),
      Line("第2页"),
      Line("第二十条第(九)项"),
      Line("信息内容采购项目数量采购总金额"),
      Line("政府集中采购"),
      Line("三、收到和处理政府信息公开申请情况")};
  std::vector<Block> rebuilt = blocks;
  RebuildBlankTables("pdf", &rebuilt);
  ASSERT_EQ(rebuilt.size(), 3u);
  const xxgk::v1::Report r = AssemblePdf(std::move(blocks));
  EXPECT_TRUE(r.tables().t2().info().found());
  const std::vector<std::string> keys = BlankKeys(r, "t2");
  EXPECT_THAT(keys, ::testing::Contains("t2.rules.new_made"));
  EXPECT_THAT(keys, ::testing::Contains("t2.fees.change"));
  EXPECT_THAT(keys, ::testing::Contains("t2.procurement.projects"));
  EXPECT_THAT(keys, ::testing::Contains("t2.procurement.amount"));
}

}  // namespace
}  // namespace xxgk::report
