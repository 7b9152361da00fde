// The reader-neutral document model.
//
// Every reader (plain text, HTML, .docx, PDF) turns its input into a sequence
// of Blocks: lines of running text and table grids, in reading order, with the
// text already decoded to UTF-8 and normalised (report/normalize.h). Everything
// after that (sections, metadata, tables → cells, prose facts) works on Blocks
// only, so a new input format needs a reader and nothing else.
#ifndef XXGK_REPORT_BLOCKS_H_
#define XXGK_REPORT_BLOCKS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "xxgk/v1/report.pb.h"

namespace xxgk::report {

// One cell of a table grid as the source laid it out.
struct GridCell {
  std::string text;          // normalised cell text, whitespace-trimmed
  int row_span = 1;          // as in the source (HTML rowspan, w:vMerge, ...)
  int col_span = 1;
  bool continuation = false; // true for the positions a spanning cell covers
                             // beyond its first one (text is then a copy)
  uint32_t source_begin = 0; // offsets in the decoded original, when known
  uint32_t source_end = 0;
};

// A table as a rectangular grid: rows[r][c]; spanning cells are expanded so
// that every position has a GridCell (copies flagged `continuation`).
struct TableGrid {
  std::vector<std::vector<GridCell>> rows;
  std::string caption;       // caption or the text line just above, if any
  // The caption is the table's own (an HTML <caption>), shown with the table
  // and in no line of the text; its offsets in the decoded original.
  bool caption_own = false;
  uint32_t caption_begin = 0;
  uint32_t caption_end = 0;
  std::string source_kind;   // "html", "doc", "docx", "ofd", "pdf", "text-pipe", "text-cell-lines",
                             // "text-aligned", "text-markdown", "text-run-together",
                             // "text-flat"
  // Columns kept by runs of spaces only (text-aligned without tabs): a blank
  // cell leaves no trace in such text, as in text-flat.
  bool spaced = false;
  // Rows (indices into `rows`, ascending) that a reader of positions (PDF,
  // OFD) found to be a row label with nothing under the value columns, where
  // rows that do have values stand: their empty cells are blank cells, not
  // values lost to another line.
  std::vector<int> blank_rows;
};

struct Block {
  enum class Kind { kLine, kTable };
  Kind kind = Kind::kLine;
  std::string text;          // kLine: one line of normalised text (no '\n')
  TableGrid table;           // kTable
  uint32_t page = 0;         // 1-based page for paged sources, else 0
  uint32_t source_begin = 0; // offsets in the decoded original, when known
  uint32_t source_end = 0;
};

// What a reader produced, plus what it noticed along the way.
struct ReadResult {
  std::vector<Block> blocks;
  std::vector<xxgk::v1::ReadingNote> notes;  // spans filled in later by assembly
  xxgk::v1::SourceInfo source;
  xxgk::v1::Script script = xxgk::v1::SCRIPT_UNSPECIFIED;  // script before conversion
  // A web page's links to attached files (.pdf, .docx …, by file name, the
  // first few) and its images: where the report is when the page's own text
  // holds none of it.
  std::vector<std::string> attachments;
  uint32_t images = 0;
};

}  // namespace xxgk::report

#endif  // XXGK_REPORT_BLOCKS_H_
