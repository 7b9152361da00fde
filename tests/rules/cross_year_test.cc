// cross_year and the rules Y-1 (carry-over per column) and Y-2 (documents in force).
#include "gtest/gtest.h"
#include "tests/rules/catalogue_test_util.h"

namespace xxgk::rules::testing {
namespace {

// Last year's report consistent with this year's fixture: its carried-forward
// row is this year's carried-over row, and in_force + issued − repealed holds.
xxgk::v1::Report Previous() {
  auto prev = OkReport2021();
  prev.mutable_meta()->set_report_year(2021);
  const auto cur = OkReport2021();
  for (const char* col : {"natural_person", "commercial_enterprise", "research_institution", "social_welfare_org",
                          "legal_service_org", "other_org", "total"}) {
    SetNumber(&prev, std::string("t3.carried_forward.") + col, Value(cur, std::string("t3.carried_over.") + col));
  }
  SetNumber(&prev, "t2.rules.in_force", "14");               // 14 + 2 − 1 = 15
  SetNumber(&prev, "t2.normative_documents.in_force", "77");  // 77 + 12 − 3 = 86
  return prev;
}

TEST(CrossYearRule, ConsistentWithLastYearIsQuiet) {
  const auto prev = Previous();
  auto resp = Check(OkReport2021(), &prev);
  EXPECT_TRUE(WithRule(resp, "Y-1").empty()) << Describe(resp);
  EXPECT_TRUE(WithRule(resp, "Y-2").empty()) << Describe(resp);
}

TEST(CrossYearRule, CarryOverMismatchNamesTheColumn) {
  auto prev = Previous();
  SetNumber(&prev, "t3.carried_forward.natural_person", "7");
  SetNumber(&prev, "t3.carried_forward.total", "9");
  auto found = WithRule(Check(OkReport2021(), &prev), "Y-1");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].severity(), xxgk::v1::WARNING);
  EXPECT_EQ(found[0].category(), xxgk::v1::CROSS_YEAR);
  EXPECT_EQ(found[0].location().cell_keys(0), "t3.carried_over.natural_person");
  EXPECT_EQ(found[0].expected(), "7");
  EXPECT_EQ(found[0].actual(), "3");
  EXPECT_NE(found[0].message().find("2021"), std::string::npos) << found[0].message();
}

TEST(CrossYearRule, InForceMismatchShowsTheArithmetic) {
  auto prev = Previous();
  SetNumber(&prev, "t2.normative_documents.in_force", "80");
  auto found = WithRule(Check(OkReport2021(), &prev), "Y-2");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].arithmetic(), "80 + 12 − 3 ≠ 86");
  EXPECT_EQ(found[0].expected(), "89");
}

TEST(CrossYearRule, WithoutLastYearOrWithAnotherYearNothingIsChecked) {
  auto prev = Previous();
  SetNumber(&prev, "t3.carried_forward.total", "9");
  EXPECT_TRUE(WithRule(Check(OkReport2021()), "Y-1").empty());
  prev.mutable_meta()->set_report_year(2019);
  EXPECT_TRUE(WithRule(Check(OkReport2021(), &prev), "Y-1").empty());
}

TEST(CrossYear, CompileErrors) {
  EXPECT_NE(CompileError(R"pb(cross_year { current: "t3.carried_over.{col}" previous: "t3.carried_forward.total" })pb")
                .find("placeholder"),
            std::string::npos);
  EXPECT_NE(CompileError(R"pb(cross_year { current: "t3.x" previous: "t3.carried_forward.total" })pb")
                .find("unknown cell key"),
            std::string::npos);
}

}  // namespace
}  // namespace xxgk::rules::testing
