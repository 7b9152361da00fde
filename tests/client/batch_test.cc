// A batch of generated reports through every output format: the same counts
// in each, a progress bar only on a terminal, and an HTML page that renders
// in headless Chromium with the expected figures (and a screenshot).
#include <filesystem>
#include <fstream>
#include <regex>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "tests/client/golden_util.h"
#include "tests/client/process_util.h"

namespace xxgk::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr int kReports = 1000;

class BatchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string((fs::temp_directory_path() /
                            ("xxgk_batch_" + std::to_string(getpid()))).string());
    fs::remove_all(*dir_);
    fs::create_directories(*dir_ + "/in/sub");
    const std::string clean = ReadFileOrEmpty(TestData("report_2021_clean.textproto"));
    const std::string wrong = ReadFileOrEmpty(TestData("report_2021_t3_wrong.textproto"));
    static const char* const kProvinces[] = {"", "湖北省", "新疆维吾尔自治区"};
    for (int i = 0; i < kReports; ++i) {
      std::string agency = absl::StrCat("示例县第", i, "局");
      std::string text = absl::StrReplaceAll(i % 3 == 0 ? wrong : clean,
                                             {{"示例县交通运输局", agency}});
      const char* province = kProvinces[i % 3 == 0 ? 0 : 1 + i % 2];
      if (*province) {
        text = absl::StrReplaceAll(text, {{"  agency_level:", absl::StrCat("  province: \"",
                                                                         province,
                                                                         "\"\n  agency_level:")}});
      }
      std::string path = absl::StrCat(*dir_, i % 2 ? "/in/sub/" : "/in/", "r", 1000 + i,
                                      ".textproto");
      std::ofstream(path) << text;
    }
    // One input that cannot be read.
    std::ofstream(*dir_ + "/in/zz_broken.json") << "{\"meta\": {\"report_year\": \"x\"";
    std::ofstream(*dir_ + "/agencies.csv") << "机关\n示例县第1局\n示例县第2局\n示例县财政局\n";
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
  }
  static ProcessResult Validate(const std::string& output) {
    return RunXxgk({"validate", "--output=" + output, "--color=never", "--jobs=2",
                    "--expect=" + *dir_ + "/agencies.csv", *dir_ + "/in"});
  }
  static std::string* dir_;
};
std::string* BatchTest::dir_ = nullptr;

int CountOf(const std::string& html, const std::string& id) {
  std::smatch m;
  std::regex re("id=\"" + id + "\">([0-9]+)<");
  if (!std::regex_search(html, m, re)) return -1;
  return std::stoi(m[1]);
}

TEST_F(BatchTest, EveryFormatCountsTheSame) {
  ProcessResult json = Validate("json");
  ASSERT_EQ(json.exit_code, 2) << json.err;  // the broken input
  int objects = 0, with_errors = 0, unreadable = 0, findings = 0, errors = 0;
  for (absl::string_view line : absl::StrSplit(json.out, '\n', absl::SkipEmpty())) {
    google::protobuf::Struct s;
    ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(std::string(line), &s).ok()) << line;
    ++objects;
    if (s.fields().count("error")) {
      ++unreadable;
      continue;
    }
    bool err = false;
    for (const auto& f : s.fields().at("findings").list_value().values()) {
      ++findings;
      const auto& ff = f.struct_value().fields();
      if (ff.at("severity").string_value() == "ERROR" && !ff.at("waived").bool_value()) {
        err = true;
        ++errors;
      }
    }
    with_errors += err;
  }
  EXPECT_EQ(objects, kReports + 1);
  EXPECT_EQ(unreadable, 1);
  EXPECT_GE(with_errors, (kReports + 2) / 3);  // every third report has a wrong cell
  EXPECT_THAT(json.err, HasSubstr(absl::StrCat(kReports + 1, " files checked: ", with_errors,
                                               " with errors")));
  EXPECT_THAT(json.err, HasSubstr("示例县财政局"));
  EXPECT_THAT(json.err, Not(HasSubstr("示例县第1局\n")));

  ProcessResult text = Validate("text");
  EXPECT_EQ(text.exit_code, 2);
  EXPECT_THAT(text.out, HasSubstr(absl::StrCat(kReports + 1, " files checked: ", with_errors,
                                               " with errors")));
  EXPECT_THAT(text.out, HasSubstr(absl::StrCat(errors, " errors,")));
  EXPECT_THAT(text.out, HasSubstr("1 expected agency has no report:\n  示例县财政局\n"));

  ProcessResult csv = Validate("csv");
  EXPECT_EQ(csv.exit_code, 2);
  size_t rows = 0;
  for (size_t p = csv.out.find("\r\n"); p != std::string::npos; p = csv.out.find("\r\n", p + 2)) {
    ++rows;
  }
  EXPECT_EQ(rows, 1u + findings + unreadable);  // header, findings, the unreadable input

  ProcessResult html = Validate("html");
  EXPECT_EQ(html.exit_code, 2);
  EXPECT_EQ(CountOf(html.out, "count-reports"), kReports + 1);
  EXPECT_EQ(CountOf(html.out, "count-with-errors"), with_errors);
  EXPECT_EQ(CountOf(html.out, "count-unreadable"), 1);
  EXPECT_EQ(CountOf(html.out, "count-errors"), errors);
  EXPECT_EQ(CountOf(html.out, "count-missing"), 1);

  // The page renders: Chromium runs its script (the "N shown" counter) and
  // keeps the figures; a screenshot is written beside the build.
  std::string page = *dir_ + "/report.html";
  std::ofstream(page) << html.out;
  std::string profile = *dir_ + "/chromium-profile";
  ProcessResult dom = RunProcess({"/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu",
                                  "--user-data-dir=" + profile, "--dump-dom", "file://" + page});
  ASSERT_EQ(dom.exit_code, 0) << dom.err;
  EXPECT_EQ(CountOf(dom.out, "count-reports"), kReports + 1);
  EXPECT_EQ(CountOf(dom.out, "count-with-errors"), with_errors);
  EXPECT_THAT(dom.out, HasSubstr(absl::StrCat("id=\"visible\">", kReports + 1, " shown<")));
  std::string shot = std::string(XXGK_BINARY_DIR) + "/tests/client_batch_report.png";
  fs::remove(shot);
  ProcessResult png = RunProcess({"/usr/bin/chromium", "--headless", "--no-sandbox",
                                  "--disable-gpu", "--user-data-dir=" + profile,
                                  "--window-size=1280,1600", "--screenshot=" + shot,
                                  "file://" + page});
  EXPECT_EQ(png.exit_code, 0) << png.err;
  ASSERT_TRUE(fs::exists(shot));
  EXPECT_GT(fs::file_size(shot), 10000u);
  EXPECT_EQ(ReadFileOrEmpty(shot).substr(1, 3), "PNG");
}

TEST_F(BatchTest, ProgressBarOnATerminalOnly) {
  std::string cmd = absl::StrCat("'", XxgkPath(), "' validate --output=json --jobs=2 '", *dir_,
                                 "/in' >/dev/null");
  // script(1) gives the command a terminal for stderr.
  ProcessResult tty = RunProcess({"/usr/bin/script", "-qec", cmd, "/dev/null"});
  EXPECT_THAT(tty.out, HasSubstr(absl::StrCat("/", kReports + 1)));
  EXPECT_THAT(tty.out, HasSubstr("ETA"));
  ProcessResult pipe = RunXxgk({"validate", "--output=json", "--jobs=2", *dir_ + "/in"});
  EXPECT_THAT(pipe.err, Not(HasSubstr("ETA")));
}

}  // namespace
}  // namespace xxgk::testing
