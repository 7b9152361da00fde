// substantive_section and the rules CONTENT-PROBLEMS / CONTENT-PROBLEMS-LEGACY.
#include "gtest/gtest.h"
#include "tests/rules/catalogue_test_util.h"

namespace xxgk::rules::testing {
namespace {

using xxgk::v1::Section;

constexpr char kRule[] = R"pb(substantive_section {
  kind: PROBLEMS min_chars: 30 boilerplate: "^(无|没有|暂无)[。.]?$"
  must_mention_any: "问题|不足" must_mention_any: "改进|措施" })pb";

TEST(SubstantiveSection, ProblemsAndImprovementsPass) {
  auto check = CompileText(kRule);
  ASSERT_NE(check, nullptr);
  EXPECT_TRUE(Eval(*check, OkReport2021()).empty());
}

TEST(SubstantiveSection, NothingSaidIsReportedWithEveryReason) {
  auto check = CompileText(kRule);
  ASSERT_NE(check, nullptr);
  auto r = OkReport2021();
  SectionOf(&r, Section::PROBLEMS)->set_text("无。");
  auto findings = Eval(*check, r);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_NE(findings[0].message().find("套话"), std::string::npos) << findings[0].message();
  EXPECT_NE(findings[0].message().find("仅1个汉字"), std::string::npos);
  EXPECT_EQ(findings[0].location().excerpt(), "无。");
}

TEST(SubstantiveSection, ProblemsWithoutImprovements) {
  auto check = CompileText(kRule);
  ASSERT_NE(check, nullptr);
  auto r = OkReport2021();
  SectionOf(&r, Section::PROBLEMS)
      ->set_text("存在的主要问题是公开内容不够全面、解读形式较为单一、基层人员业务水平参差不齐，信息发布时效性也有待加强。");
  auto findings = Eval(*check, r);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_NE(findings[0].message().find("改进|措施"), std::string::npos);
}

// Two sections of the kind are read as one body, joined by a newline (a
// first section with no text adds none).
TEST(SubstantiveSection, SectionsOfTheKindAreReadTogether) {
  auto check = CompileText(kRule);
  ASSERT_NE(check, nullptr);
  auto r = OkReport2021();
  SectionOf(&r, Section::PROBLEMS)->set_text("无。");
  Section* second = r.add_sections();
  second->set_kind(Section::PROBLEMS);
  second->set_text("  改进  ");
  auto findings = Eval(*check, r);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].location().excerpt(), "无。\n  改进");
  EXPECT_EQ(findings[0].message().find("套话"), std::string::npos) << findings[0].message();
  EXPECT_NE(findings[0].message().find("仅3个汉字"), std::string::npos) << findings[0].message();
  EXPECT_NE(findings[0].message().find("问题|不足"), std::string::npos);
  EXPECT_EQ(findings[0].message().find("改进|措施"), std::string::npos);
  SectionOf(&r, Section::PROBLEMS)->clear_text();
  findings = Eval(*check, r);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].location().excerpt(), "改进");
}

TEST(SubstantiveSection, AbsentSectionIsQuiet) {
  auto check = CompileText(kRule);
  ASSERT_NE(check, nullptr);
  auto r = OkReport2021();
  r.mutable_sections()->DeleteSubrange(4, 1);
  EXPECT_TRUE(Eval(*check, r).empty());
}

TEST(ProblemsRule, NationalSetPassesAndFails) {
  auto r = OkReport2021();
  EXPECT_TRUE(WithRule(Check(r), "CONTENT-PROBLEMS").empty());
  SectionOf(&r, Section::PROBLEMS)->set_text("无");
  auto found = WithRule(Check(r), "CONTENT-PROBLEMS");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].category(), xxgk::v1::CONTENT_MISSING);
  EXPECT_EQ(found[0].severity(), xxgk::v1::WARNING);
}

TEST(ProblemsRule, LegacyReport) {
  xxgk::v1::Report r;
  r.mutable_meta()->set_report_year(2016);
  r.mutable_meta()->set_format_version(xxgk::v1::FORMAT_LEGACY);
  Section* s = r.add_sections();
  s->set_kind(Section::PROBLEMS);
  s->set_heading("四、存在的主要问题和改进措施");
  s->set_number(1);
  s->set_level(1);
  s->set_text("工作中仍存在一些问题和不足，公开内容不够全面，信息更新不及时，下一步将加以改进。");
  EXPECT_TRUE(WithRule(Check(r), "CONTENT-PROBLEMS-LEGACY").empty());
  s->set_text("无。");
  EXPECT_EQ(WithRule(Check(r), "CONTENT-PROBLEMS-LEGACY").size(), 1u);
}

}  // namespace
}  // namespace xxgk::rules::testing
