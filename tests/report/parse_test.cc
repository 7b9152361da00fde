// ParseDocument: sniffing, structured reports, unreadable input.
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "report/cell_keys.h"
#include "report/parse.h"

namespace xxgk::report {
namespace {

using ::testing::HasSubstr;

xxgk::v1::Document Doc(std::string content, std::string name = "", std::string type = "") {
  xxgk::v1::Document d;
  d.set_content(std::move(content));
  d.set_file_name(std::move(name));
  d.set_content_type(std::move(type));
  return d;
}

TEST(StructuredReportFormat, OneDecisionByNameThenContent) {
  for (const char* name : {"a.textproto", "a.TXTPB", "a.pbtxt", "a.textpb", "a.pb.txt"}) {
    EXPECT_EQ(StructuredReportFormat(name, ""), "report-textproto") << name;
    EXPECT_EQ(SniffFormat(Doc("一、总体情况", name)), "report-textproto") << name;
  }
  EXPECT_EQ(StructuredReportFormat("a.Json", ""), "report-json");
  EXPECT_EQ(StructuredReportFormat("a.txt", ""), "");
  EXPECT_EQ(StructuredReportFormat("", "\xEF\xBB\xBF {\"meta\": {}}"), "report-json");
  EXPECT_EQ(StructuredReportFormat("", "{}"), "report-json");
  EXPECT_EQ(StructuredReportFormat("", "{正文}"), "");
  EXPECT_EQ(StructuredReportFormat("", "\n# c\n\n  tables {\n"), "report-textproto");
  EXPECT_EQ(StructuredReportFormat("", "source: {}"), "report-textproto");
  // an identifier that is no field of Report is not a text-format report
  EXPECT_EQ(StructuredReportFormat("", "note: 正文"), "");
  EXPECT_EQ(SniffFormat(Doc("note: 正文")), "text");
}

TEST(SniffFormat, MagicContentTypeExtensionAndText) {
  EXPECT_EQ(SniffFormat(Doc("%PDF-1.7 ...", "x.txt")), "pdf");
  EXPECT_EQ(SniffFormat(Doc(std::string("PK\x03\x04rest", 8))), "docx");
  EXPECT_EQ(SniffFormat(Doc("anything", "", "text/html; charset=gbk")), "html");
  EXPECT_EQ(SniffFormat(Doc("anything", "report.HTM")), "html");
  EXPECT_EQ(SniffFormat(Doc("  <!DOCTYPE html><html>")), "html");
  EXPECT_EQ(SniffFormat(Doc("<table><tr><td>1</td></tr></table>")), "html");
  EXPECT_EQ(SniffFormat(Doc("\xEF\xBB\xBF{\"meta\": {}}")), "report-json");
  EXPECT_EQ(SniffFormat(Doc("# a report\nmeta {\n report_year: 2023\n}\n")), "report-textproto");
  EXPECT_EQ(SniffFormat(Doc("一、总体情况\n正文")), "text");
  EXPECT_EQ(SniffFormat(Doc("x", "r.textproto")), "report-textproto");
}

TEST(ParseStructuredReport, JsonAcceptsBothFieldNameStyles) {
  auto a = ParseStructuredReport(
      R"({"meta": {"report_year": 2023, "format_version": "FORMAT_2021"},
          "tables": {"t3": {"new_received": {"total": {"presence": "NUMBER", "value": "5"}}}}})",
      "a.json", "report-json");
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_EQ(a->meta().report_year(), 2023);
  EXPECT_EQ(CellValueString(*FindCell(a->tables(), "t3.new_received.total")), "5");
  auto b = ParseStructuredReport(R"({"meta": {"reportYear": 2022}})", "b.json", "report-json");
  ASSERT_TRUE(b.ok()) << b.status();
  EXPECT_EQ(b->meta().report_year(), 2022);
}

TEST(ParseStructuredReport, JsonErrorsNameFileAndField) {
  auto unknown = ParseStructuredReport(R"({"meta": {"no_such_field": 1}})", "bad.json", "report-json");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(unknown.status().message()), HasSubstr("bad.json"));
  EXPECT_THAT(std::string(unknown.status().message()), HasSubstr("no_such_field"));
  auto bad_enum = ParseStructuredReport(R"({"meta": {"format_version": "FORMAT_1999"}})", "e.json",
                                        "report-json");
  ASSERT_FALSE(bad_enum.ok());
  EXPECT_THAT(std::string(bad_enum.status().message()), HasSubstr("e.json"));
}

TEST(ParseStructuredReport, TextprotoErrorsNameFileLineAndColumn) {
  auto ok = ParseStructuredReport("meta {\n  report_year: 2021\n}\n", "r.textproto",
                                  "report-textproto");
  ASSERT_TRUE(ok.ok()) << ok.status();
  EXPECT_EQ(ok->meta().report_year(), 2021);
  auto bad = ParseStructuredReport("meta {\n  report_year: 2021\n  bogus: 1\n}\n", "r.textproto",
                                   "report-textproto");
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(std::string(bad.status().message()), HasSubstr("r.textproto:3:"));
  auto bad_enum = ParseStructuredReport("meta { script: KLINGON }", "s.textproto", "report-textproto");
  ASSERT_FALSE(bad_enum.ok());
  EXPECT_THAT(std::string(bad_enum.status().message()), HasSubstr("s.textproto:1:"));
}

TEST(ParseDocument, UnreadableInputIsInvalidArgument) {
  auto empty = ParseDocument(Doc("", "x.pdf"));
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().code(), absl::StatusCode::kInvalidArgument);
  auto not_docx = ParseDocument(Doc(std::string("PK\x03\x04garbage-not-a-zip", 22), "x.docx"));
  ASSERT_FALSE(not_docx.ok());
  EXPECT_EQ(not_docx.status().code(), absl::StatusCode::kInvalidArgument);
  auto bad_pdf = ParseDocument(Doc("%PDF-1.4 truncated", "x.pdf"));
  ASSERT_FALSE(bad_pdf.ok());
  EXPECT_EQ(bad_pdf.status().code(), absl::StatusCode::kInvalidArgument);
  auto unknown = ParseDocument(Doc("text"), ParseOptions{"odt"});
  ASSERT_FALSE(unknown.ok());
}

TEST(ParseDocument, TextDocumentEndToEnd) {
  std::string text =
      "某县某局2023年政府信息公开工作年度报告\n"
      "一、总体情况\n"
      "本年度工作。\n"
      "二、主动公开政府信息情况\n"
      "第二十条第(一)项 | |||\n"
      "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
      "规章 | 0 | 0 | 0 |\n"
      "行政规范性文件 | 2 | 1 | 7 |\n";
  auto r = ParseDocument(Doc(text, "r.txt"));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->source().input_format(), "text");
  EXPECT_EQ(r->source().file_name(), "r.txt");
  EXPECT_EQ(CellValueString(*FindCell(r->tables(), "t2.normative_documents.in_force")), "7");
  EXPECT_EQ(r->meta().format_version(), xxgk::v1::FORMAT_2021);
  const auto* c = FindCell(r->tables(), "t2.normative_documents.issued");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(text.substr(c->span().source_begin(), c->span().source_end() - c->span().source_begin()),
            "2");
  // a forced format wins over sniffing
  auto forced = ParseDocument(Doc("meta {}", "r.txt"), ParseOptions{"text"});
  ASSERT_TRUE(forced.ok());
  EXPECT_EQ(forced->source().input_format(), "text");
}

// The warm-up sample must go through every path that builds a table on first
// use: traditional→simplified conversion, the gazetteer (region from the
// title), section headings, table mapping and prose figures.
TEST(WarmUp, SampleExercisesEveryLazilyBuiltPath) {
  auto r = WarmUp();
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->meta().script(), xxgk::v1::TRADITIONAL);
  EXPECT_THAT(r->text(), HasSubstr("海淀区人民政府2023年政府资讯公开工作年度报告\n发布日期"));  // simplified
  EXPECT_EQ(r->meta().region_code(), "110108");
  EXPECT_EQ(r->meta().report_year(), 2023);
  EXPECT_EQ(r->sections_size(), 6);
  ASSERT_NE(FindCell(r->tables(), "t2.rules.in_force"), nullptr);
  EXPECT_EQ(CellValueString(*FindCell(r->tables(), "t2.rules.in_force")), "5");
  EXPECT_GT(r->facts_size(), 0);
  // Idempotent: a second call reads the same.
  auto again = WarmUp();
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->SerializeAsString(), r->SerializeAsString());
}

TEST(ParseDocument, WhitespaceAlignedTableThreeFromText) {
  std::string text =
      "三、收到和处理政府信息公开申请情况\n"
      "本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和    申请人情况\n"
      "一、本年新收政府信息公开申请数量    3    1    0    0    0    0    4\n"
      "二、上年结转政府信息公开申请数量    0    0    0    0    0    0    0\n"
      "三、本年度办理结果    (一)予以公开    2    1    0    0    0    0    3\n"
      "(七)总计    3    1    0    0    0    0    4\n"
      "四、结转下年度继续办理    0    0    0    0    0    0    0\n"
      "四、政府信息公开行政复议、行政诉讼情况\n";
  auto r = ParseDocument(Doc(text, "aligned.txt"));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->tables().t3().info().source_kind(), "text-aligned");
  EXPECT_EQ(CellValueString(*FindCell(r->tables(), "t3.new_received.total")), "4");
  EXPECT_EQ(CellValueString(*FindCell(r->tables(), "t3.result.granted.commercial_enterprise")), "1");
  EXPECT_EQ(CellValueString(*FindCell(r->tables(), "t3.result.total.natural_person")), "3");
  EXPECT_EQ(r->sections_size(), 2);
}

}  // namespace
}  // namespace xxgk::report
