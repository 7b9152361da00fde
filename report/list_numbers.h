// Automatic list numbers as a word processor shows them. Reports written in
// Word or LibreOffice often number their headings and table rows ("一、",
// "（二）", "3.") with the list feature, so the numbers are not in the text
// runs; the .docx and .odt readers put them back from the list definitions.
// This file holds what both need: the number styles and the running counts.
#ifndef XXGK_REPORT_LIST_NUMBERS_H_
#define XXGK_REPORT_LIST_NUMBERS_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace xxgk::report {

enum class ListNumberStyle {
  kNone,                 // no number: bullets, "none", an empty format
  kDecimal,              // 1 2 3
  kDecimalZero,          // 01 02 … 10
  kFullWidth,            // １ ２ ３
  kCircled,              // ① ② ③ (decimal after 50)
  kParenthesized,        // ⑴ ⑵ ⑶ (decimal after 20)
  kFullStop,             // ⒈ ⒉ ⒊ (decimal after 20)
  kChineseCounting,      // 一 二 … 十 十一 二十 一百零一
  kChineseLegal,         // 壹 贰 叁 … 拾 拾壹
  kIdeographDigital,     // 一〇 for 10: digit by digit
  kIdeographCircled,     // ㊀ … ㊉ (counting after 10)
  kHeavenlyStems,        // 甲 乙 丙 … 癸, then round again
  kEarthlyBranches,      // 子 丑 寅 … 亥, then round again
  kUpperLetter,          // A … Z AA BB (Word's repetition)
  kLowerLetter,          // a … z aa bb
  kUpperRoman,           // I II III IV
  kLowerRoman,           // i ii iii iv
};

// The style of Word's w:numFmt value; an unknown value is decimal (Word
// falls back to it too), "bullet" and "none" are kNone.
ListNumberStyle WordListNumberStyle(std::string_view num_fmt);

// The style of OpenDocument's style:num-format ("1", "a", "I", "一, 二, 三, ...",
// "①, ②, ③, ..."), told by its first character; empty is kNone.
ListNumberStyle OdfListNumberStyle(std::string_view num_format);

// `value` written in `style` (UTF-8). Values the style cannot write (zero or
// negative outside the decimal styles) are written in decimal; kNone gives "".
std::string FormatListNumber(int value, ListNumberStyle style);

// Appends a list label and what separates it from the paragraph's text: a
// space when the word processor puts a tab or space there (`separator`) and
// the label ends in a number or letter; nothing after a label ending in
// punctuation ("一、", "（二）", "3."), so that the line reads as the same text
// typed by hand does.
void AppendListLabel(std::string_view label, bool separator, std::string* out);

// Start values and levels as documents write them are held to this bound,
// far beyond any list's length, so a hostile value cannot make a label of
// megabytes or overflow a count.
inline constexpr int kMaxListStart = 100000;

// A decimal number as a list attribute writes it ("3", "-1"), clamped to
// ±kMaxListStart; nullopt when it is not one.
std::optional<int> ParseListInt(std::string_view v);

// A binary start value clamped to ±kMaxListStart.
inline int ClampListStart(int64_t v) {
  return static_cast<int>(v > kMaxListStart ? kMaxListStart : (v < -kMaxListStart ? -kMaxListStart : v));
}

// The running counts of one list's levels (Word and OpenDocument both have
// at most ten; deeper levels are clamped to the last).
class ListCounters {
 public:
  static constexpr int kLevels = 10;

  // Counts one item at `level`: its count goes up by one, or starts at
  // `start` when the level has not counted since it was last reset.
  // Returns the item's number.
  int Count(int level, int start);
  // The level's current number, or `start` when it has not counted.
  int Value(int level, int start) const;
  // The level starts again at its next item.
  void Reset(int level);
  // The level's next item is numbered `start` (a restart ordered by the
  // document, such as Word's w:startOverride).
  void RestartAt(int level, int start);

  static int Clamp(int level) { return level < 0 ? 0 : (level >= kLevels ? kLevels - 1 : level); }

 private:
  std::array<int, kLevels> count_{};
  std::array<bool, kLevels> counting_{};
};

}  // namespace xxgk::report

#endif  // XXGK_REPORT_LIST_NUMBERS_H_
