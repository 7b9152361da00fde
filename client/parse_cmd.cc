// `xxgk parse FILE|-`
#include <filesystem>

#include "absl/strings/str_cat.h"
#include "client/cells.h"
#include "client/commands.h"
#include "client/inputs.h"

namespace xxgk::client {

int RunParse(Backend& backend, const std::vector<std::string>& args, const ParseFlags& flags,
             std::ostream& out, std::ostream& err) {
  if (flags.output != "cells" && flags.output != "json" && flags.output != "text") {
    err << "xxgk parse: --output must be cells, json or text (got \"" << flags.output << "\")\n";
    return kExitUsage;
  }
  static const char* const kFormats[] = {"",         "text", "html", "mhtml",       "doc",
                                         "docx",     "word-xml", "rtf", "odt", "ofd", "pdf", "report-json",
                                         "report-textproto"};
  bool known = false;
  for (const char* f : kFormats) known = known || flags.input_format == f;
  if (!known) {
    err << "xxgk parse: --input_format must be text, html, mhtml, doc, docx, word-xml, rtf, odt, ofd or pdf (got \""
        << flags.input_format << "\")\n";
    return kExitUsage;
  }
  if (args.size() != 1) {
    err << "xxgk parse: give exactly one FILE (or - for stdin)\n";
    return kExitUsage;
  }
  const std::string& source = args[0];
  absl::StatusOr<std::string> bytes = ReadInput(source);
  if (!bytes.ok()) {
    err << source << ": " << bytes.status().message();
    std::error_code ec;
    if (std::filesystem::is_directory(source, ec)) {
      err << ": xxgk parse reads one file; `xxgk validate " << source
          << "` checks every file below it";
    }
    err << "\n";
    return kExitUsage;
  }
  xxgk::v1::ParseRequest request;
  *request.mutable_document() = MakeDocument(source, *std::move(bytes));
  request.set_input_format(flags.input_format);
  if (flags.input_format.empty() && HasStructuredExtension(source)) {
    request.set_input_format(source.size() >= 5 &&
                                     source.compare(source.size() - 5, 5, ".json") == 0
                                 ? "report-json"
                                 : "report-textproto");
  }
  absl::StatusOr<xxgk::v1::Report> report = backend.Parse(request);
  if (!report.ok()) {
    err << source << ": " << RefusalReason(report.status(), source) << "\n";
    return ExitCodeFor(report.status());
  }
  if (flags.output == "cells") {
    out << CellsOutput(*report);
  } else if (flags.output == "json") {
    out << ReportJson(*report);
  } else {
    out << ReportText(*report);
  }
  out.flush();
  return kExitOk;
}

}  // namespace xxgk::client
