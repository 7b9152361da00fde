// libFuzzer target: OpenDocument text (ReadOdt) assembled into a Report.
// Input starting like a zip archive is read as a whole .odt; anything else
// is read twice: as a flat XML file (.fodt), and as content.xml of an
// otherwise valid package, so that mutations reach the paragraphs, spans and
// tables instead of failing the archive's checksums. Errors are fine;
// crashes, hangs and sanitizer reports are not.
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
  auto read_and_assemble = [](const std::string& file) {
    auto read = xxgk::report::ReadOdt(file);
    if (!read.ok()) return;
    xxgk::report::GatherFlatTables(&read->blocks);
    xxgk::v1::Report report = xxgk::report::Assemble(std::move(*read));
    (void)report;
  };
  if (input.rfind("PK", 0) != 0) {
    read_and_assemble(input);
    input = xxgk::testing::MakeZip(
        {{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", input}},
        /*deflate=*/false);
  }
  read_and_assemble(input);
  return 0;
}
