// Byte tests shared by the hand scans that stand in for regular expressions
// in facts.cc and metadata.cc (each pinned to its pattern by a *_scan_test).
#ifndef XXGK_REPORT_RE_SCAN_H_
#define XXGK_REPORT_RE_SCAN_H_

#include <cstddef>
#include <string_view>

namespace xxgk::report::re_scan {

// RE2's \s: [\t\n\f\r ] (no \v).
inline bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

// \s* from byte i: the first byte at or after i that is not IsSpace (or
// s.size()).
inline size_t SkipSpace(std::string_view s, size_t i) {
  while (i < s.size() && IsSpace(s[i])) ++i;
  return i;
}

// Whether the three bytes of `ch` (one three-byte character) are at byte i.
inline bool At3(std::string_view s, size_t i, const char* ch) {
  return i + 3 <= s.size() && s[i] == ch[0] && s[i + 1] == ch[1] && s[i + 2] == ch[2];
}

// The length of the UTF-8 character at byte i as an RE2 character class
// matches it; 0 when none. `strict` rejects overlong forms and code points
// past U+10FFFF, as RE2 does for a class with holes above U+007F; a class
// holding all of U+0080..U+10FFFF takes any lead byte with its
// continuation bytes.
inline size_t CharLen(std::string_view s, size_t i, bool strict) {
  const unsigned char c = s[i];
  size_t len = 0;
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  }
  if (strict) {
    const unsigned char c1 = s[i + 1];
    if ((c == 0xE0 && c1 < 0xA0) || (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F)) return 0;
  }
  return len;
}

}  // namespace xxgk::report::re_scan

#endif  // XXGK_REPORT_RE_SCAN_H_
