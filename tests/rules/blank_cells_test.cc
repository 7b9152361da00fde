// blank_cells and the rule BLANK-CELLS: one finding per table, never per cell.
#include "gtest/gtest.h"
#include "tests/rules/catalogue_test_util.h"

namespace xxgk::rules::testing {
namespace {

TEST(BlankCells, FilledTablesAreQuiet) {
  auto check = CompileText(R"pb(blank_cells { cells: "t2" cells: "t3" cells: "t4" include_na: true })pb");
  ASSERT_NE(check, nullptr);
  EXPECT_TRUE(Eval(*check, OkReport2021()).empty());
}

TEST(BlankCells, OneFindingPerTableListingEveryBlank) {
  auto check = CompileText(R"pb(blank_cells { cells: "t3" cells: "t4" })pb");
  ASSERT_NE(check, nullptr);
  auto r = OkReport2021();
  SetBlank(&r, "t3.result.denied.state_secret.natural_person");
  SetBlank(&r, "t3.result.denied.state_secret.total");
  SetBlank(&r, "t4.review.pending");
  auto findings = Eval(*check, r);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].location().table(), "t3");
  EXPECT_EQ(findings[0].location().cell_keys_size(), 2);
  EXPECT_EQ(findings[0].operands_size(), 2);
  EXPECT_NE(findings[0].message().find("属于国家秘密"), std::string::npos) << findings[0].message();
  EXPECT_EQ(findings[1].location().table(), "t4");
}

TEST(BlankCells, NaCountsOnlyWhenAsked) {
  auto r = OkReport2021();
  auto* c = report::MutableCell(r.mutable_tables(), "t2.fees.amount_wan_yuan");
  c->set_presence(xxgk::v1::Cell::NA);
  c->set_raw("/");
  c->clear_value();
  auto without = CompileText(R"pb(blank_cells { cells: "t2" })pb");
  auto with = CompileText(R"pb(blank_cells { cells: "t2" include_na: true })pb");
  ASSERT_NE(without, nullptr);
  ASSERT_NE(with, nullptr);
  EXPECT_TRUE(Eval(*without, r).empty());
  EXPECT_EQ(Eval(*with, r).size(), 1u);
}

TEST(BlankCells, UnknownKeyIsACompileError) {
  EXPECT_NE(CompileError(R"pb(blank_cells { cells: "t9.x" })pb").find("unknown cell key"), std::string::npos);
}

TEST(BlankCellsRule, NationalSetPassesAndFails) {
  auto r = OkReport2021();
  EXPECT_TRUE(WithRule(Check(r), "BLANK-CELLS").empty());
  SetBlank(&r, "t3.carried_over.legal_service_org");
  auto found = WithRule(Check(r), "BLANK-CELLS");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].category(), xxgk::v1::VALUE_BLANK);
  EXPECT_EQ(found[0].severity(), xxgk::v1::INFO);
}

}  // namespace
}  // namespace xxgk::rules::testing
