#include "rules/labels.h"

#include "gtest/gtest.h"
#include "report/cell_keys.h"

namespace xxgk::rules {
namespace {

TEST(LabelsTest, CellInTheFormatsOwnWords) {
  EXPECT_EQ(CellLabel("t3.result.denied.state_secret.natural_person", Lang::kZh),
            "表三 · （三）不予公开 · 1.属于国家秘密 · 自然人列");
  EXPECT_EQ(CellLabel("t3.result.denied.state_secret.natural_person", Lang::kEn),
            "Table 3 · (3) Not disclosed · 1. State secret · natural persons");
  EXPECT_EQ(CellLabel("t3.new_received.total", Lang::kZh), "表三 · 一、本年新收政府信息公开申请数量 · 总计列");
  EXPECT_EQ(CellLabel("t3.result.other.natural_person", Lang::kZh), "表三 · （六）其他处理 · 自然人列");
  EXPECT_EQ(CellLabel("t4.review.total", Lang::kZh), "表四 · 行政复议 · 总计");
  EXPECT_EQ(CellLabel("t2.fees.amount_wan_yuan", Lang::kZh), "表二 · 行政事业性收费 · 本年收费金额（单位：万元）");
  EXPECT_EQ(CellLabel("legacy.active.channel.website", Lang::kZh),
            "统计表 · 一、主动公开情况 · （二）通过不同渠道和方式公开政府信息的情况 · 2.政府网站公开政府信息数");
  EXPECT_EQ(CellLabel("legacy.review.total", Lang::kZh), "统计表 · 四、行政复议数量 · 总数");
}

TEST(LabelsTest, PlaceSharedByKeys) {
  EXPECT_EQ(PlaceOfKeys({"t3.new_received.natural_person", "t3.carried_over.natural_person",
                         "t3.result.total.natural_person", "t3.carried_forward.natural_person"},
                        Lang::kZh),
            "表三 · 自然人列");
  EXPECT_EQ(PlaceOfKeys({"t3.new_received.total", "t3.new_received.natural_person"}, Lang::kZh),
            "表三 · 一、本年新收政府信息公开申请数量");
  EXPECT_EQ(PlaceOfKeys({"t4.review.total", "t4.review.upheld"}, Lang::kEn), "Table 4 · Administrative review");
  EXPECT_EQ(PlaceOfKeys({}, Lang::kZh), "");
}

TEST(LabelsTest, EveryCellKeyHasALabel) {
  // A label that fell back to a key component would show snake_case.
  for (const std::string& key : report::AllCellKeys()) {
    const std::string zh = CellLabel(key, Lang::kZh);
    EXPECT_EQ(zh.find_first_of("abcdefghijklmnopqrstuvwxyz_"), std::string::npos) << key << " → " << zh;
    const std::string en = CellLabel(key, Lang::kEn);
    EXPECT_EQ(en.find('_'), std::string::npos) << key << " → " << en;
  }
  EXPECT_EQ(SectionLabel(xxgk::v1::Section::PROBLEMS, Lang::kZh), "五、存在的主要问题及改进情况");
  EXPECT_EQ(FormatLabel(xxgk::v1::FORMAT_2019, Lang::kEn), "2019 format");
}

}  // namespace
}  // namespace xxgk::rules
