// The readers: one per input format, each producing reader-neutral Blocks
// (report/blocks.h) of decoded, normalised text.
#ifndef XXGK_REPORT_READERS_H_
#define XXGK_REPORT_READERS_H_

#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "report/blocks.h"

namespace xxgk::report {

class ZipPackage;

// Plain text: lines, and tables written as pipe rows, one cell per line
// between `|` lines, whitespace-aligned columns, markdown, label+value run
// together (the pre-2019 statistics table), or with no separators at all
// (a cell per line, or single blanks) when the labels make a statistics table.
absl::StatusOr<ReadResult> ReadText(std::string_view bytes);
// HTML: <table> with rowspan/colspan, block elements as lines (gumbo).
// `charset`, when given, was declared outside the page (an MHTML part's
// header) and wins over the page's own <meta>.
absl::StatusOr<ReadResult> ReadHtml(std::string_view bytes, std::string_view charset = "");
// MHTML (a page saved as one file, report/mhtml.h): its page read as HTML.
absl::StatusOr<ReadResult> ReadMhtml(std::string_view bytes);
// Word .docx: w:p paragraphs and w:tbl with gridSpan/vMerge (libzip + libxml2).
absl::StatusOr<ReadResult> ReadDocx(std::string_view bytes);
// Word's one-file XML: Word 2003 XML (w:wordDocument) and Word 2007+ XML
// (a pkg:package holding /word/document.xml), as many systems export
// reports and name them .doc. Read like the .docx body they hold.
absl::StatusOr<ReadResult> ReadWordXml(std::string_view bytes);
// RTF (what WordPad writes, and what many systems export as ".doc"):
// paragraphs and \trowd/\cell/\row tables, read as the .doc reader reads
// Word's binary (report/word_tables.h).
absl::StatusOr<ReadResult> ReadRtf(std::string_view bytes);
// True when `bytes` begin (after a UTF-8 BOM and whitespace) with {\rtf.
bool LooksLikeRtf(std::string_view bytes);
// OpenDocument text (.odt, or its flat XML form .fodt): text:p/text:h lines
// and table:table grids with their spans (libzip + libxml2).
absl::StatusOr<ReadResult> ReadOdt(std::string_view bytes);
// True when the zip package is an OpenDocument file (content.xml and an
// OpenDocument mimetype entry), of any kind.
bool IsOdtPackage(const ZipPackage& zip);
// PDF: text with positions (poppler-cpp), tables rebuilt from x/y positions.
absl::StatusOr<ReadResult> ReadPdf(std::string_view bytes);
// Word 97-2003 .doc (a compound file): paragraphs through the piece table,
// tables from the paragraph properties (cell boundaries, merges).
absl::StatusOr<ReadResult> ReadDoc(std::string_view bytes);
// OFD (GB/T 33190, a zip of XML parts): text objects placed on the pages,
// laid out into lines and tables like a PDF's words.
absl::StatusOr<ReadResult> ReadOfd(std::string_view bytes);

// Tables pasted as text among the lines another reader produced (a web
// page or a document with each cell in a paragraph of its own, or with
// pipe rows typed or copied into it): each run of line blocks is read as
// plain text reads such lines (text-flat, text-pipe, text-cell-lines; pipe
// tables only when they are statistics tables), and the lines a table takes
// are replaced by it. A cell's source span is its line's.
void GatherFlatTables(std::vector<Block>* blocks);

namespace internal {

// A pre-2019 "label+value run together" row: the line splits into a label
// and a trailing value, either a number (digits, thousands commas, one
// decimal part) or a dash/slash/无 placeholder after a space. On success
// `head` is the label's length (ASCII whitespace before the value excluded)
// and `value` where the value starts (a placeholder's space included). Same
// split as the pattern ^(.*?)\s*([0-9][0-9,]*(\.[0-9]+)?|\s/|\s-|\s—+|\s无)$
// (the text reader's test pins the two equal); false when nothing matches.
bool SplitTrailingValue(std::string_view line, size_t* head, size_t* value);

// LabelKey(text).find("统计表") != npos (the legacy statistics table's
// title), deciding from the bytes after each 统 where they settle it: ASCII
// bytes other than letters and digits are dropped from a key, and a character
// U+4E00..U+9FA5 other than 钩 is kept as it is; anything else builds the key.
bool LabelKeyHoldsStatisticsTable(std::string_view text);

}  // namespace internal

}  // namespace xxgk::report

#endif  // XXGK_REPORT_READERS_H_
