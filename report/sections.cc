#include "report/sections.h"

#include <unicode/utf8.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "report/labels.h"

namespace xxgk::report {
namespace {

using Kind = xxgk::v1::Section::Kind;

// U8_NEXT(p, i, n, c) with ASCII and well-formed three-byte characters (all
// of CJK) decoded inline; anything else goes to U8_NEXT.
inline UChar32 NextCodePoint(const uint8_t* p, int32_t& i, int32_t n) {
  const uint8_t b = p[i];
  if (b < 0x80) {
    ++i;
    return b;
  }
  if ((b & 0xF0) == 0xE0 && i + 2 < n && (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80 &&
      (b != 0xE0 || p[i + 1] >= 0xA0) && (b != 0xED || p[i + 1] < 0xA0)) {
    const UChar32 c = ((b & 0x0F) << 12) | ((p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
    i += 3;
    return c;
  }
  UChar32 c;
  U8_NEXT(p, i, n, c);
  return c;
}

// Sentence punctuation inside a line (trailing punctuation ignored) shows
// that the line is running text, not a heading.
bool HasInnerSentencePunct(std::string_view line) {
  // trailing 。 : ; . , and spaces, in any order
  for (;;) {
    const size_t n = line.size();
    if (n == 0) break;
    const char last = line[n - 1];
    if (last == ':' || last == ';' || last == '.' || last == ',' || last == ' ') {
      line.remove_suffix(1);
    } else if (n >= 3 && last == '\x82' && line[n - 2] == '\x80' && line[n - 3] == '\xE3') {
      line.remove_suffix(3);
    } else {
      break;
    }
  }
  // one pass: any of , ; : ! ? or 。 (E3 80 82), skipping other bytes by a
  // table
  static constexpr auto kMark = [] {
    std::array<bool, 256> t{};
    for (unsigned char c : {',', ';', ':', '!', '?', '\xE3'}) t[c] = true;
    return t;
  }();
  const auto* p = reinterpret_cast<const uint8_t*>(line.data());
  const size_t n = line.size();
  size_t i = 0;
#if defined(__SSE2__)
  // sixteen bytes at a time: compare with each marked byte, test the hits;
  // the bytes after the last whole block are those of the block ending the
  // line that follow the ones already tested
  if (n >= 16) {
    const __m128i marks[6] = {_mm_set1_epi8(','), _mm_set1_epi8(';'), _mm_set1_epi8(':'),
                              _mm_set1_epi8('!'), _mm_set1_epi8('?'),
                              _mm_set1_epi8(static_cast<char>(0xE3))};
    // whether a byte of the block at `at` whose bit is set in `keep` marks
    auto block_marks = [&](size_t at, unsigned keep) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at));
      __m128i hit = _mm_cmpeq_epi8(v, marks[0]);
      for (int k = 1; k < 6; ++k) hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, marks[k]));
      for (unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(hit)) & keep; mask != 0; mask &= mask - 1) {
        const size_t j = at + static_cast<size_t>(__builtin_ctz(mask));
        if (p[j] != 0xE3) return true;
        if (j + 2 < n && p[j + 1] == 0x80 && p[j + 2] == 0x82) return true;
      }
      return false;
    };
    for (; i + 16 <= n; i += 16) {
      if (block_marks(i, 0xFFFF)) return true;
    }
    return i < n && block_marks(n - 16, (0xFFFFu << (i - (n - 16))) & 0xFFFF);
  }
#endif
  for (; i < n; ++i) {
    if (!kMark[p[i]]) continue;
    if (p[i] != 0xE3) return true;
    if (i + 2 < n && p[i + 1] == 0x80 && p[i + 2] == 0x82) return true;
  }
  return false;
}

// Canonical headings an unnumbered heading line must closely resemble.
bool IsCanonicalHeading(std::string_view key) {
  static const std::string_view kHeadings[] = {
      "总体情况", "概述", "主动公开政府信息情况", "收到和处理政府信息公开申请情况",
      "政府信息公开行政复议行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项",
      "主动公开情况", "依申请公开情况", "依申请公开政府信息情况", "存在的主要问题和改进情况",
      "政府信息公开收费及减免情况", "行政复议行政诉讼情况"};
  for (std::string_view h : kHeadings) {
    if (key == h || LabelSimilarity(key, h) >= 0.8) return true;
  }
  return false;
}

// Whether runs of two or more blanks (or a tab) part `line` into at least
// two fields of two or more characters each: the header row of a table whose
// columns are kept by spaces (行政复议    行政诉讼), not a heading. A heading
// set with its characters spread out (总  体  情  况) has one-character fields.
bool SplitsIntoColumns(std::string_view line) {
  int wide_fields = 0;
  size_t chars = 0;  // characters in the current field
  size_t i = 0;
  while (i < line.size()) {
    const unsigned char ch = line[i];
    if (ch == ' ' || ch == '\t') {
      size_t j = i;
      while (j < line.size() && (line[j] == ' ' || line[j] == '\t')) ++j;
      if (j - i >= 2 || ch == '\t' || j == line.size()) {
        wide_fields += chars >= 2;
        chars = 0;
      }
      i = j;
      continue;
    }
    chars += (ch & 0xC0) != 0x80;
    ++i;
  }
  wide_fields += chars >= 2;
  return wide_fields >= 2;
}

struct Candidate {
  size_t line = 0;
  int level = 0;
  Kind kind = xxgk::v1::Section::KIND_UNSPECIFIED;
  Numbering num;
  bool accepted = false;
  size_t heading_bytes = 0;  // > 0: the heading is this prefix, the body runs on
};

// What the first character of `line` after spaces (those ParseNumbering
// skips) allows ParseNumbering to find there: a part numbering (一、 (三)
// 第一部分) only after '(', 第 or a Chinese digit; an Arabic one (1. 1、)
// only after an ASCII digit; nothing after anything else.
enum class Lead { kNone, kArabic, kPart };
Lead LeadOf(std::string_view line) {
  const auto* p = reinterpret_cast<const uint8_t*>(line.data());
  const int32_t n = static_cast<int32_t>(line.size());
  for (int32_t i = 0; i < n;) {
    if (p[i] == ' ' || p[i] == '\t') {
      ++i;
      continue;
    }
    if (p[i] < 0x80) {
      if (p[i] == '(') return Lead::kPart;
      return p[i] >= '0' && p[i] <= '9' ? Lead::kArabic : Lead::kNone;
    }
    const UChar32 c = NextCodePoint(p, i, n);
    switch (c) {
      case 0x3000: case 0xA0:
        continue;
      case U'第': case U'一': case U'二': case U'三': case U'四': case U'五': case U'六':
      case U'七': case U'八': case U'九': case U'十': case U'〇': case U'零': case U'两':
        return Lead::kPart;
      default:
        return Lead::kNone;
    }
  }
  return Lead::kNone;
}

// A mask of the low six bits of `chars`' last UTF-8 bytes (those of the code
// points): a character whose last byte's bit is clear is none of them, which
// most characters show without being decoded.
constexpr uint64_t LastByteBits(std::span<const UChar32> chars) {
  uint64_t bits = 0;
  for (const UChar32 c : chars) bits |= uint64_t{1} << (c & 0x3F);
  return bits;
}

// False when HeadingKind can only be KIND_UNSPECIFIED for `line`: each of
// its phrases holds one of these characters (其他…, 收费…, 行政复议/诉讼,
// 存在…, 主要问题, 改进…, 问题…, 不足, 收到和处理, 依申请…, …申请…, 主动公开,
// 总体…, 概述/概况, 基本情况), and its key keeps only characters of the line.
bool HasHeadingKindChar(std::string_view line) {
  static constexpr UChar32 kChars[] = {U'其', U'费', U'行', U'存', U'问', U'改', U'足',
                                       U'收', U'依', U'申', U'主', U'总', U'概', U'基'};
  // A three-byte character whose last byte rules it out is stepped over
  // undecoded: its two continuation bytes start no character, so the
  // decoding goes on at the same byte as it would after reading it.
  static constexpr uint64_t kLastBits = LastByteBits(kChars);
  const auto* p = reinterpret_cast<const uint8_t*>(line.data());
  const int32_t n = static_cast<int32_t>(line.size());
  for (int32_t i = 0; i < n;) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    if (i + 2 < n && (p[i] & 0xF0) == 0xE0 && (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80 &&
        ((kLastBits >> (p[i + 2] & 0x3F)) & 1) == 0) {
      i += 3;
      continue;
    }
    const UChar32 c = NextCodePoint(p, i, n);
    if (std::find(std::begin(kChars), std::end(kChars), c) != std::end(kChars)) return true;
  }
  return false;
}

// LabelKey(text), written on the stack when it fits (no string per line).
class KeyOf {
 public:
  explicit KeyOf(std::string_view text) {
    char* out = stack_;
    if (text.size() > sizeof(stack_)) {
      heap_.resize(text.size());
      out = heap_.data();
    }
    key_ = std::string_view(out, static_cast<size_t>(WriteLabelKey(text, out) - out));
  }
  std::string_view key() const { return key_; }

 private:
  char stack_[240];
  std::string heap_;
  std::string_view key_;
};

// CountCodePoints(key) for a key LabelKey made: well-formed UTF-8 (it keeps
// only characters it decoded whole), so its code points are its bytes that
// are no continuation bytes.
size_t KeyCodePoints(std::string_view key) {
  // eight bytes at a time: a continuation byte has its top bit set and the
  // next one clear; the multiply sums the eight 0/1 bytes into the top one
  constexpr uint64_t kTops = 0x8080808080808080u, kOnes = 0x0101010101010101u;
  size_t continuations = 0, i = 0;
  for (; i + 8 <= key.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, key.data() + i, 8);
    continuations += static_cast<size_t>((((w & ~(w << 1) & kTops) >> 7) * kOnes) >> 56);
  }
  for (; i < key.size(); ++i) continuations += (static_cast<uint8_t>(key[i]) & 0xC0) == 0x80;
  return key.size() - continuations;
}

// CountCodePoints(LabelKey(text)) >= 2. LabelKey drops at most three
// numberings (at most six letters or digits each: 第三十部分) and keeps every
// other letter and digit, so 20 ideographs (letters) settle it without
// building the key.
bool KeyHasTwoChars(std::string_view text) {
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  int ideographs = 0;
  for (int32_t i = 0; i < n && ideographs < 20;) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    const UChar32 c = NextCodePoint(p, i, n);
    ideographs += c >= 0x4E00 && c <= 0x9FA5;
  }
  return ideographs >= 20 || KeyCodePoints(KeyOf(text).key()) >= 2;
}

// ParseNumbering(line), reading only the line's prefix up to its first
// character the parse cannot read past. The parse reads past a character
// only when that character is a space, a separator (、 . ,), a digit, a
// parenthesis, 第, 部, 分 or 章 (its loops, look-aheads and the separator
// swallowing after a numbering all continue from one of them): a prefix
// ending in any other character parses as the whole line ("一是…" as "一是").
Numbering ParseNumberingPrefix(std::string_view line) {
  const auto* p = reinterpret_cast<const uint8_t*>(line.data());
  const int32_t n = static_cast<int32_t>(line.size());
  for (int32_t end = 0; end < n;) {
    const UChar32 c = NextCodePoint(p, end, n);
    switch (c) {
      case ' ': case '\t': case 0x3000: case 0xA0: case U'、': case '.': case ',': case '(':
      case ')': case U'第': case U'部': case U'分': case U'章': case U'一': case U'二': case U'三':
      case U'四': case U'五': case U'六': case U'七': case U'八': case U'九': case U'十': case U'〇':
      case U'零': case U'两':
        continue;
      default:
        if (c >= '0' && c <= '9') continue;
        return ParseNumbering(line.substr(0, static_cast<size_t>(end)));
    }
  }
  return ParseNumbering(line);
}

}  // namespace

namespace internal {

Numbering LineNumbering(std::string_view line) {
  // The common part numberings, "一、" and "(一)" with one digit 一…十 or 两 at the
  // very start, read from their bytes; anything else goes to
  // ParseNumberingPrefix (ParseNumbering).
  const auto* p = reinterpret_cast<const uint8_t*>(line.data());
  const size_t n = line.size();
  // the value of the Chinese digit (一…十, 两) whose three bytes start at i;
  // 0 when none (〇 and 零 too: those go to ParseNumbering)
  auto digit = [&](size_t i) -> int {
    if (i + 3 > n || p[i] < 0xE4 || p[i] > 0xE5) return 0;
    return ChineseNumeralValue(line.substr(i, 3));
  };
  auto is_comma3 = [&](size_t i) {  // 、
    return i + 3 <= n && p[i] == 0xE3 && p[i + 1] == 0x80 && p[i + 2] == 0x81;
  };
  Numbering num;
  size_t end = 0;
  const int paren = n >= 5 && p[0] == '(' && p[4] == ')' ? digit(1) : 0;
  const int top = paren == 0 && is_comma3(3) ? digit(0) : 0;
  if (paren > 0) {
    num.style = NumberingStyle::kParen;
    num.value = paren;
    num.written.assign(line.substr(0, 5));
    end = 5;
  } else if (top > 0) {
    num.style = NumberingStyle::kTop;
    num.value = top;
    num.written.assign(line.substr(0, 3));
    end = 6;
  } else {
    return ParseNumberingPrefix(line);
  }
  // swallow spaces (' ', tab, U+3000, U+00A0), 、 and a '.' before no digit
  for (;;) {
    if (end < n && (p[end] == ' ' || p[end] == '\t')) {
      ++end;
    } else if (end + 3 <= n && p[end] == 0xE3 && p[end + 1] == 0x80 && (p[end + 2] == 0x80 || p[end + 2] == 0x81)) {
      end += 3;
    } else if (end + 2 <= n && p[end] == 0xC2 && p[end + 1] == 0xA0) {
      end += 2;
    } else if (end < n && p[end] == '.' && (end + 1 == n || p[end + 1] < '0' || p[end + 1] > '9')) {
      ++end;
    } else {
      break;
    }
  }
  num.length = end;
  return num;
}

}  // namespace internal

namespace {

// HeadingKind of a label key `k`.
Kind KindOfKey(std::string_view k) {
  // The phrases each kind looks for, found in one pass over the key: at each
  // character that can lead one, the phrases starting with it are compared.
  enum : uint32_t {
    kOther = 1u << 0,     // 其他需要报告 其他需要说明
    kFees = 1u << 1,      // 收费及减免 收费和减免 收费减免 收取费用 收费情况
    kReview = 1u << 2,    // 行政复议 行政诉讼
    kProblems = 1u << 3,  // 存在的主要问题 存在问题 存在困难 主要问题 改进措施 改进情况
                          // 问题及改进 问题和改进 不足
    kApps = 1u << 4,      // 收到和处理 依申请公开 公开申请情况 申请公开情况
    kActive = 1u << 5,    // 主动公开
    kGeneral = 1u << 6,   // 总体情况 基本情况
  };
  uint32_t found = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(k.data());
  const size_t size = k.size();
  auto at = [&](size_t i, std::string_view phrase) {
    return size - i >= phrase.size() && std::memcmp(k.data() + i, phrase.data(), phrase.size()) == 0;
  };
  // the characters that lead a phrase, as the switch below lists them
  static constexpr UChar32 kLeads[] = {U'其', U'收', U'行', U'存', U'主', U'改', U'问',
                                       U'不', U'依', U'公', U'申', U'总', U'基'};
  static constexpr uint64_t kLeadBits = LastByteBits(kLeads);
  // a key is well-formed UTF-8 (LabelKey keeps only characters it decoded
  // whole): a phrase can start only at a character, so step by characters
  for (size_t i = 0; i + 3 <= size; i += p[i] < 0x80 ? 1 : p[i] < 0xE0 ? 2 : p[i] < 0xF0 ? 3 : 4) {
    const uint8_t b = p[i];
    if (b < 0xE4 || b > 0xE9) continue;  // every phrase starts with U+4E00..U+9FFF
    if (((kLeadBits >> (p[i + 2] & 0x3F)) & 1) == 0) continue;  // leads no phrase
    const char32_t c = static_cast<char32_t>(((b & 0x0F) << 12) | ((p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F));
    switch (c) {
      case U'其':
        if (at(i, "其他需要报告") || at(i, "其他需要说明")) found |= kOther;
        break;
      case U'收':
        if (at(i, "收费及减免") || at(i, "收费和减免") || at(i, "收费减免") || at(i, "收取费用") ||
            at(i, "收费情况")) {
          found |= kFees;
        }
        if (at(i, "收到和处理")) found |= kApps;
        break;
      case U'行':
        if (at(i, "行政复议") || at(i, "行政诉讼")) found |= kReview;
        break;
      case U'存':
        if (at(i, "存在的主要问题") || at(i, "存在问题") || at(i, "存在困难")) found |= kProblems;
        break;
      case U'主':
        if (at(i, "主要问题")) found |= kProblems;
        if (at(i, "主动公开")) found |= kActive;
        break;
      case U'改':
        if (at(i, "改进措施") || at(i, "改进情况")) found |= kProblems;
        break;
      case U'问':
        if (at(i, "问题及改进") || at(i, "问题和改进")) found |= kProblems;
        break;
      case U'不':
        if (at(i, "不足")) found |= kProblems;
        break;
      case U'依':
        if (at(i, "依申请公开")) found |= kApps;
        break;
      case U'公':
        if (at(i, "公开申请情况")) found |= kApps;
        break;
      case U'申':
        if (at(i, "申请公开情况")) found |= kApps;
        break;
      case U'总':
        if (at(i, "总体情况")) found |= kGeneral;
        break;
      case U'基':
        if (at(i, "基本情况")) found |= kGeneral;
        break;
      default:
        break;
    }
  }
  if ((found & kOther) || k == "其他事项" || k == "其他情况") return xxgk::v1::Section::OTHER_MATTERS;
  if (found & kFees) return xxgk::v1::Section::FEES;
  if (found & kReview) return xxgk::v1::Section::REVIEW_LITIGATION;
  if (found & kProblems) return xxgk::v1::Section::PROBLEMS;
  if (found & kApps) return xxgk::v1::Section::APPLICATIONS;
  if (found & kActive) return xxgk::v1::Section::ACTIVE_DISCLOSURE;
  if ((found & kGeneral) || k == "概述" || k == "概况" || k == "总体概述" || k == "工作概述") {
    return xxgk::v1::Section::GENERAL;
  }
  return xxgk::v1::Section::KIND_UNSPECIFIED;
}

// HeadingKind(key) for a key LabelKey made: LabelKey of a key is the key
// itself (it holds only the letters and digits LabelKey keeps) unless the key
// starts with a numbering, and the only numbering a key can start with is
// 第…部分/第…章 (the others need a separator or a parenthesis).
Kind KindOfLabelKey(std::string_view key) {
  if (key.substr(0, 3) == "第") return KindOfKey(LabelKey(key));
  return KindOfKey(key);
}

Candidate Classify(std::string_view line) {
  Candidate c;
  // Running text: with no part numbering (kNone or kArabic) a line is a
  // heading only without inner sentence punctuation; skip the full parse.
  // Nor without a character every known heading kind needs (HeadingKind).
  const Lead lead = LeadOf(line);
  if (lead != Lead::kPart && (HasInnerSentencePunct(line) || !HasHeadingKindChar(line))) {
    return c;
  }
  // No numbering can start a line led by no digit, '(' or 第: ParseNumbering
  // would find none (kNone, length 0).
  Numbering num = lead == Lead::kNone ? Numbering{} : internal::LineNumbering(line);
  // An Arabic numbering (1. (1)) never makes a part: level 0 whatever follows.
  if (num.style == NumberingStyle::kArabic) return c;
  std::string_view rest = line.substr(std::min(num.length, line.size()));
  const bool part = num.style == NumberingStyle::kTop || num.style == NumberingStyle::kParen;
  // Only a kPart line can get here with inner punctuation: any other line
  // passed the test above, and `rest` is a suffix of it (a mark inside the
  // suffix's stripped part is a mark inside the line's).
  if (lead == Lead::kPart && HasInnerSentencePunct(rest)) {
    if (!part) return c;
    // "(一)主动公开政府信息情况。本年度…": a heading with its body on the same
    // line. Every test below must pass; the cheap ones go first.
    size_t stop = std::string_view::npos;
    for (std::string_view p : {"。", ":"}) stop = std::min(stop, rest.find(p));
    if (stop == std::string_view::npos || stop == 0) return c;
    if (HasInnerSentencePunct(rest.substr(0, stop))) return c;
    // A head with no character a heading kind needs has no kind: level 0.
    if (!HasHeadingKindChar(rest.substr(0, stop))) return c;
    const KeyOf head_key(rest.substr(0, stop));
    const std::string_view head = head_key.key();
    size_t hn = KeyCodePoints(head);
    if (hn < 2 || hn > 20) return c;
    Kind kind = KindOfLabelKey(head);
    if (kind == xxgk::v1::Section::KIND_UNSPECIFIED || !KeyHasTwoChars(rest)) return c;
    c.level = num.style == NumberingStyle::kTop ? 1 : 2;
    c.kind = kind;
    c.num = num;
    size_t punct = rest.substr(stop, 3) == "。" ? 3 : 1;
    c.heading_bytes = static_cast<size_t>(rest.data() - line.data()) + stop + punct;
    return c;
  }
  // Below a top-level numbering the level needs a known kind, which needs
  // one of its characters in `rest` (its key keeps only characters of it).
  if (num.style != NumberingStyle::kTop && !HasHeadingKindChar(rest)) return c;
  const KeyOf rest_key(rest);
  const std::string_view key = rest_key.key();
  size_t n = KeyCodePoints(key);
  if (n < 2) return c;
  // The longest key each numbering allows (kArabic returned above); past it
  // the level is 0 whatever the kind: no need to find it.
  const size_t max_n = num.style == NumberingStyle::kTop     ? 30
                       : num.style == NumberingStyle::kParen ? 25
                                                             : 18;
  if (n > max_n) return c;
  Kind kind = KindOfLabelKey(key);
  if (num.style == NumberingStyle::kTop) {
    c.level = 1;
  } else if (kind != xxgk::v1::Section::KIND_UNSPECIFIED) {
    if (num.style == NumberingStyle::kParen) {
      c.level = 2;
    } else if (IsCanonicalHeading(key) && !SplitsIntoColumns(rest)) {
      c.level = 1;
    }
  }
  c.kind = kind;
  c.num = num;
  return c;
}

// A line with an Arabic numbering ("1、总体情况", "3.收到和处理…情况") whose
// text after it is a part's heading as an unnumbered line would need it to
// be: a part in a report that numbers its parts so. Level 0 otherwise.
Candidate ClassifyArabicPart(std::string_view line) {
  if (LeadOf(line) != Lead::kArabic) return {};
  const Numbering num = internal::LineNumbering(line);
  if (num.style != NumberingStyle::kArabic || num.length == 0 || num.length >= line.size()) return {};
  Candidate c = Classify(line.substr(num.length));
  if (c.level != 1 || c.kind == xxgk::v1::Section::KIND_UNSPECIFIED) return {};
  c.num = num;
  if (c.heading_bytes > 0) c.heading_bytes += num.length;
  return c;
}

}  // namespace

Kind HeadingKind(std::string_view heading) { return KindOfKey(LabelKey(heading)); }

bool IsSectionHeadingLine(std::string_view line) {
  Candidate c = Classify(line);
  if (c.level == 0) c = ClassifyArabicPart(line);
  return c.level > 0 && c.kind != xxgk::v1::Section::KIND_UNSPECIFIED;
}

std::vector<xxgk::v1::Section> FindSections(std::string_view text,
                                            const std::vector<TextLine>& lines) {
  // the line count read once (TextLine is 28 bytes: size() divides)
  const size_t n_lines = lines.size();
  std::vector<Candidate> cands;
  cands.reserve(32);  // a report's parts and sub-parts: no regrowth
  for (size_t i = 0; i < n_lines; ++i) {
    if (lines[i].table_row) continue;
    std::string_view line = text.substr(lines[i].begin, lines[i].end - lines[i].begin);
    Candidate c = Classify(line);
    if (c.level == 0) continue;
    c.line = i;
    cands.push_back(std::move(c));
  }
  // A report that numbers its parts 1. 2. … (1、总体情况) has no other
  // part heading at all; there, and only there, an Arabic-numbered line
  // whose text is a part's heading (as an unnumbered one would need to be)
  // is a part. Below a part (一、总体情况, or an unnumbered 总体情况)
  // "1.主动公开情况" is an item.
  const bool has_parts =
      std::any_of(cands.begin(), cands.end(), [](const Candidate& c) { return c.level == 1; });
  if (!has_parts) {
    std::vector<Candidate> arabic;
    for (size_t i = 0; i < n_lines; ++i) {
      if (lines[i].table_row) continue;
      const std::string_view line = text.substr(lines[i].begin, lines[i].end - lines[i].begin);
      Candidate c = ClassifyArabicPart(line);
      if (c.level == 0) continue;
      c.line = i;
      arabic.push_back(std::move(c));
    }
    if (!arabic.empty()) {
      std::vector<Candidate> merged;
      merged.reserve(cands.size() + arabic.size());
      std::merge(cands.begin(), cands.end(), arabic.begin(), arabic.end(), std::back_inserter(merged),
                 [](const Candidate& a, const Candidate& b) { return a.line < b.line; });
      cands = std::move(merged);
    }
  }
  // level-2 parts count as kinds only under a part of no known kind (the
  // pre-2019 二、政府信息公开情况), never under 一、总体情况 and the like
  Candidate* parent = nullptr;
  for (Candidate& c : cands) {
    if (c.level == 1) {
      parent = &c;
      c.accepted = c.kind != xxgk::v1::Section::KIND_UNSPECIFIED;
    } else if (parent == nullptr || parent->kind == xxgk::v1::Section::KIND_UNSPECIFIED) {
      c.accepted = true;
      if (parent) parent->accepted = true;
    }
  }
  std::vector<const Candidate*> chosen;
  chosen.reserve(cands.size());
  for (const Candidate& c : cands) {
    if (c.accepted) chosen.push_back(&c);
  }
  std::vector<xxgk::v1::Section> out;
  out.reserve(chosen.size());
  for (size_t s = 0; s < chosen.size(); ++s) {
    const Candidate& c = *chosen[s];
    TextLine hl = lines[c.line];
    if (c.heading_bytes > 0 && hl.begin + c.heading_bytes < hl.end) {
      hl.end = hl.begin + static_cast<uint32_t>(c.heading_bytes);
    }
    // ends where the next heading of the same or a higher level starts
    size_t end_line = n_lines;
    for (size_t t = s + 1; t < chosen.size(); ++t) {
      if (chosen[t]->level <= c.level) {
        end_line = chosen[t]->line;
        break;
      }
    }
    uint32_t end = end_line < n_lines ? lines[end_line].begin : static_cast<uint32_t>(text.size());
    while (end > hl.end && (text[end - 1] == '\n' || text[end - 1] == ' ')) --end;
    xxgk::v1::Section& sec = out.emplace_back();  // built in place
    sec.set_kind(c.kind);
    sec.set_heading(std::string(text.substr(hl.begin, hl.end - hl.begin)));
    sec.set_numeral(c.num.written);
    sec.set_number(c.num.value);
    sec.set_level(c.level);
    if (end > hl.end) {
      uint32_t body = c.heading_bytes > 0 ? hl.end : hl.end + 1;
      if (body < end) sec.set_text(std::string(text.substr(body, end - body)));
    }
    auto* sp = sec.mutable_span();
    sp->set_begin(hl.begin);
    sp->set_end(end);
    sp->set_source_begin(hl.source_begin);
    uint32_t src_end = hl.source_end;
    for (size_t l = c.line; l < end_line; ++l) {  // end_line <= n_lines
      if (lines[l].end <= end) src_end = std::max(src_end, lines[l].source_end);
    }
    sp->set_source_end(src_end);
    sp->set_page(hl.page);
    sp->set_line(hl.number);
    auto* hs = sec.mutable_heading_span();
    hs->set_begin(hl.begin);
    hs->set_end(hl.end);
    hs->set_source_begin(hl.source_begin);
    hs->set_source_end(hl.source_end);
    hs->set_page(hl.page);
    hs->set_line(hl.number);
  }
  return out;
}

}  // namespace xxgk::report
