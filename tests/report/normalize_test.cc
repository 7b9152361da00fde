#include "report/normalize.h"

#include <opencc/Lexicon.hpp>
#include <opencc/MarisaDict.hpp>
#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstdio>
#include <random>
#include <vector>

#include <fstream>
#include <sstream>
#include <string>

#include "gtest/gtest.h"
#include "report/utf8.h"

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

// Lines are checked against the patterns only when they start with a
// character a pattern can start with or hold 首页/ICP备/公网安备: every pattern
// still matches, whatever it starts with.
TEST(IsPageChromeLine, EveryPatternStillMatchesBehindThePrefilter) {
  for (const char* line :
       {"您的位置:首页 > 年报", "现在位置 首页>公开", "所在位置:首页»年报", "位置:首页 > 年报",
        "政务公开 > 年度报告 > 2024 首页", "信息公开 / 年报 / 2024 / 首页", "【字体:大 中 小】",
        "字号 大 中 小", "[ 页面颜色 ]", "无障碍", "适老化", "长者模式", "关怀版", "手机扫码",
        "手机扫一扫", "微信扫一扫", "[分享至]", "打印此页", "关闭本页", "收藏本页", "加入收藏",
        "返回顶部", "上一篇:某某", "下一篇", "附件下载", "相关链接:", "相关文件", "Copyright 2024",
        "copyright", "© 某县人民政府", "网站标识码 5326220001", "网站地图", "京ICP备1号",
        "粤公网安备 44010402000001号", "某市某县公网安备 4401号", "技术支持:某公司", "设为首页",
        "承办单位:某局", "主办:某县", "承办:某局", "返回", "收藏", "顶部", "【关闭】",
        "2024年1月2日 周一", "2024 年 1 月 2 日 礼拜天", "浏览次数:12", "访问次数", "阅读次数:",
        "点击数:3", "浏览量 100", "\f分享到:", "\r扫一扫"}) {
    EXPECT_TRUE(IsPageChromeLine(line)) << line;
  }
  const std::string long_line = "政务公开 > 年度报告 > 首页 > " + std::string(200, 'x');
  EXPECT_FALSE(IsPageChromeLine(long_line));
  EXPECT_FALSE(IsPageChromeLine("本单位在2024年度认真做好备案工作,网站已完成ICP备案"));
  for (const char* line : {"某县人民政府", "本机关2024年主动公开政府信息", "首先,我们", "ICP",
                           "(一)主动公开", "《条例》", "“首页”栏目", "[1]", "12件"}) {
    EXPECT_FALSE(IsPageChromeLine(line)) << line;
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


// Each stage copies its input only from the first character it changes:
// a change after a long untouched prefix (or none at all) gives the same
// text and offsets as the change on its own.
TEST(NormalizeText, ChangesAfterALongUntouchedPrefix) {
  std::string prefix;
  for (int k = 0; k < 40; ++k) prefix += "本机关主动公开政府信息 12 条。abc\n";
  const Normalized p = NormalizeText(prefix);
  ASSERT_EQ(p.text, prefix);
  for (const std::string s :
       {"共收到申请１２件（ＡＢ）：", "abc\u3000def", "公開(kāi)工作", "三 、本 年 度", "( 一 )予 以",
        "情况 : 本 年", "政府信息公開", "e\u0301t\u00e9", "ﬁ ㈠ ①", "本年度",
        "(一)予以公开(a)项(2)公開(kāi)的(de)(ma)", "((kāi))x(lè)"}) {
    const Normalized alone = NormalizeText(s);
    const Normalized both = NormalizeText(prefix + s);
    EXPECT_EQ(both.text, prefix + alone.text) << s;
    ASSERT_EQ(both.to_input.size(), prefix.size() + alone.to_input.size()) << s;
    for (size_t k = 0; k < alone.to_input.size(); ++k) {
      EXPECT_EQ(both.to_input[prefix.size() + k], alone.to_input[k] + prefix.size()) << s;
    }
    EXPECT_EQ(both.traditional_chars, alone.traditional_chars) << s;
  }
}

// NFKC is applied segment by segment with per-character shortcuts (inert
// characters kept, single characters mapped from a cache): the text must be
// ICU's NFKC of the whole input (U+3000 as a space) on any mix of full-width
// forms, compatibility characters, combining marks, Hangul and ideographs.
TEST(NormalizeText, NfkcAsIcuOnGeneratedText) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  ASSERT_TRUE(U_SUCCESS(status));
  std::vector<UChar32> pool;
  for (UChar32 c = 0xFF01; c <= 0xFF65; ++c) pool.push_back(c);
  for (UChar32 c = 0x3000; c <= 0x303F; ++c) pool.push_back(c);
  for (UChar32 c = 0x2460; c <= 0x24FF; c += 3) pool.push_back(c);
  for (UChar32 c = 0x3200; c <= 0x33FF; c += 5) pool.push_back(c);
  for (UChar32 c = 0xF900; c <= 0xFAFF; c += 7) pool.push_back(c);
  for (UChar32 c = 0x0300; c <= 0x036F; c += 4) pool.push_back(c);
  for (UChar32 c = 0x1100; c <= 0x11FF; c += 9) pool.push_back(c);
  for (UChar32 c : {0xFB00, 0xFB01, 0xAC00, 0xD55C, 0x00A0, 0x00B5, 0x2126, 0x212B, 0x1E9B,
                    0x2163, 0x4E00, 0x516C, 0x5F00, 0x0065, 0x0041, 0x0031, 0x00E9, 0x2026,
                    0x2018, 0x201C, 0x00B7, 0x2014, 0x20000, 0x2F800, 0x1D400}) {
    pool.push_back(c);
  }
  NormalizeOptions only_nfkc;
  only_nfkc.to_simplified = false;
  only_nfkc.strip_pinyin = false;
  only_nfkc.collapse_cjk_spaces = false;
  std::mt19937 rng(7);
  for (int n = 0; n < 5000; ++n) {
    icu::UnicodeString in;
    const int len = 1 + static_cast<int>(rng() % 8);
    for (int k = 0; k < len; ++k) in.append(pool[rng() % pool.size()]);
    std::string utf8;
    in.toUTF8String(utf8);
    UErrorCode s = U_ZERO_ERROR;
    icu::UnicodeString want = nfkc->normalize(in, s);
    ASSERT_TRUE(U_SUCCESS(s));
    want.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x3000)), icu::UnicodeString(" "));
    std::string want8;
    want.toUTF8String(want8);
    ASSERT_EQ(NormalizeText(utf8, only_nfkc).text, want8) << utf8;
  }
}

// Reading the input takes shortcuts for printable ASCII and well-formed
// three-byte characters: the text must still be the NFKC of the input read
// code point by code point (ill-formed bytes as U+FFFD, CR LF / CR / FF / VT /
// U+2028 / U+2029 / U+0085 as line breaks, other controls and zero-width
// characters dropped), with each character mapped back into the input.
TEST(NormalizeText, ReadsOddBytesAsTheCodePointReader) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  ASSERT_TRUE(U_SUCCESS(status));
  const std::vector<std::string> tokens = {
      "\r\n", "\r", "\n", "\f", "\v", "\t", "\x01", "\x7F", " ", "a", "1", "(", "\xE2\x80\xA8",
      "\xE2\x80\xA9", "\xC2\x85", "\xEF\xBB\xBF", "\xE2\x80\x8B", "\xE2\x81\xA0", "\xC2\xAD",
      "\xE4\xB8", "\xFF", "\xED\xA0\x80", "\xE0\x80\x80", "\xE0\xA4\x85", "\xEF\xBF\xBE",
      "\xEF\xBC\x8C", "\xE3\x80\x80", "公", "開", "\xF0\xA0\x80\x80", "\xCC\x81", "é", "\xE2\x80\x94"};
  NormalizeOptions only_nfkc;
  only_nfkc.to_simplified = false;
  only_nfkc.strip_pinyin = false;
  only_nfkc.collapse_cjk_spaces = false;
  std::mt19937 rng(11);
  for (int n = 0; n < 5000; ++n) {
    std::string in;
    const int len = 1 + static_cast<int>(rng() % 10);
    for (int k = 0; k < len; ++k) in += tokens[rng() % tokens.size()];
    icu::UnicodeString read;
    const auto* p = reinterpret_cast<const uint8_t*>(in.data());
    const int32_t size = static_cast<int32_t>(in.size());
    for (int32_t i = 0; i < size;) {
      UChar32 c;
      U8_NEXT(p, i, size, c);
      if (c < 0) c = 0xFFFD;
      if (c == '\r') {
        if (i < size && p[i] == '\n') ++i;
        c = '\n';
      } else if (c == '\f' || c == '\v' || c == 0x2028 || c == 0x2029 || c == 0x85) {
        c = '\n';
      }
      if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F || c == 0x200B || c == 0x200C ||
          c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0x00AD) {
        continue;
      }
      read.append(c);
    }
    UErrorCode s = U_ZERO_ERROR;
    icu::UnicodeString want = nfkc->normalize(read, s);
    ASSERT_TRUE(U_SUCCESS(s));
    want.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x3000)), icu::UnicodeString(" "));
    std::string want8;
    want.toUTF8String(want8);
    const Normalized got = NormalizeText(in, only_nfkc);
    ASSERT_EQ(got.text, want8) << in;
    ASSERT_EQ(got.to_input.size(), got.text.size() + 1);
    for (size_t k = 0; k + 1 < got.to_input.size(); ++k) {
      ASSERT_LE(got.to_input[k], got.to_input[k + 1]) << in;
      ASSERT_LT(got.to_input[k], in.size()) << in;
    }
  }
}

// NormalizeText converts with tables read from OpenCC's t2s dictionaries
// instead of calling OpenCC per run: both must agree on any text, including
// text made of dictionary phrases, their prefixes and overlaps, characters
// t2s changes, characters it keeps and simplified text.
TEST(T2sTables, AgreeWithOpenCCOnGeneratedText) {
  ASSERT_TRUE(internal::T2sTablesLoaded());
  std::vector<std::string> phrases;
  std::vector<std::string> chars;
  for (const char* name : {"TSPhrases.ocd2", "TSCharacters.ocd2"}) {
    FILE* fp = std::fopen((std::string("/usr/share/opencc/") + name).c_str(), "rb");
    ASSERT_NE(fp, nullptr);
    opencc::LexiconPtr lexicon = opencc::MarisaDict::NewFromFile(fp)->GetLexicon();
    std::fclose(fp);
    for (const auto& entry : *lexicon) {
      std::vector<std::string>& to = std::string(name) == "TSPhrases.ocd2" ? phrases : chars;
      to.push_back(entry->Key());
      for (const std::string& v : entry->Values()) to.push_back(v);
    }
  }
  for (const char* s : {"著", "干", "后", "里", "于", "面", "发", "乾", "覆", "瞭", "沈", "。", "、",
                        "1", "a", "々", "〇", "𠀀", "乾隆", "藉口", "著名", "顯著", "皇后"}) {
    chars.push_back(s);
  }
  std::mt19937 rng(20261121);
  auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
  for (int n = 0; n < 20000; ++n) {
    std::string text;
    const int tokens = 1 + static_cast<int>(rng() % 12);
    for (int t = 0; t < tokens; ++t) {
      switch (rng() % 4) {
        case 0:
          text += pick(phrases);
          break;
        case 1: {  // a phrase cut short, or its tail: near-matches
          const std::vector<std::string> cs = Utf8Chars(pick(phrases));
          const size_t cut = rng() % cs.size();
          const bool head = rng() % 2;
          for (size_t k = head ? 0 : cut; k < (head ? cut : cs.size()); ++k) text += cs[k];
          break;
        }
        default:
          text += pick(chars);
      }
    }
    ASSERT_EQ(internal::T2sWithTables(text), internal::T2sWithOpenCC(text)) << text;
  }
}

TEST(T2sTables, AgreeWithOpenCCOnTheSeeds) {
  for (const char* seed : {"000", "001", "002", "003", "004"}) {
    const std::string text = ReadSeed(seed);
    ASSERT_FALSE(text.empty());
    EXPECT_EQ(internal::T2sWithTables(text), internal::T2sWithOpenCC(text)) << seed;
  }
}

TEST(NormalizeText, SimplifiedTextWithAmbiguousCharactersIsUnchanged) {
  for (const std::string s :
       {"本年度著力推进政务公开,干部队伍建设,后续工作里程碑", "于是覆盖面扩大,沈阳市",
        "显著提高,著作权,乾坤,皇后,里面,以后,干净"}) {
    Normalized n = NormalizeText(s);
    EXPECT_EQ(internal::T2sWithOpenCC(s), s);
    EXPECT_EQ(n.text, s);
    EXPECT_EQ(n.traditional_chars, 0);
  }
}

TEST(NormalizeText, TraditionalAndMixedParagraphsConvertAsOpenCC) {
  for (const std::string s :
       {"本機關認真貫徹落實《中華人民共和國政府信息公開條例》,藉此機會進一步擴大公開範圍。",
        "政府信息公开工作年度報告:收到申請數量12件,乾隆年間的檔案已數字化,著重說明。",
        "臺灣與大陸的關係;瞭解覆蓋沈默"}) {
    Normalized n = NormalizeText(s);
    EXPECT_EQ(n.text, internal::T2sWithOpenCC(s)) << s;
    EXPECT_GT(n.traditional_chars, 0);
  }
}

}  // namespace
}  // namespace xxgk::report
