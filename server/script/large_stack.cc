#include "server/script/large_stack.h"

#include <pthread.h>

#include <deque>
#include <functional>

#include "absl/synchronization/mutex.h"

namespace heapsim::script {

namespace {

constexpr size_t kStackBytes = 512u << 20;  // reserved, not committed

thread_local bool on_large_stack = false;

// A pool of detached large-stack threads fed from one queue.
class Pool {
 public:
  void Run(absl::FunctionRef<void()> work) {
    absl::Mutex done_mutex;
    bool done = false;
    {
      absl::MutexLock lock(&mutex_);
      queue_.push_back([&]() {
        work();
        absl::MutexLock done_lock(&done_mutex);
        done = true;
      });
      // One waiting thread per queued task: a task never waits behind a
      // long one that another task's thread has not picked up yet.
      if (queue_.size() > static_cast<size_t>(idle_)) StartThread();
    }
    absl::MutexLock done_lock(&done_mutex);
    done_mutex.Await(absl::Condition(&done));
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
        absl::MutexLock lock(&mutex_);
        mutex_.Await(absl::Condition(
            +[](std::deque<std::function<void()>>* queue) { return !queue->empty(); }, &queue_));
        task = std::move(queue_.front());
        queue_.pop_front();
        --idle_;
      }
      task();
      absl::MutexLock lock(&mutex_);
      ++idle_;
    }
  }

  absl::Mutex mutex_;
  std::deque<std::function<void()>> queue_;
  int idle_ = 0;  // threads waiting for work, counting ones being started
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
