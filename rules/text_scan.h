// Byte-level scanners that replace regular-expression passes over a report's
// whole text in check kinds, with exactly the results of the RE2 patterns they
// stand for (tests/rules/text_scan_test.cc pins the equivalence).
#ifndef XXGK_RULES_TEXT_SCAN_H_
#define XXGK_RULES_TEXT_SCAN_H_

#include <cstddef>
#include <string_view>

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

// Does CountHan's one-off setup (checking its code point ranges against
// RE2's Unicode tables) now; check kinds call it when they are compiled so
// that no validation pays for it.
void PrecomputeTextScan();

}  // namespace xxgk::rules

#endif  // XXGK_RULES_TEXT_SCAN_H_
