// Tracemalloc simulates the tracemalloc module's traced-memory counters.
//
// While tracing, every allocation, reallocation and free reported to it is
// recorded with the size that was *requested* (not the block size), exactly
// as CPython's hooks record it; blocks allocated before Start() are unknown
// to it, so freeing them later subtracts nothing.

#ifndef HEAPSIM_SERVER_HEAP_TRACEMALLOC_H_
#define HEAPSIM_SERVER_HEAP_TRACEMALLOC_H_

#include <cstdint>

#include "absl/container/flat_hash_map.h"

namespace heapsim {

class Tracemalloc {
 public:
  Tracemalloc() = default;

  // tracemalloc.start(): begins tracing; a no-op while already tracing.
  void Start() { tracing_ = true; }

  // tracemalloc.stop(): stops tracing and forgets every trace.
  void Stop();

  // tracemalloc.reset_peak(): the peak becomes the current size.
  void ResetPeak() { peak_ = current_; }

  bool tracing() const { return tracing_; }

  // tracemalloc.get_traced_memory(): (0, 0) when not tracing.
  uint64_t current() const { return current_; }
  uint64_t peak() const { return peak_; }
  uint64_t traced_blocks() const { return traces_.size(); }

  // Hooks, called by the allocator for every block operation.
  void OnAllocate(uint64_t address, uint64_t nbytes) {
    if (tracing_) Record(address, nbytes);
  }
  void OnFree(uint64_t address) {
    if (tracing_) Forget(address);
  }
  // A realloc that moved (or kept) `old_address`'s block to `new_address`.
  void OnReallocate(uint64_t old_address, uint64_t new_address, uint64_t nbytes) {
    if (!tracing_) return;
    Forget(old_address);
    Record(new_address, nbytes);
  }

 private:
  void Record(uint64_t address, uint64_t nbytes);
  void Forget(uint64_t address);

  bool tracing_ = false;
  uint64_t current_ = 0;
  uint64_t peak_ = 0;
  absl::flat_hash_map<uint64_t, uint64_t> traces_;  // address -> requested size
};

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_TRACEMALLOC_H_
