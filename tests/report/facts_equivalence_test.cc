// Pins report/facts.cc to golden files: for varied generated prose (seeds
// 1-120, normalized and raw), every claim wording at every length of its free
// part, section texts without report text (seeds 1000-1099) and every number
// notation, tests/report/fixtures/golden/facts_*.txt hold the facts read (one
// line per run of facts differing only in span; see Dump), in order. The fast
// paths (byte pre-filters, needed literals, precomputed capture indices) were
// first checked equal to the general implementation they replaced on these
// generators; the files pin that behaviour. The generator draws in a fixed
// order (see Cat), so every compiler builds the same prose. After an intended
// behaviour change, re-record them and review the diff:
//   XXGK_UPDATE_GOLDEN=1 build/tests/report_test --gtest_filter='FactsEquivalence.*'
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "report/facts.h"
#include "report/normalize.h"
#include "tests/report/golden.h"
#include "tests/report/random_text.h"

namespace xxgk::report {
namespace {

using xxgk::v1::ProseFact;
using xxgk::v1::Report;
using xxgk::v1::Section;

// Prose built from the wording the rules read, with figures in every
// notation (ASCII, full-width, thousands commas, decimals, Chinese numerals),
// units, approximation and scope words, odd whitespace, traditional script,
// table rows and headings, cut into sentences, clauses and lines at random.
class ProseGenerator : public xxgk::testing::RandomText {
 public:
  explicit ProseGenerator(uint32_t seed) : RandomText(seed) {}

  std::string Document(int sentences) {
    std::string out;
    for (int i = 0; i < sentences; ++i) {
      const int kind = Below(20);
      if (kind == 0) {
        out += Cat({"| ", Pick(kWords), " | ", Figure(), " |\n"});
      } else if (kind == 1) {
        out += Cat({std::to_string(Below(9) + 1), ".", Pick(kWords), Figure(), Pick(kSpaces), "\n"});
      } else if (kind == 2) {
        out += Pick(kHeadings) + "\n";
      } else {
        out += Sentence();
        out += Pick(kEnds);
        const int br = Below(6);
        if (br == 0) out += "\n\n";
        else if (br <= 2) out += "\n";
      }
    }
    return out;
  }

 private:

  std::string Figure() {
    std::string n;
    switch (Below(8)) {
      case 0: n = std::to_string(Below(10)); break;
      case 1: n = std::to_string(Below(100000)); break;
      case 2: n = Cat({std::to_string(Below(9) + 1), ",", std::to_string(100 + Below(900))}); break;
      case 3: n = Cat({std::to_string(Below(100)), ".", std::to_string(Below(100))}); break;
      case 4: n = Pick(kChineseNumbers); break;
      case 5: n = "１２"; break;
      case 6: n = Cat({Pick(kChineseNumbers), Pick(kChineseNumbers)}); break;
      default: n = std::to_string(Below(1000)); break;
    }
    return n;
  }

  std::string Clause() {
    std::string c;
    if (Below(3) == 0) c += Pick(kScopes);
    if (Below(4) == 0) c += Pick(kNegations);
    c += Pick(kWords);
    if (Below(3) == 0) c += Pick(kFills);
    if (Below(4) == 0) c += Pick(kSpaces);
    if (Below(3) == 0) c += Pick(kPre);
    c += Figure();
    if (Below(4) == 0) c += Pick(kSpaces);
    if (Below(4) == 0) c += Pick(kMore);
    if (Below(5) == 0) c += Below(2) ? "万" : "亿";
    if (Below(4) == 0) c += Pick(kMore);
    if (Below(8) != 0) c += Pick(kUnits);
    if (Below(3) == 0) c += Pick(kPost);
    if (Below(3) == 0) c += Pick(kTails);
    return c;
  }

  // A claim whose free part runs near the length its pattern allows, with
  // ideographs of 1 to 4 bytes, so the regex windows are pinned at their edges.
  std::string LongClaim() {
    std::string c = Cat({Pick(kClaimStarts), Pick({"", "任何", "发生", "被"})});
    const int n = 14 + Below(28);
    const bool wide = Below(3) == 0;  // only 4-byte characters
    for (int i = 0; i < n; ++i) c += wide ? "𠀀" : Pick(kFiller);
    return c + Pick(kClaimEnds);
  }

  std::string Sentence() {
    std::string s;
    const int clauses = 1 + Below(4);
    for (int i = 0; i < clauses; ++i) {
      if (i > 0) s += Below(6) == 0 ? "\n" : ",";
      const int what = Below(10);
      s += what < 2 ? Pick(kClaims) : what == 2 ? LongClaim() : Clause();
    }
    return s;
  }

  const std::vector<std::string> kWords = {
      "本年新收政府信息公开申请", "收到申请", "共受理依申请公开事项", "共办理政府信息公开申请",
      "办理申请", "受理申请", "上年结转", "上年度结转的申请", "结转下年度继续办理",
      "申请需结转至下一年", "办结", "已办结", "均已按时办结", "予以公开", "同意公开",
      "部分公开", "部分予以公开", "公开及部分公开", "不予公开", "行政复议", "行政复议案件",
      "行政诉讼", "行政诉讼案件", "主动公开政府信息", "共计公开各类政务信息", "累计主动公开信息",
      "通过政府网站公开", "政务网发布信息", "微信公众号发布信息", "制定规章", "新出台了政府规章",
      "印发规范性文件", "制发行政规范性文件", "信息处理费", "信息处理费用金额", "行政事业性收费",
      "行政事业性收费总额", "收取", "本机关", "其中", "全年", "進一步", "收到政府資訊公開申請",
      "受理政府信息公开申请", "接到举报申请", "收到人大代表建议申请", "复议申请", "共"};
  const std::vector<std::string> kChineseNumbers = {
      "一", "二", "两", "三", "十", "十二", "二十一", "一百零五", "三千二百", "一万二千",
      "二〇二四", "零", "〇", "九", "百", "万", "亿", "十万"};
  const std::vector<std::string> kUnits = {"件", "条", "次", "个", "项", "起", "宗", "份",
                                           "篇", "部", "元", "万元", "亿元", "人", "天"};
  const std::vector<std::string> kPre = {"约", "大约", "近", "将近", "不到", "不足", "超过", "逾"};
  const std::vector<std::string> kMore = {"余", "多"};
  const std::vector<std::string> kPost = {"以上", "左右", "以下", "之多"};
  const std::vector<std::string> kFills = {"的", "了", "数量为", "总数", "件数共计", "合计",
                                           "累计", "达", "为"};
  const std::vector<std::string> kScopes = {"全市", "全区", "本级", "备案", "全市系统",
                                            "本系统", "各部门系统", "全县"};
  const std::vector<std::string> kNegations = {"未", "不", "没有", "无", "尚未", "未经", "部分",
                                               "及", "不予"};
  const std::vector<std::string> kTails = {"(含上年结转2件)", "(包括上年结转)", "含结转",
                                           "结转", "均获维持", "全部予以公开"};
  const std::vector<std::string> kClaims = {
      "未收到政府信息公开申请", "无依申请公开", "依申请公开数量为0", "没有发生行政复议",
      "未经行政复议", "未被提起行政诉讼", "行政复议和行政诉讼均获维持", "复议决定全部得到维持",
      "诉讼均被维持", "申请全部予以公开", "均已予公开", "未收取任何信息处理费",
      "不收取费用", "没有产生处理费", "未发生行政诉讼案件"};
  const std::vector<std::string> kClaimStarts = {"未收到", "没有受理", "无", "未", "不收取",
                                                 "没有产生", "均", "全部"};
  const std::vector<std::string> kFiller = {"关", "于", "本", "机", "a", "é", "𠀀", "的", "县"};
  const std::vector<std::string> kClaimEnds = {"申请", "行政复议", "行政诉讼", "信息处理费",
                                               "费用", "处理费", "维持", "予以公开",
                                               "依申请公开为零"};
  const std::vector<std::string> kSpaces = {" ", "  ", "\t", "\u3000", ""};
  const std::vector<std::string> kEnds = {"。", ";", "!", "?", ":", ")", "”", "", "。\n"};
  const std::vector<std::string> kHeadings = {"一、总体情况", "(二)主动公开政府信息情况",
                                              "3.收到和处理政府信息公开申请情况",
                                              "第四部分 行政复议"};
};

// One line per run of facts that differ only in their span: the fact in text
// format (strings in UTF-8, the span left out), then "@" and each span as
// begin-end (the whole span in braces when it holds more). An excerpt that is exactly the text its span covers in `text` is
// written as "=span". Keeps the golden files small and readable.
std::string Dump(const std::vector<ProseFact>& facts, absl::string_view text = {}) {
  google::protobuf::TextFormat::Printer printer;
  printer.SetSingleLineMode(true);
  printer.SetUseUtf8StringEscaping(true);
  std::string out, last;
  for (ProseFact f : facts) {
    const uint32_t b = f.span().begin(), e = f.span().end();
    if (b <= e && e <= text.size() && text.substr(b, e - b) == f.excerpt()) {
      f.set_excerpt("=span");
    }
    const auto& sp = f.span();
    std::string span = " ";
    if (!f.has_span()) {
      span += "none";
    } else if (sp.source_begin() == 0 && sp.source_end() == 0 && sp.page() == 0 && sp.line() == 0) {
      span += absl::StrCat(b, "-", e);
    } else {
      std::string full;
      printer.PrintToString(sp, &full);
      span += "{ " + full + "}";
    }
    f.clear_span();
    std::string line;
    printer.PrintToString(f, &line);
    if (!out.empty() && line == last) {
      out.pop_back();  // the newline
    } else {
      out += line + "@";
      last = line;
    }
    out += span + "\n";
  }
  return out;
}

TEST(FactsEquivalence, GeneratedProseReadsTheSameFactsAsTheGeneralImplementation) {
  size_t total = 0;
  xxgk::testing::GoldenCases cases;
  for (uint32_t seed = 1; seed <= 120; ++seed) {
    ProseGenerator gen(seed);
    const std::string raw = gen.Document(12);
    for (const bool normalized : {true, false}) {
      Report r;
      r.set_text(normalized ? NormalizeText(raw).text : raw);
      const auto got = ExtractFacts(r);
      total += got.size();
      cases.emplace_back(absl::StrCat("seed ", seed, normalized ? " normalized" : " raw"),
                         Dump(got, r.text()));
    }
  }
  EXPECT_TRUE(xxgk::testing::MatchesGolden("facts_generated_prose", cases));
  EXPECT_GT(total, 2000u);  // the generator does exercise the rules
}

// Every claim wording at every length of its free part, in 1- to 4-byte
// characters, behind and before text of its own: the edges of the windows
// the claim patterns are searched in.
TEST(FactsEquivalence, ClaimsAtEveryLength) {
  const std::vector<std::string> starts = {"未收到", "没有受理", "无", "未", "不收取", "没有产生",
                                           "均", "全部", "没有", "无收"};
  const std::vector<std::string> middles = {"", "任何", "发生", "被", "获", "予以"};
  const std::vector<std::string> ends = {"申请", "行政复议", "行政诉讼", "信息处理费", "费用",
                                         "处理费", "维持", "予以公开", "依申请公开为零",
                                         "政府信息公开申请"};
  xxgk::testing::GoldenCases cases;
  for (const char* filler : {"𠀀", "a"}) {
    for (const std::string& start : starts) {
      for (const std::string& middle : middles) {
        for (const std::string& end : ends) {
          std::string text;
          for (int n = 0; n <= 40; ++n) {
            std::string run;
            for (int i = 0; i < n; ++i) run += filler;
            text += "本机关" + run + "申请," + start + middle + run + end + ",其他" + run +
                    "收费。\n";
          }
          Report r;
          r.set_text(text);
          cases.emplace_back(absl::StrCat(start, middle, "…", end, " with ", filler),
                             Dump(ExtractFacts(r), r.text()));
        }
      }
    }
  }
  EXPECT_TRUE(xxgk::testing::MatchesGolden("facts_claims_at_every_length", cases));
}

TEST(FactsEquivalence, SectionTextsWithoutReportText) {
  xxgk::testing::GoldenCases cases;
  for (uint32_t seed = 1000; seed < 1100; ++seed) {
    ProseGenerator gen(seed);
    Report r;
    uint32_t at = 0;
    for (Section::Kind kind : {Section::APPLICATIONS, Section::REVIEW_LITIGATION,
                               Section::ACTIVE_DISCLOSURE}) {
      Section* s = r.add_sections();
      s->set_kind(kind);
      s->set_text(NormalizeText(gen.Document(5)).text);
      s->mutable_span()->set_begin(at);
      at += static_cast<uint32_t>(s->text().size()) + 1;
      s->mutable_span()->set_end(at - 1);
    }
    cases.emplace_back(absl::StrCat("seed ", seed), Dump(ExtractFacts(r)));
  }
  EXPECT_TRUE(xxgk::testing::MatchesGolden("facts_section_texts", cases));
}

TEST(FactsEquivalence, ParseNumberAgreesOnEveryNotation) {
  xxgk::testing::GoldenCases cases;
  for (const char* s : {"21", "1,234", "12.50", "0", "00", "007.500", "二十一", "十二", "一百零五",
                        "两", "三千二百", "一万二千", "二〇二四", "万", "亿", "十万", "一亿亿亿亿",
                        "abc", "", " 1 2 ", "１２", "1.2.3", "〇〇", "九千九百九十九亿"}) {
    const auto v = ParseNumber(s);
    cases.emplace_back(absl::StrCat("\"", s, "\""), v ? *v : "(none)");
  }
  EXPECT_TRUE(xxgk::testing::MatchesGolden("facts_parse_number", cases));
}

}  // namespace
}  // namespace xxgk::report
