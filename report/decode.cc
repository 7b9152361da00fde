#include "report/decode.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "report/notes.h"
#include "report/utf8.h"

namespace xxgk::report {
namespace {

// Marker written by the conversion callback in place of each undecodable
// sequence; a noncharacter, so it never stands for text. Replaced by U+FFFD.
constexpr UChar kMarker = 0xFDD0;

struct BadSequence {
  int32_t length = 0;
};

struct CallbackContext {
  std::vector<BadSequence> bad;
};

void RecordInvalid(const void* context, UConverterToUnicodeArgs* args,
                   const char* /*code_units*/, int32_t length,
                   UConverterCallbackReason reason, UErrorCode* err) {
  if (reason > UCNV_IRREGULAR) return;  // reset/close/clone: nothing to do
  auto* ctx = static_cast<CallbackContext*>(const_cast<void*>(context));
  ctx->bad.push_back(BadSequence{length});
  *err = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars(args, &kMarker, 1, 0, err);
}

// Canonical converter name for a declared charset; empty when unknown.
std::string CanonicalCharset(std::string_view declared) {
  std::string d = absl::AsciiStrToLower(absl::StripAsciiWhitespace(
      absl::string_view(declared.data(), declared.size())));
  if (d.empty()) return "";
  if (d == "gb2312" || d == "gbk" || d == "x-gbk" || d == "cp936" || d == "gb18030" ||
      d == "windows-936" || d == "euc-cn" || d == "hz-gb-2312" || d == "x-euc-cn") {
    return "GB18030";
  }
  if (d == "big5" || d == "x-big5" || d == "cp950" || d == "big5-hkscs") return "Big5";
  if (d == "utf-8" || d == "utf8") return "UTF-8";
  if (d == "utf-16le") return "UTF-16LE";
  if (d == "utf-16be") return "UTF-16BE";
  if (d == "utf-16" || d == "unicode") return "UTF-16";
  UErrorCode status = U_ZERO_ERROR;
  const char* name = ucnv_getCanonicalName(d.c_str(), "", &status);
  if (U_FAILURE(status) || name == nullptr) {
    status = U_ZERO_ERROR;
    name = ucnv_getCanonicalName(d.c_str(), "IANA", &status);
  }
  if (U_FAILURE(status) || name == nullptr) return "";
  return name;
}

// UTF-16 without a BOM: nearly every code unit of Chinese text has a high
// byte of 0x00 (ASCII), 0x20 (punctuation), 0x30 (CJK punctuation), 0x4E-0x9F
// (ideographs) or 0xFF (full-width forms); legacy encodings do not look so.
std::string GuessUtf16(std::string_view b) {
  if (b.size() < 4) return "";
  auto plausible_high = [](unsigned char h) {
    return h == 0x00 || h == 0x20 || h == 0x30 || h == 0xFF || (h >= 0x4E && h <= 0x9F);
  };
  size_t le = 0, be = 0, zero_le = 0, zero_be = 0;
  const size_t n = b.size() & ~size_t{1};
  for (size_t i = 0; i < n; i += 2) {
    const auto b0 = static_cast<unsigned char>(b[i]), b1 = static_cast<unsigned char>(b[i + 1]);
    le += plausible_high(b1);
    be += plausible_high(b0);
    zero_le += b1 == 0;
    zero_be += b0 == 0;
  }
  const size_t pairs = n / 2;
  // Legacy-encoded ASCII text never has NUL bytes; UTF-16 of Chinese text
  // puts almost all high bytes in the plausible ranges.
  if (le * 100 >= pairs * 90 && be * 100 < pairs * 60 && zero_be <= zero_le) return "UTF-16LE";
  if (be * 100 >= pairs * 90 && le * 100 < pairs * 60 && zero_le <= zero_be) return "UTF-16BE";
  if (zero_le * 5 >= pairs && zero_be == 0) return "UTF-16LE";
  if (zero_be * 5 >= pairs && zero_le == 0) return "UTF-16BE";
  return "";
}

// ICU's charset detection between the two legacy Chinese encodings, by its
// frequency statistics; GB18030 when it names neither. (UTF-16 is decided by
// GuessUtf16: ICU reports it for short texts without a BOM on weak evidence.)
std::string IcuLegacyGuess(std::string_view b) {
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&status);
  if (U_FAILURE(status)) return "GB18030";
  ucsdet_setText(det, b.data(), static_cast<int32_t>(b.size()), &status);
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det, &count, &status);
  std::string result;
  if (U_SUCCESS(status)) {
    for (int32_t i = 0; i < count && result.empty(); ++i) {
      UErrorCode s = U_ZERO_ERROR;
      const char* name = ucsdet_getName(matches[i], &s);
      if (U_FAILURE(s) || name == nullptr) continue;
      const std::string n = name;
      if (n == "GB18030" || n == "Big5") result = n;
    }
  }
  ucsdet_close(det);
  return result.empty() ? "GB18030" : result;
}

std::string HexExcerpt(std::string_view bytes) {
  std::string out;
  const size_t n = std::min<size_t>(bytes.size(), 16);
  for (size_t i = 0; i < n; ++i) {
    if (i) out += ' ';
    absl::StrAppendFormat(&out, "%02X", static_cast<uint8_t>(bytes[i]));
  }
  if (bytes.size() > n) out += " ...";
  return out;
}

// A share of undecodable or control characters no text has: the input is a
// binary file (an image, an archive, a legacy Office file) or not in any
// encoding reports use. Reading it on would list thousands of notes about
// nothing.
constexpr int32_t kMinBadForBinary = 16;
constexpr int32_t kBadPercentForBinary = 10;

bool IsControl(uint32_t c) {
  return c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r';
}

// `bad` of `chars` characters were undecodable or control codes when read
// as `charset`; `what` names the kinds that can occur.
absl::Status TextOrNot(int32_t bad, int32_t chars, std::string_view charset,
                       std::string_view what) {
  if (bad < kMinBadForBinary || int64_t{bad} * 100 <= int64_t{chars} * kBadPercentForBinary) {
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError(absl::StrFormat(
      "the bytes are not text in any encoding reports use: read as %s, the likeliest, %d of "
      "%d characters (%d%%) are %s. Send the report itself, as text, HTML, .docx or PDF",
      charset, bad, chars, static_cast<int>(int64_t{bad} * 100 / chars), what));
}

absl::Status CheckLooksLikeText(const UChar* u16, int32_t len, std::string_view charset) {
  int32_t bad = 0;
  for (int32_t i = 0; i < len; ++i) bad += u16[i] == kMarker || IsControl(u16[i]);
  return TextOrNot(bad, len, charset, "undecodable bytes or control codes");
}

// The same for text that is valid UTF-8 already, where only control codes
// can be wrong: a file of NUL bytes, say. Text files hold no NUL, so the
// count (a pass over every byte) runs only when memchr finds one.
absl::Status CheckUtf8LooksLikeText(std::string_view utf8) {
  if (std::memchr(utf8.data(), '\0', utf8.size()) == nullptr) return absl::OkStatus();
  int32_t bad = 0, chars = 0;
  for (const char ch : utf8) {
    const auto b = static_cast<unsigned char>(ch);
    chars += (b & 0xC0) != 0x80;
    bad += IsControl(b);
  }
  return TextOrNot(bad, chars, "UTF-8", "control codes");
}

// Converts `bytes` (which start at `base` in the whole input) from `charset`.
absl::StatusOr<Decoded> Convert(std::string_view bytes, size_t base, const std::string& charset) {
  Decoded out;
  out.encoding = charset;
  if (bytes.empty()) return out;
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(charset.c_str(), &status);
  if (U_FAILURE(status) || conv == nullptr) {
    return absl::InvalidArgumentError(absl::StrCat("no converter for charset ", charset));
  }
  CallbackContext ctx;
  ucnv_setToUCallBack(conv, RecordInvalid, &ctx, nullptr, nullptr, &status);
  // Each input byte yields at most one UTF-16 unit plus markers; 2x is ample.
  const size_t capacity = bytes.size() * 2 + 16;
  std::vector<UChar> u16(capacity);
  std::vector<int32_t> offsets(capacity, -1);
  UChar* target = u16.data();
  const char* source = bytes.data();
  ucnv_toUnicode(conv, &target, u16.data() + capacity, &source, bytes.data() + bytes.size(),
                 offsets.data(), /*flush=*/true, &status);
  ucnv_close(conv);
  if (U_FAILURE(status)) {
    return absl::InternalError(absl::StrCat("conversion from ", charset, " failed: ",
                                            u_errorName(status)));
  }
  const int32_t len = static_cast<int32_t>(target - u16.data());
  if (absl::Status text = CheckLooksLikeText(u16.data(), len, charset); !text.ok()) return text;

  // Replace markers (merged runs) with U+FFFD, recording notes. A note's
  // span is where its U+FFFD stands in the decoded text (as every source
  // span is); the file's byte offset is in its message.
  std::vector<UChar> clean;
  clean.reserve(len);
  uint32_t utf8_pos = 0;  // UTF-8 length of clean so far
  size_t bad_index = 0;
  for (int32_t i = 0; i < len; ++i) {
    if (u16[i] != kMarker || bad_index >= ctx.bad.size()) {
      const UChar c = u16[i];
      clean.push_back(c);
      // a surrogate pair is four bytes in UTF-8: two for each half
      utf8_pos += c < 0x80 ? 1 : c < 0x800 ? 2 : (c >= 0xD800 && c <= 0xDFFF) ? 2 : 3;
      continue;
    }
    int64_t run_begin = offsets[i] >= 0 ? offsets[i] : 0;
    int64_t run_end = run_begin + ctx.bad[bad_index].length;
    ++bad_index;
    while (i + 1 < len && u16[i + 1] == kMarker && bad_index < ctx.bad.size()) {
      const int64_t next = offsets[i + 1] >= 0 ? offsets[i + 1] : run_end;
      if (next > run_end) break;  // not adjacent: a separate run
      run_end = std::max<int64_t>(run_end, next + ctx.bad[bad_index].length);
      ++bad_index;
      ++i;
    }
    run_end = std::min<int64_t>(run_end, static_cast<int64_t>(bytes.size()));
    clean.push_back(0xFFFD);
    xxgk::v1::ReadingNote note;
    note.set_kind(xxgk::v1::ReadingNote::INVALID_BYTES);
    note.mutable_span()->set_source_begin(utf8_pos);
    note.mutable_span()->set_source_end(utf8_pos + 3);
    utf8_pos += 3;
    if (out.notes.size() < static_cast<size_t>(kNotesListedPerKind)) {  // else only counted
      note.set_message(absl::StrFormat("%d undecodable byte(s) at byte %d of the file (read as "
                                       "%s) replaced by U+FFFD",
                                       run_end - run_begin, base + run_begin, charset));
      note.set_excerpt(HexExcerpt(bytes.substr(run_begin, run_end - run_begin)));
    }
    AddNote(std::move(note), &out.notes);
  }

  int32_t needed = 0;
  UErrorCode s = U_ZERO_ERROR;
  u_strToUTF8WithSub(nullptr, 0, &needed, clean.data(), static_cast<int32_t>(clean.size()),
                     0xFFFD, nullptr, &s);
  out.utf8.resize(needed);
  s = U_ZERO_ERROR;
  u_strToUTF8WithSub(out.utf8.data(), needed, &needed, clean.data(),
                     static_cast<int32_t>(clean.size()), 0xFFFD, nullptr, &s);
  if (U_FAILURE(s) && s != U_STRING_NOT_TERMINATED_WARNING) {
    return absl::InternalError(absl::StrCat("UTF-16 to UTF-8 failed: ", u_errorName(s)));
  }
  return out;
}

// Big5's hallmark: about two in five of its two-byte characters have a trail
// byte in 0x40-0x7E, where GB2312 (the bulk of GB18030 text) never puts one.
// Only GBK's extension characters (traditional forms among them) share it.
// Without it at least once in every 16 two-byte characters, Big5 is not
// considered: a damaged byte in a short GB18030 line must not tip the
// statistical guess over.
bool HasBig5Hallmark(std::string_view b) {
  size_t pairs = 0;
  size_t low_trails = 0;
  for (size_t i = 0; i + 1 < b.size(); ++i) {
    const auto lead = static_cast<uint8_t>(b[i]);
    if (lead < 0x81) continue;
    const auto trail = static_cast<uint8_t>(b[++i]);
    ++pairs;
    if (trail >= 0x40 && trail <= 0x7E) ++low_trails;
  }
  return low_trails > 0 && low_trails * 16 >= pairs;
}

// Characters a wrong reading produces and a Chinese report hardly holds:
// U+FFFD for undecodable bytes; private-use code points, where GB18030 puts
// Big5's common lead bytes 0xAA-0xAF and Big5 puts GBK's leads 0x81-0xA0;
// and kana, Greek and Cyrillic, where GB2312's rows 0xA4-0xA7 put Big5's most
// frequent characters (lead bytes 0xA4-0xA7).
size_t Damage(const Decoded& d) {
  size_t n = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(d.utf8.data());
  const auto len = static_cast<int32_t>(d.utf8.size());
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U8_NEXT(p, i, len, c);
    n += c == 0xFFFD || (c >= 0xE000 && c <= 0xF8FF) || (c >= 0x0370 && c <= 0x04FF) ||
         (c >= 0x3040 && c <= 0x30FF);
  }
  return n;
}

// Text in a legacy Chinese encoding: UTF-16 without a BOM, Big5 or GB18030
// (a superset of GB2312 and GBK, and the default). Between the last two the
// reading with less Damage wins; on a tie ICU's frequency statistics decide.
absl::StatusOr<Decoded> DecodeDetected(std::string_view b) {
  if (std::string utf16 = GuessUtf16(b); !utf16.empty()) {
    absl::StatusOr<Decoded> d = Convert(b, 0, utf16);
    if (d.ok()) return d;
  }
  absl::StatusOr<Decoded> gb = Convert(b, 0, "GB18030");
  if (!HasBig5Hallmark(b)) return gb;
  absl::StatusOr<Decoded> big5 = Convert(b, 0, "Big5");
  if (!big5.ok()) return gb;
  if (!gb.ok()) return big5;
  const size_t gb_damage = Damage(*gb);
  const size_t big5_damage = Damage(*big5);
  if (gb_damage != big5_damage) return big5_damage < gb_damage ? big5 : gb;
  return IcuLegacyGuess(b) == "Big5" ? big5 : gb;
}

}  // namespace

absl::StatusOr<Decoded> DecodeBytes(std::string_view bytes, std::string_view declared) {
  if (bytes.size() > static_cast<size_t>(std::numeric_limits<int32_t>::max() / 4)) {
    return absl::InvalidArgumentError("input too large to decode");
  }
  if (bytes.empty()) {
    Decoded d;
    d.encoding = "UTF-8";
    return d;
  }
  // Byte order marks decide.
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    std::string_view rest = bytes.substr(3);
    if (IsValidUtf8(rest)) {
      if (absl::Status text = CheckUtf8LooksLikeText(rest); !text.ok()) return text;
      Decoded d;
      d.encoding = "UTF-8";
      d.utf8 = std::string(rest);
      return d;
    }
    return Convert(rest, 3, "UTF-8");
  }
  // UTF-32's marks first: its little-endian one begins with UTF-16's.
  if (bytes.size() >= 4 && bytes.substr(0, 4) == std::string_view("\xFF\xFE\0\0", 4)) {
    return Convert(bytes.substr(4), 4, "UTF-32LE");
  }
  if (bytes.size() >= 4 && bytes.substr(0, 4) == std::string_view("\0\0\xFE\xFF", 4)) {
    return Convert(bytes.substr(4), 4, "UTF-32BE");
  }
  if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFF\xFE") {
    return Convert(bytes.substr(2), 2, "UTF-16LE");
  }
  if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFE\xFF") {
    return Convert(bytes.substr(2), 2, "UTF-16BE");
  }
  // Valid UTF-8 (including pure ASCII) is taken as such: a legacy-encoded
  // Chinese text of any length is practically never valid UTF-8.
  if (IsValidUtf8(bytes)) {
    if (absl::Status text = CheckUtf8LooksLikeText(bytes); !text.ok()) return text;
    Decoded d;
    d.encoding = "UTF-8";
    d.utf8 = std::string(bytes);
    return d;
  }
  std::string charset = CanonicalCharset(declared);
  if (charset == "UTF-16") {
    charset = GuessUtf16(bytes);
    if (charset.empty()) charset = "UTF-16LE";
  }
  // Nothing declared, or UTF-8 declared for bytes that are not: detect.
  if (charset.empty() || charset == "UTF-8") return DecodeDetected(bytes);
  absl::StatusOr<Decoded> result = Convert(bytes, 0, charset);
  if (!result.ok() && charset != "GB18030") result = Convert(bytes, 0, "GB18030");
  return result;
}

}  // namespace xxgk::report
