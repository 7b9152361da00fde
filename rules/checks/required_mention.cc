// required_mention: a statement that must stand in a section (or anywhere, or
// in the opening before the first section heading), recognised by RE2
// patterns. A match lying inside a match of an `exclude` pattern does not
// count (行政事业性收费 is not a statement about 信息处理费). Fewer than
// min_count (default 1) counted matches → one CONTENT_MISSING finding.
// A rule about a section that is absent stays quiet (SECTION_MISSING covers
// it); so does an opening rule when the report carries no text.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "re2/re2.h"
#include "rules/checks/checks.h"
#include "rules/finding_util.h"
#include "rules/labels.h"
#include "rules/text_scan.h"

namespace xxgk::rules {
namespace {

using xxgk::v1::Finding;
using xxgk::v1::Section;

using Range = std::pair<size_t, size_t>;

// The successive non-overlapping matches of `re` in `text`, one at a time.
class Matches {
 public:
  Matches(const RE2& re, std::string_view text) : re_(re), text_(text), input_(text.data(), text.size()) {}

  bool Next(Range* r) {
    re2::StringPiece m;
    if (pos_ > text_.size() || !re_.Match(input_, pos_, text_.size(), RE2::UNANCHORED, &m, 1)) return false;
    const size_t begin = static_cast<size_t>(m.data() - text_.data());
    const size_t end = begin + m.size();
    *r = {begin, end};
    pos_ = end > begin ? end : end + 1;  // an empty match must still advance
    return true;
  }

 private:
  const RE2& re_;
  std::string_view text_;
  re2::StringPiece input_;
  size_t pos_ = 0;
};

std::vector<Range> AllMatches(const RE2& re, std::string_view text) {
  std::vector<Range> out;
  Matches m(re, text);
  Range r;
  while (m.Next(&r)) out.push_back(r);
  return out;
}

class RequiredMentionCheck : public Check {
 public:
  RequiredMentionCheck(const xxgk::v1::RequiredMention& p, std::vector<std::unique_ptr<RE2>> any_of,
                       std::vector<std::unique_ptr<RE2>> exclude)
      : p_(p), any_of_(std::move(any_of)), exclude_(std::move(exclude)) {
    for (const std::string& pattern : p_.any_of()) literal_.push_back(LiteralAlternation::Of(pattern));
  }

  void Evaluate(const EvalContext& ctx, std::vector<Finding>* out) const override {
    const auto& report = ctx.report;
    std::string joined;     // built when the text is not one piece of Report.text
    std::string_view text;  // what is searched
    xxgk::v1::Span span;
    if (p_.in_opening()) {
      if (report.text().empty()) return;
      size_t end = report.text().size();
      if (report.sections_size() > 0) end = std::min<size_t>(end, report.sections(0).span().begin());
      text = std::string_view(report.text()).substr(0, end);
      span.set_begin(0);
      span.set_end(static_cast<uint32_t>(end));
    } else if (p_.section() != Section::KIND_UNSPECIFIED) {
      bool found = false;
      for (const auto& s : report.sections()) {
        if (s.kind() != p_.section()) continue;
        if (!found) span = s.span();
        found = true;
        absl::StrAppend(&joined, s.text(), "\n");  // the heading itself proves nothing
      }
      if (!found) return;
      text = joined;
    } else if (!report.text().empty()) {
      text = report.text();
    } else {
      for (const auto& s : report.sections()) absl::StrAppend(&joined, s.heading(), "\n", s.text(), "\n");
      if (joined.empty()) return;
      text = joined;
    }

    // The count matters only below `need`: stop as soon as it is reached.
    // Exclusions are found only once a candidate match needs them.
    const int need = p_.min_count() > 0 ? p_.min_count() : 1;
    // With one match needed and nothing excluded, any match at all (an empty
    // one too) is enough and no positions are needed; none means count 0.
    const bool any_match_will_do = need == 1 && exclude_.empty();
    std::vector<Range> excluded;
    bool excluded_known = false;
    int count = 0;
    for (size_t i = 0; i < any_of_.size(); ++i) {
      const RE2& re = *any_of_[i];
      if (any_match_will_do) {
        // A plain alternation of literals is searched for as bytes.
        if (literal_[i] ? literal_[i]->FoundIn(text)
                        : RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), re)) {
          return;
        }
        continue;
      }
      Matches matches(re, text);
      Range r;
      while (matches.Next(&r)) {
        if (!excluded_known) {
          for (const auto& x : exclude_) {
            for (const Range& e : AllMatches(*x, text)) excluded.push_back(e);
          }
          excluded_known = true;
        }
        bool inside = false;
        for (const Range& x : excluded) {
          if (x.first <= r.first && r.second <= x.second) inside = true;
        }
        if (!inside && ++count >= need) return;
      }
    }

    Finding f = NewFinding();
    std::string where_zh, where_en;
    if (p_.in_opening()) {
      where_zh = "报告开头（第一部分之前）";
      where_en = "the opening (before the first section)";
    } else if (p_.section() != Section::KIND_UNSPECIFIED) {
      where_zh = absl::StrCat("「", SectionLabel(p_.section(), Lang::kZh), "」部分");
      where_en = absl::StrCat("section \"", SectionLabel(p_.section(), Lang::kEn), "\"");
    } else {
      where_zh = "报告";
      where_en = "the report";
    }
    const std::string what = p_.what().empty() ? "规定的内容" : p_.what();
    const std::string what_en = p_.what_en().empty() ? "the required statement" : p_.what_en();
    if (count == 0) {
      f.set_message(absl::StrFormat("%s未说明%s。", where_zh, what));
      f.set_message_en(absl::StrFormat("%s does not state %s.", where_en, what_en));
    } else {
      f.set_message(absl::StrFormat("%s对%s的说明不足：找到%d处，至少应有%d处。", where_zh, what, count, need));
      f.set_message_en(absl::StrFormat("%s mentions %s %d time(s); at least %d required.", where_en, what_en, count,
                                       need));
    }
    f.set_expected(absl::StrCat("≥ ", need));
    f.set_actual(absl::StrCat(count));
    f.mutable_location()->set_section(p_.section());
    f.mutable_location()->set_place(where_zh);
    f.mutable_location()->set_place_en(where_en);
    *f.mutable_location()->mutable_span() = span;
    out->push_back(std::move(f));
  }

 private:
  xxgk::v1::RequiredMention p_;
  std::vector<std::unique_ptr<RE2>> any_of_;
  std::vector<std::unique_ptr<RE2>> exclude_;
  std::vector<std::optional<LiteralAlternation>> literal_;  // of any_of_, where one is literal
};

absl::Status CompilePatterns(const google::protobuf::RepeatedPtrField<std::string>& src, const char* field,
                             std::vector<std::unique_ptr<RE2>>* out) {
  for (int i = 0; i < src.size(); ++i) {
    auto re = std::make_unique<RE2>(src.Get(i), RE2::Quiet);
    if (!re->ok()) {
      return absl::InvalidArgumentError(absl::StrCat("required_mention.", field, "[", i, "]: invalid RE2 pattern \"",
                                                     src.Get(i), "\": ", re->error()));
    }
    out->push_back(std::move(re));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::unique_ptr<Check>> CompileRequiredMention(const xxgk::v1::Rule& rule) {
  const auto& p = rule.required_mention();
  if (p.any_of().empty()) return absl::InvalidArgumentError("required_mention.any_of: empty");
  if (p.min_count() < 0) return absl::InvalidArgumentError("required_mention.min_count: negative");
  if (p.in_opening() && p.section() != Section::KIND_UNSPECIFIED) {
    return absl::InvalidArgumentError("required_mention: in_opening and section are exclusive");
  }
  std::vector<std::unique_ptr<RE2>> any_of, exclude;
  if (auto s = CompilePatterns(p.any_of(), "any_of", &any_of); !s.ok()) return s;
  if (auto s = CompilePatterns(p.exclude(), "exclude", &exclude); !s.ok()) return s;
  return std::unique_ptr<Check>(new RequiredMentionCheck(p, std::move(any_of), std::move(exclude)));
}

}  // namespace xxgk::rules
