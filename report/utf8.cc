#include "report/utf8.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "unicode/utf8.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif
#if defined(__SSE2__) && (defined(__x86_64__) || defined(__i386__))
#include <immintrin.h>
#define XXGK_UTF8_AVX2 1
#endif

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

namespace {

#ifdef XXGK_UTF8_AVX2
// IsValidUtf8's loop over thirty-two bytes at a time (see there), each
// block's masks from one AVX2 pass: false when ill-formed; else *at where
// it stopped and *carry the continuation bytes the last block expects past
// it (bit k: byte *at + k).
__attribute__((target("avx2"))) bool WideBlocksAvx2(const uint8_t* p, int64_t n, int64_t* at,
                                                    uint64_t* carry) {
  const __m256i c0 = _mm256_set1_epi8(static_cast<char>(0xC0));
  const __m256i x80 = _mm256_set1_epi8(static_cast<char>(0x80));
  const __m256i e0 = _mm256_set1_epi8(static_cast<char>(0xE0));
  const __m256i f0 = _mm256_set1_epi8(static_cast<char>(0xF0));
  const __m256i fe = _mm256_set1_epi8(static_cast<char>(0xFE));
  const __m256i ed = _mm256_set1_epi8(static_cast<char>(0xED));
  int64_t i = *at;
  uint64_t expected_past = 0;
  while (i + 32 <= n) {
    const __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i));
    const __m256i cont = _mm256_cmpeq_epi8(_mm256_and_si256(x, c0), x80);
    const __m256i lead2 = _mm256_cmpeq_epi8(_mm256_and_si256(x, e0), c0);
    const __m256i lead3 = _mm256_cmpeq_epi8(_mm256_and_si256(x, f0), e0);
    const __m256i ascii = _mm256_cmpgt_epi8(x, _mm256_set1_epi8(-1));
    const __m256i known =
        _mm256_or_si256(_mm256_or_si256(ascii, cont), _mm256_or_si256(lead2, lead3));
    const __m256i special =
        _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(x, e0), _mm256_cmpeq_epi8(x, ed)),
                        _mm256_cmpeq_epi8(_mm256_and_si256(x, fe), c0));
    if ((~static_cast<uint32_t>(_mm256_movemask_epi8(known)) |
         static_cast<uint32_t>(_mm256_movemask_epi8(special))) != 0) {
      break;
    }
    const uint64_t l3 = static_cast<uint32_t>(_mm256_movemask_epi8(lead3));
    const uint64_t l2 = static_cast<uint32_t>(_mm256_movemask_epi8(lead2));
    const uint64_t expected = expected_past | (l3 << 1) | (l3 << 2) | (l2 << 1);
    if (static_cast<uint32_t>(expected) != static_cast<uint32_t>(_mm256_movemask_epi8(cont))) {
      return false;
    }
    expected_past = expected >> 32;
    i += 32;
  }
  *at = i;
  *carry = expected_past;
  return true;
}
#endif

// IsValidUtf8, with AVX2 for the thirty-two-byte blocks when `avx2`.
bool ValidUtf8(std::string_view s, [[maybe_unused]] bool avx2) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int64_t n = static_cast<int64_t>(s.size());
  int64_t i = 0;
#ifdef __SSE2__
  // Per block of sixteen bytes, one bit per byte: continuation bytes, two-
  // and three-byte leads, and bytes the blocks below do not take.
  const __m128i c0 = _mm_set1_epi8(static_cast<char>(0xC0));
  const __m128i x80 = _mm_set1_epi8(static_cast<char>(0x80));
  const __m128i e0 = _mm_set1_epi8(static_cast<char>(0xE0));
  const __m128i f0 = _mm_set1_epi8(static_cast<char>(0xF0));
  const __m128i fe = _mm_set1_epi8(static_cast<char>(0xFE));
  const __m128i ed = _mm_set1_epi8(static_cast<char>(0xED));
  struct Masks {
    uint32_t cont, lead2, lead3, bad;
  };
  auto masks = [&](const uint8_t* q) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
    const __m128i cont = _mm_cmpeq_epi8(_mm_and_si128(x, c0), x80);
    const __m128i lead2 = _mm_cmpeq_epi8(_mm_and_si128(x, e0), c0);
    const __m128i lead3 = _mm_cmpeq_epi8(_mm_and_si128(x, f0), e0);
    const __m128i ascii = _mm_cmpgt_epi8(x, _mm_set1_epi8(-1));
    // Not one of those (four-byte leads, bytes F8..FF), or a lead whose
    // second byte is restricted or that makes an overlong form.
    const __m128i known = _mm_or_si128(_mm_or_si128(ascii, cont), _mm_or_si128(lead2, lead3));
    const __m128i special =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, e0), _mm_cmpeq_epi8(x, ed)),
                     _mm_cmpeq_epi8(_mm_and_si128(x, fe), c0));
    return Masks{static_cast<uint32_t>(_mm_movemask_epi8(cont)),
                 static_cast<uint32_t>(_mm_movemask_epi8(lead2)),
                 static_cast<uint32_t>(_mm_movemask_epi8(lead3)),
                 static_cast<uint32_t>((_mm_movemask_epi8(known) ^ 0xFFFF) |
                                       _mm_movemask_epi8(special))};
  };
#endif
  while (i < n) {
#ifdef __SSE2__
    // Thirty-two bytes at a time while they hold only ASCII, two-byte
    // characters with lead C2..DF and three-byte ones with lead E1..EC, EE,
    // EF (as below), the continuation bytes a character expects past a
    // block carried into the next as bits. Elsewhere (or at the end) back
    // to the start of the character the last block ends in.
    if (i + 32 <= n) {
      uint64_t carry = 0;  // bit k: byte i + k must be a continuation byte
#ifdef XXGK_UTF8_AVX2
      if (avx2 && !WideBlocksAvx2(p, n, &i, &carry)) return false;
#endif
      while (!avx2 && i + 32 <= n) {
        const Masks a = masks(p + i), b = masks(p + i + 16);
        if ((a.bad | b.bad) != 0) break;
        const uint64_t lead3 = a.lead3 | (static_cast<uint64_t>(b.lead3) << 16);
        const uint64_t lead2 = a.lead2 | (static_cast<uint64_t>(b.lead2) << 16);
        const uint64_t expected = carry | (lead3 << 1) | (lead3 << 2) | (lead2 << 1);
        if (static_cast<uint32_t>(expected) != (a.cont | (b.cont << 16))) return false;
        carry = expected >> 32;
        i += 32;
      }
      if (carry != 0) {  // byte i is not yet read: back from the byte before
        --i;
        while ((p[i] & 0xC0) == 0x80) --i;
      }
      if (i + 16 > n) continue;
    }
    // Sixteen bytes from a character start made only of ASCII, two-byte
    // characters with lead C2..DF and three-byte ones with lead E1..EC,
    // EE, EF: well-formed when the continuation bytes stand exactly where
    // those leads put them. A lead near the end whose character goes on
    // past the sixteen bytes is read again from there.
    if (i + 16 <= n) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      if (_mm_movemask_epi8(x) == 0) {
        i += 16;
        continue;
      }
      if (const Masks m = masks(p + i); m.bad == 0) {
        const uint32_t expected = ((m.lead3 << 1) | (m.lead3 << 2) | (m.lead2 << 1)) & 0xFFFF;
        if (expected != m.cont) return false;
        i += ((m.lead3 | m.lead2) & 0x8000) ? 15 : (m.lead3 & 0x4000) ? 14 : 16;
        continue;
      }
    }
#endif
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

}  // namespace

namespace internal {

bool Utf8PathRuns(Utf8Path path) {
#ifdef XXGK_UTF8_AVX2
  static const bool kAvx2 = __builtin_cpu_supports("avx2");
#else
  constexpr bool kAvx2 = false;
#endif
  return path == Utf8Path::kPlain || kAvx2;
}

bool IsValidUtf8With(std::string_view s, Utf8Path path) {
  return ValidUtf8(s, path == Utf8Path::kAvx2 && Utf8PathRuns(Utf8Path::kAvx2));
}

}  // namespace internal

bool IsValidUtf8(std::string_view s) {
  static const bool kAvx2 = internal::Utf8PathRuns(internal::Utf8Path::kAvx2);
  return ValidUtf8(s, kAvx2);
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
