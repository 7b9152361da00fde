// Validate on a raw document reads it onto an arena and copies what the
// response needs from there: the response must be exactly what validating
// the parsed report as structured input gives.
#include <dirent.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "rules/validator.h"
#include "tests/rules/rules_test_util.h"

namespace xxgk::rules::testing {
namespace {

using google::protobuf::util::MessageDifferencer;

std::vector<std::string> Seeds() {
  const std::string dir = std::string(XXGK_SOURCE_DIR) + "/../shared/corpus/seeds";
  std::vector<std::string> out;
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) return out;
  while (dirent* e = readdir(d)) {
    const std::string name = e->d_name;
    if (name.size() > 4 && name.substr(name.size() - 4) == ".txt") out.push_back(dir + "/" + name);
  }
  closedir(d);
  std::sort(out.begin(), out.end());
  return out;
}

TEST(ValidateDocumentTest, SameResponseAsTheParsedReport) {
  const std::vector<std::string> seeds = Seeds();
  if (seeds.empty()) GTEST_SKIP() << "no corpus seeds";
  for (const std::string& path : seeds) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    xxgk::v1::ValidateRequest by_doc;
    by_doc.mutable_document()->set_content(buf.str());
    by_doc.mutable_document()->set_file_name(path);
    xxgk::v1::ValidateRequest by_report;
    xxgk::v1::Report* parsed = by_report.mutable_report();
    const absl::Status read = ReadRequestDocument(by_doc.document(), "document", parsed);
    ASSERT_TRUE(read.ok()) << path << ": " << read;
    for (bool include : {false, true}) {
      by_doc.mutable_options()->set_include_report(include);
      by_report.mutable_options()->set_include_report(include);
      absl::StatusOr<xxgk::v1::ValidateResponse> a = Validate(*Embedded(), by_doc);
      absl::StatusOr<xxgk::v1::ValidateResponse> b = Validate(*Embedded(), by_report);
      ASSERT_TRUE(a.ok() && b.ok()) << path;
      EXPECT_TRUE(MessageDifferencer::Equals(*a, *b)) << path << " include_report=" << include;
      EXPECT_TRUE(MessageDifferencer::Equals(a->meta(), parsed->meta())) << path;
      EXPECT_EQ(a->has_report(), include) << path;
      if (include) {
        EXPECT_TRUE(MessageDifferencer::Equals(a->report(), *parsed)) << path;
      }
    }
  }
}

}  // namespace
}  // namespace xxgk::rules::testing
