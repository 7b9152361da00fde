#include "report/cell_keys.h"

#include <algorithm>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace xxgk::report {
namespace {

using ::testing::ElementsAre;

TEST(CellKeys, CatalogueHasVocabularyKeys) {
  EXPECT_TRUE(IsCellKey("t3.result.denied.state_secret.natural_person"));
  EXPECT_TRUE(IsCellKey("t2.fees.amount_wan_yuan"));
  EXPECT_TRUE(IsCellKey("t4.litigation_after_review.pending"));
  EXPECT_TRUE(IsCellKey("legacy.applications.channel.in_person"));
  EXPECT_TRUE(IsCellKey("t3.result.other.natural_person"));       // 2019 single row
  EXPECT_TRUE(IsCellKey("t3.result.other.other.other_org"));      // 2021 row 3.其他
  EXPECT_FALSE(IsCellKey("t3.result.denied"));                    // a group, not a cell
  EXPECT_FALSE(IsCellKey("t3.info.found"));                       // table info is not a cell
  EXPECT_FALSE(IsCellKey("t9.x"));
}

TEST(CellKeys, CountsMatchTheFormat) {
  const auto& keys = AllCellKeys();
  auto count = [&](std::string_view prefix) {
    return std::count_if(keys.begin(), keys.end(),
                         [&](const std::string& k) { return k.rfind(prefix, 0) == 0; });
  };
  // 2021 table 三: 25 rows × 7 columns, plus the 2019 single （六） row's 7.
  EXPECT_EQ(count("t3."), 25 * 7 + 7);
  EXPECT_EQ(count("t4."), 15);
}

TEST(CellKeys, PrefixesAndTables) {
  EXPECT_TRUE(IsKeyPrefix("t3"));
  EXPECT_TRUE(IsKeyPrefix("t3.result.denied"));
  EXPECT_FALSE(IsKeyPrefix("t3.result.den"));
  EXPECT_EQ(TableOfKey("legacy.staff.total"), "legacy");
}

TEST(CellKeys, WildcardExpandsOneLevel) {
  EXPECT_EQ(ExpandPattern("t3.result.denied.*.total").size(), 8u);
  EXPECT_THAT(ExpandPattern("t3.result.other.*.total"),
              ElementsAre("t3.result.other.no_correction.total", "t3.result.other.unpaid_fee.total",
                          "t3.result.other.other.total"));
  EXPECT_THAT(ExpandPattern("t4.review.total"), ElementsAre("t4.review.total"));
  EXPECT_TRUE(ExpandPattern("t4.nope.total").empty());
}

TEST(CellKeys, FindAndMutate) {
  xxgk::v1::Tables tables;
  EXPECT_EQ(FindCell(tables, "t4.review.total"), nullptr);
  xxgk::v1::Cell* c = MutableCell(&tables, "t4.review.total");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(FindCell(tables, "t4.review.total"), nullptr) << "unread until presence is set";
  c->set_presence(xxgk::v1::Cell::NUMBER);
  c->set_value("3");
  ASSERT_NE(FindCell(tables, "t4.review.total"), nullptr);
  EXPECT_EQ(FindCell(tables, "t4.review.total")->value(), "3");
  EXPECT_EQ(tables.t4().review().total().value(), "3");
  EXPECT_EQ(MutableCell(&tables, "t4.review"), nullptr);
  std::vector<std::string> seen;
  ForEachCell(tables, [&](const std::string& k, const xxgk::v1::Cell&) { seen.push_back(k); });
  EXPECT_THAT(seen, ElementsAre("t4.review.total"));
}

TEST(CellKeys, ValueStrings) {
  xxgk::v1::Cell c;
  c.set_presence(xxgk::v1::Cell::TEXT);
  c.set_raw("见附件");
  EXPECT_EQ(CellValueString(c), "TEXT:见附件");
  c.set_presence(xxgk::v1::Cell::BLANK);
  EXPECT_EQ(CellValueString(c), "BLANK");
}

}  // namespace
}  // namespace xxgk::report
