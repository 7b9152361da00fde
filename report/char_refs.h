// HTML character references left in plain text: a page's text copied out of
// its source, or a content system's export that was never unescaped, keeps
// "&nbsp;&nbsp;一、总体情况" and "&#40;七&#41;总计". Read as they are, the
// references hide headings, numbering and labels from every later stage.
#ifndef XXGK_REPORT_CHAR_REFS_H_
#define XXGK_REPORT_CHAR_REFS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk::report {

struct Unescaped {
  std::string text;
  // to_input[i] = byte offset in the input of text byte i (size text + 1).
  // A character written for a reference maps each of its bytes to the
  // reference's '&'.
  std::vector<uint32_t> to_input;
};

// Replaces every complete reference in `utf8` — named (an HTML 4 entity:
// &nbsp; &ldquo; &amp;, looked up in libxml2's table) or numeric (&#40;
// &#x4E00;), always ended by ';' — by its character. A reference to no
// character (an unknown name, a code point of 0, a surrogate or beyond
// U+10FFFF) is left as it is. False, with `out` untouched, when there is no
// reference to replace: the common case, found without building anything.
bool UnescapeCharRefs(std::string_view utf8, Unescaped* out);

}  // namespace xxgk::report

#endif  // XXGK_REPORT_CHAR_REFS_H_
