#include "report/gazetteer.h"

#include "gtest/gtest.h"

namespace xxgk::report {
namespace {

const Gazetteer& G() { return Gazetteer::Default(); }

std::string Code(std::string_view text) {
  auto m = G().MostSpecific(text);
  return m ? m->division->code : "";
}

std::string ProvinceName(std::string_view text) {
  auto m = G().MostSpecific(text);
  if (!m) return "";
  const Division* p = G().ProvinceOf(m->division->code);
  return p ? p->name : "";
}

TEST(Gazetteer, EmbeddedDataCoversAllLevels) {
  EXPECT_GT(G().size(), 3000u);
  const Division* d = G().ByCode("371003");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->name, "文登区");
  EXPECT_EQ(d->level, 3);
  EXPECT_EQ(d->parent, "371000");
  EXPECT_EQ(G().ByCode("371000")->level, 2);
  EXPECT_EQ(G().ByCode("370000")->level, 1);
  EXPECT_EQ(G().ByCode("999999"), nullptr);
}

TEST(Gazetteer, ProvinceOfCode) {
  EXPECT_EQ(G().ProvinceOf("371003")->name, "山东省");
  EXPECT_EQ(G().ProvinceOf("370000")->name, "山东省");
  // County-level city directly below the province (省直辖县级行政区划).
  EXPECT_EQ(G().ProvinceOf("429005")->name, "湖北省");
  EXPECT_EQ(G().ProvinceOf("653024")->name, "新疆维吾尔自治区");
}

TEST(Gazetteer, MostSpecificPrefersNamedAncestors) {
  EXPECT_EQ(Code("威海市文登区米山镇人民政府"), "371003");
  EXPECT_EQ(Code("江门市蓬江区民政局"), "440703");
  EXPECT_EQ(Code("潜江市高场街道办事处"), "429005");
  EXPECT_EQ(Code("乌恰县乌恰镇人民政府"), "653024");
  EXPECT_EQ(Code("砚山县人民政府办公室"), "532622");
  EXPECT_EQ(ProvinceName("砚山县人民政府办公室"), "云南省");
  EXPECT_EQ(ProvinceName("乌恰县乌恰镇人民政府"), "新疆维吾尔自治区");
}

TEST(Gazetteer, ShortForms) {
  EXPECT_EQ(Code("威海文登"), "371003");
  EXPECT_EQ(Code("威海"), "371000");
  EXPECT_EQ(Code("恩施州民政局"), "422800");
  EXPECT_EQ(Code("长阳土家族自治县人民政府"), "420528");
  EXPECT_EQ(Code("新疆"), "650000");
  EXPECT_EQ(G().ByName("广西").size(), 1u);
}

TEST(Gazetteer, SharedNamesAreResolvedByContextOrMarkedAmbiguous) {
  auto alone = G().MostSpecific("朝阳区人民政府");
  ASSERT_TRUE(alone.has_value());
  EXPECT_TRUE(alone->ambiguous);
  EXPECT_EQ(Code("北京市朝阳区人民政府"), "110105");
  auto in_context = G().MostSpecific("长春市朝阳区人民政府");
  ASSERT_TRUE(in_context.has_value());
  EXPECT_EQ(in_context->division->code, "220104");
  EXPECT_FALSE(in_context->ambiguous);
}

TEST(Gazetteer, NothingNamed) {
  EXPECT_FALSE(G().MostSpecific("高场街道办事处").has_value());
  EXPECT_FALSE(G().MostSpecific("").has_value());
  EXPECT_FALSE(G().MostSpecific("abc").has_value());
}

TEST(Gazetteer, MentionOffsets) {
  const std::string text = "根据威海市文登区的要求";
  auto ms = G().Mentions(text);
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(text.substr(ms[0].begin, ms[0].end - ms[0].begin), "威海市");
  EXPECT_EQ(text.substr(ms[1].begin, ms[1].end - ms[1].begin), "文登区");
}

}  // namespace
}  // namespace xxgk::report
