#include "report/refusal.h"

#include "absl/strings/str_cat.h"

namespace xxgk::report {

const char* ResendAdvice(std::string_view format) {
  if (format == "pdf") {
    return ": if it opens in a PDF reader, print it to a new PDF and send that, or send the report "
           "as text, HTML or .docx";
  }
  if (format == "docx" || format == "doc" || format == "word-xml" || format == "rtf") {
    return ": the file is damaged or is not what it was sent as; open it in Word or WPS, save it "
           "again (as .docx if you can) and send that, or send a PDF";
  }
  if (format == "odt") {
    return ": the file is damaged or is not what it was sent as; open it in LibreOffice or WPS, "
           "save it again and send that, or send a PDF";
  }
  if (format == "ofd") {
    return ": the file is damaged or was not written by an OFD producer; open it in an OFD reader, "
           "export it as PDF or .docx and send that";
  }
  if (format == "mhtml") {
    return ": open it in a browser or in Word and save it as a web page (.html), .docx or PDF, and "
           "send that";
  }
  return ": send the report itself, as text, HTML, .docx or PDF";
}

namespace {
constexpr absl::string_view kAskForText =
    ", so nothing could be read; ask for the report as text (a PDF exported from Word or WPS, or "
    "the Word file itself), or run it through OCR first";
}  // namespace

std::string NoTextLayerMessage(std::string_view format, int pages) {
  return absl::StrCat("the ", absl::string_view(format.data(), format.size()),
                      " file has no text layer: its ", pages, pages == 1 ? " page is" : " pages are",
                      " pictures (a scan)", kAskForText);
}

std::string GarbledTextLayerMessage(std::string_view format) {
  return absl::StrCat("the ", absl::string_view(format.data(), format.size()),
                      " file's text layer is not text: its fonts map their glyphs to no real "
                      "characters (it extracts as letters of random scripts)",
                      kAskForText);
}

std::string PicturesOnlyMessage(std::string_view format, uint32_t pictures) {
  return absl::StrCat("the ", absl::string_view(format.data(), format.size()),
                      " file holds no report text, only ", pictures,
                      pictures == 1 ? " picture" : " pictures",
                      format == "pdf" || format == "ofd" ? " (its pages scanned?)"
                                                         : " (its pages pasted in as images?)",
                      kAskForText);
}

std::string EmptyDocumentMessage(std::string_view file_name) {
  return std::string(file_name.empty() ? "<input>" : file_name) +
         ": the document is empty: send the report file's bytes";
}

}  // namespace xxgk::report
