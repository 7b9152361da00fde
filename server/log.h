// Structured logs: one JSON object per line on stderr. Callers pass fields
// explicitly; nothing logs request or document content unless the operator
// asked for it (--log_content).
#ifndef XXGK_SERVER_LOG_H_
#define XXGK_SERVER_LOG_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace xxgk::server {

enum class LogLevel { kDebug, kInfo, kWarning, kError };

struct LogField {
  std::string key;
  std::string value;         // used when !is_number
  double number = 0;
  bool is_number = false;

  LogField(std::string k, std::string v) : key(std::move(k)), value(std::move(v)) {}
  LogField(std::string k, const char* v) : key(std::move(k)), value(v) {}
  LogField(std::string k, std::string_view v) : key(std::move(k)), value(v) {}
  LogField(std::string k, double n) : key(std::move(k)), number(n), is_number(true) {}
  LogField(std::string k, int n) : key(std::move(k)), number(n), is_number(true) {}
  LogField(std::string k, long n) : key(std::move(k)), number(static_cast<double>(n)), is_number(true) {}
  LogField(std::string k, long long n)
      : key(std::move(k)), number(static_cast<double>(n)), is_number(true) {}
  LogField(std::string k, unsigned long n)
      : key(std::move(k)), number(static_cast<double>(n)), is_number(true) {}
};

// Renders one log line (without the newline): {"ts":..,"level":..,"msg":..,fields...}.
std::string FormatLogLine(LogLevel level, std::string_view msg, const std::vector<LogField>& fields);

// Writes FormatLogLine(...) + '\n' to stderr atomically with respect to other Log calls.
void Log(LogLevel level, std::string_view msg, const std::vector<LogField>& fields = {});

// Lines below this level are dropped (default kInfo).
void SetMinLogLevel(LogLevel level);

}  // namespace xxgk::server

#endif  // XXGK_SERVER_LOG_H_
