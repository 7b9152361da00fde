#include "client/cells.h"

#include "report/vocabulary.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "google/protobuf/util/json_util.h"
#include "report/cell_keys.h"

namespace xxgk::client {

std::string AgencyLevelName(xxgk::v1::AgencyLevel level) {
  if (level == xxgk::v1::AGENCY_LEVEL_UNSPECIFIED) return "";
  return absl::AsciiStrToLower(xxgk::v1::AgencyLevel_Name(level));
}

std::string FormatName(xxgk::v1::FormatVersion format) { return report::FormatVersionName(format); }

std::string ScriptName(xxgk::v1::Script script) {
  switch (script) {
    case xxgk::v1::SIMPLIFIED:
      return "simplified";
    case xxgk::v1::TRADITIONAL:
      return "traditional";
    default:
      return "";
  }
}

std::string DateString(const xxgk::v1::Date& date) {
  if (date.year() <= 0 || date.month() <= 0 || date.day() <= 0) return "";
  return absl::StrFormat("%04d-%02d-%02d", date.year(), date.month(), date.day());
}

std::vector<std::pair<std::string, std::string>> ReportFacts(const xxgk::v1::Report& report) {
  std::vector<std::pair<std::string, std::string>> facts;
  auto add = [&](std::string key, std::string value) {
    if (!value.empty()) facts.emplace_back(std::move(key), std::move(value));
  };
  const xxgk::v1::Metadata& m = report.meta();
  if (m.report_year() > 0) add("meta.year", absl::StrCat(m.report_year()));
  add("meta.agency", m.agency());
  add("meta.province", m.province());
  add("meta.region_code", m.region_code());
  add("meta.agency_level", AgencyLevelName(m.agency_level()));
  add("meta.format", FormatName(m.format_version()));
  if (m.has_publish_date()) add("meta.publish_date", DateString(m.publish_date()));
  add("meta.script", ScriptName(m.script()));
  for (const xxgk::v1::Section& s : report.sections()) {
    if (s.kind() == xxgk::v1::Section::KIND_UNSPECIFIED) continue;
    add(absl::StrCat("section.", xxgk::v1::Section::Kind_Name(s.kind())), "present");
  }
  report::ForEachCell(report.tables(), [&](const std::string& key, const xxgk::v1::Cell& cell) {
    add(key, report::CellValueString(cell));
  });
  std::sort(facts.begin(), facts.end());
  facts.erase(std::unique(facts.begin(), facts.end(),
                          [](const auto& a, const auto& b) { return a.first == b.first; }),
              facts.end());
  return facts;
}

std::string CellsOutput(const xxgk::v1::Report& report) {
  std::string out;
  for (const auto& [key, value] : ReportFacts(report)) {
    // A value never spans lines: a TEXT cell's raw text is kept on one line.
    std::string v = value;
    std::replace(v.begin(), v.end(), '\n', ' ');
    std::replace(v.begin(), v.end(), '\t', ' ');
    absl::StrAppend(&out, key, "\t", v, "\n");
  }
  return out;
}

std::string ReportJson(const xxgk::v1::Report& report) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  std::string json;
  if (!google::protobuf::util::MessageToJsonString(report, &json, options).ok()) return "{}\n";
  return json + "\n";
}

std::string ReportText(const xxgk::v1::Report& report) {
  std::string out;
  const xxgk::v1::Metadata& m = report.meta();
  if (!m.title().empty()) absl::StrAppend(&out, m.title(), "\n");
  auto line = [&](const char* label, const std::string& value) {
    if (!value.empty()) absl::StrAppend(&out, "  ", label, ": ", value, "\n");
  };
  line("agency", m.agency());
  line("agency level", AgencyLevelName(m.agency_level()));
  line("province", m.province());
  line("region code", m.region_code());
  line("year", m.report_year() > 0 ? absl::StrCat(m.report_year()) : "");
  line("format", FormatName(m.format_version()));
  line("published", m.has_publish_date() ? DateString(m.publish_date()) : "");
  line("script", ScriptName(m.script()));
  if (report.has_source()) {
    line("read as", report.source().input_format());
    line("encoding", report.source().encoding());
  }
  if (!report.sections().empty()) absl::StrAppend(&out, "sections:\n");
  for (const xxgk::v1::Section& s : report.sections()) {
    absl::StrAppend(&out, "  ", xxgk::v1::Section::Kind_Name(s.kind()), "  ", s.heading(), "  (",
                    s.text().size(), " bytes)\n");
  }
  if (!report.notes().empty()) absl::StrAppend(&out, "reading notes:\n");
  for (const xxgk::v1::ReadingNote& n : report.notes()) {
    absl::StrAppend(&out, "  ", xxgk::v1::ReadingNote::Kind_Name(n.kind()), ": ", n.message());
    if (!n.excerpt().empty()) absl::StrAppend(&out, " «", n.excerpt(), "»");
    if (n.more_places() > 0) absl::StrAppend(&out, " (and ", n.more_places(), " more like it)");
    absl::StrAppend(&out, "\n");
  }
  bool any_cell = false;
  report::ForEachCell(report.tables(), [&](const std::string& key, const xxgk::v1::Cell& cell) {
    if (!any_cell) absl::StrAppend(&out, "cells:\n");
    any_cell = true;
    absl::StrAppend(&out, "  ", key, " = ", report::CellValueString(cell), "\n");
  });
  return out;
}

}  // namespace xxgk::client
