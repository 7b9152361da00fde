// PDF reader (poppler-cpp): the words of each page with their boxes, laid out
// into lines and tables by PageLayout (report/page_layout.h).
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "re2/re2.h"
#include "report/glyph_census.h"
#include "report/page_layout.h"
#include "report/readers.h"
#include "report/readers_common.h"
#include "report/refusal.h"

namespace xxgk::report {
namespace {

constexpr int kMaxPages = 5000;

void IgnorePopplerMessages(const std::string&, void*) {}

// Some producers (Chromium's PDF printing among them) set Chinese text in
// a font of twice the size scaled down by half, and the word boxes poppler
// reports keep the unscaled height: two or three lines tall, so that lines
// overlap and table rows run together. The width tells the size the text
// is really set in (a Chinese character is one em wide, any other about
// half; counted only in words that hold a Chinese one, as Latin letters
// differ too much in width). A box over 1.8 em tall (a font's box is about
// 1.3 em) is fitted to 1.3 em, keeping its baseline (about a fifth of the
// box above its bottom). The size poppler would report is not asked for:
// looking fonts up costs time and leaves fontconfig's allocations behind.
void FitInflatedHeight(std::string_view text, double width, double* y0, double* y1) {
  if (!(width > 0)) return;
  double ems = 0;
  bool wide = false;
  for (size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    const size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    wide = wide || len >= 3;
    ems += len >= 3 ? 1.0 : 0.5;
    i += len;
  }
  if (!wide) return;
  const double em = width / ems;
  const double h = *y1 - *y0;
  if (!(h > 1.8 * em)) return;
  const double fitted = 1.3 * em;
  const double base = *y1 - 0.2 * h;
  *y1 = base + 0.2 * fitted;
  *y0 = *y1 - fitted;
}

// A page's words whose box runs past its right edge (by more than a font's
// side bearing): a viewer shows them cut there, and poppler drops the glyphs
// that start beyond it, so "215" reads "21". A number cut so is marked
// (PlacedWord::cut: a table cell holding it is read as text, never as a
// smaller number) and counted in one note per page.
class EdgeCuts {
 public:
  explicit EdgeCuts(double right) : right_(right) {}

  void Mark(PlacedWord* w) {
    constexpr double kSlack = 0.5;  // points
    if (!(w->x1 > right_ + kSlack) || !(w->x0 < right_) || w->text.empty()) return;
    const char last = w->text.back();
    if (last < '0' || last > '9') return;
    if (cut_ == 0) first_ = w->text;
    ++cut_;
    w->cut = true;
  }

  void Note(int page, std::vector<xxgk::v1::ReadingNote>* notes) const {
    if (cut_ == 0) return;
    xxgk::v1::ReadingNote note;
    note.set_kind(xxgk::v1::ReadingNote::CUT_AT_EDGE);
    note.set_message(absl::StrCat(
        "page ", page, ": ", cut_, cut_ == 1 ? " number runs" : " numbers run",
        " past the page's right edge and ", cut_ == 1 ? "is" : "are",
        " cut off there (the first shows as ", first_,
        "), so none is read as a number; fit the table to the page and publish it again"));
    note.set_excerpt(first_);
    note.mutable_span()->set_page(static_cast<uint32_t>(page));
    notes->push_back(std::move(note));
  }

 private:
  double right_;
  int cut_ = 0;
  std::string first_;
};

// A word of digits only that is really digits set apart, as the values of
// neighbouring cells are: poppler joins glyphs a few points apart into one
// word, so three cells of 0 in a cramped table read "000". A character's
// box reaches to the next character, so a digit followed by a gap has a
// box wider than a digit; the narrowest box in the word (the last one's
// reaches no further) is a digit's width. The digits of one number stand
// flush (fonts set them at one width), so a box wider than that by a tenth
// of the digits' height (about 1 pt at 10 pt; 1 px padding and a border
// make 2 pt) ends a piece. The pieces, each with its extent and marked
// set_apart so that page_layout.cc takes them for cells however narrow the
// gap; none when the word is no such run.
struct DigitPiece {
  size_t begin, end;
  double x0, x1;
};

std::vector<DigitPiece> SpacedDigits(const poppler::text_box& box, std::string_view raw) {
  std::vector<DigitPiece> pieces;
  if (raw.size() < 2 || !std::all_of(raw.begin(), raw.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return pieces;
  }
  std::vector<poppler::rectf> chars;
  chars.reserve(raw.size());
  double digit = 1e18;
  for (size_t i = 0; i < raw.size(); ++i) {
    chars.push_back(box.char_bbox(i));
    digit = std::min(digit, chars.back().width());
  }
  size_t begin = 0;
  for (size_t i = 0; i < raw.size(); ++i) {
    const bool last = i + 1 == raw.size();
    if (last || (chars[i].height() > 0 && chars[i].width() - digit > 0.1 * chars[i].height())) {
      pieces.push_back({begin, i + 1, chars[begin].x(), chars[i].x() + digit});
      begin = i + 1;
    }
  }
  if (pieces.size() == 1) pieces.clear();  // one number
  return pieces;
}

// How many times `re` matches in `bytes`.
size_t CountMatches(std::string_view bytes, const RE2& re) {
  re2::StringPiece rest(bytes.data(), bytes.size());
  size_t n = 0;
  while (RE2::FindAndConsume(&rest, re)) ++n;
  return n;
}

// The pictures the file holds: its image XObjects, less the soft masks (an
// image's transparency, itself an image) that other images refer to. An
// image is a stream, and a stream never sits inside a compressed object
// stream, so every image's dictionary stands in the file as written
// (encryption leaves dictionaries plain too). Images drawn inline in a
// content stream are not counted; scanners and printers write XObjects.
uint32_t CountPictures(std::string_view bytes) {
  static const RE2::Options* const kBytes = [] {
    auto* o = new RE2::Options;
    o->set_encoding(RE2::Options::EncodingLatin1);  // a PDF is bytes, not UTF-8
    return o;
  }();
  // PDF white space is NUL, tab, LF, FF, CR and space; a name ends at white
  // space or a delimiter (/ImageMask and the ProcSet's /ImageB are others)
  static const RE2 kImage(
      R"(/Subtype[\x00\t\n\f\r ]*/Image(?:[\x00\t\n\f\r /<>\[\]()]|$))", *kBytes);
  static const RE2 kSoftMask(R"(/SMask[\x00\t\n\f\r ]+\d+[\x00\t\n\f\r ]+\d+[\x00\t\n\f\r ]+R)",
                             *kBytes);
  const size_t images = CountMatches(bytes, kImage);
  if (images == 0) return 0;
  const size_t masks = CountMatches(bytes, kSoftMask);
  // at least one picture whatever the references say: an ExtGState's mask
  // may be referred to the same way
  return static_cast<uint32_t>(
      std::min<size_t>(images > masks ? images - masks : 1, UINT32_MAX));
}

}  // namespace

absl::StatusOr<ReadResult> ReadPdf(std::string_view bytes) {
  static std::once_flag quiet;
  std::call_once(quiet, [] { poppler::set_debug_error_function(IgnorePopplerMessages, nullptr); });
  if (bytes.size() > static_cast<size_t>(INT32_MAX)) {
    return absl::InvalidArgumentError(
        "pdf: the file is over 2 GiB, far more than any report: send the report itself");
  }
  std::unique_ptr<poppler::document> doc;
  try {
    doc.reset(poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  } catch (...) {
    doc.reset();
  }
  if (doc == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat("pdf: not a PDF, or damaged beyond reading", ResendAdvice("pdf")));
  }
  if (doc->is_locked()) {
    return absl::InvalidArgumentError(
        "pdf: the document is password-protected: remove the password (or print it to a new PDF), "
        "save it again and send that");
  }
  const int pages = doc->pages();
  if (pages <= 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("pdf: the document has no pages", ResendAdvice("pdf")));
  }
  ReadResult result;
  result.source.set_input_format("pdf");
  result.source.set_encoding("UTF-8");
  result.source.set_size_bytes(bytes.size());
  result.source.set_pages(static_cast<uint32_t>(pages));
  TextCleaner cleaner;

  if (pages > kMaxPages) {
    xxgk::v1::ReadingNote note;
    note.set_kind(xxgk::v1::ReadingNote::UNREADABLE);
    note.set_message(absl::StrCat("the PDF has ", pages, " pages; only the first ", kMaxPages,
                                  " were read"));
    note.mutable_span()->set_page(kMaxPages + 1);
    result.notes.push_back(std::move(note));
  }
  PageLayout layout("pdf");
  GlyphCensus census;
  for (int p = 0; p < std::min(pages, kMaxPages); ++p) {
    std::unique_ptr<poppler::page> page;
    std::vector<poppler::text_box> boxes;
    double height = 842, right = 0;
    try {
      page.reset(doc->create_page(p));
      if (page == nullptr) continue;
      const poppler::rectf box = page->page_rect();
      height = box.height();
      right = box.x() + box.width();
      boxes = page->text_list();
    } catch (...) {
      xxgk::v1::ReadingNote note;
      note.set_kind(xxgk::v1::ReadingNote::UNREADABLE);
      note.set_message(absl::StrCat("page ", p + 1, " could not be read"));
      note.mutable_span()->set_page(p + 1);
      result.notes.push_back(std::move(note));
      continue;
    }
    std::vector<PlacedWord> words;
    words.reserve(boxes.size());
    EdgeCuts cuts(right);
    for (const poppler::text_box& box : boxes) {
      poppler::byte_array utf8 = box.text().to_utf8();
      PlacedWord w;
      const std::string_view raw(utf8.data(), utf8.size());
      census.Add(raw);
      w.text = cleaner.Clean(raw);
      poppler::rectf r = box.bbox();
      w.x0 = r.x();
      w.x1 = r.x() + r.width();
      w.y0 = r.y();
      w.y1 = r.y() + r.height();
      // the glyphs as set: the cleaner folds full-width forms (（一）) to
      // half-width ones, which would make an em look larger than it is
      FitInflatedHeight(raw, r.width(), &w.y0, &w.y1);
      w.space_after = box.has_space_after();
      const std::vector<DigitPiece> pieces = SpacedDigits(box, raw);
      for (const DigitPiece& p : pieces) {
        PlacedWord piece = w;
        piece.text.assign(raw.substr(p.begin, p.end - p.begin));
        piece.x0 = p.x0;
        piece.x1 = p.x1;
        if (p.end < raw.size()) piece.space_after = true;
        piece.set_apart = true;
        cuts.Mark(&piece);
        words.push_back(std::move(piece));
      }
      if (!pieces.empty()) continue;
      cuts.Mark(&w);
      words.push_back(std::move(w));
    }
    cuts.Note(p + 1, &result.notes);
    layout.AddPage(static_cast<uint32_t>(p + 1), height, std::move(words));
  }

  if (!layout.has_text()) {
    xxgk::v1::ReadingNote note;
    note.set_kind(xxgk::v1::ReadingNote::NO_TEXT_LAYER);
    note.set_message(NoTextLayerMessage("PDF", std::min(pages, kMaxPages)));
    result.notes.push_back(std::move(note));
  } else if (census.Garbled()) {
    xxgk::v1::ReadingNote note;
    note.set_kind(xxgk::v1::ReadingNote::NO_TEXT_LAYER);
    note.set_message(GarbledTextLayerMessage("PDF"));
    note.set_excerpt(census.sample());
    result.notes.push_back(std::move(note));
  }
  result.images = CountPictures(bytes);
  layout.AppendBlocks(&cleaner, &result.blocks);
  result.script = cleaner.script();
  return result;
}

}  // namespace xxgk::report
