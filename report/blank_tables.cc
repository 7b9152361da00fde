#include "report/blank_tables.h"

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "report/cell_keys.h"
#include "report/labels.h"
#include "report/normalize.h"
#include "report/table_map.h"

namespace xxgk::report {
namespace {

// A statistics table whose cells may all be left blank, as its lines show:
// the phrases of its first row (any of them) and its last, its value
// columns, and the blank cells the lines must read as to be taken for it.
struct BlankKind {
  const char* table;
  std::vector<std::string_view> first;
  std::string_view last;
  std::string_view after_last;  // a row that may follow the last ("" none)
  size_t columns;
  size_t min_cells;
};

const std::vector<BlankKind>& Kinds() {
  static const auto* const kinds = new std::vector<BlankKind>{
      // table 二 from its first band (第二十条第（一）项) or header to
      // 行政事业性收费, and 政府集中采购 after it in the 2019 layout: 8
      // of its cells (10 in the 2021 layout), three columns at most
      {"t2", {"第二十条", "信息内容"}, "行政事业性收费", "集中采购", 3, 8},
      // table 三 from 本年新收… to 结转下年…: 20 of its 25 rows
      {"t3", {"本年新收"}, "结转下年", "", 7, 20 * 7},
  };
  return *kinds;
}

// Lines a table's rows may take (each of table 三's 25 labels wrapped over
// three lines at most).
constexpr size_t kMaxLines = 80;

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

// The blank cells of `table` that `grid` reads as, mapped on its own.
size_t BlankCellsRead(const TableGrid& grid, std::string_view table) {
  PlacedGrid placed;
  placed.grid = &grid;
  xxgk::v1::Report scratch;
  MapTables({placed}, &scratch);
  size_t n = 0;
  ForEachCell(scratch.tables(), [&n, table](const std::string& key, const xxgk::v1::Cell& cell) {
    if (TableOfKey(key) == table && cell.presence() == xxgk::v1::Cell::BLANK) ++n;
  });
  return n;
}

// Whether a line is a page's running header, footer or number (第3页共5页),
// which a table crossing pages has among its rows.
bool PageChrome(std::string_view line) { return IsPageChromeLine(line) || IsPageNumberText(line); }

// The table the lines `rows` (indices into `blocks`) make: a row per line,
// each a row of blanks.
Block BlankTable(std::string_view source_kind, const std::vector<Block>& blocks,
                 const std::vector<size_t>& rows, size_t columns) {
  Block table;
  table.kind = Block::Kind::kTable;
  table.page = blocks[rows.front()].page;
  table.source_begin = blocks[rows.front()].source_begin;
  table.source_end = blocks[rows.back()].source_end;
  TableGrid& grid = table.table;
  grid.source_kind = std::string(source_kind);
  for (size_t i : rows) {
    std::vector<GridCell> row(1 + columns);
    row[0].text = blocks[i].text;
    for (GridCell& c : row) {
      c.source_begin = c.text.empty() ? blocks[i].source_end : blocks[i].source_begin;
      c.source_end = blocks[i].source_end;
    }
    grid.blank_rows.push_back(static_cast<int>(grid.rows.size()));
    grid.rows.push_back(std::move(row));
  }
  const size_t above = rows.front();
  if (above > 0 && blocks[above - 1].kind == Block::Kind::kLine) {
    grid.caption = blocks[above - 1].text;
  }
  return table;
}

// What a block may be in a blank table, read once for every kind: a line
// of page chrome, a line that may be a row label (with its LabelKey), or
// anything else; and the table a table block is.
struct BlockRead {
  enum What : unsigned char { kOther, kChrome, kLabel } what = kOther;
  std::string key;                 // kLabel: the line's LabelKey
  TableId table = TableId::kNone;  // a table block's table
};

std::vector<BlockRead> ReadBlocks(const std::vector<Block>& b) {
  std::vector<BlockRead> out(b.size());
  for (size_t i = 0; i < b.size(); ++i) {
    if (b[i].kind == Block::Kind::kTable) {
      out[i].table = IdentifyTable(b[i].table);
    } else if (PageChrome(b[i].text)) {
      out[i].what = BlockRead::kChrome;
    } else if (MayBeBlankRowLabel(b[i].text)) {
      out[i].what = BlockRead::kLabel;
      out[i].key = LabelKey(b[i].text);
    }
  }
  return out;
}

// Rebuilds the first run of `kind`'s lines found in `b` (read as `read`),
// unless the reader found the table itself (labels repeated elsewhere are
// then no table). True when it rebuilt one.
bool RebuildBlank(std::string_view source_kind, const BlankKind& kind,
                  const std::vector<BlockRead>& read, std::vector<Block>* blocks) {
  std::vector<Block>& b = *blocks;
  const bool found = std::any_of(read.begin(), read.end(), [&kind](const BlockRead& r) {
    return std::string_view(TableIdName(r.table)) == kind.table;
  });
  if (found) return false;
  // what each line is for this kind
  enum : unsigned char { kOther, kChrome, kLabel, kFirst, kLast, kAfterLast };
  std::vector<unsigned char> role(b.size(), kOther);
  for (size_t i = 0; i < b.size(); ++i) {
    if (read[i].what == BlockRead::kChrome) {
      role[i] = kChrome;
    } else if (read[i].what == BlockRead::kLabel) {
      const std::string& key = read[i].key;
      // (the first row's label begins its line: prose citing 第二十条 does not)
      const bool first =
          std::any_of(kind.first.begin(), kind.first.end(),
                      [&key](std::string_view p) { return key.starts_with(p); });
      if (first) {
        role[i] = kFirst;
      } else if (key.find(kind.last) != std::string::npos) {
        role[i] = kLast;
      } else if (!kind.after_last.empty() && key.find(kind.after_last) != std::string::npos) {
        role[i] = kAfterLast;
      } else {
        role[i] = kLabel;
      }
    }
  }
  for (size_t first = 0; first < b.size(); ++first) {
    if (role[first] != kFirst) continue;
    std::vector<size_t> rows = {first};
    size_t last = first + 1;
    for (; last < b.size() && last - first < kMaxLines && role[last] != kOther; ++last) {
      if (role[last] == kChrome) continue;
      rows.push_back(last);
      if (role[last] == kLast) break;
    }
    if (role[rows.back()] != kLast) continue;
    // the row that may follow the last, under a band and header of its own
    // (第二十条第（九）项, 信息内容…): within three lines, page chrome aside
    std::vector<size_t> after;
    for (size_t k = rows.back() + 1; k < b.size() && role[k] != kOther && after.size() < 3; ++k) {
      if (role[k] == kChrome) continue;
      after.push_back(k);
      if (role[k] == kAfterLast) {
        rows.insert(rows.end(), after.begin(), after.end());
        break;
      }
    }
    last = rows.back();
    Block table = BlankTable(source_kind, b, rows, kind.columns);
    // (a run that is no table is not tried again from a line inside it, so
    // every line is mapped at most once)
    if (BlankCellsRead(table.table, kind.table) < kind.min_cells) {
      first = last;
      continue;
    }
    b[first] = std::move(table);
    b.erase(b.begin() + static_cast<std::ptrdiff_t>(first) + 1,
            b.begin() + static_cast<std::ptrdiff_t>(last) + 1);
    return true;  // one such table in a report
  }
  return false;
}

}  // namespace

void RebuildBlankTables(std::string_view source_kind, std::vector<Block>* blocks) {
  if (source_kind != "pdf" && source_kind != "ofd") return;
  std::vector<BlockRead> read = ReadBlocks(*blocks);
  for (const BlankKind& kind : Kinds()) {
    if (RebuildBlank(source_kind, kind, read, blocks)) read = ReadBlocks(*blocks);
  }
}

}  // namespace xxgk::report
