#include "rules/cell_index.h"

#include <cstdlib>

#include "absl/container/flat_hash_map.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "report/cell_keys.h"

namespace xxgk::rules {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;

// The message tree below Tables that holds cells, flattened: node 0 is
// Tables; each child is a sub-message field leading either to another node or
// to a Cell (a leaf with its id).
struct Child {
  const FieldDescriptor* field;
  int node;   // index of the sub-message's node, or -1 for a Cell
  CellId id;  // for a Cell
  // What Reflection::GetMessage returns for the field when it is not set.
  const Message* unset;
};

struct Node {
  std::vector<Child> children;
};

struct Tree {
  std::vector<Node> nodes;
  std::vector<std::string> keys;
  absl::flat_hash_map<std::string, CellId> ids;
};

const Message* Prototype(const FieldDescriptor* f) {
  return google::protobuf::MessageFactory::generated_factory()->GetPrototype(f->message_type());
}

// Mirrors report/cell_keys.cc's catalogue walk (same fields, same order), so
// ids follow AllCellKeys(); Get() verifies that.
void Walk(const Descriptor* d, const std::string& prefix, int node, Tree* t) {
  for (int i = 0; i < d->field_count(); ++i) {
    const FieldDescriptor* f = d->field(i);
    if (f->type() != FieldDescriptor::TYPE_MESSAGE || f->is_repeated()) continue;
    const Descriptor* sub = f->message_type();
    std::string key = prefix.empty() ? f->name() : prefix + "." + f->name();
    if (sub == xxgk::v1::Cell::descriptor()) {
      const CellId id = static_cast<CellId>(t->keys.size());
      t->nodes[node].children.push_back({f, -1, id, Prototype(f)});
      t->ids.emplace(key, id);
      t->keys.push_back(std::move(key));
    } else if (sub != xxgk::v1::TableInfo::descriptor()) {
      const int child = static_cast<int>(t->nodes.size());
      t->nodes.emplace_back();
      t->nodes[node].children.push_back({f, child, kNoCell, Prototype(f)});
      Walk(sub, key, child, t);
      // A group without cells below it is never entered.
      if (t->nodes[child].children.empty()) t->nodes[node].children.pop_back();
    }
  }
}

const Tree& Get() {
  static const Tree* const kTree = [] {
    auto* t = new Tree;
    t->nodes.emplace_back();
    Walk(xxgk::v1::Tables::descriptor(), "", 0, t);
    // The ids are positions in the catalogue; a divergence is a programming
    // error that would silently misread cells.
    if (t->keys != report::AllCellKeys()) std::abort();
    return t;
  }();
  return *kTree;
}

// report::FindCell needs every message on the path set. An unset field reads
// as its default instance, whose cells are all PRESENCE_UNSPECIFIED: skipping
// it (when it is the prototype) or walking it gives the same index, so no
// HasField call is needed.
void Fill(const Tree& t, const Message& m, int node, std::vector<const xxgk::v1::Cell*>* cells) {
  const auto* refl = m.GetReflection();
  for (const Child& c : t.nodes[static_cast<size_t>(node)].children) {
    const Message& sub = refl->GetMessage(m, c.field);
    if (&sub == c.unset) continue;
    if (c.node < 0) {
      const auto& cell = static_cast<const xxgk::v1::Cell&>(sub);
      if (cell.presence() != xxgk::v1::Cell::PRESENCE_UNSPECIFIED) (*cells)[static_cast<size_t>(c.id)] = &cell;
    } else {
      Fill(t, sub, c.node, cells);
    }
  }
}

}  // namespace

int CellCount() { return static_cast<int>(Get().keys.size()); }

CellId CellIdOf(std::string_view key) {
  const auto& ids = Get().ids;
  auto it = ids.find(absl::string_view(key.data(), key.size()));
  return it == ids.end() ? kNoCell : it->second;
}

const std::string& CellKeyOf(CellId id) { return Get().keys[static_cast<size_t>(id)]; }

std::vector<CellId> CellIdsOf(const std::vector<std::string>& keys) {
  std::vector<CellId> out;
  out.reserve(keys.size());
  for (const auto& k : keys) out.push_back(CellIdOf(k));
  return out;
}

CellIndex::CellIndex(const xxgk::v1::Tables& tables) : cells_(Get().keys.size(), nullptr) {
  Fill(Get(), tables, 0, &cells_);
}

}  // namespace xxgk::rules
