// Which files a command runs over and how their bytes become a request.
#ifndef XXGK_CLIENT_INPUTS_H_
#define XXGK_CLIENT_INPUTS_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "xxgk/v1/service.pb.h"

namespace xxgk::client {

// One input as named on the command line (or found below a directory).
struct Input {
  std::string source;  // the path as given (or found); "-" for stdin
  // Set when the argument could not be expanded at all (no such file, a glob
  // matching nothing): reported for this input, the others still run.
  std::string error;
};

// Expands the arguments in order: "-" is stdin; a directory contributes every
// regular file below it (recursively, sorted, hidden entries skipped); an
// argument with glob characters (* ? [) that is not an existing path is
// expanded by glob(3). Anything else is kept as a file, with `error` set when
// it does not exist.
std::vector<Input> ExpandInputs(const std::vector<std::string>& args);

// The bytes of an input ("-": all of stdin).
absl::StatusOr<std::string> ReadInput(const std::string& source);

// True for names that say "structured report" (report::StructuredReportFormat).
bool HasStructuredExtension(const std::string& name);

// A validate request for these bytes: a structured report (JSON or text
// format of xxgk.v1.Report, by extension or content) is parsed here and sent
// as a Report; anything else is sent as a raw Document. A structured report
// that does not parse is an error naming the file and the place.
absl::StatusOr<xxgk::v1::ValidateRequest> BuildValidateRequest(const std::string& source,
                                                               std::string bytes);

// A raw document for `bytes` (file name without directories; none for stdin).
xxgk::v1::Document MakeDocument(const std::string& source, std::string bytes);

// Why an input was refused, to print after the path the user gave: the
// message without the request field it concerns ("document: ") and without
// the file name the request carried (`source`'s last part, "<input>" for
// stdin), which the path already says. "cannot read as pdf: ...", or
// "1:21: Expected integer ..." for a structured report's line and column.
std::string RefusalReason(const absl::Status& status, const std::string& source);

}  // namespace xxgk::client

#endif  // XXGK_CLIENT_INPUTS_H_
