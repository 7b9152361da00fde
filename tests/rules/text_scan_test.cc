// The byte scanners of rules/text_scan.h give exactly what the RE2 patterns
// they replace give, on generated text of every kind check kinds see.
#include "rules/text_scan.h"

#include <algorithm>
#include <optional>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "gtest/gtest.h"
#include "re2/re2.h"

namespace xxgk::rules {
namespace {

// Pieces of text: digits (ASCII and full-width), the years' prefixes, every
// kind of white space (\s and not), 年 and its neighbours, Han from several
// blocks (unified, extension A and B, radicals, 々, 〇, compatibility),
// traditional script, CJK punctuation, Latin, emoji and ill-formed UTF-8.
const std::vector<std::string>& Pieces() {
  static const std::vector<std::string> kPieces = {
      "0", "1", "2", "3", "9", "19", "20", "202", "2023", "1999", "2100", "２０２３", "１９", " ", "  ", "\t", "\n",
      "\r", "\f", "\v", "\xC2\xA0", "　", "年", "年度", "年年", "月", "日", "报告", "政府信息公开", "國務院辦公廳", "發佈",
      "々", "〇", "〡", "〸", "㐀", "䶵", "⺀", "⼀", "豈", "𠀀", "𪚥", "、", "。", "（", "）", "〔", "〕", "“", "”", "…",
      "a", "Z", "-", ".", "é", "Ω", "😀", "ア", "한", "\xFF", "\xE5\xB9", "\x80", "\xC0\xAF", "\xED\xA0\x80",
      "\xF4\x90\x80\x80"};
  return kPieces;
}

std::string Generate(std::mt19937* rng, bool well_formed) {
  const auto& pieces = Pieces();
  std::string s;
  const int n = static_cast<int>((*rng)() % 40);
  for (int i = 0; i < n; ++i) {
    const std::string& p = pieces[(*rng)() % pieces.size()];
    if (well_formed && (p == "\xFF" || p == "\xE5\xB9" || p == "\x80" || p == "\xC0\xAF" || p == "\xED\xA0\x80" ||
                        p == "\xF4\x90\x80\x80")) {
      continue;
    }
    s += p;
  }
  return s;
}

using Match = std::tuple<size_t, size_t, int>;

std::vector<Match> YearsByRegex(const std::string& text) {
  static const RE2 re(R"(((?:19|20)\d{2})\s*年)");
  std::vector<Match> out;
  re2::StringPiece input(text);
  re2::StringPiece m[2];
  size_t pos = 0;
  while (pos < text.size() && re.Match(input, pos, text.size(), RE2::UNANCHORED, m, 2)) {
    const size_t begin = static_cast<size_t>(m[0].data() - text.data());
    pos = begin + m[0].size();
    out.emplace_back(begin, pos, std::stoi(std::string(m[1].data(), m[1].size())));
  }
  return out;
}

std::vector<Match> YearsByScan(const std::string& text) {
  std::vector<Match> out;
  size_t pos = 0, begin = 0;
  int year = 0;
  while (pos < text.size() && NextYearMention(text, pos, &begin, &pos, &year)) out.emplace_back(begin, pos, year);
  return out;
}

int HanByRegex(const std::string& text) {
  static const RE2 re(R"([^\p{Han}]+)");
  std::string han = text;
  RE2::GlobalReplace(&han, re, "");
  int n = 0;
  for (char c : han) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

TEST(TextScanTest, YearMentionsAsTheRegexFindsThem) {
  EXPECT_EQ(YearsByScan("2023年"), (std::vector<Match>{{0, 7, 2023}}));
  const std::string mixed = "12023 \t年、1899年、２０２３年、2019\v年、2020年度";
  EXPECT_EQ(YearsByScan(mixed), YearsByRegex(mixed));
  EXPECT_EQ(YearsByScan(mixed).size(), 2u);  // 2023 after a digit, and 2020; not 1899, full width or \v
  EXPECT_TRUE(YearsByScan("").empty());
  std::mt19937 rng(7);
  for (int i = 0; i < 20000; ++i) {
    const std::string s = Generate(&rng, i % 2 == 0);
    ASSERT_EQ(YearsByScan(s), YearsByRegex(s)) << s;
  }
}

TEST(TextScanTest, YearMentionFromAnOffset) {
  const std::string s = "2021年和2022年";
  size_t begin = 0, end = 0;
  int year = 0;
  ASSERT_TRUE(NextYearMention(s, 1, &begin, &end, &year));  // the first one starts before the offset
  EXPECT_EQ(year, 2022);
  EXPECT_EQ(s.substr(begin, end - begin), "2022年");
}

TEST(TextScanTest, HanCountAsTheRegexCountsIt) {
  EXPECT_EQ(CountHan("政府信息公开工作年度报告"), 12);
  EXPECT_EQ(CountHan("2023年，共收到申请12件。"), HanByRegex("2023年，共收到申请12件。"));
  EXPECT_EQ(CountHan(""), 0);
  std::mt19937 rng(11);
  for (int i = 0; i < 20000; ++i) {
    const std::string s = Generate(&rng, i % 3 != 0);
    ASSERT_EQ(CountHan(s), HanByRegex(s)) << s;
    const int stop = static_cast<int>(rng() % 12);
    ASSERT_EQ(CountHan(s, stop), std::min(HanByRegex(s), stop)) << s << " stop " << stop;
  }
}

TEST(TextScanTest, HanCountOverWholeBlocks) {
  // Every code point of the planes the decided ranges cover, plus a margin.
  std::string s;
  for (char32_t cp = 0x2E00; cp < 0xA000; ++cp) {
    if (cp < 0x800) continue;
    s.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    s.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    s.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
  for (char32_t cp = 0xF900; cp < 0x10000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    s.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    s.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    s.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
  EXPECT_EQ(CountHan(s), HanByRegex(s));
}

TEST(TextScanTest, LiteralAlternationOnlyForPlainLiterals) {
  EXPECT_TRUE(LiteralAlternation::Of("工作考核|绩效考核|考核").has_value());
  EXPECT_TRUE(LiteralAlternation::Of("").has_value());
  EXPECT_TRUE(LiteralAlternation::Of("a b|-#").has_value());
  for (const char* p : {"a.b", "考核+", "(?:考核)", "考核|评议?", "[考]核", "考{2}", "^考核", "考核$", "\\d", "a*"}) {
    EXPECT_FALSE(LiteralAlternation::Of(p).has_value()) << p;
  }
}

TEST(TextScanTest, LiteralAlternationFindsWhatTheRegexFinds) {
  // Alternatives drawn from the well-formed pieces without RE2 syntax, some
  // holding others, some empty; texts of every kind (ill-formed too).
  std::vector<std::string> words;
  for (const std::string& p : Pieces()) {
    if (p.find_first_of(".-") == std::string::npos && RE2(p).ok()) words.push_back(p);
  }
  words.push_back("考核");
  words.push_back("工作考核");
  std::mt19937 rng(13);
  for (int i = 0; i < 20000; ++i) {
    std::string pattern;
    const int alternatives = 1 + static_cast<int>(rng() % 4);
    for (int a = 0; a < alternatives; ++a) {
      if (a > 0) pattern += "|";
      const int parts = static_cast<int>(rng() % 3);  // 0: an empty alternative
      for (int k = 0; k < parts; ++k) pattern += words[rng() % words.size()];
    }
    const RE2 re(pattern);
    ASSERT_TRUE(re.ok()) << pattern;
    const std::optional<LiteralAlternation> lit = LiteralAlternation::Of(pattern);
    ASSERT_TRUE(lit.has_value()) << pattern;
    std::string text = Generate(&rng, i % 2 == 0);
    if (i % 3 == 0) text += words[rng() % words.size()];
    ASSERT_EQ(lit->FoundIn(text), RE2::PartialMatch(text, re)) << pattern << " in " << text;
  }
}

}  // namespace
}  // namespace xxgk::rules
