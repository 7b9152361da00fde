// Pins the plain-text reader (report/text_reader.cc: lines, the five text
// table layouts, captions, source offsets, over-budget notes) and section
// finding (report/sections.cc) to golden files: for varied generated
// documents (seeds 1-150) mixing headings of every numbering style, running
// text, pipe/markdown/cell-line/aligned/run-together tables, wrapped labels,
// page chrome and odd spacing,
// tests/report/fixtures/golden/text_reader_generated_documents.txt holds the
// blocks read and text_reader_generated_sections.txt the sections found on
// the lines those blocks make; text_reader_generated_heading_lines.txt and
// text_reader_generated_heading_kinds.txt hold IsSectionHeadingLine and
// HeadingKind on generated lines and phrases. The files were recorded with
// the general implementation before its fast paths (one SSE2 line split with
// a summary per line, byte pre-checks ahead of the heading tests, one-pass
// phrase lookup); they pin that behaviour. Section finding's byte reading of
// common numberings is pinned to the live ParseNumbering instead. The
// generator draws in a fixed order (see Cat), so every compiler builds the
// same documents. After an intended behaviour change, re-record and review:
//   XXGK_UPDATE_GOLDEN=1 build/tests/report_test --gtest_filter='TextReaderEquivalence.*'
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "report/labels.h"
#include "report/readers.h"
#include "report/sections.h"
#include "tests/report/golden.h"
#include "tests/report/random_text.h"

namespace xxgk::report {
namespace {

class TextDocGenerator : public xxgk::testing::RandomText {
 public:
  explicit TextDocGenerator(uint32_t seed) : RandomText(seed) {}

  std::string Document() {
    std::string out;
    const int n = 4 + Below(22);
    for (int i = 0; i < n; ++i) {
      switch (Below(16)) {
        case 0: case 1: case 2: out += Heading(); break;
        case 3: out += SubHeading(); break;
        case 4: out += PipeTable(); break;
        case 5: out += CellLinesTable(); break;
        case 6: out += AlignedTable(); break;
        case 7: out += RunTogetherTable(); break;
        case 8: out += Cat({Pick(kChrome), "\n"}); break;
        case 9: out += Cat({Pick(kSpaces), Pick(kHeadings), Pick(kSpaces), "\n"}); break;
        case 10: out += Cat({Pick(kProse), " | ", Pick(kProse), "\n"}); break;
        default: out += Cat({Pick(kSpaces), Prose(), Pick(kSpaces), "\n"}); break;
      }
      if (Below(5) == 0) out += Pick({"\n", "\n\n", " \n", "\t\n"});
    }
    if (Below(4) == 0) {
      // CRLF line ends
      std::string crlf;
      for (char c : out) {
        if (c == '\n') crlf += '\r';
        crlf += c;
      }
      out = crlf;
    }
    if (Below(3) == 0 && !out.empty()) out.pop_back();  // no final line break
    return out;
  }

 private:
  std::string Numeral() { return Pick(kNumerals); }

  std::string Numbering() {
    switch (Below(10)) {
      case 0: case 1: case 2: return Cat({Numeral(), Pick({"、", ".", ",", " 、", "、 "})});
      case 3: case 4: return Cat({"(", Numeral(), ")", Pick({"", " "})});
      case 5: return Cat({"第", Numeral(), Pick({"部分", "章", "部分 ", "、"})});
      case 6: return Cat({std::to_string(1 + Below(9)), Pick({".", "、", ". "})});
      case 7: return Cat({"(", std::to_string(1 + Below(9)), ")"});
      case 8: return Cat({Numeral(), Pick({"", " "}), Numeral(), "、"});
      default: return "";
    }
  }

  std::string Heading() {
    return Cat({Pick(kLead), Numbering(), Pick(kHeadings), Tail(), "\n"});
  }

  std::string SubHeading() {
    return Cat({Pick(kLead), "(", Numeral(), ")", Pick(kHeadings), Tail(), "\n"});
  }

  std::string Tail() {
    switch (Below(9)) {
      case 0: return "。";
      case 1: return Cat({"。", Prose()});
      case 2: return Cat({":", Prose()});
      case 3: return Cat({",", Pick(kProse)});
      case 4: return Pick({" ", ":", ";", "。 "});
      case 5: return Cat({"(", Pick(kProse), ")"});
      default: return "";
    }
  }

  std::string Prose() {
    std::string s;
    const int n = 1 + Below(5);
    for (int i = 0; i < n; ++i) {
      s += Pick(kProse);
      if (Below(3) == 0) s += std::to_string(Below(3000));
      if (Below(4) == 0) s += Pick(kHeadings);
      s += Pick({",", "。", ":", ";", "、", "!", "?", ""});
    }
    return s;
  }

  std::string Value() {
    switch (Below(8)) {
      case 0: return "";
      case 1: return Pick({"/", "-", "—", "——", "无"});
      case 2: return Cat({std::to_string(Below(9)), ",", std::to_string(100 + Below(900))});
      case 3: return Cat({std::to_string(Below(100)), ".", std::to_string(Below(100))});
      default: return std::to_string(Below(300));
    }
  }

  std::string Label() {
    return Cat({Pick({"", "(一)", "1.", "二、", "(三)"}), Pick(kLabels)});
  }

  std::string PipeTable() {
    std::string out;
    if (Below(3) == 0) out += Cat({Pick(kCaptions), "\n"});
    const bool lead = Below(2) == 0, trail = Below(3) != 0;
    const int cols = 2 + Below(6), rows = 1 + Below(7);
    for (int r = 0; r < rows; ++r) {
      if (r > 0 && Below(6) == 0) {
        out += Cat({Pick({"(二)部分公开(区分处理的,只计这一情形,", Pick(kLabels),
                          Pick(kHeadings), Cat({Pick(kProse), "。"})}),
                    "\n"});
      }
      std::string line = lead ? Pick({"|", "| ", "|  "}) : "";
      for (int c = 0; c < cols; ++c) {
        const std::string cell = c == 0 ? Label() : Value();
        line += Cat({cell, Pick({" | ", "|", " |", "\t|\t", " || "})});
      }
      if (!trail && !line.empty()) line.pop_back();
      out += Cat({line, "\n"});
      if (r == 0 && Below(3) == 0) {
        std::string sep = "|";
        for (int c = 0; c < cols; ++c) sep += Pick({"---|", ":---:|", " --- |", "-|"});
        out += Cat({sep, "\n"});
      }
    }
    return out;
  }

  std::string CellLinesTable() {
    std::string out;
    if (Below(2) == 0) out += Cat({Pick(kCaptions), "\n"});
    const int rows = 1 + Below(5);
    for (int r = 0; r < rows; ++r) {
      out += Pick({"|\n", "|\n", "||\n|\n", "|||\n"});
      const int cells = 1 + Below(5);
      for (int c = 0; c < cells; ++c) {
        switch (Below(9)) {
          case 0: out += "||\n"; break;
          case 1: out += Cat({"(二)部分公开(区分处理的,只计这一情形,\n不计其他情形) |\n"}); break;
          case 2: out += Cat({Pick(kHeadings), "\n", Value(), " |\n"}); break;
          case 3: out += Cat({"| ", Label(), " |\n"}); break;
          case 4: out += Cat({Label(), " | ", Value(), " |\n"}); break;
          default: out += Cat({c == 0 ? Label() : Value(), Pick({" |", "|", "  |"}), "\n"}); break;
        }
      }
    }
    out += Pick({"||\n", "|\n", "", "|||\n"});
    return out;
  }

  std::string AlignedTable() {
    std::string out;
    const int rows = 1 + Below(5), cols = 1 + Below(7);
    for (int r = 0; r < rows; ++r) {
      std::string line = Label();
      for (int c = 0; c < cols; ++c) {
        line += Cat({Pick({"  ", "\t", "   ", " ", "\t\t", " \t"}), Below(5) == 0 ? Pick(kLabels) : Value()});
      }
      out += Cat({line, Pick({"", " ", "\t"}), "\n"});
    }
    return out;
  }

  std::string RunTogetherTable() {
    std::string out;
    switch (Below(4)) {
      case 0: out += Cat({Pick({"政府信息公开情况统计表", "附件:政府信息公开情况统计表", "统计表"}), "\n"});
        if (Below(2) == 0) out += Pick({"(2016年度)\n", "\n", "单位:件\n"});
        break;
      case 1: out += Cat({Pick(kLegacyHeaders), "\n"}); break;
      case 2: out += Cat({"政府信息公开情况统计表\n", Pick(kLegacyHeaders), "\n"}); break;
      default: break;
    }
    const int rows = 1 + Below(9);
    for (int r = 0; r < rows; ++r) {
      switch (Below(12)) {
        case 0: out += Cat({Pick(kLegacyHeaders), "\n"}); break;
        case 1: out += "\n"; break;
        case 2: out += Cat({Pick(kChrome), "\n"}); break;
        case 3: out += Cat({Pick(kProse), "。\n"}); break;
        case 4: out += Cat({Label(), " | ", Value(), "\n"}); break;
        default:
          out += Cat({r == 0 ? "一、主动公开情况" : Label(), Pick({"", "数", "费用", "额"}),
                      Pick({"", "件", "人次", "万元", "个", "条", "项"}), Pick({"", " ", "\u00A0"}),
                      Value(), "\n"});
          break;
      }
    }
    return out;
  }

  const std::vector<std::string> kNumerals = {"一", "二", "三", "四", "五", "六", "七",
                                              "十", "十二", "两", "〇", "八"};
  const std::vector<std::string> kLead = {"", "", "", " ", "  ", "\u3000", "\t", "\u00A0"};
  const std::vector<std::string> kSpaces = {"", "", " ", "\t", "  "};
  const std::vector<std::string> kHeadings = {
      "总体情况", "概述", "概况", "总体概述", "工作概述", "基本情况", "主动公开政府信息情况",
      "主动公开情况", "收到和处理政府信息公开申请情况", "依申请公开情况", "依申请公开政府信息情况",
      "政府信息公开行政复议、行政诉讼情况", "因政府信息公开工作被申请行政复议和提起行政诉讼情况",
      "行政复议行政诉讼情况", "存在的主要问题及改进情况", "存在的主要问题和改进情况", "存在困难和问题",
      "改进措施和下步工作打算", "问题及改进", "其他需要报告的事项", "其他事项", "其他情况",
      "其他需要说明的事项", "政府信息公开收费及减免情况", "收费和减免情况", "收取费用情况",
      "政府信息公开情况", "政府信息管理情况", "平台建设情况", "总 体 情 况", "收费减免",
      "本年度工作不足", "公开申请情况", "申请公开情况", "主动公開情况", "总体情况总体情况总体情况总体情况总体情况"};
  const std::vector<std::string> kProse = {
      "本年度主动公开政府信息", "全年共收到申请", "报告中所列数据统计期限自2024年1月1日起至12月31日",
      "本机关认真贯彻落实《条例》", "进一步加强政务公开", "电话:0631-8871088", "无此类情况",
      "第1页", "统计指标单位统计数", "政府信息公开情况统计表", "依申请公开情况良好",
      "总体情况", "a, b", "行政许可 12", "(二)依申请公开情况"};
  const std::vector<std::string> kLabels = {
      "行政许可", "行政处罚", "规章", "规范性文件", "本年新收政府信息公开申请数量",
      "政府网站公开政府信息数", "接受培训人员数", "依申请公开信息收取的费用", "予以公开",
      "(七)总计", "信息内容", "本年制发件数", "维持具体行政行为", "其他"};
  const std::vector<std::string> kCaptions = {
      "二、主动公开政府信息情况", "表1 主动公开", "三、收到和处理政府信息公开申请情况",
      "本年度情况如下表所示,其中主动公开政府信息的数量较上年有所增加,依申请公开的数量基本持平,"
      "行政复议和行政诉讼的数量均为零,全年没有收取任何费用。"};
  const std::vector<std::string> kLegacyHeaders = {
      "统计指标单位统计数", "统计指标 单位 统计数", "一、统计指标  计量单位  统计数",
      "(一) 统 计 指 标 / 单位 / 统计数", "统计指标|单位|统计数"};
  const std::vector<std::string> kChrome = {
      "您现在的位置:首页 > 政务公开", "【打印本页】【关闭窗口】", "字体:[大 中 小]", "扫一扫在手机打开",
      "2024年1月15日 星期一", "浏览次数:12", "版权所有:某某政府", "分享到:"};
};

std::string Offsets(uint32_t b, uint32_t e) { return absl::StrCat("@", b, "-", e); }

std::string DumpBlocks(const ReadResult& r) {
  std::string out = absl::StrCat("script ", static_cast<int>(r.script), "\n");
  for (const Block& b : r.blocks) {
    if (b.kind == Block::Kind::kLine) {
      absl::StrAppend(&out, "L", Offsets(b.source_begin, b.source_end), " ", b.text, "\n");
      continue;
    }
    const TableGrid& g = b.table;
    absl::StrAppend(&out, "T", Offsets(b.source_begin, b.source_end), " ", g.source_kind,
                    " caption=[", g.caption, "]\n");
    for (const auto& row : g.rows) {
      out += " ";
      for (const GridCell& c : row) {
        absl::StrAppend(&out, " |", c.text, Offsets(c.source_begin, c.source_end));
        if (c.row_span != 1 || c.col_span != 1 || c.continuation) {
          absl::StrAppend(&out, "~", c.row_span, ",", c.col_span, ",", c.continuation);
        }
      }
      out += "\n";
    }
  }
  for (const auto& n : r.notes) {
    std::string s;
    google::protobuf::TextFormat::Printer printer;
    printer.SetSingleLineMode(true);
    printer.SetUseUtf8StringEscaping(true);
    printer.PrintToString(n, &s);
    absl::StrAppend(&out, "N ", s, "\n");
  }
  return out;
}

// The lines of the blocks as assembly lays them out: table rows "| a | b |".
void BlocksToLines(const ReadResult& r, std::string* text, std::vector<TextLine>* lines) {
  auto add = [&](const std::string& s, uint32_t sb, uint32_t se, bool row) {
    TextLine l;
    l.begin = static_cast<uint32_t>(text->size());
    *text += s;
    l.end = static_cast<uint32_t>(text->size());
    *text += "\n";
    l.source_begin = sb;
    l.source_end = se;
    l.number = static_cast<uint32_t>(lines->size() + 1);
    l.table_row = row;
    lines->push_back(l);
  };
  for (const Block& b : r.blocks) {
    if (b.kind == Block::Kind::kLine) {
      add(b.text, b.source_begin, b.source_end, false);
      continue;
    }
    for (const auto& row : b.table.rows) {
      std::string s = "|";
      for (const GridCell& c : row) absl::StrAppend(&s, " ", c.text, " |");
      add(s, b.source_begin, b.source_end, true);
    }
  }
}

TEST(TextReaderEquivalence, GeneratedDocumentsReadTheSameBlocksAndSections) {
  xxgk::testing::GoldenCases blocks, sections;
  int tables = 0, found = 0;
  for (uint32_t seed = 1; seed <= 150; ++seed) {
    TextDocGenerator gen(seed);
    const std::string doc = gen.Document();
    absl::StatusOr<ReadResult> r = ReadText(doc);
    ASSERT_TRUE(r.ok()) << r.status();
    blocks.emplace_back(absl::StrCat("seed ", seed), DumpBlocks(*r));
    std::string text;
    std::vector<TextLine> lines;
    BlocksToLines(*r, &text, &lines);
    std::string dump;
    for (const xxgk::v1::Section& s : FindSections(text, lines)) {
      std::string one;
      google::protobuf::TextFormat::Printer printer;
      printer.SetSingleLineMode(true);
      printer.SetUseUtf8StringEscaping(true);
      printer.PrintToString(s, &one);
      absl::StrAppend(&dump, one, "\n");
      ++found;
    }
    sections.emplace_back(absl::StrCat("seed ", seed), dump);
    for (const Block& b : r->blocks) tables += b.kind == Block::Kind::kTable;
  }
  EXPECT_TRUE(xxgk::testing::MatchesGolden("text_reader_generated_documents", blocks));
  EXPECT_TRUE(xxgk::testing::MatchesGolden("text_reader_generated_sections", sections));
  // The generator does reach the table layouts and the headings.
  EXPECT_GT(tables, 200);
  EXPECT_GT(found, 300);
}

// Each line of a generated document alone, as IsSectionHeadingLine judges it.
TEST(TextReaderEquivalence, GeneratedLinesJudgedAsHeadingsAsBefore) {
  std::string dump;
  int yes = 0;
  for (uint32_t seed = 1; seed <= 150; ++seed) {
    TextDocGenerator gen(seed);
    const std::string doc = gen.Document();
    size_t pos = 0;
    while (pos < doc.size()) {
      size_t nl = doc.find('\n', pos);
      if (nl == std::string::npos) nl = doc.size();
      const std::string_view line(doc.data() + pos, nl - pos);
      if (IsSectionHeadingLine(line)) {
        absl::StrAppend(&dump, std::string(line), " <", static_cast<int>(HeadingKind(line)), ">\n");
        ++yes;
      }
      pos = nl + 1;
    }
  }
  EXPECT_TRUE(xxgk::testing::MatchesGolden("text_reader_generated_heading_lines", {{"all", dump}}));
  EXPECT_GT(yes, 300);
}

// HeadingKind of phrases glued from heading words, numberings and noise
// (whole keys, keys with numberings, phrases split by spaces or punctuation).
TEST(TextReaderEquivalence, HeadingKindOfGeneratedPhrasesAsBefore) {
  const std::vector<std::string> parts = {
      "其他", "需要", "报告", "说明", "事项", "情况", "收费", "及", "和", "减免", "收取", "费用",
      "行政", "复议", "诉讼", "存在", "的", "主要", "问题", "困难", "改进", "措施", "不足", "收到",
      "处理", "依", "申请", "公开", "主动", "总体", "概述", "基本", "概况", "工作", "政府信息",
      "第一部分", "第二章", "一、", "(三)", "1.", " ", "、", "。", ",", "钩", "a", "2024", "\u3000",
      "其他需要报告", "其他事项", "收费及减免", "收取费用", "行政复议", "行政诉讼", "存在的主要问题",
      "问题和改进", "收到和处理", "依申请公开", "申请公开情况", "主动公开", "总体情况", "基本情况"};
  std::mt19937 rng(11);
  std::string dump;
  int kinds[8] = {};
  for (int n = 0; n < 6000; ++n) {
    std::string phrase;
    const int len = 1 + static_cast<int>(rng() % 6);
    for (int k = 0; k < len; ++k) phrase += parts[rng() % parts.size()];
    const int kind = static_cast<int>(HeadingKind(phrase));
    ++kinds[kind & 7];
    absl::StrAppend(&dump, kind, " ", phrase, "\n");
  }
  EXPECT_TRUE(xxgk::testing::MatchesGolden("text_reader_generated_heading_kinds", {{"all", dump}}));
  for (int k = 0; k < 8; ++k) EXPECT_GT(kinds[k], 20) << k;
}

// Section finding reads common numberings from their bytes: the same
// Numbering as ParseNumbering on generated line starts.
TEST(TextReaderEquivalence, LineNumberingEqualsParseNumbering) {
  const std::vector<std::string> parts = {
      "(", ")", "一", "二", "九", "十", "两", "〇", "零", "十二", "、", ".", ",", " ", "\t", "\u3000",
      "\u00A0", "1", "2", "第", "部分", "章", "总体情况", "。", "a", "|", "\xE4\xB8", "\x80"};
  std::mt19937 rng(5);
  int fast_forms = 0;
  for (int n = 0; n < 80000; ++n) {
    std::string line;
    if (rng() % 2 == 0) line += (rng() % 2 == 0) ? "(" + parts[2 + rng() % 4] + ")" : parts[2 + rng() % 4] + "、";
    const int len = static_cast<int>(rng() % 6);
    for (int k = 0; k < len; ++k) line += parts[rng() % parts.size()];
    const Numbering want = ParseNumbering(line);
    const Numbering got = internal::LineNumbering(line);
    ASSERT_EQ(static_cast<int>(got.style), static_cast<int>(want.style)) << "[" << line << "]";
    ASSERT_EQ(got.written, want.written) << "[" << line << "]";
    ASSERT_EQ(got.value, want.value) << "[" << line << "]";
    ASSERT_EQ(got.length, want.length) << "[" << line << "]";
    fast_forms += want.style != NumberingStyle::kNone;
  }
  EXPECT_GT(fast_forms, 30000);
}

}  // namespace
}  // namespace xxgk::report
