// Word's automatic numbering (.docx and flat Word XML): the list definitions
// of word/numbering.xml and the numbered paragraph styles of word/styles.xml,
// counted through the document in reading order so that each numbered
// paragraph gets the label Word shows ("一、", "（二）", "3.", "2.1").
#ifndef XXGK_REPORT_WORD_NUMBERING_H_
#define XXGK_REPORT_WORD_NUMBERING_H_

#include <libxml/tree.h>

#include <array>
#include <optional>
#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "report/list_numbers.h"

namespace xxgk::report {

class WordNumbering {
 public:
  // Reads the definitions from the roots of numbering.xml (w:numbering) and
  // styles.xml (w:styles); either may be null. Nothing is kept of the trees.
  static WordNumbering Load(const xmlNode* numbering, const xmlNode* styles);

  // The label of the paragraph whose w:pPr is `ppr` (null: none), counted:
  // call once per paragraph, in document order. Empty when the paragraph is
  // not numbered or its level shows no number (bullets, an empty level
  // text). The label ends with what separates it from the text
  // (AppendListLabel).
  std::string Label(const xmlNode* ppr);

  bool empty() const { return nums_.empty(); }

  // One level of a list definition.
  struct Level {
    ListNumberStyle style = ListNumberStyle::kDecimal;
    std::string text;         // w:lvlText, "%1、"
    int start = 1;
    int restart_after = -1;   // w:lvlRestart (1-based); -1: the level above
    bool legal = false;       // w:isLgl: referenced levels in decimal
    bool bullet = false;      // w:numFmt="bullet": a sign, not a number
    bool separator = true;    // w:suff is tab or space
    std::string style_id;     // w:pStyle: the paragraph style this level numbers
  };
  using Levels = std::array<std::optional<Level>, ListCounters::kLevels>;
  using Starts = std::array<std::optional<int>, ListCounters::kLevels>;

  // Definitions read from elsewhere (a binary .doc's list tables): an
  // abstract list, and an instance of one with its restarts and levels
  // redefined. Level text uses Word's "%1" placeholders.
  void AddAbstract(const std::string& id, const Levels& levels) { abstracts_[id] = levels; }
  void AddNum(const std::string& id, const std::string& abstract_id, const Starts& start, const Levels& overrides) {
    nums_[id] = Num{abstract_id, overrides, start};
  }
  // The label of a paragraph numbered by instance `num_id` at `level`,
  // counted (as Label above).
  std::string Label(const std::string& num_id, int level) { return Counted(num_id, level, ""); }

 private:
  struct Num {
    std::string abstract_id;
    Levels overrides;                                             // w:lvlOverride/w:lvl
    Starts start;                                                 // w:startOverride
  };
  struct StyleNum {
    std::string based_on;
    std::optional<std::string> num_id;  // set by the style itself
    std::optional<int> level;
  };

  std::string Counted(const std::string& num_id, std::optional<int> level, const std::string& style_id);
  const Level* LevelOf(const Num& num, const Levels& abstract, int level) const;
  // The abstract list a w:num counts in, following w:numStyleLink once.
  const std::string* AbstractOf(const Num& num) const;
  // The numbering a paragraph style gives, along its w:basedOn chain.
  std::pair<std::optional<std::string>, std::optional<int>> StyleNumbering(const std::string& style_id) const;

  absl::flat_hash_map<std::string, Levels> abstracts_;
  absl::flat_hash_map<std::string, std::string> style_links_;  // abstract → w:numStyleLink style
  absl::flat_hash_map<std::string, Num> nums_;
  absl::flat_hash_map<std::string, StyleNum> styles_;
  // Counts are kept per abstract list: w:num instances of one abstract list
  // continue each other unless a w:startOverride restarts them (as in Word).
  absl::flat_hash_map<std::string, ListCounters> counters_;
  absl::flat_hash_set<std::pair<std::string, int>> started_;  // (num, level) seen
};

}  // namespace xxgk::report

#endif  // XXGK_REPORT_WORD_NUMBERING_H_
