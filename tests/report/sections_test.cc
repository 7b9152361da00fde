// Finding the parts of a report by their headings.
#include <random>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "report/sections.h"
#include "report/utf8.h"

namespace xxgk::report {
namespace {

using xxgk::v1::Section;

std::vector<Section> Find(const std::string& text) {
  std::vector<TextLine> lines;
  size_t pos = 0;
  uint32_t n = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    TextLine l;
    l.begin = static_cast<uint32_t>(pos);
    l.end = static_cast<uint32_t>(nl);
    l.number = ++n;
    l.table_row = text.compare(pos, 2, "| ") == 0;
    lines.push_back(l);
    pos = nl + 1;
  }
  return FindSections(text, lines);
}

std::vector<Section::Kind> Kinds(const std::vector<Section>& s) {
  std::vector<Section::Kind> out;
  for (const Section& x : s) out.push_back(x.kind());
  return out;
}

TEST(Sections, SixPartsOf2021WithBodiesAndSpans) {
  std::string text =
      "某局2023年政府信息公开工作年度报告\n"
      "本报告内容包括:总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等。\n"
      "一、总体情况\n"
      "(一)主动公开情况。本年度主动公开信息100条。\n"
      "(二)依申请公开情况。收到申请3件。\n"
      "二、主动公开政府信息情况\n"
      "| 规章 | 0 | 0 | 0 |\n"
      "三、收到和处理政府信息公开申请情况\n"
      "四、政府信息公开行政复议、行政诉讼情况\n"
      "五、存在的主要问题及改进情况\n"
      "问题一。\n"
      "六、其他需要报告的事项\n"
      "本年度未收取信息处理费。";
  std::vector<Section> s = Find(text);
  ASSERT_EQ(s.size(), 6u);
  EXPECT_THAT(Kinds(s), ::testing::ElementsAre(Section::GENERAL, Section::ACTIVE_DISCLOSURE,
                                               Section::APPLICATIONS, Section::REVIEW_LITIGATION,
                                               Section::PROBLEMS, Section::OTHER_MATTERS));
  EXPECT_EQ(s[0].numeral(), "一");
  EXPECT_EQ(s[0].number(), 1);
  EXPECT_EQ(s[0].level(), 1);
  EXPECT_THAT(s[0].text(), ::testing::HasSubstr("收到申请3件"));
  EXPECT_THAT(s[0].text(), ::testing::Not(::testing::HasSubstr("二、主动公开")));
  EXPECT_EQ(s[2].text(), "");  // heading with nothing under it
  EXPECT_EQ(s[3].text(), "");
  EXPECT_EQ(text.substr(s[4].heading_span().begin(),
                        s[4].heading_span().end() - s[4].heading_span().begin()),
            "五、存在的主要问题及改进情况");
  EXPECT_EQ(s[4].text(), "问题一。");
  EXPECT_EQ(s[5].span().end(), text.size());
  EXPECT_EQ(s[1].heading_span().line(), 6u);
}

TEST(Sections, HeadingVariantsAndLostNumerals) {
  std::string text =
      "概述\n"
      "正文。\n"
      "二.主动公开政府信息情况\n"
      "收到和处理政府信息公开申请情况\n"
      "四、因政府信息公开工作被申请行政复议和提起行政诉讼情况\n"
      "五、政府信息公开工作存在的主要问题及改进情况\n"
      "其他需要报告的事项\n";
  std::vector<Section> s = Find(text);
  EXPECT_THAT(Kinds(s), ::testing::ElementsAre(Section::GENERAL, Section::ACTIVE_DISCLOSURE,
                                               Section::APPLICATIONS, Section::REVIEW_LITIGATION,
                                               Section::PROBLEMS, Section::OTHER_MATTERS));
  EXPECT_EQ(s[0].numeral(), "");
  EXPECT_EQ(s[1].numeral(), "二");
}

// Text whose table columns are kept by runs of spaces: table 四's header
// row (行政复议    行政诉讼) resembles the unnumbered heading 行政复议行政诉讼情况
// but is two columns. A heading set with its characters spread out is one.
TEST(Sections, AHeaderRowOfSpacedColumnsIsNoHeading) {
  std::string text =
      "四、政府信息公开行政复议、行政诉讼情况\n"
      "行政复议    行政诉讼\n"
      "结果维持    结果纠正    其他结果\n"
      "总  体  情  况\n"
      "正文。\n";
  std::vector<Section> s = Find(text);
  EXPECT_THAT(Kinds(s), ::testing::ElementsAre(Section::REVIEW_LITIGATION, Section::GENERAL));
  EXPECT_EQ(s[0].heading(), "四、政府信息公开行政复议、行政诉讼情况");
  EXPECT_EQ(s[1].heading(), "总  体  情  况");
  // The same line alone, with one blank between its words, is the heading.
  EXPECT_THAT(Kinds(Find("行政复议 行政诉讼情况\n正文。\n")),
              ::testing::ElementsAre(Section::REVIEW_LITIGATION));
}

TEST(Sections, SentencesMentioningHeadingsAreNotHeadings) {
  std::string text =
      "本报告由总体情况、主动公开政府信息情况、存在的主要问题及改进情况和其他需要报告的事项组成。\n"
      "一、总体情况\n"
      "全年主动公开政府信息情况良好,其他需要报告的事项见下。\n";
  std::vector<Section> s = Find(text);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].kind(), Section::GENERAL);
}

TEST(Sections, SubPartsUnderTheOverviewAreNotParts) {
  std::string text =
      "一、总体情况\n"
      "(一)主动公开情况\n"
      "(二)依申请公开情况\n"
      "(三)存在问题\n"
      "二、主动公开政府信息情况\n";
  std::vector<Section> s = Find(text);
  EXPECT_THAT(Kinds(s), ::testing::ElementsAre(Section::GENERAL, Section::ACTIVE_DISCLOSURE));
}

// A report that numbers its parts 1、2、… has them found by their headings,
// with their numbers; where parts are numbered 一、二、… or stand unnumbered,
// "1.主动公开情况" under 总体情况 stays an item of that part.
TEST(Sections, PartsNumberedWithArabicNumeralsWhereNoPartHasAChineseOne) {
  std::vector<Section> s = Find(
      "某局2024年政府信息公开工作年度报告\n"
      "1、总体情况\n"
      "1.主动公开情况。本年度主动公开信息100条。\n"
      "2、主动公开政府信息情况\n"
      "3.收到和处理政府信息公开申请情况\n"
      "4.政府信息公开行政复议、行政诉讼情况\n"
      "5、存在的主要问题及改进情况\n"
      "6、其他需要报告的事项\n"
      "本年度未收取信息处理费。\n");
  EXPECT_THAT(Kinds(s), ::testing::ElementsAre(Section::GENERAL, Section::ACTIVE_DISCLOSURE, Section::APPLICATIONS,
                                               Section::REVIEW_LITIGATION, Section::PROBLEMS,
                                               Section::OTHER_MATTERS));
  ASSERT_EQ(s.size(), 6u);
  EXPECT_EQ(s[2].heading(), "3.收到和处理政府信息公开申请情况");
  EXPECT_EQ(s[2].number(), 3);
  EXPECT_EQ(s[5].text(), "本年度未收取信息处理费。");
  EXPECT_TRUE(IsSectionHeadingLine("3.收到和处理政府信息公开申请情况"));
  EXPECT_FALSE(IsSectionHeadingLine("3.收到申请3件,均已按时答复。"));

  // below parts numbered 一、二、 or unnumbered ones, the items stay items
  for (const std::string numeral : {"一、", ""}) {
    const std::string next = numeral.empty() ? "" : "二、";
    const std::string text = numeral + "总体情况\n1.主动公开情况\n2.依申请公开情况\n" + next + "主动公开政府信息情况\n";
    EXPECT_THAT(Kinds(Find(text)), ::testing::ElementsAre(Section::GENERAL, Section::ACTIVE_DISCLOSURE)) << text;
  }
}

TEST(Sections, Pre2019SubPartsAndDuplicatedNumerals) {
  std::string text =
      "一、概述\n"
      "(一)以政务网为主要平台,多渠道公开。\n"
      "二、政府信息公开情况\n"
      "(一)主动公开政府信息情况。\n"
      "正文。\n"
      "(二)依申请公开政府信息情况。\n"
      "(三)行政复议、行政诉讼和申诉情况。\n"
      "无此类情况。\n"
      "(四)政府信息公开收费及减免情况。\n"
      "无此类情况。\n"
      "二、存在困难和问题\n"
      "三、改进措施和下步工作打算\n";
  std::vector<Section> s = Find(text);
  EXPECT_THAT(Kinds(s), ::testing::ElementsAre(
                            Section::GENERAL, Section::KIND_UNSPECIFIED, Section::ACTIVE_DISCLOSURE,
                            Section::APPLICATIONS, Section::REVIEW_LITIGATION, Section::FEES,
                            Section::PROBLEMS, Section::PROBLEMS));
  EXPECT_EQ(s[1].numeral(), "二");
  EXPECT_EQ(s[6].numeral(), "二");  // the duplicate stays visible
  EXPECT_EQ(s[2].level(), 2);
  EXPECT_EQ(s[2].numeral(), "(一)");
  EXPECT_EQ(s[2].text(), "正文。");
  EXPECT_EQ(s[4].text(), "无此类情况。");
  // the container holds its sub-parts
  EXPECT_THAT(s[1].text(), ::testing::HasSubstr("收费及减免"));
}

TEST(Sections, HeadingWithItsBodyOnTheSameLine) {
  std::string text =
      "一、概述\n"
      "二、政府信息公开情况\n"
      "(一)主动公开政府信息情况。全年主动公开信息52条,其中网站48条。\n"
      "(二)依申请公开政府信息情况:未收到申请。\n"
      "三、存在的主要问题及改进情况。人员不足,将加强培训。\n";
  std::vector<Section> s = Find(text);
  EXPECT_THAT(Kinds(s), ::testing::ElementsAre(Section::GENERAL, Section::KIND_UNSPECIFIED,
                                               Section::ACTIVE_DISCLOSURE, Section::APPLICATIONS,
                                               Section::PROBLEMS));
  EXPECT_EQ(s[2].heading(), "(一)主动公开政府信息情况。");
  EXPECT_EQ(s[2].text(), "全年主动公开信息52条,其中网站48条。");
  EXPECT_EQ(s[3].text(), "未收到申请。");
  EXPECT_EQ(s[4].heading(), "三、存在的主要问题及改进情况。");
  EXPECT_EQ(s[4].text(), "人员不足,将加强培训。");
}

TEST(Sections, TableRowsAreNeverHeadings) {
  std::string text =
      "三、收到和处理政府信息公开申请情况\n"
      "| 四、结转下年度继续办理 | 0 |\n"
      "| 一、总体情况 | 0 |\n";
  std::vector<Section> s = Find(text);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].kind(), Section::APPLICATIONS);
}

TEST(Sections, HeadingKind) {
  EXPECT_EQ(HeadingKind("四、政府信息公开行政复议、行政诉讼情况"), Section::REVIEW_LITIGATION);
  EXPECT_EQ(HeadingKind("五、存在的主要问题及改进情况"), Section::PROBLEMS);
  EXPECT_EQ(HeadingKind("(四)政府信息公开收费及减免情况。"), Section::FEES);
  EXPECT_EQ(HeadingKind("一、概述"), Section::GENERAL);
  EXPECT_EQ(HeadingKind("二、政府信息公开情况"), Section::KIND_UNSPECIFIED);
}

// Lines without a part numbering are skipped as running text when they hold
// sentence punctuation; numbered headings behind any leading space, with a
// body on the same line, and unnumbered canonical headings are still found.
TEST(Sections, HeadingLinesBehindLeadingSpacesAndRunningTextBesideThem) {
  for (const std::string line :
       {"一、总体情况", "  二、主动公开政府信息情况", "\u3000三、收到和处理政府信息公开申请情况",
        "\u00A0(四)政府信息公开收费及减免情况", "第五部分 存在的主要问题及改进情况",
        "(一)主动公开政府信息情况。本年度共公开信息12条", "总体情况", "\t六、其他需要报告的事项",
        "两、行政复议行政诉讼情况"}) {
    EXPECT_TRUE(IsSectionHeadingLine(line)) << line;
  }
  for (const std::string line :
       {"总体情况,本机关认真落实", "2024年,本机关主动公开政府信息情况良好。",
        "1、主动公开情况:良好", "本年度收到和处理政府信息公开申请情况如下:",
        "“总体情况”一节;其他", "a, 总体情况"}) {
    EXPECT_FALSE(IsSectionHeadingLine(line)) << line;
  }
}

// A numbered heading with its body on the same line, whatever the body's
// length (long bodies are judged without building the whole line's key).
TEST(Sections, NumberedHeadingWithShortOrLongBody) {
  std::string body;
  for (int k = 0; k < 30; ++k) body += "本年度主动公开";
  for (const std::string& line : std::vector<std::string>{
           "(一)主动公开政府信息情况。本年度公开12条", "(一)主动公开政府信息情况。" + body,
        "二、收到和处理政府信息公开申请情况:" + body, "三、行政复议情况。好"}) {
    EXPECT_TRUE(IsSectionHeadingLine(line)) << line;
  }
  for (const std::string& line : std::vector<std::string>{
           "(一)本年度,主动公开政府信息12条。" + body, "(二)" + body + "。",
        "1、主动公开政府信息情况。" + body, "(一)。,"}) {
    EXPECT_FALSE(IsSectionHeadingLine(line)) << line;
  }
}

// Numberings are read from a short prefix of long lines: a numbering (or
// its separator run) reaching past the prefix is still read whole.
TEST(Sections, NumberingsOfLongLinesReadWhole) {
  std::string body;
  for (int k = 0; k < 10; ++k) body += "本年度主动公开";
  const std::string spaces(30, ' ');
  const std::string ideo_spaces = "\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000";
  std::vector<Section> s = Find("一、" + spaces + "总体情况\n" + body + "\n" + spaces +
                                "二、主动公开政府信息情况\n" + body + "\n三" + spaces + "、" + spaces +
                                "收到和处理政府信息公开申请情况\n" + body +
                                "\n第四部分" + ideo_spaces + "政府信息公开行政复议行政诉讼情况\n" + body);
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[0].heading(), "一、" + spaces + "总体情况");
  EXPECT_EQ(s[0].number(), 1);
  EXPECT_EQ(s[1].number(), 2);
  EXPECT_EQ(s[2].number(), 3);
  EXPECT_EQ(s[2].kind(), Section::APPLICATIONS);
  EXPECT_TRUE(IsSectionHeadingLine("(" + spaces + "一" + spaces + ")" + spaces + "主动公开政府信息情况"));
  EXPECT_EQ(s[3].number(), 4);
  EXPECT_EQ(s[3].kind(), Section::REVIEW_LITIGATION);
}

// A mark of running text (, ; ! ?) inside a heading's text makes it running
// text wherever it stands: at every character of texts of 12 to 45 bytes
// (the mark in a first, a middle or a partly re-read last sixteen bytes).
TEST(Sections, InnerPunctuationAtEveryPlaceMakesRunningText) {
  std::vector<std::string> text = {"主", "动", "公", "开"};
  for (const char* more : {"", "政", "府", "信", "息", "工", "作", "的", "年", "度", "情", "况"}) {
    if (*more != '\0') text.push_back(more);
    std::string plain = "二、";
    for (const std::string& c : text) plain += c;
    ASSERT_TRUE(IsSectionHeadingLine(plain)) << plain;
    for (size_t at = 1; at < text.size(); ++at) {
      for (const char* mark : {",", ";", "!", "?"}) {
        std::string line = "二、";
        for (size_t k = 0; k < text.size(); ++k) {
          if (k == at) line += mark;
          line += text[k];
        }
        EXPECT_FALSE(IsSectionHeadingLine(line)) << line;
      }
    }
  }
}

// A (一) part is a heading exactly when its text has a known kind (a key of
// 2 to 25 characters, no running-text mark): on generated texts mixing the
// characters the kinds need, others (some ending in the same last byte),
// ASCII and ill-formed bytes, so that the check skipping characters by
// their last byte never drops one a kind needs.
TEST(Sections, ParenPartIsAHeadingExactlyWhenItsTextHasAKind) {
  const std::vector<std::string> parts = {
      "主动公开", "收费及减免", "行政复议", "总体情况", "其他需要报告", "存在问题", "依申请公开",
      "基本情况", "概述", "改进情况", "不足", "其", "费", "行", "存", "问", "改", "足", "收", "依",
      "申", "主", "总", "概", "基", "政", "府", "信", "息", "公", "开", "情", "况", "年", "度",
      "工", "作", "a", "1", "\xE4\xB8", "\x80", "\xE0\x80\xB6", "\xED\xA0\xBB", "\xF0\x9F\x98\x80"};
  std::mt19937 rng(11);
  int headings = 0, checked = 0;
  for (int n = 0; n < 40000; ++n) {
    std::string text = parts[25 + rng() % 12];  // 政…作: starts no numbering
    const int more = static_cast<int>(rng() % 6);
    for (int k = 0; k < more; ++k) text += parts[rng() % parts.size()];
    const size_t chars = CountCodePoints(LabelKey(text));
    if (chars < 2 || chars > 25) continue;
    const bool kind = HeadingKind(text) != Section::KIND_UNSPECIFIED;
    EXPECT_EQ(IsSectionHeadingLine("(一)" + text), kind) << text;
    headings += kind;
    ++checked;
  }
  EXPECT_GT(headings, 5000);
  EXPECT_GT(checked - headings, 5000);
}

}  // namespace
}  // namespace xxgk::report
