// Bytes → UTF-8: BOM sniffing, ICU charset detection (GB18030/GBK/GB2312,
// UTF-16, UTF-8, Big5), conversion with invalid runs replaced and reported.
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
  // One INVALID_BYTES note per run of undecodable bytes (replaced by U+FFFD),
  // with span.source_begin/source_end = byte offsets in the input.
  std::vector<xxgk::v1::ReadingNote> notes;
};

// `declared` is a charset the container declared (HTML meta, HTTP header);
// empty to detect. Errors only when nothing at all can be decoded.
absl::StatusOr<Decoded> DecodeBytes(std::string_view bytes, std::string_view declared = "");

}  // namespace xxgk::report

#endif  // XXGK_REPORT_DECODE_H_
