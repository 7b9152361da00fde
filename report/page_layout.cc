// Text placed on pages → Blocks: words with positions → lines by y → running
// text lines, and tables rebuilt from positions. Shared by the readers of
// fixed-layout formats (PDF, OFD), which only extract the words.
//
// A table is anchored on its data rows: lines holding numbers (or NA marks)
// set apart from their neighbours by a cell-sized gap. Number positions give
// the value columns; the words left of them are the label area, whose
// sub-columns come from the left edges of the labels on data rows. Label text
// wrapped over several lines is merged per column, attached to the data row it
// surrounds, and group labels (a row span on the left) are stretched over the
// rows they stand for. A label with nothing under the value columns, level
// with no data row, is a row of blanks. Header lines above the first data
// row become header rows. Tables continue across page breaks, past a header
// repeated there.
#include "report/page_layout.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "re2/re2.h"
#include "report/labels.h"
#include "report/sections.h"

namespace xxgk::report {
namespace {

constexpr size_t kMaxTableRows = 2000;  // data rows of one table (hostile PDFs)
constexpr size_t kMaxValueColumns = 64;
constexpr size_t kMaxLabelColumns = 8;
// More label starts than this (table 三 has three label columns, a wrapped
// line may start a little in) are taken for labels centred in their cells.
constexpr size_t kMaxCentredStarts = 4;
// Columns a table of headings with no row under them must have to be read as
// a table (table 四 has fifteen): fewer are rather a box of text (索引号 …),
// or the header of a table whose rows were not found (table 三's eight).
constexpr size_t kMinHeadingOnlyColumns = 10;

struct Word {
  std::string text;
  double x0 = 0, x1 = 0, y0 = 0, y1 = 0;  // y0/y1 global (pages stacked)
  bool space_after = false;
  bool value = false;
  // Split off a label it touched because it stands in a value column of the
  // rows around it (SplitNumberTails): a cell whatever the gaps beside it.
  bool in_column = false;
  bool set_apart = false;  // PlacedWord::set_apart
  // Numbers merged onto the end of the label they touch ("上年结转" + "20"
  // + "57", set 2 pt apart in a cramped row), left to right: where each
  // starts in `text` and on the page, and where the text before it ended.
  // Empty when the word does not end in such numbers.
  struct Tail {
    size_t at;
    double x0, prev_x1;
  };
  std::vector<Tail> tails;
  bool cut = false;   // PlacedWord::cut, of its last piece
  uint32_t page = 0;  // 1-based
  double h() const { return y1 - y0; }
  double yc() const { return (y0 + y1) / 2; }
};

struct Line {
  std::vector<Word> words;  // sorted by x0
  double y0 = 0, y1 = 0;
  uint32_t page = 0;
  bool margin = false;  // in the top or bottom margin of its page
  // The last word, a number close after its label, that FindTables read as
  // a value because it stands in a value column of the rows around it.
  int aligned_value = -1;
  double h() const { return y1 - y0; }
  double yc() const { return (y0 + y1) / 2; }
};

bool IsValueText(const std::string& s) {
  static const RE2 kValue(R"(^(?:[+-]?\d[\d,]*(?:\.\d+)?%?|/|-|—|–|－|\\|无)$)");
  return RE2::FullMatch(s, kValue);
}

bool IsAsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Labels start with an enumerator: 一、 (三) 2. ...
bool StartsWithEnumerator(const std::string& s) {
  static const RE2 kEnum(R"(^(?:[(（]?[一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+[、.．]))");
  return RE2::PartialMatch(s, kEnum);
}

// Labels that cite an article of the regulations (第二十条第（五）项, the
// bands of table 二) stand for themselves too: never a wrapped label's tail.
bool StartsWithArticle(const std::string& s) {
  static const RE2 kArticle(R"(^第[一二三四五六七八九十百零〇\d]+条)");
  return RE2::PartialMatch(s, kArticle);
}

// A label that starts an item of its own: numbered, or citing an article.
bool StartsItem(const std::string& s) { return StartsWithEnumerator(s) || StartsWithArticle(s); }

// True when a label is numbered as the first item of a list: 1. 1、 (一) 一、
bool IsFirstItem(const std::string& s) {
  static const RE2 kFirst(R"(^(?:[(（]?(?:1|一)[)）]|(?:1|一)[、.．]))");
  return RE2::PartialMatch(s, kFirst);
}

// Whether two words on one line are written with a space between them.
// Renderers space CJK and Latin text apart ("申请 12 件"); that spacing is
// typography, not text, so only Latin neighbours or wide gaps get a space.
bool NeedsSpace(const Word& a, const Word& b) {
  const double gap = b.x0 - a.x1;
  if (gap > 1.0 * a.h()) return true;
  const char last = a.text.back();
  const char first = b.text.front();
  const bool ascii_last = static_cast<unsigned char>(last) < 0x80;
  const bool ascii_first = static_cast<unsigned char>(first) < 0x80;
  if (!ascii_last || !ascii_first) return false;
  return a.space_after || gap > 0.15 * a.h();
}

std::string JoinWords(const std::vector<const Word*>& words) {
  std::string s;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) {
      const Word& a = *words[i - 1];
      const Word& b = *words[i];
      bool same_line = std::abs(a.yc() - b.yc()) < 0.35 * std::max(a.h(), b.h());
      if (!same_line) {
        // Wrapped text: CJK runs continue directly, Latin words need a space.
        if (!s.empty() && IsAsciiAlnum(s.back()) && IsAsciiAlnum(words[i]->text.front())) {
          s.push_back(' ');
        }
      } else if (NeedsSpace(a, b)) {
        s.push_back(' ');
      }
    }
    s += words[i]->text;
  }
  return s;
}

// The text of a line, its words joined.
std::string LineText(const std::vector<Word>& words) {
  std::vector<const Word*> ws;
  for (const Word& w : words) ws.push_back(&w);
  return JoinWords(ws);
}

// A word that ends as Latin text does: in a letter or digit, or all ASCII.
bool EndsLatin(const std::string& s) {
  return !s.empty() && (IsAsciiAlnum(s.back()) || std::all_of(s.begin(), s.end(), [](char c) {
                          return static_cast<unsigned char>(c) < 0x80;
                        }));
}

// Groups words (of one page) into lines by vertical position.
std::vector<Line> BuildLines(std::vector<Word> words) {
  std::sort(words.begin(), words.end(),
            [](const Word& a, const Word& b) { return a.yc() < b.yc(); });
  std::vector<Line> lines;
  for (Word& w : words) {
    if (!lines.empty()) {
      Line& l = lines.back();
      if (std::abs(w.yc() - l.yc()) < 0.35 * std::max(w.h(), l.h())) {
        l.y0 = std::min(l.y0, w.y0);
        l.y1 = std::max(l.y1, w.y1);
        l.words.push_back(std::move(w));
        continue;
      }
    }
    Line l;
    l.y0 = w.y0;
    l.y1 = w.y1;
    l.page = w.page;
    l.words.push_back(std::move(w));
    lines.push_back(std::move(l));
  }
  for (Line& l : lines) {
    std::sort(l.words.begin(), l.words.end(),
              [](const Word& a, const Word& b) { return a.x0 < b.x0; });
    // Words closer than a narrow space belong to one phrase ("三、第", "1",
    // "项" → "三、第1项"); cells are further apart.
    // A number ahead of another number a cell's gap away starts a row of
    // values: it stays apart from a label that ends close before it (a
    // label filling its cell, "不计其他" then "2120").
    std::vector<Word> merged;
    for (size_t wi = 0; wi < l.words.size(); ++wi) {
      Word& w = l.words[wi];
      const double gap = merged.empty() ? 0 : w.x0 - merged.back().x1;
      const double h = std::max(w.h(), 1.0);
      const bool starts_values = w.value && wi + 1 < l.words.size() && l.words[wi + 1].value &&
                                 l.words[wi + 1].x0 - w.x1 >= 0.25 * h && gap >= 0.15 * h;
      if (!merged.empty() && !(merged.back().value && w.value) && !starts_values &&
          (gap < 0.3 * h ||
           // Latin words separated by a plain space (not a Chinese label
           // whose full-width bracket the cleaner folded: "(六)" then "1.")
           (merged.back().space_after && gap < 0.6 * h && EndsLatin(merged.back().text) &&
            static_cast<unsigned char>(w.text.front()) < 0x80))) {
        Word& m = merged.back();
        const double prev_x1 = m.x1;
        const bool tail_was_value = !m.tails.empty() && IsValueText(m.text.substr(m.tails.back().at));
        if (NeedsSpace(m, w)) m.text.push_back(' ');
        const size_t at = m.text.size();
        m.text += w.text;
        m.x1 = std::max(m.x1, w.x1);
        m.y0 = std::min(m.y0, w.y0);
        m.y1 = std::max(m.y1, w.y1);
        m.space_after = w.space_after;
        m.cut = w.cut;
        m.value = IsValueText(m.text);
        if (!w.value || m.value) {
          m.tails.clear();  // the number goes on into text ("20" + "件")
        } else if (!m.tails.empty() && gap < 0.15 * h && IsValueText(m.text.substr(m.tails.back().at))) {
          // one number in pieces ("1," + "234")
        } else if (m.tails.empty() || tail_was_value) {
          m.tails.push_back({at, w.x0, prev_x1});
        } else {
          m.tails.clear();
        }
        continue;
      }
      merged.push_back(std::move(w));
    }
    l.words = std::move(merged);
  }
  return lines;
}

// A number too wide for its cell wraps onto a second line ("134" over "9"
// for 1349, LibreOffice with a narrow 其他 column): the two pieces stand
// one right under the other, sharing their middle or an edge, half a line
// above and below the row's other values, with nothing of that row over or
// under them; in cells aligned to their top, the upper piece level with
// the row's values and the lower alone on its line. BuildLines may have
// put the upper piece on the row's line (beside a group label's first
// line) or on a line of its own. Each such
// pair is joined into one number on the line of the row's other values
// (lines of one page, top to bottom). Rows set without padding stack their
// numbers too, but each level with its own row's other cells.
void JoinNumbersWrappedInCells(std::vector<Line>& lines) {
  auto digits = [](const Word& w) {
    return w.value && !w.text.empty() && std::isdigit(static_cast<unsigned char>(w.text.front())) &&
           std::isdigit(static_cast<unsigned char>(w.text.back()));
  };
  auto over = [](const Word& w, const Word& a) { return w.x1 > a.x0 && w.x0 < a.x1; };
  bool joined_any = false, joined = false;
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    for (size_t j = i + 1; j <= i + 2 && j < lines.size() && lines[j].page == lines[i].page; ++j) {
      // (after a join, the word at `a` is the next one to look at)
      for (size_t a = 0; a < lines[i].words.size(); a += joined ? 0 : 1) {
        joined = false;
        const Word& top = lines[i].words[a];
        if (!digits(top)) continue;
        const double h = std::max(top.h(), 1.0);
        // the words under it no wider than it (a line's words run left to right)
        const auto& under = lines[j].words;
        const double from = 2 * top.x0 - top.x1 - 0.5;
        for (size_t b = std::lower_bound(under.begin(), under.end(), from,
                                         [](const Word& w, double x) { return w.x0 < x; }) -
                        under.begin();
             b < under.size() && under[b].x0 < top.x1; ++b) {
          const Word& bottom = under[b];
          if (!digits(bottom) || !over(bottom, top) ||
              bottom.x1 - bottom.x0 > top.x1 - top.x0 + 0.5 ||
              std::abs(bottom.y0 - top.y1) > 0.25 * h ||
              !(std::abs(bottom.x0 - top.x0) < 1.0 || std::abs(bottom.x1 - top.x1) < 1.0 ||
                std::abs(bottom.x0 + bottom.x1 - top.x0 - top.x1) < 0.5 * h) ||
              !IsValueText(top.text + bottom.text)) {
            continue;
          }
          // the row: a line from i to j with other values level with the
          // pair's middle, neither piece's, and none over or under them
          const double mid = (top.y0 + bottom.y1) / 2;
          size_t row = lines.size();
          for (size_t k = i; k <= j && row == lines.size(); ++k) {
            const auto& words = lines[k].words;
            const bool level = std::any_of(words.begin(), words.end(), [&](const Word& w) {
              return &w != &top && &w != &bottom && w.value && !over(w, top) &&
                     std::abs(w.yc() - mid) < 0.25 * h && std::abs(w.yc() - top.yc()) > 0.3 * h &&
                     std::abs(w.yc() - bottom.yc()) > 0.3 * h;
            });
            const bool clear = std::none_of(words.begin(), words.end(), [&](const Word& w) {
              return &w != &top && &w != &bottom && over(w, top);
            });
            if (level && clear) row = k;
          }
          // Cells aligned to their top set the first piece level with the
          // row's other values, and the second alone on the line under it
          // (a row under it has a label level with its values).
          const bool top_aligned =
              row == lines.size() && j == i + 1 && lines[j].words.size() == 1 &&
              std::any_of(lines[i].words.begin(), lines[i].words.end(), [&](const Word& w) {
                return &w != &top && w.value && !over(w, top) &&
                       std::abs(w.yc() - top.yc()) < 0.25 * h;
              });
          if (top_aligned) row = i;
          if (row == lines.size()) continue;
          Word whole = top;
          whole.text += bottom.text;
          if (!top_aligned) {  // as tall as one line, level with the row
            whole.y0 = mid - top.h() / 2;
            whole.y1 = mid + top.h() / 2;
          }
          lines[j].words.erase(lines[j].words.begin() + static_cast<std::ptrdiff_t>(b));
          lines[i].words.erase(lines[i].words.begin() + static_cast<std::ptrdiff_t>(a));
          auto& words = lines[row].words;
          auto at = std::lower_bound(words.begin(), words.end(), whole.x0,
                                     [](const Word& w, double x) { return w.x0 < x; });
          words.insert(at, std::move(whole));
          joined = joined_any = true;
          break;
        }
      }
    }
  }
  if (!joined_any) return;
  std::erase_if(lines, [](const Line& l) { return l.words.empty(); });
  for (Line& l : lines) {
    l.y0 = 1e18;
    l.y1 = -1e18;
    for (const Word& w : l.words) {
      l.y0 = std::min(l.y0, w.y0);
      l.y1 = std::max(l.y1, w.y1);
    }
  }
}

// Indices of the words of `l` that are table values: numbers or NA marks set
// apart from their neighbours as cells are.
std::vector<int> CellValues(const Line& l) {
  std::vector<int> out;
  const auto& w = l.words;
  for (size_t i = 0; i < w.size(); ++i) {
    if (!w[i].value) continue;
    const double h = w[i].h();
    // two numbers side by side are two cells when a cell's gap parts them,
    // or when the reader split them by the glyphs' positions
    auto apart = [h](const Word& a, const Word& b) {
      return b.x0 - a.x1 >= 0.25 * h || (a.set_apart && b.set_apart);
    };
    bool cell = w[i].in_column;
    if (i > 0) cell = w[i - 1].value ? apart(w[i - 1], w[i]) : w[i].x0 - w[i - 1].x1 >= 1.0 * h;
    if (!cell && i + 1 < w.size() && w[i + 1].value) cell = apart(w[i], w[i + 1]);
    if (cell) out.push_back(static_cast<int>(i));
  }
  if (l.aligned_value >= 0 && (out.empty() || out.back() != l.aligned_value)) out.push_back(l.aligned_value);
  return out;
}

struct Interval {
  double x0, x1;
};

bool ByLeft(const Interval& a, const Interval& b) { return a.x0 < b.x0; }

// The middle value of `v` (the upper one of two), `none` when it is empty.
double MiddleOf(std::vector<double> v, double none) {
  if (v.empty()) return none;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

// A piece of text in one column: wrapped lines of one cell merged.
struct TextBlock {
  std::vector<const Word*> words;
  double y0 = 0, y1 = 0, x0 = 0, x1 = 0;
  bool on_data_row = false;  // holds words of a line with values
  bool own_row = false;      // of a line that is a row by itself (Blocks)
  double yc() const { return (y0 + y1) / 2; }
};

class TableBuilder {
 public:
  TableBuilder(const std::vector<Line>& lines, std::vector<int> data_rows,
               std::vector<int> header_lines, std::vector<int> heads, std::vector<int> body_lines,
               TextCleaner* cleaner,
               std::string_view source_kind)
      : lines_(lines),
        data_(std::move(data_rows)),
        header_(std::move(header_lines)),
        heads_(std::move(heads)),
        body_(std::move(body_lines)),
        cleaner_(cleaner),
        source_kind_(source_kind) {}

  // An empty grid when the positions do not make a plausible table (then the
  // caller keeps the lines as text).
  TableGrid Build() {
    if (data_.empty()) return BuildHeadingsOnly();
    FindColumns();
    if (cols_.size() > kMaxValueColumns) return TableGrid();
    // erase, not resize(1): GCC 12 -O3 misreads the resize as out of bounds
    if (label_cols_.size() > kMaxLabelColumns) label_cols_.erase(label_cols_.begin() + 1, label_cols_.end());
    std::vector<std::vector<GridCell>> rows;
    BuildHeader(&rows);
    BuildBody(&rows);
    TableGrid grid;
    grid.source_kind = std::string(source_kind_);
    size_t width = label_cols_.size() + cols_.size();
    for (auto& r : rows) r.resize(width);
    grid.rows = std::move(rows);
    grid.blank_rows = blank_rows_;
    return grid;
  }

 private:
  double H() const { return h_; }

  // A table of column headings with no row under them (HeadingOnlyTables):
  // its value columns are where the headings of single columns stand, and
  // its one row, under them, was left blank (table 四 with none of its
  // fifteen cells filled in).
  TableGrid BuildHeadingsOnly() {
    std::vector<Interval> heads;
    std::vector<double> heights;
    for (int li : header_) {
      for (const Word& w : lines_[li].words) {
        heads.push_back({w.x0, w.x1});
        heights.push_back(w.h());
      }
    }
    if (heads.empty()) return TableGrid();
    h_ = MiddleOf(std::move(heights), 12.0);
    DropSpanningHeads(&heads);
    std::sort(heads.begin(), heads.end(), ByLeft);
    for (const Interval& i : heads) {  // (headings that only touch are two columns)
      if (!cols_.empty() && i.x0 < cols_.back().x1) {
        cols_.back().x1 = std::max(cols_.back().x1, i.x1);
      } else {
        cols_.push_back(i);
      }
    }
    if (cols_.size() < kMinHeadingOnlyColumns || cols_.size() > kMaxValueColumns) {
      return TableGrid();
    }
    label_right_ = cols_.front().x0 - 0.5;
    std::vector<std::vector<GridCell>> rows;
    BuildHeader(&rows);
    rows.emplace_back(cols_.size());
    TableGrid grid;
    grid.source_kind = std::string(source_kind_);
    for (auto& r : rows) r.resize(cols_.size());
    grid.rows = std::move(rows);
    grid.blank_rows = {static_cast<int>(grid.rows.size()) - 1};
    return grid;
  }

  void FindColumns() {
    std::vector<Interval> iv;
    std::vector<double> heights;
    for (int li : data_) {
      const Line& l = lines_[li];
      for (int wi : CellValues(l)) {
        iv.push_back({l.words[wi].x0, l.words[wi].x1});
        heights.push_back(l.words[wi].h());
      }
    }
    h_ = MiddleOf(std::move(heights), 12.0);
    std::sort(iv.begin(), iv.end(), ByLeft);
    for (const Interval& i : iv) {
      if (!cols_.empty() && i.x0 <= cols_.back().x1 + 0.5) {
        cols_.back().x1 = std::max(cols_.back().x1, i.x1);
      } else {
        cols_.push_back(i);
      }
    }
    AddBlankColumns();
    label_right_ = cols_.empty() ? 1e9 : cols_.front().x0 - 0.5;
    std::vector<double> x0s, x1s, mids;
    for (int li : data_) {
      for (const Word& w : lines_[li].words) {
        if (!w.value && w.x0 < label_right_) {
          x0s.push_back(w.x0);
          x1s.push_back(std::min(w.x1, label_right_));
          mids.push_back((w.x0 + x1s.back()) / 2);
        }
      }
    }
    std::sort(x0s.begin(), x0s.end());
    for (double x : x0s) {
      if (label_cols_.empty() || x - label_cols_.back() > 2.0) label_cols_.push_back(x);
    }
    // No row has label text on its values' line (labels wrapped round their
    // values, in a large font): the rows' labels are on the lines above and
    // below, and they make one label column.
    if (label_cols_.empty()) {
      double left = label_right_;
      for (int li : body_) {
        for (const Word& w : lines_[li].words) {
          if (InLabelArea(w)) left = std::min(left, w.x0);
        }
      }
      if (left < label_right_) label_cols_.push_back(left);
    }
    // Labels centred in their cells start wherever their length puts them:
    // more starts than a statistics table has label columns. The columns
    // are then found by the gaps between them instead. So are those of
    // labels set flush right or centred that start at more places than
    // they end or have their middles (规章 and 行政规范性文件 in one column).
    auto places = [](std::vector<double> x) {
      std::sort(x.begin(), x.end());
      size_t n = 0;
      for (size_t k = 0; k < x.size(); ++k) n += k == 0 || x[k] - x[k - 1] > 2.0;
      return n;
    };
    if (label_cols_.size() > kMaxCentredStarts ||
        (label_cols_.size() > 1 &&
         std::min(places(std::move(x1s)), places(std::move(mids))) < label_cols_.size())) {
      std::vector<double> by_gutters = LabelColumnsByGutters();
      if (!by_gutters.empty() && by_gutters.size() < label_cols_.size()) label_cols_ = std::move(by_gutters);
    }
  }

  // A column blank on every data row has no number to place it; its
  // heading, centred over it, does: header words right of the first value
  // column that overlap no value column make one where they stand, when that
  // is a column's pitch (60 % of the usual gap between columns) away from
  // its neighbours. A heading off the centre of numbers set flush to one
  // side of their cells is closer than that to its own column. The header
  // of the table this one goes on from (heads_) counts as its own.
  void AddBlankColumns() {
    if (cols_.empty()) return;
    double pitch = 1e18;
    if (cols_.size() >= 2) {
      std::vector<double> pitches;
      for (size_t c = 1; c < cols_.size(); ++c) {
        pitches.push_back(Centre(cols_[c]) - Centre(cols_[c - 1]));
      }
      // the lower quartile: gaps left by blank columns are multiples of it,
      // and in a sparse row (table 四 with six of its fifteen cells blank)
      // most gaps are such multiples
      const size_t mid = (pitches.size() - 1) / 4;
      std::nth_element(pitches.begin(), pitches.begin() + mid, pitches.end());
      pitch = pitches[mid];
    }
    std::vector<int> head_lines = header_;
    head_lines.insert(head_lines.end(), heads_.begin(), heads_.end());
    // Columns blank on every row can stand left of the first one with a
    // number too (table 三 with only 总计 filled in): headings there count
    // when they start right of every label on the lines with values, which
    // no heading of a label column does. (The body's other lines can hold
    // bands and headings inside the table: 第二十条第（五）项, 本年处理决定数量.)
    double labels_end = -1e18;
    for (int li : data_) {
      for (const Word& w : lines_[li].words) {
        if (!w.value && w.x0 < cols_.front().x0) labels_end = std::max(labels_end, w.x1);
      }
    }
    auto before_first = [&](double x0, double x1) {  // between the labels and the first column
      return x0 > labels_end && x1 < cols_.front().x0;
    };
    // Where most columns were left blank on every row (table 三 with only
    // 自然人 and 总计 filled in), the numbers' columns stand several pitches
    // apart: the headings over the value columns, one over each column,
    // tell the pitch then (their middle spacing, which a heading set in two
    // words cannot sway). The heading over the first column counts however
    // its numbers are set in it (flush right, right of its middle): with one
    // column filled in, it may be the only heading that column has.
    std::vector<Interval> over_values;
    for (int li : head_lines) {
      for (const Word& w : lines_[li].words) {
        if (Centre({w.x0, w.x1}) >= cols_.front().x0 || before_first(w.x0, w.x1) ||
            (w.x1 > cols_.front().x0 && w.x0 < cols_.front().x1)) {
          over_values.push_back({w.x0, w.x1});
        }
      }
    }
    DropSpanningHeads(&over_values);
    const std::vector<Interval> each = MergeTouching(std::move(over_values));
    if (each.size() >= 3) {
      std::vector<double> spacing;
      for (size_t h = 1; h < each.size(); ++h) {
        spacing.push_back(Centre(each[h]) - Centre(each[h - 1]));
      }
      pitch = std::min(pitch, MiddleOf(std::move(spacing), pitch));
    }
    if (!(pitch < 1e18)) return;
    // (spanning headings dropped among all of them: a band over a blank
    // column and one with numbers spans only one heading of a blank column)
    std::vector<Interval> heads;
    for (int li : head_lines) {
      for (const Word& w : lines_[li].words) heads.push_back({w.x0, w.x1});
    }
    DropSpanningHeads(&heads);
    // A column whose own heading stands over its numbers leaves a heading
    // beside it to another column, however close: narrow columns (其他 and
    // 总计 wrapped a character a line) stand closer than the pitch the wide
    // ones set.
    std::vector<bool> headed(cols_.size(), false);
    for (size_t c = 0; c < cols_.size(); ++c) {
      headed[c] = std::any_of(heads.begin(), heads.end(), [&](const Interval& h) {
        return std::min(h.x1, cols_[c].x1) > std::max(h.x0, cols_[c].x0);
      });
    }
    std::erase_if(heads, [&](const Interval& w) {
      return !(w.x0 > cols_.front().x1 || before_first(w.x0, w.x1)) || Overlaps(w.x0, w.x1);
    });
    const std::vector<Interval> merged = MergeTouching(std::move(heads));
    std::vector<Interval> cols = cols_;
    for (const Interval& m : merged) {
      if (Overlaps(m.x0, m.x1)) continue;
      const double x = Centre(m);
      const auto next = std::lower_bound(cols_.begin(), cols_.end(), x,
                                         [](const Interval& c, double v) { return Centre(c) < v; });
      const size_t n = static_cast<size_t>(next - cols_.begin());
      const bool clear =
          (next == cols_.end() || headed[n] || Centre(*next) - x >= 0.6 * pitch) &&
          (next == cols_.begin() || headed[n - 1] || x - Centre(*(next - 1)) >= 0.6 * pitch);
      if (clear) cols.push_back(m);
    }
    std::sort(cols.begin(), cols.end(), ByLeft);
    cols_ = std::move(cols);
  }

  static double Centre(const Interval& i) { return (i.x0 + i.x1) / 2; }

  // `v` sorted, with intervals that overlap or touch joined.
  static std::vector<Interval> MergeTouching(std::vector<Interval> v) {
    std::sort(v.begin(), v.end(), ByLeft);
    std::vector<Interval> merged;
    for (const Interval& i : v) {
      if (!merged.empty() && i.x0 <= merged.back().x1) {
        merged.back().x1 = std::max(merged.back().x1, i.x1);
      } else {
        merged.push_back(i);
      }
    }
    return merged;
  }

  // Drops the headings set over the headings of two columns or more (复议后
  // 起诉 over 结果维持 … 总计): over blank columns they would join those
  // columns' headings into one.
  static void DropSpanningHeads(std::vector<Interval>* heads) {
    std::vector<Interval> kept;
    for (const Interval& h : *heads) {
      int under = 0;
      for (const Interval& o : *heads) {
        const bool narrower = o.x1 - o.x0 < h.x1 - h.x0;
        under += narrower && std::min(o.x1, h.x1) > std::max(o.x0, h.x0) ? 1 : 0;
      }
      if (under < 2) kept.push_back(h);
    }
    *heads = std::move(kept);
  }

  // Whether [x0, x1] overlaps a value column.
  bool Overlaps(double x0, double x1) const {
    return std::any_of(cols_.begin(), cols_.end(),
                       [&](const Interval& c) { return std::min(x1, c.x1) > std::max(x0, c.x0); });
  }

  // The label columns as the runs of the label area between its gutters:
  // with labels centred in their cells, each column's text covers its
  // middle on many lines, while the gap between two columns is covered only
  // by the few labels that span both. Counting, point by point, the label
  // words (of the rows and their wrapped lines) covering each place, a
  // gutter is a stretch covered at most 60 % as often as the most covered
  // place on each side of it (and by two fewer at least). A column of few
  // words (a group label wrapped over three short lines, beside labels that
  // span every column) is covered too little for that; its gutter shows as
  // the gap between two label words on one line (words of one cell are one
  // phrase), at the same place on two lines at least, where fewer words
  // cover than on either side. The left edge of each column (the label
  // area's, then each gutter's middle); empty when there is no label text.
  std::vector<double> LabelColumnsByGutters() const {
    std::vector<Interval> words, gaps;
    double lo = 1e18;
    for (const std::vector<int>* ids : {&data_, &body_}) {
      for (int li : *ids) {
        const Word* before = nullptr;
        for (const Word& w : lines_[li].words) {
          if (!InLabelArea(w)) continue;
          words.push_back({w.x0, std::min(w.x1, label_right_)});
          lo = std::min(lo, w.x0);
          if (before != nullptr && w.x0 > before->x1) gaps.push_back({before->x1, w.x0});
          before = &w;
        }
      }
    }
    constexpr int kMaxBins = 4000;  // 1 pt each
    if (words.empty() || !(label_right_ - lo < kMaxBins)) return {};
    const int bins = static_cast<int>(label_right_ - lo) + 1;
    std::vector<int> cover(bins + 1, 0);  // differences, then counts
    for (const Interval& w : words) {
      const int b = std::clamp(static_cast<int>(w.x0 - lo), 0, bins);
      const int e = std::clamp(static_cast<int>(w.x1 - lo), b, bins);
      ++cover[b];
      --cover[e];
    }
    for (int b = 1; b <= bins; ++b) cover[b] += cover[b - 1];
    std::vector<int> gapped(bins + 1, 0);  // lines with a gap between label words here
    for (const Interval& g : gaps) {
      const int b = std::clamp(static_cast<int>(std::ceil(g.x0 - lo)), 0, bins);
      const int e = std::clamp(static_cast<int>(std::floor(g.x1 - lo)), b, bins);
      ++gapped[b];
      --gapped[e];
    }
    for (int b = 1; b <= bins; ++b) gapped[b] += gapped[b - 1];
    std::vector<int> left(bins), right(bins);
    for (int b = 0; b < bins; ++b) left[b] = std::max(b > 0 ? left[b - 1] : 0, cover[b]);
    for (int b = bins - 1; b >= 0; --b) right[b] = std::max(b + 1 < bins ? right[b + 1] : 0, cover[b]);
    auto gutter = [&](int k) {
      const int side = std::min(left[k], right[k]);
      return (10 * cover[k] <= 6 * side && side - cover[k] >= 2) || (gapped[k] >= 2 && cover[k] < side);
    };
    std::vector<double> cols = {lo};
    for (int b = 0; b < bins;) {
      if (!gutter(b)) {
        ++b;
        continue;
      }
      int e = b;
      while (e < bins && gutter(e)) ++e;
      cols.push_back(lo + (b + e) / 2.0);
      b = e;
    }
    return cols;
  }

  bool InLabelArea(const Word& w) const { return w.x0 < label_right_ && !w.value; }

  int LabelColumn(double x0) const {
    int j = 0;
    for (size_t k = 0; k < label_cols_.size(); ++k) {
      if (label_cols_[k] <= x0 + 2.0) j = static_cast<int>(k);
    }
    return j;
  }

  // Value column range [first, last] a word or block overlaps; nearest when none.
  std::pair<int, int> ValueColumns(double x0, double x1) const {
    int first = -1, last = -1;
    for (size_t c = 0; c < cols_.size(); ++c) {
      if (std::min(x1, cols_[c].x1) - std::max(x0, cols_[c].x0) > 0) {
        if (first < 0) first = static_cast<int>(c);
        last = static_cast<int>(c);
      }
    }
    if (first >= 0) return {first, last};
    double best = 1e18;
    int bc = 0;
    const double xc = (x0 + x1) / 2;
    for (size_t c = 0; c < cols_.size(); ++c) {
      double d = std::abs((cols_[c].x0 + cols_[c].x1) / 2 - xc);
      if (d < best) {
        best = d;
        bc = static_cast<int>(c);
      }
    }
    return {bc, bc};
  }

  // Column key of a word: label sub-column j as j, value column c as 1000 + c.
  // On a line without values (a header), a word that starts in the label
  // area but stands mostly over the value columns is a value column's
  // heading: centred over its numbers, a column's heading can be wider than
  // they are and start left of the first of them.
  // So is one covering half the first value column's numbers or more (set
  // flush right with them, as right-aligned cells put both): label text
  // stays in its own cell, left of that column's.
  int ColumnKey(const Word& w, bool data_line) const {
    if (InLabelArea(w) &&
        (data_line || (w.x0 + w.x1 <= 2 * label_right_ && !CoversFirstColumn(w)))) {
      return LabelColumn(w.x0);
    }
    return 1000 + ValueColumns(std::max(w.x0, label_right_), w.x1).first;
  }

  // Whether `w` covers half the first value column or more.
  bool CoversFirstColumn(const Word& w) const {
    if (cols_.empty()) return false;
    const Interval& c = cols_.front();
    return 2 * (std::min(w.x1, c.x1) - std::max(w.x0, c.x0)) >= c.x1 - c.x0;
  }

  // Whether `l` is a row by itself, never a wrapped part of a cell above or
  // below: a label-area cell reaching into the value columns (a band such
  // as 第二十条第（五）项 spanning the table), or, among the body's lines,
  // text under the value columns (a header row inside the table). In the
  // header, the heading of the first value column is no such cell.
  bool OwnRow(const Line& l, bool body) const {
    for (const Word& w : l.words) {
      if (InLabelArea(w) && w.x1 > label_right_ + 1.0 && (body || !CoversFirstColumn(w))) {
        return true;
      }
      if (body && !InLabelArea(w) && !w.value) return true;
    }
    return false;
  }

  // Whether text from `x0` to `x1` may be a wrapped line of the cell `b`.
  bool OneCellsLines(const TextBlock& b, double x0, double x1) const {
    const double slack = 0.5 * H();
    return std::abs(b.x0 - x0) <= slack || std::abs(b.x0 + b.x1 - x0 - x1) <= 2 * slack ||
           (x0 >= b.x0 - slack && x1 <= b.x1 + slack) || (b.x0 >= x0 - slack && b.x1 <= x1 + slack);
  }

  // Merges words of the given lines into per-column blocks of wrapped text.
  std::vector<std::pair<int, TextBlock>> Blocks(const std::vector<int>& line_ids,
                                                bool values_separate) const {
    std::map<int, std::vector<TextBlock>> by_col;
    for (int li : line_ids) {
      const Line& l = lines_[li];
      std::map<int, std::vector<const Word*>> here;
      const bool has_values = std::binary_search(data_.begin(), data_.end(), li);
      for (const Word& w : l.words) here[ColumnKey(w, has_values)].push_back(&w);
      for (auto& [key, words] : here) {
        double y0 = 1e18, y1 = -1e18, x0 = 1e18, x1 = -1e18;
        for (const Word* w : words) {
          y0 = std::min(y0, w->y0);
          y1 = std::max(y1, w->y1);
          x0 = std::min(x0, w->x0);
          x1 = std::max(x1, w->x1);
        }
        auto& list = by_col[key];
        const bool is_value = words.size() == 1 && words[0]->value;
        // Rows set as closely as the lines of a wrapped label (a table
        // without padding) keep their labels apart: two lines that each
        // hold values are two rows, whatever the gap between them.
        const bool data_line = values_separate && has_values;
        const bool own_row = !data_line && OwnRow(l, values_separate);
        // A label that starts an item of its own (一、 (二) 3. 第二十条…) is a
        // new cell, however closely it follows the text above (rows set
        // without padding): wrapped lines of one label do not start so.
        // Tested last: the patterns run only where a merge is otherwise due.
        // In the header, a heading under a band of its own (第二十条第（一）项
        // over 本年制发件数, both nearest one column) is no wrapped line of
        // the band: the lines of one cell share their left edge, their middle,
        // or one's extent holds the other's.
        if (!list.empty() && !(values_separate && is_value) && !own_row && !list.back().own_row &&
            y0 - list.back().y1 < 0.35 * H() && y0 > list.back().y0 &&
            (values_separate || key < 1000 || OneCellsLines(list.back(), x0, x1)) &&
            !(data_line && list.back().on_data_row) &&
            !(values_separate && list.back().words.size() == 1 && list.back().words[0]->value) &&
            !(key < 1000 && StartsItem(words.front()->text))) {
          TextBlock& b = list.back();
          b.on_data_row = b.on_data_row || data_line;
          b.words.insert(b.words.end(), words.begin(), words.end());
          b.y1 = std::max(b.y1, y1);
          b.x0 = std::min(b.x0, x0);
          b.x1 = std::max(b.x1, x1);
        } else {
          TextBlock b;
          b.words = std::move(words);
          b.on_data_row = data_line;
          b.own_row = own_row;
          b.y0 = y0;
          b.y1 = y1;
          b.x0 = x0;
          b.x1 = x1;
          list.push_back(std::move(b));
        }
      }
    }
    std::vector<std::pair<int, TextBlock>> out;
    for (auto& [key, list] : by_col) {
      for (TextBlock& b : list) out.emplace_back(key, std::move(b));
    }
    return out;
  }

  // A cell's text; "…" after it when a word of it was cut at the page's edge.
  std::string Text(const TextBlock& b) const {
    std::string text = cleaner_->Clean(JoinWords(b.words));
    if (std::any_of(b.words.begin(), b.words.end(), [](const Word* w) { return w->cut; })) {
      text += "\u2026";
    }
    return text;
  }

  void Place(std::vector<GridCell>* row, int key, const TextBlock& b) const {
    int first, last;
    if (key < 1000) {
      first = last = key;
    } else {
      auto [f, l] = ValueColumns(b.x0, b.x1);
      first = static_cast<int>(label_cols_.size()) + f;
      last = static_cast<int>(label_cols_.size()) + l;
    }
    if (static_cast<int>(row->size()) <= last) row->resize(last + 1);
    std::string text = Text(b);
    GridCell& head = (*row)[first];
    if (!head.text.empty() && !head.continuation) {
      head.text = cleaner_->Clean(head.text + " " + text);
      return;
    }
    head.text = text;
    head.continuation = false;
    head.col_span = last - first + 1;
    for (int c = first + 1; c <= last; ++c) {
      (*row)[c].text = text;
      (*row)[c].continuation = true;
    }
  }

  void BuildHeader(std::vector<std::vector<GridCell>>* rows) const {
    auto blocks = Blocks(header_, false);
    std::sort(blocks.begin(), blocks.end(),
              [](const auto& a, const auto& b) { return a.second.y0 < b.second.y0; });
    double row_top = -1e18;
    for (auto& [key, b] : blocks) {
      if (rows->empty() || b.y0 - row_top > 0.35 * H()) {
        rows->emplace_back();
        row_top = b.y0;
      }
      Place(&rows->back(), key, b);
    }
  }

  // A row of the body: a line with values, or a row of blanks (its label).
  struct BodyRow {
    double y;
    uint32_t page;
    bool blank;
  };

  // The label blocks that are rows of blanks: a label level with no row
  // that has values, in the deepest label column or reaching over it (a
  // group label beside deeper labels is no row), with no deeper label
  // level with it, and clear of rows whose label is not on their own line
  // (whose label it may be). A label at the top of a page that starts no
  // item may be the tail of a cell cut by the page break: no row either.
  std::vector<const TextBlock*> BlankRowLabels(
      const std::vector<std::pair<int, TextBlock>>& blocks) const {
    const int nl = static_cast<int>(label_cols_.size());
    auto level_with = [this](const TextBlock& b, double y) {
      return y >= b.y0 - 0.3 * H() && y <= b.y1 + 0.3 * H();
    };
    // rows with values and a label level with them
    std::vector<bool> labelled(data_.size(), false);
    for (size_t i = 0; i < data_.size(); ++i) {
      for (const auto& [key, b] : blocks) {
        labelled[i] = labelled[i] || (key < nl && level_with(b, lines_[data_[i]].yc()));
      }
    }
    std::vector<const TextBlock*> out;
    for (const auto& [key, b] : blocks) {
      if (key >= nl || b.own_row) continue;
      if (key + 1 < nl && b.x1 <= label_cols_[key + 1]) continue;
      const uint32_t page = b.words.front()->page;
      bool clear = true, above_on_page = false;
      for (size_t i = 0; i < data_.size(); ++i) {
        const Line& l = lines_[data_[i]];
        clear = clear && !level_with(b, l.yc()) &&
                !(l.page == page && l.y1 > b.y0 - 2 * H() && l.y0 < b.y1 + 2 * H() && !labelled[i]);
        above_on_page = above_on_page || (l.page == page && l.yc() < b.y0);
      }
      for (const auto& [deeper, other] : blocks) {
        const bool level = other.y1 > b.y0 && other.y0 < b.y1;
        clear = clear && !(deeper > key && deeper < nl && level);
      }
      if (!clear || (!above_on_page && page > lines_[data_.front()].page && !StartsItem(Text(b)))) {
        continue;
      }
      out.push_back(&b);
    }
    return out;
  }

  void BuildBody(std::vector<std::vector<GridCell>>* rows) {
    std::vector<int> all = data_;
    all.insert(all.end(), body_.begin(), body_.end());
    std::sort(all.begin(), all.end());
    auto blocks = Blocks(all, true);
    std::vector<BodyRow> body;
    for (int li : data_) body.push_back({lines_[li].yc(), lines_[li].page, false});
    for (const TextBlock* b : BlankRowLabels(blocks)) {
      body.push_back({b->yc(), b->words.front()->page, true});
    }
    std::stable_sort(body.begin(), body.end(),
                     [](const BodyRow& a, const BodyRow& b) { return a.y < b.y; });
    const int n = static_cast<int>(body.size());
    std::vector<double> ys(n);
    for (int i = 0; i < n; ++i) ys[i] = body[i].y;

    const int nl = static_cast<int>(label_cols_.size());
    const int width = nl + static_cast<int>(cols_.size());
    std::vector<std::vector<GridCell>> data_rows(n, std::vector<GridCell>(width));
    std::vector<std::vector<const TextBlock*>> label_blocks(
        n, std::vector<const TextBlock*>(nl, nullptr));
    struct Free {
      double y;
      int key;
      const TextBlock* block;
    };
    std::vector<Free> free, groups;
    // Data rows run down the page, so a block's candidate rows are found by
    // binary search instead of a scan of every row.
    const bool sorted = std::is_sorted(ys.begin(), ys.end());
    for (auto& [key, b] : blocks) {
      int best = -1;
      double best_d = 1e18;
      const double lo = b.y0 - 0.3 * H(), hi = b.y1 + 0.3 * H();
      const int from = sorted ? static_cast<int>(std::lower_bound(ys.begin(), ys.end(), lo) - ys.begin()) : 0;
      for (int i = from; i < n; ++i) {
        if (sorted && ys[i] > hi) break;
        if (ys[i] < lo || ys[i] > hi) continue;
        double d = std::abs(ys[i] - b.yc());
        if (d < best_d) {
          best_d = d;
          best = i;
        }
      }
      if (best < 0) {
        if (key < nl && ContinuesAcrossPage(b, key, data_rows, body)) continue;
        if (key + 1 < nl && !b.own_row && StartsItem(Text(b))) {
          groups.push_back({b.yc(), key, &b});
          continue;
        }
        free.push_back({b.yc(), key, &b});
        continue;
      }
      Place(&data_rows[best], key, b);
      if (key < nl && label_blocks[best][key] == nullptr) label_blocks[best][key] = &b;
    }
    // A numbered label level with no row, in a column with deeper labels
    // right of it: a group label set in the middle of its group, which
    // falls between two rows when they differ in height ((六)其他处理 over
    // a row of one line and one of three, or between two rows of five
    // lines each). It goes to the nearest row on its page that has a deeper
    // label and none in its column, within a few lines of the row's values
    // or deeper labels; ExpandGroups then spans it over its group.
    for (const Free& g : groups) {
      const TextBlock& b = *g.block;
      int best = -1;
      std::pair<double, double> best_d{2.0 * H(), 0};  // (gap to the row, to its values)
      for (int i = 0; i < n; ++i) {
        const std::vector<GridCell>& r = data_rows[i];
        if (!r[g.key].text.empty() || body[i].page != b.words.front()->page) continue;
        bool deeper = false;
        double top = ys[i], bottom = ys[i];
        for (int k = g.key + 1; k < nl; ++k) {
          deeper = deeper || !r[k].text.empty();
          if (const TextBlock* d = label_blocks[i][k]) {
            top = std::min(top, d->y0);
            bottom = std::max(bottom, d->y1);
          }
        }
        const std::pair<double, double> d{std::max({0.0, top - b.y1, b.y0 - bottom}),
                                          std::abs(ys[i] - g.y)};
        if (deeper && d < best_d) {
          best_d = d;
          best = i;
        }
      }
      if (best < 0) {
        free.push_back(g);
        continue;
      }
      Place(&data_rows[best], g.key, b);
      label_blocks[best][g.key] = &b;
    }
    ExpandGroups(&data_rows, label_blocks, ys);

    // Free blocks on the same level form extra rows between the data rows.
    std::sort(free.begin(), free.end(), [](const Free& a, const Free& b) { return a.y < b.y; });
    std::vector<std::pair<double, std::vector<GridCell>>> extra;
    for (const Free& f : free) {
      if (extra.empty() || f.y - extra.back().first > 0.5 * H()) {
        extra.emplace_back(f.y, std::vector<GridCell>(width));
      }
      Place(&extra.back().second, f.key, *f.block);
    }
    size_t e = 0;
    for (int i = 0; i < n; ++i) {
      while (e < extra.size() && extra[e].first < ys[i]) rows->push_back(std::move(extra[e++].second));
      rows->push_back(std::move(data_rows[i]));
      if (body[i].blank) blank_rows_.push_back(static_cast<int>(rows->size()) - 1);
    }
    while (e < extra.size()) rows->push_back(std::move(extra[e++].second));
  }

  // A label cell split by a page break: its tail is the first text of the
  // new page above every data row there, and does not start a numbered item.
  // The tail is appended to the last data row of the previous page.
  bool ContinuesAcrossPage(const TextBlock& b, int key,
                           std::vector<std::vector<GridCell>>& data_rows,
                           const std::vector<BodyRow>& body) const {
    const uint32_t page = b.words.front()->page;
    // a line with text under the value columns too is a row of its own (a
    // header row repeated or continued on the new page)
    if (page <= 1 || b.own_row) return false;
    const std::string text = Text(b);
    if (text.empty() || StartsItem(text)) return false;
    int last_before = -1;
    for (size_t i = 0; i < body.size(); ++i) {
      const uint32_t row_page = body[i].page;
      if (row_page == page && body[i].y < b.y0) return false;
      if (row_page == page - 1) last_before = static_cast<int>(i);
    }
    if (last_before < 0) return false;
    GridCell& cell = data_rows[last_before][key];
    if (cell.text.empty()) return false;
    cell.text += text;
    return true;
  }

  // Label sub-column j of row i holds a group label when the row also has a
  // deeper label; the group covers the neighbouring rows that have only deeper
  // labels. Top-aligned group labels start their group; centred ones sit in
  // its middle. Rows whose label stops short of the value columns get their
  // label copied rightwards (a column span).
  void ExpandGroups(std::vector<std::vector<GridCell>>* rows,
                    const std::vector<std::vector<const TextBlock*>>& blocks,
                    const std::vector<double>& ys) const {
    const int n = static_cast<int>(rows->size());
    const int nl = static_cast<int>(label_cols_.size());
    auto has = [&](int i, int j) { return !(*rows)[i][j].text.empty(); };
    auto deeper = [&](int i, int j) {
      for (int k = j + 1; k < nl; ++k) {
        if (has(i, k)) return true;
      }
      return false;
    };
    for (int j = 0; j + 1 < nl; ++j) {
      int i = 0;
      while (i < n) {
        // A run: rows with deeper labels and, at j, nothing or a group label.
        if (!deeper(i, j) || [&] {
              for (int k = 0; k < j; ++k) {
                if (has(i, k) && !(*rows)[i][k].continuation) return true;
              }
              return false;
            }()) {
          ++i;
          continue;
        }
        int s = i;
        while (i < n && deeper(i, j)) {
          bool own_shallower = false;
          for (int k = 0; k < j; ++k) {
            if (has(i, k) && !(*rows)[i][k].continuation) own_shallower = true;
          }
          if (own_shallower && i > s) break;
          ++i;
        }
        const int end = i;  // exclusive
        std::vector<int> labels;
        for (int r = s; r < end; ++r) {
          if (!has(r, j) || blocks[r][j] == nullptr) continue;
          // A cell split by a page break: its second part continues the first.
          if (!labels.empty()) {
            const int prev = labels.back();
            const std::string& text = (*rows)[r][j].text;
            if (blocks[r][j]->words.front()->page != blocks[prev][j]->words.back()->page &&
                !StartsWithEnumerator(text)) {
              (*rows)[prev][j].text += text;
              (*rows)[r][j].text.clear();
              continue;
            }
          }
          labels.push_back(r);
        }
        // Items numbered from 1 again start a new group: when the restarts
        // match the group labels one to one, they fix the group boundaries.
        std::vector<int> restarts;
        for (int r = s; r < end; ++r) {
          for (int k = j + 1; k < nl; ++k) {
            const GridCell& c = (*rows)[r][k];
            if (c.text.empty() || c.continuation) continue;
            if (IsFirstItem(c.text)) restarts.push_back(r);
            break;
          }
        }
        bool by_restarts = !labels.empty() && restarts.size() == labels.size() && restarts[0] == s;
        for (size_t m = 0; by_restarts && m < labels.size(); ++m) {
          const int next = m + 1 < labels.size() ? restarts[m + 1] : end;
          if (labels[m] < restarts[m] || labels[m] >= next) by_restarts = false;
        }
        int start = s;
        for (size_t m = 0; m < labels.size(); ++m) {
          const int g = labels[m];
          const TextBlock* b = blocks[g][j];
          const int limit = m + 1 < labels.size() ? labels[m + 1] - 1 : end - 1;
          int e = limit;
          const bool top_aligned = g == start && std::abs(b->y0 - (ys[start] - H() / 2)) < 0.5 * H();
          if (by_restarts) {
            e = m + 1 < labels.size() ? restarts[m + 1] - 1 : end - 1;
          } else if (!top_aligned && m + 1 < labels.size()) {
            double best = 1e18;
            for (int cand = std::max(g, start); cand <= limit; ++cand) {
              double d = std::abs((ys[start] + ys[cand]) / 2 - b->yc());
              if (d < best) {
                best = d;
                e = cand;
              }
            }
          }
          const std::string text = (*rows)[g][j].text;
          for (int r = start; r <= e; ++r) {
            GridCell& c = (*rows)[r][j];
            c.text = text;
            c.continuation = r != start;
            c.row_span = r == start ? e - start + 1 : 1;
          }
          start = e + 1;
        }
      }
    }
    // Column spans: a label with nothing deeper reaches the value columns.
    for (int i = 0; i < n; ++i) {
      for (int j = 0; j < nl; ++j) {
        if (!has(i, j) || deeper(i, j)) continue;
        GridCell& head = (*rows)[i][j];
        if (head.continuation) continue;
        head.col_span = nl - j;
        for (int k = j + 1; k < nl; ++k) {
          (*rows)[i][k].text = head.text;
          (*rows)[i][k].continuation = true;
        }
        break;
      }
    }
  }

  const std::vector<Line>& lines_;
  std::vector<int> data_, header_, heads_, body_;
  TextCleaner* cleaner_;
  std::string_view source_kind_;
  double h_ = 12.0;
  std::vector<Interval> cols_;
  std::vector<double> label_cols_;
  double label_right_ = 1e9;
  std::vector<int> blank_rows_;  // TableGrid::blank_rows
};

double LeftEdge(const std::vector<Line>& lines, const std::vector<int>& ids) {
  double x = 1e18;
  for (int i : ids) x = std::min(x, lines[i].words.front().x0);
  return x;
}

struct Layout {
  std::vector<int> data, header, body;
  std::vector<int> repeated;  // header lines repeated on a page it crosses to
  // The header lines of the table this one goes on from (a row starting
  // left of that table's rows ended it, with nothing between): they place
  // its columns blank on every row here too.
  std::vector<int> heads;
};

// Clears `margin` on the lines in a page's top or bottom margin that are no
// running header or footer: their text, digits aside (第3页 / 第4页), is in
// the margin of no other page. Such a line is content set close to the
// page's edge (a table row at the top of a page printed with narrow
// margins), and a table crossing the page must not skip it.
void KeepRunningMargins(std::vector<Line>& lines) {
  std::map<std::string, std::pair<uint32_t, bool>> seen;  // key → (a page, on several)
  std::vector<std::string> keys(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!lines[i].margin) continue;
    for (const Word& w : lines[i].words) {
      for (char c : w.text) {
        if (c < '0' || c > '9') keys[i] += c;
      }
    }
    auto [it, added] = seen.try_emplace(keys[i], lines[i].page, false);
    if (!added && it->second.first != lines[i].page) it->second.second = true;
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].margin && !seen[keys[i]].second) lines[i].margin = false;
  }
}

// The value column of `cols` (sorted, disjoint) that [x0, x1] mostly stands
// in, or nullptr.
const Interval* ColumnAt(const std::vector<Interval>& cols, double x0, double x1) {
  auto it = std::lower_bound(cols.begin(), cols.end(), x0,
                             [](const Interval& c, double x) { return c.x1 <= x; });
  for (; it != cols.end() && it->x0 < x1; ++it) {
    const double overlap = std::min(it->x1, x1) - std::max(it->x0, x0);
    if (overlap >= 0.5 * std::min(it->x1 - it->x0, x1 - x0)) return &*it;
  }
  return nullptr;
}

// In a cramped cell a number can touch the label before it ("上年结转20",
// 2 pt apart, the spacing a sentence puts between Chinese and digits), and
// BuildLines reads the two as one word. Where the number stands in a value
// column of the rows around it and the label ends before that column, the
// number is split off as a cell of its own.
// The numbers split off are those at the end that stand each in a column of
// its own, left of which the label ends.
void SplitNumberTails(Line& l, const std::vector<Interval>& cols) {
  for (size_t wi = 0; wi < l.words.size(); ++wi) {
    Word& w = l.words[wi];
    if (w.tails.empty()) continue;
    // From the right: how many numbers stand in columns, one each.
    size_t first = w.tails.size();
    double x1 = w.x1;
    const Interval* right = nullptr;
    for (size_t k = w.tails.size(); k-- > 0;) {
      const Interval* col = ColumnAt(cols, w.tails[k].x0, x1);
      if (col == nullptr || col == right || w.tails[k].prev_x1 > col->x0 + 0.1 * w.h()) break;
      first = k;
      right = col;
      x1 = w.tails[k].prev_x1;
    }
    if (first == w.tails.size()) continue;
    std::vector<Word> numbers;
    for (size_t k = first; k < w.tails.size(); ++k) {
      Word number = w;
      const size_t end = k + 1 < w.tails.size() ? w.tails[k + 1].at : w.text.size();
      number.text = w.text.substr(w.tails[k].at, end - w.tails[k].at);
      while (!number.text.empty() && number.text.back() == ' ') number.text.pop_back();
      number.x0 = w.tails[k].x0;
      if (k + 1 < w.tails.size()) {
        number.x1 = w.tails[k + 1].prev_x1;
        number.space_after = false;
      }
      number.value = IsValueText(number.text);
      number.in_column = number.value;
      number.cut = w.cut && k + 1 == w.tails.size();
      number.tails.clear();
      numbers.push_back(std::move(number));
    }
    w.text.resize(w.tails[first].at);
    while (!w.text.empty() && w.text.back() == ' ') w.text.pop_back();
    w.x1 = w.tails[first].prev_x1;
    w.space_after = false;
    w.cut = false;
    w.value = IsValueText(w.text);
    w.tails.resize(first);
    l.words.insert(l.words.begin() + static_cast<std::ptrdiff_t>(wi) + 1,
                   std::make_move_iterator(numbers.begin()), std::make_move_iterator(numbers.end()));
    wi += numbers.size();
  }
}

// The lines that repeat a table's header at the top of a page (Word's
// 重复标题行, a thead printed on every page): the lines opening the page,
// before its first row, that read as the lines right above a row of an
// earlier page, one of them with text over that row's values (a header, not
// a wrapped label's tail). A table crossing to the page skips them.
std::vector<bool> RepeatedHeaders(const std::vector<Line>& lines,
                                  const std::vector<bool>& is_data) {
  constexpr int kMaxHeaderLines = 16;
  constexpr size_t kMaxCandidates = 8;
  const int n = static_cast<int>(lines.size());
  std::vector<bool> out(n, false);
  std::vector<std::string> text(n);
  for (int k = 0; k < n; ++k) text[k] = LineText(lines[k].words);
  // rows by the text of the line right above them
  std::unordered_map<std::string, std::vector<int>> rows_below;
  for (int d = 1; d < n; ++d) {
    if (!is_data[d] || is_data[d - 1] || lines[d - 1].page != lines[d].page) continue;
    std::vector<int>& rows = rows_below[text[d - 1]];
    if (rows.size() < kMaxCandidates) rows.push_back(d);
  }
  // Whether the m lines from `top` are the m lines right above row d.
  auto repeats = [&](int top, int m, int d) {
    if (d < m) return false;
    const std::vector<int> values = CellValues(lines[d]);
    const double value_x = values.empty() ? 1e18 : lines[d].words[values.front()].x0;
    bool over_values = false;
    for (int t = 0; t < m; ++t) {
      const Line& was = lines[d - m + t];
      const Line& again = lines[top + t];
      if (was.page != lines[d].page || is_data[d - m + t] || text[d - m + t] != text[top + t] ||
          std::abs(was.words.front().x0 - again.words.front().x0) >= 2.0) {
        return false;
      }
      for (const Word& w : was.words) over_values = over_values || w.x1 > value_x;
    }
    return over_values;
  };
  for (int start = 0; start < n;) {
    const uint32_t page = lines[start].page;
    int end = start;
    while (end < n && lines[end].page == page) ++end;
    int top = start;  // below the running header
    while (top < end && lines[top].margin && !is_data[top]) ++top;
    int first_row = top;
    while (first_row < end && !is_data[first_row] && !lines[first_row].margin &&
           first_row - top < kMaxHeaderLines) {
      ++first_row;
    }
    // the most lines that repeat, from the page's top: a cell continued
    // from the page before may follow them
    bool found = false;
    for (int m = first_row - top; m > 0 && !found; --m) {
      auto it = rows_below.find(text[top + m - 1]);
      if (it == rows_below.end()) continue;
      for (int d : it->second) {
        if (lines[d].page >= page || !repeats(top, m, d)) continue;
        std::fill(out.begin() + top, out.begin() + top + m, true);
        found = true;
        break;
      }
    }
    start = end;
  }
  return out;
}

// The lines at the foot of a table's header that hold a label and nothing
// over the value columns (`cols`), under the column headings and set apart
// from the line above as rows are (规章 under 信息内容 本年制发件数 …, its
// cells blank), are rows of the body: BuildBody tells whether they are rows
// of blanks.
void MoveLabelRowsToBody(const std::vector<Line>& lines, const std::vector<Interval>& cols,
                         Layout* t) {
  if (cols.empty()) return;
  auto label_only = [&](int k) { return lines[k].words.back().x1 < cols.front().x0; };
  size_t keep = t->header.size();
  while (keep > 1 && label_only(t->header[keep - 1])) {
    const int k = t->header[keep - 1];
    const Line& l = lines[k];
    const Line& above = lines[t->header[keep - 2]];
    const Line& below = lines[k + 1];
    // Wrapped lines are set closer than rows: a tenth of a line apart in
    // LibreOffice, a fifth in Chromium; rows a quarter apart, or less
    // without borders, but then no closer than the rows below.
    const double gap = l.y0 - above.y1, h = std::max(l.h(), 1.0);
    if (l.page != above.page || (gap < 0.25 * h && gap < below.y0 - l.y1 - 0.05 * h)) break;
    --keep;
  }
  bool headings = false;  // a line of column headings stays above
  for (size_t k = 0; k < keep; ++k) headings = headings || !label_only(t->header[k]);
  if (!headings || keep == t->header.size()) return;
  t->body.insert(t->body.begin(), t->header.begin() + static_cast<std::ptrdiff_t>(keep),
                 t->header.end());
  t->header.resize(keep);
}

// The header lines of the table that line `first` goes on from: the last
// table found, when it has a header (its own or one it went on from) and
// nothing but running headers and footers stands between its lines and
// `first`. None otherwise.
std::vector<int> HeadsContinued(const std::vector<Line>& lines, const std::vector<Layout>& tables,
                                int first) {
  if (tables.empty()) return {};
  const Layout& before = tables.back();
  int last = before.data.back();
  if (!before.body.empty()) last = std::max(last, before.body.back());
  for (int k = last + 1; k < first; ++k) {
    if (!lines[k].margin) return {};
  }
  return before.header.empty() ? before.heads : before.header;
}

// The label words of a table's rows with values (`data`): their words left
// of the value columns `cols`.
std::vector<Interval> RowLabelWords(const std::vector<Line>& lines, const std::vector<int>& data,
                                    const std::vector<Interval>& cols) {
  std::vector<Interval> out;
  if (cols.empty()) return out;
  for (int k : data) {
    for (const Word& w : lines[k].words) {
      if (!w.value && w.x1 < cols.front().x0) out.push_back({w.x0, w.x1});
    }
  }
  return out;
}

// Whether a line below a table's last row, `gap` under the line above it,
// may be the label of a row left blank (四、结转下年度继续办理 or 行政事业性
// 收费 with no values, the table's last row): a label alone in the label
// area (ending left of the value columns `cols`), set no further down than
// the next row would be, and numbered or set as a label of the rows above
// is (`labels`: starting or centred where one of them does), no sentence.
bool TrailingRowLabel(const Line& l, double gap, const std::vector<Interval>& cols,
                      const std::vector<Interval>& labels) {
  if (cols.empty() || gap >= std::max(l.h(), 1.0) || l.words.back().x1 >= cols.front().x0) {
    return false;
  }
  if (StartsItem(l.words.front().text)) return true;
  if (absl::EndsWith(l.words.back().text, "。")) return false;
  const double x0 = l.words.front().x0, x1 = l.words.back().x1;
  return std::any_of(labels.begin(), labels.end(), [&](const Interval& w) {
    return std::abs(w.x0 - x0) < 2.0 || std::abs(w.x0 + w.x1 - x0 - x1) < 4.0;
  });
}

// Whether `l` may be a line of a table's column headings: cells (two words
// at least, set apart) of short text, no number, no numbered item, no
// sentence.
bool HeadingCellsLine(const Line& l) {
  constexpr size_t kMaxHeadingBytes = 3 * 12;  // twelve CJK characters
  if (l.margin || l.words.size() < 2) return false;
  return std::none_of(l.words.begin(), l.words.end(), [](const Word& w) {
    const std::string& t = w.text;
    return w.value || t.size() > kMaxHeadingBytes || StartsItem(t) || absl::EndsWith(t, "。");
  });
}

// The header lines above a table's first line `top` (its first row, or the
// first line of that row's label), top first: lines within the table's left
// edge `left`, up to a sentence or a numbered heading. With `label_rows`, a
// numbered line holding only a label (nothing over the value columns
// `cols`) below every line that has more is taken too: the label of a first
// row left blank (一、本年新收… under the column headings).
std::vector<int> HeaderAbove(const std::vector<Line>& lines, const std::vector<bool>& used,
                             const std::vector<bool>& is_data, int top, double left,
                             const std::vector<Interval>& cols, bool label_rows) {
  std::vector<int> header;
  bool foot = true;  // every line taken so far holds only a label
  for (int k = top - 1; k >= 0 && !used[k] && !is_data[k]; --k) {
    const Line& l = lines[k];
    const Line& below = lines[top];
    // In a table with no label column the first column's heading, centred
    // over its numbers, can start left of them.
    const Word& head = l.words.front();
    const Interval& first_col = cols.front();
    const bool over_first =
        first_col.x0 <= left + 1.0 && std::abs(head.x0 + head.x1 - first_col.x0 - first_col.x1) <=
                                          std::max(first_col.x1 - first_col.x0, 0.5 * l.h());
    // A line of column headings can start left of the rows too: over a
    // label column whose rows' labels are centred and shorter than its
    // heading (信息内容 over 规章), or over a first value column left blank
    // on every row (结果维持 in table 四).
    if (l.margin || (head.x0 < left - 1.0 && !over_first &&
                     !(HeadingCellsLine(l) && l.words.back().x1 > first_col.x0))) {
      break;
    }
    if (l.page == below.page && below.y0 - l.y1 > 2.5 * l.h()) break;
    // Headings (numbered) and sentences are text above the table.
    const std::string& first = l.words.front().text;
    const std::string& last_word = l.words.back().text;
    foot = foot && l.words.back().x1 < first_col.x0;
    if (StartsWithEnumerator(first) && !(label_rows && foot)) break;
    if (absl::EndsWith(last_word, "。") || absl::EndsWith(last_word, "：")) break;
    if (!last_word.empty() && (last_word.back() == ':' || last_word.back() == '.')) break;
    if (header.size() >= 16) break;
    header.insert(header.begin(), k);
    top = k;
  }
  return header;
}

// The first line of a table found: its first row's, or the first line of
// that row's label above it.
int TopLine(const Layout& t) {
  return t.body.empty() || t.body.front() > t.data.front() ? t.data.front() : t.body.front();
}

// Whether `w` overlaps one of the value columns `cols` (sorted, disjoint).
bool InAColumn(const std::vector<Interval>& cols, const Word& w) {
  auto it = std::lower_bound(cols.begin(), cols.end(), w.x0,
                             [](const Interval& c, double x) { return c.x1 <= x; });
  return it != cols.end() && std::min(it->x1, w.x1) - std::max(it->x0, w.x0) > 0;
}

// Rows above the first one found whose number stands alone on its line,
// level with the middle of a label wrapped round it (一、本年新收政府信息公开
// 申请数 / 53 / 量, every other column left blank): a lone number is no cell
// by itself, but in a value column of the rows below it is one, and the
// label lines round it, from the one that starts the item, are its row's.
// Taken row by row upwards, each as closely set as a table's lines are.
void TakeLoneValueRowsAbove(std::vector<Line>& lines, const std::vector<bool>& used,
                            std::vector<bool>* is_data, const std::vector<Interval>& cols,
                            double left, Layout* t) {
  if (cols.empty()) return;
  auto close = [&](int upper, int lower) {
    return lines[upper].page == lines[lower].page &&
           lines[lower].y0 - lines[upper].y1 <= std::max(lines[lower].h(), 1.0);
  };
  auto free = [&](int k) { return k >= 0 && !used[k] && !(*is_data)[k] && !lines[k].margin; };
  auto label_only = [&](int k) {
    if (!free(k)) return false;
    const Line& l = lines[k];
    return l.words.front().x0 >= left - 1.0 && l.words.back().x1 < cols.front().x0 &&
           std::none_of(l.words.begin(), l.words.end(), [](const Word& w) { return w.value; });
  };
  int below = TopLine(*t);
  bool taken = false;
  while (true) {
    std::vector<int> labels;
    int k = below - 1, prev = below;
    // the label's lines under its number (none start an item)
    while (labels.size() < 3 && label_only(k) && close(k, prev) &&
           !StartsItem(lines[k].words.front().text)) {
      labels.push_back(k);
      prev = k--;
    }
    if (!free(k) || !close(k, prev) || lines[k].words.size() != 1 || !lines[k].words[0].value ||
        !InAColumn(cols, lines[k].words[0])) {
      break;
    }
    const int value = k;
    prev = k--;
    // and over it, up to the line that starts the item
    bool starts = false;
    for (size_t over = 0; over < 3 && label_only(k) && close(k, prev); ++over) {
      labels.push_back(k);
      prev = k--;
      if (StartsItem(lines[prev].words.front().text)) {
        starts = true;
        break;
      }
    }
    if (!starts) break;
    lines[value].aligned_value = 0;
    (*is_data)[value] = true;
    t->data.push_back(value);
    t->body.insert(t->body.end(), labels.begin(), labels.end());
    below = prev;
    taken = true;
  }
  if (taken) {
    std::sort(t->data.begin(), t->data.end());
    std::sort(t->body.begin(), t->body.end());
  }
}

// Whether line `l`, a row with values starting left of the rows above it,
// may still be a row of their table: labels centred or set flush right in
// their cells start further left the longer they are (行政规范性文件 under
// 规章). It follows `prev` as closely as a table's lines follow each other,
// on its page; its label ends or has its middle where the label of the
// last row `row` does, and its words that are no numbers end left of the
// value columns `cols` (a paragraph after the table runs across them).
bool LabelsBesideColumns(const Line& l, const Line& prev, const Line& row,
                         const std::vector<Interval>& cols) {
  if (cols.empty() || l.page != prev.page || l.y0 - prev.y1 > std::max(l.h(), 1.0)) return false;
  const Word& label = l.words.front();
  const Word& above = row.words.front();
  if (label.value || above.value ||
      !(std::abs(label.x1 - above.x1) < 2.0 ||
        std::abs(label.x0 + label.x1 - above.x0 - above.x1) < 4.0)) {
    return false;
  }
  return std::all_of(l.words.begin(), l.words.end(),
                     [&](const Word& w) { return w.value || w.x1 < cols.front().x0; });
}

// Splits the lines into tables (data rows with the lines around them).
std::vector<Layout> FindTables(std::vector<Line>& lines) {
  const int n = static_cast<int>(lines.size());
  std::vector<bool> is_data(n);
  for (int i = 0; i < n; ++i) is_data[i] = !CellValues(lines[i]).empty();
  // A part heading of the report (四、政府信息公开行政复议…) ends the table
  // above it, however closely it follows (公文 set at single spacing): it
  // is text, and the next table starts a table of its own. Asked only of
  // lines after a table's rows; cleaned apart from the text so that the
  // script statistics count each line once.
  TextCleaner probe;
  auto is_heading = [&probe](const Line& l) {
    return IsSectionHeadingLine(probe.Clean(LineText(l.words)));
  };
  const std::vector<bool> repeated = RepeatedHeaders(lines, is_data);
  std::vector<Layout> tables;
  std::vector<bool> used(n, false);
  int i = 0;
  while (i < n) {
    if (!is_data[i]) {
      ++i;
      continue;
    }
    Layout t;
    t.data.push_back(i);
    // The value columns seen so far, as sorted disjoint intervals (merged as
    // they are added), so each overlap test is a binary search.
    std::vector<Interval> cols;
    auto add_cols = [&](int li) {
      for (int wi : CellValues(lines[li])) {
        Interval iv{lines[li].words[wi].x0, lines[li].words[wi].x1};
        auto first = std::lower_bound(cols.begin(), cols.end(), iv.x0,
                                      [](const Interval& c, double x) { return c.x1 < x; });
        auto last = first;
        while (last != cols.end() && last->x0 <= iv.x1) {
          iv.x0 = std::min(iv.x0, last->x0);
          iv.x1 = std::max(iv.x1, last->x1);
          ++last;
        }
        cols.insert(cols.erase(first, last), iv);
      }
    };
    auto overlaps_cols = [&](const Word& w) { return InAColumn(cols, w); };
    add_cols(i);
    double left = LeftEdge(lines, t.data);
    // A row whose values stand level with the middle of a label wrapped
    // over several lines has the label's first lines right above it, set as
    // closely as wrapped lines are and left of the values. They are the
    // row's (body), not header rows, and the table's left edge is theirs:
    // all of them when the row's line starts with a value (the label has no
    // part on it); when it starts mid-item (府信息公开申请 273 …), those up to
    // the one that starts the item (一、本年新收政), and none without one.
    const bool value_first = lines[i].words.front().value;
    if (value_first || !StartsItem(lines[i].words.front().text)) {
      const double first_value =
          value_first ? lines[i].words.front().x0 : lines[i].words[CellValues(lines[i]).front()].x0;
      std::vector<int> above;  // bottom first
      for (int k = i - 1, below = i; k >= 0 && i - k <= 4; --k) {
        const Line& l = lines[k];
        if (used[k] || is_data[k] || l.margin || l.page != lines[below].page ||
            lines[below].y0 - l.y1 > 0.6 * std::max(l.h(), 1.0) || l.words.back().x1 >= first_value) {
          break;
        }
        above.push_back(k);
        below = k;
      }
      if (!value_first) {
        auto start = std::find_if(above.begin(), above.end(),
                                  [&](int k) { return StartsItem(lines[k].words.front().text); });
        above.erase(start == above.end() ? above.begin() : start + 1, above.end());
      }
      for (int k : above) {
        t.body.insert(t.body.begin(), k);
        left = std::min(left, lines[k].words.front().x0);
      }
    }
    std::vector<int> pending, skipped;
    int j = i + 1;
    for (; j < n; ++j) {
      // a longer run of rows is split into tables of at most kMaxTableRows
      if (t.data.size() >= kMaxTableRows) break;
      Line& l = lines[j];
      const Line& prev = lines[j - 1];
      const double h = std::max(l.h(), 1.0);
      // Running headers and footers do not interrupt a table crossing pages,
      // nor does its header repeated on the new page.
      if (l.margin && !is_data[j]) continue;
      if (repeated[j] && !is_data[j]) {
        skipped.push_back(j);
        continue;
      }
      if (l.page == prev.page && l.y0 - prev.y1 > 3.0 * h) break;
      if (l.words.front().x0 < left - 1.0 &&
          !(is_data[j] && LabelsBesideColumns(l, prev, lines[t.data.back()], cols))) {
        break;
      }
      SplitNumberTails(l, cols);
      if (!is_data[j]) is_data[j] = !CellValues(l).empty();
      if (!is_data[j]) {
        // A label and a number set only a space after it ("行政事业性收费
        // 316441", the label filling its cell) is a row when the number
        // stands in a value column of the rows before: a sentence wrapped
        // after a number has none there.
        // So is a number alone on its line in such a column: the value of
        // a row whose label wrapped round it (行政事业性 / 366 / 收费).
        const size_t nw = l.words.size();
        const bool aligned =
            l.words[nw - 1].value && overlaps_cols(l.words[nw - 1]) &&
            (nw == 1 || (!l.words[nw - 2].value && l.words[nw - 1].x0 - l.words[nw - 2].x1 >= 0.2 * h));
        if (!aligned) {
          if (is_heading(l)) break;
          pending.push_back(j);
          continue;
        }
        lines[j].aligned_value = static_cast<int>(nw - 1);
        is_data[j] = true;
      }
      auto vals = CellValues(l);
      int overlapping = 0;
      for (int wi : vals) overlapping += overlaps_cols(l.words[wi]) ? 1 : 0;
      if (2 * overlapping < static_cast<int>(vals.size())) break;
      t.body.insert(t.body.end(), pending.begin(), pending.end());
      pending.clear();
      t.repeated.insert(t.repeated.end(), skipped.begin(), skipped.end());
      skipped.clear();
      t.data.push_back(j);
      add_cols(j);
      left = std::min(left, l.words.front().x0);
    }
    // Rows taken before the columns were all known (the first above all).
    for (int k : t.data) SplitNumberTails(lines[k], cols);
    // Trailing lines: continuation of a wrapped cell right below the last
    // row, or the label of a last row left blank (BuildBody tells whether it
    // is a row of blanks), with the table's own lines before it (a band
    // such as 第二十条第（八）项 and a row of headings, closing table 二):
    // those are kept only when such a label follows them.
    int last = t.data.back();
    const std::vector<Interval> labels =
        pending.empty() ? std::vector<Interval>() : RowLabelWords(lines, t.data, cols);
    std::vector<int> inner;
    for (int p : pending) {
      const Line& l = lines[p];
      if (l.page != lines[last].page || l.words.front().x0 < left - 1.0) break;
      const double gap = l.y0 - lines[last].y1;
      last = p;
      if (gap < 0.35 * l.h()) {
        (inner.empty() ? t.body : inner).push_back(p);
      } else if (TrailingRowLabel(l, gap, cols, labels)) {
        t.body.insert(t.body.end(), inner.begin(), inner.end());
        inner.clear();
        t.body.push_back(p);
      } else if (gap < std::max(l.h(), 1.0) &&
                 (l.words.size() >= 2 || StartsItem(l.words.front().text))) {
        inner.push_back(p);
      } else {
        break;
      }
    }
    last = std::max(t.data.back(), t.body.empty() ? -1 : t.body.back());  // the table's last line
    TakeLoneValueRowsAbove(lines, used, &is_data, cols, left, &t);
    // Header lines above the first data row (and above its label's first
    // lines). Labels of rows left blank at their foot go to the body; a
    // numbered line left in the header is a heading above the table, where
    // the header stops.
    const int top = TopLine(t);
    Layout tried = t;
    tried.header = HeaderAbove(lines, used, is_data, top, left, cols, true);
    MoveLabelRowsToBody(lines, cols, &tried);
    if (std::none_of(tried.header.begin(), tried.header.end(),
                     [&](int k) { return StartsWithEnumerator(lines[k].words.front().text); })) {
      t = std::move(tried);
    } else {
      t.header = HeaderAbove(lines, used, is_data, top, left, cols, false);
      MoveLabelRowsToBody(lines, cols, &t);
    }
    for (int k : t.data) used[k] = true;
    for (int k : t.body) used[k] = true;
    for (int k : t.header) used[k] = true;
    for (int k : t.repeated) used[k] = true;
    if (t.header.empty()) {
      t.heads = HeadsContinued(lines, tables, t.body.empty() ? i : std::min(i, t.body.front()));
    }
    tables.push_back(std::move(t));
    i = last + 1;
    while (i < n && used[i]) ++i;
  }
  return tables;
}

// Whether no word of `l` is a number or an NA mark.
bool NoNumber(const Line& l) {
  return std::none_of(l.words.begin(), l.words.end(), [](const Word& w) { return w.value; });
}

// Tables of column headings with no row under them, among the lines no
// table took (`in_table`): two lines or more of heading cells, set as
// closely as a header's lines are, that no line with numbers or of another
// table follows. A
// table whose one row was left blank (table 四 for an agency with no
// reviews or suits) shows only its headings; TableBuilder gives it that
// row, and keeps it as text when it has too few columns for a table.
std::vector<Layout> HeadingOnlyTables(const std::vector<Line>& lines,
                                      const std::vector<bool>& in_table) {
  std::vector<Layout> out;
  const int n = static_cast<int>(lines.size());
  for (int i = 0; i < n;) {
    if (in_table[i] || !HeadingCellsLine(lines[i])) {
      ++i;
      continue;
    }
    int end = i + 1;
    while (end < n && !in_table[end] && lines[end].page == lines[i].page &&
           lines[end].y0 - lines[end - 1].y1 < std::max(lines[end].h(), 1.0) &&
           HeadingCellsLine(lines[end])) {
      ++end;
    }
    // the first line after them, running footers and headers aside: the
    // headings of a table going on there (its header cut by a page break)
    // have rows under them, and numbers there, even set too close to be
    // read as cells, are the row's values
    int next = end;
    while (next < n && lines[next].margin) ++next;
    if (end - i >= 2 && (next == n || (!in_table[next] && NoNumber(lines[next])))) {
      Layout t;
      for (int k = i; k < end; ++k) t.header.push_back(k);
      out.push_back(std::move(t));
    }
    i = end;
  }
  return out;
}

}  // namespace

struct PageLayout::Lines {
  std::vector<Line> lines;
  double offset = 0;  // where the next page starts (pages stacked, 10 apart)
};

PageLayout::PageLayout(std::string_view source_kind)
    : source_kind_(source_kind), lines_(std::make_unique<Lines>()) {}

PageLayout::~PageLayout() = default;

bool PageLayout::has_text() const { return !lines_->lines.empty(); }

void PageLayout::AddPage(uint32_t page, double height, std::vector<PlacedWord> placed) {
  if (!(height > 0 && height < 1e6)) height = 842;
  const double offset = lines_->offset;
  std::vector<Word> words;
  words.reserve(placed.size());
  for (PlacedWord& p : placed) {
    if (p.text.empty() || !(p.y1 > p.y0) || !std::isfinite(p.x0) || !std::isfinite(p.x1) ||
        !std::isfinite(p.y0) || !std::isfinite(p.y1)) {
      continue;
    }
    Word w;
    w.text = std::move(p.text);
    w.x0 = p.x0;
    w.x1 = std::max(p.x0, p.x1);
    w.y0 = offset + p.y0;
    w.y1 = offset + p.y1;
    w.space_after = p.space_after;
    w.cut = p.cut;
    w.set_apart = p.set_apart;
    w.value = IsValueText(w.text);
    w.page = page;
    words.push_back(std::move(w));
  }
  std::vector<Line> lines = BuildLines(std::move(words));
  JoinNumbersWrappedInCells(lines);
  for (size_t i = 0; i < lines.size(); ++i) {
    Line& l = lines[i];
    // Page numbers in the top or bottom margin are not content.
    const double y = l.yc() - offset;
    if ((y < 0.06 * height || y > 0.92 * height)) {
      if (IsPageNumberText(LineText(l.words))) continue;
      l.margin = true;
    }
    // A running header or footer set further in (LibreOffice's header
    // above a 2.5 cm margin stands at 8 % of the page): the page's first
    // or last line near its edge, kept by KeepRunningMargins only when
    // another page repeats it.
    if ((i == 0 && y < 0.12 * height) || (i + 1 == lines.size() && y > 0.88 * height)) {
      l.margin = true;
    }
    lines_->lines.push_back(std::move(l));
  }
  lines_->offset = offset + height + 10;
}

void PageLayout::AppendBlocks(TextCleaner* cleaner, std::vector<Block>* blocks) {
  std::vector<Line>& lines = lines_->lines;
  KeepRunningMargins(lines);
  std::vector<Layout> tables = FindTables(lines);
  std::map<int, TableGrid> grids;  // by the table's first line
  std::vector<bool> in_table(lines.size(), false);
  for (const Layout& layout : tables) {
    for (int k : layout.data) in_table[k] = true;
    for (int k : layout.header) in_table[k] = true;
    for (int k : layout.body) in_table[k] = true;
    for (int k : layout.repeated) in_table[k] = true;
  }
  for (Layout& layout : HeadingOnlyTables(lines, in_table)) {
    for (int k : layout.header) in_table[k] = true;
    tables.push_back(std::move(layout));
  }
  for (const Layout& layout : tables) {
    TableBuilder builder(lines, layout.data, layout.header, layout.heads, layout.body, cleaner,
                         source_kind_);
    TableGrid grid = builder.Build();
    if (grid.rows.empty()) {  // not a table after all: keep its lines as text
      for (int k : layout.data) in_table[k] = false;
      for (int k : layout.header) in_table[k] = false;
      for (int k : layout.body) in_table[k] = false;
      for (int k : layout.repeated) in_table[k] = false;
      continue;
    }
    int first = layout.data.empty() ? layout.header.front() : layout.data.front();
    if (!layout.header.empty()) first = std::min(first, layout.header.front());
    if (!layout.body.empty()) first = std::min(first, layout.body.front());
    grids[first] = std::move(grid);
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    auto g = grids.find(static_cast<int>(i));
    if (g != grids.end()) {
      Block b;
      b.kind = Block::Kind::kTable;
      b.table = std::move(g->second);
      b.table.caption = LastLineText(*blocks);
      b.page = lines[i].page;
      blocks->push_back(std::move(b));
    }
    if (in_table[i]) continue;
    AppendLine(blocks, cleaner->Clean(LineText(lines[i].words)), lines[i].page);
  }
  lines.clear();
}

}  // namespace xxgk::report
