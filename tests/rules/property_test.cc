// Property tests for the identities of tables 三 and 四 (T3-A, T3-B, T3-C,
// T4-A) through the national rule sets: random consistent tables raise
// nothing above INFO; changing any single cell is caught by at least one
// ARITHMETIC finding that names that cell. Fixed seeds, bounded iterations.
#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/rules/catalogue_test_util.h"

namespace xxgk::rules::testing {
namespace {

const std::vector<std::string>& Columns() {
  static const std::vector<std::string> cols = {"natural_person", "commercial_enterprise", "research_institution",
                                                "social_welfare_org", "legal_service_org", "other_org"};
  return cols;
}

// Every result row of the 2021 table 三 except （七）总计.
std::vector<std::string> ResultRows() {
  std::vector<std::string> rows = {"t3.result.granted", "t3.result.partially_granted"};
  for (const char* r : {"state_secret", "prohibited_by_law", "security_stability", "third_party_rights",
                        "internal_affairs", "process_information", "enforcement_files", "administrative_query"}) {
    rows.push_back(std::string("t3.result.denied.") + r);
  }
  for (const char* r : {"not_held", "needs_creation", "still_unclear"}) rows.push_back(std::string("t3.result.unable.") + r);
  for (const char* r : {"petition_complaint", "duplicate", "publication", "excessive", "reconfirm"}) {
    rows.push_back(std::string("t3.result.not_processed.") + r);
  }
  for (const char* r : {"no_correction", "unpaid_fee", "other"}) rows.push_back(std::string("t3.result.other.") + r);
  return rows;
}

// Fills tables 三 and 四 of `r` with random figures satisfying every identity.
void RandomConsistentTables(std::mt19937* rng, xxgk::v1::Report* r) {
  std::uniform_int_distribution<int> small(0, 40);
  const auto rows = ResultRows();
  std::vector<std::string> all_rows = rows;
  for (const char* extra : {"t3.new_received", "t3.carried_over", "t3.carried_forward", "t3.result.total"}) {
    all_rows.push_back(extra);
  }
  std::map<std::string, int> row_total;
  for (const auto& col : Columns()) {
    int result_sum = 0;
    for (const auto& row : rows) {
      const int v = (*rng)() % 4 == 0 ? small(*rng) : 0;  // mostly zeros, like real tables
      SetNumber(r, row + "." + col, std::to_string(v));
      row_total[row] += v;
      result_sum += v;
    }
    const int forward = small(*rng) % 5;
    const int over = small(*rng) % 5;
    // 一 + 二 = （七） + 四 → 新收 = 总计 + 结转下年 − 上年结转, kept ≥ 0.
    const int extra_over = std::max(0, over - result_sum - forward);
    const int carried_over = over - extra_over;
    const int received = result_sum + forward - carried_over;
    SetNumber(r, "t3.result.total." + col, std::to_string(result_sum));
    SetNumber(r, "t3.carried_forward." + col, std::to_string(forward));
    SetNumber(r, "t3.carried_over." + col, std::to_string(carried_over));
    SetNumber(r, "t3.new_received." + col, std::to_string(received));
    row_total["t3.result.total"] += result_sum;
    row_total["t3.carried_forward"] += forward;
    row_total["t3.carried_over"] += carried_over;
    row_total["t3.new_received"] += received;
  }
  for (const auto& row : all_rows) SetNumber(r, row + ".total", std::to_string(row_total[row]));
  for (const char* block : {"review", "litigation_direct", "litigation_after_review"}) {
    int sum = 0;
    for (const char* c : {"upheld", "corrected", "other", "pending"}) {
      const int v = small(*rng) % 7;
      sum += v;
      SetNumber(r, std::string("t4.") + block + "." + c, std::to_string(v));
    }
    SetNumber(r, std::string("t4.") + block + ".total", std::to_string(sum));
  }
}

std::vector<std::string> IdentityCells() {
  std::vector<std::string> keys;
  for (const auto& k : report::AllCellKeys()) {
    const bool t3_2021 = k.rfind("t3.", 0) == 0 && k.rfind("t3.result.other.", 0) != 0;
    const bool t3_other_rows = k.rfind("t3.result.other.no_correction.", 0) == 0 ||
                               k.rfind("t3.result.other.unpaid_fee.", 0) == 0 ||
                               k.rfind("t3.result.other.other.", 0) == 0;
    if (t3_2021 || t3_other_rows || k.rfind("t4.", 0) == 0) keys.push_back(k);
  }
  return keys;
}

TEST(IdentityProperty, RandomConsistentTablesRaiseNothing) {
  for (unsigned seed : {1u, 7u, 2024u, 99991u}) {
    std::mt19937 rng(seed);
    for (int i = 0; i < 5; ++i) {
      auto r = OkReport2021();
      RandomConsistentTables(&rng, &r);
      auto resp = Check(r);
      EXPECT_LE(MaxSeverity(resp), xxgk::v1::INFO) << "seed " << seed << " #" << i << "\n" << Describe(resp);
      EXPECT_TRUE(WithCategory(resp, xxgk::v1::ARITHMETIC).empty()) << "seed " << seed;
    }
  }
}

TEST(IdentityProperty, AnySingleChangedCellIsCaughtAndNamed) {
  const auto keys = IdentityCells();
  ASSERT_GT(keys.size(), 180u);
  for (unsigned seed : {3u, 42u}) {
    std::mt19937 rng(seed);
    auto base = OkReport2021();
    RandomConsistentTables(&rng, &base);
    std::uniform_int_distribution<int> delta(1, 9);
    for (const auto& key : keys) {
      auto r = base;
      const int old = std::stoi(Value(r, key));
      const int changed = old > 0 && rng() % 2 ? old - 1 : old + delta(rng);
      SetNumber(&r, key, std::to_string(changed));
      auto resp = Check(r);
      bool named = false;
      for (const auto& f : WithCategory(resp, xxgk::v1::ARITHMETIC)) {
        for (const auto& k : f.location().cell_keys()) named |= k == key;
      }
      EXPECT_TRUE(named) << "seed " << seed << ": changing " << key << " from " << old << " to " << changed
                         << " was not caught\n"
                         << Describe(resp);
    }
  }
}

}  // namespace
}  // namespace xxgk::rules::testing
