// Plain text rewritten before normalisation, with a map back to the bytes
// it was made from so that spans still point into the text as sent:
// character references replaced (char_refs.cc), box-drawn tables redrawn
// with pipes (box_drawing.cc), hard wraps joined (line_wrap.cc).
#ifndef XXGK_REPORT_MAPPED_TEXT_H_
#define XXGK_REPORT_MAPPED_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk::report {

struct MappedText {
  std::string text;
  // to_input[i] = byte offset in the input of text byte i (size text + 1
  // once Finish has run).
  std::vector<uint32_t> to_input;

  // Empties it, with room for about `size` bytes.
  void Start(size_t size) {
    text.clear();
    to_input.clear();
    text.reserve(size);
    to_input.reserve(size + 1);
  }
  // Appends input bytes [from, to) of `input` as they are.
  void Copy(std::string_view input, size_t from, size_t to) {
    text.append(input.substr(from, to - from));
    for (size_t i = from; i < to; ++i) to_input.push_back(static_cast<uint32_t>(i));
  }
  // Maps the end of the text to the end of an input of `size` bytes.
  void Finish(size_t size) { to_input.push_back(static_cast<uint32_t>(size)); }
};

// HTML character references left in plain text (a page's text copied out of
// its source, or a content system's export that was never unescaped, keeps
// "&nbsp;&nbsp;一、总体情况" and "&#40;七&#41;总计"; read as they are, they
// hide headings, numbering and labels from every later stage). Replaces
// every complete reference in `utf8` — named (an HTML 4 entity: &nbsp;
// &ldquo; &amp;, looked up in libxml2's table) or numeric (&#40; &#x4E00;),
// always ended by ';' — by its character; its bytes map to the reference's
// '&'. A reference to no character (an unknown name, a code point of 0, a
// surrogate or beyond U+10FFFF) is left as it is. False, with `out`
// untouched, when there is no reference to replace: the common case, found
// without building anything.
bool UnescapeCharRefs(std::string_view utf8, MappedText* out);

// Tables drawn with box-drawing characters (U+2500..U+257F), as a text
// browser or a converter draws a web page's or a document's table:
// "┌──┬──┐", "│ 规章 │ 8 │", "├──┼──┤". Every vertical line, corner and
// junction becomes '|'; the horizontal lines become '-' on rule lines
// (nothing but drawing, blanks and "|+-=:"), where "|--|--|" is then a
// separator row; elsewhere a horizontal is a dash in running text ("──")
// and stays. The diagonals (╱ ╲ ╳) stay. Each replacement maps to its
// character's first byte. False, with `out` empty, when nothing was
// replaced.
bool BoxDrawingAsAscii(std::string_view utf8, MappedText* out);

// Text hard-wrapped at a fixed width (a tool that cut every line at N
// characters or N display columns splits paragraphs, table rows and even
// numbers: "…| 12" then "0 | ||"). When at least five lines, and a fifth of
// the lines at least half as long, are exactly as long as the longest (20
// to 160 characters, or to 320 display columns; a wide character is two, so
// a line cut there may be one short), every line that long is joined to the
// next by dropping the line break between them. Lines starting and
// ending at a drawn table's border ('|' or '+') are no evidence: rows padded
// to one width are all as long as each other without having been cut. False, with `out`
// untouched, otherwise: text as written has one line of its longest length.
bool UnwrapFixedWidth(std::string_view utf8, MappedText* out);

}  // namespace xxgk::report

#endif  // XXGK_REPORT_MAPPED_TEXT_H_
