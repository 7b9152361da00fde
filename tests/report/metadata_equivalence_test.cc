// Pins report/metadata.cc to a golden file: for varied generated headers,
// titles, dates and periods (seeds 1-120, normalized and raw),
// tests/report/fixtures/golden/metadata_generated_headers.txt holds the
// metadata and evidence read, one line per document. The fast paths (literal
// and byte pre-checks ahead of the header, date and period regexes, the
// years-mentioned scan without a regex) were first checked equal to the
// general implementation they replaced on these generators; the file pins
// that behaviour. The generator draws in a fixed order (see Cat), so every
// compiler builds the same documents. After an intended behaviour change,
// re-record it and review the diff:
//   XXGK_UPDATE_GOLDEN=1 build/tests/report_test --gtest_filter='MetadataEquivalence.*'
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "report/metadata.h"
#include "report/normalize.h"
#include "tests/report/golden.h"
#include "tests/report/random_text.h"

namespace xxgk::report {
namespace {

using xxgk::v1::Report;

class HeaderGenerator : public xxgk::testing::RandomText {
 public:
  explicit HeaderGenerator(uint32_t seed) : RandomText(seed) {}

  std::string Document() {
    std::string out;
    const int n = 6 + Below(20);
    for (int i = 0; i < n; ++i) {
      switch (Below(12)) {
        case 0: out += Title(); break;
        case 1: out += Header(); break;
        case 2: out += PipeHeader(); break;
        case 3: out += Cat({Pick(kDateLabels), Pick(kSpaces), Pick(kColons), Pick(kSpaces), Date()}); break;
        case 4: out += Cat({Pick(kPeriodWords), Period(), Pick(kProse)}); break;
        case 5: out += Cat({Pick(kAgencies), Pick(kSpaces), Date()}); break;
        case 6: out += Date(); break;
        case 7: out += Pick(kAgencies); break;
        case 8: out += Cat({"| ", Pick(kProse), " | ", std::to_string(Below(500)), " |"}); break;
        default: out += Prose(); break;
      }
      out += Below(8) == 0 ? "\n\n" : "\n";
    }
    return out;
  }

 private:

  std::string Year() {
    switch (Below(6)) {
      case 0: return "二〇二" + Pick({"三", "四", "一"});
      case 1: return std::to_string(1985 + Below(130));
      case 2: return "１２０２４";
      default: return std::to_string(2019 + Below(7));
    }
  }
  std::string Num(int max) {
    const int v = 1 + Below(max);
    if (Below(4) == 0) return Pick({"一", "二", "十", "十二", "三十一", "十五", "二十"});
    return std::to_string(v);
  }
  std::string Date() {
    const std::string sep = Pick({"年", "-", "/", ".", " 年 "});
    const std::string sep2 = sep == "年" || sep == " 年 " ? "月" : sep;
    return Cat({Year(), sep, Num(13), sep2, Num(32), sep2 == "月" ? "日" : ""});
  }
  std::string Period() {
    const std::string y = Year();
    return Cat({y, Pick(kSpaces), "年1月", Pick({"1日", ""}), Pick({"起", ""}),
                Pick({"至", "到", "-", "—", "~"}), Pick({y + "年", ""}), Pick({"12", "6", "十二"}),
                "月", Pick({"31日", "30日", ""}), Pick({"止", ""})});
  }
  std::string Title() {
    return Cat({Pick({"", "关于"}),
                Pick({Year() + "年", Cat({Year(), Pick(kSpaces), "年度"}), ""}),
                Pick({"", Pick(kAgencies)}),
                Pick({"政府信息公开工作年度报告", "政府信息公开年报", "信息公开工作年度报告", "工作总结"})});
  }
  std::string Header() {
    return Cat({Pick(kKeys), Pick(kSpaces), Pick(kColons), Pick(kSpaces),
                Pick({Pick(kAgencies), "ABC-2024-0001", "001234567/2024-00012"}),
                Pick({"", " ", "浏览次数:12", "发布日期:2024-01-02", "作者:张三", "分享"})});
  }
  std::string PipeHeader() {
    std::string key = Pick(kKeys);
    if (Below(3) == 0) {
      std::string spaced;
      for (size_t i = 0; i < key.size(); i += 3) spaced += key.substr(i, 3) + " ";
      key = spaced;
    }
    return Cat({"| ", key, Pick({"", ":", " :", "::", ": ", " : :"}), " | ", Pick(kAgencies), " | ",
                Pick(kKeys), " | ", Date(), " |"});
  }
  std::string Prose() {
    std::string s;
    const int n = 1 + Below(4);
    for (int i = 0; i < n; ++i) {
      s += Pick(kProse);
      if (Below(2)) s += Cat({Year(), Pick({"年", " 年", "\t年", "年度", "", "\u3000年"})});
      if (Below(3) == 0) s += Pick(kAgencies);
      s += Pick({",", "。", ":", ";"});
    }
    return s;
  }

  const std::vector<std::string> kAgencies = {
      "威海市文登区米山镇人民政府", "潜江市高场街道办事处", "高场街道办事处", "文登区交通运输局",
      "山东省人民政府办公厅", "国家统计局", "北京市朝阳区人民政府", "阿猛镇", "某县民政局",
      "杭州市西湖区卫生健康局", "广州市天河区人民政府", "服务大局", "中华人民共和国国务院",
      "米山鎮人民政府", "深圳市前海管理局"};
  const std::vector<std::string> kKeys = {"发布机构", "发文机关", "发布单位", "来源", "信息来源",
                                          "填报单位(盖章)", "填报单位", "索引号", "发布日期"};
  const std::vector<std::string> kDateLabels = {"发布日期", "发布时间", "成文日期", "发文日期",
                                                "印发日期", "公开日期", "发布于", "更新日期"};
  const std::vector<std::string> kColons = {":", "", "|"};
  const std::vector<std::string> kSpaces = {"", " ", "  ", "\t"};
  const std::vector<std::string> kPeriodWords = {"本报告统计期限为", "数据统计时限自", "", "从",
                                                 "期限"};
  const std::vector<std::string> kProse = {
      "本报告由本机关编制", "全年共收到申请", "报告中所列数据", "根据条例要求",
      "2024年度工作要点", "进一步加强政务公开", "电话:0631-8871088", "地址:中兴路49号"};
};

// The metadata on one line, strings in UTF-8 (the golden files stay small).
std::string Dump(const Report& r) {
  google::protobuf::TextFormat::Printer printer;
  printer.SetSingleLineMode(true);
  printer.SetUseUtf8StringEscaping(true);
  std::string out;
  printer.PrintToString(r.meta(), &out);
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

TEST(MetadataEquivalence, GeneratedHeadersReadTheSameMetadataAsTheGeneralImplementation) {
  int with_agency = 0, with_date = 0, with_period = 0;
  xxgk::testing::GoldenCases cases;
  for (uint32_t seed = 1; seed <= 120; ++seed) {
    HeaderGenerator gen(seed);
    const std::string raw = gen.Document();
    for (const bool normalized : {true, false}) {
      Report got;
      got.set_text(normalized ? NormalizeText(raw).text : raw);
      ReadMetadata(&got);
      cases.emplace_back(absl::StrCat("seed ", seed, normalized ? " normalized" : " raw"),
                         Dump(got));
      with_agency += !got.meta().agency().empty();
      with_date += got.meta().has_publish_date();
      with_period += got.meta().has_period_start();
    }
  }
  EXPECT_TRUE(xxgk::testing::MatchesGolden("metadata_generated_headers", cases));
  // The generator does reach each reader.
  EXPECT_GT(with_agency, 100);
  EXPECT_GT(with_date, 50);
  EXPECT_GT(with_period, 20);
}

}  // namespace
}  // namespace xxgk::report
