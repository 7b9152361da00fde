// year_consistency (Y-3): the year in the title, the stated statistics period
// and the years the text names agree with the report year.
//
// - title: the first "YYYY年" of the title must be the report year;
// - period (check_period): when stated, it runs from 1 January to 31 December
//   of the report year (an end date written without a year, 至12月31日, takes
//   the start's year);
// - text: counted from the first section on (the title and the opening are
//   checked above). Reports legitimately name the next year (展望2025年, the
//   sign-off date) and earlier years (国办函〔2020〕109号, 2019年以来), so only two
//   patterns are findings, both UNCERTAIN: the body never names the report
//   year but names another one (the next year at least twice), or another
//   year is named at least kStaleMin times and more than twice as often as
//   the report year (a text copied from an earlier report with only the title
//   changed, or a title with the wrong year).
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "rules/checks/checks.h"
#include "rules/finding_util.h"
#include "rules/text_scan.h"

namespace xxgk::rules {
namespace {

using xxgk::v1::Date;
using xxgk::v1::Finding;

constexpr int kStaleMin = 3;

std::string DateText(const Date& d) {
  std::string s = absl::StrCat(d.year() > 0 ? absl::StrCat(d.year(), "年") : "");
  if (d.month() > 0) absl::StrAppend(&s, d.month(), "月");
  if (d.day() > 0) absl::StrAppend(&s, d.day(), "日");
  return s;
}

struct YearMention {
  int count = 0;
  size_t first_begin = 0;  // byte offset of the first mention in the scanned text
  size_t first_end = 0;
};

class YearConsistencyCheck : public Check {
 public:
  explicit YearConsistencyCheck(bool check_period) : check_period_(check_period) {}

  void Evaluate(const EvalContext& ctx, std::vector<Finding>* out) const override {
    const auto& meta = ctx.report.meta();
    const int year = meta.report_year();
    if (year <= 0) return;
    CheckTitle(ctx.report, year, out);
    if (check_period_) CheckPeriod(ctx.report, year, out);
    CheckText(ctx.report, year, out);
  }

 private:
  void CheckTitle(const xxgk::v1::Report& report, int year, std::vector<Finding>* out) const {
    // The first year mention in the title (`((?:19|20)\d{2})\s*年`), by a
    // byte scan (rules/text_scan.h).
    size_t begin = 0, end = 0;
    int title_year = 0;
    if (!NextYearMention(report.meta().title(), 0, &begin, &end, &title_year) || title_year == year) return;
    Finding f = NewFinding();
    f.set_message(absl::StrFormat("标题年份（%d年）与报告年度（%d年）不一致：「%s」。", title_year, year,
                                  report.meta().title()));
    f.set_message_en(absl::StrFormat("The title names %d but the report covers %d: \"%s\".", title_year, year,
                                     report.meta().title()));
    f.set_expected(absl::StrCat(year));
    f.set_actual(absl::StrCat(title_year));
    f.mutable_location()->set_excerpt(report.meta().title());
    f.mutable_location()->set_place("标题");
    f.mutable_location()->set_place_en("title");
    AddMetaOperand("meta.year", absl::StrCat(year), &f);
    out->push_back(std::move(f));
  }

  void CheckPeriod(const xxgk::v1::Report& report, int year, std::vector<Finding>* out) const {
    const auto& meta = report.meta();
    if (!meta.has_period_start() && !meta.has_period_end()) return;
    const Date& s = meta.period_start();
    Date e = meta.period_end();
    if (e.year() == 0 && (e.month() > 0 || e.day() > 0)) e.set_year(s.year() > 0 ? s.year() : year);
    const bool start_ok = (s.year() == 0 || s.year() == year) && (s.month() == 0 || s.month() == 1) &&
                          (s.day() == 0 || s.day() == 1);
    const bool end_ok = (e.year() == 0 || e.year() == year) && (e.month() == 0 || e.month() == 12) &&
                        (e.day() == 0 || e.day() == 31);
    if (start_ok && end_ok) return;
    std::string raw;
    xxgk::v1::Span span;
    for (const auto& ev : meta.evidence()) {
      if (ev.field() == "period_start" || ev.field() == "period" || ev.field() == "period_end") {
        raw = ev.raw();
        span = ev.span();
        break;
      }
    }
    Finding f = NewFinding();
    const std::string stated = absl::StrCat(DateText(s), "至", DateText(e));
    f.set_message(absl::StrFormat("统计期限（%s）不是报告年度%d年的1月1日至12月31日。", stated, year));
    f.set_message_en(absl::StrFormat("The statistics period (%s) is not 1 January to 31 December %d.", stated, year));
    f.set_expected(absl::StrFormat("%d年1月1日至%d年12月31日", year, year));
    f.set_actual(stated);
    f.mutable_location()->set_excerpt(raw);
    *f.mutable_location()->mutable_span() = span;
    f.mutable_location()->set_place("统计期限");
    f.mutable_location()->set_place_en("statistics period");
    out->push_back(std::move(f));
  }

  void CheckText(const xxgk::v1::Report& report, int year, std::vector<Finding>* out) const {
    std::map<int, YearMention> years;
    size_t base = 0;  // offset of the scanned text in Report.text (when scanning it)
    std::string joined;  // the sections, when the report carries no text
    std::string_view scanned;
    bool exact_offsets = false;
    if (!report.text().empty() && report.sections_size() > 0 &&
        report.sections(0).span().begin() < report.text().size()) {
      base = report.sections(0).span().begin();
      scanned = std::string_view(report.text()).substr(base);
      exact_offsets = true;
    } else if (report.sections_size() > 0) {
      for (const auto& s : report.sections()) absl::StrAppend(&joined, s.heading(), "\n", s.text(), "\n");
      scanned = joined;
    } else {
      scanned = report.text();
      exact_offsets = !scanned.empty();
    }
    if (scanned.empty()) {
      // Structured input without text: the distinct years the reader saw.
      for (int y : report.meta().years_mentioned()) years[y].count = 1;
    } else {
      // Year mentions (`((?:19|20)\d{2})\s*年`) over the text, by a byte scan
      // (rules/text_scan.h).
      size_t pos = 0, begin = 0;
      int v = 0;
      while (pos < scanned.size() && NextYearMention(scanned, pos, &begin, &pos, &v)) {
        YearMention& m = years[v];
        if (m.count++ == 0) {
          m.first_begin = begin;
          m.first_end = pos;
        }
      }
    }
    if (years.empty()) return;
    const int own = years.count(year) ? years[year].count : 0;
    int stale_year = 0, stale_count = 0;
    for (const auto& [y, m] : years) {
      if (y == year) continue;
      if (m.count > stale_count) {
        stale_year = y;
        stale_count = m.count;
      }
    }
    if (stale_year == 0) return;
    // The next year is named legitimately (展望, sign-off date): it must be
    // named at least twice before its presence alone is suspicious.
    const bool never_named = own == 0 && stale_count >= (stale_year == year + 1 ? 2 : 1);
    const bool dominated = stale_count >= kStaleMin && stale_count > 2 * own;
    if (!never_named && !dominated) return;

    Finding f = NewFinding();
    f.set_status(xxgk::v1::Finding::UNCERTAIN);
    if (never_named) {
      f.set_message(absl::StrFormat("正文未提及报告年度%d年，却%d次提及%d年，疑为年份错误或沿用旧报告。", year,
                                    stale_count, stale_year));
      f.set_message_en(absl::StrFormat(
          "The text never names the report year %d but names %d (%d times): a wrong year or a reused report?", year,
          stale_year, stale_count));
    } else {
      f.set_message(absl::StrFormat("正文提及%d年%d次，远多于报告年度%d年（%d次），疑为年份错误或沿用旧报告只改了标题年份。",
                                    stale_year, stale_count, year, own));
      f.set_message_en(absl::StrFormat(
          "The text names %d %d times, more than the report year %d (%d times): copied from an earlier report?",
          stale_year, stale_count, year, own));
    }
    f.set_uncertain_reason("years named in the text may legitimately refer to other years; reviewed by count only");
    f.set_expected(absl::StrCat(year));
    f.set_actual(absl::StrCat(stale_year));
    const YearMention& m = years[stale_year];
    if (exact_offsets && m.first_end > m.first_begin) {
      f.mutable_location()->set_excerpt(std::string(scanned.substr(m.first_begin, m.first_end - m.first_begin)));
      f.mutable_location()->mutable_span()->set_begin(static_cast<uint32_t>(base + m.first_begin));
      f.mutable_location()->mutable_span()->set_end(static_cast<uint32_t>(base + m.first_end));
    } else {
      f.mutable_location()->set_excerpt(absl::StrCat(stale_year, "年"));
    }
    f.mutable_location()->set_place("正文");
    f.mutable_location()->set_place_en("text");
    AddMetaOperand("meta.year", absl::StrCat(year), &f);
    out->push_back(std::move(f));
  }

  static void AddMetaOperand(const std::string& key, const std::string& value, Finding* f) {
    auto* op = f->add_operands();
    op->set_key(key);
    op->set_label("报告年度");
    op->set_value(value);
  }

  bool check_period_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<Check>> CompileYearConsistency(const xxgk::v1::Rule& rule) {
  return std::unique_ptr<Check>(new YearConsistencyCheck(rule.year_consistency().check_period()));
}

}  // namespace xxgk::rules
