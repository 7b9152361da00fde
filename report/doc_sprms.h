// Property modifiers (sprms) of Word 97-2003 .doc files ([MS-DOC] 2.2.5.1):
// a two-byte code whose top bits give the operand's size, then the operand.
// Shared by the paragraph pages the .doc reader walks and the paragraph
// styles the list reader resolves.
#ifndef XXGK_REPORT_DOC_SPRMS_H_
#define XXGK_REPORT_DOC_SPRMS_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "report/cfb.h"

namespace xxgk::report {

constexpr uint16_t kSprmPIlfo = 0x460B;      // the list instance numbering the paragraph
constexpr uint16_t kSprmPIlvl = 0x260A;      // and its level
constexpr uint16_t kSprmTDefTable = 0xD608;  // a row's cells; the one sprm with a two-byte size

// Calls fn(sprm, operand) for each property modifier of `grpprl`, up to the
// first that does not fit.
template <typename Fn>
void ForEachSprm(std::string_view grpprl, Fn fn) {
  size_t at = 0;
  while (at + 2 <= grpprl.size()) {
    const uint16_t sprm = Le16(grpprl, at);
    at += 2;
    size_t size = 0;
    switch (sprm >> 13) {
      case 0: case 1: size = 1; break;
      case 2: case 4: case 5: size = 2; break;
      case 3: size = 4; break;
      case 7: size = 3; break;
      default:  // 6: variable
        if (sprm == kSprmTDefTable) {  // a two-byte size, counting itself as 1
          if (at + 2 > grpprl.size()) return;
          size = 2 + std::max<size_t>(Le16(grpprl, at), 1) - 1;
        } else {  // a one-byte size
          if (at + 1 > grpprl.size()) return;
          size = 1 + static_cast<uint8_t>(grpprl[at]);
        }
    }
    if (at + size > grpprl.size()) return;
    fn(sprm, grpprl.substr(at, size));
    at += size;
  }
}

}  // namespace xxgk::report

#endif  // XXGK_REPORT_DOC_SPRMS_H_
