// MHTML: the MIME message is taken apart just far enough to find the page —
// headers (folded lines joined), Content-Type parameters, multipart bodies
// split at their boundary lines, quoted-printable or base64 undone. The page
// is then read by the HTML reader with the part's charset.
#include "report/mhtml.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "report/readers.h"
#include "report/refusal.h"

namespace xxgk::report {
namespace {

constexpr size_t kSniffBytes = 8192;  // a saved page's message headers fit well within
constexpr int kMaxNesting = 2;        // multipart inside multipart looked into
const char* const kAdvice = ResendAdvice("mhtml");

// Debian's Abseil has its own string_view.
absl::string_view A(std::string_view s) { return absl::string_view(s.data(), s.size()); }

struct Field {
  std::string name;  // lower case
  std::string value;
};

std::string HeaderValue(const std::vector<Field>& fields, std::string_view name) {
  for (const Field& f : fields) {
    if (f.name == name) return f.value;
  }
  return "";
}

bool HasHeader(const std::vector<Field>& fields, std::string_view name) {
  for (const Field& f : fields) {
    if (f.name == name) return true;
  }
  return false;
}

bool IsTokenChar(char c) {
  return c > ' ' && c < 127 && c != ':';
}

// The header block at the start of `in`, up to the first empty line; `body`
// is what follows it. False when a line before it is no header field, or
// when no empty line comes within `limit` bytes.
bool ParseHeaders(std::string_view in, size_t limit, std::vector<Field>* fields,
                  std::string_view* body) {
  size_t at = 0;
  while (at < in.size() && at <= limit) {
    size_t end = in.find('\n', at);
    const size_t next = end == std::string_view::npos ? in.size() : end + 1;
    std::string_view line = in.substr(at, (end == std::string_view::npos ? in.size() : end) - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      *body = in.substr(next);
      return true;
    }
    if (line.front() == ' ' || line.front() == '\t') {
      if (fields->empty()) return false;
      absl::StrAppend(&fields->back().value, " ", absl::StripAsciiWhitespace(A(line)));
    } else {
      size_t colon = 0;
      while (colon < line.size() && IsTokenChar(line[colon])) ++colon;
      if (colon == 0 || colon >= line.size() || line[colon] != ':') return false;
      fields->push_back({absl::AsciiStrToLower(A(line.substr(0, colon))),
                         std::string(absl::StripAsciiWhitespace(A(line.substr(colon + 1))))});
    }
    at = next;
  }
  // Headers with no body at all: the whole input was headers.
  if (at >= in.size() && !fields->empty()) {
    *body = std::string_view();
    return true;
  }
  return false;
}

struct ContentType {
  std::string type;  // "multipart/related", lower case
  std::vector<std::pair<std::string, std::string>> params;  // names lower case

  std::string Param(std::string_view name) const {
    for (const auto& [k, v] : params) {
      if (k == name) return v;
    }
    return "";
  }
};

// `type/subtype; name=value; name="quoted; value"`.
ContentType ParseContentType(std::string_view v) {
  std::vector<std::string> pieces(1);
  bool quoted = false;
  for (size_t i = 0; i < v.size(); ++i) {
    const char c = v[i];
    if (quoted && c == '\\' && i + 1 < v.size()) {
      pieces.back().push_back(v[++i]);
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == ';' && !quoted) {
      pieces.emplace_back();
    } else {
      pieces.back().push_back(c);
    }
  }
  ContentType ct;
  ct.type = absl::AsciiStrToLower(absl::StripAsciiWhitespace(pieces[0]));
  for (size_t i = 1; i < pieces.size(); ++i) {
    const size_t eq = pieces[i].find('=');
    if (eq == std::string::npos) continue;
    const absl::string_view piece = pieces[i];
    ct.params.emplace_back(absl::AsciiStrToLower(absl::StripAsciiWhitespace(piece.substr(0, eq))),
                           std::string(absl::StripAsciiWhitespace(piece.substr(eq + 1))));
  }
  return ct;
}

// The parts between `--boundary` lines (the preamble before the first and
// anything after the closing `--boundary--` left out). Each part keeps its
// own headers; the line break before a boundary line belongs to the boundary.
std::vector<std::string_view> SplitMultipart(std::string_view body, std::string_view boundary) {
  const std::string delimiter = absl::StrCat("--", A(boundary));
  std::vector<std::string_view> parts;
  size_t part_start = std::string_view::npos;
  for (size_t at = body.find(delimiter); at != std::string_view::npos;
       at = body.find(delimiter, at + delimiter.size())) {
    if (at != 0 && body[at - 1] != '\n') continue;
    if (part_start != std::string_view::npos) {
      size_t end = at;
      if (end > part_start && body[end - 1] == '\n') --end;
      if (end > part_start && body[end - 1] == '\r') --end;
      parts.push_back(body.substr(part_start, end - part_start));
    }
    const size_t after = at + delimiter.size();
    if (body.substr(after, 2) == "--") return parts;  // the closing delimiter
    const size_t line_end = body.find('\n', after);
    if (line_end == std::string_view::npos) return parts;
    part_start = line_end + 1;
  }
  if (part_start != std::string_view::npos && part_start < body.size()) {
    parts.push_back(body.substr(part_start));  // no closing delimiter: a cut file
  }
  return parts;
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

absl::StatusOr<std::string> UndoTransferEncoding(const std::vector<Field>& fields,
                                                 std::string_view body) {
  const std::string encoding =
      absl::AsciiStrToLower(absl::StripAsciiWhitespace(HeaderValue(fields, "content-transfer-encoding")));
  if (encoding == "quoted-printable") return internal::DecodeQuotedPrintable(body);
  if (encoding == "base64") {
    std::string compact;
    compact.reserve(body.size());
    for (char c : body) {
      if (!absl::ascii_isspace(static_cast<unsigned char>(c))) compact.push_back(c);
    }
    std::string out;
    if (!absl::Base64Unescape(compact, &out)) {
      return absl::InvalidArgumentError(
          absl::StrCat("the page's base64 encoding is damaged (the file was cut or altered)", kAdvice));
    }
    return out;
  }
  return std::string(body);  // 7bit, 8bit, binary, or none given
}

bool IsPageType(const std::string& type) { return type == "text/html" || type == "application/xhtml+xml"; }

absl::StatusOr<MimePart> HtmlOf(const std::vector<Field>& fields, std::string_view body,
                                int depth) {
  const ContentType ct = ParseContentType(HeaderValue(fields, "content-type"));
  if (IsPageType(ct.type)) {
    absl::StatusOr<std::string> page = UndoTransferEncoding(fields, body);
    if (!page.ok()) return page.status();
    return MimePart{*std::move(page), ct.Param("charset")};
  }
  if (!absl::StartsWith(ct.type, "multipart/") || depth >= kMaxNesting) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the saved page holds no web page (its content is ", ct.type.empty() ? "untyped" : ct.type,
        ")", kAdvice));
  }
  const std::string boundary = ct.Param("boundary");
  if (boundary.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("the saved page's Content-Type names no boundary between its parts", kAdvice));
  }
  struct Part {
    std::vector<Field> fields;
    std::string_view body;
    std::string type;  // its Content-Type's, lower case
  };
  std::vector<Part> parts;
  for (std::string_view raw : SplitMultipart(body, boundary)) {
    Part p;
    if (!ParseHeaders(raw, raw.size(), &p.fields, &p.body)) continue;
    p.type = ParseContentType(HeaderValue(p.fields, "content-type")).type;
    parts.push_back(std::move(p));
  }
  auto strip_angles = [](const std::string& s) {
    absl::string_view v = absl::StripAsciiWhitespace(s);
    if (absl::StartsWith(v, "<") && absl::EndsWith(v, ">")) v = v.substr(1, v.size() - 2);
    return std::string(v);
  };
  // The part the message names as its start, when it names one.
  if (const std::string start = strip_angles(ct.Param("start")); !start.empty()) {
    for (const Part& p : parts) {
      if (strip_angles(HeaderValue(p.fields, "content-id")) == start) return HtmlOf(p.fields, p.body, depth + 1);
    }
  }
  std::vector<std::string> seen;
  for (const Part& p : parts) {
    if (IsPageType(p.type)) return HtmlOf(p.fields, p.body, depth + 1);
    seen.push_back(p.type.empty() ? "untyped" : p.type);
  }
  for (const Part& p : parts) {
    if (!absl::StartsWith(p.type, "multipart/")) continue;
    absl::StatusOr<MimePart> nested = HtmlOf(p.fields, p.body, depth + 1);
    if (nested.ok()) return nested;
  }
  if (seen.size() > 8) seen.resize(8);
  return absl::InvalidArgumentError(absl::StrCat(
      "the saved page holds no web page (", parts.size(), " parts",
      seen.empty() ? "" : absl::StrCat(": ", absl::StrJoin(seen, ", ")), ")", kAdvice));
}

std::string_view SkipBomAndBlankLines(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  while (!bytes.empty() && (bytes.front() == '\r' || bytes.front() == '\n')) bytes.remove_prefix(1);
  return bytes;
}

}  // namespace

namespace internal {

std::string DecodeQuotedPrintable(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size();) {
    if (in[i] != '=') {
      out.push_back(in[i++]);
      continue;
    }
    size_t j = i + 1;
    while (j < in.size() && (in[j] == ' ' || in[j] == '\t')) ++j;
    if (j == in.size()) {
      i = j;  // "=" ending the text
      continue;
    }
    if (in[j] == '\n') {
      i = j + 1;  // soft line break
      continue;
    }
    if (in[j] == '\r' && j + 1 < in.size() && in[j + 1] == '\n') {
      i = j + 2;
      continue;
    }
    if (i + 2 < in.size() && HexDigit(in[i + 1]) >= 0 && HexDigit(in[i + 2]) >= 0) {
      out.push_back(static_cast<char>(HexDigit(in[i + 1]) * 16 + HexDigit(in[i + 2])));
      i += 3;
      continue;
    }
    out.push_back(in[i++]);  // a stray "=" stays
  }
  return out;
}

}  // namespace internal

bool LooksLikeMhtml(std::string_view bytes) {
  std::vector<Field> fields;
  std::string_view body;
  if (!ParseHeaders(SkipBomAndBlankLines(bytes), kSniffBytes, &fields, &body)) return false;
  const std::string type = ParseContentType(HeaderValue(fields, "content-type")).type;
  if (type == "multipart/related") return true;
  return type == "text/html" && HasHeader(fields, "mime-version");
}

absl::StatusOr<MimePart> HtmlPartOfMhtml(std::string_view bytes) {
  std::vector<Field> fields;
  std::string_view body;
  if (!ParseHeaders(SkipBomAndBlankLines(bytes), bytes.size(), &fields, &body)) {
    return absl::InvalidArgumentError(
        absl::StrCat("the file does not start with a saved page's MIME headers", kAdvice));
  }
  return HtmlOf(fields, body, 0);
}

absl::StatusOr<ReadResult> ReadMhtml(std::string_view bytes) {
  absl::StatusOr<MimePart> page = HtmlPartOfMhtml(bytes);
  if (!page.ok()) return page.status();
  absl::StatusOr<ReadResult> read = ReadHtml(page->body, page->charset);
  if (!read.ok()) return read.status();
  read->source.set_input_format("mhtml");
  read->source.set_size_bytes(bytes.size());
  return read;
}

}  // namespace xxgk::report
