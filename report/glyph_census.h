// Whether the text a PDF file's fonts give is text at all.
//
// A font embedded without a map from its glyphs to characters (no ToUnicode
// table, an Identity encoding, as some Chinese PDF producers write them)
// gives a text layer of glyph numbers taken for character codes: letters of
// Latin, Greek, Cyrillic, Hebrew, Arabic and Indic scripts, control and
// private-use characters, mixed at random, where a report has Chinese. The
// page looks right and its text is garbage, so such a text layer is as good
// as none: the reader notes it like a scan (ReadingNote::NO_TEXT_LAYER).
#ifndef XXGK_REPORT_GLYPH_CENSUS_H_
#define XXGK_REPORT_GLYPH_CENSUS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace xxgk::report {

class GlyphCensus {
 public:
  // Counts the characters of `utf8` (the text of a word as the file gives it).
  void Add(std::string_view utf8);

  // True when the text seen is glyph numbers, not text: at least 50
  // characters, under a fifth of them Chinese, at least a third of them
  // characters no report is written in (control and private-use characters,
  // letters of scripts from Latin Extended to Tibetan), and those spread
  // over four or more Unicode blocks of 128 or mostly control and
  // private-use characters (text in one foreign script is no garbage).
  bool Garbled() const;

  // The first characters of that kind seen (up to 12), to show what the text
  // layer holds.
  const std::string& sample() const { return sample_; }

 private:
  size_t total_ = 0;
  size_t chinese_ = 0;
  size_t odd_ = 0;
  size_t unassigned_ = 0;  // control and private-use characters among odd_
  uint64_t blocks_ = 0;    // bit b: a character of U+b*128..U+b*128+127 (b < 64)
  size_t sampled_ = 0;
  std::string sample_;
};

}  // namespace xxgk::report

#endif  // XXGK_REPORT_GLYPH_CENSUS_H_
