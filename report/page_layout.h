// Text placed on pages → Blocks (lines of running text and tables rebuilt
// from positions), for the readers of fixed-layout formats: PDF and OFD
// extract each page's words with their boxes, PageLayout does the rest.
#ifndef XXGK_REPORT_PAGE_LAYOUT_H_
#define XXGK_REPORT_PAGE_LAYOUT_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "report/blocks.h"
#include "report/readers_common.h"

namespace xxgk::report {

// A word (or a run of glyphs set close together) and its box on its page,
// y growing downwards from the top of the page. Any unit, the same for a
// document's words and page heights; PDF and OFD readers use points.
struct PlacedWord {
  std::string text;  // cleaned (TextCleaner); empty words are dropped
  double x0 = 0, x1 = 0, y0 = 0, y1 = 0;
  bool space_after = false;  // the producer put a space after it
  // It runs past the page's edge and lost what stood beyond: a table cell
  // holding it gets "…" after its text, so that it never reads as a number.
  bool cut = false;
  // The reader split it from a number it was set beside by the glyphs'
  // positions (a gap no digit of one number has): a cell of its own, however
  // narrow the gap.
  bool set_apart = false;
};

class PageLayout {
 public:
  // `source_kind` names the format in the tables' provenance ("pdf", "ofd").
  explicit PageLayout(std::string_view source_kind);
  ~PageLayout();
  PageLayout(const PageLayout&) = delete;
  PageLayout& operator=(const PageLayout&) = delete;

  // Adds the next page (`page` is its 1-based number) with its height. Words
  // with an empty text or a box that is not finite are left out; lines of
  // page numbers in the top or bottom margin too.
  void AddPage(uint32_t page, double height, std::vector<PlacedWord> words);
  // Whether any page added so far had a line of text.
  bool has_text() const;
  // Appends the pages' tables and text lines, in reading order, and forgets
  // them.
  void AppendBlocks(TextCleaner* cleaner, std::vector<Block>* blocks);

 private:
  struct Lines;
  std::string source_kind_;
  std::unique_ptr<Lines> lines_;
};

}  // namespace xxgk::report

#endif  // XXGK_REPORT_PAGE_LAYOUT_H_
