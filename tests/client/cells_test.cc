// `xxgk parse --output=cells`: the format of VOCABULARY.md.
#include "client/cells.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "report/cell_keys.h"

namespace xxgk::client {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

xxgk::v1::Report Sample() {
  xxgk::v1::Report r;
  auto* m = r.mutable_meta();
  m->set_report_year(2024);
  m->set_agency("乌恰县乌恰镇人民政府");
  m->set_province("新疆维吾尔自治区");
  m->set_agency_level(xxgk::v1::TOWNSHIP_GOVERNMENT);
  m->set_format_version(xxgk::v1::FORMAT_2021);
  m->set_script(xxgk::v1::SIMPLIFIED);
  m->mutable_publish_date()->set_year(2025);
  m->mutable_publish_date()->set_month(1);
  m->mutable_publish_date()->set_day(5);
  r.add_sections()->set_kind(xxgk::v1::Section::GENERAL);
  r.add_sections()->set_kind(xxgk::v1::Section::APPLICATIONS);
  auto* c = report::MutableCell(r.mutable_tables(), "t3.new_received.total");
  c->set_presence(xxgk::v1::Cell::NUMBER);
  c->set_value("12");
  report::MutableCell(r.mutable_tables(), "t2.fees.amount_wan_yuan")
      ->set_presence(xxgk::v1::Cell::BLANK);
  report::MutableCell(r.mutable_tables(), "t4.review.total")->set_presence(xxgk::v1::Cell::NA);
  return r;
}

TEST(CellsTest, OneSortedTabSeparatedLinePerFact) {
  EXPECT_EQ(CellsOutput(Sample()),
            "meta.agency\t乌恰县乌恰镇人民政府\n"
            "meta.agency_level\ttownship_government\n"
            "meta.format\t2021\n"
            "meta.province\t新疆维吾尔自治区\n"
            "meta.publish_date\t2025-01-05\n"
            "meta.script\tsimplified\n"
            "meta.year\t2024\n"
            "section.APPLICATIONS\tpresent\n"
            "section.GENERAL\tpresent\n"
            "t2.fees.amount_wan_yuan\tBLANK\n"
            "t3.new_received.total\t12\n"
            "t4.review.total\tNA\n");
}

TEST(CellsTest, AbsentFactsAreNotPrinted) {
  xxgk::v1::Report r;
  r.mutable_meta()->set_report_year(2019);
  r.mutable_meta()->mutable_publish_date()->set_year(2020);  // month/day unknown
  r.mutable_meta()->set_format_version(xxgk::v1::FORMAT_LEGACY);
  std::string out = CellsOutput(r);
  EXPECT_EQ(out, "meta.format\tlegacy\nmeta.year\t2019\n");
  EXPECT_THAT(out, Not(HasSubstr("publish_date")));
}

TEST(CellsTest, TextCellsStayOnOneLine) {
  xxgk::v1::Report r;
  auto* c = report::MutableCell(r.mutable_tables(), "t3.carried_over.total");
  c->set_presence(xxgk::v1::Cell::TEXT);
  c->set_raw("见\n附表");
  std::string out = CellsOutput(r);
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 1);
  EXPECT_THAT(out, HasSubstr("t3.carried_over.total\tTEXT:"));
}

TEST(CellsTest, NamesOfEnums) {
  EXPECT_EQ(AgencyLevelName(xxgk::v1::COUNTY_DEPARTMENT), "county_department");
  EXPECT_EQ(AgencyLevelName(xxgk::v1::AGENCY_LEVEL_UNSPECIFIED), "");
  EXPECT_EQ(FormatName(xxgk::v1::FORMAT_2019), "2019");
  EXPECT_EQ(ScriptName(xxgk::v1::TRADITIONAL), "traditional");
}

TEST(CellsTest, TextAndJsonOutputsCarryTheFacts) {
  std::string text = ReportText(Sample());
  EXPECT_THAT(text, HasSubstr("agency: 乌恰县乌恰镇人民政府"));
  EXPECT_THAT(text, HasSubstr("t3.new_received.total = 12"));
  std::string json = ReportJson(Sample());
  EXPECT_THAT(json, HasSubstr("\"report_year\":2024"));
  EXPECT_EQ(json.back(), '\n');
}

}  // namespace
}  // namespace xxgk::client
