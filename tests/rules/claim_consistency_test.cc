// claim_consistency and the rule X-2. The fixture's 表四 · 行政复议 has
// 纠正 1 and 尚未审结 1; 表三 has 部分公开 8 and other result rows.
#include "gtest/gtest.h"
#include "tests/rules/catalogue_test_util.h"

namespace xxgk::rules::testing {
namespace {

using xxgk::v1::Finding;

std::vector<Finding> X2(const xxgk::v1::Report& r) { return WithRule(Check(r), "X-2"); }

TEST(ClaimConsistencyRule, AllUpheldWhilePending) {
  auto r = OkReport2021();
  AddFact(&r, "review.total", "", "", "行政复议案件均获维持")->set_claim("all_upheld");
  auto found = X2(r);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity(), xxgk::v1::ERROR);
  EXPECT_EQ(found[0].category(), xxgk::v1::TEXT_TABLE_MISMATCH);
  EXPECT_NE(found[0].message().find("尚未审结"), std::string::npos) << found[0].message();
  EXPECT_NE(found[0].message().find("均获维持"), std::string::npos);
}

TEST(ClaimConsistencyRule, AllUpheldWhenTrueIsQuiet) {
  auto r = OkReport2021();
  SetNumber(&r, "t4.review.corrected", "0");
  SetNumber(&r, "t4.review.pending", "0");
  SetNumber(&r, "t4.review.upheld", "5");
  AddFact(&r, "review.total", "", "", "行政复议案件均获维持")->set_claim("all_upheld");
  EXPECT_TRUE(X2(r).empty());
}

TEST(ClaimConsistencyRule, NoneReceivedWhileTheTableCountsSome) {
  auto r = OkReport2021();
  AddFact(&r, "applications.received", "0", "件", "本年度未收到政府信息公开申请")->set_claim("none");
  auto found = X2(r);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].location().cell_keys(0), "t3.new_received.total");
}

TEST(ClaimConsistencyRule, AllGrantedWhileOtherRowsAreNotZero) {
  auto r = OkReport2021();
  AddFact(&r, "applications.granted", "", "", "均予以公开")->set_claim("all_granted");
  auto found = X2(r);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_GE(found[0].location().cell_keys_size(), 1);
}

TEST(ClaimConsistencyRule, NoTableDecidesNothingAndScopeIsUncertain) {
  auto r = OkReport2021();
  r.clear_tables();
  AddFact(&r, "applications.received", "0", "件", "未收到申请")->set_claim("none");
  EXPECT_TRUE(X2(r).empty());
  auto q = OkReport2021();
  auto* f = AddFact(&q, "review.total", "", "", "全市行政复议均获维持");
  f->set_claim("all_upheld");
  f->set_scope("全市");
  auto found = X2(q);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].status(), Finding::UNCERTAIN);
  EXPECT_EQ(found[0].severity(), xxgk::v1::WARNING);
}

TEST(ClaimConsistency, ZeroCellsContradiction) {
  auto check = CompileText(R"pb(claim_consistency { contradictions {
    claim: "some" zero_cells: "t4.review.total" zero_cells: "t4.litigation_direct.total" } })pb");
  ASSERT_NE(check, nullptr);
  auto r = OkReport2021();
  AddFact(&r, "review.total", "", "", "发生复议诉讼")->set_claim("some");
  EXPECT_TRUE(Eval(*check, r).empty());
  SetNumber(&r, "t4.review.total", "0");
  SetNumber(&r, "t4.litigation_direct.total", "0");
  EXPECT_EQ(Eval(*check, r).size(), 1u);
}

TEST(ClaimConsistency, CompileErrors) {
  EXPECT_NE(CompileError("claim_consistency {}"), "");
  EXPECT_NE(CompileError(R"pb(claim_consistency { contradictions { claim: "none" } })pb"), "");
}

}  // namespace
}  // namespace xxgk::rules::testing
