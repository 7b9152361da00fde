// Blocks → Report on generated documents, pinned to a golden file: the text
// with tables as pipe rows, every line's and cell's span, the sections' spans,
// every mapped cell (value, unit, span, source row and column), TableInfo and
// every note. Assembly and table mapping are tuned for speed; this pins what
// they make of varied tables (label variants, typos, wrapped labels, spanning
// copies, blank/NA/unit values, short and long rows, line breaks in cells).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "gtest/gtest.h"
#include "absl/strings/str_cat.h"
#include "report/assemble.h"
#include "report/blocks.h"
#include "report/cell_keys.h"
#include "tests/report/golden.h"
#include "tests/report/random_text.h"

namespace xxgk::report {
namespace {

class TableDocs : public xxgk::testing::RandomText {
 public:
  explicit TableDocs(uint32_t seed) : RandomText(seed) {}

  ReadResult Make() {
    ReadResult read;
    offset_ = 0;
    AddLine(&read, Cat({"某某局", Pick(kYears), "年政府信息公开工作年度报告"}));
    if (Below(4) == 0) AddLine(&read, "您现在的位置:首页 > 政务公开 > 年报");
    AddLine(&read, "一、总体情况");
    AddLine(&read, Cat({"本年度共公开信息", std::to_string(Below(500)), "条。"}));
    if (Below(3) == 0) AddLine(&read, "   ");
    const int order = Below(3);
    for (int t = 0; t < 3; ++t) {
      const int which = (t + order) % 3;
      if (which == 0) {
        if (Below(5) != 0) AddLine(&read, "二、主动公开政府信息情况");
        if (Below(6) != 0) read.blocks.push_back(Table2());
      } else if (which == 1) {
        if (Below(5) != 0) AddLine(&read, "三、收到和处理政府信息公开申请情况");
        if (Below(6) != 0) read.blocks.push_back(Table3());
      } else {
        if (Below(5) != 0) AddLine(&read, "四、政府信息公开行政复议、行政诉讼情况");
        if (Below(6) != 0) read.blocks.push_back(Table4());
      }
    }
    AddLine(&read, "五、存在的主要问题及改进情况");
    AddLine(&read, Cat({"问题一\n改进", Below(2) ? "\r\n" : "", "措施。"}));
    AddLine(&read, "六、其他需要报告的事项");
    if (Below(3) == 0) {
      xxgk::v1::ReadingNote n;
      n.set_kind(xxgk::v1::ReadingNote::MOJIBAKE);
      n.set_message("generated note");
      n.mutable_span()->set_source_begin(static_cast<uint32_t>(Below(static_cast<int>(offset_) + 1)));
      read.notes.push_back(std::move(n));
    }
    read.script = Below(4) == 0 ? xxgk::v1::TRADITIONAL : xxgk::v1::SIMPLIFIED;
    return read;
  }

 private:
  inline static const std::vector<std::string> kYears = {"2019", "2021", "2023"};
  inline static const std::vector<std::string> kValues = {
      "0", "1", "12", "305", "1,234", "12.50万元", "3件", "/", "—", "无", "", " ", "-2",
      "abc", "0.5", "1 234", "--", "NA", "7\n8"};

  void AddLine(ReadResult* read, std::string text) {
    Block b;
    b.text = std::move(text);
    b.source_begin = offset_;
    offset_ += static_cast<uint32_t>(b.text.size()) + 1;
    b.source_end = offset_ - 1;
    b.page = static_cast<uint32_t>(Below(3));
    read->blocks.push_back(std::move(b));
  }

  std::string Value() { return Pick(kValues); }

  // A label as documents vary it: numbering dropped or changed, spaces, a typo.
  std::string Vary(const std::string& label) {
    std::string out = label;
    switch (Below(8)) {
      case 0: {  // drop a leading numbering: "(一)", "1.", "一、"
        size_t cut = out.find(')');
        if (cut == std::string::npos || cut > 6) cut = out.find('.');
        if (cut != std::string::npos && cut < 6) {
          out = out.substr(cut + 1);
        } else if (out.size() > 6 && out.compare(3, 3, "、") == 0) {
          out = out.substr(6);
        }
        break;
      }
      case 1: out = Cat({" ", out, " "}); break;
      case 2:  // a typo: one ideograph replaced
        if (out.size() >= 9) out.replace(out.size() - 6, 3, "啊");
        break;
      case 3: out = Cat({out, "\n"}); break;
      default: break;
    }
    return out;
  }

  std::vector<GridCell> Cells(const std::vector<std::string>& texts) {
    std::vector<GridCell> row;
    for (const std::string& t : texts) {
      GridCell c;
      c.text = t;
      c.source_begin = offset_;
      offset_ += static_cast<uint32_t>(t.size()) + 1;
      c.source_end = offset_ - 1;
      row.push_back(std::move(c));
    }
    return row;
  }

  void Values(std::vector<std::string>* row, int want) {
    int n = want;
    switch (Below(10)) {
      case 0: n = want - 1 - Below(2); break;
      case 1: n = want + 1; break;
      default: break;
    }
    for (int i = 0; i < n; ++i) row->push_back(Value());
  }

  Block TableBlock(std::vector<std::vector<std::string>> rows, const char* kind) {
    Block b;
    b.kind = Block::Kind::kTable;
    b.table.source_kind = kind;
    b.source_begin = offset_;
    size_t width = 0;
    for (const auto& r : rows) width = std::max(width, r.size());
    for (size_t r = 0; r < rows.size(); ++r) {
      if (Below(3) == 0) {
        while (rows[r].size() < width) rows[r].push_back("");
      }
      std::vector<GridCell> row = Cells(rows[r]);
      // spanning copies: a label copied right or down
      if (row.size() > 2 && Below(5) == 0) {
        row[1] = row[0];
        row[1].continuation = true;
      }
      if (r > 0 && !row.empty() && !b.table.rows[r - 1].empty() && Below(6) == 0) {
        row[0] = b.table.rows[r - 1][0];
        row[0].continuation = true;
      }
      b.table.rows.push_back(std::move(row));
    }
    b.source_end = offset_;
    b.page = static_cast<uint32_t>(Below(3));
    return b;
  }

  Block Table2() {
    std::vector<std::vector<std::string>> rows;
    const bool y2019 = Below(3) == 0;
    rows.push_back({"第二十条第(一)项", "", "", ""});
    if (y2019) {
      rows.push_back({"信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"});
    } else {
      rows.push_back({"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"});
    }
    for (const char* label : {"规章", "行政规范性文件"}) {
      std::vector<std::string> row = {Vary(label)};
      Values(&row, 3);
      rows.push_back(std::move(row));
    }
    rows.push_back({"第二十条第(五)项", "", "", ""});
    if (Below(2)) rows.push_back({"信息内容", y2019 ? "上一年项目数量" : "本年处理决定数量"});
    for (const char* label : {"行政许可", "行政处罚", "行政强制"}) {
      std::vector<std::string> row = {Vary(label)};
      Values(&row, y2019 ? 3 : 1);
      rows.push_back(std::move(row));
    }
    rows.push_back({"第二十条第(八)项", "", "", ""});
    if (Below(2)) rows.push_back({"信息内容", "本年收费金额(单位:万元)"});
    std::vector<std::string> fees = {"行政事业性收费"};
    Values(&fees, 1);
    rows.push_back(std::move(fees));
    if (Below(4) == 0) rows.push_back({"其他对外管理服务事项", Value(), Value()});
    return TableBlock(std::move(rows), Below(2) ? "html" : "text-pipe");
  }

  Block Table3() {
    static const std::vector<std::vector<std::string>> kRows = {
        {"一、本年新收政府信息公开申请数量"},
        {"二、上年结转政府信息公开申请数量"},
        {"三、本年度办理结果", "(一)予以公开"},
        {"(二)部分公开(区分处理的,只计这一情形,不计其他情形)"},
        {"(三)不予公开", "1.属于国家秘密"},
        {"2.其他法律行政法规禁止公开"},
        {"3.危及“三安全一稳定”"},
        {"4.保护第三方合法权益"},
        {"5.属于三类内部事务信息"},
        {"6.属于四类过程性信息"},
        {"7.属于行政执法案卷"},
        {"8.属于行政查询事项"},
        {"(四)无法提供", "1.本机关不掌握相关政府信息"},
        {"2.没有现成信息需要另行制作"},
        {"3.补正后申请内容仍不明确"},
        {"(五)不予处理", "1.信访举报投诉类申请"},
        {"2.重复申请"},
        {"3.要求提供公开出版物"},
        {"4.无正当理由大量反复申请"},
        {"5.要求行政机关确认或重新出具已获取信息"},
        {"(六)其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"},
        {"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"},
        {"3.其他"},
        {"(七)总计"},
        {"四、结转下年度继续办理"},
    };
    std::vector<std::vector<std::string>> rows;
    rows.push_back({Below(2) ? "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)"
                             : "(本列数据的钩稽关系)",
                    "申请人情况"});
    rows.push_back({"自然人", "法人或其他组织", "总计"});
    rows.push_back({"商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"});
    const bool y2019 = Below(4) == 0;
    for (size_t i = 0; i < kRows.size(); ++i) {
      if (y2019 && (i == 21 || i == 22)) continue;
      if (Below(20) == 0) continue;  // a row left out
      std::vector<std::string> labels;
      for (const std::string& l : kRows[i]) labels.push_back(Vary(y2019 && i == 20 && &l != &kRows[i][0] ? std::string("") : l));
      if (!labels.empty() && labels.back().empty()) labels.pop_back();
      if (Below(12) == 0 && labels.back().size() > 12) {
        // a label wrapped onto the next row, which carries the values
        const std::string& last = labels.back();
        const size_t half = (last.size() / 2) / 3 * 3;
        std::vector<std::string> first(labels.begin(), labels.end() - 1);
        first.push_back(last.substr(0, half));
        rows.push_back(std::move(first));
        std::vector<std::string> second = {last.substr(half)};
        Values(&second, 7);
        rows.push_back(std::move(second));
        continue;
      }
      Values(&labels, 7);
      rows.push_back(std::move(labels));
    }
    if (Below(6) == 0) {
      std::vector<std::string> extra = {"其他情况说明"};
      Values(&extra, 7);
      rows.push_back(std::move(extra));
    }
    return TableBlock(std::move(rows), Below(2) ? "html" : "text-cell-lines");
  }

  Block Table4() {
    std::vector<std::vector<std::string>> rows;
    rows.push_back({"行政复议", "行政诉讼"});
    rows.push_back({"结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉",
                    "复议后起诉"});
    if (Below(3) == 0) {
      for (const char* label : {"行政复议", "未经复议直接起诉", "复议后起诉"}) {
        std::vector<std::string> row = {label};
        Values(&row, 5);
        rows.push_back(std::move(row));
      }
    } else {
      std::vector<std::string> row;
      if (Below(4) == 0) row.push_back("");
      Values(&row, 15);
      rows.push_back(std::move(row));
      if (Below(8) == 0) {
        std::vector<std::string> again;
        Values(&again, 15);
        rows.push_back(std::move(again));
      }
    }
    return TableBlock(std::move(rows), Below(2) ? "docx" : "text-aligned");
  }

  uint32_t offset_ = 0;
};

std::string SpanText(const xxgk::v1::Span& s) {
  return absl::StrCat(s.begin(), "-", s.end(), " src ", s.source_begin(), "-", s.source_end(),
                      " p", s.page(), " l", s.line());
}

// FNV-1a of the text (the spans below pin where everything stands in it).
uint64_t TextHash(std::string_view t) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (char c : t) h = (h ^ static_cast<uint8_t>(c)) * 0x100000001b3ull;
  return h;
}

std::string Dump(const xxgk::v1::Report& r) {
  // what assembly and table mapping make: text, sections' spans, cells,
  // table infos, notes (metadata and prose facts have their own golden files)
  std::string out = absl::StrCat("text ", r.text().size(), " bytes, hash ", TextHash(r.text()),
                                 "; script ", r.meta().script(), " format ",
                                 r.meta().format_version(), "\n");
  for (const auto& s : r.sections()) {
    absl::StrAppend(&out, "section ", s.kind(), " L", s.level(), " ", SpanText(s.span()),
                    " heading ", SpanText(s.heading_span()), "\n");
  }
  ForEachCell(r.tables(), [&](const std::string& key, const xxgk::v1::Cell& c) {
    absl::StrAppend(&out, key, " = ", CellValueString(c), " [", c.raw(), "] ", c.unit(), " @ ",
                    SpanText(c.span()), " r", c.source_row(), " c", c.source_col(), "\n");
  });
  const auto& t = r.tables();
  for (const auto* info : {&t.t2().info(), &t.t3().info(), &t.t4().info(), &t.legacy().info()}) {
    absl::StrAppend(&out, "info ", info->ShortDebugString(), "\n");
  }
  for (const auto& n : r.notes()) absl::StrAppend(&out, "note ", n.ShortDebugString(), "\n");
  return out;
}

TEST(AssembleGolden, GeneratedTablesMapAsRecorded) {
  xxgk::testing::GoldenCases cases;
  for (uint32_t seed = 1; seed <= 30; ++seed) {
    TableDocs docs(seed);
    cases.emplace_back("seed " + std::to_string(seed), Dump(Assemble(docs.Make())));
  }
  EXPECT_TRUE(xxgk::testing::MatchesGolden("assemble_generated_tables", cases));
}

}  // namespace
}  // namespace xxgk::report
