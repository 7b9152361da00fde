// Gazetteer of Chinese administrative divisions (province, prefecture,
// county), embedded from report/data/divisions.tsv: lookup by code, the
// province of a code, and the most specific division a string names
// (full names and short forms: 威海市/威海, 文登区/文登, 恩施土家族苗族自治州/恩施).
#ifndef XXGK_REPORT_GAZETTEER_H_
#define XXGK_REPORT_GAZETTEER_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"

namespace xxgk::report {

struct Division {
  std::string code;        // 6-digit division code, e.g. "371003"
  std::string name;        // full name, e.g. "文登区"
  std::string parent;      // parent's code; empty for provinces
  std::string short_name;  // e.g. "文登"; empty when there is none
  int level = 0;           // 1 province, 2 prefecture, 3 county
};

// One place name found in a text.
struct PlaceMatch {
  const Division* division = nullptr;
  size_t begin = 0;          // byte offsets of the mention in the searched text
  size_t end = 0;
  bool short_form = false;   // matched the short form, not the full name
  bool ambiguous = false;    // other divisions fit the text equally well
  bool supported = false;    // another mention names one of its ancestors
};

class Gazetteer {
 public:
  // The embedded gazetteer (built once, thread-safe).
  static const Gazetteer& Default();
  // Parses `code\tname\tparent\tshort` lines (for tests and tools).
  static Gazetteer FromTsv(std::string_view tsv);

  const Division* ByCode(std::string_view code) const;
  // The province-level division containing `code` (itself for a province).
  const Division* ProvinceOf(std::string_view code) const;
  const Division* Parent(const Division& d) const;
  // True when `ancestor` contains `d` (strictly).
  bool IsAncestor(const Division& ancestor, const Division& d) const;
  // Divisions whose full name or short form is exactly `name`.
  std::vector<const Division*> ByName(std::string_view name) const;
  // Whether the first division ByName(name) lists has a full name exactly
  // as long as `name` (without building the list).
  bool FirstByNameIsFull(std::string_view name) const;
  // False when no full or short name can end where `text` ends (its last two
  // characters end none): FirstByNameIsFull is then false for every suffix
  // of `text` at least two characters long that starts on a character.
  bool MayEndName(std::string_view text) const;

  // Every place name in `text`, left to right, longest match first; each
  // mention lists all divisions it could be (full names before short forms).
  struct Mention {
    size_t begin = 0, end = 0;
    bool short_form = false;
    std::vector<const Division*> candidates;
  };
  // How Mentions passes over a run of three-byte characters none of which
  // starts a name: kPlain tests one character pair at a time, kAvx2 eight
  // at a time (where the machine runs AVX2; else kPlain), kBest the fastest
  // this machine runs. Every path finds the same mentions
  // (gazetteer_mentions_test compares them).
  enum class SkipPath { kPlain, kAvx2, kBest };
  static bool SkipPathRuns(SkipPath path);
  std::vector<Mention> Mentions(std::string_view text, SkipPath path = SkipPath::kBest) const;

  // The most specific division `text` names, preferring divisions whose
  // ancestors the text also names (威海市文登区 → 文登区 371003; 朝阳区 alone is
  // ambiguous). Short forms of counties count only with a named ancestor or
  // when nothing else is named.
  std::optional<PlaceMatch> MostSpecific(std::string_view text) const;

  size_t size() const { return divisions_.size(); }

 private:
  std::vector<Division> divisions_;
  absl::flat_hash_map<std::string, size_t> by_code_;
  absl::flat_hash_map<std::string, std::vector<size_t>> by_full_;
  absl::flat_hash_map<std::string, std::vector<size_t>> by_short_;
  size_t max_name_bytes_ = 0;
  // Every full or short name and every prefix of one at least two
  // characters long: kIsName / kExtends flags, so Mentions walks forward
  // from each position only while the text still spells a known name.
  static constexpr unsigned char kIsName = 1, kExtends = 2;
  absl::flat_hash_map<std::string, unsigned char> prefixes_;
  // A bit per hash of every two-character prefix in prefixes_: Mentions
  // asks the map only where the text's first two characters set one, which
  // most positions of a text do not.
  static constexpr size_t kPairBits = size_t{1} << 16;
  std::vector<uint64_t> pair_bits_ = std::vector<uint64_t>(kPairBits / 64);
  static size_t PairHash(std::string_view two_chars);
  // A bit per 3-byte first character of a name (by the low 16 bits of its
  // code point): most characters of a text start no name.
  std::vector<uint64_t> first_bits_ = std::vector<uint64_t>(65536 / 64);
  static size_t FirstKey(const char* three_bytes);
  // A bit per hash of the first two characters of every name whose first
  // two characters are both three bytes long: Mentions tests such a pair in
  // the text with one lookup. The hash reads the pair's continuation bytes
  // (bytes 1, 2, 4 and 5) as one 32-bit key, which AVX2 computes for eight
  // pairs at once. 2^20 bits (128 KB): a few thousand pairs set few enough
  // that a pair starting no name rarely stops the skip.
  static constexpr int kPair3Bits = 20;
  std::vector<uint64_t> pair3_bits_ = std::vector<uint64_t>((size_t{1} << kPair3Bits) / 64);
  static uint32_t Pair3Key(const char* six_bytes) {
    uint16_t first = 0, second = 0;
    memcpy(&first, six_bytes + 1, 2);
    memcpy(&second, six_bytes + 4, 2);
    return first | (uint32_t{second} << 16);
  }
  static constexpr uint32_t kPair3Multiplier = 0x9E3779B1u;
  static size_t Pair3Hash(const char* six_bytes) {
    return (Pair3Key(six_bytes) * kPair3Multiplier) >> (32 - kPair3Bits);
  }
  bool Pair3MayStartName(const char* six_bytes) const {
    const size_t h = Pair3Hash(six_bytes);
    return pair3_bits_[h / 64] >> (h % 64) & 1;
  }
  // A bit per hash (PairHash) of the last two characters of every name; set
  // `short_names_` when a name has fewer than two (then MayEndName always
  // says yes).
  std::vector<uint64_t> suffix_bits_ = std::vector<uint64_t>(kPairBits / 64);
  bool short_names_ = false;
  void AddPrefixes(const std::string& name);
};

}  // namespace xxgk::report

#endif  // XXGK_REPORT_GAZETTEER_H_
