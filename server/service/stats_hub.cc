#include "server/service/stats_hub.h"

namespace heapsim::service {

void StatsHub::Publish() {
  absl::MutexLock lock(&mu_);
  ++version_;
}

void StatsHub::Close() {
  absl::MutexLock lock(&mu_);
  closed_ = true;
}

bool StatsHub::WaitNewer(uint64_t seen, absl::Time deadline, uint64_t* version) {
  absl::MutexLock lock(&mu_);
  auto ready = [this, seen]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return closed_ || version_ > seen;
  };
  mu_.AwaitWithDeadline(absl::Condition(&ready), deadline);
  *version = version_;
  return !closed_;
}

bool StatsHub::WaitUntil(absl::Time deadline) {
  absl::MutexLock lock(&mu_);
  mu_.AwaitWithDeadline(absl::Condition(&closed_), deadline);
  return !closed_;
}

uint64_t StatsHub::version() const {
  absl::MutexLock lock(&mu_);
  return version_;
}

}  // namespace heapsim::service
