#include "report/parse.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "google/protobuf/io/tokenizer.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/json_util.h"
#include "re2/re2.h"
#include "report/assemble.h"
#include "report/cfb.h"
#include "report/mhtml.h"
#include "report/readers.h"
#include "report/refusal.h"
#include "report/zip_xml.h"

namespace xxgk::report {
namespace {

std::string Lower(std::string_view s) {
  return absl::AsciiStrToLower(absl::string_view(s.data(), s.size()));
}

std::string Extension(std::string_view file_name) {
  size_t slash = file_name.find_last_of("/\\");
  std::string_view base = slash == std::string_view::npos ? file_name : file_name.substr(slash + 1);
  size_t dot = base.rfind('.');
  if (dot == std::string_view::npos) return "";
  return Lower(base.substr(dot + 1));
}

std::string FromContentType(std::string_view ct_in) {
  std::string ct = Lower(ct_in);
  if (ct.empty()) return "";
  if (absl::StrContains(ct, "pdf")) return "pdf";
  if (absl::StrContains(ct, "wordprocessingml") || absl::StrContains(ct, "docx")) return "docx";
  if (absl::StrContains(ct, "msword")) return "doc";
  if (absl::StrContains(ct, "rtf")) return "rtf";
  if (absl::StrContains(ct, "opendocument.text")) return "odt";
  if (absl::StrContains(ct, "multipart/related") || absl::StrContains(ct, "message/rfc822")) {
    return "mhtml";
  }
  if (absl::StrContains(ct, "ofd")) return "ofd";
  if (absl::StrContains(ct, "html") || absl::StrContains(ct, "xhtml")) return "html";
  if (absl::StrContains(ct, "json")) return "report-json";
  if (absl::StrContains(ct, "textproto") || absl::StrContains(ct, "protobuf-text") ||
      absl::StrContains(ct, "x-protobuf")) {
    return "report-textproto";
  }
  if (absl::StrContains(ct, "text/plain")) return "text";
  return "";
}

std::string FromExtension(std::string_view file_name) {
  std::string ext = Extension(file_name);
  if (ext == "pdf") return "pdf";
  if (ext == "docx") return "docx";
  if (ext == "doc" || ext == "wps") return "doc";
  if (ext == "rtf") return "rtf";
  if (ext == "odt" || ext == "fodt") return "odt";
  if (ext == "ofd") return "ofd";
  if (ext == "mht" || ext == "mhtml") return "mhtml";
  if (ext == "html" || ext == "htm" || ext == "xhtml" || ext == "shtml") return "html";
  if (std::string f = StructuredReportFormat(file_name, ""); !f.empty()) return f;
  if (ext == "txt" || ext == "text") return "text";
  return "";
}

// The bytes after a UTF-8 BOM and leading whitespace.
std::string_view Head(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  while (!bytes.empty() && (bytes.front() == ' ' || bytes.front() == '\n' ||
                            bytes.front() == '\r' || bytes.front() == '\t')) {
    bytes.remove_prefix(1);
  }
  return bytes;
}

// The start tag of an XML document's root element (`<name ...>`), found past
// the declaration, processing instructions, comments and a doctype in the
// first 16 KiB; empty when the bytes are not XML or the tag is not there.
std::string_view RootStartTag(std::string_view bytes) {
  std::string_view s = Head(bytes);
  if (s.substr(0, 5) != "<?xml") return {};
  s = s.substr(0, 16384);
  size_t at = 0;
  for (int items = 0; items < 64; ++items) {
    while (at < s.size() && absl::ascii_isspace(static_cast<unsigned char>(s[at]))) ++at;
    std::string_view close;
    if (s.substr(at, 4) == "<!--") {
      close = "-->";
    } else if (s.substr(at, 2) == "<?") {
      close = "?>";
    } else if (s.substr(at, 2) == "<!") {
      close = ">";
    } else {
      break;
    }
    at = s.find(close, at + 2);
    if (at == std::string_view::npos) return {};
    at += close.size();
  }
  if (at >= s.size() || s[at] != '<') return {};
  const size_t tag_end = s.find('>', at);
  if (tag_end == std::string_view::npos) return {};
  return s.substr(at, tag_end + 1 - at);
}

// The local name of a start tag's element (`w:wordDocument` → wordDocument).
std::string_view LocalName(std::string_view tag) {
  size_t end = 1;
  while (end < tag.size() && !absl::ascii_isspace(static_cast<unsigned char>(tag[end])) && tag[end] != '>' &&
         tag[end] != '/') {
    ++end;
  }
  std::string_view name = tag.substr(1, end - 1);
  if (size_t colon = name.find(':'); colon != std::string_view::npos) name.remove_prefix(colon + 1);
  return name;
}

// The format an XML document's root element names: Word 2003 XML or Word
// 2007+ flat XML (a w:wordDocument root, or a pkg:package root in Office's
// XML package namespace), or OpenDocument's flat XML (.fodt: the whole
// document, styles and body, in one office:document element).
std::string FromXmlRoot(std::string_view bytes) {
  const std::string_view tag_in = RootStartTag(bytes);
  if (tag_in.empty()) return "";
  const absl::string_view tag(tag_in.data(), tag_in.size());
  const std::string_view name = LocalName(tag_in);
  if (name == "wordDocument" ||
      (name == "package" && absl::StrContains(tag, "schemas.microsoft.com/office/2006/xmlPackage"))) {
    return "word-xml";
  }
  if (name == "document" && absl::StrContains(tag, "urn:oasis:names:tc:opendocument:xmlns:office:1.0")) {
    return "odt";
  }
  return "";
}

bool IsZip(std::string_view bytes) { return bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4); }

// What a zip archive of XML parts is by its parts: "ofd" (OFD.xml at its
// root), "docx", "odt", or "" for none of them.
std::string ZipKind(std::string_view bytes) {
  absl::StatusOr<ZipPackage> zip = ZipPackage::Open(bytes, "zip");
  if (!zip.ok()) return "";
  if (zip->Has("OFD.xml")) return "ofd";
  if (zip->Has("word/document.xml")) return "docx";
  return IsOdtPackage(*zip) ? "odt" : "";
}

std::string FromMagic(std::string_view bytes) {
  if (bytes.substr(0, 5) == "%PDF-" || bytes.substr(0, 4) == "%PDF") return "pdf";
  if (IsZip(bytes)) {
    // Any other zip archive goes to the .docx reader, which says what it holds.
    std::string kind = ZipKind(bytes);
    return kind.empty() ? "docx" : kind;
  }
  if (CompoundFile::HasSignature(bytes)) return "doc";
  if (std::string f = FromXmlRoot(bytes); !f.empty()) return f;
  if (LooksLikeRtf(bytes)) return "rtf";
  if (LooksLikeMhtml(bytes)) return "mhtml";
  return "";
}

// Files that are often sent in a report's place and that xxgk does not read,
// by their first bytes: what the file is and what to send instead; empty when
// the bytes start like none of them.
std::string KnownUnreadable(std::string_view bytes) {
  auto starts = [&](std::string_view magic) { return bytes.substr(0, magic.size()) == magic; };
  if (CompoundFile::HasSignature(bytes)) {
    return "this is a Word 97-2003, WPS or Excel 97-2003 binary file: send it without "
           "--input_format, or with --input_format=doc";
  }
  if (LooksLikeRtf(bytes)) {
    return "this is an RTF file: send it without --input_format, or with --input_format=rtf";
  }
  const char* image = nullptr;
  if (starts("\x89PNG\r\n\x1A\n")) image = "PNG";
  if (starts("\xFF\xD8\xFF")) image = "JPEG";
  if (starts("GIF87a") || starts("GIF89a")) image = "GIF";
  if (starts(std::string_view("II*\0", 4)) || starts(std::string_view("MM\0*", 4))) image = "TIFF";
  if (starts("RIFF") && bytes.size() >= 12 && bytes.substr(8, 4) == "WEBP") image = "WebP";
  if (image != nullptr) {
    return absl::StrCat("this is a ", image,
                        " image: xxgk reads no text from pictures; send the report as text, "
                        "HTML, .docx or a PDF with a text layer");
  }
  const char* archive = nullptr;
  if (starts("Rar!\x1A\x07")) archive = "RAR";
  if (starts("7z\xBC\xAF\x27\x1C")) archive = "7z";
  if (starts("\x1F\x8B")) archive = "gzip";
  if (starts("BZh")) archive = "bzip2";
  if (starts("\xFD" "7zXZ")) archive = "xz";
  if (archive != nullptr) {
    return absl::StrCat("this is a ", archive,
                        " archive: unpack it and send each report in it on its own");
  }
  return "";
}

// Line and block tags (<br>, <p>, </div>, <td>…) in `lower`.
int MarkupTags(std::string_view lower) {
  int n = 0;
  for (size_t at = lower.find('<'); at != std::string_view::npos && n < 3; at = lower.find('<', at + 1)) {
    std::string_view t = lower.substr(at + 1);
    if (!t.empty() && t[0] == '/') t.remove_prefix(1);
    for (std::string_view tag : {"br", "p", "div", "td", "tr", "span", "li"}) {
      if (t.size() > tag.size() && t.substr(0, tag.size()) == tag &&
          (t[tag.size()] == '>' || t[tag.size()] == ' ' || t[tag.size()] == '/')) {
        ++n;
        break;
      }
    }
  }
  return n;
}

std::string FromText(std::string_view bytes) {
  std::string_view head = Head(bytes);
  std::string start = Lower(head.substr(0, 2048));
  if (!start.empty() && start[0] == '<' &&
      (absl::StrContains(start, "<html") || absl::StrContains(start, "<!doctype") ||
       absl::StrContains(start, "<table") || absl::StrContains(start, "<body") ||
       absl::StrContains(start, "<div") || absl::StrContains(start, "<p"))) {
    return "html";
  }
  if (absl::StrContains(start, "<html") || absl::StrContains(start, "<table")) return "html";
  if (MarkupTags(start) >= 3) return "html";
  if (std::string f = StructuredReportFormat("", bytes); !f.empty()) return f;
  return "text";
}

// Bytes named or typed as plain text that are a web page (saved as .txt) or
// text whose lines still carry markup (each ending in <br>) are read as
// HTML: read as text, "<br>" would stand in every cell.
std::string TextOrMarkup(std::string_view bytes) { return FromText(bytes) == "html" ? "html" : "text"; }

// What a name or a declared type suggests, checked against the bytes where
// they can overrule it: text that is a page is HTML, and so is a "Word" file
// that is a web page (Word saves and opens those as .doc too).
std::string Refine(const std::string& hinted, std::string_view bytes) {
  if (hinted == "text") return TextOrMarkup(bytes);
  if ((hinted == "doc" || hinted == "docx") && FromText(bytes) == "html") return "html";
  return hinted;
}

// What to do about a structured report that does not parse.
constexpr char kFixStructured[] =
    ": correct it there (the fields are those of xxgk.v1.Report, proto/xxgk/v1/report.proto), or "
    "send the published report document instead";

class CollectErrors : public google::protobuf::io::ErrorCollector {
 public:
  explicit CollectErrors(std::string file) : file_(std::move(file)) {}
  void AddError(int line, google::protobuf::io::ColumnNumber column,
                const std::string& message) override {
    errors_.push_back(absl::StrCat(file_, ":", line + 1, ":", column + 1, ": ", message));
  }
  void AddWarning(int line, google::protobuf::io::ColumnNumber column,
                  const std::string& message) override {
    errors_.push_back(absl::StrCat(file_, ":", line + 1, ":", column + 1, ": ", message));
  }
  const std::vector<std::string>& errors() const { return errors_; }

 private:
  std::string file_;
  std::vector<std::string> errors_;
};

// When the reader the caller's format, type or file name chose failed on
// bytes that are plainly another format, says which and how to send it.
std::string FormatByBytesHint(std::string_view bytes, std::string_view format) {
  // Only what the bytes are: a zip archive sniffing sends to the .docx
  // reader for want of anything better is no sign they are a .docx.
  std::string by_bytes = IsZip(bytes) ? ZipKind(bytes) : FromMagic(bytes);
  if (by_bytes.empty() && FromText(bytes) == "html") by_bytes = "html";
  if (by_bytes.empty() || by_bytes == format) return "";
  return absl::StrCat(" (its bytes are ", by_bytes, ", not ", absl::string_view(format.data(), format.size()),
                      ": send it as ", by_bytes,
                      ", or with no format, type or name that says otherwise)");
}

}  // namespace

std::string StructuredReportFormat(std::string_view file_name, std::string_view bytes) {
  const std::string name = Lower(file_name);
  if (absl::EndsWith(name, ".json")) return "report-json";
  for (const char* ext : {".textproto", ".txtpb", ".pbtxt", ".textpb", ".pb.txt"}) {
    if (absl::EndsWith(name, ext)) return "report-textproto";
  }
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  const re2::StringPiece head(bytes.data(), std::min<size_t>(bytes.size(), 4096));
  static const RE2 kJsonStart(R"(\A\s*\{\s*(?:"|\}))");
  if (RE2::PartialMatch(head, kJsonStart)) return "report-json";
  static const RE2 kTextprotoStart(
      R"(\A(?:[ \t\r]*(?:#[^\n]*)?\n)*[ \t]*([A-Za-z_][A-Za-z0-9_]*)[ \t]*[{:])");
  std::string field;
  if (RE2::PartialMatch(head, kTextprotoStart, &field) &&
      xxgk::v1::Report::descriptor()->FindFieldByName(field) != nullptr) {
    return "report-textproto";
  }
  return "";
}

std::string SniffFormat(const xxgk::v1::Document& doc) {
  const std::string& bytes = doc.content();
  std::string f = FromMagic(bytes);
  if (!f.empty()) return f;
  f = FromContentType(doc.content_type());
  if (!f.empty()) return Refine(f, bytes);
  f = FromExtension(doc.file_name());
  if (!f.empty()) return Refine(f, bytes);
  return FromText(bytes);
}

absl::StatusOr<xxgk::v1::Report> ParseStructuredReport(std::string_view bytes,
                                                       std::string_view file_name,
                                                       std::string_view format) {
  const std::string name = file_name.empty() ? std::string("<input>") : std::string(file_name);
  xxgk::v1::Report report;
  if (format == "report-json") {
    google::protobuf::util::JsonParseOptions opts;
    opts.ignore_unknown_fields = false;
    auto st = google::protobuf::util::JsonStringToMessage(
        google::protobuf::StringPiece(bytes.data(), bytes.size()), &report, opts);
    if (!st.ok()) {
      // The parser's first line says what and where; a caret line may follow.
      absl::string_view why(st.message().data(), st.message().size());
      why = absl::StripTrailingAsciiWhitespace(why.substr(0, why.find('\n')));
      absl::ConsumeSuffix(&why, ".");
      return absl::InvalidArgumentError(
          absl::StrCat(name, ": not a valid xxgk.v1.Report in JSON: ", why, kFixStructured));
    }
  } else if (format == "report-textproto") {
    google::protobuf::TextFormat::Parser parser;
    CollectErrors errors(name);
    parser.RecordErrorsTo(&errors);
    parser.AllowUnknownField(false);
    parser.AllowUnknownExtension(false);
    if (!parser.ParseFromString(std::string(bytes), &report)) {
      std::string msg = errors.errors().empty() ? absl::StrCat(name, ": not a valid text-format Report")
                                                : absl::StrJoin(errors.errors(), "; ");
      return absl::InvalidArgumentError(absl::StrCat(msg, kFixStructured));
    }
  } else {
    return absl::InvalidArgumentError(
        absl::StrCat(name, ": unknown structured format \"", std::string(format), "\""));
  }
  report.mutable_source()->set_input_format(std::string(format));
  if (report.source().file_name().empty()) report.mutable_source()->set_file_name(std::string(file_name));
  if (report.source().size_bytes() == 0) report.mutable_source()->set_size_bytes(bytes.size());
  return report;
}

absl::StatusOr<xxgk::v1::Report> ParseDocument(const xxgk::v1::Document& doc,
                                               const ParseOptions& options) {
  xxgk::v1::Report report;
  absl::Status status = ParseDocumentInto(doc, options, &report);
  if (!status.ok()) return status;
  return report;
}

absl::Status ParseDocumentInto(const xxgk::v1::Document& doc, const ParseOptions& options,
                               xxgk::v1::Report* out) {
  const std::string format = options.input_format.empty() ? SniffFormat(doc) : options.input_format;
  const std::string& bytes = doc.content();
  const std::string name = doc.file_name().empty() ? std::string("<input>") : doc.file_name();
  if (bytes.empty()) {
    return absl::InvalidArgumentError(EmptyDocumentMessage(doc.file_name()));
  }
  if (format == "report-json" || format == "report-textproto") {
    absl::StatusOr<xxgk::v1::Report> structured = ParseStructuredReport(bytes, doc.file_name(), format);
    if (!structured.ok()) return structured.status();
    *out = *std::move(structured);
    return absl::OkStatus();
  }
  if (format == "text" || format == "html") {
    if (std::string what = KnownUnreadable(bytes); !what.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(name, ": ", what));
    }
  }
  // Readers and assembly run inside one try: a library exception (poppler,
  // std::bad_alloc, ...) becomes a status and never escapes ParseDocument.
  try {
    absl::StatusOr<ReadResult> read;
    if (format == "text") {
      read = ReadText(bytes);
    } else if (format == "html") {
      read = ReadHtml(bytes);
    } else if (format == "docx") {
      read = ReadDocx(bytes);
    } else if (format == "pdf") {
      read = ReadPdf(bytes);
    } else if (format == "doc") {
      read = ReadDoc(bytes);
    } else if (format == "ofd") {
      read = ReadOfd(bytes);
    } else if (format == "word-xml") {
      read = ReadWordXml(bytes);
    } else if (format == "mhtml") {
      read = ReadMhtml(bytes);
    } else if (format == "rtf") {
      read = ReadRtf(bytes);
    } else if (format == "odt") {
      read = ReadOdt(bytes);
    } else {
      return absl::InvalidArgumentError(absl::StrCat(
          name, ": unknown input format \"", format,
          "\" (text, html, mhtml, doc, docx, word-xml, rtf, odt, ofd, pdf, report-json, report-textproto)"));
    }
    if (!read.ok()) {
      // Readers name their format too ("odt: ..."); say it once.
      absl::string_view why = read.status().message();
      absl::ConsumePrefix(&why, absl::StrCat(format, ": "));
      return absl::InvalidArgumentError(
          absl::StrCat(name, ": cannot read as ", format, ": ", why, FormatByBytesHint(bytes, format)));
    }
    ReadResult result = *std::move(read);
    // the text reader reads such tables among its own layouts
    if (format != "text") GatherFlatTables(&result.blocks);
    result.source.set_file_name(doc.file_name());
    result.source.set_content_type(doc.content_type());
    result.source.set_input_format(format);
    result.source.set_size_bytes(bytes.size());
    AssembleInto(std::move(result), out);
    return absl::OkStatus();
  } catch (const std::exception& e) {
    return absl::InvalidArgumentError(absl::StrCat(name, ": cannot read as ", format, ": ", e.what()));
  } catch (...) {
    return absl::InternalError(
        absl::StrCat(name, ": reading as ", format, " failed with an unknown exception"));
  }
}

absl::StatusOr<xxgk::v1::Report> WarmUp() {
  // Traditional script in the title and header (t2s tables, gazetteer
  // mentions), a region in the title (gazetteer, metadata), every section,
  // pipe tables (table mapping, labels), prose with figures (facts).
  static constexpr std::string_view kSample =
      "北京市海淀區人民政府2023年政府資訊公開工作年度報告\n"
      "發佈日期：2024-01-20\n"
      "一、总体情况\n"
      "本年度共收到政府信息公开申请12件，办结12件。\n"
      "二、主动公开政府信息情况\n"
      "| 第二十条第（一）项 | | | |\n"
      "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
      "| 规章 | 1 | 0 | 5 |\n"
      "三、收到和处理政府信息公开申请情况\n"
      "| 一、本年新收政府信息公开申请数量 | 12 |\n"
      "四、政府信息公开行政复议、行政诉讼情况\n"
      "行政复议0件，行政诉讼0件。\n"
      "五、存在的主要问题及改进情况\n"
      "六、其他需要报告的事项\n"
      "本年度收取信息处理费0元。\n";
  xxgk::v1::Document doc;
  doc.set_content(std::string(kSample));
  doc.set_file_name("warm-up.txt");
  return ParseDocument(doc);
}

}  // namespace xxgk::report
