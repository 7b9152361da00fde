// deadline: the report was published by the deadline for its agency level
// (Art. 49; before 2019 every organ by 31 March). The first entry whose
// agency_levels contain the report's level (or is empty), and whose
// min_year/max_year admit the report year, gives the deadline (report year +
// year_offset, month, day).
//
// - no publication date → one NOT_ASSESSABLE finding at
//   not_assessable_severity (INFO by default);
// - level matched by no entry (townships and street offices are not named by
//   Art. 49; unknown level) → with assess_unknown_level, assessed against the
//   latest deadline listed, and a late finding is UNCERTAIN at WARNING;
//   otherwise skipped;
// - a date known only to the month is assessed when that settles it.
#include <algorithm>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "rules/checks/checks.h"
#include "rules/finding_util.h"

namespace xxgk::rules {
namespace {

using xxgk::v1::Date;
using xxgk::v1::Finding;

struct Due {
  int year = 0, month = 0, day = 0;
  std::string label;
};

std::string DateZh(int y, int m, int d) {
  std::string s = absl::StrCat(y, "年");
  if (m > 0) absl::StrAppend(&s, m, "月");
  if (d > 0) absl::StrAppend(&s, d, "日");
  return s;
}

std::string DateIso(int y, int m, int d) {
  if (m == 0) return absl::StrCat(y);
  if (d == 0) return absl::StrFormat("%04d-%02d", y, m);
  return absl::StrFormat("%04d-%02d-%02d", y, m, d);
}

bool ValidForYear(const xxgk::v1::Deadline::Entry& e, int year) {
  return (e.min_year() == 0 || year >= e.min_year()) && (e.max_year() == 0 || year <= e.max_year());
}

class DeadlineCheck : public Check {
 public:
  explicit DeadlineCheck(const xxgk::v1::Deadline& p) : p_(p) {}

  void Evaluate(const EvalContext& ctx, std::vector<Finding>* out) const override {
    const auto& meta = ctx.report.meta();
    const int year = meta.report_year();
    if (year <= 0) return;
    const xxgk::v1::Deadline::Entry* entry = nullptr;
    for (const auto& e : p_.entries()) {
      if (!ValidForYear(e, year)) continue;
      if (e.agency_levels().empty() ||
          std::find(e.agency_levels().begin(), e.agency_levels().end(), meta.agency_level()) !=
              e.agency_levels().end()) {
        entry = &e;
        break;
      }
    }
    bool uncertain = false;
    if (entry == nullptr) {
      if (!p_.assess_unknown_level()) return;
      for (const auto& e : p_.entries()) {  // the latest deadline listed
        if (!ValidForYear(e, year)) continue;
        if (entry == nullptr || std::make_tuple(e.year_offset(), e.month(), e.day()) >
                                    std::make_tuple(entry->year_offset(), entry->month(), entry->day())) {
          entry = &e;
        }
      }
      if (entry == nullptr) return;  // no entry valid for this report year
      uncertain = true;
    }
    Due due{year + entry->year_offset(), entry->month(), entry->day(), entry->label()};
    const Date& pub = meta.publish_date();
    const bool undated = !meta.has_publish_date() || pub.year() == 0;
    // Compare as far as the publication date is known.
    int cmp = 0;  // <0 on time, >0 late, 0 undecided
    if (!undated) {
      if (pub.year() != due.year) {
        cmp = pub.year() < due.year ? -1 : 1;
      } else if (pub.month() == 0) {
        cmp = 0;
      } else if (pub.month() != due.month) {
        cmp = pub.month() < due.month ? -1 : 1;
      } else if (pub.day() == 0) {
        cmp = 0;
      } else {
        cmp = pub.day() <= due.day ? -1 : 1;
      }
      if (cmp < 0) return;  // on time: no text needed
    }
    const std::string due_zh = DateZh(due.year, due.month, due.day);
    const std::string due_en = DateIso(due.year, due.month, due.day);
    const std::string label_zh = due.label.empty() ? "" : absl::StrCat("（", due.label, "）");

    if (undated) {
      Finding f = NewFinding();
      f.set_status(Finding::NOT_ASSESSABLE);
      f.set_severity(p_.not_assessable_severity() == xxgk::v1::SEVERITY_UNSPECIFIED ? xxgk::v1::INFO
                                                                                      : p_.not_assessable_severity());
      f.set_message(absl::StrFormat("报告未载明发布日期，无法判断是否在%s前公开%s%s。", due_zh, label_zh,
                                    uncertain ? "（该机关层级未在条例第四十九条中列明，按最晚期限计）" : ""));
      f.set_message_en(absl::StrFormat(
          "The report states no publication date, so the deadline (%s%s) cannot be assessed.", due_en,
          due.label.empty() ? "" : absl::StrCat(", ", due.label)));
      f.set_expected(absl::StrCat("≤ ", due_en));
      f.set_actual("未载明 / not stated");
      f.mutable_location()->set_place("发布日期");
      f.mutable_location()->set_place_en("publication date");
      out->push_back(std::move(f));
      return;
    }
    const std::string pub_zh = DateZh(pub.year(), pub.month(), pub.day());
    const std::string pub_en = DateIso(pub.year(), pub.month(), pub.day());
    Finding f = NewFinding();
    auto* op = f.add_operands();
    op->set_key("meta.publish_date");
    op->set_label("发布日期");
    op->set_value(pub_en);
    for (const auto& ev : meta.evidence()) {
      if (ev.field() == "publish_date") {
        op->set_raw(ev.raw());
        *op->mutable_span() = ev.span();
        f.mutable_location()->set_excerpt(ev.raw());
        *f.mutable_location()->mutable_span() = ev.span();
        break;
      }
    }
    f.mutable_location()->set_place("发布日期");
    f.mutable_location()->set_place_en("publication date");
    f.set_expected(absl::StrCat("≤ ", due_en));
    f.set_actual(pub_en);
    if (cmp == 0) {
      f.set_status(Finding::NOT_ASSESSABLE);
      f.set_severity(p_.not_assessable_severity() == xxgk::v1::SEVERITY_UNSPECIFIED ? xxgk::v1::INFO
                                                                                      : p_.not_assessable_severity());
      f.set_message(absl::StrFormat("发布日期只写到%s，无法判断是否在%s前公开%s。", pub_zh, due_zh, label_zh));
      f.set_message_en(absl::StrFormat("The publication date is known only as %s; the deadline %s cannot be assessed.",
                                       pub_en, due_en));
      out->push_back(std::move(f));
      return;
    }
    std::string days_zh, days_en;
    if (pub.month() > 0 && pub.day() > 0) {
      const absl::CivilDay p(pub.year(), pub.month(), pub.day());
      const absl::CivilDay d(due.year, due.month, due.day);
      days_zh = absl::StrCat("，逾期", p - d, "天");
      days_en = absl::StrCat(", ", p - d, " days late");
    }
    f.set_message(absl::StrFormat("报告于%s发布，晚于%s的公开期限%s%s。", pub_zh, due_zh, label_zh, days_zh));
    f.set_message_en(absl::StrFormat("Published on %s, after the deadline %s%s%s.", pub_en, due_en,
                                     due.label.empty() ? "" : absl::StrCat(" (", due.label, ")"), days_en));
    if (uncertain) {
      const std::string level = xxgk::v1::AgencyLevel_Name(meta.agency_level());
      f.set_status(Finding::UNCERTAIN);
      f.set_severity(xxgk::v1::WARNING);
      f.set_uncertain_reason(absl::StrCat("agency level ", level,
                                          " is not named in Art. 49 (or unknown); assessed against the latest "
                                          "deadline listed, ",
                                          due_en));
    }
    out->push_back(std::move(f));
  }

 private:
  xxgk::v1::Deadline p_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<Check>> CompileDeadline(const xxgk::v1::Rule& rule) {
  const auto& p = rule.deadline();
  if (p.entries().empty()) return absl::InvalidArgumentError("deadline.entries: empty");
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  for (int i = 0; i < p.entries_size(); ++i) {
    const auto& e = p.entries(i);
    if (e.month() < 1 || e.month() > 12) {
      return absl::InvalidArgumentError(absl::StrCat("deadline.entries[", i, "].month: ", e.month(), " is not a month"));
    }
    if (e.day() < 1 || e.day() > kDays[e.month() - 1]) {
      return absl::InvalidArgumentError(
          absl::StrCat("deadline.entries[", i, "].day: ", e.day(), " is not a day of month ", e.month()));
    }
    if (e.year_offset() < 0 || e.year_offset() > 5) {
      return absl::InvalidArgumentError(
          absl::StrCat("deadline.entries[", i, "].year_offset: ", e.year_offset(), " out of range 0..5"));
    }
    if (e.min_year() < 0 || e.max_year() < 0 || (e.max_year() > 0 && e.min_year() > e.max_year())) {
      return absl::InvalidArgumentError(absl::StrCat("deadline.entries[", i, "]: min_year ", e.min_year(),
                                                     " and max_year ", e.max_year(), " admit no year"));
    }
  }
  return std::unique_ptr<Check>(new DeadlineCheck(p));
}

}  // namespace xxgk::rules
