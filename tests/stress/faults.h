// Fault tests against a running heapd whose process id is known:
//  * RunDrain: SIGTERM while scripts run, watchers stream and unary calls
//    keep coming; in-flight calls must end (scripts with their result),
//    new calls must be refused, all within the shutdown deadline;
//  * RunDisconnect: a client that goes away mid-Exec must stop its script
//    on the server (the session's lock comes free, heapd stops burning CPU);
//  * RunSlowWatchers: WatchStats readers that stop reading while the heap
//    changes thousands of times must not grow heapd's memory, and must get
//    the latest state (not a backlog) when they read again.

#ifndef HEAPSIM_TESTS_STRESS_FAULTS_H_
#define HEAPSIM_TESTS_STRESS_FAULTS_H_

#include <cstdint>
#include <string>

namespace heapsim::stress {

struct FaultOptions {
  std::string server;  // HOST:PORT
  int heapd_pid = 0;
  // RunSlowWatchers: the most heapd's RSS may grow after the warm-up.
  int64_t rss_growth_kib = 8 * 1024;
};

// Each returns 0 when the property held, else 1 (having printed why).
// RunDrain sends heapd SIGTERM itself; the caller checks heapd's exit.
int RunDrain(const FaultOptions& options);
int RunDisconnect(const FaultOptions& options);
int RunSlowWatchers(const FaultOptions& options);

}  // namespace heapsim::stress

#endif  // HEAPSIM_TESTS_STRESS_FAULTS_H_
