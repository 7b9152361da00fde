#include "rules/layering.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/reflection.h"

namespace xxgk::rules {

const CompiledSet* Snapshot::Find(std::string_view id) const {
  auto it = index_.find(id);
  return it == index_.end() ? nullptr : &sets_[it->second];
}

const std::vector<CompiledRule>* Snapshot::Combined(std::string_view base, std::string_view top) const {
  auto it = combined_.find({std::string(base), std::string(top)});
  return it == combined_.end() ? nullptr : &it->second;
}

namespace {

// The highest severity a message can emit: every set field of enum type
// xxgk.v1.Severity, at any depth (the rule's own severity and any its check's
// parameters carry, such as Deadline.not_assessable_severity).
int MaxSeverityIn(const google::protobuf::Message& m, int depth = 0) {
  using google::protobuf::FieldDescriptor;
  if (depth > 16) return 0;
  const auto* refl = m.GetReflection();
  std::vector<const FieldDescriptor*> fields;
  refl->ListFields(m, &fields);
  int max = 0;
  for (const FieldDescriptor* f : fields) {
    if (f->cpp_type() == FieldDescriptor::CPPTYPE_ENUM &&
        f->enum_type() == xxgk::v1::Severity_descriptor()) {
      if (f->is_repeated()) {
        for (int k = 0; k < refl->FieldSize(m, f); ++k) {
          max = std::max(max, refl->GetRepeatedEnumValue(m, f, k));
        }
      } else {
        max = std::max(max, refl->GetEnumValue(m, f));
      }
    } else if (f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
      if (f->is_repeated()) {
        for (int k = 0; k < refl->FieldSize(m, f); ++k) {
          max = std::max(max, MaxSeverityIn(refl->GetRepeatedMessage(m, f, k), depth + 1));
        }
      } else {
        max = std::max(max, MaxSeverityIn(refl->GetMessage(m, f), depth + 1));
      }
    }
  }
  return max;
}

}  // namespace

bool ExceedsUnconfirmedCap(const xxgk::v1::Rule& rule) {
  return rule.basis().evidence() == xxgk::v1::UNCONFIRMED &&
         MaxSeverityIn(rule) > xxgk::v1::WARNING;
}

void ApplyPatch(const xxgk::v1::Rule& patch, xxgk::v1::Rule* rule) {
  using google::protobuf::FieldDescriptor;
  const auto* refl = patch.GetReflection();
  std::vector<const FieldDescriptor*> fields;
  refl->ListFields(patch, &fields);
  for (const FieldDescriptor* f : fields) {
    if (f->is_repeated()) {
      refl->ClearField(rule, f);
      for (int i = 0; i < refl->FieldSize(patch, f); ++i) {
        if (f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
          refl->AddMessage(rule, f)->CopyFrom(refl->GetRepeatedMessage(patch, f, i));
        } else if (f->cpp_type() == FieldDescriptor::CPPTYPE_STRING) {
          refl->AddString(rule, f, refl->GetRepeatedString(patch, f, i));
        } else if (f->cpp_type() == FieldDescriptor::CPPTYPE_ENUM) {
          refl->AddEnumValue(rule, f, refl->GetRepeatedEnumValue(patch, f, i));
        }
      }
    } else if (f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
      // Mutable on a oneof member clears the other members: a set check
      // replaces the whole check.
      refl->MutableMessage(rule, f)->CopyFrom(refl->GetMessage(patch, f));
    } else if (f->cpp_type() == FieldDescriptor::CPPTYPE_STRING) {
      refl->SetString(rule, f, refl->GetString(patch, f));
    } else if (f->cpp_type() == FieldDescriptor::CPPTYPE_ENUM) {
      refl->SetEnumValue(rule, f, refl->GetEnumValue(patch, f));
    }
  }
}

class SnapshotBuilder {
 public:
  SnapshotBuilder(std::vector<ParsedSet> sets, std::vector<std::string> errors)
      : sets_(std::move(sets)), errors_(std::move(errors)) {}

  absl::StatusOr<std::shared_ptr<const Snapshot>> Build(std::string content_hash) {
    auto snap = std::shared_ptr<Snapshot>(new Snapshot());
    snap->content_hash_ = std::move(content_hash);
    IndexSets();
    for (size_t i = 0; i < sets_.size(); ++i) ValidateOwnRules(i);
    std::vector<size_t> order = Order();
    // Every rule id any set defines (overrides of ids only a sibling version
    // set defines are legitimate in a provincial set).
    for (const ParsedSet& p : sets_) {
      for (const auto& r : p.set.rules()) known_ids_.insert(r.id());
    }
    std::map<std::string, std::vector<CompiledRule>> effective;
    std::map<std::string, std::vector<std::string>> chains;
    for (size_t i : order) {
      const ParsedSet& p = sets_[i];
      std::vector<CompiledRule> rules;
      std::vector<std::string> chain;
      if (!p.set.extends().empty()) {
        auto it = effective.find(p.set.extends());
        if (it == effective.end()) continue;  // parent failed; already reported
        rules = it->second;
        chain = chains[p.set.extends()];
      }
      chain.push_back(p.set.id());
      ApplyLayer(i, /*strict=*/true, &rules);
      effective[p.set.id()] = rules;
      chains[p.set.id()] = chain;
      CompiledSet cs;
      cs.source = p.set;
      cs.file = p.file;
      cs.content_hash = p.content_hash;
      cs.chain = chain;
      cs.effective = std::move(rules);
      snap->index_[p.set.id()] = snap->sets_.size();
      snap->sets_.push_back(std::move(cs));
    }
    // Listing order: by depth (parents first), national version sets before
    // provincial sets at the same depth, then by id.
    std::stable_sort(snap->sets_.begin(), snap->sets_.end(), [](const CompiledSet& a, const CompiledSet& b) {
      if (a.chain.size() != b.chain.size()) return a.chain.size() < b.chain.size();
      if (a.is_version_set() != b.is_version_set()) return a.is_version_set();
      return a.source.id() < b.source.id();
    });
    snap->index_.clear();
    for (size_t k = 0; k < snap->sets_.size(); ++k) snap->index_[snap->sets_[k].source.id()] = k;
    for (size_t k = 0; k < snap->sets_.size(); ++k) {
      const CompiledSet& s = snap->sets_[k];
      if (s.is_version_set()) continue;
      bool ancestor = false;
      for (const CompiledSet& v : snap->sets_) {
        if (v.is_version_set() && std::find(v.chain.begin(), v.chain.end(), s.source.id()) != v.chain.end()) {
          ancestor = true;
        }
      }
      if (!ancestor) snap->candidates_.push_back(k);
    }
    // Version set × provincial set combinations.
    for (const CompiledSet& base : snap->sets_) {
      if (!base.is_version_set()) continue;
      for (const CompiledSet& top : snap->sets_) {
        if (top.is_version_set() || std::find(base.chain.begin(), base.chain.end(), top.source.id()) != base.chain.end()) {
          continue;
        }
        bool pins_version = false;
        for (const auto& id : top.chain) {
          const CompiledSet* c = snap->Find(id);
          pins_version = pins_version || (c != nullptr && c->is_version_set());
        }
        if (pins_version) continue;
        std::vector<CompiledRule> rules = base.effective;
        for (const std::string& id : top.chain) {
          if (std::find(base.chain.begin(), base.chain.end(), id) != base.chain.end()) continue;
          ApplyLayer(by_id_[id], /*strict=*/false, &rules);
        }
        snap->combined_[{base.source.id(), top.source.id()}] = std::move(rules);
      }
    }
    if (!errors_.empty()) {
      // Stable, de-duplicated report.
      std::vector<std::string> unique;
      std::set<std::string> seen;
      for (auto& e : errors_) {
        if (seen.insert(e).second) unique.push_back(e);
      }
      return absl::InvalidArgumentError(absl::StrJoin(unique, "\n"));
    }
    if (snap->sets_.empty()) return absl::InvalidArgumentError("no rule sets");
    return std::shared_ptr<const Snapshot>(std::move(snap));
  }

 private:
  using FD = google::protobuf::FieldDescriptor;

  static const FD* Field(const google::protobuf::Descriptor* d, const char* name) {
    return d->FindFieldByName(name);
  }

  // 1-based line of field `name` (index for repeated, -1 otherwise) in set i; 1 when unknown.
  int LineOf(size_t i, const char* name, int index = -1) const {
    const FD* f = Field(xxgk::v1::RuleSet::descriptor(), name);
    auto loc = sets_[i].tree->GetLocation(f, index);
    return loc.line >= 0 ? loc.line + 1 : 1;
  }
  int RuleLine(size_t i, int index) const { return LineOf(i, "rules", index); }

  void Error(size_t i, int line, const std::string& msg) {
    errors_.push_back(absl::StrCat(sets_[i].file, ":", line, ": ", msg));
  }

  void IndexSets() {
    for (size_t i = 0; i < sets_.size(); ++i) {
      const std::string& id = sets_[i].set.id();
      if (id.empty()) {
        Error(i, 1, "rule set has no id (add id: \"...\")");
        continue;
      }
      auto [it, inserted] = by_id_.emplace(id, i);
      if (!inserted) {
        Error(i, LineOf(i, "id"),
              absl::StrCat("duplicate rule set id \"", id, "\" (also defined in ", sets_[it->second].file, ":",
                           LineOf(it->second, "id"), ")"));
      }
    }
    for (size_t i = 0; i < sets_.size(); ++i) {
      const std::string& parent = sets_[i].set.extends();
      if (!parent.empty() && by_id_.count(parent) == 0) {
        Error(i, LineOf(i, "extends"), absl::StrCat("extends unknown rule set \"", parent, "\""));
      }
    }
  }

  void ValidateOwnRules(size_t i) {
    const xxgk::v1::RuleSet& s = sets_[i].set;
    std::map<std::string, int> seen;
    for (int r = 0; r < s.rules_size(); ++r) {
      const xxgk::v1::Rule& rule = s.rules(r);
      const int line = RuleLine(i, r);
      if (rule.id().empty()) {
        Error(i, line, "rule has no id");
        continue;
      }
      auto [it, inserted] = seen.emplace(rule.id(), line);
      if (!inserted) {
        Error(i, line, absl::StrCat("duplicate rule id \"", rule.id(), "\" (first defined at line ", it->second, ")"));
      }
      ValidateRuleFields(i, line, rule);
    }
    for (int o = 0; o < s.overrides_size(); ++o) {
      const auto& ov = s.overrides(o);
      if (ov.id().empty()) Error(i, LineOf(i, "overrides", o), "override has no id");
      if (!ov.patch().id().empty() && ov.patch().id() != ov.id()) {
        Error(i, LineOf(i, "overrides", o), absl::StrCat("override of \"", ov.id(), "\": patch.id \"",
                                                         ov.patch().id(), "\" would rename the rule"));
      }
    }
  }

  void ValidateRuleFields(size_t i, int line, const xxgk::v1::Rule& rule) {
    const std::string who = absl::StrCat("rule \"", rule.id(), "\": ");
    if (rule.severity() == xxgk::v1::SEVERITY_UNSPECIFIED) Error(i, line, who + "severity is required (ERROR, WARNING or INFO)");
    if (rule.category() == xxgk::v1::CATEGORY_UNSPECIFIED) Error(i, line, who + "category is required");
    if (!rule.has_basis()) {
      Error(i, line, who + "basis is required (citation and evidence: what the rule rests on)");
    } else {
      if (rule.basis().citation().empty()) Error(i, line, who + "basis.citation is required");
      if (rule.basis().evidence() == xxgk::v1::EVIDENCE_LEVEL_UNSPECIFIED) {
        Error(i, line, who + "basis.evidence is required (VERIFIED, SEEN, IMPLIED or UNCONFIRMED)");
      }
    }
    if (ExceedsUnconfirmedCap(rule)) {
      Error(i, line, who + "a rule built on [U] (UNCONFIRMED) evidence may be WARNING at most "
                           "(its severity and every severity its parameters emit)");
    }
    const auto& aw = rule.applies_when();
    if (aw.min_year() < 0 || aw.max_year() < 0 || (aw.min_year() > 0 && aw.max_year() > 0 && aw.min_year() > aw.max_year())) {
      Error(i, line, absl::StrCat(who, "applies_when: impossible year range ", aw.min_year(), "..", aw.max_year()));
    }
    for (int f = 0; f < aw.formats_size(); ++f) {
      if (aw.formats(f) == xxgk::v1::FORMAT_VERSION_UNSPECIFIED) {
        Error(i, line, absl::StrCat(who, "applies_when.formats[", f, "]: FORMAT_VERSION_UNSPECIFIED is not a format"));
      }
    }
  }

  // Parents before children, ties by id; sets in cycles are reported and dropped.
  std::vector<size_t> Order() {
    std::vector<size_t> order;
    std::map<std::string, int> state;  // 0 new, 1 visiting, 2 done
    std::vector<size_t> ids;
    for (const auto& [id, i] : by_id_) ids.push_back(i);
    std::function<bool(size_t, std::vector<std::string>&)> visit = [&](size_t i, std::vector<std::string>& path) {
      const std::string& id = sets_[i].set.id();
      if (state[id] == 2) return true;
      if (state[id] == 1) {
        auto start = std::find(path.begin(), path.end(), id);
        std::vector<std::string> cycle(start, path.end());
        cycle.push_back(id);
        for (const auto& member : std::set<std::string>(cycle.begin(), cycle.end())) {
          size_t m = by_id_[member];
          Error(m, LineOf(m, "extends"), absl::StrCat("cycle in extends: ", absl::StrJoin(cycle, " → ")));
        }
        return false;
      }
      state[id] = 1;
      path.push_back(id);
      bool ok = true;
      const std::string& parent = sets_[i].set.extends();
      if (!parent.empty()) {
        auto it = by_id_.find(parent);
        ok = it != by_id_.end() && visit(it->second, path);
      }
      path.pop_back();
      state[id] = 2;
      if (ok) order.push_back(i);
      return ok;
    };
    for (size_t i : ids) {
      std::vector<std::string> path;
      visit(i, path);
    }
    return order;
  }

  std::shared_ptr<const Check> Compile(size_t i, int line, const xxgk::v1::Rule& rule) {
    std::string key = rule.SerializeAsString();
    auto it = cache_.find(key);
    if (it != cache_.end()) return it->second;
    absl::StatusOr<std::unique_ptr<Check>> c = CompileCheck(rule);
    if (!c.ok()) {
      Error(i, line, absl::StrCat("rule \"", rule.id(), "\": ", c.status().message()));
      cache_[key] = nullptr;
      return nullptr;
    }
    std::shared_ptr<const Check> shared(std::move(*c));
    cache_[key] = shared;
    return shared;
  }

  // Applies set i's disables, overrides and own rules to `rules`. `strict`:
  // ids must exist in `rules` (or, for disables/overrides, in some set of the
  // snapshot: a provincial set may address a rule of a version set).
  void ApplyLayer(size_t i, bool strict, std::vector<CompiledRule>* rules) {
    const xxgk::v1::RuleSet& s = sets_[i].set;
    auto find = [&](const std::string& id) {
      return std::find_if(rules->begin(), rules->end(), [&](const CompiledRule& r) { return r.rule.id() == id; });
    };
    for (int d = 0; d < s.disable_size(); ++d) {
      auto it = find(s.disable(d));
      if (it != rules->end()) {
        rules->erase(it);
      } else if (strict && known_ids_.count(s.disable(d)) == 0) {
        Error(i, LineOf(i, "disable", d), absl::StrCat("disable: unknown rule id \"", s.disable(d), "\""));
      }
    }
    for (int o = 0; o < s.overrides_size(); ++o) {
      const auto& ov = s.overrides(o);
      auto it = find(ov.id());
      if (it == rules->end()) {
        if (strict && known_ids_.count(ov.id()) == 0) {
          Error(i, LineOf(i, "overrides", o), absl::StrCat("override of unknown rule id \"", ov.id(), "\""));
        }
        continue;
      }
      xxgk::v1::Rule rule = it->rule;
      ApplyPatch(ov.patch(), &rule);
      rule.set_id(ov.id());
      if (ov.severity() != xxgk::v1::SEVERITY_UNSPECIFIED) rule.set_severity(ov.severity());
      if (ExceedsUnconfirmedCap(rule)) {
        Error(i, LineOf(i, "overrides", o),
              absl::StrCat("override of \"", ov.id(), "\": a rule built on [U] evidence may be WARNING at most"));
      }
      std::shared_ptr<const Check> check =
          ov.patch().check_case() == xxgk::v1::Rule::CHECK_NOT_SET ? it->check : Compile(i, LineOf(i, "overrides", o), rule);
      it->rule = std::move(rule);
      it->check = std::move(check);
    }
    for (int r = 0; r < s.rules_size(); ++r) {
      const xxgk::v1::Rule& rule = s.rules(r);
      if (rule.id().empty()) continue;
      auto it = find(rule.id());
      if (it != rules->end()) {
        if (strict && it->set_id != s.id()) {  // a duplicate within the set is reported already
          Error(i, RuleLine(i, r),
                absl::StrCat("rule id \"", rule.id(), "\" is already defined by set \"", it->set_id,
                             "\"; change an inherited rule with overrides { id: \"", rule.id(), "\" ... }"));
        }
        continue;
      }
      CompiledRule cr;
      cr.rule = rule;
      cr.check = Compile(i, RuleLine(i, r), rule);
      cr.set_id = s.id();
      cr.set_version = s.version();
      rules->push_back(std::move(cr));
    }
  }

  std::vector<ParsedSet> sets_;
  std::vector<std::string> errors_;
  std::map<std::string, size_t> by_id_;
  std::set<std::string> known_ids_;
  std::map<std::string, std::shared_ptr<const Check>> cache_;
};

absl::StatusOr<std::shared_ptr<const Snapshot>> BuildSnapshot(std::vector<ParsedSet> sets,
                                                              std::vector<std::string> errors,
                                                              std::string content_hash) {
  SnapshotBuilder b(std::move(sets), std::move(errors));
  return b.Build(std::move(content_hash));
}

}  // namespace xxgk::rules
