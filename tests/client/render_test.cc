// The validate output formats, on a response with known findings.
#include "client/render.h"

#include "gmock/gmock.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "tests/client/golden_util.h"

namespace xxgk::client {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

xxgk::v1::ValidateResponse KnownResponse() {
  xxgk::v1::ValidateResponse r;
  bool ok = google::protobuf::TextFormat::ParseFromString(R"pb(
    findings {
      rule_id: "T3-A" ruleset_id: "national-2021" ruleset_version: "1"
      category: ARITHMETIC severity: ERROR status: FAIL
      message: "表三“予以公开”行各列之和与总计不符"
      message_en: "Row total differs from the sum of its columns"
      title: "表三行合计"
      location {
        section: APPLICATIONS
        cell_keys: "t3.result.granted.natural_person"
        cell_keys: "t3.result.granted.total"
        place: "表三 · （一）予以公开 · 总计列"
        table: "t3"
        span { line: 42 }
      }
      arithmetic: "6 + 1 ≠ 6"
    }
    findings {
      rule_id: "C-2" ruleset_id: "national-2021" category: CONTENT_MISSING severity: WARNING
      status: UNCERTAIN uncertain_reason: "section is short"
      message: "未说明收费情况, \"quoted\""
      location { section: OTHER_MATTERS excerpt: "本单位无其他需要报告的事项。" }
    }
    findings {
      rule_id: "D-1" category: DEADLINE severity: ERROR waived: true
      message: "逾期发布"
      expected: "2024-01-31" actual: "2024-02-10"
    }
    rulesets { id: "national-2021" version: "1" content_hash: "abc123" reason: "national base" }
    summary { errors: 1 warnings: 1 waived: 1 }
    meta { agency: "示例县交通运输局" province: "山东省" report_year: 2023 agency_level: COUNTY_DEPARTMENT }
  )pb", &r);
  EXPECT_TRUE(ok);
  return r;
}

FileResult Known() { return FileResult{"reports/a.txt", "", KnownResponse()}; }
FileResult Unreadable() { return FileResult{"reports/b.pdf", "cannot read this format", {}}; }

TEST(RenderTest, HasErrorIgnoresWaivedErrors) {
  FileResult r = Known();
  EXPECT_TRUE(HasError(r));
  r.response.mutable_findings(0)->set_waived(true);
  EXPECT_FALSE(HasError(r));
  EXPECT_FALSE(HasError(Unreadable()));
}

TEST(RenderTest, SummaryCountsFilesAndFindings) {
  FileResult clean{"c.json", "", {}};
  BatchSummary s = Summarize({Known(), Unreadable(), clean});
  EXPECT_EQ(s.files, 3);
  EXPECT_EQ(s.unreadable, 1);
  EXPECT_EQ(s.with_errors, 1);
  EXPECT_EQ(s.clean, 1);
  EXPECT_EQ(s.errors, 1);
  EXPECT_EQ(s.warnings, 1);
  EXPECT_EQ(s.waived, 1);
}

TEST(RenderTest, JsonLineIsOneValidObjectWithTheRequiredKeys) {
  std::string line = JsonLine(Known());
  ASSERT_FALSE(line.empty());
  EXPECT_EQ(line.back(), '\n');
  EXPECT_EQ(line.find('\n'), line.size() - 1);
  google::protobuf::Struct obj;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(line, &obj).ok()) << line;
  const auto& f = obj.fields();
  EXPECT_EQ(f.at("source").string_value(), "reports/a.txt");
  ASSERT_EQ(f.at("ruleset").list_value().values_size(), 1);
  EXPECT_EQ(f.at("ruleset").list_value().values(0).string_value(), "national-2021");
  EXPECT_EQ(f.at("rulesets").list_value().values(0).struct_value().fields().at("content_hash")
                .string_value(),
            "abc123");
  const auto& findings = f.at("findings").list_value();
  ASSERT_EQ(findings.values_size(), 3);
  for (const auto& v : findings.values()) {
    const auto& ff = v.struct_value().fields();
    for (const char* key : {"rule_id", "category", "severity", "message", "location"}) {
      EXPECT_TRUE(ff.count(key)) << key;
    }
    const auto& loc = ff.at("location").struct_value().fields();
    for (const char* key : {"section", "cell_keys", "excerpt", "place"}) {
      EXPECT_TRUE(loc.count(key)) << key;
    }
  }
  const auto& first = findings.values(0).struct_value().fields();
  EXPECT_EQ(first.at("severity").string_value(), "ERROR");
  EXPECT_EQ(first.at("category").string_value(), "ARITHMETIC");
  EXPECT_EQ(first.at("location").struct_value().fields().at("section").string_value(),
            "APPLICATIONS");
  EXPECT_EQ(f.at("summary").struct_value().fields().at("errors").number_value(), 1);
}

TEST(RenderTest, UnreadableInputIsSourceAndError) {
  google::protobuf::Struct obj;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(JsonLine(Unreadable()), &obj).ok());
  EXPECT_EQ(obj.fields().at("source").string_value(), "reports/b.pdf");
  EXPECT_EQ(obj.fields().at("error").string_value(), "cannot read this format");
  EXPECT_FALSE(obj.fields().count("findings"));
}

TEST(RenderTest, TextReadsLikeCompilerDiagnostics) {
  std::string text = TextDiagnostics(Known(), TextStyle{false});
  EXPECT_THAT(text, HasSubstr("reports/a.txt:42: error [T3-A] 表三"));
  EXPECT_THAT(text, HasSubstr("    = 6 + 1 ≠ 6\n"));
  EXPECT_THAT(text, HasSubstr("    | 本单位无其他需要报告的事项。\n"));
  EXPECT_THAT(text, HasSubstr("(waived)"));
  EXPECT_THAT(text, Not(HasSubstr("\033[")));
  EXPECT_THAT(TextDiagnostics(Known(), TextStyle{true}), HasSubstr("\033[1;31merror\033[0m"));
  EXPECT_EQ(TextDiagnostics(Unreadable(), TextStyle{false}),
            "reports/b.pdf: error: cannot read this format\n");
}

TEST(RenderTest, CsvQuotesFieldsAndOptionallyStartsWithBom) {
  std::string csv = CsvHeader(false) + CsvRows(Known()) + CsvRows(Unreadable());
  EXPECT_EQ(csv.rfind("source,agency,", 0), 0u);
  EXPECT_EQ(CsvHeader(true).rfind("\xEF\xBB\xBF" "source,", 0), 0u);
  EXPECT_THAT(csv, HasSubstr("\"未说明收费情况, \"\"quoted\"\"\""));
  // Header + 3 findings + 1 unreadable row.
  size_t rows = 0;
  for (size_t p = csv.find("\r\n"); p != std::string::npos; p = csv.find("\r\n", p + 2)) ++rows;
  EXPECT_EQ(rows, 5u);
}

TEST(RenderTest, GoldenFiles) {
  std::vector<FileResult> batch = {Known(), Unreadable()};
  std::string json, text, csv = CsvHeader(true);
  for (const auto& r : batch) {
    json += JsonLine(r);
    text += TextDiagnostics(r, TextStyle{false});
    csv += CsvRows(r);
  }
  BatchSummary s = Summarize(batch);
  s.missing_agencies = {"示例县财政局"};
  text += SummaryText(s);
  xxgk::testing::ExpectGolden("render.jsonl", json);
  xxgk::testing::ExpectGolden("render.txt", text);
  xxgk::testing::ExpectGolden("render.csv", csv);
  xxgk::testing::ExpectGolden("render.html", HtmlPage(batch, s));
}

TEST(RenderTest, HtmlPageShowsCountsPerRuleAndAgency) {
  std::vector<FileResult> batch = {Known(), Known(), Unreadable()};
  batch[1].source = "reports/c.txt";
  batch[1].response.mutable_meta()->set_province("湖北省");
  BatchSummary s = Summarize(batch);
  std::string html = HtmlPage(batch, s);
  EXPECT_THAT(html, HasSubstr("<b id=\"count-reports\">3</b>"));
  EXPECT_THAT(html, HasSubstr("<b id=\"count-with-errors\">2</b>"));
  EXPECT_THAT(html, HasSubstr("<b id=\"count-unreadable\">1</b>"));
  // T3-A fails in both readable reports; the waived D-1 counts for none.
  EXPECT_THAT(html, HasSubstr("data-rule=\"T3-A\"><td>T3-A</td><td>表三行合计</td><td>error</td>"
                              "<td class=\"num rule-count\">2</td>"));
  EXPECT_THAT(html, Not(HasSubstr("data-rule=\"D-1\"")));
  EXPECT_THAT(html, HasSubstr("<option value=\"湖北省\">"));
  EXPECT_THAT(html, HasSubstr("<option value=\"山东省\">"));
  EXPECT_THAT(html, Not(HasSubstr("http")));  // self-contained
}

}  // namespace
}  // namespace xxgk::client
