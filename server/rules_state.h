// The rule sets the server is serving: the current compiled snapshot, swapped
// whole on reload. A request pins the snapshot it started with (shared_ptr),
// so a reload never changes a request in flight. A failed reload keeps the
// previous snapshot, counts xxgk_ruleset_reloads_total{result="failure"} and
// logs one line.
#ifndef XXGK_SERVER_RULES_STATE_H_
#define XXGK_SERVER_RULES_STATE_H_

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "server/engine.h"
#include "server/metrics.h"

namespace xxgk::server {

struct LoadedRules {
  SnapshotPtr snapshot;
  std::vector<xxgk::v1::RuleSetInfo> sets;
  std::string content_hash;
  uint64_t generation = 0;  // 1 for the first load, +1 per successful reload
};

// A cheap fingerprint of a rules directory: relative path, size, mtime and
// inode of every regular file below it (symlinks followed, names starting
// with '.' skipped — Kubernetes keeps its ConfigMap versions there).
std::string DirectoryFingerprint(const std::string& dir);

class RulesState {
 public:
  // `dir` empty = the embedded default sets (nothing to watch). `metrics`
  // may be null.
  RulesState(const Engine* engine, std::string dir, Metrics* metrics);
  ~RulesState();

  // First load; the error (with the engine's file:line lines) is returned.
  absl::Status Load();

  // Reloads now (SIGHUP, or the watcher saw a change). On failure the
  // previous snapshot stays current.
  absl::Status Reload(std::string_view trigger);

  // Never null after a successful Load().
  std::shared_ptr<const LoadedRules> Current() const;

  // One watcher step: reloads when the directory changed since the last
  // attempt and has stayed unchanged for one poll (so half-copied files are
  // not loaded). Returns true when it attempted a reload.
  bool Poll();

  // Polls every `interval` on a background thread until StopWatching().
  void StartWatching(absl::Duration interval);
  void StopWatching();

  const std::string& dir() const { return dir_; }

 private:
  absl::Status LoadLocked(std::string_view trigger, bool initial);

  const Engine* engine_;
  const std::string dir_;
  Metrics* metrics_;

  mutable std::mutex current_mu_;
  std::shared_ptr<const LoadedRules> current_;

  std::mutex reload_mu_;           // serialises loads
  std::string attempted_fp_;       // fingerprint of the last load attempt
  std::string last_poll_fp_;       // fingerprint seen by the previous poll
  uint64_t generation_ = 0;

  std::mutex watch_mu_;
  std::condition_variable watch_cv_;
  bool watch_stop_ = false;
  std::thread watcher_;
};

}  // namespace xxgk::server

#endif  // XXGK_SERVER_RULES_STATE_H_
