// HTML reader (gumbo): block-level elements become lines, <table>s become
// grids with rowspan/colspan expanded; scripts, styles, navigation and hidden
// elements are skipped. Layout tables (a table holding another table) are read
// as containers so that the data tables inside them keep their shape.
#include <gumbo.h>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/str_cat.h"
#include "re2/re2.h"
#include "report/decode.h"
#include "report/html_nesting.h"
#include "report/labels.h"
#include "report/readers.h"
#include "report/readers_common.h"
#include "report/refusal.h"
#include "report/sections.h"

namespace xxgk::report {
namespace {

constexpr int kMaxDepth = 400;     // deeper subtrees are read as flat text
constexpr size_t kSniffBytes = 4096;

// The charset a <meta charset> or <meta http-equiv content="...; charset=">
// declares near the top of the document, or "".
std::string DeclaredCharset(std::string_view bytes) {
  static const RE2 kMeta(
      R"((?i)<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+))");
  std::string charset;
  re2::StringPiece head(bytes.data(), std::min(bytes.size(), kSniffBytes));
  if (RE2::PartialMatch(head, kMeta, &charset)) return charset;
  return "";
}

// Attached files listed at most (links, embedded viewers).
constexpr size_t kMaxAttachments = 5;

// The file name a URL ends in when it names a document, spreadsheet or
// archive (by its extension), or the one its file= parameter names (a PDF
// viewer's address: viewer.html?file=%2Fu%2Freport.pdf); else "".
std::string AttachedFileName(std::string_view url) {
  auto name_of = [](std::string_view path) -> std::string {
    path = path.substr(0, std::min(path.find('?'), path.find('#')));
    const size_t slash = path.rfind('/');
    const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    const size_t dot = name.rfind('.');
    if (dot == std::string_view::npos) return "";
    const std::string ext = absl::AsciiStrToLower(std::string(name.substr(dot + 1)));
    for (const char* known : {"pdf", "doc", "docx", "wps", "rtf", "ofd", "xls", "xlsx", "et", "zip",
                              "rar", "7z"}) {
      if (ext == known) return std::string(name);
    }
    return "";
  };
  if (std::string name = name_of(url); !name.empty()) return name;
  const size_t query = url.find('?');
  if (query == std::string_view::npos) return "";
  auto hex = [](char c) { return absl::ascii_isdigit(c) ? c - '0' : absl::ascii_tolower(c) - 'a' + 10; };
  for (absl::string_view param :
       absl::StrSplit(absl::string_view(url.data() + query + 1, url.size() - query - 1), '&')) {
    if (!absl::StartsWith(param, "file=")) continue;
    std::string value;  // percent-decoded
    for (size_t i = 5; i < param.size(); ++i) {
      if (param[i] == '%' && i + 2 < param.size() && absl::ascii_isxdigit(param[i + 1]) &&
          absl::ascii_isxdigit(param[i + 2])) {
        value.push_back(static_cast<char>(hex(param[i + 1]) * 16 + hex(param[i + 2])));
        i += 2;
      } else {
        value.push_back(param[i]);
      }
    }
    return name_of(value);
  }
  return "";
}

bool IsSkipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_INPUT:
      return true;
    default:
      return false;
  }
}

// Whether `text` is a date and nothing else (2023-01-20, [2023/01/20],
// (01-20), 2023年1月20日): the digits of one and its separators only.
bool IsDateText(std::string_view text) {
  int digits = 0;
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= '0' && c <= '9') {
      ++digits;
      ++i;
      continue;
    }
    if (c < 0x80) {
      if (std::string_view(" \t\n\r-/.:[]()").find(static_cast<char>(c)) == std::string_view::npos) {
        return false;
      }
      ++i;
      continue;
    }
    bool known = false;
    for (std::string_view w : {"年", "月", "日", "\xC2\xA0", "【", "】", "（", "）"}) {
      if (text.substr(i, w.size()) == w) {
        i += w.size();
        known = true;
        break;
      }
    }
    if (!known) return false;
  }
  return digits >= 4;
}

// Whether `text` holds more than ASCII blanks and no-break spaces.
bool HasVisibleText(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') continue;
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      ++i;
      continue;
    }
    return true;
  }
  return false;
}

// The text of the page's <title> (in <head>, where gumbo always puts it),
// with its offset in the decoded page; empty when there is none.
std::string_view PageTitle(const GumboNode* document, size_t* offset) {
  const GumboNode* html = nullptr;
  for (unsigned i = 0; i < document->v.document.children.length && html == nullptr; ++i) {
    const auto* n = static_cast<const GumboNode*>(document->v.document.children.data[i]);
    if (n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == GUMBO_TAG_HTML) html = n;
  }
  if (html == nullptr) return {};
  for (unsigned i = 0; i < html->v.element.children.length; ++i) {
    const auto* head = static_cast<const GumboNode*>(html->v.element.children.data[i]);
    if (head->type != GUMBO_NODE_ELEMENT || head->v.element.tag != GUMBO_TAG_HEAD) continue;
    for (unsigned j = 0; j < head->v.element.children.length; ++j) {
      const auto* t = static_cast<const GumboNode*>(head->v.element.children.data[j]);
      if (t->type != GUMBO_NODE_ELEMENT || t->v.element.tag != GUMBO_TAG_TITLE ||
          t->v.element.children.length == 0) {
        continue;
      }
      const auto* text = static_cast<const GumboNode*>(t->v.element.children.data[0]);
      if (text->type != GUMBO_NODE_TEXT) return {};
      *offset = text->v.text.start_pos.offset;
      return text->v.text.text;
    }
  }
  return {};
}

// A page whose body never states the report's title (many portals show it
// only in the window title, or in a banner image) has it read from <title>:
// the part up to the last 报告 or 年报, a portal's "_网站名" suffix dropped,
// as a first line, when no line near the top of the body holds it already.
void AddPageTitle(const GumboNode* document, TextCleaner* cleaner, ReadResult* result) {
  size_t offset = 0;
  const std::string_view raw = PageTitle(document, &offset);
  if (raw.empty()) return;
  std::string title = cleaner->Clean(raw);
  size_t end = std::string::npos;
  for (std::string_view word : {std::string_view("报告"), std::string_view("年报")}) {
    const size_t at = title.rfind(word);
    if (at != std::string::npos && (end == std::string::npos || at + word.size() > end)) {
      end = at + word.size();
    }
  }
  if (end == std::string::npos || end > 240) return;
  title.resize(end);
  // Not when a line near the top holds it already, unless a line before
  // that names another report (a sidebar entry the reader kept, such as
  // 某县2022年…年度报告 阅读次数:120), which would be taken for the title.
  constexpr size_t kTopLines = 15;
  size_t lines = 0;
  bool other_report_before = false;
  for (const Block& b : result->blocks) {
    if (b.kind != Block::Kind::kLine) continue;
    if (b.text.find(title) != std::string::npos) {
      if (!other_report_before) return;
      break;
    }
    other_report_before = other_report_before || b.text.find("年度报告") != std::string::npos ||
                          b.text.find("年报") != std::string::npos;
    if (++lines == kTopLines) break;
  }
  Block line;
  line.text = std::move(title);
  line.source_begin = static_cast<uint32_t>(offset);
  line.source_end = static_cast<uint32_t>(offset + raw.size());
  result->blocks.insert(result->blocks.begin(), std::move(line));
}

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_HTML:
      return true;
    default:
      return false;
  }
}

bool IsHidden(const GumboElement& el) {
  if (gumbo_get_attribute(&el.attributes, "hidden") != nullptr) return true;
  const GumboAttribute* style = gumbo_get_attribute(&el.attributes, "style");
  if (style == nullptr) return false;
  std::string s;
  for (const char* p = style->value; *p != '\0'; ++p) {
    if (!absl::ascii_isspace(static_cast<unsigned char>(*p))) {
      s.push_back(absl::ascii_tolower(static_cast<unsigned char>(*p)));
    }
  }
  return s.find("display:none") != std::string::npos ||
         s.find("visibility:hidden") != std::string::npos;
}

int SpanAttribute(const GumboElement& el, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&el.attributes, name);
  if (a == nullptr) return 1;
  // rowspan and colspan are clamped again (to the budget) by ExpandSpans
  return ParseSpan(a->value, 1, 65534);
}

struct Range {
  uint32_t begin = UINT32_MAX;
  uint32_t end = 0;
  void Add(uint32_t b, uint32_t e) {
    begin = std::min(begin, b);
    end = std::max(end, e);
  }
  uint32_t Begin() const { return begin == UINT32_MAX ? 0 : begin; }
};

bool ContainsTable(const GumboNode* node, int depth) {
  if (node->type != GUMBO_NODE_ELEMENT || depth > kMaxDepth) return false;
  const GumboVector& kids = node->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) {
    const GumboNode* k = static_cast<const GumboNode*>(kids.data[i]);
    if (k->type != GUMBO_NODE_ELEMENT) continue;
    if (k->v.element.tag == GUMBO_TAG_TABLE) return true;
    if (ContainsTable(k, depth + 1)) return true;
  }
  return false;
}

class HtmlWalker {
 public:
  explicit HtmlWalker(ReadResult* out) : out_(out) {}

  void Walk(const GumboNode* node, int depth) {
    switch (node->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
        if (node->type != GUMBO_NODE_WHITESPACE && HasVisibleText(node->v.text.text)) {
          if (in_link_ > 0) {
            line_has_link_ = true;
          } else if (!IsDateText(node->v.text.text)) {
            line_has_plain_ = true;
          }
        }
        AddText(node->v.text, &line_, &line_range_);
        return;
      case GUMBO_NODE_DOCUMENT:
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE:
        break;
      default:
        return;
    }
    const GumboVector* kids = nullptr;
    if (node->type == GUMBO_NODE_DOCUMENT) {
      kids = &node->v.document.children;
    } else {
      const GumboElement& el = node->v.element;
      if (el.tag == GUMBO_TAG_IFRAME || el.tag == GUMBO_TAG_EMBED || el.tag == GUMBO_TAG_OBJECT) {
        NoteEmbedded(el);
      }
      if (IsSkipped(el.tag) || IsHidden(el)) return;
      if (el.tag == GUMBO_TAG_TABLE && !ContainsTable(node, depth)) {
        Flush();
        ReadTable(node, depth);
        return;
      }
      if (el.tag == GUMBO_TAG_BR || IsBlock(el.tag)) Flush();
      if (el.tag == GUMBO_TAG_IMG) ++out_->images;
      if (el.tag == GUMBO_TAG_A) NoteAttachment(el);
      kids = &el.children;
    }
    const bool link = node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == GUMBO_TAG_A &&
                      gumbo_get_attribute(&node->v.element.attributes, "href") != nullptr;
    in_link_ += link ? 1 : 0;
    if (depth > kMaxDepth) {
      line_has_plain_ = true;
      FlatText(node, &line_, &line_range_);
    } else {
      for (unsigned i = 0; i < kids->length; ++i) {
        Walk(static_cast<const GumboNode*>(kids->data[i]), depth + 1);
      }
    }
    in_link_ -= link ? 1 : 0;
    if (node->type == GUMBO_NODE_ELEMENT && IsBlock(node->v.element.tag)) Flush();
  }

  // Ends the current line. A line whose every visible character is link
  // text, dates aside (a sidebar's list of other years' reports, each with
  // its date; a menu; a table of contents), is the page's navigation, not
  // the report: dropped, so that its titles and years are not read as this
  // report's. A part's heading made a link (some pages make headings
  // clickable) is kept: losing a heading costs a whole part.
  void Flush() {
    const bool links_only = line_has_link_ && !line_has_plain_;
    line_has_link_ = line_has_plain_ = false;
    std::string text = cleaner_.Clean(line_);
    if (!links_only || IsSectionHeadingLine(text)) {
      AppendLine(&out_->blocks, std::move(text), 0, line_range_.Begin(), line_range_.end);
    }
    line_.clear();
    line_range_ = Range();
  }

  TextCleaner& cleaner() { return cleaner_; }

  // A link to an attached file (a document, spreadsheet or archive), by its
  // text, or the file name its address ends in when it has none.
  void NoteAttachment(const GumboElement& a) {
    const GumboAttribute* href = gumbo_get_attribute(&a.attributes, "href");
    if (href == nullptr || out_->attachments.size() >= kMaxAttachments) return;
    std::string name = AttachedFileName(href->value);
    if (name.empty()) return;
    std::string text;
    Range ignored;
    for (unsigned i = 0; i < a.children.length; ++i) {
      FlatText(static_cast<const GumboNode*>(a.children.data[i]), &text, &ignored);
    }
    TextCleaner own;  // the page's script counts see the link's text once, when walked
    text = own.Clean(text);
    out_->attachments.push_back(text.empty() ? std::move(name) : std::move(text));
  }

  // A document shown inside the page (an <iframe>, <embed> or <object>,
  // often a PDF viewer given the file as ?file=...), by its file name.
  void NoteEmbedded(const GumboElement& el) {
    if (out_->attachments.size() >= kMaxAttachments) return;
    for (const char* attr : {"src", "data"}) {
      const GumboAttribute* a = gumbo_get_attribute(&el.attributes, attr);
      if (a == nullptr) continue;
      if (std::string name = AttachedFileName(a->value); !name.empty()) {
        out_->attachments.push_back(std::move(name));
        return;
      }
    }
  }

 private:
  static void AddText(const GumboText& t, std::string* buf, Range* range) {
    buf->append(t.text);
    range->Add(static_cast<uint32_t>(t.start_pos.offset),
               static_cast<uint32_t>(t.start_pos.offset + t.original_text.length));
  }

  // Text of a subtree; block boundaries become newlines (spaces after
  // cleaning). Iterative so that hostile nesting cannot exhaust the stack.
  static void FlatText(const GumboNode* root, std::string* buf, Range* range) {
    std::vector<const GumboNode*> stack = {root};
    while (!stack.empty()) {
      const GumboNode* n = stack.back();
      stack.pop_back();
      if (n == nullptr) {
        buf->push_back('\n');
        continue;
      }
      if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA ||
          n->type == GUMBO_NODE_WHITESPACE) {
        AddText(n->v.text, buf, range);
        continue;
      }
      if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE) continue;
      const GumboElement& el = n->v.element;
      if (IsSkipped(el.tag) || IsHidden(el)) continue;
      const bool block = IsBlock(el.tag);
      if (block) {
        buf->push_back('\n');
        stack.push_back(nullptr);  // newline after the children
      }
      for (unsigned i = el.children.length; i > 0; --i) {
        stack.push_back(static_cast<const GumboNode*>(el.children.data[i - 1]));
      }
    }
  }

  // The value a form field in a table cell shows: a report page rendered by
  // a filing system has its statistics in <input value="12"> boxes, which
  // a browser shows and the page's text lacks. Only a text or number box
  // holding a number or an NA mark counts, so that no search box's prompt
  // is ever read. Empty when the cell holds none.
  static std::string FieldValue(const GumboNode* cell) {
    constexpr size_t kMaxNodes = 256;  // a cell, not a page
    std::vector<const GumboNode*> stack = {cell};
    for (size_t visited = 0; !stack.empty() && visited < kMaxNodes; ++visited) {
      const GumboNode* n = stack.back();
      stack.pop_back();
      if (n->type != GUMBO_NODE_ELEMENT) continue;
      const GumboElement& el = n->v.element;
      if (IsHidden(el) || el.tag == GUMBO_TAG_TABLE) continue;
      if (el.tag == GUMBO_TAG_INPUT) {
        const GumboAttribute* type = gumbo_get_attribute(&el.attributes, "type");
        const GumboAttribute* value = gumbo_get_attribute(&el.attributes, "value");
        const bool shown = type == nullptr || absl::EqualsIgnoreCase(type->value, "text") ||
                           absl::EqualsIgnoreCase(type->value, "number");
        if (!shown || value == nullptr) continue;
        const std::string v(absl::StripAsciiWhitespace(value->value));
        if (!v.empty() && IsValueText(v)) return v;
        continue;
      }
      for (unsigned i = el.children.length; i > 0; --i) {
        stack.push_back(static_cast<const GumboNode*>(el.children.data[i - 1]));
      }
    }
    return "";
  }

  void CollectRows(const GumboNode* node, std::vector<const GumboNode*>* rows,
                   std::string* caption, Range* caption_range) {
    const GumboVector& kids = node->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      const GumboNode* k = static_cast<const GumboNode*>(kids.data[i]);
      if (k->type != GUMBO_NODE_ELEMENT || IsHidden(k->v.element)) continue;
      switch (k->v.element.tag) {
        case GUMBO_TAG_TR:
          rows->push_back(k);
          break;
        case GUMBO_TAG_THEAD:
        case GUMBO_TAG_TBODY:
        case GUMBO_TAG_TFOOT:
          CollectRows(k, rows, caption, caption_range);
          break;
        case GUMBO_TAG_CAPTION: {
          Range r;
          std::string raw;
          FlatText(k, &raw, &r);
          *caption = cleaner_.Clean(raw);
          *caption_range = r;
          break;
        }
        default:
          break;
      }
    }
  }

  void ReadTable(const GumboNode* table, int /*depth*/) {
    std::vector<const GumboNode*> trs;
    std::string caption;
    Range caption_range;
    CollectRows(table, &trs, &caption, &caption_range);
    std::vector<std::vector<SpanCell>> rows;
    rows.reserve(trs.size());
    for (const GumboNode* tr : trs) {
      std::vector<SpanCell>& row = rows.emplace_back();
      const GumboVector& kids = tr->v.element.children;
      for (unsigned i = 0; i < kids.length; ++i) {
        const GumboNode* k = static_cast<const GumboNode*>(kids.data[i]);
        if (k->type != GUMBO_NODE_ELEMENT) continue;
        const GumboElement& el = k->v.element;
        if (el.tag != GUMBO_TAG_TD && el.tag != GUMBO_TAG_TH) continue;
        if (IsHidden(el)) continue;
        SpanCell cell;
        std::string raw;
        Range r;
        FlatText(k, &raw, &r);
        if (std::string field = FieldValue(k); !field.empty()) raw = field + " " + raw;
        cell.text = cleaner_.Clean(raw);
        cell.row_span = SpanAttribute(el, "rowspan");
        cell.col_span = SpanAttribute(el, "colspan");
        cell.source_begin = static_cast<uint32_t>(el.start_pos.offset);
        cell.source_end = static_cast<uint32_t>(el.end_pos.offset);
        row.push_back(std::move(cell));
      }
    }
    // Drop rows with no cells at all (<tr></tr>): they carry nothing.
    rows.erase(std::remove_if(rows.begin(), rows.end(),
                              [](const std::vector<SpanCell>& r) { return r.empty(); }),
               rows.end());
    if (rows.empty()) return;
    std::optional<Block> b = SpanTableBlock(rows, "html", &out_->notes);
    if (!b.has_value()) return;
    // A <caption> is the table's own: in no line (a part heading set as one
    // is lifted into a line of its own when the report is assembled:
    // LiftPartHeadings)
    if (caption.empty()) {
      b->table.caption = LastLineText(out_->blocks);
    } else {
      b->table.caption = std::move(caption);
      b->table.caption_own = true;
      b->table.caption_begin = caption_range.Begin();
      b->table.caption_end = caption_range.end;
    }
    b->source_begin = static_cast<uint32_t>(table->v.element.start_pos.offset);
    b->source_end = static_cast<uint32_t>(table->v.element.end_pos.offset);
    out_->blocks.push_back(*std::move(b));
  }

  ReadResult* out_;
  TextCleaner cleaner_;
  std::string line_;
  Range line_range_;
  int in_link_ = 0;              // open <a href> elements around the walk
  bool line_has_link_ = false;   // the current line has visible text inside a link
  bool line_has_plain_ = false;  // ... and outside one
};

}  // namespace

absl::StatusOr<ReadResult> ReadHtml(std::string_view bytes, std::string_view charset) {
  absl::StatusOr<Decoded> decoded =
      DecodeBytes(bytes, charset.empty() ? DeclaredCharset(bytes) : std::string(charset));
  if (!decoded.ok()) return decoded.status();
  ReadResult result;
  result.source.set_input_format("html");
  result.source.set_encoding(decoded->encoding);
  result.source.set_size_bytes(bytes.size());
  result.notes = std::move(decoded->notes);
  if (const size_t peak = PeakOpenHtmlElements(decoded->utf8); peak > kMaxOpenHtmlElements) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the page has ", peak, " elements open at once (nested inside each other or never "
        "closed; report pages nest a few dozen deep), too many to read in reasonable time: "
        "save the report as text, .docx or PDF and send that"));
  }

  // gumbo keeps a record of every parse error unless told not to; nothing
  // reads them, and a sloppy page has one per misnested tag.
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  GumboOutput* output =
      gumbo_parse_with_options(&options, decoded->utf8.data(), decoded->utf8.size());
  if (output == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat("the HTML could not be parsed", ResendAdvice("html")));
  }
  HtmlWalker walker(&result);
  walker.Walk(output->document, 0);
  walker.Flush();
  AddPageTitle(output->document, &walker.cleaner(), &result);
  gumbo_destroy_output(&options, output);
  result.script = walker.cleaner().script();
  return result;
}

}  // namespace xxgk::report
