// required_section: a section of the given kind is present (and, with
// require_body, has more than its heading).
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "rules/checks/checks.h"
#include "rules/finding_util.h"
#include "rules/labels.h"

namespace xxgk::rules {
namespace {

using xxgk::v1::Section;

class RequiredSectionCheck : public Check {
 public:
  RequiredSectionCheck(Section::Kind kind, bool require_body) : kind_(kind), require_body_(require_body) {}

  void Evaluate(const EvalContext& ctx, std::vector<xxgk::v1::Finding>* out) const override {
    const Section* s = FindSection(ctx.report, kind_);
    const std::string zh = SectionLabel(kind_, Lang::kZh), en = SectionLabel(kind_, Lang::kEn);
    if (s == nullptr) {
      xxgk::v1::Finding f = NewFinding();
      f.set_message(absl::StrCat("缺少“", zh, "”部分"));
      f.set_message_en(absl::StrCat("The part \"", en, "\" is missing"));
      f.mutable_location()->set_section(kind_);
      f.mutable_location()->set_place(zh);
      f.mutable_location()->set_place_en(en);
      NotAssessableWithoutReportText(ctx.report, &f);
      out->push_back(std::move(f));
      return;
    }
    if (require_body_ && absl::StripAsciiWhitespace(s->text()).empty()) {
      xxgk::v1::Finding f = NewFinding();
      f.set_category(xxgk::v1::CONTENT_MISSING);
      f.set_message(absl::StrCat("“", zh, "”部分只有标题，没有内容"));
      f.set_message_en(absl::StrCat("The part \"", en, "\" has a heading but no content"));
      f.mutable_location()->set_section(kind_);
      f.mutable_location()->set_place(zh);
      f.mutable_location()->set_place_en(en);
      f.mutable_location()->set_excerpt(s->heading());
      *f.mutable_location()->mutable_span() = s->heading_span();
      out->push_back(std::move(f));
    }
  }

 private:
  Section::Kind kind_;
  bool require_body_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<Check>> CompileRequiredSection(const xxgk::v1::Rule& rule) {
  const auto& p = rule.required_section();
  if (p.kind() == Section::KIND_UNSPECIFIED || !Section::Kind_IsValid(p.kind())) {
    return absl::InvalidArgumentError("required_section.kind: a section kind is required (GENERAL ... FEES)");
  }
  return std::make_unique<RequiredSectionCheck>(p.kind(), p.require_body());
}

}  // namespace xxgk::rules
