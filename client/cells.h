// `xxgk parse` outputs: the facts read from one report.
#ifndef XXGK_CLIENT_CELLS_H_
#define XXGK_CLIENT_CELLS_H_

#include <string>
#include <utility>
#include <vector>

#include "xxgk/v1/report.pb.h"

namespace xxgk::client {

// Every known fact as (key, value), sorted by key: meta.* keys that were
// found, section.<KIND> = present, and every cell read (VOCABULARY.md).
std::vector<std::pair<std::string, std::string>> ReportFacts(const xxgk::v1::Report& report);

// `--output=cells`: one `key<TAB>value` line per fact.
std::string CellsOutput(const xxgk::v1::Report& report);

// `--output=json`: the Report in proto3 JSON (proto field names), one line.
std::string ReportJson(const xxgk::v1::Report& report);

// `--output=text`: a readable account — metadata, sections with their
// headings, reading notes, then the cells.
std::string ReportText(const xxgk::v1::Report& report);

// Lower-case names used in the cells output.
std::string AgencyLevelName(xxgk::v1::AgencyLevel level);  // "county_department"
std::string FormatName(xxgk::v1::FormatVersion format);    // "2021", "2019", "legacy"
std::string ScriptName(xxgk::v1::Script script);          // "simplified"
std::string DateString(const xxgk::v1::Date& date);        // "2025-01-15", "" when incomplete

}  // namespace xxgk::client

#endif  // XXGK_CLIENT_CELLS_H_
