#include "report/odt_numbering.h"

#include <libxml/tree.h>

#include <algorithm>
#include <optional>
#include <string>

#include "report/readers_common.h"
#include "report/zip_xml.h"

namespace xxgk::report {
namespace {

// A numeric attribute (1-based levels, start values: never negative), or
// nullopt.
std::optional<int> IntAttribute(const xmlNode* n, const char* local) {
  bool found = false;
  const std::string v = Attribute(n, local, &found);
  if (!found) return std::nullopt;
  std::optional<int> out = ParseListInt(v);
  if (out && *out < 0) return std::nullopt;
  return out;
}

bool IsTrue(const xmlNode* n, const char* local) { return Attribute(n, local) == "true"; }

// Whether a paragraph carries its number already (text:number, which
// some writers add as the label's text).
bool HasWrittenNumber(const xmlNode* p) {
  for (const xmlNode* c = p->children; c != nullptr; c = c->next) {
    if (IsElement(c, "number")) return true;
  }
  return false;
}

}  // namespace

OdtNumbering::Levels OdtNumbering::ReadLevels(const xmlNode* style, const char* level_element) {
  Levels levels;
  for (const xmlNode* l = style->children; l != nullptr; l = l->next) {
    const bool number = IsElement(l, level_element);
    if (!number && !IsElement(l, "list-level-style-bullet") && !IsElement(l, "list-level-style-image")) continue;
    const int index = ListCounters::Clamp(IntAttribute(l, "level").value_or(1) - 1);
    Level level;  // bullets and images: no number
    if (number) {
      level.style = OdfListNumberStyle(Attribute(l, "num-format"));
      level.prefix = Attribute(l, "num-prefix");
      level.suffix = Attribute(l, "num-suffix");
      level.display_levels = ListCounters::Clamp(IntAttribute(l, "display-levels").value_or(1) - 1) + 1;
      level.start = IntAttribute(l, "start-value").value_or(1);
    }
    const xmlNode* alignment = ChildElement(ChildElement(l, "list-level-properties"), "list-level-label-alignment");
    level.separator = Attribute(alignment, "label-followed-by") != "nothing";
    levels[index] = std::move(level);
  }
  return levels;
}

OdtNumbering OdtNumbering::Load(const xmlNode* content, const xmlNode* styles) {
  OdtNumbering out;
  auto read = [&out](const xmlNode* holder) {
    for (const xmlNode* s = holder != nullptr ? holder->children : nullptr; s != nullptr; s = s->next) {
      if (IsElement(s, "list-style")) {
        out.list_styles_[Attribute(s, "name")] = ReadLevels(s, "list-level-style-number");
      } else if (IsElement(s, "outline-style")) {
        out.outline_ = ReadLevels(s, "outline-level-style");
      } else if (IsElement(s, "style")) {
        bool found = false;
        std::string list_style = Attribute(s, "list-style-name", &found);
        if (found) out.paragraph_list_styles_[Attribute(s, "name")] = std::move(list_style);
      }
    }
  };
  for (const xmlNode* root : {styles, content}) {
    if (root == nullptr) continue;
    read(ChildElement(root, "styles"));
    read(ChildElement(root, "automatic-styles"));
  }
  return out;
}

void OdtNumbering::EnterList(const xmlNode* list) {
  Frame frame;
  bool named = false;
  const std::string style = Attribute(list, "style-name", &named);
  if (!frames_.empty()) {
    // A nested list is the next level of its item's list, in that list's style.
    const Frame& outer = frames_.back();
    frame.chain = outer.chain;
    frame.levels = outer.levels;
    frame.level = ListCounters::Clamp(outer.level + 1);
  } else {
    if (named) {
      auto it = list_styles_.find(style);
      if (it != list_styles_.end()) frame.levels = &it->second;
    }
    bool continues = false;
    const std::string continue_id = Attribute(list, "continue-list", &continues);
    if (continues && by_id_.contains(continue_id)) {
      frame.chain = by_id_[continue_id];
    } else if (IsTrue(list, "continue-numbering")) {
      auto it = by_style_.find(style);
      frame.chain = it != by_style_.end() ? it->second : last_;
    }
    if (frame.chain == nullptr) frame.chain = &chains_.emplace_back();
    // A list continuing another without naming a style keeps that list's.
    if (frame.levels == nullptr) frame.levels = frame.chain->levels;
    if (frame.chain->levels == nullptr) frame.chain->levels = frame.levels;
    last_ = frame.chain;
    by_style_[style] = frame.chain;
    bool has_id = false;
    const std::string id = Attribute(list, "id", &has_id);
    if (has_id) by_id_[id] = frame.chain;
  }
  frames_.push_back(frame);
}

void OdtNumbering::ExitList() {
  if (!frames_.empty()) frames_.pop_back();
}

void OdtNumbering::EnterItem(const xmlNode* item) {
  if (frames_.empty()) return;
  Frame& frame = frames_.back();
  // Only an item that starts with a paragraph counts at its level: the
  // items that merely hold a deeper list are how deeper levels are written.
  const xmlNode* first = item->children;
  while (first != nullptr && first->type != XML_ELEMENT_NODE) first = first->next;
  frame.pending = IsElement(item, "list-item") && first != nullptr && (IsElement(first, "p") || IsElement(first, "h"));
  frame.start_value = IntAttribute(item, "start-value");
}

std::string OdtNumbering::Format(const Levels& levels, ListCounters& counters, int level,
                                 std::optional<int> start_value) {
  const Level& def = levels[level];
  if (start_value) counters.RestartAt(level, *start_value);
  counters.Count(level, def.start);
  for (int deeper = level + 1; deeper < ListCounters::kLevels; ++deeper) counters.Reset(deeper);
  if (def.style == ListNumberStyle::kNone) return "";
  std::string label = def.prefix;
  const int first = std::max(0, level - def.display_levels + 1);
  for (int l = first; l <= level; ++l) {  // each shown level in its own format
    if (l > first) label.push_back('.');
    label += FormatListNumber(counters.Value(l, levels[l].start), levels[l].style);
  }
  label += def.suffix;
  std::string out;
  AppendListLabel(label, def.separator, &out);
  return out;
}

std::string OdtNumbering::Label(const xmlNode* paragraph) {
  if (frames_.empty()) {
    // A heading outside lists: numbered by the outline style.
    if (!outline_ || !IsElement(paragraph, "h") || IsTrue(paragraph, "is-list-header")) return "";
    if (HasWrittenNumber(paragraph)) return "";
    const int level = ListCounters::Clamp(IntAttribute(paragraph, "outline-level").value_or(1) - 1);
    std::optional<int> start;
    if (IsTrue(paragraph, "restart-numbering")) start = IntAttribute(paragraph, "start-value").value_or(1);
    return Format(*outline_, outline_chain_.counters, level, start);
  }
  Frame& frame = frames_.back();
  if (!frame.pending) return "";
  frame.pending = false;
  const Levels* levels = frame.levels;
  if (levels == nullptr) {
    // No list style named: the paragraph style's.
    auto p = paragraph_list_styles_.find(Attribute(paragraph, "style-name"));
    if (p == paragraph_list_styles_.end()) return "";
    auto it = list_styles_.find(p->second);
    if (it == list_styles_.end()) return "";
    levels = &it->second;
  }
  if (HasWrittenNumber(paragraph)) return "";
  return Format(*levels, frame.chain->counters, frame.level, frame.start_value);
}

}  // namespace xxgk::report
