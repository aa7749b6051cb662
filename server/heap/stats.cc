#include "server/heap/stats.h"

#include <algorithm>
#include <map>

#include "server/heap/sizeof.h"
#include "server/heap/value_ops.h"

namespace heapsim {

MemoryStats ComputeStats(const Heap& heap) {
  MemoryStats stats;
  const Allocator& allocator = heap.allocator();
  const Tracemalloc& trace = allocator.tracemalloc();
  stats.tracing = trace.tracing();
  stats.traced_current = trace.current();
  stats.traced_peak = trace.peak();

  std::map<std::string, TypeStats> by_name;
  heap.ForEachObject([&](ObjectId id, const Object&) {
    TypeStats& entry = by_name[TypeName(heap, id)];
    ++entry.count;
    entry.bytes += SizeOf(heap, id);
  });
  for (auto& [name, entry] : by_name) {
    entry.name = name;
    stats.types.push_back(std::move(entry));
  }
  stats.live_objects = heap.live_objects();

  stats.pymalloc = allocator.pymalloc().ComputeStats();
  uint64_t capacity = 0;
  uint64_t free_bytes = 0;
  for (const Pymalloc::ClassStats& cls : stats.pymalloc.classes) {
    capacity += (cls.blocks_in_use + cls.free_blocks) * cls.block_size;
    free_bytes += cls.free_blocks * cls.block_size;
  }
  stats.fragmentation = capacity == 0 ? 0 : static_cast<double>(free_bytes) / capacity;
  stats.raw = allocator.raw().ComputeStats();
  stats.footprint = allocator.footprint();

  const Heap::FreeLists& free_lists = heap.free_lists();
  stats.free_floats = free_lists.floats.size();
  stats.free_lists = free_lists.lists.size();
  stats.free_dicts = free_lists.dicts.size();
  stats.free_dict_keys = free_lists.dict_keys.size();
  for (const auto& by_length : free_lists.tuples) stats.free_tuples += by_length.size();

  const GcState& gc = heap.gc();
  stats.gc_enabled = gc.enabled;
  for (int g = 0; g < GcState::kGenerations; ++g) {
    stats.gc_counts[g] = gc.generations[g].count;
    stats.gc_thresholds[g] = gc.generations[g].threshold;
    stats.gc_tracked[g] = gc.generations[g].size;
    stats.gc_generations[g] = gc.stats[g];
  }
  return stats;
}

}  // namespace heapsim
