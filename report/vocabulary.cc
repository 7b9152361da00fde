#include "report/vocabulary.h"

namespace xxgk::report {

std::string FormatVersionName(xxgk::v1::FormatVersion format) {
  switch (format) {
    case xxgk::v1::FORMAT_2021:
      return "2021";
    case xxgk::v1::FORMAT_2019:
      return "2019";
    case xxgk::v1::FORMAT_LEGACY:
      return "legacy";
    default:
      return "";
  }
}

}  // namespace xxgk::report
