#include "report/labels.h"

#include "report/utf8.h"

#include <algorithm>
#include <set>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
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

std::string Encode(const std::vector<UChar32>& cps, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to && i < cps.size(); ++i) {
    char buf[4];
    int32_t len = 0;
    UBool err = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, cps[i], err);
    if (!err) out.append(buf, len);
  }
  return out;
}

size_t EncodedLength(const std::vector<UChar32>& cps, size_t from, size_t to) {
  size_t n = 0;
  for (size_t i = from; i < to && i < cps.size(); ++i) n += U8_LENGTH(cps[i]);
  return n;
}

bool IsSpace(UChar32 c) { return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0; }

}  // namespace

int ChineseNumeralValue(std::string_view numeral) {
  std::vector<UChar32> cps = CodePoints(numeral);
  if (cps.empty() || cps.size() > 3) return 0;
  int value = 0;
  int pending = 0;
  bool any = false;
  for (UChar32 c : cps) {
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

Numbering ParseNumbering(std::string_view text) {
  Numbering out;
  std::vector<UChar32> cps = CodePoints(text);
  size_t i = 0;
  while (i < cps.size() && IsSpace(cps[i])) ++i;
  const size_t start = i;
  auto finish = [&](NumberingStyle style, size_t num_from, size_t num_to, size_t end,
                    bool paren) {
    out.style = style;
    std::string num = Encode(cps, num_from, num_to);
    out.written = paren ? absl::StrCat("(", num, ")") : num;
    if (style == NumberingStyle::kArabic) {
      out.value = std::atoi(num.c_str());
    } else {
      out.value = ChineseNumeralValue(num);
    }
    // swallow a separator and spaces that follow
    while (end < cps.size() && (IsSpace(cps[end]) || cps[end] == U'、' ||
                                (cps[end] == '.' && (end + 1 >= cps.size() ||
                                                     !(cps[end + 1] >= '0' && cps[end + 1] <= '9'))))) {
      ++end;
    }
    out.length = EncodedLength(cps, 0, end);
  };
  if (i >= cps.size()) return out;
  if (cps[i] == '(') {
    size_t j = i + 1;
    while (j < cps.size() && IsSpace(cps[j])) ++j;
    size_t k = j;
    bool chinese = k < cps.size() && IsChineseDigit(cps[k]);
    bool arabic = k < cps.size() && cps[k] >= '0' && cps[k] <= '9';
    while (k < cps.size() && k - j < 3 &&
           ((chinese && IsChineseDigit(cps[k])) || (arabic && cps[k] >= '0' && cps[k] <= '9'))) {
      ++k;
    }
    size_t m = k;
    while (m < cps.size() && IsSpace(cps[m])) ++m;
    if ((chinese || arabic) && k > j && m < cps.size() && cps[m] == ')') {
      finish(chinese ? NumberingStyle::kParen : NumberingStyle::kArabic, j, k, m + 1, true);
    }
    return out;
  }
  if (cps[i] == U'第' && i + 1 < cps.size() && IsChineseDigit(cps[i + 1])) {
    // 第一部分 / 第一章 as a part numbering
    size_t k = i + 1;
    while (k < cps.size() && k - i <= 3 && IsChineseDigit(cps[k])) ++k;
    if (k + 1 < cps.size() && cps[k] == U'部' && cps[k + 1] == U'分') {
      finish(NumberingStyle::kTop, i + 1, k, k + 2, false);
    } else if (k < cps.size() && cps[k] == U'章') {
      finish(NumberingStyle::kTop, i + 1, k, k + 1, false);
    }
    return out;
  }
  if (IsChineseDigit(cps[i])) {
    size_t k = i;
    while (k < cps.size() && k - i < 3 && IsChineseDigit(cps[k])) ++k;
    if (k < cps.size() && (cps[k] == U'、' || cps[k] == '.' || cps[k] == ',' || cps[k] == ' ' ||
                           cps[k] == 0x3000)) {
      if (ChineseNumeralValue(Encode(cps, i, k)) > 0) {
        finish(NumberingStyle::kTop, i, k, k + 1, false);
      }
    }
    return out;
  }
  if (cps[i] >= '0' && cps[i] <= '9') {
    size_t k = i;
    while (k < cps.size() && k - i < 2 && cps[k] >= '0' && cps[k] <= '9') ++k;
    if (k < cps.size() && (cps[k] == U'、' || cps[k] == ')' ||
                           (cps[k] == '.' && (k + 1 >= cps.size() ||
                                              !(cps[k + 1] >= '0' && cps[k + 1] <= '9'))))) {
      finish(NumberingStyle::kArabic, i, k, k + 1, false);
    }
    return out;
  }
  (void)start;
  return out;
}

namespace {

// False when `text` cannot start with a numbering (ParseNumbering would find
// none): its first character is no space, parenthesis, 第 or digit.
bool MayStartNumbering(std::string_view text) {
  if (text.empty()) return false;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, static_cast<int32_t>(text.size()), c);
  return IsSpace(c) || c == '(' || c == U'第' || IsChineseDigit(c) || (c >= '0' && c <= '9');
}

}  // namespace

std::string LabelKey(std::string_view text) {
  std::string_view rest = text;
  for (int n = 0; n < 3 && MayStartNumbering(rest); ++n) {
    Numbering num = ParseNumbering(rest);
    if (num.style == NumberingStyle::kNone || num.length == 0) break;
    rest.remove_prefix(num.length);
  }
  // Letters and digits only, decoded and re-encoded in one pass.
  std::string out;
  out.reserve(rest.size());
  const auto* p = reinterpret_cast<const uint8_t*>(rest.data());
  const int32_t n = static_cast<int32_t>(rest.size());
  for (int32_t i = 0; i < n;) {
    if (p[i] < 0x80) {
      if (absl::ascii_isalnum(p[i])) out.push_back(static_cast<char>(p[i]));
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0 || !u_isalnum(c)) continue;
    if (c == U'钩') c = U'勾';
    char buf[4];
    int32_t len = 0;
    U8_APPEND_UNSAFE(reinterpret_cast<uint8_t*>(buf), len, c);
    out.append(buf, len);
  }
  return out;
}

double LabelSimilarity(std::string_view a, std::string_view b) {
  std::vector<UChar32> ca = CodePoints(a), cb = CodePoints(b);
  if (ca.empty() || cb.empty()) return 0;
  if (ca == cb) return 1;
  if (ca.size() < 2 || cb.size() < 2) return 0;
  // Bigrams shared, counted with multiplicity: merge the two sorted lists.
  auto bigrams = [](const std::vector<UChar32>& c) {
    std::vector<uint64_t> out;
    out.reserve(c.size() - 1);
    for (size_t i = 0; i + 1 < c.size(); ++i) {
      out.push_back((static_cast<uint64_t>(static_cast<uint32_t>(c[i])) << 32) |
                    static_cast<uint32_t>(c[i + 1]));
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  const std::vector<uint64_t> ba = bigrams(ca), bb = bigrams(cb);
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

size_t CodePointCount(std::string_view s) { return CodePoints(s).size(); }

namespace {

std::string_view TrimSpaces(std::string_view s) {
  auto is_sp = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && is_sp(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_sp(s.back())) s.remove_suffix(1);
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

bool IsNaText(std::string_view t) {
  static const std::set<std::string_view> kWords = {"无", "暂无", "空", "不适用", "/", "\\",
                                                    "N/A", "n/a", "NA"};
  if (kWords.count(t)) return true;
  // only dashes/slashes
  std::vector<UChar32> cps = CodePoints(t);
  if (cps.empty()) return false;
  for (UChar32 c : cps) {
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

const RE2& NumberRe() {
  static const RE2* const re = new RE2(
      R"(^([+-]?)((?:\d{1,3}(?:,\d{3})+)|\d+)(\.\d+)?\s*(万元|亿元|元|件|条|个|次|人次|人|项|家|%)?$)");
  return *re;
}

}  // namespace

xxgk::v1::Cell ParseCellValue(std::string_view text) {
  xxgk::v1::Cell cell;
  std::string_view t = TrimSpaces(text);
  cell.set_raw(std::string(t));
  if (t.empty()) {
    cell.set_presence(xxgk::v1::Cell::BLANK);
    return cell;
  }
  // Plain digits, the common case, need no pattern.
  if (std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    cell.set_presence(xxgk::v1::Cell::NUMBER);
    cell.set_value(std::string(t));
    return cell;
  }
  std::string sign, digits, frac, unit;
  if (RE2::FullMatch(re2::StringPiece(t.data(), t.size()), NumberRe(), &sign, &digits, &frac,
                     &unit)) {
    cell.set_presence(xxgk::v1::Cell::NUMBER);
    std::string v = absl::StrReplaceAll(digits, {{",", ""}});
    if (sign == "-") v = "-" + v;
    cell.set_value(v + frac);
    if (!unit.empty()) cell.set_unit(unit);
    return cell;
  }
  if (IsNaText(t)) {
    cell.set_presence(xxgk::v1::Cell::NA);
    return cell;
  }
  cell.set_presence(xxgk::v1::Cell::TEXT);
  return cell;
}

bool IsValueText(std::string_view text) {
  xxgk::v1::Cell c = ParseCellValue(text);
  return c.presence() != xxgk::v1::Cell::TEXT;
}

}  // namespace xxgk::report
