// The Huaihua city set (rules/sets/provinces/huaihua.textproto): its 2022
// notice's deadlines replace Art. 49's for report years 2021 on, and only
// those years; a deadline entry limited to years is a compile-time check.
#include "gtest/gtest.h"
#include "tests/rules/catalogue_test_util.h"

namespace xxgk::rules::testing {
namespace {

using xxgk::v1::Finding;

xxgk::v1::Report HuaihuaReport(int report_year, xxgk::v1::AgencyLevel level, int y, int m, int d) {
  auto r = OkReport2021();
  r.mutable_meta()->set_region_code("431202");
  r.mutable_meta()->set_province("湖南省");
  r.mutable_meta()->set_report_year(report_year);
  r.mutable_meta()->set_agency_level(level);
  auto* date = r.mutable_meta()->mutable_publish_date();
  date->set_year(y);
  date->set_month(m);
  date->set_day(d);
  return r;
}

bool Applied(const xxgk::v1::ValidateResponse& resp, const std::string& id) {
  for (const auto& a : resp.rulesets()) {
    if (a.id() == id) return true;
  }
  return false;
}

TEST(HuaihuaDeadline, CityDepartmentsByTwentyEighthJanuary) {
  auto on_time = Check(HuaihuaReport(2022, xxgk::v1::PREFECTURE_DEPARTMENT, 2023, 1, 28));
  ASSERT_TRUE(Applied(on_time, "huaihua"));
  EXPECT_TRUE(WithRule(on_time, "DEADLINE").empty());
  auto late = WithRule(Check(HuaihuaReport(2022, xxgk::v1::PREFECTURE_DEPARTMENT, 2023, 1, 29)), "DEADLINE");
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].status(), Finding::FAIL);
  EXPECT_NE(late[0].message().find("怀化市直单位"), std::string::npos) << late[0].message();
}

TEST(HuaihuaDeadline, TownshipsByTwentiethFebruaryAsACertainFinding) {
  EXPECT_TRUE(WithRule(Check(HuaihuaReport(2022, xxgk::v1::TOWNSHIP_GOVERNMENT, 2023, 2, 20)), "DEADLINE").empty());
  auto late = WithRule(Check(HuaihuaReport(2022, xxgk::v1::STREET_OFFICE, 2023, 3, 1)), "DEADLINE");
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].status(), Finding::FAIL) << "the city names townships, so lateness is not uncertain";
}

TEST(HuaihuaDeadline, YearsBeforeTheNoticeKeepArticleFortyNine) {
  // A 2020 report of a city department published on 29 January 2021: late by
  // the notice's date, on time by Art. 49 (31 January).
  EXPECT_TRUE(WithRule(Check(HuaihuaReport(2020, xxgk::v1::PREFECTURE_DEPARTMENT, 2021, 1, 29)), "DEADLINE").empty());
  EXPECT_EQ(WithRule(Check(HuaihuaReport(2020, xxgk::v1::PREFECTURE_DEPARTMENT, 2021, 2, 1)), "DEADLINE").size(), 1u);
}

TEST(HuaihuaDeadline, AnEntryAdmittingNoYearIsACompileError) {
  const std::string err = CompileError(R"pb(
    id: "D" title: "t" severity: ERROR category: DEADLINE
    basis { citation: "c" evidence: VERIFIED }
    deadline { entries { month: 1 day: 28 year_offset: 1 min_year: 2022 max_year: 2021 } }
  )pb");
  EXPECT_NE(err.find("admit no year"), std::string::npos) << err;
}

}  // namespace
}  // namespace xxgk::rules::testing
