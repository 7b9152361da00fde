// The finding helpers' fast paths (operands written in place for a key whose
// id is known; cell locations from ids) make what the general ones make.
#include "rules/finding_util.h"

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "gtest/gtest.h"
#include "report/cell_keys.h"
#include "rules/cell_index.h"
#include "rules/labels.h"

namespace xxgk::rules {
namespace {

using xxgk::v1::Cell;

// A cell of a random presence, with a random raw text, value and span.
Cell RandomCell(std::mt19937* rng) {
  static const std::vector<std::string> kValues = {"0", "12", "7730.28", "-3", "1234567890123456789", "1.5e3",
                                                   "abc", "", "003", "0.000001"};
  static const std::vector<std::string> kRaw = {"", "12", "—", "/", "无", "１２", "7,730.28", "不详"};
  auto below = [rng](size_t n) { return static_cast<size_t>((*rng)() % static_cast<uint32_t>(n)); };
  Cell c;
  c.set_presence(static_cast<Cell::Presence>(below(5)));
  c.set_raw(kRaw[below(kRaw.size())]);
  c.set_value(kValues[below(kValues.size())]);
  if (below(3) != 0) {
    const int begin = static_cast<int>(below(5000));
    c.mutable_span()->set_begin(begin);
    c.mutable_span()->set_end(begin + static_cast<int>(below(40)));
    c.mutable_span()->set_line(static_cast<int>(below(300)));
  }
  return c;
}

TEST(FindingUtilTest, FillCellOperandMakesCellOperand) {
  std::mt19937 rng(20261121);
  for (const std::string& key : report::AllCellKeys()) {
    const CellId id = CellIdOf(key);
    ASSERT_NE(id, kNoCell) << key;
    for (int round = 0; round < 4; ++round) {
      const Cell cell = RandomCell(&rng);
      const Cell* arg = round == 0 ? nullptr : &cell;
      xxgk::v1::Operand fast;
      FillCellOperand(key, id, arg, &fast);
      const xxgk::v1::Operand general = CellOperand(key, arg);
      EXPECT_EQ(fast.SerializeAsString(), general.SerializeAsString()) << key << " " << cell.ShortDebugString();
    }
  }
}

TEST(FindingUtilTest, LocationFromIdsIsLocationFromKeys) {
  // A report with spans on some cells: the location's span is the first
  // such cell's, found by id as by key.
  const std::vector<std::string>& all = report::AllCellKeys();
  std::mt19937 rng(7);
  for (int round = 0; round < 200; ++round) {
    std::vector<std::string> keys;
    const size_t first = static_cast<size_t>(rng() % static_cast<uint32_t>(all.size()));
    const std::string_view table = report::TableOfKey(all[first]);
    for (size_t i = first; i < all.size() && keys.size() < 1 + rng() % 12; ++i) {
      if (report::TableOfKey(all[i]) == table && rng() % 3 == 0) keys.push_back(all[i]);
    }
    if (keys.empty()) keys.push_back(all[first]);
    xxgk::v1::Tables tables;
    for (const std::string& k : keys) {
      Cell* c = report::MutableCell(&tables, k);
      if (c == nullptr) continue;
      *c = RandomCell(&rng);
    }
    const CellIndex cells(tables);
    std::vector<std::string_view> views(keys.begin(), keys.end());
    std::vector<CellId> ids;
    for (const std::string& k : keys) ids.push_back(CellIdOf(k));
    for (bool with_place : {true, false}) {
      xxgk::v1::Location by_ids, by_keys;
      SetCellLocation(cells, views, ids, &by_ids);
      SetCellLocation(cells, keys, &by_keys, with_place);
      EXPECT_EQ(by_keys.place(), with_place ? PlaceOfKeys(keys, Lang::kZh) : "");
      EXPECT_EQ(by_keys.place_en(), with_place ? PlaceOfKeys(keys, Lang::kEn) : "");
      // By ids: everything by keys gives but the place.
      by_keys.clear_place();
      by_keys.clear_place_en();
      EXPECT_EQ(by_ids.SerializeAsString(), by_keys.SerializeAsString());
      // The span is the first spanned cell's, read by key.
      xxgk::v1::Span expected;
      for (const std::string& k : keys) {
        const Cell* c = report::FindCell(tables, k);
        if (c != nullptr && c->span().end() > c->span().begin()) {
          expected = c->span();
          break;
        }
      }
      EXPECT_EQ(by_ids.span().SerializeAsString(), expected.SerializeAsString());
      EXPECT_EQ(by_ids.cell_keys_size(), static_cast<int>(keys.size()));
    }
  }
}

}  // namespace
}  // namespace xxgk::rules
