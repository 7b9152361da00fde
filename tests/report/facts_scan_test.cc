// The hand scans facts.cc runs instead of regular expressions give the
// answers of the patterns they replaced, on generated text built from the
// characters that matter to each pattern (and some that do not).
#include <algorithm>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
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
  // One of `slot`, or (one time in eight) one of `stray`.
  std::string Slot(const std::vector<std::string>& slot, const std::vector<std::string>& stray) {
    return Below(8) == 0 ? Pick(stray) : Pick(slot);
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

// The figure groups read from a match's end are the groups RE2 captures, and
// the search from the rule's start words finds the match RE2 finds,
// for every numeric rule whose pattern ends in the figure, on clauses made
// of the rules' wording and figures in every notation: prefixes, fill
// words, approximations, numerals and digits with separators, whitespace
// RE2's \s does and does not take, multipliers, units and their pieces.
TEST(FactsScan, LastFigureAndStartWordsEqualTheCapturesOfEachRule) {
  const std::vector<std::string> lead = {
      "收到申请", "新收政府信息公开申请", "受理申请件", "办理依申请公开申请事项", "上年结转",
      "上年度结转的申请", "结转下一年度", "办结的申请", "予以公开", "部分公开", "公开及部分予以公开",
      "不予公开", "行政复议案件", "行政诉讼", "主动公开政府信息", "共计公开各类政务信息",
      "网站发布信息", "政务网公开", "出台了政府规章", "印发规范性文件", "信息处理费用金额",
      "行政事业性收费总额", "不予受理申请", "结转", "信息", "一", "5", "收办申请", "接收申请",
      "接到申请", "同意公开", "准予公开", "累计公开信息", "合计主动公开政务信息", "共公开信息",
      "制定规章", "制发政府规章", "新制定规范性文件", "新出台了各类规范性文件", "予以公开和部分公开",
      "公开、部分公开", "上年度结转", "结转至下年", "办结申请"};
  const std::vector<std::string> parts = {
      "的", "了", "数量", "数", "总数", "件数", "为", "共", "共计", "计", "达", "约", "大约", "近",
      "将近", "不到", "不足", "超过", "逾", " ", "\t", "\u3000", "0", "1", "23", ",", ".", "5.5",
      "1,234", "一", "二", "两", "十", "百", "千", "万", "亿", "零", "〇", "余", "多", "元", "件",
      "条", "次", "个", "项", "起", "宗", "份", "篇", "部", "万元", "亿元", "以上", "左右", "以下",
      "之多", "以", "之", "人", "a", "申请", "公开", "信息", "\xE4\xB8", "\xB8\x87"};
  const std::vector<std::string> kFills = {"", "的", "数量为", "总数", "件数共计", "合计", "达", "为"};
  const std::vector<std::string> kSpaces = {"", "", " ", "\t", "  ", "\u3000"};
  const std::vector<std::string> kPre = {"", "约", "大约", "近", "将近", "不到", "不足", "超过", "逾"};
  const std::vector<std::string> kNums = {"", "1", "23", "4,567", "8.9", "一", "十二", "两", "三百",
                                          "四千", "五万", "六亿", "〇", "零"};
  const std::vector<std::string> kMore = {"", "", "余", "多"};
  const std::vector<std::string> kMult = {"", "", "万", "亿"};
  const std::vector<std::string> kUnits = {"元", "件", "条", "次", "个", "项", "起", "宗",
                                           "份", "篇", "部", "万元", "亿元", "人"};
  const std::vector<std::string> kPosts = {"", "", "以上", "左右", "以下", "之多", "以"};
  std::vector<std::unique_ptr<re2::RE2>> rules;
  std::vector<std::vector<std::string>> starts;
  for (const internal::NumericRulePattern& r : internal::NumericRulePatterns()) {
    if (!r.figure_last) continue;
    rules.push_back(std::make_unique<re2::RE2>(r.pattern));
    starts.push_back(r.starts);
  }
  ASSERT_GE(rules.size(), 10u);
  Pieces gen(15);
  int matches = 0, with_pre = 0, with_mult = 0, with_more2 = 0, with_post = 0;
  for (int n = 0; n < 40000; ++n) {
    // Half the clauses are a rule's wording, then a figure built part by
    // part (each part of the figure's pattern, or a stray piece, or none),
    // the other half any pieces.
    std::string text = gen.Line(parts, 3);
    text += n % 2 == 0 ? gen.Slot(lead, parts) : gen.Line(lead, 2);
    if (n % 2 == 0) {
      for (const std::vector<std::string>* slot : {&kFills, &kSpaces, &kPre, &kSpaces, &kNums, &kNums,
                                                   &kSpaces, &kMore, &kMult, &kSpaces, &kMore,
                                                   &kUnits, &kPosts}) {
        text += gen.Slot(*slot, parts);
      }
    }
    text += gen.Line(parts, n % 2 == 0 ? 2 : 9);
    for (size_t r = 0; r < rules.size(); ++r) {
      const auto& re = rules[r];
      const int ngroups = re->NumberOfCapturingGroups() + 1;
      std::vector<re2::StringPiece> g(static_cast<size_t>(ngroups));
      size_t from = 0;
      while (from < text.size()) {
        // The search from the rule's start words finds the same match.
        const bool found = re->Match(text, from, text.size(), RE2::UNANCHORED, g.data(), ngroups);
        re2::StringPiece m;
        const bool fast = internal::FindStartingWith(*re, starts[r], text, from, &m);
        ASSERT_EQ(fast, found) << re->pattern() << " [" << text << "] from " << from;
        if (!found) break;
        ASSERT_EQ(m.data(), g[0].data()) << re->pattern() << " [" << text << "]";
        ASSERT_EQ(m.size(), g[0].size()) << re->pattern() << " [" << text << "]";
        const std::string_view match(g[0].data(), g[0].size());
        from = std::max(static_cast<size_t>(match.data() - text.data()) + match.size(),
                        static_cast<size_t>(match.data() - text.data()) + 1);
        auto group = [&](const char* name) {
          const auto& names = re->NamedCapturingGroups();
          auto it = names.find(name);
          if (it == names.end()) return std::string();
          const re2::StringPiece& v = g[static_cast<size_t>(it->second)];
          return std::string(v.data(), v.size());
        };
        internal::FigureParts got;
        ASSERT_TRUE(internal::LastFigure(match, &got)) << re->pattern() << " [" << match << "]";
        const std::string where = re->pattern().substr(0, 40) + " [" + std::string(match) + "]";
        EXPECT_EQ(got.pre, group("pre")) << where;
        EXPECT_EQ(got.num, group("num")) << where;
        EXPECT_EQ(got.more, group("more")) << where;
        EXPECT_EQ(got.mult, group("mult")) << where;
        EXPECT_EQ(got.more2, group("more2")) << where;
        EXPECT_EQ(got.unit, group("unit")) << where;
        ASSERT_EQ(got.post, group("post")) << where;
        const std::string verb = group("verb");
        if (!verb.empty()) {
          ASSERT_EQ(match.substr(0, 6), verb) << where;
        }
        ++matches;
        with_pre += !got.pre.empty();
        with_mult += !got.mult.empty();
        with_more2 += !got.more2.empty();
        with_post += !got.post.empty();
      }
    }
  }
  EXPECT_GT(matches, 3000);
  EXPECT_GT(with_pre, 300);
  EXPECT_GT(with_mult, 300);
  EXPECT_GT(with_more2, 50);
  EXPECT_GT(with_post, 300);
}

// Each claim's hand scan finds the leftmost-first match of its pattern:
// text made of the claims' start words, verbs, 任何, end words and their
// pieces, characters the gaps may and may not hold (digits, 。, ';', ',',
// four-byte and ill-formed sequences), and long runs of filler so the gap
// limits are met at and past their edges.
TEST(FactsScan, ClaimsEqualTheirPatterns) {
  const std::vector<std::string> parts = {
      "未", "没有", "没", "无", "不", "依", "均", "全部", "全", "都", "收到", "受理", "接到", "接收",
      "发生", "出现", "产生", "涉及", "被", "收取", "收", "获", "予以", "已被", "得到", "已予",
      "任何", "任", "申请", "行政复议", "行政诉讼", "行政", "维持", "公开", "信息处理费", "处理费",
      "费用", "费", "依申请公开", "政府信息公开申请", "政府信息", "的", "数量", "件数", "为", "0",
      "零", "1", "。", ";", ",", "未经", "关", "于", "本", "a", " ", "é", "𠀀", "\xE0\x80\x80",
      "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE7", "\xB3"};
  const std::vector<std::string> filler = {"关", "于", "本", "机", "a", "é", "𠀀", "的", "县", " "};
  const std::vector<internal::Claim> claims = {
      internal::Claim::kNoApplications, internal::Claim::kNoReview, internal::Claim::kNoLitigation,
      internal::Claim::kUpheld, internal::Claim::kAllGranted, internal::Claim::kNoFee};
  std::vector<std::unique_ptr<re2::RE2>> patterns;
  for (internal::Claim c : claims) {
    patterns.push_back(std::make_unique<re2::RE2>(internal::ClaimPattern(c)));
    ASSERT_TRUE(patterns.back()->ok());
  }
  Pieces gen(16);
  std::vector<int> found(claims.size(), 0);
  const std::vector<std::string> starts = {"未", "没有", "无", "不", "依", "均", "全部", "都"};
  const std::vector<std::string> verbs = {"", "收到", "受理", "接到", "接收", "发生", "出现", "产生",
                                          "涉及", "被", "收取", "收", "获", "予以", "已被", "得到",
                                          "已予"};
  const std::vector<std::string> any = {"", "任何"};
  const std::vector<std::string> ends = {
      "申请", "行政复议", "行政诉讼", "维持", "公开", "信息处理费", "处理费", "费用", "依申请公开",
      "政府信息公开申请", "申请公开的数量为0", "申请公开政府信息件数为零", "申请公开为零"};
  // Each claim's own words, in the order of `claims`.
  const std::vector<std::string> kStarts[] = {{"未", "没有", "无", "依"}, {"未", "没有", "无"},
                                              {"未", "没有", "无"}, {"均", "全部", "都"},
                                              {"全部", "均"}, {"未", "没有", "无", "不"}};
  const std::vector<std::string> kVerbs[] = {
      {"收到", "受理", "接到", "接收", "发生", "申请公开", "政府信息公开申请"},
      {"", "发生", "出现", "收到", "产生", "涉及", "被", "接到"},
      {"", "发生", "出现", "收到", "产生", "涉及", "被", "接到"},
      {"", "获", "被", "予以", "已被", "得到"},
      {"予以", "已予"},
      {"收取", "产生", "发生", "收"}};
  const std::vector<std::string> kEnds[] = {
      {"申请", "依申请公开", "的数量为0", "政府信息件数为零", "为零"}, {"行政复议"}, {"行政诉讼"},
      {"维持"}, {"公开"}, {"信息处理费", "处理费", "费用"}};
  for (int n = 0; n < 60000; ++n) {
    // Two in three texts hold a claim built part by part (the gap of
    // filler often near its limit, sometimes broken), the rest any pieces.
    std::string text = gen.Line(parts, 4);
    if (n % 3 != 0) {
      // Often the start, verb and end of one claim, else any.
      const size_t k = static_cast<size_t>(n / 7) % claims.size();
      const bool one = n % 2 == 1;
      text += gen.Slot(one ? kStarts[k] : starts, parts);
      text += gen.Slot(one ? kVerbs[k] : verbs, parts);
      text += gen.Slot(any, parts);
      if (n % 4 != 3) text += gen.Line(n % 3 == 1 ? filler : parts, n % 2 == 0 ? 40 : 8);
      text += gen.Slot(one ? kEnds[k] : ends, parts);
    }
    text += gen.Line(parts, 4);
    for (size_t k = 0; k < claims.size(); ++k) {
      re2::StringPiece m;
      const bool want = patterns[k]->Match(text, 0, text.size(), RE2::UNANCHORED, &m, 1);
      size_t b = 0, e = 0;
      const bool got = internal::FindClaim(claims[k], text, &b, &e);
      ASSERT_EQ(got, want) << k << " [" << text << "]";
      if (!want) continue;
      ASSERT_EQ(b, static_cast<size_t>(m.data() - text.data())) << k << " [" << text << "]";
      ASSERT_EQ(e, b + m.size()) << k << " [" << text << "]";
      ++found[k];
    }
  }
  for (size_t k = 0; k < claims.size(); ++k) EXPECT_GT(found[k], 400) << k;
}

}  // namespace
}  // namespace xxgk::report
