#include "server/script/large_stack.h"

#include <pthread.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>

namespace heapsim::script {

namespace {

constexpr size_t kStackBytes = 512u << 20;  // reserved, not committed

thread_local bool on_large_stack = false;

// A pool of detached large-stack threads fed from one queue. It waits with
// std::condition_variable so that ThreadSanitizer, which cannot see inside
// Debian's uninstrumented Abseil, checks it.
class Pool {
 public:
  void Run(absl::FunctionRef<void()> work) {
    std::mutex done_mutex;
    std::condition_variable done_signal;
    bool done = false;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      queue_.push_back([&]() {
        work();
        std::lock_guard<std::mutex> done_lock(done_mutex);
        done = true;
        // Notified under the lock: the waiter owns done_signal and may
        // return, destroying it, as soon as the lock is released.
        done_signal.notify_one();
      });
      // One waiting thread per queued task: a task never waits behind a
      // long one that another task's thread has not picked up yet.
      if (queue_.size() > static_cast<size_t>(idle_)) StartThread();
    }
    work_ready_.notify_one();
    std::unique_lock<std::mutex> done_lock(done_mutex);
    done_signal.wait(done_lock, [&done]() { return done; });
  }

 private:
  void StartThread() {
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, kStackBytes);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_t thread;
    ++idle_;
    pthread_create(&thread, &attr, &Pool::Main, this);
    pthread_attr_destroy(&attr);
  }

  static void* Main(void* self) {
    on_large_stack = true;
    static_cast<Pool*>(self)->Loop();
    return nullptr;
  }

  void Loop() {
    while (true) {
      std::function<void()> task;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        work_ready_.wait(lock, [this]() { return !queue_.empty(); });
        task = std::move(queue_.front());
        queue_.pop_front();
        --idle_;
      }
      task();
      std::lock_guard<std::mutex> lock(mutex_);
      ++idle_;
    }
  }

  std::mutex mutex_;
  std::condition_variable work_ready_;        // signalled when queue_ grows
  std::deque<std::function<void()>> queue_;  // guarded by mutex_
  int idle_ = 0;  // threads waiting for work, counting ones being started; guarded by mutex_
};

}  // namespace

void RunOnLargeStack(absl::FunctionRef<void()> work) {
  if (on_large_stack) {
    work();
    return;
  }
  static Pool* const pool = new Pool();
  pool->Run(work);
}

}  // namespace heapsim::script
