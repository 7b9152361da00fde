// libFuzzer target: arbitrary bytes read as RTF (ReadRtf: groups, control
// words, code pages and Unicode escapes, row definitions and merges handed to
// the Word table walk), flat tables gathered and a Report assembled. Errors
// are fine; crashes, hangs and sanitizer reports are not.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

#include "report/assemble.h"
#include "report/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1u << 20)) return 0;  // keep single runs fast
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)xxgk::report::LooksLikeRtf(bytes);
  auto read = xxgk::report::ReadRtf(bytes);
  if (!read.ok()) return 0;
  xxgk::report::GatherFlatTables(&read->blocks);
  xxgk::v1::Report report = xxgk::report::Assemble(std::move(*read));
  (void)report;
  return 0;
}
