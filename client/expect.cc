// `--expect agencies.csv`: which agencies must publish, and which did not.
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "client/commands.h"
#include "client/render.h"

namespace xxgk::client {
namespace {

// Splits one CSV record (RFC 4180 quoting; no embedded newlines).
std::vector<std::string> SplitCsvLine(std::string_view line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  for (auto& f : fields) f = std::string(absl::StripAsciiWhitespace(f));
  return fields;
}

}  // namespace

absl::StatusOr<std::vector<std::string>> ReadExpectedAgencies(const std::string& csv) {
  std::string_view text = csv;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<std::vector<std::string>> rows;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    start = end + 1;
    if (absl::StripAsciiWhitespace(absl::string_view(line.data(), line.size())).empty()) continue;
    if (line[0] == '#') continue;
    rows.push_back(SplitCsvLine(line));
  }
  if (rows.empty()) return absl::InvalidArgumentError("lists no agency");
  size_t column = 0;
  size_t first = 0;
  static const char* const kHeaders[] = {"agency", "name", "机关", "名称", "单位", "机关名称",
                                         "单位名称"};
  for (size_t c = 0; c < rows[0].size(); ++c) {
    std::string h = absl::AsciiStrToLower(rows[0][c]);
    for (const char* k : kHeaders) {
      if (h == k) {
        column = c;
        first = 1;
        break;
      }
    }
    if (first == 1) break;
  }
  std::vector<std::string> names;
  std::set<std::string> seen;
  for (size_t r = first; r < rows.size(); ++r) {
    if (column >= rows[r].size() || rows[r][column].empty()) continue;
    if (seen.insert(rows[r][column]).second) names.push_back(rows[r][column]);
  }
  if (names.empty()) return absl::InvalidArgumentError("lists no agency");
  return names;
}

std::vector<std::string> MissingAgencies(const std::vector<std::string>& expected,
                                         const std::vector<FileResult>& results) {
  std::set<std::string> agencies;
  for (const FileResult& r : results) {
    if (!r.response.meta().agency().empty()) agencies.insert(r.response.meta().agency());
  }
  std::vector<std::string> missing;
  for (const std::string& name : expected) {
    bool found = agencies.count(name) > 0;
    for (size_t i = 0; !found && i < results.size(); ++i) {
      std::string_view src = results[i].source;
      size_t slash = src.rfind('/');
      if (slash != std::string_view::npos) src.remove_prefix(slash + 1);
      found = absl::StrContains(absl::string_view(src.data(), src.size()), name);
    }
    if (!found) missing.push_back(name);
  }
  return missing;
}

}  // namespace xxgk::client
