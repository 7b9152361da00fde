// Overflow-safe decimal numbers for cell arithmetic.
//
// Cells hold normalised decimals as strings ("12", "7730.28", "-3"). A
// Decimal is a fixed-point value (absl::int128 counting millionths) with at
// most kMaxIntegerDigits integer digits and kMaxFractionDigits fraction
// digits, so that the sum of any realistic number of cells cannot overflow;
// every operation is still checked. Anything longer (a 25-digit number) is a
// parse error, which check kinds turn into a VALUE_INVALID finding.
#ifndef XXGK_RULES_DECIMAL_H_
#define XXGK_RULES_DECIMAL_H_

#include <compare>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include "absl/numeric/int128.h"
#include "absl/status/statusor.h"
#include "xxgk/v1/report.pb.h"

namespace xxgk::rules {

class Decimal {
 public:
  static constexpr int kMaxIntegerDigits = 18;
  static constexpr int kMaxFractionDigits = 6;

  Decimal() = default;  // zero
  static Decimal FromInt(int64_t v);

  // Parses [+-]digits[.digits]. Leading zeros are fine; no exponent, no
  // separators (cells are already normalised). InvalidArgument for anything
  // else, and for more than kMaxIntegerDigits integer digits ("number too
  // large") or more than kMaxFractionDigits fraction digits.
  static absl::StatusOr<Decimal> Parse(std::string_view text);

  bool is_zero() const { return units_ == 0; }
  bool is_negative() const { return units_ < 0; }
  bool is_integer() const;

  // Checked arithmetic: std::nullopt on overflow (never UB).
  std::optional<Decimal> Add(const Decimal& other) const {
#ifdef ABSL_HAVE_INTRINSIC_INT128
    // The compiler's checked add (add, add-with-carry, overflow flag).
    __int128 sum;
    if (__builtin_add_overflow(static_cast<__int128>(units_), static_cast<__int128>(other.units_), &sum)) {
      return std::nullopt;
    }
    return Decimal(absl::int128(sum));
#else
    const absl::int128 a = units_, b = other.units_;
    if ((b > 0 && a > std::numeric_limits<absl::int128>::max() - b) ||
        (b < 0 && a < std::numeric_limits<absl::int128>::min() - b)) {
      return std::nullopt;
    }
    return Decimal(a + b);
#endif
  }
  std::optional<Decimal> Sub(const Decimal& other) const;

  // Canonical text: no exponent, no trailing fraction zeros ("7730.28", "12", "-3").
  std::string ToString() const;

  friend bool operator==(const Decimal& a, const Decimal& b) { return a.units_ == b.units_; }
  friend bool operator<(const Decimal& a, const Decimal& b) { return a.units_ < b.units_; }
  friend bool operator<=(const Decimal& a, const Decimal& b) { return a.units_ <= b.units_; }
  friend bool operator>(const Decimal& a, const Decimal& b) { return a.units_ > b.units_; }
  friend bool operator>=(const Decimal& a, const Decimal& b) { return a.units_ >= b.units_; }
  friend bool operator!=(const Decimal& a, const Decimal& b) { return a.units_ != b.units_; }

 private:
  explicit Decimal(absl::int128 units) : units_(units) {}
  absl::int128 units_ = 0;  // value * 10^kMaxFractionDigits
};

// Sums a list of decimals; std::nullopt on overflow.
std::optional<Decimal> SumOf(const Decimal* values, size_t n);

// How a cell reads as a number for arithmetic.
struct CellNumber {
  enum class Kind {
    kMissing,  // cell not read (nullptr / PRESENCE_UNSPECIFIED)
    kNumber,   // NUMBER with a parseable value
    kBlank,    // BLANK or NA: counts as 0 in arithmetic
    kInvalid,  // TEXT, or NUMBER whose value does not parse (too long, malformed)
  };
  Kind kind = Kind::kMissing;
  Decimal value;      // the number, or 0 for blanks
  std::string error;  // for kInvalid: why (e.g. "number too large: 25 integer digits")
};
CellNumber ReadCellNumber(const xxgk::v1::Cell* cell);

// ReadCellNumber's kind and value (0 unless a number), without the error text.
CellNumber::Kind ReadCellValue(const xxgk::v1::Cell* cell, Decimal* value);

}  // namespace xxgk::rules

#endif  // XXGK_RULES_DECIMAL_H_
