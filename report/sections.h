// The parts of a report, found by their headings.
//
// 2021/2019 reports have six numbered parts (一 总体情况 … 六 其他需要报告的事项)
// with the heading variants of FORMAT.md; pre-2019 reports carry the old
// content items as sub-parts ((一)主动公开… (二)依申请… (三)行政复议… (四)收费及减免)
// under a part such as 二、政府信息公开情况. A sentence that merely mentions a
// heading phrase is not a heading.
#ifndef XXGK_REPORT_SECTIONS_H_
#define XXGK_REPORT_SECTIONS_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "report/labels.h"
#include "xxgk/v1/report.pb.h"

namespace xxgk::report {

// One line of Report.text.
struct TextLine {
  uint32_t begin = 0;  // offsets in Report.text, `end` before the '\n'
  uint32_t end = 0;
  uint32_t source_begin = 0;
  uint32_t source_end = 0;
  uint32_t page = 0;
  uint32_t number = 0;     // 1-based line number
  bool table_row = false;  // a row of a table written as "| a | b |"
};

// The section kind a heading text names (numbering ignored), or
// KIND_UNSPECIFIED.
xxgk::v1::Section::Kind HeadingKind(std::string_view heading);

// True when `line` reads as a part heading (一、总体情况, (三)行政复议…情况,
// an unnumbered 总体情况, 3.收到和处理政府信息公开申请情况 ...). An Arabic
// numbering makes a part only in a report with no other part heading
// (FindSections).
bool IsSectionHeadingLine(std::string_view line);

// Finds the sections of `text` given its lines. Level-1 parts of no known
// kind are returned (kind unspecified) only when they hold level-2 parts of
// known kinds (pre-2019 structure).
std::vector<xxgk::v1::Section> FindSections(std::string_view text,
                                            const std::vector<TextLine>& lines);

namespace internal {

// ParseNumbering(line) (report/labels.h) as section finding reads it: the
// common part numberings "一、" and "(一)" at the very start of the line from
// their bytes, and any other from the line's prefix up to the first character
// the parse cannot read past. Exposed for the test that pins it equal to
// ParseNumbering.
Numbering LineNumbering(std::string_view line);

}  // namespace internal

}  // namespace xxgk::report

#endif  // XXGK_REPORT_SECTIONS_H_
