// `xxgk validate FILE...`
#include <map>
#include <mutex>
#include <optional>

#include "absl/strings/str_cat.h"
#include "client/commands.h"
#include "client/inputs.h"
#include "client/progress.h"
#include "client/render.h"

namespace xxgk::client {

int ExitCodeFor(const absl::Status& status) {
  if (status.ok()) return kExitOk;
  if (status.code() == absl::StatusCode::kUnavailable) return kExitUnreachable;
  return kExitUsage;
}

namespace {

std::string ErrorText(const absl::Status& s) {
  return std::string(s.message().empty() ? absl::StatusCodeToString(s.code()) : s.message());
}

// Last year's report, read once before any input is checked: a document is
// read by the backend (in-process or the server, as the inputs are) and
// sent as the report it reads to, so a document that cannot be read stops
// the command at once instead of failing every input, and no request
// carries it to be read again.
absl::StatusOr<xxgk::v1::PreviousReport> LoadPrevious(Backend& backend, const std::string& path) {
  absl::StatusOr<std::string> bytes = ReadInput(path);
  if (!bytes.ok()) return bytes.status();
  absl::StatusOr<xxgk::v1::ValidateRequest> request = BuildValidateRequest(path, *std::move(bytes));
  if (!request.ok()) return request.status();
  xxgk::v1::PreviousReport previous;
  if (request->has_report()) {
    *previous.mutable_report() = std::move(*request->mutable_report());
    return previous;
  }
  xxgk::v1::ParseRequest parse;
  *parse.mutable_document() = std::move(*request->mutable_document());
  absl::StatusOr<xxgk::v1::Report> report = backend.Parse(parse);
  if (!report.ok()) return report.status();
  *previous.mutable_report() = *std::move(report);
  return previous;
}

}  // namespace

int RunValidate(Backend& backend, const std::vector<std::string>& args, const ValidateFlags& flags,
                std::ostream& out, std::ostream& err) {
  const std::string& fmt = flags.output;
  if (fmt != "text" && fmt != "json" && fmt != "csv" && fmt != "html") {
    err << "xxgk validate: --output must be text, json, csv or html (got \"" << fmt << "\")\n";
    return kExitUsage;
  }
  if (args.empty()) {
    err << "xxgk validate: no input (give files, directories, globs or - for stdin)\n";
    return kExitUsage;
  }
  std::vector<std::string> expected;
  if (!flags.expect.empty()) {
    absl::StatusOr<std::string> csv = ReadInput(flags.expect);
    if (!csv.ok()) {
      err << "xxgk validate: --expect " << flags.expect << ": " << ErrorText(csv.status()) << "\n";
      return kExitUsage;
    }
    absl::StatusOr<std::vector<std::string>> names = ReadExpectedAgencies(*csv);
    if (!names.ok()) {
      err << "xxgk validate: --expect " << flags.expect << ": " << ErrorText(names.status())
          << "\n";
      return kExitUsage;
    }
    expected = *std::move(names);
  }

  xxgk::v1::ValidateOptions options;
  options.set_province(flags.province);
  options.set_ruleset(flags.ruleset);
  for (const auto& w : flags.waive) {
    if (!w.empty()) options.add_waive(w);
  }
  if (!flags.previous.empty()) {
    absl::StatusOr<xxgk::v1::PreviousReport> previous = LoadPrevious(backend, flags.previous);
    if (!previous.ok()) {
      err << "xxgk validate: --previous " << flags.previous << ": "
          << RefusalReason(previous.status(), flags.previous) << "\n";
      return previous.status().code() == absl::StatusCode::kUnavailable ? kExitUnreachable
                                                                         : kExitUsage;
    }
    *options.mutable_previous() = *std::move(previous);
  }

  std::vector<Input> inputs = ExpandInputs(args);
  const size_t n = inputs.size();
  std::vector<std::optional<FileResult>> slots(n);
  std::vector<FileResult> results;  // in input order
  results.reserve(n);
  size_t next_to_print = 0;
  bool unreachable = false;
  std::string unreachable_message;
  std::mutex mu;
  Progress progress(err, n, flags.progress);
  TextStyle style{flags.color};

  if (fmt == "csv") out << CsvHeader(flags.csv_bom);

  // Prints finished results in input order as soon as their turn comes.
  auto flush_ready = [&] {
    bool printed = false;
    while (next_to_print < n && slots[next_to_print].has_value()) {
      FileResult& r = *slots[next_to_print];
      if (!printed && fmt != "html" && flags.output_is_terminal) progress.Finish();
      printed = true;
      if (fmt == "json") {
        out << JsonLine(r);
      } else if (fmt == "text") {
        out << TextDiagnostics(r, style);
      } else if (fmt == "csv") {
        out << CsvRows(r);
      }
      if (fmt != "html") out.flush();
      results.push_back(std::move(r));
      slots[next_to_print].reset();
      ++next_to_print;
    }
  };

  auto make = [&](size_t i) -> absl::StatusOr<xxgk::v1::ValidateRequest> {
    if (!inputs[i].error.empty()) return absl::NotFoundError(inputs[i].error);
    absl::StatusOr<std::string> bytes = ReadInput(inputs[i].source);
    if (!bytes.ok()) return bytes.status();
    absl::StatusOr<xxgk::v1::ValidateRequest> request =
        BuildValidateRequest(inputs[i].source, *std::move(bytes));
    if (!request.ok()) return request.status();
    *request->mutable_options() = options;
    return request;
  };
  auto done = [&](size_t i, absl::StatusOr<xxgk::v1::ValidateResponse> response) {
    FileResult r;
    r.source = inputs[i].source;
    if (response.ok()) {
      r.response = *std::move(response);
    } else {
      r.error = RefusalReason(response.status(), inputs[i].source);
    }
    std::lock_guard<std::mutex> lock(mu);
    if (!response.ok() && response.status().code() == absl::StatusCode::kUnavailable) {
      unreachable = true;
      unreachable_message = r.error;
    }
    slots[i] = std::move(r);
    progress.Tick();
    flush_ready();
  };
  backend.ValidateBatch(n, make, done);
  progress.Finish();

  BatchSummary summary = Summarize(results);
  if (!expected.empty()) summary.missing_agencies = MissingAgencies(expected, results);
  if (fmt == "html") {
    out << HtmlPage(results, summary);
  } else if (fmt == "text") {
    if (n > 1 || !summary.missing_agencies.empty()) out << SummaryText(summary);
  } else if (n > 1 || !summary.missing_agencies.empty()) {
    err << SummaryText(summary);
  }
  out.flush();

  if (unreachable) {
    err << "xxgk: " << unreachable_message << "\n";
    return kExitUnreachable;
  }
  if (summary.unreadable > 0) return kExitUsage;
  if (summary.with_errors > 0) return kExitFindings;
  return kExitOk;
}

}  // namespace xxgk::client
