#include "client/inputs.h"

#include <glob.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <system_error>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "report/parse.h"

namespace xxgk::client {
namespace fs = std::filesystem;

namespace {

bool IsHidden(const fs::path& p) {
  std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

void AddDirectory(const std::string& dir, std::vector<Input>* out) {
  std::vector<std::string> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    out->push_back({dir, absl::StrCat("cannot list directory: ", ec.message())});
    return;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    if (IsHidden(it->path())) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec)) files.push_back(it->path().string());
  }
  std::sort(files.begin(), files.end());
  for (auto& f : files) out->push_back({std::move(f), ""});
}

bool HasGlobChars(const std::string& s) { return s.find_first_of("*?[") != std::string::npos; }

}  // namespace

std::vector<Input> ExpandInputs(const std::vector<std::string>& args) {
  std::vector<Input> out;
  for (const std::string& arg : args) {
    if (arg == "-") {
      out.push_back({arg, ""});
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(arg, ec);
    if (!ec && fs::is_directory(st)) {
      AddDirectory(arg, &out);
      continue;
    }
    if (!ec && fs::exists(st)) {
      out.push_back({arg, ""});
      continue;
    }
    if (HasGlobChars(arg)) {
      glob_t g{};
      int rc = glob(arg.c_str(), 0, nullptr, &g);
      if (rc == 0) {
        for (size_t i = 0; i < g.gl_pathc; ++i) {
          std::string p = g.gl_pathv[i];
          if (fs::is_directory(p, ec)) {
            AddDirectory(p, &out);
          } else {
            out.push_back({p, ""});
          }
        }
        globfree(&g);
        continue;
      }
      globfree(&g);
      out.push_back({arg, "no file matches this pattern"});
      continue;
    }
    out.push_back({arg, "no such file or directory"});
  }
  return out;
}

absl::StatusOr<std::string> ReadInput(const std::string& source) {
  if (source == "-") {
    std::string data((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    if (std::cin.bad()) return absl::DataLossError("cannot read standard input");
    return data;
  }
  std::error_code ec;
  if (fs::is_directory(source, ec)) return absl::InvalidArgumentError("is a directory");
  std::ifstream in(source, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(
        absl::StrCat("cannot open: ", std::make_error_code(std::errc(errno)).message()));
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return absl::DataLossError("read error");
  return ss.str();
}

bool HasStructuredExtension(const std::string& name) {
  return !report::StructuredReportFormat(name, "").empty();
}

xxgk::v1::Document MakeDocument(const std::string& source, std::string bytes) {
  xxgk::v1::Document doc;
  doc.set_content(std::move(bytes));
  if (source != "-") doc.set_file_name(fs::path(source).filename().string());
  return doc;
}

std::string RefusalReason(const absl::Status& status, const std::string& source) {
  absl::string_view why = status.message();
  if (why.empty()) return std::string(absl::StatusCodeToString(status.code()));
  absl::ConsumePrefix(&why, "document: ");
  // Structured reports are read here under the path itself; documents under
  // their file name (the server never sees the path).
  const std::string name = source == "-" ? "<input>" : fs::path(source).filename().string();
  for (const std::string& prefix : {source, name}) {
    absl::string_view rest = why;
    if (absl::ConsumePrefix(&rest, prefix) && absl::StartsWith(rest, ":")) {
      if (!absl::ConsumePrefix(&rest, ": ")) rest.remove_prefix(1);
      return std::string(rest);
    }
  }
  return std::string(why);
}

absl::StatusOr<xxgk::v1::ValidateRequest> BuildValidateRequest(const std::string& source,
                                                               std::string bytes) {
  xxgk::v1::ValidateRequest request;
  xxgk::v1::Document doc = MakeDocument(source, std::move(bytes));
  // by name, else as the server would sniff it (report::StructuredReportFormat
  // decides for both)
  std::string format = report::StructuredReportFormat(source, "");
  if (format.empty()) format = report::SniffFormat(doc);
  if (format == "report-json" || format == "report-textproto") {
    absl::StatusOr<xxgk::v1::Report> report =
        report::ParseStructuredReport(doc.content(), source, format);
    if (!report.ok()) return report.status();
    *request.mutable_report() = *std::move(report);
    return request;
  }
  *request.mutable_document() = std::move(doc);
  return request;
}

}  // namespace xxgk::client
