// prose_reconcile and the rules X-1 (2021, 2019) and X-1-LEGACY.
// Table figures of the fixture: 新收 390, 上年结转 5, 予以公开 35, 部分公开 8,
// 复议 5, 诉讼 3 + 2, 规范性文件制发 12, 行政事业性收费 7730.28万元.
#include "gtest/gtest.h"
#include "tests/rules/catalogue_test_util.h"

namespace xxgk::rules::testing {
namespace {

using xxgk::v1::Finding;
using xxgk::v1::ProseFact;

std::vector<xxgk::v1::Finding> X1(const xxgk::v1::Report& r) { return WithRule(Check(r), "X-1"); }

TEST(ProseReconcileRule, AgreeingFiguresAreQuiet) {
  auto r = OkReport2021();
  AddFact(&r, "applications.received", "390", "件", "本年新收政府信息公开申请390件");
  AddFact(&r, "applications.received", "395", "件", "共办理申请395件（含上年结转）")->set_includes_carried_over(true);
  AddFact(&r, "applications.granted_and_partial", "43", "件", "予以公开及部分公开43件");
  AddFact(&r, "litigation.total", "5", "件", "提起行政诉讼5件");
  AddFact(&r, "normative_documents.issued", "12", "件", "制发行政规范性文件12件");
  AddFact(&r, "fees.admin", "77302800", "元", "行政事业性收费77302800元");
  AddFact(&r, "fees.admin", "0.77", "亿元", "行政事业性收费0.77亿元");
  AddFact(&r, "applications.received", "380", "件", "收到申请380余件")->set_approximation(ProseFact::AT_LEAST);
  AddFact(&r, "applications.received", "400", "件", "约400件")->set_approximation(ProseFact::ABOUT);
  EXPECT_TRUE(X1(r).empty()) << Describe(Check(r));
}

TEST(ProseReconcileRule, SumOfTwoRowsMismatchShowsTheArithmetic) {
  auto r = OkReport2021();
  auto* f = AddFact(&r, "applications.granted_and_partial", "40", "件", "予以公开及部分公开40件");
  f->set_section(xxgk::v1::Section::APPLICATIONS);
  f->mutable_span()->set_begin(10);
  f->mutable_span()->set_end(40);
  auto found = X1(r);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity(), xxgk::v1::ERROR);
  EXPECT_EQ(found[0].category(), xxgk::v1::TEXT_TABLE_MISMATCH);
  EXPECT_EQ(found[0].arithmetic(), "35 + 8 = 43 ≠ 40");
  EXPECT_EQ(found[0].location().excerpt(), "予以公开及部分公开40件");
  EXPECT_EQ(found[0].location().span().begin(), 10u);
  EXPECT_EQ(found[0].location().cell_keys_size(), 2);
  EXPECT_NE(found[0].message().find("予以公开"), std::string::npos) << found[0].message();
}

TEST(ProseReconcileRule, UnitsAreConvertedBeforeComparing) {
  auto r = OkReport2021();
  AddFact(&r, "fees.admin", "7730.28", "元", "行政事业性收费7730.28元");  // written in 元, table in 万元
  auto found = X1(r);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].arithmetic().find("77302800"), std::string::npos) << found[0].arithmetic();
}

TEST(ProseReconcileRule, ApproximationsAreHonoured) {
  auto r = OkReport2021();
  AddFact(&r, "applications.received", "400", "件", "收到申请400余件")->set_approximation(ProseFact::AT_LEAST);
  AddFact(&r, "applications.received", "300", "件", "约300件")->set_approximation(ProseFact::ABOUT);
  auto found = X1(r);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[1].severity(), xxgk::v1::WARNING);  // the tolerance of 约 is ours
}

TEST(ProseReconcileRule, ScopeWordMakesAMismatchUncertain) {
  auto r = OkReport2021();
  AddFact(&r, "review.total", "12", "件", "全市共发生行政复议12件")->set_scope("全市");
  auto found = X1(r);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].status(), Finding::UNCERTAIN);
  EXPECT_EQ(found[0].severity(), xxgk::v1::WARNING);
  EXPECT_NE(found[0].uncertain_reason().find("全市"), std::string::npos);
}

TEST(ProseReconcileRule, NoTableNoFindingAndClaimsAreLeftToX2) {
  auto r = OkReport2021();
  r.clear_tables();
  AddFact(&r, "applications.received", "1", "件", "共收到申请1件");
  EXPECT_TRUE(X1(r).empty());
  auto q = OkReport2021();
  AddFact(&q, "applications.received", "0", "件", "未收到申请")->set_claim("none");
  EXPECT_TRUE(X1(q).empty());
}

TEST(ProseReconcileRule, Format2019Set) {
  auto r = OkReport2021();
  r.mutable_meta()->set_report_year(2020);
  r.mutable_meta()->set_format_version(xxgk::v1::FORMAT_2019);
  r.mutable_meta()->mutable_publish_date()->set_year(2021);
  AddFact(&r, "review.total", "5", "件", "行政复议5件");
  EXPECT_TRUE(X1(r).empty());
  AddFact(&r, "review.total", "6", "件", "行政复议6件");
  EXPECT_EQ(X1(r).size(), 1u);
}

TEST(ProseReconcileRule, LegacyWebsiteFigure) {
  xxgk::v1::Report r;
  r.mutable_meta()->set_report_year(2017);
  r.mutable_meta()->set_format_version(xxgk::v1::FORMAT_LEGACY);
  SetNumber(&r, "legacy.active.total", "300");
  SetNumber(&r, "legacy.active.channel.website", "244");
  r.mutable_tables()->mutable_legacy()->mutable_info()->set_found(true);
  AddFact(&r, "active.website", "244", "条", "通过县政府网站公开政府信息244条");
  EXPECT_TRUE(WithRule(Check(r), "X-1-LEGACY").empty());
  AddFact(&r, "active.website", "248", "条", "通过县政府网站公开政府信息248条");
  auto found = WithRule(Check(r), "X-1-LEGACY");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].expected(), "248条");
  EXPECT_EQ(found[0].actual(), "244条");
  EXPECT_EQ(found[0].location().cell_keys(0), "legacy.active.channel.website");
}

// A report that fills the applicant columns but leaves 总计 blank (the 2019
// report of FORMAT.md section 6): the table's figure is the row's sum, so a
// text figure equal to it is quiet and one that is not is compared with it.
TEST(ProseReconcileRule, BlankTotalStandsForTheSumOfItsRow) {
  auto r = OkReport2021();
  SetBlank(&r, "t3.result.granted.total");
  SetNumber(&r, "t3.result.granted.natural_person", "30");
  SetNumber(&r, "t3.result.granted.commercial_enterprise", "4");
  SetBlank(&r, "t3.result.granted.research_institution");
  SetNumber(&r, "t3.result.granted.social_welfare_org", "0");
  SetNumber(&r, "t3.result.granted.legal_service_org", "1");
  SetBlank(&r, "t3.result.granted.other_org");
  AddFact(&r, "applications.granted_and_partial", "43", "件", "予以公开及部分公开43件");
  EXPECT_TRUE(X1(r).empty()) << Describe(Check(r));

  AddFact(&r, "applications.granted_and_partial", "40", "件", "予以公开及部分公开40件");
  auto found = X1(r);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].arithmetic(), "35 + 8 = 43 ≠ 40");
  EXPECT_NE(found[0].message().find("总计栏空白"), std::string::npos) << found[0].message();
  EXPECT_EQ(found[0].message().find("按0计"), std::string::npos) << found[0].message();
  bool has_part = false;
  for (const auto& op : found[0].operands()) has_part |= op.key() == "t3.result.granted.natural_person";
  EXPECT_TRUE(has_part);

  // A blank total over a blank row stays a blank read as 0.
  for (const char* col :
       {"natural_person", "commercial_enterprise", "social_welfare_org", "legal_service_org"}) {
    SetBlank(&r, std::string("t3.result.granted.") + col);
  }
  found = X1(r);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].arithmetic(), "0 + 8 = 8 ≠ 43");
  EXPECT_NE(found[0].message().find("按0计"), std::string::npos) << found[0].message();
}

TEST(ProseReconcile, CompileErrors) {
  EXPECT_NE(CompileError("prose_reconcile {}"), "");
  EXPECT_NE(CompileError(R"pb(prose_reconcile { pairings { subject: "a" cells: "t3.nope" } })pb")
                .find("unknown cell key"),
            std::string::npos);
  EXPECT_NE(CompileError(R"pb(prose_reconcile {
    pairings { subject: "a" cells: "t4.review.total" }
    pairings { subject: "a" cells: "t4.review.total" } })pb")
                .find("twice"),
            std::string::npos);
  EXPECT_NE(CompileError(R"pb(prose_reconcile {
    pairings { subject: "a" cells: "t4.review.total" }
    blank_totals { total: "t4.review.total" parts: "t4.*.upheld" } })pb")
                .find("exactly one '*'"),
            std::string::npos);
}

}  // namespace
}  // namespace xxgk::rules::testing
