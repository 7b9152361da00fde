// Small UTF-8 helpers shared by the ingestion stages.
#ifndef XXGK_REPORT_UTF8_H_
#define XXGK_REPORT_UTF8_H_

#include <string>
#include <string_view>
#include <vector>

#include "unicode/umachine.h"

namespace xxgk::report {

// Decodes UTF-8 into code points; invalid bytes become U+FFFD.
std::vector<UChar32> CodePoints(std::string_view s);

// CodePoints(s).size(), without building the vector.
size_t CountCodePoints(std::string_view s);

// Whether s is well-formed UTF-8 (no ill-formed sequence U8_NEXT would
// read as an error): ASCII checked eight bytes at a time, well-formed
// three-byte characters (all of CJK) without decoding.
bool IsValidUtf8(std::string_view s);

// hay.find(needle) != npos, finding candidates by memchr of the needle's last
// byte: for UTF-8 needles ending in a continuation byte, which stops far less
// often in Chinese text than a search for their lead byte.
bool ContainsByLastByte(std::string_view hay, std::string_view needle);

// Splits UTF-8 into one string per character (by lead byte; a truncated
// sequence at the end is kept as it is).
std::vector<std::string> Utf8Chars(std::string_view s);

}  // namespace xxgk::report

#endif  // XXGK_REPORT_UTF8_H_
