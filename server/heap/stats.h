// MemoryStats: one consistent snapshot of everything heapsim reports about a
// heap: tracemalloc's figures, live objects by type, pymalloc's arenas,
// pools and blocks, the raw allocator, free lists and the GC.

#ifndef HEAPSIM_SERVER_HEAP_STATS_H_
#define HEAPSIM_SERVER_HEAP_STATS_H_

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "server/heap/heap.h"

namespace heapsim {

struct TypeStats {
  std::string name;
  uint64_t count = 0;
  uint64_t bytes = 0;  // sum of sys.getsizeof
};

struct MemoryStats {
  // tracemalloc.get_traced_memory(), while tracing.
  bool tracing = false;
  uint64_t traced_current = 0;
  uint64_t traced_peak = 0;

  uint64_t live_objects = 0;
  std::vector<TypeStats> types;  // by name

  Pymalloc::Stats pymalloc;
  // Free bytes inside partly used pools over those pools' capacity: how
  // much of the memory pymalloc holds for objects sits unused between them.
  double fragmentation = 0;
  LibcMalloc::Stats raw;
  uint64_t footprint = 0;  // bytes the process holds from the system

  // Free list lengths.
  uint64_t free_floats = 0;
  uint64_t free_lists = 0;
  uint64_t free_dicts = 0;
  uint64_t free_dict_keys = 0;
  uint64_t free_tuples = 0;

  // The GC.
  bool gc_enabled = true;
  std::array<uint64_t, 3> gc_counts{};
  std::array<uint32_t, 3> gc_thresholds{};
  std::array<uint64_t, 3> gc_tracked{};
  std::array<GcGenerationStats, 3> gc_generations{};
};

// A snapshot of `heap`; O(objects + pools).
MemoryStats ComputeStats(const Heap& heap);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_STATS_H_
