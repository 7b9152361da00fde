// The readers: one per input format, each producing reader-neutral Blocks
// (report/blocks.h) of decoded, normalised text.
#ifndef XXGK_REPORT_READERS_H_
#define XXGK_REPORT_READERS_H_

#include <string_view>

#include "absl/status/statusor.h"
#include "report/blocks.h"

namespace xxgk::report {

// Plain text: lines, and tables written as pipe rows, one cell per line
// between `|` lines, whitespace-aligned columns, markdown, or label+value run
// together (the pre-2019 statistics table).
absl::StatusOr<ReadResult> ReadText(std::string_view bytes);
// HTML: <table> with rowspan/colspan, block elements as lines (gumbo).
absl::StatusOr<ReadResult> ReadHtml(std::string_view bytes);
// Word .docx: w:p paragraphs and w:tbl with gridSpan/vMerge (libzip + libxml2).
absl::StatusOr<ReadResult> ReadDocx(std::string_view bytes);
// PDF: text with positions (poppler-cpp), tables rebuilt from x/y positions.
absl::StatusOr<ReadResult> ReadPdf(std::string_view bytes);

}  // namespace xxgk::report

#endif  // XXGK_REPORT_READERS_H_
