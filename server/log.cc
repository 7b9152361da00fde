#include "server/log.h"

#include <atomic>
#include <cstdio>
#include <mutex>

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"

namespace xxgk::server {
namespace {

std::atomic<int> g_min_level{static_cast<int>(LogLevel::kInfo)};
std::mutex g_log_mu;

const char* LevelName(LogLevel level) {
  switch (level) {
    case LogLevel::kDebug: return "debug";
    case LogLevel::kInfo: return "info";
    case LogLevel::kWarning: return "warning";
    case LogLevel::kError: return "error";
  }
  return "info";
}

// JSON for one value; google.protobuf.Value gives correct escaping of
// arbitrary UTF-8 and number formatting.
std::string JsonValue(const google::protobuf::Value& value) {
  std::string out;
  if (!google::protobuf::util::MessageToJsonString(value, &out).ok()) return "null";
  return out;
}

std::string JsonString(std::string_view s) {
  google::protobuf::Value v;
  v.set_string_value(std::string(s));
  return JsonValue(v);
}

}  // namespace

std::string FormatLogLine(LogLevel level, std::string_view msg,
                          const std::vector<LogField>& fields) {
  // Fixed keys first (ts, level, msg), then the fields in the caller's order.
  std::string out = "{\"ts\":";
  out += JsonString(
      absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", absl::Now(), absl::UTCTimeZone()));
  out += ",\"level\":";
  out += JsonString(LevelName(level));
  out += ",\"msg\":";
  out += JsonString(msg);
  for (const LogField& field : fields) {
    out += ",";
    out += JsonString(field.key);
    out += ":";
    if (field.is_number) {
      google::protobuf::Value v;
      v.set_number_value(field.number);
      out += JsonValue(v);
    } else {
      out += JsonString(field.value);
    }
  }
  out += "}";
  return out;
}

void Log(LogLevel level, std::string_view msg, const std::vector<LogField>& fields) {
  if (static_cast<int>(level) < g_min_level.load(std::memory_order_relaxed)) return;
  std::string line = FormatLogLine(level, msg, fields);
  line.push_back('\n');
  std::lock_guard<std::mutex> lock(g_log_mu);
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fflush(stderr);
}

void SetMinLogLevel(LogLevel level) { g_min_level.store(static_cast<int>(level)); }

}  // namespace xxgk::server
