#include "report/facts.h"

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "report/normalize.h"
#include "tests/report/random_text.h"

namespace xxgk::report {
namespace {

using xxgk::v1::ProseFact;
using xxgk::v1::Report;

std::vector<ProseFact> Facts(const std::string& text) {
  Report r;
  r.set_text(NormalizeText(text).text);
  return ExtractFacts(r);
}

// The facts about `subject`.
std::vector<ProseFact> About(const std::vector<ProseFact>& facts, const std::string& subject) {
  std::vector<ProseFact> out;
  for (const auto& f : facts) {
    if (f.subject() == subject) out.push_back(f);
  }
  return out;
}

// ExtractFacts keeps one fact per (subject, value, claim, span), compared
// one by one for a document stating a few and through a set of keys for one
// stating many. Generated documents whose sentences state the same fact
// twice (two patterns, or one pattern twice, over one clause) read the same
// facts alone and followed by a tail stating many more (which comes after
// them, so it can only add facts after theirs).
class DuplicateFacts : public xxgk::testing::RandomText {
 public:
  explicit DuplicateFacts(uint32_t seed) : RandomText(seed) {}
  std::string Document(int sentences) {
    std::string out;
    for (int i = 0; i < sentences; ++i) out += Cat({Pick(kSentences), Pick(kEnds)});
    return out;
  }

 private:
  const std::vector<std::string> kSentences = {
      "本机关办结申请5件已办结", "结转下年度3件结转下一年", "办结申请2件,办结申请2件",
      "共受理申请4件(含上年结转1件),受理申请4件", "行政复议1件,行政复议1件", "不予公开6件",
      "未收到政府信息公开申请", "未收取任何信息处理费,未收取任何信息处理费",
      "行政复议和行政诉讼均获维持", "主动公开政府信息12条", "通过政府网站公开信息8条"};
  const std::vector<std::string> kEnds = {"。", ";", "。\n", ","};
};

TEST(ExtractFacts, DuplicatesDroppedAlikeForFewAndManyFacts) {
  std::string tail = "\n";
  for (int i = 0; i < 30; ++i) tail += "不予公开" + std::to_string(i + 1) + "件。\n";
  size_t doubled = 0;
  for (uint32_t seed = 1; seed <= 200; ++seed) {
    DuplicateFacts gen(seed);
    Report few;
    few.set_text(gen.Document(1 + static_cast<int>(seed % 6)));
    Report many;
    many.set_text(few.text() + tail);
    const std::vector<ProseFact> a = ExtractFacts(few);
    const std::vector<ProseFact> b = ExtractFacts(many);
    ASSERT_LE(a.size(), 16u);
    ASSERT_GT(b.size(), 16u);
    std::vector<ProseFact> head;
    for (const ProseFact& f : b) {
      if (f.span().end() <= few.text().size()) head.push_back(f);
    }
    ASSERT_EQ(head.size(), a.size()) << few.text();
    for (size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(head[i].SerializeAsString(), a[i].SerializeAsString()) << few.text();
    }
    for (const char* s : {"办结申请5件已办结", "结转下年度3件结转下一年"}) {  // one fact twice
      for (size_t at = few.text().find(s); at != std::string::npos; at = few.text().find(s, at + 1)) {
        ++doubled;
      }
    }
  }
  EXPECT_GT(doubled, 100u);  // the documents do state facts twice
}

TEST(ParseNumber, LongChineseNumeralsDoNotWrapAround) {
  std::string ones;
  for (int i = 0; i < 19; ++i) ones += "一";
  EXPECT_EQ(ParseNumber(ones), "1111111111111111111");
  std::string forty;
  for (int i = 0; i < 40; ++i) forty += "一";
  EXPECT_EQ(ParseNumber(forty), std::nullopt);  // 10^40 does not fit: not a number
  EXPECT_EQ(ParseNumber(forty + forty), std::nullopt);
  EXPECT_EQ(ParseNumber("一亿亿亿亿"), std::nullopt);  // 10^32
  EXPECT_EQ(ParseNumber("九千九百九十九亿"), "999900000000");
}

TEST(ParseNumber, ArabicChineseAndSeparators) {
  EXPECT_EQ(ParseNumber("21"), "21");
  EXPECT_EQ(ParseNumber("1,234"), "1234");
  EXPECT_EQ(ParseNumber("12.50"), "12.5");
  EXPECT_EQ(ParseNumber("0"), "0");
  EXPECT_EQ(ParseNumber("二十一"), "21");
  EXPECT_EQ(ParseNumber("十二"), "12");
  EXPECT_EQ(ParseNumber("一百零五"), "105");
  EXPECT_EQ(ParseNumber("两"), "2");
  EXPECT_EQ(ParseNumber("三千二百"), "3200");
  EXPECT_EQ(ParseNumber("一万二千"), "12000");
  EXPECT_EQ(ParseNumber("二〇二四"), "2024");
  EXPECT_FALSE(ParseNumber("abc").has_value());
  EXPECT_FALSE(ParseNumber("").has_value());
}

TEST(ExtractFacts, ApplicationsReceivedWithNumerals) {
  auto f = About(Facts("2023年,本机关共收到政府信息公开申请二十一件,均已按时办结。"),
                 "applications.received");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].value(), "21");
  EXPECT_EQ(f[0].unit(), "件");
  EXPECT_EQ(f[0].approximation(), ProseFact::EXACT);
  EXPECT_FALSE(f[0].includes_carried_over());
  EXPECT_NE(f[0].excerpt().find("收到政府信息公开申请二十一件"), std::string::npos);
}

TEST(ExtractFacts, ReceivedWordingVariants) {
  auto r = About(Facts("全年共受理依申请公开事项5件。"), "applications.received");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].value(), "5");
  EXPECT_TRUE(About(Facts("对不符合条件的,不予受理申请2件。"), "applications.received").empty());
  EXPECT_TRUE(About(Facts("收到人大代表建议申请3件。"), "applications.received").empty());
}

TEST(ExtractFacts, TypicalYearSummary) {
  auto facts = Facts(
      "2023年,本机关共收到政府信息公开申请15件,上年结转2件,办结16件,结转下年度继续办理1件。"
      "主动公开政府信息1520条,其中通过政府网站公开1200条。受理政府信息公开申请12件(含上年结转2件)。");
  auto r = About(facts, "applications.received");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].value(), "15");
  EXPECT_FALSE(r[0].includes_carried_over());
  EXPECT_EQ(r[1].value(), "12");
  EXPECT_TRUE(r[1].includes_carried_over());
  ASSERT_EQ(About(facts, "applications.carried_over").size(), 2u);
  ASSERT_EQ(About(facts, "applications.closed").size(), 1u);
  EXPECT_EQ(About(facts, "applications.closed")[0].value(), "16");
  ASSERT_EQ(About(facts, "applications.carried_forward").size(), 1u);
  EXPECT_EQ(About(facts, "applications.carried_forward")[0].value(), "1");
  ASSERT_EQ(About(facts, "active.total").size(), 1u);
  EXPECT_EQ(About(facts, "active.total")[0].value(), "1520");
  ASSERT_EQ(About(facts, "active.website").size(), 1u);
  EXPECT_EQ(About(facts, "active.website")[0].value(), "1200");
}

TEST(ExtractFacts, FullWidthDigitsAndSpan) {
  const std::string text = "本年度新收政府信息公开申请１２件。";
  Report r;
  r.set_text(NormalizeText(text).text);
  auto f = About(ExtractFacts(r), "applications.received");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].value(), "12");
  const std::string quoted =
      r.text().substr(f[0].span().begin(), f[0].span().end() - f[0].span().begin());
  EXPECT_NE(quoted.find("12件"), std::string::npos);
}

TEST(ExtractFacts, IncludesCarriedOverWhenWordingCoversThem) {
  auto facts = Facts("全年共办理政府信息公开申请35件,其中上年结转3件。");
  auto f = About(facts, "applications.received");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].value(), "35");
  EXPECT_TRUE(f[0].includes_carried_over());
  auto c = About(facts, "applications.carried_over");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].value(), "3");
}

TEST(ExtractFacts, OutcomesAndCarriedForward) {
  auto facts = Facts(
      "其中,予以公开10件,部分公开3件,不予公开2件,5件结转下年度继续办理。"
      "予以公开及部分公开共258件。");
  ASSERT_EQ(About(facts, "applications.granted").size(), 1u);
  EXPECT_EQ(About(facts, "applications.granted")[0].value(), "10");
  ASSERT_EQ(About(facts, "applications.partially_granted").size(), 1u);
  EXPECT_EQ(About(facts, "applications.partially_granted")[0].value(), "3");
  ASSERT_EQ(About(facts, "applications.denied").size(), 1u);
  EXPECT_EQ(About(facts, "applications.denied")[0].value(), "2");
  ASSERT_EQ(About(facts, "applications.carried_forward").size(), 1u);
  EXPECT_EQ(About(facts, "applications.carried_forward")[0].value(), "5");
  ASSERT_EQ(About(facts, "applications.granted_and_partial").size(), 1u);
  EXPECT_EQ(About(facts, "applications.granted_and_partial")[0].value(), "258");
}

TEST(ExtractFacts, ApproximationsAndScope) {
  auto facts = Facts("全市主动公开政府信息1.2万余条;通过政府网站公开信息约300条。");
  auto a = About(facts, "active.total");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].value(), "12000");
  EXPECT_EQ(a[0].approximation(), ProseFact::AT_LEAST);
  EXPECT_EQ(a[0].scope(), "全市");
  auto w = About(facts, "active.website");
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].value(), "300");
  EXPECT_EQ(w[0].approximation(), ProseFact::ABOUT);
  EXPECT_TRUE(About(facts, "active.total").size() == 1u);  // the website figure is not the total
}

TEST(ExtractFacts, WebsiteChannel) {
  auto facts = Facts("通过县政府网站公开政府信息248条,其他渠道52条。");
  auto w = About(facts, "active.website");
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].value(), "248");
  EXPECT_TRUE(About(facts, "active.total").empty());
}

TEST(ExtractFacts, ReviewLitigationAndUpheld) {
  auto facts = Facts("本年度发生政府信息公开行政复议案件2件,均获维持;行政诉讼1件,尚未审结。");
  auto r = About(facts, "review.total");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].value(), "2");
  EXPECT_EQ(r[1].claim(), "all_upheld");
  auto l = About(facts, "litigation.total");
  ASSERT_EQ(l.size(), 1u);
  EXPECT_EQ(l[0].value(), "1");
}

TEST(ExtractFacts, NoneClaims) {
  auto facts = Facts(
      "2024年,乌恰镇未收到依申请公开政府信息申请,未发生因政府信息公开工作引发举报、投诉、"
      "申请行政复议或提起行政诉讼的情况。本年度未产\n生信息公开处理费。");
  auto a = About(facts, "applications.received");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].claim(), "none");
  EXPECT_EQ(a[0].value(), "0");
  ASSERT_EQ(About(facts, "review.total").size(), 1u);
  EXPECT_EQ(About(facts, "review.total")[0].claim(), "none");
  ASSERT_EQ(About(facts, "litigation.total").size(), 1u);
  auto fee = About(facts, "fees.info_processing");
  ASSERT_EQ(fee.size(), 1u);
  EXPECT_EQ(fee[0].claim(), "none");
  EXPECT_EQ(fee[0].value(), "0");
}

TEST(ExtractFacts, UnreviewedLitigationIsNotANoReviewClaim) {
  auto facts = Facts("未经行政复议直接提起行政诉讼2件。");
  EXPECT_TRUE(About(facts, "review.total").empty());
  auto l = About(facts, "litigation.total");
  ASSERT_EQ(l.size(), 1u);
  EXPECT_EQ(l[0].value(), "2");
}

TEST(ExtractFacts, AllGranted) {
  auto g = About(Facts("共收到申请5件,全部予以公开。"), "applications.granted");
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].claim(), "all_granted");
}

TEST(ExtractFacts, FeesAndDocuments) {
  auto facts = Facts(
      "本年度收取信息处理费200元。行政事业性收费共计3.5亿元。本级制发规范性文件3件,"
      "备案审查规章1件。");
  auto fee = About(facts, "fees.info_processing");
  ASSERT_EQ(fee.size(), 1u);
  EXPECT_EQ(fee[0].value(), "200");
  EXPECT_EQ(fee[0].unit(), "元");
  auto admin = About(facts, "fees.admin");
  ASSERT_EQ(admin.size(), 1u);
  EXPECT_EQ(admin[0].value(), "3.5");
  EXPECT_EQ(admin[0].unit(), "亿元");
  auto docs = About(facts, "normative_documents.issued");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].value(), "3");
  EXPECT_EQ(docs[0].scope(), "本级");
  EXPECT_TRUE(About(facts, "rules.issued").empty());  // 备案审查 is not issuing
}

TEST(ExtractFacts, PrecisionUnrelatedNumbersAreIgnored) {
  auto facts = Facts(
      "较上年新增1件,办结率100%。共承办区人大代表建议1件、政协提案0件。"
      "向社会全面公开政务信息52项,发布政务信息248条。\n"
      "2.政府网站公开政府信息数244\n"
      "| 一、本年新收政府信息公开申请数量 | 0 | 0 |");
  EXPECT_TRUE(facts.empty()) << facts[0].subject() << " " << facts[0].excerpt();
}

TEST(ExtractFacts, SectionKindFromSections) {
  Report r;
  r.set_text("三、收到和处理政府信息公开申请情况\n本年度新收申请4件。");
  auto* s = r.add_sections();
  s->set_kind(xxgk::v1::Section::APPLICATIONS);
  s->set_level(1);
  s->mutable_span()->set_begin(0);
  s->mutable_span()->set_end(static_cast<uint32_t>(r.text().size()));
  auto f = About(ExtractFacts(r), "applications.received");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].section(), xxgk::v1::Section::APPLICATIONS);
}

std::string ReadSeed(const std::string& name) {
  std::ifstream in(XXGK_SOURCE_DIR "/../shared/corpus/seeds/" + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(ExtractFacts, SeedsStateWhatTheirNotesSay) {
  // 000: 1 application received; no fee charged.
  auto f0 = Facts(ReadSeed("000_d29fa65c749e09e7.txt"));
  auto r0 = About(f0, "applications.received");
  ASSERT_EQ(r0.size(), 1u);
  EXPECT_EQ(r0[0].value(), "1");
  ASSERT_FALSE(About(f0, "fees.info_processing").empty());
  EXPECT_EQ(About(f0, "fees.info_processing")[0].claim(), "none");
  // 002, 003, 004: no applications.
  for (const char* seed : {"002_c83f577ff4b57759.txt", "003_60ad45998344f7d3.txt",
                           "004_7d7d9dd624c5bcb9.txt"}) {
    auto facts = Facts(ReadSeed(seed));
    auto r = About(facts, "applications.received");
    ASSERT_FALSE(r.empty()) << seed;
    for (const auto& f : r) {
      EXPECT_EQ(f.value(), "0") << seed << ": " << f.excerpt();
    }
  }
}

TEST(ExtractFacts, SpansQuoteTheExcerptOnEverySeed) {
  for (const char* seed : {"000_d29fa65c749e09e7.txt", "001_544e1c0e224b6e3c.txt",
                           "002_c83f577ff4b57759.txt", "003_60ad45998344f7d3.txt",
                           "004_7d7d9dd624c5bcb9.txt"}) {
    Report r;
    r.set_text(NormalizeText(ReadSeed(seed)).text);
    for (const auto& f : ExtractFacts(r)) {
      ASSERT_LE(f.span().begin(), f.span().end()) << seed;
      ASSERT_LE(f.span().end(), r.text().size()) << seed;
      std::string quoted = r.text().substr(f.span().begin(), f.span().end() - f.span().begin());
      quoted.erase(std::remove(quoted.begin(), quoted.end(), '\n'), quoted.end());
      EXPECT_EQ(quoted, f.excerpt()) << seed << " " << f.subject();
    }
  }
}

}  // namespace
}  // namespace xxgk::report

#include "report/metadata.h"

namespace xxgk::report {
namespace {

// Random mixtures of report phrases, digits and separators: reading never
// fails and every span stays inside the text.
TEST(ExtractFacts, ArbitraryTextIsSafe) {
  const std::vector<std::string> pieces = {
      "收到", "申请", "政府信息公开", "件", "条", "万元", "元", "12", "1,234", "二十一", "余",
      "约", "以上", "行政复议", "行政诉讼", "均获维持", "未", "无", "结转", "下年度", "上年",
      "予以公开", "部分公开", "及", ",", "。", ";", "\n", "|", " ", "2024年", "1月1日", "至",
      "12月31日", "发布日期:", "威海市", "文登区", "人民政府", "局", "星期天", "?", "(kāi)",
      "全市", "本级", "网站", "主动公开", "信息处理费", "二〇二四年一月十四日", "\xEF\xBF\xBD"};
  uint32_t x = 99;
  for (int round = 0; round < 400; ++round) {
    std::string text;
    const int len = round % 60;
    for (int i = 0; i < len; ++i) {
      x = x * 1664525u + 1013904223u;
      text += pieces[(x >> 8) % pieces.size()];
    }
    Report r;
    r.set_text(text);
    ReadMetadata(&r);
    for (const auto& ev : r.meta().evidence()) {
      ASSERT_LE(ev.span().begin(), ev.span().end()) << text;
      ASSERT_LE(ev.span().end(), text.size()) << text;
    }
    for (const auto& f : ExtractFacts(r)) {
      ASSERT_LE(f.span().begin(), f.span().end()) << text;
      ASSERT_LE(f.span().end(), text.size()) << text;
      EXPECT_FALSE(f.subject().empty());
      EXPECT_TRUE(!f.value().empty() || !f.claim().empty()) << text;
    }
  }
}

}  // namespace
}  // namespace xxgk::report
