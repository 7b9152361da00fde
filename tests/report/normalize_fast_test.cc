// NormalizeText takes per-character shortcuts (stages skipped where no
// character can change, one-to-one changes made in place, t2s runs converted
// directly unless they may hold a place name): on any mix of simplified and
// traditional text, full-width forms, pinyin glosses, odd spaces and line
// breaks, controls, compatibility characters, combining marks, supplementary
// characters and garbled runs, it must give exactly what the general
// stage-by-stage form gives: text, offsets, count and notes.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "opencc/Lexicon.hpp"
#include "opencc/MarisaDict.hpp"
#include "report/normalize.h"
#include "report/utf8.h"
#include "tests/report/random_text.h"

namespace xxgk::report {
namespace {

class NormalizeDocs : public xxgk::testing::RandomText {
 public:
  explicit NormalizeDocs(uint32_t seed) : RandomText(seed) {}

  std::string Next() {
    std::string doc;
    const int pieces = 1 + Below(60);
    for (int k = 0; k < pieces; ++k) doc += Piece();
    return doc;
  }

 private:
  std::string Piece() {
    static const std::vector<std::string> kSimplified = {
        "政府信息公开", "工作年度报告", "本机关", "主动公开", "依申请公开", "行政复议",
        "人民政府", "办公室", "咸阳市乾县", "乾安县", "威海市文登区", "一、", "(一)", "予以公开",
        "共收到申请", "件", "年", "月", "日", "。", ",", "、", ":", "情况", "信息数"};
    static const std::vector<std::string> kTraditional = {
        "公開", "報告", "資訊", "條例", "國務院", "與", "這", "簡稱", "乾縣", "乾隆", "臺灣",
        "計劃", "發佈", "鄉鎮", "縣", "區", "處理", "覆議", "後", "著", "於", "裡", "麵",
        "鐘", "隻", "瀋陽", "乾坤", "頭髮", "髮型", "係", "聯繫", "彙報", "鬥", "崑山"};
    static const std::vector<std::string> kPinyin = {
        "(kāi)", "(bào)", "(jiǎn)", "(chēng)", "(de)", "(ma)", "(le)", "(men)", "(zhe)",
        "(a)", "(kāi ", "(zhuāng)", "(zhuangg)", "( kāi)", "(lǜ)", "(nǚ)", "(ḿ)", "(ǹg)",
        "(de le)", "(kāi bào jiǎn chēng)", "(kāi bào jiǎn chēng zhe)", "(Kāi)", "()", "(", ")",
        "（kāi）", "(pdf)", "(http://www.example.gov.cn)", "(2021)", "(zi men zhe ba)",
        "(ba ne ma me le)", "(dee)", "(zhuàngg)", "(ǖ)", "(ｋāi)", "(ka\u0304i)"};
    static const std::vector<std::string> kWidth = {
        "１２", "（", "）", "：", "，", "；", "！", "？", "ＡＢ", "\u3000", "…", "……", "㎡", "㈠",
        "①", "ﬁ", "™", "½", "\u00A0", "\u2002", "ｶﾞ", "\uFF9E", "가", "\u1100\u1161", "豈",
        "\uF900", "\u2F00", "·", "—", "“", "”", "‘"};
    static const std::vector<std::string> kOdd = {
        " ", " ", "  ", "\n", "\r\n", "\r", "\t", "\f", "\v", "\x01", "\x7F", "\u200B",
        "\uFEFF", "\u00AD", "\u2028", "\u2029", "\xC2\x85", "e\u0301", "\u0301", "a\u0308",
        "\u0300", "?", "?", "é", "ü", "à", "ǎ"};
    static const std::vector<std::string> kGarbled = {
        "\xEF\xBF\xBD", "\xFF", "\xE5\x85", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80",
        "鍏?", "寮€", "鏀垮簻淇℃伅", "锟斤拷", "\uE000", "\uE123\uE456", "𠀀", "𪚥", "𝐀",
        "\U0002F800", "鎴", "瑷", "亍", "丌", "兀", "丨", "乂", "乇", "亓", "嗀", "鼗", "?abc",
        "?é", "a?b", "中?文", "政?x"};
    static const std::vector<std::string> kAscii = {"abc", "ABC", "123", "2024", "x", "km",
                                                    ".", ",", ":", ";", "!", "-", "/", "%"};
    switch (Below(10)) {
      case 0:
      case 1:
        return Pick(kSimplified);
      case 2:
      case 3:
        return Pick(kTraditional);
      case 4:
        return Cat({Pick(kTraditional), Pick(kPinyin)});
      case 5:
        return Pick(kPinyin);
      case 6:
        return Pick(kWidth);
      case 7:
        return Pick(kOdd);
      case 8:
        return Pick(kGarbled);
      default:
        return Pick(kAscii);
    }
  }
};

std::string Dump(const Normalized& n) {
  std::string out = n.text + "\n#" + std::to_string(n.traditional_chars) + "\n";
  for (uint32_t at : n.to_input) out += std::to_string(at) + " ";
  out += "\n";
  for (const auto& note : n.notes) out += note.ShortDebugString() + "\n";
  return out;
}

// NormalizeText as the general form on `rounds` documents from `docs`, with
// the options varied.
template <typename Docs>
void ExpectAsTheGeneralForm(Docs& docs, int rounds) {
  for (int round = 0; round < rounds; ++round) {
    const std::string doc = docs.Next();
    NormalizeOptions options;
    options.to_simplified = round % 7 != 3;
    options.strip_pinyin = round % 5 != 2;
    options.collapse_cjk_spaces = round % 9 != 4;
    ASSERT_EQ(Dump(NormalizeText(doc, options)), Dump(internal::NormalizeTextGeneral(doc, options)))
        << "round " << round << ": " << doc;
  }
}

TEST(NormalizeTextFast, AsTheGeneralFormOnGeneratedText) {
  NormalizeDocs docs(20260521);
  ExpectAsTheGeneralForm(docs, 4000);
}

// Long documents: many runs, stages that change text far apart.
TEST(NormalizeTextFast, AsTheGeneralFormOnLongGeneratedText) {
  NormalizeDocs docs(7);
  for (int round = 0; round < 60; ++round) {
    std::string doc;
    for (int k = 0; k < 30; ++k) doc += docs.Next();
    ASSERT_EQ(Dump(NormalizeText(doc)), Dump(internal::NormalizeTextGeneral(doc)))
        << "round " << round << ": " << doc;
  }
}

// Documents of lines, most of them plain simplified text (which NormalizeText
// writes straight from the input: one-to-one NFKC mappings, spaces between
// wide characters, '(' not followed by a reading), some with a piece that
// needs the stages (traditional characters, readings, combining marks at a
// line start, '?' after an ideograph, unlikely characters, controls,
// ill-formed bytes): the lines written directly and those through the
// stages must join up as the general form's.
class NormalizeLines : public xxgk::testing::RandomText {
 public:
  explicit NormalizeLines(uint32_t seed) : RandomText(seed), docs_(seed + 1) {}

  std::string Next() {
    std::string doc;
    const int lines = 1 + Below(12);
    for (int k = 0; k < lines; ++k) {
      const int pieces = Below(10);
      for (int j = 0; j < pieces; ++j) doc += Below(12) == 0 ? docs_.Next().substr(0, 8) : Plain();
      doc += Pick(kBreaks());
    }
    return doc;
  }

 private:
  static const std::vector<std::string>& kBreaks() {
    static const std::vector<std::string> v = {"\n", "\n", "\n", "\n\u0301", "\r\n", "\n\n",
                                               "\n ", "\n(", "\n?", ""};
    return v;
  }
  std::string Plain() {
    static const std::vector<std::string> kPlain = {
        "政府信息公开", "工作年度报告", "本机关", "(一)", "(2021)", "(www.gov.cn)", "(", ")",
        " ", " ", "  ", "\u3000", "\u00A0", ",", ",", ":", "(", ")", "、", "。", "年",
        "2024", "abc", "a", "?", "|", "| 索 引 号 |", "三 、本 年 度", "情况 :", "( 一 )",
        "信息数 (不同", "\t", "ü", "é", "à", "·", "…", "“", "”", "—", "ﬁ", "①", "Ａ", "ｋ",
        "亍", "丌", "嗀", "鼗", "瑷", "\xE4\xB8", "\xFF", "\U0002F800",
        // Garbled runs whose notes reach back and forth over several
        // characters from where a sign shows.
        "鏀垮簻淇℃伅", "嗀x鼗亍y丌", "中?ab嗀", "é嗀鼗亍", "亍 ?é"};
    return Pick(kPlain);
  }

  NormalizeDocs docs_;
};

TEST(NormalizeTextFast, AsTheGeneralFormOnGeneratedLines) {
  NormalizeLines docs(42);
  ExpectAsTheGeneralForm(docs, 6000);
}

// Documents of lines in traditional script (which NormalizeText converts
// character by character where no TSPhrases key can match): characters t2s
// maps alone, characters of phrase keys written as the phrase or apart,
// readings glued between them (計(jì)畫 is the phrase 計畫 once the reading
// goes), spaces, full-width forms, place names, mojibake signs.
class TraditionalLines : public xxgk::testing::RandomText {
 public:
  explicit TraditionalLines(uint32_t seed) : RandomText(seed) {}

  std::string Next() {
    std::string doc;
    const int lines = 1 + Below(10);
    for (int k = 0; k < lines; ++k) {
      const int pieces = Below(16);
      for (int j = 0; j < pieces; ++j) doc += Piece();
      doc += Below(8) == 0 ? "\r\n" : "\n";
    }
    return doc;
  }

 private:
  std::string Piece() {
    static const std::vector<std::string> kOne = {
        "開", "報", "資", "訊", "與", "這", "縣", "區", "處", "後", "於", "裡", "國", "務", "體",
        "實", "關", "權", "應", "門", "戶", "項", "條", "據", "復", "計", "過", "積", "單", "發",
        "讀", "會", "轉", "無", "張", "變", "電", "態", "沒", "調", "機", "華", "斷", "則", "簡"};
    static const std::vector<std::string> kPhrase = {
        "計畫", "回覆", "憑藉", "據瞭解", "龍鍾", "乾坤", "頭髮", "發覆", "無序", "變徵", "鐵鍊",
        "畢昇", "乾隆", "乾縣", "瀋陽", "覆", "鍾", "藉", "瞭", "徵", "鍊", "畫"};
    static const std::vector<std::string> kReading = {
        "(kāi)", "(jù)", "(jì)", "(huà)", "(de)", "(ma)", "( kāi)", "（kāi）", "(kāi ", "(fù)",
        "(lǜ)", "(kāi bào)", "(Kāi)", "(2021)", "(一)", "(", ")", "(x\u0301)", "(\u200Bkāi)",
        // Particles and their near misses, syllable counts and lengths at
        // the limits, letters NFKC makes or composes.
        "(zi men zhe ba)", "(de le ma ne ba)", "(dee)", "(d)", "(ne kāi)", "(zhuàngg)",
        "(zhuàng)", "(a b c d)", "(ǖ)", "(ｋāi)", "(ka\u0304i)", "(kāi\u3000bào)", "(de  le)"};
    static const std::vector<std::string> kOther = {
        " ", " ", "  ", "\u3000", ",", "。", "、", ":", "?", "?x", "中?文", "鍏?", "瑷", "亍",
        "嗀鼗亍", "２０２４", "abc", "\u0301", "\xEF\xBF\xBD", "\xFF", "𠀀", "政府信息公开"};
    switch (Below(8)) {
      case 0:
      case 1:
      case 2:
        return Pick(kOne);
      case 3:
        return Pick(kPhrase);
      case 4:
      case 5:
        return Cat({Pick(Below(3) == 0 ? kPhrase : kOne), Pick(kReading)});
      case 6:
        return Pick(kReading);
      default:
        return Pick(kOther);
    }
  }
};

TEST(NormalizeTextFast, AsTheGeneralFormOnTraditionalLines) {
  TraditionalLines docs(2026);
  ExpectAsTheGeneralForm(docs, 6000);
}

// Every TSPhrases key of three characters or more (whose last characters'
// conversion can depend on two or more characters before them), one piece a
// line: the key whole, without its first character, with another first
// character, and with a reading after its first or second character; each
// followed by nothing, another character, a space or a reading. The fast
// path must read them as the general form does.
TEST(NormalizeTextFast, AsTheGeneralFormOnEveryLongPhraseKey) {
  FILE* fp = std::fopen("/usr/share/opencc/TSPhrases.ocd2", "rb");
  if (fp == nullptr) GTEST_SKIP() << "no OpenCC TSPhrases.ocd2";
  opencc::LexiconPtr lexicon = opencc::MarisaDict::NewFromFile(fp)->GetLexicon();
  std::fclose(fp);
  std::vector<std::string> keys;
  for (const auto& entry : *lexicon) {
    if (CountCodePoints(entry->Key()) >= 3) keys.push_back(entry->Key());
  }
  ASSERT_GT(keys.size(), 100u);
  static const std::vector<std::string> kGlue = {"", "的", " ", "開", "(jì)"};
  std::string doc;
  for (size_t i = 0; i < keys.size(); ++i) {
    const std::string& key = keys[i];
    const std::vector<std::string> chars = Utf8Chars(key);
    const size_t first = chars[0].size();           // bytes of the first character
    const size_t second = first + chars[1].size();  // bytes of the first two characters
    // One piece a line: a line where a key matches goes to the stages
    // whole, so a piece shares its line with no other.
    for (const std::string& piece :
         {key, key.substr(first), "國" + key.substr(first),
          // A reading inside the key: the characters before it are
          // already written when the ones after it are converted.
          key.substr(0, first) + "(jì)" + key.substr(first),
          key.substr(0, second) + "(huà)" + key.substr(second)}) {
      doc += piece + kGlue[i % kGlue.size()] + "\n";
    }
    if (i % 256 == 255 || i + 1 == keys.size()) {
      ASSERT_EQ(Dump(NormalizeText(doc)), Dump(internal::NormalizeTextGeneral(doc)))
          << "keys up to " << i << ": " << doc;
      doc.clear();
    }
  }
}

// The sample documents, whole and cut at every 97th byte (starting inside
// characters, lines and readings).
TEST(NormalizeTextFast, AsTheGeneralFormOnTheSeedsAndTheirPieces) {
  const std::filesystem::path dir = XXGK_SOURCE_DIR "/../shared/corpus/seeds";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "no seeds at " << dir;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string doc = ss.str();
    ASSERT_EQ(Dump(NormalizeText(doc)), Dump(internal::NormalizeTextGeneral(doc))) << entry.path();
    for (size_t at = 0; at < doc.size(); at += 97) {
      const std::string piece = doc.substr(at, 400);
      ASSERT_EQ(Dump(NormalizeText(piece)), Dump(internal::NormalizeTextGeneral(piece)))
          << entry.path() << " at " << at;
    }
  }
}

}  // namespace
}  // namespace xxgk::report
