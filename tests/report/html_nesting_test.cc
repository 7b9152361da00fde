// The scan that refuses pages gumbo would take minutes over: what it counts
// as open, and where ReadHtml draws the line.
#include "report/html_nesting.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "report/readers.h"

namespace xxgk::report {
namespace {

using ::testing::HasSubstr;

TEST(PeakOpenHtmlElements, CountsElementsOpenAtOnce) {
  EXPECT_EQ(PeakOpenHtmlElements(""), 0u);
  EXPECT_EQ(PeakOpenHtmlElements("<div><div><span>x</span></div></div><div></div>"), 3u);
  EXPECT_EQ(PeakOpenHtmlElements("<DIV><Div>x</dIv></DIV>"), 2u) << "names ignore case";
  EXPECT_EQ(PeakOpenHtmlElements("<b><i>x</b></i><b>"), 2u) << "misnested end tags still close";
  EXPECT_EQ(PeakOpenHtmlElements("</div></div><div>"), 1u) << "unmatched end tags close nothing";
  EXPECT_EQ(PeakOpenHtmlElements("<div/><div/>"), 2u) << "an HTML parser opens them";
  EXPECT_EQ(PeakOpenHtmlElements("<o:p></o:p><o:p>"), 1u) << "Word's namespaced tags";
}

TEST(PeakOpenHtmlElements, VoidAndSelfClosingByHtmlRulesAreNotCounted) {
  EXPECT_EQ(PeakOpenHtmlElements("<html><head><meta charset=utf-8><title>t</title></head><body>"
                                 "<div><p>a<p>b<br><img src=x><hr><ul><li>c<li>d</ul>"
                                 "<table><tbody><tr><td>1<td>2<tr><th>3</table></div>"),
            2u);  // the div with the ul, then the div with the table
}

TEST(PeakOpenHtmlElements, SkipsCommentsAndRawText) {
  EXPECT_EQ(PeakOpenHtmlElements("<!-- <div><div><div> -->"
                                 "<script>if (a<b) { s = '<div><div>'; }</SCRIPT>"
                                 "<style>a<b{}</style><textarea><div></textarea>"
                                 "<div>x</div>"),
            1u);
  EXPECT_EQ(PeakOpenHtmlElements("<div><!-- never closed <div><div>"), 1u);
  EXPECT_EQ(PeakOpenHtmlElements("<div><script>x<div><div>"), 1u);
  EXPECT_EQ(PeakOpenHtmlElements("a < b and c<5 <"), 0u) << "a < that starts no tag";
}

std::string Nested(int n) {
  std::string html = "<html><body>";
  for (int i = 0; i < n; ++i) html += "<div>";
  html += "深处";
  for (int i = 0; i < n; ++i) html += "</div>";
  return html + "</body></html>";
}

TEST(PeakOpenHtmlElements, ReadHtmlRefusesPagesNestedBeyondTheLimit) {
  auto at_limit = ReadHtml(Nested(static_cast<int>(kMaxOpenHtmlElements)));
  EXPECT_TRUE(at_limit.ok()) << at_limit.status();
  const int over = static_cast<int>(kMaxOpenHtmlElements) + 1;
  auto deep = ReadHtml(Nested(over));
  ASSERT_FALSE(deep.ok());
  EXPECT_EQ(deep.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(deep.status().message()),
              HasSubstr(std::to_string(over) + " elements open at once"));
  EXPECT_THAT(std::string(deep.status().message()), HasSubstr("send that"));
  // Formatting elements left open pile up the same way.
  std::string bold = "<html><body>";
  for (int i = 0; i < 5000; ++i) bold += "<b id=" + std::to_string(i) + ">x";
  EXPECT_FALSE(ReadHtml(bold).ok());
}

}  // namespace
}  // namespace xxgk::report
