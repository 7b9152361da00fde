#include "report/heading_rows.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <utility>
#include <vector>

#include "re2/re2.h"
#include "report/readers_common.h"
#include "report/sections.h"
#include "report/table_map.h"

namespace xxgk::report {
namespace {

using Kind = xxgk::v1::Section::Kind;

// A note of the unit a table counts in (单位：件, （计量单位：个）), which
// may stand in a cell of its own at the end of a heading's row.
bool IsUnitNote(std::string_view text) {
  static const re2::RE2 kUnit(
      R"(\s*[（(]?\s*(?:计量)?单位\s*[:：]\s*[^\s:：，,。（）()]{1,4}\s*[）)]?\s*)");
  return re2::RE2::FullMatch(re2::StringPiece(text.data(), text.size()), kUnit);
}

// A blank cell of its own (not a copy of a spanning cell).
bool IsBlankCell(const GridCell& g) { return !g.continuation && IsEmptyText(g.text); }

// The text of the head cell of `row` (text in a cell of one row) when every
// other position is the head's copy (its colspan) and then a cell `rest`
// accepts; nullopt for any other row.
template <typename Rest>
std::optional<std::string_view> HeadCellText(const std::vector<GridCell>& row, Rest rest) {
  if (row.empty()) return std::nullopt;
  const GridCell& head = row.front();
  if (head.continuation || head.row_span > 1 || IsEmptyText(head.text)) return std::nullopt;
  bool copies = true;
  for (size_t c = 1; c < row.size(); ++c) {
    const GridCell& g = row[c];
    copies = copies && g.continuation && g.text == head.text;
    if (!copies && !rest(g)) return std::nullopt;
  }
  return std::string_view(head.text);
}

// A row that may be lifted: a lone cell reading as a part heading, or such
// a cell with only the table's unit (and blanks) beside it.
std::optional<std::string_view> HeadingRowText(const std::vector<GridCell>& row) {
  std::optional<std::string_view> text = HeadCellText(row, [](const GridCell& g) {
    return IsBlankCell(g) || (g.row_span <= 1 && IsUnitNote(g.text));
  });
  if (!text.has_value() || !IsSectionHeadingLine(*text)) return std::nullopt;
  return text;
}

bool HasHeadingInside(const Block& b) {
  if (b.kind != Block::Kind::kTable) return false;
  if (b.table.caption_own && IsSectionHeadingLine(b.table.caption)) return true;
  return std::any_of(b.table.rows.begin(), b.table.rows.end(),
                     [](const std::vector<GridCell>& row) { return HeadingRowText(row).has_value(); });
}

// The kind of the part the blocks written so far stand under: that of the
// last line reading as a part heading. Lines are classified as they are
// passed, once each, and only once a table holds a heading to lift.
class OpenPart {
 public:
  explicit OpenPart(const std::vector<Block>* out) : out_(out) {}
  Kind Get() {
    for (; seen_ < out_->size(); ++seen_) {
      const Block& b = (*out_)[seen_];
      if (b.kind == Block::Kind::kLine && IsSectionHeadingLine(b.text)) kind_ = HeadingKind(b.text);
    }
    return kind_;
  }

 private:
  const std::vector<Block>* out_;
  size_t seen_ = 0;
  Kind kind_ = xxgk::v1::Section::KIND_UNSPECIFIED;
};

// Table block `b`, which holds a heading to lift (HasHeadingInside), as lines
// and the tables between them, onto `out`.
void Lift(Block b, OpenPart* open, std::vector<Block>* out) {
  TableGrid& g = b.table;
  if (g.caption_own && IsSectionHeadingLine(g.caption) && HeadingKind(g.caption) != open->Get()) {
    AppendLine(out, g.caption, b.page, g.caption_begin, g.caption_end);
  }
  // the pre-2019 table's group rows (一、主动公开情况) are rows of it
  if (IdentifyTable(g) == TableId::kLegacy) {
    out->push_back(std::move(b));
    return;
  }
  const size_t n = g.rows.size();
  bool lifted = false;
  // the rows [from, to) as a table
  auto table = [&](size_t from, size_t to) {
    if (from >= to) return;
    Block t;
    t.kind = Block::Kind::kTable;
    t.page = b.page;
    TableGrid& part = t.table;
    part.source_kind = g.source_kind;
    part.spaced = g.spaced;
    if (from == 0) {
      part.caption = g.caption;
      part.caption_own = g.caption_own;
      part.caption_begin = g.caption_begin;
      part.caption_end = g.caption_end;
    } else {
      part.caption = LastLineText(*out);  // the heading lifted just before
    }
    uint32_t lo = UINT32_MAX, hi = 0;
    for (size_t r = from; r < to; ++r) {
      for (const GridCell& c : g.rows[r]) {
        if (c.source_end <= c.source_begin) continue;
        lo = std::min(lo, c.source_begin);
        hi = std::max(hi, c.source_end);
      }
    }
    t.source_begin = from == 0 || lo == UINT32_MAX ? b.source_begin : lo;
    t.source_end = to == n || hi == 0 ? b.source_end : hi;
    part.rows.assign(std::make_move_iterator(g.rows.begin() + static_cast<std::ptrdiff_t>(from)),
                     std::make_move_iterator(g.rows.begin() + static_cast<std::ptrdiff_t>(to)));
    // columns only the lifted rows' blank cells, or the other table's rows,
    // stood on
    if (lifted) DropSliverColumns(&part);
    out->push_back(std::move(t));
  };
  std::vector<std::optional<std::string_view>> headings(n);
  std::vector<Kind> kinds(n, xxgk::v1::Section::KIND_UNSPECIFIED);
  for (size_t r = 0; r < n; ++r) {
    headings[r] = HeadingRowText(g.rows[r]);
    if (headings[r].has_value()) kinds[r] = HeadingKind(*headings[r]);
  }
  size_t from = 0;
  for (size_t r = 0; r < n; ++r) {
    const std::optional<std::string_view>& heading = headings[r];
    if (!heading.has_value() || kinds[r] == open->Get()) continue;
    // a part's heading is followed by the part, not by another part's
    // heading: rows of headings of other parts one after another are a table
    // of contents (a title restating the part may follow its heading)
    auto other_part = [&](size_t i) { return headings[i].has_value() && kinds[i] != kinds[r]; };
    if ((r > 0 && other_part(r - 1)) || (r + 1 < n && other_part(r + 1))) continue;
    const GridCell& cell = g.rows[r].front();
    lifted = true;
    table(from, r);
    AppendLine(out, std::string(*heading), b.page, cell.source_begin, cell.source_end);
    from = r + 1;
  }
  table(from, n);
}

}  // namespace

std::optional<std::string_view> LoneCellText(const std::vector<GridCell>& row) {
  // the head's copies (its colspan), then blank cells (a short row padded)
  return HeadCellText(row, IsBlankCell);
}

void LiftPartHeadings(std::vector<Block>* blocks) {
  // most documents hold none: their blocks are left as they are
  const auto first = std::find_if(blocks->begin(), blocks->end(), HasHeadingInside);
  if (first == blocks->end()) return;
  std::vector<Block> out;
  out.reserve(blocks->size() + 4);
  std::move(blocks->begin(), first, std::back_inserter(out));
  OpenPart open(&out);
  for (auto it = first; it != blocks->end(); ++it) {
    if (it == first || HasHeadingInside(*it)) {
      Lift(std::move(*it), &open, &out);
    } else {
      out.push_back(std::move(*it));
    }
  }
  *blocks = std::move(out);
}

}  // namespace xxgk::report
