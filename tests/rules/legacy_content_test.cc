// The pre-2019 content rules LSEC-1..6 (the six content items, recognised by
// content) and L-TABLE (the statistics table), and the whole-catalogue
// property that a report meeting every requirement gets nothing above INFO.
#include "gtest/gtest.h"
#include "tests/rules/catalogue_test_util.h"

namespace xxgk::rules::testing {
namespace {

using xxgk::v1::Section;

xxgk::v1::Report LegacyReport() {
  xxgk::v1::Report r;
  auto* m = r.mutable_meta();
  m->set_title("某县民政局2016年政府信息公开工作年度报告");
  m->set_report_year(2016);
  m->set_agency_level(xxgk::v1::COUNTY_DEPARTMENT);
  m->set_format_version(xxgk::v1::FORMAT_LEGACY);
  m->mutable_publish_date()->set_year(2017);
  m->mutable_publish_date()->set_month(3);
  m->mutable_publish_date()->set_day(10);
  const struct {
    Section::Kind kind;
    const char* heading;
    const char* text;
  } parts[] = {
      {Section::GENERAL, "一、概述", "2016年，我局认真贯彻《条例》，扎实推进政府信息公开工作。"},
      {Section::ACTIVE_DISCLOSURE, "二、主动公开政府信息情况", "2016年共主动公开政府信息120条。"},
      {Section::APPLICATIONS, "三、依申请公开政府信息情况", "2016年未收到政府信息公开申请。"},
      {Section::FEES, "四、政府信息公开收费及减免情况", "2016年未收取任何费用。"},
      {Section::REVIEW_LITIGATION, "五、行政复议、行政诉讼情况", "2016年未发生行政复议和行政诉讼。"},
      {Section::PROBLEMS, "六、存在的主要问题及改进措施",
       "存在的问题是公开内容不够全面，更新不够及时；2017年将加强培训，完善制度，改进公开方式。"},
  };
  int n = 0;
  for (const auto& p : parts) {
    Section* s = r.add_sections();
    s->set_kind(p.kind);
    s->set_heading(p.heading);
    s->set_number(++n);
    s->set_level(1);
    s->set_text(p.text);
  }
  SetNumber(&r, "legacy.active.total", "120");
  SetNumber(&r, "legacy.active.channel.website", "120");
  SetNumber(&r, "legacy.applications.received", "0");
  r.mutable_tables()->mutable_legacy()->mutable_info()->set_found(true);
  r.mutable_tables()->mutable_legacy()->mutable_info()->set_layout(xxgk::v1::FORMAT_LEGACY);
  return r;
}

TEST(LegacyContentRules, CompleteLegacyReportIsClean) {
  auto resp = Check(LegacyReport());
  EXPECT_LE(MaxSeverity(resp), xxgk::v1::INFO) << Describe(resp);
}

TEST(LegacyContentRules, EachMissingContentItemIsReported) {
  const char* ids[] = {"LSEC-1", "LSEC-2", "LSEC-3", "LSEC-4", "LSEC-5", "LSEC-6"};
  const Section::Kind kinds[] = {Section::GENERAL, Section::ACTIVE_DISCLOSURE, Section::APPLICATIONS,
                                 Section::REVIEW_LITIGATION, Section::FEES, Section::PROBLEMS};
  for (int i = 0; i < 6; ++i) {
    auto r = LegacyReport();
    for (int j = 0; j < r.sections_size(); ++j) {
      if (r.sections(j).kind() == kinds[i]) r.mutable_sections()->DeleteSubrange(j, 1);
    }
    auto found = WithRule(Check(r), ids[i]);
    ASSERT_EQ(found.size(), 1u) << ids[i];
    EXPECT_EQ(found[0].category(), xxgk::v1::SECTION_MISSING);
    EXPECT_EQ(found[0].severity(), xxgk::v1::WARNING);
  }
}

TEST(LegacyContentRules, StatisticsTableMissing) {
  auto r = LegacyReport();
  r.clear_tables();
  auto found = WithRule(Check(r), "L-TABLE");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].category(), xxgk::v1::TABLE_MISSING);
}

TEST(WholeCatalogue, ReportMeetingEveryRequirementGetsNothingAboveInfo) {
  auto r = OkReport2021();
  AddFact(&r, "applications.received", "390", "件", "本年新收政府信息公开申请390件");
  AddFact(&r, "applications.carried_over", "5", "件", "上年结转5件");
  AddFact(&r, "review.total", "5", "件", "被申请行政复议5件");
  AddFact(&r, "litigation.total", "5", "件", "提起行政诉讼5件");
  AddFact(&r, "rules.issued", "2", "件", "本年制发规章2件");
  AddFact(&r, "normative_documents.issued", "12", "件", "行政规范性文件12件");
  AddFact(&r, "fees.info_processing", "0", "元", "未收取信息处理费")->set_claim("none");
  auto resp = Check(r);
  EXPECT_LE(MaxSeverity(resp), xxgk::v1::INFO) << Describe(resp);
  // The same for a county government, which also states the accountability results.
  r.mutable_meta()->set_agency_level(xxgk::v1::COUNTY_GOVERNMENT);
  SectionOf(&r, Section::GENERAL)->mutable_text()->append("政务公开工作纳入年度绩效考核，社会评议良好，未发生责任追究。");
  resp = Check(r);
  EXPECT_LE(MaxSeverity(resp), xxgk::v1::INFO) << Describe(resp);
}

}  // namespace
}  // namespace xxgk::rules::testing
