// deadline and the rules DEADLINE (Art. 49) / DEADLINE-492 (before 2019).
#include "gtest/gtest.h"
#include "tests/rules/catalogue_test_util.h"

namespace xxgk::rules::testing {
namespace {

using xxgk::v1::Finding;

void Publish(xxgk::v1::Report* r, int y, int m, int d) {
  r->mutable_meta()->mutable_publish_date()->set_year(y);
  r->mutable_meta()->mutable_publish_date()->set_month(m);
  r->mutable_meta()->mutable_publish_date()->set_day(d);
}

TEST(DeadlineRule, DepartmentByThirtyFirstJanuary) {
  auto r = OkReport2021();  // 2022 report of a prefecture department, published 2023-01-20
  EXPECT_TRUE(WithRule(Check(r), "DEADLINE").empty());
  Publish(&r, 2023, 2, 1);
  auto found = WithRule(Check(r), "DEADLINE");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity(), xxgk::v1::ERROR);
  EXPECT_EQ(found[0].status(), Finding::FAIL);
  EXPECT_EQ(found[0].actual(), "2023-02-01");
  EXPECT_NE(found[0].message().find("逾期1天"), std::string::npos) << found[0].message();
}

TEST(DeadlineRule, CountyGovernmentByThirtyFirstMarch) {
  auto r = OkReport2021();
  r.mutable_meta()->set_agency_level(xxgk::v1::COUNTY_GOVERNMENT);
  Publish(&r, 2023, 3, 31);
  EXPECT_TRUE(WithRule(Check(r), "DEADLINE").empty());
  Publish(&r, 2023, 4, 1);
  ASSERT_EQ(WithRule(Check(r), "DEADLINE").size(), 1u);
}

TEST(DeadlineRule, TownshipIsAssessedAgainstMarchAsUncertain) {
  auto r = OkReport2021();
  r.mutable_meta()->set_agency_level(xxgk::v1::TOWNSHIP_GOVERNMENT);
  Publish(&r, 2023, 2, 15);
  EXPECT_TRUE(WithRule(Check(r), "DEADLINE").empty());
  Publish(&r, 2023, 5, 1);
  auto found = WithRule(Check(r), "DEADLINE");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].status(), Finding::UNCERTAIN);
  EXPECT_EQ(found[0].severity(), xxgk::v1::WARNING);
  EXPECT_FALSE(found[0].uncertain_reason().empty());
}

TEST(DeadlineRule, NoPublicationDateIsInfoNotAssessable) {
  auto r = OkReport2021();
  r.mutable_meta()->clear_publish_date();
  auto found = WithRule(Check(r), "DEADLINE");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].status(), Finding::NOT_ASSESSABLE);
  EXPECT_EQ(found[0].severity(), xxgk::v1::INFO);
}

TEST(DeadlineRule, BeforeTheRevisionEveryOrganByThirtyFirstMarch) {
  auto r = OkReport2021();
  r.clear_tables();
  r.mutable_meta()->set_report_year(2017);
  r.mutable_meta()->set_format_version(xxgk::v1::FORMAT_LEGACY);
  r.mutable_meta()->set_agency_level(xxgk::v1::TOWNSHIP_GOVERNMENT);
  Publish(&r, 2018, 3, 20);
  auto resp = Check(r);
  EXPECT_TRUE(WithRule(resp, "DEADLINE-492").empty());
  EXPECT_TRUE(WithRule(resp, "DEADLINE").empty());
  Publish(&r, 2018, 8, 21);
  auto found = WithRule(Check(r), "DEADLINE-492");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity(), xxgk::v1::ERROR);
  EXPECT_EQ(found[0].status(), Finding::FAIL);
  EXPECT_EQ(found[0].expected(), "≤ 2018-03-31");
}

TEST(Deadline, MonthOnlyDateIsDecidedWhenPossible) {
  auto check = CompileText(R"pb(deadline { entries { month: 3 day: 31 year_offset: 1 } })pb");
  ASSERT_NE(check, nullptr);
  auto r = OkReport2021();
  Publish(&r, 2023, 5, 0);
  ASSERT_EQ(Eval(*check, r).size(), 1u);
  EXPECT_EQ(Eval(*check, r)[0].status(), Finding::FAIL);
  Publish(&r, 2023, 3, 0);
  ASSERT_EQ(Eval(*check, r).size(), 1u);
  EXPECT_EQ(Eval(*check, r)[0].status(), Finding::NOT_ASSESSABLE);
  Publish(&r, 2023, 2, 0);
  EXPECT_TRUE(Eval(*check, r).empty());
}

TEST(Deadline, ImpossibleDatesAreCompileErrors) {
  EXPECT_NE(CompileError(R"pb(deadline { entries { month: 13 day: 1 } })pb").find("month"), std::string::npos);
  EXPECT_NE(CompileError(R"pb(deadline { entries { month: 2 day: 30 } })pb").find("day"), std::string::npos);
  EXPECT_NE(CompileError("deadline {}"), "");
}

}  // namespace
}  // namespace xxgk::rules::testing
