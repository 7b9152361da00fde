// How deeply an HTML page leaves elements open, found by a scan of its tags
// before gumbo parses it. gumbo's tree building looks through the stack of
// open elements (and the list of open formatting elements) on each tag, so
// a page that nests tens of thousands of <div>s or leaves as many <b id=N>s
// open costs time quadratic in that number: 200,000 nested <div>s (2 MB)
// kept a core busy for minutes. Report pages nest a few dozen deep.
#ifndef XXGK_REPORT_HTML_NESTING_H_
#define XXGK_REPORT_HTML_NESTING_H_

#include <cstddef>
#include <string_view>

namespace xxgk::report {

// More open elements than this at any point: the page is refused.
inline constexpr size_t kMaxOpenHtmlElements = 4096;

// The largest number of elements open at once, counted the way a lenient
// reader would: a start tag opens its element and the next end tag of the
// same name closes one. Void elements (br, img, meta, ...) and elements that
// a following sibling closes by itself (p, li, td, tr, option, ...) are not
// counted, nor tags inside comments, <script>, <style>, <textarea>, <title>.
// A self-closing start tag of an ordinary element counts as open, as it does
// for an HTML parser.
size_t PeakOpenHtmlElements(std::string_view html);

}  // namespace xxgk::report

#endif  // XXGK_REPORT_HTML_NESTING_H_
