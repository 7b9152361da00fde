// numeric_condition and the rule V-2-FEE-PLAUSIBLE.
#include "gtest/gtest.h"
#include "tests/rules/catalogue_test_util.h"

namespace xxgk::rules::testing {
namespace {

TEST(NumericConditionRule, PlausibleFeePassesAndYuanInAWanYuanColumnFails) {
  auto r = OkReport2021();
  EXPECT_TRUE(WithRule(Check(r), "V-2-FEE-PLAUSIBLE").empty());
  SetNumber(&r, "t2.fees.amount_wan_yuan", "77302800000");
  auto found = WithRule(Check(r), "V-2-FEE-PLAUSIBLE");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity(), xxgk::v1::WARNING);
  EXPECT_EQ(found[0].location().cell_keys(0), "t2.fees.amount_wan_yuan");
}

TEST(NumericCondition, FactsAndMissingValues) {
  auto check = CompileText(R"pb(numeric_condition { fact: "fees.info_processing" op: EQ value: "0"
                                                     missing_is_failure: true })pb");
  ASSERT_NE(check, nullptr);
  auto r = OkReport2021();
  EXPECT_EQ(Eval(*check, r).size(), 1u);  // no such fact
  AddFact(&r, "fees.info_processing", "0", "元", "未收取信息处理费");
  EXPECT_TRUE(Eval(*check, r).empty());
  AddFact(&r, "fees.info_processing", "120", "元", "收取信息处理费120元");
  ASSERT_EQ(Eval(*check, r).size(), 1u);
  EXPECT_EQ(Eval(*check, r)[0].actual(), "120");
}

TEST(NumericCondition, BlankCellCountsAsZero) {
  auto check = CompileText(R"pb(numeric_condition { cell: "t4.review.total" op: GT value: "0" })pb");
  ASSERT_NE(check, nullptr);
  auto r = OkReport2021();
  EXPECT_TRUE(Eval(*check, r).empty());
  SetBlank(&r, "t4.review.total");
  EXPECT_EQ(Eval(*check, r).size(), 1u);
}

TEST(NumericCondition, CompileErrors) {
  EXPECT_NE(CompileError(R"pb(numeric_condition { value: "1" })pb"), "");
  EXPECT_NE(CompileError(R"pb(numeric_condition { cell: "t4.review.total" value: "x" })pb"), "");
}

}  // namespace
}  // namespace xxgk::rules::testing
