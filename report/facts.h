// Prose facts: figures and claims the text states about applications,
// review/litigation, channels, documents and fees (docs/facts.md).
#ifndef XXGK_REPORT_FACTS_H_
#define XXGK_REPORT_FACTS_H_

#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "re2/re2.h"
#include "xxgk/v1/report.pb.h"

namespace xxgk::report {

// Reads facts from report.text (section kinds from report.sections; the
// sections' texts when report.text is empty), table rows excluded,
// with Chinese numerals, separators, approximations, units and scope words.
std::vector<xxgk::v1::ProseFact> ExtractFacts(const xxgk::v1::Report& report);

// A number as written in a report, as a normalised decimal: "1,234" → "1234",
// "12.50" → "12.5", "二十一" → "21", "一百零五" → "105", "两" → "2",
// "二〇二四" → "2024". nullopt when `text` is not a number.
std::optional<std::string> ParseNumber(std::string_view text);

namespace internal {

// Whether `line` starts like a heading's numbering: the same answer as a
// partial match of
//   ^\s*(?:[一二三四五六七八九十]+\s*[、.]|\(\s*[一二三四五六七八九十]+\s*\)|\d+\s*[、.]|第[一二三四五六七八九十]+[部分章节])
// (facts_scan_test pins the two equal on generated lines).
bool StartsLikeHeading(std::string_view line);

// The scope word of `context`: the leftmost match of
//   (全[市区县镇乡省州旗盟]|本级|备案|[全本各][^\d,;。]{0,6}?系统)
// with a match of the last alternative read as "系统"; "" when none
// (facts_scan_test pins the two equal on generated text).
std::string ScopeOf(std::string_view context);

// What ExtractFacts finds in one pass over the text its sentences view:
// every byte q >= 2 where bytes q - 1 and q are the last two bytes of one
// of the units 元件条次个项起宗份篇部 (`unit_ends`), and where each of
// kScanWords starts (`words`), all in increasing order.
inline constexpr std::string_view kScanWords[] = {"申请", "行政", "维持", "费"};
struct TextScan {
  std::vector<uint32_t> unit_ends;
  std::vector<uint32_t> words[std::size(kScanWords)];
};
// kGeneral: the units by a byte-pair test at every byte and each word by
// its own search. The others make one pass that looks every byte pair up in
// a table of all of them: kTable at every byte, kSsse3 and kAvx2 only where
// a test of sixteen or thirty-two pairs at a time (PSHUFB on their nibbles)
// lets one through. kBest is the fastest this machine runs
// (facts_scan_test pins each equal to kGeneral).
enum class ScanPath { kGeneral, kTable, kSsse3, kAvx2, kBest };
bool ScanPathRuns(ScanPath path);
void ScanText(std::string_view text, ScanPath path, TextScan* out);

// The claims ExtractFacts reads from a sentence, each the leftmost-first
// match of its pattern (ClaimPattern), which FindClaim finds by hand: its
// byte offsets in `s`, false when there is none (facts_scan_test pins the
// two equal on generated text).
enum class Claim { kNoApplications, kNoReview, kNoLitigation, kUpheld, kAllGranted, kNoFee };
std::string ClaimPattern(Claim claim);
bool FindClaim(Claim claim, std::string_view s, size_t* b, size_t* e);

// ExtractFacts' numeric rules: each one's pattern, and whether it ends in
// the figure (the named groups pre, num, more, mult, more2, unit, post).
struct NumericRulePattern {
  std::string pattern;
  bool figure_last = false;
  std::vector<std::string> starts;  // words every match starts with; empty: not known
};
std::vector<NumericRulePattern> NumericRulePatterns();

// The leftmost-first match of `re` in text[from, end) when every match of
// it starts with one of `starts` (any match when `starts` is empty): the
// same match as an unanchored search, found by anchored searches at each
// occurrence of a start word, nearest first (facts_scan_test pins the two
// equal for each rule).
bool FindStartingWith(const re2::RE2& re, const std::vector<std::string>& starts,
                      std::string_view text, size_t from, re2::StringPiece* match);
// The same for `count` (1 to kMaxStartWords; 0: no match) start words.
inline constexpr size_t kMaxStartWords = 8;
bool FindStartingWith(const re2::RE2& re, const std::string_view* starts, size_t count,
                      std::string_view text, size_t from, re2::StringPiece* match);

// The figure groups of a match of a figure_last pattern, as RE2 captures
// them: the figure the match ends with, starting as early as one can
// (none of those patterns lets the part before the figure end in a
// character a figure may start with, except whitespace, which no group
// holds). False when the match ends in no figure. facts_scan_test pins
// this to RE2's captures on generated text.
struct FigureParts {
  std::string_view pre, num, more, mult, more2, unit, post;
};
bool LastFigure(std::string_view match, FigureParts* out);

// The literals ExtractFacts' numeric rules need (a rule runs only on a
// clause holding one word of each of its groups), at most 64.
const std::vector<std::string>& NeedWordList();
// Bit k set when `text` holds NeedWordList()[k] (text.find(word) != npos),
// all found in one pass over `text` (facts_scan_test pins the two equal).
uint64_t NeedWordsIn(std::string_view text);

}  // namespace internal

}  // namespace xxgk::report

#endif  // XXGK_REPORT_FACTS_H_
