// --expect agencies.csv, and the progress line.
#include "client/commands.h"
#include "client/progress.h"
#include "client/render.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace xxgk::client {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(ExpectTest, HeaderColumnIsUsedWhenPresent) {
  auto names = ReadExpectedAgencies("\xEF\xBB\xBFprovince,机关\r\n山东省,某县财政局\r\n山东省,\"某县\"\"交通\"\"局\"\r\n");
  ASSERT_TRUE(names.ok());
  EXPECT_THAT(*names, ElementsAre("某县财政局", "某县\"交通\"局"));
}

TEST(ExpectTest, FirstColumnWithoutHeaderAndDuplicatesDropped) {
  auto names = ReadExpectedAgencies("# list\n甲局,1\n乙局,2\n甲局,3\n\n");
  ASSERT_TRUE(names.ok());
  EXPECT_THAT(*names, ElementsAre("甲局", "乙局"));
  EXPECT_FALSE(ReadExpectedAgencies("\n\n").ok());
}

TEST(ExpectTest, MissingAgenciesAreThoseWithoutAReport) {
  FileResult a{"in/a.json", "", {}};
  a.response.mutable_meta()->set_agency("甲局");
  FileResult b{"in/乙局2023年报.txt", "cannot read", {}};
  EXPECT_THAT(MissingAgencies({"甲局", "乙局", "丙局"}, {a, b}), ElementsAre("丙局"));
}

TEST(ProgressTest, LineShowsCountRateAndEta) {
  std::string line = Progress::Line(50, 200, 10.0, 20);
  EXPECT_THAT(line, HasSubstr("[#####...............]"));
  EXPECT_THAT(line, HasSubstr("50/200"));
  EXPECT_THAT(line, HasSubstr("5.0/s"));
  EXPECT_THAT(line, HasSubstr("ETA 0:30"));
}

TEST(ProgressTest, SilentWhenDisabled) {
  std::ostringstream out;
  {
    Progress p(out, 10, false);
    for (int i = 0; i < 10; ++i) p.Tick();
  }
  EXPECT_EQ(out.str(), "");
  {
    Progress p(out, 3, true);
    for (int i = 0; i < 3; ++i) p.Tick();
  }
  EXPECT_THAT(out.str(), HasSubstr("3/3"));
}

}  // namespace
}  // namespace xxgk::client
