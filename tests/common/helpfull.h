// The flags a program of this project defines itself, read from its
// --helpfull output, for tests that hold the docs to them.
#ifndef XXGK_TESTS_COMMON_HELPFULL_H_
#define XXGK_TESTS_COMMON_HELPFULL_H_

#include <cstdio>
#include <regex>
#include <string>
#include <utility>
#include <vector>

namespace xxgk::testing {

struct DefinedFlag {
  std::string name;           // without the leading --
  std::string default_value;  // as printed, without quotes
};

// The flags `binary --helpfull` lists under "Flags from ...<source>:" (e.g.
// "server/main.cc"), in its order; empty when the section is missing.
inline std::vector<DefinedFlag> FlagsDefinedIn(const std::string& binary,
                                               const std::string& source) {
  std::string help;
  if (FILE* pipe = popen((binary + " --helpfull 2>&1").c_str(), "r"); pipe != nullptr) {
    char buf[4096];
    for (size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) help.append(buf, n);
    pclose(pipe);
  }
  std::vector<DefinedFlag> flags;
  const size_t own = help.find(source + ":");
  if (own == std::string::npos) return flags;
  const size_t next = help.find("Flags from ", own);
  // One flag's help may wrap over several lines.
  const std::string section = std::regex_replace(
      help.substr(own, next == std::string::npos ? std::string::npos : next - own),
      std::regex("\n +"), " ");
  static const std::regex kFlag(R"(--(\w+) \(.*?\); default: ("?)(.*?)\2;)");
  for (auto it = std::sregex_iterator(section.begin(), section.end(), kFlag);
       it != std::sregex_iterator(); ++it) {
    flags.push_back({(*it)[1].str(), (*it)[3].str()});
  }
  return flags;
}

}  // namespace xxgk::testing

#endif  // XXGK_TESTS_COMMON_HELPFULL_H_
