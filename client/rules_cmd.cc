// `xxgk rules list|explain|check`
#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "client/cells.h"
#include "client/commands.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/json_util.h"
#include "rules/validator.h"
#include "xxgk/v1/ruleset.pb.h"

namespace xxgk::client {
namespace {

std::string Or(const std::string& s, const char* dash = "-") { return s.empty() ? dash : s; }

std::string AppliesWhenText(const xxgk::v1::AppliesWhen& a) {
  std::vector<std::string> parts;
  if (!a.formats().empty()) {
    std::vector<std::string> f;
    for (int v : a.formats()) f.push_back(FormatName(static_cast<xxgk::v1::FormatVersion>(v)));
    parts.push_back("formats " + absl::StrJoin(f, ", "));
  }
  if (a.min_year() > 0 || a.max_year() > 0) {
    parts.push_back(absl::StrCat("years ", a.min_year() > 0 ? absl::StrCat(a.min_year()) : "…",
                                 "–", a.max_year() > 0 ? absl::StrCat(a.max_year()) : "…"));
  }
  if (!a.agency_levels().empty()) {
    std::vector<std::string> l;
    for (int v : a.agency_levels()) l.push_back(AgencyLevelName(static_cast<xxgk::v1::AgencyLevel>(v)));
    parts.push_back("agency levels " + absl::StrJoin(l, ", "));
  }
  if (!a.provinces().empty()) parts.push_back("provinces " + absl::StrJoin(a.provinces(), ", "));
  return parts.empty() ? "every report" : absl::StrJoin(parts, "; ");
}

// The check's parameters in text format (the oneof `check` of Rule).
std::string Parameters(const xxgk::v1::Rule& rule, std::string* kind) {
  const auto* oneof = xxgk::v1::Rule::descriptor()->FindOneofByName("check");
  const auto* field = rule.GetReflection()->GetOneofFieldDescriptor(rule, oneof);
  if (field == nullptr) return "";
  *kind = field->name();
  google::protobuf::TextFormat::Printer printer;
  printer.SetUseUtf8StringEscaping(true);
  std::string text;
  printer.PrintToString(rule.GetReflection()->GetMessage(rule, field), &text);
  return text;
}

void Indented(std::ostream& out, const std::string& text, const char* indent) {
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out << indent << text.substr(start, end - start) << "\n";
    start = end + 1;
  }
}

}  // namespace

int RunRulesList(Backend& backend, const std::string& output, std::ostream& out,
                 std::ostream& err) {
  absl::StatusOr<std::vector<xxgk::v1::RuleSetInfo>> sets = backend.ListRuleSets();
  if (!sets.ok()) {
    err << "xxgk rules list: " << sets.status().message() << "\n";
    return ExitCodeFor(sets.status());
  }
  // The same order whichever backend answered.
  std::sort(sets->begin(), sets->end(),
            [](const auto& a, const auto& b) { return a.id() < b.id(); });
  if (output == "json") {
    google::protobuf::util::JsonPrintOptions options;
    options.preserve_proto_field_names = true;
    for (const auto& s : *sets) {
      std::string json;
      (void)google::protobuf::util::MessageToJsonString(s, &json, options);
      out << json << "\n";
    }
    return kExitOk;
  }
  if (output != "text") {
    err << "xxgk rules list: --output must be text or json\n";
    return kExitUsage;
  }
  size_t id_w = 2, ver_w = 7, ext_w = 7;
  for (const auto& s : *sets) {
    id_w = std::max(id_w, s.id().size());
    ver_w = std::max(ver_w, s.version().size());
    ext_w = std::max(ext_w, s.extends().size());
  }
  out << absl::StrFormat("%-*s  %-*s  %-*s  %5s  %s\n", id_w, "ID", ver_w, "VERSION", ext_w,
                         "EXTENDS", "RULES", "HASH");
  for (const auto& s : *sets) {
    out << absl::StrFormat("%-*s  %-*s  %-*s  %5d  %s\n", id_w, s.id(), ver_w, Or(s.version()),
                           ext_w, Or(s.extends()), s.rule_count(), Or(s.content_hash()));
  }
  return kExitOk;
}

int RunRulesExplain(Backend& backend, const std::string& rule_id, const std::string& ruleset,
                    std::ostream& out, std::ostream& err) {
  absl::StatusOr<xxgk::v1::DescribeRuleResponse> d = backend.DescribeRule(rule_id, ruleset);
  if (!d.ok()) {
    err << "xxgk rules explain: " << d.status().message() << "\n";
    return d.status().code() == absl::StatusCode::kUnavailable ? kExitUnreachable : kExitFindings;
  }
  const xxgk::v1::Rule& r = d->rule();
  out << r.id() << "  " << r.title();
  if (!r.title_en().empty()) out << " — " << r.title_en();
  out << "\n";
  out << "  rule set: " << Or(d->ruleset_id()) << "    severity: "
      << xxgk::v1::Severity_Name(r.severity())
      << "    category: " << xxgk::v1::Category_Name(r.category()) << "\n";
  if (!r.description().empty()) {
    out << "Purpose:\n";
    Indented(out, r.description(), "  ");
  }
  if (r.has_basis()) {
    out << "Basis:\n  " << Or(r.basis().citation());
    if (r.basis().evidence() != xxgk::v1::EVIDENCE_LEVEL_UNSPECIFIED) {
      out << "  [" << xxgk::v1::EvidenceLevel_Name(r.basis().evidence()) << "]";
    }
    out << "\n";
    if (!r.basis().note().empty()) Indented(out, r.basis().note(), "  ");
  }
  out << "Applies to:\n  " << AppliesWhenText(r.applies_when()) << "\n";
  std::string kind;
  std::string params = Parameters(r, &kind);
  if (!kind.empty()) {
    out << "Parameters (" << kind << "):\n";
    Indented(out, params, "  ");
  }
  if (!r.example().empty()) {
    out << "Example:\n";
    Indented(out, r.example(), "  ");
  }
  return kExitOk;
}

int RunRulesCheck(const std::string& dir, std::ostream& out, std::ostream& err) {
  absl::StatusOr<std::shared_ptr<const rules::Snapshot>> snapshot = rules::LoadSnapshot(dir);
  if (!snapshot.ok()) {
    std::string msg(snapshot.status().message());
    err << msg << (msg.empty() || msg.back() != '\n' ? "\n" : "");
    return kExitFindings;
  }
  std::vector<xxgk::v1::RuleSetInfo> sets = rules::ListRuleSets(**snapshot);
  int rules_total = 0;
  for (const auto& s : sets) rules_total += s.rule_count();
  out << dir << ": OK, " << sets.size() << " rule set" << (sets.size() == 1 ? "" : "s") << " ("
      << rules_total << " effective rules)\n";
  return kExitOk;
}

}  // namespace xxgk::client
