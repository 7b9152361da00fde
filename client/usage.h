// The help texts of `xxgk` and its subcommands.
#ifndef XXGK_CLIENT_USAGE_H_
#define XXGK_CLIENT_USAGE_H_

#include <string>

namespace xxgk::client {

// Help for `command` ("validate", "parse", "rules", "bench"), or the overview
// for an empty or unknown command.
std::string UsageText(const std::string& command);

}  // namespace xxgk::client

#endif  // XXGK_CLIENT_USAGE_H_
