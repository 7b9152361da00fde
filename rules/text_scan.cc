#include "rules/text_scan.h"

#include <algorithm>
#include <limits>
#include <string>

#include "absl/strings/ascii.h"
#include "re2/re2.h"
#include "report/re_scan.h"
#include "report/utf8.h"

namespace xxgk::rules {
namespace {

using report::re_scan::IsSpace;  // RE2's \s

constexpr std::string_view kNian = "年";

// The old way, kept for input the fast path does not decide.
int CountHanByRegex(std::string_view text) {
  static const RE2* const kNotHan = new RE2(R"([^\p{Han}]+)");
  std::string han(text);
  RE2::GlobalReplace(&han, *kNotHan, "");
  int n = 0;
  for (char c : han) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;  // lead bytes
  return n;
}

// Code point ranges whose script is decided without RE2. Each range is
// checked once against RE2's own \p{Han} table (the library's Unicode version
// decides, not this list); a range that disagrees is simply not used.
struct KnownRange {
  char32_t lo, hi;
  bool han;
};
constexpr KnownRange kKnown[] = {
    {0x0000, 0x2E7F, false},  // Latin … general punctuation, symbols
    {0x3000, 0x3004, false},  // 　、。〃〄
    {0x3008, 0x3020, false},  // brackets 〈…〠
    {0x4E00, 0x9FEF, true},   // CJK unified ideographs
    {0xFF00, 0xFFEF, false},  // full-width forms
};
constexpr size_t kKnownCount = sizeof(kKnown) / sizeof(kKnown[0]);
constexpr size_t kUnified = 3;  // kKnown[kUnified]: the CJK unified ideographs
static_assert(kKnown[kUnified].lo == 0x4E00 && kKnown[kUnified].hi == 0x9FEF && kKnown[kUnified].han);

struct Verified {
  bool ok[kKnownCount];
};

const Verified& VerifiedRanges() {
  static const Verified* const kVerified = [] {
    auto* v = new Verified;
    const RE2 all_han(R"(\p{Han}*)");
    const RE2 no_han(R"([^\p{Han}]*)");
    for (size_t i = 0; i < kKnownCount; ++i) {
      std::string s;
      for (char32_t cp = kKnown[i].lo; cp <= kKnown[i].hi; ++cp) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        report::AppendUtf8(static_cast<UChar32>(cp), &s);
      }
      v->ok[i] = RE2::FullMatch(s, kKnown[i].han ? all_han : no_han);
    }
    return v;
  }();
  return *kVerified;
}

// 1 Han, 0 not Han, -1 undecided here.
int KnownHan(char32_t cp, const Verified& v) {
  if (cp >= 0x4E00 && cp <= 0x9FEF && v.ok[kUnified]) return 1;
  for (size_t i = 0; i < kKnownCount; ++i) {
    if (cp >= kKnown[i].lo && cp <= kKnown[i].hi) return v.ok[i] ? (kKnown[i].han ? 1 : 0) : -1;
  }
  return -1;
}

bool IsHanByRegex(std::string_view utf8_char) {
  static const RE2* const kHan = new RE2(R"(\p{Han})");
  return RE2::FullMatch(re2::StringPiece(utf8_char.data(), utf8_char.size()), *kHan);
}

// Decodes one well-formed UTF-8 sequence at text[i]; 0 for anything else
// (truncated, overlong, surrogate, beyond U+10FFFF, stray continuation).
size_t DecodeUtf8(std::string_view text, size_t i, char32_t* cp) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char c = b(i);
  const auto cont = [&](size_t k) { return k < text.size() && (b(k) & 0xC0) == 0x80; };
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  if (c >= 0xC2 && c <= 0xDF) {
    if (!cont(i + 1)) return 0;
    *cp = (static_cast<char32_t>(c & 0x1F) << 6) | (b(i + 1) & 0x3F);
    return 2;
  }
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(i + 1) || !cont(i + 2)) return 0;
    const char32_t v = (static_cast<char32_t>(c & 0x0F) << 12) | (static_cast<char32_t>(b(i + 1) & 0x3F) << 6) |
                       (b(i + 2) & 0x3F);
    if (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF)) return 0;
    *cp = v;
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return 0;
    const char32_t v = (static_cast<char32_t>(c & 0x07) << 18) | (static_cast<char32_t>(b(i + 1) & 0x3F) << 12) |
                       (static_cast<char32_t>(b(i + 2) & 0x3F) << 6) | (b(i + 3) & 0x3F);
    if (v < 0x10000 || v > 0x10FFFF) return 0;
    *cp = v;
    return 4;
  }
  return 0;
}

}  // namespace

bool NextYearMention(std::string_view text, size_t pos, size_t* begin, size_t* end, int* year) {
  // Every match ends in 年, preceded by a run of \s and, before it, the four
  // digits; matches for successive 年 are ordered and never overlap.
  // 年 is found by its last byte (B4), which is rarer in Chinese text than
  // its lead byte (E5).
  for (size_t at = report::FindByLastByte(text, kNian, pos); at != std::string_view::npos;
       at = report::FindByLastByte(text, kNian, at + 1)) {
    size_t w = at;
    while (w > pos && IsSpace(text[w - 1])) --w;
    if (w < pos + 4) continue;
    const size_t d = w - 4;
    const char c0 = text[d], c1 = text[d + 1];
    if (!((c0 == '1' && c1 == '9') || (c0 == '2' && c1 == '0'))) continue;
    if (!absl::ascii_isdigit(text[d + 2]) || !absl::ascii_isdigit(text[d + 3])) continue;
    *begin = d;
    *end = at + kNian.size();
    *year = (c0 - '0') * 1000 + (c1 - '0') * 100 + (text[d + 2] - '0') * 10 + (text[d + 3] - '0');
    return true;
  }
  return false;
}

std::optional<LiteralAlternation> LiteralAlternation::Of(std::string_view pattern) {
  // Every character RE2 gives a meaning outside a class ('|' splits).
  if (pattern.find_first_of("\\.+*?()[]{}^$") != std::string_view::npos) return std::nullopt;
  LiteralAlternation out;
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    const size_t bar = pattern.find('|', start);
    parts.push_back(pattern.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start));
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  for (size_t i = 0; i < parts.size(); ++i) {
    if (parts[i].empty()) {
      out.has_empty_ = true;
      continue;
    }
    // Dropped when another alternative stands inside it (the first of equal
    // ones is kept).
    bool redundant = false;
    for (size_t j = 0; j < parts.size() && !redundant; ++j) {
      if (j == i || parts[j].empty() || parts[j].size() > parts[i].size()) continue;
      if (parts[j].size() == parts[i].size() ? (j < i && parts[j] == parts[i])
                                              : parts[i].find(parts[j]) != std::string_view::npos) {
        redundant = true;
      }
    }
    if (!redundant) out.needles_.emplace_back(parts[i]);
  }
  return out;
}

bool LiteralAlternation::FoundIn(std::string_view text) const {
  if (has_empty_) return true;
  for (const std::string& n : needles_) {
    if (report::ContainsByLastByte(text, n)) return true;
  }
  return false;
}

void PrecomputeTextScan() { VerifiedRanges(); }

int CountHan(std::string_view text) { return CountHan(text, std::numeric_limits<int>::max()); }

int CountHan(std::string_view text, int stop_at) {
  const Verified& v = VerifiedRanges();
  int n = 0;
  size_t i = 0;
  while (i < text.size() && n < stop_at) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    char32_t cp = 0;
    const size_t len = DecodeUtf8(text, i, &cp);
    // Ill-formed input: RE2 decides how it reads. (A Han character before
    // the ill-formed bytes is never consumed by [^\p{Han}]+, so stopping
    // early at stop_at Han characters needs no such check.)
    if (len == 0) return std::min(CountHanByRegex(text), stop_at);
    const int known = KnownHan(cp, v);
    if (known < 0 ? IsHanByRegex(text.substr(i, len)) : known == 1) ++n;
    i += len;
  }
  return n;
}

}  // namespace xxgk::rules
