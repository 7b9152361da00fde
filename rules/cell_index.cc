#include "rules/cell_index.h"

#include "report/cell_keys.h"

namespace xxgk::rules {

int CellCount() { return static_cast<int>(report::AllCellKeys().size()); }

CellId CellIdOf(std::string_view key) {
  const report::CellPath* path = report::ResolveCellKey(key);
  return path == nullptr ? kNoCell : static_cast<CellId>(report::CellPathIndex(*path));
}

const std::string& CellKeyOf(CellId id) { return report::AllCellKeys()[static_cast<size_t>(id)]; }

std::vector<CellId> CellIdsOf(const std::vector<std::string>& keys) {
  std::vector<CellId> out;
  out.reserve(keys.size());
  for (const auto& k : keys) out.push_back(CellIdOf(k));
  return out;
}

}  // namespace xxgk::rules
