// Rule-file errors: each names the file and line, nothing is skipped.
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "rules/loader.h"
#include "rules/snapshot.h"
#include "rules/validator.h"

namespace xxgk::rules {
namespace {

using ::testing::HasSubstr;

// A minimal valid rule set with one identity rule.
constexpr char kRoot[] = R"pb(id: "root"
version: "1"
selector { formats: FORMAT_2021 }
rules {
  id: "R-1"
  title: "t"
  severity: ERROR
  category: ARITHMETIC basis { citation: "t" evidence: SEEN }
  sum_identity {
    lhs: "t4.review.total"
    rhs: "t4.review.upheld"
  }
}
)pb";

absl::Status Load(std::vector<SourceFile> files) {
  auto s = CompileSnapshot(files);
  return s.ok() ? absl::OkStatus() : s.status();
}

std::string Message(const absl::Status& s) { return std::string(s.message()); }

TEST(LoaderTest, ValidSetLoads) {
  auto s = CompileSnapshot({{"root.textproto", kRoot}});
  ASSERT_TRUE(s.ok()) << s.status();
  ASSERT_EQ((*s)->sets().size(), 1u);
  EXPECT_EQ((*s)->sets()[0].effective.size(), 1u);
  EXPECT_EQ((*s)->content_hash().size(), 64u);
}

TEST(LoaderTest, SyntaxErrorNamesFileAndLine) {
  auto st = Load({{"bad.textproto", "id: \"x\"\nrules {\n  id: \"A\"\n  severity: ERROR\n"}});
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(st), HasSubstr("bad.textproto:5:"));
}

TEST(LoaderTest, UnknownCheckKindIsAnError) {
  const std::string text = "id: \"x\"\nselector { formats: FORMAT_2021 }\nrules {\n  id: \"A\"\n  severity: ERROR\n"
                           "  category: ARITHMETIC basis { citation: \"t\" evidence: SEEN }\n  magic_check { }\n}\n";
  auto st = Load({{"kind.textproto", text}});
  ASSERT_FALSE(st.ok());
  EXPECT_THAT(Message(st), HasSubstr("kind.textproto:7:"));
  EXPECT_THAT(Message(st), HasSubstr("magic_check"));
}

TEST(LoaderTest, RuleWithoutCheckIsAnError) {
  const std::string text = "id: \"x\"\nrules {\n  id: \"A\"\n  severity: ERROR\n  category: ARITHMETIC basis { citation: \"t\" evidence: SEEN }\n}\n";
  auto st = Load({{"nocheck.textproto", text}});
  ASSERT_FALSE(st.ok());
  EXPECT_THAT(Message(st), HasSubstr("nocheck.textproto:2: rule \"A\": rule has no check"));
}

TEST(LoaderTest, UnknownEnumValueIsAnError) {
  const std::string text = "id: \"x\"\nrules {\n  id: \"A\"\n  severity: FATAL\n}\n";
  auto st = Load({{"enum.textproto", text}});
  ASSERT_FALSE(st.ok());
  // The parser places the error at the token after the bad value.
  EXPECT_THAT(Message(st), HasSubstr("enum.textproto:5:"));
  EXPECT_THAT(Message(st), HasSubstr("FATAL"));
}

TEST(LoaderTest, DuplicateRuleIdsInOneSet) {
  std::string text = kRoot;
  text += "rules {\n  id: \"R-1\"\n  severity: ERROR\n  category: ARITHMETIC basis { citation: \"t\" evidence: SEEN }\n"
          "  sum_identity { lhs: \"t4.review.total\" rhs: \"t4.review.pending\" }\n}\n";
  auto st = Load({{"dup.textproto", text}});
  ASSERT_FALSE(st.ok());
  EXPECT_THAT(Message(st), HasSubstr("dup.textproto:14: duplicate rule id \"R-1\" (first defined at line 4)"));
}

TEST(LoaderTest, DuplicateRuleIdAgainstParentNeedsOverride) {
  const std::string child = "id: \"child\"\nextends: \"root\"\nrules {\n  id: \"R-1\"\n  severity: WARNING\n"
                            "  category: ARITHMETIC basis { citation: \"t\" evidence: SEEN }\n  sum_identity { lhs: \"t4.review.total\" rhs: \"t4.review.other\" }\n}\n";
  auto st = Load({{"root.textproto", kRoot}, {"child.textproto", child}});
  ASSERT_FALSE(st.ok());
  EXPECT_THAT(Message(st), HasSubstr("child.textproto:3: rule id \"R-1\" is already defined by set \"root\""));
}

TEST(LoaderTest, DuplicateSetIds) {
  auto st = Load({{"a.textproto", kRoot}, {"b.textproto", kRoot}});
  ASSERT_FALSE(st.ok());
  EXPECT_THAT(Message(st), HasSubstr("b.textproto:1: duplicate rule set id \"root\" (also defined in a.textproto:1)"));
}

TEST(LoaderTest, UnknownCellKey) {
  std::string text = kRoot;
  text.replace(text.find("t4.review.upheld"), 16, "t4.review.upheldd");
  auto st = Load({{"key.textproto", text}});
  ASSERT_FALSE(st.ok());
  EXPECT_THAT(Message(st),
              HasSubstr("key.textproto:4: rule \"R-1\": sum_identity.rhs[0]: unknown cell key \"t4.review.upheldd\""));
}

TEST(LoaderTest, WildcardMatchingNothingIsAnError) {
  const std::string text = "id: \"x\"\nrules {\n  id: \"V\"\n  severity: ERROR\n  category: VALUE_INVALID basis { citation: \"t\" evidence: SEEN }\n"
                           "  value_check { cells: \"t9.*.*\" }\n}\n";
  auto st = Load({{"w.textproto", text}});
  ASSERT_FALSE(st.ok());
  EXPECT_THAT(Message(st), HasSubstr("w.textproto:2: rule \"V\": value_check.cells[0]: unknown cell key \"t9.*.*\""));
}

TEST(LoaderTest, UndefinedTemplateVariable) {
  const std::string text = "id: \"x\"\nrules {\n  id: \"S\"\n  severity: ERROR\n  category: ARITHMETIC basis { citation: \"t\" evidence: SEEN }\n"
                           "  sum_identity { lhs: \"t4.{b}.total\" rhs: \"t4.review.other\" }\n}\n";
  auto st = Load({{"t.textproto", text}});
  ASSERT_FALSE(st.ok());
  EXPECT_THAT(Message(st), HasSubstr("t.textproto:2: rule \"S\": sum_identity.lhs[0]: template variable {b}"));
}

TEST(LoaderTest, ImpossibleParameters) {
  const std::string empty_lhs = "id: \"x\"\nrules {\n  id: \"S\"\n  severity: ERROR\n  category: ARITHMETIC basis { citation: \"t\" evidence: SEEN }\n"
                                "  sum_identity { rhs: \"t4.review.other\" }\n}\n";
  EXPECT_THAT(Message(Load({{"e.textproto", empty_lhs}})), HasSubstr("e.textproto:2: rule \"S\": sum_identity.lhs: empty"));
  const std::string bad_max = "id: \"x\"\nrules {\n  id: \"V\"\n  severity: ERROR\n  category: VALUE_INVALID basis { citation: \"t\" evidence: SEEN }\n"
                              "  value_check { cells: \"t4.*.*\" max_value: \"lots\" }\n}\n";
  EXPECT_THAT(Message(Load({{"m.textproto", bad_max}})), HasSubstr("m.textproto:2: rule \"V\": value_check.max_value"));
  const std::string no_kind = "id: \"x\"\nrules {\n  id: \"S\"\n  severity: ERROR\n  category: SECTION_MISSING basis { citation: \"t\" evidence: SEEN }\n"
                              "  required_section { }\n}\n";
  EXPECT_THAT(Message(Load({{"k.textproto", no_kind}})), HasSubstr("k.textproto:2: rule \"S\": required_section.kind"));
  const std::string bad_table = "id: \"x\"\nrules {\n  id: \"T\"\n  severity: ERROR\n  category: TABLE_MISSING basis { citation: \"t\" evidence: SEEN }\n"
                                "  required_table { table: \"t5\" }\n}\n";
  EXPECT_THAT(Message(Load({{"t.textproto", bad_table}})), HasSubstr("t.textproto:2: rule \"T\": required_table.table"));
  const std::string years = "id: \"x\"\nrules {\n  id: \"Y\"\n  severity: ERROR\n  category: SECTION_MISSING basis { citation: \"t\" evidence: SEEN }\n"
                            "  applies_when { min_year: 2022 max_year: 2020 }\n  required_section { kind: GENERAL }\n}\n";
  EXPECT_THAT(Message(Load({{"y.textproto", years}})), HasSubstr("y.textproto:2: rule \"Y\": applies_when: impossible year range"));
  const std::string unconfirmed = "id: \"x\"\nrules {\n  id: \"U\"\n  severity: ERROR\n  category: SECTION_MISSING\n"
                                  "  basis { citation: \"c\" evidence: UNCONFIRMED }\n  required_section { kind: GENERAL }\n}\n";
  EXPECT_THAT(Message(Load({{"u.textproto", unconfirmed}})), HasSubstr("u.textproto:2: rule \"U\": a rule built on [U]"));
  const std::string both = "id: \"x\"\nrules {\n  id: \"N\"\n  severity: ERROR\n  category: EXTRACTION\n"
                           "  basis { citation: \"c\" evidence: SEEN }\n"
                           "  reading_notes { kinds: MOJIBAKE except: MOJIBAKE }\n}\n";
  EXPECT_THAT(Message(Load({{"n.textproto", both}})),
              HasSubstr("n.textproto:2: rule \"N\": reading_notes.except[0]: MOJIBAKE is also in kinds"));
}

TEST(LoaderTest, EveryRuleNeedsACitedBasisWithAnEvidenceLevel) {
  const std::string head = "id: \"x\"\nrules {\n  id: \"B\"\n  severity: WARNING\n  category: SECTION_MISSING\n";
  const std::string tail = "  required_section { kind: GENERAL }\n}\n";
  EXPECT_THAT(Message(Load({{"nob.textproto", head + tail}})),
              HasSubstr("nob.textproto:2: rule \"B\": basis is required"));
  EXPECT_THAT(Message(Load({{"noc.textproto", head + "  basis { evidence: SEEN }\n" + tail}})),
              HasSubstr("noc.textproto:2: rule \"B\": basis.citation is required"));
  EXPECT_THAT(Message(Load({{"noe.textproto", head + "  basis { citation: \"c\" }\n" + tail}})),
              HasSubstr("noe.textproto:2: rule \"B\": basis.evidence is required"));
  EXPECT_TRUE(Load({{"ok.textproto", head + "  basis { citation: \"c\" evidence: SEEN }\n" + tail}}).ok());
}

TEST(LoaderTest, UnconfirmedCapCoversSeveritiesInParameters) {
  const std::string text =
      "id: \"x\"\nrules {\n  id: \"D\"\n  severity: WARNING\n  category: DEADLINE\n"
      "  basis { citation: \"c\" evidence: UNCONFIRMED }\n"
      "  deadline { entries { month: 1 day: 31 year_offset: 1 } not_assessable_severity: ERROR }\n}\n";
  EXPECT_THAT(Message(Load({{"d.textproto", text}})),
              HasSubstr("d.textproto:2: rule \"D\": a rule built on [U]"));
  std::string warning = text;
  warning.replace(warning.find("not_assessable_severity: ERROR"), 30, "not_assessable_severity: INFO ");
  EXPECT_TRUE(Load({{"d.textproto", warning}}).ok()) << Message(Load({{"d.textproto", warning}}));
}

TEST(LoaderTest, InvalidRe2Pattern) {
  const std::string text = "id: \"x\"\n\nrules {\n  id: \"M\"\n  severity: WARNING\n  category: CONTENT_MISSING basis { citation: \"t\" evidence: SEEN }\n"
                           "  required_mention { any_of: \"信息处理费\" any_of: \"(未|没有\" }\n}\n";
  auto st = Load({{"re.textproto", text}});
  ASSERT_FALSE(st.ok());
  EXPECT_THAT(Message(st), HasSubstr("re.textproto:3: rule \"M\": required_mention.any_of[1]: invalid RE2 pattern"));
  EXPECT_THAT(Message(st), HasSubstr("missing )"));
}

TEST(LoaderTest, UnknownParent) {
  const std::string child = "id: \"child\"\nversion: \"1\"\nextends: \"nowhere\"\n";
  auto st = Load({{"root.textproto", kRoot}, {"child.textproto", child}});
  ASSERT_FALSE(st.ok());
  EXPECT_THAT(Message(st), HasSubstr("child.textproto:3: extends unknown rule set \"nowhere\""));
}

TEST(LoaderTest, CycleInExtends) {
  auto st = Load({{"a.textproto", "id: \"a\"\nextends: \"b\"\n"}, {"b.textproto", "id: \"b\"\n\nextends: \"a\"\n"}});
  ASSERT_FALSE(st.ok());
  EXPECT_THAT(Message(st), HasSubstr("a.textproto:2: cycle in extends"));
  EXPECT_THAT(Message(st), HasSubstr("b.textproto:3: cycle in extends"));
}

TEST(LoaderTest, UnknownDisableAndOverrideIds) {
  const std::string child = "id: \"child\"\nextends: \"root\"\ndisable: \"NOPE\"\noverrides { id: \"ALSO-NOPE\" severity: INFO }\n";
  auto st = Load({{"root.textproto", kRoot}, {"child.textproto", child}});
  ASSERT_FALSE(st.ok());
  EXPECT_THAT(Message(st), HasSubstr("child.textproto:3: disable: unknown rule id \"NOPE\""));
  EXPECT_THAT(Message(st), HasSubstr("child.textproto:4: override of unknown rule id \"ALSO-NOPE\""));
}

TEST(LoaderTest, AllErrorsAreReportedTogether) {
  auto st = Load({{"a.textproto", "id: \"a\"\nextends: \"zz\"\n"}, {"b.textproto", "id: \"b\" oops\n"}});
  ASSERT_FALSE(st.ok());
  EXPECT_THAT(Message(st), HasSubstr("a.textproto:2:"));
  EXPECT_THAT(Message(st), HasSubstr("b.textproto:2:1: Message type \"xxgk.v1.RuleSet\" has no field named \"oops\""));
}

TEST(LoaderTest, DirectoryLoadRecursesAndSkipsHiddenEntries) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(XXGK_BINARY_DIR) / "tests" / "rules_loader_dir";
  fs::remove_all(dir);
  fs::create_directories(dir / "national");
  fs::create_directories(dir / "..data");
  std::ofstream(dir / "national" / "root.textproto") << kRoot;
  std::ofstream(dir / "..data" / "root.textproto") << kRoot;  // a ConfigMap's hidden copy
  std::ofstream(dir / "README.md") << "not a rule set";
  auto snap = LoadSnapshot(dir.string());
  ASSERT_TRUE(snap.ok()) << snap.status();
  ASSERT_EQ((*snap)->sets().size(), 1u);
  EXPECT_EQ((*snap)->sets()[0].file, "national/root.textproto");
  // A broken file fails the whole load with its relative path.
  std::ofstream(dir / "national" / "broken.textproto") << "id: \"b\"\nrules {\n";
  auto bad = LoadSnapshot(dir.string());
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(std::string(bad.status().message()), HasSubstr("national/broken.textproto:3:"));
  EXPECT_FALSE(LoadSnapshot((dir / "missing").string()).ok());
  fs::remove_all(dir);
}

TEST(LoaderTest, EmbeddedSetsLoad) {
  auto snap = LoadSnapshot("");
  ASSERT_TRUE(snap.ok()) << snap.status();
  for (const char* id : {"national-common", "national-2021", "national-2019", "national-legacy"}) {
    const CompiledSet* s = (*snap)->Find(id);
    ASSERT_NE(s, nullptr) << id;
    EXPECT_FALSE(s->effective.empty()) << id;
    for (const CompiledRule& r : s->effective) {
      EXPECT_NE(r.check, nullptr) << r.rule.id();
      EXPECT_FALSE(r.rule.title().empty()) << r.rule.id();
      EXPECT_FALSE(r.rule.title_en().empty()) << r.rule.id();
      EXPECT_FALSE(r.rule.basis().citation().empty()) << r.rule.id();
      EXPECT_FALSE(r.rule.description().empty()) << r.rule.id();
      if (r.rule.basis().evidence() == xxgk::v1::UNCONFIRMED) {
        EXPECT_NE(r.rule.severity(), xxgk::v1::ERROR);
      }
    }
  }
  const CompiledSet* v2021 = (*snap)->Find("national-2021");
  std::set<std::string> ids;
  for (const auto& r : v2021->effective) ids.insert(r.rule.id());
  for (const char* id : {"T3-A", "T3-B", "T3-C", "T4-A", "V-1"}) EXPECT_TRUE(ids.count(id)) << id;
  EXPECT_EQ(ContentHash(**snap).size(), 64u);
}

TEST(LoaderTest, ParsesRuleSetTextForTools) {
  auto set = ParseRuleSetText(kRoot, "root.textproto");
  ASSERT_TRUE(set.ok());
  EXPECT_EQ(set->id(), "root");
  EXPECT_FALSE(ParseRuleSetText("id: 3 4", "x.textproto").ok());
}

TEST(LoaderTest, ArbitraryBytesNeverCrash) {
  const std::string inputs[] = {std::string("\0\xff\xfe", 3), "rules { rules { rules {", "id: \"\"", "extends: \"\"",
                                "id: \"a\" extends: \"a\"", "id: \"a\" overrides { id: \"\" patch { id: \"z\" } }"};
  for (const auto& in : inputs) {
    auto s = CompileSnapshot({{"f.textproto", in}});
    (void)s;  // success or error, never a crash
  }
  auto self = CompileSnapshot({{"f.textproto", "id: \"a\"\nextends: \"a\"\n"}});
  ASSERT_FALSE(self.ok());
  EXPECT_THAT(std::string(self.status().message()), HasSubstr("f.textproto:2: cycle in extends: a → a"));
}

TEST(LoaderTest, MutatedRuleFilesNeverCrash) {
  // A small deterministic fuzz: truncations and byte flips of a real set.
  const std::string base = [] {
    std::ifstream in(std::string(XXGK_SOURCE_DIR) + "/rules/sets/national/common.textproto", std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    return buf.str();
  }();
  ASSERT_GT(base.size(), 1000u);
  uint32_t seed = 12345;
  auto next = [&seed] {
    seed = seed * 1103515245u + 12345u;
    return seed >> 8;
  };
  int errors = 0;
  for (int i = 0; i < 200; ++i) {
    std::string text = base;
    if (i % 2 == 0) {
      text.resize(next() % text.size());
    } else {
      for (int k = 0; k < 4; ++k) text[next() % text.size()] = static_cast<char>(next() & 0xff);
    }
    auto s = CompileSnapshot({{"m.textproto", text}});
    if (!s.ok()) {
      ++errors;
      EXPECT_THAT(std::string(s.status().message()), HasSubstr("m.textproto:"));
    }
  }
  EXPECT_GT(errors, 100);
}

}  // namespace
}  // namespace xxgk::rules
