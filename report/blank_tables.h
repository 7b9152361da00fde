// Statistics tables left wholly blank, as a reader of positions sees them.
//
// A PDF or OFD page shows a blank cell as nothing at all. A table with none
// of its cells filled in (table 三 of an agency that received no
// applications and left the zeros out, as many do; table 二 of one that
// made no rules and took no decisions) therefore reaches the reader as its
// labels alone, one line after another with no number anywhere, and no
// table is made of them: the report would read as having no such table,
// though the page shows it. The HTML or Word file it was printed from reads
// as the table with every cell BLANK.
//
// RebuildBlankTables finds such a run of lines and makes it the table it
// was: a row per line, the line as the row's label and blank cells after
// it (seven for table 三, three for table 二), every row marked a row of
// blanks (TableGrid::blank_rows). The run must start at the table's first
// row (本年新收…; for table 二 its first band 第二十条第（一）项 or header
// 信息内容…) and end at its last (结转下年度继续办理; 行政事业性收费, with
// the 2019 layout's 政府集中采购 under its band and header after it), hold
// no number and no sentence (page footers aside), and read as most of the
// table's cells when mapped (MapTables: 20 of table 三's 25 rows, 8 of
// table 二's 10 cells), so that prose naming a row or two never becomes a
// table.
#ifndef XXGK_REPORT_BLANK_TABLES_H_
#define XXGK_REPORT_BLANK_TABLES_H_

#include <string_view>
#include <vector>

#include "report/blocks.h"

namespace xxgk::report {

// Rebuilds wholly blank tables 二 and 三 in the blocks a reader of positions
// (`source_kind` "pdf" or "ofd") made. Other sources are left alone: web
// pages and word-processing files keep blank cells in their grids, and in
// plain text a run of labels without numbers may have its values elsewhere
// (text copied column by column: the labels, then the numbers).
void RebuildBlankTables(std::string_view source_kind, std::vector<Block>* blocks);

}  // namespace xxgk::report

#endif  // XXGK_REPORT_BLANK_TABLES_H_
