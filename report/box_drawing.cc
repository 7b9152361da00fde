// BoxDrawingAsAscii (report/mapped_text.h): tables drawn with box-drawing
// characters read as pipe tables.
#include "report/mapped_text.h"

#include <cstdint>

namespace xxgk::report {
namespace {

// U+2500..U+257F is E2 94 80..E2 95 BF in UTF-8. The code point of the
// character at `at`, or -1 when none of the block stands there.
int BoxCharAt(std::string_view s, size_t at) {
  if (at + 2 >= s.size() || static_cast<unsigned char>(s[at]) != 0xE2) return -1;
  const auto b1 = static_cast<unsigned char>(s[at + 1]);
  const auto b2 = static_cast<unsigned char>(s[at + 2]);
  if ((b1 != 0x94 && b1 != 0x95) || (b2 & 0xC0) != 0x80) return -1;
  return 0x2500 + ((b1 - 0x94) << 6) + (b2 & 0x3F);
}

// Lines drawn across: light, heavy, dashed and double horizontals and the
// half lines pointing left or right.
bool IsHorizontal(int c) {
  switch (c) {
    case 0x2500: case 0x2501: case 0x2504: case 0x2505: case 0x2508: case 0x2509:
    case 0x254C: case 0x254D: case 0x2550: case 0x2574: case 0x2576: case 0x2578:
    case 0x257A: case 0x257C: case 0x257E:
      return true;
    default:
      return false;
  }
}

// The diagonals (╱ ╲ ╳) part no cells.
bool IsDiagonal(int c) { return c >= 0x2571 && c <= 0x2573; }

// Whether the line [b, e) holds nothing but box-drawing characters, blanks
// and the ASCII a rule is drawn with: a rule between rows.
bool IsRuleLine(std::string_view s, size_t b, size_t e) {
  bool drawn = false;
  for (size_t i = b; i < e;) {
    if (BoxCharAt(s, i) >= 0 && i + 3 <= e) {
      drawn = true;
      i += 3;
      continue;
    }
    const char a = s[i];
    if (a != ' ' && a != '\t' && a != '\r' && a != '|' && a != '+' && a != '-' && a != '=' && a != ':') {
      return false;
    }
    ++i;
  }
  return drawn;
}

size_t FindBoxChar(std::string_view s, size_t from) {
  for (size_t at = s.find('\xE2', from); at != std::string_view::npos; at = s.find('\xE2', at + 1)) {
    if (BoxCharAt(s, at) >= 0) return at;
  }
  return std::string_view::npos;
}

}  // namespace

bool BoxDrawingAsAscii(std::string_view utf8, MappedText* out) {
  size_t at = FindBoxChar(utf8, 0);
  if (at == std::string_view::npos) return false;
  out->Start(utf8.size());
  size_t copied = 0;  // input bytes before `copied` are written
  bool replaced = false;
  while (at != std::string_view::npos) {
    const size_t nl_before = utf8.rfind('\n', at);
    const size_t line_begin = nl_before == std::string_view::npos ? 0 : nl_before + 1;
    size_t line_end = utf8.find('\n', at);
    if (line_end == std::string_view::npos) line_end = utf8.size();
    const bool rule = IsRuleLine(utf8, line_begin, line_end);
    for (; at != std::string_view::npos && at < line_end; at = FindBoxChar(utf8, at + 3)) {
      const int c = BoxCharAt(utf8, at);
      if (IsDiagonal(c)) continue;
      const bool horizontal = IsHorizontal(c);
      if (horizontal && !rule) continue;  // a dash in running text
      out->Copy(utf8, copied, at);
      out->text.push_back(horizontal ? '-' : '|');
      out->to_input.push_back(static_cast<uint32_t>(at));
      copied = at + 3;
      replaced = true;
    }
  }
  if (!replaced) {  // only dashes and diagonals: nothing drawn
    out->Start(0);
    return false;
  }
  out->Copy(utf8, copied, utf8.size());
  out->Finish(utf8.size());
  return true;
}

}  // namespace xxgk::report
