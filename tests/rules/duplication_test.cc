// duplication and the rule DUP-1.
#include "gtest/gtest.h"
#include "tests/rules/catalogue_test_util.h"

namespace xxgk::rules::testing {
namespace {

using xxgk::v1::Section;

// Last year's report written independently: different prose, other figures.
xxgk::v1::Report Independent() {
  auto prev = OkReport2021();
  prev.mutable_meta()->set_report_year(2021);
  SectionOf(&prev, Section::GENERAL)->set_text("2021年，我局围绕法治政府建设要求，完善公开目录，推进重点领域信息公开，主动公开各类信息980条，办理群众申请三百余件。");
  SectionOf(&prev, Section::ACTIVE_DISCLOSURE)->set_text("全年制定规章一件，印发规范性文件九件，行政许可事项办理量有所上升。");
  SectionOf(&prev, Section::APPLICATIONS)->set_text("申请数量较前一年增长，主要集中在环境影响评价和排污许可领域。");
  SectionOf(&prev, Section::REVIEW_LITIGATION)->set_text("复议和诉讼案件均已依法应诉答辩。");
  SectionOf(&prev, Section::PROBLEMS)->set_text("问题在于网站栏目更新不及时；今后将建立更新台账，定期巡检。");
  SectionOf(&prev, Section::OTHER_MATTERS)->set_text("本年度未收取任何信息处理费，人大建议和政协提案全部按期办结。");
  SetNumber(&prev, "t2.licensing.decisions", "1401");
  SetNumber(&prev, "t2.penalty.decisions", "198");
  return prev;
}

TEST(DuplicationRule, IndependentReportsAreQuiet) {
  const auto prev = Independent();
  auto resp = Check(OkReport2021(), &prev);
  EXPECT_TRUE(WithRule(resp, "DUP-1").empty()) << Describe(resp);
}

TEST(DuplicationRule, SameTextWithOnlyTheYearChanged) {
  auto prev = Independent();
  const auto cur = OkReport2021();
  for (int i = 0; i < cur.sections_size(); ++i) {
    std::string t = cur.sections(i).text();
    for (size_t p; (p = t.find("2022")) != std::string::npos;) t.replace(p, 4, "2021");
    prev.mutable_sections(i)->set_text(t);
  }
  auto found = WithRule(Check(cur, &prev), "DUP-1");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].category(), xxgk::v1::DUPLICATION);
  EXPECT_EQ(found[0].severity(), xxgk::v1::WARNING);
  EXPECT_EQ(found[0].actual(), "1.000");
}

TEST(DuplicationRule, EveryFigureIdenticalButNotAllZero) {
  auto prev = Independent();
  *prev.mutable_tables() = OkReport2021().tables();
  auto found = WithRule(Check(OkReport2021(), &prev), "DUP-1");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].message().find("完全相同"), std::string::npos);
}

TEST(Duplication, AllZeroTablesTwiceAreNotCopies) {
  auto check = CompileText("duplication { identical_figures: true }");
  ASSERT_NE(check, nullptr);
  auto cur = OkReport2021();
  report::ForEachCell(cur.tables(), [&](const std::string& key, const xxgk::v1::Cell&) { SetNumber(&cur, key, "0"); });
  auto prev = cur;
  for (auto& s : *prev.mutable_sections()) s.set_text("另一份完全不同的文字，没有任何相同的内容可以比对出来的。");
  EXPECT_TRUE(Eval(*check, cur, &prev).empty());
  EXPECT_TRUE(Eval(*check, cur).empty());  // no previous report
}

TEST(Duplication, ThresholdOutOfRangeIsACompileError) {
  EXPECT_NE(CompileError("duplication { threshold: 1.5 }").find("threshold"), std::string::npos);
}

}  // namespace
}  // namespace xxgk::rules::testing
