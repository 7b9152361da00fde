// Cell lookup by dense integer id instead of by key string.
//
// Check kinds resolve their cell keys (templates, `*` wildcards, table
// prefixes) to CellIds once, when the rule set is compiled; each evaluation
// builds one CellIndex over the report's tables (a single walk of the Tables
// message) and reads cells by id. CellIndex::Find(id) is exactly
// report::FindCell(tables, CellKeyOf(id)).
#ifndef XXGK_RULES_CELL_INDEX_H_
#define XXGK_RULES_CELL_INDEX_H_

#include <string>
#include <string_view>
#include <vector>

#include "report/cell_keys.h"
#include "xxgk/v1/report.pb.h"

namespace xxgk::rules {

// Position of a key in report::AllCellKeys() (schema order).
using CellId = int;
inline constexpr CellId kNoCell = -1;

// Number of canonical cell keys.
int CellCount();

// The id of `key`, or kNoCell when it names no cell.
CellId CellIdOf(std::string_view key);

// The key of `id` (0 <= id < CellCount()).
const std::string& CellKeyOf(CellId id);

// Ids of keys (which must be cell keys), in the same order.
std::vector<CellId> CellIdsOf(const std::vector<std::string>& keys);

// Every cell that was read in one Tables message (report::CellIndex: one
// walk of the message), looked up by id.
class CellIndex {
 public:
  explicit CellIndex(const xxgk::v1::Tables& tables) : index_(tables) {}

  // The cell at `id`, or nullptr when it was not read (as report::FindCell).
  const xxgk::v1::Cell* Find(CellId id) const { return index_.FindByIndex(static_cast<size_t>(id)); }

  // The cell at `key` (nullptr for an unknown key), for paths that hold keys
  // rather than ids (findings); one hash lookup.
  const xxgk::v1::Cell* Find(std::string_view key) const { return index_.Find(key); }

 private:
  report::CellIndex index_;
};

}  // namespace xxgk::rules

#endif  // XXGK_RULES_CELL_INDEX_H_
