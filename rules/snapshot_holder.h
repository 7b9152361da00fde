// The snapshot currently serving, swapped whole on reload. Readers keep the
// shared_ptr they got for the whole request, so a reload never changes the
// rules under a request in flight.
#ifndef XXGK_RULES_SNAPSHOT_HOLDER_H_
#define XXGK_RULES_SNAPSHOT_HOLDER_H_

#include <memory>

#include "absl/synchronization/mutex.h"
#include "rules/validator.h"

namespace xxgk::rules {

class SnapshotHolder {
 public:
  SnapshotHolder() = default;
  explicit SnapshotHolder(std::shared_ptr<const Snapshot> initial) : current_(std::move(initial)) {}
  SnapshotHolder(const SnapshotHolder&) = delete;
  SnapshotHolder& operator=(const SnapshotHolder&) = delete;

  // The serving snapshot; nullptr before the first Set().
  std::shared_ptr<const Snapshot> Get() const {
    absl::MutexLock lock(&mu_);
    return current_;
  }

  // Replaces the serving snapshot atomically.
  void Set(std::shared_ptr<const Snapshot> next) {
    std::shared_ptr<const Snapshot> old;
    {
      absl::MutexLock lock(&mu_);
      old = std::move(current_);
      current_ = std::move(next);
    }
    // `old` is released outside the lock (may free a whole snapshot).
  }

 private:
  mutable absl::Mutex mu_;
  std::shared_ptr<const Snapshot> current_;
};

}  // namespace xxgk::rules

#endif  // XXGK_RULES_SNAPSHOT_HOLDER_H_
