// OFD reader (GB/T 33190, the fixed-layout format of Chinese e-government;
// libzip + libxml2). OFD.xml names the document's root part; that lists the
// page size, the template pages and the pages; each page's content holds
// layers of text objects. A text object's characters (TextCode) are placed
// on the page with its Boundary, CTM, Size and DeltaX/DeltaY, grouped into
// words, and laid out into lines and tables by PageLayout, as a PDF's words
// are. Text of a template page (running heads, page numbers) is read with
// every page using it. Rotated or skewed text (watermarks, stamps), images,
// paths, annotations and signatures are not read.
#include <libxml/tree.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "report/page_layout.h"
#include "report/readers.h"
#include "report/readers_common.h"
#include "report/refusal.h"
#include "report/utf8.h"
#include "report/zip_xml.h"
#include "unicode/uchar.h"

namespace xxgk::report {
namespace {

constexpr size_t kMaxPartBytes = 64u << 20;    // one part, expanded (zip-bomb guard)
constexpr size_t kMaxTotalBytes = 128u << 20;  // all parts read, expanded
constexpr size_t kMaxPages = 5000;
constexpr int kMaxDepth = 64;                  // nested PageBlocks
constexpr double kPointsPerMm = 72.0 / 25.4;   // OFD measures in millimetres
constexpr double kA4Height = 297;
const char* const kAdvice = ResendAdvice("ofd");

// The whitespace-separated token of `s` at or after `*i` (then past it);
// empty at the end.
std::string_view NextToken(std::string_view s, size_t* i) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (*i < s.size() && blank(s[*i])) ++*i;
  const size_t start = *i;
  while (*i < s.size() && !blank(s[*i])) ++*i;
  return s.substr(start, *i - start);
}

// Whether the whole token is a finite number.
bool ParseNumber(std::string_view t, double* v) {
  auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), *v);
  return ec == std::errc() && end == t.data() + t.size() && std::isfinite(*v);
}

// Whitespace-separated finite numbers; false when a token is anything else.
bool ParseNumbers(std::string_view s, std::vector<double>* out) {
  out->clear();
  size_t i = 0;
  for (std::string_view t = NextToken(s, &i); !t.empty(); t = NextToken(s, &i)) {
    double v = 0;
    if (!ParseNumber(t, &v)) return false;
    out->push_back(v);
  }
  return true;
}

// A box attribute "x y w h"; false unless it holds four numbers.
bool ParseBox(std::string_view s, double box[4]) {
  std::vector<double> v;
  if (!ParseNumbers(s, &v) || v.size() != 4) return false;
  std::copy(v.begin(), v.end(), box);
  return true;
}

// DeltaX / DeltaY: the advances after each character, where "g N v" stands
// for N times v. At most `need` values are expanded; reading stops at the
// first token that is not a number.
std::vector<double> ParseDeltas(std::string_view s, size_t need) {
  std::vector<double> out;
  size_t i = 0;
  while (out.size() < need) {
    std::string_view t = NextToken(s, &i);
    double v = 0;
    if (t == "g") {
      double count = 0;
      if (!ParseNumber(NextToken(s, &i), &count) || !ParseNumber(NextToken(s, &i), &v) ||
          count < 0) {
        break;
      }
      const size_t n = static_cast<size_t>(std::min(count, static_cast<double>(need - out.size())));
      out.insert(out.end(), n, v);
    } else if (ParseNumber(t, &v)) {
      out.push_back(v);
    } else {
      break;  // the end, or not a number
    }
  }
  return out;
}

// A part named by another (DocRoot, BaseLoc): from the package root when the
// name starts with '/', else from `dir`, the naming part's directory; "." and
// ".." steps resolved, never above the root.
std::string ResolvePath(std::string_view dir, std::string_view loc) {
  std::vector<std::string_view> parts;
  auto push = [&parts](std::string_view path) {
    size_t i = 0;
    while (i <= path.size()) {
      size_t slash = path.find_first_of("/\\", i);
      if (slash == std::string_view::npos) slash = path.size();
      std::string_view step = path.substr(i, slash - i);
      if (step == "..") {
        if (!parts.empty()) parts.pop_back();
      } else if (!step.empty() && step != ".") {
        parts.push_back(step);
      }
      i = slash + 1;
    }
  };
  if (loc.empty() || (loc.front() != '/' && loc.front() != '\\')) push(dir);
  push(loc);
  std::string out;
  for (std::string_view p : parts) {
    if (!out.empty()) out.push_back('/');
    out.append(p);
  }
  return out;
}

std::string DirectoryOf(const std::string& part) {
  size_t slash = part.rfind('/');
  return slash == std::string::npos ? "" : part.substr(0, slash);
}

// The affine map of a CTM "a b c d e f": (x, y) → (a x + c y + e, b x + d y + f).
struct Matrix {
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
  double X(double x, double y) const { return a * x + c * y + e; }
  double Y(double x, double y) const { return b * x + d * y + f; }
};

// Collects one page's words, in millimetres from the page area's corner.
class WordCollector {
 public:
  WordCollector(TextCleaner* cleaner, double origin_x, double origin_y,
                std::vector<PlacedWord>* out)
      : cleaner_(cleaner), origin_x_(origin_x), origin_y_(origin_y), out_(out) {}

  // The objects of a Layer or PageBlock.
  void Objects(const xmlNode* container, int depth) {
    if (depth > kMaxDepth) return;
    for (const xmlNode* n = container->children; n != nullptr; n = n->next) {
      if (IsElement(n, "TextObject")) {
        TextObject(n);
      } else if (IsElement(n, "ImageObject")) {
        ++images_;
      } else if (IsElement(n, "PageBlock")) {
        Objects(n, depth + 1);
      }
    }
  }

  // The layers of a page's (or template's) Content element.
  void Content(const xmlNode* page_root) {
    const xmlNode* content = ChildElement(page_root, "Content");
    if (content == nullptr) return;
    for (const xmlNode* layer = content->children; layer != nullptr; layer = layer->next) {
      if (IsElement(layer, "Layer")) Objects(layer, 0);
    }
  }

  // The image objects met so far (a scan's pages, a seal, a logo).
  uint32_t images() const { return images_; }

 private:
  void TextObject(const xmlNode* obj) {
    double box[4];
    if (!ParseBox(Attribute(obj, "Boundary"), box)) return;
    Matrix m;
    bool has_ctm = false;
    std::string ctm = Attribute(obj, "CTM", &has_ctm);
    std::vector<double> v;
    if (has_ctm) {
      if (!ParseNumbers(ctm, &v) || v.size() != 6) return;
      m = Matrix{v[0], v[1], v[2], v[3], v[4], v[5]};
    }
    // Text turned or slanted on the page is a watermark or a stamp, not the
    // report's running text or tables.
    if (std::abs(m.b) + std::abs(m.c) > 0.05 * (std::abs(m.a) + std::abs(m.d)) ||
        m.a <= 0 || m.d <= 0) {
      return;
    }
    if (!ParseNumbers(Attribute(obj, "Size"), &v) || v.size() != 1 || !(v[0] > 0)) return;
    const double size = v[0];
    // Object space → page millimetres: the CTM, then the Boundary's corner.
    dx_ = box[0] - origin_x_;
    dy_ = box[1] - origin_y_;
    m_ = m;
    size_ = size;
    height_ = size * m.d;
    double x = 0, y = 0;
    for (const xmlNode* code = obj->children; code != nullptr; code = code->next) {
      if (!IsElement(code, "TextCode")) continue;
      bool has_x = false, has_y = false;
      std::string sx = Attribute(code, "X", &has_x);
      std::string sy = Attribute(code, "Y", &has_y);
      if (has_x && ParseNumbers(sx, &v) && v.size() == 1) x = v[0];
      if (has_y && ParseNumbers(sy, &v) && v.size() == 1) y = v[0];
      std::vector<UChar32> chars = CodePoints(TextContent(code));
      const size_t need = chars.empty() ? 0 : chars.size() - 1;
      std::vector<double> ax = ParseDeltas(Attribute(code, "DeltaX"), need);
      std::vector<double> ay = ParseDeltas(Attribute(code, "DeltaY"), need);
      for (size_t i = 0; i < chars.size(); ++i) {
        const UChar32 c = chars[i];
        // A glyph is as wide as its advance, up to an em; the last one of a
        // code has no advance: an em for CJK, half of one otherwise.
        const int width = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
        const double natural = size * (width == U_EA_WIDE || width == U_EA_FULLWIDTH ? 1.0 : 0.5);
        const double glyph = i < ax.size() ? std::clamp(ax[i], 0.0, size) : natural;
        if (u_isUWhiteSpace(c) || u_iscntrl(c)) {
          if (!word_.text.empty()) word_.space_after = true;
          Flush();
        } else {
          Place(c, x, y, glyph);
        }
        x += i < ax.size() ? ax[i] : natural;
        y += i < ay.size() ? ay[i] : 0;
      }
      Flush();  // a TextCode is a run of its own
    }
  }

  // Adds the character drawn at (x, y) in object space, `glyph` wide, to the
  // word being built, or starts a new word when it is set apart.
  void Place(UChar32 c, double x, double y, double glyph) {
    const double x0 = dx_ + m_.X(x, y - 0.86 * size_);
    const double x1 = dx_ + m_.X(x + glyph, y + 0.14 * size_);
    const double y0 = dy_ + m_.Y(x, y - 0.86 * size_);
    const double y1 = dy_ + m_.Y(x + glyph, y + 0.14 * size_);
    if (!word_.text.empty() &&
        (x0 - word_.x1 > 0.3 * height_ || word_.x1 - x1 > 0.3 * height_ ||
         std::abs((y0 + y1) - (word_.y0 + word_.y1)) > height_)) {
      Flush();
    }
    if (word_.text.empty()) {
      word_.x0 = x0;
      word_.y0 = y0;
      word_.x1 = x1;
      word_.y1 = y1;
    } else {
      word_.x0 = std::min(word_.x0, x0);
      word_.y0 = std::min(word_.y0, y0);
      word_.x1 = std::max(word_.x1, x1);
      word_.y1 = std::max(word_.y1, y1);
    }
    AppendUtf8(c, &word_.text);
  }

  void Flush() {
    if (!word_.text.empty()) {
      PlacedWord w;
      w.text = cleaner_->Clean(word_.text);
      w.x0 = word_.x0 * kPointsPerMm;
      w.x1 = word_.x1 * kPointsPerMm;
      w.y0 = word_.y0 * kPointsPerMm;
      w.y1 = word_.y1 * kPointsPerMm;
      w.space_after = word_.space_after;
      out_->push_back(std::move(w));
    }
    word_ = PlacedWord();
  }

  TextCleaner* cleaner_;
  double origin_x_, origin_y_;
  std::vector<PlacedWord>* out_;
  uint32_t images_ = 0;
  // The text object being read.
  Matrix m_;
  double dx_ = 0, dy_ = 0, size_ = 0, height_ = 0;
  PlacedWord word_;  // in millimetres until flushed
};

class OfdReader {
 public:
  OfdReader(const ZipPackage& zip, ReadResult* result) : zip_(zip), result_(result) {}

  absl::Status Read() {
    absl::StatusOr<XmlDoc> ofd = Part("OFD.xml");
    if (!ofd.ok()) return ofd.status();
    const xmlNode* root = xmlDocGetRootElement(ofd->get());
    if (!IsElement(root, "OFD")) {
      return absl::InvalidArgumentError(absl::StrCat("ofd: OFD.xml has no ofd:OFD root", kAdvice));
    }
    const xmlNode* body = ChildElement(root, "DocBody");
    const std::string doc_root(
        absl::StripAsciiWhitespace(TextContent(ChildElement(body, "DocRoot"))));
    if (doc_root.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("ofd: OFD.xml names no document (DocBody/DocRoot)", kAdvice));
    }
    int documents = 0;
    for (const xmlNode* n = root->children; n != nullptr; n = n->next) documents += IsElement(n, "DocBody");
    if (documents > 1) {
      Note(0, absl::StrCat("the OFD file holds ", documents,
                           " documents; only the first was read: send each on its own"));
    }
    const std::string doc_path = Locate("", doc_root);
    absl::StatusOr<XmlDoc> document = Part(doc_path);
    if (!document.ok()) return document.status();
    const xmlNode* doc = xmlDocGetRootElement(document->get());
    const std::string doc_dir = DirectoryOf(doc_path);
    const xmlNode* common = ChildElement(doc, "CommonData");
    double area[4] = {0, 0, 210, kA4Height};
    if (!ParseBox(TextContent(ChildElement(ChildElement(common, "PageArea"), "PhysicalBox")), area)) {
      area[0] = area[1] = 0;
      area[2] = 210;
      area[3] = kA4Height;
    }
    for (const xmlNode* n = common ? common->children : nullptr; n != nullptr; n = n->next) {
      if (IsElement(n, "TemplatePage")) {
        templates_[Attribute(n, "ID")].part = Locate(doc_dir, Attribute(n, "BaseLoc"));
      }
    }
    std::vector<std::string> pages;
    size_t page_count = 0;
    for (const xmlNode* n = ChildElement(ChildElement(doc, "Pages"), "Page"); n != nullptr;
         n = n->next) {
      if (!IsElement(n, "Page")) continue;
      if (++page_count <= kMaxPages) pages.push_back(Locate(doc_dir, Attribute(n, "BaseLoc")));
    }
    if (pages.empty()) {
      return absl::InvalidArgumentError(absl::StrCat("ofd: the document has no pages", kAdvice));
    }
    result_->source.set_pages(static_cast<uint32_t>(page_count));
    if (page_count > kMaxPages) {
      Note(kMaxPages + 1, absl::StrCat("the OFD file has ", page_count, " pages; only the first ",
                                       kMaxPages, " were read"));
    }
    PageLayout layout("ofd");
    for (size_t p = 0; p < pages.size(); ++p) {
      const uint32_t number = static_cast<uint32_t>(p + 1);
      absl::StatusOr<XmlDoc> page = Part(pages[p]);
      if (!page.ok()) {
        Note(number, absl::StrCat("page ", number, " could not be read: ", page.status().message()));
        if (over_budget_) break;
        continue;
      }
      const xmlNode* page_root = xmlDocGetRootElement(page->get());
      double box[4] = {area[0], area[1], area[2], area[3]};
      const xmlNode* own = ChildElement(ChildElement(page_root, "Area"), "PhysicalBox");
      if (own != nullptr) ParseBox(TextContent(own), box);
      std::vector<PlacedWord> words;
      WordCollector collector(&cleaner_, box[0], box[1], &words);
      for (const xmlNode* t = page_root ? page_root->children : nullptr; t != nullptr; t = t->next) {
        if (IsElement(t, "Template")) Template(Attribute(t, "TemplateID"), &collector, number);
      }
      if (page_root != nullptr) collector.Content(page_root);
      layout.AddPage(number, box[3] * kPointsPerMm, std::move(words));
      result_->images += collector.images();
    }
    if (!layout.has_text()) {
      Note(0, NoTextLayerMessage("OFD", static_cast<int>(pages.size())), xxgk::v1::ReadingNote::NO_TEXT_LAYER);
    }
    layout.AppendBlocks(&cleaner_, &result_->blocks);
    result_->script = cleaner_.script();
    return absl::OkStatus();
  }

 private:
  // A template page's text, read into `collector`. Each template is parsed
  // once, on first use; one that cannot be read is noted once.
  void Template(const std::string& id, WordCollector* collector, uint32_t page) {
    auto it = templates_.find(id);
    if (it == templates_.end()) return;
    if (it->second.doc == nullptr) {
      absl::StatusOr<XmlDoc> tpl = Part(it->second.part);
      if (!tpl.ok()) {
        Note(page, absl::StrCat("the template of page ", page, " could not be read: ",
                                tpl.status().message()));
        templates_.erase(it);
        return;
      }
      it->second.doc = *std::move(tpl);
    }
    collector->Content(xmlDocGetRootElement(it->second.doc.get()));
  }

  // `loc` as named from a part in `dir`; producers that write names from the
  // package root without a leading '/' are read too.
  std::string Locate(const std::string& dir, const std::string& loc) {
    std::string path = ResolvePath(dir, loc);
    if (!zip_.Has(path)) {
      std::string from_root = ResolvePath("", loc);
      if (zip_.Has(from_root)) return from_root;
    }
    return path;
  }

  absl::StatusOr<XmlDoc> Part(const std::string& path) {
    if (over_budget_) {
      return absl::ResourceExhaustedError(absl::StrCat(
          "the file's parts expand beyond ", kMaxTotalBytes >> 20, " MiB; the rest was not read"));
    }
    absl::StatusOr<std::string> xml = zip_.Read(path, kMaxPartBytes);
    if (!xml.ok()) return xml.status();
    read_bytes_ += xml->size();
    if (read_bytes_ > kMaxTotalBytes) {
      over_budget_ = true;
      return absl::ResourceExhaustedError(absl::StrCat(
          "the file's parts expand beyond ", kMaxTotalBytes >> 20, " MiB; the rest was not read"));
    }
    return ParseXmlPart(*xml, "ofd", path, kAdvice);
  }

  void Note(uint32_t page, std::string message,
            xxgk::v1::ReadingNote::Kind kind = xxgk::v1::ReadingNote::UNREADABLE) {
    xxgk::v1::ReadingNote note;
    note.set_kind(kind);
    note.set_message(std::move(message));
    if (page > 0) note.mutable_span()->set_page(page);
    result_->notes.push_back(std::move(note));
  }

  const ZipPackage& zip_;
  ReadResult* result_;
  TextCleaner cleaner_;
  struct TemplatePage {
    std::string part;
    XmlDoc doc;  // parsed on first use
  };
  std::map<std::string, TemplatePage> templates_;  // by ID
  size_t read_bytes_ = 0;
  bool over_budget_ = false;
};

}  // namespace

absl::StatusOr<ReadResult> ReadOfd(std::string_view bytes) {
  absl::StatusOr<ZipPackage> zip = ZipPackage::Open(bytes, "ofd");
  if (!zip.ok()) return zip.status();
  if (!zip->Has("OFD.xml")) {
    if (zip->Has("word/document.xml")) {
      return absl::InvalidArgumentError(
          "ofd: this is a Word .docx file, not OFD: send it without --input_format, or with "
          "--input_format=docx");
    }
    return absl::InvalidArgumentError(
        "ofd: this zip archive is not an OFD file (it has no OFD.xml): send the report as OFD, "
        "PDF, .docx, HTML or text");
  }
  ReadResult result;
  result.source.set_input_format("ofd");
  result.source.set_encoding("UTF-8");
  result.source.set_size_bytes(bytes.size());
  OfdReader reader(*zip, &result);
  if (absl::Status s = reader.Read(); !s.ok()) return s;
  return result;
}

}  // namespace xxgk::report
