// Pins Gazetteer::FirstByNameIsFull (first-character and first-pair bits,
// then the name maps, no list built) to its definition over ByName, and
// MayEndName to "true wherever a name ends".
#include <string>
#include <string_view>

#include "gtest/gtest.h"
#include "report/gazetteer.h"

namespace xxgk::report {
namespace {

bool Reference(const Gazetteer& g, std::string_view s) {
  auto found = g.ByName(s);
  return !found.empty() && found[0]->name.size() == s.size();
}

size_t CharLen(unsigned char c) { return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4; }

// Every substring of `text` starting and ending on character boundaries,
// up to 16 characters.
int CompareAll(const Gazetteer& g, std::string_view text) {
  int checked = 0;
  for (size_t b = 0; b < text.size(); b += CharLen(text[b])) {
    size_t e = b;
    for (int chars = 0; chars < 16 && e < text.size(); ++chars) {
      e += CharLen(text[e]);
      if (e > text.size()) break;
      const std::string_view s = text.substr(b, e - b);
      EXPECT_EQ(g.FirstByNameIsFull(s), Reference(g, s)) << s;
      // MayEndName (a bit for the last two characters) is true wherever a
      // name of two or more characters ends.
      if (chars >= 1 && !g.ByName(s).empty()) {
        EXPECT_TRUE(g.MayEndName(text.substr(0, e))) << s;
      }
      ++checked;
    }
  }
  return checked;
}

TEST(GazetteerFullName, MatchesByNameOnVariedText) {
  const Gazetteer& g = Gazetteer::Default();
  const std::string text =
      "潜江市高场街道办事处2024年政府信息公开工作年度报告。威海市文登区人民政府,"
      "朝阳区、北京市朝阳区、广西壮族自治区南宁市青秀区 ,吉林省吉林市;"
      "內蒙古自治區呼和浩特市 新城区\t 上海市浦东新区 １２３ 阿猛镇 "
      "湖北省武汉市江岸区 重庆 重庆市 𠀀市 Ab1, 广西 北京 天津市和平区";
  EXPECT_GT(CompareAll(g, text), 500);
  EXPECT_TRUE(g.FirstByNameIsFull("文登区"));
  EXPECT_FALSE(g.FirstByNameIsFull("广西"));
  EXPECT_FALSE(g.FirstByNameIsFull(""));
  EXPECT_TRUE(g.MayEndName("报告威海市"));
  EXPECT_FALSE(g.MayEndName("年度报告"));
}

TEST(GazetteerFullName, ShortFormsAndSharedNames) {
  const Gazetteer g = Gazetteer::FromTsv(
      "110000\t北京市\t\t北京\n"
      "110105\t朝阳区\t110000\t朝阳\n"
      "220000\t吉林省\t\t吉林\n"
      "220200\t吉林市\t220000\t吉林\n"
      "990000\t甲乙\t\t甲乙\n"
      "990100\t丙丁\t990000\t甲乙\n");
  EXPECT_GT(CompareAll(g, "北京市朝阳区吉林省吉林市吉林甲乙丙丁朝阳北京"), 50);
  EXPECT_TRUE(g.FirstByNameIsFull("甲乙"));
  EXPECT_FALSE(g.FirstByNameIsFull("吉林"));
}

}  // namespace
}  // namespace xxgk::report
