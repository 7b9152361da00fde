// PlaceOfKeys compares key components in place; it must name the same place
// as splitting every key into strings does, for any set of keys.
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "report/cell_keys.h"
#include "rules/labels.h"

namespace xxgk::rules {
namespace {

TEST(PlaceOfKeysTest, SameAsSplittingEveryKey) {
  std::vector<std::string> pool = report::AllCellKeys();
  // Not only catalogue keys: prefixes, unknown tables, empty components.
  for (const char* odd : {"t3", "t3.result", "legacy", "t9.x.y", "", ".", "t3..total", "t2.fees.", "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r"}) {
    pool.push_back(odd);
  }
  std::mt19937 rng(5);
  for (int round = 0; round < 5000; ++round) {
    std::vector<std::string> keys;
    const size_t n = 2 + rng() % 8;
    // Mostly neighbours (same table / row), sometimes anything.
    const size_t base = rng() % pool.size();
    for (size_t i = 0; i < n; ++i) {
      keys.push_back(round % 3 == 0 ? pool[rng() % pool.size()] : pool[(base + rng() % 12) % pool.size()]);
    }
    for (Lang lang : {Lang::kZh, Lang::kEn}) {
      ASSERT_EQ(PlaceOfKeys(keys, lang), internal::PlaceOfKeysBySplit(keys, lang)) << keys[0] << " … " << keys.back();
    }
  }
  for (const std::string& k : pool) {
    EXPECT_EQ(PlaceOfKeys({k, k}, Lang::kZh), internal::PlaceOfKeysBySplit({k, k}, Lang::kZh)) << k;
  }
}

}  // namespace
}  // namespace xxgk::rules
