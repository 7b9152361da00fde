// libFuzzer target: OFD (ReadOfd) assembled into a Report. Input starting
// like a zip archive is read as a whole OFD file; anything else becomes the
// content of the one page (and of the template under it) of an otherwise
// valid package, so that mutations reach the text objects, advances and
// transforms instead of failing the archive's checksums. Errors are fine;
// crashes, hangs and sanitizer reports are not.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "report/assemble.h"
#include "report/readers.h"
#include "tests/report/fixtures/ofd_writer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1u << 20)) return 0;  // keep single runs fast
  std::string input(reinterpret_cast<const char*>(data), size);
  std::string file;
  if (input.rfind("PK", 0) == 0) {
    file = std::move(input);
  } else {
    xxgk::testing::OfdSpec spec;
    spec.templates["1"] = "";
    spec.pages.push_back({"", "1", ""});
    xxgk::testing::ZipEntries entries = xxgk::testing::OfdEntries(spec);
    for (auto& [name, content] : entries) {
      if (name.find("Content.xml") != std::string::npos) content = input;
    }
    file = xxgk::testing::MakeZip(entries, /*deflate=*/false);
  }
  auto read = xxgk::report::ReadOfd(file);
  if (!read.ok()) return 0;
  xxgk::v1::Report report = xxgk::report::Assemble(std::move(*read));
  (void)report;
  return 0;
}
