// UnwrapFixedWidth (report/mapped_text.h): hard-wrapped plain text joined again.
#include "report/mapped_text.h"

#include <algorithm>
#include <cstring>

namespace xxgk::report {
namespace {

struct LineLength {
  size_t begin, end;  // bytes of the line, without its break
  size_t chars = 0, columns = 0;
  bool border = false;  // a drawn table's row (IsBorderedRow)
};

constexpr size_t kMaxWidth = 160;

// Whether `lengths` show a cut at their maximum (`slack`: also one less).
bool CutAt(const std::vector<size_t>& lengths, size_t slack, size_t* width) {
  const size_t max = lengths.empty() ? 0 : *std::max_element(lengths.begin(), lengths.end());
  if (max < 20 || max > 2 * kMaxWidth) return false;
  size_t at = 0, long_lines = 0;
  for (size_t n : lengths) {
    if (2 * n >= max) ++long_lines;
    if (n + slack >= max) ++at;
  }
  if (at < 5 || 5 * at < long_lines) return false;
  *width = max;
  return true;
}

// How many bytes of `m` have their high bit set (a sum of the bytes' bits
// by multiplication: no popcount instruction needed).
size_t HighBits(uint64_t m) {
  return static_cast<size_t>((((m & 0x8080808080808080ULL) >> 7) * 0x0101010101010101ULL) >> 56);
}

// Characters and display columns of `s`, counted by lead bytes eight at a
// time: a character from U+3000 (lead byte 0xE3 or above: CJK punctuation,
// kana, ideographs, Hangul, full-width forms, and beyond the BMP) is two
// columns wide, any other one (dashes and quotes of ambiguous width too, as
// wrapping tools count them).
void Count(std::string_view s, size_t* chars, size_t* columns) {
  size_t continuation = 0, wide = 0, i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t x;
    std::memcpy(&x, s.data() + i, 8);
    // 10xxxxxx: bit 7 set, bit 6 clear. At least 0xE3: 111xxxxx, less
    // 111000xx (0xE0..0xE3), plus 11100011 (0xE3).
    continuation += HighBits(x & ~(x << 1));
    const uint64_t top3 = x & (x << 1) & (x << 2);
    const uint64_t e0_e3 = top3 & ~(x << 3) & ~(x << 4) & ~(x << 5);
    wide += HighBits(top3) - HighBits(e0_e3) + HighBits(e0_e3 & (x << 6) & (x << 7));
  }
  for (; i < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    continuation += (b & 0xC0) == 0x80;
    wide += b >= 0xE3;
  }
  *chars = s.size() - continuation;
  *columns = *chars + wide;
}

// A row of a drawn table starts and ends at its border ('|', or '+' at a
// rule's corner). Such rows padded to one width are as long as each other,
// like lines a tool cut, but were not cut: they are no evidence of a cut.
// (A cut line starts and ends with a border only by chance.)
bool IsBorderedRow(std::string_view utf8, const LineLength& l) {
  size_t b = l.begin, e = l.end;
  while (b < e && (utf8[b] == ' ' || utf8[b] == '\t')) ++b;
  while (e > b && (utf8[e - 1] == ' ' || utf8[e - 1] == '\t')) --e;
  auto border = [](char c) { return c == '|' || c == '+'; };
  return e - b >= 2 && border(utf8[b]) && border(utf8[e - 1]);
}

bool StartsWide(std::string_view utf8, const LineLength& l) {
  return l.end > l.begin && static_cast<unsigned char>(utf8[l.begin]) >= 0xE3;
}

}  // namespace

bool UnwrapFixedWidth(std::string_view utf8, MappedText* out) {
  // Tools wrap at some dozens of characters; a line over kMaxWidth
  // characters (more than four bytes each cannot be) says the text was not
  // cut, and most text as written has one: it is looked at no further.
  for (size_t begin = 0;;) {
    size_t end = utf8.find('\n', begin);
    if (end == std::string_view::npos) end = utf8.size();
    if (end - begin > 4 * kMaxWidth) return false;
    if (end == utf8.size()) break;
    begin = end + 1;
  }
  std::vector<LineLength> lines;
  size_t longest = 0;  // bytes
  for (size_t begin = 0;;) {
    size_t end = utf8.find('\n', begin);
    if (end == std::string_view::npos) end = utf8.size();
    LineLength l{begin, end};
    if (l.end > l.begin && utf8[l.end - 1] == '\r') --l.end;
    l.border = IsBorderedRow(utf8, l);
    if (!l.border) longest = std::max(longest, l.end - l.begin);
    lines.push_back(l);
    if (end == utf8.size()) break;
    begin = end + 1;
  }
  // A line has at least a quarter as many characters as bytes and at most
  // twice as many columns as characters, so no line under an eighth of the
  // longest line's bytes can be as long as the longest line or half as
  // long: only the others are counted.
  const size_t counted = longest / 8;
  std::vector<size_t> chars, columns;
  for (LineLength& l : lines) {
    if (l.end - l.begin < counted) continue;
    Count(utf8.substr(l.begin, l.end - l.begin), &l.chars, &l.columns);
    if (l.border) continue;  // joined when cut, but no evidence of a cut
    chars.push_back(l.chars);
    columns.push_back(l.columns);
  }
  size_t width = 0;
  bool by_chars = CutAt(chars, 0, &width);
  if (!by_chars && !CutAt(columns, 1, &width)) return false;
  out->Start(utf8.size());
  for (size_t k = 0; k < lines.size(); ++k) {
    const LineLength& l = lines[k];
    // (a line one column short was cut when a wide character did not fit)
    const bool cut = k + 1 < lines.size() &&
                     (by_chars ? l.chars == width
                               : l.columns == width || (l.columns + 1 == width && StartsWide(utf8, lines[k + 1])));
    // the line, and its break unless it was cut
    out->Copy(utf8, l.begin, cut ? l.end : (k + 1 < lines.size() ? lines[k + 1].begin : utf8.size()));
  }
  out->Finish(utf8.size());
  return true;
}

}  // namespace xxgk::report
