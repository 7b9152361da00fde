// Word .docx reader (libzip + libxml2): word/document.xml paragraphs become
// lines, w:tbl tables become grids with w:gridSpan / w:vMerge expanded. A
// table holding another table is read as a layout container. Word's one-file
// XML formats hold the same body and are read by the same walk.
#include <libxml/tree.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "report/readers.h"
#include "report/readers_common.h"
#include "report/refusal.h"
#include "report/word_numbering.h"
#include "report/zip_xml.h"

namespace xxgk::report {
namespace {

constexpr size_t kMaxXmlBytes = 64u << 20;  // zip-bomb guard
constexpr int kMaxDepth = 256;
constexpr int kMaxGridColumns = static_cast<int>(kMaxTableColumns);

// The w:val attribute (any namespace prefix); `found` tells whether present.
std::string Val(const xmlNode* n, bool* found = nullptr) { return Attribute(n, "val", found); }

int IntVal(const xmlNode* n, int fallback) {
  bool found = false;
  std::string v = Val(n, &found);
  if (!found) return fallback;
  return ParseSpan(v, fallback, kMaxGridColumns);
}

// A run formatted as hidden (w:rPr/w:vanish, not switched off).
bool IsVanished(const xmlNode* run) {
  const xmlNode* vanish = ChildElement(ChildElement(run, "rPr"), "vanish");
  if (vanish == nullptr) return false;
  bool found = false;
  std::string v = Val(vanish, &found);
  return !found || !(v == "0" || v == "false" || v == "off");
}

// What a zip archive without word/document.xml is, by the entries other
// zip-based formats hold, and what to send instead.
std::string NotADocx(const ZipPackage& zip) {
  auto has = [&zip](const char* name) { return zip.Has(name, /*nocase=*/true); };
  if (has("xl/workbook.xml")) {
    return "this is an Excel workbook (.xlsx), not a report: send the report as text, HTML, "
           ".docx or PDF";
  }
  if (has("ppt/presentation.xml")) {
    return "this is a PowerPoint file (.pptx), not a report: send the report as text, HTML, "
           ".docx or PDF";
  }
  if (has("OFD.xml")) {
    return "this is an OFD document, not a .docx: send it without --input_format, or with "
           "--input_format=ofd";
  }
  if (has("content.xml") && has("mimetype")) {
    return "this is an OpenDocument file (.odt), not a .docx: send it without --input_format, or "
           "with --input_format=odt";
  }
  return "this zip archive is not a .docx (it has no word/document.xml): unpack it and send "
         "each report in it on its own";
}

class DocxWalker {
 public:
  DocxWalker(ReadResult* out, WordNumbering* numbering) : out_(out), numbering_(numbering) {}

  // Body-level content: paragraphs, tables, structured document tags.
  void Container(const xmlNode* n, int depth) {
    if (depth > kMaxDepth) return;
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      if (IsElement(c, "p")) {
        Paragraph(c, depth + 1);
      } else if (IsElement(c, "tbl")) {
        Table(c, depth + 1);
      } else if (IsElement(c, "sectPr") || IsElement(c, "Fallback")) {
        continue;
      } else {
        Container(c, depth + 1);  // w:sdt/w:sdtContent, w:customXml, ...
      }
    }
  }

  TextCleaner& cleaner() { return cleaner_; }

 private:
  // Appends the runs' text of `n` to `buf`; w:br/w:cr become '\n'. A text
  // box's content (w:txbxContent) is appended as lines too, or, with
  // `boxes`, collected there instead, for its caller to read as a body of
  // its own (its tables as tables).
  static void Runs(const xmlNode* n, std::string* buf, int depth,
                   std::vector<const xmlNode*>* boxes = nullptr) {
    if (depth > kMaxDepth) return;
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      if (IsElement(c, "t")) {
        buf->append(TextContent(c));
      } else if (IsElement(c, "tab") || IsElement(c, "ptab")) {
        // A tab inside a run is text; in w:pPr/w:tabs it is a tab stop.
        if (n->type == XML_ELEMENT_NODE && IsElement(n, "r")) buf->push_back('\t');
      } else if (IsElement(c, "br") || IsElement(c, "cr")) {
        buf->push_back('\n');
      } else if (IsElement(c, "pPr") || IsElement(c, "rPr") || IsElement(c, "del") || IsElement(c, "Fallback") ||
                 IsElement(c, "instrText") || IsElement(c, "delText")) {
        continue;
      } else if (IsElement(c, "r") && IsVanished(c)) {
        continue;  // hidden text
      } else if (boxes != nullptr && IsElement(c, "txbxContent")) {
        boxes->push_back(c);
      } else if (IsElement(c, "p")) {
        // Paragraphs inside text boxes.
        buf->push_back('\n');
        Runs(c, buf, depth + 1, boxes);
        buf->push_back('\n');
      } else {
        Runs(c, buf, depth + 1, boxes);  // w:r, w:hyperlink, w:ins, w:smartTag, ...
      }
    }
  }

  // The paragraph's automatic number, counted (empty when it has none).
  std::string ListLabel(const xmlNode* p) { return numbering_->Label(ChildElement(p, "pPr")); }

  // A paragraph's lines, then the text boxes anchored in it, each read as a
  // body (its paragraphs as lines, its tables as tables).
  void Paragraph(const xmlNode* p, int depth) {
    std::string raw = ListLabel(p);
    std::vector<const xmlNode*> boxes;
    Runs(p, &raw, 0, &boxes);
    AppendLines(&out_->blocks, &cleaner_, raw);
    for (const xmlNode* box : boxes) Container(box, depth + 1);
  }

  // The `name` children of `n` (a table's w:tr, a row's w:tc), also those
  // inside content controls and custom XML: a repeating section wraps rows.
  static std::vector<const xmlNode*> Children(const xmlNode* n, const char* name, int depth = 0) {
    std::vector<const xmlNode*> found;
    if (n == nullptr || depth > kMaxDepth) return found;
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
      std::vector<const xmlNode*> inner;
      if (IsElement(c, name)) {
        found.push_back(c);
      } else if (IsElement(c, "sdt")) {
        inner = Children(ChildElement(c, "sdtContent"), name, depth + 1);
      } else if (IsElement(c, "customXml")) {
        inner = Children(c, name, depth + 1);
      }
      found.insert(found.end(), inner.begin(), inner.end());
    }
    return found;
  }

  // Whether `n` holds a table in a text box (w:txbxContent/w:tbl) below it,
  // mc:Fallback's copies aside. Neither tables nor text boxes are looked
  // into (a table's own cells are asked when it is read), so each node is
  // visited once however deep tables nest.
  static bool HasTableInTextBox(const xmlNode* n, int depth) {
    if (depth > kMaxDepth) return false;
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
      if (c->type != XML_ELEMENT_NODE || IsElement(c, "Fallback") || IsElement(c, "tbl")) continue;
      if (IsElement(c, "txbxContent")) {
        if (ChildElement(c, "tbl") != nullptr) return true;
        continue;
      }
      if (HasTableInTextBox(c, depth + 1)) return true;
    }
    return false;
  }

  // Whether a cell holds a table, directly or in a text box: the table
  // around it lays out the page, and is read as the content it holds.
  static bool HasNestedTable(const std::vector<const xmlNode*>& rows) {
    for (const xmlNode* tr : rows) {
      for (const xmlNode* tc : Children(tr, "tc")) {
        if (ChildElement(tc, "tbl") != nullptr || HasTableInTextBox(tc, 0)) return true;
      }
    }
    return false;
  }

  std::string CellText(const xmlNode* tc) {
    std::string raw;
    for (const xmlNode* c = tc->children; c != nullptr; c = c->next) {
      if (IsElement(c, "p")) {
        if (!raw.empty()) raw.push_back('\n');
        raw += ListLabel(c);
        Runs(c, &raw, 0);
      } else if (IsElement(c, "sdt")) {
        if (!raw.empty()) raw.push_back('\n');
        Runs(c, &raw, 0);
      }
    }
    return cleaner_.Clean(raw);
  }

  void Table(const xmlNode* tbl, int depth) {
    if (depth > kMaxDepth) return;
    const std::vector<const xmlNode*> rows = Children(tbl, "tr");
    if (HasNestedTable(rows)) {
      for (const xmlNode* tr : rows) {
        for (const xmlNode* tc : Children(tr, "tc")) Container(tc, depth + 1);
      }
      return;
    }
    MergedGridBuilder builder("docx");
    std::vector<int> widths;  // w:tblGrid: tells a sliver column from its neighbour
    for (const xmlNode* col : Children(ChildElement(tbl, "tblGrid"), "gridCol")) {
      bool found = false;
      const std::string w = Attribute(col, "w", &found);
      widths.push_back(found ? ParseSpan(w, 0, 1 << 30) : 0);
    }
    builder.SetColumnWidths(std::move(widths));
    size_t widest = 0;
    for (const xmlNode* tr : rows) {
      widest = std::max(widest, static_cast<size_t>(builder.width()));
      // each row holds at most kMaxGridColumns cells; the padded grid must fit
      if (!GridWithinBudget(builder.rows() + 1, std::max<size_t>(widest, 1))) {
        out_->notes.push_back(TableTooLargeNote("docx", rows.size(), widest));
        return;
      }
      builder.StartRow();
      const xmlNode* trpr = ChildElement(tr, "trPr");
      if (ChildElement(trpr, "gridBefore") != nullptr) builder.PadTo(IntVal(ChildElement(trpr, "gridBefore"), 0));
      for (const xmlNode* tc : Children(tr, "tc")) {
        const int col = builder.width();
        if (col >= kMaxGridColumns) break;
        const xmlNode* tcpr = ChildElement(tc, "tcPr");
        const int span = std::min(IntVal(ChildElement(tcpr, "gridSpan"), 1), kMaxGridColumns - col);
        const xmlNode* vmerge = ChildElement(tcpr, "vMerge");
        if (vmerge == nullptr) vmerge = ChildElement(tcpr, "vmerge");  // Word 2003 XML
        if (vmerge != nullptr && Val(vmerge) != "restart" && builder.ContinueAbove(span)) continue;
        builder.AddCell(CellText(tc), span);
      }
    }
    if (builder.rows() == 0) return;
    TableGrid grid = builder.Finish();
    const size_t width = grid.rows[0].size();
    if (!GridWithinBudget(grid.rows.size(), width)) {
      out_->notes.push_back(TableTooLargeNote("docx", grid.rows.size(), width));
      return;
    }
    grid.caption = LastLineText(out_->blocks);
    Block b;
    b.kind = Block::Kind::kTable;
    b.table = std::move(grid);
    out_->blocks.push_back(std::move(b));
  }

  ReadResult* out_;
  WordNumbering* numbering_;
  TextCleaner cleaner_;
};

// The w:body a Word 2003 XML or flat Word XML document holds, or why none.
absl::StatusOr<const xmlNode*> WordXmlBody(const xmlNode* root) {
  if (IsElement(root, "wordDocument")) {
    if (const xmlNode* body = ChildElement(root, "body"); body != nullptr) return body;
    return absl::InvalidArgumentError(
        absl::StrCat("word-xml: the Word 2003 XML document has no w:body", ResendAdvice("word-xml")));
  }
  if (IsElement(root, "package")) {
    bool spreadsheet = false, slides = false;
    for (const xmlNode* part = root->children; part != nullptr; part = part->next) {
      if (!IsElement(part, "part")) continue;
      const std::string name = Attribute(part, "name");
      spreadsheet |= name.rfind("/xl/", 0) == 0;
      slides |= name.rfind("/ppt/", 0) == 0;
      if (name != "/word/document.xml") continue;
      const xmlNode* document = ChildElement(ChildElement(part, "xmlData"), "document");
      if (const xmlNode* body = ChildElement(document, "body"); body != nullptr) return body;
      return absl::InvalidArgumentError(
          absl::StrCat("word-xml: the package's /word/document.xml part holds no w:document/w:body",
                     ResendAdvice("word-xml")));
    }
    if (spreadsheet || slides) {
      return absl::InvalidArgumentError(absl::StrCat(
          "word-xml: this is ", spreadsheet ? "an Excel workbook" : "a PowerPoint presentation",
          " saved as XML, not a report: send the report as text, HTML, .docx or PDF"));
    }
    return absl::InvalidArgumentError(
        "word-xml: the XML package has no /word/document.xml part: open the file in Word or WPS, "
        "save it as .docx and send that");
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "word-xml: the XML's root element is <", root != nullptr ? reinterpret_cast<const char*>(root->name) : "",
      ">, not a Word document (w:wordDocument or pkg:package): send the report as text, HTML, "
      ".docx or PDF"));
}

// The root element of a flat Word XML package's part of that name, or null.
const xmlNode* PackagePart(const xmlNode* root, const char* name) {
  if (!IsElement(root, "package")) return nullptr;
  for (const xmlNode* part = root->children; part != nullptr; part = part->next) {
    if (!IsElement(part, "part") || Attribute(part, "name") != name) continue;
    const xmlNode* data = ChildElement(part, "xmlData");
    for (const xmlNode* c = data != nullptr ? data->children : nullptr; c != nullptr; c = c->next) {
      if (c->type == XML_ELEMENT_NODE) return c;
    }
  }
  return nullptr;
}

ReadResult ReadBody(const xmlNode* body, const char* format, size_t size_bytes, WordNumbering* numbering) {
  ReadResult result;
  result.source.set_input_format(format);
  result.source.set_encoding("UTF-8");
  result.source.set_size_bytes(size_bytes);
  DocxWalker walker(&result, numbering);
  walker.Container(body, 0);
  result.script = walker.cleaner().script();
  // pictures (DrawingML's pic:pic; mc:Fallback holds a copy of the drawing):
  // a document of nothing but pictures is a scan pasted into Word
  result.images = CountPictures(body, "pic", "Fallback", kMaxDepth);
  return result;
}

// The list definitions of a .docx. A numbering or styles part that is missing
// or cannot be read leaves the paragraphs unnumbered rather than refusing the
// document: the text is all there, only the automatic numbers are missing.
WordNumbering ReadNumbering(const ZipPackage& zip) {
  XmlDoc numbering = ParseOptionalPart(zip, "word/numbering.xml", kMaxXmlBytes, "docx");
  if (numbering == nullptr) return WordNumbering();
  XmlDoc styles = ParseOptionalPart(zip, "word/styles.xml", kMaxXmlBytes, "docx");
  return WordNumbering::Load(RootOf(numbering), RootOf(styles));
}

}  // namespace

absl::StatusOr<ReadResult> ReadWordXml(std::string_view bytes) {
  absl::StatusOr<XmlDoc> parsed = ParseXmlPart(
      std::string(bytes), "word-xml", "the document",
      ": the file is damaged or was not written by a word processor; open it in Word or WPS, "
      "save it as .docx and send that, or send a PDF");
  if (!parsed.ok()) return parsed.status();
  const xmlNode* root = xmlDocGetRootElement(parsed->get());
  absl::StatusOr<const xmlNode*> body = WordXmlBody(root);
  if (!body.ok()) return body.status();
  WordNumbering numbering = WordNumbering::Load(PackagePart(root, "/word/numbering.xml"),
                                                PackagePart(root, "/word/styles.xml"));
  return ReadBody(*body, "word-xml", bytes.size(), &numbering);
}

absl::StatusOr<ReadResult> ReadDocx(std::string_view bytes) {
  absl::StatusOr<ZipPackage> zip = ZipPackage::Open(bytes, "docx");
  if (!zip.ok()) return zip.status();
  if (!zip->Has("word/document.xml")) return absl::InvalidArgumentError(NotADocx(*zip));
  absl::StatusOr<std::string> xml = zip->Read("word/document.xml", kMaxXmlBytes);
  if (!xml.ok()) return xml.status();
  absl::StatusOr<XmlDoc> parsed = ParseXmlPart(
      *xml, "docx", "word/document.xml",
      ": the file is damaged or was not written by a word processor; open it in Word or WPS, "
      "save it again and send that, or send a PDF");
  if (!parsed.ok()) return parsed.status();
  const xmlDoc* doc = parsed->get();
  const xmlNode* root = xmlDocGetRootElement(doc);
  const xmlNode* body = ChildElement(root, "body");
  if (!IsElement(root, "document") || body == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat("docx: word/document.xml has no w:document/w:body", ResendAdvice("docx")));
  }
  WordNumbering numbering = ReadNumbering(*zip);
  return ReadBody(body, "docx", bytes.size(), &numbering);
}

}  // namespace xxgk::report
