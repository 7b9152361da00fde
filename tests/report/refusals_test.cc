// Documents that cannot be read, one per way each reader refuses: every
// refusal is a client error that names the file once, says the format once,
// and tells the sender what to do instead; and a hint about what the bytes
// "really are" is given only when the bytes say so.
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "re2/re2.h"
#include "report/parse.h"
#include "tests/report/fixtures/doc_writer.h"
#include "tests/report/fixtures/zip_writer.h"

namespace xxgk::report {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

struct Broken {
  const char* what;
  std::string file_name;
  std::string input_format;  // empty: sniffed
  std::string bytes;
};

constexpr char kWordNs[] = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
constexpr char kOfficeNs[] = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"";
constexpr char kOfdNs[] = "xmlns:ofd=\"http://www.ofdspec.org/2016\"";

// A zip entry's deflated bytes overwritten, so the archive opens but the
// entry does not inflate.
std::string CorruptFirstEntry(std::string zip) {
  // Local header: 30 bytes, then the name, then the extra field, then data.
  const size_t name_len = static_cast<unsigned char>(zip[26]) | (static_cast<unsigned char>(zip[27]) << 8);
  const size_t extra_len = static_cast<unsigned char>(zip[28]) | (static_cast<unsigned char>(zip[29]) << 8);
  const size_t data = 30 + name_len + extra_len;
  for (size_t i = data; i < data + 16 && i < zip.size(); ++i) zip[i] = static_cast<char>(0xFF);
  return zip;
}

std::vector<Broken> BrokenDocuments() {
  using xxgk::testing::MakeZip;
  const std::string garbage = "these bytes are no document format at all, just words";
  const std::string docx_no_body =
      MakeZip({{"word/document.xml", std::string("<w:document ") + kWordNs + "/>"}});
  const std::string docx_bad_xml = MakeZip({{"word/document.xml", "<w:document><w:body>"}});
  const std::string docx_corrupt = CorruptFirstEntry(MakeZip(
      {{"word/document.xml", std::string("<w:document ") + kWordNs + "><w:body>" +
                                 std::string(4000, ' ') + "</w:body></w:document>"}}));
  const std::string plain_zip = MakeZip({{"notes.txt", "a list of reports"}});
  const std::string odt_no_body =
      MakeZip({{"mimetype", "application/vnd.oasis.opendocument.text"},
               {"content.xml", std::string("<office:document-content ") + kOfficeNs + "/>"}});
  const std::string ofd_bad_root = MakeZip({{"OFD.xml", "<Other/>"}});
  const std::string ofd_no_doc = MakeZip({{"OFD.xml", std::string("<ofd:OFD ") + kOfdNs + "/>"}});
  const std::string cfb_no_word = xxgk::testing::WriteCompoundFile({{"Workbook", std::string(600, 'x')}});
  const std::string cfb_short_word =
      xxgk::testing::WriteCompoundFile({{"WordDocument", std::string(40, '\0')}, {"1Table", "x"}});
  std::string png = "\x89PNG\r\n\x1A\n";
  png += std::string(64, '\0');
  return {
      {"not a PDF", "a.pdf", "pdf", garbage},
      {"a PDF header and nothing else", "b.pdf", "", "%PDF-1.4\n" + garbage},
      {"not a zip, sent as docx", "c.docx", "docx", garbage},
      {"a zip cut short", "d.docx", "", docx_no_body.substr(0, 40)},
      {"a zip that is no .docx", "e.docx", "docx", plain_zip},
      {"a .docx without a body", "f.docx", "", docx_no_body},
      {"a .docx whose XML is cut", "g.docx", "", docx_bad_xml},
      {"a .docx whose part does not inflate", "h.docx", "", docx_corrupt},
      {"not a compound file, sent as doc", "i.doc", "doc", garbage},
      {"a compound file with no Word stream", "j.doc", "", cfb_no_word},
      {"a Word stream too short", "k.doc", "", cfb_short_word},
      {"a zip that is no .odt", "l.odt", "odt", plain_zip},
      {"an .odt without a body", "m.odt", "", odt_no_body},
      {"flat XML that is no OpenDocument", "n.fodt", "odt", "<?xml version=\"1.0\"?><html/>"},
      {"not a zip, sent as ofd", "o.ofd", "ofd", garbage},
      {"a zip that is no OFD", "p.ofd", "ofd", plain_zip},
      {"OFD.xml with another root", "q.ofd", "", ofd_bad_root},
      {"OFD.xml naming no document", "r.ofd", "", ofd_no_doc},
      {"XML that is no Word XML", "s.xml", "word-xml", "<?xml version=\"1.0\"?><catalog/>"},
      {"Word XML without a body", "t.xml", "",
       std::string("<?xml version=\"1.0\"?><w:wordDocument ") + kWordNs + "/>"},
      {"not RTF, sent as rtf", "u.rtf", "rtf", garbage},
      {"not a saved page, sent as mhtml", "v.mht", "mhtml", garbage},
      {"binary bytes sent as text", "w.txt", "text", std::string(300, '\x01') + "\xFE\xFD\xFC"},
      {"a picture", "x.txt", "", png},
      {"nothing", "y.txt", "", ""},
      {"JSON that is no Report", "z.json", "", "{\"meta\": {\"report_year\": \"x\"}}"},
      {"JSON cut short", "z2.json", "", "{\"meta\": "},
      {"a text-format Report with a wrong value", "z3.textproto", "", "meta { report_year: \"x\" }\n"},
  };
}

TEST(Refusals, EachNamesTheFileOnceAndSaysWhatToDo) {
  // What a sender can do: send something else, save or print it again,
  // take something out of it, or fix the file.
  static const RE2 kAdvice(R"((?i)\b(send|save|print|remove|unpack|correct)\b)");
  for (const Broken& b : BrokenDocuments()) {
    SCOPED_TRACE(b.what);
    xxgk::v1::Document doc;
    doc.set_file_name(b.file_name);
    doc.set_content(b.bytes);
    ParseOptions options;
    options.input_format = b.input_format;
    absl::StatusOr<xxgk::v1::Report> report = ParseDocument(doc, options);
    ASSERT_FALSE(report.ok());
    EXPECT_EQ(report.status().code(), absl::StatusCode::kInvalidArgument) << report.status();
    const std::string message(report.status().message());
    // "name: what" or, for a structured report, "name:line:column: what".
    EXPECT_THAT(message, ::testing::StartsWith(b.file_name + ":")) << message;
    EXPECT_THAT(message.substr(b.file_name.size()), Not(HasSubstr(b.file_name + ":"))) << message;
    EXPECT_TRUE(RE2::PartialMatch(message, kAdvice)) << message;
    for (const char* format : {"pdf", "docx", "doc", "odt", "ofd", "rtf", "mhtml", "word-xml"}) {
      EXPECT_THAT(message, Not(HasSubstr(std::string(format) + ": " + format + ":"))) << message;
    }
    EXPECT_THAT(message, Not(HasSubstr("INVALID_ARGUMENT"))) << message;
  }
}

// "Its bytes are X" only when they are: any zip archive is not a .docx.
TEST(Refusals, AZipIsNotCalledADocxUnlessItIsOne) {
  xxgk::v1::Document doc;
  doc.set_file_name("list.odt");
  doc.set_content(xxgk::testing::MakeZip({{"notes.txt", "a list of reports"}}));
  ParseOptions as_odt;
  as_odt.input_format = "odt";
  absl::StatusOr<xxgk::v1::Report> report = ParseDocument(doc, as_odt);
  ASSERT_FALSE(report.ok());
  EXPECT_THAT(std::string(report.status().message()), Not(HasSubstr("its bytes are")));
  // A real .docx sent as odt still gets the hint.
  doc.set_content(xxgk::testing::MakeZip(
      {{"word/document.xml", std::string("<w:document ") + kWordNs + "><w:body/></w:document>"}}));
  report = ParseDocument(doc, as_odt);
  ASSERT_FALSE(report.ok());
  EXPECT_THAT(std::string(report.status().message()), HasSubstr("its bytes are docx, not odt"));
}

}  // namespace
}  // namespace xxgk::report
