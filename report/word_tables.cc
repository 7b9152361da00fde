#include "report/word_tables.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace xxgk::report {
namespace {

constexpr int kMaxGridColumns = static_cast<int>(kMaxTableColumns);

// A table being read: rows of cells, each cell a run of paragraphs' text
// and tables nested in it.
struct WordCell {
  std::string raw;           // its paragraphs' text, '\n' between them
  size_t paragraphs = 0;
  std::vector<Block> items;  // with tables nested in it: lines and tables in order
  bool nested = false;

  bool empty() const { return paragraphs == 0 && items.empty(); }
  void AddText(const std::string& text) {
    if (nested) {
      Block line;
      line.text = text;
      items.push_back(std::move(line));
      return;
    }
    if (paragraphs++ > 0) raw.push_back('\n');
    raw += text;
  }
  void AddTables(std::vector<Block> blocks) {
    if (!nested) {
      nested = true;
      if (paragraphs > 0) AddText(raw);
      raw.clear();
    }
    for (Block& b : blocks) items.push_back(std::move(b));
  }
};
struct WordRow {
  std::vector<WordCell> cells;
  std::shared_ptr<const WordRowDef> def;
};

class WordTableWalker {
 public:
  WordTableWalker(const std::vector<WordParagraph>& paras, std::string_view source_kind,
                  TextCleaner* cleaner, ReadResult* out)
      : paras_(paras), source_kind_(source_kind), cleaner_(cleaner), out_(out) {}

  void Run() {
    size_t i = 0;
    while (i < paras_.size()) {
      if (paras_[i].depth <= 0) {
        AppendLines(&out_->blocks, cleaner_, paras_[i].text);
        ++i;
      } else {
        for (Block& b : Table(&i, 1)) Emit(std::move(b), &out_->blocks);
      }
    }
  }

 private:
  void Emit(Block b, std::vector<Block>* blocks) {
    if (b.kind == Block::Kind::kTable) {
      b.table.caption = LastLineText(*blocks);
      blocks->push_back(std::move(b));
    } else {
      AppendLines(blocks, cleaner_, b.text);
    }
  }

  // Reads the table at `depth` starting at paragraph *i; returns one table
  // block, or, for a table holding tables, its cells' content in order.
  std::vector<Block> Table(size_t* i, int depth) {
    std::vector<WordRow> rows;
    WordRow row;
    WordCell cell;
    size_t cells = 0;  // kept so far, against the grid budget
    size_t widest = 0, rows_seen = 0;
    bool over_budget = false;
    while (*i < paras_.size()) {
      const WordParagraph& p = paras_[*i];
      const int d = p.depth;
      if (d < depth) break;
      if (d > depth) {
        cell.AddTables(Table(i, depth + 1));
        continue;
      }
      ++*i;
      if (p.row_end) {
        if (!cell.empty()) row.cells.push_back(std::move(cell));
        cell = WordCell();
        row.def = p.row;
        ++rows_seen;
        widest = std::max(widest, row.cells.size());
        if (!row.cells.empty() && !over_budget) rows.push_back(std::move(row));
        row = WordRow();
        continue;
      }
      cell.AddText(p.text);
      if (p.cell_end) {
        // Past the budget the rest of the table is read through, not kept.
        over_budget = over_budget || ++cells > kMaxTableCells ||
                      row.cells.size() >= static_cast<size_t>(kMaxGridColumns);
        if (!over_budget) row.cells.push_back(std::move(cell));
        cell = WordCell();
      }
    }
    if (!cell.empty()) row.cells.push_back(std::move(cell));
    if (!row.cells.empty() && !over_budget) rows.push_back(std::move(row));
    if (over_budget) {
      out_->notes.push_back(TableTooLargeNote(source_kind_, rows_seen, widest));
      return {};
    }

    bool container = false;
    for (const WordRow& r : rows) {
      for (const WordCell& c : r.cells) container = container || c.nested;
    }
    std::vector<Block> out;
    if (container) {
      for (WordRow& r : rows) {
        for (WordCell& c : r.cells) {
          if (!c.nested) AppendLines(&out, cleaner_, c.raw);
          for (Block& b : c.items) Emit(std::move(b), &out);
        }
      }
      return out;
    }
    if (std::optional<Block> grid = Grid(rows); grid.has_value()) out.push_back(*std::move(grid));
    return out;
  }

  std::string CellText(const WordCell& cell) { return cleaner_->Clean(cell.raw); }

  // Lays the rows out on the columns their cell boundaries make: a cell
  // spans the columns between its boundaries, a cell merged into its left
  // neighbour widens it, and a cell continuing the one above copies it.
  std::optional<Block> Grid(const std::vector<WordRow>& rows) {
    if (rows.empty()) return std::nullopt;
    // Every boundary position of every row whose definition fits its cells.
    std::vector<int> xs;
    for (const WordRow& r : rows) {
      if (Fits(r)) xs.insert(xs.end(), r.def->bounds.begin(), r.def->bounds.end());
    }
    std::sort(xs.begin(), xs.end());
    std::vector<int> columns;  // distinct positions, 10 twips apart at least
    for (int x : xs) {
      if (columns.empty() || x - columns.back() > 10) columns.push_back(x);
    }
    auto column_of = [&](int x) {
      auto it = std::lower_bound(columns.begin(), columns.end(), x - 10);
      return static_cast<int>(it - columns.begin());
    };

    MergedGridBuilder builder(source_kind_);
    std::vector<int> widths;  // between boundaries: tells a sliver column from its neighbour
    for (size_t k = 1; k < columns.size(); ++k) widths.push_back(columns[k] - columns[k - 1]);
    builder.SetColumnWidths(std::move(widths));
    for (const WordRow& r : rows) {
      builder.StartRow();
      const bool fits = Fits(r);
      for (size_t c = 0; c < r.cells.size(); ++c) {
        int start = builder.width();
        int end = start + 1;
        if (fits) {
          start = std::max(start, column_of(r.def->bounds[c]));
          end = std::max(start + 1, column_of(r.def->bounds[c + 1]));
          if (r.def->horz[c] >= 2 && builder.width() > 0) {
            // Merged into the cell on its left (its own text is empty).
            builder.ExtendLast(std::min(end, kMaxGridColumns));
            continue;
          }
        }
        if (end > kMaxGridColumns) break;
        builder.PadTo(start);
        if (fits && r.def->vert[c] == 1 && builder.ContinueAbove(end - start)) continue;
        builder.AddCell(CellText(r.cells[c]), end - start);
      }
      if (!GridWithinBudget(builder.rows(), std::max(builder.width(), 1))) {
        out_->notes.push_back(TableTooLargeNote(source_kind_, rows.size(), builder.width()));
        return std::nullopt;
      }
    }
    Block b;
    b.kind = Block::Kind::kTable;
    b.table = builder.Finish();
    if (!GridWithinBudget(b.table.rows.size(), b.table.rows[0].size())) {
      out_->notes.push_back(TableTooLargeNote(source_kind_, b.table.rows.size(), b.table.rows[0].size()));
      return std::nullopt;
    }
    return b;
  }

  static bool Fits(const WordRow& r) {
    return r.def != nullptr && r.def->bounds.size() == r.cells.size() + 1 &&
           std::is_sorted(r.def->bounds.begin(), r.def->bounds.end());
  }

  const std::vector<WordParagraph>& paras_;
  std::string_view source_kind_;
  TextCleaner* cleaner_;
  ReadResult* out_;
};

}  // namespace

void AppendWordParagraphs(const std::vector<WordParagraph>& paras, std::string_view source_kind,
                          TextCleaner* cleaner, ReadResult* out) {
  WordTableWalker(paras, source_kind, cleaner, out).Run();
}

}  // namespace xxgk::report
