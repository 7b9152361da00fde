// Byte-level scanners that replace regular-expression passes over a report's
// whole text in check kinds, with exactly the results of the RE2 patterns they
// stand for (tests/rules/text_scan_test.cc pins the equivalence).
#ifndef XXGK_RULES_TEXT_SCAN_H_
#define XXGK_RULES_TEXT_SCAN_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk::rules {

// The leftmost match at or after `pos` of the RE2 pattern
// `((?:19|20)\d{2})\s*年`: [*begin, *end) is the whole match, *year the four
// digits. False when there is none.
bool NextYearMention(std::string_view text, size_t pos, size_t* begin, size_t* end, int* year);

// The number of UTF-8 lead bytes left after RE2::GlobalReplace(text,
// `[^\p{Han}]+`, ""): for well-formed UTF-8, the number of Han characters.
int CountHan(std::string_view text);

// min(CountHan(text), stop_at), stopping the scan once stop_at is reached.
int CountHan(std::string_view text, int stop_at);

// A pattern that is nothing but alternatives of literal text
// ("工作考核|绩效考核|考核"), searched for as bytes: FoundIn(text) is
// RE2::PartialMatch(text, pattern). (RE2 tries a match at every byte, so a
// literal matches wherever its bytes stand, in ill-formed text too.)
class LiteralAlternation {
 public:
  // The alternation `pattern` spells, or std::nullopt when it uses any RE2
  // syntax besides '|' (a metacharacter or an escape).
  static std::optional<LiteralAlternation> Of(std::string_view pattern);

  // RE2::PartialMatch(text, pattern).
  bool FoundIn(std::string_view text) const;

 private:
  // Alternatives none of which holds another (a text holding the longer one
  // holds the shorter one too), in pattern order.
  std::vector<std::string> needles_;
  bool has_empty_ = false;  // an empty alternative matches every text
};

// Does CountHan's one-off setup (checking its code point ranges against
// RE2's Unicode tables) now; check kinds call it when they are compiled so
// that no validation pays for it.
void PrecomputeTextScan();

}  // namespace xxgk::rules

#endif  // XXGK_RULES_TEXT_SCAN_H_
