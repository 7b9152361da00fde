// The national identities (T3-A, T3-B, T3-C, T4-A, legacy) and value checks
// on structured reports: one wrong cell gives exactly the expected findings.
#include <set>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/rules/rules_test_util.h"

namespace xxgk::rules {
namespace {

using testing::Embedded;
using testing::OkReport2021;
using testing::SetBlank;
using testing::SetNumber;
using testing::ValidateOk;
using testing::WithCategory;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

std::set<std::string> Keys(const xxgk::v1::Finding& f) {
  return {f.location().cell_keys().begin(), f.location().cell_keys().end()};
}

TEST(IdentityTest, CleanReportHasNoFindingAboveInfo) {
  auto resp = ValidateOk(*Embedded(), OkReport2021());
  for (const auto& f : resp.findings()) {
    EXPECT_LE(f.severity(), xxgk::v1::INFO) << testing::Describe(resp);
  }
  EXPECT_TRUE(WithCategory(resp, xxgk::v1::ARITHMETIC).empty());
  EXPECT_TRUE(WithCategory(resp, xxgk::v1::VALUE_INVALID).empty());
  EXPECT_TRUE(WithCategory(resp, xxgk::v1::TABLE_MISSING).empty());
  EXPECT_TRUE(WithCategory(resp, xxgk::v1::TABLE_SHAPE).empty());
  EXPECT_EQ(resp.summary().errors(), 0);
}

TEST(IdentityTest, OneWrongNewReceivedCellBreaksT3AAndT3B) {
  xxgk::v1::Report r = OkReport2021();
  const std::string key = "t3.new_received.natural_person";
  const int v = std::stoi(testing::Value(r, key));
  SetNumber(&r, key, std::to_string(v + 1));
  auto resp = ValidateOk(*Embedded(), r);
  auto arith = WithCategory(resp, xxgk::v1::ARITHMETIC);
  ASSERT_EQ(arith.size(), 2u) << testing::Describe(resp);
  // T3-A for the natural-person column.
  const auto& a = arith[0].rule_id() == "T3-A" ? arith[0] : arith[1];
  const auto& b = arith[0].rule_id() == "T3-A" ? arith[1] : arith[0];
  EXPECT_EQ(a.rule_id(), "T3-A");
  EXPECT_EQ(b.rule_id(), "T3-B");
  EXPECT_EQ(a.severity(), xxgk::v1::ERROR);
  EXPECT_EQ(a.ruleset_id(), "national-2021");
  EXPECT_EQ(a.status(), xxgk::v1::Finding::FAIL);
  EXPECT_FALSE(a.basis().citation().empty());
  EXPECT_FALSE(a.title().empty());
  EXPECT_EQ(Keys(a), (std::set<std::string>{key, "t3.carried_over.natural_person", "t3.result.total.natural_person",
                                            "t3.carried_forward.natural_person"}));
  const std::string co = testing::Value(r, "t3.carried_over.natural_person");
  const std::string tot = testing::Value(r, "t3.result.total.natural_person");
  const std::string cf = testing::Value(r, "t3.carried_forward.natural_person");
  EXPECT_THAT(a.arithmetic(), HasSubstr(std::to_string(v + 1) + " + " + co + " ≠ " + tot + " + " + cf));
  EXPECT_EQ(a.actual(), std::to_string(v + 1 + std::stoi(co)));
  EXPECT_EQ(a.expected(), std::to_string(std::stoi(tot) + std::stoi(cf)));
  EXPECT_THAT(a.message(), HasSubstr("表三 · 自然人列"));
  EXPECT_THAT(a.message_en(), HasSubstr("Table 3 · natural persons"));
  EXPECT_EQ(a.location().place(), "表三 · 自然人列");
  EXPECT_EQ(a.location().section(), xxgk::v1::Section::APPLICATIONS);
  ASSERT_EQ(a.operands_size(), 4);
  EXPECT_EQ(a.operands(0).key(), key);
  EXPECT_EQ(a.operands(0).value(), std::to_string(v + 1));
  // T3-B for the 新收 row: total vs the six applicant columns.
  EXPECT_TRUE(Keys(b).count(key));
  EXPECT_TRUE(Keys(b).count("t3.new_received.total"));
  EXPECT_EQ(b.location().place(), "表三 · 一、本年新收政府信息公开申请数量");
}

TEST(IdentityTest, OneWrongResultCellBreaksT3BAndT3C) {
  xxgk::v1::Report r = OkReport2021();
  const std::string key = "t3.result.denied.state_secret.research_institution";
  SetNumber(&r, key, std::to_string(std::stoi(testing::Value(r, key)) + 2));
  auto resp = ValidateOk(*Embedded(), r);
  auto arith = WithCategory(resp, xxgk::v1::ARITHMETIC);
  std::set<std::string> rules;
  for (const auto& f : arith) {
    rules.insert(f.rule_id());
    EXPECT_TRUE(Keys(f).count(key)) << f.rule_id();
  }
  EXPECT_EQ(arith.size(), 2u) << testing::Describe(resp);
  EXPECT_EQ(rules, (std::set<std::string>{"T3-B", "T3-C"}));
}

TEST(IdentityTest, EverySingleCellChangeIsCaughtAndNamed) {
  const xxgk::v1::Report ok = OkReport2021();
  int checked = 0;
  for (const std::string& key : report::AllCellKeys()) {
    if (key.rfind("t3.", 0) != 0 && key.rfind("t4.", 0) != 0) continue;
    const xxgk::v1::Cell* c = report::FindCell(ok.tables(), key);
    if (c == nullptr) continue;  // the 2019-only single （六） row
    xxgk::v1::Report r = ok;
    SetNumber(&r, key, std::to_string(std::stoi(c->value()) + 1));
    auto resp = ValidateOk(*Embedded(), r);
    auto arith = WithCategory(resp, xxgk::v1::ARITHMETIC);
    ASSERT_FALSE(arith.empty()) << key;
    for (const auto& f : arith) EXPECT_TRUE(Keys(f).count(key)) << key << " " << f.rule_id();
    ++checked;
  }
  EXPECT_GT(checked, 150);
}

TEST(IdentityTest, T4ABlockTotal) {
  xxgk::v1::Report r = OkReport2021();
  SetNumber(&r, "t4.review.upheld", "10");
  SetNumber(&r, "t4.review.corrected", "1");
  SetNumber(&r, "t4.review.other", "0");
  SetNumber(&r, "t4.review.pending", "0");
  SetNumber(&r, "t4.review.total", "0");
  auto resp = ValidateOk(*Embedded(), r);
  auto arith = WithCategory(resp, xxgk::v1::ARITHMETIC);
  ASSERT_EQ(arith.size(), 1u) << testing::Describe(resp);
  EXPECT_EQ(arith[0].rule_id(), "T4-A");
  EXPECT_EQ(arith[0].arithmetic(), "0 ≠ 10 + 1 + 0 + 0 (= 0 vs 11)");
  EXPECT_EQ(arith[0].location().place(), "表四 · 行政复议");
  EXPECT_EQ(arith[0].location().section(), xxgk::v1::Section::REVIEW_LITIGATION);
}

TEST(IdentityTest, BlankCountsAsZeroButShowsBlank) {
  xxgk::v1::Report r = OkReport2021();
  // Make the carried-over cell blank: T3-A now misses it (unless it was 0).
  const std::string key = "t3.carried_over.natural_person";
  ASSERT_NE(testing::Value(r, key), "0");
  SetBlank(&r, key);
  auto resp = ValidateOk(*Embedded(), r);
  bool seen = false;
  for (const auto& f : testing::WithRule(resp, "T3-A")) {
    for (const auto& op : f.operands()) {
      if (op.key() != key) continue;
      seen = true;
      EXPECT_EQ(op.presence(), xxgk::v1::Cell::BLANK);
      EXPECT_EQ(op.value(), "0");
    }
    EXPECT_THAT(f.arithmetic(), HasSubstr(" + 0 ≠ "));
  }
  EXPECT_TRUE(seen) << testing::Describe(resp);
}

TEST(IdentityTest, BlankThatMakesTheSumRightRaisesNothing) {
  xxgk::v1::Report r = OkReport2021();
  // Zero cells written blank keep every identity.
  for (const std::string& key : report::AllCellKeys()) {
    const xxgk::v1::Cell* c = report::FindCell(r.tables(), key);
    if (c != nullptr && c->value() == "0") SetBlank(&r, key);
  }
  auto resp = ValidateOk(*Embedded(), r);
  EXPECT_TRUE(WithCategory(resp, xxgk::v1::ARITHMETIC).empty()) << testing::Describe(resp);
}

TEST(IdentityTest, MissingCellSkipsTheInstance) {
  xxgk::v1::Report r = OkReport2021();
  SetNumber(&r, "t3.new_received.natural_person", "999");
  r.mutable_tables()->mutable_t3()->mutable_carried_forward()->clear_natural_person();
  auto resp = ValidateOk(*Embedded(), r);
  for (const auto& f : testing::WithRule(resp, "T3-A")) {
    EXPECT_FALSE(Keys(f).count("t3.new_received.natural_person")) << f.message();
  }
  // The table rule reports the missing cell instead.
  auto shape = WithCategory(resp, xxgk::v1::TABLE_SHAPE);
  ASSERT_EQ(shape.size(), 1u) << testing::Describe(resp);
  EXPECT_EQ(shape[0].rule_id(), "T3-TABLE");
  EXPECT_TRUE(Keys(shape[0]).count("t3.carried_forward.natural_person"));
}

TEST(IdentityTest, TwentyFiveDigitNumberIsValueInvalidNotArithmetic) {
  xxgk::v1::Report r = OkReport2021();
  const std::string key = "t3.result.granted.natural_person";
  SetNumber(&r, key, "1234567890123456789012345");
  auto resp = ValidateOk(*Embedded(), r);
  auto invalid = WithCategory(resp, xxgk::v1::VALUE_INVALID);
  ASSERT_EQ(invalid.size(), 1u) << testing::Describe(resp);
  EXPECT_EQ(invalid[0].rule_id(), "V-1");
  EXPECT_EQ(Keys(invalid[0]), std::set<std::string>{key});
  EXPECT_THAT(invalid[0].message(), HasSubstr("表三 · （一）予以公开 · 自然人列"));
  for (const auto& f : WithCategory(resp, xxgk::v1::ARITHMETIC)) {
    EXPECT_FALSE(Keys(f).count(key)) << f.message();
  }
}

TEST(IdentityTest, NegativeFractionalAndTextCounts) {
  xxgk::v1::Report r = OkReport2021();
  SetNumber(&r, "t4.litigation_direct.other", "-1");
  SetNumber(&r, "t2.licensing.decisions", "2.5");
  xxgk::v1::Cell* text = report::MutableCell(r.mutable_tables(), "t3.carried_forward.other_org");
  text->set_presence(xxgk::v1::Cell::TEXT);
  text->clear_value();
  text->set_raw("见说明");
  SetNumber(&r, "t2.fees.amount_wan_yuan", "0.35");  // a decimal amount is fine
  auto resp = ValidateOk(*Embedded(), r);
  std::set<std::string> keys;
  for (const auto& f : WithCategory(resp, xxgk::v1::VALUE_INVALID)) keys.insert(f.location().cell_keys(0));
  EXPECT_EQ(keys, (std::set<std::string>{"t4.litigation_direct.other", "t2.licensing.decisions",
                                         "t3.carried_forward.other_org"}))
      << testing::Describe(resp);
}

xxgk::v1::Report LegacyReport() {
  xxgk::v1::Report r;
  r.mutable_meta()->set_report_year(2017);
  r.mutable_tables()->mutable_legacy()->mutable_info()->set_found(true);
  SetNumber(&r, "legacy.active.total", "300");
  SetNumber(&r, "legacy.active.channel.website", "244");
  SetNumber(&r, "legacy.active.channel.wechat", "4");
  SetNumber(&r, "legacy.active.channel.other", "52");
  SetBlank(&r, "legacy.active.channel.gazette");
  SetBlank(&r, "legacy.active.channel.weibo");
  SetBlank(&r, "legacy.applications.received");
  SetNumber(&r, "legacy.staff.total", "1");
  SetBlank(&r, "legacy.staff.full_time");
  SetNumber(&r, "legacy.staff.part_time", "1");
  return r;
}

TEST(IdentityTest, LegacyTableMostlyBlankRaisesNoArithmetic) {
  auto resp = ValidateOk(*Embedded(), LegacyReport());
  EXPECT_TRUE(WithCategory(resp, xxgk::v1::ARITHMETIC).empty()) << testing::Describe(resp);
  ASSERT_GE(resp.rulesets_size(), 1);
  bool legacy = false;
  for (const auto& a : resp.rulesets()) legacy = legacy || a.id() == "national-legacy";
  EXPECT_TRUE(legacy);
}

TEST(IdentityTest, LegacyIdentities) {
  xxgk::v1::Report r = LegacyReport();
  SetNumber(&r, "legacy.active.channel.website", "320");  // > total
  SetNumber(&r, "legacy.staff.full_time", "1");           // 1 ≠ 1 + 1
  auto resp = ValidateOk(*Embedded(), r);
  std::set<std::string> rules;
  for (const auto& f : WithCategory(resp, xxgk::v1::ARITHMETIC)) rules.insert(f.rule_id());
  EXPECT_EQ(rules, (std::set<std::string>{"L-6", "L-7"})) << testing::Describe(resp);
  auto l7 = testing::WithRule(resp, "L-7");
  ASSERT_EQ(l7.size(), 1u);
  EXPECT_EQ(l7[0].arithmetic(), "320 > 300");
  EXPECT_EQ(l7[0].expected(), "≤ 300");
}

}  // namespace
}  // namespace xxgk::rules
