// Plain text → Blocks: decode, normalise, split lines, recognise tables.
//
// Table layouts recognised in text (see report/readers.h):
//   text-pipe        "a | b | c |" rows ("||" runs are empty cells; also
//                    tables drawn with box-drawing characters, redrawn with
//                    pipes first, and rows holding values that single blank
//                    lines part)
//   text-markdown    "| a | b |" rows with a "|---|" separator
//   text-cell-lines  a lone "|" line starts a row; each following line is a
//                    cell ending in " |"; "||" lines are empty cells
//   text-aligned     columns separated by 2+ spaces or tabs
//   text-run-together  the pre-2019 statistics table (统计指标/单位/统计数) with
//                    label, unit and value run together on one line
//   text-flat        no column separators at all: a cell per line, or cells
//                    separated by single blanks (ReadFlat)
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "re2/re2.h"
#include "report/blocks.h"
#include "report/cell_keys.h"
#include "report/mapped_text.h"
#include "report/decode.h"
#include "report/labels.h"
#include "report/normalize.h"
#include "report/readers.h"
#include "report/readers_common.h"
#include "report/sections.h"
#include "report/table_map.h"
#include "report/utf8.h"

namespace xxgk::report {
namespace {

struct Line {
  std::string_view text;  // trimmed
  uint32_t begin = 0;     // offsets of `text` in the normalised text
  uint32_t end = 0;
  int pipes = 0;           // '|' in the line
  uint32_t first_pipe = 0;  // where its offsets start in the reader's pipe list
  bool only_pipes = false;  // not empty, nothing but '|' and blanks
  bool gap = false;         // a tab or two spaces inside: more than one aligned field
};

bool IsBlankChar(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// Splits `text` into lines with their summaries in one pass that stops only
// at the bytes the summary needs (newlines, pipes, tabs, a space before a
// space): sixteen bytes at a time with SSE2 (a byte loop otherwise). The
// offsets of the pipes are kept, in order, for PipePieces. A line with a
// tab or a double space somewhere (rare) is searched again for one inside
// its trimmed text.
class LineSplitter {
 public:
  LineSplitter(std::string_view text, std::vector<uint32_t>* pipes) : text_(text), pipe_at_(*pipes) {}

  std::vector<Line> Split() {
    // room for short lines (a cell per line) and many pipes: no regrowth
    out_.reserve(text_.size() / 16 + 4);
    pipe_at_.reserve(text_.size() / 16 + 4);
    const auto* p = reinterpret_cast<const uint8_t*>(text_.data());
    const size_t n = text_.size();
    size_t i = 0;
#if defined(__SSE2__)
    const __m128i nl = _mm_set1_epi8('\n'), pipe = _mm_set1_epi8('|'), tab = _mm_set1_epi8('\t'),
                  space = _mm_set1_epi8(' ');
    for (; i + 16 <= n; i += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      if (_mm_movemask_epi8(v) == 0xFFFF) continue;  // no ASCII byte (CJK text)
      const __m128i is_space = _mm_cmpeq_epi8(v, space);
      const __m128i others = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, nl), _mm_cmpeq_epi8(v, pipe)),
                                          _mm_cmpeq_epi8(v, tab));
      const auto hits = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(others, is_space)));
      if (hits == 0) continue;
      const auto spaces = static_cast<unsigned>(_mm_movemask_epi8(is_space));
      // newlines, pipes, tabs, and a space followed by a space (the next
      // block's first byte included), each told by its byte
      const unsigned next_space = i + 16 < n && p[i + 16] == ' ' ? 1u << 15 : 0u;
      for (unsigned mask = (hits & ~spaces) | (spaces & ((spaces >> 1) | next_space)); mask != 0;
           mask &= mask - 1) {
        const size_t at = i + static_cast<size_t>(__builtin_ctz(mask));
        switch (p[at]) {
          case '\n': NewLine(at); break;
          case '|': Pipe(at); break;
          default: maybe_gap_ = true; break;
        }
      }
    }
#endif
    for (; i < n; ++i) {
      switch (p[i]) {
        case '\n': NewLine(i); break;
        case '|': Pipe(i); break;
        case '\t': maybe_gap_ = true; break;
        case ' ':
          if (i + 1 < n && p[i + 1] == ' ') maybe_gap_ = true;
          break;
        default: break;
      }
    }
    EndLine(n);
    return std::move(out_);
  }

 private:
  void NewLine(size_t at) {
    EndLine(at);
    start_ = at + 1;
  }

  void Pipe(size_t at) {  // never a blank: inside the trimmed line
    if (pipes_ == 0) first_pipe_ = static_cast<uint32_t>(pipe_at_.size());
    ++pipes_;
    pipe_at_.push_back(static_cast<uint32_t>(at));
  }

  // The line [start_, nl) ends: trim it and keep its summary.
  void EndLine(size_t nl) {
    size_t b = start_, e = nl;
    while (b < e && IsBlankChar(text_[b])) ++b;
    while (e > b && IsBlankChar(text_[e - 1])) --e;
    const std::string_view t(text_.data() + b, e - b);  // b <= e <= size
    out_.push_back(Line{
        .text = t,
        .begin = static_cast<uint32_t>(b),
        .end = static_cast<uint32_t>(e),
        .pipes = pipes_,
        .first_pipe = first_pipe_,
        .only_pipes = pipes_ > 0 && t.front() == '|' && OnlyPipes(t),
        .gap = maybe_gap_ && HasGap(t),
    });
    pipes_ = 0;
    maybe_gap_ = false;
  }

  // The two searches EndLine may need, kept out of line: EndLine is then
  // small enough to be inlined into the split's loop, and its common path
  // (no pipe at the line's start, no gap) calls nothing.

  // Nothing but '|' and blanks in `t`.
  [[gnu::noinline]] static bool OnlyPipes(std::string_view t) {
    return std::all_of(t.begin(), t.end(), [](char c) { return c == '|' || IsBlankChar(c); });
  }

  // A tab, or a space followed by a space, in `t` (a trimmed line).
  [[gnu::noinline]] static bool HasGap(std::string_view t) {
    return t.find('\t') != std::string_view::npos || t.find("  ") != std::string_view::npos;
  }

  std::string_view text_;
  std::vector<uint32_t>& pipe_at_;
  std::vector<Line> out_;
  size_t start_ = 0;          // of the current line
  int pipes_ = 0;             // in the current line
  uint32_t first_pipe_ = 0;   // its first in pipe_at_
  bool maybe_gap_ = false;    // a tab or double space in the current line
};

// A piece of a line: [b, e) offsets in the normalised text, trimmed.
struct Piece {
  uint32_t b = 0;
  uint32_t e = 0;
};

Piece Trim(std::string_view all, uint32_t b, uint32_t e) {
  while (b < e && IsBlankChar(all[b])) ++b;
  while (e > b && IsBlankChar(all[e - 1])) --e;
  return {b, e};
}

// Splits a line at '|' into pieces (the text before the first and after the
// last '|' included, possibly empty).
// `out` is cleared first (a scratch vector reused across lines); `pipe_at`
// holds the offsets of the text's pipes (LineSplitter).
void PipePieces(std::string_view all, const Line& line, const std::vector<uint32_t>& pipe_at,
                std::vector<Piece>* pieces) {
  std::vector<Piece>& out = *pieces;
  out.clear();
  uint32_t start = line.begin;
  for (int k = 0; k < line.pipes; ++k) {
    const uint32_t i = pipe_at[line.first_pipe + static_cast<uint32_t>(k)];
    out.push_back(Trim(all, start, i));
    start = i + 1;
  }
  out.push_back(Trim(all, start, line.end));
}

// Characters U+4E00..U+9FA5 (letters, kept by LabelKey) in s, counting up
// to `cap`.
int Ideographs(std::string_view s, int cap) {
  int n = 0;
  for (size_t i = 0; i + 2 < s.size() && n < cap; ++i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0xE4 || b0 > 0xE9) continue;
    const auto b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
    if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) continue;
    const UChar32 c = ((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F);
    if (c >= 0x4E00 && c <= 0x9FA5) {
      ++n;
      i += 2;
    }
  }
  return n;
}

// CountCodePoints(s) <= n, counted only when s has more than n bytes and at
// most 4n (CountCodePoints steps over at most four bytes at a time, so more
// bytes make more than n code points).
bool AtMostCodePoints(std::string_view s, size_t n) {
  if (s.size() <= n) return true;
  if (s.size() > 4 * n) return false;
  return CountCodePoints(s) <= n;
}

class TextTableReader {
 public:
  // `input` is the text `to_input` maps into, when there is one: what
  // normalisation took out of a line (the single blanks between ideographs)
  // and the columns pdftotext -layout set its words at are read there.
  TextTableReader(std::string_view text, const std::vector<uint32_t>& to_input,
                  std::string_view input = {})
      : text_(text), to_input_(to_input), input_(input),
        lines_(LineSplitter(text, &pipe_at_).Split()) {}

  std::vector<Block> Read() {
    DropDoubleSpacing();
    // the line count read once (Line is 40 bytes: size() divides)
    const size_t n_lines = lines_.size();
    blocks_.reserve(n_lines);
    size_t i = 0;
    while (i < n_lines) {
      const Line& l = lines_[i];
      if (l.text.empty()) {
        ++i;
        continue;
      }
      Layout layout;
      const size_t next = ReadTableAt(i, /*aligned=*/true, &layout);
      if (next == i) {
        EmitLine(l);
        ++i;
      } else {
        i = next;
      }
    }
    return std::move(blocks_);
  }

  // Text with a blank line after every line (a copy that turned each line
  // into a paragraph) says nothing with its blank lines, and they would
  // part every table row from the next: they are dropped. Only when nine in
  // ten lines (of ten or more) are followed by exactly one blank line;
  // elsewhere a blank line ends a table.
  void DropDoubleSpacing() {
    const size_t n = lines_.size();
    size_t text_lines = 0, spaced = 0;
    for (size_t i = 0; i < n; ++i) {
      if (lines_[i].text.empty()) continue;
      ++text_lines;
      if (i + 2 < n && lines_[i + 1].text.empty() && !lines_[i + 2].text.empty()) ++spaced;
    }
    // the last line has nothing after it
    if (text_lines < 10 || 10 * (spaced + 1) < 9 * text_lines) return;
    lines_.erase(std::remove_if(lines_.begin(), lines_.end(), [](const Line& l) { return l.text.empty(); }),
                 lines_.end());
  }

  // Notes about tables dropped while reading; call after Read().
  std::vector<xxgk::v1::ReadingNote> TakeNotes() { return std::move(notes_); }

  // A flat table and the lines it was read from (indices of lines_).
  struct FlatTableAt {
    size_t first_line = 0;
    size_t last_line = 0;
    TableGrid grid;
  };

  // The tables pasted as text among the lines another reader produced:
  // those that lost their column separators (ReadFlat), the pre-2019
  // table's label/unit/value lines (ReadRunTogether), and pipe rows or pipe
  // cell lines that make a statistics table (a line such as "首页 | 政务公开"
  // stays a line). Aligned columns are left alone: a page's lines are no
  // columns.
  std::vector<FlatTableAt> ReadPastedTables() {
    std::vector<FlatTableAt> out;
    const size_t n_lines = lines_.size();
    size_t i = 0;
    while (i < n_lines) {
      const Line& l = lines_[i];
      if (l.text.empty()) {
        ++i;
        continue;
      }
      const size_t blocks_before = blocks_.size();
      Layout layout;
      const size_t next = ReadTableAt(i, /*aligned=*/false, &layout);
      if (next == i) {
        last_line_ = lines_[i].text;  // a caption for a table after it
        ++i;
        continue;
      }
      // the lines before the table, then the table (unless over budget)
      const bool piped = layout == Layout::kPiped;
      if (blocks_.size() > blocks_before && blocks_.back().kind == Block::Kind::kTable &&
          (!piped || IdentifyTable(blocks_.back().table) != TableId::kNone)) {
        out.push_back({layout == Layout::kFlat ? flat_first_line_ : i, next - 1, std::move(blocks_.back().table)});
      }
      i = next;
    }
    return out;
  }

 private:
  // The layout a table read at a line has: pipes (rows or cell lines), the
  // pre-2019 label/unit/value lines, or columns without pipes (aligned or
  // flat).
  enum class Layout { kPiped, kLegacy, kFlat };

  // Reads the table that starts at line `i` (not empty), trying the layouts
  // its first line allows in turn; aligned columns only when `aligned`.
  // Returns the line after the table, `i` when there is none.
  size_t ReadTableAt(size_t i, bool aligned, Layout* layout) {
    const Line& l = lines_[i];
    if (l.only_pipes) {
      *layout = Layout::kPiped;
      return ReadCellLines(i);
    }
    if (l.pipes >= 2 || (l.pipes == 1 && PipeRowAfter(i) != 0)) {
      *layout = Layout::kPiped;
      return ReadPipeRows(i);
    }
    *layout = Layout::kLegacy;
    const bool tong = ContainsByLastByte(l.text, "统");
    if (tong && IsLegacyHeaderWithTong(l.text)) return ReadRunTogether(i, true);
    if (legacy_start_ == i) return ReadRunTogether(i, false);
    if (tong) NoteLegacyTitle(i);  // a title holds 统
    *layout = Layout::kFlat;
    if (aligned) {
      if (const size_t next = ReadAligned(i); next != i) return next;
    }
    return ReadFlat(i);
  }

  // The line with pipes that follows line `i`: the next line, or a row of
  // values after a single blank line when line `i` holds values too (a copy
  // that set each row of a table as a paragraph of its own: "规章 | 8 | 13 |",
  // blank, "行政许可 | 345"). 0 when none follows.
  size_t PipeRowAfter(size_t i) const {
    const size_t j = i + 1;
    if (j < lines_.size() && lines_[j].pipes >= 1) return j;
    return j < lines_.size() && lines_[j].text.empty() && ValueRowsAround(j) ? j + 1 : 0;
  }

  // Whether the lines either side of blank line `j` are pipe rows holding a
  // value after their first cell: rows of one table a blank line parts.
  // Prose with a pipe ("首页 | 政务公开", "无此类情况 | 无") holds none.
  bool ValueRowsAround(size_t j) const {
    auto value_row = [&](size_t k) {
      if (k >= lines_.size() || lines_[k].pipes == 0 || lines_[k].only_pipes) return false;
      std::vector<Piece> pieces;
      PipePieces(text_, lines_[k], pipe_at_, &pieces);
      for (size_t p = 1; p < pieces.size(); ++p) {
        const std::string_view t = text_.substr(pieces[p].b, pieces[p].e - pieces[p].b);
        if (!t.empty() && t != "无" && IsValueText(t)) return true;
      }
      return false;
    };
    return j > 0 && value_row(j - 1) && value_row(j + 1);
  }

  uint32_t Src(uint32_t off) const {
    if (off < to_input_.size()) return to_input_[off];
    return to_input_.empty() ? off : to_input_.back();
  }

  void EmitLine(const Line& l) {
    Block& b = blocks_.emplace_back();  // built in place
    b.kind = Block::Kind::kLine;
    b.text.assign(l.text);
    b.source_begin = Src(l.begin);
    b.source_end = Src(l.end);
    last_line_ = l.text;
  }

  // A cell for piece `p` appended to `row`, built in place.
  GridCell& AddCell(std::vector<GridCell>* row, Piece p) const {
    GridCell& c = row->emplace_back();
    c.text.assign(text_.data() + p.b, p.e - p.b);
    c.source_begin = Src(p.b);
    c.source_end = Src(p.e);
    return c;
  }

  // A row's last label cell ending in a blank and a number ("规章 8 | 13 |
  // 2 |", "行政许可 1 | ||"): a copy lost the pipe between the label and
  // the row's first value. Read as one cell, the label would still name
  // its row and every value would sit a column to the left. The cell is
  // split in two (pieces_ [first, last) are the row's cells; `last` grows
  // by one). Only a cell with no value before it is looked at, and only a
  // number of digits splits off: "其他 无" may be a label.
  void SplitLabelFromNumber(size_t first, size_t& last) {
    std::vector<Piece>& pieces = pieces_;
    for (size_t p = first; p < last; ++p) {
      const Piece piece = pieces[p];
      if (piece.b == piece.e) continue;
      const std::string_view t = text_.substr(piece.b, piece.e - piece.b);
      const char end = t.back();
      if (end < '0' || end > '9') {
        if (IsValueText(t)) return;  // "—", "12%"
        continue;                    // a label
      }
      // (a tab is TabFields' to judge)
      const size_t blank = t.find_last_of(' ');
      if (blank == std::string_view::npos) return;  // a value, or a label ending in a digit
      const std::string_view number = t.substr(blank + 1);
      if (!AllDigitsOrCommas(number)) return;
      const Piece head = Trim(text_, piece.b, piece.b + static_cast<uint32_t>(blank));
      if (head.b == head.e || IsValueText(text_.substr(head.b, head.e - head.b))) return;
      pieces[p] = head;
      pieces.insert(pieces.begin() + static_cast<std::ptrdiff_t>(p) + 1,
                    Piece{piece.b + static_cast<uint32_t>(blank) + 1, piece.e});
      ++last;
      return;
    }
  }

  static bool AllDigitsOrCommas(std::string_view t) {
    if (t.empty() || t.front() < '0' || t.front() > '9') return false;
    return std::all_of(t.begin(), t.end(), [](char c) { return (c >= '0' && c <= '9') || c == ','; });
  }

  // The fields of `p` parted by tabs, trimmed, empty ones left out; true
  // when there are two or more and the last is a number or NA mark
  // ("行政许可<TAB>1", not "商业<TAB>企业").
  bool TabFields(Piece p, std::vector<Piece>* out) const {
    out->clear();
    uint32_t start = p.b;
    for (uint32_t k = p.b; k <= p.e; ++k) {
      if (k < p.e && text_[k] != '\t') continue;
      const Piece field = Trim(text_, start, k);
      if (field.b < field.e) out->push_back(field);
      start = k + 1;
    }
    return out->size() >= 2 && IsValueText(text_.substr(out->back().b, out->back().e - out->back().b));
  }

  // An empty cell at `at` appended to `row`.
  void AddEmptyCell(std::vector<GridCell>* row, uint32_t at) const {
    GridCell& c = row->emplace_back();
    c.source_begin = c.source_end = Src(at);
  }

  // A new row of a cell-lines table, with room for the cells such rows hold
  // and for as many as the widest row before it (EmitTable pads every row
  // to the widest: no regrowth there). `width` tracks the widest.
  static std::vector<GridCell>& NewRow(std::vector<std::vector<GridCell>>* rows, size_t* width) {
    if (!rows->empty()) *width = std::max(*width, rows->back().size());
    std::vector<GridCell>& row = rows->emplace_back();
    row.reserve(std::max<size_t>(8, *width));
    return row;
  }

  void EmitTable(std::vector<std::vector<GridCell>> rows, const char* kind, uint32_t b,
                 uint32_t e) {
    if (rows.empty()) return;
    size_t width = 0;
    for (const auto& r : rows) width = std::max(width, r.size());
    if (!GridWithinBudget(rows.size(), width)) {
      xxgk::v1::ReadingNote note = TableTooLargeNote(kind, rows.size(), width);
      notes_.push_back(std::move(note));
      last_line_ = {};
      return;
    }
    for (auto& r : rows) {
      uint32_t at = r.empty() ? Src(b) : r.back().source_end;
      r.reserve(width);
      while (r.size() < width) {
        GridCell& c = r.emplace_back();
        c.source_begin = c.source_end = at;
      }
    }
    Block& blk = blocks_.emplace_back();  // built in place
    blk.kind = Block::Kind::kTable;
    blk.table.rows = std::move(rows);
    blk.table.source_kind = kind;
    if (!last_line_.empty() && AtMostCodePoints(last_line_, 60)) {
      blk.table.caption = std::string(last_line_);
    }
    blk.source_begin = Src(b);
    blk.source_end = Src(e);
    last_line_ = {};
  }

  // ---- one cell per line between '|' lines (seed 002) ----
  size_t ReadCellLines(size_t i) {
    const size_t n_lines = lines_.size();
    std::vector<std::vector<GridCell>> rows;
    rows.reserve(32);
    size_t width = 0;  // of the widest row before the last
    std::vector<GridCell>* row = nullptr;
    const uint32_t begin = lines_[i].begin;
    uint32_t end = lines_[i].end;
    auto add_empties = [&](const Line& l, int n) {
      if (row == nullptr) {
        row = &NewRow(&rows, &width);
      }
      for (int k = 0; k < n; ++k) AddEmptyCell(row, l.begin);
    };
    auto is_cell_line = [&](size_t j) {
      if (j >= n_lines) return false;
      std::string_view t = lines_[j].text;
      return !t.empty() && !lines_[j].only_pipes && t.back() == '|';
    };
    // a cell text wrapped over two lines: the first has no '|'
    auto is_wrapped_start = [&](size_t k) {
      if (k >= n_lines) return false;
      const Line& w = lines_[k];
      return !w.text.empty() && w.pipes == 0 && is_cell_line(k + 1) &&
             lines_[k + 1].text.front() != '|' && AtMostCodePoints(w.text, 60) &&
             !IsSectionHeadingLine(w.text);
    };
    size_t j = i;
    while (j < n_lines) {
      const Line& l = lines_[j];
      if (l.only_pipes) {
        size_t k = j;
        while (k < n_lines && lines_[k].only_pipes) ++k;
        // all but the last pipe-only line are empty cells of the current row
        for (size_t m = j; m + 1 < k; ++m) add_empties(lines_[m], lines_[m].pipes);
        const Line& last = lines_[k - 1];
        if (is_cell_line(k) || is_wrapped_start(k)) {
          row = &NewRow(&rows, &width);
          for (int p = 1; p < last.pipes; ++p) AddEmptyCell(row, last.begin);
        } else {
          if (row != nullptr) add_empties(last, last.pipes);
          end = last.end;
          j = k;
          break;
        }
        end = last.end;
        j = k;
        continue;
      }
      // a cell whose text was wrapped: "(二)部分公开(…," then "不计其他情形) |"
      const Line* wrapped = nullptr;
      if (!is_cell_line(j) && row != nullptr && is_wrapped_start(j)) {
        wrapped = &l;
        ++j;
      }
      if (!is_cell_line(j)) break;
      const Line& cl = lines_[j];
      std::vector<Piece>& pieces = pieces_;
      if (cl.pipes == 1) {
        // "text |": one cell, the line (trimmed, led by no blank) up to its
        // pipe with the blanks before the pipe trimmed (PipePieces' first
        // piece; the one after the pipe is empty and dropped)
        pieces.clear();
        pieces.push_back(Trim(text_, cl.begin, pipe_at_[cl.first_pipe]));
      } else {
        PipePieces(text_, cl, pipe_at_, &pieces);
        pieces.pop_back();  // after the final '|'
      }
      size_t from = 0;
      if (cl.text.front() == '|') {
        // a leading '|' starts a new row
        row = &NewRow(&rows, &width);
        from = 1;
      }
      if (row == nullptr) {
        row = &NewRow(&rows, &width);
      }
      for (size_t p = from; p < pieces.size(); ++p) {
        if (p == from && wrapped != nullptr) {
          GridCell& c = AddCell(row, pieces[p]);
          c.text.insert(0, wrapped->text);
          c.source_begin = Src(wrapped->begin);
        } else {
          AddCell(row, pieces[p]);
        }
      }
      end = cl.end;
      ++j;
    }
    // a table needs at least one row with two cells
    bool ok = false;
    for (const auto& r : rows) ok |= r.size() >= 2;
    if (!ok) return i;
    EmitTable(std::move(rows), "text-cell-lines", begin, end);
    return j;
  }

  // Whether a pipe row's first cell (before its first '|', or after a
  // leading one) holds a value rather than a label.
  static bool FirstCellIsValue(const Line& l) {
    std::string_view t = l.text;
    if (!t.empty() && t.front() == '|') t.remove_prefix(1);
    t = t.substr(0, t.find('|'));
    return t.find_first_not_of(" \t") != std::string_view::npos && IsValueText(t);
  }

  static bool IsSeparatorRow(std::string_view t) {
    bool dash = false;
    for (char c : t) {
      if (c == '-') dash = true;
      else if (c != '|' && c != ':' && !IsBlankChar(c)) return false;
    }
    return dash;
  }

  // ---- "a | b | c |" rows and markdown ----
  size_t ReadPipeRows(size_t i) {
    const size_t n_lines = lines_.size();
    std::vector<std::vector<GridCell>> rows;
    rows.reserve(32);
    bool markdown = false;
    const uint32_t begin = lines_[i].begin;
    uint32_t end = lines_[i].end;
    Line carry;  // a wrapped label line waiting for its row
    bool has_carry = false;
    size_t width = 0;  // of the widest row so far
    // Pieces holding tabs not (yet) taken as parting cells: row, cell, piece.
    struct Tabbed {
      size_t row, cell;
      Piece piece;
    };
    std::vector<Tabbed> tabbed;
    std::vector<Piece> fields;
    bool tabs_part_cells = false;
    size_t j = i;
    while (j < n_lines) {
      const Line& l = lines_[j];
      if (l.text.empty()) {
        // a blank line between two rows
        if (!has_carry && ValueRowsAround(j)) {
          ++j;
          continue;
        }
        break;
      }
      if (l.pipes == 0 && l.gap && tabs_part_cells && !has_carry &&
          TabFields(Piece{l.begin, l.end}, &fields)) {
        // In a table whose cells tabs part as well as pipes (below), a row
        // of tabs alone.
        tabs_part_cells = true;
        std::vector<GridCell>& row = rows.emplace_back();
        for (const Piece& f : fields) AddCell(&row, f);
        width = std::max(width, row.size());
        end = l.end;
        ++j;
        continue;
      }
      if (l.pipes == 0) {
        // a label wrapped onto its own line, continued by the next row
        bool next_is_row =
            j + 1 < n_lines && lines_[j + 1].pipes >= 1 && !lines_[j + 1].only_pipes;
        if (next_is_row && !has_carry && AtMostCodePoints(l.text, 60) &&
            !ContainsByLastByte(l.text, "。") && !IsSectionHeadingLine(l.text) &&
            !rows.empty()) {
          if (IsPageNumberText(l.text) || FirstCellIsValue(lines_[j + 1])) {
            // A page's number between two rows (text taken from a PDF), or
            // a line before a row that starts with a value and so has no
            // label to continue: passed over. Joined to the row, "2" and
            // "0" read as 20, or every value sits a column to the right.
            ++j;
            continue;
          }
          carry = l;
          has_carry = true;
          ++j;
          continue;
        }
        break;
      }
      if (l.only_pipes && l.pipes == 1) break;  // cell-lines layout
      if (IsSeparatorRow(l.text)) {
        markdown = true;
        end = l.end;
        ++j;
        continue;
      }
      std::vector<Piece>& pieces = pieces_;
      PipePieces(text_, l, pipe_at_, &pieces);
      // the cells: the pieces less the one before a leading '|' and the one
      // after a trailing '|'
      const size_t first = l.text.front() == '|' ? 1 : 0;
      size_t last = pieces.size();
      if (last > first && l.text.back() == '|') --last;
      std::vector<GridCell>& row = rows.emplace_back();
      // room for the widest row so far too: EmitTable pads to the widest
      width = std::max(width, last - first);
      row.reserve(width);
      SplitLabelFromNumber(first, last);
      for (size_t p = first; p < last; ++p) {
        const size_t at = row.size();
        // Tabs inside a piece part cells where a number follows them (a
        // copy that joined some cells with tabs, others with pipes); then
        // they part the table's other pieces too.
        if (l.gap && TabFields(pieces[p], &fields)) {
          tabs_part_cells = true;
          for (const Piece& f : fields) AddCell(&row, f);
        } else {
          if (l.gap && fields.size() >= 2 && !(p == first && has_carry)) {
            tabbed.push_back({rows.size() - 1, at, pieces[p]});
          }
          AddCell(&row, pieces[p]);
        }
        if (p == first && has_carry) {
          GridCell& c = row[at];
          c.text.insert(0, carry.text);
          c.source_begin = Src(carry.begin);
        }
      }
      has_carry = false;
      end = l.end;
      ++j;
    }
    if (has_carry) --j;  // the carried line was not continued: leave it as a line
    if (rows.empty()) return i;
    if (tabs_part_cells) {
      // from the last, so that the places of the others hold
      for (auto t = tabbed.rbegin(); t != tabbed.rend(); ++t) {
        std::vector<GridCell> cells;
        TabFields(t->piece, &fields);
        for (const Piece& f : fields) AddCell(&cells, f);
        std::vector<GridCell>& row = rows[t->row];
        row.erase(row.begin() + static_cast<std::ptrdiff_t>(t->cell));
        row.insert(row.begin() + static_cast<std::ptrdiff_t>(t->cell), std::make_move_iterator(cells.begin()),
                   std::make_move_iterator(cells.end()));
        width = std::max(width, row.size());
      }
    }
    EmitTable(std::move(rows), markdown ? "text-markdown" : "text-pipe", begin, end);
    return j;
  }

  // ---- whitespace-aligned columns ----
  // Fields of a line split at runs of 2+ spaces or at tabs. In a line whose
  // gaps are tabs only (a table copied from a web page, or saved as text by
  // Word: one tab between every two cells), a tab ends one cell, so k tabs in
  // a row leave k - 1 empty cells between, and tabs before or after the text
  // empty cells at its ends: a blank cell keeps the values after it in their
  // columns. Where spaces align the columns (two or more anywhere in the
  // line), every run of blanks is one gap, whatever its length.
  std::vector<Piece> AlignedFields(const Line& l) const {
    const uint32_t line_begin = RawBegin(l), line_end = RawEnd(l);
    const bool tab_cells =
        text_.substr(line_begin, line_end - line_begin).find("  ") == std::string_view::npos;
    std::vector<Piece> out;
    auto empty_cells = [&out, tab_cells](uint32_t at, int n) {
      for (int e = 0; tab_cells && e < n; ++e) out.push_back(Piece{at, at});
    };
    int leading = 0;
    for (uint32_t k = line_begin; k < l.begin; ++k) leading += text_[k] == '\t';
    empty_cells(l.begin, leading);
    uint32_t start = l.begin;
    uint32_t k = l.begin;
    while (k < l.end) {
      if (text_[k] == '\t' || (text_[k] == ' ' && k + 1 < l.end && text_[k + 1] == ' ')) {
        uint32_t gap_end = k;
        int tabs = 0;
        while (gap_end < l.end && IsBlankChar(text_[gap_end])) tabs += text_[gap_end++] == '\t';
        out.push_back(Trim(text_, start, k));
        empty_cells(k, tabs - 1);
        start = k = gap_end;
        continue;
      }
      ++k;
    }
    out.push_back(Trim(text_, start, l.end));
    int trailing = 0;
    for (uint32_t e = l.end; e < line_end; ++e) trailing += text_[e] == '\t';
    empty_cells(l.end, trailing);
    return out;
  }

  // Where the line starts and ends before its blanks were trimmed.
  uint32_t RawBegin(const Line& l) const {
    uint32_t b = l.begin;
    while (b > 0 && text_[b - 1] != '\n') --b;
    return b;
  }
  uint32_t RawEnd(const Line& l) const {
    uint32_t e = l.end;
    while (e < text_.size() && text_[e] != '\n') ++e;
    return e;
  }

  // Whether the line holds a tab (a gap of a copied or exported table).
  bool HasTab(const Line& l) const {
    return text_.substr(l.begin, l.end - l.begin).find('\t') != std::string_view::npos;
  }

  // Whether tabs follow the line's text: a row of a tab-separated table
  // whose cells after the label are blank (a tab before the text is more
  // often a paragraph's indent).
  bool HasTrailingTab(const Line& l) const {
    return text_.substr(l.end, RawEnd(l) - l.end).find('\t') != std::string_view::npos;
  }

  // A field of aligned columns whose last words, each after a single blank,
  // are numbers: text laid out by a PDF converter (pdftotext -layout) sets
  // a long label or a wide number only one blank before the next column
  // ("…申请数量 52", "10622 34"). Each number is a cell of its own, the words
  // before them one cell; a field of words only ("(三) 1.属于国家秘密",
  // "2024 年") stays whole.
  void SplitNumberRuns(std::vector<Piece>* fields) const {
    auto is_number = [](std::string_view t) {
      return !t.empty() && t.front() >= '0' && t.front() <= '9' &&
             std::all_of(t.begin(), t.end(), [](char c) { return (c >= '0' && c <= '9') || c == ',' || c == '.'; });
    };
    for (size_t k = 0; k < fields->size(); ++k) {
      const Piece p = (*fields)[k];
      const std::string_view t = text_.substr(p.b, p.e - p.b);
      size_t cut = t.size();  // where the run of numbers starts
      while (cut > 0) {
        const size_t blank = t.rfind(' ', cut - 1);
        const std::string_view word = t.substr(blank == std::string_view::npos ? 0 : blank + 1,
                                               cut - (blank == std::string_view::npos ? 0 : blank + 1));
        if (!is_number(word)) break;
        cut = blank == std::string_view::npos ? 0 : blank;
      }
      if (cut == t.size() || (cut == 0 && t.find(' ') == std::string_view::npos)) continue;
      std::vector<Piece> parts;
      if (cut > 0) parts.push_back(Trim(text_, p.b, p.b + static_cast<uint32_t>(cut)));
      uint32_t start = p.b + static_cast<uint32_t>(cut);
      for (uint32_t at = start; at <= p.e; ++at) {
        if (at < p.e && text_[at] != ' ') continue;
        const Piece word = Trim(text_, start, at);
        if (word.b < word.e) parts.push_back(word);
        start = at + 1;
      }
      fields->erase(fields->begin() + static_cast<std::ptrdiff_t>(k));
      fields->insert(fields->begin() + static_cast<std::ptrdiff_t>(k), parts.begin(), parts.end());
      k += parts.size() - 1;
    }
  }

  int ValueFields(const std::vector<Piece>& fields) const {
    int n = 0;
    for (const Piece& p : fields) {
      std::string_view t = text_.substr(p.b, p.e - p.b);
      if (!t.empty() && IsValueText(t)) ++n;
    }
    return n;
  }

  // ---- columns set by pdftotext -layout ----
  // (a label or title line longer than this is a sentence)
  static constexpr size_t kMaxSpacedLabelBytes = 150;

  // Text laid out by a PDF converter keeps each word at the column its
  // place on the page gives it, a character per column, and may set two
  // columns only one blank apart ("行政规范性文件 12", column titles "本年制发件数
  // 本年废止件数"). Normalisation takes a blank between two ideographs out,
  // so the input (when known) says where the blanks and columns were.

  // The column (in characters of its input line) at which the input has
  // text byte `k`; -1 when the input is not known.
  int InputColumn(uint32_t k) const {
    if (input_.empty()) return -1;
    const uint32_t at = std::min<uint32_t>(Src(k), static_cast<uint32_t>(input_.size()));
    const size_t nl = input_.rfind('\n', at == 0 ? 0 : at - 1);
    const size_t start = nl == std::string_view::npos || at == 0 ? 0 : nl + 1;
    return static_cast<int>(CountCodePoints(input_.substr(start, at - start)));
  }

  // Whether the input has a blank just before text byte `k` that the text
  // does not (normalisation dropped it between two ideographs).
  bool BlankDroppedBefore(uint32_t k) const {
    if (input_.empty() || k == 0 || IsBlankChar(text_[k - 1])) return false;
    const uint32_t at = Src(k);
    return at > 0 && at <= input_.size() && input_[at - 1] == ' ' && Src(k - 1) < at - 1;
  }

  // The words of `p` parted by single blanks, those normalisation dropped
  // included.
  void SingleBlankWords(Piece p, std::vector<Piece>* out) const {
    out->clear();
    uint32_t start = p.b;
    for (uint32_t k = p.b; k <= p.e; ++k) {
      if (k < p.e && text_[k] != ' ' && !(k > start && BlankDroppedBefore(k))) continue;
      const Piece w = Trim(text_, start, k);
      if (w.b < w.e) out->push_back(w);
      start = k < p.e && text_[k] == ' ' ? k + 1 : k;
    }
  }

  // A row of headers (no value) in a table whose columns spaces keep, with
  // fewer fields than the row of values below it: column titles set one
  // blank apart read as one field. Split at single blanks when that gives
  // the row as many fields as the row of values has.
  void SplitJoinedTitles(std::vector<std::vector<Piece>>* rows) const {
    std::vector<Piece> words;
    for (size_t r = 0; r + 1 < rows->size(); ++r) {
      std::vector<Piece>& row = (*rows)[r];
      if (ValueFields(row) != 0) continue;
      size_t below = r + 1;
      while (below < rows->size() && ValueFields((*rows)[below]) == 0) ++below;
      if (below == rows->size() || (*rows)[below].size() <= row.size()) continue;
      std::vector<Piece> split;
      for (const Piece& f : row) {
        SingleBlankWords(f, &words);
        split.insert(split.end(), words.begin(), words.end());
      }
      if (split.size() == (*rows)[below].size()) row = std::move(split);
    }
  }

  // Whether field `a` shares a column of the input with one of `above`
  // (from its second on). The fields stand left to right: the look ends at
  // the first that starts past `a`, so a long row above costs no more than
  // the part of it over `a` (each column is counted from its line's start).
  bool UnderAColumn(Piece a, const std::vector<Piece>& above) const {
    const int a0 = InputColumn(a.b), a1 = InputColumn(a.e);
    if (a0 < 0) return false;
    for (size_t c = 1; c < above.size(); ++c) {
      const int b0 = InputColumn(above[c].b);
      if (b0 >= a1) return false;
      if (a0 < InputColumn(above[c].e)) return true;
    }
    return false;
  }

  // Line `j`, with no wider gap, as a row of a table whose columns spaces
  // keep: a label and numbers each one blank apart ("行政事业性收费 123.45"),
  // the first number under a value column of the row `above`. Empty when
  // the line is no such row (a sentence ending in a number is not under a
  // column).
  std::vector<Piece> RowWithoutGap(size_t j, const std::vector<Piece>& above) const {
    const Line& l = lines_[j];
    if (l.pipes > 0 || l.text.size() > kMaxSpacedLabelBytes || ContainsByLastByte(l.text, "。")) {
      return {};  // another layout's row, or a sentence
    }
    std::vector<Piece> f{Piece{l.begin, l.end}};
    SplitNumberRuns(&f);
    if (f.size() < 2 || ValueFields(f) != static_cast<int>(f.size()) - 1) return {};
    return UnderAColumn(f[1], above) ? f : std::vector<Piece>{};
  }

  // A line of labels or titles with no wider gap (a label wrapped over
  // lines, titles set one blank apart): short, no sentence, no heading.
  bool LabelLine(const Line& l) const {
    return !l.text.empty() && !l.gap && l.pipes == 0 && l.text.size() <= kMaxSpacedLabelBytes &&
           !ContainsByLastByte(l.text, "。") && !IsSectionHeadingLine(l.text);
  }

  // The last of `rows` with more than one field (a label line has one).
  static const std::vector<Piece>& LastWithGap(const std::vector<std::vector<Piece>>& rows) {
    for (size_t r = rows.size(); r-- > 0;) {
      if (rows[r].size() > 1) return rows[r];
    }
    return rows.back();
  }

  // Whether a row holding values comes from line `k` on, past runs of at
  // most two blank lines (pdftotext sets a table's rows apart so), rows of
  // headers and label lines: the table whose columns spaces keep goes on.
  // That row may be one without a gap (RowWithoutGap) under the row
  // `above` or under a row of headers on the way.
  bool SpacedValueRowAhead(size_t k, const std::vector<Piece>& above) const {
    constexpr int kMaxLines = 8;
    int blanks = 0, seen = 0;
    std::vector<Piece> headers;  // the last row of headers passed
    const std::vector<Piece>* over = &above;
    for (; k < lines_.size() && seen < kMaxLines; ++k) {
      const Line& l = lines_[k];
      if (l.text.empty()) {
        if (++blanks > 2) return false;
        continue;
      }
      blanks = 0;
      ++seen;
      if (l.gap && l.pipes == 0) {
        if (HasTab(l)) return false;
        std::vector<Piece> f = AlignedFields(l);
        SplitNumberRuns(&f);
        if (ValueFields(f) > 0) return true;
        headers = std::move(f);
        over = &headers;
        continue;
      }
      if (!RowWithoutGap(k, *over).empty()) return true;
      if (!LabelLine(l)) return false;
    }
    return false;
  }

  size_t ReadAligned(size_t i) {
    if (i < aligned_checked_until_) return i;
    size_t j = i;
    int data_rows = 0;
    int widest_values = 0;  // most value fields of a row
    // Rows of one value where spaces part the cells, counted only under a
    // first row of headers (no value, no digit).
    int one_value_rows = 0;
    bool header_first = true;
    const bool tabbed = lines_[i].gap && HasTab(lines_[i]);
    constexpr size_t kMaxBandBytes = 60, kMaxLabelBytes = 150;
    // A tab-separated table copied with every row a paragraph of its own has
    // a blank line after each row. There, a single blank line goes on with
    // the table when a tab-separated row follows it that holds a value or
    // heads one (the next row, past its blank line, holds a value), or a
    // band row (第二十条第（五）项) and then such a row; a table whose first
    // rows are not so parted ends at its first blank line.
    auto with_value = [&](size_t k) {
      return k < lines_.size() && lines_[k].gap && lines_[k].pipes < 2 && HasTab(lines_[k]) &&
             ValueFields(AlignedFields(lines_[k])) > 0;
    };
    auto tab_row = [&](size_t k) {  // holds a value, or heads a row past a blank line that does
      return with_value(k) || (k + 2 < lines_.size() && lines_[k].gap && HasTab(lines_[k]) &&
                               lines_[k + 1].text.empty() && with_value(k + 2));
    };
    bool blank_parted = false;
    auto next_row = [&](size_t k) {  // the line after `k`, past a parting blank line
      return blank_parted && k + 2 < lines_.size() && lines_[k + 1].text.empty() ? k + 2 : k + 1;
    };
    std::vector<std::vector<Piece>> fields;
    while (j < lines_.size()) {
      if (lines_[j].text.empty()) {
        if (!tabbed && !fields.empty() && SpacedValueRowAhead(j, LastWithGap(fields))) {
          ++j;  // blank lines between rows laid out by pdftotext
          continue;
        }
        if (!tabbed || fields.empty() || (!blank_parted && fields.size() > 1)) break;
        const Line& after = j + 1 < lines_.size() ? lines_[j + 1] : lines_[j];
        const bool band_then_row = !after.gap && !after.text.empty() && after.text.size() <= kMaxBandBytes &&
                                   !IsSectionHeadingLine(after.text) &&
                                   tab_row(j + 2 < lines_.size() && lines_[j + 2].text.empty() ? j + 3 : j + 2);
        if (!tab_row(j + 1) && !band_then_row) break;
        blank_parted = true;
        ++j;
        continue;
      }
      if (tabbed && lines_[j].pipes >= 2) break;  // a table of another layout starts
      if (!lines_[j].gap) {
        // one field: the end, unless it is a band row (第二十条第（五）项)
        // or a row of blank cells between the rows of a tab-separated table
        // (a label, not a paragraph: table 三's longest has 33 characters)
        const size_t bytes = lines_[j].text.size();
        const size_t after = next_row(j);
        const bool band = bytes <= kMaxBandBytes && after < lines_.size() && lines_[after].gap &&
                          HasTab(lines_[after]) == tabbed && !IsSectionHeadingLine(lines_[j].text);
        const bool blank_row = bytes <= kMaxLabelBytes && HasTrailingTab(lines_[j]);
        if (!tabbed && !fields.empty() && IsPageNumberText(lines_[j].text) &&
            SpacedValueRowAhead(j + 1, LastWithGap(fields))) {
          ++j;  // a page's number where the table crosses a page: no row
          continue;
        }
        if (!fields.empty() && (band || (tabbed && blank_row))) {
          fields.push_back(AlignedFields(lines_[j]));  // with the blank cells tabs after it leave
          ++j;
          continue;
        }
        if (!tabbed && !fields.empty()) {
          // pdftotext's layout: a row whose label is one blank before its
          // values, or labels and titles over a row further down
          std::vector<Piece> row = RowWithoutGap(j, LastWithGap(fields));
          if (!row.empty()) {
            ++(row.size() > 2 ? data_rows : one_value_rows);
            fields.push_back(std::move(row));
            ++j;
            continue;
          }
          if (LabelLine(lines_[j]) && SpacedValueRowAhead(j + 1, LastWithGap(fields))) {
            fields.push_back(AlignedFields(lines_[j]));
            ++j;
            continue;
          }
        }
        break;
      }
      std::vector<Piece> f = AlignedFields(lines_[j]);
      SplitNumberRuns(&f);
      if (f.size() < 2) break;
      const int values = ValueFields(f);
      if (fields.empty()) {
        header_first = values == 0 && std::none_of(lines_[j].text.begin(), lines_[j].text.end(),
                                                   [](char c) { return c >= '0' && c <= '9'; });
      }
      // a label and one value (行政许可<tab>300) is a row of a tab-separated table
      if (values >= 2 || (tabbed && values >= 1)) {
        ++data_rows;
      } else if (values == 1 && header_first) {
        ++one_value_rows;
      }
      widest_values = std::max(widest_values, values);
      fields.push_back(std::move(f));
      ++j;
    }
    // Two rows of values make a table; a single row of several under its
    // headers does too (table 四 has one) when tabs part the cells. Where
    // spaces part them, so do such a row, or two rows of one value each
    // under a row of headers (table 二's blocks), when the headers name one
    // of the statistics tables.
    const bool single = data_rows == 1 && widest_values >= 3;
    // Not a table: any run starting inside this one has no more data rows,
    // so those runs are skipped too.
    auto skip = [&] {
      aligned_checked_until_ = std::max(aligned_checked_until_, j);
      return i;
    };
    if (fields.size() < 2 || (data_rows < 2 && !single && data_rows + one_value_rows < 2)) return skip();
    if (!tabbed) SplitJoinedTitles(&fields);
    TableGrid grid;
    grid.rows.reserve(fields.size());
    for (const auto& f : fields) {
      std::vector<GridCell>& row = grid.rows.emplace_back();
      row.reserve(f.size());
      for (const Piece& p : f) AddCell(&row, p);
    }
    // (a tab-separated run with fewer than two data rows got here only with
    // its single row of several values)
    if (data_rows < 2 && !tabbed && IdentifyTable(grid) == TableId::kNone) return skip();
    EmitTable(std::move(grid.rows), "text-aligned", lines_[i].begin, lines_[j - 1].end);
    if (!tabbed && !blocks_.empty() && blocks_.back().kind == Block::Kind::kTable) blocks_.back().table.spaced = true;
    return j;
  }

  // ---- tables that lost their column separators ----
  //
  // Text copied out of a web page or a PDF often keeps a table's cells but
  // not its grid: each cell on a line of its own, or a row's cells separated
  // by single spaces. Such a run of short lines is read as a table when the
  // grid it makes is one of the statistics tables (IdentifyTable): a line
  // holding only values adds them to the row above, any other line starts a
  // row (its label; with values after it, split at blanks into label cells
  // and values), and the column headers stacked one per line above a row of
  // k values become one header row of k + 1 cells. Such text cannot show a
  // blank cell: a row that had one reads as short, and the table mapping
  // places none of its values (report/table_map.cc, FlatRowLostCells).

  static constexpr size_t kFlatMaxBytes = 240;

  // The tests of FlatCandidate that read no more than the line's summary.
  static bool FlatShort(const Line& l) {
    return !l.text.empty() && l.text.size() <= kFlatMaxBytes && l.pipes == 0 && !l.gap;
  }

  // A line that may be part of such a table: short (table 三's longest
  // label has 40 characters), one of no other layout (pipes; tabs or wider
  // gaps, which keep blank cells, are ReadAligned's), no sentence, no
  // heading. Cheapest tests first: most lines that get here are prose.
  static bool FlatCandidate(const Line& l) {
    return FlatShort(l) && !ContainsByLastByte(l.text, "。") && !IsSectionHeadingLine(l.text);
  }

  // The blank-separated pieces of a line.
  void BlankPieces(const Line& l, std::vector<Piece>* out) const {
    out->clear();
    uint32_t k = l.begin;
    while (k < l.end) {
      while (k < l.end && IsBlankChar(text_[k])) ++k;
      const uint32_t b = k;
      while (k < l.end && !IsBlankChar(text_[k])) ++k;
      if (k > b) out->push_back({b, k});
    }
  }

  std::string_view PieceText(Piece p) const { return text_.substr(p.b, p.e - p.b); }

  // Units the pre-2019 table prints in a column of its own (篇 for 政策解读
  // 稿件数), the longer first where one ends another (万元 before 元, 人次
  // before 次 and 人).
  static constexpr std::string_view kLegacyUnits[] = {"万元", "人次", "亿元", "元", "个", "件", "条",
                                                      "次",   "人",   "场",   "期", "家", "项", "篇"};

  static bool IsUnitWord(std::string_view t) {
    return std::find(std::begin(kLegacyUnits), std::end(kLegacyUnits), t) != std::end(kLegacyUnits);
  }

  struct FlatRow {
    std::vector<GridCell> cells;
    size_t line = 0;       // the line it starts on
    size_t last_line = 0;  // the last line it takes
    size_t labels = 0;     // label cells, first in `cells`
    // a label line's words, when single blanks (those normalisation dropped
    // included) part several (column titles set on one line: 本年制发件数
    // 本年废止件数 现行有效件数)
    std::vector<Piece> words;
    size_t values() const { return cells.size() - labels; }
    // one label line and nothing else (a header stacked over a row, say)
    bool one_label() const { return cells.size() == 1 && labels == 1; }
  };

  // The short lines from `i` on hold a value at a line's end, judged by the
  // cheap tests alone (most runs of short lines are headings and notes with
  // no number: they cost no heading test). Past the run otherwise.
  size_t FirstWithoutValue(size_t i) const {
    size_t j = i;
    for (; j < lines_.size(); ++j) {
      const Line& l = lines_[j];
      if (l.text.empty()) continue;
      if (!FlatShort(l)) break;
      size_t last = l.text.size();  // the last blank-separated piece
      while (last > 0 && !IsBlankChar(l.text[last - 1])) --last;
      if (IsValueText(l.text.substr(last))) return i;
    }
    return j;
  }

  size_t ReadFlat(size_t i) {
    if (i < flat_checked_until_) return i;
    if (const size_t past = FirstWithoutValue(i); past != i) {
      flat_checked_until_ = std::max(flat_checked_until_, past);
      return i;
    }
    const size_t n_lines = lines_.size();
    std::vector<FlatRow> rows;
    std::vector<Piece>& pieces = pieces_;
    size_t j = i;
    int blank_run = 0;
    // Values on lines of their own, or several after one label: a grid.
    // Lines of one label and one value each are as often prose (行政许可 12)
    // and stay lines.
    bool gridded = false;
    for (; j < n_lines; ++j) {
      const Line& l = lines_[j];
      if (l.text.empty()) {
        if (++blank_run > 2) break;
        continue;
      }
      // another layout's start: the pre-2019 table's header or first row
      if (!FlatCandidate(l) || j == legacy_start_ || IsLegacyHeader(l.text)) break;
      blank_run = 0;
      BlankPieces(l, &pieces);
      size_t first_value = pieces.size();
      while (first_value > 0 && IsValueText(PieceText(pieces[first_value - 1]))) --first_value;
      if (first_value == 0) {  // values only: the row above goes on
        if (rows.empty()) break;
        FlatRow& r = rows.back();
        for (const Piece& p : pieces) AddCell(&r.cells, p);
        r.last_line = j;
        gridded = true;
        continue;
      }
      const Piece label{pieces.front().b, pieces[first_value - 1].e};
      if (IsUnitWord(PieceText(label)) && !rows.empty() && rows.back().one_label()) {
        // a unit cell of its own line (pre-2019 table): the label's row
        FlatRow& r = rows.back();
        for (size_t p = first_value - 1; p < pieces.size(); ++p) AddCell(&r.cells, pieces[p]);
        r.last_line = j;
        continue;
      }
      FlatRow& r = rows.emplace_back();
      r.line = r.last_line = j;
      if (first_value == pieces.size()) {  // a label (or a header) line
        AddCell(&r.cells, label);
        r.labels = 1;
        HeaderWords(label, &r.words);
        continue;
      }
      for (size_t p = 0; p < pieces.size(); ++p) AddCell(&r.cells, pieces[p]);
      r.labels = first_value;
      if (pieces.size() - first_value >= 2) gridded = true;
    }
    flat_checked_until_ = std::max(flat_checked_until_, j);
    // A label row after the last row of values: the next text, or, in text
    // that puts each row's values before its label, the last row's label.
    std::vector<FlatRow> shifted;
    if (!rows.empty() && rows.back().values() == 0 && gridded) shifted = ShiftValuesDown(rows);
    // label rows after the last row of values are not the table's
    while (!rows.empty() && rows.back().values() == 0) rows.pop_back();
    size_t value_cells = 0;
    for (const FlatRow& r : rows) value_cells += r.values();
    if (value_cells < 2 || !gridded) return i;
    MergeStackedHeaders(&rows);
    TableGrid grid;
    grid.rows.reserve(rows.size());
    for (FlatRow& r : rows) grid.rows.push_back(std::move(r.cells));
    if (IdentifyTable(grid) == TableId::kNone) return i;
    if (!shifted.empty()) {
      // Values before their labels (a browser's PDF extracted as text puts
      // every row's numbers first): the reading that places more cells of
      // the statistics table is the text's order; a tie keeps labels first.
      MergeStackedHeaders(&shifted);
      TableGrid other;
      other.rows.reserve(shifted.size());
      for (FlatRow& r : shifted) other.rows.push_back(r.cells);
      if (PlacedCells(other) > PlacedCells(grid)) {
        rows = std::move(shifted);
        grid = std::move(other);
      }
    }
    // Short lines before the table that are not part of it: label rows
    // before the first row of values (or headers) that name no table.
    // Table 四's 行政复议 and 行政诉讼 name it only together, and here each
    // has a line.
    size_t from = 0;
    for (; from < rows.size() && grid.rows[from].size() == 1 && rows[from].labels == 1; ++from) {
      const std::string_view t = grid.rows[from].front().text;
      if (ContainsByLastByte(t, "行政复议") || ContainsByLastByte(t, "行政诉讼")) break;
      TableGrid one;
      one.rows.push_back(std::move(grid.rows[from]));
      const bool names_table = IdentifyTable(one) != TableId::kNone;
      grid.rows[from] = std::move(one.rows.front());
      if (names_table) break;
    }
    const size_t first_line = rows[from].line, last_line = rows.back().last_line;
    for (size_t k = i; k < first_line; ++k) {
      if (!lines_[k].text.empty()) EmitLine(lines_[k]);
    }
    grid.rows.erase(grid.rows.begin(), grid.rows.begin() + static_cast<std::ptrdiff_t>(from));
    flat_first_line_ = first_line;
    EmitTable(std::move(grid.rows), "text-flat", lines_[first_line].begin, lines_[last_line].end);
    return last_line + 1;
  }

  // The words of label line `p` when single blanks part it into several
  // titles, none a value (a page footer, 第 3 页 共 8 页, is no header);
  // `out` is left empty otherwise.
  void HeaderWords(Piece p, std::vector<Piece>* out) const {
    SingleBlankWords(p, out);
    const bool titles = out->size() > 1 && std::none_of(out->begin(), out->end(), [&](Piece w) {
      return IsValueText(PieceText(w));
    });
    if (!titles) out->clear();
  }

  // A cell for word `w`, its span without the blank after it that
  // normalisation dropped (the word ends where the next one starts).
  void AddWordCell(std::vector<GridCell>* row, Piece w) const {
    GridCell& c = AddCell(row, w);
    while (c.source_end > c.source_begin && c.source_end <= input_.size() &&
           IsBlankChar(input_[c.source_end - 1])) {
      --c.source_end;
    }
  }

  // `rows` with each row's values moved to the row after it (the last row,
  // a label, takes the values before it), for text that sets a row's values
  // before its label. Empty when some row with values has none after it.
  static std::vector<FlatRow> ShiftValuesDown(const std::vector<FlatRow>& rows) {
    std::vector<FlatRow> out;
    out.reserve(rows.size());
    for (const FlatRow& r : rows) {
      FlatRow& o = out.emplace_back();
      o.line = r.line;
      o.last_line = r.last_line;
      o.cells.assign(r.cells.begin(), r.cells.begin() + static_cast<std::ptrdiff_t>(r.labels));
      o.labels = r.labels;
      o.words = r.words;
    }
    for (size_t k = 0; k + 1 < rows.size(); ++k) {
      const FlatRow& r = rows[k];
      if (r.values() == 0) continue;
      FlatRow& next = out[k + 1];
      next.cells.insert(next.cells.end(), r.cells.begin() + static_cast<std::ptrdiff_t>(r.labels), r.cells.end());
      next.line = std::min(next.line, r.line);
    }
    return out;
  }

  // How many cells of the statistics tables `grid` places.
  static size_t PlacedCells(const TableGrid& grid) {
    xxgk::v1::Report report;
    PlacedGrid placed;
    placed.grid = &grid;
    MapTables({placed}, &report);
    size_t n = 0;
    for (const std::string& key : AllCellKeys()) n += FindCell(report.tables(), key) != nullptr;
    return n;
  }

  // Column headers stacked one per line (信息内容 / 本年制发件数 / 本年废止件数
  // / 现行有效件数 above 规章 0 0 0): the header row of the row of values
  // below them, when there are as many as it has values plus its label.
  // Header lines that set several titles on one line apart by single
  // blanks (信息内容 / 本年制发件数 本年废止件数 现行有效件数) count a cell a
  // word, and are taken first when that makes exactly as many: a line a
  // cell would reach up to the text above the table.
  void MergeStackedHeaders(std::vector<FlatRow>* rows) const {
    std::vector<FlatRow>& rs = *rows;
    size_t since = 0;  // rows after the last row of values
    for (size_t r = 0; r < rs.size(); ++r) {
      const size_t values = rs[r].values();
      if (values == 0) continue;
      const size_t want = values + 1;
      // label rows just above r since the last row of values
      size_t top = r;
      while (top > since && rs[top - 1].one_label()) --top;
      since = r + 1;
      size_t from = WordHeaderStart(rs, top, r, want);
      const bool split = from < r;
      if (!split) {
        if (r - top < want) continue;
        from = r - want;
      }
      JoinHeaderRows(&rs, from, r, split);
      r = from + 1;
      since = r + 1;
    }
  }

  // The first of the label rows [top, r) that, a cell a word, make exactly
  // `want` header cells down to r; r when none does (or none has words).
  static size_t WordHeaderStart(const std::vector<FlatRow>& rs, size_t top, size_t r,
                                size_t want) {
    size_t cells = 0;
    bool words = false;
    for (size_t k = r; k > top && cells < want;) {
      --k;
      words |= !rs[k].words.empty();
      cells += std::max<size_t>(1, rs[k].words.size());
      if (cells == want && words) return k;
    }
    return r;
  }

  // Label rows [from, r) made one header row at `from` (each row's words a
  // cell of their own when `split`).
  void JoinHeaderRows(std::vector<FlatRow>* rows, size_t from, size_t r, bool split) const {
    std::vector<FlatRow>& rs = *rows;
    FlatRow& head = rs[from];
    if (split && !head.words.empty()) {
      head.cells.clear();
      for (const Piece& w : head.words) AddWordCell(&head.cells, w);
    }
    for (size_t k = from + 1; k < r; ++k) {
      if (split && !rs[k].words.empty()) {
        for (const Piece& w : rs[k].words) AddWordCell(&head.cells, w);
      } else {
        head.cells.push_back(std::move(rs[k].cells.front()));
      }
      head.last_line = rs[k].last_line;
    }
    head.labels = head.cells.size();
    rs.erase(rs.begin() + static_cast<std::ptrdiff_t>(from + 1),
             rs.begin() + static_cast<std::ptrdiff_t>(r));
  }

  // ---- pre-2019 statistics table, label/unit/value run together ----
  static bool IsLegacyHeader(std::string_view t) {
    // The key keeps characters of the line: no 统, no header.
    return ContainsByLastByte(t, "统") && IsLegacyHeaderWithTong(t);
  }

  // IsLegacyHeader(t) for a line known to hold 统.
  static bool IsLegacyHeaderWithTong(std::string_view t) {
    // Both headers hold 指, which LabelKey keeps as it is and makes from no
    // other character: a line without it (most lines with 统 are prose about
    // 统计 or 统筹) is no header. Nor one with more ideographs than the 11 of
    // the longer header and 18 in numberings.
    if (!ContainsByLastByte(t, "指") || Ideographs(t, 30) >= 30) return false;
    std::string k = LabelKey(t);
    return k == "统计指标单位统计数" || k == "统计指标计量单位统计数";
  }

  // The label, unit and value cells of `l` into `*out` (empty).
  void SplitRunTogether(const Line& l, std::vector<GridCell>* out) const {
    std::string_view t = l.text;
    uint32_t label_end = l.end;
    Piece value{l.end, l.end};
    Piece unit{l.end, l.end};
    size_t head = 0, val = 0;
    if (internal::SplitTrailingValue(t, &head, &val) && head > 0) {
      value = Trim(text_, l.begin + static_cast<uint32_t>(val), l.end);
      label_end = l.begin + static_cast<uint32_t>(head);
    }
    Piece label = Trim(text_, l.begin, label_end);
    std::string_view lt = text_.substr(label.b, label.e - label.b);
    for (const std::string_view us : kLegacyUnits) {
      if (lt.size() > us.size() && lt.substr(lt.size() - us.size()) == us) {
        Piece rest = Trim(text_, label.b, label.e - static_cast<uint32_t>(us.size()));
        std::string_view rt = text_.substr(rest.b, rest.e - rest.b);
        static const char* const kEnds[] = {"数", "用", "费", ")", "额", "量"};
        bool ok = false;
        for (const char* e : kEnds) {
          std::string_view es(e);
          ok |= rt.size() > es.size() && rt.substr(rt.size() - es.size()) == es;
        }
        if (ok) {
          unit = {label.e - static_cast<uint32_t>(us.size()), label.e};
          label = rest;
        }
        break;
      }
    }
    std::vector<GridCell>& row = *out;
    row.reserve(3);
    AddCell(&row, label);
    AddCell(&row, unit);  // an empty piece makes the same cell AddEmptyCell would
    AddCell(&row, value);
  }

  // After a 政府信息公开情况统计表 title with no 统计指标/单位/统计数 header line,
  // the table starts at its first row (一、主动公开情况).
  // Called for lines holding 统.
  void NoteLegacyTitle(size_t i) {
    if (!ContainsByLastByte(lines_[i].text, "表") ||
        !internal::LabelKeyHoldsStatisticsTable(lines_[i].text)) {
      return;
    }
    int seen = 0;
    for (size_t j = i + 1; j < lines_.size() && seen < 5; ++j) {
      if (lines_[j].text.empty()) continue;
      ++seen;
      if (IsLegacyHeader(lines_[j].text)) return;
      Numbering num = ParseNumbering(lines_[j].text);
      if (num.style == NumberingStyle::kTop && num.value == 1 &&
          LabelKey(lines_[j].text).find("主动公开") != std::string::npos &&
          lines_[j].pipes == 0) {
        legacy_start_ = j;
        return;
      }
    }
  }

  // A line holding only a unit or only a value, when the row above (label,
  // unit, value) still lacks it: the table lost its grid and each cell has
  // a line (一、主动公开情况 / —— / —— / (一)主动公开政府信息数 / 条 / 244).
  // A placeholder fills the unit first, a number the value.
  bool FillsUnitOrValue(const Line& l, std::vector<GridCell>* row) const {
    std::vector<GridCell>& r = *row;
    if (r.size() != 3 || !r[2].text.empty()) return false;
    GridCell* c;
    if (IsUnitWord(l.text)) {
      if (!r[1].text.empty()) return false;
      c = &r[1];
    } else if (IsValueText(l.text)) {
      const bool placeholder = ParseCellValue(l.text).presence() == xxgk::v1::Cell::NA;
      c = placeholder && r[1].text.empty() ? &r[1] : &r[2];
    } else {
      return false;
    }
    c->text.assign(l.text);
    c->source_begin = Src(l.begin);
    c->source_end = Src(l.end);
    return true;
  }

  size_t ReadRunTogether(size_t i, bool header_line) {
    const size_t n_lines = lines_.size();
    std::vector<std::vector<GridCell>> rows;
    rows.reserve(32);
    {
      std::vector<GridCell>& header = rows.emplace_back();
      header.reserve(3);
      const uint32_t src_begin = Src(lines_[i].begin), src_end = Src(lines_[i].end);
      for (const char* t : {"统计指标", "单位", "统计数"}) {
        GridCell& c = header.emplace_back();
        c.text = t;
        c.source_begin = src_begin;
        c.source_end = src_end;
      }
    }
    size_t j = header_line ? i + 1 : i;
    uint32_t end = lines_[i].end;
    int blank_run = 0;
    while (j < n_lines) {
      const Line& l = lines_[j];
      if (l.text.empty()) {
        if (++blank_run >= 2) break;
        ++j;
        continue;
      }
      if (l.pipes > 0 || ContainsByLastByte(l.text, "。") ||
          !AtMostCodePoints(l.text, 120) || IsPageChromeLine(l.text)) {
        break;
      }
      blank_run = 0;
      if (IsLegacyHeader(l.text)) {  // repeated at page breaks
        end = l.end;
        ++j;
        continue;
      }
      if (rows.size() > 1 && FillsUnitOrValue(l, &rows.back())) {
        end = l.end;
        ++j;
        continue;
      }
      SplitRunTogether(l, &rows.emplace_back());
      end = l.end;
      ++j;
    }
    // trailing blank lines are not part of the table
    while (j > i + 1 && lines_[j - 1].text.empty()) --j;
    if (rows.size() < (header_line ? 2u : 4u)) return i;
    EmitTable(std::move(rows), "text-run-together", lines_[i].begin, end);
    return j;
  }

  std::string_view text_;
  const std::vector<uint32_t>& to_input_;
  std::string_view input_;  // what to_input_ maps into; empty when unknown
  std::vector<uint32_t> pipe_at_;  // offsets of the text's pipes, in order
  std::vector<Line> lines_;
  std::vector<Piece> pieces_;  // PipePieces' scratch
  std::vector<Block> blocks_;
  std::vector<xxgk::v1::ReadingNote> notes_;  // tables dropped as over budget
  std::string_view last_line_;
  size_t legacy_start_ = static_cast<size_t>(-1);
  size_t aligned_checked_until_ = 0;
  size_t flat_checked_until_ = 0;
  size_t flat_first_line_ = 0;  // of the last flat table emitted
};

size_t CountIdeographs(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i + 2 < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0xE4 && c <= 0xE9) ++n;  // U+4E00..U+9FFF lead bytes
  }
  return n;
}

}  // namespace

namespace internal {

bool SplitTrailingValue(std::string_view t, size_t* head, size_t* value) {
  // \s in the pattern: ASCII space, tab, newline, form feed, carriage return.
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; };
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  // The pattern's `.` stops at a newline: a line holding one cannot match.
  if (t.find('\n') != std::string_view::npos) return false;
  size_t start = std::string_view::npos;  // where the value starts
  const size_t n = t.size();
  if (n > 0 && (digit(t[n - 1]) || t[n - 1] == ',')) {
    // The leftmost start of [0-9][0-9,]*(\.[0-9]+)? reaching the end: the
    // first digit of the [0-9,] run ending at `end` (the integer part may end
    // with commas; a fraction may not).
    auto first_digit_of_run = [&](size_t end) {
      size_t j = end;
      while (j > 0 && (digit(t[j - 1]) || t[j - 1] == ',')) --j;
      while (j < end && !digit(t[j])) ++j;
      return j < end ? j : std::string_view::npos;
    };
    size_t i = n;  // the digits at the end: a fraction, or part of the number
    while (i > 0 && digit(t[i - 1])) --i;
    if (i < n && i > 0 && t[i - 1] == '.') start = first_digit_of_run(i - 1);
    if (start == std::string_view::npos) start = first_digit_of_run(n);
    if (start == std::string_view::npos) return false;
  } else {
    // \s followed by /, -, 无 or a run of — at the end.
    size_t tok = std::string_view::npos;
    if (n > 0 && (t[n - 1] == '/' || t[n - 1] == '-')) {
      tok = n - 1;
    } else if (n >= 3 && t.substr(n - 3) == "无") {
      tok = n - 3;
    } else {
      size_t k = n;
      while (k >= 3 && t.substr(k - 3, 3) == "—") k -= 3;
      if (k < n) tok = k;
    }
    if (tok == std::string_view::npos || tok == 0 || !space(t[tok - 1])) return false;
    start = tok - 1;
  }
  size_t h = start;
  while (h > 0 && space(t[h - 1])) --h;
  *head = h;
  *value = start;
  return true;
}

bool LabelKeyHoldsStatisticsTable(std::string_view text) {
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const size_t n = text.size();
  // past the ASCII bytes a key drops (all but letters and digits)
  auto skip = [&](size_t i) {
    while (i < n && p[i] < 0x80 && !absl::ascii_isalnum(p[i])) ++i;
    return i;
  };
  auto is = [&](size_t i, std::string_view ch) { return text.substr(i, 3) == ch; };
  // a character the key keeps as it is: U+4E00..U+9FA5, not 钩 (E9 92 A9)
  auto kept = [&](size_t i) {
    if (i + 3 > n || (p[i + 1] & 0xC0) != 0x80 || (p[i + 2] & 0xC0) != 0x80) return false;
    const uint32_t c = ((p[i] & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu);
    return (p[i] & 0xF0) == 0xE0 && c >= 0x4E00 && c <= 0x9FA5 && c != 0x94A9;
  };
  bool unsettled = false;
  // 统 (E7 BB 9F) is never inside another character's bytes, nor inside a
  // numbering the key drops: each key 统 is one of these
  for (size_t at = FindByLastByte(text, "统"); at != std::string_view::npos;
       at = FindByLastByte(text, "统", at + 1)) {
    const size_t j = skip(at + 3);
    if (j >= n) continue;  // the key ends after this 统
    if (is(j, "计")) {
      const size_t k = skip(j + 3);
      if (k >= n) continue;
      if (is(k, "表")) return true;
      if (!kept(k)) unsettled = true;
    } else if (!kept(j)) {
      unsettled = true;
    }
  }
  return unsettled && LabelKey(text).find("统计表") != std::string::npos;
}

}  // namespace internal

namespace {

bool IsReplacementCharsOnly(std::string_view s) {
  constexpr std::string_view kFffd = "\xEF\xBF\xBD";
  if (s.empty() || s.size() % kFffd.size() != 0) return false;
  for (size_t i = 0; i < s.size(); i += kFffd.size()) {
    if (s.substr(i, kFffd.size()) != kFffd) return false;
  }
  return true;
}

}  // namespace

void GatherFlatTables(std::vector<Block>* blocks) {
  std::vector<Block>& in = *blocks;
  // three lines at least: a label, a header and a row of values
  constexpr size_t kMinRun = 3;
  struct Found {
    size_t first = 0;  // the blocks it replaces, [first, last]
    size_t last = 0;
    TableGrid grid;
  };
  std::vector<Found> found;
  std::string joined;
  std::vector<uint32_t> to_input;
  for (size_t k = 0; k < in.size();) {
    if (in[k].kind != Block::Kind::kLine) {
      ++k;
      continue;
    }
    size_t end = k;
    while (end < in.size() && in[end].kind == Block::Kind::kLine) ++end;
    if (end - k >= kMinRun) {
      // The run as plain text, a line per block; every byte of a line maps
      // to where its block starts in the original, its end to where the
      // block ends (a cell that is a whole line gets the line's span).
      joined.clear();
      to_input.clear();
      for (size_t m = k; m < end; ++m) {
        const Block& b = in[m];
        for (char c : b.text) joined.push_back(c == '\n' ? ' ' : c);
        to_input.insert(to_input.end(), b.text.size(), b.source_begin);
        joined.push_back('\n');
        to_input.push_back(b.source_end);
      }
      TextTableReader reader(joined, to_input);
      for (auto& t : reader.ReadPastedTables()) {
        // A cell that is part of a line (a pipe row's) starts where its
        // line does and, mapped as above, ends there too: it gets the
        // line's span.
        for (auto& row : t.grid.rows) {
          for (GridCell& c : row) {
            if (c.source_end > c.source_begin || c.text.empty()) continue;
            for (size_t m = k; m < end; ++m) {
              if (in[m].source_begin == c.source_begin) {
                c.source_end = in[m].source_end;
                break;
              }
            }
          }
        }
        found.push_back({k + t.first_line, k + t.last_line, std::move(t.grid)});
      }
    }
    k = end;
  }
  if (found.empty()) return;
  std::vector<Block> out;
  out.reserve(in.size());
  size_t next = 0;  // the first block not yet in `out`
  for (Found& f : found) {
    for (; next < f.first; ++next) out.push_back(std::move(in[next]));
    Block& table = out.emplace_back();
    table.kind = Block::Kind::kTable;
    table.table = std::move(f.grid);
    table.page = in[f.first].page;
    table.source_begin = in[f.first].source_begin;
    table.source_end = in[f.last].source_end;
    next = f.last + 1;
  }
  for (; next < in.size(); ++next) out.push_back(std::move(in[next]));
  *blocks = std::move(out);
}

absl::StatusOr<ReadResult> ReadText(std::string_view bytes) {
  absl::StatusOr<Decoded> decoded = DecodeBytes(bytes);
  if (!decoded.ok()) return decoded.status();
  // Rewrites before normalisation, each with a map back to its input:
  // character references left in the text (&nbsp; &#40;) read as the
  // characters they stand for, tables drawn with box-drawing characters
  // redrawn with pipes, lines cut at a fixed width joined again. Spans still
  // point into the decoded text.
  std::array<MappedText, 3> maps;
  size_t applied = 0;  // maps[0, applied) were made, each from the one before
  std::string_view text = decoded->utf8;
  for (bool (*stage)(std::string_view, MappedText*) : {UnescapeCharRefs, BoxDrawingAsAscii, UnwrapFixedWidth}) {
    if (stage(text, &maps[applied])) text = maps[applied++].text;
  }
  Normalized norm = NormalizeText(text);
  auto to_decoded = [&](uint32_t at) {
    for (size_t k = applied; k-- > 0;) at = maps[k].to_input[at];
    return at;
  };
  if (applied > 0) {
    for (uint32_t& at : norm.to_input) at = to_decoded(at);
    for (auto& n : norm.notes) {
      n.mutable_span()->set_source_begin(to_decoded(n.span().source_begin()));
      n.mutable_span()->set_source_end(to_decoded(n.span().source_end()));
    }
  }
  ReadResult out;
  out.source.set_input_format("text");
  out.source.set_encoding(decoded->encoding);
  out.source.set_size_bytes(bytes.size());
  // The decoder noted each U+FFFD it wrote, with the bytes it replaced;
  // normalisation's notes on the same characters would say it twice.
  const bool decoder_replaced = !decoded->notes.empty();
  for (auto& n : decoded->notes) out.notes.push_back(std::move(n));
  for (auto& n : norm.notes) {
    if (decoder_replaced && IsReplacementCharsOnly(n.excerpt())) continue;
    out.notes.push_back(std::move(n));
  }
  // traditional when a meaningful share of the characters was converted
  // (the ideographs are counted only when the share decides)
  const int tc = norm.traditional_chars;
  out.script = (tc >= 20 || (tc >= 3 && static_cast<size_t>(tc) * 50 >= CountIdeographs(norm.text)))
                   ? xxgk::v1::TRADITIONAL
                   : xxgk::v1::SIMPLIFIED;
  TextTableReader reader(norm.text, norm.to_input, decoded->utf8);
  out.blocks = reader.Read();
  for (auto& n : reader.TakeNotes()) out.notes.push_back(std::move(n));
  return out;
}

}  // namespace xxgk::report
