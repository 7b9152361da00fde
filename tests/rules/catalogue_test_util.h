// Helpers for the catalogue tests: the national sets loaded from the source
// tree, a rule compiled from text format, and evaluation of one check.
#ifndef XXGK_TESTS_RULES_CATALOGUE_TEST_UTIL_H_
#define XXGK_TESTS_RULES_CATALOGUE_TEST_UTIL_H_

#include <memory>
#include <string>
#include <vector>

#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "rules/check.h"
#include "tests/rules/rules_test_util.h"

namespace xxgk::rules::testing {

// The rule sets of the source tree (rules/sets), compiled once.
inline const Snapshot& National() {
  static const std::shared_ptr<const Snapshot> snap = [] {
    auto s = LoadSnapshot(std::string(XXGK_SOURCE_DIR) + "/rules/sets");
    EXPECT_TRUE(s.ok()) << s.status();
    return s.ok() ? *s : nullptr;
  }();
  return *snap;
}

// Validates `report` (with `previous` as last year's report when given)
// against the national sets.
inline xxgk::v1::ValidateResponse Check(const xxgk::v1::Report& report, const xxgk::v1::Report* previous = nullptr) {
  xxgk::v1::ValidateOptions options;
  if (previous != nullptr) *options.mutable_previous()->mutable_report() = *previous;
  return ValidateOk(National(), report, options);
}

// Compiles a rule written in text format; fails the test on error.
inline std::unique_ptr<xxgk::rules::Check> CompileText(const std::string& text) {
  xxgk::v1::Rule rule;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &rule)) << text;
  auto check = CompileCheck(rule);
  EXPECT_TRUE(check.ok()) << check.status();
  return check.ok() ? std::move(*check) : nullptr;
}

// The compile error of a rule written in text format ("" when it compiles).
inline std::string CompileError(const std::string& text) {
  xxgk::v1::Rule rule;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &rule)) << text;
  auto check = CompileCheck(rule);
  return check.ok() ? "" : std::string(check.status().message());
}

inline std::vector<xxgk::v1::Finding> Eval(const xxgk::rules::Check& check, const xxgk::v1::Report& report,
                                           const xxgk::v1::Report* previous = nullptr) {
  std::vector<xxgk::v1::Finding> out;
  EvalContext ctx{report, previous};
  check.Evaluate(ctx, &out);
  return out;
}

inline xxgk::v1::Section* SectionOf(xxgk::v1::Report* r, xxgk::v1::Section::Kind kind) {
  for (auto& s : *r->mutable_sections()) {
    if (s.kind() == kind) return &s;
  }
  return nullptr;
}

inline xxgk::v1::ProseFact* AddFact(xxgk::v1::Report* r, const std::string& subject, const std::string& value,
                                    const std::string& unit, const std::string& excerpt) {
  xxgk::v1::ProseFact* f = r->add_facts();
  f->set_subject(subject);
  f->set_value(value);
  f->set_unit(unit);
  f->set_excerpt(excerpt);
  return f;
}

// Highest severity among the findings of a response (SEVERITY_UNSPECIFIED
// when there are none).
inline xxgk::v1::Severity MaxSeverity(const xxgk::v1::ValidateResponse& resp) {
  xxgk::v1::Severity max = xxgk::v1::SEVERITY_UNSPECIFIED;
  for (const auto& f : resp.findings()) {
    if (!f.waived() && f.severity() > max) max = f.severity();
  }
  return max;
}

}  // namespace xxgk::rules::testing

#endif  // XXGK_TESTS_RULES_CATALOGUE_TEST_UTIL_H_
