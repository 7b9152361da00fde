// UnescapeCharRefs (report/mapped_text.h): HTML character references in plain text.
#include "report/mapped_text.h"

#include <libxml/HTMLparser.h>

#include <cstring>
#include <optional>

#include "report/utf8.h"

namespace xxgk::report {
namespace {

// Longest name in the HTML 4 entity table is 8 characters (thetasym); the
// longest numeric reference worth reading is &#1114111; or &#x10FFFF;.
constexpr size_t kMaxRefLength = 12;

// The code point of the reference starting at `at` (a '&'), and its length
// in bytes through the ';'.
std::optional<UChar32> ReadRef(std::string_view s, size_t at, size_t* length) {
  const size_t semi = s.find(';', at + 1);
  if (semi == std::string_view::npos || semi - at > kMaxRefLength || semi == at + 1) return std::nullopt;
  const std::string_view body = s.substr(at + 1, semi - at - 1);
  *length = semi - at + 1;
  if (body[0] == '#') {
    const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    const std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty()) return std::nullopt;
    uint32_t v = 0;
    for (char c : digits) {
      uint32_t d;
      if (c >= '0' && c <= '9') {
        d = static_cast<uint32_t>(c - '0');
      } else if (hex && ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')) {
        d = static_cast<uint32_t>((c | 0x20) - 'a' + 10);
      } else {
        return std::nullopt;
      }
      v = v * (hex ? 16 : 10) + d;
      if (v > 0x10FFFF) return std::nullopt;
    }
    if (v == 0 || (v >= 0xD800 && v <= 0xDFFF)) return std::nullopt;
    return static_cast<UChar32>(v);
  }
  for (char c : body) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return std::nullopt;
  }
  const std::string name(body);
  const htmlEntityDesc* e = htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.c_str()));
  if (e == nullptr) return std::nullopt;
  return static_cast<UChar32>(e->value);
}

}  // namespace

bool UnescapeCharRefs(std::string_view utf8, MappedText* out) {
  size_t at = utf8.find('&');
  // the first reference that reads, before anything is built
  size_t length = 0;
  std::optional<UChar32> c;
  for (; at != std::string_view::npos; at = utf8.find('&', at + 1)) {
    c = ReadRef(utf8, at, &length);
    if (c) break;
  }
  if (!c) return false;
  out->Start(utf8.size());
  size_t copied = 0;  // input bytes before `copied` are written
  while (at != std::string_view::npos) {
    if (c) {
      out->Copy(utf8, copied, at);
      const size_t before = out->text.size();
      AppendUtf8(*c, &out->text);
      out->to_input.insert(out->to_input.end(), out->text.size() - before, static_cast<uint32_t>(at));
      copied = at + length;
      at = utf8.find('&', copied);
    } else {
      at = utf8.find('&', at + 1);
    }
    if (at != std::string_view::npos) c = ReadRef(utf8, at, &length);
  }
  out->Copy(utf8, copied, utf8.size());
  out->Finish(utf8.size());
  return true;
}

}  // namespace xxgk::report
