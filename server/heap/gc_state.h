// GcState is the bookkeeping of CPython's cyclic garbage collector: three
// generations of tracked objects, their counts and thresholds, and what the
// gc module reports. The collection algorithm itself is in gc.h.

#ifndef HEAPSIM_SERVER_HEAP_GC_STATE_H_
#define HEAPSIM_SERVER_HEAP_GC_STATE_H_

#include <array>
#include <cstdint>

#include "server/heap/object.h"

namespace heapsim {

struct GcGeneration {
  // Tracked objects, oldest first, linked through Object::gc_prev/gc_next.
  ObjectId head = kNoObject;
  ObjectId tail = kNoObject;
  uint64_t size = 0;
  // For generation 0: GC allocations minus GC frees since the last
  // collection. For the others: collections of the next younger generation
  // since this one was last collected.
  uint64_t count = 0;
  uint32_t threshold = 0;
};

struct GcGenerationStats {
  uint64_t collections = 0;
  uint64_t collected = 0;
  uint64_t uncollectable = 0;
};

struct GcState {
  static constexpr int kGenerations = 3;
  std::array<GcGeneration, kGenerations> generations;
  std::array<GcGenerationStats, kGenerations> stats;
  bool enabled = true;
  bool collecting = false;
  // 3.12+: a collection is due at the next eval-breaker check.
  bool scheduled = false;
  // Objects that survived a full collection, and those promoted to the
  // oldest generation since: a full automatic collection runs only when the
  // latter exceed a quarter of the former.
  uint64_t long_lived_total = 0;
  uint64_t long_lived_pending = 0;
  // A full collection has run: the counts are the model's from then on.
  // Before it they descend from CPython's start-up, the script's
  // compilation and its imports, which heapsim does not model.
  bool counts_known = false;
};

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_GC_STATE_H_
