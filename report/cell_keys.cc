#include "report/cell_keys.h"

#include <set>

#include "absl/container/flat_hash_map.h"
#include "absl/container/inlined_vector.h"
#include "absl/strings/string_view.h"
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
};

struct CellPath {
  std::vector<CellStep> steps;
  size_t index = 0;
  std::string key;
};

namespace {

struct Catalogue {
  std::vector<std::string> keys;
  std::vector<CellPath> paths;  // parallel to keys
  // key → position in keys/paths
  absl::flat_hash_map<std::string, size_t> by_key;
  std::set<std::string, std::less<>> prefixes;
  // the dot-separated components of every key (views into `keys`)
  std::vector<std::vector<std::string_view>> parts;
};

void Walk(const Descriptor* d, const std::string& prefix, std::vector<CellStep>* path,
          Catalogue* c) {
  const Reflection* refl =
      google::protobuf::MessageFactory::generated_factory()->GetPrototype(d)->GetReflection();
  for (int i = 0; i < d->field_count(); ++i) {
    const FieldDescriptor* f = d->field(i);
    if (f->type() != FieldDescriptor::TYPE_MESSAGE || f->is_repeated()) continue;
    const Descriptor* sub = f->message_type();
    std::string key = prefix.empty() ? f->name() : prefix + "." + f->name();
    path->push_back({f, refl});
    if (sub == xxgk::v1::Cell::descriptor()) {
      CellPath p;
      p.steps = *path;
      p.index = c->keys.size();
      p.key = key;
      c->keys.push_back(key);
      c->paths.push_back(std::move(p));
      // every proper prefix of a cell key is a group prefix
      std::string_view k = key;
      for (size_t pos = k.find('.'); pos != std::string_view::npos; pos = k.find('.', pos + 1)) {
        c->prefixes.emplace(k.substr(0, pos));
      }
      c->prefixes.emplace(key);
    } else if (sub != xxgk::v1::TableInfo::descriptor()) {
      Walk(sub, key, path, c);
    }
    path->pop_back();
  }
}

const Catalogue& Get() {
  static const Catalogue* const kCatalogue = [] {
    auto* c = new Catalogue;
    std::vector<CellStep> path;
    Walk(xxgk::v1::Tables::descriptor(), "", &path, c);
    c->by_key.reserve(c->keys.size());
    c->parts.reserve(c->keys.size());
    for (size_t i = 0; i < c->keys.size(); ++i) {
      c->by_key.emplace(c->keys[i], i);
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
  auto it = c.by_key.find(absl::string_view(key.data(), key.size()));
  return it == c.by_key.end() ? nullptr : &c.paths[it->second];
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
  // An unset message reads as its default instance, whose cells are all
  // PRESENCE_UNSPECIFIED: no presence test is needed on the way down.
  const Message* m = &tables;
  for (const CellStep& s : path.steps) m = &s.reflection->GetMessage(*m, s.field);
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

void ForEachCell(const xxgk::v1::Tables& tables,
                 const std::function<void(const std::string&, const xxgk::v1::Cell&)>& fn) {
  const Catalogue& c = Get();
  for (size_t k = 0; k < c.keys.size(); ++k) {
    if (const xxgk::v1::Cell* cell = FindCell(tables, c.paths[k])) fn(c.keys[k], *cell);
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
