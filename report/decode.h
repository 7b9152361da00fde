// Bytes → UTF-8: BOM sniffing, charset detection (UTF-8, UTF-16, GB18030 —
// which covers GBK and GB2312 — and Big5, chosen by Big5's trail bytes and by
// which reading is less damaged, ICU's statistics settling a tie),
// conversion with invalid runs replaced and reported.
#ifndef XXGK_REPORT_DECODE_H_
#define XXGK_REPORT_DECODE_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "xxgk/v1/report.pb.h"

namespace xxgk::report {

struct Decoded {
  std::string utf8;         // the text, valid UTF-8, BOM removed
  std::string encoding;     // canonical name: "UTF-8", "UTF-16LE", "GB18030", ...
  // One INVALID_BYTES note per run of undecodable bytes, each run replaced by
  // one U+FFFD: span.source_begin/source_end is that U+FFFD in `utf8` (source
  // spans are offsets into the decoded text), the message gives the file's
  // byte offset and the excerpt the bytes in hex. From the
  // kNotesListedPerKind-th on they are counted in that note (report/notes.h).
  std::vector<xxgk::v1::ReadingNote> notes;
};

// `declared` is a charset the container declared (HTML meta, HTTP header);
// empty to detect. InvalidArgument when the input is not text: when more
// than a tenth of the characters it decodes to (and at least 16) are
// undecodable bytes or control codes other than white space — an image, an
// archive or a legacy Office file sent as a report. (Input that is valid
// UTF-8 is counted only when it holds a NUL byte, as no text file does.)
absl::StatusOr<Decoded> DecodeBytes(std::string_view bytes, std::string_view declared = "");

}  // namespace xxgk::report

#endif  // XXGK_REPORT_DECODE_H_
