// required_mention and the rules CONTENT-FEE and CONTENT-ACCOUNTABILITY.
#include "gtest/gtest.h"
#include "tests/rules/catalogue_test_util.h"

namespace xxgk::rules::testing {
namespace {

using xxgk::v1::Section;

TEST(RequiredMention, ExcludedMatchesDoNotCount) {
  auto check = CompileText(R"pb(required_mention {
    section: OTHER_MATTERS any_of: "收费" exclude: "行政事业性收费" what: "收费情况" })pb");
  ASSERT_NE(check, nullptr);
  auto r = OkReport2021();
  SectionOf(&r, Section::OTHER_MATTERS)->set_text("本年行政事业性收费7730.28万元。");
  auto findings = Eval(*check, r);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_NE(findings[0].message().find("收费情况"), std::string::npos);
  EXPECT_EQ(findings[0].location().section(), Section::OTHER_MATTERS);
  SectionOf(&r, Section::OTHER_MATTERS)->mutable_text()->append("未收费。");
  EXPECT_TRUE(Eval(*check, r).empty());
}

TEST(RequiredMention, MinCountAndAbsentSection) {
  auto check = CompileText(R"pb(required_mention { section: PROBLEMS any_of: "问题" min_count: 3 })pb");
  ASSERT_NE(check, nullptr);
  auto r = OkReport2021();
  ASSERT_EQ(Eval(*check, r).size(), 1u);
  EXPECT_EQ(Eval(*check, r)[0].actual(), "1");
  r.mutable_sections()->DeleteSubrange(4, 1);  // no part 五: SECTION_MISSING's business
  EXPECT_TRUE(Eval(*check, r).empty());
}

TEST(RequiredMention, OpeningIsTheTextBeforeTheFirstSection) {
  auto check = CompileText(R"pb(required_mention { in_opening: true any_of: "国办公开办函" })pb");
  ASSERT_NE(check, nullptr);
  auto r = OkReport2021();
  r.set_text("根据国办公开办函〔2021〕30号编制本报告。\n一、总体情况\n正文");
  r.mutable_sections(0)->mutable_span()->set_begin(r.text().find("一、"));
  EXPECT_TRUE(Eval(*check, r).empty());
  r.set_text("本报告。\n一、总体情况\n依据国办公开办函");
  r.mutable_sections(0)->mutable_span()->set_begin(r.text().find("一、"));
  EXPECT_EQ(Eval(*check, r).size(), 1u);
}

TEST(RequiredMention, BadPatternIsACompileError) {
  EXPECT_NE(CompileError(R"pb(required_mention { any_of: "(" })pb").find("any_of[0]"), std::string::npos);
}

TEST(FeeStatementRule, StatedInPartSix) {
  auto r = OkReport2021();
  EXPECT_TRUE(WithRule(Check(r), "CONTENT-FEE").empty());
  SectionOf(&r, Section::OTHER_MATTERS)->set_text("本年度未产生信息公开处理费。");
  EXPECT_TRUE(WithRule(Check(r), "CONTENT-FEE").empty());
  SectionOf(&r, Section::OTHER_MATTERS)->set_text("本局没有收取政府信息公开申请费用。");
  EXPECT_TRUE(WithRule(Check(r), "CONTENT-FEE").empty());
  SectionOf(&r, Section::OTHER_MATTERS)->set_text("本年度未收取信息公开相关费用。");
  EXPECT_TRUE(WithRule(Check(r), "CONTENT-FEE").empty());
  SectionOf(&r, Section::OTHER_MATTERS)->set_text("人大代表建议已全部办结。本年度未收取任何费用。");
  EXPECT_TRUE(WithRule(Check(r), "CONTENT-FEE").empty());
}

TEST(FeeStatementRule, AdministrativeFeesAloneDoNotCount) {
  auto r = OkReport2021();
  SectionOf(&r, Section::OTHER_MATTERS)->set_text("本局办理人大代表建议12件。本年行政事业性收费7730.28万元。");
  auto found = WithRule(Check(r), "CONTENT-FEE");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].category(), xxgk::v1::CONTENT_MISSING);
  EXPECT_EQ(found[0].severity(), xxgk::v1::WARNING);
  EXPECT_NE(found[0].message().find("信息处理费"), std::string::npos);
}

TEST(AccountabilityRule, GovernmentReportsOnly) {
  auto r = OkReport2021();
  r.mutable_meta()->set_agency_level(xxgk::v1::COUNTY_GOVERNMENT);
  r.mutable_meta()->mutable_publish_date()->set_month(3);
  auto found = WithRule(Check(r), "CONTENT-ACCOUNTABILITY");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity(), xxgk::v1::WARNING);
  SectionOf(&r, Section::GENERAL)->mutable_text()->append("本年度政务公开工作纳入绩效考核，未发生责任追究情况。");
  EXPECT_TRUE(WithRule(Check(r), "CONTENT-ACCOUNTABILITY").empty());
  // A department's report is not asked for it.
  auto dept = OkReport2021();
  EXPECT_TRUE(WithRule(Check(dept), "CONTENT-ACCOUNTABILITY").empty());
}

}  // namespace
}  // namespace xxgk::rules::testing
