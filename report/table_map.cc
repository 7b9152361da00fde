#include "report/table_map.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string_view>

#include "absl/base/attributes.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "re2/re2.h"
#include "report/cell_keys.h"
#include "report/labels.h"
#include "report/utf8.h"

namespace xxgk::report {

bool IsEmptyText(std::string_view t) {
  for (char ch : t) {
    if (ch != ' ' && ch != '\t') return false;
  }
  return true;
}

namespace {

using xxgk::v1::Cell;
using xxgk::v1::FormatVersion;
using xxgk::v1::ReadingNote;
using xxgk::v1::Report;
using xxgk::v1::Span;
using xxgk::v1::TableInfo;

// Out of line: Phrase::In inlines its filter and calls this only for the
// phrases that pass it. Candidates are found by the needle's last byte (a
// continuation byte for the Chinese phrases, rarer than their lead bytes).
ABSL_ATTRIBUTE_NOINLINE bool Contains(std::string_view hay, std::string_view needle) {
  return ContainsByLastByte(hay, needle);
}

// ---------------------------------------------------------------------------
// Phrase search with a character filter (CharSignature, labels.h): a phrase
// can only occur in a text whose signature has all of the phrase's bits, so
// most searches are skipped without reading the text. Exact: a filter never
// hides an occurrence.

struct Phrase {
  explicit Phrase(std::string_view t) : text(t), sig(CharSignature(t)) {}
  // from a literal, so that tables of phrases read as tables of strings
  Phrase(const char* t) : Phrase(std::string_view(t)) {}  // NOLINT(runtime/explicit)
  std::string_view text;
  uint64_t sig;
  bool MayBeIn(uint64_t hay_sig) const { return (sig & ~hay_sig) == 0; }
  ABSL_ATTRIBUTE_ALWAYS_INLINE bool In(std::string_view hay, uint64_t hay_sig) const {
    return MayBeIn(hay_sig) && Contains(hay, text);
  }
};

// One bit per bigram of a label profile: labels with a bigram in common have
// a bit in common.
uint64_t BigramSignature(const LabelProfile& p) {
  uint64_t sig = 0;
  for (uint64_t b : p.bigrams) sig |= SignatureBit(b);
  return sig;
}

// True when any of `phrases` occurs in `hay`.
bool AnyIn(const std::vector<Phrase>& phrases, std::string_view hay, uint64_t hay_sig) {
  for (const Phrase& p : phrases) {
    if (p.In(hay, hay_sig)) return true;
  }
  return false;
}

// Up to 64 phrases (one bit each of a mask, in their list order) filed by
// the lowest bit of their signature: a phrase can be in a text only if the
// text's signature has every bit of the phrase's, so in particular its
// lowest one; the phrases filed under the text's bits are the only ones to
// test, and a mask keeps their list order.
struct LowestBitIndex {
  uint64_t lowest_bits = 0;              // the phrases' lowest bits or-ed
  std::array<uint64_t, 64> by_bit = {};  // phrases (one bit each) by lowest bit

  // Files phrase `i` (< 64) of signature `sig` (not 0: phrases are not empty).
  void Add(size_t i, uint64_t sig) {
    if (i >= 64 || sig == 0) std::abort();
    const int bit = __builtin_ctzll(sig);
    lowest_bits |= uint64_t{1} << bit;
    by_bit[static_cast<size_t>(bit)] |= uint64_t{1} << i;
  }
  // The phrases that may be in a text of signature `hay_sig`, as a mask.
  uint64_t Candidates(uint64_t hay_sig) const {
    uint64_t candidates = 0;
    for (uint64_t bits = hay_sig & lowest_bits; bits != 0; bits &= bits - 1) {
      candidates |= by_bit[static_cast<size_t>(__builtin_ctzll(bits))];
    }
    return candidates;
  }
};

constexpr const char* kT3Columns[] = {"natural_person",    "commercial_enterprise",
                                      "research_institution", "social_welfare_org",
                                      "legal_service_org", "other_org", "total"};
constexpr const char* kT4Blocks[] = {"review", "litigation_direct", "litigation_after_review"};
constexpr const char* kT4Columns[] = {"upheld", "corrected", "other", "pending", "total"};

// ---------------------------------------------------------------------------
// Row anatomy: leading label cells, then value cells.

// The columns of a row's label cells, ascending, in an array the row's grid
// facts own.
struct LabelColumns {
  const int* first = nullptr;
  const int* last = nullptr;
  bool empty() const { return first == last; }
  size_t size() const { return static_cast<size_t>(last - first); }
  int front() const { return *first; }
  int back() const { return last[-1]; }
  const int* begin() const { return first; }
  const int* end() const { return last; }
};

struct RowParts {
  LabelColumns labels;   // columns of label cells
  int value_start = 0;  // first value column
};

// What mapping needs to know about one grid row, worked out once: every
// cell's label key and whether its text reads as a value, the row's anatomy
// and its table marker. Rows are looked at many times (attribution, mapping,
// held rows), their cells' keys and values never change.
struct RowFacts {
  std::string_view all;           // the cells' label keys joined (the row's marker text),
                                  // in a buffer the row's grid facts own
  struct CellFacts {
    uint64_t sig;      // CharSignature of the cell's key
    uint32_t key_end;  // where the cell's key ends in `all`
    bool value;        // IsValueText of the cell's text
    bool empty;        // IsEmptyText of the cell's text
  };
  // one per cell of the row, in an array the row's grid facts own (a plain
  // array: the container's checked indexing cost more than the reads)
  CellFacts* cells = nullptr;
  size_t n_cells = 0;
  uint64_t all_sig = 0;           // CharSignature(all): the keys' signatures
                                  // or-ed (keys are whole UTF-8 characters)
  RowParts parts;                 // label cells, then value cells
  TableId hint = TableId::kNone;  // the table the row's own markers name

  size_t size() const { return n_cells; }
  // LabelKey of cell c's text.
  std::string_view key(size_t c) const {
    const size_t begin = c == 0 ? 0 : cells[c - 1].key_end;
    return std::string_view(all.data() + begin, cells[c].key_end - begin);
  }
};

// The row's anatomy; its label columns are written at `label_room` (room
// for a column per cell).
RowParts SplitRow(const RowFacts& f, int* label_room) {
  RowParts p;
  p.labels.first = p.labels.last = label_room;
  int* w = label_room;
  const int n = static_cast<int>(f.size());
  int c = 0;
  while (c < n && f.cells[c].empty) ++c;
  if (c >= n || f.cells[c].value) {
    p.value_start = 0;
    return p;
  }
  while (c < n) {
    if (f.cells[c].empty) {
      // an empty cell between labels: continue only when a label follows
      int k = c;
      while (k < n && f.cells[k].empty) ++k;
      if (k < n && !f.cells[k].value) {
        c = k;
        continue;
      }
      break;
    }
    if (f.cells[c].value) break;
    *w++ = c;
    ++c;
  }
  p.labels.last = w;
  p.value_start = c;
  return p;
}

// Value cell texts from `start` (spanning copies read as empty).
std::string_view ValueText(const std::vector<GridCell>& row, int c) {
  if (c < 0 || c >= static_cast<int>(row.size())) return "";
  if (row[c].continuation) return "";
  return row[c].text;
}

// The texts of a row's label cells joined: the row's name in notes (made
// only for a note, not for every row mapped).
std::string LabelText(const std::vector<GridCell>& row, const RowParts& parts) {
  std::string label;
  for (int c : parts.labels) label += row[c].text;
  return label;
}

// ---------------------------------------------------------------------------
// Which table a row belongs to, by its own markers.

TableId RowHint(const RowFacts& f) {
  const std::string_view all = f.all;
  if (all.empty()) return TableId::kNone;
  // the markers of the pre-2019 table, then table 二's, then table 三's: the
  // first table with a marker in the row is the row's
  struct Marker {
    Phrase phrase;
    TableId table;
  };
  static const auto* const kMarkers = new std::vector<Marker>{
      {"统计指标", TableId::kLegacy},       {"政府信息公开情况统计表", TableId::kLegacy},
      {"主动公开政府信息数", TableId::kLegacy}, {"回应解读", TableId::kLegacy},
      {"申请答复数", TableId::kLegacy},     {"行政复议数量", TableId::kLegacy},
      {"行政诉讼数量", TableId::kLegacy},   {"举报投诉数量", TableId::kLegacy},
      {"第二十条", TableId::kT2},           {"信息内容", TableId::kT2},
      {"本年制发件数", TableId::kT2},       {"本年新制作数量", TableId::kT2},
      {"勾稽", TableId::kT3},               {"申请人情况", TableId::kT3},
      {"本年新收", TableId::kT3},           {"上年结转", TableId::kT3},
      {"本年度办理结果", TableId::kT3},     {"结转下年度", TableId::kT3}};
  static const auto* const kT4 =
      new std::vector<Phrase>{Phrase("未经复议直接起诉"), Phrase("复议后起诉")};
  static const Phrase kReview("行政复议"), kLitigation("行政诉讼");
  // only the markers filed under a bit of the row's signature are tested,
  // in list order (the first one found names the table)
  static const LowestBitIndex* const kIndex = [] {
    auto* index = new LowestBitIndex;
    for (size_t i = 0; i < kMarkers->size(); ++i) index->Add(i, (*kMarkers)[i].phrase.sig);
    return index;
  }();
  const uint64_t sig = f.all_sig;
  uint64_t candidates = kIndex->Candidates(sig);
  for (; candidates != 0; candidates &= candidates - 1) {
    const Marker& m = (*kMarkers)[static_cast<size_t>(__builtin_ctzll(candidates))];
    if (m.phrase.In(all, sig)) return m.table;
  }
  // a cell's phrase is in the joined keys too: test the cells only then
  bool review = false, litigation = false;
  if (kReview.In(all, sig) && kLitigation.In(all, sig)) {
    for (size_t c = 0; c < f.size(); ++c) {
      const std::string_view k = f.key(c);
      if (Contains(k, kReview.text)) review = true;
      if (Contains(k, kLitigation.text)) litigation = true;
    }
  }
  if ((review && litigation) || AnyIn(*kT4, all, sig)) return TableId::kT4;
  // a lone t2 row label
  const RowParts& parts = f.parts;
  if (!parts.labels.empty()) {
    const std::string_view k = f.key(parts.labels.front());
    static constexpr std::string_view kT2Rows[] = {
        "规章", "规范性文件", "行政规范性文件", "规范性档案", "行政规范性档案",
        "行政许可", "行政处罚", "行政强制",
        "行政事业性收费", "政府集中采购", "其他对外管理服务事项"};
    for (std::string_view row : kT2Rows) {
      if (k.size() == row.size() && std::memcmp(k.data(), row.data(), k.size()) == 0) {
        return TableId::kT2;
      }
    }
  }
  return TableId::kNone;
}

// The bytes of a row's cell texts: room for its keys.
size_t RowTextBytes(const std::vector<GridCell>& row) {
  size_t bytes = 0;
  for (const GridCell& cell : row) bytes += cell.text.size();
  return bytes;
}

// The facts of `row` into `*out` (default-constructed), whose keys are
// written one after another at `begin` (room for RowTextBytes(row) bytes),
// whose cells' facts at `cells` and label columns at `label_room` (room for
// row.size() each); all must outlive the facts.
void MakeRowFacts(const std::vector<GridCell>& row, char* const begin, RowFacts::CellFacts* cells,
                  int* label_room, RowFacts* out) {
  RowFacts& f = *out;
  const size_t n = row.size();
  f.cells = cells;
  f.n_cells = n;
  char* w = begin;
  uint64_t all_sig = 0;
  for (size_t c = 0; c < n; ++c) {
    const std::string_view t = row[c].text;
    const char* const tp = t.data();
    const size_t tn = t.size();
    RowFacts::CellFacts& cf = cells[c];
    uint64_t sig = 0;
    // a plain number (most value cells) is its own key (digits are kept and
    // a numbering needs a separator after its digits): copied and folded as
    // it is tested (a text that turns out otherwise is written over below)
    size_t digits = 0;
    while (digits < tn && tp[digits] >= '0' && tp[digits] <= '9') {
      w[digits] = tp[digits];
      sig |= SignatureBit(static_cast<uint8_t>(tp[digits]));  // CharSignature of the digit
      ++digits;
    }
    if (digits != 0 && digits == tn) {
      w += digits;
      cf.value = true;
      cf.empty = false;
    } else if (IsEmptyText(t)) {
      // blank (no digit was read): a value (BLANK) with an empty key
      cf.empty = true;
      cf.value = true;
    } else {
      w = WriteLabelKey(t, w, &sig);
      cf.value = IsValueText(t);
      cf.empty = false;
    }
    cf.key_end = static_cast<uint32_t>(w - begin);
    cf.sig = sig;
    all_sig |= sig;
  }
  f.all_sig = all_sig;
  f.all = std::string_view(begin, static_cast<size_t>(w - begin));
  f.parts = SplitRow(f, label_room);
  f.hint = RowHint(f);
}

// Facts for every row of a grid; the rows' keys live in one buffer, their
// cells' facts in another.
struct GridFacts {
  std::unique_ptr<char[]> keys;
  std::unique_ptr<RowFacts::CellFacts[]> cells;
  std::unique_ptr<int[]> label_columns;
  std::vector<RowFacts> rows;
  const RowFacts& operator[](size_t r) const { return rows[r]; }
};

void MakeGridFacts(const TableGrid& grid, GridFacts* out) {
  size_t bytes = 0, n_cells = 0;
  for (const auto& row : grid.rows) {
    bytes += RowTextBytes(row);
    n_cells += row.size();
  }
  out->keys = std::make_unique_for_overwrite<char[]>(bytes + 1);  // written before read
  // every field of every cell is written by MakeRowFacts
  out->cells = std::make_unique_for_overwrite<RowFacts::CellFacts[]>(n_cells + 1);
  out->label_columns = std::make_unique_for_overwrite<int[]>(n_cells + 1);
  out->rows.reserve(grid.rows.size());
  char* w = out->keys.get();
  RowFacts::CellFacts* cells = out->cells.get();
  int* label_room = out->label_columns.get();
  for (const auto& row : grid.rows) {
    MakeRowFacts(row, w, cells, label_room, &out->rows.emplace_back());
    w += out->rows.back().all.size();  // a row's keys are never longer than its texts
    cells += row.size();
    label_room += row.size();
  }
}

// Resolved cell paths of table 四's fifteen cells.
const CellPath* T4Path(size_t i) {
  static const auto* const kPaths = [] {
    auto* a = new std::array<const CellPath*, 15>;
    for (size_t k = 0; k < 15; ++k) {
      (*a)[k] = ResolveCellKey(absl::StrCat("t4.", kT4Blocks[k / 5], ".", kT4Columns[k % 5]));
    }
    return a;
  }();
  return (*kPaths)[i];
}

TableId HintFromHeading(std::string_view heading) {
  std::string k = LabelKey(heading);
  if (Contains(k, "统计表")) return TableId::kLegacy;
  if (Contains(k, "主动公开")) return TableId::kT2;
  if (Contains(k, "收到和处理") || Contains(k, "申请情况")) return TableId::kT3;
  if (Contains(k, "行政复议") || Contains(k, "行政诉讼")) return TableId::kT4;
  return TableId::kNone;
}

// A grid row whose value cells are being stored: its cells and their spans,
// found once for all of them.
struct SourceRow {
  SourceRow(const PlacedGrid& placed, int row)
      : pg(placed), r(row), cells(placed.grid->rows[static_cast<size_t>(row)]) {
    if (static_cast<size_t>(row) < pg.span_rows()) {
      spans = pg.cell_spans.data() + pg.row_starts[static_cast<size_t>(row)];
      n_spans = pg.span_cells(static_cast<size_t>(row));
    }
  }
  const PlacedGrid& pg;
  int r;
  const std::vector<GridCell>& cells;
  const TextSpan* spans = nullptr;  // n_spans of them, one per cell from the first
  size_t n_spans = 0;
};

// ---------------------------------------------------------------------------
// Per-table mapping state, kept across grids.

struct Mapper {
  Report* report;
  TableId id;
  // the grids being mapped and their rows' facts, parallel
  const std::vector<PlacedGrid>* grids = nullptr;
  const std::vector<GridFacts>* facts = nullptr;
  // into report->tables, made on the first store (an untouched report keeps
  // no tables message)
  std::optional<MutableCellCursor>* cells = nullptr;
  // read_cells[CellPathIndex]: 1 once the cell was read into the report
  std::vector<uint8_t>* read_cells = nullptr;
  // the report held no tables before this call: a cell this call has not
  // read holds nothing (every store sets a presence)
  bool fresh_tables = false;
  bool touched = false;
  std::string source_kind;
  std::string heading;
  Span span;
  bool span_set = false;
  // layout evidence
  int votes_2021 = 0;
  int votes_2019 = 0;
  // t2 state
  std::vector<std::string_view> t2_columns;  // field per value column ("" unknown)
  std::vector<std::string_view> t2_units;
  std::vector<char> t2_spanned;  // the header cell is a colspan's copy of the one before
  // the grid of the header row and its first column's position in it
  const TableGrid* t2_header_grid = nullptr;
  int t2_header_from = 0;
  int t2_header_row = -1;  // the header's last row in t2_header_grid
  // t3 state
  std::string_view t3_ctx;  // a key of T3Entries() (which live as long as the program)
  std::string pending_label;
  std::string t3_label;  // MapT3Row's row label
  // legacy state
  int legacy_group = 0;
  int legacy_value_col = -1;
  int legacy_unit_col = -1;
  bool t4_data_seen = false;
  const PlacedGrid* t4_blank_pg = nullptr;
  int t4_blank_r = 0;
  struct T3Entry;
  const T3Entry* held_entry = nullptr;  // the entry of the held row
  const PlacedGrid* held_pg = nullptr;
  int held_r = 0;

  const RowFacts& Facts(const PlacedGrid& pg, int r) const {
    return (*facts)[static_cast<size_t>(&pg - grids->data())][static_cast<size_t>(r)];
  }

  // Called when a grid (or this table's part of it) ends.
  void EndGrid() {
    if (id == TableId::kT3) FlushHeld();
    if (id == TableId::kT4 && !t4_data_seen && t4_blank_pg != nullptr) {
      t4_data_seen = true;
      const SourceRow src(*t4_blank_pg, t4_blank_r);
      for (size_t i = 0; i < 15; ++i) Put(*T4Path(i), src, static_cast<int>(i), "");
    }
    t4_blank_pg = nullptr;
    pending_label.clear();
  }

  TableInfo* Info() {
    switch (id) {
      case TableId::kT2: return report->mutable_tables()->mutable_t2()->mutable_info();
      case TableId::kT3: return report->mutable_tables()->mutable_t3()->mutable_info();
      case TableId::kT4: return report->mutable_tables()->mutable_t4()->mutable_info();
      case TableId::kLegacy: return report->mutable_tables()->mutable_legacy()->mutable_info();
      default: return nullptr;
    }
  }

  void Note(ReadingNote::Kind kind, std::string message, std::string excerpt, const Span& where) {
    ReadingNote* n = report->add_notes();
    n->set_kind(kind);
    n->set_message(std::move(message));
    n->set_excerpt(std::move(excerpt));
    *n->mutable_span() = where;
    n->set_table(TableIdName(id));
  }

  static void SetSpan(const TextSpan& t, Span* s) {
    s->set_begin(t.begin);
    s->set_end(t.end);
    s->set_source_begin(t.source_begin);
    s->set_source_end(t.source_end);
    s->set_page(t.page);
    s->set_line(t.line);
  }

  // Where cell c of `src` stands, into `s`: its own span, else the table's.
  static void SetCellSpan(const SourceRow& src, int c, Span* s) {
    if (c >= 0 && static_cast<size_t>(c) < src.n_spans) {
      SetSpan(src.spans[c], s);
    } else {
      s->CopyFrom(src.pg.span);
    }
  }

  static Span SpanAt(const PlacedGrid& pg, int r, int c) {
    Span s;
    SetCellSpan(SourceRow(pg, r), c, &s);
    return s;
  }

  static Span RowSpan(const PlacedGrid& pg, int r) {
    if (r >= 0 && static_cast<size_t>(r) < pg.span_rows() &&
        pg.span_cells(static_cast<size_t>(r)) != 0) {
      const size_t row = static_cast<size_t>(r);
      TextSpan t = pg.cell_span(row, 0);
      const TextSpan& last = pg.cell_span(row, pg.span_cells(row) - 1);
      t.end = last.end;
      t.source_end = last.source_end;
      Span s;
      SetSpan(t, &s);
      return s;
    }
    return pg.span;
  }

  // A row whose values are not read: its label matches no row of the table
  // (or, with `why`, for the reason it gives).
  void Unplaced(const PlacedGrid& pg, int r, const std::string& label, std::string_view why = "") {
    Info()->add_unplaced_rows(label);
    const auto& row = pg.grid->rows[r];
    std::vector<std::string> texts;
    for (const GridCell& c : row) texts.push_back(c.text);
    Note(ReadingNote::UNPLACED_ROW,
         why.empty() ? absl::StrCat("table row \"", label, "\" matches no row of ", TableIdName(id))
                     : absl::StrCat("table row \"", label, "\" ", absl::string_view(why.data(), why.size())),
         absl::StrJoin(texts, " | "), RowSpan(pg, r));
  }

  // Stores value cell c of `src`; `key` is a full cell key.
  void Put(const std::string& key, const SourceRow& src, int c, std::string_view unit) {
    const CellPath* path = ResolveCellKey(key);
    if (path == nullptr) {
      Note(ReadingNote::SHAPE, absl::StrCat("no cell ", key, " in this layout"), "",
           SpanAt(src.pg, src.r, c));
      return;
    }
    Put(*path, src, c, unit);
  }

  void Put(const CellPath& path, const SourceRow& src, int c, std::string_view unit) {
    if (!cells->has_value()) cells->emplace(report->mutable_tables());
    Cell* cell = (*cells)->Get(path);
    const std::string_view text = ValueText(src.cells, c);
    if (cell->presence() != Cell::PRESENCE_UNSPECIFIED) {
      NoteGivenTwice(*cell, path, text, src.pg, src.r, c);
      return;
    }
    // an unread cell of tables this call made holds nothing: parse straight
    // into it (one the report brought may hold fields besides its presence)
    if (fresh_tables) {
      ParseCellValueIntoDefault(text, cell);
    } else {
      ParseCellValueInto(text, cell);
    }
    if (!unit.empty() && cell->unit().empty()) cell->set_unit(std::string(unit));
    Span* s = cell->mutable_span();
    SetCellSpan(src, c, s);
    if (cell->presence() == Cell::BLANK) s->set_end(s->begin());
    cell->set_source_row(src.r);
    cell->set_source_col(c);
    (*read_cells)[CellPathIndex(path)] = 1;
    touched = true;
  }

  // A SHAPE note for a cell read twice with different texts. Out of line:
  // rare, and its strings would widen Put's frame for every cell.
  ABSL_ATTRIBUTE_NOINLINE void NoteGivenTwice(const Cell& cell, const CellPath& path,
                                              std::string_view text, const PlacedGrid& pg, int r,
                                              int c) {
    const std::string_view trimmed = CellRawText(text);
    const absl::string_view raw(trimmed.data(), trimmed.size());
    if (cell.raw() == raw) return;
    Note(ReadingNote::SHAPE,
         absl::StrCat("cell ", CellPathKey(path), " given twice (\"", cell.raw(), "\" and \"", raw,
                      "\"); the first is kept"),
         std::string(raw), SpanAt(pg, r, c));
  }

  // Stores a missing cell as absent: nothing to do, but remember shape.
  void ShortRow(const PlacedGrid& pg, int r, const std::string& label, size_t got, size_t want) {
    Note(ReadingNote::SHAPE,
         absl::StrCat("row \"", label, "\" has ", got, " value cells, the layout has ", want),
         "", RowSpan(pg, r));
  }

  // A grid read from text without column separators ("text-flat") has text
  // in every cell it read: empty cells at a row's end are the grid's padding.
  // The row's values from `value_start` without that padding.
  static size_t FlatValues(const PlacedGrid& pg, int r, int value_start) {
    const auto& row = pg.grid->rows[r];
    size_t end = row.size();
    while (end > static_cast<size_t>(value_start) && row[end - 1].text.empty()) --end;
    return end > static_cast<size_t>(value_start) ? end - static_cast<size_t>(value_start) : 0;
  }

  // True (with a note) when a row of such a grid has another number of
  // values than the layout has columns. Fewer: its blank cells were lost
  // with the separators and which ones they were cannot be told. More: it
  // took values of other rows (text extracted out of order does that), and
  // which are its own cannot be told either. Either way none of its values
  // is placed (a value in the wrong column would make findings about the
  // wrong cell). A row with no values at all is not placed either: blank
  // cells cannot be seen in such text, and a label wrapped over two lines
  // leaves its first line without values.
  //
  // A table rebuilt from word positions (PDF, OFD) cannot show a blank cell
  // either, and a label set apart from its values (a row laid out without
  // padding, a label wrapped round them) leaves a row of the label alone:
  // such a row, with no values at all, is not placed, unless the reader
  // found it to be a row of blanks (TableGrid::blank_rows: a label of its own
  // level with no row that has values). Its other rows are read by
  // position, blank cells included.
  bool RowCannotBePlaced(const PlacedGrid& pg, int r, int value_start, const std::string& label,
                         size_t want) {
    const std::string& kind = pg.grid->source_kind;
    if ((kind == "pdf" || kind == "ofd" || pg.grid->spaced) && CellWithSeveralNumbers(pg, r, label)) {
      return true;
    }
    if (kind == "pdf" || kind == "ofd") return PositionalRowWithoutValues(pg, r, value_start, label);
    if (kind != "text-flat" && !pg.grid->spaced) return false;
    const size_t got = FlatValues(pg, r, value_start);
    const char* const text = pg.grid->spaced ? "its columns are kept by spaces alone" : "its text has no column separators";
    if (got == want) {
      if (!ValuesMayHaveMovedDown(pg, r, value_start)) return false;
      Note(ReadingNote::SHAPE,
           absl::StrCat("row \"", label, "\" has values, but the row above it has none and the "
                        "rest of its label, on a line below, has values of its own, and ", text,
                        ": the rows' values may have moved down a line (as a PDF converter's "
                        "text lays them out), so they are not read; send the table with its grid "
                        "(HTML, Word, PDF)"),
           "", RowSpan(pg, r));
      return true;
    }
    Note(ReadingNote::SHAPE,
         got == 0
             ? absl::StrCat("row \"", label, "\" has no values, and ", text,
                            ": whether its cells were blank or its values went "
                            "elsewhere (a label wrapped over lines) cannot be told, so it is not "
                            "read; give blank cells as 0 or send the table with its grid (HTML, "
                            "Word, PDF)")
         : got < want
             ? absl::StrCat("row \"", label, "\" has ", got, " values, the layout has ", want,
                            ", and ", text, ": which cells were blank "
                            "cannot be told, so none of its values is read; give the blank "
                            "cells as 0 or send the table with its grid (HTML, Word, PDF)")
             : absl::StrCat("row \"", label, "\" has ", got, " values, the layout has ", want,
                            ", and ", text, ": which of them belong to "
                            "this row cannot be told, so none is read; send the table with its "
                            "grid (HTML, Word, PDF) or one row per line"),
         "", RowSpan(pg, r));
    return true;
  }

  // Text laid out from a PDF (pdftotext -layout) can set a row's values
  // a line low: the label of a row stands alone ("4.保护第三方合法权益"),
  // its values beside the next row's label ("5.属于三类内部事务信 1 6 17 …")
  // and that row's own values beside the rest of its label ("息 0 0 0 7 …").
  // Row `r` of a grid without column separators is such a row when it and
  // the row above it are numbered items, the row above has no values, and
  // the row below holds numbers beside a label that starts no numbered item
  // (the tail of `r`'s label).
  static bool ValuesMayHaveMovedDown(const PlacedGrid& pg, int r, int value_start) {
    const auto& rows = pg.grid->rows;
    if (r == 0 || r + 1 >= static_cast<int>(rows.size()) || value_start < 1 ||
        FlatValues(pg, r - 1, value_start) != 0) {
      return false;
    }
    // Row `k`'s label cells (those before its first number): 1 when a
    // phrase of theirs starts a numbered item, else 0 when a number follows
    // them, 2 when none does; -1 when the row starts with a number.
    auto numbered_label = [&](int k) {
      bool label = false;
      for (const GridCell& c : rows[k]) {
        if (c.text.empty() || c.continuation) continue;
        if (IsValueText(c.text)) return label ? 0 : -1;
        const std::string_view text = c.text;
        for (size_t at = 0; at != std::string_view::npos;) {  // each phrase after a blank
          if (NumberingPrefixLength(text.substr(at)) > 0) return 1;
          at = text.find(' ', at);
          if (at != std::string_view::npos) ++at;
        }
        label = true;
      }
      return label ? 2 : -1;  // 2: a label and no number
    };
    return numbered_label(r - 1) == 1 && numbered_label(r) == 1 && numbered_label(r + 1) == 0;
  }

  // A cell of a table rebuilt from positions that holds several numbers
  // ("971534 7": numbers set too close to tell their columns apart) leaves
  // the row's values out of their columns: none is read.
  bool CellWithSeveralNumbers(const PlacedGrid& pg, int r, const std::string& label) {
    static const RE2 kSeveral(R"(^[+-]?\d[\d,.]*%?(?:\s+[+-]?\d[\d,.]*%?)+$)");
    // (from the row's first cell: such a cell is no value, so it may have
    // been taken for the label)
    const auto& row = pg.grid->rows[r];
    for (size_t c = 0; c < row.size(); ++c) {
      const std::string_view t = ValueText(row, static_cast<int>(c));
      if (t.find(' ') == std::string_view::npos || !RE2::FullMatch(t, kSeveral)) continue;
      Note(ReadingNote::SHAPE,
           absl::StrCat("row \"", label, "\" has a cell holding several numbers (\"", std::string(t),
                        "\"): they were set too close to tell their columns apart, so none of the "
                        "row's values is read; send the report as Word or HTML"),
           std::string(t), SpanAt(pg, r, static_cast<int>(c)));
      return true;
    }
    return false;
  }

  bool PositionalRowWithoutValues(const PlacedGrid& pg, int r, int value_start, const std::string& label) {
    const std::vector<int>& blank = pg.grid->blank_rows;
    if (std::binary_search(blank.begin(), blank.end(), r)) return false;
    const auto& row = pg.grid->rows[r];
    for (size_t c = static_cast<size_t>(std::max(value_start, 0)); c < row.size(); ++c) {
      if (!IsEmptyText(ValueText(row, static_cast<int>(c)))) return false;
    }
    Note(ReadingNote::SHAPE,
         absl::StrCat("row \"", label, "\" has no values where the page has them: a label set apart "
                      "from its values and a row of blank cells look the same there, so it is not "
                      "read; give blank cells as 0, or send the report as Word or HTML"),
         "", RowSpan(pg, r));
    return true;
  }

  void Begin(const PlacedGrid& pg) {
    if (source_kind.empty()) source_kind = pg.grid->source_kind;
    if (heading.empty()) heading = !pg.heading.empty() ? pg.heading : pg.grid->caption;
    if (!span_set) {
      span = pg.span;
      span_set = true;
    } else {
      span.set_begin(std::min(span.begin(), pg.span.begin()));
      span.set_end(std::max(span.end(), pg.span.end()));
      span.set_source_begin(std::min(span.source_begin(), pg.span.source_begin()));
      span.set_source_end(std::max(span.source_end(), pg.span.source_end()));
    }
  }

  void MapRow(const PlacedGrid& pg, int r) {
    switch (id) {
      case TableId::kT2: MapT2Row(pg, r); break;
      case TableId::kT3: MapT3Row(pg, r); break;
      case TableId::kT4: MapT4Row(pg, r); break;
      case TableId::kLegacy: MapLegacyRow(pg, r); break;
      default: break;
    }
  }

  // Empty cells between a label and its values that would push values out of
  // the layout (a label spanning two columns in a positional grid): how many
  // to skip. Never skips when every value fits, so a blank first value stays.
  static int LeadingShift(const std::vector<GridCell>& row, int value_start, int want) {
    int last = -1;
    for (int c = value_start; c < static_cast<int>(row.size()); ++c) {
      if (!IsEmptyText(ValueText(row, c))) last = c;
    }
    int overflow = last - value_start - (want - 1);
    if (overflow <= 0) return 0;
    int leading = 0;
    while (value_start + leading < static_cast<int>(row.size()) &&
           IsEmptyText(ValueText(row, value_start + leading))) {
      ++leading;
    }
    return std::min(overflow, leading);
  }

  // ---- table 二 ----
  // Table 二's column phrases and the fields they name, first match first;
  // `also`, when not empty, must be in the header too (本年增/减).
  struct T2Column {
    Phrase phrase;
    std::string_view field;
    Phrase also = Phrase("");
  };
  static const std::vector<T2Column>& T2Columns() {
    static const auto* const kColumns = new std::vector<T2Column>{
        {"制发", "issued"},           {"废止", "repealed"},
        {"现行有效", "in_force"},     {"新制作", "new_made"},
        {"新公开", "new_published"},  {"公开总数", "total_public"},
        {"上一年", "previous_count"}, {"上年项目", "previous_count"},
        {"增减", "change"},           {"增", "change", "减"},
        {"处理决定", "decisions"},    {"收费金额", "amount_wan_yuan"},
        {"采购项目", "projects"},     {"采购总金额", "amount"},
        {"总金额", "amount"}};
    return *kColumns;
  }

  // `k` is the header cell's LabelKey, `sig` its CharSignature (phrases
  // whose characters the key lacks are not searched for).
  static std::string_view T2ColumnField(std::string_view k, uint64_t sig, std::string_view* unit) {
    static const Phrase kWanYuan("万元");
    if (kWanYuan.In(k, sig)) *unit = "万元";
    for (const T2Column& c : T2Columns()) {
      if (c.phrase.In(k, sig) && c.also.In(k, sig)) return c.field;
    }
    return "";
  }

  // The fields (with their units) of the headings of several columns read
  // as one text (本年制发件数本年废止件数, headings set so closely that a
  // PDF's words run together), in the order they are written; each field
  // once.
  static std::vector<std::pair<std::string_view, std::string_view>> T2ColumnFieldsInOrder(
      std::string_view k) {
    std::vector<std::pair<size_t, std::string_view>> found;  // position, field
    for (const T2Column& c : T2Columns()) {
      const size_t at = k.find(c.phrase.text);
      if (at == std::string_view::npos || !Contains(k, c.also.text)) continue;
      auto same = std::find_if(found.begin(), found.end(),
                               [&](const auto& p) { return p.second == c.field; });
      if (same == found.end()) {
        found.emplace_back(at, c.field);
      } else {
        same->first = std::min(same->first, at);
      }
    }
    std::sort(found.begin(), found.end());
    std::vector<std::pair<std::string_view, std::string_view>> out;
    for (size_t i = 0; i < found.size(); ++i) {
      const size_t end = i + 1 < found.size() ? found[i + 1].first : k.size();
      const size_t unit = k.find("万元", found[i].first);
      out.emplace_back(found[i].second, unit < end ? "万元" : "");
    }
    return out;
  }

  // `k` is the label cell's LabelKey, `sig` its CharSignature (cores whose
  // characters the key lacks are not searched for).
  // With `second`, a different row key the label holds too is put there
  // (two labels run together), else "".
  static std::string_view T2RowKey(std::string_view k, uint64_t sig,
                                   std::string_view* second = nullptr) {
    struct E { Phrase core; std::string_view key; };
    static const auto* const kRows = new std::vector<E>{
        {"其他对外管理服务", "other_services"}, {"行政事业性收费", "fees"},
        {"规范性文件", "normative_documents"}, {"政府集中采购", "procurement"},
        {"规范性档案", "normative_documents"},  // Taiwan's phrase for 文件 (s2twp)
        {"集中采购", "procurement"},          {"行政许可", "licensing"},
        {"行政处罚", "penalty"},              {"行政强制", "coercion"},
        {"规章", "rules"},                    {"事业性收费", "fees"},
    };
    std::string_view first;
    for (const E& e : *kRows) {
      if (e.key == first || !e.core.In(k, sig)) continue;
      if (first.empty()) {
        first = e.key;
        if (second == nullptr) return first;
      } else {
        *second = e.key;
        return first;
      }
    }
    return first;
  }

  static const std::vector<std::string_view>& T2DefaultColumns(std::string_view row, bool y2019) {
    using Columns = std::vector<std::string_view>;
    static const auto* const kDocs2019 = new Columns{"new_made", "new_published", "total_public"};
    static const auto* const kDocs2021 = new Columns{"issued", "repealed", "in_force"};
    static const auto* const kDecisions2019 = new Columns{"previous_count", "change", "decisions"};
    static const auto* const kDecisions2021 = new Columns{"decisions"};
    static const auto* const kFees2019 = new Columns{"previous_count", "change"};
    static const auto* const kFees2021 = new Columns{"amount_wan_yuan"};
    static const auto* const kProcurement = new Columns{"projects", "amount"};
    static const auto* const kNone = new Columns;
    if (row == "rules" || row == "normative_documents") return y2019 ? *kDocs2019 : *kDocs2021;
    if (row == "licensing" || row == "penalty" || row == "coercion" || row == "other_services") {
      return y2019 ? *kDecisions2019 : *kDecisions2021;
    }
    if (row == "fees") return y2019 ? *kFees2019 : *kFees2021;
    if (row == "procurement") return *kProcurement;
    return *kNone;
  }

  // The grid column holding the value of header column `k` (t2_columns),
  // whose first grid column in `row` is `c`, when a header cell spans
  // several grid columns and the row's cell at `c` is empty or a copy:
  // - a wider cell from the left covers `c` (本年增/减 over two columns, the
  //   value before it over two as well, as a published page has it): the
  //   row's own cell inside the span;
  // - a value set centred or to the right in a merged cell, in a grid
  //   rebuilt from positions: the one value inside the span.
  // The grid columns it takes are marked in `taken`; `c` when neither holds.
  int ValueInsideSpan(const std::vector<GridCell>& row, int c, size_t k, std::vector<char>* taken) const {
    // the grid columns after `c` that the header column spans: [c + 1, end)
    size_t end = static_cast<size_t>(c) + 1;
    for (size_t kk = k + 1; kk < t2_spanned.size() && t2_spanned[kk] && end < row.size(); ++kk) ++end;
    if (row[c].continuation) {
      for (size_t cc = static_cast<size_t>(c) + 1; cc < end; ++cc) {
        if (!row[cc].continuation) {
          (*taken)[cc] = 1;
          return static_cast<int>(cc);
        }
      }
      return c;
    }
    size_t own = 0;
    for (size_t cc = static_cast<size_t>(c) + 1; cc < end; ++cc) {
      if (IsEmptyText(ValueText(row, static_cast<int>(cc)))) continue;
      if (own != 0) return c;  // several values: not one merged cell's
      own = cc;
    }
    if (own == 0) return c;
    for (size_t cc = static_cast<size_t>(c) + 1; cc <= own; ++cc) (*taken)[cc] = 1;
    return static_cast<int>(own);
  }

  // True, with `parts`' labels starting after it, when the row's first label
  // is table 二's block label (第二十条第（X）项) and another label follows
  // it that is not the block label's copy: the label stands in a column of
  // its own down its block, beside the block's rows.
  static bool PastBlockLabel(const std::vector<GridCell>& row, const RowFacts& f, RowParts* parts) {
    static const Phrase kArticle("第二十条");
    if (parts->labels.empty()) return false;
    const int front = parts->labels.front();
    if (!kArticle.In(f.key(static_cast<size_t>(front)), f.cells[front].sig)) return false;
    for (const int* c = parts->labels.begin() + 1; c != parts->labels.end(); ++c) {
      const GridCell& cell = row[static_cast<size_t>(*c)];
      if (cell.continuation && cell.text == row[static_cast<size_t>(front)].text) continue;
      if (kArticle.In(f.key(static_cast<size_t>(*c)), f.cells[*c].sig)) return false;
      parts->labels.first = c;
      return true;
    }
    return false;
  }

  void MapT2Row(const PlacedGrid& pg, int r) {
    const auto& row = pg.grid->rows[r];
    const RowFacts& f = Facts(pg, r);
    const std::string_view all = f.all;
    RowParts parts = f.parts;
    static const Phrase kArticle("第二十条");
    if (kArticle.In(all, f.all_sig)) {
      // A block's 第二十条第（X）项 starts it: a row of its own, or the first
      // row of a left column the label spans down the block (第二十条第（一）项 |
      // 信息内容 | 本年制发件数 …), whose rows read on past it
      const bool left = PastBlockLabel(row, f, &parts);
      if (!left || !row[static_cast<size_t>(f.parts.labels.front())].continuation) {
        t2_columns.clear();
        t2_units.clear();
        t2_spanned.clear();
      }
      if (!left) return;
    }
    // header row: a 信息内容 label or column phrases and no numbers
    bool has_number = false;
    for (int c = parts.value_start; c < static_cast<int>(row.size()); ++c) {
      std::string_view t = ValueText(row, c);
      if (!IsEmptyText(t)) has_number = true;
    }
    if (!parts.labels.empty()) {
      const std::string_view first = f.key(parts.labels.front());
      std::string_view unit_probe;
      bool header = Contains(first, "信息内容") ||
                    (!has_number && !T2ColumnField(f.key(parts.labels.back()),
                                                  f.cells[parts.labels.back()].sig, &unit_probe)
                                        .empty());
      if (header) {
        // A header set in two rows (信息内容 and 现行有效件数 centred beside
        // headings wrapped over two lines, a PDF's rows split by height)
        // names each column in one row or the other: the row right under
        // a header row keeps the columns it leaves blank.
        std::vector<std::string_view> above, above_units;
        int above_from = 0;
        const bool no_values =
            std::none_of(f.cells, f.cells + f.size(),
                         [](const RowFacts::CellFacts& c) { return c.value && !c.empty; });
        if (pg.grid == t2_header_grid && r == t2_header_row + 1 && !t2_columns.empty() &&
            no_values && !row[static_cast<size_t>(parts.labels.front())].continuation) {
          above = std::move(t2_columns);
          above_units = std::move(t2_units);
          above_from = t2_header_from;
        }
        t2_columns.clear();
        t2_units.clear();
        t2_spanned.clear();
        // columns after the first label cell; from that cell on when it
        // names a column itself (the row's 信息内容 cell is empty, or was
        // read into the row above)
        std::string_view first_unit;
        size_t from = parts.labels.front() + 1;
        if (!Contains(first, "信息内容") &&
            !T2ColumnField(first, f.cells[parts.labels.front()].sig, &first_unit).empty()) {
          from = parts.labels.front();
        }
        if (!above.empty()) from = std::min(from, static_cast<size_t>(above_from));
        t2_header_grid = pg.grid;
        t2_header_from = static_cast<int>(from);
        t2_header_row = r;
        // fields of columns whose headings were read as one cell over them
        std::vector<std::pair<std::string_view, std::string_view>> joined;
        size_t joined_at = 0;
        for (size_t c = from; c < row.size(); ++c) {
          std::string_view unit;
          std::string_view field =
              row[c].continuation ? "" : T2ColumnField(f.key(c), f.cells[c].sig, &unit);
          if (!row[c].continuation) {
            size_t span = 1;
            while (c + span < row.size() && row[c + span].continuation &&
                   row[c + span].text == row[c].text) {
              ++span;
            }
            joined.clear();
            if (span >= 2) {
              joined = T2ColumnFieldsInOrder(f.key(c));
              if (joined.size() != span) joined.clear();
            }
            joined_at = c;
          }
          if (!joined.empty() && c - joined_at < joined.size()) {
            std::tie(field, unit) = joined[c - joined_at];
          }
          const size_t a = c - static_cast<size_t>(above_from);
          if (field.empty() && c >= static_cast<size_t>(above_from) && a < above.size() &&
              !above[a].empty()) {
            t2_columns.push_back(above[a]);
            t2_units.push_back(above_units[a]);
            t2_spanned.push_back(0);
            continue;
          }
          t2_columns.push_back(field);
          t2_units.push_back(unit);
          t2_spanned.push_back(row[c].continuation && joined.empty() ? 1 : 0);
          if (field == "issued" || field == "repealed" || field == "in_force" ||
              field == "amount_wan_yuan") {
            ++votes_2021;
          }
          if (field == "new_made" || field == "new_published" || field == "total_public" ||
              field == "previous_count" || field == "change" || field == "projects") {
            ++votes_2019;
          }
        }
        if (std::all_of(t2_columns.begin(), t2_columns.end(),
                        [](std::string_view c) { return c.empty(); })) {
          // No column of its own names a field: the headers run together in
          // one cell (信息内容本年制发件数本年废止件数现行有效件数, as text that
          // lost its grid has them). The rows below take the layout's default
          // columns; the phrases still say which format the header is.
          t2_columns.clear();
          t2_units.clear();
          t2_spanned.clear();
          static const auto* const k2021 = new std::vector<Phrase>{"制发", "废止", "现行有效"};
          static const auto* const k2019 =
              new std::vector<Phrase>{"新制作", "新公开", "公开总数", "上一年", "采购项目"};
          for (int c : parts.labels) {
            if (AnyIn(*k2021, f.key(c), f.cells[c].sig)) ++votes_2021;
            if (AnyIn(*k2019, f.key(c), f.cells[c].sig)) ++votes_2019;
          }
        }
        return;
      }
    }
    if (parts.labels.empty()) {
      if (has_number) Unplaced(pg, r, "(no label)");
      return;
    }
    std::string_view rowkey, second;
    for (int c : parts.labels) {
      rowkey = T2RowKey(f.key(c), f.cells[c].sig, &second);
      if (!rowkey.empty()) break;
    }
    if (rowkey.empty()) {
      if (has_number) Unplaced(pg, r, LabelText(row, parts));
      return;
    }
    // Two rows' labels in one cell (行政处罚行政强制: a row left blank whose
    // label a PDF set without padding joined to the next row's): whose the
    // values are cannot be told.
    if (!second.empty() && has_number) {
      Note(ReadingNote::SHAPE,
           absl::StrCat("row \"", LabelText(row, parts), "\" names two rows of table 二 (",
                        std::string(rowkey), " and ", std::string(second),
                        "): two labels run together, as a PDF without cell padding sets a row "
                        "left blank and the next one; whose the values are cannot be told, so "
                        "none is read; give blank cells as 0 or send the report as Word or HTML"),
           "", RowSpan(pg, r));
      return;
    }
    if (rowkey == "other_services" || rowkey == "procurement") ++votes_2019;
    // value columns: header columns are counted from the first label cell
    const int label_col = parts.labels.front();
    // the value columns: the header's from `skip` on (with their units), or
    // the layout's defaults (all with one unit)
    const std::vector<std::string_view>* columns;
    const std::vector<std::string_view>* units = nullptr;
    std::string_view default_unit;
    size_t skip = 0;
    int lead = 0;  // value columns of this row before the header's first one
    if (!t2_columns.empty()) {
      columns = &t2_columns;
      units = &t2_units;
      if (pg.grid == t2_header_grid) {
        // in the header's own grid a column is where the header put it
        // (a label centred or right-aligned in a merged cell may stand in
        // another grid column than the rows' labels do)
        const int offset = parts.value_start - t2_header_from;
        if (offset > 0 && static_cast<int>(columns->size()) > offset) {
          skip = static_cast<size_t>(offset);
        } else if (offset < 0) {
          lead = -offset;
        }
      } else {
        // header columns start right after the header's label cell; data
        // values start right after this row's last label cell. A label
        // spanning cells (a PDF's label set across two label columns) is
        // one cell.
        int label_end = label_col;
        while (label_end + 1 < parts.value_start && row[label_end + 1].continuation &&
               row[label_end + 1].text == row[label_col].text) {
          ++label_end;
        }
        const int offset = parts.value_start - (label_end + 1);
        if (offset > 0 && static_cast<int>(columns->size()) > offset) skip = static_cast<size_t>(offset);
      }
    } else {
      columns = &T2DefaultColumns(rowkey, votes_2019 > votes_2021);
      default_unit = rowkey == "fees" && votes_2019 <= votes_2021 ? "万元" : "";
    }
    const size_t n_columns = columns->size() - skip;
    // the columns a header names, without a padded grid's empty ones after them
    size_t named = n_columns;
    while (named > 0 && (*columns)[skip + named - 1].empty()) --named;
    if (RowCannotBePlaced(pg, r, parts.value_start, LabelText(row, parts), named)) return;
    const SourceRow src(pg, r);
    size_t placed = 0;
    // data cells read under a header column that spans them (see below)
    std::vector<char> taken(row.size(), 0);
    for (int c = parts.value_start; c < static_cast<int>(row.size()); ++c) {
      const int at = c - parts.value_start - lead;
      const size_t i = static_cast<size_t>(at);
      if (taken[static_cast<size_t>(c)]) continue;
      std::string_view t = ValueText(row, c);
      if (at >= 0 && i < n_columns && !(*columns)[skip + i].empty()) {
        int value_col = c;
        if (units != nullptr && (row[c].continuation || IsEmptyText(t))) {
          value_col = ValueInsideSpan(row, c, skip + i, &taken);
        }
        const std::string_view column = (*columns)[skip + i];
        // "t2.<row>.<column>", written on the stack: row keys (T2RowKey) and
        // fields (T2ColumnField, T2DefaultColumns) are short literals, the
        // longest key "t2.normative_documents.amount_wan_yuan" has 38 bytes
        // (and no cell key of any table is longer than the buffer, so a key
        // that did not fit would name no cell)
        char buf[64];
        const size_t key_size = 3 + rowkey.size() + 1 + column.size();
        const CellPath* path = nullptr;
        if (key_size <= sizeof buf) {
          std::memcpy(buf, "t2.", 3);
          std::memcpy(buf + 3, rowkey.data(), rowkey.size());
          buf[3 + rowkey.size()] = '.';
          std::memcpy(buf + 4 + rowkey.size(), column.data(), column.size());
          path = ResolveCellKey(std::string_view(buf, key_size));
        }
        if (path != nullptr) {
          std::string_view unit = default_unit;
          if (units != nullptr) unit = skip + i < units->size() ? (*units)[skip + i] : "";
          Put(*path, src, value_col, unit);
          ++placed;
          continue;
        }
      }
      if (!IsEmptyText(t)) {
        Note(ReadingNote::SHAPE,
             absl::StrCat("value \"", std::string(t), "\" in row \"", LabelText(row, parts),
                          "\" has no column of table 二"),
             std::string(t), SpanAt(pg, r, c));
      }
    }
    if (placed == 0) ShortRow(pg, r, LabelText(row, parts), 0, n_columns);
  }

  // ---- table 三 ----
  struct T3Entry {
    std::string_view key;
    std::string_view parent;
    bool group;
    std::vector<std::string_view> cores;
    const char* full;
  };

  static const std::vector<T3Entry>& T3Entries() {
    static const auto* e = new std::vector<T3Entry>{
        {"new_received", "", false, {"本年新收"}, "本年新收政府信息公开申请数量"},
        {"carried_over", "", false, {"上年结转"}, "上年结转政府信息公开申请数量"},
        {"result", "", true, {"办理结果"}, "本年度办理结果"},
        {"result.granted", "result", false, {"予以公开"}, "予以公开"},
        {"result.partially_granted", "result", false, {"部分公开"}, "部分公开区分处理的只计这一情形不计其他情形"},
        {"result.denied", "result", true, {"不予公开"}, "不予公开"},
        {"result.denied.state_secret", "result.denied", false, {"国家秘密"}, "属于国家秘密"},
        {"result.denied.prohibited_by_law", "result.denied", false,
         {"禁止公开", "法律行政法规", "法律和行政法规"}, "其他法律行政法规禁止公开"},
        {"result.denied.security_stability", "result.denied", false, {"三安全一稳定", "危及"},
         "危及三安全一稳定"},
        {"result.denied.third_party_rights", "result.denied", false, {"第三方"}, "保护第三方合法权益"},
        {"result.denied.internal_affairs", "result.denied", false, {"内部事务"}, "属于三类内部事务信息"},
        {"result.denied.process_information", "result.denied", false, {"过程性"}, "属于四类过程性信息"},
        {"result.denied.enforcement_files", "result.denied", false, {"执法案卷"}, "属于行政执法案卷"},
        {"result.denied.administrative_query", "result.denied", false, {"查询事项"}, "属于行政查询事项"},
        {"result.unable", "result", true, {"无法提供"}, "无法提供"},
        {"result.unable.not_held", "result.unable", false, {"不掌握"}, "本机关不掌握相关政府信息"},
        {"result.unable.needs_creation", "result.unable", false, {"另行制作"}, "没有现成信息需要另行制作"},
        {"result.unable.still_unclear", "result.unable", false, {"仍不明确"}, "补正后申请内容仍不明确"},
        {"result.not_processed", "result", true, {"不予处理"}, "不予处理"},
        {"result.not_processed.petition_complaint", "result.not_processed", false,
         {"信访", "举报投诉"}, "信访举报投诉类申请"},
        {"result.not_processed.duplicate", "result.not_processed", false, {"重复申请"}, "重复申请"},
        {"result.not_processed.publication", "result.not_processed", false, {"出版物"}, "要求提供公开出版物"},
        {"result.not_processed.excessive", "result.not_processed", false, {"大量反复"}, "无正当理由大量反复申请"},
        {"result.not_processed.reconfirm", "result.not_processed", false, {"重新出具", "确认或"},
         "要求行政机关确认或重新出具已获取信息"},
        {"result.other", "result", true, {"其他处理"}, "其他处理"},
        {"result.other.no_correction", "result.other", false, {"不补正"},
         "申请人无正当理由逾期不补正行政机关不再处理其政府信息公开申请"},
        {"result.other.unpaid_fee", "result.other", false, {"收费通知", "缴纳费用"},
         "申请人逾期未按收费通知要求缴纳费用行政机关不再处理其政府信息公开申请"},
        {"result.other.other", "result.other", false, {}, "其他"},
        {"result.total", "result", false, {}, "总计"},
        {"carried_forward", "", false, {"结转下年"}, "结转下年度继续办理"},
    };
    return *e;
  }

  static bool Within(std::string_view ctx, std::string_view parent) {
    if (parent.empty()) return true;
    return ctx == parent || (ctx.size() > parent.size() && ctx.substr(0, parent.size()) == parent &&
                             ctx[parent.size()] == '.');
  }

  // `k` is the label's LabelKey.
  const T3Entry* MatchT3(std::string_view k) const { return MatchT3(k, CharSignature(k)); }

  // `sig` is CharSignature(k).
  const T3Entry* MatchT3(std::string_view k, uint64_t sig) const {
    if (k.empty()) return nullptr;
    const auto& entries = T3Entries();
    // exact, context-dependent labels
    if (k == "其他") {
      for (const auto& e : entries) {
        if (std::string_view(e.key) == "result.other.other" && Within(t3_ctx, "result.other")) return &e;
      }
      return nullptr;
    }
    if (k == "总计" || k == "合计") {
      for (const auto& e : entries) {
        if (std::string_view(e.key) == "result.total" && Within(t3_ctx, "result")) return &e;
      }
      return nullptr;
    }
    // distinctive cores: the longest core found wins, the first entry among
    // equally long ones; so cores are tried longest first, in entry order,
    // and the first one found is the answer
    struct Core {
      Phrase phrase;
      size_t entry;
    };
    static const auto* const kCores = [] {
      auto* v = new std::vector<Core>;
      const auto& all = T3Entries();
      for (size_t i = 0; i < all.size(); ++i) {
        for (std::string_view core : all[i].cores) v->push_back({Phrase(core), i});
      }
      std::stable_sort(v->begin(), v->end(), [](const Core& a, const Core& b) {
        return a.phrase.text.size() > b.phrase.text.size();
      });
      return v;
    }();
    // only the cores filed under a bit of k's signature are tested, in the
    // order above
    static const LowestBitIndex* const kCoreIndex = [] {
      auto* index = new LowestBitIndex;
      for (size_t i = 0; i < kCores->size(); ++i) index->Add(i, (*kCores)[i].phrase.sig);
      return index;
    }();
    // A label that names a group and an item of it ("(六)其他处理1.申请人
    // 无正当理由逾期不补正…", the group's cell and the item's run together)
    // is the item's row, whichever core is longer.
    const T3Entry* group = nullptr;
    uint64_t candidates = kCoreIndex->Candidates(sig);
    for (; candidates != 0; candidates &= candidates - 1) {
      const Core& core = (*kCores)[static_cast<size_t>(__builtin_ctzll(candidates))];
      if (core.phrase.text.size() > k.size() || !core.phrase.In(k, sig)) continue;
      const T3Entry& e = entries[core.entry];
      if (group == nullptr && !e.group) return &e;
      if (group == nullptr) {
        group = &e;
      } else if (!e.group && Within(e.key, group->key)) {
        return &e;
      }
    }
    if (group != nullptr) return group;
    // A fragment of a wrapped label ("其他情", the tail of "…不计其他情形)")
    // is as similar to a short label ("其他") as a typo of it: short keys are
    // matched only exactly (above), never by similarity.
    if (k.size() < 4 * 3 && CountCodePoints(k) < 4) return nullptr;
    const T3Entry* best = nullptr;
    // typos: bigram similarity against the full labels in context
    static const auto* const kFull = [] {
      auto* v = new std::vector<LabelProfile>;
      for (const auto& e : T3Entries()) v->push_back(MakeLabelProfile(e.full));
      return v;
    }();
    // one bit per bigram a full label has (all when it has none: never
    // skipped by the bigram test below)
    static const auto* const kFullBigrams = [] {
      auto* v = new std::vector<uint64_t>;
      for (const LabelProfile& p : *kFull) {
        v->push_back(p.code_points.size() >= 2 ? BigramSignature(p) : ~uint64_t{0});
      }
      return v;
    }();
    static const auto* const kFullBits = [] {
      auto* v = new std::vector<BigramBits>;
      for (const LabelProfile& p : *kFull) v->emplace_back(p);
      return v;
    }();
    // a best full label needs 0.6: when none can reach it, there is none
    // (whatever the others score), and the key's profile is not made
    const BigramBits key_bits(k);
    bool reachable = false;
    for (size_t i = 0; i < kFullBits->size() && !reachable; ++i) {
      reachable = BigramBits::MayReach(key_bits, (*kFullBits)[i], 0.6);
    }
    if (!reachable) return nullptr;
    const LabelProfile key = MakeLabelProfile(k);
    const T3Entry* second = nullptr;
    double s1 = 0, s2 = 0;
    const size_t a = key.code_points.size() >= 2 ? key.code_points.size() - 1 : 0;
    const uint64_t key_bigrams = BigramSignature(key);
    for (size_t i = 0; i < entries.size(); ++i) {
      const T3Entry& e = entries[i];
      // Labels of very different lengths are at most 2*min/(a+b) < 0.5
      // similar (a, b: their bigram counts): such a label can be neither
      // the best (which needs 0.6) nor a second that decides against it
      // (which needs more than best - 0.1), so it is not compared.
      const size_t full_cps = (*kFull)[i].code_points.size();
      if (a > 0 && full_cps >= 2 && 4 * std::min(a, full_cps - 1) < a + full_cps - 1) continue;
      // Two labels of two or more characters with no bigram in common are
      // not equal and 0 similar, which changes neither best nor second.
      if (a > 0 && (key_bigrams & (*kFullBigrams)[i]) == 0) continue;
      if (!Within(t3_ctx, e.parent) && !Within(e.parent, t3_ctx)) continue;
      double s = LabelSimilarity(key, (*kFull)[i]);
      if (s > s1) {
        second = best;
        s2 = s1;
        best = &e;
        s1 = s;
      } else if (s > s2) {
        second = &e;
        s2 = s;
      }
    }
    (void)second;
    if (best && s1 >= 0.6 && s1 - s2 >= 0.1) return best;
    return nullptr;
  }

  void MapT3Row(const PlacedGrid& pg, int r) {
    const auto& row = pg.grid->rows[r];
    const RowFacts& f = Facts(pg, r);
    const RowParts& parts = f.parts;
    bool any_value = false;
    for (int c = parts.value_start; c < static_cast<int>(row.size()); ++c) {
      if (!IsEmptyText(ValueText(row, c))) any_value = true;
    }
    // the row's label, in a buffer kept across rows (its room is reused)
    std::string& label = t3_label;
    label.clear();
    const T3Entry* data = nullptr;
    const T3Entry* group = nullptr;
    bool header_like = false;
    bool data_from_copy = false;     // `data` matched a spanning cell's copy
    bool unmatched_numbered = false;  // an own cell starting an item matched nothing
    // Own label cells of this row that matched nothing, joined: one label
    // parted between two columns ("(一)予以公" and its wrapped "开", centred
    // in a narrow cell that spans both, in a grid rebuilt from positions).
    std::string unmatched_run;
    for (int c : parts.labels) {
      std::string_view t = row[c].text;
      if (!label.empty() && ContainsByLastByte(label, t)) continue;
      label += t;
      const std::string_view k = f.key(c);
      const uint64_t k_sig = f.cells[c].sig;
      static const auto* const kHeader = new std::vector<Phrase>{
          "勾稽", "申请人情况", "自然人", "法人或其他组织", "商业企业", "科研机构"};
      if (AnyIn(*kHeader, k, k_sig)) header_like = true;
      const T3Entry* m = MatchT3(k, k_sig);
      // (a numbered label starts an item: it continues no label before it)
      if (m == nullptr && !pending_label.empty() && NumberingPrefixLength(t) == 0) {
        m = MatchT3(LabelKey(pending_label + std::string(t)));
      }
      if (m == nullptr && !unmatched_run.empty() && NumberingPrefixLength(t) == 0) {
        m = MatchT3(LabelKey(unmatched_run + std::string(t)));
      }
      if (m == nullptr) {
        if (!row[c].continuation) {
          if (NumberingPrefixLength(t) > 0) unmatched_numbered = true;
          unmatched_run += t;
        }
        continue;
      }
      unmatched_run.clear();
      if (m->group) {
        group = m;
        // a rowspan's copy of a group label keeps the narrower group a
        // heading row above chose within it
        if (!row[c].continuation || !Within(t3_ctx, m->key)) t3_ctx = m->key;
      } else {
        // (a copy that matches the entry an own cell matched leaves the
        // row that entry's)
        if (m != data || !row[c].continuation) data_from_copy = row[c].continuation;
        data = m;
        t3_ctx = m->parent;
      }
    }
    if (header_like) {
      pending_label.clear();
      FlushHeld();
      return;
    }
    // An item's own numbered label that names no row, under the copy of a
    // top-level row's label spanning down to it ("四、结转下年度" wrapped and
    // set level with "3.其他" by a grid rebuilt from positions): an item is
    // never a top-level row, and which item it is cannot be told, so its
    // values are not read rather than read as the spanning label's row.
    if (data != nullptr && any_value && data_from_copy && unmatched_numbered &&
        std::string_view(data->parent).empty()) {
      FlushHeld();
      pending_label.clear();
      Unplaced(pg, r, label,
               absl::StrCat("has the labels of more than one row of ", TableIdName(id),
                            ": its values are not read"));
      return;
    }
    if (data && held_entry != nullptr && std::string_view(held_entry->key) == "result.other" &&
        Within(data->key, "result.other")) {
      // the held （六）其他处理 row headed the three rows of 2021: not a row of its own
      held_pg = nullptr;
      held_entry = nullptr;
    }
    if (data != nullptr && data == held_entry && held_pg != nullptr && any_value) {
      // the held row's label wrapped onto this one, which reads as the same
      // entry ("(二)部分公开(区分处理的," then "只计这一情形,不计其他情 53 …"):
      // this row carries the values, the held one was no row of blanks
      held_pg = nullptr;
      held_entry = nullptr;
    }
    if (data || group) FlushHeld();
    const T3Entry* entry;  // the entry whose row this is
    if (data) {
      entry = data;
      if (Within(entry->key, "result.other")) ++votes_2021;
    } else if (group && any_value) {
      if (std::string_view(group->key) == "result.other") {
        entry = group;  // "result.other", 2019: one undivided row
        ++votes_2019;
      } else {
        Unplaced(pg, r, label);  // a subtotal row the layout does not have
        return;
      }
    } else if (group) {
      pending_label.clear();
      if (std::string_view(group->key) == "result.other" &&
          row.size() >= static_cast<size_t>(parts.value_start) + 7) {
        // （六）其他处理 with a blank cell under every column: 2019's
        // undivided row left blank, or the heading of 2021's three rows.
        // Held: the next row tells which (see FlushHeld).
        held_entry = group;
        held_pg = &pg;
        held_r = r;
      }
      return;
    } else {
      if (parts.labels.empty() && !any_value) return;
      // a numbered label starts an item: the held row's label does not go
      // on here, so the held row stands as read
      if (held_pg != nullptr && !parts.labels.empty() && NumberingPrefixLength(row[parts.labels.front()].text) > 0) {
        FlushHeld();
      }
      if (any_value && held_pg != nullptr) {
        // the values of a label wrapped from the row before
        const T3Entry* held = held_entry;
        held_pg = nullptr;
        held_entry = nullptr;
        pending_label.clear();
        PutT3Row(pg, r, *held, parts.value_start, label);
        return;
      }
      if (!any_value) {
        // a label without values: maybe the first part of a wrapped label
        // (a numbered one starts a label of its own)
        if (NumberingPrefixLength(label) > 0) pending_label.clear();
        pending_label += label;
        return;
      }
      Unplaced(pg, r, label.empty() ? "(no label)" : label);
      pending_label.clear();
      return;
    }
    pending_label.clear();
    if (!any_value && data) {
      // a matched label with nothing after it: either blanks, or a label
      // wrapped onto the next row, which then carries the values
      FlushHeld();
      held_entry = entry;
      held_pg = &pg;
      held_r = r;
      return;
    }
    PutT3Row(pg, r, *entry, parts.value_start, label);
  }

  // A held row (see MapT3Row) whose values turned out to be its own blanks.
  void FlushHeld() {
    if (held_pg == nullptr) return;
    const auto& row = held_pg->grid->rows[held_r];
    const RowParts& parts = Facts(*held_pg, held_r).parts;
    if (std::string_view(held_entry->key) == "result.other") ++votes_2019;
    PutT3Row(*held_pg, held_r, *held_entry, parts.value_start, LabelText(row, parts));
    held_pg = nullptr;
    held_entry = nullptr;
  }

  // The seven applicant-column paths of each entry's row (by its index in
  // T3Entries(); nullptr where the key has no such cell).
  static const std::array<const CellPath*, 7>& T3EntryPaths(const T3Entry& e) {
    static const auto* const kPaths = [] {
      auto* v = new std::vector<std::array<const CellPath*, 7>>;
      for (const T3Entry& entry : T3Entries()) {
        // "result.denied" → the seven applicant columns (nullptr where no
        // such cell exists)
        const absl::string_view key(entry.key.data(), entry.key.size());
        std::array<const CellPath*, 7> a;
        for (size_t i = 0; i < 7; ++i) a[i] = ResolveCellKey(absl::StrCat("t3.", key, ".", kT3Columns[i]));
        v->push_back(a);
      }
      return v;
    }();
    return (*kPaths)[static_cast<size_t>(&e - T3Entries().data())];
  }

  void PutT3Row(const PlacedGrid& pg, int r, const T3Entry& entry, int value_start,
                const std::string& label) {
    const std::string_view key = entry.key;
    const auto& row = pg.grid->rows[r];
    if (RowCannotBePlaced(pg, r, value_start, label, 7)) return;
    value_start += LeadingShift(row, value_start, 7);
    // values: the cells from value_start, the seven applicant columns by
    // position after the label
    const size_t n_values =
        value_start < static_cast<int>(row.size()) ? row.size() - static_cast<size_t>(value_start) : 0;
    size_t n = std::min<size_t>(n_values, 7);
    const std::array<const CellPath*, 7>& paths = T3EntryPaths(entry);
    const absl::string_view akey(key.data(), key.size());
    const SourceRow src(pg, r);
    for (size_t i = 0; i < n; ++i) {
      const CellPath* path = paths[i];
      const int c = value_start + static_cast<int>(i);
      if (path != nullptr) {
        Put(*path, src, c, "");
      } else {
        Put(absl::StrCat("t3.", akey, ".", kT3Columns[i]), src, c, "");
      }
    }
    if (n_values < 7) ShortRow(pg, r, label, n_values, 7);
    for (size_t i = 7; i < n_values; ++i) {
      const std::string_view value = ValueText(row, value_start + static_cast<int>(i));
      if (!IsEmptyText(value)) {
        Note(ReadingNote::SHAPE,
             absl::StrCat("row \"", label, "\" has more than seven values; \"", std::string(value),
                          "\" is not read"),
             std::string(value), SpanAt(pg, r, value_start + i));
      }
    }
  }

  // ---- table 四 ----
  void MapT4Row(const PlacedGrid& pg, int r) {
    const auto& row = pg.grid->rows[r];
    const RowFacts& f = Facts(pg, r);
    RowParts parts = f.parts;
    std::vector<std::string_view> values;
    if (parts.value_start < static_cast<int>(row.size())) {
      values.reserve(row.size() - static_cast<size_t>(parts.value_start));
    }
    int nonempty = 0;
    for (int c = parts.value_start; c < static_cast<int>(row.size()); ++c) {
      values.push_back(ValueText(row, c));
      if (!IsEmptyText(values.back())) ++nonempty;
    }
    // one block per row (a transposed layout): label names the block
    if (!parts.labels.empty()) {
      if (nonempty == 0) return;  // a header row (whatever block it names)
      // the label's LabelKey: a lone label cell's is in the row's facts
      std::string joined_key;
      std::string_view k;
      if (parts.labels.size() == 1) {
        k = f.key(parts.labels.front());
      } else {
        joined_key = LabelKey(LabelText(row, parts));
        k = joined_key;
      }
      int block = -1;
      if (Contains(k, "直接起诉")) block = 1;
      else if (Contains(k, "复议后起诉")) block = 2;
      else if (Contains(k, "行政复议") && !Contains(k, "行政诉讼")) block = 0;
      if (block >= 0 && values.size() >= 4 && values.size() < 10) {
        if (RowCannotBePlaced(pg, r, parts.value_start, LabelText(row, parts), 5)) return;
        const SourceRow src(pg, r);
        for (size_t i = 0; i < std::min<size_t>(values.size(), 5); ++i) {
          Put(*T4Path(static_cast<size_t>(block) * 5 + i), src, parts.value_start + static_cast<int>(i),
              "");
        }
        if (values.size() < 5) ShortRow(pg, r, LabelText(row, parts), values.size(), 5);
        return;
      }
      // labelled data row: values follow the label
    }
    if (nonempty == 0 && parts.labels.empty()) {
      // an all-blank row: the data row when no other one comes
      if (values.size() >= 15 && t4_blank_pg == nullptr) {
        t4_blank_pg = &pg;
        t4_blank_r = r;
      }
      return;
    }
    if (nonempty == 0) return;
    if (t4_data_seen) {
      // label cells are never empty: no label text means no label cell
      Unplaced(pg, r, parts.labels.empty() ? "(second data row)" : LabelText(row, parts));
      return;
    }
    t4_data_seen = true;
    if (RowCannotBePlaced(pg, r, parts.value_start,
                         parts.labels.empty() ? "(data row)" : LabelText(row, parts), 15)) {
      return;
    }
    if (int shift = LeadingShift(row, parts.value_start, 15); shift > 0) {
      parts.value_start += shift;
      values.erase(values.begin(), values.begin() + shift);
    }
    size_t n = std::min<size_t>(values.size(), 15);
    const SourceRow src(pg, r);
    for (size_t i = 0; i < n; ++i) Put(*T4Path(i), src, parts.value_start + static_cast<int>(i), "");
    if (values.size() < 15) {
      const std::string label = parts.labels.empty() ? "(data row)" : LabelText(row, parts);
      ShortRow(pg, r, label, values.size(), 15);
    }
    for (size_t i = 15; i < values.size(); ++i) {
      if (!IsEmptyText(values[i])) {
        Note(ReadingNote::SHAPE,
             absl::StrCat("table 四 has more than 15 values; \"", std::string(values[i]), "\" is not read"),
             std::string(values[i]), SpanAt(pg, r, parts.value_start + i));
      }
    }
  }

  // ---- pre-2019 statistics table ----
  struct LegacyEntry {
    int group;
    const char* key;  // below "legacy."; "" for a header row
    std::vector<Phrase> cores;
  };

  static const std::vector<std::vector<Phrase>>& LegacyGroupCores() {
    static const auto* g = new std::vector<std::vector<Phrase>>{
        {},
        {"主动公开情况", "主动公开"},
        {"回应解读", "回应情况"},
        {"依申请公开"},
        {"行政复议"},
        {"行政诉讼"},
        {"举报投诉"},
        {"收取的费用", "收取费用", "费用"},
        {"机构建设", "保障经费"},
        {"会议和培训", "培训情况"},
    };
    return *g;
  }

  static const char* LegacyGroupKey(int g) {
    switch (g) {
      case 4: return "review.total";
      case 5: return "litigation.total";
      case 6: return "complaints";
      case 7: return "fees_wan_yuan";
      default: return "";
    }
  }

  // ResolveCellKey("legacy." + key) of a group's key (0 <= g < 10) and of an
  // entry's (by its index in LegacyEntries()), once per key; nullptr for an
  // empty key.
  static const CellPath* LegacyGroupPath(int g) {
    static const auto* const kPaths = [] {
      auto* a = new std::array<const CellPath*, 10>;
      for (int k = 0; k < 10; ++k) {
        const char* key = LegacyGroupKey(k);
        (*a)[k] = key[0] == '\0' ? nullptr : ResolveCellKey(absl::StrCat("legacy.", key));
      }
      return a;
    }();
    return (*kPaths)[g];
  }
  static const CellPath* LegacyEntryPath(size_t i) {
    static const auto* const kPaths = [] {
      auto* v = new std::vector<const CellPath*>;
      for (const LegacyEntry& e : LegacyEntries()) {
        v->push_back(e.key[0] == '\0' ? nullptr : ResolveCellKey(absl::StrCat("legacy.", e.key)));
      }
      return v;
    }();
    return (*kPaths)[i];
  }

  static const std::vector<LegacyEntry>& LegacyEntries() {
    static const auto* e = new std::vector<LegacyEntry>{
        {1, "active.total", {"主动公开政府信息数", "主动公开政府信息"}},
        {1, "active.normative_docs", {"主动公开规范性文件"}},
        {1, "active.normative_docs_issued", {"制发规范性文件"}},
        {1, "", {"不同渠道", "渠道和方式"}},
        {1, "active.channel.gazette", {"政府公报"}},
        {1, "active.channel.website", {"政府网站"}},
        {1, "active.channel.weibo", {"微博"}},
        {1, "active.channel.wechat", {"微信"}},
        {1, "active.channel.other", {"其他方式"}},
        {2, "response.hot_topics", {"热点", "舆情"}},
        {2, "", {"渠道和方式回应", "不同渠道"}},
        {2, "response.press_conferences", {"新闻发布会"}},
        {2, "response.press_conferences_by_head", {"负责人参加新闻发布会", "负责人参加或举办新闻发布会"}},
        {2, "response.online_interviews", {"在线访谈"}},
        {2, "response.online_interviews_by_head", {"负责人参加政府网站在线访谈", "负责人参加在线访谈"}},
        {2, "response.policy_interpretations", {"政策解读"}},
        {2, "response.weibo_wechat", {"微博微信"}},
        {2, "response.other", {"其他方式"}},
        {3, "applications.received", {"收到申请"}},
        {3, "applications.channel.in_person", {"当面"}},
        {3, "applications.channel.fax", {"传真"}},
        {3, "applications.channel.online", {"网络申请"}},
        {3, "applications.channel.letter", {"信函"}},
        {3, "applications.closed", {"申请办结", "办结数"}},
        {3, "applications.closed_on_time", {"按时办结"}},
        {3, "applications.closed_extended", {"延期办结"}},
        {3, "applications.answered", {"申请答复", "答复数"}},
        {3, "applications.answer.already_public", {"已主动公开"}},
        {3, "applications.answer.granted", {"同意公开"}},
        {3, "applications.answer.partially_granted", {"同意部分公开"}},
        {3, "applications.answer.denied", {"不同意公开"}},
        {3, "applications.denied.state_secret", {"国家秘密"}},
        {3, "applications.denied.commercial_secret", {"商业秘密"}},
        {3, "applications.denied.privacy", {"个人隐私"}},
        {3, "applications.denied.security_stability", {"危及国家安全", "国家安全"}},
        {3, "applications.denied.not_government_info", {"条例所指", "所指政府信息"}},
        {3, "applications.denied.other_law", {"法律法规规定的其他", "法律法规规定"}},
        {3, "applications.answer.not_this_agency", {"不属于本行政机关", "不属于本机关"}},
        {3, "applications.answer.not_exist", {"信息不存在", "不存在"}},
        {3, "applications.answer.correction_requested", {"更改补充"}},
        {3, "applications.answer.other_channel", {"其他途径"}},
        {4, "review.upheld", {"维持"}},
        {4, "review.corrected", {"纠错", "纠正"}},
        {4, "review.other", {"其他情形", "其他"}},
        {5, "litigation.upheld", {"维持"}},
        {5, "litigation.corrected", {"纠错", "纠正"}},
        {5, "litigation.other", {"其他情形", "其他"}},
        {8, "org.units", {"专门机构"}},
        {8, "org.reading_points", {"查阅点", "查阅场所"}},
        {8, "staff.total", {"工作人员数", "从事"}},
        {8, "staff.full_time", {"专职"}},
        {8, "staff.part_time", {"兼职"}},
        {8, "funding_wan_yuan", {"专项经费", "经费"}},
        {9, "meetings", {"会议"}},
        {9, "trainings", {"培训班"}},
        {9, "trainees", {"接受培训", "培训人员", "受训"}},
    };
    return *e;
  }

  void MapLegacyRow(const PlacedGrid& pg, int r) {
    const auto& row = pg.grid->rows[r];
    const RowFacts& f = Facts(pg, r);
    const std::string_view all = f.all;
    // the header row tells where unit and value stand
    // (a cell keyed so puts the phrase's bits in the row's signature)
    static const Phrase kHeaderCell("统计指标");
    bool is_header = false;
    if (kHeaderCell.MayBeIn(f.all_sig)) {
      for (size_t c = 0; c < row.size(); ++c) {
        if (f.key(c) == kHeaderCell.text) is_header = true;
      }
    }
    if (is_header) {
      for (size_t c = 0; c < row.size(); ++c) {
        const std::string_view k = f.key(c);
        if (k == "单位" || k == "计量单位") legacy_unit_col = static_cast<int>(c);
        if (k == "统计数" || k == "数量" || k == "数值") legacy_value_col = static_cast<int>(c);
      }
      return;
    }
    static const Phrase kTitle("统计表"), kFiller("填报单位");
    if (kTitle.In(all, f.all_sig) || kFiller.In(all, f.all_sig)) return;
    const RowParts& parts = f.parts;
    if (parts.labels.empty()) {
      bool any = false;
      for (const GridCell& c : row) any |= !IsEmptyText(c.text);
      if (any) Unplaced(pg, r, "(no label)");
      return;
    }
    const int label_col = parts.labels.front();
    const std::string& label = row[label_col].text;
    int value_col = legacy_value_col >= 0 ? legacy_value_col : static_cast<int>(row.size()) - 1;
    int unit_col = legacy_unit_col;
    if (unit_col < 0 && row.size() >= 3) unit_col = value_col - 1;
    if (value_col <= label_col) value_col = parts.value_start;  // short row
    std::string_view unit;
    if (unit_col > label_col && unit_col < static_cast<int>(row.size()) && unit_col != value_col) {
      unit = row[unit_col].text;
    }
    const std::string_view k = f.key(label_col);
    const uint64_t k_sig = f.cells[label_col].sig;
    const Numbering num = ParseNumberingValue(label);
    // top-level group rows
    int group = 0;
    if (num.style == NumberingStyle::kTop) {
      const auto& cores = LegacyGroupCores();
      // the numeral's own group first (七、依申请公开信息收取的费用 is group 七,
      // not 三 依申请公开), then any group whose words the label has
      if (num.value >= 1 && num.value < static_cast<int>(cores.size())) {
        for (const Phrase& core : cores[num.value]) {
          if (core.In(k, k_sig)) group = num.value;
        }
      }
      for (size_t g = 1; g < cores.size() && group == 0; ++g) {
        for (const Phrase& core : cores[g]) {
          if (core.In(k, k_sig)) {
            group = static_cast<int>(g);
            break;
          }
        }
      }
      if (group == 0 && num.value >= 1 && num.value <= 9) group = num.value;
    }
    const char* key;
    const CellPath* key_path;  // ResolveCellKey("legacy." + key)
    if (group > 0) {
      legacy_group = group;
      key = LegacyGroupKey(group);
      if (key[0] == '\0') return;  // a pure group header
      key_path = LegacyGroupPath(group);
    } else {
      // the cores of each group's entries, in list order (at most 64 per
      // group: the largest has 27); only those filed under a bit of k's
      // signature are tested, in the same order
      struct GroupCores {
        std::vector<std::pair<const Phrase*, size_t>> cores;  // core, entry
        LowestBitIndex index;
      };
      static const auto* const kGroupCores = [] {
        auto* a = new std::array<GroupCores, 10>;
        const auto& all = LegacyEntries();
        for (size_t i = 0; i < all.size(); ++i) {
          if (all[i].group < 0 || all[i].group >= 10) continue;
          GroupCores& gc = (*a)[static_cast<size_t>(all[i].group)];
          for (const Phrase& core : all[i].cores) {
            gc.index.Add(gc.cores.size(), core.sig);
            gc.cores.push_back({&core, i});
          }
        }
        return a;
      }();
      const LegacyEntry* best = nullptr;
      size_t best_len = 0;
      const auto& entries = LegacyEntries();
      auto consider = [&](const Phrase& core, size_t i) {
        if (core.text.size() > best_len && core.In(k, k_sig)) {
          best = &entries[i];
          best_len = core.text.size();
        }
      };
      if (legacy_group >= 0 && legacy_group < 10) {
        const GroupCores& gc = (*kGroupCores)[static_cast<size_t>(legacy_group)];
        uint64_t candidates = gc.index.Candidates(k_sig);
        for (; candidates != 0; candidates &= candidates - 1) {
          const auto& [core, i] = gc.cores[static_cast<size_t>(__builtin_ctzll(candidates))];
          consider(*core, i);
        }
      }
      if (best == nullptr) {
        Unplaced(pg, r, label);
        return;
      }
      if (best->key[0] == '\0') return;  // a sub-header
      key = best->key;
      key_path = LegacyEntryPath(static_cast<size_t>(best - LegacyEntries().data()));
    }
    if (value_col < 0 || value_col >= static_cast<int>(row.size())) {
      // no value cell at all: the row exists but its value is blank
      const CellPath* path = key_path;
      Cell* cell = path == nullptr ? nullptr : MutableCell(report->mutable_tables(), *path);
      if (cell && cell->presence() == Cell::PRESENCE_UNSPECIFIED) {
        (*read_cells)[CellPathIndex(*path)] = 1;
        cell->set_presence(Cell::BLANK);
        Span s = RowSpan(pg, r);
        s.set_begin(s.end());
        *cell->mutable_span() = s;
        cell->set_source_row(r);
        cell->set_source_col(value_col);
        if (!unit.empty()) cell->set_unit(std::string(unit));
        touched = true;
      }
      return;
    }
    if (key_path != nullptr) {
      Put(*key_path, SourceRow(pg, r), value_col, unit);
    } else {
      Put(absl::StrCat("legacy.", key), SourceRow(pg, r), value_col, unit);
    }
  }
};

}  // namespace

const char* TableIdName(TableId id) {
  switch (id) {
    case TableId::kT2: return "t2";
    case TableId::kT3: return "t3";
    case TableId::kT4: return "t4";
    case TableId::kLegacy: return "legacy";
    default: return "";
  }
}

TableId IdentifyTable(const TableGrid& grid) {
  std::map<TableId, int> votes;
  GridFacts facts;
  MakeGridFacts(grid, &facts);
  for (const RowFacts& f : facts.rows) {
    if (f.hint != TableId::kNone) ++votes[f.hint];
  }
  TableId best = TableId::kNone;
  int n = 0;
  for (const auto& [id, v] : votes) {
    if (v > n) {
      best = id;
      n = v;
    }
  }
  return best;
}

std::vector<std::string> RequiredKeys(TableId id, FormatVersion layout) {
  std::vector<std::string> out;
  const std::string prefix = absl::StrCat(TableIdName(id), ".");
  static const std::set<std::string_view> k2021 = {"issued", "repealed", "in_force", "decisions",
                                                   "amount_wan_yuan"};
  static const std::set<std::string_view> k2019 = {"new_made", "new_published", "total_public",
                                                   "previous_count", "change", "decisions",
                                                   "projects", "amount"};
  for (const std::string& key : AllCellKeys()) {
    if (key.rfind(prefix, 0) != 0) continue;
    std::string_view field = std::string_view(key).substr(key.rfind('.') + 1);
    if (id == TableId::kT2) {
      bool y2019 = layout == xxgk::v1::FORMAT_2019;
      if (y2019 ? !k2019.count(field) : !k2021.count(field)) continue;
      if (!y2019 && Contains(key, "other_services")) continue;
    } else if (id == TableId::kT3) {
      std::string_view rest = std::string_view(key).substr(prefix.size());
      bool direct_other = rest.rfind("result.other.", 0) == 0 &&
                          std::count(rest.begin(), rest.end(), '.') == 2;
      bool split_other = rest.rfind("result.other.", 0) == 0 && !direct_other;
      if (layout == xxgk::v1::FORMAT_2019 ? split_other : direct_other) continue;
    }
    out.push_back(key);
  }
  return out;
}

namespace {

// RequiredKeys resolved to paths, once per table and layout.
const std::vector<const CellPath*>& RequiredPaths(TableId id, FormatVersion layout) {
  using PathLists = std::map<std::pair<TableId, FormatVersion>, std::vector<const CellPath*>>;
  static const PathLists* const kLists = [] {
    auto* lists = new PathLists;
    for (TableId t : {TableId::kT2, TableId::kT3, TableId::kT4, TableId::kLegacy}) {
      for (FormatVersion v : {xxgk::v1::FORMAT_VERSION_UNSPECIFIED, xxgk::v1::FORMAT_2021,
                              xxgk::v1::FORMAT_2019, xxgk::v1::FORMAT_LEGACY}) {
        auto& paths = (*lists)[{t, v}];
        for (const std::string& key : RequiredKeys(t, v)) paths.push_back(ResolveCellKey(key));
      }
    }
    return lists;
  }();
  return kLists->at({id, layout});
}

}  // namespace

void MapTables(const std::vector<PlacedGrid>& grids, Report* report) {
  std::vector<GridFacts> facts(grids.size());
  for (size_t g = 0; g < grids.size(); ++g) {
    if (grids[g].grid != nullptr) MakeGridFacts(*grids[g].grid, &facts[g]);
  }
  std::optional<MutableCellCursor> cells;
  // cells read by this call: when the report held no tables before, a cell is
  // read exactly when it is marked here (the required-keys test below reads
  // the marks instead of walking the tables)
  const bool had_tables = report->has_tables();
  std::vector<uint8_t> read_cells(AllCellKeys().size(), 0);
  // one mapper per table, made when the table is first met; finished in
  // TableId order
  std::array<std::optional<Mapper>, static_cast<size_t>(TableId::kLegacy) + 1> mappers;
  auto mapper = [&](TableId id) -> Mapper& {
    std::optional<Mapper>& slot = mappers[static_cast<size_t>(id)];
    if (!slot.has_value()) {
      Mapper& m = slot.emplace();
      m.report = report;
      m.id = id;
      m.grids = &grids;
      m.facts = &facts;
      m.cells = &cells;
      m.read_cells = &read_cells;
      m.fresh_tables = !had_tables;
    }
    return *slot;
  };
  for (size_t g = 0; g < grids.size(); ++g) {
    const PlacedGrid& pg = grids[g];
    if (pg.grid == nullptr || pg.grid->rows.empty()) continue;
    const auto& rows = pg.grid->rows;
    // attribute rows to tables: a row's own marker switches the table; rows
    // before the first marker belong to the first table named
    std::vector<TableId> owner(rows.size(), TableId::kNone);
    TableId cur = TableId::kNone;
    for (size_t r = 0; r < rows.size(); ++r) {
      TableId h = facts[g][r].hint;
      if (h != TableId::kNone) cur = h;
      owner[r] = cur;
    }
    TableId first = TableId::kNone;
    for (TableId t : owner) {
      if (t != TableId::kNone) {
        first = t;
        break;
      }
    }
    if (first == TableId::kNone) {
      first = HintFromHeading(pg.heading.empty() ? pg.grid->caption : pg.heading);
      // other tables (contact lists, 建议提案 counts, metadata blocks) are
      // not statistics tables and not a reading problem
      if (first == TableId::kNone) continue;
    }
    for (auto& t : owner) {
      if (t != TableId::kNone) break;
      t = first;
    }
    TableId begun = TableId::kNone;
    for (size_t r = 0; r < rows.size(); ++r) {
      Mapper& m = mapper(owner[r]);
      if (owner[r] != begun) {
        if (begun != TableId::kNone) mapper(begun).EndGrid();
        m.Begin(pg);
        begun = owner[r];
      }
      m.MapRow(pg, static_cast<int>(r));
    }
    if (begun != TableId::kNone) mapper(begun).EndGrid();
  }
  for (std::optional<Mapper>& slot : mappers) {
    if (!slot.has_value()) continue;
    Mapper& m = *slot;
    const TableId id = m.id;
    TableInfo* info = m.Info();
    if (info == nullptr) continue;
    info->set_source_kind(m.source_kind);
    info->set_heading(m.heading);
    *info->mutable_span() = m.span;
    if (!m.touched) {
      info->set_found(false);
      continue;
    }
    info->set_found(true);
    FormatVersion layout = xxgk::v1::FORMAT_VERSION_UNSPECIFIED;
    if (id == TableId::kLegacy) {
      layout = xxgk::v1::FORMAT_LEGACY;
    } else if (m.votes_2019 > 0 && m.votes_2019 == m.votes_2021) {
      // columns of both format versions in equal measure: say so, pick none
      m.Note(ReadingNote::AMBIGUOUS_TABLE,
             absl::StrCat("table ", TableIdName(id),
                          " has the columns of both the 2021 and the 2019 format"),
             "", m.span);
    } else if (m.votes_2019 > m.votes_2021) {
      layout = xxgk::v1::FORMAT_2019;
    } else if (m.votes_2021 > 0) {
      layout = xxgk::v1::FORMAT_2021;
    }
    info->set_layout(layout);
    FormatVersion for_keys = layout == xxgk::v1::FORMAT_VERSION_UNSPECIFIED ? xxgk::v1::FORMAT_2021
                                                                              : layout;
    if (!had_tables) {
      for (const CellPath* path : RequiredPaths(id, for_keys)) {
        if (!read_cells[CellPathIndex(*path)]) info->add_missing_keys(CellPathKey(*path));
      }
      continue;
    }
    CellCursor read(report->tables());
    for (const CellPath* path : RequiredPaths(id, for_keys)) {
      if (read.Find(*path) == nullptr) info->add_missing_keys(CellPathKey(*path));
    }
  }
}

}  // namespace xxgk::report
