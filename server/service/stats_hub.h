// StatsHub tells a session's statistics watchers that the heap changed.
// It carries no snapshots: a watcher that wakes takes one of the heap as it
// is then, so a slow watcher skips intermediate states (coalescing) and no
// queue ever grows.
//
// Thread safety: all methods may be called from any thread. Waiting uses
// std::condition_variable so that ThreadSanitizer, which cannot see inside
// Debian's uninstrumented Abseil, checks it.

#ifndef HEAPSIM_SERVER_SERVICE_STATS_HUB_H_
#define HEAPSIM_SERVER_SERVICE_STATS_HUB_H_

#include <condition_variable>
#include <cstdint>
#include <mutex>

#include "absl/time/time.h"

namespace heapsim::service {

class StatsHub {
 public:
  // Records one change: the version goes up by one.
  void Publish();

  // Ends every watch: WaitNewer returns false from now on.
  void Close();

  // Waits until the version exceeds `seen` or `deadline` passes. Returns
  // false when the hub is closed, else true (with `*version` the current
  // version, which may still equal `seen` after a timeout).
  bool WaitNewer(uint64_t seen, absl::Time deadline, uint64_t* version);

  // Waits until `deadline` passes or the hub is closed. Returns false when
  // the hub is closed, else true.
  bool WaitUntil(absl::Time deadline);

  uint64_t version() const;

 private:
  mutable std::mutex mu_;
  std::condition_variable changed_;  // signalled on every Publish and on Close
  uint64_t version_ = 0;             // guarded by mu_
  bool closed_ = false;              // guarded by mu_
};

}  // namespace heapsim::service

#endif  // HEAPSIM_SERVER_SERVICE_STATS_HUB_H_
