// year_consistency and the rule Y-3.
#include "gtest/gtest.h"
#include "tests/rules/catalogue_test_util.h"

namespace xxgk::rules::testing {
namespace {

using xxgk::v1::Section;

constexpr char kRule[] = "year_consistency { check_period: true }";

TEST(YearConsistency, AgreeingYearsAreQuiet) {
  auto check = CompileText(kRule);
  ASSERT_NE(check, nullptr);
  auto r = OkReport2021();
  // The next year (展望) and older document numbers are legitimate.
  SectionOf(&r, Section::PROBLEMS)->mutable_text()->append("展望2023年，将持续改进。依据2019年以来的制度。");
  EXPECT_TRUE(Eval(*check, r).empty());
}

TEST(YearConsistency, TitleYearDiffersFromReportYear) {
  auto check = CompileText(kRule);
  ASSERT_NE(check, nullptr);
  auto r = OkReport2021();
  r.mutable_meta()->set_title("某市生态环境局2021年政府信息公开工作年度报告");
  auto findings = Eval(*check, r);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].expected(), "2022");
  EXPECT_EQ(findings[0].actual(), "2021");
}

TEST(YearConsistency, PeriodOfAnotherYearOrNotAWholeYear) {
  auto check = CompileText(kRule);
  ASSERT_NE(check, nullptr);
  auto r = OkReport2021();
  r.mutable_meta()->mutable_period_start()->set_year(2021);
  r.mutable_meta()->mutable_period_end()->set_year(2021);
  ASSERT_EQ(Eval(*check, r).size(), 1u);
  r = OkReport2021();
  r.mutable_meta()->mutable_period_end()->set_month(11);
  r.mutable_meta()->mutable_period_end()->set_day(30);
  ASSERT_EQ(Eval(*check, r).size(), 1u);
  // 至12月31日 without a year takes the start's year.
  r = OkReport2021();
  r.mutable_meta()->mutable_period_end()->set_year(0);
  EXPECT_TRUE(Eval(*check, r).empty());
}

TEST(YearConsistency, StaleYearInTheTextIsUncertain) {
  auto check = CompileText(kRule);
  ASSERT_NE(check, nullptr);
  auto r = OkReport2021();
  for (auto& s : *r.mutable_sections()) {
    std::string t = s.text();
    for (size_t p; (p = t.find("2022年")) != std::string::npos;) t.replace(p, 4, "2020");
    s.set_text("2020年，本局工作稳步推进。" + t);
  }
  auto findings = Eval(*check, r);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].status(), xxgk::v1::Finding::UNCERTAIN);
  EXPECT_EQ(findings[0].actual(), "2020");
}

TEST(YearConsistency, TitleYearOneBehindTheTextIsUncertain) {
  auto check = CompileText("year_consistency {}");
  ASSERT_NE(check, nullptr);
  auto r = OkReport2021();  // the text speaks of 2022 throughout
  r.mutable_meta()->set_report_year(2021);
  r.mutable_meta()->set_title("某市生态环境局2021年政府信息公开工作年度报告");
  SectionOf(&r, Section::PROBLEMS)->mutable_text()->append("2022年，我局将继续改进。");
  auto findings = Eval(*check, r);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].actual(), "2022");
  // Naming the next year once (展望) is fine.
  r = OkReport2021();
  SectionOf(&r, Section::PROBLEMS)->mutable_text()->append("展望2023年，继续努力。");
  EXPECT_TRUE(Eval(*check, r).empty());
}

TEST(YearConsistencyRule, NationalSetPassesAndFails) {
  auto r = OkReport2021();
  EXPECT_TRUE(WithRule(Check(r), "Y-3").empty());
  r.mutable_meta()->mutable_period_start()->set_year(2021);
  auto found = WithRule(Check(r), "Y-3");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].category(), xxgk::v1::YEAR_MISMATCH);
  EXPECT_EQ(found[0].severity(), xxgk::v1::ERROR);
}

}  // namespace
}  // namespace xxgk::rules::testing
