#include "client/progress.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace xxgk::client {

Progress::Progress(std::ostream& out, size_t total, bool enabled)
    : out_(out), total_(total), enabled_(enabled && total > 1) {
  start_ = last_ = std::chrono::steady_clock::now();
}

Progress::~Progress() { Finish(); }

std::string Progress::Line(size_t done, size_t total, double seconds, int width) {
  size_t filled = total == 0 ? 0 : done * width / total;
  std::string bar = std::string(filled, '#') + std::string(width - filled, '.');
  double rate = seconds > 0 ? done / seconds : 0;
  std::string eta = "--:--";
  if (rate > 0 && done <= total) {
    long s = static_cast<long>((total - done) / rate + 0.5);
    eta = absl::StrFormat("%ld:%02ld", s / 60, s % 60);
  }
  return absl::StrFormat("[%s] %zu/%zu  %.1f/s  ETA %s", bar, done, total, rate, eta);
}

void Progress::Tick() {
  if (!enabled_) return;
  std::lock_guard<std::mutex> lock(mu_);
  ++done_;
  auto now = std::chrono::steady_clock::now();
  if (done_ < total_ && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  double seconds = std::chrono::duration<double>(now - start_).count();
  out_ << "\r" << Line(done_, total_, seconds, 30) << "\033[K" << std::flush;
  drawn_ = true;
}

void Progress::Finish() {
  if (!enabled_) return;
  std::lock_guard<std::mutex> lock(mu_);
  if (drawn_) out_ << "\r\033[K" << std::flush;
  drawn_ = false;
}

}  // namespace xxgk::client
