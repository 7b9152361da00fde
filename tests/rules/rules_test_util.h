// Shared helpers for the rules tests: fixtures, the embedded snapshot, and
// small finders over responses.
#ifndef XXGK_TESTS_RULES_RULES_TEST_UTIL_H_
#define XXGK_TESTS_RULES_RULES_TEST_UTIL_H_

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "report/cell_keys.h"
#include "rules/loader.h"
#include "rules/validator.h"
#include "xxgk/v1/service.pb.h"

namespace xxgk::rules::testing {

inline std::string ReadFileOrDie(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

inline xxgk::v1::Report Fixture(const std::string& name) {
  xxgk::v1::Report r;
  const std::string text = ReadFileOrDie(std::string(XXGK_SOURCE_DIR) + "/tests/rules/fixtures/" + name);
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &r)) << name;
  return r;
}

// The complete, consistent 2021-format report.
inline xxgk::v1::Report OkReport2021() { return Fixture("report_2021_ok.textproto"); }

inline std::shared_ptr<const Snapshot> Embedded() {
  static const std::shared_ptr<const Snapshot> snap = [] {
    auto s = LoadSnapshot("");
    EXPECT_TRUE(s.ok()) << s.status();
    return s.ok() ? *s : nullptr;
  }();
  return snap;
}

inline void SetNumber(xxgk::v1::Report* r, const std::string& key, const std::string& value) {
  xxgk::v1::Cell* c = report::MutableCell(r->mutable_tables(), key);
  ASSERT_NE(c, nullptr) << key;
  c->set_presence(xxgk::v1::Cell::NUMBER);
  c->set_value(value);
  c->set_raw(value);
}

inline void SetBlank(xxgk::v1::Report* r, const std::string& key) {
  xxgk::v1::Cell* c = report::MutableCell(r->mutable_tables(), key);
  ASSERT_NE(c, nullptr) << key;
  c->set_presence(xxgk::v1::Cell::BLANK);
  c->clear_value();
  c->clear_raw();
}

inline std::string Value(const xxgk::v1::Report& r, const std::string& key) {
  const xxgk::v1::Cell* c = report::FindCell(r.tables(), key);
  return c == nullptr ? "" : c->value();
}

inline xxgk::v1::ValidateResponse ValidateOk(const Snapshot& snap, const xxgk::v1::Report& report,
                                              const xxgk::v1::ValidateOptions& options = {}) {
  xxgk::v1::ValidateRequest req;
  *req.mutable_report() = report;
  *req.mutable_options() = options;
  auto resp = Validate(snap, req);
  EXPECT_TRUE(resp.ok()) << resp.status();
  return resp.ok() ? *resp : xxgk::v1::ValidateResponse();
}

inline std::vector<xxgk::v1::Finding> WithCategory(const xxgk::v1::ValidateResponse& resp, xxgk::v1::Category c) {
  std::vector<xxgk::v1::Finding> out;
  for (const auto& f : resp.findings()) {
    if (f.category() == c) out.push_back(f);
  }
  return out;
}

inline std::vector<xxgk::v1::Finding> WithRule(const xxgk::v1::ValidateResponse& resp, const std::string& id) {
  std::vector<xxgk::v1::Finding> out;
  for (const auto& f : resp.findings()) {
    if (f.rule_id() == id) out.push_back(f);
  }
  return out;
}

inline std::string Describe(const xxgk::v1::ValidateResponse& resp) {
  std::string s;
  for (const auto& f : resp.findings()) {
    s += f.rule_id() + " " + xxgk::v1::Severity_Name(f.severity()) + " " + f.message() + "\n";
  }
  return s;
}

}  // namespace xxgk::rules::testing

#endif  // XXGK_TESTS_RULES_RULES_TEST_UTIL_H_
