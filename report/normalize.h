// Text normalisation with a map back to the input:
// NFKC (full-width digits, letters, punctuation), traditional → simplified,
// pinyin readings glued after characters removed (公開(kāi) → 公开), spaces
// inside CJK runs collapsed (三 、本 年 度 → 三、本年度), mojibake runs flagged.
#ifndef XXGK_REPORT_NORMALIZE_H_
#define XXGK_REPORT_NORMALIZE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "xxgk/v1/report.pb.h"

namespace xxgk::report {

struct NormalizeOptions {
  bool to_simplified = true;
  bool strip_pinyin = true;
  bool collapse_cjk_spaces = true;
};

struct Normalized {
  std::string text;
  // to_input[i] = byte offset in the input of the text byte i (size text+1;
  // the last entry maps the end).
  std::vector<uint32_t> to_input;
  // How many characters traditional → simplified conversion changed.
  int traditional_chars = 0;
  // MOJIBAKE notes with span.source_* = input byte offsets.
  std::vector<xxgk::v1::ReadingNote> notes;
};

Normalized NormalizeText(std::string_view utf8, const NormalizeOptions& options = {});

// Page chrome of government web pages (breadcrumbs 您现在的位置…, 字体[大][中][小],
// 页面调色, 扫一扫…, share bars, print/close links): a whole line to drop.
// Expects normalised text.
bool IsPageChromeLine(std::string_view line);

namespace internal {

// Whether `line` holds 首页 (when shorter than 200 bytes), ICP备 within its
// first 18 bytes or 公网安备 within its first 60: literals some page chrome
// pattern needs wherever it starts (IsPageChromeLine's prefilter).
bool HasChromeLiteral(std::string_view line);

// The offset map of a run the direct writer copies as it is: for each byte
// of utf8 (well-formed, characters of at most three bytes), `at` plus the
// offset of the character it belongs to. kPlain a byte at a time; kSse2 and
// kAvx2 (where CharStartsPathRuns) sixteen and thirty-two bytes at once,
// as NormalizeText writes it.
enum class CharStartsPath { kPlain, kSse2, kAvx2 };
bool CharStartsPathRuns(CharStartsPath path);
std::vector<uint32_t> CharStarts(std::string_view utf8, uint32_t at, CharStartsPath path);

// NormalizeText stage by stage, each stage over every character. NormalizeText
// scans per-character tables and runs a stage's general form only where it can
// change something; normalize_fast_test pins the two equal on generated text.
Normalized NormalizeTextGeneral(std::string_view utf8, const NormalizeOptions& options = {});

// Traditional → simplified exactly as OpenCC's t2s.json converts `utf8`:
// with tables read once from its dictionaries (what NormalizeText uses), and
// with OpenCC itself. Exposed for the test that pins their equivalence.
bool T2sTablesLoaded();
std::string T2sWithTables(std::string_view utf8);
std::string T2sWithOpenCC(std::string_view utf8);

}  // namespace internal

}  // namespace xxgk::report

#endif  // XXGK_REPORT_NORMALIZE_H_
