#include "report/cell_keys.h"

#include <map>
#include <set>

#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/reflection.h"

namespace xxgk::report {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;

using Path = std::vector<const FieldDescriptor*>;

struct Catalogue {
  std::vector<std::string> keys;
  std::map<std::string, Path, std::less<>> paths;
  std::set<std::string, std::less<>> prefixes;
};

void Walk(const Descriptor* d, const std::string& prefix, Path* path, Catalogue* c) {
  for (int i = 0; i < d->field_count(); ++i) {
    const FieldDescriptor* f = d->field(i);
    if (f->type() != FieldDescriptor::TYPE_MESSAGE || f->is_repeated()) continue;
    const Descriptor* sub = f->message_type();
    std::string key = prefix.empty() ? f->name() : prefix + "." + f->name();
    path->push_back(f);
    if (sub == xxgk::v1::Cell::descriptor()) {
      c->keys.push_back(key);
      c->paths.emplace(key, *path);
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
    Path path;
    Walk(xxgk::v1::Tables::descriptor(), "", &path, c);
    return c;
  }();
  return *kCatalogue;
}

const Path* FindPath(std::string_view key) {
  const auto& paths = Get().paths;
  auto it = paths.find(key);
  return it == paths.end() ? nullptr : &it->second;
}

}  // namespace

const std::vector<std::string>& AllCellKeys() { return Get().keys; }

bool IsCellKey(std::string_view key) { return FindPath(key) != nullptr; }

bool IsKeyPrefix(std::string_view prefix) { return Get().prefixes.count(prefix) > 0; }

std::vector<std::string> ExpandPattern(std::string_view pattern) {
  std::vector<std::string> out;
  if (pattern.find('*') == std::string_view::npos) {
    if (IsCellKey(pattern)) out.emplace_back(pattern);
    return out;
  }
  std::vector<absl::string_view> want =
      absl::StrSplit(absl::string_view(pattern.data(), pattern.size()), '.');
  for (const std::string& key : AllCellKeys()) {
    std::vector<absl::string_view> got = absl::StrSplit(key, '.');
    if (got.size() != want.size()) continue;
    bool match = true;
    for (size_t i = 0; i < got.size() && match; ++i) {
      match = want[i] == "*" || want[i] == got[i];
    }
    if (match) out.push_back(key);
  }
  return out;
}

const xxgk::v1::Cell* FindCell(const xxgk::v1::Tables& tables, std::string_view key) {
  const Path* path = FindPath(key);
  if (path == nullptr) return nullptr;
  const Message* m = &tables;
  for (const FieldDescriptor* f : *path) {
    const auto* refl = m->GetReflection();
    if (!refl->HasField(*m, f)) return nullptr;
    m = &refl->GetMessage(*m, f);
  }
  const auto* cell = static_cast<const xxgk::v1::Cell*>(m);
  return cell->presence() == xxgk::v1::Cell::PRESENCE_UNSPECIFIED ? nullptr : cell;
}

xxgk::v1::Cell* MutableCell(xxgk::v1::Tables* tables, std::string_view key) {
  const Path* path = FindPath(key);
  if (path == nullptr) return nullptr;
  Message* m = tables;
  for (const FieldDescriptor* f : *path) m = m->GetReflection()->MutableMessage(m, f);
  return static_cast<xxgk::v1::Cell*>(m);
}

void ForEachCell(const xxgk::v1::Tables& tables,
                 const std::function<void(const std::string&, const xxgk::v1::Cell&)>& fn) {
  for (const std::string& key : AllCellKeys()) {
    if (const xxgk::v1::Cell* c = FindCell(tables, key)) fn(key, *c);
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
