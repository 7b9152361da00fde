// Word's tables as its binary (.doc) and RTF forms keep them: not as a tree
// but as a run of paragraphs, each at a table depth (0 outside tables), some
// ending a cell, and one mark ending each row that carries the row's layout
// (cell boundaries and merges). The two readers cut their input into
// WordParagraphs; the walk here turns them into lines and grids, as the
// .docx reader makes them. A table holding another table is read as a
// layout container: its cells' text and the inner tables in order.
#ifndef XXGK_REPORT_WORD_TABLES_H_
#define XXGK_REPORT_WORD_TABLES_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "report/blocks.h"
#include "report/readers_common.h"

namespace xxgk::report {

// A table row's layout: cell boundaries (in twips, any origin) and each
// cell's merges.
struct WordRowDef {
  std::vector<int> bounds;    // one more than the cells: left edge, then each right edge
  std::vector<uint8_t> horz;  // per cell: 0 none, 1 first of a merge, 2/3 merged into the left
  std::vector<uint8_t> vert;  // per cell: 0 none, 1 continues the cell above, 2/3 starts
};

// One paragraph: its text (UTF-8, line breaks as '\n', not yet cleaned) and
// where it stands in tables. A row end's text is not read.
struct WordParagraph {
  std::string text;
  int depth = 0;         // table nesting; 0 outside tables
  bool cell_end = false; // the last paragraph of a cell at `depth`
  bool row_end = false;  // the mark ending a row at `depth`
  std::shared_ptr<const WordRowDef> row;  // on row ends, when known
};

// Appends the lines and tables of `paras` to out->blocks (tables over the
// grid budget are dropped with a note); grids and notes are named
// `source_kind`. `cleaner` cleans every line and cell.
void AppendWordParagraphs(const std::vector<WordParagraph>& paras, std::string_view source_kind,
                          TextCleaner* cleaner, ReadResult* out);

}  // namespace xxgk::report

#endif  // XXGK_REPORT_WORD_TABLES_H_
