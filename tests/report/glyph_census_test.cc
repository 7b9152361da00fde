// GlyphCensus: a PDF text layer of glyph numbers taken for characters is told
// from text, Chinese, English or in one foreign script.
#include "report/glyph_census.h"

#include <string>

#include "gtest/gtest.h"
#include "report/utf8.h"

namespace xxgk::report {
namespace {

// `n` characters stepping through U+0001.. by `step`, as glyph numbers of a
// subset font read through an Identity encoding come out.
std::string GlyphNumbers(int n, int step) {
  std::string out;
  for (int i = 0; i < n; ++i) AppendUtf8(1 + (i * step) % 1500, &out);
  return out;
}

GlyphCensus Of(const std::string& text) {
  GlyphCensus c;
  c.Add(text);
  return c;
}

TEST(GlyphCensus, GlyphNumbersAreGarbled) {
  const GlyphCensus c = Of(GlyphNumbers(200, 37));
  EXPECT_TRUE(c.Garbled());
  EXPECT_FALSE(c.sample().empty());
  for (UChar32 ch : CodePoints(c.sample())) EXPECT_GE(ch, 0x100) << "no control character shown";
  std::string pua;
  for (int i = 0; i < 60; ++i) AppendUtf8(0xE000 + i, &pua);
  EXPECT_TRUE(Of(pua).Garbled());
}

TEST(GlyphCensus, TextIsNot) {
  std::string chinese;
  for (int i = 0; i < 10; ++i) chinese += "本机关全年主动公开政府信息1,234条，办理申请5件。";
  EXPECT_FALSE(Of(chinese).Garbled());
  EXPECT_FALSE(Of("The agency answered every one of the 52 requests it received on time, "
                  "and none was taken to review or to court (see Table 3).")
                   .Garbled());
  EXPECT_FALSE(Of("Государственное учреждение ответило на все запросы в установленный срок, "
                  "жалоб не поступало.")
                   .Garbled());
  // a report with a garbled run in it is a report (its garbled run is a
  // mojibake note's business), and a short run decides nothing
  EXPECT_FALSE(Of(chinese + GlyphNumbers(40, 37)).Garbled());
  EXPECT_FALSE(Of(GlyphNumbers(40, 37)).Garbled());
}

// The census adds up over the words of a file, however they are cut.
TEST(GlyphCensus, WordsAddUp) {
  const std::string garbage = GlyphNumbers(200, 37);
  GlyphCensus c;
  const auto chars = Utf8Chars(garbage);
  for (const std::string& ch : chars) c.Add(ch);
  EXPECT_TRUE(c.Garbled());
  EXPECT_EQ(c.sample(), Of(garbage).sample());
}

}  // namespace
}  // namespace xxgk::report
