#include "report/html_nesting.h"

#include <algorithm>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace xxgk::report {
namespace {

bool IsNameChar(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == ':' || c == '-' || c == '_';
}

// Elements that never hold content, or that the next sibling (or the
// parent's end) closes without an end tag; html/head/body are opened once.
bool NotCounted(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image",
      "img", "input", "isindex", "keygen", "link", "meta", "nextid", "param", "source", "spacer",
      "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt",
      "rtc", "rp", "thead", "tbody", "tfoot", "colgroup", "caption", "html", "head", "body"};
  return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

// Elements whose content is text up to their own end tag.
bool IsRawText(std::string_view name) {
  return name == "script" || name == "style" || name == "textarea" || name == "title" ||
         name == "xmp" || name == "noembed" || name == "plaintext";
}

// Position after the case-insensitive `needle` at or after `from`, or npos.
size_t FindAfter(std::string_view s, size_t from, std::string_view needle) {
  for (size_t at = s.find('<', from); at != std::string_view::npos; at = s.find('<', at + 1)) {
    if (s.size() - at >= needle.size() &&
        absl::EqualsIgnoreCase(absl::string_view(s.data() + at, needle.size()),
                               absl::string_view(needle.data(), needle.size()))) {
      return at + needle.size();
    }
  }
  return std::string_view::npos;
}

}  // namespace

size_t PeakOpenHtmlElements(std::string_view html) {
  absl::flat_hash_map<std::string, size_t> open;
  size_t depth = 0, peak = 0;
  std::string name;
  size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    ++i;
    if (html.substr(i, 3) == "!--") {  // comment
      const size_t end = html.find("-->", i + 3);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    const bool closing = i < html.size() && html[i] == '/';
    if (closing) ++i;
    name.clear();
    while (i < html.size() && IsNameChar(html[i])) {
      name.push_back(absl::ascii_tolower(static_cast<unsigned char>(html[i])));
      ++i;
    }
    if (name.empty() || !absl::ascii_isalpha(static_cast<unsigned char>(name[0]))) continue;
    if (!closing && IsRawText(name)) {
      const size_t after = FindAfter(html, i, "</" + name);
      if (after == std::string_view::npos) break;
      i = after;
      continue;
    }
    if (NotCounted(name)) continue;
    if (closing) {
      auto it = open.find(name);
      if (it != open.end() && it->second > 0) {
        --it->second;
        --depth;
      }
    } else {
      ++open[name];
      peak = std::max(peak, ++depth);
    }
  }
  return peak;
}

}  // namespace xxgk::report
