// Helpers shared by the HTML, Word (.doc, .docx) and PDF readers: cleaning a
// text run into a normalised line or cell, expanding spanning cells into a
// rectangular grid.
#ifndef XXGK_REPORT_READERS_COMMON_H_
#define XXGK_REPORT_READERS_COMMON_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "report/blocks.h"

namespace xxgk::report {

// Collects normalised text for one reader run and remembers how many
// characters were converted from traditional script.
class TextCleaner {
 public:
  // Whitespace runs (including newlines and tabs) become one space, the
  // result is normalised (NormalizeText) and trimmed.
  std::string Clean(std::string_view raw);
  // SIMPLIFIED, or TRADITIONAL when a noticeable share of the text was
  // converted from traditional script.
  xxgk::v1::Script script() const;

 private:
  int64_t traditional_chars_ = 0;
  int64_t total_bytes_ = 0;
};

// The one budget every reader holds a table grid to, so that a hostile
// document (a line of 50,000 '|', colspan=1000 on thousands of rows, a huge
// w:gridSpan) cannot make a reader allocate without bound. A table over budget
// is dropped and noted (TableTooLargeNote), never truncated silently.
inline constexpr size_t kMaxTableColumns = 1000;
inline constexpr size_t kMaxTableCells = 2'000'000;

// True when a grid of `rows` rows padded to `width` columns is within budget.
bool GridWithinBudget(size_t rows, size_t width);

// The note for a table dropped because its grid is over budget.
xxgk::v1::ReadingNote TableTooLargeNote(std::string_view source_kind, size_t rows,
                                        size_t width);

// Parses a decimal span attribute (HTML rowspan/colspan, w:gridSpan) without
// trusting it: missing, malformed or < 1 gives `fallback`; large values are
// clamped to `max`.
int ParseSpan(std::string_view value, int fallback, int max);

// A cell as the source declares it, before span expansion.
struct SpanCell {
  std::string text;  // already cleaned
  int row_span = 1;  // clamped by ExpandSpans
  int col_span = 1;
  uint32_t source_begin = 0;
  uint32_t source_end = 0;
};

// Lays out rows of declared cells as HTML does: a cell goes to the first free
// column of its row, covered positions get continuation copies, row spans are
// clipped at the last row, and the grid is padded to a rectangle. Spans are
// clamped; a grid over the shared budget (GridWithinBudget) is refused with
// RESOURCE_EXHAUSTED before it is allocated.
absl::StatusOr<TableGrid> ExpandSpans(const std::vector<std::vector<SpanCell>>& rows,
                      std::string_view source_kind);

// ExpandSpans' grid as a table block, sliver columns dropped
// (DropSliverColumns; caption and spans left to the caller); a grid over budget is dropped with a TableTooLargeNote added to
// `notes` (its width the most cells a row declares).
std::optional<Block> SpanTableBlock(const std::vector<std::vector<SpanCell>>& rows,
                                    std::string_view source_kind,
                                    std::vector<xxgk::v1::ReadingNote>* notes);

// Drops the columns no row needs: where a column edge sits a twip apart in
// different rows, Word adds a sliver column that the cells beside it cover
// in some rows and start on in others. A column goes when every cell on it
// also covers a neighbouring kept column, so the same logical column holds
// the same cells in every row; a narrow column a cell stands on alone stays.
// Of two columns that could each go but not both, the narrower goes by
// `widths` (per column, when the source gives them; writers may equalise
// them), else the left one. Rows may differ in length (a short row says
// nothing past its end).
void DropSliverColumns(TableGrid* grid, const std::vector<int>& widths = {});

// Builds a grid row by row from Word's cells: each spans some columns and
// may continue the cell above it (a vertical merge: w:vMerge in .docx,
// vertMerge in .doc). Every position remembers the row its cell started in,
// so a continuation copies that cell and lengthens its row_span. Callers
// hold rows and columns to the budget (GridWithinBudget) as they go.
class MergedGridBuilder {
 public:
  explicit MergedGridBuilder(std::string_view source_kind);

  void StartRow();
  size_t rows() const { return grid_.rows.size(); }
  // Positions filled in the current row.
  int width() const;
  // Blank positions up to column `col` of the current row.
  void PadTo(int col);
  // A cell holding `text` over `span` columns.
  void AddCell(std::string text, int span);
  // Copies of the cell above the current position over `span` columns;
  // false, and nothing added, when the row above does not reach that far.
  bool ContinueAbove(int span);
  // The current row's last cell widened to reach column `end` (a cell
  // merged into its left neighbour).
  void ExtendLast(int end);
  // The columns' widths as the source declares them, any unit.
  void SetColumnWidths(std::vector<int> widths) { widths_ = std::move(widths); }
  // The grid, sliver columns dropped (DropSliverColumns), every row padded
  // to the widest.
  TableGrid Finish();

 private:
  TableGrid grid_;
  std::vector<int> widths_;
  std::vector<std::vector<int>> origin_;  // per position: the row its cell starts in
};

// Appends a line block unless `text` is empty.
void AppendLine(std::vector<Block>* blocks, std::string text, uint32_t page = 0,
                uint32_t begin = 0, uint32_t end = 0);

// Appends each '\n'-separated line of `raw`, cleaned, as a line block
// (unless it cleans to nothing): a Word paragraph with line breaks.
void AppendLines(std::vector<Block>* blocks, TextCleaner* cleaner, std::string_view raw);

// The text of the last line block, if the last block is a line; else "".
std::string LastLineText(const std::vector<Block>& blocks);

}  // namespace xxgk::report

#endif  // XXGK_REPORT_READERS_COMMON_H_
