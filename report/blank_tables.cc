#include "report/blank_tables.h"

#include <cstddef>
#include <set>
#include <string>
#include <utility>

#include "report/cell_keys.h"
#include "report/labels.h"
#include "report/normalize.h"
#include "report/table_map.h"

namespace xxgk::report {
namespace {

// Lines the table's rows may take (a label wrapped over three lines at most
// for each of its 25 rows).
constexpr size_t kMaxLines = 80;
// Rows of table 三 the run must read as (of 25) to be taken for it.
constexpr size_t kMinRows = 20;
constexpr size_t kValueColumns = 7;

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// Whether a line may be a row label of a blank table: no sentence, and no
// digit but an item's number (1. 2、), wherever it stands ("(六)其2.申请人…":
// a group's label and the item beside it run together).
bool MayBeBlankRowLabel(std::string_view line) {
  if (line.ends_with("。")) return false;
  for (size_t i = 0; i < line.size(); ++i) {
    if (!IsAsciiDigit(line[i])) continue;
    size_t j = i;
    while (j < line.size() && IsAsciiDigit(line[j])) ++j;
    const std::string_view rest = line.substr(j);
    const bool item = (rest.starts_with(".") && (rest.size() == 1 || !IsAsciiDigit(rest[1]))) ||
                      rest.starts_with("、") || rest.starts_with("．");
    if (!item) return false;
    i = j;
  }
  return true;
}

bool Names(std::string_view line, std::string_view phrase) {
  return LabelKey(line).find(phrase) != std::string::npos;
}

// The rows of table 三 that `grid` reads as, mapped on its own.
size_t RowsRead(const TableGrid& grid) {
  PlacedGrid placed;
  placed.grid = &grid;
  xxgk::v1::Report scratch;
  MapTables({placed}, &scratch);
  if (!scratch.tables().t3().info().found()) return 0;
  std::set<std::string> rows;
  ForEachCell(scratch.tables(), [&rows](const std::string& key, const xxgk::v1::Cell& cell) {
    if (TableOfKey(key) != "t3" || cell.presence() != xxgk::v1::Cell::BLANK) return;
    rows.insert(key.substr(0, key.rfind('.')));
  });
  return rows.size();
}

// Whether a line is a page's running header, footer or number (第3页共5页),
// which a table crossing pages has among its rows.
bool PageChrome(std::string_view line) { return IsPageChromeLine(line) || IsPageNumberText(line); }

// The table the lines `rows` (indices into `blocks`) make: a row per line,
// each a row of blanks.
Block BlankTable(std::string_view source_kind, const std::vector<Block>& blocks,
                 const std::vector<size_t>& rows) {
  Block table;
  table.kind = Block::Kind::kTable;
  table.page = blocks[rows.front()].page;
  table.source_begin = blocks[rows.front()].source_begin;
  table.source_end = blocks[rows.back()].source_end;
  TableGrid& grid = table.table;
  grid.source_kind = std::string(source_kind);
  for (size_t i : rows) {
    std::vector<GridCell> row(1 + kValueColumns);
    row[0].text = blocks[i].text;
    for (GridCell& c : row) {
      c.source_begin = c.text.empty() ? blocks[i].source_end : blocks[i].source_begin;
      c.source_end = blocks[i].source_end;
    }
    grid.blank_rows.push_back(static_cast<int>(grid.rows.size()));
    grid.rows.push_back(std::move(row));
  }
  const size_t above = rows.front();
  if (above > 0 && blocks[above - 1].kind == Block::Kind::kLine) grid.caption = blocks[above - 1].text;
  return table;
}

}  // namespace

void RebuildBlankTableThree(std::string_view source_kind, std::vector<Block>* blocks) {
  if (source_kind != "pdf" && source_kind != "ofd") return;
  std::vector<Block>& b = *blocks;
  // what each line may be, read once
  enum : unsigned char { kOther, kChrome, kLabel, kFirst, kLast };
  std::vector<unsigned char> kind(b.size(), kOther);
  for (size_t i = 0; i < b.size(); ++i) {
    if (b[i].kind != Block::Kind::kLine) continue;
    const std::string& text = b[i].text;
    if (PageChrome(text)) {
      kind[i] = kChrome;
    } else if (MayBeBlankRowLabel(text)) {
      kind[i] = Names(text, "本年新收") ? kFirst : Names(text, "结转下年") ? kLast : kLabel;
    }
  }
  for (size_t first = 0; first < b.size(); ++first) {
    if (kind[first] != kFirst) continue;
    std::vector<size_t> rows = {first};
    size_t last = first + 1;
    for (; last < b.size() && last - first < kMaxLines && kind[last] != kOther; ++last) {
      if (kind[last] == kChrome) continue;
      rows.push_back(last);
      if (kind[last] == kLast) break;
    }
    if (kind[rows.back()] != kLast) continue;
    last = rows.back();
    Block table = BlankTable(source_kind, b, rows);
    // (a run that is no table is not tried again from a line inside it, so
    // every line is mapped at most once)
    if (RowsRead(table.table) < kMinRows) {
      first = last;
      continue;
    }
    b[first] = std::move(table);
    b.erase(b.begin() + static_cast<std::ptrdiff_t>(first) + 1,
            b.begin() + static_cast<std::ptrdiff_t>(last) + 1);
    return;  // one table 三 in a report
  }
}

}  // namespace xxgk::report
