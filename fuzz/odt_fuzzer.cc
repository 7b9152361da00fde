// libFuzzer target: OpenDocument text (ReadOdt) assembled into a Report.
// Input starting like a zip archive is read as a whole .odt; anything else
// becomes content.xml of an otherwise valid package, so that mutations reach
// the paragraphs, spans and tables instead of failing the archive's
// checksums. Errors are fine; crashes, hangs and sanitizer reports are not.
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>

#include "report/assemble.h"
#include "report/readers.h"
#include "tests/report/fixtures/zip_writer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1u << 20)) return 0;  // keep single runs fast
  std::string input(reinterpret_cast<const char*>(data), size);
  std::string file;
  if (input.rfind("PK", 0) == 0) {
    file = std::move(input);
  } else {
    file = xxgk::testing::MakeZip(
        {{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", input}},
        /*deflate=*/false);
  }
  auto read = xxgk::report::ReadOdt(file);
  if (!read.ok()) return 0;
  xxgk::report::GatherFlatTables(&read->blocks);
  xxgk::v1::Report report = xxgk::report::Assemble(std::move(*read));
  (void)report;
  return 0;
}
