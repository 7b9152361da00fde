#include "report/cell_keys.h"

#include <algorithm>

#include "absl/strings/str_split.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"

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

TEST(CellKeys, CursorMutatesTheCellReflectionMutates) {
  // MutableCellCursor uses generated accessors for the most common cell
  // holders and reflection for the rest; MutableCell uses reflection only
  for (const std::string& key : AllCellKeys()) {
    xxgk::v1::Tables by_cursor, by_reflection;
    MutableCellCursor cursor(&by_cursor);
    xxgk::v1::Cell* c = cursor.Get(*ResolveCellKey(key));
    c->set_presence(xxgk::v1::Cell::NUMBER);
    c->set_value(key);
    xxgk::v1::Cell* r = MutableCell(&by_reflection, *ResolveCellKey(key));
    r->set_presence(xxgk::v1::Cell::NUMBER);
    r->set_value(key);
    EXPECT_EQ(FindCell(by_cursor, key), c) << key;
    EXPECT_EQ(by_cursor.SerializeAsString(), by_reflection.SerializeAsString()) << key;
  }
  // one cursor over every key in turn (shared parents) makes the same tables
  xxgk::v1::Tables by_cursor, by_reflection;
  MutableCellCursor cursor(&by_cursor);
  for (const std::string& key : AllCellKeys()) {
    cursor.Get(*ResolveCellKey(key))->set_raw(key);
    MutableCell(&by_reflection, key)->set_raw(key);
  }
  EXPECT_EQ(by_cursor.SerializeAsString(), by_reflection.SerializeAsString());
}

TEST(CellKeys, LookupsFindEveryCellAndNoOther) {
  // FindCell and CellIndex read the common cell holders by generated code;
  // every key alone, then every other key, is found exactly where it is
  const std::vector<std::string>& keys = AllCellKeys();
  for (size_t only = 0; only < keys.size(); ++only) {
    xxgk::v1::Tables tables;
    MutableCell(&tables, keys[only])->set_presence(xxgk::v1::Cell::NA);
    const CellIndex index(tables);
    for (size_t k = 0; k < keys.size(); ++k) {
      const xxgk::v1::Cell* want = k == only ? MutableCell(&tables, keys[k]) : nullptr;
      ASSERT_EQ(FindCell(tables, keys[k]), want) << keys[only] << " / " << keys[k];
      ASSERT_EQ(index.Find(keys[k]), want) << keys[only] << " / " << keys[k];
    }
  }
  xxgk::v1::Tables tables;
  for (size_t k = 0; k < keys.size(); k += 2) {
    MutableCell(&tables, keys[k])->set_presence(xxgk::v1::Cell::BLANK);
  }
  for (size_t k = 1; k < keys.size(); k += 2) MutableCell(&tables, keys[k]);  // created, unread
  const CellIndex index(tables);
  for (size_t k = 0; k < keys.size(); ++k) {
    const xxgk::v1::Cell* want = k % 2 == 0 ? MutableCell(&tables, keys[k]) : nullptr;
    EXPECT_EQ(FindCell(tables, keys[k]), want) << keys[k];
    EXPECT_EQ(index.Find(keys[k]), want) << keys[k];
  }
}

TEST(CellKeys, ValueStrings) {
  xxgk::v1::Cell c;
  c.set_presence(xxgk::v1::Cell::TEXT);
  c.set_raw("见附件");
  EXPECT_EQ(CellValueString(c), "TEXT:见附件");
  c.set_presence(xxgk::v1::Cell::BLANK);
  EXPECT_EQ(CellValueString(c), "BLANK");
}

// The lookup before resolved paths: walk the key's components by field name.
const xxgk::v1::Cell* FindCellByName(const xxgk::v1::Tables& tables, const std::string& key) {
  const google::protobuf::Message* m = &tables;
  for (absl::string_view part : absl::StrSplit(key, '.')) {
    const auto* f = m->GetDescriptor()->FindFieldByName(std::string(part));
    if (f == nullptr) return nullptr;
    const auto* refl = m->GetReflection();
    if (!refl->HasField(*m, f)) return nullptr;
    m = &refl->GetMessage(*m, f);
  }
  const auto* cell = static_cast<const xxgk::v1::Cell*>(m);
  return cell->presence() == xxgk::v1::Cell::PRESENCE_UNSPECIFIED ? nullptr : cell;
}

TEST(CellKeys, ResolvedPathsFindWhatNamesFind) {
  const auto& keys = AllCellKeys();
  // fully populated, every other cell read, and empty tables
  xxgk::v1::Tables full, half, empty;
  for (size_t i = 0; i < keys.size(); ++i) {
    MutableCell(&full, keys[i])->set_presence(xxgk::v1::Cell::NUMBER);
    MutableCell(&full, keys[i])->set_value(std::to_string(i));
    if (i % 2 == 0) {
      MutableCell(&half, keys[i])->set_presence(xxgk::v1::Cell::BLANK);
    } else if (i % 3 == 0) {
      MutableCell(&half, keys[i]);  // created but unread
    }
  }
  for (size_t i = 0; i < keys.size(); ++i) {
    const CellPath* path = ResolveCellKey(keys[i]);
    ASSERT_NE(path, nullptr) << keys[i];
    EXPECT_EQ(CellPathKey(*path), keys[i]);
    EXPECT_EQ(CellPathIndex(*path), i);
    for (const xxgk::v1::Tables* t : {&full, &half, &empty}) {
      const xxgk::v1::Cell* want = FindCellByName(*t, keys[i]);
      EXPECT_EQ(FindCell(*t, *path), want) << keys[i];
      EXPECT_EQ(FindCell(*t, keys[i]), want) << keys[i];
    }
    for (const xxgk::v1::Tables* t : {&full, &half, &empty}) {
      const CellIndex index(*t);
      EXPECT_EQ(index.Find(*path), FindCellByName(*t, keys[i])) << keys[i];
      EXPECT_EQ(index.Find(keys[i]), FindCellByName(*t, keys[i])) << keys[i];
      CellCursor cursor(*t);
      EXPECT_EQ(cursor.Find(*path), FindCellByName(*t, keys[i])) << keys[i];
    }
    EXPECT_EQ(FindCell(full, *path)->value(), std::to_string(i));
    EXPECT_EQ(MutableCell(&full, *path), FindCell(full, keys[i]));
  }
  // cursors in schema order, and jumping about, find what names find
  for (const xxgk::v1::Tables* t : {&full, &half, &empty}) {
    CellCursor cursor(*t);
    for (size_t i = 0; i < keys.size(); ++i) {
      EXPECT_EQ(cursor.Find(*ResolveCellKey(keys[i])), FindCellByName(*t, keys[i])) << keys[i];
    }
    for (size_t i = 0; i < keys.size(); i += 1 + i % 5) {
      size_t j = keys.size() - 1 - i;
      EXPECT_EQ(cursor.Find(*ResolveCellKey(keys[j])), FindCellByName(*t, keys[j])) << keys[j];
    }
    EXPECT_EQ(CellIndex(*t).Find("t9.x"), nullptr);
  }
  xxgk::v1::Tables built;
  MutableCellCursor writer(&built);
  for (size_t i = 0; i < keys.size(); i += 2) {
    xxgk::v1::Cell* cell = writer.Get(*ResolveCellKey(keys[i]));
    EXPECT_EQ(cell, MutableCell(&built, keys[i])) << keys[i];
    cell->set_presence(xxgk::v1::Cell::NA);
  }
  for (size_t i = 0; i < keys.size(); ++i) {
    EXPECT_EQ(FindCell(built, keys[i]) != nullptr, i % 2 == 0) << keys[i];
  }
  EXPECT_EQ(ResolveCellKey("t3.result.denied"), nullptr);
  EXPECT_EQ(ResolveCellKey("t3.info.found"), nullptr);
  EXPECT_EQ(ResolveCellKey(""), nullptr);
  EXPECT_EQ(FindCell(full, "t9.x"), nullptr);
  EXPECT_EQ(MutableCell(&full, "t3.result"), nullptr);
}

TEST(CellKeys, ExpandPatternMatchesComponentwise) {
  EXPECT_EQ(ExpandPattern("t4.*.total").size(), 3u);
  EXPECT_EQ(ExpandPattern("t3.*.*").size(), 7u * 3);  // new_received, carried_over, carried_forward
  EXPECT_EQ(ExpandPattern("*").size(), 0u);
  EXPECT_EQ(ExpandPattern("t4.review.*").size(), 5u);
  EXPECT_TRUE(ExpandPattern("t4.review.").empty());
  EXPECT_TRUE(ExpandPattern("t4..total").empty());
}

}  // namespace
}  // namespace xxgk::report
