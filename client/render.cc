#include "client/render.h"

#include <algorithm>
#include <map>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "client/cells.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"

namespace xxgk::client {
namespace {

using google::protobuf::util::JsonPrintOptions;
using google::protobuf::util::MessageToJsonString;

std::string ToJson(const google::protobuf::Message& m, bool defaults) {
  JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  options.always_print_primitive_fields = defaults;
  std::string out;
  if (!MessageToJsonString(m, &out, options).ok()) return "{}";
  return out;
}

// A JSON string literal, escaped by protobuf's printer.
std::string JsonString(const std::string& s) {
  google::protobuf::Value v;
  v.set_string_value(s);
  return ToJson(v, false);
}

std::string SeverityWord(xxgk::v1::Severity s) {
  switch (s) {
    case xxgk::v1::ERROR:
      return "error";
    case xxgk::v1::WARNING:
      return "warning";
    case xxgk::v1::INFO:
      return "info";
    default:
      return "note";
  }
}

std::string PlaceOf(const xxgk::v1::Location& loc) {
  if (!loc.place().empty()) return loc.place();
  std::vector<std::string> parts;
  if (loc.section() != xxgk::v1::Section::KIND_UNSPECIFIED) {
    parts.push_back(xxgk::v1::Section::Kind_Name(loc.section()));
  }
  if (!loc.cell_keys().empty()) parts.push_back(absl::StrJoin(loc.cell_keys(), ", "));
  return absl::StrJoin(parts, " · ");
}

std::string OneLine(std::string s) {
  std::replace(s.begin(), s.end(), '\n', ' ');
  std::replace(s.begin(), s.end(), '\r', ' ');
  return s;
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  return absl::StrCat("\"", absl::StrReplaceAll(s, {{"\"", "\"\""}}), "\"");
}

std::string Html(const std::string& s) {
  return absl::StrReplaceAll(
      s, {{"&", "&amp;"}, {"<", "&lt;"}, {">", "&gt;"}, {"\"", "&quot;"}, {"'", "&#39;"}});
}

}  // namespace

bool HasError(const FileResult& r) {
  if (!r.error.empty()) return false;
  for (const auto& f : r.response.findings()) {
    if (f.severity() == xxgk::v1::ERROR && !f.waived()) return true;
  }
  return false;
}

BatchSummary Summarize(const std::vector<FileResult>& results) {
  BatchSummary s;
  for (const FileResult& r : results) {
    ++s.files;
    if (!r.error.empty()) {
      ++s.unreadable;
      continue;
    }
    int e = 0, w = 0;
    for (const auto& f : r.response.findings()) {
      if (f.waived()) {
        ++s.waived;
        continue;
      }
      switch (f.severity()) {
        case xxgk::v1::ERROR:
          ++e;
          break;
        case xxgk::v1::WARNING:
          ++w;
          break;
        default:
          ++s.infos;
      }
    }
    s.errors += e;
    s.warnings += w;
    if (e > 0) {
      ++s.with_errors;
    } else if (w > 0) {
      ++s.with_warnings;
    } else {
      ++s.clean;
    }
  }
  return s;
}

// Every scalar of the finding and every field of its location are always
// present (consumers need not guess defaults); operands and basis are printed
// as set, so unset spans do not fill the line with zeros.
std::string FindingJson(const xxgk::v1::Finding& f) {
  xxgk::v1::Finding scalars = f;
  scalars.clear_location();
  scalars.clear_operands();
  scalars.clear_basis();
  std::string head = ToJson(scalars, true);  // {"rule_id":...,"operands":[],...}
  if (!f.operands().empty()) {
    xxgk::v1::Finding only;
    *only.mutable_operands() = f.operands();
    std::string ops = ToJson(only, false);   // {"operands":[...]}
    const std::string key = "\"operands\":";
    std::string array = ops.substr(key.size() + 1, ops.size() - key.size() - 2);
    head = absl::StrReplaceAll(head, {{key + "[]", key + array}});
  }
  head.pop_back();
  std::string out = absl::StrCat(head, ",\"location\":", ToJson(f.location(), true));
  if (f.has_basis()) absl::StrAppend(&out, ",\"basis\":", ToJson(f.basis(), false));
  return out + "}";
}

std::string JsonLine(const FileResult& r) {
  if (!r.error.empty()) {
    return absl::StrCat("{\"source\":", JsonString(r.source), ",\"error\":", JsonString(r.error),
                        "}\n");
  }
  const xxgk::v1::ValidateResponse& resp = r.response;
  std::vector<std::string> ids, sets, findings;
  for (const auto& a : resp.rulesets()) {
    ids.push_back(JsonString(a.id()));
    sets.push_back(ToJson(a, true));
  }
  for (const auto& f : resp.findings()) findings.push_back(FindingJson(f));
  return absl::StrCat("{\"source\":", JsonString(r.source), ",\"ruleset\":[",
                      absl::StrJoin(ids, ","), "],\"rulesets\":[", absl::StrJoin(sets, ","),
                      "],\"meta\":", ToJson(resp.meta(), false), ",\"findings\":[",
                      absl::StrJoin(findings, ","), "],\"summary\":", ToJson(resp.summary(), true),
                      "}\n");
}

std::string TextDiagnostics(const FileResult& r, const TextStyle& style) {
  auto paint = [&](const char* code, const std::string& s) {
    return style.color ? absl::StrCat("\033[", code, "m", s, "\033[0m") : s;
  };
  std::string out;
  if (!r.error.empty()) {
    absl::StrAppend(&out, paint("1", r.source + ":"), " ", paint("1;31", "error:"), " ",
                    OneLine(r.error), "\n");
    return out;
  }
  for (const xxgk::v1::Finding& f : r.response.findings()) {
    std::string where = r.source;
    if (f.location().span().line() > 0) absl::StrAppend(&where, ":", f.location().span().line());
    const char* color = f.severity() == xxgk::v1::ERROR     ? "1;31"
                        : f.severity() == xxgk::v1::WARNING ? "1;35"
                                                            : "1;36";
    absl::StrAppend(&out, paint("1", where + ":"), " ", paint(color, SeverityWord(f.severity())),
                    " [", f.rule_id(), "] ", OneLine(f.message()));
    if (f.waived()) absl::StrAppend(&out, " (waived)");
    if (f.status() == xxgk::v1::Finding::UNCERTAIN) {
      absl::StrAppend(&out, " (uncertain", f.uncertain_reason().empty() ? "" : ": ",
                      OneLine(f.uncertain_reason()), ")");
    } else if (f.status() == xxgk::v1::Finding::NOT_ASSESSABLE) {
      absl::StrAppend(&out, " (not assessable)");
    }
    absl::StrAppend(&out, "\n");
    std::string place = PlaceOf(f.location());
    if (!place.empty()) absl::StrAppend(&out, "    at: ", OneLine(place), "\n");
    if (!f.location().excerpt().empty()) {
      absl::StrAppend(&out, "    | ", OneLine(f.location().excerpt()), "\n");
    }
    if (!f.arithmetic().empty()) {
      absl::StrAppend(&out, "    = ", OneLine(f.arithmetic()), "\n");
    } else if (!f.expected().empty() || !f.actual().empty()) {
      std::vector<std::string> parts;
      if (!f.expected().empty()) parts.push_back("expected " + OneLine(f.expected()));
      if (!f.actual().empty()) parts.push_back("found " + OneLine(f.actual()));
      absl::StrAppend(&out, "    ", absl::StrJoin(parts, ", "), "\n");
    }
  }
  return out;
}

std::string SummaryText(const BatchSummary& s) {
  std::string out = absl::StrFormat(
      "%d file%s checked: %d with errors, %d with warnings only, %d clean, %d unreadable; "
      "%d errors, %d warnings, %d infos",
      s.files, s.files == 1 ? "" : "s", s.with_errors, s.with_warnings, s.clean, s.unreadable,
      s.errors, s.warnings, s.infos);
  if (s.waived > 0) absl::StrAppend(&out, ", ", s.waived, " waived");
  absl::StrAppend(&out, "\n");
  if (!s.missing_agencies.empty()) {
    absl::StrAppend(&out, s.missing_agencies.size(), " expected agenc",
                    s.missing_agencies.size() == 1 ? "y has" : "ies have", " no report:\n");
    for (const auto& a : s.missing_agencies) absl::StrAppend(&out, "  ", a, "\n");
  }
  return out;
}

std::string CsvHeader(bool bom) {
  return absl::StrCat(bom ? "\xEF\xBB\xBF" : "",
                      "source,agency,province,year,ruleset,rule_id,severity,category,status,waived,"
                      "message,place,section,cell_keys,excerpt,arithmetic,error\r\n");
}

std::string CsvRows(const FileResult& r) {
  std::string out;
  auto row = [&](const std::vector<std::string>& fields) {
    std::vector<std::string> quoted;
    for (const auto& f : fields) quoted.push_back(CsvField(f));
    absl::StrAppend(&out, absl::StrJoin(quoted, ","), "\r\n");
  };
  if (!r.error.empty()) {
    row({r.source, "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", r.error});
    return out;
  }
  const auto& m = r.response.meta();
  std::vector<std::string> ids;
  for (const auto& a : r.response.rulesets()) ids.push_back(a.id());
  std::string year = m.report_year() > 0 ? absl::StrCat(m.report_year()) : "";
  for (const auto& f : r.response.findings()) {
    const auto& loc = f.location();
    row({r.source, m.agency(), m.province(), year, absl::StrJoin(ids, " "), f.rule_id(),
         xxgk::v1::Severity_Name(f.severity()), xxgk::v1::Category_Name(f.category()),
         xxgk::v1::Finding::Status_Name(f.status()), f.waived() ? "true" : "false", f.message(),
         loc.place(),
         loc.section() == xxgk::v1::Section::KIND_UNSPECIFIED
             ? ""
             : xxgk::v1::Section::Kind_Name(loc.section()),
         absl::StrJoin(loc.cell_keys(), " "), loc.excerpt(), f.arithmetic(), ""});
  }
  return out;
}

std::string HtmlPage(const std::vector<FileResult>& results, const BatchSummary& summary) {
  struct RuleStat {
    std::string title;
    int reports = 0;
    int max_severity = 0;
  };
  std::map<std::string, RuleStat> rules;
  std::set<std::string> provinces;
  std::string rows, details;
  for (size_t i = 0; i < results.size(); ++i) {
    const FileResult& r = results[i];
    const auto& m = r.response.meta();
    std::string anchor = absl::StrCat("r", i);
    int e = 0, w = 0;
    std::map<std::string, int> categories;
    std::set<std::string> rules_here;
    std::string items;
    for (const auto& f : r.response.findings()) {
      if (!f.waived()) {
        if (f.severity() == xxgk::v1::ERROR) ++e;
        if (f.severity() == xxgk::v1::WARNING) ++w;
        ++categories[xxgk::v1::Category_Name(f.category())];
        if (rules_here.insert(f.rule_id()).second) {
          RuleStat& st = rules[f.rule_id()];
          ++st.reports;
          if (st.title.empty()) st.title = f.title();
          st.max_severity = std::max<int>(st.max_severity, f.severity());
        }
      }
      std::string extra;
      std::string place = PlaceOf(f.location());
      if (!place.empty()) absl::StrAppend(&extra, "<div class=\"at\">", Html(place), "</div>");
      if (!f.location().excerpt().empty()) {
        absl::StrAppend(&extra, "<blockquote>", Html(f.location().excerpt()), "</blockquote>");
      }
      if (!f.arithmetic().empty()) {
        absl::StrAppend(&extra, "<code>", Html(f.arithmetic()), "</code>");
      }
      absl::StrAppend(&items, "<li class=\"sev-", SeverityWord(f.severity()),
                      f.waived() ? " waived" : "", "\"><b>", SeverityWord(f.severity()),
                      "</b> [", Html(f.rule_id()), "] ", Html(f.message()),
                      f.waived() ? " (waived)" : "", extra, "</li>\n");
    }
    std::vector<std::pair<int, std::string>> top;
    for (const auto& [c, n] : categories) top.emplace_back(-n, c);
    std::sort(top.begin(), top.end());
    std::vector<std::string> main_categories;
    for (size_t k = 0; k < top.size() && k < 3; ++k) {
      main_categories.push_back(absl::StrCat(top[k].second, " ×", -top[k].first));
    }
    std::string status = !r.error.empty() ? "unreadable"
                         : e > 0          ? "error"
                         : w > 0          ? "warning"
                                          : "clean";
    if (!m.province().empty()) provinces.insert(m.province());
    std::string level = AgencyLevelName(m.agency_level());
    std::string year = m.report_year() > 0 ? absl::StrCat(m.report_year()) : "";
    absl::StrAppend(
        &rows, "<tr class=\"report ", status, "\" data-status=\"", status, "\" data-province=\"",
        Html(m.province()), "\"><td><a href=\"#", anchor, "\">", Html(r.source), "</a></td><td>",
        Html(m.agency()), "</td><td>", Html(m.province()), "</td><td>", Html(level), "</td><td>",
        year, "</td><td class=\"num errors\">", e, "</td><td class=\"num warnings\">", w,
        "</td><td>",
        r.error.empty() ? Html(absl::StrJoin(main_categories, ", "))
                        : absl::StrCat("<span class=\"unreadable\">", Html(r.error), "</span>"),
        "</td></tr>\n");
    absl::StrAppend(&details, "<section class=\"findings\" id=\"", anchor, "\" data-status=\"",
                    status, "\" data-province=\"", Html(m.province()), "\"><h3>", Html(r.source),
                    m.agency().empty() ? "" : " — ", Html(m.agency()), "</h3>");
    if (!r.error.empty()) {
      absl::StrAppend(&details, "<p class=\"unreadable\">", Html(r.error), "</p>");
    } else if (items.empty()) {
      absl::StrAppend(&details, "<p>No findings.</p>");
    } else {
      absl::StrAppend(&details, "<ul>\n", items, "</ul>");
    }
    absl::StrAppend(&details, "</section>\n");
  }

  std::vector<std::pair<int, std::string>> by_count;
  int max_count = 1;
  for (const auto& [id, st] : rules) {
    by_count.emplace_back(-st.reports, id);
    max_count = std::max(max_count, st.reports);
  }
  std::sort(by_count.begin(), by_count.end());
  std::string rule_rows;
  for (const auto& [neg, id] : by_count) {
    const RuleStat& st = rules[id];
    int pct = static_cast<int>(100.0 * st.reports / max_count + 0.5);
    absl::StrAppend(&rule_rows, "<tr class=\"rule\" data-rule=\"", Html(id), "\"><td>", Html(id),
                    "</td><td>", Html(st.title), "</td><td>",
                    SeverityWord(static_cast<xxgk::v1::Severity>(st.max_severity)),
                    "</td><td class=\"num rule-count\">", st.reports,
                    "</td><td class=\"chart\"><div class=\"bar sev-",
                    SeverityWord(static_cast<xxgk::v1::Severity>(st.max_severity)),
                    "\" style=\"width:", pct, "%\"></div></td></tr>\n");
  }
  std::string province_options;
  for (const auto& p : provinces) {
    absl::StrAppend(&province_options, "<option value=\"", Html(p), "\">", Html(p), "</option>");
  }
  std::string missing;
  if (!summary.missing_agencies.empty()) {
    absl::StrAppend(&missing, "<h2>Expected agencies without a report (<span id=\"count-missing\">",
                    summary.missing_agencies.size(), "</span>)</h2><ul id=\"missing\">");
    for (const auto& a : summary.missing_agencies) {
      absl::StrAppend(&missing, "<li>", Html(a), "</li>");
    }
    absl::StrAppend(&missing, "</ul>\n");
  }

  return absl::StrCat(
      "<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\">"
      "<title>xxgk — ",
      summary.files,
      " reports</title>\n<style>\n"
      "body{font-family:sans-serif;margin:1.5em;color:#222}"
      "table{border-collapse:collapse;margin-bottom:1.5em}"
      "td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}"
      "th{background:#f3f3f3}.num{text-align:right}#reports td{white-space:nowrap}"
      ".totals span{display:inline-block;margin-right:1.5em;font-size:1.1em}"
      "tr.error td.errors{color:#b00;font-weight:bold}tr.unreadable{color:#777}"
      ".chart{width:20em}.bar{height:1em;background:#888}.bar.sev-error{background:#c33}"
      ".bar.sev-warning{background:#d90}.bar.sev-info{background:#39c}"
      "li.sev-error b{color:#b00}li.sev-warning b{color:#a60}li.sev-info b{color:#37a}"
      "li.waived{opacity:.6}.at{color:#555}blockquote{margin:.2em 1em;color:#444}"
      ".filters{margin:1em 0}\n</style></head><body>\n"
      "<h1>xxgk — information-disclosure annual reports checked</h1>\n"
      "<div class=\"totals\">"
      "<span>Reports: <b id=\"count-reports\">",
      summary.files, "</b></span><span>With errors: <b id=\"count-with-errors\">",
      summary.with_errors, "</b></span><span>Warnings only: <b id=\"count-with-warnings\">",
      summary.with_warnings, "</b></span><span>Clean: <b id=\"count-clean\">", summary.clean,
      "</b></span><span>Unreadable: <b id=\"count-unreadable\">", summary.unreadable,
      "</b></span><span>Errors: <b id=\"count-errors\">", summary.errors,
      "</b></span><span>Warnings: <b id=\"count-warnings\">", summary.warnings,
      "</b></span></div>\n"
      "<div class=\"filters\">Show <select id=\"filter-status\">"
      "<option value=\"\">all reports</option><option value=\"error\">with errors</option>"
      "<option value=\"warning\">with warnings only</option><option value=\"clean\">clean</option>"
      "<option value=\"unreadable\">unreadable</option></select> "
      "Province <select id=\"filter-province\"><option value=\"\">all</option>",
      province_options,
      "</select> <span id=\"visible\"></span></div>\n"
      "<h2>Reports</h2>\n<table id=\"reports\"><thead><tr><th>File</th><th>Agency</th>"
      "<th>Province</th><th>Level</th><th>Year</th><th>Errors</th><th>Warnings</th>"
      "<th>Main categories</th></tr></thead><tbody>\n",
      rows,
      "</tbody></table>\n"
      "<h2>Rules: reports failing each</h2>\n<table id=\"rules\"><thead><tr><th>Rule</th>"
      "<th>Title</th><th>Severity</th><th>Reports</th><th></th></tr></thead><tbody>\n",
      rule_rows, "</tbody></table>\n", missing, "<h2>Findings</h2>\n", details,
      "<script>\n"
      "(function(){\n"
      "  var st=document.getElementById('filter-status');\n"
      "  var pr=document.getElementById('filter-province');\n"
      "  function apply(){\n"
      "    var n=0;\n"
      "    document.querySelectorAll('[data-status]').forEach(function(el){\n"
      "      var ok=(!st.value||el.dataset.status===st.value)&&"
      "(!pr.value||el.dataset.province===pr.value);\n"
      "      el.style.display=ok?'':'none';\n"
      "      if(ok&&el.tagName==='TR')n++;\n"
      "    });\n"
      "    document.getElementById('visible').textContent=n+' shown';\n"
      "  }\n"
      "  st.addEventListener('change',apply);pr.addEventListener('change',apply);apply();\n"
      "})();\n"
      "</script>\n</body></html>\n");
}

}  // namespace xxgk::client
