#include "report/readers_common.h"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "report/normalize.h"

namespace xxgk::report {
namespace {

constexpr int kMaxColumns = static_cast<int>(kMaxTableColumns);
constexpr int kMaxRowSpan = 65534;

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Collapses ASCII whitespace runs and the common Unicode spaces (NBSP, ideographic
// space) into single spaces so that lines never carry '\n'.
std::string CollapseSpaces(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  bool pending_space = false;
  for (size_t i = 0; i < raw.size();) {
    unsigned char c = static_cast<unsigned char>(raw[i]);
    size_t len = 0;
    if (IsAsciiSpace(static_cast<char>(c))) {
      len = 1;
    } else if (c == 0xC2 && i + 1 < raw.size() &&
               static_cast<unsigned char>(raw[i + 1]) == 0xA0) {
      len = 2;  // U+00A0
    } else if (c == 0xE3 && i + 2 < raw.size() &&
               static_cast<unsigned char>(raw[i + 1]) == 0x80 &&
               static_cast<unsigned char>(raw[i + 2]) == 0x80) {
      len = 3;  // U+3000
    }
    if (len > 0) {
      pending_space = true;
      i += len;
      continue;
    }
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    out.push_back(raw[i]);
    ++i;
  }
  return out;
}

std::string Trim(std::string s) {
  size_t b = 0;
  while (b < s.size() && IsAsciiSpace(s[b])) ++b;
  size_t e = s.size();
  while (e > b && IsAsciiSpace(s[e - 1])) --e;
  return s.substr(b, e - b);
}


// Which cell covers each position of a grid (rows may differ in length):
// each head claims the copies its spans cover, the first claim winning; a
// copy no head claims counts as a cell of its own.
std::vector<std::vector<int>> CellIds(const TableGrid& grid) {
  const auto& rows = grid.rows;
  std::vector<std::vector<int>> ids(rows.size());
  for (size_t r = 0; r < rows.size(); ++r) ids[r].assign(rows[r].size(), -1);
  int next = 0;
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t c = 0; c < rows[r].size(); ++c) {
      if (ids[r][c] != -1) continue;
      const int id = next++;
      ids[r][c] = id;
      if (rows[r][c].continuation) continue;
      const size_t rs = static_cast<size_t>(std::max(rows[r][c].row_span, 1));
      const size_t cs = static_cast<size_t>(std::max(rows[r][c].col_span, 1));
      // Stops at the first position it cannot claim: linear in the grid.
      for (size_t rr = r; rr < rows.size() && rr < r + rs; ++rr) {
        if (rr > r && (c >= rows[rr].size() || ids[rr][c] != -1 || !rows[rr][c].continuation)) {
          break;
        }
        for (size_t cc = c; cc < rows[rr].size() && cc < c + cs; ++cc) {
          if (rr == r && cc == c) continue;
          if (ids[rr][cc] != -1 || !rows[rr][cc].continuation) break;
          ids[rr][cc] = id;
        }
      }
    }
  }
  return ids;
}

// Per column: false for a column no row needs, every cell on it also
// covering the nearest kept column on its left or right. Narrower columns
// are tried first (a sliver is the narrow one of two that could go), then
// from the left; each cell keeps a column in every row.
std::vector<bool> NeededColumns(const std::vector<std::vector<int>>& ids, size_t width,
                                const std::vector<int>& widths) {
  std::vector<size_t> order(width);
  for (size_t c = 0; c < width; ++c) order[c] = c;
  if (widths.size() == width) {
    std::stable_sort(order.begin(), order.end(),
                     [&widths](size_t a, size_t b) { return widths[a] < widths[b]; });
  }
  std::vector<bool> keep(width, true);
  for (size_t c : order) {
    size_t left = c, right = c + 1;  // the nearest kept columns; none when out of range
    while (left > 0 && !keep[left - 1]) --left;
    while (right < width && !keep[right]) ++right;
    bool needed = false;
    for (size_t r = 0; r < ids.size() && !needed; ++r) {
      const std::vector<int>& row = ids[r];
      if (c >= row.size()) continue;  // a short row says nothing here
      const bool joins_left = left > 0 && row[left - 1] == row[c];
      const bool joins_right = right < row.size() && row[right] == row[c];
      needed = !joins_left && !joins_right;
    }
    keep[c] = needed;
  }
  return keep;
}
}  // namespace

std::string TextCleaner::Clean(std::string_view raw) {
  std::string collapsed = CollapseSpaces(raw);
  if (collapsed.empty()) return collapsed;
  Normalized n = NormalizeText(collapsed);
  traditional_chars_ += n.traditional_chars;
  total_bytes_ += static_cast<int64_t>(collapsed.size());
  // Normalisation may turn full-width spaces into ASCII ones: collapse again.
  return Trim(CollapseSpaces(n.text));
}

xxgk::v1::Script TextCleaner::script() const {
  // A CJK character is three UTF-8 bytes; call the text traditional when at
  // least one in fifty characters was converted (stray variants do not count).
  if (traditional_chars_ > 0 && traditional_chars_ * 3 * 50 >= total_bytes_) {
    return xxgk::v1::TRADITIONAL;
  }
  return xxgk::v1::SIMPLIFIED;
}

bool GridWithinBudget(size_t rows, size_t width) {
  if (width > kMaxTableColumns) return false;
  if (width == 0) return true;
  return rows <= kMaxTableCells / width;
}

xxgk::v1::ReadingNote TableTooLargeNote(std::string_view source_kind, size_t rows,
                                        size_t width) {
  xxgk::v1::ReadingNote note;
  note.set_kind(xxgk::v1::ReadingNote::AMBIGUOUS_TABLE);
  note.set_message(absl::StrCat("table too large to read (", absl::string_view(source_kind.data(), source_kind.size()), ", ", rows,
                                " rows, ", width, " columns; at most ", kMaxTableColumns,
                                " columns and ", kMaxTableCells, " cells): dropped"));
  return note;
}

int ParseSpan(std::string_view value, int fallback, int max) {
  // Leading digits only, as browsers read "2px" or " 3 "; overlong runs clamp.
  size_t b = 0;
  while (b < value.size() && IsAsciiSpace(value[b])) ++b;
  if (b < value.size() && value[b] == '+') ++b;
  size_t e = b;
  while (e < value.size() && value[e] >= '0' && value[e] <= '9') ++e;
  if (e == b) return fallback;
  int64_t v = 0;
  if (e - b > 12 || !absl::SimpleAtoi(absl::string_view(value.data() + b, e - b), &v)) {
    return max;
  }
  if (v < 1) return fallback;
  return static_cast<int>(std::min<int64_t>(v, max));
}

absl::StatusOr<TableGrid> ExpandSpans(const std::vector<std::vector<SpanCell>>& rows,
                                      std::string_view source_kind) {
  TableGrid grid;
  grid.source_kind = std::string(source_kind);
  const int n_rows = static_cast<int>(rows.size());
  std::vector<std::vector<GridCell>>& out = grid.rows;
  out.assign(n_rows, {});
  std::vector<std::vector<bool>> filled(n_rows);
  for (int r = 0; r < n_rows; ++r) {
    int col = 0;
    for (const SpanCell& cell : rows[r]) {
      while (col < static_cast<int>(filled[r].size()) && filled[r][col]) ++col;
      if (col >= kMaxColumns) break;
      const int cs = std::clamp(cell.col_span, 1, kMaxColumns - col);
      const int rs = std::clamp(cell.row_span, 1, std::min(kMaxRowSpan, n_rows - r));
      for (int dr = 0; dr < rs; ++dr) {
        std::vector<GridCell>& row = out[r + dr];
        std::vector<bool>& mark = filled[r + dr];
        if (static_cast<int>(row.size()) < col + cs) {
          // every row is padded to the widest one: refuse before allocating
          if (!GridWithinBudget(rows.size(), static_cast<size_t>(col + cs))) {
            return absl::ResourceExhaustedError(absl::StrCat(
                "table grid over budget: ", rows.size(), " rows x ", col + cs, " columns"));
          }
          row.resize(col + cs);
          mark.resize(col + cs, false);
        }
        for (int dc = 0; dc < cs; ++dc) {
          GridCell& g = row[col + dc];
          if (mark[col + dc]) continue;  // overlapping spans: first one wins
          mark[col + dc] = true;
          g.text = cell.text;
          g.source_begin = cell.source_begin;
          g.source_end = cell.source_end;
          if (dr == 0 && dc == 0) {
            g.row_span = rs;
            g.col_span = cs;
          } else {
            g.continuation = true;
          }
        }
      }
      col += cs;
    }
  }
  size_t width = 0;
  for (const auto& row : out) width = std::max(width, row.size());
  for (auto& row : out) row.resize(width);
  return grid;
}

std::optional<Block> SpanTableBlock(const std::vector<std::vector<SpanCell>>& rows,
                                    std::string_view source_kind,
                                    std::vector<xxgk::v1::ReadingNote>* notes) {
  absl::StatusOr<TableGrid> grid = ExpandSpans(rows, source_kind);
  if (!grid.ok()) {
    size_t widest = 0;
    for (const auto& r : rows) widest = std::max(widest, r.size());
    notes->push_back(TableTooLargeNote(source_kind, rows.size(), widest));
    return std::nullopt;
  }
  Block b;
  b.kind = Block::Kind::kTable;
  b.table = *std::move(grid);
  // A page saved from Word keeps Word's sliver columns as colspans.
  DropSliverColumns(&b.table);
  return b;
}

void DropSliverColumns(TableGrid* grid, const std::vector<int>& widths) {
  size_t width = 0;
  for (const auto& row : grid->rows) width = std::max(width, row.size());
  const std::vector<std::vector<int>> ids = CellIds(*grid);
  const std::vector<bool> keep = NeededColumns(ids, width, widths);
  if (std::find(keep.begin(), keep.end(), false) == keep.end()) return;
  std::vector<int> kept_before(width + 1, 0);
  for (size_t c = 0; c < width; ++c) kept_before[c + 1] = kept_before[c] + (keep[c] ? 1 : 0);
  for (size_t r = 0; r < grid->rows.size(); ++r) {
    std::vector<GridCell>& row = grid->rows[r];
    std::vector<GridCell> out;
    std::optional<GridCell> moved;  // a head whose column goes: to its cell's next column
    int moved_id = -1;
    for (size_t c = 0; c < row.size(); ++c) {
      GridCell& g = row[c];
      if (!g.continuation) {
        const size_t end = std::min(width, c + static_cast<size_t>(std::max(g.col_span, 1)));
        g.col_span = std::max(1, kept_before[end] - kept_before[c]);
        if (!keep[c]) {
          moved = std::move(g);
          moved_id = ids[r][c];
        }
      }
      if (!keep[c]) continue;
      const bool takes_head = moved.has_value() && ids[r][c] == moved_id;
      out.push_back(takes_head ? *std::move(moved) : std::move(g));
      if (takes_head) moved.reset();
    }
    row = std::move(out);
  }
}

void AppendLine(std::vector<Block>* blocks, std::string text, uint32_t page,
                uint32_t begin, uint32_t end) {
  if (text.empty()) return;
  Block b;
  b.kind = Block::Kind::kLine;
  b.text = std::move(text);
  b.page = page;
  b.source_begin = begin;
  b.source_end = end;
  blocks->push_back(std::move(b));
}

void AppendLines(std::vector<Block>* blocks, TextCleaner* cleaner, std::string_view raw) {
  size_t start = 0;
  while (start <= raw.size()) {
    size_t nl = raw.find('\n', start);
    if (nl == std::string_view::npos) nl = raw.size();
    AppendLine(blocks, cleaner->Clean(raw.substr(start, nl - start)));
    start = nl + 1;
  }
}

std::string LastLineText(const std::vector<Block>& blocks) {
  if (blocks.empty() || blocks.back().kind != Block::Kind::kLine) return "";
  return blocks.back().text;
}

MergedGridBuilder::MergedGridBuilder(std::string_view source_kind) {
  grid_.source_kind = std::string(source_kind);
}

void MergedGridBuilder::StartRow() {
  grid_.rows.emplace_back();
  origin_.emplace_back();
}

int MergedGridBuilder::width() const {
  return grid_.rows.empty() ? 0 : static_cast<int>(grid_.rows.back().size());
}

void MergedGridBuilder::PadTo(int col) {
  const int r = static_cast<int>(grid_.rows.size()) - 1;
  while (width() < col) {
    grid_.rows.back().emplace_back();
    origin_.back().push_back(r);
  }
}

void MergedGridBuilder::AddCell(std::string text, int span) {
  const int r = static_cast<int>(grid_.rows.size()) - 1;
  std::vector<GridCell>& row = grid_.rows.back();
  GridCell head;
  head.text = std::move(text);
  head.col_span = span;
  row.push_back(head);
  origin_.back().push_back(r);
  for (int dc = 1; dc < span; ++dc) {
    GridCell copy;
    copy.text = head.text;
    copy.continuation = true;
    row.push_back(std::move(copy));
    origin_.back().push_back(r);
  }
}

bool MergedGridBuilder::ContinueAbove(int span) {
  const size_t r = grid_.rows.size() - 1;
  const size_t col = static_cast<size_t>(width());
  if (r == 0 || col >= grid_.rows[r - 1].size()) return false;
  const int o = origin_[r - 1][col];
  GridCell& head = grid_.rows[o][col];
  head.row_span = static_cast<int>(r) - o + 1;
  for (int dc = 0; dc < span; ++dc) {
    GridCell g;
    g.text = head.text;
    g.continuation = true;
    grid_.rows[r].push_back(std::move(g));
    origin_[r].push_back(o);
  }
  return true;
}

void MergedGridBuilder::ExtendLast(int end) {
  std::vector<GridCell>& row = grid_.rows.back();
  std::vector<int>& origin = origin_.back();
  if (row.empty()) return;
  size_t head = row.size() - 1;
  while (head > 0 && row[head].continuation && origin[head - 1] == origin.back()) --head;
  while (width() < end) {
    GridCell copy = row.back();
    copy.continuation = true;
    copy.col_span = 1;
    row.push_back(std::move(copy));
    origin.push_back(origin.back());
  }
  if (!row[head].continuation) row[head].col_span = static_cast<int>(row.size() - head);
}

TableGrid MergedGridBuilder::Finish() {
  DropSliverColumns(&grid_, widths_);  // before padding: a short row says nothing of later columns
  size_t width = 0;
  for (const auto& row : grid_.rows) width = std::max(width, row.size());
  for (auto& row : grid_.rows) row.resize(width);
  origin_.clear();
  return std::move(grid_);
}

}  // namespace xxgk::report
