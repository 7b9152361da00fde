// Input expansion and request building.
#include "client/inputs.h"

#include <filesystem>
#include <fstream>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace xxgk::client {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

class InputsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("xxgk_inputs_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "sub" / "deeper");
    fs::create_directories(dir_ / ".hidden");
    Write("b.txt", "b");
    Write("a.json", "{}");
    Write("sub/c.html", "<p>");
    Write("sub/deeper/d.txt", "d");
    Write(".hidden/e.txt", "e");
    Write(".dotfile", "x");
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& rel, const std::string& content) {
    std::ofstream(dir_ / rel, std::ios::binary) << content;
  }
  std::string P(const std::string& rel) { return (dir_ / rel).string(); }
  fs::path dir_;
};

std::vector<std::string> Sources(const std::vector<Input>& inputs) {
  std::vector<std::string> out;
  for (const auto& i : inputs) out.push_back(i.source + (i.error.empty() ? "" : " !"));
  return out;
}

TEST_F(InputsTest, DirectoriesAreWalkedRecursivelySortedWithoutHiddenEntries) {
  EXPECT_THAT(Sources(ExpandInputs({dir_.string()})),
              ElementsAre(P("a.json"), P("b.txt"), P("sub/c.html"), P("sub/deeper/d.txt")));
}

TEST_F(InputsTest, GlobsStdinAndMissingFilesKeepTheirOrder) {
  EXPECT_THAT(Sources(ExpandInputs({P("*.txt"), "-", P("nope.txt"), P("*.docx")})),
              ElementsAre(P("b.txt"), "-", P("nope.txt") + " !", P("*.docx") + " !"));
}

TEST_F(InputsTest, ReadInputReadsBytesAndNamesFailures) {
  absl::StatusOr<std::string> b = ReadInput(P("b.txt"));
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(*b, "b");
  EXPECT_FALSE(ReadInput(P("missing")).ok());
  EXPECT_FALSE(ReadInput(P("sub")).ok());
}

TEST(BuildValidateRequestTest, StructuredReportsAreSentAsReports) {
  absl::StatusOr<xxgk::v1::ValidateRequest> r =
      BuildValidateRequest("x.textproto", "meta { report_year: 2023 agency: \"某局\" }");
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_TRUE(r->has_report());
  EXPECT_EQ(r->report().meta().report_year(), 2023);

  r = BuildValidateRequest("x.json", R"({"meta": {"report_year": 2022}})");
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_TRUE(r->has_report());
  EXPECT_EQ(r->report().meta().report_year(), 2022);
}

TEST(BuildValidateRequestTest, MalformedStructuredReportIsAnErrorNamingTheFile) {
  absl::StatusOr<xxgk::v1::ValidateRequest> r =
      BuildValidateRequest("broken.textproto", "meta { report_year: \"x\" ");
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(std::string(r.status().message()), HasSubstr("broken.textproto"));
}

TEST(BuildValidateRequestTest, RawDocumentsAreSentAsDocumentsWithTheirFileName) {
  absl::StatusOr<xxgk::v1::ValidateRequest> r =
      BuildValidateRequest("dir/report.txt", "某县2023年政府信息公开工作年度报告");
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(r->has_document());
  EXPECT_EQ(r->document().file_name(), "report.txt");
  EXPECT_EQ(r->document().content(), "某县2023年政府信息公开工作年度报告");
}

TEST(BuildValidateRequestTest, SniffsStructuredContentAsTheServerDoes) {
  // no telling name (stdin): the content decides, by report::StructuredReportFormat
  absl::StatusOr<xxgk::v1::ValidateRequest> r =
      BuildValidateRequest("-", "# exported\nmeta { report_year: 2021 }\n");
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_TRUE(r->has_report());
  EXPECT_EQ(r->report().meta().report_year(), 2021);
  r = BuildValidateRequest("report.pbtxt", "meta { report_year: 2020 }");
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_TRUE(r->has_report());
  // a document whose first line merely looks like `word:` stays a document
  r = BuildValidateRequest("-", "note: 某县2023年政府信息公开工作年度报告");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(r->has_document());
}

TEST(StructuredExtensionTest, KnownExtensions) {
  EXPECT_TRUE(HasStructuredExtension("a.JSON"));
  EXPECT_TRUE(HasStructuredExtension("a.pb.txt"));
  EXPECT_TRUE(HasStructuredExtension("a.txtpb"));
  EXPECT_TRUE(HasStructuredExtension("a.pbtxt"));
  EXPECT_TRUE(HasStructuredExtension("a.textpb"));
  EXPECT_FALSE(HasStructuredExtension("a.txt"));
  EXPECT_FALSE(HasStructuredExtension("a.html"));
}

}  // namespace
}  // namespace xxgk::client
