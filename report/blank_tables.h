// Statistics tables left wholly blank, as a reader of positions sees them.
//
// A PDF or OFD page shows a blank cell as nothing at all. A table 三 with
// none of its cells filled in (an agency that received no applications and
// left the zeros out, as many do) therefore reaches the reader as its row
// labels alone, one line after another with no number anywhere, and no
// table is made of them: the report would read as having no table 三,
// though the page shows it. The HTML or Word file it was printed from reads
// as the table with every cell BLANK.
//
// RebuildBlankTableThree finds such a run of lines and makes it the table it
// was: a row per line, the line as the row's label and seven blank cells,
// every row marked a row of blanks (TableGrid::blank_rows). The run must
// start at the table's first row (本年新收…) and end at its last
// (结转下年度继续办理), hold no number and no sentence, and read as most
// of table 三's rows when mapped (MapTables), so that prose naming a row
// or two never becomes a table.
#ifndef XXGK_REPORT_BLANK_TABLES_H_
#define XXGK_REPORT_BLANK_TABLES_H_

#include <string_view>
#include <vector>

#include "report/blocks.h"

namespace xxgk::report {

// Rebuilds a wholly blank table 三 in the blocks a reader of positions
// (`source_kind` "pdf" or "ofd") made; other sources keep blank cells in
// their grids and are left alone.
void RebuildBlankTableThree(std::string_view source_kind, std::vector<Block>* blocks);

}  // namespace xxgk::report

#endif  // XXGK_REPORT_BLANK_TABLES_H_
