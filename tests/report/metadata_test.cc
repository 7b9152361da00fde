#include "report/metadata.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "report/normalize.h"
#include "tests/report/random_text.h"

namespace xxgk::report {
namespace {

using xxgk::v1::Report;

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

// Minimal assembly: normalised lines without page chrome or blank lines.
Report FromText(const std::string& raw) {
  Normalized n = NormalizeText(raw);
  std::string text;
  for (absl::string_view line : absl::StrSplit(n.text, '\n')) {
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || IsPageChromeLine(std::string_view(line.data(), line.size()))) continue;
    if (!text.empty()) text += '\n';
    text.append(line.data(), line.size());
  }
  Report r;
  r.set_text(text);
  return r;
}

Report SeedReport(const std::string& prefix) {
  Report r = FromText(ReadSeed(prefix));
  ReadMetadata(&r);
  return r;
}

std::string DateString(const xxgk::v1::Date& d) {
  char buf[16];
  snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year(), d.month(), d.day());
  return buf;
}

TEST(ReadMetadata, Seed000AgencyFromBodyNoDate) {
  Report r = SeedReport("000");
  const auto& m = r.meta();
  EXPECT_EQ(m.title(), "2024年政府信息公开工作年度报告");
  EXPECT_EQ(m.report_year(), 2024);
  EXPECT_EQ(m.agency(), "威海市文登区米山镇人民政府");
  EXPECT_EQ(m.province(), "山东省");
  EXPECT_EQ(m.region_code(), "371003");
  EXPECT_EQ(m.agency_level(), xxgk::v1::TOWNSHIP_GOVERNMENT);
  EXPECT_FALSE(m.has_publish_date()) << DateString(m.publish_date());
  EXPECT_EQ(m.format_version(), xxgk::v1::FORMAT_2021);
  EXPECT_EQ(DateString(m.period_start()), "2024-01-01");
  EXPECT_EQ(DateString(m.period_end()), "2024-12-31");
  int checked = 0;
  for (const auto& ev : m.evidence()) {
    ASSERT_LE(ev.span().end(), r.text().size()) << ev.field();
    const std::string quoted =
        r.text().substr(ev.span().begin(), ev.span().end() - ev.span().begin());
    if (ev.field() == "region_code") {
      EXPECT_EQ(quoted, "文登区");
      ++checked;
    }
    if (ev.field() == "agency") {
      EXPECT_EQ(quoted, "威海市文登区米山镇人民政府");
      ++checked;
    }
  }
  EXPECT_EQ(checked, 2);
  // Every evidence span lies inside the text.
  for (const auto& ev : m.evidence()) {
    EXPECT_LE(ev.span().begin(), ev.span().end()) << ev.field();
    EXPECT_LE(ev.span().end(), r.text().size()) << ev.field();
  }
}

TEST(ReadMetadata, EvidenceSpansQuoteTheTextOnEverySeed) {
  for (const char* seed : {"000", "001", "002", "003", "004"}) {
    Report r = SeedReport(seed);
    EXPECT_GT(r.meta().evidence_size(), 3) << seed;
    for (const auto& ev : r.meta().evidence()) {
      ASSERT_LE(ev.span().begin(), ev.span().end()) << seed << " " << ev.field();
      ASSERT_LE(ev.span().end(), r.text().size()) << seed << " " << ev.field();
      EXPECT_FALSE(ev.method().empty());
    }
  }
}

TEST(ReadMetadata, TitleIsTheDatedReportLineNotANavigationLink) {
  Report r = FromText(
      "首页\n政务公开\n政府信息公开年报\n政府信息公开指南\n"
      "某县民政局2022年政府信息公开工作年度报告\n正文。");
  ReadMetadata(&r);
  EXPECT_EQ(r.meta().title(), "某县民政局2022年政府信息公开工作年度报告");
  EXPECT_EQ(r.meta().report_year(), 2022);
  EXPECT_EQ(r.meta().agency(), "某县民政局");
}

// A title that names the work before the year ("XX局政府信息公开工作2024年度
// 报告"): the agency is the organ before the work, and an organ ending in 政府
// keeps it.
TEST(ReadMetadata, TitleNamingTheWorkBeforeTheYearGivesTheOrganAlone) {
  auto agency = [](const std::string& title) {
    Report r = FromText(title + "\n一、总体情况\n本年度无此类情况。");
    ReadMetadata(&r);
    return r.meta().agency();
  };
  EXPECT_EQ(agency("某县民政局政府信息公开工作2024年度报告"), "某县民政局");
  EXPECT_EQ(agency("某县民政局政务公开工作2024年年度报告"), "某县民政局");
  EXPECT_EQ(agency("某县人民政府信息公开工作2024年度报告"), "某县人民政府");
  EXPECT_EQ(agency("某县人民政府政府信息公开2024年度报告"), "某县人民政府");
  EXPECT_EQ(agency("某县民政局2024年政府信息公开工作年度报告"), "某县民政局");
}

// The metadata of a report titled `title` whose body names the county's
// government (not the township whose report it is).
xxgk::v1::Metadata ReadUnderTitle(const std::string& title) {
  Report r = FromText(title +
                      "\n本报告根据乌恰县人民政府网站公开的信息编制。乌恰县人民政府办公室负责。\n"
                      "一、总体情况\n2024年工作平稳。\n");
  ReadMetadata(&r);
  return r.meta();
}

// Each title read over a body naming the county's government: the agency.
std::vector<std::string> AgenciesUnder(const std::vector<std::string>& titles) {
  std::vector<std::string> out;
  for (const std::string& title : titles) out.push_back(ReadUnderTitle(title).agency());
  return out;
}

// Titles often write the year in numerals (二〇二四年); the organ before or
// after it is the agency, not the organisation the body names most.
TEST(ReadMetadata, ATitleWithItsYearInNumeralsNamesTheAgency) {
  const std::string township = "乌恰县乌恰镇人民政府";
  EXPECT_THAT(AgenciesUnder({"二〇二四年乌恰县乌恰镇人民政府政府信息公开工作年度报告",
                             "二○二四年度乌恰县乌恰镇人民政府政府信息公开工作年度报告",
                             "乌恰县乌恰镇人民政府二零二四年政府信息公开工作年度报告",
                             "乌恰县乌恰镇人民政府关于二〇二四年政府信息公开工作年度报告的公告",
                             "二〇二四年乌恰县乌恰镇人民政府信息公开工作年度报告",
                             "2024年乌恰县乌恰镇人民政府信息公开工作年度报告"}),
              ::testing::Each(township));
  EXPECT_EQ(ReadUnderTitle("二〇二四年乌恰县乌恰镇人民政府政府信息公开工作年度报告").report_year(),
            2024);
  // A title that begins 关于 and names no organ leaves the agency to the
  // body; 关于 is no agency.
  EXPECT_THAT(AgenciesUnder({"关于2024年政府信息公开年报", "关于二〇二四年政府信息公开年报"}),
              ::testing::Each(std::string("乌恰县人民政府")));
}

// Where the year is not before the work the title names, the organ is still
// the title's: in brackets at the end, or before 政府信息公开 when the year
// comes last; brackets or a colon around it are no part of it.
TEST(ReadMetadata, TheTitleNamesItsOrganWhereverItsYearStands) {
  EXPECT_THAT(AgenciesUnder({"乌恰县乌恰镇人民政府政府信息公开工作年度报告（2024年）",
                             "乌恰县乌恰镇人民政府信息公开工作年度报告(2024年度)",
                             "2024年度政府信息公开工作年度报告（乌恰县乌恰镇人民政府）",
                             "【乌恰县乌恰镇人民政府】2024年政府信息公开工作年度报告",
                             "乌恰县乌恰镇人民政府：2024年政府信息公开工作年度报告"}),
              ::testing::Each(std::string("乌恰县乌恰镇人民政府")));
  // Brackets holding no organ's name leave the agency to the body.
  EXPECT_THAT(AgenciesUnder({"政府信息公开工作年度报告（2024年）",
                             "2024年政府信息公开工作年度报告（修订稿）"}),
              ::testing::Each(std::string("乌恰县人民政府")));
}

// A web page may list other agencies' reports above its own title. The
// title is the one whose organ the report's text goes on to name.
TEST(ReadMetadata, ALinkToAnotherReportAboveTheTitleIsNotTheTitle) {
  const std::string own = "砚山县财政局2024年政府信息公开工作年度报告";
  const std::string other = "砚山县教育体育局2024年政府信息公开工作年度报告";
  const std::string body =
      "\n本报告由砚山县财政局编制。\n一、总体情况\n砚山县财政局认真贯彻《条例》。\n";
  Report r = FromText("砚山县人民政府网站 2025年01月20日\n" + other + "\n" + own + "\n" + own + body);
  ReadMetadata(&r);
  EXPECT_EQ(r.meta().title(), own);
  EXPECT_EQ(r.meta().agency(), "砚山县财政局");
  // The first title stays when its organ is named below, or when it names
  // no organ ("2024年政府信息公开工作年度报告" over an information box).
  for (const std::string& first : {std::string("砚山县财政局2024年政府信息公开工作年度报告"),
                                   std::string("2024年政府信息公开工作年度报告")}) {
    Report kept = FromText(first + "\n" + other + body);
    ReadMetadata(&kept);
    EXPECT_EQ(kept.meta().title(), first);
  }
  // A title named in a section below is no candidate: it is the body's.
  Report cited = FromText(other + body + own + "\n");
  ReadMetadata(&cited);
  EXPECT_EQ(cited.meta().title(), other);
}

// A title set large wraps (a PDF's 22-point title on A4): its lines are one
// title, and the agency and year come from it, not from the body.
TEST(ReadMetadata, ATitleWrappedOverTwoLinesIsOneTitle) {
  const std::string body =
      "\n本报告根据乌恰县人民政府网站公开的信息编制。\n一、总体情况\n本年度工作平稳。\n";
  struct Case {
    std::string lines, title, agency;
  };
  for (const Case& c : std::vector<Case>{
           {"乌恰县乌恰镇人民政府2024年政府信息公开工作年度\n报告",
            "乌恰县乌恰镇人民政府2024年政府信息公开工作年度报告", "乌恰县乌恰镇人民政府"},
           {"乌恰县乌恰镇人民政府2024年政府信\n息公开工作年度报告",
            "乌恰县乌恰镇人民政府2024年政府信息公开工作年度报告", "乌恰县乌恰镇人民政府"},
           {"乌恰县乌恰镇人民政府\n2024年政府信息公开工作年度报告",
            "乌恰县乌恰镇人民政府2024年政府信息公开工作年度报告", "乌恰县乌恰镇人民政府"},
           {"乌恰县乌恰镇人民政府\n关于2024年度政府信息公开工作的报告",
            "乌恰县乌恰镇人民政府关于2024年度政府信息公开工作的报告", "乌恰县乌恰镇人民政府"},
       }) {
    Report r = FromText(c.lines + body);
    ReadMetadata(&r);
    EXPECT_EQ(r.meta().title(), c.title) << c.lines;
    EXPECT_EQ(r.meta().agency(), c.agency) << c.lines;
    EXPECT_EQ(r.meta().agency_level(), xxgk::v1::TOWNSHIP_GOVERNMENT) << c.lines;
    EXPECT_EQ(r.meta().report_year(), 2024) << c.lines;
    for (const auto& ev : r.meta().evidence()) {
      if (ev.field() != "title") continue;
      EXPECT_EQ(ev.span().line(), 1u) << c.lines;
      EXPECT_EQ(ev.span().begin(), 0u) << c.lines;
      EXPECT_EQ(ev.span().end(), c.lines.size()) << c.lines;
    }
  }
  // A line above a title that names its organ is not joined to it, nor is
  // one that is no organ's name.
  for (const std::string& lines :
       {std::string("热点信息\n某县民政局2024年政府信息公开工作年度报告"),
        std::string("某县财政局\n某县民政局2024年政府信息公开工作年度报告")}) {
    Report r = FromText(lines + body);
    ReadMetadata(&r);
    EXPECT_EQ(r.meta().title(), "某县民政局2024年政府信息公开工作年度报告") << lines;
    EXPECT_EQ(r.meta().agency(), "某县民政局") << lines;
  }
  // A short line after one about disclosure work that does not complete a
  // report's name stays apart.
  Report n = FromText("某县民政局政府信息公开工作\n通知\n正文。");
  ReadMetadata(&n);
  EXPECT_EQ(n.meta().title(), "");
}

// A page's information box names the title with a label; printed to PDF
// the label may run into the title. The label is no part of title or agency.
TEST(ReadMetadata, TheLabelOfAnInformationBoxIsNoPartOfTheTitle) {
  for (const std::string& line : {std::string("名称乌恰镇人民政府2024年政府信息公开工作年度报告"),
                                  std::string("标题：乌恰镇人民政府2024年政府信息公开工作年度报告"),
                                  std::string("文件名称: 乌恰镇人民政府2024年政府信息公开工作年度报告")}) {
    const std::string text = "索引号 K45899617/2025-00136\n" + line + "\n一、总体情况\n正文。";
    Report r = FromText(text);
    ReadMetadata(&r);
    EXPECT_EQ(r.meta().title(), "乌恰镇人民政府2024年政府信息公开工作年度报告") << line;
    EXPECT_EQ(r.meta().agency(), "乌恰镇人民政府") << line;
    for (const auto& ev : r.meta().evidence()) {
      if (ev.field() == "title") {
        EXPECT_EQ(r.text().substr(ev.span().begin(), ev.span().end() - ev.span().begin()),
                  r.meta().title());
      }
    }
  }
}

// With no title, the organ that signs the report is its agency, rather than
// an organisation the body names in passing ("乌恰县人民政府网站").
TEST(ReadMetadata, WithoutATitleTheSignatureNamesTheAgency) {
  const std::string body =
      "本报告根据乌恰县人民政府网站公开的信息编制。\n一、总体情况\n本年度工作平稳。\n";
  for (const std::string& end : {std::string("乌恰县乌恰镇人民政府\n2025年1月14日"),
                                 std::string("乌恰县乌恰镇人民政府 2025年1月14日")}) {
    Report r = FromText(body + end);
    ReadMetadata(&r);
    EXPECT_EQ(r.meta().agency(), "乌恰县乌恰镇人民政府") << end;
    EXPECT_EQ(r.meta().agency_level(), xxgk::v1::TOWNSHIP_GOVERNMENT) << end;
  }
  // A closing sentence that names an organisation is no signature.
  Report r = FromText(body + "乌恰县乌恰镇人民政府将继续做好公开工作");
  ReadMetadata(&r);
  EXPECT_EQ(r.meta().agency(), "乌恰县人民政府");
}

TEST(ReadMetadata, ASentenceAboutTheReportIsNoTitle) {
  Report r = FromText(
      "根据《中华人民共和国政府信息公开条例》规定编制本报告。本报告中所列数据统计期限为2025年1月1日至12月31日。\n"
      "一、总体情况\n正文。");
  ReadMetadata(&r);
  EXPECT_EQ(r.meta().title(), "");
  EXPECT_EQ(r.meta().report_year(), 2025);  // from the statistics period
}

// County names that are everyday words (共和 in 中华人民共和国, 开平 in
// 公开平台, 振兴 in 乡村振兴, 资源 in 公共资源, 威信 in 权威信息) name no
// region on their own; with the province or city above them they do.
TEST(ReadMetadata, ACountyShortNameAloneInTheTextNamesNoRegion) {
  for (const char* sentence :
       {"根据《中华人民共和国政府信息公开条例》编制。", "加强公开平台建设。", "助力乡村振兴。",
        "推进公共资源配置信息公开。", "及时发布权威信息。"}) {
    Report alone = FromText(std::string("测试市2025年政府信息公开工作年度报告\n") + sentence);
    ReadMetadata(&alone);
    EXPECT_EQ(alone.meta().province(), "") << sentence;
    EXPECT_EQ(alone.meta().region_code(), "") << sentence;
  }

  Report supported = FromText(
      "某局2025年政府信息公开工作年度报告\n本局位于云南省文山州砚山,负责全县公开工作。");
  ReadMetadata(&supported);
  EXPECT_EQ(supported.meta().province(), "云南省");
  EXPECT_EQ(supported.meta().region_code(), "532622");
}

// Page headers that name the publication date with a bare 时间: or 日期:
// (来源:… 时间:2017-01-12 10:01): the date, and a 来源 value that stops
// before the next field; a date named for something else is not it.
TEST(ReadMetadata, BareTimeOrDateHeaderIsThePublishDate) {
  Report a = FromText("某区统计局2016年政府信息公开工作年度报告\n来源:区人民政府办公室 时间:2017-01-12 10:01\n正文。");
  ReadMetadata(&a);
  EXPECT_EQ(DateString(a.meta().publish_date()), "2017-01-12");
  EXPECT_EQ(a.meta().source(), "区人民政府办公室");

  Report b = FromText("某区统计局2023年政府信息公开工作年度报告\n日期:2024-01-15 字体:【大 中 小】\n正文。");
  ReadMetadata(&b);
  EXPECT_EQ(DateString(b.meta().publish_date()), "2024-01-15");

  Report c = FromText("某区统计局2023年政府信息公开工作年度报告\n统计时间:2023年1月1日至12月31日\n正文。");
  ReadMetadata(&c);
  EXPECT_FALSE(c.meta().has_publish_date());
}

// A page header line that starts with the date the page went online and
// goes on with the page's fields; a date alone, or before a weekday (the day
// the page was viewed), or in running text, is no publication date.
TEST(ReadMetadata, HeaderLineStartingWithADateBeforeThePagesFields) {
  // (the body's lines keep the header away from a sign-off at the end)
  auto publish = [](const std::string& header) {
    Report r = FromText(header + "一、总体情况\n正文。\n二、主动公开政府信息情况\n正文。\n三、其他\n正文。\n");
    ReadMetadata(&r);
    return r.meta().has_publish_date() ? DateString(r.meta().publish_date()) : "none";
  };
  EXPECT_EQ(publish("某区民政局2024年政府信息公开工作年度报告\n2025-01-15 09:30 来源:某区民政局 浏览次数:12\n"),
            "2025-01-15");
  EXPECT_EQ(publish("2025/1/16 作者:办公室\n某区民政局2024年政府信息公开工作年度报告\n"), "2025-01-16");
  EXPECT_EQ(publish("某区民政局2024年政府信息公开工作年度报告\n2025-01-15\n"), "none");
  EXPECT_EQ(publish("2023年11月5日 星期天\n某区民政局2024年政府信息公开工作年度报告\n"), "none");
  EXPECT_EQ(publish("某区民政局2024年政府信息公开工作年度报告\n2024-03-01 起实施的办法,来源:省政府。\n"),
            "none");
}

// A catalogue header gives the date the report was written before the date
// it went online; the deadlines are about the second.
TEST(ReadMetadata, PublicationDateWinsOverTheWrittenDate) {
  // The publication date read from `raw`, and by which label.
  auto publish = [](const std::string& raw) {
    Report r = FromText(raw);
    ReadMetadata(&r);
    std::string method;
    for (const auto& ev : r.meta().evidence()) {
      if (ev.field() == "publish_date") method = ev.method();
    }
    return DateString(r.meta().publish_date()) + " " + method;
  };
  EXPECT_EQ(publish("索引号:11440703/2025-00012 | 分类:年报\n发布机构:某区民政局 | 成文日期:2025-01-15\n"
                    "名称:某区民政局2024年政府信息公开工作年度报告\n发布日期:2025-02-05\n正文。"),
            "2025-02-05 发布日期 header");
  // Both on one line, the written date first.
  EXPECT_EQ(publish("某区民政局2024年政府信息公开工作年度报告\n成文日期:2025-01-15 发布时间:2025-02-05\n正文。"),
            "2025-02-05 发布时间 header");
  // A publication label without a readable date leaves the written date.
  EXPECT_EQ(publish("某区民政局2024年政府信息公开工作年度报告\n成文日期:2025-01-15 | 发布日期: |\n正文。"),
            "2025-01-15 成文日期 header");
}

TEST(ReadMetadata, PresetTitleWithoutTitleLine) {
  Report r = FromText("正文没有标题。\n本年度无申请。");
  r.mutable_meta()->set_title("2022年政府信息公开工作年度报告");
  ReadMetadata(&r);
  EXPECT_EQ(r.meta().report_year(), 2022);
}

TEST(ReadMetadata, Seed001PageViewDateIsNotPublication) {
  Report r = SeedReport("001");
  const auto& m = r.meta();
  EXPECT_EQ(m.report_year(), 2017);
  EXPECT_EQ(m.agency(), "阿猛镇人民政府");
  EXPECT_EQ(m.province(), "云南省");
  EXPECT_EQ(m.region_code(), "532622");
  EXPECT_EQ(m.agency_level(), xxgk::v1::TOWNSHIP_GOVERNMENT);
  EXPECT_EQ(DateString(m.publish_date()), "2018-08-21");
  EXPECT_EQ(m.format_version(), xxgk::v1::FORMAT_LEGACY);
  EXPECT_EQ(m.source(), "阿猛镇人民政府");
  EXPECT_EQ(DateString(m.period_start()), "2017-01-01");
  EXPECT_EQ(DateString(m.period_end()), "2017-12-31");
}

TEST(ReadMetadata, Seed002HeaderTable) {
  Report r = SeedReport("002");
  const auto& m = r.meta();
  EXPECT_EQ(m.report_year(), 2024);
  EXPECT_EQ(m.agency(), "乌恰县乌恰镇人民政府");
  EXPECT_EQ(m.province(), "新疆维吾尔自治区");
  EXPECT_EQ(m.region_code(), "653024");
  EXPECT_EQ(m.agency_level(), xxgk::v1::TOWNSHIP_GOVERNMENT);
  EXPECT_EQ(DateString(m.publish_date()), "2025-01-15");
  EXPECT_EQ(m.index_number(), "K45899617/2025-00136");
  EXPECT_EQ(m.source(), "乌恰县乌恰镇人民政府");
  EXPECT_EQ(DateString(m.period_start()), "2024-01-01");
  EXPECT_EQ(DateString(m.period_end()), "2024-12-31");
  bool header_evidence = false;
  for (const auto& ev : m.evidence()) {
    if (ev.field() == "publish_date") {
      header_evidence = ev.method().find("发布日期") != std::string::npos;
      EXPECT_EQ(r.text().substr(ev.span().begin(), ev.span().end() - ev.span().begin()),
                "2025-01-15");
    }
  }
  EXPECT_TRUE(header_evidence);
}

TEST(ReadMetadata, Seed003FullestAgencyFromBody) {
  Report r = SeedReport("003");
  const auto& m = r.meta();
  EXPECT_EQ(m.report_year(), 2024);
  EXPECT_EQ(m.agency(), "潜江市高场街道办事处");
  EXPECT_EQ(m.province(), "湖北省");
  EXPECT_EQ(m.agency_level(), xxgk::v1::STREET_OFFICE);
  EXPECT_FALSE(m.has_publish_date()) << DateString(m.publish_date());
}

TEST(ReadMetadata, Seed004DepartmentAfterChrome) {
  Report r = SeedReport("004");
  const auto& m = r.meta();
  EXPECT_EQ(m.title(), "江门市蓬江区民政局2023年度政府信息公开工作年度报告");
  EXPECT_EQ(m.report_year(), 2023);
  EXPECT_EQ(m.agency(), "江门市蓬江区民政局");
  EXPECT_EQ(m.province(), "广东省");
  EXPECT_EQ(m.region_code(), "440703");
  EXPECT_EQ(m.agency_level(), xxgk::v1::COUNTY_DEPARTMENT);
  EXPECT_FALSE(m.has_publish_date()) << DateString(m.publish_date());
}

TEST(ReadMetadata, SignOffDateAfterAgencyAtTheEnd) {
  Report r = FromText(
      "某县人民政府2020年政府信息公开工作年度报告\n一、总体情况\n本年度工作平稳。\n"
      "砚山县人民政府\n2021年1月20日");
  ReadMetadata(&r);
  EXPECT_EQ(DateString(r.meta().publish_date()), "2021-01-20");
  EXPECT_EQ(r.meta().format_version(), xxgk::v1::FORMAT_2019);
  EXPECT_EQ(r.meta().report_year(), 2020);
}

TEST(ReadMetadata, SignOffOnOneLine) {
  Report r = FromText(
      "某县民政局2020年政府信息公开工作年度报告\n一、总体情况\n本年度工作平稳。\n"
      "某县民政局 2021年1月18日");
  ReadMetadata(&r);
  EXPECT_EQ(DateString(r.meta().publish_date()), "2021-01-18");
  // A dated sentence at the end is no sign-off.
  Report p = FromText("2020年政府信息公开工作年度报告\n正文。\n会议于 2020年5月6日");
  ReadMetadata(&p);
  EXPECT_FALSE(p.meta().has_publish_date());
}

TEST(ReadMetadata, ChineseNumeralSignOffDate) {
  Report r = FromText(
      "2022年度政府信息公开工作年度报告\n正文。\n文山壮族苗族自治州民政局\n二〇二三年一月十四日");
  ReadMetadata(&r);
  EXPECT_EQ(DateString(r.meta().publish_date()), "2023-01-14");
  EXPECT_EQ(r.meta().province(), "云南省");
  EXPECT_EQ(r.meta().agency_level(), xxgk::v1::PREFECTURE_DEPARTMENT);
}

TEST(ReadMetadata, DateInProseIsNotPublication) {
  Report r = FromText("2023年政府信息公开工作年度报告\n2023年11月5日,召开会议。\n其他事项。");
  ReadMetadata(&r);
  EXPECT_FALSE(r.meta().has_publish_date());
}

TEST(ReadMetadata, KeepsTableFormatVersionAndYearsMentioned) {
  Report r = FromText("2018年政府信息公开工作年度报告\n2017年至2018年情况。");
  r.mutable_meta()->set_format_version(xxgk::v1::FORMAT_2021);
  ReadMetadata(&r);
  EXPECT_EQ(r.meta().format_version(), xxgk::v1::FORMAT_2021);
  ASSERT_EQ(r.meta().years_mentioned_size(), 2);
  EXPECT_EQ(r.meta().years_mentioned(0), 2017);
  EXPECT_EQ(r.meta().years_mentioned(1), 2018);
}

TEST(ReadMetadata, EmptyReportLeavesFieldsUnset) {
  Report r;
  ReadMetadata(&r);
  EXPECT_EQ(r.meta().report_year(), 0);
  EXPECT_TRUE(r.meta().agency().empty());
  EXPECT_FALSE(r.meta().has_publish_date());
  EXPECT_EQ(r.meta().format_version(), xxgk::v1::FORMAT_VERSION_UNSPECIFIED);
}

}  // namespace
}  // namespace xxgk::report

namespace xxgk::report {
namespace {

struct Case {
  const char* text;
  const char* agency;
  xxgk::v1::AgencyLevel level;
  const char* province;
  const char* region;
};

TEST(ReadMetadata, AgencyLevelsAndRegions) {
  const Case cases[] = {
      {"广东省人民政府2023年政府信息公开工作年度报告\n正文。", "广东省人民政府",
       xxgk::v1::PROVINCIAL_GOVERNMENT, "广东省", "440000"},
      {"深圳市人民政府2023年政府信息公开工作年度报告\n正文。", "深圳市人民政府",
       xxgk::v1::PREFECTURE_GOVERNMENT, "广东省", "440300"},
      {"北京市朝阳区人民政府2023年政府信息公开工作年度报告\n正文。", "北京市朝阳区人民政府",
       xxgk::v1::COUNTY_GOVERNMENT, "北京市", "110105"},
      {"湖北省民政厅2023年政府信息公开工作年度报告\n正文。", "湖北省民政厅",
       xxgk::v1::PROVINCIAL_DEPARTMENT, "湖北省", "420000"},
      {"砚山县人民政府办公室2022年政府信息公开工作年度报告\n正文。", "砚山县人民政府办公室",
       xxgk::v1::COUNTY_DEPARTMENT, "云南省", "532622"},
      {"2023年度江门市蓬江区民政局政府信息公开工作年度报告\n正文。", "江门市蓬江区民政局",
       xxgk::v1::COUNTY_DEPARTMENT, "广东省", "440703"},
      {"朝阳区人民政府2023年政府信息公开工作年度报告\n本报告由北京市朝阳区人民政府编制。",
       "北京市朝阳区人民政府", xxgk::v1::COUNTY_GOVERNMENT, "北京市", "110105"},
      {"国家税务总局2023年政府信息公开工作年度报告\n深圳市税务局配合。", "国家税务总局",
       xxgk::v1::NATIONAL_DEPARTMENT, "", ""},
      {"江门市蓬江区民政局\n2023年度政府信息公开工作年度报告\n正文。", "江门市蓬江区民政局",
       xxgk::v1::COUNTY_DEPARTMENT, "广东省", "440703"},
      {"2023年度砚山县人民政府政府信息公开工作年度报告\n正文。", "砚山县人民政府",
       xxgk::v1::COUNTY_GOVERNMENT, "云南省", "532622"},
      {"2023年米山镇政府信息公开工作年度报告\n本报告由威海市文登区米山镇人民政府编制。",
       "威海市文登区米山镇人民政府", xxgk::v1::TOWNSHIP_GOVERNMENT, "山东省", "371003"},
      {"恩施州民政局关于2023年度政府信息公开工作年度报告\n正文。", "恩施州民政局",
       xxgk::v1::PREFECTURE_DEPARTMENT, "湖北省", "422800"},
      // a report named for the place alone is its government's
      {"杭州市2023年政府信息公开工作年度报告\n正文。", "杭州市", xxgk::v1::PREFECTURE_GOVERNMENT,
       "浙江省", "330100"},
      {"浙江省杭州市西湖区2023年政府信息公开工作年度报告\n正文。", "浙江省杭州市西湖区",
       xxgk::v1::COUNTY_GOVERNMENT, "浙江省", "330106"},
      // a local office of a vertically managed national agency
      {"国家税务总局杭州市税务局2023年政府信息公开工作年度报告\n正文。", "国家税务总局杭州市税务局",
       xxgk::v1::PREFECTURE_DEPARTMENT, "浙江省", "330100"},
  };
  for (const Case& c : cases) {
    Report r = FromText(c.text);
    ReadMetadata(&r);
    EXPECT_EQ(r.meta().agency(), c.agency) << c.text;
    EXPECT_EQ(r.meta().agency_level(), c.level) << c.text;
    EXPECT_EQ(r.meta().province(), c.province) << c.text;
    EXPECT_EQ(r.meta().region_code(), c.region) << c.text;
    const int year = std::string(c.text).find("2022年") != std::string::npos ? 2022 : 2023;
    EXPECT_EQ(r.meta().report_year(), year) << c.text;
  }
}

// The source field (来源 / 信息来源 on the first 30 lines) is taken from what
// ReadAgency found for its source keys (the same two, then 填报单位) when it
// ran; it reads the lines itself when the agency was given. Both ways give
// the same source and evidence on generated documents with those headers
// (pipe rows and "key:" text) on lines around the 30th.
class SourceHeaders : public xxgk::testing::RandomText {
 public:
  explicit SourceHeaders(uint32_t seed) : RandomText(seed) {}
  std::string Document() {
    std::string out = "2024年某县人民政府政府信息公开工作年度报告\n";
    const int lines = 25 + Below(25);
    for (int i = 0; i < lines; ++i) {
      if (Below(12) == 0) {
        out += Cat({Pick(kHeaders), Pick(kValues), "\n"});
      } else {
        out += Pick(kFiller) + "\n";
      }
    }
    return out;
  }

 private:
  const std::vector<std::string> kHeaders = {
      "来源:", "信息来源: ", "| 来源 | ", "| 信息来源 | ", "填报单位(盖章):", "| 填报单位 | ",
      "| 填报单位(盖章) | ", "发布机构:", "索引号:", "| 来 源 | "};
  const std::vector<std::string> kValues = {"某县人民政府办公室", "某县财政局 |", "本站", "某局",
                                            "某县人民政府 | 来源 | 某局 |"};
  const std::vector<std::string> kFiller = {"一、总体情况", "本年度共公开信息12条。",
                                            "| 1 | 2 | 3 |", "", "地址:某路1号"};
};

TEST(ReadMetadata, SourceFromTheAgencyHeadersEqualsItsOwnReading) {
  int found = 0, late = 0;
  for (uint32_t seed = 1; seed <= 400; ++seed) {
    SourceHeaders gen(seed);
    Report a;
    a.set_text(gen.Document());
    Report b = a;
    b.mutable_meta()->set_agency("给定机关");  // ReadAgency does not run
    ReadMetadata(&a);
    ReadMetadata(&b);
    ASSERT_EQ(a.meta().source(), b.meta().source()) << a.text();
    std::string ea, eb;
    for (const auto& ev : a.meta().evidence()) {
      if (ev.field() == "source") ea = ev.SerializeAsString();
    }
    for (const auto& ev : b.meta().evidence()) {
      if (ev.field() == "source") eb = ev.SerializeAsString();
    }
    ASSERT_EQ(ea, eb) << a.text();
    if (!a.meta().source().empty()) ++found;
    const size_t at = a.text().find("来源");
    if (at != std::string::npos &&
        std::count(a.text().begin(), a.text().begin() + static_cast<long>(at), '\n') >= 30) {
      ++late;
    }
  }
  EXPECT_GT(found, 100);
  EXPECT_GT(late, 10);  // some documents name a source only past line 30
}

}  // namespace
}  // namespace xxgk::report
