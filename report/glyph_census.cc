#include "report/glyph_census.h"

#include <unicode/utf8.h>

#include <bit>
#include <cstdint>

namespace xxgk::report {
namespace {

constexpr size_t kMinChars = 50;
constexpr size_t kSampleChars = 12;

bool IsChinese(UChar32 c) {
  return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x3FFFF) || (c >= 0x3000 && c <= 0x303F) ||
         (c >= 0xFF00 && c <= 0xFFEF);
}

bool IsControlOrPrivate(UChar32 c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0xE000 && c <= 0xF8FF) || c == 0xFFFD;
}

// Characters no report is written in: control and private-use ones, and
// letters from Latin Extended to Tibetan (U+0100..U+0FFF). Latin-1's
// letters and signs, punctuation, symbols and enclosed numbers (①) are not.
bool IsOdd(UChar32 c) { return IsControlOrPrivate(c) || (c >= 0x0100 && c <= 0x0FFF); }

}  // namespace

void GlyphCensus::Add(std::string_view utf8) {
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) c = 0xFFFD;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000) continue;
    ++total_;
    if (IsChinese(c)) {
      ++chinese_;
      continue;
    }
    if (!IsOdd(c)) continue;
    ++odd_;
    if (IsControlOrPrivate(c)) ++unassigned_;
    if (c < 64 * 128) blocks_ |= uint64_t{1} << (c / 128);
    if (sampled_ < kSampleChars && !IsControlOrPrivate(c)) {
      sample_.append(utf8.substr(static_cast<size_t>(at), static_cast<size_t>(i - at)));
      ++sampled_;
    }
  }
}

bool GlyphCensus::Garbled() const {
  if (total_ < kMinChars || 5 * chinese_ >= total_ || 3 * odd_ < total_) return false;
  return std::popcount(blocks_) >= 4 || 2 * unassigned_ >= odd_;
}

}  // namespace xxgk::report
