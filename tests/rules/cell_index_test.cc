// The per-evaluation cell index must read exactly what report::FindCell reads,
// for every key, on tables of any shape.
#include "rules/cell_index.h"

#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "report/cell_keys.h"
#include "rules/check.h"
#include "rules/decimal.h"

namespace xxgk::rules {
namespace {

using xxgk::v1::Cell;

TEST(CellIndexTest, IdsFollowTheCatalogue) {
  const auto& keys = report::AllCellKeys();
  ASSERT_EQ(CellCount(), static_cast<int>(keys.size()));
  for (size_t i = 0; i < keys.size(); ++i) {
    EXPECT_EQ(CellIdOf(keys[i]), static_cast<CellId>(i)) << keys[i];
    EXPECT_EQ(CellKeyOf(static_cast<CellId>(i)), keys[i]);
  }
  EXPECT_EQ(CellIdOf(""), kNoCell);
  EXPECT_EQ(CellIdOf("t3"), kNoCell);
  EXPECT_EQ(CellIdOf("t3.result"), kNoCell);
  EXPECT_EQ(CellIdOf("t3.new_received.total.x"), kNoCell);
  EXPECT_EQ(CellIdOf("t9.x"), kNoCell);
  EXPECT_EQ(CellIdsOf({keys.back(), keys.front()}),
            (std::vector<CellId>{static_cast<CellId>(keys.size() - 1), 0}));
}

TEST(CellIndexTest, EmptyTablesHoldNothing) {
  xxgk::v1::Tables t;
  CellIndex index(t);
  for (int id = 0; id < CellCount(); ++id) EXPECT_EQ(index.Find(id), nullptr);
  EXPECT_EQ(index.Find(std::string_view("not.a.key")), nullptr);
}

// Random subsets of cells in every presence state, including cells created
// but left PRESENCE_UNSPECIFIED and groups created with no cell read.
TEST(CellIndexTest, SameAsFindCellOnRandomTables) {
  const auto& keys = report::AllCellKeys();
  std::mt19937 rng(20261121);
  for (int round = 0; round < 200; ++round) {
    xxgk::v1::Tables t;
    const int density = static_cast<int>(rng() % 101);  // percent of keys touched
    for (const std::string& key : keys) {
      if (static_cast<int>(rng() % 100) >= density) continue;
      Cell* c = report::MutableCell(&t, key);
      ASSERT_NE(c, nullptr) << key;
      switch (rng() % 6) {
        case 0:
          break;  // created, never read
        case 1:
          c->set_presence(Cell::BLANK);
          break;
        case 2:
          c->set_presence(Cell::NA);
          break;
        case 3:
          c->set_presence(Cell::TEXT);
          c->set_raw("无");
          break;
        default:
          c->set_presence(Cell::NUMBER);
          c->set_value(std::to_string(rng() % 1000));
          break;
      }
    }
    if (round % 7 == 0) t.mutable_t4()->mutable_info()->set_found(true);  // a table with only its info
    CellIndex index(t);
    for (size_t i = 0; i < keys.size(); ++i) {
      const Cell* want = report::FindCell(t, keys[i]);
      EXPECT_EQ(index.Find(static_cast<CellId>(i)), want) << keys[i] << " round " << round;
      EXPECT_EQ(index.Find(std::string_view(keys[i])), want) << keys[i] << " round " << round;
    }
  }
}

TEST(CellIndexTest, EvalContextIndexesItsReports) {
  xxgk::v1::Report cur, prev;
  report::MutableCell(cur.mutable_tables(), "t3.new_received.total")->set_presence(Cell::BLANK);
  report::MutableCell(prev.mutable_tables(), "t3.carried_forward.total")->set_presence(Cell::NA);
  EvalContext ctx{cur, &prev};
  EXPECT_EQ(ctx.cells().Find(std::string_view("t3.new_received.total")),
            report::FindCell(cur.tables(), "t3.new_received.total"));
  EXPECT_EQ(ctx.cells().Find(std::string_view("t3.carried_forward.total")), nullptr);
  EXPECT_EQ(ctx.previous_cells().Find(std::string_view("t3.carried_forward.total")),
            report::FindCell(prev.tables(), "t3.carried_forward.total"));
  EXPECT_EQ(&ctx.cells(), &ctx.cells());  // built once
}

TEST(CellIndexTest, EvalContextNumbersAreWhatReadCellNumberReads) {
  // Cells of every presence with values of every shape Decimal::Parse takes
  // or refuses, read in random order and more than once.
  const std::vector<std::string> values = {"0", "12", "007", "-3", "+4", "7730.28", "1.5000000", "0.0000001", ".5",
                                           "5.", "", "-", "1e3", "12a", "1234567890123456789",
                                           "123456789012345678", "1234567890123456789012345", "99.999999"};
  const Cell::Presence presences[] = {Cell::PRESENCE_UNSPECIFIED, Cell::NUMBER, Cell::NUMBER, Cell::BLANK, Cell::NA,
                                      Cell::TEXT};
  const auto& keys = report::AllCellKeys();
  std::mt19937 rng(5);
  for (int round = 0; round < 20; ++round) {
    xxgk::v1::Report report;
    for (const std::string& key : keys) {
      if (rng() % 3 == 0) continue;  // not read
      Cell* cell = report::MutableCell(report.mutable_tables(), key);
      cell->set_presence(presences[rng() % (sizeof(presences) / sizeof(presences[0]))]);
      cell->set_value(values[rng() % values.size()]);
      cell->set_raw(cell->value());
    }
    EvalContext ctx{report};
    for (int i = 0; i < 3 * CellCount(); ++i) {
      const CellId id = static_cast<CellId>(rng() % keys.size());
      const CellNumber want = ReadCellNumber(ctx.cells().Find(id));
      const EvalContext::Number& got = ctx.number(id);
      ASSERT_EQ(got.kind, want.kind) << keys[id] << " round " << round;
      ASSERT_EQ(got.value, want.value) << keys[id] << " round " << round;
    }
  }
}

}  // namespace
}  // namespace xxgk::rules
