// docs/rules.md promises that its worked example loads and runs: this test
// takes the example block out of the document itself, loads it beside the
// national sets, and validates two Sichuan reports with it.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "gtest/gtest.h"
#include "rules/validator.h"

namespace xxgk::rules {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string ExampleBlock() {
  const std::string doc = ReadFile(fs::path(XXGK_SOURCE_DIR) / "docs" / "rules.md");
  const std::string marker = "<!-- example: sichuan -->";
  size_t at = doc.find(marker);
  if (at == std::string::npos) return "";
  size_t begin = doc.find("```textproto\n", at);
  if (begin == std::string::npos) return "";
  begin += std::string("```textproto\n").size();
  size_t end = doc.find("```", begin);
  return end == std::string::npos ? "" : doc.substr(begin, end - begin);
}

fs::path MakeRulesDir(const std::string& example) {
  fs::path dir = fs::temp_directory_path() / ("xxgk_docs_example_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "provinces");
  fs::copy(fs::path(XXGK_SOURCE_DIR) / "rules" / "sets" / "national", dir / "national",
           fs::copy_options::recursive);
  std::ofstream(dir / "provinces" / "sichuan.textproto") << example;
  return dir;
}

// A small plain-text Sichuan report; `opening` is the paragraph before part 一.
std::string SichuanReport(const std::string& opening) {
  return "成都市锦江区商务局2024年政府信息公开工作年度报告\n" + opening +
         "\n一、总体情况\n2024年，我局认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息。\n"
         "二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"
         "四、政府信息公开行政复议、行政诉讼情况\n"
         "五、存在的主要问题及改进情况\n存在的问题是公开内容不够丰富。改进措施是加强培训，完善制度。\n"
         "六、其他需要报告的事项\n本年度未收取信息处理费。\n";
}

bool HasFinding(const xxgk::v1::ValidateResponse& r, const std::string& rule_id) {
  for (const auto& f : r.findings()) {
    if (f.rule_id() == rule_id) return true;
  }
  return false;
}

TEST(DocsRulesExample, LoadsAndSelectsAndFires) {
  const std::string example = ExampleBlock();
  ASSERT_NE(example.find("id: \"sichuan\""), std::string::npos) << "example block not found in docs/rules.md";
  const fs::path dir = MakeRulesDir(example);
  auto snap = LoadSnapshot(dir.string());
  ASSERT_TRUE(snap.ok()) << snap.status();

  xxgk::v1::ValidateRequest without;
  without.mutable_document()->set_content(SichuanReport("本报告由锦江区商务局编制。"));
  without.mutable_document()->set_file_name("report.txt");
  auto r1 = Validate(**snap, without);
  ASSERT_TRUE(r1.ok()) << r1.status();
  bool sichuan_applied = false;
  for (const auto& a : r1->rulesets()) {
    if (a.id() == "sichuan") {
      sichuan_applied = true;
      EXPECT_FALSE(a.reason().empty());
      EXPECT_FALSE(a.content_hash().empty());
    }
  }
  EXPECT_TRUE(sichuan_applied) << "the agency name 成都市锦江区 should select the Sichuan set without a hint";
  EXPECT_TRUE(HasFinding(*r1, "SC-OPENING-PERIOD"));

  xxgk::v1::ValidateRequest with;
  with.mutable_document()->set_content(
      SichuanReport("本报告所列数据统计期限自2024年1月1日起至2024年12月31日止。"));
  with.mutable_document()->set_file_name("report.txt");
  auto r2 = Validate(**snap, with);
  ASSERT_TRUE(r2.ok()) << r2.status();
  EXPECT_FALSE(HasFinding(*r2, "SC-OPENING-PERIOD"));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace xxgk::rules
