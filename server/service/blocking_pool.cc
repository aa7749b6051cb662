#include "server/service/blocking_pool.h"

#include <utility>

namespace heapsim::service {

BlockingPool::BlockingPool(size_t threads, size_t max_queued) : max_queued_(max_queued) {
  for (size_t i = 0; i < threads; ++i) threads_.emplace_back([this]() { Work(); });
}

BlockingPool::~BlockingPool() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  work_ready_.notify_all();
  for (std::thread& thread : threads_) thread.join();
}

bool BlockingPool::Run(std::function<void()> closure) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (queue_.size() >= max_queued_) return false;
    queue_.push_back(std::move(closure));
  }
  work_ready_.notify_one();
  return true;
}

void BlockingPool::Work() {
  while (true) {
    std::function<void()> closure;
    {
      std::unique_lock<std::mutex> lock(mu_);
      work_ready_.wait(lock, [this]() { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left to run
      closure = std::move(queue_.front());
      queue_.pop_front();
    }
    closure();
  }
}

}  // namespace heapsim::service
