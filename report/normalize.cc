#include "report/normalize.h"

#include "report/utf8.h"

#include <opencc/Lexicon.hpp>
#include <opencc/MarisaDict.hpp>
#include <opencc/SimpleConverter.hpp>
#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif
#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <exception>
#include <memory>
#include <mutex>
#include <new>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/match.h"
#include "absl/strings/str_format.h"
#include "re2/re2.h"
#include "report/gazetteer.h"

namespace xxgk::report {
namespace data {
// The gazetteer's data (report/data/divisions.tsv, embedded): a
// Gazetteer::Mentions match covers only characters it holds.
extern const char kDivisionsTsv[];
extern const std::size_t kDivisionsTsvSize;
}  // namespace data

namespace {

// One character of the text being normalised, with the input bytes it came from.
struct Unit {
  UChar32 c;
  uint32_t begin;  // input byte offset, inclusive
  uint32_t end;    // exclusive
};
// An allocator whose value-less construct leaves a trivial element as it is:
// resize() then reserves room to write into without filling it first.
template <typename T>
struct DefaultInitAllocator : std::allocator<T> {
  DefaultInitAllocator() = default;
  template <typename U>
  DefaultInitAllocator(const DefaultInitAllocator<U>&) noexcept {}  // NOLINT: rebinding
  template <typename U>
  void construct(U* p) noexcept(std::is_nothrow_default_constructible_v<U>) {
    ::new (static_cast<void*>(p)) U;
  }
  template <typename U, typename... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};
using Units = std::vector<Unit, DefaultInitAllocator<Unit>>;

bool IsIdeograph(UChar32 c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F);
}

// Ideographs and CJK punctuation that never take spaces between them.
bool IsWide(UChar32 c) {
  return IsIdeograph(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) ||
         (c >= 0x2018 && c <= 0x201F) || c == 0x2026 || c == 0x2014 || c == 0x00B7;
}

// ASCII punctuation that NFKC produced from full-width forms; a single space
// between it and an ideograph is a PDF artefact too.
bool IsAsciiCjkPunct(UChar32 c) {
  return c == '(' || c == ')' || c == ',' || c == ':' || c == ';' || c == '!' || c == '?';
}

bool IsDroppedControl(UChar32 c) {
  if (c == '\t' || c == '\n') return false;
  if (c < 0x20 || c == 0x7F) return true;
  return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0x00AD;
}

// The bytes AppendUtf8 writes for c: U+FFFD (3) for what has no UTF-8 form.
size_t Utf8Length(UChar32 c) {
  if (c >= 0 && c < 0x80) return 1;
  if (c >= 0 && c < 0x800) return 2;
  if (c >= 0 && c < 0x10000) return 3;  // surrogates too: U+FFFD
  if (c >= 0 && c < 0x110000) return 4;
  return 3;
}

// Writes what AppendUtf8 appends for c at out; returns the bytes written.
size_t WriteUtf8(char* out, UChar32 c) {
  if (c >= 0 && c < 0x80) {
    *out = static_cast<char>(c);
    return 1;
  }
  if (c < 0 || c >= 0x110000 || (c >= 0xD800 && c <= 0xDFFF)) {
    std::memcpy(out, "\xEF\xBF\xBD", 3);
    return 3;
  }
  int32_t len = 0;
  U8_APPEND_UNSAFE(reinterpret_cast<uint8_t*>(out), len, c);
  return static_cast<size_t>(len);
}

std::string UnitsToUtf8(const Units& u, size_t from, size_t to) {
  size_t bytes = 0;
  for (size_t i = from; i < to; ++i) bytes += Utf8Length(u[i].c);
  std::string s(bytes, '\0');
  char* out = s.data();
  for (size_t i = from; i < to; ++i) out += WriteUtf8(out, u[i].c);
  return s;
}

// Reads the character at p[*i] code point by code point (ill-formed bytes as
// U+FFFD, line breaks unified) and advances *i; false for a dropped control.
bool ReadOtherUnit(const uint8_t* p, int32_t* i, int32_t n, Unit* unit) {
  const int32_t start = *i;
  UChar32 c;
  U8_NEXT(p, *i, n, c);
  if (c < 0) c = 0xFFFD;
  if (c == '\r') {
    if (*i < n && p[*i] == '\n') ++*i;
    c = '\n';
  } else if (c == '\f' || c == '\v' || c == 0x2028 || c == 0x2029 || c == 0x85) {
    c = '\n';
  }
  if (IsDroppedControl(c)) return false;
  *unit = Unit{c, static_cast<uint32_t>(start), static_cast<uint32_t>(*i)};
  return true;
}

// Stage 0: code points with their input offsets; line breaks unified, controls dropped.
Units ReadUnits(std::string_view in) {
  Units u;
  u.reserve(in.size());
  const auto* p = reinterpret_cast<const uint8_t*>(in.data());
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(in.size());
  while (i < n) {
    if (p[i] >= 0x20 && p[i] < 0x7F) {  // printable ASCII: kept as it is
      u.push_back(Unit{p[i], static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1)});
      ++i;
      continue;
    }
    // Three-byte characters (all of CJK) with no overlong or surrogate
    // reading (lead E1..EC, EE, EF), outside U+2000..U+206F and U+FEFF
    // (line separators, dropped format characters): kept as they are.
    if (p[i] >= 0xE1 && p[i] <= 0xEF && p[i] != 0xED && i + 2 < n && (p[i + 1] & 0xC0) == 0x80 &&
        (p[i + 2] & 0xC0) == 0x80) {
      const UChar32 c = ((p[i] & 0x0F) << 12) | ((p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
      if ((c < 0x2000 || c > 0x206F) && c != 0xFEFF) {
        u.push_back(Unit{c, static_cast<uint32_t>(i), static_cast<uint32_t>(i + 3)});
        i += 3;
        continue;
      }
    }
    Unit unit;
    if (ReadOtherUnit(p, &i, n, &unit)) u.push_back(unit);
  }
  return u;
}

// NFKC properties of a code point, asked of ICU once per BMP character and
// remembered (relaxed atomics: every thread computes the same value).
class NfkcProperties {
 public:
  explicit NfkcProperties(const icu::Normalizer2* nfkc) : nfkc_(nfkc) {}

  bool HasBoundaryBefore(UChar32 c) { return Get(c) & kBoundaryBefore; }
  bool IsInert(UChar32 c) { return Get(c) & kInert; }

  // For a BMP character alone in its segment: what normalising it alone
  // gives (itself when ICU fails), when that is one code point; else -1.
  UChar32 SingleMapping(UChar32 c) {
    if (c < 0 || c >= 0x10000) return -1;
    uint32_t v = single_[c].load(std::memory_order_relaxed);
    if (v == 0) {
      UErrorCode s = U_ZERO_ERROR;
      const icu::UnicodeString seg(c);
      icu::UnicodeString norm = nfkc_->normalize(seg, s);
      if (U_FAILURE(s)) norm = seg;
      const UChar32 first = norm.length() > 0 ? norm.char32At(0) : -1;
      const bool one = first >= 0 && norm.length() == U16_LENGTH(first);
      v = one ? static_cast<uint32_t>(first) + 1 : kNotSingle;
      single_[c].store(v, std::memory_order_relaxed);
    }
    return v == kNotSingle ? -1 : static_cast<UChar32>(v - 1);
  }

 private:
  static constexpr uint8_t kKnown = 1, kBoundaryBefore = 2, kInert = 4;

  uint8_t Compute(UChar32 c) const {
    return static_cast<uint8_t>(kKnown | (nfkc_->hasBoundaryBefore(c) ? kBoundaryBefore : 0) |
                                (nfkc_->isInert(c) ? kInert : 0));
  }

  uint8_t Get(UChar32 c) {
    if (c < 0 || c >= 0x10000) return Compute(c);
    uint8_t v = bmp_[c].load(std::memory_order_relaxed);
    if (v == 0) {
      v = Compute(c);
      bmp_[c].store(v, std::memory_order_relaxed);
    }
    return v;
  }

  static constexpr uint32_t kNotSingle = 0xFFFFFFFF;
  const icu::Normalizer2* nfkc_;
  std::atomic<uint8_t> bmp_[0x10000] = {};
  std::atomic<uint32_t> single_[0x10000] = {};
};

NfkcProperties* Nfkc() {
  static NfkcProperties* props = []() -> NfkcProperties* {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status) || nfkc == nullptr) return nullptr;
    return new NfkcProperties(nfkc);
  }();
  return props;
}

// Appends the NFKC of the segment in[i, j) (U+3000 as a space), each
// character with the input bytes of the whole segment.
void AppendNfkcSegment(const icu::Normalizer2& nfkc, const Units& in, size_t i, size_t j,
                       Units* out) {
  icu::UnicodeString seg;
  for (size_t k = i; k < j; ++k) seg.append(in[k].c);
  UErrorCode s = U_ZERO_ERROR;
  icu::UnicodeString norm = nfkc.normalize(seg, s);
  if (U_FAILURE(s)) norm = seg;
  const uint32_t b = in[i].begin, e = in[j - 1].end;
  for (int32_t k = 0; k < norm.length();) {
    UChar32 c = norm.char32At(k);
    k += U16_LENGTH(c);
    if (c == 0x3000) c = ' ';
    out->push_back(Unit{c, b, e});
  }
}

// Stage 1: NFKC, segment by segment so each output character keeps its source.
Units ApplyNfkc(Units in) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  NfkcProperties* props = Nfkc();
  if (U_FAILURE(status) || nfkc == nullptr || props == nullptr) return in;
  // A character NFKC leaves as it is: ASCII before no combining mark, or
  // inert before a boundary (the loop below copies it). Up to the first
  // other one the input is the output.
  auto kept = [&](size_t k) {
    if (in[k].c < 0x80 && (k + 1 >= in.size() || in[k + 1].c < 0x300)) return true;
    return (k + 1 >= in.size() || props->HasBoundaryBefore(in[k + 1].c)) &&
           props->IsInert(in[k].c);
  };
  // A character alone in its segment that NFKC maps to one code point
  // (full-width punctuation, letters, digits) is replaced where it stands;
  // from the first other change on, the output is built apart.
  size_t i = 0;
  while (i < in.size()) {
    if (kept(i)) {
      ++i;
      continue;
    }
    if (i + 1 >= in.size() || props->HasBoundaryBefore(in[i + 1].c)) {
      const UChar32 c = props->SingleMapping(in[i].c);
      if (c >= 0) {
        in[i].c = c == 0x3000 ? ' ' : c;
        ++i;
        continue;
      }
    }
    break;
  }
  if (i == in.size()) return in;
  Units out;
  out.reserve(in.size());
  out.insert(out.end(), in.begin(), in.begin() + static_cast<std::ptrdiff_t>(i));
  while (i < in.size()) {
    if (in[i].c < 0x80 && (i + 1 >= in.size() || in[i + 1].c < 0x300)) {
      out.push_back(in[i]);
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < in.size() && !props->HasBoundaryBefore(in[j].c)) ++j;
    if (j == i + 1 && props->IsInert(in[i].c)) {
      out.push_back(in[i]);
      i = j;
      continue;
    }
    if (j == i + 1) {  // one character, e.g. full-width punctuation
      UChar32 c = props->SingleMapping(in[i].c);
      if (c >= 0) {
        if (c == 0x3000) c = ' ';
        out.push_back(Unit{c, in[i].begin, in[i].end});
        i = j;
        continue;
      }
    }
    AppendNfkcSegment(*nfkc, in, i, j, &out);
    i = j;
  }
  return out;
}

bool IsToneVowel(UChar32 c) {
  if (c < 0xE0 || c > 0x1E3F) return false;  // à … ḿ
  static const std::u32string kTone =
      U"āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ";
  return kTone.find(static_cast<char32_t>(c)) != std::u32string::npos;
}

bool IsPinyinLetter(UChar32 c) {
  return (c >= 'a' && c <= 'z') || c == U'ü' || IsToneVowel(c);
}

// The neutral-tone particles a reading without tone marks may consist of.
constexpr std::u32string_view kNeutralSyllables[] = {U"de", U"le", U"me", U"ma", U"ne",
                                                     U"ba", U"zi", U"men", U"zhe"};

bool IsNeutralSyllable(std::u32string_view syl) {
  return std::find(std::begin(kNeutralSyllables), std::end(kNeutralSyllables), syl) !=
         std::end(kNeutralSyllables);
}

// Is in[from, to) a pinyin reading: 1-4 lower-case syllables, with tone marks
// (or neutral-tone particles only)? syllable(b, e, &tone, &neutral) reads the
// syllable in[b, e) (no spaces): false when it is not one; sets tone when it
// has a tone mark, neutral when it is a neutral-tone particle.
template <typename Syllable>
bool IsReadingOf(const Units& in, size_t from, size_t to, Syllable syllable) {
  if (from >= to) return false;
  bool tone = false;
  bool all_neutral = true;
  int syllables = 0;
  size_t k = from;
  while (k < to) {
    if (in[k].c == ' ') {
      ++k;
      continue;
    }
    size_t e = k;
    while (e < to && in[e].c != ' ') ++e;
    bool neutral = false;
    if (!syllable(k, e, &tone, &neutral)) return false;
    all_neutral = all_neutral && neutral;
    ++syllables;
    k = e;
  }
  if (syllables == 0 || syllables > 4) return false;
  return tone || all_neutral;
}

bool IsPinyinReading(const Units& in, size_t from, size_t to) {
  return IsReadingOf(in, from, to, [&in](size_t b, size_t e, bool* tone, bool* neutral) {
    std::u32string syl;
    for (size_t k = b; k < e; ++k) {
      if (!IsPinyinLetter(in[k].c)) return false;
      if (IsToneVowel(in[k].c)) *tone = true;
      syl.push_back(static_cast<char32_t>(in[k].c));
    }
    if (syl.size() > 6) return false;
    *neutral = IsNeutralSyllable(syl);
    return true;
  });
}

// Per BMP code point, what the stages may do with it (FastCharBits, built
// once): the fast path scans these bits and leaves alone what no stage can
// change.
using CharBits = uint16_t;
constexpr CharBits kNfkcTouch = 1;     // neither ASCII nor NFKC-inert: NFKC may map it
constexpr CharBits kNoBoundary = 2;    // no NFKC boundary before it: joins the segment before
constexpr CharBits kT2s = 4;           // t2s may change it (see FastCharBits)
constexpr CharBits kPlace = 8;         // in the gazetteer's data: may be part of a place name
constexpr CharBits kRare = 16;         // an unlikely character (BmpRarity 1 or 2)
constexpr CharBits kHard = 32;         // a very unlikely one (BmpRarity 2)
constexpr CharBits kTone = 64;         // a tone-marked pinyin vowel (IsToneVowel)
constexpr CharBits kSpecialRead = 128; // ReadOtherUnit changes or drops it (line breaks, controls)
constexpr CharBits kOpen = 256;        // '(': may open a pinyin reading
constexpr CharBits kSpace = 512;       // ' ': may be collapsed
constexpr CharBits kMark = 1024;       // '?' or U+FFFD: may start a mojibake note
constexpr CharBits kThreeBytes = 2048; // U+0800..U+FFFF but surrogates: three UTF-8 bytes
constexpr CharBits kLineEnd = 4096;    // '\n': where the direct writer's lines end
constexpr CharBits kBad3 = 8192;       // below U+0800 or a surrogate: not a three-byte character
// With kT2s: an ideograph t2s changes alone and always the same way, into
// another ideograph (a TSCharacters value of one BMP character; in no
// TSPhrases key, so no phrase covers it or depends on it), NFKC-inert and
// outside the gazetteer's data: the direct writer maps it where it stands.
constexpr CharBits kT2sOne = 16384;
// With kT2sOne: its value has none of the bits the direct writer looks at
// (written in the copy loop like a character copied as it is).
constexpr CharBits kT2sPlain = 32768;
const CharBits* FastCharBits();
constexpr int kAstral = 1 << 16;  // beside the bits: a character beyond the BMP

bool IsToneVowelFast(UChar32 c) {
  return c >= 0xE0 && c <= 0x1E3F && (FastCharBits()[c] & kTone);
}

// A neutral-tone particle's letters packed into one number, the first
// highest (as ReadingSyllables packs a syllable's).
constexpr uint32_t PackedSyllable(std::u32string_view syl) {
  uint32_t word = 0;
  for (const char32_t c : syl) word = (word << 8) | static_cast<uint32_t>(c);
  return word;
}

// IsPinyinReading over characters fed one at a time, without building
// strings: each syllable's letters are counted and, while no tone mark is
// seen, packed into a number compared with the particles'.
class ReadingSyllables {
 public:
  explicit ReadingSyllables(const CharBits* bits) : bits_(bits) {}

  // Feeds c; false when no reading holds it (a space, 'a'..'z', ü and the
  // tone-marked vowels are what one holds).
  bool Add(UChar32 c) {
    if (c >= 'a' && c <= 'z') {
      AddAsciiLetter(static_cast<uint8_t>(c));
    } else if (c == ' ') {
      EndSyllable();
    } else if (c == U'ü') {
      AddOtherLetter(false);
    } else if (c >= 0xE0 && c <= 0x1E3F && (bits_[c] & kTone)) {
      AddOtherLetter(true);
    } else {
      return false;
    }
    return true;
  }

  // Add for 'a'..'z', and for ü or a tone-marked vowel (tone).
  void AddAsciiLetter(uint8_t c) { Letter(c); }
  void AddOtherLetter(bool tone) {
    tone_ = tone_ || tone;
    Letter(kNoParticle);
  }

  // Whether a character fed has a tone mark.
  bool tone() const { return tone_; }

  // Whether the characters fed are a reading: 1-4 syllables of at most six
  // letters, with tone marks (or neutral-tone particles only).
  bool IsReading() {
    EndSyllable();
    return syllables_ >= 1 && syllables_ <= 4 && !too_long_ && (tone_ || all_particles_);
  }

 private:
  // Packed for a letter no particle has.
  static constexpr uint32_t kNoParticle = 0xFF;

  void Letter(uint32_t packed) {
    if (letters_++ == 0) ++syllables_;
    word_ = (word_ << 8) | packed;
  }

  void EndSyllable() {
    if (letters_ == 0) return;
    too_long_ = too_long_ || letters_ > 6;
    // Once a tone mark is seen the reading no longer depends on particles.
    if (!tone_ && all_particles_) {
      bool particle = false;
      for (const std::u32string_view p : kNeutralSyllables) {
        particle = particle || (letters_ == p.size() && word_ == PackedSyllable(p));
      }
      all_particles_ = particle;
    }
    letters_ = 0;
    word_ = 0;
  }

  const CharBits* bits_;
  uint32_t word_ = 0;  // the letters of the syllable being read (the last four)
  size_t letters_ = 0;
  int syllables_ = 0;
  bool tone_ = false;
  bool too_long_ = false;
  bool all_particles_ = true;
};

// IsPinyinReading with ReadingSyllables.
bool IsPinyinReadingFast(const Units& in, size_t from, size_t to) {
  ReadingSyllables reading(FastCharBits());
  for (size_t k = from; k < to; ++k) {
    if (!reading.Add(in[k].c)) return false;
  }
  return reading.IsReading();
}

// The ')' closing a pinyin reading at the '(' in[i] glued after `prev` (the
// last character kept), or 0. kFast: with the table-driven reading test.
template <bool kFast>
size_t ReadingEnd(const Units& in, UChar32 prev, size_t i) {
  size_t close = i + 1;
  while (close < in.size() && close - i <= 28 && in[close].c != ')' && in[close].c != '\n') {
    ++close;
  }
  if (close < in.size() && in[close].c == ')' && prev != ' ' && prev != '\n' && prev != '(' &&
      (kFast ? IsPinyinReadingFast(in, i + 1, close) : IsPinyinReading(in, i + 1, close))) {
    bool tone = false;
    for (size_t k = i + 1; k < close; ++k) {
      tone = tone || (kFast ? IsToneVowelFast(in[k].c) : IsToneVowel(in[k].c));
    }
    // Neutral-tone readings only after an ideograph; tone-marked ones also
    // after garbled characters.
    if (IsIdeograph(prev) || tone) return close;
  }
  return 0;
}

// Stage 2: pinyin readings glued after characters: 公開(kāi) → 公開.
Units StripPinyin(Units in) {
  auto reading_end = [&in](UChar32 prev, size_t i) { return ReadingEnd<false>(in, prev, i); };
  // Up to the first reading, the output is the input.
  size_t first = 1;
  while (first < in.size() && !(in[first].c == '(' && reading_end(in[first - 1].c, first))) ++first;
  if (first >= in.size()) return in;
  Units out;
  out.reserve(in.size());
  out.insert(out.end(), in.begin(), in.begin() + static_cast<std::ptrdiff_t>(first));
  for (size_t i = first; i < in.size(); ++i) {
    if (in[i].c == '(' && !out.empty()) {
      const size_t close = reading_end(out.back().c, i);
      if (close != 0) {
        out.back().end = std::max(out.back().end, in[close].end);
        i = close;
        continue;
      }
    }
    out.push_back(in[i]);
  }
  return out;
}

const opencc::SimpleConverter* T2sConverter() {
  static const opencc::SimpleConverter* conv = []() -> const opencc::SimpleConverter* {
    for (const char* config : {"/usr/share/opencc/t2s.json", "t2s.json"}) {
      try {
        return new opencc::SimpleConverter(config);
      } catch (const std::exception&) {
      } catch (...) {
      }
    }
    return nullptr;
  }();
  return conv;
}

bool ConvertT2s(const opencc::SimpleConverter* conv, const std::string& in, std::string* out) {
  // OpenCC does not document its converters as thread-safe: serialise.
  static std::mutex mu;
  std::lock_guard<std::mutex> lock(mu);
  try {
    *out = conv->Convert(in);
    return true;
  } catch (...) {
    return false;
  }
}

// t2s.json as tables, read once from the two dictionaries it names
// (segmentation by TSPhrases; conversion by the group TSPhrases, TSCharacters).
// OpenCC's converter cuts the text greedily into the longest TSPhrases keys
// (runs between them are one segment); a key segment becomes its value, and
// in the runs between, where no TSPhrases key starts, each character becomes
// its TSCharacters value. Converting with these tables gives OpenCC's result
// without its per-character string building, trie probes and lock
// (normalize_test pins the equivalence).
struct T2sTables {
  struct Phrase {
    std::vector<UChar32> key;
    std::vector<UChar32> value;
  };
  static constexpr uint8_t kCharChanges = 1;  // a TSCharacters entry changes it
  static constexpr uint8_t kPhraseStart = 2;  // some TSPhrases key starts with it
  static constexpr uint8_t kCharMulti = 4;    // its value is not one BMP character
  std::vector<uint8_t> flags = std::vector<uint8_t>(0x110000, 0);
  std::vector<char16_t> bmp_value = std::vector<char16_t>(0x10000, 0);
  std::unordered_map<UChar32, std::vector<UChar32>> other_values;
  std::unordered_map<UChar32, std::vector<Phrase>> phrases;  // longest key first
  // The phrases of a BMP first character without a hash lookup: a bit per
  // second character (by its low six bits) some key of two or more has, and
  // whether a one-character key is among them.
  struct PhraseList {
    const std::vector<Phrase>* list = nullptr;
    uint64_t seconds = 0;
    bool single = false;
  };
  std::vector<uint32_t> bmp_list = std::vector<uint32_t>(0x10000, 0);  // 1 + index in lists
  std::vector<PhraseList> lists;
};

const T2sTables* T2sNativeTables() {
  static const T2sTables* tables = []() -> const T2sTables* {
    for (const char* dir : {"/usr/share/opencc/", ""}) {
      std::vector<opencc::LexiconPtr> lexicons;
      for (const char* name : {"TSPhrases.ocd2", "TSCharacters.ocd2"}) {
        FILE* fp = std::fopen(absl::StrCat(dir, name).c_str(), "rb");
        if (fp == nullptr) break;
        try {
          lexicons.push_back(opencc::MarisaDict::NewFromFile(fp)->GetLexicon());
        } catch (...) {
        }
        std::fclose(fp);
      }
      if (lexicons.size() != 2) continue;
      auto* t = new T2sTables;
      auto valid = [](UChar32 c) { return c >= 0 && c < 0x110000 && c != 0xFFFD; };
      bool ok = true;
      for (const auto& entry : *lexicons[0]) {
        T2sTables::Phrase p{CodePoints(entry->Key()), CodePoints(entry->GetDefault())};
        if (p.key.empty() || !valid(p.key[0])) {
          ok = false;
          break;
        }
        t->flags[p.key[0]] |= T2sTables::kPhraseStart;
        t->phrases[p.key[0]].push_back(std::move(p));
      }
      for (auto& [first, list] : t->phrases) {
        std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
          return a.key.size() > b.key.size();
        });
        if (first >= 0x10000) continue;
        T2sTables::PhraseList index{&list};
        for (const T2sTables::Phrase& phrase : list) {
          if (phrase.key.size() == 1) index.single = true;
          if (phrase.key.size() >= 2) index.seconds |= uint64_t{1} << (phrase.key[1] & 63);
        }
        t->lists.push_back(index);
        t->bmp_list[first] = static_cast<uint32_t>(t->lists.size());
      }
      for (const auto& entry : *lexicons[1]) {
        const std::vector<UChar32> key = CodePoints(entry->Key());
        // The tables assume single-character keys here (true of every
        // OpenCC release so far); otherwise use OpenCC itself.
        if (key.size() != 1 || !valid(key[0])) {
          ok = false;
          break;
        }
        if (entry->GetDefault() == entry->Key()) continue;
        std::vector<UChar32> value = CodePoints(entry->GetDefault());
        t->flags[key[0]] |= T2sTables::kCharChanges;
        if (key[0] < 0x10000 && value.size() == 1 && value[0] < 0x10000 && value[0] != 0) {
          t->bmp_value[key[0]] = static_cast<char16_t>(value[0]);
        } else {
          t->flags[key[0]] |= T2sTables::kCharMulti;
          t->other_values[key[0]] = std::move(value);
        }
      }
      if (!ok) {
        delete t;
        return nullptr;
      }
      return t;
    }
    return nullptr;
  }();
  return tables;
}

// Appends the t2s conversion of in[0, n) to *out.
void T2sNative(const T2sTables& t, const UChar32* in, size_t n, std::vector<UChar32>* out) {
  size_t i = 0;
  while (i < n) {
    const UChar32 c = in[i];
    const uint8_t f = (c >= 0 && c < 0x110000) ? t.flags[c] : 0;
    if (f == 0) {
      out->push_back(c);
      ++i;
      continue;
    }
    if (f & T2sTables::kPhraseStart) {
      // Keys of two or more characters only where the next character is a
      // possible second one.
      const std::vector<T2sTables::Phrase>* list = nullptr;
      bool longer = true, single = true;
      if (c < 0x10000 && t.bmp_list[c] != 0) {
        const T2sTables::PhraseList& index = t.lists[t.bmp_list[c] - 1];
        list = index.list;
        longer = i + 1 < n && ((index.seconds >> (in[i + 1] & 63)) & 1);
        single = index.single;
      } else {
        list = &t.phrases.at(c);
      }
      const T2sTables::Phrase* match = nullptr;
      if (longer || single) {
        for (const auto& p : *list) {
          if (!longer && p.key.size() > 1) continue;
          if (p.key.size() <= n - i && std::equal(p.key.begin(), p.key.end(), in + i)) {
            match = &p;
            break;
          }
        }
      }
      if (match != nullptr) {
        out->insert(out->end(), match->value.begin(), match->value.end());
        i += match->key.size();
        continue;
      }
    }
    if (!(f & T2sTables::kCharChanges)) {
      out->push_back(c);
    } else if (f & T2sTables::kCharMulti) {
      const std::vector<UChar32>& v = t.other_values.at(c);
      out->insert(out->end(), v.begin(), v.end());
    } else {
      out->push_back(t.bmp_value[c]);
    }
    ++i;
  }
}

// Stage 3: traditional → simplified by runs of non-ASCII characters.
Units ToSimplified(Units in, int* changed) {
  const T2sTables* tables = T2sNativeTables();
  const opencc::SimpleConverter* conv = tables == nullptr ? T2sConverter() : nullptr;
  if (tables == nullptr && conv == nullptr) return in;
  if (tables != nullptr &&
      std::none_of(in.begin(), in.end(), [tables](const Unit& u) {
        return u.c >= 0x80 && u.c < 0x110000 && tables->flags[u.c] != 0;
      })) {
    return in;  // no character t2s knows: every run stays as it is
  }
  // Converts text[0, n) as OpenCC's t2s; false when OpenCC failed.
  std::vector<UChar32> run_cps;
  auto convert = [&](const UChar32* text, size_t n, std::vector<UChar32>* out) {
    out->clear();
    if (tables != nullptr) {
      T2sNative(*tables, text, n, out);
      return true;
    }
    std::string s, conv_s;
    for (size_t k = 0; k < n; ++k) AppendUtf8(text[k], &s);
    if (!ConvertT2s(conv, s, &conv_s)) return false;
    *out = CodePoints(conv_s);
    return true;
  };
  Units out;
  out.reserve(in.size());
  std::vector<UChar32> cps;
  size_t i = 0;
  while (i < in.size()) {
    if (!IsIdeograph(in[i].c)) {
      out.push_back(in[i]);
      ++i;
      continue;
    }
    size_t j = i;
    while (j < in.size() && in[j].c >= 0x80 && in[j].c != 0xFFFD) ++j;
    if (tables != nullptr) {
      bool any = false;  // a character with a TSCharacters or TSPhrases entry
      for (size_t k = i; k < j && !any; ++k) any = in[k].c < 0x110000 && tables->flags[in[k].c];
      if (!any) {  // t2s returns the run as it is
        out.insert(out.end(), in.begin() + i, in.begin() + j);
        i = j;
        continue;
      }
    }
    run_cps.clear();
    for (size_t k = i; k < j; ++k) run_cps.push_back(in[k].c);
    if (!convert(run_cps.data(), run_cps.size(), &cps)) cps.clear();
    if (cps.size() == j - i) {
      // Place names written as the gazetteer writes them stay as they are:
      // t2s would turn 乾县 into 干县.
      std::vector<char> keep;
      bool differs = false;
      for (size_t k = i; k < j && !differs; ++k) differs = cps[k - i] != in[k].c;
      if (differs) {
        keep.assign(j - i, 0);
        const std::string run = UnitsToUtf8(in, i, j);
        std::vector<size_t> char_at_byte(run.size() + 1, 0);
        for (size_t k = i, byte = 0; k < j; ++k) {
          const size_t len = Utf8Length(in[k].c);  // as UnitsToUtf8 wrote it
          for (size_t b = 0; b < len; ++b) char_at_byte[byte + b] = k - i;
          byte += len;
        }
        for (const auto& m : Gazetteer::Default().Mentions(run)) {
          for (size_t b = m.begin; b < m.end; ++b) keep[char_at_byte[b]] = 1;
        }
        for (size_t k = i; k < j; ++k) {
          const UChar32 c = keep[k - i] ? in[k].c : cps[k - i];
          if (c != in[k].c) ++*changed;
          out.push_back(Unit{c, in[k].begin, in[k].end});
        }
      } else {
        out.insert(out.end(), in.begin() + i, in.begin() + j);
      }
    } else {
      // Length changed (phrase mapping): convert character by character.
      std::vector<UChar32> c1;
      for (size_t k = i; k < j; ++k) {
        if (!convert(&in[k].c, 1, &c1)) c1.clear();
        if (c1.empty()) c1 = {in[k].c};
        if (c1.size() != 1 || c1[0] != in[k].c) ++*changed;
        for (UChar32 c : c1) out.push_back(Unit{c, in[k].begin, in[k].end});
      }
    }
    i = j;
  }
  return out;
}

// Whether a single space between a and b (neither a space) is dropped.
bool SpaceBetweenIsArtefact(UChar32 a, UChar32 b) {
  const bool wa = IsWide(a), wb = IsWide(b);
  // Around ASCII punctuation only on its inner side: "( 一 )" → "(一)",
  // "情况 :" → "情况:", but "信息数 (不同…)" keeps its space.
  const bool inner = (wa && IsAsciiCjkPunct(b) && b != '(') ||
                     (wb && IsAsciiCjkPunct(a) && a != ')' && a != '?' && a != '!');
  return (wa && wb) || inner;
}

// Stage 4: a single space between wide characters is a layout artefact.
Units CollapseCjkSpaces(Units in) {
  // Is in[i] a space to drop, after `prev` (the last character kept)?
  auto drops = [&in](const Unit* prev, size_t i) {
    return in[i].c == ' ' && prev != nullptr && i + 1 < in.size() && in[i + 1].c != ' ' &&
           prev->c != ' ' && SpaceBetweenIsArtefact(prev->c, in[i + 1].c);
  };
  // Up to the first space dropped, the output is the input.
  size_t first = 0;
  while (first < in.size() && !drops(first > 0 ? &in[first - 1] : nullptr, first)) ++first;
  if (first == in.size()) return in;
  Units out;
  out.reserve(in.size());
  out.insert(out.end(), in.begin(), in.begin() + static_cast<std::ptrdiff_t>(first));
  for (size_t i = first; i < in.size(); ++i) {
    if (drops(out.empty() ? nullptr : &out.back(), i)) continue;
    out.push_back(in[i]);
  }
  return out;
}

// The BMP characters GB2312 encodes with lead bytes 0xB0..last_lead, read
// once from ICU's GB2312 table (0xD7: level 1, the 3755 most frequent
// characters; 0xF7: levels 1 and 2).
const std::vector<bool>* Gb2312Hanzi(int last_lead) {
  auto* set = new std::vector<bool>(0x10000, false);
  UErrorCode s = U_ZERO_ERROR;
  UConverter* conv = ucnv_open("GB2312", &s);
  if (U_FAILURE(s) || conv == nullptr) return set;
  for (int lead = 0xB0; lead <= last_lead; ++lead) {
    for (int trail = 0xA1; trail <= 0xFE; ++trail) {
      const char in[2] = {static_cast<char>(lead), static_cast<char>(trail)};
      UChar out[4];
      UErrorCode e = U_ZERO_ERROR;
      ucnv_reset(conv);
      const int32_t n = ucnv_toUChars(conv, out, 4, in, 2, &e);
      if (U_SUCCESS(e) && n == 1 && out[0] != 0xFFFD) (*set)[out[0]] = true;
    }
  }
  ucnv_close(conv);
  return set;
}

// Frequent characters: GB2312 level 1.
bool IsCommonHanzi(UChar32 c) {
  static const std::vector<bool>* common = Gb2312Hanzi(0xD7);
  return c < 0x10000 && (*common)[c];
}

void AddMojibakeNote(const Units& u, size_t from, size_t to, const std::string& why,
                     std::vector<xxgk::v1::ReadingNote>* notes) {
  xxgk::v1::ReadingNote note;
  note.set_kind(xxgk::v1::ReadingNote::MOJIBAKE);
  note.set_message(why);
  note.set_excerpt(UnitsToUtf8(u, from, to));
  note.mutable_span()->set_source_begin(u[from].begin);
  note.mutable_span()->set_source_end(u[to - 1].end);
  notes->push_back(std::move(note));
}

bool InGb2312(UChar32 c) {
  static const std::vector<bool>* in_gb = Gb2312Hanzi(0xF7);
  return c < 0x10000 && (*in_gb)[c];
}

// 2 = outside GB2312 altogether (or private use), 1 = GB2312 level 2, 0 =
// common / not an ideograph. The same for every BMP code point, once.
const std::vector<char>& BmpRarity() {
  static const std::vector<char>* bmp_rarity = [] {
    auto* t = new std::vector<char>(0x10000, 0);
    for (UChar32 c = 0; c < 0x10000; ++c) {
      if (c >= 0xE000 && c <= 0xF8FF) {
        (*t)[c] = 2;
      } else if (IsIdeograph(c) && !IsCommonHanzi(c)) {
        (*t)[c] = InGb2312(c) ? 1 : 2;
      }
    }
    return t;
  }();
  return *bmp_rarity;
}

// Stage 5: garbled runs (notes only; the text is left as it is). Text
// mis-decoded (UTF-8 read as GBK and back) shows '?' glued to characters and
// Latin letters, and characters outside everyday use.
void DetectMojibake(const Units& u, std::vector<xxgk::v1::ReadingNote>* notes) {
  const size_t n = u.size();
  const std::vector<char>* bmp_rarity = &BmpRarity();
  std::vector<char> rare(n, 0);
  for (size_t i = 0; i < n; ++i) {
    const UChar32 c = u[i].c;
    if (c >= 0 && c < 0x10000) {
      rare[i] = (*bmp_rarity)[c];
    } else if (IsIdeograph(c)) {  // beyond GB2312
      rare[i] = 2;
    }
  }
  auto is_ascii_junk = [&](size_t k) {
    const UChar32 c = u[k].c;
    return c > ' ' && c < 0x7F && !(c >= '0' && c <= '9') && c != ',' && c != '.';
  };
  auto garbled = [&](size_t k) {
    return rare[k] == 2 || u[k].c == '?' || u[k].c == 0xFFFD || IsToneVowel(u[k].c) ||
           (u[k].c >= 0xE000 && u[k].c <= 0xF8FF) || is_ascii_junk(k);
  };
  auto is_break = [&](size_t k) {
    const UChar32 c = u[k].c;
    return c == '\n' || c == ' ' || c == 0x3002 || c == ',' || c == 0x3001;
  };
  size_t i = 0;
  while (i < n) {
    if (u[i].c == 0xFFFD) {
      size_t j = i;
      while (j < n && u[j].c == 0xFFFD) ++j;
      AddMojibakeNote(u, i, j, "replacement characters (undecodable text)", notes);
      i = j;
      continue;
    }
    std::string why;
    if (u[i].c == '?' && i > 0 && i + 1 < n && IsIdeograph(u[i - 1].c) && !is_break(i + 1)) {
      if (is_ascii_junk(i + 1) || IsToneVowel(u[i + 1].c)) {
        why = "question mark glued between characters and Latin letters or symbols";
      } else {
        for (size_t k = (i >= 2 ? i - 2 : 0); k < std::min(n, i + 3); ++k) {
          if (rare[k]) why = "question mark glued between characters next to unlikely characters";
        }
      }
    } else if (rare[i]) {
      size_t j = i;
      int hard = 0;
      while (j < n && rare[j]) hard += rare[j++] == 2;
      if (j - i >= 3 && hard >= 1) why = "run of unlikely characters";
    }
    if (why.empty()) {
      ++i;
      continue;
    }
    // Extend over neighbouring garbled characters, bridging up to two
    // ordinary characters between them (never across a line or sentence end).
    size_t b = i, e = i + 1;
    for (bool grew = true; grew;) {
      grew = false;
      for (size_t gap = 0; gap <= 2 && b > gap; ++gap) {
        const size_t k = b - 1 - gap;
        if (is_break(k)) break;
        if (garbled(k)) {
          b = k;
          grew = true;
          break;
        }
      }
    }
    for (bool grew = true; grew;) {
      grew = false;
      for (size_t gap = 0; gap <= 2 && e + gap < n; ++gap) {
        const size_t k = e + gap;
        if (is_break(k)) break;
        if (garbled(k)) {
          e = k + 1;
          grew = true;
          break;
        }
      }
    }
    AddMojibakeNote(u, b, e, why, notes);
    i = e;
  }
}


// The begin/end of result->notes in the text (from their input offsets).
void FillNoteSpans(Normalized* result) {
  for (auto& note : result->notes) {
    const uint32_t sb = note.span().source_begin(), se = note.span().source_end();
    auto lo = std::lower_bound(result->to_input.begin(), result->to_input.end() - 1, sb);
    auto hi = std::lower_bound(result->to_input.begin(), result->to_input.end() - 1, se);
    note.mutable_span()->set_begin(static_cast<uint32_t>(lo - result->to_input.begin()));
    note.mutable_span()->set_end(static_cast<uint32_t>(hi - result->to_input.begin()));
  }
}

// Signs of mojibake among the characters written (see WriteText).
struct MojibakeSigns {
  size_t last_rare = 0;  // 1 + the index (among those written) of the last unlikely one
  int run = 0;           // unlikely characters in a row up to it
  bool hard = false;     // a very unlikely one among them
  bool found = false;

  // Character number `kept` (counting from 1) is c, above ASCII, with bits b.
  void Add(size_t kept, UChar32 c, CharBits b) {
    if (c >= 0x10000 || (b & kMark)) found = true;
    if (c >= 0x10000 || !(b & kRare)) return;
    if (last_rare + 1 != kept) {
      run = 0;
      hard = false;
    }
    last_rare = kept;
    hard = hard || (b & kHard);
    if (++run >= 3 && hard) found = true;
  }
};

// The code point of the three-byte character in the low three bytes of w
// (little-endian: the lead byte lowest), without checking its form.
inline uint32_t Index3(uint32_t w) {
  return ((w & 0x0F) << 12) | ((w >> 2) & 0xFC0) | ((w >> 16) & 0x3F);
}

// Index3 of the two three-byte characters in the low six bytes of v at
// once: the first's code point in bits 0-15 of the result, the second's
// in bits 24-39 (each computed in its own lane of bits).
inline uint64_t Index3Pair(uint64_t v) {
  constexpr uint64_t kLanes = (uint64_t{1} << 24) | 1;
  return ((v & (0x0F * kLanes)) << 12) | ((v >> 2) & (0xFC0 * kLanes)) |
         ((v >> 16) & (0x3F * kLanes));
}

// The code point of the three-byte character at p, without checking its form.
inline UChar32 Decode3(const uint8_t* p) {
  return ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
}

// The three bytes of c (U+0800..U+FFFF) as one little-endian word (the lead
// byte lowest), for a four-byte store.
inline uint32_t Encode3(uint32_t c) {
  return 0x8080E0u | (c >> 12) | (((c >> 6) & 0x3F) << 8) | ((c & 0x3F) << 16);
}

// The character ending at q (after from, well-formed UTF-8) when it is ASCII
// or three bytes long, else -1.
inline UChar32 AsciiOr3Before(const uint8_t* from, const uint8_t* q) {
  if (q > from && q[-1] < 0x80) return q[-1];
  if (q - from >= 3 && (q[-3] & 0xF0) == 0xE0) return Decode3(q - 3);
  return -1;
}

// Appends the text and offset map of u (as AppendUtf8 would append each
// character; `base` added to every offset, no end entry).
// kFast: returns whether DetectMojibake may find something in the
// characters written: a U+FFFD, a '?' after an ideograph,
// three unlikely characters in a row with a very unlikely one, a character
// beyond the BMP (kTrack: looked for; without, there is none). Without
// kFast: true.
template <bool kFast, bool kTrack>
bool WriteText(const Units& u, const CharBits* bits, uint32_t base, Normalized* result) {
  // Written into small buffers appended chunk by chunk, so that neither the
  // text nor the map is filled with zeros first.
  std::string& text = result->text;
  std::vector<uint32_t>& to_input = result->to_input;
  if (const size_t need = to_input.size() + 3 * u.size() + 1; need > to_input.capacity()) {
    to_input.reserve(std::max(need, 2 * to_input.capacity()));
    text.reserve(std::max(text.size() + 3 * u.size(), 2 * text.capacity()));
  }
  constexpr size_t kChunk = 240;
  char tbuf[kChunk + 4];
  uint32_t mbuf[kChunk + 4];
  size_t at = 0;
  UChar32 prev = -1;  // the last character written
  size_t kept = 0;    // characters written
  MojibakeSigns signs;
  const size_t n = u.size();
  for (size_t i = 0; i < n; ++i) {
    const Unit& unit = u[i];
    const UChar32 c = unit.c;
    if (c >= 0 && c < 0x80) {
      if constexpr (kTrack) {
        if (c == '?' && prev >= 0 && IsIdeograph(prev)) signs.found = true;
      }
      tbuf[at] = static_cast<char>(c);
      mbuf[at++] = unit.begin + base;
    } else if (kFast ? static_cast<uint32_t>(c) < 0x10000 && (bits[c] & kThreeBytes)
                     : c >= 0x800 && c <= 0xFFFF && (c < 0xD800 || c > 0xDFFF)) {  // all of CJK
      if constexpr (kTrack) {
        const CharBits b = bits[c];
        if (b & (kMark | kRare)) signs.Add(kept + 1, c, b);
      }
      // The three bytes as one little-endian word (tbuf has room for a fourth).
      const uint32_t bytes = Encode3(static_cast<uint32_t>(c));
      std::memcpy(tbuf + at, &bytes, 4);
      mbuf[at] = mbuf[at + 1] = mbuf[at + 2] = unit.begin + base;
      at += 3;
    } else {
      if constexpr (kTrack) signs.Add(kept + 1, c, c < 0x10000 ? bits[c] : 0);
      const size_t len = WriteUtf8(tbuf + at, c);
      for (size_t k = 0; k < len; ++k) mbuf[at + k] = unit.begin + base;
      at += len;
    }
    if constexpr (kTrack) {
      prev = c;
      ++kept;
    }
    if (at >= kChunk) {
      text.append(tbuf, at);
      to_input.insert(to_input.end(), mbuf, mbuf + at);
      at = 0;
    }
  }
  text.append(tbuf, at);
  to_input.insert(to_input.end(), mbuf, mbuf + at);
  return !kFast || signs.found;
}

const CharBits* FastCharBits() {
  static const CharBits* bits = [] {
    auto* t = new CharBits[0x10000]();
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status)) nfkc = nullptr;
    const T2sTables* t2s = T2sNativeTables();
    const std::vector<char>& rarity = BmpRarity();
    for (UChar32 c = 0; c < 0x10000; ++c) {
      CharBits b = 0;
      if (nfkc != nullptr) {
        if (c >= 0x80 && !nfkc->isInert(c)) b |= kNfkcTouch;
        if (!nfkc->hasBoundaryBefore(c)) b |= kNoBoundary;
      }
      if (t2s != nullptr && (t2s->flags[c] & T2sTables::kCharChanges)) b |= kT2s;
      if (rarity[c] != 0) b |= kRare;
      if (rarity[c] == 2) b |= kHard;
      if (IsToneVowel(c)) b |= kTone;
      if (c == '\r' || c == '\f' || c == '\v' || c == 0x2028 || c == 0x2029 || c == 0x85 ||
          IsDroppedControl(c)) {
        b |= kSpecialRead;
      }
      if (c == '\n') b |= kLineEnd;
      if (c == '(') b |= kOpen;
      if (c == ' ') b |= kSpace;
      if (c == '?' || c == 0xFFFD) b |= kMark;
      if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
        b |= kThreeBytes;
      } else {
        b |= kBad3;
      }
      t[c] = b;
    }
    // A run of characters t2s converts is left as it is unless it holds a
    // character TSCharacters changes or one a TSPhrases key holds where its
    // value differs (any character of a key whose value is not as long):
    // every phrase it matches otherwise maps to itself.
    std::vector<bool> in_phrase(0x10000, false);  // held by a TSPhrases key
    if (t2s != nullptr) {
      for (const auto& [first, list] : t2s->phrases) {
        for (const T2sTables::Phrase& phrase : list) {
          for (size_t k = 0; k < phrase.key.size(); ++k) {
            const UChar32 c = phrase.key[k];
            if (c < 0 || c >= 0x10000) continue;
            in_phrase[c] = true;
            if (phrase.key.size() != phrase.value.size() || c != phrase.value[k]) t[c] |= kT2s;
          }
        }
      }
    }
    const std::string_view tsv(data::kDivisionsTsv, data::kDivisionsTsvSize);
    for (UChar32 c : CodePoints(tsv)) {
      if (c >= 0 && c < 0x10000) t[c] |= kPlace;
    }
    if (t2s != nullptr) {
      for (UChar32 c = 0; c < 0x10000; ++c) {
        const uint8_t f = t2s->flags[c];
        const UChar32 v = t2s->bmp_value[c];
        if (f == T2sTables::kCharChanges && !in_phrase[c] && IsIdeograph(c) && IsIdeograph(v) &&
            v < 0x10000 && !(t[c] & (kNfkcTouch | kNoBoundary | kPlace | kSpecialRead))) {
          t[c] |= kT2sOne;
          constexpr CharBits kLooked = kNfkcTouch | kNoBoundary | kT2s | kRare | kSpecialRead |
                                       kOpen | kSpace | kMark | kLineEnd | kBad3;
          if (!(t[v] & kLooked)) t[c] |= kT2sPlain;
        }
      }
    }
    return t;
  }();
  return bits;
}

// What the direct writer knows of the character at p (before e): its code
// point after NFKC (a one-to-one mapping of a character alone in its
// segment), its length in the input and its bits; len 0 when it needs the
// unit stages (ill-formed, beyond the BMP, E0/ED leads, a mapping to
// several characters or to a longer one).
struct DirectChar {
  UChar32 c = -1;  // as read
  UChar32 f = -1;  // as written
  int len = 0;
  CharBits bits = 0;  // of c
};

[[gnu::always_inline]] inline DirectChar ReadDirect(const uint8_t* p, const uint8_t* e, const CharBits* bits) {
  DirectChar d;
  const uint8_t b = *p;
  if (b < 0x80) {
    d.c = b;
    d.len = 1;
  } else if (static_cast<uint8_t>(b - 0xE1) <= 0xEF - 0xE1 && b != 0xED && e - p >= 3 &&
             ((p[1] ^ 0x80) | (p[2] ^ 0x80)) < 0x40) {
    d.c = Decode3(p);
    d.len = 3;
  } else if (b >= 0xC2 && b <= 0xDF && e - p >= 2 && (p[1] ^ 0x80) < 0x40) {
    d.c = ((b & 0x1F) << 6) | (p[1] & 0x3F);
    d.len = 2;
  } else {
    return d;
  }
  d.bits = bits[d.c];
  d.f = d.c;
  return d;
}

// Where the characters a stage looks at stand, in order (indexes into Units).
struct Positions {
  std::vector<uint32_t> nfkc;   // kNfkcTouch
  std::vector<uint32_t> opens;  // '(' (when opens_known)
  bool opens_known = true;

  void Note(int bits, size_t at) {
    if (bits & kNfkcTouch) nfkc.push_back(static_cast<uint32_t>(at));
    if (bits & kOpen) opens.push_back(static_cast<uint32_t>(at));
  }
};

// ReadUnits, also ORing into *seen the FastCharBits of every character read
// (kAstral for one beyond the BMP), and noting in *at where the characters
// a stage looks at stand.
Units FastReadUnits(std::string_view in, const CharBits* bits, int* seen, Positions* at) {
  Units u;
  u.resize(in.size());  // no fill (DefaultInitAllocator); cut to size below
  Unit* w = u.data();
  const auto* p = reinterpret_cast<const uint8_t*>(in.data());
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(in.size());
  int acc = 0;
  while (i < n) {
    if (const DirectChar d = ReadDirect(p + i, p + n, bits);
        d.len != 0 && !(d.bits & kSpecialRead)) {  // a well-formed character kept as it is
      if (d.bits & (kNfkcTouch | kOpen)) at->Note(d.bits, static_cast<size_t>(w - u.data()));
      *w++ = Unit{d.c, static_cast<uint32_t>(i), static_cast<uint32_t>(i + d.len)};
      acc |= d.bits;
      i += d.len;
      continue;
    }
    Unit unit;
    int32_t next = i;
    const bool kept = ReadOtherUnit(p, &next, n, &unit);
    i = next;
    if (kept) {
      const int cb = unit.c < 0x10000 ? bits[unit.c] : kAstral;
      if (cb & (kNfkcTouch | kOpen)) at->Note(cb, static_cast<size_t>(w - u.data()));
      *w++ = unit;
      acc |= cb;
    }
  }
  u.resize(static_cast<size_t>(w - u.data()));
  *seen = acc;
  return u;
}

// ApplyNfkc when every character is its own segment (none lacks a boundary
// before it) and all are in the BMP: each of at->nfkc mapped alone,
// one-to-one mappings in place (at->opens then also lists the '(' made);
// otherwise ApplyNfkc itself (and at->opens is no longer known).
Units FastNfkc(Units u, const CharBits* bits, Positions* at, int* seen) {
  if (!(*seen & (kNfkcTouch | kNoBoundary | kAstral))) return u;
  NfkcProperties* props = Nfkc();
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (props == nullptr || U_FAILURE(status) || nfkc == nullptr ||
      (*seen & (kNoBoundary | kAstral))) {
    u = ApplyNfkc(std::move(u));
    *seen = ~0;  // anything may follow
    at->opens_known = false;
    return u;
  }
  std::vector<size_t> multi;  // characters NFKC maps to several
  std::vector<uint32_t> opens;  // '(' made
  for (const uint32_t k : at->nfkc) {
    const UChar32 c = u[k].c;
    const UChar32 m = props->SingleMapping(c);
    if (m >= 0) {
      u[k].c = m == 0x3000 ? ' ' : m;
      *seen |= u[k].c < 0x10000 ? bits[u[k].c] : kAstral;
      if (u[k].c == '(') opens.push_back(k);
    } else {
      multi.push_back(k);
    }
  }
  if (!opens.empty()) {
    std::vector<uint32_t> all(at->opens.size() + opens.size());
    std::merge(at->opens.begin(), at->opens.end(), opens.begin(), opens.end(), all.begin());
    at->opens = std::move(all);
  }
  if (multi.empty()) return u;
  *seen = ~0;  // anything may follow
  at->opens_known = false;
  Units out;
  out.reserve(u.size() + 4 * multi.size());
  size_t from = 0;
  for (size_t k : multi) {
    out.insert(out.end(), u.begin() + from, u.begin() + k);
    AppendNfkcSegment(*nfkc, u, k, k + 1, &out);
    from = k + 1;
  }
  out.insert(out.end(), u.begin() + from, u.end());
  return out;
}

// StripPinyin in place, visiting only the '(' listed in `opens` (in order):
// the characters between the readings removed are moved down in blocks.
void FastStripPinyinAt(Units* units, const std::vector<uint32_t>& opens) {
  Units& in = *units;
  const size_t n = in.size();
  size_t w = 0;     // in[0, w) is the output so far
  size_t from = 0;  // in[from, n) is still to be moved
  for (const uint32_t i : opens) {
    if (i < from || w + (i - from) == 0) continue;  // removed, or nothing before it
    // The last character kept before in[i].
    const UChar32 prev = i > from ? in[i - 1].c : in[w - 1].c;
    const size_t close = ReadingEnd<true>(in, prev, i);
    if (close == 0) continue;
    if (w == from) {
      w = i;
    } else {
      for (size_t k = from; k < i; ++k) in[w++] = in[k];
    }
    in[w - 1].end = std::max(in[w - 1].end, in[close].end);
    from = close + 1;
  }
  if (w == from) return;
  for (size_t k = from; k < n; ++k) in[w++] = in[k];
  in.resize(w);
}

void FastStripPinyin(Units* units) {
  Units& in = *units;
  size_t w = 0;  // in[0, w) is the output so far
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i].c == '(' && w > 0) {
      const size_t close = ReadingEnd<true>(in, in[w - 1].c, i);
      if (close != 0) {
        in[w - 1].end = std::max(in[w - 1].end, in[close].end);
        i = close;
        continue;
      }
    }
    if (w != i) in[w] = in[i];
    ++w;
  }
  in.resize(w);
}

// ToSimplified run by run, in place: a run t2s leaves as long as it was and
// changes in no character of the gazetteer's data is converted here; any
// other run (place names to keep, phrase mappings that change its length)
// by ToSimplified itself.
Units FastToSimplified(Units in, const CharBits* bits, int* changed, int* seen) {
  const T2sTables* tables = T2sNativeTables();
  if (tables == nullptr) {
    *seen = ~0;
    return ToSimplified(std::move(in), changed);
  }
  struct Splice {
    size_t from, to;
    Units units;
  };
  std::vector<Splice> splices;
  std::vector<UChar32> run, cps;
  const size_t n = in.size();
  size_t i = 0;
  while (i < n) {
    if (!IsIdeograph(in[i].c)) {
      ++i;
      continue;
    }
    size_t j = i;
    bool any = false;  // a character t2s may change (beyond the BMP: any)
    for (; j < n && in[j].c >= 0x80 && in[j].c != 0xFFFD; ++j) {
      const UChar32 c = in[j].c;
      any = any || c >= 0x10000 || (bits[c] & kT2s) != 0;
    }
    if (!any) {
      i = j;
      continue;
    }
    run.clear();
    for (size_t k = i; k < j; ++k) run.push_back(in[k].c);
    cps.clear();
    T2sNative(*tables, run.data(), run.size(), &cps);
    bool general = cps.size() != j - i;
    for (size_t k = i; k < j && !general; ++k) {
      const UChar32 c = in[k].c;
      general = cps[k - i] != c && (c >= 0x10000 || (bits[c] & kPlace));
    }
    if (general) {
      Units sub = ToSimplified(Units(in.begin() + i, in.begin() + j), changed);
      *seen = ~0;
      if (sub.size() == j - i) {
        std::copy(sub.begin(), sub.end(), in.begin() + i);
      } else {
        splices.push_back(Splice{i, j, std::move(sub)});
      }
    } else {
      for (size_t k = i; k < j; ++k) {
        if (cps[k - i] != in[k].c) {
          in[k].c = cps[k - i];
          *seen |= in[k].c < 0x10000 ? bits[in[k].c] : kAstral;
          ++*changed;
        }
      }
    }
    i = j;
  }
  if (splices.empty()) return in;
  Units out;
  out.reserve(in.size() + 8 * splices.size());
  size_t from = 0;
  for (Splice& s : splices) {
    out.insert(out.end(), in.begin() + from, in.begin() + s.from);
    out.insert(out.end(), s.units.begin(), s.units.end());
    from = s.to;
  }
  out.insert(out.end(), in.begin() + from, in.end());
  return out;
}

// CollapseCjkSpaces in place.
void FastCollapseCjkSpaces(Units* units) {
  Units& in = *units;
  const size_t n = in.size();
  size_t w = 0;  // in[0, w) is the output so far
  for (size_t i = 0; i < n; ++i) {
    if (in[i].c == ' ' && w > 0 && i + 1 < n && in[i + 1].c != ' ' && in[w - 1].c != ' ' &&
        SpaceBetweenIsArtefact(in[w - 1].c, in[i + 1].c)) {
      continue;
    }
    if (w != i) in[w] = in[i];
    ++w;
  }
  in.resize(w);
}

}  // namespace

namespace internal {

Normalized NormalizeTextGeneral(std::string_view utf8, const NormalizeOptions& options) {
  Normalized result;
  Units u = ReadUnits(utf8);
  u = ApplyNfkc(std::move(u));
  if (options.strip_pinyin) u = StripPinyin(std::move(u));
  if (options.to_simplified) u = ToSimplified(std::move(u), &result.traditional_chars);
  if (options.collapse_cjk_spaces) u = CollapseCjkSpaces(std::move(u));
  DetectMojibake(u, &result.notes);
  WriteText<false, false>(u, nullptr, 0, &result);
  result.to_input.push_back(static_cast<uint32_t>(utf8.size()));
  FillNoteSpans(&result);
  return result;
}

}  // namespace internal

namespace {

// The stages over Units for utf8, which starts at byte `base` of the input:
// appends its text and offsets (no end entry) to *result, adds to its
// count, and appends DetectMojibake's notes on the units written where
// WriteText saw signs (source spans at input offsets; FillNoteSpans is left
// to the caller).
void AppendStaged(std::string_view utf8, const NormalizeOptions& options, uint32_t base,
                  Normalized* result) {
  const CharBits* bits = FastCharBits();
  // What the characters read (and those stages wrote) may need: a stage
  // whose trigger no character has leaves the text as it is.
  int seen = 0;
  Positions at;
  Units u = FastReadUnits(utf8, bits, &seen, &at);
  u = FastNfkc(std::move(u), bits, &at, &seen);
  if (options.strip_pinyin && (seen & kOpen)) {
    if (at.opens_known) {
      FastStripPinyinAt(&u, at.opens);
    } else {
      FastStripPinyin(&u);
    }
  }
  if (options.to_simplified && (seen & kT2s)) {
    u = FastToSimplified(std::move(u), bits, &result->traditional_chars, &seen);
  }
  if (options.collapse_cjk_spaces && (seen & kSpace)) FastCollapseCjkSpaces(&u);
  // No character read or written by a stage has a mojibake sign: no checks.
  const bool signs = (seen & (kMark | kRare | kAstral))
                         ? WriteText<true, true>(u, bits, base, result)
                         : WriteText<true, false>(u, bits, base, result);
  if (!signs) return;
  const size_t first = result->notes.size();
  DetectMojibake(u, &result->notes);
  for (size_t k = first; k < result->notes.size(); ++k) {
    auto* span = result->notes[k].mutable_span();
    span->set_source_begin(span->source_begin() + base);
    span->set_source_end(span->source_end() + base);
  }
}

// NormalizeText with the stages over the units of the whole text.
Normalized NormalizeWithUnits(std::string_view utf8, const NormalizeOptions& options) {
  Normalized result;
  AppendStaged(utf8, options, 0, &result);
  result.to_input.push_back(static_cast<uint32_t>(utf8.size()));
  if (!result.notes.empty()) FillNoteSpans(&result);
  return result;
}

// The last character of well-formed UTF-8 ending at e (after b), or -1.
UChar32 LastCharBefore(const uint8_t* b, const uint8_t* e) {
  if (e == b) return -1;
  if (e[-1] < 0x80) return e[-1];
  int32_t i = static_cast<int32_t>(e - b);
  UChar32 c;
  U8_PREV_UNSAFE(b, i, c);
  return c;
}

// d.f after NFKC where d.c is kNfkcTouch (a character alone in its
// segment); false when that is not one code point no longer than d.c.
[[gnu::always_inline]] inline bool MapDirect(NfkcProperties* props, DirectChar* d) {
  if (!(d->bits & kNfkcTouch)) return true;
  UChar32 m = props->SingleMapping(d->c);
  if (m < 0) return false;
  if (m == 0x3000) m = ' ';
  if (Utf8Length(m) > static_cast<size_t>(d->len)) return false;
  d->f = m;
  return true;
}

// WriteCharStarts for in[j, k), a byte at a time.
void CharStartsPlain(uint32_t* buf, const uint8_t* in, uint32_t at, size_t j, size_t k) {
  uint32_t last_cont = j > 0 && (in[j - 1] & 0xC0) == 0x80;  // whether the byte before is one
  for (; j < k; ++j) {
    const uint32_t cont = (in[j] & 0xC0) == 0x80;
    buf[j] = at + static_cast<uint32_t>(j) - (cont + (cont & last_cont));
    last_cont = cont;
  }
}

// Up to this many bytes after the last whole block cost less a byte at a
// time than in a block overlapping the one before.
constexpr size_t kCharStartsTail = 4;

#ifdef __SSE2__
// WriteCharStarts for the sixteen bytes in[j, j + 16): a continuation byte
// steps back one, two after another one.
inline void CharStarts16(uint32_t* buf, const uint8_t* in, uint32_t at, size_t j) {
  const int carry = j > 0 && (in[j - 1] & 0xC0) == 0x80;
  const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in + j));
  const __m128i cont = _mm_and_si128(
      _mm_cmpeq_epi8(_mm_and_si128(x, _mm_set1_epi8(static_cast<char>(0xC0))),
                     _mm_set1_epi8(static_cast<char>(0x80))),
      _mm_set1_epi8(1));
  const __m128i before = _mm_or_si128(_mm_slli_si128(cont, 1), _mm_cvtsi32_si128(carry));
  const __m128i back = _mm_add_epi8(cont, _mm_and_si128(cont, before));
  const __m128i zero = _mm_setzero_si128();
  const __m128i lo = _mm_unpacklo_epi8(back, zero), hi = _mm_unpackhi_epi8(back, zero);
  const __m128i idx = _mm_add_epi32(_mm_set1_epi32(static_cast<int>(at + j)),
                                    _mm_setr_epi32(0, 1, 2, 3));
  const __m128i four = _mm_set1_epi32(4);
  auto* out = reinterpret_cast<__m128i*>(buf + j);
  _mm_storeu_si128(out, _mm_sub_epi32(idx, _mm_unpacklo_epi16(lo, zero)));
  const __m128i idx4 = _mm_add_epi32(idx, four);
  _mm_storeu_si128(out + 1, _mm_sub_epi32(idx4, _mm_unpackhi_epi16(lo, zero)));
  const __m128i idx8 = _mm_add_epi32(idx4, four);
  _mm_storeu_si128(out + 2, _mm_sub_epi32(idx8, _mm_unpacklo_epi16(hi, zero)));
  _mm_storeu_si128(out + 3, _mm_sub_epi32(_mm_add_epi32(idx8, four), _mm_unpackhi_epi16(hi, zero)));
}

// WriteCharStarts for k >= 16: blocks of sixteen, the bytes after the last
// one in a block overlapping it (written twice, alike) or a byte at a time.
void CharStartsSse2(uint32_t* buf, const uint8_t* in, uint32_t at, size_t k) {
  size_t j = 0;
  for (; j + 16 <= k; j += 16) CharStarts16(buf, in, at, j);
  if (k - j > kCharStartsTail) {
    CharStarts16(buf, in, at, k - 16);
  } else {
    CharStartsPlain(buf, in, at, j, k);
  }
}
#endif

#if defined(__x86_64__) || defined(__i386__)
#define XXGK_NORMALIZE_AVX2 1
// CharStarts16 for the thirty-two bytes in[j, j + 32).
__attribute__((target("avx2"))) inline void CharStarts32(uint32_t* buf, const uint8_t* in,
                                                         uint32_t at, size_t j) {
  const int carry = j > 0 && (in[j - 1] & 0xC0) == 0x80;
  const __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(in + j));
  const __m256i cont = _mm256_and_si256(
      _mm256_cmpeq_epi8(_mm256_and_si256(x, _mm256_set1_epi8(static_cast<char>(0xC0))),
                        _mm256_set1_epi8(static_cast<char>(0x80))),
      _mm256_set1_epi8(1));
  // cont one byte up across the two lanes, the carry in byte 0.
  const __m256i before =
      _mm256_or_si256(_mm256_alignr_epi8(cont, _mm256_permute2x128_si256(cont, cont, 0x08), 15),
                      _mm256_setr_epi32(carry, 0, 0, 0, 0, 0, 0, 0));
  const __m256i back = _mm256_add_epi8(cont, _mm256_and_si256(cont, before));
  const __m128i lo = _mm256_castsi256_si128(back), hi = _mm256_extracti128_si256(back, 1);
  const __m256i idx = _mm256_add_epi32(_mm256_set1_epi32(static_cast<int>(at + j)),
                                       _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
  const __m256i eight = _mm256_set1_epi32(8);
  auto* out = reinterpret_cast<__m256i*>(buf + j);
  _mm256_storeu_si256(out, _mm256_sub_epi32(idx, _mm256_cvtepu8_epi32(lo)));
  const __m256i idx8 = _mm256_add_epi32(idx, eight);
  _mm256_storeu_si256(out + 1, _mm256_sub_epi32(idx8, _mm256_cvtepu8_epi32(_mm_srli_si128(lo, 8))));
  const __m256i idx16 = _mm256_add_epi32(idx8, eight);
  _mm256_storeu_si256(out + 2, _mm256_sub_epi32(idx16, _mm256_cvtepu8_epi32(hi)));
  _mm256_storeu_si256(out + 3, _mm256_sub_epi32(_mm256_add_epi32(idx16, eight),
                                                _mm256_cvtepu8_epi32(_mm_srli_si128(hi, 8))));
}

// CharStartsSse2 with blocks of thirty-two (k >= 32).
__attribute__((target("avx2"))) void CharStartsAvx2(uint32_t* buf, const uint8_t* in, uint32_t at,
                                                    size_t k) {
  size_t j = 0;
  for (; j + 32 <= k; j += 32) CharStarts32(buf, in, at, j);
  if (k - j > kCharStartsTail) {
    CharStarts32(buf, in, at, k - 32);
  } else {
    CharStartsPlain(buf, in, at, j, k);
  }
}
#endif

// Writes to buf, for each byte of the well-formed in[0, k) (characters of
// at most three bytes), at plus the offset of the character it belongs to:
// the offset minus the continuation bytes before it in its character.
// Blocks of sixteen or thirty-two bytes at a time where the machine has
// SSE2 or AVX2 (normalize_char_starts_test pins each path to the plain one).
void WriteCharStarts(internal::CharStartsPath path, uint32_t* buf, const uint8_t* in, uint32_t at,
                     size_t k) {
  using internal::CharStartsPath;
#ifdef XXGK_NORMALIZE_AVX2
  if (path == CharStartsPath::kAvx2 && k >= 32) return CharStartsAvx2(buf, in, at, k);
#endif
#ifdef __SSE2__
  if (path != CharStartsPath::kPlain && k >= 16) return CharStartsSse2(buf, in, at, k);
#endif
  size_t j = 0;
  if (path != CharStartsPath::kPlain) {
    // Short runs (between edits): a character at a time.
    while (j < k) {
      const uint8_t b = in[j];
      if (b < 0x80) {
        buf[j] = at + static_cast<uint32_t>(j);
        ++j;
      } else if (b >= 0xE0 && j + 3 <= k) {
        buf[j] = buf[j + 1] = buf[j + 2] = at + static_cast<uint32_t>(j);
        j += 3;
      } else {
        break;
      }
    }
    if (j == k) return;
  }
  CharStartsPlain(buf, in, at, j, k);
}

// The fastest path of WriteCharStarts this machine runs.
internal::CharStartsPath BestCharStartsPath() {
  static const internal::CharStartsPath best =
      internal::CharStartsPathRuns(internal::CharStartsPath::kAvx2)
          ? internal::CharStartsPath::kAvx2
          : internal::CharStartsPath::kSse2;
  return best;
}

// memcpy(to, from, n), without a call for the short runs between a
// traditional text's edits (two overlapping moves), and in pieces below
// memcpy's rep movsb threshold for long ones.
inline void CopyBytes(char* to, const uint8_t* from, size_t n) {
  if (n >= 8 && n <= 16) {
    uint64_t head, tail;
    std::memcpy(&head, from, 8);
    std::memcpy(&tail, from + n - 8, 8);
    std::memcpy(to, &head, 8);
    std::memcpy(to + n - 8, &tail, 8);
    return;
  }
  if (n >= 4 && n < 8) {
    uint32_t head, tail;
    std::memcpy(&head, from, 4);
    std::memcpy(&tail, from + n - 4, 4);
    std::memcpy(to, &head, 4);
    std::memcpy(to + n - 4, &tail, 4);
    return;
  }
  for (size_t k = 0; k < n; k += 2048) std::memcpy(to + k, from + k, std::min<size_t>(2048, n - k));
}

// For each character of a TSPhrases key: the keys holding it, with where.
struct PhraseMember {
  const std::vector<UChar32>* key;
  size_t at;
};
const std::unordered_map<UChar32, std::vector<PhraseMember>>& PhraseMembers() {
  static const auto* members = [] {
    auto* m = new std::unordered_map<UChar32, std::vector<PhraseMember>>;
    if (const T2sTables* t = T2sNativeTables(); t != nullptr) {
      for (const auto& [first, list] : t->phrases) {
        for (const T2sTables::Phrase& phrase : list) {
          for (size_t k = 0; k < phrase.key.size(); ++k) {
            (*m)[phrase.key[k]].push_back(PhraseMember{&phrase.key, k});
          }
        }
      }
    }
    return m;
  }();
  return *members;
}

// The characters of well-formed UTF-8 before the end of [b2, e2), then
// before the end of [b1, e1), last first: read back only as far as asked.
class CharsBackward {
 public:
  CharsBackward(const uint8_t* b1, const uint8_t* e1, const uint8_t* b2, const uint8_t* e2)
      : ranges_{{b2, e2}, {b1, e1}}, left_(static_cast<int32_t>(e2 - b2)) {}

  // Character k (0: the last one), or -1 when there are not so many.
  UChar32 At(size_t k) {
    while (read_ <= k && read_ < kMax) {
      if (left_ == 0 && range_ == 0) {  // on to the range before
        range_ = 1;
        left_ = static_cast<int32_t>(ranges_[1].second - ranges_[1].first);
      }
      if (left_ == 0) break;
      U8_PREV_UNSAFE(ranges_[range_].first, left_, chars_[read_]);
      ++read_;
    }
    return k < read_ ? chars_[k] : -1;
  }

  static constexpr size_t kMax = 16;

 private:
  std::pair<const uint8_t*, const uint8_t*> ranges_[2];
  size_t range_ = 0;
  int32_t left_;  // bytes of ranges_[range_] not yet read
  UChar32 chars_[kMax];
  size_t read_ = 0;
};

// Whether a character with bits b (as read or written) needs the unit
// stages: one of `stages`, but for kT2s with kT2sOne (mapped directly).
inline bool NeedsStages(CharBits b, CharBits stages) {
  const CharBits s = b & stages;
  return s != 0 && !(s == kT2s && (b & kT2sOne));
}

// Whether the '(' before p opens a pinyin reading glued to `before` (the
// last character written; not a space, line break or '('), as ReadingEnd
// sees the units after it: the characters up to the first ')' or line
// break among the next 29. Sets *after past the ')' of a reading (else
// null); false when a character there needs the stages (ill-formed, beyond
// the BMP, no NFKC boundary, a special read, an NFKC mapping to several).
bool ReadingAfter(const uint8_t* p, const uint8_t* e, const CharBits* bits, NfkcProperties* props,
                  UChar32 before, const uint8_t** after) {
  // Two-byte characters a reading may hold that NFKC leaves as they are:
  // ü (kLetter), tone-marked vowels (kToneLetter).
  constexpr uint8_t kLetter = 1, kToneLetter = 2;
  static const std::array<uint8_t, 0x800>* const kLetters2 = [bits, props] {
    auto* t = new std::array<uint8_t, 0x800>();
    for (UChar32 c = 0x80; c < 0x800; ++c) {
      if (!((bits[c] & kTone) || c == U'ü') || (bits[c] & (kNoBoundary | kSpecialRead))) continue;
      if (!(bits[c] & kNfkcTouch) || props->SingleMapping(c) == c) {
        (*t)[c] = (bits[c] & kTone) ? kToneLetter : kLetter;
      }
    }
    return t;
  }();
  *after = nullptr;
  ReadingSyllables reading(bits);
  for (int k = 0; k < 29; ++k) {  // the characters ReadingEnd looks at
    if (p >= e) return true;
    // Most of a reading: letters 'a'..'z', then two-byte ones.
    if (const uint8_t b = *p; static_cast<uint8_t>(b - 'a') < 26) {
      reading.AddAsciiLetter(b);
      ++p;
      continue;
    } else if ((b & 0xE0) == 0xC0 && e - p >= 2 && (p[1] & 0xC0) == 0x80) {
      if (const uint8_t letter = (*kLetters2)[((b & 0x1F) << 6) | (p[1] & 0x3F)]; letter != 0) {
        reading.AddOtherLetter(letter == kToneLetter);
        p += 2;
        continue;
      }
    }
    UChar32 f;
    int len = 1;
    if (*p == ' ' || *p == ')') {
      f = *p;
    } else {
      DirectChar d = ReadDirect(p, e, bits);
      if (d.len == 0 || (d.bits & (kNoBoundary | kSpecialRead)) || !MapDirect(props, &d)) {
        return false;
      }
      f = d.f;
      len = d.len;
    }
    if (f == ')') {
      if ((IsIdeograph(before) || reading.tone()) && reading.IsReading()) *after = p + len;
      return true;
    }
    // A character no reading holds: none here, whatever follows.
    if (!reading.Add(f)) return true;
    p += len;
  }
  return true;
}

// Whether the line at p (up to its line break) has a character that the
// direct writer surely leaves to the stages: ill-formed, beyond the BMP, or
// with one of `stages`.
bool LineNeedsStages(const uint8_t* p, const uint8_t* e, const CharBits* bits, CharBits stages) {
  while (p < e) {
    const uint8_t b = *p;
    if (b == '\n') return false;
    if (b < 0x80) {
      if (bits[b] & stages) return true;
      ++p;
      continue;
    }
    const DirectChar d = ReadDirect(p, e, bits);
    if (d.len == 0 || NeedsStages(d.bits, stages)) return true;
    p += d.len;
  }
  return false;
}

// Whether the line starting at p (before e) joins the one before it: it
// starts with a character without an NFKC boundary before it, or one the
// direct writer cannot read.
inline bool JoinsLineBefore(const uint8_t* p, const uint8_t* e, const CharBits* bits) {
  if (p >= e || *p < 0x80) return false;
  const DirectChar next = ReadDirect(p, e, bits);
  return next.len == 0 || (next.bits & kNoBoundary);
}

// Whether the character starting at t[q] (well-formed UTF-8 up to t[to])
// is one of DetectMojibake's breaks: '\n', ' ', ',', 。 (E3 80 82) or 、
// (E3 80 81).
inline bool MojibakeBreakAt(const uint8_t* t, size_t q, size_t to) {
  if (t[q] < 0x80) return t[q] == '\n' || t[q] == ' ' || t[q] == ',';
  return to - q >= 3 && t[q] == 0xE3 && t[q + 1] == 0x80 && (t[q + 2] == 0x81 || t[q + 2] == 0x82);
}

// Widens [*b, *e) (text offsets in the well-formed UTF-8 t[from, to), *b
// at a character) to the characters around it up to DetectMojibake's breaks
// (not included). No note spans a break, and every test DetectMojibake makes
// around a character stops at one (a character before a '?' must be an
// ideograph, one after it no break): over such a piece alone it finds the
// notes it finds there over the whole line.
void MojibakePiece(const uint8_t* t, size_t from, size_t to, size_t* b, size_t* e) {
  while (*b > from) {
    size_t q = *b - 1;  // the start of the character before
    while ((t[q] & 0xC0) == 0x80) --q;
    if (MojibakeBreakAt(t, q, to)) break;
    *b = q;
  }
  while (*e < to && !MojibakeBreakAt(t, *e, to)) {
    const uint8_t lead = t[*e];
    *e += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  }
}

// NormalizeText writing the input bytes straight to the text where no
// stage changes them: line by line, a line whose characters need no stage
// but one-to-one NFKC mappings and the collapsing of spaces is written
// directly (its offsets counted up); any other line (with the next ones
// that start with a character joining it, a combining mark) goes through
// the unit stages on its own. Lines are independent in every stage: NFKC
// segments start at characters with a boundary before them, readings and
// t2s runs end at a line break, a space next to one stays, and mojibake
// signs and notes never span one (a line's notes are found around its
// signs). False when ICU's NFKC is not there.
bool NormalizeDirect(std::string_view in, const NormalizeOptions& options, Normalized* result) {
  const CharBits* bits = FastCharBits();
  NfkcProperties* props = Nfkc();
  if (props == nullptr) return false;
  const bool collapse = options.collapse_cjk_spaces;
  const bool pinyin = options.strip_pinyin;
  // Characters that need a look (every other one is copied as it is).
  const CharBits look = kNfkcTouch | kNoBoundary | kSpecialRead | kMark | kRare | kLineEnd |
                        (options.to_simplified ? kT2s : 0) | (pinyin ? kOpen : 0) |
                        (collapse ? kSpace : 0);
  const CharBits look3 = look | kBad3;
  // Characters (as written) that need the unit stages.
  const CharBits stages =
      kNoBoundary | kSpecialRead | (options.to_simplified ? kT2s : 0);
  const bool to_simplified = options.to_simplified;
  const CharBits t2s_plain = to_simplified ? kT2sPlain : 0;
  const T2sTables* tables = T2sNativeTables();
  const internal::CharStartsPath char_starts = BestCharStartsPath();
  // Written through positions into text and map (a staged chunk appends),
  // cut to size at the end. They grow in steps short enough for memset's
  // vector loop (no fill of the whole map at once).
  std::string& text = result->text;
  std::vector<uint32_t>& to_input = result->to_input;
  text.reserve(in.size() + 16);
  to_input.reserve(in.size() + 16);
  size_t tw = 0;  // text[0, tw) and to_input[0, tw) are written
  auto room = [&](size_t need) {
    if (to_input.size() >= need) [[likely]] return;
    while (to_input.size() < need) {
      size_t grown = to_input.size() + 480;
      if (const size_t cap = std::min(to_input.capacity(), text.capacity()); grown > cap) {
        grown = cap > to_input.size() ? cap : need;
      }
      text.resize(grown);
      to_input.resize(grown);
    }
  };
  const auto* const begin = reinterpret_cast<const uint8_t*>(in.data());
  const uint8_t* const end = begin + in.size();
  const uint8_t* p = begin;
  const uint8_t* line = begin;  // where the current line starts
  const uint8_t* run = begin;   // input not yet written (all of it as it is)
  size_t line_tw = 0;  // tw where the line starts (when run > line)
  size_t rare_end = SIZE_MAX;  // text offset after the last unlikely character written
  int line_changed = 0;  // result->traditional_chars where the line starts
  Units units;           // line_notes' pieces
  // A line written directly with a mojibake sign gets its notes from the
  // units of what was written: where its text starts, where its signs
  // stand, and the end (input offset) of each reading skipped after the
  // character ending at a text position.
  std::vector<size_t> signs;
  size_t line_start_tw = 0;
  std::vector<std::pair<size_t, uint32_t>> skipped;
  int rare_run = 0;
  bool rare_hard = false;
  // A new line starts at p (its bytes not yet written: at tw + p - run).
  auto begin_line = [&] {
    line = p;
    line_start_tw = tw + static_cast<size_t>(p - run);
    skipped.clear();
    line_changed = result->traditional_chars;
    rare_end = SIZE_MAX;
  };
  // Writes the input up to q as it is.
  auto flush = [&](const uint8_t* q) {
    if (q == run) return;
    const size_t n = static_cast<size_t>(q - run);
    room(tw + n);
    CopyBytes(text.data() + tw, run, n);
    WriteCharStarts(char_starts, to_input.data() + tw, run, static_cast<uint32_t>(run - begin), n);
    tw += n;
    run = q;
  };
  // Before p is written otherwise than read: the line's start remembered
  // (where the stages may take the line back), the input up to p written.
  auto start_edit = [&] {
    if (run <= line) {
      flush(line);
      line_tw = tw;
    }
    flush(p);
  };
  // The last character written before p.
  auto prev = [&]() -> UChar32 {
    if (p > run) return LastCharBefore(run, p);
    return LastCharBefore(reinterpret_cast<const uint8_t*>(text.data()),
                          reinterpret_cast<const uint8_t*>(text.data()) + tw);
  };
  // The notes of the line written directly since line_start_tw (up to tw):
  // DetectMojibake over its units as the stages would have them (each
  // character with its input bytes, a reading skipped after it included),
  // piece by piece between its breaks: only the pieces holding a sign.
  auto line_notes = [&] {
    const auto* t = reinterpret_cast<const uint8_t*>(text.data());
    size_t next_skip = 0;
    size_t done = line_start_tw;  // the text before is looked at
    for (const size_t at : signs) {
      if (at < done) continue;  // in the piece before
      size_t b = at, e = at;
      MojibakePiece(t, line_start_tw, tw, &b, &e);
      while (next_skip < skipped.size() && skipped[next_skip].first <= b) ++next_skip;
      units.clear();
      for (size_t k = b; k < e;) {
        const uint32_t from = to_input[k];
        UChar32 c;
        size_t len = 1;
        if (t[k] < 0x80) {
          c = t[k];
        } else {
          int32_t i = static_cast<int32_t>(k);
          U8_NEXT_UNSAFE(t, i, c);
          len = static_cast<size_t>(i) - k;
        }
        const uint8_t lead = begin[from];
        uint32_t to = from + (lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4);
        k += len;
        while (next_skip < skipped.size() && skipped[next_skip].first <= k) {
          if (skipped[next_skip].first == k) to = std::max(to, skipped[next_skip].second);
          ++next_skip;
        }
        units.push_back(Unit{c, from, to});
      }
      DetectMojibake(units, &result->notes);
      done = e;
    }
    signs.clear();
  };
  // What t2s makes of the character d (kT2s, not kT2sOne; as NFKC leaves
  // it) where it stands, or -1 for the stages: an ideograph whose
  // TSCharacters value is one ideograph (or none), outside the gazetteer's
  // data, where no TSPhrases key holding it can match (the characters
  // before it as written, those after it as read; a '(' after it may
  // open a reading the stages remove, anything unread is a match). A key
  // that matches written text but not the units only sends the line to the
  // stages; one that matches the units matches the written text too: the
  // characters of a matching key are written as read.
  const auto& members = PhraseMembers();
  auto t2s_here = [&](const DirectChar& d, CharBits fb) -> UChar32 {
    const UChar32 c = d.f;
    const uint8_t f = tables->flags[c];
    if ((f & T2sTables::kCharMulti) || (fb & kPlace) || !IsIdeograph(c)) return -1;
    const UChar32 value = (f & T2sTables::kCharChanges) ? tables->bmp_value[c] : c;
    if (!IsIdeograph(value)) return -1;
    const auto it = members.find(c);
    if (it == members.end()) return value;
    constexpr size_t kMax = CharsBackward::kMax;
    // The characters before it as written, read back as the keys need.
    CharsBackward back(reinterpret_cast<const uint8_t*>(text.data()),
                       reinterpret_cast<const uint8_t*>(text.data()) + tw, run, p);
    UChar32 ahead[kMax];
    size_t nahead = 0;
    bool ahead_open = true;  // more characters may be read after ahead[nahead - 1]
    const uint8_t* q = p + d.len;
    for (const PhraseMember& m : it->second) {
      const std::vector<UChar32>& key = *m.key;
      if (key.size() > kMax) return -1;
      if (m.at > 0) {
        bool same = true;
        for (size_t k = 0; k < m.at && same; ++k) same = back.At(k) == key[m.at - 1 - k];
        if (!same) continue;
      }
      bool same = true;
      for (size_t k = m.at + 1; k < key.size() && same; ++k) {
        const size_t a = k - m.at - 1;
        while (nahead <= a && ahead_open) {
          if (q >= end) {
            ahead_open = false;
            break;
          }
          DirectChar next = ReadDirect(q, end, bits);
          if (next.len == 0 || (next.bits & (kNoBoundary | kSpecialRead)) ||
              !MapDirect(props, &next)) {
            return -1;
          }
          if (pinyin && next.f == '(' && q + next.len < end) {
            // A reading there is not among the units.
            const UChar32 before = nahead > 0 ? ahead[nahead - 1] : c;
            if (before != ' ' && before != '\n' && before != '(') {
              const uint8_t* after = nullptr;
              if (!ReadingAfter(q + next.len, end, bits, props, before, &after)) return -1;
              if (after != nullptr) {
                q = after;
                continue;
              }
            }
          }
          ahead[nahead++] = next.f;
          q += next.len;
        }
        same = a < nahead && ahead[a] == key[k];
      }
      if (same) return -1;
    }
    return value;
  };
  while (p < end) {
    // Characters copied as they are: ASCII and well-formed three-byte ones
    // (lead E1..EC, EE, EF) without a bit to look at.
    // Four bytes loaded at once where there are four: ASCII from the first,
    // a three-byte character from the first three (code points below
    // U+0800 and surrogates, which are not well-formed so, marked kBad3).
    while (end - p >= 4) {
      uint32_t w;
      std::memcpy(&w, p, 4);
      if ((w & 0x80) == 0) {
        if (!(bits[w & 0x7F] & look)) {
          ++p;
          continue;
        }
        // A line break before an ASCII character (which has an NFKC
        // boundary before it): the next line starts here.
        if ((w & 0xFF) == '\n' && signs.empty() && ((w >> 8) & 0x80) == 0) {
          ++p;
          begin_line();
          continue;
        }
        // A '(' after a character copied as it is: a reading glued to it
        // skipped here.
        if ((w & 0xFF) == '(' && pinyin) {
          // The character before: the input's as it is, or the last written.
          const uint8_t* q = p;
          const uint8_t* from = run;
          if (p == run) {
            from = reinterpret_cast<const uint8_t*>(text.data());
            q = from + tw;
          }
          const UChar32 before = AsciiOr3Before(from, q);
          if (before < 0 || before == ' ' || before == '\n' || before == '(') break;
          const uint8_t* after = nullptr;
          if (!ReadingAfter(p + 1, end, bits, props, before, &after)) break;
          if (after == nullptr) {
            ++p;
            continue;
          }
          start_edit();
          skipped.emplace_back(tw, static_cast<uint32_t>(after - begin));
          p = run = after;
          continue;
        }
        // A space between two characters copied as they are: kept or
        // dropped here (anything else below).
        if ((w & 0xFF) != ' ' || p == run) break;
        UChar32 next;
        const uint32_t nb = (w >> 8) & 0xFF;
        if (nb < 0x80) {
          if (nb == ' ') {  // a space before a space stays
            ++p;
            continue;
          }
          if (bits[nb] & look) break;
          next = static_cast<UChar32>(nb);
        } else {
          if ((w & 0xC0C0F000) != 0x8080E000) break;
          next = static_cast<UChar32>(Index3(w >> 8));
          if (bits[next] & look3) break;
        }
        const UChar32 before = AsciiOr3Before(run, p);  // p > run
        if (before < 0) break;
        // Between two ASCII characters (table rows "| 0 | 0 |") neither is
        // wide: the space stays.
        if (before == ' ' || (before | next) < 0x80 || !SpaceBetweenIsArtefact(before, next)) {
          ++p;
          continue;
        }
        start_edit();
        ++p;
        run = p;
        continue;
      }
      if ((w & 0xC0C0F0) != 0x8080E0) break;
      if (const CharBits cb = bits[Index3(w)]; cb & look3) {
        // A traditional character with a plain value: written here.
        if (!(cb & t2s_plain) || (cb & look3 & ~(kT2s | kRare))) break;
        start_edit();
        room(tw + 4);
        const uint32_t v = static_cast<uint32_t>(tables->bmp_value[Index3(w)]);
        const uint32_t bytes = Encode3(v);
        std::memcpy(text.data() + tw, &bytes, 4);
        const uint32_t from = static_cast<uint32_t>(p - begin);
        to_input[tw] = to_input[tw + 1] = to_input[tw + 2] = from;
        tw += 3;
        ++result->traditional_chars;
        p += 3;
        run = p;
        continue;
      }
      p += 3;
      // Then pairs of three-byte characters from eight bytes.
      while (end - p >= 8) {
        uint64_t v;
        std::memcpy(&v, p, 8);
        if ((v & 0xC0C0F0C0C0F0ULL) != 0x8080E08080E0ULL) break;
        const uint64_t pair = Index3Pair(v);
        if (bits[pair & 0xFFFF] & look3) break;
        if (bits[(pair >> 24) & 0xFFFF] & look3) {
          p += 3;
          break;
        }
        p += 6;
      }
    }
    if (p >= end) break;
    DirectChar d = ReadDirect(p, end, bits);
    if (d.len != 0 && !(d.bits & look)) {
      p += d.len;
      continue;
    }
    bool stage = d.len == 0;
    bool drop = false;
    if (!stage && d.c == '\n') {
      ++p;
      stage = JoinsLineBefore(p, end, bits);  // then it goes to the stages too
      if (!stage) {
        if (!signs.empty()) {
          flush(p);
          line_notes();
        }
        begin_line();
        continue;
      }
      --p;
    }
    if (!stage) stage = !MapDirect(props, &d);
    if (!stage) {
      CharBits fb = d.f < 0x10000 ? bits[d.f] : kNoBoundary;
      stage = (fb & stages & ~kT2s) != 0 || (d.f != d.c && (d.bits & stages) != 0);
      if (!stage && (fb & kT2s) && to_simplified) {  // t2s where it stands
        const UChar32 v = (fb & kT2sOne) ? tables->bmp_value[d.f] : t2s_here(d, fb);
        if (v < 0) {
          stage = true;
        } else if (v != d.f) {
          d.f = v;
          fb = bits[v];
          ++result->traditional_chars;
        }
      }
      // A mojibake sign (the line's notes are looked for around it).
      const size_t at = tw + static_cast<size_t>(p - run);  // where d is written
      if (!stage && (fb & kMark) && (d.f != '?' || IsIdeograph(prev()))) signs.push_back(at);
      if (!stage && (fb & kRare)) {
        if (at != rare_end) {
          rare_run = 0;
          rare_hard = false;
        }
        ++rare_run;
        rare_hard = rare_hard || (fb & kHard);
        if (rare_run >= 3 && rare_hard) signs.push_back(at);  // a mojibake sign
        rare_end = at + Utf8Length(d.f);
      }
      if (!stage && d.f == ' ' && collapse && p + d.len < end) {
        // A space between characters CollapseCjkSpaces drops it between.
        DirectChar next = ReadDirect(p + d.len, end, bits);
        if (next.len == 0 || NeedsStages(next.bits, stages) || !MapDirect(props, &next) ||
            (next.f != next.c && (next.bits & stages))) {
          stage = true;
        } else if (next.f != ' ') {
          const UChar32 before = prev();
          drop = before >= 0 && before != ' ' && SpaceBetweenIsArtefact(before, next.f);
        }
      }
      if (!stage && d.f == '(' && pinyin && p + d.len < end) {
        // A reading glued to the character before it is skipped (its
        // characters as NFKC leaves them one by one; anything else there
        // goes to the stages).
        const UChar32 before = prev();
        if (before >= 0 && before != ' ' && before != '\n' && before != '(') {
          const uint8_t* after = nullptr;
          stage = !ReadingAfter(p + d.len, end, bits, props, before, &after);
          if (!stage && after != nullptr) {
            start_edit();
            skipped.emplace_back(tw, static_cast<uint32_t>(after - begin));
            p = run = after;
            continue;
          }
        }
      }
    }
    if (!stage) {
      if (!drop && d.f == d.c) {
        p += d.len;
        continue;
      }
      start_edit();
      if (!drop) {
        room(tw + 4);
        const size_t len = WriteUtf8(text.data() + tw, d.f);
        const uint32_t from = static_cast<uint32_t>(p - begin);
        for (size_t k = 0; k < len; ++k) to_input[tw + k] = from;
        tw += len;
      }
      p += d.len;
      run = p;
      continue;
    }
    // The unit stages for this line and those joining it.
    if (run <= line) {
      flush(line);
    } else {
      tw = line_tw;
    }
    text.resize(tw);
    to_input.resize(tw);
    result->traditional_chars = line_changed;
    signs.clear();
    // With the lines after it that need the stages too (one chunk costs
    // less than several; where chunks end changes nothing).
    const uint8_t* stop = line;
    do {
      const void* nl = std::memchr(stop, '\n', static_cast<size_t>(end - stop));
      stop = nl == nullptr ? end : static_cast<const uint8_t*>(nl) + 1;
    } while (stop < end && (JoinsLineBefore(stop, end, bits) ||
                            LineNeedsStages(stop, end, bits, stages & ~kT2s)));
    const std::string_view chunk(reinterpret_cast<const char*>(line),
                                 static_cast<size_t>(stop - line));
    // The chunk's notes too (none spans a line break).
    AppendStaged(chunk, options, static_cast<uint32_t>(line - begin), result);
    p = run = stop;
    tw = text.size();
    begin_line();
  }
  flush(end);
  if (!signs.empty()) line_notes();
  text.resize(tw);
  to_input.resize(tw);
  to_input.push_back(static_cast<uint32_t>(in.size()));
  if (!result->notes.empty()) FillNoteSpans(result);
  return true;
}

}  // namespace

Normalized NormalizeText(std::string_view utf8, const NormalizeOptions& options) {
  if (utf8.size() >= UINT32_MAX) {
    return NormalizeWithUnits(utf8, options);
  }
  Normalized result;
  if (NormalizeDirect(utf8, options, &result)) return result;
  return NormalizeWithUnits(utf8, options);
}

namespace {

// Every pattern of IsPageChromeLine is anchored at the start of the trimmed
// line, after at most an opening bracket ([ or 【, twice for 【?打印) and \s
// (which RE2 reads as [\t\n\f\r ]): it can match only when the line goes on
// with one of the words the patterns start with (or is a dated weekday), or holds a literal
// a pattern needs wherever it starts (首页 for crumb trails, ICP备 and 公网安备
// for footers). Says which patterns may match.
enum class ChromeCandidates {
  kNone,
  kViewDate,  // only the dated weekday (no start word, no literal)
  kAll,
};
ChromeCandidates MayBePageChrome(absl::string_view line) {
  static constexpr absl::string_view kStarts[] = {
      "您现在的位置", "您的位置", "当前位置", "现在位置", "所在位置", "位置", "字体", "字号",
      "页面调色", "页面颜色", "无障碍", "适老化", "长者模式", "关怀版", "扫一扫", "手机扫",
      "微信扫一扫", "分享到", "分享至", "打印", "关闭", "收藏", "加入收藏", "返回", "上一篇",
      "下一篇", "相关附件", "附件下载", "相关链接", "相关文件", "版权所有", "Copyright",
      "copyright", "©", "网站标识码", "技术支持", "网站地图", "设为首页", "主办", "承办", "顶部",
      "浏览次数", "访问次数", "阅读次数", "点击数", "浏览量"};
  // No start is shorter than two bytes (the one short start is ©): a head
  // of the line's first byte alone is never compared.
  static_assert([] {
    for (const absl::string_view start : kStarts) {
      if (start.size() < 2) return false;
    }
    return true;
  }());
  absl::string_view rest = line;
  auto skip_space = [&rest] {
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t' ||
                             rest.front() == '\n' || rest.front() == '\f' || rest.front() == '\r')) {
      rest.remove_prefix(1);
    }
  };
  for (int k = 0; k < 2; ++k) {
    if (absl::StartsWith(rest, "[")) {
      rest.remove_prefix(1);
    } else if (absl::StartsWith(rest, "【")) {
      rest.remove_prefix(3);
    }
    skip_space();
  }
  // The one pattern starting with a digit is a date with its weekday.
  bool view_date = false;
  if (!line.empty() && line.front() >= '0' && line.front() <= '9') {
    const std::string_view text(line.data(), line.size());
    view_date = ContainsByLastByte(text, "日") &&
                (ContainsByLastByte(text, "星期") || ContainsByLastByte(text, "周") ||
                 ContainsByLastByte(text, "礼拜"));
  }
  // The first (up to) three bytes of each start, to compare as one number.
  auto head = [](absl::string_view t) {
    uint32_t h = 0;
    for (size_t k = 0; k < 3; ++k) h = (h << 8) | (k < t.size() ? static_cast<uint8_t>(t[k]) : 0);
    return h;
  };
  static const std::vector<uint32_t>* kHeads = [&head] {
    auto* v = new std::vector<uint32_t>;
    for (absl::string_view start : kStarts) v->push_back(head(start.substr(0, 3)));
    return v;
  }();
  // The line's own first three bytes, and first two for the starts that
  // short (©), computed once.
  const uint32_t head3 = head(rest.substr(0, 3)), head2 = head(rest.substr(0, 2));
  // A bit per hash of the first three bytes of the starts that long, and
  // the first two bytes of the shorter ones: most lines start with none
  // and skip the comparisons.
  struct HeadFilter {
    uint64_t bits[64] = {};
    std::vector<uint32_t> short_heads;
    static size_t Hash(uint32_t h) { return ((h * 0x9E3779B1u) >> 20) & 4095; }
  };
  static const HeadFilter* kFilter = [&head] {
    auto* f = new HeadFilter;
    for (absl::string_view start : kStarts) {
      if (start.size() >= 3) {
        const size_t b = HeadFilter::Hash(head(start.substr(0, 3)));
        f->bits[b >> 6] |= uint64_t{1} << (b & 63);
      } else {
        f->short_heads.push_back(head(start.substr(0, start.size())));
      }
    }
    return f;
  }();
  const size_t hb = HeadFilter::Hash(head3);
  bool may_start = (kFilter->bits[hb >> 6] >> (hb & 63)) & 1;
  for (const uint32_t h : kFilter->short_heads) {
    may_start = may_start || h == head2;
  }
  for (size_t k = 0; may_start && k < std::size(kStarts); ++k) {
    const size_t n = kStarts[k].size();
    const uint32_t h = n >= 3 ? head3 : head2;
    if (h == (*kHeads)[k] && absl::StartsWith(rest, kStarts[k])) return ChromeCandidates::kAll;
  }
  if (internal::HasChromeLiteral(std::string_view(line.data(), line.size()))) {
    return ChromeCandidates::kAll;
  }
  return view_date ? ChromeCandidates::kViewDate : ChromeCandidates::kNone;
}

}  // namespace

namespace internal {

bool HasChromeLiteral(std::string_view line) {
  const auto* t = reinterpret_cast<const uint8_t*>(line.data());
  const size_t n = line.size();
  // Crumb trails count only in lines under 200 bytes; ICP备 comes after at
  // most 3 characters (12 bytes), 公网安备 after at most 12 (48 bytes).
  const size_t limit = n < 200 ? n : 60;  // where the literals may end
  // Whether one of them ends with byte q, the last of 页 or 备.
  auto ends_at = [line, n](size_t q) {
    const std::string_view before = line.substr(0, q + 1);
    return (n < 200 && before.ends_with("首页")) || (q < 18 && before.ends_with("ICP备")) ||
           (q < 60 && before.ends_with("公网安备"));
  };
  // Candidates: the last two bytes of 页 (E9 A1 B5) or 备 (E5 A4 87).
  auto candidate = [t](size_t q) {
    return (t[q] == 0xB5 && t[q - 1] == 0xA1) || (t[q] == 0x87 && t[q - 1] == 0xA4);
  };
  size_t q = 1;
#ifdef __SSE2__
  // Sixteen ends at a time, the last block overlapping the one before.
  auto block = [t, &ends_at](size_t at) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(t + at));
    const __m128i y = _mm_loadu_si128(reinterpret_cast<const __m128i*>(t + at - 1));
    auto pair = [x, y](uint8_t last, uint8_t before) {
      return _mm_and_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(static_cast<char>(last))),
                           _mm_cmpeq_epi8(y, _mm_set1_epi8(static_cast<char>(before))));
    };
    for (int m = _mm_movemask_epi8(_mm_or_si128(pair(0xB5, 0xA1), pair(0x87, 0xA4))); m != 0;
         m &= m - 1) {
      if (ends_at(at + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(m))))) return true;
    }
    return false;
  };
  if (limit >= 17) {
    for (; q + 16 <= limit; q += 16) {
      if (block(q)) return true;
    }
    return q < limit && block(limit - 16);
  }
#endif
  for (; q < limit; ++q) {
    if (candidate(q) && ends_at(q)) return true;
  }
  return false;
}

bool CharStartsPathRuns(CharStartsPath path) {
  switch (path) {
    case CharStartsPath::kSse2:
#ifdef __SSE2__
      return true;
#else
      return false;
#endif
    case CharStartsPath::kAvx2:
#ifdef XXGK_NORMALIZE_AVX2
      return __builtin_cpu_supports("avx2");
#else
      return false;
#endif
    default:
      return true;
  }
}

std::vector<uint32_t> CharStarts(std::string_view utf8, uint32_t at, CharStartsPath path) {
  std::vector<uint32_t> starts(utf8.size());
  WriteCharStarts(path, starts.data(), reinterpret_cast<const uint8_t*>(utf8.data()), at,
                  utf8.size());
  return starts;
}

bool T2sTablesLoaded() { return T2sNativeTables() != nullptr; }

std::string T2sWithTables(std::string_view utf8) {
  const T2sTables* t = T2sNativeTables();
  if (t == nullptr) return std::string(utf8);
  const std::vector<UChar32> in = CodePoints(utf8);
  std::vector<UChar32> out;
  T2sNative(*t, in.data(), in.size(), &out);
  std::string s;
  for (UChar32 c : out) AppendUtf8(c, &s);
  return s;
}

std::string T2sWithOpenCC(std::string_view utf8) {
  const opencc::SimpleConverter* conv = T2sConverter();
  std::string out;
  if (conv == nullptr || !ConvertT2s(conv, std::string(utf8), &out)) return std::string(utf8);
  return out;
}

}  // namespace internal

bool IsPageChromeLine(std::string_view line_in) {
  absl::string_view line(line_in.data(), line_in.size());
  // Trim spaces.
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
    line.remove_suffix(1);
  }
  if (line.empty()) return false;
  const ChromeCandidates candidates = MayBePageChrome(line);
  if (candidates == ChromeCandidates::kNone) return false;
  re2::StringPiece sp(line.data(), line.size());
  // Breadcrumbs: 您现在的位置: 首页 > 政务公开 > ...
  static const re2::RE2 kBreadcrumb(
      R"(^(您现在的位置|您的位置|当前位置|现在位置|所在位置|位置)\s*[::]?.*)");
  static const re2::RE2 kCrumbTrail(R"(^[^>|。,]{1,20}(\s*(>|>>|»|›|/)\s*[^>|。,]{1,20}){2,}$)");
  static const re2::RE2 kFont(R"(^(【)?字[体号]\s*[::]?\s*[\[【]?\s*大.{0,6}中.{0,6}小\s*[\]】]?)");
  static const re2::RE2 kColour(R"(^[【\[]?\s*(页面调色|页面颜色|无障碍|适老化|长者模式|关怀版))");
  static const re2::RE2 kScan(R"(^[【\[]?\s*(扫一扫|手机扫码|手机扫一扫|微信扫一扫))");
  static const re2::RE2 kShare(R"(^[【\[]?\s*(分享到|分享至|打印本页|打印此页|关闭窗口|关闭本页|【?打印】?\s*【?关闭】?|收藏本页|加入收藏|返回顶部|上一篇|下一篇))");
  static const re2::RE2 kAttach(R"(^(相关附件|附件下载|相关链接|相关文件)\s*[::]?$)");
  // Site footers and lone print/close links.
  static const re2::RE2 kFooter(
      R"(^(版权所有|Copyright|copyright|©|网站标识码|.{0,3}ICP备|.{0,12}公网安备|技术支持\s*[::]|网站地图|设为首页|主办单位\s*[::]|承办单位\s*[::]|主办\s*[::]|承办\s*[::]))");
  static const re2::RE2 kLoneLink(R"(^[\[【]?\s*(打印|关闭|返回|收藏|顶部)\s*[\]】]?$)");
  // A date with its weekday alone on a line: the day the page was viewed.
  static const re2::RE2 kViewDate(
      R"(^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(星期|周|礼拜)[一二三四五六日天]$)");
  static const re2::RE2 kViews(R"(^(浏览次数|访问次数|阅读次数|点击数|浏览量)\s*[::]?\s*\d*$)");
  // A line that starts with no start word and holds no literal: every
  // pattern but the dated weekday's fails on it.
  if (candidates == ChromeCandidates::kViewDate) return RE2::PartialMatch(sp, kViewDate);
  if (RE2::PartialMatch(sp, kBreadcrumb)) {
    return line.size() < 300 && (line.find('>') != absl::string_view::npos ||
                                 line.find("»") != absl::string_view::npos ||
                                 line.find("首页") != absl::string_view::npos);
  }
  if (line.size() < 200 && RE2::PartialMatch(sp, kCrumbTrail) &&
      line.find("首页") != absl::string_view::npos) {
    return true;
  }
  if (line.size() < 160 && (RE2::PartialMatch(sp, kFont) || RE2::PartialMatch(sp, kColour) ||
                            RE2::PartialMatch(sp, kScan) || RE2::PartialMatch(sp, kShare))) {
    return true;
  }
  if (line.size() < 240 && (RE2::PartialMatch(sp, kFooter) || RE2::PartialMatch(sp, kLoneLink))) {
    return true;
  }
  return RE2::PartialMatch(sp, kAttach) || RE2::PartialMatch(sp, kViews) ||
         RE2::PartialMatch(sp, kViewDate);
}

}  // namespace xxgk::report
