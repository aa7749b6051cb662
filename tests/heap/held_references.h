// Checking a heap's bookkeeping from a test that holds some references.

#ifndef HEAPSIM_TESTS_HEAP_HELD_REFERENCES_H_
#define HEAPSIM_TESTS_HEAP_HELD_REFERENCES_H_

#include <cstdint>
#include <initializer_list>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "server/heap/consistency.h"
#include "server/heap/heap.h"

namespace heapsim::testing {

// CheckConsistency(heap) when the test holds one reference to each object
// of `held` (an object listed twice is held twice) and no others.
inline absl::Status CheckConsistencyHolding(const Heap& heap,
                                            std::initializer_list<ObjectId> held) {
  absl::flat_hash_map<ObjectId, uint64_t> counts;
  for (ObjectId id : held) ++counts[id];
  return CheckConsistency(heap, [&counts](ObjectId id) -> uint64_t {
    auto it = counts.find(id);
    return it == counts.end() ? 0 : it->second;
  });
}

}  // namespace heapsim::testing

#endif  // HEAPSIM_TESTS_HEAP_HELD_REFERENCES_H_
