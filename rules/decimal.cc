#include "rules/decimal.h"

#include <algorithm>
#include <limits>

#include "absl/strings/str_cat.h"

namespace xxgk::rules {
namespace {

constexpr int64_t kScale = 1000000;  // 10^kMaxFractionDigits
static_assert(Decimal::kMaxFractionDigits == 6);

absl::int128 MaxUnits() { return std::numeric_limits<absl::int128>::max(); }
absl::int128 MinUnits() { return std::numeric_limits<absl::int128>::min(); }

}  // namespace

Decimal Decimal::FromInt(int64_t v) { return Decimal(absl::int128(v) * kScale); }

namespace {

// Most cells: a plain integer of at most kMaxIntegerDigits digits (fits
// int64), read into *v; false for anything else (Parse's general path).
bool ReadPlainInteger(std::string_view text, int64_t* v) {
  if (text.empty() || text.size() > static_cast<size_t>(Decimal::kMaxIntegerDigits)) return false;
  int64_t acc = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    acc = acc * 10 + (c - '0');
  }
  *v = acc;
  return true;
}

}  // namespace

absl::StatusOr<Decimal> Decimal::Parse(std::string_view text) {
  int64_t plain = 0;
  if (ReadPlainInteger(text, &plain)) return FromInt(plain);
  std::string_view s = text;
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  size_t dot = s.find('.');
  std::string_view int_part = s.substr(0, dot);
  std::string_view frac_part = dot == std::string_view::npos ? std::string_view() : s.substr(dot + 1);
  if (int_part.empty() && frac_part.empty()) {
    return absl::InvalidArgumentError(absl::StrCat("not a number: \"", absl::string_view(text.data(), text.size()), "\""));
  }
  auto all_digits = [](std::string_view p) {
    return std::all_of(p.begin(), p.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (!all_digits(int_part) || !all_digits(frac_part) ||
      (dot != std::string_view::npos && frac_part.empty() && int_part.empty())) {
    return absl::InvalidArgumentError(absl::StrCat("not a number: \"", absl::string_view(text.data(), text.size()), "\""));
  }
  // Leading zeros do not count towards the size limit.
  size_t first = int_part.find_first_not_of('0');
  std::string_view significant = first == std::string_view::npos ? std::string_view() : int_part.substr(first);
  if (significant.size() > static_cast<size_t>(kMaxIntegerDigits)) {
    return absl::InvalidArgumentError(absl::StrCat("number too large: ", significant.size(),
                                                   " integer digits (at most ", kMaxIntegerDigits, ")"));
  }
  // Trailing fraction zeros do not count either.
  size_t last = frac_part.find_last_not_of('0');
  frac_part = last == std::string_view::npos ? std::string_view() : frac_part.substr(0, last + 1);
  if (frac_part.size() > static_cast<size_t>(kMaxFractionDigits)) {
    return absl::InvalidArgumentError(absl::StrCat("too many decimal places: ", frac_part.size(),
                                                   " (at most ", kMaxFractionDigits, ")"));
  }
  absl::int128 units = 0;
  for (char c : significant) units = units * 10 + (c - '0');
  units *= kScale;
  absl::int128 frac = 0;
  for (int i = 0; i < kMaxFractionDigits; ++i) {
    frac = frac * 10 + (static_cast<size_t>(i) < frac_part.size() ? frac_part[i] - '0' : 0);
  }
  units += frac;
  return Decimal(negative ? -units : units);
}

bool Decimal::is_integer() const {
  // Cell values fit in 64 bits: no 128-bit division for them.
  if (units_ >= std::numeric_limits<int64_t>::min() && units_ <= std::numeric_limits<int64_t>::max()) {
    return static_cast<int64_t>(units_) % kScale == 0;
  }
  return units_ % kScale == 0;
}

std::optional<Decimal> Decimal::Sub(const Decimal& other) const {
  const absl::int128 a = units_, b = other.units_;
  if ((b < 0 && a > MaxUnits() + b) || (b > 0 && a < MinUnits() + b)) return std::nullopt;
  return Decimal(a - b);
}

std::string Decimal::ToString() const {
  // |units_| fits in uint128 even for the minimum value.
  absl::uint128 mag = units_ < 0 ? absl::uint128(0) - static_cast<absl::uint128>(units_)
                                 : static_cast<absl::uint128>(units_);
  absl::uint128 ip = mag / static_cast<uint64_t>(kScale);
  uint64_t fp = absl::Uint128Low64(mag % static_cast<uint64_t>(kScale));
  std::string digits;
  if (ip == 0) digits = "0";
  while (ip > 0) {
    digits.push_back(static_cast<char>('0' + absl::Uint128Low64(ip % 10)));
    ip /= 10;
  }
  std::reverse(digits.begin(), digits.end());
  std::string out = units_ < 0 ? "-" + digits : digits;
  if (fp != 0) {
    std::string frac(kMaxFractionDigits, '0');
    for (int i = kMaxFractionDigits - 1; i >= 0; --i) {
      frac[i] = static_cast<char>('0' + fp % 10);
      fp /= 10;
    }
    while (!frac.empty() && frac.back() == '0') frac.pop_back();
    absl::StrAppend(&out, ".", frac);
  }
  return out;
}

std::optional<Decimal> SumOf(const Decimal* values, size_t n) {
  Decimal sum;
  for (size_t i = 0; i < n; ++i) {
    std::optional<Decimal> next = sum.Add(values[i]);
    if (!next) return std::nullopt;
    sum = *next;
  }
  return sum;
}

CellNumber::Kind ReadCellValue(const xxgk::v1::Cell* cell, Decimal* value) {
  *value = Decimal();
  if (cell == nullptr) return CellNumber::Kind::kMissing;
  switch (cell->presence()) {
    case xxgk::v1::Cell::NUMBER: {
      int64_t plain = 0;
      if (ReadPlainInteger(cell->value(), &plain)) {  // Parse's own first step, without a StatusOr
        *value = Decimal::FromInt(plain);
        return CellNumber::Kind::kNumber;
      }
      absl::StatusOr<Decimal> d = Decimal::Parse(cell->value());
      if (!d.ok()) return CellNumber::Kind::kInvalid;
      *value = *d;
      return CellNumber::Kind::kNumber;
    }
    case xxgk::v1::Cell::BLANK:
    case xxgk::v1::Cell::NA:
      return CellNumber::Kind::kBlank;
    case xxgk::v1::Cell::TEXT:
      return CellNumber::Kind::kInvalid;
    default:
      return CellNumber::Kind::kMissing;
  }
}

CellNumber ReadCellNumber(const xxgk::v1::Cell* cell) {
  CellNumber out;
  out.kind = ReadCellValue(cell, &out.value);
  if (out.kind == CellNumber::Kind::kInvalid) {
    out.error = cell->presence() == xxgk::v1::Cell::NUMBER
                    ? std::string(Decimal::Parse(cell->value()).status().message())
                    : absl::StrCat("not a number: \"", cell->raw(), "\"");
  }
  return out;
}

}  // namespace xxgk::rules
