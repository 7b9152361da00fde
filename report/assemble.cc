#include "report/assemble.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "report/blank_tables.h"
#include "report/facts.h"
#include "report/heading_rows.h"
#include "report/metadata.h"
#include "report/normalize.h"
#include "report/notes.h"
#include "report/refusal.h"
#include "report/sections.h"
#include "report/table_map.h"

namespace xxgk::report {
namespace {

using xxgk::v1::ReadingNote;
using xxgk::v1::Report;
using xxgk::v1::Section;
using xxgk::v1::Span;

// Characters a file of pictures (a word-processing file, a PDF or an OFD
// file) may hold besides them (a title, a date, the agency's name, page
// numbers) and still be taken for a scan.
constexpr size_t kMaxScanTextChars = 300;

// Whether `text` holds at most `limit` characters besides blanks.
bool FewCharacters(std::string_view text, size_t limit) {
  size_t n = 0;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c & 0xC0) == 0x80 || c == ' ' || c == '\n' || c == '\t' || c == '\r') continue;
    if (++n > limit) return false;
  }
  return true;
}

// BreaksToSpaces for long runs (prose lines): memchr for each break.
void LongBreaksToSpaces(char* p, char* end) {
  for (const char brk : {'\n', '\r'}) {
    for (char* q = p;; ++q) {
      q = static_cast<char*>(std::memchr(q, brk, static_cast<size_t>(end - q)));
      if (q == nullptr) break;
      *q = ' ';
    }
  }
}

// Replaces line breaks in the eight bytes at `p` with spaces.
inline void WordBreaksToSpaces(char* p) {
  // a word with no byte below 0x0E holds no '\n' (0x0A) and no '\r' (0x0D);
  // only words that may are looked at bytewise
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  uint64_t v;
  std::memcpy(&v, p, 8);
  if (((v - kOnes * 0x0E) & ~v & kHigh) == 0) return;
  for (int i = 0; i < 8; ++i) {
    if (p[i] == '\n' || p[i] == '\r') p[i] = ' ';
  }
}

// Replaces line breaks in [p, end), at least eight bytes, with spaces.
inline void BreaksToSpaces(char* p, char* end) {
  if (end - p >= 64) {
    LongBreaksToSpaces(p, end);
    return;
  }
  // eight bytes at a time; the last word ends at `end` (it may overlap the
  // one before: bytes already replaced are spaces, which are kept)
  char* const last = end - 8;
  for (; p < last; p += 8) WordBreaksToSpaces(p);
  WordBreaksToSpaces(last);
}

// Writes the report text through a pointer into room made for each line or
// table (its bytes plus the pipes, spaces and line ends around them: an
// upper bound), so that single characters need no capacity test. Room is
// made per line or table, not once: zeroing a whole document's worth at once
// costs more than the writes it saves.
class TextWriter {
 public:
  TextWriter(std::string* text, size_t capacity) : text_(text) {
    text_->reserve(capacity);
    base_ = text_->data();
    w_ = base_;
  }
  // Room for `n` more bytes at pos().
  void Room(size_t n) {
    const size_t at = pos();
    text_->resize(at + n);
    base_ = text_->data();
    w_ = base_ + at;
  }
  uint32_t pos() const { return static_cast<uint32_t>(w_ - base_); }
  void Put(char c) { *w_++ = c; }
  void Put(char a, char b) {
    w_[0] = a;
    w_[1] = b;
    w_ += 2;
  }
  // `s` on one line: line breaks become spaces.
  void PutOneLine(std::string_view s) {
    const size_t n = s.size();
    if (n < 8) {
      // short (most table cells): copied and tested bytewise, no call
      for (size_t i = 0; i < n; ++i) {
        const char c = s[i];
        w_[i] = c == '\n' || c == '\r' ? ' ' : c;
      }
    } else {
      std::memcpy(w_, s.data(), n);
      BreaksToSpaces(w_, w_ + n);
    }
    w_ += n;
  }
  // Cuts the text to what was written.
  void Finish() { text_->resize(pos()); }

 private:
  std::string* text_;
  char* base_;
  char* w_;
};

bool IsBlankText(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\n' && c != '\t' && c != '\r') return false;
  }
  return true;
}

// Appends `m` (a heap message) to `field` without copying it: a field on an
// arena takes ownership of a heap-allocated message (freed with the arena),
// where assigning it into an element made on the arena would copy every
// string of it.
template <typename M>
void AddMoved(M&& m, google::protobuf::RepeatedPtrField<M>* field) {
  field->AddAllocated(new M(std::move(m)));
}

// The table a statistics section should hold.
const char* SectionTable(Section::Kind kind) {
  switch (kind) {
    case Section::ACTIVE_DISCLOSURE: return "t2";
    case Section::APPLICATIONS: return "t3";
    case Section::REVIEW_LITIGATION: return "t4";
    default: return nullptr;
  }
}

// A reader note's line. One with only a source offset goes on the line that
// holds it, or else the nearest line before it (or the first line: a line
// dropped as page chrome, say), and takes that line's place in the text; one
// with a place in the text gets that place's line number. A note its reader
// placed already is left alone.
void PlaceOnLine(const std::vector<TextLine>& lines, Span* sp) {
  if (sp->line() != 0 || lines.empty()) return;
  const TextLine* place = nullptr;
  if (sp->end() == 0) {
    const uint32_t at = sp->source_begin();
    for (const TextLine& l : lines) {
      if (l.source_begin <= at && at < std::max(l.source_end, l.source_begin + 1)) {
        place = &l;
        break;
      }
      if (l.source_begin <= at && (place == nullptr || l.source_begin > place->source_begin)) {
        place = &l;
      }
    }
    if (place == nullptr) place = &lines.front();
    sp->set_begin(place->begin);
    sp->set_end(place->end);
  } else {
    for (const TextLine& l : lines) {
      if (l.begin <= sp->begin() && sp->begin() <= l.end) {
        place = &l;
        break;
      }
    }
    if (place == nullptr) return;
  }
  sp->set_line(place->number);
  if (sp->page() == 0) sp->set_page(place->page);
}

}  // namespace

void AssembleInto(ReadResult read, Report* into) {
  Report& report = *into;
  // part headings a table holds (its caption, a row of one cell) become lines
  LiftPartHeadings(&read.blocks);
  // tables left wholly blank, which a page shows as their labels alone
  RebuildBlankTables(read.source.input_format(), &read.blocks);
  // adopted, not copied (see AddMoved)
  report.set_allocated_source(new xxgk::v1::SourceInfo(std::move(read.source)));
  std::string text;
  std::vector<TextLine> lines;
  struct GridAt {
    size_t block;
    PlacedGrid placed;
  };
  std::vector<GridAt> grids;
  // the bytes each table block writes ("| a | b |" and a line end per row),
  // in block order: room is made once per table
  std::vector<size_t> table_bytes;
  size_t bytes = 0;
  {
    // room for everything written below (a line, or a table's rows)
    size_t n_lines = 0;
    for (const Block& b : read.blocks) {
      if (b.kind == Block::Kind::kLine) {
        bytes += b.text.size() + 1;
        ++n_lines;
        continue;
      }
      size_t t = 0;
      for (const auto& row : b.table.rows) {
        t += 2;
        for (const GridCell& c : row) t += c.text.size() + 3;
      }
      table_bytes.push_back(t);
      bytes += t;
      n_lines += b.table.rows.size();
    }
    lines.reserve(n_lines);
    grids.reserve(table_bytes.size());
  }
  TextWriter out(&text, bytes);

  size_t table_index = 0;
  for (size_t bi = 0; bi < read.blocks.size(); ++bi) {
    const Block& b = read.blocks[bi];
    if (b.kind == Block::Kind::kLine) {
      if (IsBlankText(b.text) || IsPageChromeLine(b.text)) continue;
      out.Room(b.text.size() + 1);
      TextLine& l = lines.emplace_back();
      l.begin = out.pos();
      out.PutOneLine(b.text);
      l.end = out.pos();
      out.Put('\n');
      l.source_begin = b.source_begin;
      l.source_end = b.source_end;
      l.page = b.page;
      l.number = static_cast<uint32_t>(lines.size());
      l.table_row = false;
      continue;
    }
    const TableGrid& g = b.table;
    const size_t g_bytes = table_bytes[table_index++];
    if (g.rows.empty()) continue;
    out.Room(g_bytes);
    GridAt ga;
    ga.block = bi;
    ga.placed.grid = &g;
    ga.placed.span.set_begin(out.pos());
    ga.placed.span.set_source_begin(b.source_begin);
    ga.placed.span.set_source_end(b.source_end);
    ga.placed.span.set_page(b.page);
    ga.placed.span.set_line(static_cast<uint32_t>(lines.size() + 1));
    size_t n_cells = 0;
    for (const auto& row : g.rows) n_cells += row.size();
    ga.placed.cell_spans.resize(n_cells);  // every one written below
    TextSpan* span_at = ga.placed.cell_spans.data();
    ga.placed.row_starts.reserve(g.rows.size() + 1);
    ga.placed.row_starts.push_back(0);
    for (const auto& row : g.rows) {
      // the row is written straight into the text as "| a | b |"
      const uint32_t line_begin = out.pos();
      const uint32_t line_no = static_cast<uint32_t>(lines.size() + 1);
      out.Put('|');
      for (const GridCell& c : row) {
        out.Put(' ');
        TextSpan& s = *span_at++;
        s.begin = out.pos();
        if (!c.continuation) out.PutOneLine(c.text);
        s.end = out.pos();
        s.source_begin = c.source_begin;
        s.source_end = c.source_end;
        s.page = b.page;
        s.line = line_no;
        out.Put(' ', '|');
      }
      ga.placed.row_starts.push_back(
          static_cast<uint32_t>(span_at - ga.placed.cell_spans.data()));
      TextLine l;
      l.begin = line_begin;
      l.end = out.pos();
      out.Put('\n');
      l.source_begin = row.empty() ? b.source_begin : row.front().source_begin;
      l.source_end = row.empty() ? b.source_end : row.back().source_end;
      l.page = b.page;
      l.number = line_no;
      l.table_row = true;
      lines.push_back(l);
    }
    ga.placed.span.set_end(out.pos() - 1);
    grids.push_back(std::move(ga));
  }
  out.Finish();

  // sections, then each table's heading: the innermost section around it
  std::vector<Section> sections = FindSections(text, lines);
  for (GridAt& ga : grids) {
    const uint32_t at = ga.placed.span.begin();
    const Section* inner = nullptr;
    for (const Section& s : sections) {
      if (s.span().begin() <= at && at < std::max(s.span().end(), s.span().begin() + 1) + 1) {
        if (inner == nullptr || s.level() >= inner->level()) inner = &s;
      }
    }
    ga.placed.heading = inner ? inner->heading() : ga.placed.grid->caption;
  }
  report.mutable_sections()->Reserve(static_cast<int>(sections.size()));
  for (Section& s : sections) AddMoved(std::move(s), report.mutable_sections());

  report.set_text(std::move(text));  // text is done with
  std::vector<PlacedGrid> placed;
  placed.reserve(grids.size());
  for (GridAt& ga : grids) placed.push_back(std::move(ga.placed));  // grids is done with
  MapTables(placed, &report);

  // tables that should stand under a heading with nothing under it: images
  const auto& tables = report.tables();
  for (const Section& s : report.sections()) {
    const char* t = SectionTable(s.kind());
    if (t == nullptr || s.level() != 1) continue;
    bool found = (std::string_view(t) == "t2" && tables.t2().info().found()) ||
                 (std::string_view(t) == "t3" && tables.t3().info().found()) ||
                 (std::string_view(t) == "t4" && tables.t4().info().found());
    if (found || !IsBlankText(s.text())) continue;
    ReadingNote* n = report.add_notes();
    n->set_kind(ReadingNote::TABLE_AS_IMAGE);
    n->set_message(absl::StrCat("section \"", s.heading(),
                                "\" has a heading and nothing under it: its table was "
                                "probably an image"));
    n->set_excerpt(s.heading());
    *n->mutable_span() = s.heading_span();
    n->set_table(t);
  }

  // A page with none of a report's parts or tables but with attached files
  // or images (a landing page linking the report's PDF, or a report posted
  // as pictures): say where the report is, not only what is missing.
  // A file the reader already found had no text at all was noted there.
  const bool noted_scan =
      std::any_of(read.notes.begin(), read.notes.end(),
                  [](const ReadingNote& n) { return n.kind() == ReadingNote::NO_TEXT_LAYER; });
  if ((!read.attachments.empty() || read.images > 0) && !noted_scan) {
    bool any_part = tables.t2().info().found() || tables.t3().info().found() ||
                    tables.t4().info().found() || tables.legacy().info().found();
    for (const Section& s : report.sections()) any_part = any_part || s.kind() != Section::KIND_UNSPECIFIED;
    const std::string& format = report.source().input_format();
    const bool page = format == "html" || format == "mhtml";
    // A file's pictures stand for the report only when it has next to no
    // text of its own: a seal or a logo beside a report whose
    // headings were not recognised does not make it a scan.
    if (!any_part && (page || FewCharacters(report.text(), kMaxScanTextChars))) {
      ReadingNote* n = report.add_notes();
      n->set_kind(ReadingNote::NO_REPORT_TEXT);
      if (!read.attachments.empty()) {
        n->set_excerpt(absl::StrJoin(read.attachments, "、"));
        n->set_message(absl::StrCat("the page holds no report text, only attached or embedded files (",
                                    n->excerpt(), "): check the attachment itself"));
      } else {
        n->set_excerpt(absl::StrCat(read.images, "张图片"));
        if (page) {
          n->set_message(absl::StrCat("the page holds no report text, only ", read.images,
                                      " image(s): the report was probably posted as pictures"));
        } else {
          // a file of pictures besides a little text: a scan, as a PDF with
          // no text layer at all
          n->set_kind(ReadingNote::NO_TEXT_LAYER);
          n->set_message(PicturesOnlyMessage(format, read.images));
        }
      }
    }
  }

  // reader notes, each on its line
  CapNotes(&read.notes);
  for (ReadingNote& n : read.notes) {
    PlaceOnLine(lines, n.mutable_span());
    AddMoved(std::move(n), report.mutable_notes());
  }
  CapNotes(report.mutable_notes());  // the tables' notes and the readers' together

  auto* meta = report.mutable_meta();
  meta->set_script(read.script == xxgk::v1::TRADITIONAL ? xxgk::v1::TRADITIONAL
                                                         : xxgk::v1::SIMPLIFIED);
  if (tables.legacy().info().found()) {
    meta->set_format_version(xxgk::v1::FORMAT_LEGACY);
  } else if (tables.t2().info().layout() != xxgk::v1::FORMAT_VERSION_UNSPECIFIED) {
    meta->set_format_version(tables.t2().info().layout());
  } else if (tables.t3().info().layout() != xxgk::v1::FORMAT_VERSION_UNSPECIFIED) {
    meta->set_format_version(tables.t3().info().layout());
  }
  ReadMetadata(&report);
  std::vector<xxgk::v1::ProseFact> facts = ExtractFacts(report);
  report.mutable_facts()->Reserve(static_cast<int>(facts.size()));
  for (auto& f : facts) AddMoved(std::move(f), report.mutable_facts());
}

Report Assemble(ReadResult read) {
  Report report;
  AssembleInto(std::move(read), &report);
  return report;
}

}  // namespace xxgk::report
