// Label handling shared by table recognition and section finding: numbering
// prefixes (一、 (一) 1. ...), a comparison key for labels that ignores
// numbering, spacing, punctuation and known spelling variants, a fuzzy
// similarity for typos, and the value of a table cell (number / blank / NA /
// text). All functions expect normalised text (report/normalize.h).
#ifndef XXGK_REPORT_LABELS_H_
#define XXGK_REPORT_LABELS_H_

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "unicode/umachine.h"

#include "xxgk/v1/report.pb.h"

namespace xxgk::report {

enum class NumberingStyle {
  kNone,
  kTop,     // 一、 一. 一,  (Chinese numeral followed by a separator)
  kParen,   // (一)
  kArabic,  // 1. 1、 (1)
};

struct Numbering {
  NumberingStyle style = NumberingStyle::kNone;
  std::string written;  // the numeral as written: "二", "(四)", "3"
  int value = 0;        // numeric value, 0 when none
  size_t length = 0;    // bytes of the prefix, including its separator
};

// The numbering at the start of `text` (after leading spaces).
Numbering ParseNumbering(std::string_view text);

// ParseNumbering without `written` (left empty); cheaper (nothing is copied).
Numbering ParseNumberingValue(std::string_view text);

// ParseNumbering(text).length, or 0 when there is no numbering; cheaper (the
// numeral is neither copied nor valued).
size_t NumberingPrefixLength(std::string_view text);

// Value of a Chinese numeral 一..九十九 (also 〇/零/两); 0 when not one.
int ChineseNumeralValue(std::string_view numeral);

// `text` without its numbering prefixes (several may be stacked, e.g.
// "三、(一)"), without spaces, punctuation and symbols; 钩稽 → 勾稽.
std::string LabelKey(std::string_view text);
// Writes LabelKey(text) at `out`, which has room for text.size() bytes (a
// key is never longer than its text); returns the end of what was written.
char* WriteLabelKey(std::string_view text, char* out);
// The same, setting `*sig` to CharSignature of the key written.
char* WriteLabelKey(std::string_view text, char* out, uint64_t* sig);

// One bit per character of `s` (characters hashed to 64 bits): a text holds
// every character of a phrase only if its signature has all the phrase's
// bits, so a phrase search can be skipped on most texts without reading them.
// Bytes are folded as UTF-8 is built (a lead byte, then six bits per
// continuation byte); malformed sequences fold too.
uint64_t CharSignature(std::string_view s);
// The bit of one folded character (or of any other 64-bit value) in such a
// signature: an ASCII byte's is SignatureBit(byte).
inline uint64_t SignatureBit(uint64_t folded) {
  return uint64_t{1} << ((folded * 0x9E3779B97F4A7C15ull) >> 58);
}

// Dice coefficient over character bigrams of two label keys, in [0, 1].
double LabelSimilarity(std::string_view a, std::string_view b);

// A label key prepared once for many LabelSimilarity comparisons.
struct LabelProfile {
  std::vector<UChar32> code_points;  // as CodePoints decodes them
  std::vector<uint64_t> bigrams;     // adjacent code point pairs, sorted
};
LabelProfile MakeLabelProfile(std::string_view key);

// LabelSimilarity of the two keys the profiles were made from.
double LabelSimilarity(const LabelProfile& a, const LabelProfile& b);

// A label's bigrams hashed into 256 bits (labels with a bigram in common
// share a bit), to rule out labels it cannot be similar enough to before a
// profile is made for it (MakeLabelProfile allocates and sorts).
class BigramBits {
 public:
  // From a key's bytes, decoded as MakeLabelProfile decodes them.
  explicit BigramBits(std::string_view key);
  // From the profile of a key.
  explicit BigramBits(const LabelProfile& p);

  // False only when LabelSimilarity of the two labels is below `threshold`.
  // Every bigram the two have in common sets a bit both sets have, so they
  // have no more in common than the bits they share, plus the bigrams that
  // set a bit an earlier bigram of the same label had set.
  static bool MayReach(const BigramBits& a, const BigramBits& b, double threshold) {
    if (a.code_points_ == 0 || b.code_points_ == 0) return threshold <= 0;  // 0
    if (a.code_points_ < 2 || b.code_points_ < 2) return true;  // 1 when equal
    const size_t na = a.code_points_ - 1, nb = b.code_points_ - 1;
    // labels share few bits, counted one by one (a popcount is a library
    // call on the baseline x86-64 this builds for)
    size_t shared = 0;
    for (size_t w = 0; w < kWords; ++w) {
      for (uint64_t x = a.words_[w] & b.words_[w]; x != 0; x &= x - 1) ++shared;
    }
    const size_t common = std::min({shared + std::min(a.repeats_, b.repeats_), na, nb});
    // LabelSimilarity's expression, with at least as many bigrams in common
    return 2.0 * static_cast<double>(common) / static_cast<double>(na + nb) >= threshold;
  }

 private:
  static constexpr size_t kWords = 4;
  void Add(uint64_t bigram);  // a bigram packed as MakeLabelProfile packs it
  size_t code_points_ = 0;
  size_t repeats_ = 0;  // bigrams whose bit was set already
  uint64_t words_[kWords] = {};
};

// Reads a table cell's text into presence/value/unit (raw is set to `text`).
// "" → BLANK; "/", "-", "—", "——", "无" … → NA; "1,234" → NUMBER "1234";
// "12.50万元" → NUMBER "12.50" unit 万元; anything else → TEXT.
xxgk::v1::Cell ParseCellValue(std::string_view text);

// ParseCellValue into `cell`, which is cleared first.
void ParseCellValueInto(std::string_view text, xxgk::v1::Cell* cell);

// ParseCellValueInto for a `cell` known to hold nothing (every field at its
// default, e.g. just created): not cleared first.
void ParseCellValueIntoDefault(std::string_view text, xxgk::v1::Cell* cell);

// The raw text ParseCellValue keeps: `text` without surrounding spaces.
std::string_view CellRawText(std::string_view text);

// True when the cell text is empty, NA or a number (with optional unit).
bool IsValueText(std::string_view text);

// True when `text` is a page's number as printed in its margin: "3",
// "— 3 —", "- 3 -", "第 3 页", "第3页 共8页", "3/8".
bool IsPageNumberText(std::string_view text);

}  // namespace xxgk::report

#endif  // XXGK_REPORT_LABELS_H_
