// Word .docx reader (libzip + libxml2): word/document.xml paragraphs become
// lines, w:tbl tables become grids with w:gridSpan / w:vMerge expanded. A
// table holding another table is read as a layout container.
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "report/readers.h"
#include "report/readers_common.h"

namespace xxgk::report {
namespace {

constexpr zip_uint64_t kMaxXmlBytes = 64u << 20;  // zip-bomb guard
constexpr int kMaxDepth = 256;
constexpr int kMaxGridColumns = static_cast<int>(kMaxTableColumns);

bool Is(const xmlNode* n, const char* local) {
  return n != nullptr && n->type == XML_ELEMENT_NODE &&
         std::strcmp(reinterpret_cast<const char*>(n->name), local) == 0;
}

const xmlNode* Child(const xmlNode* n, const char* local) {
  for (const xmlNode* c = n ? n->children : nullptr; c != nullptr; c = c->next) {
    if (Is(c, local)) return c;
  }
  return nullptr;
}

// The w:val attribute (any namespace prefix); `found` tells whether present.
std::string Val(const xmlNode* n, bool* found = nullptr) {
  if (found) *found = false;
  if (n == nullptr) return "";
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    if (std::strcmp(reinterpret_cast<const char*>(a->name), "val") != 0) continue;
    if (found) *found = true;
    xmlChar* v = xmlNodeGetContent(reinterpret_cast<const xmlNode*>(a));
    std::string s = v ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    return s;
  }
  return "";
}

int IntVal(const xmlNode* n, int fallback) {
  bool found = false;
  std::string v = Val(n, &found);
  if (!found) return fallback;
  return ParseSpan(v, fallback, kMaxGridColumns);
}

// A run formatted as hidden (w:rPr/w:vanish, not switched off).
bool IsVanished(const xmlNode* run) {
  const xmlNode* vanish = Child(Child(run, "rPr"), "vanish");
  if (vanish == nullptr) return false;
  bool found = false;
  std::string v = Val(vanish, &found);
  return !found || !(v == "0" || v == "false" || v == "off");
}

// What a zip archive without word/document.xml is, by the entries other
// zip-based formats hold, and what to send instead.
std::string NotADocx(zip_t* za) {
  auto has = [za](const char* name) { return zip_name_locate(za, name, ZIP_FL_NOCASE) >= 0; };
  if (has("xl/workbook.xml")) {
    return "this is an Excel workbook (.xlsx), not a report: send the report as text, HTML, "
           ".docx or PDF";
  }
  if (has("ppt/presentation.xml")) {
    return "this is a PowerPoint file (.pptx), not a report: send the report as text, HTML, "
           ".docx or PDF";
  }
  if (has("OFD.xml")) {
    return "this is an OFD document, which xxgk cannot read: export it as .docx or as a PDF "
           "with a text layer and send that";
  }
  if (has("content.xml") && has("mimetype")) {
    return "this is an OpenDocument file (.odt), which xxgk cannot read: save it as .docx or "
           "PDF and send that";
  }
  return "this zip archive is not a .docx (it has no word/document.xml): unpack it and send "
         "each report in it on its own";
}

absl::StatusOr<std::string> ReadDocumentXml(std::string_view bytes) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (src == nullptr) {
    zip_error_fini(&err);
    return absl::InvalidArgumentError("docx: cannot open the data as a zip archive");
  }
  zip_t* za = zip_open_from_source(src, ZIP_RDONLY, &err);
  if (za == nullptr) {
    zip_source_free(src);
    zip_error_fini(&err);
    return absl::InvalidArgumentError("docx: not a zip archive");
  }
  zip_error_fini(&err);
  std::unique_ptr<zip_t, decltype(&zip_discard)> archive(za, &zip_discard);
  zip_int64_t index = zip_name_locate(za, "word/document.xml", 0);
  if (index < 0) return absl::InvalidArgumentError(NotADocx(za));
  zip_file_t* f = zip_fopen_index(za, static_cast<zip_uint64_t>(index), 0);
  if (f == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat("docx: word/document.xml cannot be read: ", zip_strerror(za)));
  }
  std::string xml;
  char buf[1 << 16];
  while (true) {
    zip_int64_t n = zip_fread(f, buf, sizeof buf);
    if (n < 0) {
      zip_fclose(f);
      return absl::InvalidArgumentError("docx: word/document.xml is corrupt");
    }
    if (n == 0) break;
    if (xml.size() + static_cast<zip_uint64_t>(n) > kMaxXmlBytes) {
      zip_fclose(f);
      return absl::InvalidArgumentError(
          "docx: word/document.xml expands beyond 64 MiB; refusing to read it");
    }
    xml.append(buf, static_cast<size_t>(n));
  }
  zip_fclose(f);
  return xml;
}

class DocxWalker {
 public:
  explicit DocxWalker(ReadResult* out) : out_(out) {}

  // Body-level content: paragraphs, tables, structured document tags.
  void Container(const xmlNode* n, int depth) {
    if (depth > kMaxDepth) return;
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      if (Is(c, "p")) {
        Paragraph(c);
      } else if (Is(c, "tbl")) {
        Table(c, depth + 1);
      } else if (Is(c, "sectPr") || Is(c, "Fallback")) {
        continue;
      } else {
        Container(c, depth + 1);  // w:sdt/w:sdtContent, w:customXml, ...
      }
    }
  }

  TextCleaner& cleaner() { return cleaner_; }

 private:
  // Appends the runs' text of `n` to `buf`; w:br/w:cr become '\n'.
  static void Runs(const xmlNode* n, std::string* buf, int depth) {
    if (depth > kMaxDepth) return;
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      if (Is(c, "t")) {
        xmlChar* v = xmlNodeGetContent(c);
        if (v) buf->append(reinterpret_cast<const char*>(v));
        xmlFree(v);
      } else if (Is(c, "tab") || Is(c, "ptab")) {
        // A tab inside a run is text; in w:pPr/w:tabs it is a tab stop.
        if (n->type == XML_ELEMENT_NODE && Is(n, "r")) buf->push_back('\t');
      } else if (Is(c, "br") || Is(c, "cr")) {
        buf->push_back('\n');
      } else if (Is(c, "pPr") || Is(c, "rPr") || Is(c, "del") || Is(c, "Fallback") ||
                 Is(c, "instrText") || Is(c, "delText")) {
        continue;
      } else if (Is(c, "r") && IsVanished(c)) {
        continue;  // hidden text
      } else if (Is(c, "p")) {
        // Paragraphs inside text boxes.
        buf->push_back('\n');
        Runs(c, buf, depth + 1);
        buf->push_back('\n');
      } else {
        Runs(c, buf, depth + 1);  // w:r, w:hyperlink, w:ins, w:smartTag, ...
      }
    }
  }

  void Paragraph(const xmlNode* p) {
    std::string raw;
    Runs(p, &raw, 0);
    AppendLines(&out_->blocks, &cleaner_, raw);
  }

  static bool HasNestedTable(const xmlNode* tbl) {
    for (const xmlNode* tr = tbl->children; tr != nullptr; tr = tr->next) {
      if (!Is(tr, "tr")) continue;
      for (const xmlNode* tc = tr->children; tc != nullptr; tc = tc->next) {
        if (Is(tc, "tc") && Child(tc, "tbl") != nullptr) return true;
      }
    }
    return false;
  }

  std::string CellText(const xmlNode* tc) {
    std::string raw;
    for (const xmlNode* c = tc->children; c != nullptr; c = c->next) {
      if (Is(c, "p")) {
        if (!raw.empty()) raw.push_back('\n');
        Runs(c, &raw, 0);
      } else if (Is(c, "sdt")) {
        if (!raw.empty()) raw.push_back('\n');
        Runs(c, &raw, 0);
      }
    }
    return cleaner_.Clean(raw);
  }

  void Table(const xmlNode* tbl, int depth) {
    if (depth > kMaxDepth) return;
    if (HasNestedTable(tbl)) {
      for (const xmlNode* tr = tbl->children; tr != nullptr; tr = tr->next) {
        if (!Is(tr, "tr")) continue;
        for (const xmlNode* tc = tr->children; tc != nullptr; tc = tc->next) {
          if (Is(tc, "tc")) Container(tc, depth + 1);
        }
      }
      return;
    }
    MergedGridBuilder builder("docx");
    size_t widest = 0;
    for (const xmlNode* tr = tbl->children; tr != nullptr; tr = tr->next) {
      if (!Is(tr, "tr")) continue;
      widest = std::max(widest, static_cast<size_t>(builder.width()));
      // each row holds at most kMaxGridColumns cells; the padded grid must fit
      if (!GridWithinBudget(builder.rows() + 1, std::max<size_t>(widest, 1))) {
        size_t n_rows = 0;
        for (const xmlNode* t = tbl->children; t != nullptr; t = t->next) n_rows += Is(t, "tr");
        out_->notes.push_back(TableTooLargeNote("docx", n_rows, widest));
        return;
      }
      builder.StartRow();
      const xmlNode* trpr = Child(tr, "trPr");
      if (Child(trpr, "gridBefore") != nullptr) builder.PadTo(IntVal(Child(trpr, "gridBefore"), 0));
      for (const xmlNode* tc = tr->children; tc != nullptr; tc = tc->next) {
        if (!Is(tc, "tc")) continue;
        const int col = builder.width();
        if (col >= kMaxGridColumns) break;
        const xmlNode* tcpr = Child(tc, "tcPr");
        const int span = std::min(IntVal(Child(tcpr, "gridSpan"), 1), kMaxGridColumns - col);
        const xmlNode* vmerge = Child(tcpr, "vMerge");
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
  TextCleaner cleaner_;
};

}  // namespace

absl::StatusOr<ReadResult> ReadDocx(std::string_view bytes) {
  absl::StatusOr<std::string> xml = ReadDocumentXml(bytes);
  if (!xml.ok()) return xml.status();
  if (xml->size() > static_cast<size_t>(INT32_MAX)) {
    return absl::InvalidArgumentError("docx: document.xml too large");
  }
  std::unique_ptr<xmlParserCtxt, decltype(&xmlFreeParserCtxt)> ctxt(xmlNewParserCtxt(),
                                                                    &xmlFreeParserCtxt);
  if (ctxt == nullptr) return absl::ResourceExhaustedError("docx: no memory for the XML parser");
  xmlDocPtr doc =
      xmlCtxtReadMemory(ctxt.get(), xml->data(), static_cast<int>(xml->size()), "document.xml",
                        nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == nullptr) {
    // libxml2's own words, e.g. "Excessive depth in document: 256 ..." for
    // content nested deeper than any word processor writes.
    const xmlError* e = xmlCtxtGetLastError(ctxt.get());
    std::string why = e != nullptr && e->message != nullptr
                          ? absl::StrCat(" (line ", e->line, ": ",
                                         absl::StripAsciiWhitespace(e->message), ")")
                          : "";
    return absl::InvalidArgumentError(absl::StrCat(
        "docx: word/document.xml is not well-formed XML", why,
        ": the file is damaged or was not written by a word processor; open it in Word or WPS, "
        "save it again and send that, or send a PDF"));
  }
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> guard(doc, &xmlFreeDoc);
  const xmlNode* root = xmlDocGetRootElement(doc);
  const xmlNode* body = Child(root, "body");
  if (!Is(root, "document") || body == nullptr) {
    return absl::InvalidArgumentError("docx: word/document.xml has no w:document/w:body");
  }
  ReadResult result;
  result.source.set_input_format("docx");
  result.source.set_encoding("UTF-8");
  result.source.set_size_bytes(bytes.size());
  DocxWalker walker(&result);
  walker.Container(body, 0);
  result.script = walker.cleaner().script();
  return result;
}

}  // namespace xxgk::report
