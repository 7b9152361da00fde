// substantive_section: a section that is present but says nothing — its body
// (every section of the kind, headings excluded) has fewer than min_chars CJK
// characters, matches a boilerplate pattern (e.g. ^无。?$), or fails to match
// one of must_mention_any (each entry an RE2 alternation that must match at
// least once, e.g. one for problems and one for improvements). One finding
// with every reason. An absent section stays quiet (SECTION_MISSING).
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "re2/re2.h"
#include "rules/checks/checks.h"
#include "rules/finding_util.h"
#include "rules/labels.h"
#include "rules/text_scan.h"

namespace xxgk::rules {
namespace {

using xxgk::v1::Finding;
using xxgk::v1::Section;

std::string Excerpt(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return std::string(s);
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;  // UTF-8 boundary
  return absl::StrCat(absl::string_view(s.data(), end), "…");
}

class SubstantiveSectionCheck : public Check {
 public:
  SubstantiveSectionCheck(const xxgk::v1::SubstantiveSection& p, std::vector<std::unique_ptr<RE2>> boilerplate,
                          std::vector<std::unique_ptr<RE2>> mentions)
      : p_(p), boilerplate_(std::move(boilerplate)), mentions_(std::move(mentions)) {
    for (const std::string& pattern : p_.must_mention_any()) literal_.push_back(LiteralAlternation::Of(pattern));
  }

  void Evaluate(const EvalContext& ctx, std::vector<Finding>* out) const override {
    // The text of the sections of the kind, joined by newlines; a single
    // section's text is read in place.
    std::string joined;
    std::string_view body;
    const Section* first = nullptr;
    for (const auto& s : ctx.report.sections()) {
      if (s.kind() != p_.kind()) continue;
      if (first == nullptr) {
        first = &s;
        body = s.text();
        continue;
      }
      if (joined.empty()) joined = std::string(body);
      if (!joined.empty()) joined += "\n";
      joined += s.text();
      body = joined;
    }
    if (first == nullptr) return;
    const absl::string_view stripped = absl::StripAsciiWhitespace(absl::string_view(body.data(), body.size()));
    body = std::string_view(stripped.data(), stripped.size());
    const re2::StringPiece body_piece(body.data(), body.size());

    std::vector<std::string> zh, en;
    // Counting stops at min_chars; the full count is taken only for a finding.
    int cjk = p_.min_chars() > 0 ? CountHan(body, p_.min_chars()) : 0;
    const bool cjk_exact = p_.min_chars() > 0 && cjk < p_.min_chars();
    if (cjk_exact) {
      zh.push_back(absl::StrFormat("正文仅%d个汉字（至少应有%d个）", cjk, p_.min_chars()));
      en.push_back(absl::StrFormat("the body has only %d Chinese characters (at least %d expected)", cjk,
                                   p_.min_chars()));
    }
    for (size_t i = 0; i < boilerplate_.size(); ++i) {
      if (RE2::PartialMatch(body_piece, *boilerplate_[i])) {
        zh.push_back(absl::StrCat("内容为套话（匹配「", p_.boilerplate(i), "」）"));
        en.push_back(absl::StrCat("the body is boilerplate (matches \"", p_.boilerplate(i), "\")"));
        break;
      }
    }
    for (size_t i = 0; i < mentions_.size(); ++i) {
      // A plain alternation of literals is searched for as bytes.
      if (!(literal_[i] ? literal_[i]->FoundIn(body) : RE2::PartialMatch(body_piece, *mentions_[i]))) {
        zh.push_back(absl::StrCat("未提及「", p_.must_mention_any(i), "」中的任何一项"));
        en.push_back(absl::StrCat("mentions none of \"", p_.must_mention_any(i), "\""));
      }
    }
    if (zh.empty()) return;
    if (!cjk_exact) cjk = CountHan(body);
    Finding f = NewFinding();
    const std::string label = first->heading().empty() ? SectionLabel(p_.kind(), Lang::kZh) : first->heading();
    f.set_message(absl::StrFormat("「%s」部分内容空泛：%s。", label, absl::StrJoin(zh, "；")));
    f.set_message_en(absl::StrFormat("Section \"%s\" says nothing substantive: %s.",
                                     SectionLabel(p_.kind(), Lang::kEn), absl::StrJoin(en, "; ")));
    f.mutable_location()->set_section(p_.kind());
    f.mutable_location()->set_place(label);
    f.mutable_location()->set_place_en(SectionLabel(p_.kind(), Lang::kEn));
    f.mutable_location()->set_excerpt(Excerpt(body, 120));
    *f.mutable_location()->mutable_span() = first->span();
    f.set_actual(absl::StrCat(cjk, " CJK chars"));
    out->push_back(std::move(f));
  }

 private:
  xxgk::v1::SubstantiveSection p_;
  std::vector<std::unique_ptr<RE2>> boilerplate_;
  std::vector<std::unique_ptr<RE2>> mentions_;
  std::vector<std::optional<LiteralAlternation>> literal_;  // of mentions_, where one is literal
};

absl::Status Compile(const google::protobuf::RepeatedPtrField<std::string>& src, const char* field,
                     std::vector<std::unique_ptr<RE2>>* out) {
  for (int i = 0; i < src.size(); ++i) {
    auto re = std::make_unique<RE2>(src.Get(i), RE2::Quiet);
    if (!re->ok()) {
      return absl::InvalidArgumentError(absl::StrCat("substantive_section.", field, "[", i,
                                                     "]: invalid RE2 pattern \"", src.Get(i), "\": ", re->error()));
    }
    out->push_back(std::move(re));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::unique_ptr<Check>> CompileSubstantiveSection(const xxgk::v1::Rule& rule) {
  const auto& p = rule.substantive_section();
  if (p.kind() == Section::KIND_UNSPECIFIED) {
    return absl::InvalidArgumentError("substantive_section.kind: KIND_UNSPECIFIED");
  }
  if (p.min_chars() < 0) return absl::InvalidArgumentError("substantive_section.min_chars: negative");
  if (p.min_chars() == 0 && p.boilerplate().empty() && p.must_mention_any().empty()) {
    return absl::InvalidArgumentError("substantive_section: no min_chars, boilerplate or must_mention_any");
  }
  std::vector<std::unique_ptr<RE2>> boilerplate, mentions;
  PrecomputeTextScan();
  if (auto s = Compile(p.boilerplate(), "boilerplate", &boilerplate); !s.ok()) return s;
  if (auto s = Compile(p.must_mention_any(), "must_mention_any", &mentions); !s.ok()) return s;
  return std::unique_ptr<Check>(new SubstantiveSectionCheck(p, std::move(boilerplate), std::move(mentions)));
}

}  // namespace xxgk::rules
