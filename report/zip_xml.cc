#include "report/zip_xml.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <climits>
#include <cstring>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "report/refusal.h"

namespace xxgk::report {

absl::StatusOr<ZipPackage> ZipPackage::Open(std::string_view bytes, absl::string_view format) {
  const char* advice = ResendAdvice(std::string_view(format.data(), format.size()));
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (src == nullptr) {
    zip_error_fini(&err);
    return absl::InvalidArgumentError(
        absl::StrCat(format, ": cannot open the data as a zip archive", advice));
  }
  zip_t* za = zip_open_from_source(src, ZIP_RDONLY, &err);
  zip_error_fini(&err);
  if (za == nullptr) {
    zip_source_free(src);
    return absl::InvalidArgumentError(
        absl::StrCat(format, ": not a zip archive, as every ", format, " file is", advice));
  }
  return ZipPackage(std::unique_ptr<zip_t, Discard>(za), format);
}

bool ZipPackage::Has(const std::string& name, bool nocase) const {
  return zip_name_locate(archive_.get(), name.c_str(), nocase ? ZIP_FL_NOCASE : 0) >= 0;
}

absl::StatusOr<std::string> ZipPackage::Read(const std::string& name, size_t max_bytes) const {
  zip_int64_t index = zip_name_locate(archive_.get(), name.c_str(), 0);
  if (index < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(format_, ": the archive has no ", name, ResendAdvice(format_)));
  }
  zip_file_t* f = zip_fopen_index(archive_.get(), static_cast<zip_uint64_t>(index), 0);
  if (f == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat(format_, ": ", name, " cannot be read (", zip_strerror(archive_.get()), ")",
                     ResendAdvice(format_)));
  }
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(f, &zip_fclose);
  std::string out;
  char buf[1 << 16];
  while (true) {
    zip_int64_t n = zip_fread(f, buf, sizeof buf);
    if (n < 0) {
      return absl::InvalidArgumentError(
          absl::StrCat(format_, ": ", name, " is corrupt", ResendAdvice(format_)));
    }
    if (n == 0) break;
    if (out.size() + static_cast<size_t>(n) > max_bytes) {
      return absl::InvalidArgumentError(absl::StrCat(format_, ": ", name, " expands beyond ",
                                                     max_bytes >> 20,
                                                     " MiB, far more than any report: send the report itself"));
    }
    out.append(buf, static_cast<size_t>(n));
  }
  return out;
}

namespace {

// libxml2 reports some errors (an encoding conversion that fails, with the
// bytes it failed on) through its generic handler whatever the parser's
// options say; by default that prints to stderr, which is the server's log.
// The error that matters comes back in the status instead.
void IgnoreXmlMessage(void* /*context*/, const char* /*format*/, ...) {}

}  // namespace

XmlDoc ParseOptionalPart(const ZipPackage& zip, const std::string& name, size_t max_bytes,
                         absl::string_view format) {
  if (!zip.Has(name)) return nullptr;
  absl::StatusOr<std::string> xml = zip.Read(name, max_bytes);
  if (!xml.ok()) return nullptr;
  absl::StatusOr<XmlDoc> doc = ParseXmlPart(*xml, format, name, "");
  return doc.ok() ? std::move(*doc) : nullptr;
}

absl::StatusOr<XmlDoc> ParseXmlPart(const std::string& xml, absl::string_view format,
                                    absl::string_view part, absl::string_view advice) {
  xmlSetGenericErrorFunc(nullptr, IgnoreXmlMessage);  // per thread in libxml2
  if (xml.size() > static_cast<size_t>(INT_MAX)) {
    return absl::InvalidArgumentError(absl::StrCat(format, ": ", part, " too large"));
  }
  std::unique_ptr<xmlParserCtxt, decltype(&xmlFreeParserCtxt)> ctxt(xmlNewParserCtxt(),
                                                                    &xmlFreeParserCtxt);
  if (ctxt == nullptr) {
    return absl::ResourceExhaustedError(absl::StrCat(format, ": no memory for the XML parser"));
  }
  const std::string url(part.data(), part.size());
  XmlDoc doc(xmlCtxtReadMemory(ctxt.get(), xml.data(), static_cast<int>(xml.size()), url.c_str(),
                               nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (doc == nullptr) {
    // libxml2's own words, e.g. "Excessive depth in document: 256 ..." for
    // content nested deeper than any producer writes.
    const xmlError* e = xmlCtxtGetLastError(ctxt.get());
    std::string why = e != nullptr && e->message != nullptr
                          ? absl::StrCat(" (line ", e->line, ": ",
                                         absl::StripAsciiWhitespace(e->message), ")")
                          : "";
    return absl::InvalidArgumentError(
        absl::StrCat(format, ": ", part, " is not well-formed XML", why, advice));
  }
  return doc;
}

bool IsElement(const xmlNode* n, const char* local) {
  return n != nullptr && n->type == XML_ELEMENT_NODE &&
         std::strcmp(reinterpret_cast<const char*>(n->name), local) == 0;
}

uint32_t CountPictures(const xmlNode* n, const char* picture, const char* skip, int max_depth) {
  if (n == nullptr || max_depth < 0) return 0;
  uint32_t count = 0;
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || IsElement(c, skip)) continue;
    count += IsElement(c, picture) ? 1 : CountPictures(c, picture, skip, max_depth - 1);
  }
  return count;
}

const xmlNode* ChildElement(const xmlNode* n, const char* local) {
  for (const xmlNode* c = n ? n->children : nullptr; c != nullptr; c = c->next) {
    if (IsElement(c, local)) return c;
  }
  return nullptr;
}

std::string Attribute(const xmlNode* n, const char* local, bool* found) {
  if (found) *found = false;
  if (n == nullptr) return "";
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    if (std::strcmp(reinterpret_cast<const char*>(a->name), local) != 0) continue;
    if (found) *found = true;
    return TextContent(reinterpret_cast<const xmlNode*>(a));
  }
  return "";
}

std::string TextContent(const xmlNode* n) {
  xmlChar* v = xmlNodeGetContent(n);
  std::string s = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return s;
}

}  // namespace xxgk::report
