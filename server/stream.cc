#include "server/stream.h"

#include <algorithm>
#include <cmath>
#include <exception>
#include <utility>

#include "absl/strings/str_cat.h"
#include "server/errors.h"
#include "server/service.h"

namespace xxgk::server {
namespace {

using Clock = std::chrono::steady_clock;

// An item's timeout_seconds is clamped to a day before it becomes a duration
// (a huge double would overflow the clock's integer ticks).
constexpr double kMaxItemTimeoutSeconds = 24 * 60 * 60;

bool ValidTimeout(double seconds) { return std::isfinite(seconds) && seconds >= 0; }

xxgk::v1::ValidateStreamResponse ItemError(const std::string& id, grpc::StatusCode code,
                                           std::string message) {
  xxgk::v1::ValidateStreamResponse r;
  r.set_id(id);
  r.mutable_error()->set_code(static_cast<int32_t>(code));
  r.mutable_error()->set_message(std::move(message));
  return r;
}

}  // namespace

StreamReactor::StreamReactor(ValidatorService* service) : service_(service) {
  std::lock_guard<std::recursive_mutex> lock(mu_);
  MaybeReadLocked();
}

void StreamReactor::MaybeReadLocked() {
  if (reading_ || reads_done_ || cancelled_ || finished_) return;
  if (in_flight_ >= service_->options().stream_window) return;
  reading_ = true;
  StartRead(&incoming_);
}

void StreamReactor::OnReadDone(bool ok) {
  std::lock_guard<std::recursive_mutex> lock(mu_);
  reading_ = false;
  if (!ok) {
    reads_done_ = true;
    MaybeFinishLocked();
    return;
  }
  if (cancelled_) return;
  ++in_flight_;
  ++refs_;
  Clock::time_point deadline = Clock::time_point::max();
  double timeout = incoming_.timeout_seconds();
  // an invalid timeout (NaN, infinite, negative) is answered in Process
  if (ValidTimeout(timeout) && timeout > 0) {
    timeout = std::min(timeout, kMaxItemTimeoutSeconds);
    deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                  std::chrono::duration<double>(timeout));
  }
  // An item the held-bytes budget has no room for is answered at once (in
  // Process, on the pool, like every answer) with RESOURCE_EXHAUSTED.
  const int64_t bytes = static_cast<int64_t>(incoming_.ByteSizeLong());
  const bool held = service_->TryHold(bytes);
  service_->pool()->Submit([this, item = std::move(incoming_), deadline, bytes, held]() mutable {
    Process(std::move(item), deadline, bytes, held);
  });
  incoming_.Clear();
  MaybeReadLocked();
}

void StreamReactor::Process(xxgk::v1::ValidateStreamRequest item, Clock::time_point deadline,
                            int64_t bytes, bool held) {
  bool cancelled;
  {
    std::lock_guard<std::recursive_mutex> lock(mu_);
    cancelled = cancelled_;
  }
  Response response;
  if (cancelled) {
    // Nobody is listening: no work, the answer is dropped in Answer().
    response.set_id(item.id());
  } else if (!held) {
    const grpc::Status s = service_->HeldExhausted(bytes);
    response = ItemError(item.id(), s.error_code(), s.error_message());
  } else if (!item.has_request()) {
    response = ItemError(item.id(), grpc::StatusCode::INVALID_ARGUMENT,
                         "item has no request: set `request` (a ValidateRequest)");
  } else if (!ValidTimeout(item.timeout_seconds())) {
    response = ItemError(item.id(), grpc::StatusCode::INVALID_ARGUMENT,
                         absl::StrCat("item timeout_seconds (", item.timeout_seconds(),
                                      ") must be a finite number >= 0 (0: no timeout; values "
                                      "above ", kMaxItemTimeoutSeconds, " are clamped)"));
  } else if (Clock::now() >= deadline) {
    response = ItemError(item.id(), grpc::StatusCode::DEADLINE_EXCEEDED,
                         absl::StrCat("item waited longer than its timeout_seconds (",
                                      item.timeout_seconds(),
                                      ") for a worker; raise timeout_seconds or send fewer "
                                      "items at once"));
  } else {
    xxgk::v1::ValidateResponse result;
    grpc::Status status;
    try {
      status = service_->ValidateOne(item.request(), &result);
    } catch (const std::exception& e) {
      status = InternalFromException("ValidateStream item", e.what());
    } catch (...) {
      status = InternalFromException("ValidateStream item", "unknown exception");
    }
    if (!status.ok()) {
      response = ItemError(item.id(), status.error_code(), status.error_message());
    } else if (Clock::now() > deadline) {
      response = ItemError(item.id(), grpc::StatusCode::DEADLINE_EXCEEDED,
                           absl::StrCat("validation took longer than the item's timeout_seconds (",
                                        item.timeout_seconds(), "); raise timeout_seconds"));
    } else {
      response.set_id(item.id());
      *response.mutable_result() = std::move(result);
    }
  }
  if (held) service_->Unhold(bytes);
  Answer(std::move(response));
  Unref();
}

void StreamReactor::Answer(Response response) {
  std::lock_guard<std::recursive_mutex> lock(mu_);
  if (cancelled_ || finished_) {
    --in_flight_;
    MaybeFinishLocked();
    return;
  }
  if (writing_) {
    write_queue_.push_back(std::move(response));
    return;
  }
  writing_ = true;
  outgoing_ = std::move(response);
  StartWrite(&outgoing_);
}

void StreamReactor::OnWriteDone(bool ok) {
  std::lock_guard<std::recursive_mutex> lock(mu_);
  --in_flight_;
  if (!ok) cancelled_ = true;  // the stream is broken: stop reading, drop answers
  if (!write_queue_.empty() && !cancelled_) {
    outgoing_ = std::move(write_queue_.front());
    write_queue_.pop_front();
    StartWrite(&outgoing_);
  } else {
    writing_ = false;
    in_flight_ -= static_cast<int>(write_queue_.size());
    write_queue_.clear();
  }
  MaybeReadLocked();
  MaybeFinishLocked();
}

void StreamReactor::OnCancel() {
  std::lock_guard<std::recursive_mutex> lock(mu_);
  cancelled_ = true;
  MaybeFinishLocked();
}

void StreamReactor::MaybeFinishLocked() {
  if (finished_ || reading_ || writing_ || in_flight_ > 0) return;
  if (!reads_done_ && !cancelled_) return;
  finished_ = true;
  Finish(cancelled_ ? grpc::Status(grpc::StatusCode::CANCELLED, "stream cancelled")
                    : grpc::Status::OK);
}

void StreamReactor::OnDone() {
  service_->Release();
  Unref();
}

void StreamReactor::Unref() {
  bool last;
  {
    std::lock_guard<std::recursive_mutex> lock(mu_);
    last = --refs_ == 0;
  }
  if (last) delete this;
}

}  // namespace xxgk::server
