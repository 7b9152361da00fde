// Seeded random draws for the text generators of the golden-file tests.
//
// The golden files hold what the readers make of generated documents, so
// every compiler must generate the same documents from a seed: std::mt19937
// is fully specified, and Cat() joins parts in the order they are written
// (the elements of a braced list are evaluated left to right; the operands
// of `+` are not, and GCC and clang order them differently).
#ifndef XXGK_TESTS_REPORT_RANDOM_TEXT_H_
#define XXGK_TESTS_REPORT_RANDOM_TEXT_H_

#include <cstdint>
#include <initializer_list>
#include <random>
#include <string>
#include <vector>

namespace xxgk::testing {

class RandomText {
 protected:
  explicit RandomText(uint32_t seed) : rng_(seed) {}

  // 0 <= result < n.
  int Below(int n) { return static_cast<int>(rng_() % static_cast<uint32_t>(n)); }
  // One element of `v` (which must outlive the use of the result).
  const std::string& Pick(const std::vector<std::string>& v) {
    return v[static_cast<size_t>(Below(static_cast<int>(v.size())))];
  }
  static std::string Cat(std::initializer_list<std::string> parts) {
    std::string out;
    for (const std::string& p : parts) out += p;
    return out;
  }

 private:
  std::mt19937 rng_;
};

}  // namespace xxgk::testing

#endif  // XXGK_TESTS_REPORT_RANDOM_TEXT_H_
