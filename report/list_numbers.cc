#include "report/list_numbers.h"

#include <unicode/fieldpos.h>
#include <unicode/locid.h>
#include <unicode/rbnf.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>

#include "report/utf8.h"

namespace xxgk::report {
namespace {

// ICU's rule-based formats: Chinese counting and financial numerals from the
// zh spellout rules, Roman numerals from the root numbering-system rules.
// Formatters are not shared across threads; each thread builds its own the
// first time a document needs one.
enum class IcuRules { kSpellout, kNumbering };

std::string IcuFormat(int value, IcuRules which, const char16_t* rule_set) {
  thread_local std::unique_ptr<icu::RuleBasedNumberFormat> spellout, numbering;
  std::unique_ptr<icu::RuleBasedNumberFormat>& format = which == IcuRules::kSpellout ? spellout : numbering;
  if (format == nullptr) {
    UErrorCode status = U_ZERO_ERROR;
    auto made = which == IcuRules::kSpellout
                    ? std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT, icu::Locale("zh"), status)
                    : std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_NUMBERING_SYSTEM,
                                                                   icu::Locale::getRoot(), status);
    if (U_FAILURE(status)) return std::to_string(value);
    format = std::move(made);
  }
  icu::UnicodeString text;
  icu::FieldPosition position;
  UErrorCode status = U_ZERO_ERROR;
  format->format(static_cast<int32_t>(value), icu::UnicodeString(rule_set), text, position, status);
  if (U_FAILURE(status) || text.isEmpty()) return std::to_string(value);
  std::string out;
  text.toUTF8String(out);
  return out;
}

// One code point of a run of consecutive ones (①…⑳), or decimal past it.
std::string FromRun(int value, char32_t first, int count) {
  if (value < 1 || value > count) return std::to_string(value);
  std::string out;
  AppendUtf8(static_cast<UChar32>(first + static_cast<char32_t>(value - 1)), &out);
  return out;
}

std::string Cycle(int value, std::u32string_view signs) {
  if (value < 1) return std::to_string(value);
  std::string out;
  AppendUtf8(static_cast<UChar32>(signs[static_cast<size_t>(value - 1) % signs.size()]), &out);
  return out;
}

std::string Letters(int value, char first) {
  if (value < 1) return std::to_string(value);
  // Word writes 27 as AA and 53 as AAA; the bound keeps a hostile start
  // value from asking for megabytes of letters.
  const int repeat = value > 26 * 10 ? 1 : (value - 1) / 26 + 1;
  return std::string(static_cast<size_t>(repeat), static_cast<char>(first + (value - 1) % 26));
}

}  // namespace

ListNumberStyle WordListNumberStyle(std::string_view f) {
  using S = ListNumberStyle;
  if (f == "bullet" || f == "none") return S::kNone;
  if (f == "decimalZero") return S::kDecimalZero;
  if (f == "decimalFullWidth" || f == "decimalFullWidth2") return S::kFullWidth;
  if (f == "decimalEnclosedCircle" || f == "decimalEnclosedCircleChinese") return S::kCircled;
  if (f == "decimalEnclosedParen") return S::kParenthesized;
  if (f == "decimalEnclosedFullstop") return S::kFullStop;
  if (f == "chineseCounting" || f == "chineseCountingThousand" || f == "taiwaneseCounting" ||
      f == "taiwaneseCountingThousand" || f == "japaneseCounting") {
    return S::kChineseCounting;
  }
  if (f == "chineseLegalSimplified" || f == "ideographLegalTraditional" || f == "japaneseLegal") {
    return S::kChineseLegal;
  }
  if (f == "ideographDigital" || f == "taiwaneseDigital" || f == "japaneseDigitalTenThousand") {
    return S::kIdeographDigital;
  }
  if (f == "ideographEnclosedCircle") return S::kIdeographCircled;
  if (f == "ideographTraditional") return S::kHeavenlyStems;
  if (f == "ideographZodiac") return S::kEarthlyBranches;
  if (f == "upperLetter") return S::kUpperLetter;
  if (f == "lowerLetter") return S::kLowerLetter;
  if (f == "upperRoman") return S::kUpperRoman;
  if (f == "lowerRoman") return S::kLowerRoman;
  return S::kDecimal;
}

ListNumberStyle OdfListNumberStyle(std::string_view num_format) {
  using S = ListNumberStyle;
  if (num_format.empty()) return S::kNone;
  int32_t pos = 0;
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(num_format.data()), pos, static_cast<int32_t>(num_format.size()), c);
  switch (c) {
    case U'0': return S::kDecimalZero;  // "01, 02, 03, ..."
    case U'a': return S::kLowerLetter;
    case U'A': return S::kUpperLetter;
    case U'i': return S::kLowerRoman;
    case U'I': return S::kUpperRoman;
    case U'１': return S::kFullWidth;
    case U'①': return S::kCircled;
    case U'⑴': return S::kParenthesized;
    case U'⒈': return S::kFullStop;
    case U'一': return S::kChineseCounting;
    case U'壹': return S::kChineseLegal;
    case U'〇': return S::kIdeographDigital;
    case U'㊀': return S::kIdeographCircled;
    case U'甲': return S::kHeavenlyStems;
    case U'子': return S::kEarthlyBranches;
    default: return S::kDecimal;
  }
}

std::string FormatListNumber(int value, ListNumberStyle style) {
  using S = ListNumberStyle;
  switch (style) {
    case S::kNone:
      return "";
    case S::kDecimal:
      return std::to_string(value);
    case S::kDecimalZero:
      return value >= 0 && value < 10 ? "0" + std::to_string(value) : std::to_string(value);
    case S::kFullWidth: {
      if (value < 0) return std::to_string(value);
      std::string out;
      for (char d : std::to_string(value)) AppendUtf8(static_cast<UChar32>(U'０' + static_cast<char32_t>(d - '0')), &out);
      return out;
    }
    case S::kCircled:
      if (value > 20 && value <= 35) return FromRun(value - 20, U'㉑', 15);
      if (value > 35 && value <= 50) return FromRun(value - 35, U'㊱', 15);
      return FromRun(value, U'①', 20);
    case S::kParenthesized:
      return FromRun(value, U'⑴', 20);
    case S::kFullStop:
      return FromRun(value, U'⒈', 20);
    case S::kChineseCounting:
      if (value < 1) return std::to_string(value);
      return IcuFormat(value, IcuRules::kSpellout, u"%spellout-cardinal");
    case S::kChineseLegal:
      if (value < 1) return std::to_string(value);
      return IcuFormat(value, IcuRules::kSpellout, u"%spellout-cardinal-financial");
    case S::kIdeographDigital: {
      if (value < 0) return std::to_string(value);
      static constexpr std::u32string_view kDigits = U"〇一二三四五六七八九";
      std::string out;
      for (char d : std::to_string(value)) AppendUtf8(static_cast<UChar32>(kDigits[static_cast<size_t>(d - '0')]), &out);
      return out;
    }
    case S::kIdeographCircled:
      if (value >= 1 && value <= 10) return FromRun(value, U'㊀', 10);
      return FormatListNumber(value, S::kChineseCounting);
    case S::kHeavenlyStems:
      return Cycle(value, U"甲乙丙丁戊己庚辛壬癸");
    case S::kEarthlyBranches:
      return Cycle(value, U"子丑寅卯辰巳午未申酉戌亥");
    case S::kUpperLetter:
      return Letters(value, 'A');
    case S::kLowerLetter:
      return Letters(value, 'a');
    case S::kUpperRoman:
    case S::kLowerRoman:
      if (value < 1 || value >= 4000) return std::to_string(value);
      return IcuFormat(value, IcuRules::kNumbering, style == S::kUpperRoman ? u"%roman-upper" : u"%roman-lower");
  }
  return std::to_string(value);
}

std::optional<int> ParseListInt(std::string_view v) {
  const bool negative = !v.empty() && v[0] == '-';
  if (negative) v.remove_prefix(1);
  if (v.empty()) return std::nullopt;
  int out = 0;
  for (char c : v) {
    if (c < '0' || c > '9') return std::nullopt;
    out = std::min(out * 10 + (c - '0'), kMaxListStart);
  }
  return negative ? -out : out;
}

void AppendListLabel(std::string_view label, bool separator, std::string* out) {
  if (label.empty()) return;
  out->append(label);
  if (!separator) return;
  for (std::string_view punct : {"、", "）", ")", ".", "．", "：", ":", "】", "]", "〕", "》"}) {
    if (label.size() >= punct.size() && label.substr(label.size() - punct.size()) == punct) return;
  }
  out->push_back(' ');
}

int ListCounters::Count(int level, int start) {
  level = Clamp(level);
  count_[level] = counting_[level] ? count_[level] + 1 : start;
  counting_[level] = true;
  return count_[level];
}

int ListCounters::Value(int level, int start) const {
  level = Clamp(level);
  return counting_[level] ? count_[level] : start;
}

void ListCounters::Reset(int level) { counting_[Clamp(level)] = false; }

void ListCounters::RestartAt(int level, int start) {
  level = Clamp(level);
  count_[level] = start - 1;
  counting_[level] = true;
}

}  // namespace xxgk::report
