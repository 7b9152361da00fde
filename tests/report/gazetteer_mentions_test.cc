// Pins Gazetteer::Mentions (which asks its prefix map only where a bit for
// the text's first two characters is set) to the plain definition: at each
// ideograph, the longest full name or short form of two or more characters
// (six or more bytes) spelled there, else move one character on.
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "report/gazetteer.h"

namespace xxgk::report {
namespace {

size_t CharLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

std::string Plain(const Gazetteer& g, std::string_view text) {
  std::string out;
  size_t p = 0;
  while (p < text.size()) {
    const size_t step = CharLength(static_cast<unsigned char>(text[p]));
    if (step == 1) {
      ++p;
      continue;
    }
    size_t best = 0;
    size_t e = p + step;
    for (int chars = 2; chars <= 30 && e < text.size(); ++chars) {
      e += CharLength(static_cast<unsigned char>(text[e]));
      if (e > text.size()) break;
      if (e - p >= 6 && !g.ByName(text.substr(p, e - p)).empty()) best = e;
    }
    if (best == 0) {
      p += step;
      continue;
    }
    out += std::to_string(p) + "-" + std::to_string(best) + ":";
    for (const Division* d : g.ByName(text.substr(p, best - p))) out += d->code + ",";
    out += "\n";
    p = best;
  }
  return out;
}

std::string Fast(const Gazetteer& g, std::string_view text,
                 Gazetteer::SkipPath path = Gazetteer::SkipPath::kBest) {
  std::string out;
  for (const auto& m : g.Mentions(text, path)) {
    out += std::to_string(m.begin) + "-" + std::to_string(m.end) + ":";
    for (const Division* d : m.candidates) out += d->code + ",";
    out += "\n";
  }
  return out;
}

TEST(GazetteerMentions, GeneratedTextsMatchThePlainDefinition) {
  const Gazetteer& g = Gazetteer::Default();
  const std::vector<std::string> pieces = {
      "威海市", "威海", "文登区", "文登", "山东省", "米山镇", "朝阳区", "北京市", "湖北省",
      "潜江市", "恩施土家族苗族自治州", "恩施", "新疆维吾尔自治区", "人民政府", "街道办事处",
      "的", "在", "年", "2024", "a", " ", "\n", "𠀀", "é", "市", "区", "县", "省", "州",
      "东", "西", "南", "北", "中", "新", "大", "江", "河", "山", "长", "安", "城"};
  std::mt19937 rng(7);
  for (int doc = 0; doc < 2000; ++doc) {
    std::string text;
    const int n = 1 + static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) text += pieces[rng() % pieces.size()];
    ASSERT_EQ(Fast(g, text), Plain(g, text)) << text;
  }
}

// Long texts (runs of ideographs far longer than the eight pairs AVX2
// tests at once, names at every offset, stray bytes), through every skip
// path the machine runs.
TEST(GazetteerMentions, EverySkipPathMatchesThePlainDefinitionOnLongTexts) {
  const Gazetteer& g = Gazetteer::Default();
  const std::vector<std::string> pieces = {
      "威海市", "文登", "朝阳区", "恩施土家族苗族自治州", "人民政府", "政府信息公开工作年度报告",
      "本机关全年共收到申请", "的", "年", "2024", "a", "\n", "𠀀", "é", "\x80", "\xE5",
      "市", "东", "新", "大", "江", "山", "城", "关", "长安", "和平", "中山"};
  std::mt19937 rng(11);
  for (int doc = 0; doc < 500; ++doc) {
    std::string text;
    const int n = 1 + static_cast<int>(rng() % 200);
    for (int i = 0; i < n; ++i) text += pieces[rng() % pieces.size()];
    const std::string plain = Plain(g, text);
    for (const auto path : {Gazetteer::SkipPath::kPlain, Gazetteer::SkipPath::kAvx2}) {
      if (!Gazetteer::SkipPathRuns(path)) continue;
      ASSERT_EQ(Fast(g, text, path), plain) << static_cast<int>(path) << " " << text;
    }
  }
}

TEST(GazetteerMentions, SmallGazetteerFromTsv) {
  const Gazetteer g = Gazetteer::FromTsv(
      "110000\t北京市\t\t北京\n110105\t朝阳区\t110000\t朝阳\n220000\t吉林省\t\t吉林\n"
      "220100\t长春市\t220000\t长春\n220104\t朝阳区\t220100\t\n");
  for (const char* text : {"北京市朝阳区", "长春朝阳", "吉林长春市朝阳区人民政府", "朝阳朝阳区",
                           "北京", "京", "", "北京市北京朝阳"}) {
    EXPECT_EQ(Fast(g, text), Plain(g, text)) << text;
  }
}

}  // namespace
}  // namespace xxgk::report
