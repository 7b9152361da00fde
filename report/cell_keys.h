// The catalogue of canonical cell keys (VOCABULARY.md "Cell keys").
//
// A key is the field path of a `Cell` below `xxgk.v1.Tables`, e.g.
// `t3.result.denied.state_secret.natural_person`. The catalogue is derived from
// the proto descriptors once, so the schema is the single source of truth.
#ifndef XXGK_REPORT_CELL_KEYS_H_
#define XXGK_REPORT_CELL_KEYS_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "xxgk/v1/report.pb.h"

namespace xxgk::report {

// Every canonical cell key, in schema order.
const std::vector<std::string>& AllCellKeys();

// True when `key` names a cell.
bool IsCellKey(std::string_view key);

// True when `prefix` is a table or group with cells below it ("t3",
// "t3.result.denied"), or a cell key itself.
bool IsKeyPrefix(std::string_view prefix);

// The keys matching `pattern`, where a `*` component matches exactly one path
// component. A pattern without `*` yields itself when it is a key. Empty when
// nothing matches.
std::vector<std::string> ExpandPattern(std::string_view pattern);

// A cell key resolved once to its field path, for callers that look the same
// key up in many reports (resolve at compile time, then FindCell per report).
// Lives as long as the program; never copied.
struct CellPath;

// The resolved path of `key`, or nullptr when `key` is not a cell key.
const CellPath* ResolveCellKey(std::string_view key);

// The key a path was resolved from, and its position in AllCellKeys().
const std::string& CellPathKey(const CellPath& path);
size_t CellPathIndex(const CellPath& path);

// The cell at `key`, or nullptr when the key is unknown or the cell was not
// read (its message is absent or its presence is PRESENCE_UNSPECIFIED).
const xxgk::v1::Cell* FindCell(const xxgk::v1::Tables& tables, std::string_view key);
// The same for a resolved key, without looking the key up.
const xxgk::v1::Cell* FindCell(const xxgk::v1::Tables& tables, const CellPath& path);

// The cell at `key`, created on demand; nullptr for an unknown key.
xxgk::v1::Cell* MutableCell(xxgk::v1::Tables* tables, std::string_view key);
xxgk::v1::Cell* MutableCell(xxgk::v1::Tables* tables, const CellPath& path);

// Looks cells up by resolved path, walking only the part of each path that
// differs from the previous one (keys in schema order share their parents:
// the seven cells of a table 三 row cost one walk and seven last steps).
// A CellCursor is valid while the tables do not change; a MutableCellCursor
// while no message on its last path is cleared or replaced.
class CellCursor {
 public:
  explicit CellCursor(const xxgk::v1::Tables& tables);
  // FindCell(tables, path).
  const xxgk::v1::Cell* Find(const CellPath& path);

 private:
  const CellPath* last_ = nullptr;
  std::vector<const google::protobuf::Message*> chain_;  // chain_[i]: after i steps
};

class MutableCellCursor {
 public:
  explicit MutableCellCursor(xxgk::v1::Tables* tables);
  // MutableCell(tables, path).
  xxgk::v1::Cell* Get(const CellPath& path);

 private:
  const CellPath* last_ = nullptr;
  std::vector<google::protobuf::Message*> chain_;
};

// Every read cell of one Tables, found in one walk (absent tables and groups
// are skipped whole); then a lookup by resolved path is an array read. For a
// caller that looks up many cells of a report that no longer changes (the
// rules engine: build once per report, resolve keys at compile time).
class CellIndex {
 public:
  explicit CellIndex(const xxgk::v1::Tables& tables);
  // FindCell(tables, path) / FindCell(tables, key).
  const xxgk::v1::Cell* Find(const CellPath& path) const;
  const xxgk::v1::Cell* Find(std::string_view key) const;
  // The cell of the key at `index` in AllCellKeys() (index < AllCellKeys().size()).
  const xxgk::v1::Cell* FindByIndex(size_t index) const { return cells_[index]; }

 private:
  std::vector<const xxgk::v1::Cell*> cells_;  // by CellPathIndex
};

// Calls `fn` for every cell that was read, in schema order.
void ForEachCell(const xxgk::v1::Tables& tables,
                 const std::function<void(const std::string& key, const xxgk::v1::Cell& cell)>& fn);

// "t3" for "t3.result.total.total".
std::string_view TableOfKey(std::string_view key);

// The value a cell prints as in `xxgk parse --output=cells`: the number,
// BLANK, NA or TEXT:<raw>. Empty for an unread cell.
std::string CellValueString(const xxgk::v1::Cell& cell);

}  // namespace xxgk::report

#endif  // XXGK_REPORT_CELL_KEYS_H_
