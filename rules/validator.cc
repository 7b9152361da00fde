#include "rules/validator.h"

#include <algorithm>
#include <exception>
#include <set>

#include "absl/strings/str_cat.h"
#include "report/parse.h"
#include "report/refusal.h"
#include "rules/embedded.h"
#include "rules/loader.h"
#include "rules/select.h"
#include "rules/snapshot.h"

namespace xxgk::rules {
namespace {

void FillFromRule(const CompiledRule& cr, xxgk::v1::Finding* f) {
  const xxgk::v1::Rule& r = cr.rule;
  f->set_rule_id(r.id());
  f->set_ruleset_id(cr.set_id);
  f->set_ruleset_version(cr.set_version);
  if (f->category() == xxgk::v1::CATEGORY_UNSPECIFIED) f->set_category(r.category());
  if (f->severity() == xxgk::v1::SEVERITY_UNSPECIFIED) f->set_severity(r.severity());
  if (f->status() == xxgk::v1::Finding::STATUS_UNSPECIFIED) f->set_status(xxgk::v1::Finding::FAIL);
  *f->mutable_basis() = r.basis();
  f->set_title(r.title());
}

}  // namespace

absl::StatusOr<std::shared_ptr<const Snapshot>> LoadSnapshot(const std::string& dir) {
  if (dir.empty()) {
    std::vector<SourceFile> files;
    for (const EmbeddedFile& f : EmbeddedRuleFiles()) files.push_back({f.path, std::string(f.content)});
    if (files.empty()) return absl::InternalError("this build embeds no rule sets");
    return CompileSnapshot(files);
  }
  absl::StatusOr<std::vector<SourceFile>> files = ReadRuleFiles(dir);
  if (!files.ok()) return files.status();
  return CompileSnapshot(*files);
}

std::vector<xxgk::v1::RuleSetInfo> ListRuleSets(const Snapshot& snapshot) {
  std::vector<xxgk::v1::RuleSetInfo> out;
  for (const CompiledSet& s : snapshot.sets()) {
    xxgk::v1::RuleSetInfo info;
    info.set_id(s.source.id());
    info.set_version(s.source.version());
    info.set_title(s.source.title());
    info.set_extends(s.source.extends());
    info.set_content_hash(s.content_hash);
    info.set_rule_count(static_cast<int>(s.effective.size()));
    *info.mutable_selector() = s.source.selector();
    out.push_back(std::move(info));
  }
  return out;
}

absl::StatusOr<xxgk::v1::DescribeRuleResponse> DescribeRule(const Snapshot& snapshot, std::string_view rule_id,
                                                            std::string_view ruleset) {
  auto find_in = [&](const CompiledSet& s) -> const CompiledRule* {
    for (const CompiledRule& r : s.effective) {
      if (r.rule.id() == rule_id) return &r;
    }
    return nullptr;
  };
  const std::string id(rule_id);
  if (!ruleset.empty()) {
    const CompiledSet* s = snapshot.Find(ruleset);
    if (s == nullptr) {
      return absl::NotFoundError(absl::StrCat("unknown rule set \"", std::string(ruleset), "\""));
    }
    const CompiledRule* r = find_in(*s);
    if (r == nullptr) {
      return absl::NotFoundError(absl::StrCat("rule \"", id, "\" is not in rule set \"", std::string(ruleset), "\""));
    }
    xxgk::v1::DescribeRuleResponse resp;
    *resp.mutable_rule() = r->rule;
    resp.set_ruleset_id(s->source.id());
    return resp;
  }
  // The first set (parents first) whose own rules define it.
  for (const CompiledSet& s : snapshot.sets()) {
    for (const auto& own : s.source.rules()) {
      if (own.id() != rule_id) continue;
      const CompiledRule* r = find_in(s);
      xxgk::v1::DescribeRuleResponse resp;
      *resp.mutable_rule() = r != nullptr ? r->rule : own;
      resp.set_ruleset_id(s.source.id());
      return resp;
    }
  }
  return absl::NotFoundError(absl::StrCat("no rule set defines rule \"", id, "\""));
}

std::string ContentHash(const Snapshot& snapshot) { return snapshot.content_hash(); }

absl::Status ReadRequestDocument(const xxgk::v1::Document& doc, std::string_view what,
                                 xxgk::v1::Report* out, const DocumentParser& parse) {
  const std::string field(what);
  if (doc.content().empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ": ", report::EmptyDocumentMessage(doc.file_name())));
  }
  absl::Status r = parse ? parse(doc, out) : report::ParseDocumentInto(doc, {}, out);
  if (!r.ok()) return absl::InvalidArgumentError(absl::StrCat(field, ": ", r.message()));
  return absl::OkStatus();
}

google::protobuf::ArenaOptions ParsedReportArenaOptions() {
  google::protobuf::ArenaOptions options;
  options.start_block_size = 32 << 10;
  options.max_block_size = 256 << 10;
  return options;
}

absl::StatusOr<xxgk::v1::ValidateResponse> Validate(const Snapshot& snapshot,
                                                    const xxgk::v1::ValidateRequest& request) {
  // Reports read here live on one arena, freed at once on return.
  google::protobuf::Arena arena(ParsedReportArenaOptions());
  xxgk::v1::Report* parsed = nullptr;
  const xxgk::v1::Report* report = nullptr;
  switch (request.input_case()) {
    case xxgk::v1::ValidateRequest::kReport:
      report = &request.report();
      break;
    case xxgk::v1::ValidateRequest::kDocument: {
      parsed = google::protobuf::Arena::CreateMessage<xxgk::v1::Report>(&arena);
      absl::Status r = ReadRequestDocument(request.document(), "document", parsed);
      if (!r.ok()) return r;
      report = parsed;
      break;
    }
    default:
      return absl::InvalidArgumentError("request has no input: set `report` (structured) or `document` (raw bytes)");
  }
  const xxgk::v1::ValidateOptions& options = request.options();
  const xxgk::v1::Report* previous = nullptr;
  if (options.has_previous()) {
    switch (options.previous().input_case()) {
      case xxgk::v1::PreviousReport::kReport:
        previous = &options.previous().report();
        break;
      case xxgk::v1::PreviousReport::kDocument: {
        auto* previous_parsed = google::protobuf::Arena::CreateMessage<xxgk::v1::Report>(&arena);
        absl::Status r =
            ReadRequestDocument(options.previous().document(), "options.previous.document", previous_parsed);
        if (!r.ok()) return r;
        previous = previous_parsed;
        break;
      }
      default:
        break;
    }
  }

  absl::StatusOr<Selection> sel = Select(snapshot, *report, options);
  if (!sel.ok()) return sel.status();

  xxgk::v1::ValidateResponse resp;
  const std::set<std::string> waived(options.waive().begin(), options.waive().end());
  EvalContext ctx{*report, previous};
  std::vector<xxgk::v1::Finding> found;
  for (const CompiledRule& cr : *sel->rules) {
    if (cr.check == nullptr || !RuleApplies(cr.rule, *sel, report->meta())) continue;
    found.clear();
    try {
      cr.check->Evaluate(ctx, &found);
    } catch (const std::exception& e) {
      return absl::InternalError(absl::StrCat("rule ", cr.rule.id(), " failed: ", e.what()));
    }
    for (xxgk::v1::Finding& f : found) {
      FillFromRule(cr, &f);
      if (waived.count(f.rule_id()) > 0) f.set_waived(true);
      *resp.add_findings() = std::move(f);
    }
  }
  xxgk::v1::Summary* sum = resp.mutable_summary();
  for (const auto& f : resp.findings()) {
    if (f.waived()) {
      sum->set_waived(sum->waived() + 1);
    } else if (f.severity() == xxgk::v1::ERROR) {
      sum->set_errors(sum->errors() + 1);
    } else if (f.severity() == xxgk::v1::WARNING) {
      sum->set_warnings(sum->warnings() + 1);
    } else {
      sum->set_infos(sum->infos() + 1);
    }
  }
  for (auto& a : sel->applied) *resp.add_rulesets() = std::move(a);
  // The response lives on the heap: it takes copies (a report read here is
  // on the arena).
  *resp.mutable_meta() = report->meta();
  if (options.include_report()) *resp.mutable_report() = *report;
  return resp;
}

}  // namespace xxgk::rules
