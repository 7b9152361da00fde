// Packages of XML parts in a zip archive (.docx, OFD): opening the archive
// from memory, reading a part with a bound on what it expands to, and parsing
// a part with libxml2 (no network, no entity expansion).
#ifndef XXGK_REPORT_ZIP_XML_H_
#define XXGK_REPORT_ZIP_XML_H_

#include <libxml/tree.h>
#include <zip.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace xxgk::report {

class ZipPackage {
 public:
  // `bytes` must outlive the package. `format` starts every error message
  // ("docx", "ofd").
  static absl::StatusOr<ZipPackage> Open(std::string_view bytes, absl::string_view format);

  // Whether the archive has an entry of that name (`nocase`: in any case).
  bool Has(const std::string& name, bool nocase = false) const;
  // The entry's bytes. An error when it is missing, damaged, or expands
  // beyond `max_bytes`.
  absl::StatusOr<std::string> Read(const std::string& name, size_t max_bytes) const;

 private:
  struct Discard {
    void operator()(zip_t* za) const { zip_discard(za); }
  };
  ZipPackage(std::unique_ptr<zip_t, Discard> archive, absl::string_view format)
      : archive_(std::move(archive)), format_(format) {}
  std::unique_ptr<zip_t, Discard> archive_;
  std::string format_;
};

struct XmlDocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDoc = std::unique_ptr<xmlDoc, XmlDocFree>;

// Parses one part. On failure the message is "<format>: <part> is not
// well-formed XML (line N: libxml2's reason)" followed by `advice`.
absl::StatusOr<XmlDoc> ParseXmlPart(const std::string& xml, absl::string_view format,
                                    absl::string_view part, absl::string_view advice);

// A part the reader can do without (styles, list definitions): parsed, or
// null when the package lacks it, it expands beyond `max_bytes` or it is not
// well-formed.
XmlDoc ParseOptionalPart(const ZipPackage& zip, const std::string& name, size_t max_bytes,
                         absl::string_view format);

// The root element of `doc`, or null for a null document.
inline const xmlNode* RootOf(const XmlDoc& doc) { return doc != nullptr ? xmlDocGetRootElement(doc.get()) : nullptr; }

// Whether `n` is an element with that local name (any namespace prefix).
bool IsElement(const xmlNode* n, const char* local);
// The first child element of `n` with that local name, or null.
const xmlNode* ChildElement(const xmlNode* n, const char* local);
// The attribute of that local name (any prefix); `found` tells whether present.
std::string Attribute(const xmlNode* n, const char* local, bool* found = nullptr);
// The text content of `n` and its descendants.
std::string TextContent(const xmlNode* n);

// How many pictures `n` holds: descendant elements whose local name is
// `picture`, each counted once, not looking inside elements named `skip`
// (a fallback copy of the same drawing) and no deeper than `max_depth`.
uint32_t CountPictures(const xmlNode* n, const char* picture, const char* skip, int max_depth);

}  // namespace xxgk::report

#endif  // XXGK_REPORT_ZIP_XML_H_
