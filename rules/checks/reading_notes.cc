// reading_notes: what the reader could not read reliably becomes findings —
// EXTRACTION for garbled or unreadable text and ambiguous tables, TABLE_SHAPE
// for unplaced rows and shape mismatches. TABLE_AS_IMAGE notes are covered by
// required_table (TABLE_MISSING) and never become findings here.
#include <set>

#include "absl/strings/str_cat.h"
#include "rules/checks/checks.h"
#include "rules/finding_util.h"
#include "rules/labels.h"

namespace xxgk::rules {
namespace {

using xxgk::v1::ReadingNote;

struct KindText {
  const char* zh;
  const char* en;
};

KindText TextOf(ReadingNote::Kind kind) {
  switch (kind) {
    case ReadingNote::INVALID_BYTES:
      return {"文档含无法解码的字节，已替换", "undecodable bytes were replaced"};
    case ReadingNote::MOJIBAKE:
      return {"此处文字为乱码，无法可靠读取", "garbled text (mojibake) cannot be read reliably"};
    case ReadingNote::UNPLACED_ROW:
      return {"表格中有无法对应到标准格式的行", "a table row matches no row of the format"};
    case ReadingNote::AMBIGUOUS_TABLE:
      return {"无法确定表格的版式", "the table's layout could not be determined"};
    case ReadingNote::UNREADABLE:
      return {"文档的一部分无法读取", "part of the document could not be read"};
    case ReadingNote::SHAPE:
      return {"表格的行列数与格式不符", "the table's rows or columns differ from the format"};
    case ReadingNote::CUT_AT_EDGE:
      return {"表格超出页面右边缘，数字被截断，无法读取（请将表格调整到页面内后重新发布）",
              "numbers run past the page's right edge and are cut off there"};
    case ReadingNote::NO_REPORT_TEXT:
      return {"页面正文中没有年度报告的内容，报告在附件或图片中：请取得附件本身（PDF、Word等）再检查",
              "the page holds no report text; the report is in an attachment or in images"};
    case ReadingNote::NO_TEXT_LAYER:
      return {"文档中没有可读取的报告文字（扫描件只有图片，或字体提取不出文字），无法读取：请取得报告的"
              "文字版（可复制文字的PDF、Word文件等）或经OCR识别后再检查",
              "the file holds no readable text (pictures of its pages, or fonts that give no "
              "text)"};
    default:
      return {"读取问题", "reading problem"};
  }
}

class ReadingNotesCheck : public Check {
 public:
  ReadingNotesCheck(std::set<int> kinds, std::set<int> except)
      : kinds_(std::move(kinds)), except_(std::move(except)) {}

  void Evaluate(const EvalContext& ctx, std::vector<xxgk::v1::Finding>* out) const override {
    for (const ReadingNote& n : ctx.report.notes()) {
      if (n.kind() == ReadingNote::TABLE_AS_IMAGE || n.kind() == ReadingNote::KIND_UNSPECIFIED) continue;
      if (!kinds_.empty() && kinds_.count(n.kind()) == 0) continue;
      if (except_.count(n.kind()) != 0) continue;
      const bool shape = n.kind() == ReadingNote::UNPLACED_ROW || n.kind() == ReadingNote::SHAPE;
      xxgk::v1::Finding f = NewFinding();
      f.set_category(shape ? xxgk::v1::TABLE_SHAPE : xxgk::v1::EXTRACTION);
      const KindText t = TextOf(n.kind());
      std::string where_zh, where_en;
      if (!n.table().empty()) {
        where_zh = absl::StrCat(TableLabel(n.table(), Lang::kZh), ": ");
        where_en = absl::StrCat(TableLabel(n.table(), Lang::kEn), ": ");
        f.mutable_location()->set_table(n.table());
        f.mutable_location()->set_section(SectionOfTable(n.table()));
        f.mutable_location()->set_place(TableLabel(n.table(), Lang::kZh));
        f.mutable_location()->set_place_en(TableLabel(n.table(), Lang::kEn));
      }
      std::string quoted_zh = n.excerpt().empty() ? "" : absl::StrCat("：“", n.excerpt(), "”");
      std::string quoted_en = n.excerpt().empty() ? "" : absl::StrCat(": \"", n.excerpt(), "\"");
      std::string more_zh, more_en;
      if (n.more_places() > 0) {  // the reader folded later places of this kind into this note
        more_zh = absl::StrCat("（另有", n.more_places(), "处同类问题，未逐一列出）");
        more_en = absl::StrCat(" (and ", n.more_places(), " more like it, not listed one by one)");
      }
      f.set_message(absl::StrCat(where_zh, t.zh, quoted_zh, more_zh));
      f.set_message_en(
          absl::StrCat(where_en, n.message().empty() ? t.en : n.message(), quoted_en, more_en));
      f.mutable_location()->set_excerpt(n.excerpt());
      *f.mutable_location()->mutable_span() = n.span();
      out->push_back(std::move(f));
    }
  }

 private:
  std::set<int> kinds_;
  std::set<int> except_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<Check>> CompileReadingNotes(const xxgk::v1::Rule& rule) {
  const auto& p = rule.reading_notes();
  // The kinds of one field as a set; `other` holds kinds a field may not repeat.
  auto kinds_of = [](const auto& field, const char* name, const std::set<int>& other,
                     std::set<int>* out) -> absl::Status {
    for (int i = 0; i < field.size(); ++i) {
      const std::string where = absl::StrCat("reading_notes.", name, "[", i, "]: ");
      if (field[i] == ReadingNote::KIND_UNSPECIFIED) {
        return absl::InvalidArgumentError(absl::StrCat(where, "KIND_UNSPECIFIED is not a kind"));
      }
      if (other.count(field[i]) != 0) {
        return absl::InvalidArgumentError(
            absl::StrCat(where, ReadingNote::Kind_Name(static_cast<ReadingNote::Kind>(field[i])),
                         " is also in kinds; list a kind in one of the two"));
      }
      out->insert(field[i]);
    }
    return absl::OkStatus();
  };
  std::set<int> kinds, except;
  if (absl::Status s = kinds_of(p.kinds(), "kinds", {}, &kinds); !s.ok()) return s;
  if (absl::Status s = kinds_of(p.except(), "except", kinds, &except); !s.ok()) return s;
  return std::make_unique<ReadingNotesCheck>(std::move(kinds), std::move(except));
}

}  // namespace xxgk::rules
