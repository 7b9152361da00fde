// Small UTF-8 helpers shared by the ingestion stages.
#ifndef XXGK_REPORT_UTF8_H_
#define XXGK_REPORT_UTF8_H_

#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "unicode/umachine.h"
#include "unicode/utf8.h"

namespace xxgk::report {

// Appends c in UTF-8; U+FFFD for a surrogate or anything beyond U+10FFFF.
inline void AppendUtf8(UChar32 c, std::string* out) {
  char buf[4];
  int32_t len = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, c, error);
  if (error) {
    out->append("\xEF\xBF\xBD");
  } else {
    out->append(buf, static_cast<size_t>(len));
  }
}

// Decodes UTF-8 into code points; invalid bytes become U+FFFD.
std::vector<UChar32> CodePoints(std::string_view s);

// CodePoints(s).size(), without building the vector.
size_t CountCodePoints(std::string_view s);

// Whether s is well-formed UTF-8 (no ill-formed sequence U8_NEXT would
// read as an error): ASCII checked eight bytes at a time, well-formed
// three-byte characters (all of CJK) without decoding.
bool IsValidUtf8(std::string_view s);

namespace internal {
// IsValidUtf8's thirty-two-byte blocks checked sixteen bytes at a time
// (kPlain: SSE2 where the machine has it, eight bytes otherwise) or with
// AVX2 (where Utf8PathRuns); IsValidUtf8 takes the fastest.
enum class Utf8Path { kPlain, kAvx2 };
bool Utf8PathRuns(Utf8Path path);
bool IsValidUtf8With(std::string_view s, Utf8Path path);
}  // namespace internal

// hay.find(needle, from), finding candidates by memchr of the needle's last
// byte and checking the byte before it inline: for UTF-8 needles ending in a
// continuation byte, which stops far less often in Chinese text than a search
// for their lead byte. The literal search of the hand scans in report/.
inline size_t FindByLastByte(std::string_view hay, std::string_view needle, size_t from = 0) {
  const size_t n = needle.size();
  if (n < 2) return hay.find(needle, from);
  if (from > hay.size() || hay.size() - from < n) return std::string_view::npos;
  const char last = needle[n - 1];
  size_t q = from + n - 1;  // byte q ends an occurrence starting at q - n + 1
  while (q < hay.size()) {
    const void* hit = std::memchr(hay.data() + q, last, hay.size() - q);
    if (hit == nullptr) return std::string_view::npos;
    q = static_cast<size_t>(static_cast<const char*>(hit) - hay.data());
    // The byte before inline (most hits differ there), then the rest.
    if (hay[q - 1] == needle[n - 2] && std::memcmp(hay.data() + q - n + 1, needle.data(), n - 2) == 0) {
      return q - n + 1;
    }
    ++q;
  }
  return std::string_view::npos;
}

// FindByLastByte(hay, needle) != npos.
inline bool ContainsByLastByte(std::string_view hay, std::string_view needle) {
  return FindByLastByte(hay, needle) != std::string_view::npos;
}

// Splits UTF-8 into one string per character (by lead byte; a truncated
// sequence at the end is kept as it is).
std::vector<std::string> Utf8Chars(std::string_view s);

}  // namespace xxgk::report

#endif  // XXGK_REPORT_UTF8_H_
