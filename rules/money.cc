#include "rules/money.h"

#include "absl/strings/str_cat.h"
#include "rules/decimal.h"

namespace xxgk::rules {

int MoneyShift(const std::string& unit) {
  if (unit == "元") return 0;
  if (unit == "万元") return 4;
  if (unit == "亿元") return 8;
  return -1;
}

std::string ShiftPoint(const std::string& value, int shift) {
  std::string s = value;
  bool neg = !s.empty() && s[0] == '-';
  if (neg || (!s.empty() && s[0] == '+')) s.erase(0, 1);
  size_t dot = s.find('.');
  std::string digits = dot == std::string::npos ? s : s.substr(0, dot) + s.substr(dot + 1);
  int point = static_cast<int>(dot == std::string::npos ? s.size() : dot) + shift;
  while (point > static_cast<int>(digits.size())) digits += '0';
  while (point < 1) {
    digits.insert(digits.begin(), '0');
    ++point;
  }
  std::string frac = digits.substr(point);
  if (frac.size() > static_cast<size_t>(Decimal::kMaxFractionDigits)) frac.resize(Decimal::kMaxFractionDigits);
  std::string out = digits.substr(0, point);
  if (!frac.empty()) absl::StrAppend(&out, ".", frac);
  return neg ? "-" + out : out;
}

}  // namespace xxgk::rules
