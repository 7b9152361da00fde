// Part headings set inside tables.
//
// Web pages and Word documents sometimes carry a part's heading
// (二、主动公开政府信息情况) inside the table that holds the part's statistics:
// as the table's <caption>, as a first row of one cell across the table (a
// merged row, a <thead><th>, a one-cell table of its own), or, where Word
// joined two adjacent tables into one, as such a row between the two tables'
// rows. Read as a table row the heading opens no part, and the part's table
// stands under the part before it.
//
// LiftPartHeadings takes such headings out of the grids into lines of their
// own, before the table or between the two tables it parts, as the page shows
// them. Every reader's blocks go through it (AssembleInto), so it holds for
// any format that keeps tables as grids.
#ifndef XXGK_REPORT_HEADING_ROWS_H_
#define XXGK_REPORT_HEADING_ROWS_H_

#include <optional>
#include <string_view>
#include <vector>

#include "report/blocks.h"

namespace xxgk::report {

// The text of a grid row that is one cell and nothing else: its first
// position holds text in a cell of one row, and every other position is
// that cell's copy or blank. nullopt for any other row.
std::optional<std::string_view> LoneCellText(const std::vector<GridCell>& row);

// Lifts part headings out of the tables in `blocks`. A row is lifted when it
// is a lone cell (LoneCellText) reading as a part heading
// (IsSectionHeadingLine), or such a cell with only a note of the table's
// unit (单位：件) in the row's other cells, and a table's own caption
// (TableGrid::caption_own) when it reads so. Never lifted:
// - a heading of the same kind as the heading the table stands under (a
//   title restating the part: 三、收到和处理… above, 收到和处理政府信息公开
//   申请情况 in the table's first row), so that no part is opened twice;
// - a row of the pre-2019 statistics table, whose group rows (一、主动公开
//   情况) read as part headings but are rows of the table;
// - a row next to another row reading as the heading of another part: a
//   table of contents, not a part's heading followed by the part (a row
//   restating the heading's own part may follow it, and stays).
// A table parted by a lifted row becomes one table per part (Word's sliver
// columns dropped from each, as from any table a reader makes); a table of
// nothing but lifted rows leaves no table.
void LiftPartHeadings(std::vector<Block>* blocks);

}  // namespace xxgk::report

#endif  // XXGK_REPORT_HEADING_ROWS_H_
