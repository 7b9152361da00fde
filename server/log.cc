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

}  // namespace

std::string FormatLogLine(LogLevel level, std::string_view msg,
                          const std::vector<LogField>& fields) {
  // google.protobuf.Struct gives correct JSON escaping of arbitrary UTF-8.
  google::protobuf::Struct line;
  auto& f = *line.mutable_fields();
  f["ts"].set_string_value(absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", absl::Now(), absl::UTCTimeZone()));
  f["level"].set_string_value(LevelName(level));
  f["msg"].set_string_value(std::string(msg));
  for (const LogField& field : fields) {
    if (field.is_number) {
      f[field.key].set_number_value(field.number);
    } else {
      f[field.key].set_string_value(field.value);
    }
  }
  std::string out;
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  if (!google::protobuf::util::MessageToJsonString(line, &out, options).ok()) {
    out = "{\"level\":\"error\",\"msg\":\"log line could not be encoded\"}";
  }
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
