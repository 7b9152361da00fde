// Every seed report parses to what ../shared/corpus/expected says: metadata,
// sections present and table cells, compared as shared/tools/check_corpus.py
// compares the `xxgk parse --output=cells` output.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "absl/strings/str_format.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "report/cell_keys.h"
#include "report/parse.h"

namespace xxgk::report {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpus = fs::path(XXGK_SOURCE_DIR) / ".." / "shared" / "corpus";

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The facts of a report as `key → value`, with VOCABULARY.md names.
std::map<std::string, std::string> Facts(const xxgk::v1::Report& r) {
  std::map<std::string, std::string> out;
  const auto& m = r.meta();
  if (m.report_year() > 0) out["meta.year"] = std::to_string(m.report_year());
  if (!m.agency().empty()) out["meta.agency"] = m.agency();
  if (!m.province().empty()) out["meta.province"] = m.province();
  if (!m.region_code().empty()) out["meta.region_code"] = m.region_code();
  switch (m.format_version()) {
    case xxgk::v1::FORMAT_2021: out["meta.format"] = "2021"; break;
    case xxgk::v1::FORMAT_2019: out["meta.format"] = "2019"; break;
    case xxgk::v1::FORMAT_LEGACY: out["meta.format"] = "legacy"; break;
    default: break;
  }
  if (m.has_publish_date() && m.publish_date().year() > 0 && m.publish_date().month() > 0 &&
      m.publish_date().day() > 0) {
    out["meta.publish_date"] = absl::StrFormat("%04d-%02d-%02d", m.publish_date().year(),
                                               m.publish_date().month(), m.publish_date().day());
  }
  if (m.script() == xxgk::v1::SIMPLIFIED) out["meta.script"] = "simplified";
  if (m.script() == xxgk::v1::TRADITIONAL) out["meta.script"] = "traditional";
  for (const auto& s : r.sections()) {
    if (s.kind() != xxgk::v1::Section::KIND_UNSPECIFIED) {
      out["section." + xxgk::v1::Section::Kind_Name(s.kind())] = "present";
    }
  }
  ForEachCell(r.tables(), [&](const std::string& key, const xxgk::v1::Cell& c) {
    out[key] = CellValueString(c);
  });
  return out;
}

bool SameNumber(const std::string& a, const std::string& b) {
  if (a == b) return true;
  char* ea = nullptr;
  char* eb = nullptr;
  double x = std::strtod(a.c_str(), &ea);
  double y = std::strtod(b.c_str(), &eb);
  return !a.empty() && !b.empty() && *ea == '\0' && *eb == '\0' && x == y;
}

class Corpus : public ::testing::TestWithParam<std::string> {};

TEST_P(Corpus, SeedReadsAsExpected) {
  const fs::path exp_path = kCorpus / "expected" / GetParam();
  google::protobuf::Struct exp;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(ReadFile(exp_path), &exp).ok());
  const auto& f = exp.fields();
  const fs::path src = exp_path.parent_path() / f.at("source").string_value();
  xxgk::v1::Document doc;
  doc.set_content(ReadFile(src));
  doc.set_file_name(src.string());
  ASSERT_FALSE(doc.content().empty()) << src;
  auto report = ParseDocument(doc);
  ASSERT_TRUE(report.ok()) << report.status();
  std::map<std::string, std::string> got = Facts(*report);

  for (const auto& [key, want] : f.at("meta").struct_value().fields()) {
    auto it = got.find("meta." + key);
    if (want.has_null_value()) {
      EXPECT_TRUE(it == got.end()) << "meta." << key << " should be absent, got " << it->second;
    } else {
      ASSERT_TRUE(it != got.end()) << "meta." << key << " missing, want " << want.string_value();
      EXPECT_EQ(it->second, want.string_value()) << "meta." << key;
    }
  }
  for (const auto& kind : f.at("sections").list_value().values()) {
    EXPECT_EQ(got["section." + kind.string_value()], "present") << kind.string_value();
  }
  for (const auto& [key, want] : f.at("cells").struct_value().fields()) {
    auto it = got.find(key);
    ASSERT_TRUE(it != got.end()) << key << " missing, want " << want.string_value();
    EXPECT_TRUE(SameNumber(it->second, want.string_value()))
        << key << ": want " << want.string_value() << ", got " << it->second;
  }
  if (f.count("tables_absent")) {
    for (const auto& t : f.at("tables_absent").list_value().values()) {
      for (const auto& [key, value] : got) {
        EXPECT_NE(key.rfind(t.string_value() + ".", 0), 0u) << "stray cell " << key;
      }
    }
  }
}

std::vector<std::string> ExpectationFiles() {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(kCorpus / "expected", ec)) {
    if (e.path().extension() == ".json") out.push_back(e.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

INSTANTIATE_TEST_SUITE_P(Seeds, Corpus, ::testing::ValuesIn(ExpectationFiles()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           return "seed_" + info.param.substr(0, 3);
                         });

TEST(CorpusPresent, ExpectationsExist) { EXPECT_GE(ExpectationFiles().size(), 5u); }

}  // namespace
}  // namespace xxgk::report
