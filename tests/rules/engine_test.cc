// Validate(): input handling, waivers, summary, response metadata,
// ListRuleSets, DescribeRule and the snapshot holder.
#include <atomic>
#include <thread>
#include <utility>

#include "absl/strings/match.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "rules/snapshot.h"
#include "rules/snapshot_holder.h"
#include "tests/rules/rules_test_util.h"

namespace xxgk::rules {
namespace {

using testing::Embedded;
using testing::OkReport2021;
using ::testing::HasSubstr;

TEST(EngineTest, NoInputIsInvalidArgument) {
  xxgk::v1::ValidateRequest req;
  auto resp = Validate(*Embedded(), req);
  ASSERT_FALSE(resp.ok());
  EXPECT_EQ(resp.status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(EngineTest, DocumentInputIsParsedFirst) {
  // A structured report sent as a document (text-format bytes).
  xxgk::v1::Report r = OkReport2021();
  testing::SetNumber(&r, "t4.review.total", "99");
  xxgk::v1::ValidateRequest req;
  req.mutable_document()->set_content(r.Utf8DebugString());
  req.mutable_document()->set_file_name("report.textproto");
  auto resp = Validate(*Embedded(), req);
  ASSERT_TRUE(resp.ok()) << resp.status();
  EXPECT_EQ(testing::WithRule(*resp, "T4-A").size(), 1u) << testing::Describe(*resp);
}

TEST(EngineTest, UnknownExplicitRuleSetIsNotFound) {
  xxgk::v1::ValidateRequest req;
  *req.mutable_report() = OkReport2021();
  req.mutable_options()->set_ruleset("no-such-set");
  auto resp = Validate(*Embedded(), req);
  ASSERT_FALSE(resp.ok());
  EXPECT_EQ(resp.status().code(), absl::StatusCode::kNotFound);
}

TEST(EngineTest, WaivedFindingsAreKeptAndCountedApart) {
  xxgk::v1::Report r = OkReport2021();
  testing::SetNumber(&r, "t4.review.total", "99");
  xxgk::v1::ValidateOptions o;
  auto plain = testing::ValidateOk(*Embedded(), r, o);
  ASSERT_EQ(testing::WithRule(plain, "T4-A").size(), 1u);
  const int errors = plain.summary().errors();
  EXPECT_GE(errors, 1);
  o.add_waive("T4-A");
  auto waived = testing::ValidateOk(*Embedded(), r, o);
  auto t4 = testing::WithRule(waived, "T4-A");
  ASSERT_EQ(t4.size(), 1u);
  EXPECT_TRUE(t4[0].waived());
  EXPECT_EQ(waived.summary().errors(), errors - 1);
  EXPECT_EQ(waived.summary().waived(), 1);
}

TEST(EngineTest, ResponseListsAppliedSetsAndMeta) {
  xxgk::v1::ValidateOptions o;
  o.set_include_report(true);
  auto resp = testing::ValidateOk(*Embedded(), OkReport2021(), o);
  ASSERT_GE(resp.rulesets_size(), 2);
  EXPECT_EQ(resp.rulesets(0).id(), "national-common");
  EXPECT_EQ(resp.rulesets(1).id(), "national-2021");
  EXPECT_EQ(resp.rulesets(1).reason(), "national version set for report year 2022 (format 2021)");
  EXPECT_EQ(resp.rulesets(1).content_hash().size(), 64u);
  EXPECT_EQ(resp.meta().report_year(), 2022);
  EXPECT_TRUE(resp.has_report());
  auto without = testing::ValidateOk(*Embedded(), OkReport2021());
  EXPECT_FALSE(without.has_report());
}

TEST(EngineTest, FindingsAreDeterministic) {
  xxgk::v1::Report r = OkReport2021();
  testing::SetNumber(&r, "t3.result.granted.natural_person", "0");
  testing::SetNumber(&r, "t4.review.total", "99");
  auto a = testing::ValidateOk(*Embedded(), r);
  auto b = testing::ValidateOk(*Embedded(), r);
  ASSERT_GT(a.findings_size(), 0);
  EXPECT_EQ(a.SerializeAsString(), b.SerializeAsString());
}

TEST(EngineTest, MissingTablesAndSections) {
  xxgk::v1::Report r;
  r.mutable_meta()->set_report_year(2024);
  auto* s = r.add_sections();
  s->set_kind(xxgk::v1::Section::ACTIVE_DISCLOSURE);
  s->set_heading("二、主动公开政府信息情况");
  auto* note = r.add_notes();
  note->set_kind(xxgk::v1::ReadingNote::TABLE_AS_IMAGE);
  note->set_table("t3");
  note->set_excerpt("三、收到和处理政府信息公开申请情况");
  auto resp = testing::ValidateOk(*Embedded(), r);
  auto missing = testing::WithCategory(resp, xxgk::v1::TABLE_MISSING);
  std::set<std::string> tables;
  for (const auto& f : missing) {
    tables.insert(f.location().table());
    EXPECT_EQ(f.severity(), xxgk::v1::ERROR);
  }
  EXPECT_EQ(tables, (std::set<std::string>{"t2", "t3", "t4"}));
  for (const auto& f : missing) {
    if (f.location().table() == "t2" || f.location().table() == "t3") {
      EXPECT_THAT(f.message(), HasSubstr("图片"));
    }
  }
  // The reading note of the image is not a separate finding.
  EXPECT_TRUE(testing::WithCategory(resp, xxgk::v1::EXTRACTION).empty());
  std::set<int> sections;
  for (const auto& f : testing::WithCategory(resp, xxgk::v1::SECTION_MISSING)) sections.insert(f.location().section());
  EXPECT_EQ(sections.size(), 5u);
  EXPECT_FALSE(sections.count(xxgk::v1::Section::ACTIVE_DISCLOSURE));
}

TEST(EngineTest, ReadingNotesBecomeFindings) {
  xxgk::v1::Report r = OkReport2021();
  auto* n = r.add_notes();
  n->set_kind(xxgk::v1::ReadingNote::MOJIBAKE);
  n->set_excerpt("鍏紑");
  n->mutable_span()->set_begin(10);
  n->mutable_span()->set_end(16);
  auto* u = r.add_notes();
  u->set_kind(xxgk::v1::ReadingNote::UNPLACED_ROW);
  u->set_table("t3");
  u->set_excerpt("其他法律行政止公开");
  auto resp = testing::ValidateOk(*Embedded(), r);
  auto ex = testing::WithCategory(resp, xxgk::v1::EXTRACTION);
  ASSERT_EQ(ex.size(), 1u);
  EXPECT_EQ(ex[0].location().excerpt(), "鍏紑");
  EXPECT_EQ(ex[0].location().span().begin(), 10u);
  auto shape = testing::WithCategory(resp, xxgk::v1::TABLE_SHAPE);
  ASSERT_EQ(shape.size(), 1u);
  EXPECT_THAT(shape[0].message(), HasSubstr("其他法律行政止公开"));
  EXPECT_EQ(shape[0].rule_id(), "READ-1");
}

// A page that only links the report's file (or shows it as images) is one
// ERROR that names the file; the parts and tables it lacks cannot be told
// from parts the report lacks, so they are INFO and not assessable, not
// nine more errors.
TEST(EngineTest, APageWithNoReportTextIsOneErrorNotEveryPartMissing) {
  xxgk::v1::Report r = OkReport2021();
  r.clear_sections();
  r.clear_tables();
  const auto plain = testing::ValidateOk(*Embedded(), r);
  auto* n = r.add_notes();
  n->set_kind(xxgk::v1::ReadingNote::NO_REPORT_TEXT);
  n->set_excerpt("2024年报告.pdf");
  const auto page = testing::ValidateOk(*Embedded(), r);
  for (const auto& [resp, no_text] : {std::pair{&plain, false}, std::pair{&page, true}}) {
    const auto sections = testing::WithCategory(*resp, xxgk::v1::SECTION_MISSING);
    const auto tables = testing::WithCategory(*resp, xxgk::v1::TABLE_MISSING);
    EXPECT_EQ(sections.size(), 6u);
    EXPECT_EQ(tables.size(), 3u);
    for (const auto* list : {&sections, &tables}) {
      for (const auto& f : *list) {
        EXPECT_EQ(f.status(), no_text ? xxgk::v1::Finding::NOT_ASSESSABLE : xxgk::v1::Finding::FAIL)
            << f.rule_id();
        EXPECT_EQ(f.severity(), no_text ? xxgk::v1::INFO : xxgk::v1::ERROR) << f.rule_id();
        EXPECT_EQ(absl::StrContains(f.message(), "页面没有报告正文"), no_text) << f.message();
      }
    }
  }
  std::vector<xxgk::v1::Finding> read;
  for (const auto& f : page.findings()) {
    if (f.category() == xxgk::v1::EXTRACTION) read.push_back(f);
  }
  ASSERT_EQ(read.size(), 1u);
  EXPECT_EQ(read[0].rule_id(), "READ-2");
  EXPECT_EQ(read[0].severity(), xxgk::v1::ERROR);
  EXPECT_EQ(read[0].location().excerpt(), "2024年报告.pdf");
  EXPECT_EQ(page.summary().errors(), 1);
}

// A PDF whose pages are pictures (a scan) is one ERROR asking for the report
// as text; what it lacks is not assessable, said in words about the file.
TEST(EngineTest, AFileWithNoTextLayerIsOneErrorAskingForText) {
  xxgk::v1::Report r = OkReport2021();
  r.clear_sections();
  r.clear_tables();
  auto* n = r.add_notes();
  n->set_kind(xxgk::v1::ReadingNote::NO_TEXT_LAYER);
  n->set_message("the PDF file has no text layer: its 3 pages are pictures (a scan)");
  const auto resp = testing::ValidateOk(*Embedded(), r);
  EXPECT_EQ(resp.summary().errors(), 1);
  const auto read = testing::WithCategory(resp, xxgk::v1::EXTRACTION);
  ASSERT_EQ(read.size(), 1u);
  EXPECT_EQ(read[0].rule_id(), "READ-2");
  EXPECT_THAT(read[0].message(), HasSubstr("扫描件"));
  EXPECT_THAT(read[0].message_en(), HasSubstr("its 3 pages are pictures"));
  const auto sections = testing::WithCategory(resp, xxgk::v1::SECTION_MISSING);
  ASSERT_EQ(sections.size(), 6u);
  for (const auto& f : sections) {
    EXPECT_EQ(f.status(), xxgk::v1::Finding::NOT_ASSESSABLE) << f.rule_id();
    EXPECT_THAT(f.message(), HasSubstr("文档中没有可读取的报告文字"));
  }
}

TEST(EngineTest, AFoldedReadingNoteSaysHowManyPlacesItStandsFor) {
  xxgk::v1::Report r = OkReport2021();
  auto* n = r.add_notes();
  n->set_kind(xxgk::v1::ReadingNote::INVALID_BYTES);
  n->set_excerpt("FF");
  n->set_more_places(1234);
  auto* plain = r.add_notes();
  plain->set_kind(xxgk::v1::ReadingNote::INVALID_BYTES);
  plain->set_excerpt("FE");
  auto ex = testing::WithCategory(testing::ValidateOk(*Embedded(), r), xxgk::v1::EXTRACTION);
  ASSERT_EQ(ex.size(), 2u);
  if (ex[0].location().excerpt() != "FF") std::swap(ex[0], ex[1]);
  ASSERT_EQ(ex[0].location().excerpt(), "FF");
  EXPECT_THAT(ex[0].message(), HasSubstr("“FF”（另有1234处同类问题，未逐一列出）"));
  EXPECT_THAT(ex[0].message_en(), HasSubstr("\"FF\" (and 1234 more like it, not listed one by one)"));
  EXPECT_THAT(ex[1].message(), ::testing::Not(HasSubstr("另有")));
  EXPECT_THAT(ex[1].message_en(), ::testing::Not(HasSubstr("more like it")));
}

TEST(EngineTest, ListAndDescribe) {
  auto sets = ListRuleSets(*Embedded());
  std::set<std::string> ids;
  for (const auto& s : sets) {
    ids.insert(s.id());
    EXPECT_EQ(s.content_hash().size(), 64u);
    EXPECT_GT(s.rule_count(), 0);
  }
  EXPECT_TRUE(ids.count("national-2021"));
  // Parents are listed before their children; the national root first.
  ASSERT_FALSE(sets.empty());
  EXPECT_EQ(sets[0].id(), "national-common");
  std::set<std::string> listed;
  for (const auto& s : sets) {
    if (!s.extends().empty()) {
      EXPECT_TRUE(listed.count(s.extends())) << s.id();
    }
    listed.insert(s.id());
  }
  auto d = DescribeRule(*Embedded(), "T3-A", "");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->rule().id(), "T3-A");
  EXPECT_FALSE(d->rule().description().empty());
  EXPECT_FALSE(d->rule().example().empty());
  auto d19 = DescribeRule(*Embedded(), "T3-C", "national-2019");
  ASSERT_TRUE(d19.ok());
  EXPECT_EQ(d19->ruleset_id(), "national-2019");
  EXPECT_EQ(DescribeRule(*Embedded(), "NOPE", "").status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(DescribeRule(*Embedded(), "T3-A", "nope").status().code(), absl::StatusCode::kNotFound);
}

TEST(EngineTest, HolderSwapsWhileReadersKeepTheirSnapshot) {
  SnapshotHolder holder;
  EXPECT_EQ(holder.Get(), nullptr);
  holder.Set(Embedded());
  auto first = holder.Get();
  auto second = LoadSnapshot("");
  ASSERT_TRUE(second.ok());
  std::atomic<bool> stop{false};
  std::atomic<int> reads{0};
  std::thread reader([&] {
    while (!stop) {
      auto s = holder.Get();
      ASSERT_NE(s, nullptr);
      ++reads;
    }
  });
  // Keep swapping until the reader has seen many swaps (bounded).
  for (int i = 0; i < 10000000 && reads.load() < 1000; ++i) holder.Set(i % 2 ? first : *second);
  stop = true;
  reader.join();
  EXPECT_GT(reads.load(), 0);
  EXPECT_EQ(first->content_hash(), (*second)->content_hash());
}

}  // namespace
}  // namespace xxgk::rules
