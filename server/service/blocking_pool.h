// BlockingPool runs closures that may block for long (a call waiting for a
// session that a script holds) on threads of its own, so that they do not
// hold gRPC's callback threads, which serve every session.
//
// Thread safety: Run may be called from any thread.
//
// The pool waits with std::condition_variable rather than absl::Mutex::Await:
// ThreadSanitizer cannot see inside Debian's uninstrumented Abseil, and an
// Await condition is evaluated on whichever thread unlocks.

#ifndef HEAPSIM_SERVER_SERVICE_BLOCKING_POOL_H_
#define HEAPSIM_SERVER_SERVICE_BLOCKING_POOL_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace heapsim::service {

class BlockingPool {
 public:
  // `threads` run closures; at most `max_queued` wait for one.
  BlockingPool(size_t threads, size_t max_queued);
  // Runs the closures already queued, then joins the threads.
  ~BlockingPool();
  BlockingPool(const BlockingPool&) = delete;
  BlockingPool& operator=(const BlockingPool&) = delete;

  // Queues `closure`; false (and `closure` is dropped) when the queue is full.
  bool Run(std::function<void()> closure);

 private:
  void Work();

  const size_t max_queued_;
  std::mutex mu_;
  std::condition_variable work_ready_;  // signalled when queue_ grows or stopping_ is set
  std::deque<std::function<void()>> queue_;  // guarded by mu_
  bool stopping_ = false;                    // guarded by mu_
  std::vector<std::thread> threads_;
};

}  // namespace heapsim::service

#endif  // HEAPSIM_SERVER_SERVICE_BLOCKING_POOL_H_
