// Money units of the tables and the text (元, 万元, 亿元) and moving a
// decimal point between them.
#ifndef XXGK_RULES_MONEY_H_
#define XXGK_RULES_MONEY_H_

#include <string>

namespace xxgk::rules {

// Power of ten of a money unit relative to 元; -1 for a non-money unit.
int MoneyShift(const std::string& unit);

// Moves the decimal point of a plain decimal string `shift` places (right
// when positive), dropping fraction digits beyond Decimal's precision.
std::string ShiftPoint(const std::string& value, int shift);

}  // namespace xxgk::rules

#endif  // XXGK_RULES_MONEY_H_
