#include "report/normalize.h"

#include <unicode/ucnv.h>

#include <fstream>
#include <sstream>
#include <string>

#include "gtest/gtest.h"

namespace xxgk::report {
namespace {

std::string ReadSeed(const std::string& prefix) {
  const std::string dir = XXGK_SOURCE_DIR "/../shared/corpus/seeds/";
  for (const char* name : {"000_d29fa65c749e09e7.txt", "001_544e1c0e224b6e3c.txt",
                           "002_c83f577ff4b57759.txt", "003_60ad45998344f7d3.txt",
                           "004_7d7d9dd624c5bcb9.txt"}) {
    if (std::string(name).rfind(prefix, 0) == 0) {
      std::ifstream in(dir + name, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      return ss.str();
    }
  }
  return "";
}

TEST(NormalizeText, FullWidthDigitsLettersAndPunctuation) {
  Normalized n = NormalizeText("共收到申请１２件（ＡＢ）：全部办结，");
  EXPECT_EQ(n.text, "共收到申请12件(AB):全部办结,");
  EXPECT_EQ(n.traditional_chars, 0);
}

TEST(NormalizeText, IdeographicSpaceBecomesSpace) {
  EXPECT_EQ(NormalizeText("abc\u3000def").text, "abc def");
}

TEST(NormalizeText, TraditionalToSimplified) {
  Normalized n = NormalizeText("政府信息公開工作年度報告");
  EXPECT_EQ(n.text, "政府信息公开工作年度报告");
  EXPECT_EQ(n.traditional_chars, 2);
}

TEST(NormalizeText, SimplifiedPlaceNamesSurviveConversion) {
  EXPECT_EQ(NormalizeText("咸阳市乾县人民政府").text, "咸阳市乾县人民政府");
  EXPECT_EQ(NormalizeText("乾安县").text, "乾安县");
  // Traditional text around them is still converted.
  EXPECT_EQ(NormalizeText("乾县政府資訊公開").text, "乾县政府资讯公开");
}

TEST(NormalizeText, SimplifiedOnlyWhenAsked) {
  NormalizeOptions o;
  o.to_simplified = false;
  EXPECT_EQ(NormalizeText("公開", o).text, "公開");
}

TEST(NormalizeText, PinyinReadingsAreStripped) {
  EXPECT_EQ(NormalizeText("公開(kāi)工作年度報(bào)告").text, "公开工作年度报告");
  EXPECT_EQ(NormalizeText("公開（kāi）").text, "公开");
  EXPECT_EQ(NormalizeText("簡(jiǎn)稱(chēng)").text, "简称");
}

TEST(NormalizeText, RealParentheticalsAreKept) {
  for (const std::string s :
       {"(一)予以公开", "网站(http://www.example.gov.cn)查阅", "(国办函〔2020〕109号)",
        "门户网站(www.xjwqx.gov.cn)", "单位(pdf)", "面积(km)", "(a)项"}) {
    EXPECT_EQ(NormalizeText(s).text, s);
  }
}

TEST(NormalizeText, SpacesInsideCjkRunsAreCollapsed) {
  EXPECT_EQ(NormalizeText("三 、本 年 度办 理 结果").text, "三、本年度办理结果");
  EXPECT_EQ(NormalizeText("( 一 )予 以 公 开").text, "(一)予以公开");
  EXPECT_EQ(NormalizeText("情况 : 本 年").text, "情况:本年");
  // A space before an opening or after a closing parenthesis is kept.
  EXPECT_EQ(NormalizeText("信息数 (不同渠道) 条").text, "信息数 (不同渠道) 条");
  // Latin and digit tokens keep their spaces; wide gaps (columns) stay.
  EXPECT_EQ(NormalizeText("PDF 文件 version 2 3").text, "PDF 文件 version 2 3");
  EXPECT_EQ(NormalizeText("自然人   商业企业").text, "自然人   商业企业");
}

TEST(NormalizeText, OffsetMapPointsIntoInput) {
  const std::string in = "公開(kāi)１２件";
  Normalized n = NormalizeText(in);
  ASSERT_EQ(n.text, "公开12件");
  ASSERT_EQ(n.to_input.size(), n.text.size() + 1);
  EXPECT_EQ(n.to_input[0], 0u);              // 公
  EXPECT_EQ(n.to_input[3], 3u);              // 开 ← 開
  const size_t one = n.text.find('1');
  EXPECT_EQ(n.to_input[one], in.find("１"));
  EXPECT_EQ(n.to_input[one + 1], in.find("２"));
  EXPECT_EQ(n.to_input.back(), in.size());
}

TEST(NormalizeText, LineBreaksUnified) {
  EXPECT_EQ(NormalizeText("a\r\nb\rc").text, "a\nb\nc");
}

TEST(NormalizeText, ReplacementCharacterRunsAreMojibake) {
  Normalized n = NormalizeText("本年度\xEF\xBF\xBD\xEF\xBF\xBD共收到");
  ASSERT_EQ(n.notes.size(), 1u);
  EXPECT_EQ(n.notes[0].kind(), xxgk::v1::ReadingNote::MOJIBAKE);
  EXPECT_EQ(n.notes[0].span().source_begin(), 9u);
  EXPECT_EQ(n.notes[0].span().source_end(), 15u);
}

TEST(NormalizeText, OrdinaryTextHasNoMojibake) {
  Normalized n = NormalizeText(
      "2024年,乌恰镇未收到依申请公开政府信息申请,未发生因政府信息公开工作引发举报、投诉、"
      "申请行政复议或提起行政诉讼的情况。是否需要公开?是。");
  EXPECT_TRUE(n.notes.empty()) << n.notes[0].excerpt();
}

TEST(NormalizeText, Seed000TraditionalWithPinyinAndMojibake) {
  const std::string raw = ReadSeed("000");
  ASSERT_FALSE(raw.empty());
  Normalized n = NormalizeText(raw);
  EXPECT_EQ(n.text.rfind("2024年政府信息公开工作年度报告\n", 0), 0u) << n.text.substr(0, 80);
  EXPECT_NE(n.text.find("威海市文登区米山镇人民政府"), std::string::npos);
  EXPECT_EQ(n.text.find("(kāi)"), std::string::npos);
  EXPECT_GT(n.traditional_chars, 100);
  // Both garbled runs the seed is known for are flagged.
  bool san = false, hui = false;
  for (const auto& note : n.notes) {
    EXPECT_EQ(note.kind(), xxgk::v1::ReadingNote::MOJIBAKE);
    const std::string src = raw.substr(note.span().source_begin(),
                                       note.span().source_end() - note.span().source_begin());
    if (src.find("?!") != std::string::npos) san = true;
    if (src.find("總?") != std::string::npos || src.find("?cè") != std::string::npos) hui = true;
  }
  EXPECT_TRUE(san);
  EXPECT_TRUE(hui);
}

TEST(NormalizeText, SeedsWithoutGarbledRunsHaveNoMojibakeNotes) {
  for (const char* seed : {"001", "002", "003", "004"}) {
    Normalized n = NormalizeText(ReadSeed(seed));
    if (std::string(seed) != "004") {
      EXPECT_LT(n.traditional_chars, 5) << seed;
    }
    for (const auto& note : n.notes) ADD_FAILURE() << seed << ": " << note.excerpt();
  }
}

TEST(IsPageChromeLine, RecognisesChrome) {
  for (const char* line :
       {"您现在的位置: 首页 > 政务公开 > 部门动态", "当前位置:首页>信息公开>年度报告",
        "字体:[大] [中] [小]", "【页面调色: 】", "扫一扫在手机上查看当前页面", "分享到:",
        "打印本页 关闭窗口", "相关附件:", "【打印】【关闭】", "2023年11月5日 星期天",
        "版权所有:某县人民政府 网站标识码:5326220001", "滇ICP备05002089号", "主办单位:某县人民政府办公室",
        "[打印]", "关闭"}) {
    EXPECT_TRUE(IsPageChromeLine(line)) << line;
  }
}

TEST(IsPageChromeLine, KeepsReportText) {
  for (const char* line :
       {"一、总体情况", "江门市蓬江区民政局2023年度政府信息公开工作年度报告",
        "2024年,本机关共收到申请5件。", "| 发布机构 | 乌恰县乌恰镇人民政府 | 发布日期 | 2025-01-15 17:36 |",
        "相关附件:2024年统计表.xls", "(一)主动公开情况。", "2025年1月14日", "主办单位积极配合,公开信息20条。", "打印机采购项目"}) {
    EXPECT_FALSE(IsPageChromeLine(line)) << line;
  }
}

}  // namespace
}  // namespace xxgk::report

namespace xxgk::report {
namespace {

// UTF-8 bytes read as GB18030: the classic garbling of Chinese web pages.
std::string Garble(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  const int32_t n = ucnv_convert("UTF-8", "GB18030", out.data(), static_cast<int32_t>(out.size()),
                                 utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  out.resize(U_SUCCESS(status) ? n : 0);
  return out;
}

TEST(NormalizeText, Utf8ReadAsGbkIsMojibake) {
  const std::string garbled = Garble("政府信息公开工作年度报告");
  ASSERT_FALSE(garbled.empty());
  Normalized n = NormalizeText("本机关" + garbled + "如下。");
  ASSERT_FALSE(n.notes.empty()) << n.text;
  EXPECT_EQ(n.notes[0].kind(), xxgk::v1::ReadingNote::MOJIBAKE);
  EXPECT_GE(n.notes[0].span().source_begin(), 9u);
}

TEST(NormalizeText, ArbitraryInputKeepsTheOffsetMapConsistent) {
  uint32_t x = 7;
  const std::vector<std::string> pieces = {"公開", "(kāi)", " ", "\n", "\r\n", "１２", "?", "(",
                                           ")", "\xEF\xBF\xBD", "\xFF", "\xE5\x85", "a", "、",
                                           "\u3000", "\u200B", "㈠", "ﬁ", "é", "\xCC\x81"};
  for (int round = 0; round < 300; ++round) {
    std::string in;
    const int len = round % 40;
    for (int i = 0; i < len; ++i) {
      x = x * 1103515245u + 12345u;
      in += pieces[(x >> 16) % pieces.size()];
    }
    Normalized n = NormalizeText(in);
    ASSERT_EQ(n.to_input.size(), n.text.size() + 1) << in;
    for (size_t i = 0; i + 1 < n.to_input.size(); ++i) {
      ASSERT_LE(n.to_input[i], n.to_input[i + 1]) << in;
      ASSERT_LE(n.to_input[i], in.size());
    }
    EXPECT_EQ(n.to_input.back(), in.size());
    for (const auto& note : n.notes) {
      EXPECT_LE(note.span().source_begin(), note.span().source_end());
      EXPECT_LE(note.span().source_end(), in.size());
      EXPECT_LE(note.span().end(), n.text.size());
    }
  }
}

}  // namespace
}  // namespace xxgk::report
