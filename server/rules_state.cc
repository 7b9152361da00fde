#include "server/rules_state.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "server/log.h"

namespace xxgk::server {

std::string DirectoryFingerprint(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return "missing";
  std::vector<std::string> entries;
  fs::recursive_directory_iterator it(dir, fs::directory_options::follow_directory_symlink, ec);
  if (ec) return absl::StrCat("unreadable:", ec.message());
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) return absl::StrCat("unreadable:", ec.message());
    const fs::path& p = it->path();
    std::string name = p.filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    struct stat st;
    if (::stat(p.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
    entries.push_back(absl::StrCat(fs::relative(p, dir, ec).string(), "|", st.st_size, "|",
                                   st.st_mtim.tv_sec, ".", st.st_mtim.tv_nsec, "|", st.st_ino));
  }
  std::sort(entries.begin(), entries.end());
  std::string fp;
  for (const std::string& e : entries) absl::StrAppend(&fp, e, "\n");
  return fp;
}

RulesState::RulesState(const Engine* engine, std::string dir, Metrics* metrics)
    : engine_(engine), dir_(std::move(dir)), metrics_(metrics) {}

RulesState::~RulesState() { StopWatching(); }

absl::Status RulesState::Load() {
  std::lock_guard<std::mutex> lock(reload_mu_);
  return LoadLocked("startup", /*initial=*/true);
}

absl::Status RulesState::Reload(std::string_view trigger) {
  std::lock_guard<std::mutex> lock(reload_mu_);
  return LoadLocked(trigger, /*initial=*/false);
}

absl::Status RulesState::LoadLocked(std::string_view trigger, bool initial) {
  std::string fp = dir_.empty() ? "" : DirectoryFingerprint(dir_);
  attempted_fp_ = fp;
  last_poll_fp_ = fp;
  absl::StatusOr<SnapshotPtr> snapshot = engine_->load(dir_);
  if (!snapshot.ok()) {
    if (!initial) {
      if (metrics_ != nullptr) metrics_->RulesetReload(false);
      // One line; the first line of the engine's message names file:line.
      std::string first_line(snapshot.status().message().substr(
          0, snapshot.status().message().find('\n')));
      Log(LogLevel::kError, "rule-set reload failed; still serving the previous rule sets",
          {{"trigger", std::string(trigger)},
           {"rules_dir", dir_},
           {"error", first_line}});
    }
    return snapshot.status();
  }
  auto loaded = std::make_shared<LoadedRules>();
  loaded->snapshot = *std::move(snapshot);
  loaded->sets = engine_->list(loaded->snapshot.get());
  loaded->content_hash = engine_->content_hash(loaded->snapshot.get());
  loaded->generation = ++generation_;
  {
    std::lock_guard<std::mutex> lock(current_mu_);
    current_ = loaded;
  }
  if (metrics_ != nullptr) {
    metrics_->SetRuleSets(loaded->sets);
    if (!initial) metrics_->RulesetReload(true);
  }
  std::string ids;
  for (const auto& s : loaded->sets) absl::StrAppend(&ids, ids.empty() ? "" : ",", s.id());
  Log(LogLevel::kInfo, initial ? "rule sets loaded" : "rule sets reloaded",
      {{"trigger", std::string(trigger)},
       {"rules_dir", dir_.empty() ? std::string("(embedded)") : dir_},
       {"rulesets", ids},
       {"content_hash", loaded->content_hash},
       {"generation", static_cast<long long>(loaded->generation)}});
  return absl::OkStatus();
}

std::shared_ptr<const LoadedRules> RulesState::Current() const {
  std::lock_guard<std::mutex> lock(current_mu_);
  return current_;
}

bool RulesState::Poll() {
  if (dir_.empty()) return false;
  std::lock_guard<std::mutex> lock(reload_mu_);
  std::string fp = DirectoryFingerprint(dir_);
  bool stable = fp == last_poll_fp_;
  last_poll_fp_ = fp;
  if (!stable || fp == attempted_fp_) return false;
  (void)LoadLocked("watch", /*initial=*/false);
  return true;
}

void RulesState::StartWatching(absl::Duration interval) {
  if (dir_.empty() || watcher_.joinable()) return;
  watch_stop_ = false;
  watcher_ = std::thread([this, interval] {
    std::unique_lock<std::mutex> lock(watch_mu_);
    while (!watch_cv_.wait_for(lock, absl::ToChronoMilliseconds(interval),
                               [this] { return watch_stop_; })) {
      lock.unlock();
      Poll();
      lock.lock();
    }
  });
}

void RulesState::StopWatching() {
  {
    std::lock_guard<std::mutex> lock(watch_mu_);
    watch_stop_ = true;
  }
  watch_cv_.notify_all();
  if (watcher_.joinable()) watcher_.join();
}

}  // namespace xxgk::server
