// Pins the fast label paths (lazy numbering decode, BMP alnum table, the
// hand-written number scanner) to the general implementations they replaced,
// kept here as references, on generated and hand-picked varied inputs.
#include "report/labels.h"
#include "report/utf8.h"

#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "gtest/gtest.h"
#include "re2/re2.h"
#include "report/utf8.h"
#include "unicode/uchar.h"
#include "unicode/utf8.h"

namespace xxgk::report {
namespace {

using xxgk::v1::Cell;

// ---- references: the general implementations ----

bool RefIsChineseDigit(UChar32 c) {
  return std::u32string_view(U"一二三四五六七八九十〇零两").find(static_cast<char32_t>(c)) !=
         std::u32string_view::npos;
}

std::string RefEncode(const std::vector<UChar32>& cps, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to && i < cps.size(); ++i) {
    char buf[4];
    int32_t len = 0;
    UBool err = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, cps[i], err);
    if (!err) out.append(buf, len);
  }
  return out;
}

bool RefIsSpace(UChar32 c) { return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0; }

Numbering RefParseNumbering(std::string_view text) {
  Numbering out;
  std::vector<UChar32> cps = CodePoints(text);
  size_t i = 0;
  while (i < cps.size() && RefIsSpace(cps[i])) ++i;
  auto finish = [&](NumberingStyle style, size_t num_from, size_t num_to, size_t end,
                    bool paren) {
    out.style = style;
    std::string num = RefEncode(cps, num_from, num_to);
    out.written = paren ? absl::StrCat("(", num, ")") : num;
    out.value = style == NumberingStyle::kArabic ? std::atoi(num.c_str())
                                                 : ChineseNumeralValue(num);
    while (end < cps.size() &&
           (RefIsSpace(cps[end]) || cps[end] == U'、' ||
            (cps[end] == '.' &&
             (end + 1 >= cps.size() || !(cps[end + 1] >= '0' && cps[end + 1] <= '9'))))) {
      ++end;
    }
    size_t n = 0;
    for (size_t k = 0; k < end && k < cps.size(); ++k) n += U8_LENGTH(cps[k]);
    out.length = n;
  };
  if (i >= cps.size()) return out;
  if (cps[i] == '(') {
    size_t j = i + 1;
    while (j < cps.size() && RefIsSpace(cps[j])) ++j;
    size_t k = j;
    bool chinese = k < cps.size() && RefIsChineseDigit(cps[k]);
    bool arabic = k < cps.size() && cps[k] >= '0' && cps[k] <= '9';
    while (k < cps.size() && k - j < 3 &&
           ((chinese && RefIsChineseDigit(cps[k])) || (arabic && cps[k] >= '0' && cps[k] <= '9'))) {
      ++k;
    }
    size_t m = k;
    while (m < cps.size() && RefIsSpace(cps[m])) ++m;
    if ((chinese || arabic) && k > j && m < cps.size() && cps[m] == ')') {
      finish(chinese ? NumberingStyle::kParen : NumberingStyle::kArabic, j, k, m + 1, true);
    }
    return out;
  }
  if (cps[i] == U'第' && i + 1 < cps.size() && RefIsChineseDigit(cps[i + 1])) {
    size_t k = i + 1;
    while (k < cps.size() && k - i <= 3 && RefIsChineseDigit(cps[k])) ++k;
    if (k + 1 < cps.size() && cps[k] == U'部' && cps[k + 1] == U'分') {
      finish(NumberingStyle::kTop, i + 1, k, k + 2, false);
    } else if (k < cps.size() && cps[k] == U'章') {
      finish(NumberingStyle::kTop, i + 1, k, k + 1, false);
    }
    return out;
  }
  if (RefIsChineseDigit(cps[i])) {
    size_t k = i;
    while (k < cps.size() && k - i < 3 && RefIsChineseDigit(cps[k])) ++k;
    if (k < cps.size() && (cps[k] == U'、' || cps[k] == '.' || cps[k] == ',' || cps[k] == ' ' ||
                           cps[k] == 0x3000)) {
      if (ChineseNumeralValue(RefEncode(cps, i, k)) > 0) {
        finish(NumberingStyle::kTop, i, k, k + 1, false);
      }
    }
    return out;
  }
  if (cps[i] >= '0' && cps[i] <= '9') {
    size_t k = i;
    while (k < cps.size() && k - i < 2 && cps[k] >= '0' && cps[k] <= '9') ++k;
    if (k < cps.size() &&
        (cps[k] == U'、' || cps[k] == ')' ||
         (cps[k] == '.' && (k + 1 >= cps.size() || !(cps[k + 1] >= '0' && cps[k + 1] <= '9'))))) {
      finish(NumberingStyle::kArabic, i, k, k + 1, false);
    }
  }
  return out;
}

std::string RefLabelKey(std::string_view text) {
  std::string_view rest = text;
  for (int n = 0; n < 3; ++n) {
    Numbering num = RefParseNumbering(rest);
    if (num.style == NumberingStyle::kNone || num.length == 0) break;
    rest.remove_prefix(num.length);
  }
  std::string out;
  const auto* p = reinterpret_cast<const uint8_t*>(rest.data());
  const int32_t n = static_cast<int32_t>(rest.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0 || !u_isalnum(c)) continue;
    if (c == U'钩') c = U'勾';
    char buf[4];
    int32_t len = 0;
    U8_APPEND_UNSAFE(reinterpret_cast<uint8_t*>(buf), len, c);
    out.append(buf, len);
  }
  return out;
}

Cell RefParseCellValue(std::string_view text) {
  static const RE2 re(
      R"(^([+-]?)((?:\d{1,3}(?:,\d{3})+)|\d+)(\.\d+)?\s*(万元|亿元|元|件|条|个|次|人次|人|项|家|%)?$)");
  std::string_view v = text;
  auto is_sp = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!v.empty() && is_sp(v.front())) v.remove_prefix(1);
  while (!v.empty() && is_sp(v.back())) v.remove_suffix(1);
  for (bool again = true; again;) {
    again = false;
    for (std::string_view sp : {std::string_view("\xE3\x80\x80"), std::string_view("\xC2\xA0")}) {
      if (v.size() >= sp.size() && v.substr(0, sp.size()) == sp) {
        v.remove_prefix(sp.size());
        again = true;
      }
      if (v.size() >= sp.size() && v.substr(v.size() - sp.size()) == sp) {
        v.remove_suffix(sp.size());
        again = true;
      }
    }
  }
  const std::string t(v);
  Cell out;
  out.set_raw(t);
  std::string sign, digits, frac, unit;
  if (t.empty()) {
    out.set_presence(Cell::BLANK);
  } else if (RE2::FullMatch(t, re, &sign, &digits, &frac, &unit)) {
    out.set_presence(Cell::NUMBER);
    std::string v = absl::StrReplaceAll(digits, {{",", ""}});
    if (sign == "-") v = "-" + v;
    out.set_value(v + frac);
    if (!unit.empty()) out.set_unit(unit);
  } else {
    std::vector<UChar32> cps = CodePoints(t);
    static const std::set<std::string_view> kWords = {"无", "暂无", "空", "不适用", "/", "\\",
                                                      "N/A", "n/a", "NA"};
    bool na = kWords.count(t) > 0;
    if (!na && !cps.empty()) {
      na = std::all_of(cps.begin(), cps.end(), [](UChar32 c) {
        return std::u32string_view(U"-/\\\u2014\u2013\u2015\uFF0D\u2012\u2212\u2500\u30FC\u4E00")
                   .find(static_cast<char32_t>(c)) != std::u32string_view::npos;
      });
    }
    out.set_presence(na ? Cell::NA : Cell::TEXT);
  }
  return out;
}

// ---- generated inputs ----

std::vector<std::string> Pieces() {
  return {"一", "二", "三", "十", "十二", "两", "〇", "零", "第", "部", "分", "章", "、", ".",
          ",", "，", " ", "\t", "\xE3\x80\x80", "\xC2\xA0", "(", ")", "（", "）", "1", "2", "0",
          "9", "12", "123", "予以", "公开", "钩稽", "勾", "其他", "-", "+", "—", "——", "/",
          "\\", "无", "暂无", "N/A", "NA", "万元", "元", "人次", "人", "%", "件", "項",
          "徵", "發", "Ａ", "１", "①", "Ⅳ", "𠀀", "😀", "\xFF", "\xE4\xB8", "\xC0\xAF",
          "\xED\xA0\x80", "\f", "\r", "\n", ",000", ",12", "1,234", ".5", "e", "x", "Z"};
}

std::vector<std::string> Generated(unsigned seed, int count) {
  const std::vector<std::string> pieces = Pieces();
  std::mt19937 rng(seed);
  std::vector<std::string> out;
  for (int i = 0; i < count; ++i) {
    std::string s;
    const int n = static_cast<int>(rng() % 7);
    for (int k = 0; k < n; ++k) s += pieces[rng() % pieces.size()];
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<std::string> HandPicked() {
  return {"",         "二、主动公开", "十二.其他",  "(三)不予公开", "( 三 )x",   "3.其他",
          "3、其他",  "3.5万元",     "一是加强",   "第三部分 收到和处理", "第二十条第(一)项",
          "第十章",   "三、(一) 予以 公开。", "一二三四、x", "九十九、x", "十、", "两.",
          "〇、",     "(12)",        "(123)",      "(1234)",      "1.",       "12.3",
          "1.x",      "  二、  钩稽关系", "\xE3\x80\x80一、\xC2\xA0甲", "（一）",
          "1,234",    "1,234.50万元", "12,34",      "1,2345",      "+5",       "-0.5 %",
          "5\f",      "5 人次",       "5人 次",     "1234,567",    "1,234,567", ",123",
          "1.",       ".5",           "1..5",       "1.5.",        "—",        "一一",
          "—一-",     "n/a",          "N/A ",       "不适用",      "见附件",   "  ",
          "\xFF\xFE", "發展",         "１２",       "5亿元",       "5 亿 元",  "0012"};
}

std::vector<std::string> AllInputs() {
  std::vector<std::string> in = HandPicked();
  for (std::string& s : Generated(20261121, 20000)) in.push_back(std::move(s));
  return in;
}

TEST(LabelsFastPaths, ParseNumberingEqualsReference) {
  for (const std::string& s : AllInputs()) {
    Numbering got = ParseNumbering(s), want = RefParseNumbering(s);
    EXPECT_EQ(got.style, want.style) << s;
    EXPECT_EQ(got.written, want.written) << s;
    EXPECT_EQ(got.value, want.value) << s;
    EXPECT_EQ(got.length, want.length) << s;
  }
}

// ParseNumberingValue(t) is ParseNumbering(t) without `written`.
void ExpectNumberingValueIsParseNumbering(const std::string& t) {
  const Numbering full = ParseNumbering(t), got = ParseNumberingValue(t);
  EXPECT_EQ(got.style, full.style) << t;
  EXPECT_EQ(got.value, full.value) << t;
  EXPECT_EQ(got.length, full.length) << t;
  EXPECT_EQ(got.written, "") << t;
}

TEST(LabelsFastPaths, ParseNumberingValueIsParseNumberingWithoutWritten) {
  for (const std::string& s : AllInputs()) {
    for (const std::string& t : {s, "三、" + s, "(12)" + s, "第二十章" + s, "(十二)" + s}) {
      ExpectNumberingValueIsParseNumbering(t);
    }
  }
}

TEST(LabelsFastPaths, NumberingPrefixLengthIsParseNumberingsLength) {
  // LabelKey strips numbering by length only; ParseNumbering stays the
  // general path
  for (const std::string& s : AllInputs()) {
    const Numbering full = ParseNumbering(s);
    EXPECT_EQ(NumberingPrefixLength(s), full.style == NumberingStyle::kNone ? 0 : full.length) << s;
    // as WriteLabelKey meets them: after a stripped numbering
    for (const char* lead : {"三、", "(一)", "1.", "第二部分"}) {
      const std::string t = std::string(lead) + s;
      const Numbering f = ParseNumbering(t);
      EXPECT_EQ(NumberingPrefixLength(t), f.style == NumberingStyle::kNone ? 0 : f.length) << t;
    }
  }
}

int RefChineseNumeralValue(std::string_view numeral) {
  std::vector<UChar32> cps = CodePoints(numeral);
  if (cps.empty() || cps.size() > 3) return 0;
  static const std::u32string_view kDigits = U"〇一二三四五六七八九";
  int value = 0, pending = 0;
  for (UChar32 c : cps) {
    if (c == U'十') {
      value += (pending == 0 ? 1 : pending) * 10;
      pending = 0;
    } else if (c == U'零') {
      pending = 0;
    } else if (c == U'两') {
      pending = 2;
    } else if (size_t d = kDigits.find(static_cast<char32_t>(c)); d != std::u32string_view::npos) {
      pending = static_cast<int>(d);
    } else {
      return 0;
    }
  }
  return value + pending;
}

TEST(LabelsFastPaths, ChineseNumeralValueEqualsReference) {
  for (const std::string& s : AllInputs()) {
    EXPECT_EQ(ChineseNumeralValue(s), RefChineseNumeralValue(s)) << s;
  }
  EXPECT_EQ(ChineseNumeralValue("九十九"), 99);
  EXPECT_EQ(ChineseNumeralValue("十二"), 12);
  EXPECT_EQ(ChineseNumeralValue("两"), 2);
  EXPECT_EQ(ChineseNumeralValue("一二三四"), 0);
  EXPECT_EQ(ChineseNumeralValue("\xFF"), 0);
}

TEST(LabelsFastPaths, LabelKeyEqualsReference) {
  for (const std::string& s : AllInputs()) {
    EXPECT_EQ(LabelKey(s), RefLabelKey(s)) << s;
    // written after other text, into room for the text only
    std::string buf = "前缀" + std::string(s.size(), '#');
    char* end = WriteLabelKey(s, buf.data() + 6);
    EXPECT_EQ(std::string(buf.data(), end), "前缀" + RefLabelKey(s)) << s;
  }
}

TEST(LabelsFastPaths, WriteLabelKeyWithSignatureWritesTheKeyAndItsSignature) {
  for (const std::string& s : AllInputs()) {
    const std::string key = LabelKey(s);
    std::string buf(s.size(), '#');
    uint64_t sig = 12345;
    char* end = WriteLabelKey(s, buf.data(), &sig);
    EXPECT_EQ(std::string(buf.data(), end), key) << s;
    EXPECT_EQ(sig, CharSignature(key)) << s;
  }
}

TEST(LabelsFastPaths, CharSignatureHasEveryBitOfEveryPartOfAText) {
  // the filter is exact: a text's signature covers the signature of every
  // run of whole pieces in it, and a text's is the union of its pieces'
  const std::vector<std::string> pieces = Pieces();
  std::mt19937 rng(5);
  for (int i = 0; i < 3000; ++i) {
    std::vector<std::string> parts;
    const int n = 1 + static_cast<int>(rng() % 8);
    for (int k = 0; k < n; ++k) parts.push_back(pieces[rng() % pieces.size()]);
    std::string all;
    for (const std::string& p : parts) all += p;
    const uint64_t sig = CharSignature(all);
    for (size_t b = 0; b < parts.size(); ++b) {
      std::string run;
      for (size_t e = b; e < parts.size(); ++e) {
        run += parts[e];
        EXPECT_EQ(CharSignature(run) & ~sig, 0u) << all << " / " << run;
      }
    }
  }
  EXPECT_EQ(CharSignature(""), 0u);
  EXPECT_EQ(CharSignature("统计表"), CharSignature("统") | CharSignature("计") | CharSignature("表"));
}

TEST(LabelsFastPaths, LabelKeyKeepsEveryBmpLetterAndDigit) {
  // the BMP table against ICU, one character at a time
  for (UChar32 c = 0x80; c < 0x10000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    char buf[4];
    int32_t len = 0;
    U8_APPEND_UNSAFE(reinterpret_cast<uint8_t*>(buf), len, c);
    std::string s(buf, len);
    std::string want = u_isalnum(c) ? (c == U'钩' ? std::string("勾") : s) : "";
    // a leading numeral or space would be read as numbering: put a letter first
    ASSERT_EQ(LabelKey("a" + s), "a" + want) << c;
  }
}

TEST(LabelsFastPaths, ParseCellValueEqualsPattern) {
  std::vector<std::string> in = AllInputs();
  // numbers in every shape the pattern knows
  std::mt19937 rng(7);
  const char* units[] = {"", "万元", "亿元", "元", "件", "条", "个", "次", "人次", "人", "项",
                         "家", "%", "米", "人人"};
  const char* seps[] = {"", " ", "\t", "\f", "\r", "  ", "\n"};
  for (int i = 0; i < 20000; ++i) {
    std::string s;
    if (rng() % 3 == 0) s += rng() % 2 ? "-" : "+";
    const int groups = static_cast<int>(rng() % 4);
    s += std::to_string(rng() % (rng() % 2 ? 10000 : 1000));
    for (int g = 0; g < groups; ++g) {
      s += ",";
      s += std::to_string(rng() % 1000 + (rng() % 8 == 0 ? 0 : 1000)).substr(1);
    }
    if (rng() % 3 == 0) s += "." + std::string(rng() % 4, static_cast<char>('0' + rng() % 10));
    s += seps[rng() % std::size(seps)];
    s += units[rng() % std::size(units)];
    in.push_back(std::move(s));
  }
  for (const std::string& s : in) {
    Cell got = ParseCellValue(s), want = RefParseCellValue(s);
    EXPECT_EQ(got.presence(), want.presence()) << s;
    EXPECT_EQ(got.value(), want.value()) << s;
    EXPECT_EQ(got.unit(), want.unit()) << s;
    EXPECT_EQ(got.raw(), want.raw()) << s;
    EXPECT_EQ(IsValueText(s), want.presence() != Cell::TEXT) << s;
  }
}

TEST(LabelsFastPaths, SimilarityAndCountAsBefore) {
  EXPECT_EQ(CountCodePoints("予以公开"), 4u);
  EXPECT_EQ(CountCodePoints("a\xFF" "b"), CodePoints("a\xFF" "b").size());
  EXPECT_EQ(CountCodePoints("\xE4\xB8"), CodePoints("\xE4\xB8").size());
  EXPECT_DOUBLE_EQ(LabelSimilarity("予以公开", "予以公开"), 1.0);
  EXPECT_DOUBLE_EQ(LabelSimilarity("予以公开", "予以公幵"), 2.0 * 2 / 6);
  EXPECT_DOUBLE_EQ(LabelSimilarity("", "x"), 0.0);
  EXPECT_DOUBLE_EQ(LabelSimilarity("a", "b"), 0.0);
  // longer than the inline buffers
  std::string a(200, 'a'), b = std::string(199, 'a') + "b";
  EXPECT_DOUBLE_EQ(LabelSimilarity(a, b), 2.0 * 198 / 398);
}

TEST(LabelsFastPaths, PreparedSimilarityEqualsDirect) {
  std::vector<std::string> in = Generated(99, 400);
  for (const char* s : {"予以公开", "予以公幵", "本机关不掌握相关政府信息", "本机関不掌握相关政府信息",
                        "其他", "", "a", "aa", "aaa", "abab"}) {
    in.push_back(s);
  }
  std::vector<LabelProfile> profiles;
  for (const std::string& s : in) profiles.push_back(MakeLabelProfile(s));
  for (size_t i = 0; i < in.size(); ++i) {
    for (size_t j = 0; j < in.size(); j += 7) {
      ASSERT_EQ(LabelSimilarity(profiles[i], profiles[j]), LabelSimilarity(in[i], in[j]))
          << in[i] << " / " << in[j];
    }
  }
}

TEST(LabelsFastPaths, BigramBitsRuleOutOnlyLessSimilarProfiles) {
  std::vector<std::string> in = Generated(77, 300);
  for (const char* s : {"予以公开", "予以公幵", "本机关不掌握相关政府信息", "本机関不掌握相关政府信息",
                        "其他", "", "a", "aa", "aaa", "abab", "\xFF\xFE", "a\xFF" "b"}) {
    in.push_back(s);
  }
  in.push_back(std::string(200, 'a'));  // every bigram sets the same bit
  // near copies: every input again with a common tail
  const size_t n = in.size();
  for (size_t i = 0; i < n; ++i) in.push_back(in[i] + "公开申请");
  std::vector<LabelProfile> profiles;
  std::vector<BigramBits> profile_bits;
  for (const std::string& s : in) {
    profiles.push_back(MakeLabelProfile(s));
    profile_bits.emplace_back(profiles.back());
  }
  int ruled_out = 0;
  for (size_t i = 0; i < in.size(); ++i) {
    const BigramBits bits(in[i]);
    for (size_t j = i % 3; j < in.size(); j += 3) {
      const double similarity = LabelSimilarity(profiles[i], profiles[j]);
      for (double threshold : {0.0, 0.3, 0.5, 0.6, 0.75, 1.0}) {
        // both ways round, and from the profile as from the bytes
        const bool may = BigramBits::MayReach(bits, profile_bits[j], threshold);
        EXPECT_EQ(BigramBits::MayReach(profile_bits[j], bits, threshold), may);
        EXPECT_EQ(BigramBits::MayReach(profile_bits[i], profile_bits[j], threshold), may);
        if (may) continue;
        ++ruled_out;
        ASSERT_LT(similarity, threshold) << in[i] << " / " << in[j] << " at " << threshold;
      }
    }
  }
  EXPECT_GT(ruled_out, 0);
}

TEST(LabelsFastPaths, NumberingPrefixLengthOfCommonFormsIsParseNumberingsLength) {
  // "(一)" and "一、" are read from their bytes: every Chinese digit (and
  // characters that are none) in both forms, before generated tails
  const std::vector<std::string> tails = Generated(5, 3000);
  for (const char* digit : {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "零",
                            "两", "甲", "(", "、", "1", "\xE4\xB8"}) {
    const std::string d(digit);
    for (const std::string& lead : {"(" + d + ")", d + "、", d + "、、", "(" + d + ")、"}) {
      for (const std::string& tail : tails) {
        const std::string t = lead + tail;
        const Numbering f = ParseNumbering(t);
        EXPECT_EQ(NumberingPrefixLength(t), f.style == NumberingStyle::kNone ? 0 : f.length) << t;
      }
    }
  }
}

TEST(LabelsFastPaths, ParseNumberingValueOfCommonFormsIsParseNumberingWithoutWritten) {
  // ParseNumberingValue reads "(一)" and "一、" from their bytes and turns
  // away texts no numbering can start: every Chinese digit (and characters
  // that are none) in both forms and alone, before generated tails
  const std::vector<std::string> tails = Generated(7, 3000);
  for (const char* digit : {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "零",
                            "两", "甲", "(", "、", "1", "\xE4\xB8", " ", "第"}) {
    const std::string d(digit);
    for (const std::string& lead :
         {"(" + d + ")", d + "、", d + "、、", "(" + d + ")、", d, "(" + d + d + ")"}) {
      for (const std::string& tail : tails) ExpectNumberingValueIsParseNumbering(lead + tail);
    }
  }
}

TEST(LabelsFastPaths, ArabicNumberingsFromBytesAreParseNumberings) {
  // a text starting with an ASCII digit is read from its bytes by
  // ParseNumberingValue and NumberingPrefixLength: one to three digits, then
  // each separator (and characters that are none), before generated tails
  const std::vector<std::string> tails = Generated(11, 2000);
  for (const char* digits : {"0", "1", "7", "12", "99", "123", "1.5"}) {
    for (const char* sep : {".", "、", ")", "", " ", ",", "。", ".5", "、、", ". ", "\xE3\x80",
                            "\xC2\xA0", "\xE3\x80\x80"}) {
      const std::string lead = std::string(digits) + sep;
      for (const std::string& tail : tails) {
        const std::string t = lead + tail;
        ExpectNumberingValueIsParseNumbering(t);
        const Numbering full = ParseNumbering(t);
        EXPECT_EQ(NumberingPrefixLength(t),
                  full.style == NumberingStyle::kNone ? 0 : full.length) << t;
      }
    }
  }
}

TEST(LabelsFastPaths, LabelProfileCodePointsAreCodePoints) {
  // MakeLabelProfile decodes the key itself; CodePoints stays the reader
  for (const std::string& s : AllInputs()) {
    for (const std::string& t : {s, s + "\xE4\xB8", "\xFF" + s, s + "\xED\xA0\x80"}) {
      EXPECT_EQ(MakeLabelProfile(t).code_points, CodePoints(t)) << t;
    }
  }
}

TEST(LabelsFastPaths, ParseCellValueIntoDefaultIsParseCellValueIntoOnAFreshCell) {
  // the table mapper parses into cells it just made without clearing them;
  // ParseCellValueInto clears a cell that may hold anything
  for (const std::string& s : AllInputs()) {
    Cell fresh;
    ParseCellValueIntoDefault(s, &fresh);
    Cell used;
    used.set_presence(Cell::TEXT);
    used.set_raw("x");
    used.set_value("1");
    used.set_unit("件");
    used.mutable_span()->set_end(3);
    used.set_source_row(2);
    used.set_source_col(5);
    ParseCellValueInto(s, &used);
    EXPECT_EQ(fresh.SerializeAsString(), used.SerializeAsString()) << s;
  }
}

TEST(LabelsFastPaths, IsValueTextRejectsByFirstCharacterAsParseCellValue) {
  // IsValueText turns texts away by their first character (no number or NA
  // text starts with it); ParseCellValue reads every text in full. Every BMP
  // character first, alone, doubled, before a dash and before a digit, and
  // behind leading spaces.
  auto check = [](const std::string& s) {
    EXPECT_EQ(IsValueText(s), ParseCellValue(s).presence() != Cell::TEXT) << s;
  };
  for (UChar32 c = 1; c < 0x10000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    char buf[4];
    int32_t len = 0;
    U8_APPEND_UNSAFE(reinterpret_cast<uint8_t*>(buf), len, c);
    const std::string ch(buf, len);
    for (const std::string& s : {ch, ch + ch, ch + "\xE2\x80\x94", ch + "5", " " + ch,
                                 "\xE3\x80\x80" + ch + "-"}) {
      check(s);
    }
  }
  // truncated and ill-formed starts
  for (const char* s : {"\xE6", "\xE6\x97", "\xE2\x80", "\xEF\xBC", "\xE4\xB8", "\x80-",
                        "\xC2\xA0-", "\xFF"}) {
    check(s);
  }
}

}  // namespace
}  // namespace xxgk::report

namespace xxgk::report {
namespace {

TEST(IsPageNumberText, PageMarksOnly) {
  for (const char* mark : {"3", "— 3 —", "- 12 -", "–3–", "第 3 页", "第3页 共8页", "3 / 8",
                           "3共8页"}) {
    EXPECT_TRUE(IsPageNumberText(mark)) << mark;
  }
  for (const char* other : {"", "—", "2024年", "12件", "第二十条", "第3条", "3.5", "1,234",
                            "共8页", "3 | 4"}) {
    EXPECT_FALSE(IsPageNumberText(other)) << other;
  }
}

}  // namespace
}  // namespace xxgk::report
