// A fixed set of threads running validation work off the gRPC callback
// threads, so CPU-heavy parsing never stalls the transport.
#ifndef XXGK_SERVER_WORKER_POOL_H_
#define XXGK_SERVER_WORKER_POOL_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace xxgk::server {

class WorkerPool {
 public:
  // `threads` == 0 means one per hardware thread.
  explicit WorkerPool(size_t threads);
  ~WorkerPool();  // runs what is queued, then joins

  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  void Submit(std::function<void()> task);
  size_t size() const { return threads_.size(); }

 private:
  void Run();

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> queue_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace xxgk::server

#endif  // XXGK_SERVER_WORKER_POOL_H_
