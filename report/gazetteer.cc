#include "report/gazetteer.h"

#include <algorithm>
#include <string>

#include "absl/strings/str_split.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define XXGK_GAZETTEER_AVX2 1
#endif

namespace xxgk::report {
namespace data {
extern const char kDivisionsTsv[];
extern const std::size_t kDivisionsTsvSize;
}  // namespace data

namespace {

size_t Utf8Length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

// Where the last two characters of `s` start, walking back over
// continuation bytes; npos when `s` holds fewer than two.
size_t LastTwoStart(std::string_view s) {
  size_t k = s.size();
  for (int c = 0; c < 2; ++c) {
    if (k == 0) return std::string_view::npos;
    --k;
    while (k > 0 && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
  }
  return k;
}

#ifdef XXGK_GAZETTEER_AVX2
// From byte q of `d` (a three-byte lead; n bytes in all), eight characters
// at a time: passes every character that Mentions' plain loop passes (the
// next one also three bytes long, their pair's bit clear in `pair3_bits`
// under Gazetteer::Pair3Hash, which `multiplier` and `shift` spell) and
// stops at the first it would not, or where fewer than 28 bytes are left.
// Each 128-bit half reads four pairs: the low one from byte q, the high
// one from byte q + 12.
__attribute__((target("avx2"))) size_t SkipPairsAvx2(const char* d, size_t q, size_t n,
                                                     const uint64_t* pair3_bits,
                                                     uint32_t multiplier, int shift) {
  // Per 32-bit lane k (pair k of the half): the pair's bytes 1, 2, 4, 5
  // (Pair3Key), and the next character's lead, byte 3.
  const __m256i key_bytes = _mm256_setr_epi8(1, 2, 4, 5, 4, 5, 7, 8, 7, 8, 10, 11, 10, 11, 13, 14,
                                             1, 2, 4, 5, 4, 5, 7, 8, 7, 8, 10, 11, 10, 11, 13, 14);
  const __m256i lead_bytes =
      _mm256_setr_epi8(3, -1, -1, -1, 6, -1, -1, -1, 9, -1, -1, -1, 12, -1, -1, -1,
                       3, -1, -1, -1, 6, -1, -1, -1, 9, -1, -1, -1, 12, -1, -1, -1);
  const __m256i lead_mask = _mm256_set1_epi32(0xF0), lead_three = _mm256_set1_epi32(0xE0);
  const __m256i mult = _mm256_set1_epi32(static_cast<int>(multiplier));
  const __m256i low5 = _mm256_set1_epi32(31), ones = _mm256_set1_epi32(-1);
  const int* words = reinterpret_cast<const int*>(pair3_bits);  // little-endian: bit h is word h / 32's
  while (q + 28 <= n) {
    const __m256i bytes = _mm256_inserti128_si256(
        _mm256_castsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(d + q))),
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + q + 12)), 1);
    const __m256i h =
        _mm256_srli_epi32(_mm256_mullo_epi32(_mm256_shuffle_epi8(bytes, key_bytes), mult), shift);
    const __m256i word = _mm256_i32gather_epi32(words, _mm256_srli_epi32(h, 5), 4);
    // The pair's bit moved to the sign: set where a name may start.
    const __m256i may_start =
        _mm256_sllv_epi32(word, _mm256_sub_epi32(low5, _mm256_and_si256(h, low5)));
    const __m256i next_three = _mm256_cmpeq_epi32(
        _mm256_and_si256(_mm256_shuffle_epi8(bytes, lead_bytes), lead_mask), lead_three);
    const __m256i stop = _mm256_or_si256(may_start, _mm256_xor_si256(next_three, ones));
    const int stops = _mm256_movemask_ps(_mm256_castsi256_ps(stop));
    if (stops != 0) return q + 3 * static_cast<size_t>(__builtin_ctz(stops));
    q += 24;
  }
  return q;
}
#endif

}  // namespace

bool Gazetteer::SkipPathRuns(SkipPath path) {
#ifdef XXGK_GAZETTEER_AVX2
  static const bool kAvx2 = __builtin_cpu_supports("avx2");
#else
  constexpr bool kAvx2 = false;
#endif
  return path != SkipPath::kAvx2 || kAvx2;
}

Gazetteer Gazetteer::FromTsv(std::string_view tsv) {
  Gazetteer g;
  for (absl::string_view line : absl::StrSplit(absl::string_view(tsv.data(), tsv.size()), '\n')) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<absl::string_view> f = absl::StrSplit(line, '\t');
    if (f.size() < 3 || f[0].size() != 6) continue;
    Division d;
    d.code = std::string(f[0]);
    d.name = std::string(f[1]);
    d.parent = std::string(f[2]);
    if (f.size() > 3) d.short_name = std::string(f[3]);
    if (d.parent.empty()) {
      d.level = 1;
    } else if (d.code.substr(4) == "00") {
      d.level = 2;
    } else {
      d.level = 3;
    }
    const size_t index = g.divisions_.size();
    g.by_code_[d.code] = index;
    g.by_full_[d.name].push_back(index);
    g.max_name_bytes_ = std::max(g.max_name_bytes_, d.name.size());
    g.AddPrefixes(d.name);
    if (!d.short_name.empty() && d.short_name != d.name) {
      g.by_short_[d.short_name].push_back(index);
      g.AddPrefixes(d.short_name);
    }
    g.divisions_.push_back(std::move(d));
  }
  return g;
}

size_t Gazetteer::PairHash(std::string_view two_chars) {
  uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a
  for (char c : two_chars) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return static_cast<size_t>((h ^ (h >> 29)) & (kPairBits - 1));
}

size_t Gazetteer::FirstKey(const char* p) {
  return ((static_cast<unsigned char>(p[0]) & 0x0F) << 12) |
         ((static_cast<unsigned char>(p[1]) & 0x3F) << 6) | (static_cast<unsigned char>(p[2]) & 0x3F);
}

void Gazetteer::AddPrefixes(const std::string& name) {
  if (!name.empty() && Utf8Length(static_cast<unsigned char>(name[0])) == 3 && name.size() >= 3) {
    const size_t k = FirstKey(name.data());
    first_bits_[k / 64] |= uint64_t{1} << (k % 64);
    if (name.size() >= 6 && Utf8Length(static_cast<unsigned char>(name[3])) == 3) {
      const size_t h = Pair3Hash(name.data());
      pair3_bits_[h / 64] |= uint64_t{1} << (h % 64);
    }
  }
  // A name's last two characters, found from its end as MayEndName finds a
  // text's (a name of fewer, or whose first byte continues a character,
  // turns the test off).
  const size_t last_two = LastTwoStart(name);
  if (last_two == std::string_view::npos ||
      (last_two == 0 && !name.empty() && (static_cast<unsigned char>(name[0]) & 0xC0) == 0x80)) {
    short_names_ = true;
  } else {
    const size_t h = PairHash(std::string_view(name).substr(last_two));
    suffix_bits_[h / 64] |= uint64_t{1} << (h % 64);
  }
  size_t chars = 0;
  for (size_t e = 0; e < name.size();) {
    e = std::min(name.size(), e + Utf8Length(static_cast<unsigned char>(name[e])));
    if (++chars < 2) continue;
    if (chars == 2) {
      const size_t h = PairHash(std::string_view(name).substr(0, e));
      pair_bits_[h / 64] |= uint64_t{1} << (h % 64);
    }
    prefixes_[name.substr(0, e)] |= e == name.size() ? kIsName : kExtends;
  }
}

const Gazetteer& Gazetteer::Default() {
  static const Gazetteer* g = new Gazetteer(
      FromTsv(std::string_view(data::kDivisionsTsv, data::kDivisionsTsvSize)));
  return *g;
}

const Division* Gazetteer::ByCode(std::string_view code) const {
  auto it = by_code_.find(absl::string_view(code.data(), code.size()));
  return it == by_code_.end() ? nullptr : &divisions_[it->second];
}

const Division* Gazetteer::Parent(const Division& d) const {
  return d.parent.empty() ? nullptr : ByCode(d.parent);
}

const Division* Gazetteer::ProvinceOf(std::string_view code) const {
  const Division* d = ByCode(code);
  if (d == nullptr && code.size() >= 2) d = ByCode(std::string(code.substr(0, 2)) + "0000");
  for (int guard = 0; d != nullptr && d->level > 1 && guard < 4; ++guard) d = Parent(*d);
  return d != nullptr && d->level == 1 ? d : nullptr;
}

bool Gazetteer::IsAncestor(const Division& ancestor, const Division& d) const {
  const Division* p = Parent(d);
  for (int guard = 0; p != nullptr && guard < 4; ++guard, p = Parent(*p)) {
    if (p == &ancestor) return true;
  }
  return false;
}

std::vector<const Division*> Gazetteer::ByName(std::string_view name) const {
  std::vector<const Division*> out;
  const absl::string_view key(name.data(), name.size());
  if (auto it = by_full_.find(key); it != by_full_.end()) {
    for (size_t i : it->second) out.push_back(&divisions_[i]);
  }
  if (auto it = by_short_.find(key); it != by_short_.end()) {
    for (size_t i : it->second) out.push_back(&divisions_[i]);
  }
  return out;
}

bool Gazetteer::FirstByNameIsFull(std::string_view name) const {
  // Every full or short name set its first character's bit (AddPrefixes).
  if (name.size() >= 3 && Utf8Length(static_cast<unsigned char>(name[0])) == 3) {
    const size_t k = FirstKey(name.data());
    if (!(first_bits_[k / 64] >> (k % 64) & 1)) return false;
    // Names of two or more characters also set their first two characters'
    // pair bit (AddPrefixes); a one-character `name` names nothing here
    // only if it is no name, so it goes on to the maps.
    if (name.size() >= 6) {
      const size_t second = 3 + Utf8Length(static_cast<unsigned char>(name[3]));
      if (second <= name.size()) {
        const size_t h = PairHash(name.substr(0, second));
        if (!(pair_bits_[h / 64] >> (h % 64) & 1)) return false;
      }
    }
  }
  const absl::string_view key(name.data(), name.size());
  if (auto it = by_full_.find(key); it != by_full_.end() && !it->second.empty()) {
    return divisions_[it->second[0]].name.size() == name.size();
  }
  if (auto it = by_short_.find(key); it != by_short_.end() && !it->second.empty()) {
    return divisions_[it->second[0]].name.size() == name.size();
  }
  return false;
}

bool Gazetteer::MayEndName(std::string_view text) const {
  if (short_names_) return true;
  const size_t last_two = LastTwoStart(text);
  if (last_two == std::string_view::npos) return true;
  const size_t h = PairHash(text.substr(last_two));
  return suffix_bits_[h / 64] >> (h % 64) & 1;
}

std::vector<Gazetteer::Mention> Gazetteer::Mentions(std::string_view text, SkipPath path) const {
  if (path == SkipPath::kBest) path = SkipPathRuns(SkipPath::kAvx2) ? SkipPath::kAvx2 : SkipPath::kPlain;
  if (!SkipPathRuns(path)) path = SkipPath::kPlain;
#ifndef XXGK_GAZETTEER_AVX2
  static_cast<void>(path);
#endif
  std::vector<Mention> out;
  size_t p = 0;
  const size_t n = text.size();
  const char* d = text.data();
  while (p < n) {
    const unsigned char lead = static_cast<unsigned char>(d[p]);
    if (lead < 0x80) {  // names start with an ideograph: pass the ASCII run
      do {
        ++p;
      } while (p < n && static_cast<unsigned char>(d[p]) < 0x80);
      continue;
    }
    // Two three-byte characters (most of a Chinese text): a name starts at
    // the first only if its first two characters are these (one bit test),
    // which the walk below would find out more slowly. Skip every character
    // of a run of them that starts no name so; the character it stops at
    // (three bytes long too: each step checked the next lead) is read below.
    if ((lead & 0xF0) == 0xE0) {
#ifdef XXGK_GAZETTEER_AVX2
      if (path == SkipPath::kAvx2) {
        p = SkipPairsAvx2(d, p, n, pair3_bits_.data(), kPair3Multiplier, 32 - kPair3Bits);
      }
#endif
      while (p + 6 <= n && (static_cast<unsigned char>(d[p + 3]) & 0xF0) == 0xE0 &&
             !Pair3MayStartName(d + p)) {
        p += 3;
      }
    }
    const size_t step = Utf8Length(lead);
    if (step == 1) {
      ++p;
      continue;
    }
    if (step == 3 && p + 3 <= text.size()) {
      const size_t k = FirstKey(text.data() + p);
      if (!(first_bits_[k / 64] >> (k % 64) & 1)) {  // no name starts with it
        p += step;
        continue;
      }
    }
    // Walk forward over character boundaries while the text still spells a
    // prefix of some name; the longest name seen wins.
    size_t best = 0;
    size_t chars = 1;
    for (size_t e = p + step; e <= text.size() && e - p <= max_name_bytes_;) {
      if (chars == 2) {
        const size_t h = PairHash(text.substr(p, e - p));
        if (!(pair_bits_[h / 64] >> (h % 64) & 1)) break;  // no name starts so
      }
      if (chars >= 2) {
        auto it = prefixes_.find(absl::string_view(text.data() + p, e - p));
        if (it == prefixes_.end()) break;
        if ((it->second & kIsName) && e - p >= 6) best = e;  // at least two characters
        if (!(it->second & kExtends)) break;
      }
      if (e == text.size()) break;
      e += Utf8Length(static_cast<unsigned char>(text[e]));
      ++chars;
    }
    bool found = false;
    if (best != 0) {
      const absl::string_view key(text.data() + p, best - p);
      Mention m;
      m.begin = p;
      m.end = best;
      if (auto f = by_full_.find(key); f != by_full_.end()) {
        for (size_t i : f->second) m.candidates.push_back(&divisions_[i]);
      }
      if (auto s = by_short_.find(key); s != by_short_.end()) {
        m.short_form = m.candidates.empty();
        for (size_t i : s->second) m.candidates.push_back(&divisions_[i]);
      }
      if (!m.candidates.empty()) {
        out.push_back(std::move(m));
        p = best;
        found = true;
      }
    }
    if (!found) p += step;
  }
  return out;
}

std::optional<PlaceMatch> Gazetteer::MostSpecific(std::string_view text) const {
  const std::vector<Mention> mentions = Mentions(text);
  struct Scored {
    PlaceMatch match;
    int score;
  };
  std::vector<Scored> scored;
  for (size_t mi = 0; mi < mentions.size(); ++mi) {
    const Mention& m = mentions[mi];
    for (const Division* d : m.candidates) {
      const bool full = d->name.size() == m.end - m.begin;
      // d's ancestors as IsAncestor walks them (at most 4), looked up once
      // instead of once per other candidate.
      const Division* chain[4] = {nullptr, nullptr, nullptr, nullptr};
      {
        const Division* p = Parent(*d);
        for (int guard = 0; p != nullptr && guard < 4; ++guard, p = Parent(*p)) chain[guard] = p;
      }
      auto is_ancestor = [&chain](const Division* o) {
        return o == chain[0] || o == chain[1] || o == chain[2] || o == chain[3];
      };
      int support = 0;
      for (size_t oi = 0; oi < mentions.size(); ++oi) {
        if (oi == mi) continue;
        for (const Division* o : mentions[oi].candidates) {
          if (is_ancestor(o)) {
            ++support;
            break;
          }
        }
      }
      int score = support * 100 + d->level * 10 + (full ? 5 : 0);
      if (!full && d->level == 3 && support == 0) score -= 30;
      scored.push_back(Scored{PlaceMatch{d, m.begin, m.end, !full, false, support > 0}, score});
    }
  }
  if (scored.empty()) return std::nullopt;
  // Best score; ties between different divisions make the match ambiguous.
  auto best = std::max_element(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
    return a.score < b.score;
  });
  PlaceMatch result = best->match;
  for (const Scored& s : scored) {
    if (s.score == best->score && s.match.division != result.division) result.ambiguous = true;
  }
  // The first mention with the best score wins among equals (max_element keeps the first).
  return result;
}

}  // namespace xxgk::report
