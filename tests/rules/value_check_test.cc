// value_check's unit: an amount written in another money unit than its
// column's (V-1-T2-UNIT, 2021 fees in 万元; 2019 procurement, FORMAT.md
// section 6: "251000元" in a 万元 column).
#include "gtest/gtest.h"
#include "tests/rules/catalogue_test_util.h"

namespace xxgk::rules::testing {
namespace {

void SetAmount(xxgk::v1::Report* r, const std::string& key, const std::string& value,
               const std::string& unit, const std::string& raw) {
  SetNumber(r, key, value);
  xxgk::v1::Cell* c = report::MutableCell(r->mutable_tables(), key);
  c->set_unit(unit);
  c->set_raw(raw);
}

TEST(ValueCheckUnit, FeeWrittenInYuanIsFoundWithItsAmountInWanYuan) {
  auto r = OkReport2021();
  SetAmount(&r, "t2.fees.amount_wan_yuan", "77302800", "元", "77302800元");
  auto found = WithRule(Check(r), "V-1-T2-UNIT");
  ASSERT_EQ(found.size(), 1u) << Describe(Check(r));
  EXPECT_EQ(found[0].severity(), xxgk::v1::ERROR);
  EXPECT_EQ(found[0].category(), xxgk::v1::VALUE_INVALID);
  EXPECT_NE(found[0].message().find("应填7730.28"), std::string::npos) << found[0].message();
  EXPECT_NE(found[0].message_en().find("should read 7730.28"), std::string::npos) << found[0].message_en();
  EXPECT_EQ(found[0].location().cell_keys(0), "t2.fees.amount_wan_yuan");
  // the non-negative amount rule has nothing to say about it
  EXPECT_TRUE(WithRule(Check(r), "V-1-T2-AMOUNT").empty());
}

TEST(ValueCheckUnit, ColumnUnitOrNoUnitIsQuiet) {
  auto r = OkReport2021();
  SetAmount(&r, "t2.fees.amount_wan_yuan", "7730.28", "万元", "7730.28");
  EXPECT_TRUE(WithRule(Check(r), "V-1-T2-UNIT").empty());
  SetAmount(&r, "t2.fees.amount_wan_yuan", "7730.28", "", "7730.28");
  EXPECT_TRUE(WithRule(Check(r), "V-1-T2-UNIT").empty());
}

TEST(ValueCheckUnit, Procurement2019InYuanIsAWarning) {
  auto r = OkReport2021();
  r.mutable_meta()->set_report_year(2019);
  r.mutable_meta()->set_format_version(xxgk::v1::FORMAT_2019);
  r.mutable_meta()->mutable_publish_date()->set_year(2020);
  SetAmount(&r, "t2.procurement.amount", "251000", "元", "251000元");
  auto found = WithRule(Check(r), "V-1-T2-UNIT");
  ASSERT_EQ(found.size(), 1u) << Describe(Check(r));
  EXPECT_EQ(found[0].severity(), xxgk::v1::WARNING);
  EXPECT_NE(found[0].message().find("应填25.1"), std::string::npos) << found[0].message();
}

TEST(ValueCheckUnit, UnitMustBeAMoneyUnit) {
  EXPECT_NE(CompileError(R"pb(value_check { cells: "t2.fees.amount_wan_yuan" unit: "件" })pb")
                .find("not a money unit"),
            std::string::npos);
}

}  // namespace
}  // namespace xxgk::rules::testing
