// OpenDocument's automatic numbering (.odt): list styles (text:list-style)
// and the outline style of numbered headings (text:outline-style), counted
// through the document in reading order so that each numbered paragraph
// gets the label LibreOffice shows ("一、", "（二）", "3.", "2.1").
#ifndef XXGK_REPORT_ODT_NUMBERING_H_
#define XXGK_REPORT_ODT_NUMBERING_H_

#include <libxml/tree.h>

#include <array>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "report/list_numbers.h"

namespace xxgk::report {

class OdtNumbering {
 public:
  // Reads the list styles, the paragraph styles that name one and the
  // outline style from the roots of content.xml and styles.xml (either may
  // be null). Nothing is kept of the trees.
  static OdtNumbering Load(const xmlNode* content, const xmlNode* styles);

  // The walk: call EnterList/ExitList around a text:list's children and
  // EnterItem on each text:list-item or text:list-header, then Label on
  // every text:p or text:h in document order. Label returns the automatic
  // number of the paragraph (counted once per list item, on its first
  // paragraph; an outline number for a heading outside lists) followed by
  // what separates it from the text (AppendListLabel), or "".
  void EnterList(const xmlNode* list);
  void ExitList();
  void EnterItem(const xmlNode* item);
  std::string Label(const xmlNode* paragraph);

 private:
  struct Level {
    ListNumberStyle style = ListNumberStyle::kNone;  // bullets and images too
    std::string prefix, suffix;
    int display_levels = 1;
    int start = 1;
    bool separator = true;  // text:label-followed-by is a tab or a space
  };
  using Levels = std::array<Level, ListCounters::kLevels>;
  struct Chain {  // lists that continue each other
    ListCounters counters;
    const Levels* levels = nullptr;  // the style of the first list that named one
  };
  struct Frame {
    Chain* chain = nullptr;
    const Levels* levels = nullptr;  // null: the paragraph style's list style
    int level = 0;
    // The item's first paragraph still to be numbered, and the restart it asks.
    bool pending = false;
    std::optional<int> start_value;
  };

  static Levels ReadLevels(const xmlNode* style, const char* level_element);
  std::string Format(const Levels& levels, ListCounters& counters, int level, std::optional<int> start_value);

  absl::flat_hash_map<std::string, Levels> list_styles_;
  absl::flat_hash_map<std::string, std::string> paragraph_list_styles_;  // paragraph style → list style
  std::optional<Levels> outline_;

  std::deque<Chain> chains_;                          // stable addresses
  absl::flat_hash_map<std::string, Chain*> by_id_;     // xml:id of a list
  absl::flat_hash_map<std::string, Chain*> by_style_;  // the last list of a style
  Chain* last_ = nullptr;
  Chain outline_chain_;
  std::vector<Frame> frames_;
};

}  // namespace xxgk::report

#endif  // XXGK_REPORT_ODT_NUMBERING_H_
