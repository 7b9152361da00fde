// List numbers: each style as Word and LibreOffice show it, the format names
// of both mapped to styles, and the running counts of a list's levels.
#include "report/list_numbers.h"

#include <string>

#include "gtest/gtest.h"

namespace xxgk::report {
namespace {

using S = ListNumberStyle;

TEST(FormatListNumber, ChineseStylesAsWordWritesThem) {
  EXPECT_EQ(FormatListNumber(1, S::kChineseCounting), "一");
  EXPECT_EQ(FormatListNumber(6, S::kChineseCounting), "六");
  EXPECT_EQ(FormatListNumber(10, S::kChineseCounting), "十");
  EXPECT_EQ(FormatListNumber(11, S::kChineseCounting), "十一");
  EXPECT_EQ(FormatListNumber(20, S::kChineseCounting), "二十");
  EXPECT_EQ(FormatListNumber(101, S::kChineseCounting), "一百零一");
  EXPECT_EQ(FormatListNumber(3, S::kChineseLegal), "叁");
  EXPECT_EQ(FormatListNumber(12, S::kChineseLegal), "拾贰");
  EXPECT_EQ(FormatListNumber(10, S::kIdeographDigital), "一〇");
  EXPECT_EQ(FormatListNumber(2, S::kIdeographCircled), "㊁");
  EXPECT_EQ(FormatListNumber(1, S::kHeavenlyStems), "甲");
  EXPECT_EQ(FormatListNumber(11, S::kHeavenlyStems), "甲");  // round again
  EXPECT_EQ(FormatListNumber(12, S::kEarthlyBranches), "亥");
}

TEST(FormatListNumber, EnclosedAndWidthStylesFallBackToDecimalPastTheirSigns) {
  EXPECT_EQ(FormatListNumber(1, S::kCircled), "①");
  EXPECT_EQ(FormatListNumber(20, S::kCircled), "⑳");
  EXPECT_EQ(FormatListNumber(21, S::kCircled), "㉑");
  EXPECT_EQ(FormatListNumber(50, S::kCircled), "㊿");
  EXPECT_EQ(FormatListNumber(51, S::kCircled), "51");
  EXPECT_EQ(FormatListNumber(3, S::kParenthesized), "⑶");
  EXPECT_EQ(FormatListNumber(21, S::kParenthesized), "21");
  EXPECT_EQ(FormatListNumber(2, S::kFullStop), "⒉");
  EXPECT_EQ(FormatListNumber(12, S::kFullWidth), "１２");
  EXPECT_EQ(FormatListNumber(7, S::kDecimalZero), "07");
  EXPECT_EQ(FormatListNumber(12, S::kDecimalZero), "12");
}

TEST(FormatListNumber, LettersRomanAndValuesAStyleCannotWrite) {
  EXPECT_EQ(FormatListNumber(1, S::kUpperLetter), "A");
  EXPECT_EQ(FormatListNumber(27, S::kUpperLetter), "AA");
  EXPECT_EQ(FormatListNumber(54, S::kLowerLetter), "bbb");
  EXPECT_EQ(FormatListNumber(4, S::kUpperRoman), "IV");
  EXPECT_EQ(FormatListNumber(1999, S::kLowerRoman), "mcmxcix");
  EXPECT_EQ(FormatListNumber(0, S::kChineseCounting), "0");
  EXPECT_EQ(FormatListNumber(-2, S::kUpperRoman), "-2");
  EXPECT_EQ(FormatListNumber(0, S::kCircled), "0");
  EXPECT_EQ(FormatListNumber(5, S::kNone), "");
  // A start value no list reaches still gives a bounded label.
  EXPECT_LE(FormatListNumber(100000, S::kUpperLetter).size(), 1u);
  EXPECT_EQ(FormatListNumber(100000, S::kDecimal), "100000");
}

TEST(ListNumberStyles, WordAndOpenDocumentNamesMapToStyles) {
  EXPECT_EQ(WordListNumberStyle("chineseCounting"), S::kChineseCounting);
  EXPECT_EQ(WordListNumberStyle("chineseCountingThousand"), S::kChineseCounting);
  EXPECT_EQ(WordListNumberStyle("chineseLegalSimplified"), S::kChineseLegal);
  EXPECT_EQ(WordListNumberStyle("decimalEnclosedCircleChinese"), S::kCircled);
  EXPECT_EQ(WordListNumberStyle("ideographTraditional"), S::kHeavenlyStems);
  EXPECT_EQ(WordListNumberStyle("upperRoman"), S::kUpperRoman);
  EXPECT_EQ(WordListNumberStyle("bullet"), S::kNone);
  EXPECT_EQ(WordListNumberStyle("none"), S::kNone);
  EXPECT_EQ(WordListNumberStyle("ordinal"), S::kDecimal);  // not written: decimal

  EXPECT_EQ(OdfListNumberStyle("1"), S::kDecimal);
  EXPECT_EQ(OdfListNumberStyle("一, 二, 三, ..."), S::kChineseCounting);
  EXPECT_EQ(OdfListNumberStyle("壹, 贰, 叁, ..."), S::kChineseLegal);
  EXPECT_EQ(OdfListNumberStyle("①, ②, ③, ..."), S::kCircled);
  EXPECT_EQ(OdfListNumberStyle("甲, 乙, 丙, ..."), S::kHeavenlyStems);
  EXPECT_EQ(OdfListNumberStyle("I"), S::kUpperRoman);
  EXPECT_EQ(OdfListNumberStyle("a"), S::kLowerLetter);
  EXPECT_EQ(OdfListNumberStyle(""), S::kNone);
}

TEST(ListCounters, LevelsCountFromTheirStartAndRestartWhenReset) {
  ListCounters c;
  EXPECT_EQ(c.Value(0, 1), 1);  // not counted yet: the start
  EXPECT_EQ(c.Count(0, 1), 1);
  EXPECT_EQ(c.Count(1, 1), 1);
  EXPECT_EQ(c.Count(1, 1), 2);
  EXPECT_EQ(c.Count(0, 1), 2);
  c.Reset(1);
  EXPECT_EQ(c.Count(1, 1), 1);
  EXPECT_EQ(c.Count(2, 5), 5);
  c.RestartAt(0, 7);
  EXPECT_EQ(c.Count(0, 1), 7);
  EXPECT_EQ(c.Value(0, 1), 7);
  // Levels beyond the last are counted as the last.
  EXPECT_EQ(c.Count(40, 1), 1);
  EXPECT_EQ(c.Value(ListCounters::kLevels - 1, 9), 1);
}

}  // namespace
}  // namespace xxgk::report
