// format_version and the rule FORMAT-VERSION.
#include "gtest/gtest.h"
#include "tests/rules/catalogue_test_util.h"

namespace xxgk::rules::testing {
namespace {

TEST(FormatVersion, RightLayoutIsQuiet) {
  auto check = CompileText("format_version {}");
  ASSERT_NE(check, nullptr);
  EXPECT_TRUE(Eval(*check, OkReport2021()).empty());
}

TEST(FormatVersion, Columns2019InA2021ReportAreReportedByName) {
  auto check = CompileText("format_version {}");
  ASSERT_NE(check, nullptr);
  auto r = OkReport2021();
  r.mutable_tables()->mutable_t2()->clear_rules();
  r.mutable_tables()->mutable_t2()->clear_normative_documents();
  r.mutable_tables()->mutable_t2()->clear_fees();
  r.mutable_tables()->mutable_t2()->mutable_info()->set_layout(xxgk::v1::FORMAT_VERSION_UNSPECIFIED);
  SetNumber(&r, "t2.rules.new_made", "3");
  SetNumber(&r, "t2.procurement.amount", "251000");
  auto findings = Eval(*check, r);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].location().table(), "t2");
  EXPECT_NE(findings[0].message().find("2019"), std::string::npos) << findings[0].message();
  EXPECT_NE(findings[0].message().find("2022"), std::string::npos);
  ASSERT_GE(findings[0].location().cell_keys_size(), 1);
}

TEST(FormatVersion, SingleOtherRowInA2021ReportIsReported) {
  auto check = CompileText("format_version {}");
  ASSERT_NE(check, nullptr);
  auto r = OkReport2021();
  r.mutable_tables()->mutable_t3()->mutable_info()->set_layout(xxgk::v1::FORMAT_2019);
  auto findings = Eval(*check, r);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].location().table(), "t3");
}

TEST(FormatVersion, NoTableIsQuiet) {
  auto check = CompileText("format_version {}");
  ASSERT_NE(check, nullptr);
  auto r = OkReport2021();
  r.clear_tables();
  EXPECT_TRUE(Eval(*check, r).empty());
}

TEST(FormatVersion, LegacyTableInALaterReport) {
  auto check = CompileText("format_version {}");
  ASSERT_NE(check, nullptr);
  auto r = OkReport2021();
  r.clear_tables();
  SetNumber(&r, "legacy.active.total", "300");
  auto findings = Eval(*check, r);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].location().table(), "legacy");
}

TEST(FormatVersionRule, NationalSetPassesAndFails) {
  auto r = OkReport2021();
  EXPECT_TRUE(WithRule(Check(r), "FORMAT-VERSION").empty());
  r.mutable_tables()->mutable_t3()->mutable_info()->set_layout(xxgk::v1::FORMAT_2019);
  auto found = WithRule(Check(r), "FORMAT-VERSION");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].category(), xxgk::v1::FORMAT_VERSION);
  EXPECT_EQ(found[0].severity(), xxgk::v1::ERROR);
}

}  // namespace
}  // namespace xxgk::rules::testing
