#include "report/utf8.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "unicode/utf8.h"

namespace xxgk::report {

std::vector<UChar32> CodePoints(std::string_view s) {
  std::vector<UChar32> out;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    out.push_back(c < 0 ? 0xFFFD : c);
  }
  return out;
}

size_t CountCodePoints(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  size_t count = 0;
  while (i < n) {
    if (p[i] < 0x80) {
      ++i;
    } else {
      UChar32 c;
      U8_NEXT(p, i, n, c);
      (void)c;
    }
    ++count;
  }
  return count;
}

bool IsValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int64_t n = static_cast<int64_t>(s.size());
  int64_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      const uint64_t high = w & 0x8080808080808080ULL;
      if (high == 0) {  // eight ASCII bytes
        i += 8;
        continue;
      }
      if (const int ascii = __builtin_ctzll(high) >> 3; ascii != 0) {  // ASCII up to there
        i += ascii;
        continue;
      }
      // One or two three-byte characters (little-endian: the first byte
      // lowest), not with lead E0 or ED (whose second byte is restricted).
      if ((w & 0xC0C0F0) == 0x8080E0 && ((0x2001u >> (w & 0x0F)) & 1) == 0) {
        if ((w & 0xC0C0F0000000ULL) == 0x8080E0000000ULL &&
            ((0x2001u >> ((w >> 24) & 0x0F)) & 1) == 0) {
          i += 6;
        } else {
          i += 3;
        }
        continue;
      }
      // A two-byte character (lead C2..DF: pinyin tone marks, U+00A0).
      if ((w & 0xC0E0) == 0x80C0 && (w & 0x1E) != 0) {
        i += 2;
        continue;
      }
    }
    const uint8_t b = p[i];
    if (b < 0x80) {
      ++i;
      continue;
    }
    // Three bytes with lead E1..EC, EE, EF: any two continuation bytes.
    if (b >= 0xE1 && b <= 0xEF && b != 0xED && i + 2 < n &&
        ((p[i + 1] ^ 0x80) | (p[i + 2] ^ 0x80)) < 0x40) {
      i += 3;
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

std::vector<std::string> Utf8Chars(std::string_view s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = s[i];
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
    n = std::min(n, s.size() - i);
    out.emplace_back(s.substr(i, n));
    i += n;
  }
  return out;
}

}  // namespace xxgk::report
