// Turning a document into an xxgk.v1.Report: the entry point of report/.
#ifndef XXGK_REPORT_PARSE_H_
#define XXGK_REPORT_PARSE_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "xxgk/v1/report.pb.h"
#include "xxgk/v1/service.pb.h"

namespace xxgk::report {

struct ParseOptions {
  // "text", "html", "mhtml", "doc", "docx", "word-xml", "rtf", "odt", "ofd", "pdf",
  // "report-json", "report-textproto"; empty: sniff from the content type, the file name and the bytes.
  std::string input_format;
};

// Whether a file is a structured report rather than a published document,
// decided once for every caller (server sniffing, CLI inputs): "report-json"
// or "report-textproto", else "". The name decides first (.json; .textproto,
// .txtpb, .pbtxt, .textpb, .pb.txt; case-insensitive), then the content:
// JSON is an object opening with a key or closing at once (`{"`, `{}`), text
// format is one whose first statement after blank lines and # comments is a
// field of xxgk.v1.Report followed by `{` or `:`. A UTF-8 BOM is skipped.
// Pass an empty `bytes` to decide by the name alone.
std::string StructuredReportFormat(std::string_view file_name, std::string_view bytes);

// The input format a document will be read as (sniffing as in ParseDocument).
std::string SniffFormat(const xxgk::v1::Document& doc);

// Reads a raw published document (or a structured report in JSON/textproto)
// into a Report. Problems with the content are ReadingNotes in the Report,
// not errors: only input that cannot be read at all is an error
// (InvalidArgument, naming what is wrong).
absl::StatusOr<xxgk::v1::Report> ParseDocument(const xxgk::v1::Document& doc,
                                               const ParseOptions& options = {});

// ParseDocument into `out` (empty; it may live on a protobuf Arena). On an
// error `out` holds nothing useful.
absl::Status ParseDocumentInto(const xxgk::v1::Document& doc, const ParseOptions& options,
                               xxgk::v1::Report* out);

// Builds what report/ otherwise builds on first use (the normalisation and
// traditional→simplified tables, the gazetteer, compiled patterns) by reading
// a short built-in text report in traditional script with sections, tables,
// a title and prose figures. A server calls it before it reports SERVING, so
// no client's first request pays tens of milliseconds of set-up. Returns the
// report it read, so tests can see that the sample went through those paths.
absl::StatusOr<xxgk::v1::Report> WarmUp();

// Reads a structured report: JSON (proto3 JSON mapping of xxgk.v1.Report) or
// text-format proto. Errors name the file and the line or field path.
absl::StatusOr<xxgk::v1::Report> ParseStructuredReport(std::string_view bytes,
                                                       std::string_view file_name,
                                                       std::string_view format);

}  // namespace xxgk::report

#endif  // XXGK_REPORT_PARSE_H_
