// section_order: the report's top-level parts stand in the format's order and
// are numbered once each (一、二、三… with no numeral repeated or skipped).
//
// Two independent observations, one finding each:
// - order: the sections whose kind is listed in `order`, taken in document
//   order (first occurrence of each kind), must follow the listed order;
// - numerals (check_numerals): among top-level sections (level ≤ 1) that
//   carry a numeral, a numeral used again (seed 001 heads two different parts
//   with 二、), a numeral lower than the previous one, or a gap (一 then 三)
//   is reported with both headings quoted. A part after a repeated numeral
//   may continue either sequence (一二二三 and 一二二四 are one finding each).
//   A part whose numeral is the format's number for its kind (六、其他需要报告的
//   事项 before 五、…) is an order problem only: no numeral finding as well.
// Sub-parts (level 2, （一）…) are not considered.
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "rules/checks/checks.h"
#include "rules/finding_util.h"
#include "rules/labels.h"

namespace xxgk::rules {
namespace {

using xxgk::v1::Finding;
using xxgk::v1::Section;

std::string ChineseNumeral(int n) {
  static const char* const kDigits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  if (n >= 0 && n <= 10) return kDigits[n];
  if (n < 20) return absl::StrCat("十", kDigits[n - 10]);
  return absl::StrCat(n);
}

void LocateHeading(const Section& s, Finding* f) {
  f->mutable_location()->set_section(s.kind());
  f->mutable_location()->set_excerpt(s.heading());
  *f->mutable_location()->mutable_span() = s.heading_span().end() > 0 ? s.heading_span() : s.span();
  f->mutable_location()->set_place(s.heading());
  f->mutable_location()->set_place_en(SectionLabel(s.kind(), Lang::kEn));
}

class SectionOrderCheck : public Check {
 public:
  explicit SectionOrderCheck(const xxgk::v1::SectionOrder& p) : p_(p) {
    for (int i = 0; i < p_.order_size(); ++i) rank_.emplace(p_.order(i), i);
  }

  void Evaluate(const EvalContext& ctx, std::vector<Finding>* out) const override {
    CheckOrder(ctx.report, out);
    if (p_.check_numerals()) CheckNumerals(ctx.report, out);
  }

 private:
  void CheckOrder(const xxgk::v1::Report& report, std::vector<Finding>* out) const {
    if (rank_.empty()) return;
    const Section* latest = nullptr;  // section with the highest rank seen so far
    int latest_rank = -1;
    absl::flat_hash_map<int, bool> seen;
    for (const Section& s : report.sections()) {
      auto it = rank_.find(s.kind());
      if (it == rank_.end() || seen[s.kind()]) continue;
      seen[s.kind()] = true;
      if (it->second < latest_rank) {
        Finding f = NewFinding();
        f.set_message(absl::StrFormat("「%s」出现在「%s」之后，与格式规定的顺序不符（应位于其前）。",
                                      s.heading().empty() ? SectionLabel(s.kind(), Lang::kZh) : s.heading(),
                                      latest->heading().empty() ? SectionLabel(latest->kind(), Lang::kZh)
                                                                : latest->heading()));
        f.set_message_en(absl::StrFormat(
            "Section \"%s\" comes after \"%s\"; the format places it before.", SectionLabel(s.kind(), Lang::kEn),
            SectionLabel(latest->kind(), Lang::kEn)));
        f.set_expected(absl::StrCat(SectionLabel(s.kind(), Lang::kZh), " 在 ", SectionLabel(latest->kind(), Lang::kZh),
                                    " 之前"));
        f.set_actual(absl::StrCat(SectionLabel(s.kind(), Lang::kZh), " 在 ", SectionLabel(latest->kind(), Lang::kZh),
                                  " 之后"));
        LocateHeading(s, &f);
        out->push_back(std::move(f));
      } else {
        latest = &s;
        latest_rank = it->second;
      }
    }
  }

  void CheckNumerals(const xxgk::v1::Report& report, std::vector<Finding>* out) const {
    absl::flat_hash_map<int, const Section*> first_with;  // numeral → first section using it
    const Section* prev = nullptr;
    int duplicates = 0;  // numerals repeated since `prev`: the next part may skip that many
    for (const Section& s : report.sections()) {
      if (s.level() > 1 || s.number() <= 0) continue;
      auto dup = first_with.find(s.number());
      if (dup != first_with.end()) {
        ++duplicates;
        Finding f = NewFinding();
        f.set_message(absl::StrFormat("序号「%s、」重复使用：「%s」与「%s」是两个不同部分，各部分应依次编号、每个序号只用一次。",
                                      ChineseNumeral(s.number()), dup->second->heading(), s.heading()));
        f.set_message_en(absl::StrFormat(
            "Numeral %d is used twice, for \"%s\" and for \"%s\"; each part must be numbered once, in sequence.",
            s.number(), dup->second->heading(), s.heading()));
        f.set_expected(absl::StrCat(ChineseNumeral(s.number()), "、 ×1"));
        f.set_actual(absl::StrCat(ChineseNumeral(s.number()), "、 ×2"));
        LocateHeading(s, &f);
        out->push_back(std::move(f));
      } else if (NumberedForItsKind(s)) {
        // Its numeral is the format's number for its kind: any jump here is
        // the order problem CheckOrder reports, not a numbering one.
      } else if (prev != nullptr && s.number() < prev->number()) {
        Finding f = NewFinding();
        f.set_message(absl::StrFormat("序号倒退：「%s」排在「%s」之后。", s.heading(), prev->heading()));
        f.set_message_en(absl::StrFormat("Numbering goes backwards: \"%s\" follows \"%s\".", s.heading(),
                                         prev->heading()));
        f.set_expected(ChineseNumeral(prev->number() + 1));
        f.set_actual(ChineseNumeral(s.number()));
        LocateHeading(s, &f);
        out->push_back(std::move(f));
      } else {
        const int expected = prev == nullptr ? 1 : prev->number() + 1;
        if (s.number() > expected + duplicates) {
          Finding f = NewFinding();
          f.set_message(absl::StrFormat("序号跳号：「%s」之前缺少序号「%s」。", s.heading(),
                                        ChineseNumeral(expected)));
          f.set_message_en(absl::StrFormat("Numbering skips %d: \"%s\" is numbered %d.", expected, s.heading(),
                                           s.number()));
          f.set_expected(ChineseNumeral(expected));
          f.set_actual(ChineseNumeral(s.number()));
          LocateHeading(s, &f);
          out->push_back(std::move(f));
        }
      }
      first_with.emplace(s.number(), &s);
      if (prev == nullptr || s.number() > prev->number()) {
        prev = &s;
        duplicates = 0;
      }
    }
  }

  bool NumberedForItsKind(const Section& s) const {
    auto it = rank_.find(s.kind());
    return it != rank_.end() && it->second + 1 == s.number();
  }

  xxgk::v1::SectionOrder p_;
  absl::flat_hash_map<int, int> rank_;  // kind → position in `order`
};

}  // namespace

absl::StatusOr<std::unique_ptr<Check>> CompileSectionOrder(const xxgk::v1::Rule& rule) {
  const auto& p = rule.section_order();
  absl::flat_hash_map<int, int> seen;
  for (int i = 0; i < p.order_size(); ++i) {
    if (p.order(i) == Section::KIND_UNSPECIFIED) {
      return absl::InvalidArgumentError(absl::StrCat("section_order.order[", i, "]: KIND_UNSPECIFIED"));
    }
    if (!seen.emplace(p.order(i), i).second) {
      return absl::InvalidArgumentError(
          absl::StrCat("section_order.order[", i, "]: ", Section::Kind_Name(p.order(i)), " listed twice"));
    }
  }
  if (p.order_size() == 0 && !p.check_numerals()) {
    return absl::InvalidArgumentError("section_order: neither `order` nor `check_numerals` is set");
  }
  return std::unique_ptr<Check>(new SectionOrderCheck(p));
}

}  // namespace xxgk::rules
