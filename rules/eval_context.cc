#include <cstdint>
#include <memory>

#include "rules/check.h"

namespace xxgk::rules {

const EvalContext::Number& EvalContext::ReadNumber(CellId id) const {
  if (slot_ == nullptr) {
    const size_t count = static_cast<size_t>(CellCount());
    slot_ = std::make_unique<uint16_t[]>(count);  // zeroed: none read yet
    numbers_.reserve(count);                      // so references to its elements stay valid
  }
  uint16_t& slot = slot_[static_cast<size_t>(id)];
  if (slot == 0) {
    Number& n = numbers_.emplace_back();  // in place: reserved, never moves
    n.kind = ReadCellValue(cells().Find(id), &n.value);
    slot = static_cast<uint16_t>(numbers_.size());
  }
  return numbers_[slot - 1u];
}

}  // namespace xxgk::rules
