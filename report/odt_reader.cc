// OpenDocument text reader (.odt: a zip whose content.xml holds the body;
// what LibreOffice saves by default; also the flat XML form, .fodt, with the
// styles and the body in one office:document). Paragraphs and headings
// (text:p, text:h, also inside lists, sections and text boxes) become lines,
// with the automatic numbers of lists and numbered headings (OdtNumbering);
// table:table becomes a grid, its spans (table:number-columns-spanned,
// table:number-rows-spanned) laid out as HTML's are, the positions they
// cover (table:covered-table-cell) left to them. A table holding another
// table is read as a layout container. Notes, annotations and the deleted
// text tracked changes keep are not read.
#include <libxml/tree.h>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "report/readers.h"
#include "report/odt_numbering.h"
#include "report/readers_common.h"
#include "report/refusal.h"
#include "report/zip_xml.h"

namespace xxgk::report {
namespace {

constexpr size_t kMaxXmlBytes = 64u << 20;  // zip-bomb guard
constexpr int kMaxDepth = 256;
constexpr int kMaxSpaces = 1000;            // text:s text:c="..."
constexpr int kMaxRepeatedRows = 1000;      // table:number-rows-repeated

constexpr std::string_view kTextMimeType = "application/vnd.oasis.opendocument.text";

int IntAttribute(const xmlNode* n, const char* local, int fallback, int max) {
  bool found = false;
  const std::string v = Attribute(n, local, &found);
  return found ? ParseSpan(v, fallback, max) : fallback;
}

class OdtWalker {
 public:
  OdtWalker(ReadResult* out, OdtNumbering* numbering) : out_(out), numbering_(numbering) {}

  // Body-level content: paragraphs, headings, tables, and what holds them.
  void Container(const xmlNode* n, int depth) {
    if (depth > kMaxDepth) return;
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      if (IsElement(c, "p") || IsElement(c, "h")) {
        std::string raw = numbering_->Label(c);
        Inline(c, &raw, 0);
        AppendLines(&out_->blocks, &cleaner_, raw);
      } else if (IsElement(c, "table")) {
        Table(c, depth + 1);
      } else if (Skipped(c)) {
        continue;
      } else if (IsElement(c, "list")) {
        numbering_->EnterList(c);
        Container(c, depth + 1);
        numbering_->ExitList();
      } else {
        if (IsElement(c, "list-item") || IsElement(c, "list-header")) numbering_->EnterItem(c);
        Container(c, depth + 1);  // text:list, text:list-item, text:section, ...
      }
    }
  }

  TextCleaner& cleaner() { return cleaner_; }

 private:
  // Elements whose text is not the body's: notes, comments, the deleted
  // text of tracked changes, declarations, and table of contents sources.
  static bool Skipped(const xmlNode* c) {
    return IsElement(c, "note") || IsElement(c, "annotation") || IsElement(c, "tracked-changes") ||
           IsElement(c, "sequence-decls") || IsElement(c, "variable-decls") ||
           IsElement(c, "user-field-decls") || IsElement(c, "forms") ||
           IsElement(c, "index-title-template") || IsElement(c, "table-of-content-source");
  }

  // Appends the text inside a paragraph; text:s, text:tab and
  // text:line-break are spaces, tabs and line breaks, and a paragraph
  // inside it (a text box's, a list's in a cell) stands on lines of its own.
  void Inline(const xmlNode* n, std::string* buf, int depth) {
    if (depth > kMaxDepth) return;
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
        if (c->content != nullptr) buf->append(reinterpret_cast<const char*>(c->content));
        continue;
      }
      if (c->type != XML_ELEMENT_NODE) continue;
      if (IsElement(c, "s")) {
        buf->append(static_cast<size_t>(IntAttribute(c, "c", 1, kMaxSpaces)), ' ');
      } else if (IsElement(c, "tab")) {
        buf->push_back('\t');
      } else if (IsElement(c, "line-break")) {
        buf->push_back('\n');
      } else if (Skipped(c)) {
        continue;
      } else if (IsElement(c, "p") || IsElement(c, "h")) {
        buf->push_back('\n');
        buf->append(numbering_->Label(c));
        Inline(c, buf, depth + 1);
        buf->push_back('\n');
      } else if (IsElement(c, "list")) {
        numbering_->EnterList(c);
        Inline(c, buf, depth + 1);
        numbering_->ExitList();
      } else {
        if (IsElement(c, "list-item") || IsElement(c, "list-header")) numbering_->EnterItem(c);
        Inline(c, buf, depth + 1);  // text:span, text:a, draw:frame, draw:text-box, ...
      }
    }
  }

  // The rows of a table, also inside header rows, row groups and
  // table:table-rows, in order.
  static void Rows(const xmlNode* n, std::vector<const xmlNode*>* rows, int depth) {
    if (depth > kMaxDepth) return;
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
      if (IsElement(c, "table-row")) {
        rows->push_back(c);
      } else if (IsElement(c, "table-header-rows") || IsElement(c, "table-rows") ||
                 IsElement(c, "table-row-group")) {
        Rows(c, rows, depth + 1);
      }
    }
  }

  static bool HoldsTable(const xmlNode* n, int depth) {
    if (depth > kMaxDepth) return false;
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
      if (IsElement(c, "table") || (c->type == XML_ELEMENT_NODE && HoldsTable(c, depth + 1))) return true;
    }
    return false;
  }

  // A cell's paragraphs, lists and sections, each paragraph on a line of
  // its own (Inline), cleaned into one text.
  std::string CellText(const xmlNode* cell) {
    std::string raw;
    Inline(cell, &raw, 0);
    return cleaner_.Clean(raw);
  }

  void Table(const xmlNode* table, int depth) {
    if (depth > kMaxDepth) return;
    std::vector<const xmlNode*> rows;
    Rows(table, &rows, 0);
    bool container = false;
    for (const xmlNode* row : rows) {
      for (const xmlNode* cell = row->children; cell != nullptr && !container; cell = cell->next) {
        container = IsElement(cell, "table-cell") && HoldsTable(cell, 0);
      }
    }
    if (container) {
      for (const xmlNode* row : rows) {
        for (const xmlNode* cell = row->children; cell != nullptr; cell = cell->next) {
          if (IsElement(cell, "table-cell")) Container(cell, depth + 1);
        }
      }
      return;
    }
    std::vector<std::vector<SpanCell>> cells;
    size_t total = 0;
    for (const xmlNode* row : rows) {
      std::vector<SpanCell> one;
      for (const xmlNode* cell = row->children; cell != nullptr; cell = cell->next) {
        if (!IsElement(cell, "table-cell")) continue;  // covered cells belong to a span
        SpanCell c;
        c.text = CellText(cell);
        c.col_span = IntAttribute(cell, "number-columns-spanned", 1, static_cast<int>(kMaxTableColumns));
        c.row_span = IntAttribute(cell, "number-rows-spanned", 1, 1 << 20);
        const int repeat = IntAttribute(cell, "number-columns-repeated", 1, static_cast<int>(kMaxTableColumns));
        for (int k = 0; k < repeat && one.size() < kMaxTableColumns; ++k) one.push_back(c);
      }
      if (one.empty()) continue;
      const int repeat = IntAttribute(row, "number-rows-repeated", 1, kMaxRepeatedRows);
      for (int k = 0; k < repeat; ++k) {
        total += one.size();
        if (total > kMaxTableCells) {
          out_->notes.push_back(TableTooLargeNote("odt", rows.size(), one.size()));
          return;
        }
        cells.push_back(one);
      }
    }
    if (cells.empty()) return;
    std::optional<Block> b = SpanTableBlock(cells, "odt", &out_->notes);
    if (!b.has_value()) return;
    b->table.caption = LastLineText(out_->blocks);
    out_->blocks.push_back(*std::move(b));
  }

  ReadResult* out_;
  OdtNumbering* numbering_;
  TextCleaner cleaner_;
};

// What an OpenDocument package other than a text document is.
std::string NotAText(std::string_view mime) {
  if (mime.find("spreadsheet") != std::string_view::npos) {
    return "this is an OpenDocument spreadsheet (.ods), not a report: send the report as text, "
           "HTML, .docx, .odt or PDF";
  }
  if (mime.find("presentation") != std::string_view::npos) {
    return "this is an OpenDocument presentation (.odp), not a report: send the report as text, "
           "HTML, .docx, .odt or PDF";
  }
  return absl::StrCat("this OpenDocument file is a \"", absl::string_view(mime.data(), mime.size()),
                      "\", not a text document: send the report as text, HTML, .docx, .odt or PDF");
}

constexpr std::string_view kResaveAdvice =
    ": the file is damaged or was not written by a word processor; open it in LibreOffice or WPS, save it "
    "again and send that, or send a PDF";

// Whether an OpenDocument MIME type is a text document's (.odt, or a template
// or master document built on it).
bool IsTextMime(std::string_view mime) { return mime.rfind(kTextMimeType, 0) == 0; }

// The body of a parsed document: `root` holds office:body/office:text and
// its automatic styles; the named list styles and the outline style are in
// `root` too (a flat file) or in `styles` (a package's styles.xml).
absl::StatusOr<ReadResult> ReadBody(const xmlNode* root, const xmlNode* styles, std::string_view where,
                                    size_t size_bytes) {
  const xmlNode* text = ChildElement(ChildElement(root, "body"), "text");
  if (text == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat("odt: ", absl::string_view(where.data(), where.size()),
                     " has no office:body/office:text", ResendAdvice("odt")));
  }
  OdtNumbering numbering = OdtNumbering::Load(root, styles);
  ReadResult result;
  result.source.set_input_format("odt");
  result.source.set_encoding("UTF-8");
  result.source.set_size_bytes(size_bytes);
  OdtWalker walker(&result, &numbering);
  walker.Container(text, 0);
  result.script = walker.cleaner().script();
  // pictures (draw:image): a document of nothing but pictures is a scan
  result.images = CountPictures(text, "image", "", kMaxDepth);
  return result;
}

// OpenDocument's flat XML (.fodt): one office:document element with the
// styles and the body that a package keeps in styles.xml and content.xml.
absl::StatusOr<ReadResult> ReadFlatOdt(std::string_view bytes) {
  absl::StatusOr<XmlDoc> parsed = ParseXmlPart(
      std::string(bytes), "odt", "the flat OpenDocument XML",
      absl::string_view(kResaveAdvice.data(), kResaveAdvice.size()));
  if (!parsed.ok()) return parsed.status();
  const xmlNode* root = xmlDocGetRootElement(parsed->get());
  if (!IsElement(root, "document")) {
    return absl::InvalidArgumentError(absl::StrCat(
        "odt: this XML's root element is <", root != nullptr ? reinterpret_cast<const char*>(root->name) : "",
        ">, not an OpenDocument office:document: send the report as .odt, .docx, HTML, text or PDF"));
  }
  bool found = false;
  const std::string mime = Attribute(root, "mimetype", &found);
  if (found && !IsTextMime(mime)) return absl::InvalidArgumentError(NotAText(mime));
  return ReadBody(root, nullptr, "the flat XML", bytes.size());
}

}  // namespace

bool IsOdtPackage(const ZipPackage& zip) {
  if (!zip.Has("content.xml")) return false;
  absl::StatusOr<std::string> mime = zip.Read("mimetype", 256);
  return mime.ok() && mime->rfind("application/vnd.oasis.opendocument.", 0) == 0;
}

absl::StatusOr<ReadResult> ReadOdt(std::string_view bytes) {
  // A package is a zip archive; anything else can only be the flat form.
  if (bytes.substr(0, 2) != "PK") return ReadFlatOdt(bytes);
  absl::StatusOr<ZipPackage> zip = ZipPackage::Open(bytes, "odt");
  if (!zip.ok()) return zip.status();
  absl::StatusOr<std::string> mime = zip->Read("mimetype", 256);
  if (mime.ok() && !IsTextMime(*mime)) return absl::InvalidArgumentError(NotAText(*mime));
  if (!zip->Has("content.xml")) {
    return absl::InvalidArgumentError(
        "this zip archive is not an OpenDocument text (it has no content.xml): unpack it and send "
        "each report in it on its own");
  }
  absl::StatusOr<std::string> xml = zip->Read("content.xml", kMaxXmlBytes);
  if (!xml.ok()) return xml.status();
  absl::StatusOr<XmlDoc> parsed =
      ParseXmlPart(*xml, "odt", "content.xml", absl::string_view(kResaveAdvice.data(), kResaveAdvice.size()));
  if (!parsed.ok()) return parsed.status();
  // styles.xml holds the named list styles and the outline style; one that
  // is missing or cannot be read leaves those paragraphs unnumbered.
  const XmlDoc styles = ParseOptionalPart(*zip, "styles.xml", kMaxXmlBytes, "odt");
  return ReadBody(xmlDocGetRootElement(parsed->get()), RootOf(styles), "content.xml", bytes.size());
}

}  // namespace xxgk::report
