// A one-line progress bar for batches (count, rate, ETA). Drawn only when
// enabled (main.cc enables it when stderr is a terminal); otherwise silent.
#ifndef XXGK_CLIENT_PROGRESS_H_
#define XXGK_CLIENT_PROGRESS_H_

#include <chrono>
#include <mutex>
#include <ostream>
#include <string>

namespace xxgk::client {

class Progress {
 public:
  Progress(std::ostream& out, size_t total, bool enabled);
  ~Progress();

  // One more item done. Thread-safe; redraws at most ten times a second.
  void Tick();
  // Clears the line.
  void Finish();

  // The bar for `done` of `total` after `seconds` (exposed for tests).
  static std::string Line(size_t done, size_t total, double seconds, int width);

 private:
  std::ostream& out_;
  size_t total_;
  bool enabled_;
  size_t done_ = 0;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_;
  std::mutex mu_;
};

}  // namespace xxgk::client

#endif  // XXGK_CLIENT_PROGRESS_H_
