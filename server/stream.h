// ValidateStream's reactor. Bookkeeping (all under one mutex):
//   in_flight = items read but whose answer is not yet written;
//   a new item is read only while in_flight < stream_window, so a fast client
//   is held back by HTTP/2 flow control instead of growing server memory;
//   answers are written one at a time from a queue (at most stream_window);
//   Finish happens once reads are done (or the call is cancelled), nothing is
//   in flight and no read or write is pending. Worker tasks hold a reference,
//   so the reactor is deleted only after OnDone and after its last task.
#ifndef XXGK_SERVER_STREAM_H_
#define XXGK_SERVER_STREAM_H_

#include <chrono>
#include <cstdint>
#include <deque>
#include <mutex>

#include <grpcpp/grpcpp.h>

#include "xxgk/v1/service.pb.h"

namespace xxgk::server {

class ValidatorService;

class StreamReactor final
    : public grpc::ServerBidiReactor<xxgk::v1::ValidateStreamRequest,
                                     xxgk::v1::ValidateStreamResponse> {
 public:
  // Takes one concurrency slot of `service` (already acquired); releases it
  // in OnDone.
  explicit StreamReactor(ValidatorService* service);

  void OnReadDone(bool ok) override;
  void OnWriteDone(bool ok) override;
  void OnCancel() override;
  void OnDone() override;

 private:
  using Response = xxgk::v1::ValidateStreamResponse;

  // `bytes`: the item's size; `held`: whether they were taken from the
  // service's held-bytes budget (if not, the item is answered
  // RESOURCE_EXHAUSTED).
  void Process(xxgk::v1::ValidateStreamRequest item,
               std::chrono::steady_clock::time_point deadline, int64_t bytes, bool held);
  void Answer(Response response);          // from a worker
  void MaybeReadLocked();
  void MaybeFinishLocked();
  void Unref();

  ValidatorService* service_;
  std::recursive_mutex mu_;  // recursive in case gRPC runs a reaction inline
  xxgk::v1::ValidateStreamRequest incoming_;
  Response outgoing_;
  std::deque<Response> write_queue_;
  int in_flight_ = 0;
  bool reading_ = false;
  bool writing_ = false;
  bool reads_done_ = false;
  bool cancelled_ = false;
  bool finished_ = false;
  int refs_ = 1;  // gRPC's, dropped in OnDone
};

// A stream refused at the door (concurrency limit): finishes at once.
class RejectedStream final
    : public grpc::ServerBidiReactor<xxgk::v1::ValidateStreamRequest,
                                     xxgk::v1::ValidateStreamResponse> {
 public:
  explicit RejectedStream(const grpc::Status& status) { Finish(status); }
  void OnDone() override { delete this; }
};

}  // namespace xxgk::server

#endif  // XXGK_SERVER_STREAM_H_
