// Metadata read from an assembled report: year, agency and level, province
// and division code (gazetteer), publication date, statistics period.
#ifndef XXGK_REPORT_METADATA_H_
#define XXGK_REPORT_METADATA_H_

#include <cstddef>
#include <optional>
#include <string_view>

#include "xxgk/v1/report.pb.h"

namespace xxgk::report {

// Fills report->meta from report->text (normalised, page chrome removed;
// the title is usually its first lines), report->sections and the metadata
// header lines (发布日期/发布机构/索引号/来源). Leaves a field unset when the
// document does not state it; never invents one. Records Evidence for each.
// Does not touch meta.format_version when it is already set (from a table
// layout); otherwise infers it from the report year.
void ReadMetadata(xxgk::v1::Report* report);

namespace internal {

// The first year in `s` between 1990 and 2100 (its digits, as written): the
// first capture of the successive matches of
//   (\d{4}|[〇○零O一二三四五六七八九]{4})\s*年
// that reads as such a year (metadata_scan_test pins the two equal).
std::optional<std::string_view> FirstValidYear(std::string_view s);

// Labels of a header date: when the document went online, or when it was
// written.
enum class DateLabel { kPublished, kWritten };

// A header-date label of `kind` in `line`: the leftmost match of
//   kPublished: (发布日期|发布时间|公开日期|发布于)\s*[:|]?\s*\|?
//   kWritten:   (成文日期|发文日期|印发日期)\s*[:|]?\s*\|?
// as the label's bytes [label_begin, label_end) and where the match ends
// (metadata_scan_test pins the two equal).
bool FindPublishLabel(std::string_view line, DateLabel kind, size_t* label_begin,
                      size_t* label_end, size_t* rest);

// One statistics period in a line, as the pattern
//   ((\d{4})\s*年\s*N\s*月\s*(?:N\s*日)?\s*(?:起)?\s*(?:至|到|-|—|~)+\s*
//    (?:(\d{4})\s*年)?\s*N\s*月\s*(?:N\s*日)?)
// with N = (\d{1,4}|[〇○零O一二三四五六七八九十两]{1,4}) reads it: the whole
// match [begin, end) and its captures (empty when a part is absent).
struct PeriodMatch {
  size_t begin = 0, end = 0;
  std::string_view y1, m1, d1, y2, m2, d2;
};
// The leftmost period match in `line` at or after byte `from` (the
// pattern's search of line.substr(from)); metadata_scan_test pins the two
// equal.
bool FindPeriod(std::string_view line, size_t from, PeriodMatch* m);

// The organ a title names before its year: the capture of
//   ^(?:关于)?([^\d〇○零一二三四五六七八九\s《]{2,40}?)\s*(?:关于)?\s*Y\s*年
// and after it: the capture of
//   Y\s*年度?\s*([^\d\s]{2,40}?)<literal>
// where Y, the year, is (?:\d{4}|二[〇○零][〇○零一二三四五六七八九]{2})
// (metadata_scan_test pins both to the patterns).
std::optional<std::string_view> TitleOrganBeforeYear(std::string_view title);
std::optional<std::string_view> TitleOrganAfterYear(std::string_view title,
                                                    std::string_view literal);

}  // namespace internal

}  // namespace xxgk::report

#endif  // XXGK_REPORT_METADATA_H_
