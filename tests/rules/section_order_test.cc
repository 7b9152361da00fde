// section_order and the rules SEC-ORDER / SEC-ORDER-LEGACY.
#include "gtest/gtest.h"
#include "tests/rules/catalogue_test_util.h"

namespace xxgk::rules::testing {
namespace {

using xxgk::v1::Section;

constexpr char kRule[] = R"pb(
  section_order {
    order: [ GENERAL, ACTIVE_DISCLOSURE, APPLICATIONS, REVIEW_LITIGATION, PROBLEMS, OTHER_MATTERS ]
    check_numerals: true
  }
)pb";

TEST(SectionOrder, InOrderAndNumberedOnceIsQuiet) {
  auto check = CompileText(kRule);
  ASSERT_NE(check, nullptr);
  EXPECT_TRUE(Eval(*check, OkReport2021()).empty());
}

TEST(SectionOrder, SwappedSectionsAreReported) {
  auto check = CompileText(kRule);
  ASSERT_NE(check, nullptr);
  auto r = OkReport2021();
  r.mutable_sections()->SwapElements(2, 4);  // 五 before 三
  auto findings = Eval(*check, r);
  ASSERT_FALSE(findings.empty());
  bool order = false;
  for (const auto& f : findings) {
    if (f.message().find("顺序") != std::string::npos) order = true;
  }
  EXPECT_TRUE(order);
}

TEST(SectionOrder, DuplicatedNumeralNamesBothHeadings) {
  auto check = CompileText(kRule);
  ASSERT_NE(check, nullptr);
  auto r = OkReport2021();
  SectionOf(&r, Section::PROBLEMS)->set_number(4);
  SectionOf(&r, Section::PROBLEMS)->set_heading("四、存在的主要问题及改进情况");
  auto findings = Eval(*check, r);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_NE(findings[0].message().find("四、政府信息公开行政复议"), std::string::npos) << findings[0].message();
  EXPECT_NE(findings[0].message().find("四、存在的主要问题"), std::string::npos);
  EXPECT_EQ(findings[0].location().section(), Section::PROBLEMS);
}

TEST(SectionOrder, SkippedNumeralIsReported) {
  auto check = CompileText(kRule);
  ASSERT_NE(check, nullptr);
  auto r = OkReport2021();
  for (int i = 3; i < 6; ++i) r.mutable_sections(i)->set_number(i + 2);  // 一 二 三 五 六 七
  auto findings = Eval(*check, r);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].expected(), "四");
  EXPECT_EQ(findings[0].actual(), "五");
}

TEST(SectionOrder, MissingPartOrSwappedPartsAreNotNumberingErrors) {
  auto check = CompileText(kRule);
  ASSERT_NE(check, nullptr);
  auto r = OkReport2021();
  r.mutable_sections()->DeleteSubrange(2, 1);  // 一 二 四 五 六: SECTION_MISSING's business
  EXPECT_TRUE(Eval(*check, r).empty());
  r = OkReport2021();
  r.mutable_sections()->SwapElements(4, 5);  // 六 before 五: one order finding only
  EXPECT_EQ(Eval(*check, r).size(), 1u);
}

TEST(SectionOrder, SubPartsAreIgnored) {
  auto check = CompileText(kRule);
  ASSERT_NE(check, nullptr);
  auto r = OkReport2021();
  Section* sub = r.add_sections();
  sub->set_kind(Section::KIND_UNSPECIFIED);
  sub->set_heading("（一）主要问题");
  sub->set_number(1);
  sub->set_level(2);
  EXPECT_TRUE(Eval(*check, r).empty());
}

TEST(SectionOrder, RejectsEmptyAndRepeatedParameters) {
  EXPECT_NE(CompileError("section_order {}"), "");
  EXPECT_NE(CompileError("section_order { order: [GENERAL, GENERAL] }").find("twice"), std::string::npos);
}

TEST(SectionOrderRule, NationalSetPassesAndFails) {
  auto r = OkReport2021();
  EXPECT_TRUE(WithRule(Check(r), "SEC-ORDER").empty());
  SectionOf(&r, Section::OTHER_MATTERS)->set_number(5);
  auto found = WithRule(Check(r), "SEC-ORDER");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].category(), xxgk::v1::SECTION_ORDER);
  EXPECT_EQ(found[0].severity(), xxgk::v1::WARNING);
}

TEST(SectionOrderRule, LegacyReportWithTwoPartsNumberedTwo) {
  xxgk::v1::Report r;
  r.mutable_meta()->set_report_year(2017);
  r.mutable_meta()->set_format_version(xxgk::v1::FORMAT_LEGACY);
  auto add = [&](Section::Kind kind, const char* heading, int number) {
    Section* s = r.add_sections();
    s->set_kind(kind);
    s->set_heading(heading);
    s->set_number(number);
    s->set_level(1);
    s->set_text("本年度认真开展政府信息公开工作，存在问题并加以改进。");
  };
  add(Section::GENERAL, "一、概述", 1);
  add(Section::ACTIVE_DISCLOSURE, "二、政府信息公开情况", 2);
  EXPECT_TRUE(WithRule(Check(r), "SEC-ORDER-LEGACY").empty());
  add(Section::PROBLEMS, "二、存在困难和问题", 2);
  auto found = WithRule(Check(r), "SEC-ORDER-LEGACY");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity(), xxgk::v1::WARNING);
  EXPECT_NE(found[0].message().find("二、存在困难和问题"), std::string::npos);
}

}  // namespace
}  // namespace xxgk::rules::testing
