// `xxgk validate` outputs: one result per input, rendered as JSON lines,
// compiler-style text, CSV rows or one HTML page for the batch.
#ifndef XXGK_CLIENT_RENDER_H_
#define XXGK_CLIENT_RENDER_H_

#include <string>
#include <vector>

#include "xxgk/v1/service.pb.h"

namespace xxgk::client {

// What validating one input gave.
struct FileResult {
  std::string source;   // the path as given ("-" for stdin)
  std::string error;    // non-empty: the input could not be read/validated at all
  xxgk::v1::ValidateResponse response;
};

// True when the result has an ERROR finding that was not waived.
bool HasError(const FileResult& r);

// Counts over a batch, and the agencies of an --expect list that had no report.
struct BatchSummary {
  int files = 0;
  int unreadable = 0;
  int with_errors = 0;
  int with_warnings = 0;     // files with a warning but no error
  int clean = 0;             // no error, no warning
  int errors = 0;            // findings, waived ones not counted
  int warnings = 0;
  int infos = 0;
  int waived = 0;
  std::vector<std::string> missing_agencies;
};

BatchSummary Summarize(const std::vector<FileResult>& results);

// One JSON object on one line (VOCABULARY.md): source, ruleset (ids),
// rulesets (id, version, content_hash, reason), meta, findings, summary; or
// source and error.
std::string JsonLine(const FileResult& r);

// The JSON object of one finding (proto field names; every location field).
std::string FindingJson(const xxgk::v1::Finding& f);

// Compiler-style diagnostics:
//   file[:line]: error [T3-A] message
//       at: 表三 · ...
//       | excerpt
//       = 21 + 0 ≠ 20 + 0
struct TextStyle {
  bool color = false;
};
std::string TextDiagnostics(const FileResult& r, const TextStyle& style);
std::string SummaryText(const BatchSummary& s);

// CSV (RFC 4180, UTF-8; `bom` prefixes U+FEFF for Excel): header, then one
// row per finding; an unreadable input is one row with the error column set.
std::string CsvHeader(bool bom);
std::string CsvRows(const FileResult& r);

// One self-contained HTML page for a batch (no network): totals, one row per
// report (agency, province, level, year, errors, warnings, main categories,
// link to its findings), failing reports per rule with a bar chart, filters
// by severity and province, then every report's findings.
std::string HtmlPage(const std::vector<FileResult>& results, const BatchSummary& summary);

}  // namespace xxgk::client

#endif  // XXGK_CLIENT_RENDER_H_
