#include "report/cell_keys.h"

#include <algorithm>
#include <cstring>
#include <set>

#include "absl/container/inlined_vector.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "google/protobuf/reflection.h"

namespace xxgk::report {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

// One step of a resolved path: the field and the reflection of the message
// that holds it (fixed per message type, so it is looked up once).
struct CellStep {
  const FieldDescriptor* field;
  const Reflection* reflection;
  // the default instance of the field's type: what reading an unset field
  // gives (a lookup that reaches it can stop: no cell below it was read)
  const Message* unset;
  // for a cell field (the last step): the generated mutable accessor, which
  // does what reflection's MutableMessage does without looking the field up
  xxgk::v1::Cell* (*mutable_cell)(Message*) = nullptr;
  // and the generated getter: the cell when it is set, else nullptr
  const xxgk::v1::Cell* (*set_cell)(const Message&) = nullptr;
  // for a message field on the way to a cell (tables 三 and 四): the
  // generated mutable accessor, in place of reflection's MutableMessage,
  // and the generated getter: the message when it is set, else nullptr
  Message* (*mutable_message)(Message*) = nullptr;
  const Message* (*set_message)(const Message&) = nullptr;
  // IndexCells' walk: the end of the run of paths that share this step's
  // field at this depth (within its parent's run), fixed by the catalogue
  size_t run_end = 0;
};

struct CellPath {
  std::vector<CellStep> steps;
  size_t index = 0;
  std::string key;
  // the index of the first key whose path differs from this one in its last
  // step only (keys with equal `holder` are cells of one message)
  size_t holder = 0;
};

namespace {

struct Catalogue {
  std::vector<std::string> keys;
  std::vector<CellPath> paths;  // parallel to keys
  // open-addressing table over KeyHash: key index + 1, 0 for a free slot
  std::vector<uint32_t> slots;
  std::set<std::string, std::less<>> prefixes;
  // the dot-separated components of every key (views into `keys`)
  std::vector<std::vector<std::string_view>> parts;
};

uint64_t Load64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

// A cheap hash for cell keys (lookups compare the whole key, so it only needs
// to spread the catalogue): the length and three 8-byte words, where keys
// differ (their ends, and their middle).
uint64_t KeyHash(std::string_view k) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  uint64_t h = (k.size() + 1) * kMul;
  if (k.size() >= 8) {
    h = (h ^ Load64(k.data())) * kMul;
    h = (h ^ Load64(k.data() + k.size() / 2 - 4)) * kMul;
    h = (h ^ Load64(k.data() + k.size() - 8)) * kMul;
  } else {
    for (char ch : k) h = (h ^ static_cast<uint8_t>(ch)) * kMul;
  }
  return h ^ (h >> 31);
}

template <typename M, xxgk::v1::Cell* (M::*kMutable)()>
xxgk::v1::Cell* MutableVia(Message* m) {
  return (static_cast<M*>(m)->*kMutable)();
}

// The entry of an accessor table for field `name` of message type `d`, or
// nullptr.
template <typename A, size_t N>
const A* FindAccessor(const A (&table)[N], const Descriptor* d, std::string_view name) {
  for (const A& a : table) {
    if (a.type == d && a.name == name) return &a;
  }
  return nullptr;
}

template <typename M, typename Sub, Sub* (M::*kMutable)()>
Message* MutableMessageVia(Message* m) {
  return (static_cast<M*>(m)->*kMutable)();
}

template <typename M, typename Sub, bool (M::*kHas)() const, const Sub& (M::*kGet)() const>
const Message* SetMessageVia(const Message& m) {
  const M& typed = static_cast<const M&>(m);
  return (typed.*kHas)() ? &(typed.*kGet)() : nullptr;
}

// The generated mutable accessor of message field `name` of message type `d`
// for the messages of tables 三 and 四 (most cells of a report); left null for
// others (reflection is used then).
void SetGeneratedMessageAccessor(const Descriptor* d, std::string_view name, CellStep* step) {
  namespace v1 = xxgk::v1;
  struct Accessor {
    const Descriptor* type;
    std::string_view name;
    Message* (*mutable_message)(Message*);
    const Message* (*set_message)(const Message&);
  };
#define XXGK_MESSAGE_ACCESSOR(M, Sub, f)                                   \
  {                                                                        \
    M::descriptor(), #f, MutableMessageVia<M, Sub, &M::mutable_##f>,       \
        SetMessageVia<M, Sub, &M::has_##f, &M::f>                          \
  }
  static const Accessor kAccessors[] = {
      XXGK_MESSAGE_ACCESSOR(v1::Tables, v1::Table2, t2),
      XXGK_MESSAGE_ACCESSOR(v1::Tables, v1::Table3, t3),
      XXGK_MESSAGE_ACCESSOR(v1::Tables, v1::Table4, t4),
      XXGK_MESSAGE_ACCESSOR(v1::Tables, v1::LegacyTable, legacy),
      XXGK_MESSAGE_ACCESSOR(v1::Table3, v1::T3Row, new_received),
      XXGK_MESSAGE_ACCESSOR(v1::Table3, v1::T3Row, carried_over),
      XXGK_MESSAGE_ACCESSOR(v1::Table3, v1::T3Result, result),
      XXGK_MESSAGE_ACCESSOR(v1::Table3, v1::T3Row, carried_forward),
      XXGK_MESSAGE_ACCESSOR(v1::T3Result, v1::T3Row, granted),
      XXGK_MESSAGE_ACCESSOR(v1::T3Result, v1::T3Row, partially_granted),
      XXGK_MESSAGE_ACCESSOR(v1::T3Result, v1::T3Denied, denied),
      XXGK_MESSAGE_ACCESSOR(v1::T3Result, v1::T3Unable, unable),
      XXGK_MESSAGE_ACCESSOR(v1::T3Result, v1::T3NotProcessed, not_processed),
      XXGK_MESSAGE_ACCESSOR(v1::T3Result, v1::T3Other, other),
      XXGK_MESSAGE_ACCESSOR(v1::T3Result, v1::T3Row, total),
      XXGK_MESSAGE_ACCESSOR(v1::T3Denied, v1::T3Row, state_secret),
      XXGK_MESSAGE_ACCESSOR(v1::T3Denied, v1::T3Row, prohibited_by_law),
      XXGK_MESSAGE_ACCESSOR(v1::T3Denied, v1::T3Row, security_stability),
      XXGK_MESSAGE_ACCESSOR(v1::T3Denied, v1::T3Row, third_party_rights),
      XXGK_MESSAGE_ACCESSOR(v1::T3Denied, v1::T3Row, internal_affairs),
      XXGK_MESSAGE_ACCESSOR(v1::T3Denied, v1::T3Row, process_information),
      XXGK_MESSAGE_ACCESSOR(v1::T3Denied, v1::T3Row, enforcement_files),
      XXGK_MESSAGE_ACCESSOR(v1::T3Denied, v1::T3Row, administrative_query),
      XXGK_MESSAGE_ACCESSOR(v1::T3Unable, v1::T3Row, not_held),
      XXGK_MESSAGE_ACCESSOR(v1::T3Unable, v1::T3Row, needs_creation),
      XXGK_MESSAGE_ACCESSOR(v1::T3Unable, v1::T3Row, still_unclear),
      XXGK_MESSAGE_ACCESSOR(v1::T3NotProcessed, v1::T3Row, petition_complaint),
      XXGK_MESSAGE_ACCESSOR(v1::T3NotProcessed, v1::T3Row, duplicate),
      XXGK_MESSAGE_ACCESSOR(v1::T3NotProcessed, v1::T3Row, publication),
      XXGK_MESSAGE_ACCESSOR(v1::T3NotProcessed, v1::T3Row, excessive),
      XXGK_MESSAGE_ACCESSOR(v1::T3NotProcessed, v1::T3Row, reconfirm),
      XXGK_MESSAGE_ACCESSOR(v1::T3Other, v1::T3Row, no_correction),
      XXGK_MESSAGE_ACCESSOR(v1::T3Other, v1::T3Row, unpaid_fee),
      XXGK_MESSAGE_ACCESSOR(v1::T3Other, v1::T3Row, other),
      XXGK_MESSAGE_ACCESSOR(v1::Table4, v1::T4Block, review),
      XXGK_MESSAGE_ACCESSOR(v1::Table4, v1::T4Block, litigation_direct),
      XXGK_MESSAGE_ACCESSOR(v1::Table4, v1::T4Block, litigation_after_review),
  };
#undef XXGK_MESSAGE_ACCESSOR
  if (const Accessor* a = FindAccessor(kAccessors, d, name); a != nullptr) {
    step->mutable_message = a->mutable_message;
    step->set_message = a->set_message;
  }
}

template <typename M, bool (M::*kHas)() const, const xxgk::v1::Cell& (M::*kGet)() const>
const xxgk::v1::Cell* SetVia(const Message& m) {
  const M& typed = static_cast<const M&>(m);
  return (typed.*kHas)() ? &(typed.*kGet)() : nullptr;
}

// The generated accessors of cell field `name` of message type `d`; left
// null for a cell this table does not list (reflection is used then).
void SetGeneratedAccessors(const Descriptor* d, std::string_view name, CellStep* step) {
  using xxgk::v1::T3Other;
  using xxgk::v1::T3Row;
  using xxgk::v1::T4Block;
  namespace v1 = xxgk::v1;
  struct Accessor {
    const Descriptor* type;
    std::string_view name;
    xxgk::v1::Cell* (*mutable_cell)(Message*);
    const xxgk::v1::Cell* (*set_cell)(const Message&);
  };
#define XXGK_CELL_ACCESSORS(M, f) \
  { M::descriptor(), #f, MutableVia<M, &M::mutable_##f>, SetVia<M, &M::has_##f, &M::f> }
  static const Accessor kAccessors[] = {
      XXGK_CELL_ACCESSORS(T3Row, natural_person),
      XXGK_CELL_ACCESSORS(T3Row, commercial_enterprise),
      XXGK_CELL_ACCESSORS(T3Row, research_institution),
      XXGK_CELL_ACCESSORS(T3Row, social_welfare_org),
      XXGK_CELL_ACCESSORS(T3Row, legal_service_org),
      XXGK_CELL_ACCESSORS(T3Row, other_org),
      XXGK_CELL_ACCESSORS(T3Row, total),
      XXGK_CELL_ACCESSORS(T3Other, natural_person),
      XXGK_CELL_ACCESSORS(T3Other, commercial_enterprise),
      XXGK_CELL_ACCESSORS(T3Other, research_institution),
      XXGK_CELL_ACCESSORS(T3Other, social_welfare_org),
      XXGK_CELL_ACCESSORS(T3Other, legal_service_org),
      XXGK_CELL_ACCESSORS(T3Other, other_org),
      XXGK_CELL_ACCESSORS(T3Other, total),
      XXGK_CELL_ACCESSORS(T4Block, upheld),
      XXGK_CELL_ACCESSORS(T4Block, corrected),
      XXGK_CELL_ACCESSORS(T4Block, other),
      XXGK_CELL_ACCESSORS(T4Block, pending),
      XXGK_CELL_ACCESSORS(T4Block, total),
      XXGK_CELL_ACCESSORS(v1::T2Documents, issued),
      XXGK_CELL_ACCESSORS(v1::T2Documents, repealed),
      XXGK_CELL_ACCESSORS(v1::T2Documents, in_force),
      XXGK_CELL_ACCESSORS(v1::T2Documents, new_made),
      XXGK_CELL_ACCESSORS(v1::T2Documents, new_published),
      XXGK_CELL_ACCESSORS(v1::T2Documents, total_public),
      XXGK_CELL_ACCESSORS(v1::T2Decisions, decisions),
      XXGK_CELL_ACCESSORS(v1::T2Decisions, previous_count),
      XXGK_CELL_ACCESSORS(v1::T2Decisions, change),
      XXGK_CELL_ACCESSORS(v1::T2Fees, amount_wan_yuan),
      XXGK_CELL_ACCESSORS(v1::T2Fees, previous_count),
      XXGK_CELL_ACCESSORS(v1::T2Fees, change),
      XXGK_CELL_ACCESSORS(v1::T2Procurement, projects),
      XXGK_CELL_ACCESSORS(v1::T2Procurement, amount),
      XXGK_CELL_ACCESSORS(v1::LegacyChannels, gazette),
      XXGK_CELL_ACCESSORS(v1::LegacyChannels, website),
      XXGK_CELL_ACCESSORS(v1::LegacyChannels, weibo),
      XXGK_CELL_ACCESSORS(v1::LegacyChannels, wechat),
      XXGK_CELL_ACCESSORS(v1::LegacyChannels, other),
      XXGK_CELL_ACCESSORS(v1::LegacyActive, total),
      XXGK_CELL_ACCESSORS(v1::LegacyActive, normative_docs),
      XXGK_CELL_ACCESSORS(v1::LegacyActive, normative_docs_issued),
      XXGK_CELL_ACCESSORS(v1::LegacyResponse, hot_topics),
      XXGK_CELL_ACCESSORS(v1::LegacyResponse, press_conferences),
      XXGK_CELL_ACCESSORS(v1::LegacyResponse, press_conferences_by_head),
      XXGK_CELL_ACCESSORS(v1::LegacyResponse, online_interviews),
      XXGK_CELL_ACCESSORS(v1::LegacyResponse, online_interviews_by_head),
      XXGK_CELL_ACCESSORS(v1::LegacyResponse, policy_interpretations),
      XXGK_CELL_ACCESSORS(v1::LegacyResponse, weibo_wechat),
      XXGK_CELL_ACCESSORS(v1::LegacyResponse, other),
      XXGK_CELL_ACCESSORS(v1::LegacyApplicationChannels, in_person),
      XXGK_CELL_ACCESSORS(v1::LegacyApplicationChannels, fax),
      XXGK_CELL_ACCESSORS(v1::LegacyApplicationChannels, online),
      XXGK_CELL_ACCESSORS(v1::LegacyApplicationChannels, letter),
      XXGK_CELL_ACCESSORS(v1::LegacyAnswers, already_public),
      XXGK_CELL_ACCESSORS(v1::LegacyAnswers, granted),
      XXGK_CELL_ACCESSORS(v1::LegacyAnswers, partially_granted),
      XXGK_CELL_ACCESSORS(v1::LegacyAnswers, denied),
      XXGK_CELL_ACCESSORS(v1::LegacyAnswers, not_this_agency),
      XXGK_CELL_ACCESSORS(v1::LegacyAnswers, not_exist),
      XXGK_CELL_ACCESSORS(v1::LegacyAnswers, correction_requested),
      XXGK_CELL_ACCESSORS(v1::LegacyAnswers, other_channel),
      XXGK_CELL_ACCESSORS(v1::LegacyDenied, state_secret),
      XXGK_CELL_ACCESSORS(v1::LegacyDenied, commercial_secret),
      XXGK_CELL_ACCESSORS(v1::LegacyDenied, privacy),
      XXGK_CELL_ACCESSORS(v1::LegacyDenied, security_stability),
      XXGK_CELL_ACCESSORS(v1::LegacyDenied, not_government_info),
      XXGK_CELL_ACCESSORS(v1::LegacyDenied, other_law),
      XXGK_CELL_ACCESSORS(v1::LegacyApplications, received),
      XXGK_CELL_ACCESSORS(v1::LegacyApplications, closed),
      XXGK_CELL_ACCESSORS(v1::LegacyApplications, closed_on_time),
      XXGK_CELL_ACCESSORS(v1::LegacyApplications, closed_extended),
      XXGK_CELL_ACCESSORS(v1::LegacyApplications, answered),
      XXGK_CELL_ACCESSORS(v1::LegacyOutcomes, total),
      XXGK_CELL_ACCESSORS(v1::LegacyOutcomes, upheld),
      XXGK_CELL_ACCESSORS(v1::LegacyOutcomes, corrected),
      XXGK_CELL_ACCESSORS(v1::LegacyOutcomes, other),
      XXGK_CELL_ACCESSORS(v1::LegacyOrg, units),
      XXGK_CELL_ACCESSORS(v1::LegacyOrg, reading_points),
      XXGK_CELL_ACCESSORS(v1::LegacyStaff, total),
      XXGK_CELL_ACCESSORS(v1::LegacyStaff, full_time),
      XXGK_CELL_ACCESSORS(v1::LegacyStaff, part_time),
      XXGK_CELL_ACCESSORS(v1::LegacyTable, complaints),
      XXGK_CELL_ACCESSORS(v1::LegacyTable, fees_wan_yuan),
      XXGK_CELL_ACCESSORS(v1::LegacyTable, funding_wan_yuan),
      XXGK_CELL_ACCESSORS(v1::LegacyTable, meetings),
      XXGK_CELL_ACCESSORS(v1::LegacyTable, trainings),
      XXGK_CELL_ACCESSORS(v1::LegacyTable, trainees),
  };
#undef XXGK_CELL_ACCESSORS
  if (const Accessor* a = FindAccessor(kAccessors, d, name); a != nullptr) {
    step->mutable_cell = a->mutable_cell;
    step->set_cell = a->set_cell;
  }
}

void Walk(const Descriptor* d, const std::string& prefix, std::vector<CellStep>* path,
          Catalogue* c) {
  const Reflection* refl =
      google::protobuf::MessageFactory::generated_factory()->GetPrototype(d)->GetReflection();
  for (int i = 0; i < d->field_count(); ++i) {
    const FieldDescriptor* f = d->field(i);
    if (f->type() != FieldDescriptor::TYPE_MESSAGE || f->is_repeated()) continue;
    const Descriptor* sub = f->message_type();
    std::string key = prefix.empty() ? f->name() : prefix + "." + f->name();
    path->push_back(
        {f, refl, google::protobuf::MessageFactory::generated_factory()->GetPrototype(sub)});
    if (sub == xxgk::v1::Cell::descriptor()) {
      SetGeneratedAccessors(d, f->name(), &path->back());
      CellPath p;
      p.steps = *path;
      p.index = c->keys.size();
      p.key = key;
      // keys are walked depth first: the cells of one message are adjacent
      p.holder = p.index;
      if (!c->paths.empty()) {
        const CellPath& prev = c->paths.back();
        if (prev.steps.size() == p.steps.size() &&
            std::equal(prev.steps.begin(), prev.steps.end() - 1, p.steps.begin(),
                       [](const CellStep& a, const CellStep& b) { return a.field == b.field; })) {
          p.holder = prev.holder;
        }
      }
      c->keys.push_back(key);
      c->paths.push_back(std::move(p));
      // every proper prefix of a cell key is a group prefix
      std::string_view k = key;
      for (size_t pos = k.find('.'); pos != std::string_view::npos; pos = k.find('.', pos + 1)) {
        c->prefixes.emplace(k.substr(0, pos));
      }
      c->prefixes.emplace(key);
    } else if (sub != xxgk::v1::TableInfo::descriptor()) {
      SetGeneratedMessageAccessor(d, f->name(), &path->back());
      Walk(sub, key, path, c);
    }
    path->pop_back();
  }
}

// Sets run_end of the steps at `depth` of the paths [first, last) (which share
// their steps before `depth`) and below, as IndexCells walks them.
void SetRunEnds(size_t depth, size_t first, size_t last, std::vector<CellPath>* paths) {
  for (size_t k = first; k < last;) {
    CellStep& s = (*paths)[k].steps[depth];
    size_t end = k + 1;
    while (end < last && (*paths)[end].steps[depth].field == s.field) ++end;
    s.run_end = end;
    if (s.set_cell == nullptr && (*paths)[k].steps.size() > depth + 1) {
      SetRunEnds(depth + 1, k, end, paths);
    }
    k = end;
  }
}

const Catalogue& Get() {
  static const Catalogue* const kCatalogue = [] {
    auto* c = new Catalogue;
    std::vector<CellStep> path;
    Walk(xxgk::v1::Tables::descriptor(), "", &path, c);
    SetRunEnds(0, 0, c->paths.size(), &c->paths);
    size_t n_slots = 16;
    while (n_slots < 4 * c->keys.size()) n_slots *= 2;
    c->slots.assign(n_slots, 0);
    c->parts.reserve(c->keys.size());
    for (size_t i = 0; i < c->keys.size(); ++i) {
      size_t slot = KeyHash(c->keys[i]) & (n_slots - 1);
      while (c->slots[slot] != 0) slot = (slot + 1) & (n_slots - 1);
      c->slots[slot] = static_cast<uint32_t>(i + 1);
      std::vector<std::string_view> parts;
      std::string_view k = c->keys[i];
      for (size_t b = 0;;) {
        size_t e = k.find('.', b);
        parts.push_back(k.substr(b, e == std::string_view::npos ? e : e - b));
        if (e == std::string_view::npos) break;
        b = e + 1;
      }
      c->parts.push_back(std::move(parts));
    }
    return c;
  }();
  return *kCatalogue;
}

}  // namespace

const CellPath* ResolveCellKey(std::string_view key) {
  const Catalogue& c = Get();
  const size_t mask = c.slots.size() - 1;
  for (size_t slot = KeyHash(key) & mask;; slot = (slot + 1) & mask) {
    const uint32_t s = c.slots[slot];
    if (s == 0) return nullptr;
    if (c.keys[s - 1] == key) return &c.paths[s - 1];
  }
}

const std::string& CellPathKey(const CellPath& path) { return path.key; }

size_t CellPathIndex(const CellPath& path) { return path.index; }

const std::vector<std::string>& AllCellKeys() { return Get().keys; }

bool IsCellKey(std::string_view key) { return ResolveCellKey(key) != nullptr; }

bool IsKeyPrefix(std::string_view prefix) { return Get().prefixes.count(prefix) > 0; }

std::vector<std::string> ExpandPattern(std::string_view pattern) {
  std::vector<std::string> out;
  if (pattern.find('*') == std::string_view::npos) {
    if (IsCellKey(pattern)) out.emplace_back(pattern);
    return out;
  }
  absl::InlinedVector<std::string_view, 8> want;
  for (size_t b = 0;;) {
    size_t e = pattern.find('.', b);
    want.push_back(pattern.substr(b, e == std::string_view::npos ? e : e - b));
    if (e == std::string_view::npos) break;
    b = e + 1;
  }
  const Catalogue& c = Get();
  for (size_t k = 0; k < c.keys.size(); ++k) {
    const std::vector<std::string_view>& got = c.parts[k];
    if (got.size() != want.size()) continue;
    bool match = true;
    for (size_t i = 0; i < got.size() && match; ++i) {
      match = want[i] == "*" || want[i] == got[i];
    }
    if (match) out.push_back(c.keys[k]);
  }
  return out;
}

const xxgk::v1::Cell* FindCell(const xxgk::v1::Tables& tables, const CellPath& path) {
  // An unset message reads as its default instance, below which no cell was
  // read: no presence test is needed on the way down, and reaching one ends
  // the walk.
  const Message* m = &tables;
  for (const CellStep& s : path.steps) {
    if (s.set_cell != nullptr) {  // the last step, by generated code
      m = s.set_cell(*m);
      if (m == nullptr) return nullptr;
      continue;
    }
    m = &s.reflection->GetMessage(*m, s.field);
    if (m == s.unset) return nullptr;
  }
  const auto* cell = static_cast<const xxgk::v1::Cell*>(m);
  return cell->presence() == xxgk::v1::Cell::PRESENCE_UNSPECIFIED ? nullptr : cell;
}

const xxgk::v1::Cell* FindCell(const xxgk::v1::Tables& tables, std::string_view key) {
  const CellPath* path = ResolveCellKey(key);
  return path == nullptr ? nullptr : FindCell(tables, *path);
}

xxgk::v1::Cell* MutableCell(xxgk::v1::Tables* tables, const CellPath& path) {
  Message* m = tables;
  for (const CellStep& s : path.steps) m = s.reflection->MutableMessage(m, s.field);
  return static_cast<xxgk::v1::Cell*>(m);
}

xxgk::v1::Cell* MutableCell(xxgk::v1::Tables* tables, std::string_view key) {
  const CellPath* path = ResolveCellKey(key);
  return path == nullptr ? nullptr : MutableCell(tables, *path);
}

namespace {

// Steps `a` and `b` share from their start.
size_t CommonSteps(const CellPath& a, const CellPath& b) {
  const size_t n = std::min(a.steps.size(), b.steps.size());
  size_t i = 0;
  while (i < n && a.steps[i].field == b.steps[i].field) ++i;
  return i;
}

}  // namespace

CellCursor::CellCursor(const xxgk::v1::Tables& tables) { chain_.push_back(&tables); }

const xxgk::v1::Cell* CellCursor::Find(const CellPath& path) {
  const size_t keep = last_ == nullptr ? 0 : CommonSteps(*last_, path);
  chain_.resize(keep + 1);
  for (size_t i = keep; i < path.steps.size(); ++i) {
    const CellStep& s = path.steps[i];
    chain_.push_back(&s.reflection->GetMessage(*chain_.back(), s.field));
  }
  last_ = &path;
  const auto* cell = static_cast<const xxgk::v1::Cell*>(chain_.back());
  return cell->presence() == xxgk::v1::Cell::PRESENCE_UNSPECIFIED ? nullptr : cell;
}

MutableCellCursor::MutableCellCursor(xxgk::v1::Tables* tables) { chain_.push_back(tables); }

xxgk::v1::Cell* MutableCellCursor::Get(const CellPath& path) {
  if (last_ != nullptr && last_->holder == path.holder) {
    // another cell of the message the last one was in: one last step
    const CellStep& s = path.steps.back();
    Message* holder = chain_[chain_.size() - 2];
    chain_.back() = s.mutable_cell != nullptr ? s.mutable_cell(holder)
                                              : s.reflection->MutableMessage(holder, s.field);
    last_ = &path;
    return static_cast<xxgk::v1::Cell*>(chain_.back());
  }
  const size_t keep = last_ == nullptr ? 0 : CommonSteps(*last_, path);
  chain_.resize(keep + 1);
  for (size_t i = keep; i < path.steps.size(); ++i) {
    const CellStep& s = path.steps[i];
    Message* const holder = chain_.back();
    chain_.push_back(s.mutable_cell != nullptr      ? s.mutable_cell(holder)
                     : s.mutable_message != nullptr ? s.mutable_message(holder)
                                                    : s.reflection->MutableMessage(holder, s.field));
  }
  last_ = &path;
  return static_cast<xxgk::v1::Cell*>(chain_.back());
}

namespace {

// Fills `cells` (by key index) with the read cells below `m`, which sits at
// depth `depth` of the paths [first, last) (all of which pass through it).
void IndexCells(const Message& m, size_t depth, size_t first, size_t last,
                std::vector<const xxgk::v1::Cell*>* cells) {
  const Catalogue& c = Get();
  for (size_t k = first; k < last;) {
    const CellStep& s = c.paths[k].steps[depth];
    // the paths through the same field form one run (schema order), found
    // when the catalogue was built
    const size_t end = s.run_end;
    if (s.set_cell != nullptr) {  // a cell, read by generated code
      const xxgk::v1::Cell* cell = s.set_cell(m);
      if (cell != nullptr && cell->presence() != xxgk::v1::Cell::PRESENCE_UNSPECIFIED) {
        (*cells)[k] = cell;
      }
      k = end;
      continue;
    }
    if (s.set_message != nullptr) {  // a message, read by generated code
      if (const Message* sub = s.set_message(m); sub != nullptr) {
        IndexCells(*sub, depth + 1, k, end, cells);
      }
      k = end;
      continue;
    }
    const Message& sub = s.reflection->GetMessage(m, s.field);
    if (&sub != s.unset) {
      if (c.paths[k].steps.size() == depth + 1) {
        const auto& cell = static_cast<const xxgk::v1::Cell&>(sub);
        if (cell.presence() != xxgk::v1::Cell::PRESENCE_UNSPECIFIED) (*cells)[k] = &cell;
      } else {
        IndexCells(sub, depth + 1, k, end, cells);
      }
    }
    k = end;
  }
}

}  // namespace

CellIndex::CellIndex(const xxgk::v1::Tables& tables) : cells_(Get().keys.size(), nullptr) {
  IndexCells(tables, 0, 0, cells_.size(), &cells_);
}

const xxgk::v1::Cell* CellIndex::Find(const CellPath& path) const { return cells_[path.index]; }

const xxgk::v1::Cell* CellIndex::Find(std::string_view key) const {
  const CellPath* path = ResolveCellKey(key);
  return path == nullptr ? nullptr : cells_[path->index];
}

void ForEachCell(const xxgk::v1::Tables& tables,
                 const std::function<void(const std::string&, const xxgk::v1::Cell&)>& fn) {
  const Catalogue& c = Get();
  CellCursor cursor(tables);
  for (size_t k = 0; k < c.keys.size(); ++k) {
    if (const xxgk::v1::Cell* cell = cursor.Find(c.paths[k])) fn(c.keys[k], *cell);
  }
}
std::string_view TableOfKey(std::string_view key) { return key.substr(0, key.find('.')); }

std::string CellValueString(const xxgk::v1::Cell& cell) {
  switch (cell.presence()) {
    case xxgk::v1::Cell::NUMBER:
      return cell.value();
    case xxgk::v1::Cell::BLANK:
      return "BLANK";
    case xxgk::v1::Cell::NA:
      return "NA";
    case xxgk::v1::Cell::TEXT:
      return "TEXT:" + cell.raw();
    default:
      return "";
  }
}

}  // namespace xxgk::report
