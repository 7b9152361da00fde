#include "report/word_numbering.h"

#include <libxml/tree.h>

#include <optional>
#include <string>
#include <utility>

#include "report/readers_common.h"
#include "report/zip_xml.h"

namespace xxgk::report {
namespace {

constexpr int kMaxStyleChain = 32;  // w:basedOn hops (Word allows far fewer)

std::string Val(const xmlNode* n, bool* found = nullptr) { return Attribute(n, "val", found); }

// A w:val number, or nullopt when absent or not a number.
std::optional<int> IntVal(const xmlNode* n) {
  bool found = false;
  const std::string v = Val(n, &found);
  if (!found) return std::nullopt;
  return ParseListInt(v);
}

// The 0-based level a w:ilvl attribute names, clamped to the levels there are.
int LevelAttribute(const xmlNode* n) { return ListCounters::Clamp(ParseListInt(Attribute(n, "ilvl")).value_or(0)); }

// The 0-based level a w:ilvl names, clamped to the levels there are.
int LevelVal(const xmlNode* n) { return ListCounters::Clamp(IntVal(n).value_or(0)); }

}  // namespace

WordNumbering WordNumbering::Load(const xmlNode* numbering, const xmlNode* styles) {
  WordNumbering out;
  auto read_level = [](const xmlNode* lvl) {
    Level level;
    level.start = 0;  // w:start omitted: zero (ECMA-376 17.9.25; LibreOffice reads it so too)
    if (const xmlNode* f = ChildElement(lvl, "numFmt"); f != nullptr) {
      const std::string fmt = Val(f);
      level.style = WordListNumberStyle(fmt);
      level.bullet = fmt == "bullet";
    }
    if (const xmlNode* t = ChildElement(lvl, "lvlText"); t != nullptr) level.text = Val(t);
    if (const xmlNode* s = ChildElement(lvl, "start"); s != nullptr) level.start = IntVal(s).value_or(0);
    if (const xmlNode* r = ChildElement(lvl, "lvlRestart"); r != nullptr) {
      level.restart_after = IntVal(r).value_or(-1);
    }
    if (const xmlNode* l = ChildElement(lvl, "isLgl"); l != nullptr) {
      bool found = false;
      const std::string v = Val(l, &found);
      level.legal = !found || !(v == "0" || v == "false" || v == "off");
    }
    if (const xmlNode* s = ChildElement(lvl, "suff"); s != nullptr) level.separator = Val(s) != "nothing";
    if (const xmlNode* p = ChildElement(lvl, "pStyle"); p != nullptr) level.style_id = Val(p);
    return level;
  };
  for (const xmlNode* c = numbering != nullptr ? numbering->children : nullptr; c != nullptr; c = c->next) {
    if (IsElement(c, "abstractNum")) {
      const std::string id = Attribute(c, "abstractNumId");
      Levels& levels = out.abstracts_[id];
      for (const xmlNode* l = c->children; l != nullptr; l = l->next) {
        if (!IsElement(l, "lvl")) continue;
        const int ilvl = LevelAttribute(l);
        levels[ilvl] = read_level(l);
      }
      if (const xmlNode* link = ChildElement(c, "numStyleLink"); link != nullptr) {
        out.style_links_[id] = Val(link);
      }
    } else if (IsElement(c, "num")) {
      Num num;
      num.abstract_id = Val(ChildElement(c, "abstractNumId"));
      for (const xmlNode* o = c->children; o != nullptr; o = o->next) {
        if (!IsElement(o, "lvlOverride")) continue;
        const int ilvl = LevelAttribute(o);
        if (const xmlNode* s = ChildElement(o, "startOverride"); s != nullptr) num.start[ilvl] = IntVal(s);
        if (const xmlNode* l = ChildElement(o, "lvl"); l != nullptr) num.overrides[ilvl] = read_level(l);
      }
      out.nums_[Attribute(c, "numId")] = std::move(num);
    }
  }
  for (const xmlNode* c = styles != nullptr ? styles->children : nullptr; c != nullptr; c = c->next) {
    if (!IsElement(c, "style")) continue;
    StyleNum style;
    style.based_on = Val(ChildElement(c, "basedOn"));
    const xmlNode* num_pr = ChildElement(ChildElement(c, "pPr"), "numPr");
    if (const xmlNode* id = ChildElement(num_pr, "numId"); id != nullptr) style.num_id = Val(id);
    if (const xmlNode* lvl = ChildElement(num_pr, "ilvl"); lvl != nullptr) style.level = LevelVal(lvl);
    out.styles_[Attribute(c, "styleId")] = std::move(style);
  }
  return out;
}

std::pair<std::optional<std::string>, std::optional<int>> WordNumbering::StyleNumbering(
    const std::string& style_id) const {
  std::optional<std::string> num_id;
  std::optional<int> level;
  const std::string* id = &style_id;
  for (int hops = 0; hops < kMaxStyleChain && !id->empty(); ++hops) {
    auto it = styles_.find(*id);
    if (it == styles_.end()) break;
    if (!num_id) num_id = it->second.num_id;
    if (!level) level = it->second.level;
    if (num_id && level) break;
    id = &it->second.based_on;
  }
  return {num_id, level};
}

const std::string* WordNumbering::AbstractOf(const Num& num) const {
  auto link = style_links_.find(num.abstract_id);
  if (link == style_links_.end()) return &num.abstract_id;
  // A list style: the abstract list of the w:num its numbering style names.
  auto [linked_num, unused] = StyleNumbering(link->second);
  if (!linked_num) return &num.abstract_id;
  auto it = nums_.find(*linked_num);
  if (it == nums_.end() || style_links_.contains(it->second.abstract_id)) return &num.abstract_id;
  return &it->second.abstract_id;
}

const WordNumbering::Level* WordNumbering::LevelOf(const Num& num, const Levels& abstract, int level) const {
  if (num.overrides[level]) return &*num.overrides[level];
  if (abstract[level]) return &*abstract[level];
  return nullptr;
}

std::string WordNumbering::Label(const xmlNode* ppr) {
  if (nums_.empty() || ppr == nullptr) return "";
  const xmlNode* num_pr = ChildElement(ppr, "numPr");
  std::optional<std::string> num_id;
  std::optional<int> level;
  if (const xmlNode* id = ChildElement(num_pr, "numId"); id != nullptr) num_id = Val(id);
  if (const xmlNode* lvl = ChildElement(num_pr, "ilvl"); lvl != nullptr) level = LevelVal(lvl);
  const std::string style_id = Val(ChildElement(ppr, "pStyle"));
  if ((!num_id || !level) && !style_id.empty()) {
    auto [style_num, style_level] = StyleNumbering(style_id);
    if (!num_id) num_id = style_num;
    if (!level) level = style_level;
  }
  if (!num_id || *num_id == "0") return "";
  return Counted(*num_id, level, style_id);
}

std::string WordNumbering::Counted(const std::string& num_id, std::optional<int> level, const std::string& style_id) {
  if (level) level = ListCounters::Clamp(*level);
  auto num_it = nums_.find(num_id);
  if (num_it == nums_.end()) return "";
  const Num& num = num_it->second;
  const std::string& abstract_id = *AbstractOf(num);
  auto abstract_it = abstracts_.find(abstract_id);
  if (abstract_it == abstracts_.end()) return "";
  const Levels& abstract = abstract_it->second;
  if (!level) {
    // A style numbered without a level: the level that names the style.
    level = 0;
    for (int l = 0; l < ListCounters::kLevels; ++l) {
      const Level* def = LevelOf(num, abstract, l);
      if (def != nullptr && !style_id.empty() && def->style_id == style_id) {
        level = l;
        break;
      }
    }
  }
  const Level* def = LevelOf(num, abstract, *level);
  if (def == nullptr) return "";

  ListCounters& counters = counters_[abstract_id];
  if (num.start[*level] && started_.insert({num_id, *level}).second) {
    counters.RestartAt(*level, *num.start[*level]);
  }
  counters.Count(*level, def->start);
  for (int deeper = *level + 1; deeper < ListCounters::kLevels; ++deeper) {
    const Level* d = LevelOf(num, abstract, deeper);
    const int restart_after = d != nullptr && d->restart_after >= 0 ? d->restart_after : deeper;
    if (*level < restart_after) counters.Reset(deeper);
  }
  // Bullets are signs (often in a symbol font's private characters), not
  // numbers a label could be read from.
  if (def->bullet) return "";

  std::string label;
  const std::string& text = def->text;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9') {
      const int ref = text[i + 1] - '1';
      ++i;
      if (ref > *level) continue;  // Word shows nothing for a deeper level
      const Level* ref_def = LevelOf(num, abstract, ref);
      const int start = ref_def != nullptr ? ref_def->start : 1;
      const ListNumberStyle style = def->legal || ref_def == nullptr ? ListNumberStyle::kDecimal : ref_def->style;
      label += FormatListNumber(counters.Value(ref, start), style);
    } else {
      label.push_back(text[i]);
    }
  }
  std::string out;
  AppendListLabel(label, def->separator, &out);
  return out;
}

}  // namespace xxgk::report
