// The hand scans facts.cc runs instead of regular expressions give the
// answers of the patterns they replaced, on generated text built from the
// characters that matter to each pattern (and some that do not).
#include <iterator>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "re2/re2.h"
#include "report/facts.h"
#include "tests/report/random_text.h"

namespace xxgk::report {
namespace {

class Pieces : public xxgk::testing::RandomText {
 public:
  explicit Pieces(uint32_t seed) : RandomText(seed) {}
  std::string Line(const std::vector<std::string>& parts, int max_len) {
    std::string out;
    const int len = Below(max_len + 1);
    for (int k = 0; k < len; ++k) out += Pick(parts);
    return out;
  }
};

TEST(FactsScan, HeadingNumberingEqualsItsPattern) {
  static const re2::RE2 kHeading(
      R"(^\s*(?:[一二三四五六七八九十]+\s*[、.]|\(\s*[一二三四五六七八九十]+\s*\)|\d+\s*[、.]|第[一二三四五六七八九十]+[部分章节]))");
  const std::vector<std::string> parts = {
      " ", "\t", "\n", "\r", "\f", "\v", "\u3000", "一", "二", "五", "十", "九", "零", "(", ")", "、",
      ".", ",", "0", "1", "23", "第", "部", "分", "章", "节", "总", "体", "a", "\xE4", "。"};
  Pieces gen(11);
  int yes = 0, no = 0;
  for (int n = 0; n < 80000; ++n) {
    const std::string line = gen.Line(parts, 8);
    const bool want = RE2::PartialMatch(line, kHeading);
    ASSERT_EQ(internal::StartsLikeHeading(line), want) << "[" << line << "]";
    ++(want ? yes : no);
  }
  EXPECT_GT(yes, 1000);
  EXPECT_GT(no, 5000);
}

TEST(FactsScan, ScopeWordEqualsItsPattern) {
  static const re2::RE2 kScope(R"((全[市区县镇乡省州旗盟]|本级|备案|[全本各][^\d,;。]{0,6}?系统))");
  const std::vector<std::string> parts = {
      "全", "本", "各", "备", "案", "级", "市", "区", "县", "镇", "乡", "省", "州", "旗", "盟", "系",
      "统", "系统", "政", "府", "a", " ", "\n", "1", ",", ";", "。", "、", "\xE7", "\xB3", "é",
      "\xE0\x80\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80"};
  Pieces gen(12);
  int found = 0, none = 0;
  for (int n = 0; n < 80000; ++n) {
    const std::string text = gen.Line(parts, 14);
    re2::StringPiece m;
    std::string want;
    if (kScope.Match(text, 0, text.size(), RE2::UNANCHORED, &m, 1)) {
      want = std::string(m.data(), m.size());
      if (want.size() >= 6 && want.substr(want.size() - 6) == "系统") want = "系统";
    }
    ASSERT_EQ(internal::ScopeOf(text), want) << "[" << text << "]";
    ++(want.empty() ? none : found);
  }
  EXPECT_GT(found, 5000);
  EXPECT_GT(none, 5000);
}

// Every path of the one-pass scan finds the units and words the general
// searches find: text made of the units, the words, their pieces, bytes
// equal to their last two in other places and ill-formed sequences, at
// every length around the sixteen- and thirty-two-byte blocks.
TEST(FactsScan, TextScanPathsEqualTheGeneralSearches) {
  const std::vector<std::string> parts = {
      "元", "件", "条", "次", "个", "项", "起", "宗", "份", "篇", "部", "申请", "行政", "维持", "费",
      "申", "请", "行", "政", "维", "持", "万元", "一", "公开", "\xAF\xB7", "\x85\x83", "\xB7",
      "\xE8", "a", " ", "1", "\xB4\xB9", "\xA1\xB9", "\xA1", "𠀀", "é", "。"};
  Pieces gen(13);
  const std::vector<internal::ScanPath> paths = {internal::ScanPath::kTable,
                                                 internal::ScanPath::kSsse3,
                                                 internal::ScanPath::kAvx2,
                                                 internal::ScanPath::kBest};
  size_t units = 0, words = 0;
  for (int n = 0; n < 20000; ++n) {
    const std::string text = gen.Line(parts, n % 4 == 0 ? 40 : 12);
    internal::TextScan want, got;
    internal::ScanText(text, internal::ScanPath::kGeneral, &want);
    units += want.unit_ends.size();
    for (const auto& w : want.words) words += w.size();
    for (internal::ScanPath path : paths) {
      if (!internal::ScanPathRuns(path)) continue;
      internal::ScanText(text, path, &got);
      ASSERT_EQ(got.unit_ends, want.unit_ends) << static_cast<int>(path) << " [" << text << "]";
      for (size_t k = 0; k < std::size(internal::kScanWords); ++k) {
        ASSERT_EQ(got.words[k], want.words[k]) << static_cast<int>(path) << " [" << text << "]";
      }
    }
  }
  EXPECT_GT(units, 20000u);
  EXPECT_GT(words, 10000u);
}

// The one-pass need-word search finds each word exactly where a plain
// search does: text made of the words, their pieces (first characters,
// shared tails), stray continuation and lead bytes, at every short length.
TEST(FactsScan, NeedWordsInEqualsAFindPerWord) {
  const std::vector<std::string>& words = internal::NeedWordList();
  ASSERT_GE(words.size(), 20u);
  ASSERT_LE(words.size(), 64u);
  std::vector<std::string> parts = {"a", " ", "1", ",", "。", "é", "𠀀", "\xE7", "\xB3", "\x80",
                                    "\xE4\xB8", "\xF0\x9F", "公", "开", "信", "息", "结", "转"};
  for (const std::string& w : words) {
    parts.push_back(w);
    parts.push_back(w.substr(0, 3));
    parts.push_back(w.substr(w.size() >= 3 ? w.size() - 3 : 0));
    parts.push_back(w.substr(1));
    parts.push_back(w.substr(0, w.size() - 1));
  }
  Pieces gen(14);
  size_t hits = 0;
  for (int n = 0; n < 40000; ++n) {
    const std::string text = gen.Line(parts, n % 4 == 0 ? 24 : 6);
    const uint64_t got = internal::NeedWordsIn(text);
    for (size_t k = 0; k < words.size(); ++k) {
      const bool want = text.find(words[k]) != std::string::npos;
      ASSERT_EQ((got >> k) & 1, want ? 1u : 0u) << words[k] << " [" << text << "]";
      hits += want;
    }
    ASSERT_EQ(got >> words.size(), 0u);
  }
  EXPECT_GT(hits, 40000u);
}

}  // namespace
}  // namespace xxgk::report
