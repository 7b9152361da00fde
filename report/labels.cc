#include "report/labels.h"

#include "report/re_scan.h"
#include "report/utf8.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include "absl/container/inlined_vector.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "re2/re2.h"
#include "unicode/uchar.h"
#include "unicode/utf8.h"

namespace xxgk::report {
namespace {

bool IsChineseDigit(UChar32 c) {
  switch (c) {
    case U'一': case U'二': case U'三': case U'四': case U'五': case U'六':
    case U'七': case U'八': case U'九': case U'十': case U'〇': case U'零':
    case U'两':
      return true;
    default:
      return false;
  }
}

int DigitValue(UChar32 c) {
  switch (c) {
    case U'〇': case U'零': return 0;
    case U'一': return 1;
    case U'二': case U'两': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    default: return -1;
  }
}

// The code points of a text, decoded only as far as they are asked for
// (numbering sits at the start of a label), with CodePoints' conventions:
// invalid bytes read as U+FFFD.
class LazyCodePoints {
 public:
  explicit LazyCodePoints(std::string_view s)
      : p_(reinterpret_cast<const uint8_t*>(s.data())), n_(static_cast<int32_t>(s.size())) {}

  // True when the text has a code point at index `k`.
  bool Has(size_t k) {
    while (cps_.size() <= k) {
      if (pos_ >= n_) return false;
      UChar32 c;
      U8_NEXT(p_, pos_, n_, c);
      cps_.push_back(c < 0 ? 0xFFFD : c);
    }
    return true;
  }

  // The code point at `k`; Has(k) must be true.
  UChar32 operator[](size_t k) const { return cps_[k]; }
  // The code points decoded so far.
  const UChar32* data() const { return cps_.data(); }

  // The code points [from, to) (as far as they exist), re-encoded.
  std::string Encode(size_t from, size_t to) {
    std::string out;
    for (size_t i = from; i < to && Has(i); ++i) {
      char buf[4];
      int32_t len = 0;
      UBool err = false;
      U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, cps_[i], err);
      if (!err) out.append(buf, len);
    }
    return out;
  }

  // UTF-8 length of the code points [0, to) as decoded.
  size_t EncodedLength(size_t to) {
    size_t n = 0;
    for (size_t i = 0; i < to && Has(i); ++i) n += U8_LENGTH(cps_[i]);
    return n;
  }

 private:
  const uint8_t* p_;
  int32_t n_;
  int32_t pos_ = 0;
  absl::InlinedVector<UChar32, 24> cps_;
};

bool IsSpace(UChar32 c) { return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0; }

}  // namespace

namespace {

// ChineseNumeralValue of the numeral made of `count` (at most three) code
// points.
int NumeralValue(const UChar32* cps, size_t count) {
  if (count == 0) return 0;
  int value = 0;
  int pending = 0;
  bool any = false;
  for (size_t k = 0; k < count; ++k) {
    const UChar32 c = cps[k];
    if (c == U'十') {
      value += (pending == 0 ? 1 : pending) * 10;
      pending = 0;
      any = true;
    } else {
      int d = DigitValue(c);
      if (d < 0) return 0;
      pending = d;
      any = true;
    }
  }
  return any ? value + pending : 0;
}

}  // namespace

int ChineseNumeralValue(std::string_view numeral) {
  // at most three code points (as CodePoints decodes them), without a vector
  UChar32 cps[3];
  size_t count = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(numeral.data());
  const int32_t n = static_cast<int32_t>(numeral.size());
  for (int32_t i = 0; i < n;) {
    if (count == 3) return 0;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    cps[count++] = c < 0 ? 0xFFFD : c;
  }
  return NumeralValue(cps, count);
}

namespace {

// What ParseNumberingImpl fills in besides `style` and `length`.
enum class NumberingParts { kLength, kValue, kFull };

// ParseNumbering; kFull fills in everything, kValue all but `written` (the
// numeral is valued from its code points, not re-encoded), kLength only
// `style` and `length`.
template <NumberingParts kParts>
Numbering ParseNumberingImpl(std::string_view text) {
  Numbering out;
  LazyCodePoints cps(text);
  size_t i = 0;
  while (cps.Has(i) && IsSpace(cps[i])) ++i;
  const size_t start = i;
  auto finish = [&](NumberingStyle style, size_t num_from, size_t num_to, size_t end,
                    bool paren) {
    out.style = style;
    if constexpr (kParts == NumberingParts::kFull) {
      std::string num = cps.Encode(num_from, num_to);
      out.written = paren ? absl::StrCat("(", num, ")") : num;
      if (style == NumberingStyle::kArabic) {
        out.value = std::atoi(num.c_str());
      } else {
        out.value = ChineseNumeralValue(num);
      }
    } else if constexpr (kParts == NumberingParts::kValue) {
      // [num_from, num_to) is one to three ASCII digits (kArabic) or
      // Chinese digits (else), as every branch below scans them
      (void)paren;
      if (style == NumberingStyle::kArabic) {
        int value = 0;
        for (size_t k = num_from; k < num_to; ++k) value = value * 10 + (cps[k] - '0');
        out.value = value;
      } else {
        out.value = NumeralValue(cps.data() + num_from, num_to - num_from);
      }
    } else {
      (void)num_from;
      (void)num_to;
      (void)paren;
    }
    // swallow a separator and spaces that follow
    while (cps.Has(end) && (IsSpace(cps[end]) || cps[end] == U'、' ||
                                (cps[end] == '.' && (!cps.Has(end + 1) ||
                                                     !(cps[end + 1] >= '0' && cps[end + 1] <= '9'))))) {
      ++end;
    }
    out.length = cps.EncodedLength(end);
  };
  if (!cps.Has(i)) return out;
  if (cps[i] == '(') {
    size_t j = i + 1;
    while (cps.Has(j) && IsSpace(cps[j])) ++j;
    size_t k = j;
    bool chinese = cps.Has(k) && IsChineseDigit(cps[k]);
    bool arabic = cps.Has(k) && cps[k] >= '0' && cps[k] <= '9';
    while (cps.Has(k) && k - j < 3 &&
           ((chinese && IsChineseDigit(cps[k])) || (arabic && cps[k] >= '0' && cps[k] <= '9'))) {
      ++k;
    }
    size_t m = k;
    while (cps.Has(m) && IsSpace(cps[m])) ++m;
    if ((chinese || arabic) && k > j && cps.Has(m) && cps[m] == ')') {
      finish(chinese ? NumberingStyle::kParen : NumberingStyle::kArabic, j, k, m + 1, true);
    }
    return out;
  }
  if (cps[i] == U'第' && cps.Has(i + 1) && IsChineseDigit(cps[i + 1])) {
    // 第一部分 / 第一章 as a part numbering
    size_t k = i + 1;
    while (cps.Has(k) && k - i <= 3 && IsChineseDigit(cps[k])) ++k;
    if (cps.Has(k + 1) && cps[k] == U'部' && cps[k + 1] == U'分') {
      finish(NumberingStyle::kTop, i + 1, k, k + 2, false);
    } else if (cps.Has(k) && cps[k] == U'章') {
      finish(NumberingStyle::kTop, i + 1, k, k + 1, false);
    }
    return out;
  }
  if (IsChineseDigit(cps[i])) {
    size_t k = i;
    while (cps.Has(k) && k - i < 3 && IsChineseDigit(cps[k])) ++k;
    if (cps.Has(k) && (cps[k] == U'、' || cps[k] == '.' || cps[k] == ',' || cps[k] == ' ' ||
                           cps[k] == 0x3000)) {
      // the code points [i, k) are at most three Chinese digits: valued
      // as ChineseNumeralValue would value them re-encoded
      if (NumeralValue(cps.data() + i, k - i) > 0) {
        finish(NumberingStyle::kTop, i, k, k + 1, false);
      }
    }
    return out;
  }
  if (cps[i] >= '0' && cps[i] <= '9') {
    size_t k = i;
    while (cps.Has(k) && k - i < 2 && cps[k] >= '0' && cps[k] <= '9') ++k;
    if (cps.Has(k) && (cps[k] == U'、' || cps[k] == ')' ||
                           (cps[k] == '.' && (!cps.Has(k + 1) ||
                                              !(cps[k + 1] >= '0' && cps[k + 1] <= '9'))))) {
      finish(NumberingStyle::kArabic, i, k, k + 1, false);
    }
    return out;
  }
  (void)start;
  return out;
}

}  // namespace

Numbering ParseNumbering(std::string_view text) {
  return ParseNumberingImpl<NumberingParts::kFull>(text);
}

namespace {

// The Chinese digit (IsChineseDigit) whose three bytes start `p`, or 0: the
// bytes are matched whole (each digit has one well-formed encoding), no
// character is decoded.
UChar32 ChineseDigitAt(const uint8_t* p) {
  switch ((uint32_t{p[0]} << 16) | (uint32_t{p[1]} << 8) | p[2]) {
    case 0xE4B880: return U'一';
    case 0xE4BA8C: return U'二';
    case 0xE4B889: return U'三';
    case 0xE59B9B: return U'四';
    case 0xE4BA94: return U'五';
    case 0xE585AD: return U'六';
    case 0xE4B883: return U'七';
    case 0xE585AB: return U'八';
    case 0xE4B99D: return U'九';
    case 0xE58D81: return U'十';
    case 0xE38087: return U'〇';
    case 0xE99BB6: return U'零';
    case 0xE4B8A4: return U'两';
    default: return 0;
  }
}

// The end of the separators and spaces ParseNumbering swallows after a
// numeral, from `end`: ' ', '\t', U+00A0, U+3000, 、, and '.' when no digit
// follows it.
size_t SwallowSeparators(const uint8_t* p, size_t n, size_t end) {
  while (end < n) {
    const uint8_t b = p[end];
    if (b == ' ' || b == '\t') {
      end += 1;
    } else if (b == '.' && !(end + 1 < n && p[end + 1] >= '0' && p[end + 1] <= '9')) {
      end += 1;
    } else if (b == 0xC2 && end + 1 < n && p[end + 1] == 0xA0) {
      end += 2;
    } else if (b == 0xE3 && end + 2 < n && p[end + 1] == 0x80 &&
               (p[end + 2] == 0x80 || p[end + 2] == 0x81)) {
      end += 3;
    } else {
      break;
    }
  }
  return end;
}

// ParseNumbering without `written` for the common numberings, read from
// their bytes: "(一)" and "一、" with one Chinese digit at the very start (the
// latter valued above zero), and any text starting with an ASCII digit
// (ParseNumbering reads it as an Arabic numbering or as none). False when
// `text` starts otherwise (then ParseNumbering decides).
bool CommonNumbering(std::string_view text, Numbering* out) {
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const size_t n = text.size();
  if (n == 0) return false;
  if (absl::ascii_isdigit(p[0])) {
    // one or two digits, then 、, ')' or a '.' no digit follows
    size_t k = 1;
    if (k < n && absl::ascii_isdigit(p[k])) ++k;
    size_t end;
    if (k < n && (p[k] == ')' ||
                  (p[k] == '.' && !(k + 1 < n && absl::ascii_isdigit(p[k + 1]))))) {
      end = k + 1;
    } else if (k + 2 < n && p[k] == 0xE3 && p[k + 1] == 0x80 && p[k + 2] == 0x81) {
      end = k + 3;
    } else {
      *out = Numbering{};
      return true;
    }
    out->style = NumberingStyle::kArabic;
    out->value = k == 1 ? p[0] - '0' : (p[0] - '0') * 10 + (p[1] - '0');
    out->length = SwallowSeparators(p, n, end);
    return true;
  }
  if (n >= 5 && p[0] == '(' && p[4] == ')') {
    const UChar32 c = ChineseDigitAt(p + 1);
    if (c == 0) return false;
    out->style = NumberingStyle::kParen;
    out->value = NumeralValue(&c, 1);
    out->length = SwallowSeparators(p, n, 5);
    return true;
  }
  if (n >= 6 && p[3] == 0xE3 && p[4] == 0x80 && p[5] == 0x81) {  // 、
    const UChar32 c = ChineseDigitAt(p);
    if (c == 0 || c == U'〇' || c == U'零') return false;  // none, or valued 0
    out->style = NumberingStyle::kTop;
    out->value = NumeralValue(&c, 1);
    out->length = SwallowSeparators(p, n, 6);
    return true;
  }
  return false;
}

}  // namespace

size_t NumberingPrefixLength(std::string_view text) {
  if (Numbering common; CommonNumbering(text, &common)) {
    return common.style == NumberingStyle::kNone ? 0 : common.length;
  }
  const Numbering num = ParseNumberingImpl<NumberingParts::kLength>(text);
  return num.style == NumberingStyle::kNone ? 0 : num.length;
}

namespace {

// False when `text` cannot start with a numbering (ParseNumbering would find
// none): its first character is no space, parenthesis, 第 or digit.
inline __attribute__((always_inline)) bool MayStartNumbering(std::string_view text) {
  // the first character read from its bytes: every character that can start
  // a numbering is ASCII, U+00A0 or a well-formed three-byte one, so others
  // (and malformed bytes) need no decoding
  if (text.empty()) return false;
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const uint8_t b = p[0];
  if (b < 0x80) return b == ' ' || b == '\t' || b == '(' || (b >= '0' && b <= '9');
  if (b == 0xC2) return text.size() >= 2 && p[1] == 0xA0;
  if (text.size() < 3) return false;
  return re_scan::At3(text, 0, "\u3000") || re_scan::At3(text, 0, "第") || ChineseDigitAt(p) != 0;
}

}  // namespace

Numbering ParseNumberingValue(std::string_view text) {
  // no numbering can start here: nothing to decode
  if (!MayStartNumbering(text)) return Numbering{};
  // "(一)", "一、" (valued above zero) and Arabic ones read from their bytes
  if (Numbering common; CommonNumbering(text, &common)) return common;
  return ParseNumberingImpl<NumberingParts::kValue>(text);
}

namespace {

// u_isalnum for the Basic Multilingual Plane, looked up once: labels are
// almost all BMP (CJK) text and LabelKey tests every character.
class BmpAlnum {
 public:
  BmpAlnum() {
    for (UChar32 c = 0; c < 0x10000; ++c) {
      if (u_isalnum(c)) bits_[static_cast<size_t>(c) >> 6] |= uint64_t{1} << (c & 63);
    }
    unified_all_alnum_ = true;
    for (UChar32 c = 0x4E00; c <= 0x9FFF; ++c) unified_all_alnum_ = unified_all_alnum_ && (*this)(c);
  }
  bool operator()(UChar32 c) const {
    if (c >= 0x10000) return u_isalnum(c);
    return (bits_[static_cast<size_t>(c) >> 6] >> (c & 63)) & 1;
  }
  // True when every code point of U+4E00..U+9FFF (CJK unified ideographs) is
  // a letter, as in ICU 72.
  bool unified_all_alnum() const { return unified_all_alnum_; }

 private:
  uint64_t bits_[0x10000 / 64] = {};
  bool unified_all_alnum_ = false;
};

const BmpAlnum& IsAlnum() {
  static const BmpAlnum* const kTable = new BmpAlnum;
  return *kTable;
}

// A three-byte character folded as CharSignature folds it.
uint32_t Fold3(uint8_t b0, uint8_t b1, uint8_t b2) {
  return (((static_cast<uint32_t>(b0) << 6) | (b1 & 0x3F)) << 6) | (b2 & 0x3F);
}

// The end of the run of CJK unified ideographs (U+4E00..U+9FFF) other than
// 钩 that starts at p[i] (i when none does; the text ends at p[n]); with
// kSig, the bits of its characters or-ed into `*sig` as CharSignature folds
// them. With continuation bytes second and third, the bytes order as the
// code points do: the run's characters are E4 B8 80..E9 BF BF.
template <bool kSig>
inline int32_t IdeographRunEnd(const uint8_t* p, int32_t i, int32_t n, uint64_t* sig) {
  uint64_t bits = 0;
  const uint8_t* q = p + i;
  // a character starting before `last` has its three bytes in the text
  const uint8_t* const last = n >= 2 ? p + n - 2 : p;
  for (; q < last; q += 3) {
    const uint32_t c0 = q[0], c1 = q[1], c2 = q[2];
    const uint32_t lead = (c0 << 8) | c1;
    // continuation bytes (80..BF) second and third, the first two in range
    if (((c1 ^ 0x80) | (c2 ^ 0x80)) >= 0x40 || lead - 0xE4B8 > 0xE9BF - 0xE4B8 ||
        (lead == 0xE992 && c2 == 0xA9) /* 钩 */) {
      break;
    }
    // Fold3 of the three bytes
    if constexpr (kSig) bits |= SignatureBit((c0 << 12) | ((c1 & 0x3F) << 6) | (c2 & 0x3F));
  }
  if constexpr (kSig) *sig |= bits;
  return static_cast<int32_t>(q - p);
}

// WriteLabelKey's body, inlined into its callers; with kSig, `*sig` gets the
// bits of CharSignature(key) (the key is whole characters: each kept one is
// folded on its own).
template <bool kSig>
inline __attribute__((always_inline)) char* WriteKey(std::string_view text, char* w,
                                                     uint64_t* sig) {
  std::string_view rest = text;
  for (int n = 0; n < 3 && MayStartNumbering(rest); ++n) {
    const size_t length = NumberingPrefixLength(rest);
    if (length == 0) break;
    rest.remove_prefix(length);
  }
  // Letters and digits only. Kept characters are copied as they are
  // (re-encoding a well-formed one gives the same bytes) in runs, into a
  // buffer the size of the input (the key is never longer).
  const BmpAlnum& is_alnum = IsAlnum();
  const auto* p = reinterpret_cast<const uint8_t*>(rest.data());
  const int32_t n = static_cast<int32_t>(rest.size());
  int32_t run = 0;  // bytes [run, i) are kept as they are
  auto flush = [&](int32_t end) {
    std::memcpy(w, p + run, static_cast<size_t>(end - run));
    w += end - run;
  };
  const bool unified_ok = is_alnum.unified_all_alnum();
  for (int32_t i = 0; i < n;) {
    const uint8_t b = p[i];
    if (unified_ok && b >= 0xE4 && b <= 0xE9) {
      // a run of CJK unified ideographs other than 钩, kept as they are: what
      // the three-byte case below keeps one at a time, in a tight loop
      const int32_t j = IdeographRunEnd<kSig>(p, i, n, sig);
      if (j > i) {
        i = j;
        continue;
      }
    }
    if (b < 0x80) {
      if (!absl::ascii_isalnum(b)) {
        flush(i);
        run = i + 1;
      } else if constexpr (kSig) {
        *sig |= SignatureBit(b);
      }
      ++i;
      continue;
    }
    if ((b & 0xF0) == 0xE0 && i + 2 < n && (p[i + 1] & 0xC0) == 0x80 &&
        (p[i + 2] & 0xC0) == 0x80) {
      // three bytes, decoded (well-formed unless overlong or a surrogate);
      // CJK unified ideographs other than 钩 never get here when they are
      // all letters: the run above took them
      const UChar32 c = ((b & 0x0F) << 12) | ((p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
      if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
        if (is_alnum(c) && c != U'钩') {
          if constexpr (kSig) *sig |= SignatureBit(Fold3(b, p[i + 1], p[i + 2]));
          i += 3;
          continue;
        }
        flush(i);
        if (c == U'钩' && is_alnum(c)) {
          std::memcpy(w, "\xE5\x8B\xBE", 3);  // 勾
          w += 3;
          if constexpr (kSig) *sig |= SignatureBit(Fold3(0xE5, 0x8B, 0xBE));
        }
        i += 3;
        run = i;
        continue;
      }
    }
    const int32_t from = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0 && is_alnum(c)) {  // kept (never 钩: that is three bytes)
      if constexpr (kSig) {
        uint32_t folded = p[from];
        for (int32_t k = from + 1; k < i; ++k) folded = (folded << 6) | (p[k] & 0x3F);
        *sig |= SignatureBit(folded);
      }
      continue;
    }
    flush(from);
    run = i;
  }
  flush(n);
  return w;
}

}  // namespace

std::string LabelKey(std::string_view text) {
  std::string out(text.size(), '\0');
  out.resize(static_cast<size_t>(WriteKey<false>(text, out.data(), nullptr) - out.data()));
  return out;
}

char* WriteLabelKey(std::string_view text, char* out) {
  return WriteKey<false>(text, out, nullptr);
}

char* WriteLabelKey(std::string_view text, char* out, uint64_t* sig) {
  *sig = 0;
  return WriteKey<true>(text, out, sig);
}

uint64_t CharSignature(std::string_view s) {
  // Bytes are folded into `cp` (a lead byte starts it, continuation bytes
  // shift in their six bits) and a character's bit is set at its last byte.
  // An ASCII byte or a three-byte character (all of CJK) that a lead byte or
  // the end follows is folded at once: the byte after it starts afresh.
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const size_t n = s.size();
  auto continues = [&](size_t i) { return i < n && (p[i] & 0xC0) == 0x80; };
  uint64_t sig = 0;
  uint32_t cp = 0;
  for (size_t i = 0; i < n;) {
    const uint8_t b = p[i];
    if (b < 0x80 && !continues(i + 1)) {
      sig |= SignatureBit(b);
      ++i;
      continue;
    }
    if ((b & 0xF0) == 0xE0 && continues(i + 1) && continues(i + 2) && !continues(i + 3)) {
      sig |= SignatureBit(Fold3(b, p[i + 1], p[i + 2]));
      i += 3;
      continue;
    }
    cp = (b & 0xC0) == 0x80 ? (cp << 6) | (b & 0x3F) : b;
    if (!continues(i + 1)) sig |= SignatureBit(cp);
    ++i;
  }
  return sig;
}

LabelProfile MakeLabelProfile(std::string_view key) {
  LabelProfile p;
  // decoded as CodePoints decodes (malformed bytes read as U+FFFD), into
  // room for the most there can be (no regrowth per character)
  p.code_points.reserve(key.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(key.data());
  const int32_t n = static_cast<int32_t>(key.size());
  for (int32_t i = 0; i < n;) {
    UChar32 cp;
    U8_NEXT(bytes, i, n, cp);
    p.code_points.push_back(cp < 0 ? 0xFFFD : cp);
  }
  const auto& c = p.code_points;
  if (c.size() >= 2) {
    p.bigrams.reserve(c.size() - 1);
    for (size_t i = 0; i + 1 < c.size(); ++i) {
      p.bigrams.push_back((static_cast<uint64_t>(static_cast<uint32_t>(c[i])) << 32) |
                          static_cast<uint32_t>(c[i + 1]));
    }
    std::sort(p.bigrams.begin(), p.bigrams.end());
  }
  return p;
}

double LabelSimilarity(const LabelProfile& a, const LabelProfile& b) {
  const auto& ca = a.code_points;
  const auto& cb = b.code_points;
  if (ca.empty() || cb.empty()) return 0;
  if (ca == cb) return 1;
  if (ca.size() < 2 || cb.size() < 2) return 0;
  const auto& ba = a.bigrams;
  const auto& bb = b.bigrams;
  size_t common = 0;
  for (size_t i = 0, j = 0; i < ba.size() && j < bb.size();) {
    if (ba[i] < bb[j]) {
      ++i;
    } else if (bb[j] < ba[i]) {
      ++j;
    } else {
      ++common;
      ++i;
      ++j;
    }
  }
  return 2.0 * static_cast<double>(common) /
         static_cast<double>((ca.size() - 1) + (cb.size() - 1));
}

BigramBits::BigramBits(std::string_view key) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(key.data());
  const int32_t n = static_cast<int32_t>(key.size());
  uint64_t prev = 0;
  for (int32_t i = 0; i < n;) {
    UChar32 cp;
    U8_NEXT(bytes, i, n, cp);
    const uint32_t c = static_cast<uint32_t>(cp < 0 ? 0xFFFD : cp);
    if (code_points_++ != 0) Add((prev << 32) | c);
    prev = c;
  }
}

BigramBits::BigramBits(const LabelProfile& p) : code_points_(p.code_points.size()) {
  for (uint64_t bigram : p.bigrams) Add(bigram);
}

void BigramBits::Add(uint64_t bigram) {
  const uint64_t index = (bigram * 0x9E3779B97F4A7C15ull) >> 56;  // 0..255
  uint64_t& word = words_[index >> 6];
  const uint64_t bit = uint64_t{1} << (index & 63);
  if ((word & bit) != 0) ++repeats_;
  word |= bit;
}

double LabelSimilarity(std::string_view a, std::string_view b) {
  return LabelSimilarity(MakeLabelProfile(a), MakeLabelProfile(b));
}

namespace {

bool IsTrimmedSpaceByte(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// TrimSpaces for a text that may start or end with a space.
std::string_view TrimSpacesSlow(std::string_view s) {
  while (!s.empty() && IsTrimmedSpaceByte(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsTrimmedSpaceByte(s.back())) s.remove_suffix(1);
  // also ideographic space / NBSP in UTF-8
  for (bool again = true; again;) {
    again = false;
    for (std::string_view sp : {std::string_view("\xE3\x80\x80"), std::string_view("\xC2\xA0")}) {
      if (s.size() >= sp.size() && s.substr(0, sp.size()) == sp) {
        s.remove_prefix(sp.size());
        again = true;
      }
      if (s.size() >= sp.size() && s.substr(s.size() - sp.size()) == sp) {
        s.remove_suffix(sp.size());
        again = true;
      }
    }
  }
  return s;
}

// `s` without surrounding spaces (ASCII, U+3000, U+00A0).
inline std::string_view TrimSpaces(std::string_view s) {
  // every space trimmed starts with one of these first bytes and ends with
  // one of these last bytes: a text (most) with neither is kept whole here
  if (!s.empty()) {
    const auto front = static_cast<uint8_t>(s.front());
    const auto back = static_cast<uint8_t>(s.back());
    if (!IsTrimmedSpaceByte(s.front()) && front != 0xE3 && front != 0xC2 &&
        !IsTrimmedSpaceByte(s.back()) && back != 0x80 && back != 0xA0) {
      return s;
    }
  }
  return TrimSpacesSlow(s);
}

bool IsNaText(std::string_view t) {
  static constexpr std::string_view kWords[] = {"无", "暂无", "空", "不适用", "/", "\\",
                                                "N/A", "n/a", "NA"};
  for (std::string_view w : kWords) {
    if (t == w) return true;
  }
  // only dashes/slashes
  if (t.empty()) return false;
  const auto* p = reinterpret_cast<const uint8_t*>(t.data());
  const int32_t n = static_cast<int32_t>(t.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    switch (c) {
      case '-': case '/': case '\\': case 0x2014: case 0x2013: case 0x2015: case 0xFF0D:
      case 0x2012: case 0x2212: case 0x2500: case 0x30FC: case 0x4E00 /* 一 used as dash */:
        break;
      default:
        return false;
    }
  }
  // a lone 一 is a numeral-like dash only when repeated or alone
  return true;
}

// What MatchNumber found: views into the text.
struct NumberParts {
  std::string_view sign, digits, frac, unit;
};

// A whole-text match of
//   ^([+-]?)((?:\d{1,3}(?:,\d{3})+)|\d+)(\.\d+)?\s*(万元|亿元|元|件|条|个|次|人次|人|项|家|%)?$
// (RE2: \d is [0-9], \s is [\t\n\f\r ]), scanned by hand: the pattern is
// unambiguous, so one left-to-right pass decides it.
bool MatchNumber(std::string_view t, NumberParts* out) {
  const size_t n = t.size();
  size_t i = 0;
  if (i < n && (t[i] == '+' || t[i] == '-')) ++i;
  out->sign = t.substr(0, i);
  const size_t d0 = i;
  while (i < n && absl::ascii_isdigit(t[i])) ++i;
  if (i == d0) return false;
  if (i < n && t[i] == ',') {
    // thousands groups: one to three digits, then groups of exactly three
    if (i - d0 > 3) return false;
    while (i < n && t[i] == ',') {
      if (i + 3 >= n || !absl::ascii_isdigit(t[i + 1]) || !absl::ascii_isdigit(t[i + 2]) ||
          !absl::ascii_isdigit(t[i + 3])) {
        return false;
      }
      i += 4;
    }
    if (i < n && absl::ascii_isdigit(t[i])) return false;
  }
  out->digits = t.substr(d0, i - d0);
  out->frac = {};
  if (i < n && t[i] == '.') {
    size_t j = i + 1;
    while (j < n && absl::ascii_isdigit(t[j])) ++j;
    if (j == i + 1) return false;  // a '.' no digit follows cannot match
    out->frac = t.substr(i, j - i);
    i = j;
  }
  while (i < n && re_scan::IsSpace(t[i])) ++i;
  const std::string_view rest = t.substr(i);
  out->unit = rest;
  if (rest.empty()) return true;
  static constexpr std::string_view kUnits[] = {"万元", "亿元", "元", "件", "条", "个",
                                                "次", "人次", "人", "项", "家", "%"};
  for (std::string_view u : kUnits) {
    if (rest == u) return true;
  }
  return false;
}

bool AllDigits(std::string_view t) {
  for (char c : t) {
    if (!absl::ascii_isdigit(c)) return false;
  }
  return true;
}

}  // namespace

void ParseCellValueInto(std::string_view text, xxgk::v1::Cell* cell) {
  cell->Clear();
  ParseCellValueIntoDefault(text, cell);
}

void ParseCellValueIntoDefault(std::string_view text, xxgk::v1::Cell* cell) {
  std::string_view t = TrimSpaces(text);
  if (t.empty()) {
    // raw stays the empty default: no string is made for it (on an arena,
    // every string set is one more allocation)
    cell->set_presence(xxgk::v1::Cell::BLANK);
    return;
  }
  cell->mutable_raw()->assign(t.data(), t.size());
  // Plain digits, the common case.
  if (AllDigits(t)) {
    cell->set_presence(xxgk::v1::Cell::NUMBER);
    cell->set_value(cell->raw());  // the raw text is the number (no temporary)
    return;
  }
  NumberParts m;
  if (MatchNumber(t, &m)) {
    cell->set_presence(xxgk::v1::Cell::NUMBER);
    std::string v;
    v.reserve(m.sign.size() + m.digits.size() + m.frac.size());
    if (m.sign == "-") v.push_back('-');
    for (char c : m.digits) {
      if (c != ',') v.push_back(c);
    }
    v.append(m.frac);
    cell->set_value(std::move(v));
    if (!m.unit.empty()) cell->set_unit(std::string(m.unit));
    return;
  }
  cell->set_presence(IsNaText(t) ? xxgk::v1::Cell::NA : xxgk::v1::Cell::TEXT);
}

xxgk::v1::Cell ParseCellValue(std::string_view text) {
  xxgk::v1::Cell cell;
  ParseCellValueInto(text, &cell);
  return cell;
}

std::string_view CellRawText(std::string_view text) { return TrimSpaces(text); }

namespace {

// False when the trimmed, non-empty `t` can be neither a number (which starts
// with a sign or a digit) nor an NA text (one of IsNaText's words, or dashes
// and slashes only): its first character starts none of them. Label cells
// are rejected here without the pattern scan or the NA tests.
bool MayStartValue(std::string_view t) {
  const auto* p = reinterpret_cast<const uint8_t*>(t.data());
  const uint8_t b = p[0];
  if (b < 0x80) {
    return b == '+' || b == '-' || absl::ascii_isdigit(b) || b == '/' || b == '\\' ||
           b == 'N' || b == 'n';
  }
  // every other start is one of these three-byte characters
  if (t.size() < 3) return false;
  switch ((uint32_t{b} << 16) | (uint32_t{p[1]} << 8) | p[2]) {
    case 0xE697A0:  // 无
    case 0xE69A82:  // 暂
    case 0xE7A9BA:  // 空
    case 0xE4B88D:  // 不
    case 0xE28094: case 0xE28093: case 0xE28095: case 0xEFBC8D: case 0xE28092:
    case 0xE28892: case 0xE29480: case 0xE383BC: case 0xE4B880:  // dashes, 一
      return true;
    default:
      return false;
  }
}

}  // namespace

bool IsValueText(std::string_view text) {
  // ParseCellValue's decision without building the cell. A text starting
  // with a CJK unified ideograph's lead byte (labels) starts with no space
  // TrimSpaces trims, so its own first character decides at once when it
  // starts no value
  if (!text.empty()) {
    const auto b0 = static_cast<uint8_t>(text.front());
    if (b0 >= 0xE4 && b0 <= 0xE9 && !MayStartValue(text)) return false;
  }
  std::string_view t = TrimSpaces(text);
  if (t.empty() || AllDigits(t)) return true;
  if (!MayStartValue(t)) return false;
  NumberParts m;
  return MatchNumber(t, &m) || IsNaText(t);
}

bool IsPageNumberText(std::string_view text) {
  static const RE2 kPageNumber(
      R"(^[-—–－\s]*(?:第\s*)?\d+\s*页?\s*(?:[/共]\s*\d+\s*页?)?[-—–－\s]*$)");
  return RE2::FullMatch(re2::StringPiece(text.data(), text.size()), kPageNumber);
}

}  // namespace xxgk::report
