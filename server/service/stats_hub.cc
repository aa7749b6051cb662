#include "server/service/stats_hub.h"

#include <algorithm>
#include <chrono>

#include "absl/time/clock.h"

namespace heapsim::service {

namespace {

// `deadline` as the condition variable's time point; a far (or infinite)
// deadline is clamped to a day away, which keeps the clock arithmetic inside
// wait_until from overflowing.
std::chrono::system_clock::time_point WaitLimit(absl::Time deadline) {
  return absl::ToChronoTime(std::min(deadline, absl::Now() + absl::Hours(24)));
}

}  // namespace

void StatsHub::Publish() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    ++version_;
  }
  changed_.notify_all();
}

void StatsHub::Close() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
  }
  changed_.notify_all();
}

bool StatsHub::WaitNewer(uint64_t seen, absl::Time deadline, uint64_t* version) {
  std::unique_lock<std::mutex> lock(mu_);
  changed_.wait_until(lock, WaitLimit(deadline),
                      [this, seen]() { return closed_ || version_ > seen; });
  *version = version_;
  return !closed_;
}

bool StatsHub::WaitUntil(absl::Time deadline) {
  std::unique_lock<std::mutex> lock(mu_);
  changed_.wait_until(lock, WaitLimit(deadline), [this]() { return closed_; });
  return !closed_;
}

uint64_t StatsHub::version() const {
  std::lock_guard<std::mutex> lock(mu_);
  return version_;
}

}  // namespace heapsim::service
