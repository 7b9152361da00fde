#include "report/doc_lists.h"

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

#include "report/cfb.h"
#include "report/doc_sprms.h"
#include "report/utf8.h"

namespace xxgk::report {
namespace {

constexpr size_t kLstfBytes = 28;
constexpr size_t kLvlfBytes = 28;
constexpr size_t kLfoBytes = 16;
constexpr size_t kMaxLists = 10000;      // far more than any document defines
constexpr size_t kMaxStyles = 0xFFF;     // istd has 12 bits; 0xFFF means "none"
constexpr size_t kStdfBaseBytes = 10;    // StdfBase; Word 2000 and later add 8 more
constexpr uint16_t kParagraphStyle = 1;  // stk

// One paragraph style of a style sheet as the file gives it: the style it is
// based on and the property modifiers of its paragraph UPX.
struct StyleEntry {
  bool paragraph = false;
  size_t base = kMaxStyles;
  std::string_view grpprl;
};

// The STD (`stdf`: its StdfBase and the rest of its Stdf, `base_bytes` in
// all, then the name and the UPXs) of one style.
StyleEntry ReadStyle(std::string_view stdf, size_t base_bytes) {
  StyleEntry entry;
  if (base_bytes < kStdfBaseBytes || stdf.size() < base_bytes + 2) return entry;
  const uint16_t kind_and_base = Le16(stdf, 2);
  if ((kind_and_base & 0xF) != kParagraphStyle) return entry;
  // The name (Xstz: a count of UTF-16 units, the units, a 0), then the
  // paragraph UPX: its size, the style index again, the modifiers.
  size_t at = base_bytes + 2 + 2 * static_cast<size_t>(Le16(stdf, base_bytes)) + 2;
  if (at > stdf.size() || stdf.size() - at < 2) return entry;
  const size_t upx = Le16(stdf, at);
  at += 2;
  if (upx < 2 || upx > stdf.size() - at) return entry;
  entry.paragraph = true;
  entry.base = kind_and_base >> 4;
  entry.grpprl = stdf.substr(at + 2, upx - 2);
  return entry;
}

// The w:numFmt name of an nfc ([MS-DOC] 2.9.181 MSONFC), so that .doc and
// .docx levels share one mapping.
const char* NfcName(uint8_t nfc) {
  static constexpr const char* kNames[] = {
      "decimal", "upperRoman", "lowerRoman", "upperLetter", "lowerLetter", "ordinal", "cardinalText",
      "ordinalText", "hex", "chicago", "ideographDigital", "japaneseCounting", "aiueo", "iroha",
      "decimalFullWidth", "decimalHalfWidth", "japaneseLegal", "japaneseDigitalTenThousand",
      "decimalEnclosedCircle", "decimalFullWidth2", "aiueoFullWidth", "irohaFullWidth", "decimalZero",
      "bullet", "ganada", "chosung", "decimalEnclosedFullstop", "decimalEnclosedParen",
      "decimalEnclosedCircleChinese", "ideographEnclosedCircle", "ideographTraditional", "ideographZodiac",
      "ideographZodiacTraditional", "taiwaneseCounting", "ideographLegalTraditional",
      "taiwaneseCountingThousand", "taiwaneseDigital", "chineseCounting", "chineseLegalSimplified",
      "chineseCountingThousand"};
  if (nfc == 0xFF) return "none";
  return nfc < std::size(kNames) ? kNames[nfc] : "decimal";
}

// One LVL at `*at` of `b`: its LVLF, property groups and number text, whose
// characters 0-8 stand for the levels' numbers. nullopt when cut off.
std::optional<WordNumbering::Level> ReadLvl(std::string_view b, size_t* at) {
  if (*at > b.size() || b.size() - *at < kLvlfBytes) return std::nullopt;
  const size_t p = *at;
  WordNumbering::Level level;
  level.start = ClampListStart(static_cast<int32_t>(Le32(b, p)));
  const uint8_t nfc = static_cast<uint8_t>(b[p + 4]);
  const uint8_t flags = static_cast<uint8_t>(b[p + 5]);
  level.style = WordListNumberStyle(NfcName(nfc));
  level.bullet = nfc == 23;
  level.legal = (flags & 0x04) != 0;
  level.restart_after = (flags & 0x08) != 0 ? static_cast<uint8_t>(b[p + 26]) : -1;  // fNoRestart
  level.separator = static_cast<uint8_t>(b[p + 15]) != 2;  // ixchFollow: tab, space, nothing
  size_t q = p + kLvlfBytes + static_cast<uint8_t>(b[p + 25]) + static_cast<uint8_t>(b[p + 24]);
  if (q > b.size() || b.size() - q < 2) return std::nullopt;
  const size_t cch = Le16(b, q);
  q += 2;
  if (cch > (b.size() - q) / 2) return std::nullopt;
  for (size_t k = 0; k < cch; ++k) {
    UChar32 c = Le16(b, q + 2 * k);
    if (c < 9) {
      level.text += '%';
      level.text += static_cast<char>('1' + c);
      continue;
    }
    if (U16_IS_LEAD(c) && k + 1 < cch && U16_IS_TRAIL(Le16(b, q + 2 * k + 2))) {
      c = U16_GET_SUPPLEMENTARY(c, Le16(b, q + 2 * k + 2));
      ++k;
    }
    AppendUtf8(c, &level.text);
  }
  *at = q + 2 * cch;
  return level;
}

}  // namespace

WordNumbering ReadDocLists(std::string_view table, size_t lst_end, std::string_view lfo) {
  WordNumbering out;
  // PlfLst: cLst and the LSTFs; each list's LVLs (one for a simple list,
  // else nine) follow the PlfLst in the table stream, list after list.
  if (lst_end >= 2 && lst_end <= table.size()) {
    const size_t lists = std::min<size_t>(Le16(table, 0) & 0x7FFF, kMaxLists);
    size_t at = lst_end;
    for (size_t i = 0; i < lists && 2 + kLstfBytes * (i + 1) <= lst_end; ++i) {
      const size_t e = 2 + kLstfBytes * i;
      const std::string lsid = std::to_string(Le32(table, e));
      const bool simple = (static_cast<uint8_t>(table[e + 26]) & 0x01) != 0;
      WordNumbering::Levels levels;
      bool complete = true;
      for (int l = 0; l < (simple ? 1 : 9); ++l) {
        std::optional<WordNumbering::Level> level = ReadLvl(table, &at);
        if (!level) {
          complete = false;
          break;
        }
        levels[l] = std::move(*level);
      }
      out.AddAbstract(lsid, levels);
      if (!complete) break;
    }
  }
  // PlfLfo: lfoMac, the LFOs, then an LFOData for each: a cp and the
  // levels it restarts or redefines.
  if (lfo.size() < 4) return out;
  const size_t count = std::min<size_t>(Le32(lfo, 0), kMaxLists);
  if (count > (lfo.size() - 4) / kLfoBytes) return out;
  size_t at = 4 + kLfoBytes * count;
  for (size_t i = 0; i < count; ++i) {
    const size_t e = 4 + kLfoBytes * i;
    const std::string lsid = std::to_string(Le32(lfo, e));
    const size_t overrides = static_cast<uint8_t>(lfo[e + 12]);
    WordNumbering::Starts starts;
    WordNumbering::Levels redefined;
    bool readable = at <= lfo.size() && lfo.size() - at >= 4;
    if (readable) at += 4;  // cp
    for (size_t k = 0; readable && k < overrides; ++k) {
      if (lfo.size() - at < 8) {
        readable = false;
        break;
      }
      const int start = ClampListStart(static_cast<int32_t>(Le32(lfo, at)));
      const uint8_t bits = static_cast<uint8_t>(lfo[at + 4]);
      const int level = bits & 0x0F;
      at += 8;
      if ((bits & 0x20) != 0) {  // fFormatting: an LVL follows
        std::optional<WordNumbering::Level> def = ReadLvl(lfo, &at);
        if (!def) {
          readable = false;
          break;
        }
        if (level < ListCounters::kLevels) redefined[level] = std::move(*def);
      }
      if ((bits & 0x10) != 0 && level < ListCounters::kLevels) starts[level] = start;  // fStartAt
    }
    out.AddNum(std::to_string(i + 1), lsid, starts, redefined);
    if (!readable) at = lfo.size();  // the rest cannot be found; keep their lists
  }
  return out;
}

std::vector<DocStyleList> ReadDocStyleLists(std::string_view stsh) {
  // The STSHI (its size first; cstd and cbSTDBaseInFile lead it), then
  // each STD with its size before it, an empty slot for a size of 0.
  if (stsh.size() < 6) return {};
  const size_t stshi = Le16(stsh, 0);
  if (stshi < 4 || stshi > stsh.size() - 2) return {};
  const size_t count = std::min<size_t>(Le16(stsh, 2), kMaxStyles);
  const size_t base_bytes = Le16(stsh, 4);
  std::vector<StyleEntry> entries(count);
  size_t at = 2 + stshi;
  for (size_t istd = 0; istd < count && stsh.size() - at >= 2; ++istd) {
    const size_t size = Le16(stsh, at);
    at += 2;
    if (size > stsh.size() - at) break;
    entries[istd] = ReadStyle(stsh.substr(at, size), base_bytes);
    at += size;
  }
  // Each style applies its modifiers to what its base style resolves to;
  // a chain that loops or leaves the paragraph styles starts from nothing.
  std::vector<DocStyleList> out(count);
  enum class State : uint8_t { kNew, kOnChain, kDone };
  std::vector<State> state(count, State::kNew);
  std::vector<size_t> chain;
  for (size_t istd = 0; istd < count; ++istd) {
    chain.clear();
    size_t s = istd;
    while (s < count && state[s] == State::kNew && entries[s].paragraph) {
      state[s] = State::kOnChain;
      chain.push_back(s);
      s = entries[s].base;
    }
    DocStyleList from = s < count && state[s] == State::kDone ? out[s] : DocStyleList{};
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      DocStyleList& style = out[*it];
      style = from;
      ForEachSprm(entries[*it].grpprl, [&style](uint16_t sprm, std::string_view op) {
        if (sprm == kSprmPIlfo) style.ilfo = static_cast<int16_t>(Le16(op, 0));
        if (sprm == kSprmPIlvl) style.ilvl = static_cast<uint8_t>(op[0]);
      });
      state[*it] = State::kDone;
      from = style;
    }
  }
  return out;
}

}  // namespace xxgk::report
