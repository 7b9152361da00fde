// Table grids → canonical cells (VOCABULARY.md "Cell keys").
//
// Layout-neutral: works on TableGrid whatever reader produced it. A grid may
// hold one table, part of one (table 二's four blocks as separate grids), or
// several (one grid spanning tables 二–四); rows are attributed to a table by
// their own markers, then mapped with tolerant label matching and group
// context. Rows that cannot be placed become UNPLACED_ROW notes, never guesses.
#ifndef XXGK_REPORT_TABLE_MAP_H_
#define XXGK_REPORT_TABLE_MAP_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "report/blocks.h"
#include "xxgk/v1/report.pb.h"

namespace xxgk::report {

// Where a piece of text stands: the fields of xxgk.v1.Span without the
// message (a document's grids place hundreds of cells; few become Cells).
struct TextSpan {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t source_begin = 0;
  uint32_t source_end = 0;
  uint32_t page = 0;
  uint32_t line = 0;
};

// A grid together with where it was written in Report.text.
struct PlacedGrid {
  const TableGrid* grid = nullptr;
  // Where the text of grid cell (r, c) stands in Report.text:
  // cell_spans[row_starts[r] + c], row r's cells ending at row_starts[r + 1]
  // (one block for the whole grid, no vector per row). Both may be empty
  // (then cells get no span); row_starts holds one entry per row plus one.
  std::vector<TextSpan> cell_spans;
  std::vector<uint32_t> row_starts;
  // Rows with spans, and the number of cells with spans in row r < that.
  size_t span_rows() const { return row_starts.empty() ? 0 : row_starts.size() - 1; }
  size_t span_cells(size_t r) const { return row_starts[r + 1] - row_starts[r]; }
  const TextSpan& cell_span(size_t r, size_t c) const { return cell_spans[row_starts[r] + c]; }
  xxgk::v1::Span span;  // the whole table in Report.text
  std::string heading;  // section heading it stood under (or the caption)
};

// Whether a cell's text is empty or only blanks (spaces, tabs): a blank cell.
bool IsEmptyText(std::string_view t);

// Which table a grid (or part of one) is.
enum class TableId { kNone, kT2, kT3, kT4, kLegacy };

// "t2", "t3", "t4", "legacy", "" for kNone.
const char* TableIdName(TableId id);

// The table a whole grid most likely is (by its markers); kNone when no
// statistics table is recognised.
TableId IdentifyTable(const TableGrid& grid);

// Maps every grid into report->tables (cells, TableInfo) and appends notes
// (UNPLACED_ROW, SHAPE, AMBIGUOUS_TABLE when a layout mixes format versions)
// to report->notes. Grids that are none of the statistics tables are ignored.
void MapTables(const std::vector<PlacedGrid>& grids, xxgk::v1::Report* report);

// The cell keys a table's layout requires ("t3", FORMAT_2021 → every t3 key
// of the 2021 layout).
std::vector<std::string> RequiredKeys(TableId id, xxgk::v1::FormatVersion layout);

}  // namespace xxgk::report

#endif  // XXGK_REPORT_TABLE_MAP_H_
