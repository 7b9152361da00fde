#include "rules/select.h"

#include "report/vocabulary.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace xxgk::rules {
namespace {

using xxgk::v1::FormatVersion;

std::string FormatName(FormatVersion f) {
  const std::string name = report::FormatVersionName(f);
  return name.empty() ? "unspecified" : name;
}

bool Contains(const std::vector<std::string>& chain, const std::string& id) {
  return std::find(chain.begin(), chain.end(), id) != chain.end();
}

bool PinsVersion(const Snapshot& snap, const CompiledSet& set) {
  for (const auto& id : set.chain) {
    const CompiledSet* c = snap.Find(id);
    if (c != nullptr && c->is_version_set()) return true;
  }
  return false;
}

// Provincial / city candidates (Snapshot::candidates()).
std::vector<const CompiledSet*> Candidates(const Snapshot& snap) {
  std::vector<const CompiledSet*> out;
  out.reserve(snap.candidates().size());
  for (size_t k : snap.candidates()) out.push_back(&snap.sets()[k]);
  return out;
}

bool AllDigits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Longest region_code_prefix that `code` starts with.
const CompiledSet* ByCode(const std::vector<const CompiledSet*>& cands, const std::string& code, std::string* prefix) {
  const CompiledSet* best = nullptr;
  for (const CompiledSet* s : cands) {
    for (const std::string& p : s->source.selector().region_code_prefixes()) {
      if (!p.empty() && absl::StartsWith(code, p) && (best == nullptr || p.size() > prefix->size())) {
        best = s;
        *prefix = p;
      }
    }
  }
  return best;
}

bool SameProvince(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return false;
  if (a == b) return true;
  // 山东 vs 山东省: one a prefix of the other, at least two characters (6 bytes).
  const std::string& shorter = a.size() < b.size() ? a : b;
  const std::string& longer = a.size() < b.size() ? b : a;
  return shorter.size() >= 6 && absl::StartsWith(longer, shorter);
}

// The shallowest set listing `province` (a province set beats a city set).
const CompiledSet* ByProvince(const std::vector<const CompiledSet*>& cands, const std::string& province) {
  const CompiledSet* best = nullptr;
  for (const CompiledSet* s : cands) {
    for (const std::string& p : s->source.selector().provinces()) {
      if (SameProvince(p, province) && (best == nullptr || s->chain.size() < best->chain.size())) best = s;
    }
  }
  return best;
}

const CompiledSet* ByPlaceName(const std::vector<const CompiledSet*>& cands, const std::string& text,
                               std::string* name) {
  const CompiledSet* best = nullptr;
  for (const CompiledSet* s : cands) {
    for (const std::string& p : s->source.selector().place_names()) {
      if (!p.empty() && absl::StrContains(text, p) && (best == nullptr || p.size() > name->size())) {
        best = s;
        *name = p;
      }
    }
  }
  return best;
}

xxgk::v1::AppliedRuleSet Applied(const CompiledSet& s, std::string reason) {
  xxgk::v1::AppliedRuleSet a;
  a.set_id(s.source.id());
  a.set_version(s.source.version());
  a.set_content_hash(s.content_hash);
  a.set_reason(std::move(reason));
  return a;
}

void AddChain(const Snapshot& snap, const CompiledSet& set, const std::vector<std::string>& skip,
              const std::string& reason, Selection* sel) {
  for (const std::string& id : set.chain) {
    if (Contains(skip, id)) continue;
    const CompiledSet* c = snap.Find(id);
    if (c == nullptr) continue;
    if (c == &set) {
      sel->applied.push_back(Applied(*c, reason));
    } else {
      sel->applied.push_back(Applied(*c, absl::StrCat("extended by ", set.source.id())));
    }
  }
}

}  // namespace

FormatVersion RequiredFormat(const xxgk::v1::Report& report, std::string* reason) {
  const int year = report.meta().report_year();
  if (year > 0) {
    FormatVersion f = year >= 2021 ? xxgk::v1::FORMAT_2021
                      : year >= 2019 ? xxgk::v1::FORMAT_2019
                                     : xxgk::v1::FORMAT_LEGACY;
    if (reason != nullptr) {
      *reason = absl::StrCat("national version set for report year ", year, " (format ", FormatName(f), ")");
    }
    return f;
  }
  FormatVersion f = report.meta().format_version();
  if (f == xxgk::v1::FORMAT_VERSION_UNSPECIFIED) {
    const auto& t = report.tables();
    if (t.legacy().info().found()) f = xxgk::v1::FORMAT_LEGACY;
    if (t.t3().info().layout() != xxgk::v1::FORMAT_VERSION_UNSPECIFIED) f = t.t3().info().layout();
    if (t.t2().info().layout() != xxgk::v1::FORMAT_VERSION_UNSPECIFIED) f = t.t2().info().layout();
  }
  if (f != xxgk::v1::FORMAT_VERSION_UNSPECIFIED) {
    if (reason != nullptr) {
      *reason = absl::StrCat("national version set for the detected layout (report year unknown; format ",
                             FormatName(f), ")");
    }
    return f;
  }
  if (reason != nullptr) *reason = "national version set by default (report year and layout unknown; format 2021)";
  return xxgk::v1::FORMAT_2021;
}

absl::StatusOr<Selection> Select(const Snapshot& snap, const xxgk::v1::Report& report,
                                 const xxgk::v1::ValidateOptions& options) {
  Selection sel;
  std::string format_reason;
  sel.format = RequiredFormat(report, &format_reason);

  const CompiledSet* base = nullptr;
  for (const CompiledSet& s : snap.sets()) {
    const auto& f = s.source.selector().formats();
    if (std::find(f.begin(), f.end(), sel.format) != f.end()) {
      base = &s;
      break;
    }
  }

  // The provincial / city set, by precedence.
  const std::vector<const CompiledSet*> cands = Candidates(snap);
  const CompiledSet* top = nullptr;
  std::string why;
  if (!options.ruleset().empty()) {
    const CompiledSet* s = snap.Find(options.ruleset());
    if (s == nullptr) {
      return absl::NotFoundError(absl::StrCat("unknown rule set \"", options.ruleset(),
                                              "\" (xxgk rules list shows the loaded sets)"));
    }
    const bool provincial = std::find(cands.begin(), cands.end(), s) != cands.end();
    if (!provincial || PinsVersion(snap, *s) || base == nullptr) {
      // A national set (or one that pins a version) named explicitly decides alone.
      sel.rules = &s->effective;
      for (const auto& p : s->source.selector().provinces()) sel.provinces.push_back(p);
      AddChain(snap, *s, {}, absl::StrCat("request field ruleset=", options.ruleset()), &sel);
      return sel;
    }
    // A provincial or city set named explicitly is laid over the national
    // version set, exactly as when it is inferred.
    top = s;
    why = absl::StrCat("request field ruleset=", options.ruleset());
  }
  const xxgk::v1::Metadata& meta = report.meta();
  const bool inferred = options.province().empty() && options.ruleset().empty();
  if (top == nullptr && !options.province().empty()) {
    const std::string p(absl::StripAsciiWhitespace(options.province()));
    std::string prefix;
    if (AllDigits(p)) {
      top = ByCode(cands, p, &prefix);
      if (top != nullptr) why = absl::StrCat("request field province=", p, " matches prefix ", prefix);
    } else {
      top = snap.Find(p);
      if (top != nullptr && std::find(cands.begin(), cands.end(), top) == cands.end()) top = nullptr;
      if (top == nullptr) top = ByProvince(cands, p);
      if (top == nullptr) top = ByPlaceName(cands, p, &prefix);
      if (top != nullptr) why = absl::StrCat("request field province=", p);
    }
  }
  if (top == nullptr && inferred && !meta.region_code().empty()) {
    std::string prefix;
    top = ByCode(cands, meta.region_code(), &prefix);
    if (top != nullptr) {
      why = absl::StrCat("division code ", meta.region_code(), " matches prefix ", prefix, " of ", top->source.id());
    }
  }
  if (top == nullptr && inferred && !meta.province().empty()) {
    top = ByProvince(cands, meta.province());
    if (top != nullptr) why = absl::StrCat("report province ", meta.province());
  }
  if (top == nullptr && inferred && !meta.agency().empty()) {
    std::string name;
    top = ByPlaceName(cands, meta.agency(), &name);
    if (top != nullptr) why = absl::StrCat("place name ", name, " in the agency name ", meta.agency());
  }

  if (top != nullptr) {
    for (const auto& p : top->source.selector().provinces()) sel.provinces.push_back(p);
    if (PinsVersion(snap, *top) || base == nullptr) {
      sel.rules = &top->effective;
      AddChain(snap, *top, {}, why, &sel);
      return sel;
    }
    sel.rules = snap.Combined(base->source.id(), top->source.id());
    AddChain(snap, *base, {}, format_reason, &sel);
    AddChain(snap, *top, base->chain, why, &sel);
    if (sel.rules != nullptr) return sel;
    sel.applied.clear();
  }
  if (base == nullptr) {
    return absl::FailedPreconditionError(absl::StrCat("the loaded rule sets have no national version set for format ",
                                                      FormatName(sel.format)));
  }
  if (!options.province().empty()) {
    absl::StrAppend(&format_reason, "; no provincial rule set matches request field province=", options.province());
  }
  sel.rules = &base->effective;
  AddChain(snap, *base, {}, format_reason, &sel);
  return sel;
}

bool RuleApplies(const xxgk::v1::Rule& rule, const Selection& sel, const xxgk::v1::Metadata& meta) {
  if (!rule.has_applies_when()) return true;  // no condition (each test below passes on an empty one)
  const auto& aw = rule.applies_when();
  if (!aw.formats().empty() && std::find(aw.formats().begin(), aw.formats().end(), sel.format) == aw.formats().end()) {
    return false;
  }
  const int year = meta.report_year();
  if (year > 0) {
    if (aw.min_year() > 0 && year < aw.min_year()) return false;
    if (aw.max_year() > 0 && year > aw.max_year()) return false;
  }
  if (!aw.agency_levels().empty() &&
      std::find(aw.agency_levels().begin(), aw.agency_levels().end(), meta.agency_level()) == aw.agency_levels().end()) {
    return false;
  }
  if (!aw.provinces().empty()) {
    bool match = false;
    for (const auto& p : aw.provinces()) {
      if (SameProvince(p, meta.province())) match = true;
      for (const auto& q : sel.provinces) match = match || SameProvince(p, q);
    }
    if (!match) return false;
  }
  return true;
}

}  // namespace xxgk::rules
