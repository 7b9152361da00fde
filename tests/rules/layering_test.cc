// Layering (disable, severity override, patch, city on province) and
// selection precedence, on small rule sets written here.
#include <set>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "rules/layering.h"
#include "rules/loader.h"
#include "rules/select.h"
#include "tests/rules/rules_test_util.h"

namespace xxgk::rules {
namespace {

using ::testing::HasSubstr;

constexpr char kCommon[] = R"pb(
id: "national-common"
version: "c1"
rules {
  id: "T4-A"
  title: "表四总计"
  severity: ERROR
  category: ARITHMETIC basis { citation: "t" evidence: SEEN }
  sum_identity {
    for_each { name: "b" values: "review" values: "litigation_direct" values: "litigation_after_review" }
    lhs: "t4.{b}.total"
    rhs: "t4.{b}.upheld"
    rhs: "t4.{b}.corrected"
    rhs: "t4.{b}.other"
    rhs: "t4.{b}.pending"
  }
}
rules {
  id: "SEC-5"
  title: "五"
  severity: ERROR
  category: SECTION_MISSING basis { citation: "t" evidence: SEEN }
  required_section { kind: PROBLEMS }
}
)pb";

constexpr char k2021[] = R"pb(
id: "national-2021"
version: "n21"
extends: "national-common"
selector { formats: FORMAT_2021 }
rules {
  id: "V-FEE"
  title: "fee"
  severity: ERROR
  category: VALUE_INVALID basis { citation: "t" evidence: SEEN }
  value_check { cells: "t2.fees.amount_wan_yuan" kind: NON_NEGATIVE_DECIMAL }
}
)pb";

constexpr char k2019[] = R"pb(
id: "national-2019"
version: "n19"
extends: "national-common"
selector { formats: FORMAT_2019 }
rules {
  id: "V-CHANGE"
  title: "change"
  severity: ERROR
  category: VALUE_INVALID basis { citation: "t" evidence: SEEN }
  value_check { cells: "t2.*.change" kind: INTEGER }
}
)pb";

constexpr char kShandong[] = R"pb(
id: "shandong"
version: "sd1"
extends: "national-common"
selector { provinces: "山东省" region_code_prefixes: "37" place_names: "威海" place_names: "文登" }
disable: "SEC-5"
overrides { id: "T4-A" severity: WARNING }
overrides { id: "V-FEE" patch { value_check { cells: "t2.fees.amount_wan_yuan" kind: NON_NEGATIVE_DECIMAL max_value: "100" } } }
rules {
  id: "SD-1"
  title: "山东：六"
  severity: WARNING
  category: SECTION_MISSING basis { citation: "t" evidence: SEEN }
  required_section { kind: OTHER_MATTERS }
}
)pb";

constexpr char kWeihai[] = R"pb(
id: "weihai"
version: "wh1"
extends: "shandong"
selector { region_code_prefixes: "3710" place_names: "威海市" }
overrides { id: "SD-1" severity: INFO patch { title: "威海：六" } }
)pb";

std::shared_ptr<const Snapshot> Snap() {
  auto s = CompileSnapshot({{"national/common.textproto", kCommon},
                            {"national/2021.textproto", k2021},
                            {"national/2019.textproto", k2019},
                            {"provinces/shandong.textproto", kShandong},
                            {"provinces/weihai.textproto", kWeihai}});
  EXPECT_TRUE(s.ok()) << s.status();
  return s.ok() ? *s : nullptr;
}

std::vector<std::string> Ids(const std::vector<CompiledRule>& rules) {
  std::vector<std::string> out;
  for (const auto& r : rules) out.push_back(r.rule.id());
  return out;
}

const CompiledRule* Rule(const std::vector<CompiledRule>& rules, const std::string& id) {
  for (const auto& r : rules) {
    if (r.rule.id() == id) return &r;
  }
  return nullptr;
}

xxgk::v1::Report Report2022() {
  xxgk::v1::Report r;
  r.mutable_meta()->set_report_year(2022);
  return r;
}

TEST(LayeringTest, EffectiveRulesOfEachSet) {
  auto snap = Snap();
  ASSERT_NE(snap, nullptr);
  EXPECT_EQ(Ids(snap->Find("national-2021")->effective), (std::vector<std::string>{"T4-A", "SEC-5", "V-FEE"}));
  // Shandong alone: disable + override + own rule.
  const auto& sd = snap->Find("shandong")->effective;
  EXPECT_EQ(Ids(sd), (std::vector<std::string>{"T4-A", "SD-1"}));
  EXPECT_EQ(Rule(sd, "T4-A")->rule.severity(), xxgk::v1::WARNING);
  EXPECT_EQ(Rule(sd, "T4-A")->set_id, "national-common");
  // City on province.
  const auto& wh = snap->Find("weihai")->effective;
  EXPECT_EQ(Rule(wh, "SD-1")->rule.severity(), xxgk::v1::INFO);
  EXPECT_EQ(Rule(wh, "SD-1")->rule.title(), "威海：六");
  EXPECT_TRUE(Rule(wh, "SD-1")->rule.has_required_section());  // patch without check keeps the check
  EXPECT_EQ(snap->Find("weihai")->chain, (std::vector<std::string>{"national-common", "shandong", "weihai"}));
}

TEST(LayeringTest, ProvincialDeltaOnTopOfTheVersionSet) {
  auto snap = Snap();
  const auto* combined = snap->Combined("national-2021", "shandong");
  ASSERT_NE(combined, nullptr);
  EXPECT_EQ(Ids(*combined), (std::vector<std::string>{"T4-A", "V-FEE", "SD-1"}));
  // The override of a rule only the version set defines applies, and its
  // patched check replaces the whole check.
  EXPECT_EQ(Rule(*combined, "V-FEE")->rule.value_check().max_value(), "100");
  EXPECT_NE(Rule(*combined, "V-FEE")->check, Rule(snap->Find("national-2021")->effective, "V-FEE")->check);
  EXPECT_EQ(Ids(*snap->Combined("national-2019", "weihai")), (std::vector<std::string>{"T4-A", "V-CHANGE", "SD-1"}));
}

TEST(LayeringTest, PatchReplacesFieldsAndCheck) {
  xxgk::v1::Rule rule;
  rule.set_id("X");
  rule.set_title("old");
  rule.set_description("kept");
  rule.mutable_applies_when()->add_formats(xxgk::v1::FORMAT_2021);
  rule.mutable_sum_identity()->add_lhs("t4.review.total");
  xxgk::v1::Rule patch;
  patch.set_title("new");
  patch.mutable_applies_when()->add_formats(xxgk::v1::FORMAT_2019);
  patch.mutable_required_section()->set_kind(xxgk::v1::Section::GENERAL);
  ApplyPatch(patch, &rule);
  EXPECT_EQ(rule.title(), "new");
  EXPECT_EQ(rule.description(), "kept");
  ASSERT_EQ(rule.applies_when().formats_size(), 1);
  EXPECT_EQ(rule.applies_when().formats(0), xxgk::v1::FORMAT_2019);
  EXPECT_TRUE(rule.has_required_section());
  EXPECT_FALSE(rule.has_sum_identity());
}

struct Case {
  std::string region_code, province, agency, opt_province, opt_ruleset;
  std::string want_top;  // last applied set
};

TEST(SelectionTest, Precedence) {
  auto snap = Snap();
  const std::vector<Case> cases = {
      {"", "", "", "", "", "national-2021"},                               // national only
      {"", "", "文登区教育局", "", "", "shandong"},                         // place name
      {"", "", "威海市文登区教育局", "", "", "weihai"},                     // longest place name
      {"", "山东省", "威海市文登区教育局", "", "", "shandong"},             // province beats place names
      {"371003", "", "", "", "", "weihai"},                                // longest code prefix
      {"370102", "", "", "", "", "shandong"},
      {"530000", "", "", "", "", "national-2021"},                        // no set for the code
      {"370102", "云南省", "", "", "", "shandong"},                         // code beats province
      {"371003", "", "", "山东", "", "shandong"},                           // request province beats code
      {"", "", "", "3710", "", "weihai"},                                  // request province as a code
      {"", "", "", "", "weihai", "weihai"},                                // explicit set beats everything
      {"371003", "", "", "山东省", "national-2019", "national-2019"},
  };
  for (const Case& c : cases) {
    xxgk::v1::Report r = Report2022();
    r.mutable_meta()->set_region_code(c.region_code);
    r.mutable_meta()->set_province(c.province);
    r.mutable_meta()->set_agency(c.agency);
    xxgk::v1::ValidateOptions o;
    o.set_province(c.opt_province);
    o.set_ruleset(c.opt_ruleset);
    auto sel = Select(*snap, r, o);
    ASSERT_TRUE(sel.ok()) << sel.status();
    ASSERT_FALSE(sel->applied.empty());
    EXPECT_EQ(sel->applied.back().id(), c.want_top)
        << c.region_code << "|" << c.province << "|" << c.agency << "|" << c.opt_province << "|" << c.opt_ruleset;
  }
}

TEST(SelectionTest, ReasonsAndHashes) {
  auto snap = Snap();
  xxgk::v1::Report r = Report2022();
  r.mutable_meta()->set_region_code("371003");
  auto sel = Select(*snap, r, {});
  ASSERT_TRUE(sel.ok());
  std::vector<std::string> ids;
  for (const auto& a : sel->applied) {
    ids.push_back(a.id());
    EXPECT_EQ(a.content_hash().size(), 64u);
    EXPECT_FALSE(a.reason().empty());
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"national-common", "national-2021", "shandong", "weihai"}));
  EXPECT_EQ(sel->applied[1].reason(), "national version set for report year 2022 (format 2021)");
  EXPECT_EQ(sel->applied[3].reason(), "division code 371003 matches prefix 3710 of weihai");
  EXPECT_EQ(sel->applied[1].version(), "n21");
}

TEST(SelectionTest, FormatByYearThenLayout) {
  std::string why;
  xxgk::v1::Report r;
  r.mutable_meta()->set_report_year(2024);
  EXPECT_EQ(RequiredFormat(r, &why), xxgk::v1::FORMAT_2021);
  r.mutable_meta()->set_report_year(2020);
  EXPECT_EQ(RequiredFormat(r, &why), xxgk::v1::FORMAT_2019);
  r.mutable_meta()->set_report_year(2019);
  EXPECT_EQ(RequiredFormat(r, &why), xxgk::v1::FORMAT_2019);
  r.mutable_meta()->set_report_year(2018);
  EXPECT_EQ(RequiredFormat(r, &why), xxgk::v1::FORMAT_LEGACY);
  r.mutable_meta()->set_report_year(0);
  EXPECT_EQ(RequiredFormat(r, &why), xxgk::v1::FORMAT_2021);
  r.mutable_tables()->mutable_t3()->mutable_info()->set_layout(xxgk::v1::FORMAT_2019);
  EXPECT_EQ(RequiredFormat(r, &why), xxgk::v1::FORMAT_2019);
  EXPECT_THAT(why, HasSubstr("detected layout"));
}

TEST(SelectionTest, ProvinceWithoutASetSaysSo) {
  auto snap = Snap();
  xxgk::v1::ValidateOptions o;
  o.set_province("西藏自治区");
  auto sel = Select(*snap, Report2022(), o);
  ASSERT_TRUE(sel.ok());
  EXPECT_EQ(sel->applied.back().id(), "national-2021");
  EXPECT_THAT(sel->applied.back().reason(), HasSubstr("no provincial rule set matches request field province=西藏自治区"));
}

TEST(SelectionTest, UnknownExplicitSetIsNotFound) {
  auto snap = Snap();
  xxgk::v1::ValidateOptions o;
  o.set_ruleset("atlantis");
  auto sel = Select(*snap, Report2022(), o);
  ASSERT_FALSE(sel.ok());
  EXPECT_EQ(sel.status().code(), absl::StatusCode::kNotFound);
}

TEST(SelectionTest, AppliesWhenFilters) {
  Selection sel;
  sel.format = xxgk::v1::FORMAT_2021;
  sel.provinces = {"山东省"};
  xxgk::v1::Metadata meta;
  meta.set_report_year(2022);
  meta.set_agency_level(xxgk::v1::COUNTY_GOVERNMENT);
  xxgk::v1::Rule rule;
  EXPECT_TRUE(RuleApplies(rule, sel, meta));
  rule.mutable_applies_when()->add_formats(xxgk::v1::FORMAT_2019);
  EXPECT_FALSE(RuleApplies(rule, sel, meta));
  rule.mutable_applies_when()->add_formats(xxgk::v1::FORMAT_2021);
  EXPECT_TRUE(RuleApplies(rule, sel, meta));
  rule.mutable_applies_when()->set_min_year(2023);
  EXPECT_FALSE(RuleApplies(rule, sel, meta));
  rule.mutable_applies_when()->set_min_year(2021);
  rule.mutable_applies_when()->add_agency_levels(xxgk::v1::PROVINCIAL_GOVERNMENT);
  EXPECT_FALSE(RuleApplies(rule, sel, meta));
  rule.mutable_applies_when()->add_agency_levels(xxgk::v1::COUNTY_GOVERNMENT);
  EXPECT_TRUE(RuleApplies(rule, sel, meta));
  rule.mutable_applies_when()->add_provinces("云南省");
  EXPECT_FALSE(RuleApplies(rule, sel, meta));
  rule.mutable_applies_when()->add_provinces("山东省");
  EXPECT_TRUE(RuleApplies(rule, sel, meta));
}

TEST(LayeringValidateTest, ProvincialSetChangesFindings) {
  auto snap = Snap();
  xxgk::v1::Report r = Report2022();
  // Table 四 broken; no sections at all.
  testing::SetNumber(&r, "t4.review.total", "5");
  testing::SetNumber(&r, "t4.review.upheld", "1");
  testing::SetNumber(&r, "t4.review.corrected", "1");
  testing::SetNumber(&r, "t4.review.other", "1");
  testing::SetNumber(&r, "t4.review.pending", "1");
  auto national = testing::ValidateOk(*snap, r);
  ASSERT_EQ(testing::WithRule(national, "T4-A").size(), 1u);
  EXPECT_EQ(testing::WithRule(national, "T4-A")[0].severity(), xxgk::v1::ERROR);
  EXPECT_EQ(testing::WithRule(national, "SEC-5").size(), 1u);
  r.mutable_meta()->set_province("山东省");
  auto sd = testing::ValidateOk(*snap, r);
  ASSERT_EQ(testing::WithRule(sd, "T4-A").size(), 1u);
  EXPECT_EQ(testing::WithRule(sd, "T4-A")[0].severity(), xxgk::v1::WARNING);
  EXPECT_TRUE(testing::WithRule(sd, "SEC-5").empty());
  ASSERT_EQ(testing::WithRule(sd, "SD-1").size(), 1u);
  EXPECT_EQ(testing::WithRule(sd, "SD-1")[0].ruleset_id(), "shandong");
  EXPECT_EQ(testing::WithRule(sd, "SD-1")[0].ruleset_version(), "sd1");
}

}  // namespace
}  // namespace xxgk::rules

namespace xxgk::rules {
namespace {

// Naming a provincial set explicitly replaces the inference, not the national
// rules: the national version set still applies beneath it.
TEST(SelectionTest, ExplicitProvincialSetLaysOverNationalVersionSet) {
  auto snap = Snap();
  xxgk::v1::Report r = Report2022();
  xxgk::v1::ValidateOptions o;
  o.set_ruleset("weihai");
  auto sel = Select(*snap, r, o);
  ASSERT_TRUE(sel.ok()) << sel.status();
  std::vector<std::string> ids;
  for (const auto& a : sel->applied) ids.push_back(a.id());
  EXPECT_EQ(ids, (std::vector<std::string>{"national-common", "national-2021", "shandong", "weihai"}));
  EXPECT_EQ(sel->applied.back().reason(), "request field ruleset=weihai");
}

}  // namespace
}  // namespace xxgk::rules
