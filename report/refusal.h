// What a reader tells whoever sent a file it cannot read: besides what is
// wrong, what to do instead, in words that fit the format the file was read
// as. Every refusal ends with such advice.
#ifndef XXGK_REPORT_REFUSAL_H_
#define XXGK_REPORT_REFUSAL_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace xxgk::report {

// Advice for a file that is damaged or not what it was sent as, when read as
// `format` ("pdf", "docx", "doc", "word-xml", "rtf", "odt", "ofd", "mhtml",
// or anything else for the general case). Starts with ": ", to follow the
// statement of what is wrong.
const char* ResendAdvice(std::string_view format);

// What a PDF or OFD file (`format`) of `pages` pages with no text at all is,
// and what to do: its pages are pictures, so ask for the report as text.
std::string NoTextLayerMessage(std::string_view format, int pages);

// What a PDF (`format`) whose text layer is glyph numbers, not text, is
// (report/glyph_census.h), and what to do.
std::string GarbledTextLayerMessage(std::string_view format);

// The same for a word-processing file (`format`) that holds no report text,
// only `pictures` pictures.
std::string PicturesOnlyMessage(std::string_view format, uint32_t pictures);

// "<file name>: the document is empty: ..." ("<input>" when there is no name).
std::string EmptyDocumentMessage(std::string_view file_name);

}  // namespace xxgk::report

#endif  // XXGK_REPORT_REFUSAL_H_
