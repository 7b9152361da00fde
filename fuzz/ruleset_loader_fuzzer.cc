// libFuzzer: arbitrary bytes as a rule-set file, through the text parser,
// layering and the compilation of every check (rules/loader.h). Any input
// must end in a snapshot or an error, never a crash or sanitizer report.
// A second file extending the fuzzed one exercises parents and overrides.
#include <cstddef>
#include <cstdint>
#include <string>

#include "rules/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  auto alone = xxgk::rules::CompileSnapshot({{"fuzz.textproto", text}});
  (void)alone;
  auto layered = xxgk::rules::CompileSnapshot(
      {{"fuzz.textproto", text},
       {"child.textproto", "id: \"child\"\nextends: \"national-common\"\ndisable: \"T4-A\"\n"
                           "overrides { id: \"V-1\" severity: WARNING }\n"}});
  (void)layered;
  return 0;
}
