// RunMixedLoad drives one heapd with many concurrent clients, each making a
// random mix of calls: structured operations and batches on its own session
// and on one session all clients share, Exec of short scripts, WatchStats
// streams opened and dropped, consistency checks, and sessions deleted and
// created again. Afterwards every live session must pass CheckConsistency.

#ifndef HEAPSIM_TESTS_STRESS_MIXED_LOAD_H_
#define HEAPSIM_TESTS_STRESS_MIXED_LOAD_H_

#include <cstdint>
#include <string>

namespace heapsim::stress {

struct MixedLoadOptions {
  std::string server;      // HOST:PORT
  int clients = 64;
  int operations = 10000;  // per client
  uint32_t seed = 1;
};

// Runs the load and prints calls/s and latency percentiles per call kind.
// Returns 0 when every call ended with a status its request allows and
// every live session is consistent at the end, else 1 (having printed why).
int RunMixedLoad(const MixedLoadOptions& options);

}  // namespace heapsim::stress

#endif  // HEAPSIM_TESTS_STRESS_MIXED_LOAD_H_
