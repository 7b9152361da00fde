// The five sample reports of ../shared/corpus, read by report::ParseDocument
// and validated against the national sets: every must_find category (and
// severity where fixed) is reported, nothing in must_not_find is, and the
// clean ones stay at or below max_severity. "CONTENT_MISSING:fee_statement"
// names the fee-statement rule (CONTENT-FEE).
#include <dirent.h>

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "report/parse.h"
#include "tests/rules/catalogue_test_util.h"

namespace xxgk::rules::testing {
namespace {

const std::string kCorpus = std::string(XXGK_SOURCE_DIR) + "/../shared/corpus";

std::vector<std::string> ExpectedFiles() {
  std::vector<std::string> out;
  DIR* dir = opendir((kCorpus + "/expected").c_str());
  if (dir == nullptr) return out;
  while (dirent* e = readdir(dir)) {
    std::string name = e->d_name;
    if (name.size() > 5 && name.substr(name.size() - 5) == ".json") out.push_back(name);
  }
  closedir(dir);
  std::sort(out.begin(), out.end());
  return out;
}

xxgk::v1::Severity SeverityOf(const std::string& s) {
  xxgk::v1::Severity v = xxgk::v1::SEVERITY_UNSPECIFIED;
  xxgk::v1::Severity_Parse(s, &v);
  return v;
}

bool Matches(const xxgk::v1::Finding& f, const std::string& what) {
  const size_t colon = what.find(':');
  const std::string category = what.substr(0, colon);
  if (xxgk::v1::Category_Name(f.category()) != category) return false;
  if (colon == std::string::npos) return true;
  const std::string detail = what.substr(colon + 1);
  if (detail == "fee_statement") return f.rule_id() == "CONTENT-FEE";
  return f.rule_id() == detail;
}

TEST(CorpusSeeds, ExpectationsHold) {
  const auto files = ExpectedFiles();
  ASSERT_EQ(files.size(), 5u) << "corpus not found at " << kCorpus;
  for (const auto& name : files) {
    SCOPED_TRACE(name);
    google::protobuf::Struct expected;
    ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(ReadFileOrDie(kCorpus + "/expected/" + name), &expected)
                    .ok());
    const auto& fields = expected.fields();
    std::string source = fields.at("source").string_value();
    source = kCorpus + "/expected/" + source;
    xxgk::v1::Document doc;
    doc.set_content(ReadFileOrDie(source));
    doc.set_file_name(source);
    auto report = report::ParseDocument(doc);
    ASSERT_TRUE(report.ok()) << report.status();
    auto resp = Check(*report);
    if (std::getenv("XXGK_CORPUS_VERBOSE") != nullptr) std::cout << name << "\n" << Describe(resp) << std::endl;
    for (const auto& item : fields.at("must_find").list_value().values()) {
      const auto& f = item.struct_value().fields();
      const std::string category = f.at("category").string_value();
      const auto sev = f.count("severity") ? SeverityOf(f.at("severity").string_value()) : xxgk::v1::SEVERITY_UNSPECIFIED;
      bool found = false;
      for (const auto& finding : resp.findings()) {
        if (Matches(finding, category) && (sev == xxgk::v1::SEVERITY_UNSPECIFIED || finding.severity() == sev)) {
          found = true;
        }
      }
      EXPECT_TRUE(found) << "missing " << category << " (" << f.at("about").string_value() << ")\n" << Describe(resp);
    }
    if (fields.count("must_not_find")) {
      for (const auto& item : fields.at("must_not_find").list_value().values()) {
        for (const auto& finding : resp.findings()) {
          EXPECT_FALSE(Matches(finding, item.string_value()))
              << "false alarm " << item.string_value() << ": " << finding.rule_id() << " " << finding.message();
        }
      }
    }
    if (fields.count("max_severity")) {
      EXPECT_LE(MaxSeverity(resp), SeverityOf(fields.at("max_severity").string_value())) << Describe(resp);
    }
  }
}

}  // namespace
}  // namespace xxgk::rules::testing
