// MHTML (RFC 2557): a web page saved as one file — Word's "single file web
// page" (.mht, often renamed .doc) and a browser's .mht/.mhtml. The file is a
// MIME message; the page is its text/html part, in quoted-printable or base64.
#ifndef XXGK_REPORT_MHTML_H_
#define XXGK_REPORT_MHTML_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace xxgk::report {

struct MimePart {
  std::string body;     // transfer encoding undone: the page's bytes
  std::string charset;  // the part's declared charset, "" when none
};

// Whether `bytes` start with a MIME message's headers that make it a saved
// page: a Content-Type of multipart/related, or of text/html beside a
// MIME-Version header.
bool LooksLikeMhtml(std::string_view bytes);

// The page a MHTML file holds: the part the message's `start` parameter names,
// else its first text/html part (one level of nested multipart looked into).
// InvalidArgument when there is none, saying what the file holds instead.
absl::StatusOr<MimePart> HtmlPartOfMhtml(std::string_view bytes);

namespace internal {
// Quoted-printable decoding: "=XX" to a byte, soft line breaks ("=" at the end
// of a line, trailing blanks allowed) removed, anything else kept as it is.
std::string DecodeQuotedPrintable(std::string_view in);
}  // namespace internal

}  // namespace xxgk::report

#endif  // XXGK_REPORT_MHTML_H_
