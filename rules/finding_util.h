// Helpers for check kinds building findings: operands from cells, arithmetic
// strings ("21 + 0 ≠ 20 + 0"), cell locations.
#ifndef XXGK_RULES_FINDING_UTIL_H_
#define XXGK_RULES_FINDING_UTIL_H_

#include <string>
#include <string_view>
#include <vector>

#include "rules/cell_index.h"
#include "rules/decimal.h"
#include "xxgk/v1/finding.pb.h"
#include "xxgk/v1/report.pb.h"

namespace xxgk::rules {

// An operand for one cell: key, Chinese label (CellLabel), value used in the
// arithmetic ("0" for a BLANK/NA cell, the number otherwise, "" when the cell
// is missing or not a number), presence, raw text and span.
xxgk::v1::Operand CellOperand(std::string_view key, const xxgk::v1::Cell* cell);

// CellOperand(key, cell) written into `op` (e.g. one just added to a
// finding: no temporary message) for a key whose id is known
// (id == CellIdOf(key), not kNoCell): the label is not looked up again.
void FillCellOperand(std::string_view key, CellId id, const xxgk::v1::Cell* cell, xxgk::v1::Operand* op);

// The text shown for an operand in an arithmetic string: its value ("0" for a
// blank or NA cell; that it was blank is visible through Operand.presence).
std::string OperandTerm(const xxgk::v1::Operand& op);

// "21 + 0" for {"21", "0"}; "0" for an empty list.
std::string JoinTerms(const std::vector<std::string>& terms);

// Fills location.table / cell_keys / place / place_en for `keys` (place from
// PlaceOfKeys), location.section (SectionOfTable, unless already set) and
// location.span from the first cell (of the report `cells` indexes) that has a
// non-empty span. With `with_place` false, place and place_en are left alone
// (for a caller that sets its own place: PlaceOfKeys is not cheap).
void SetCellLocation(const CellIndex& cells, const std::vector<std::string>& keys, xxgk::v1::Location* location,
                     bool with_place = true);

// The same without the place, for keys given with their ids (ids[i] ==
// CellIdOf(keys[i]), or kNoCell for a key that names no cell): cells are
// found by id.
void SetCellLocation(const CellIndex& cells, const std::vector<std::string_view>& keys, const std::vector<CellId>& ids,
                     xxgk::v1::Location* location);

// The section a table stands in: t2 → ACTIVE_DISCLOSURE, t3 → APPLICATIONS,
// t4 → REVIEW_LITIGATION; KIND_UNSPECIFIED otherwise (legacy).
xxgk::v1::Section::Kind SectionOfTable(std::string_view table);

// A new finding with status FAIL (the engine fills rule id, set, severity,
// category, basis and title).
xxgk::v1::Finding NewFinding();

// When the reader found no report text at all (a page that only links the
// report's file or shows it as images, a PDF or OFD file whose pages are
// pictures), a part or table the report lacks
// cannot be told from one the page leaves out: `f` becomes NOT_ASSESSABLE
// and INFO, its messages say why. Returns whether it did.
bool NotAssessableWithoutReportText(const xxgk::v1::Report& report, xxgk::v1::Finding* f);

// The (first) section of `kind`, or nullptr.
const xxgk::v1::Section* FindSection(const xxgk::v1::Report& report, xxgk::v1::Section::Kind kind);

}  // namespace xxgk::rules

#endif  // XXGK_RULES_FINDING_UTIL_H_
