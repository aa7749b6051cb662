#include "server/heap/gc_timing.h"

#include <algorithm>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "server/heap/defaultdict_object.h"
#include "server/heap/gc.h"
#include "server/heap/heap.h"
#include "server/heap/ordereddict_object.h"
#include "server/heap/referents.h"
#include "server/heap/tuple_object.h"

namespace heapsim {

namespace {

// CPython's collection points within `allocations` GC allocations: the
// first may come at once (its count0 is unknown), each later one only
// threshold0 + 1 allocations after the previous.
uint64_t PossibleTriggers(uint64_t allocations, uint64_t threshold0) {
  if (allocations == 0) return 0;
  return 1 + (allocations - 1) / (threshold0 + 1);
}

// The first collection point at which CPython's collection may be a full
// one, with its count2 at most `count2_bound` and count1 unknown: it needs
// count2 past threshold2, one generation-1 collection per missing step; the
// first of these may come at the first point, each later one
// threshold1 + 2 points after the previous (count1 counts up from 0).
uint64_t FirstPossibleFullTrigger(const GcState& gc, uint64_t count2_bound) {
  const uint64_t threshold1 = gc.generations[1].threshold;
  const uint64_t threshold2 = gc.generations[2].threshold;
  if (count2_bound > threshold2) return 1;
  const uint64_t generation1_collections = threshold2 + 1 - count2_bound;
  return 1 + (generation1_collections - 1) * (threshold1 + 2) + 1;
}

// A point where CPython may have collected: whatever generation 0 holds
// was tracked before it.
void MarkPossibleCollection(Heap& heap) {
  GcState& gc = heap.gc();
  gc.timing.collection_possible = true;
  gc.timing.releases.clear();
  gc.timing.releases_overflow = false;
  gc.collections_unknown = true;
  heap.MergeGeneration(0, 1);
}

// Notes when CPython's collection may have been a full one, which empties
// the free lists and so changes where later objects are placed.
void CheckFullCollectionPossible(Heap& heap) {
  GcState& gc = heap.gc();
  const uint64_t threshold0 = gc.generations[0].threshold;
  if (PossibleTriggers(gc.timing.allocations, threshold0) >=
      FirstPossibleFullTrigger(gc, gc.timing.count2_bound)) {
    gc.free_lists_unknown = true;
  }
}

// Always tracked while alive: no collection untracks it.
bool AlwaysTracked(const Heap& heap, ObjectId id) {
  const TypeTag type = heap.type_of(id);
  return IsGcType(type) && !IsExactTuple(heap, id) &&
         (type != TypeTag::kDict || !IsExactDict(heap, id));
}

}  // namespace

void NoteProgramStart(Heap& heap, uint64_t compiled_objects) {
  GcState& gc = heap.gc();
  GcTimingWindow& window = gc.timing;
  if (window.open) {
    window.count0_slack += compiled_objects;
    return;
  }
  if (gc.counts_known) return;
  const Profile& profile = heap.profile();
  const uint64_t bound = profile.gc_startup_count0_bound + compiled_objects;
  const uint64_t count0 = gc.generations[0].count;
  window = GcTimingWindow();
  window.open = true;
  window.count0_slack = bound > count0 ? bound - count0 : 0;
  window.count2_bound = profile.gc_startup_count2_bound;
  window.cause = "its start-up state and the script's compilation";
}

void NoteFirstImport(Heap& heap, std::string_view module) {
  GcState& gc = heap.gc();
  GcTimingWindow& window = gc.timing;
  if (!window.open) {
    // The imports heapsim supports allocate at most about 4,300 GC objects
    // (tracemalloc's, measured), too few for two generation-1 collections.
    const uint64_t count2 = gc.counts_known ? gc.generations[2].count
                                            : gc.generations[2].threshold + 1;
    window = GcTimingWindow();
    window.open = true;
    window.count2_bound = static_cast<uint32_t>(count2 + 1);
    window.cause = absl::StrCat("what the import of '", std::string(module), "' allocated");
  } else {
    window.count2_bound += 1;
  }
  gc.counts_known = false;
  window.count0_slack = gc.generations[0].threshold;
  // math and itertools are C modules whose import makes no cycles (measured
  // on every profile, alone and after each other modelled import).
  if (window.import_garbage.empty() && module != "math" && module != "itertools") {
    window.import_garbage = std::string(module);
  }
  MarkPossibleCollection(heap);
}

void NoteUnmodelledGcObjects(Heap& heap, std::string_view cause, uint64_t max_objects) {
  GcState& gc = heap.gc();
  GcTimingWindow& window = gc.timing;
  const uint64_t threshold0 = gc.generations[0].threshold;
  const uint64_t threshold1 = std::max<uint64_t>(gc.generations[1].threshold, 1);
  // Generation-1 collections the objects could add, at most.
  const uint64_t young_collections = max_objects / std::max<uint64_t>(threshold0, 1) + 1;
  const auto extra_count2 = static_cast<uint32_t>(young_collections / threshold1 + 1);
  if (!window.open) {
    const uint64_t count2 = gc.counts_known ? gc.generations[2].count
                                            : gc.generations[2].threshold + 1;
    window = GcTimingWindow();
    window.open = true;
    window.count2_bound = static_cast<uint32_t>(count2 + extra_count2);
    window.cause = absl::StrCat("what ", std::string(cause), " allocated");
  } else {
    window.count2_bound += extra_count2;
  }
  if (window.unmodelled_code.empty()) window.unmodelled_code = std::string(cause);
  gc.counts_known = false;
  window.count0_slack += max_objects;
  window.allocations += max_objects;
  // Inside a collection (tracemalloc.py's objects freed as garbage) the
  // generations are the collector's: later allocations mark the points.
  if (!gc.collecting && gc.generations[0].count + window.count0_slack > threshold0) {
    MarkPossibleCollection(heap);
    CheckFullCollectionPossible(heap);
  }
}

void NoteWindowAllocation(Heap& heap) {
  GcState& gc = heap.gc();
  GcTimingWindow& window = gc.timing;
  ++window.allocations;
  const uint64_t threshold0 = gc.generations[0].threshold;
  if (!gc.enabled || threshold0 == 0) return;
  if (gc.generations[0].count + window.count0_slack <= threshold0) return;
  MarkPossibleCollection(heap);
  if (!heap.profile().gc_collects_inside_allocation) window.point_at_breaker = true;
  CheckFullCollectionPossible(heap);
}

void NoteEvalBreaker(Heap& heap) {
  heap.gc().timing.point_at_breaker = false;
  heap.MergeGeneration(0, 1);
}

void CloseTimingWindow(Heap& heap) {
  GcTimingWindow& window = heap.gc().timing;
  GcTimingWindow closed;
  closed.refusal = std::move(window.refusal);
  closed.cause = std::move(window.cause);  // for refusals of what stays unknown
  window = std::move(closed);
}

bool CollectionMayHaveRun(const Heap& heap) {
  const GcTimingWindow& window = heap.gc().timing;
  return window.open && window.collection_possible;
}

namespace {

// The cyclic garbage that may have been garbage at the window's last
// possible collection point: aged (tracked before it), and not reachable
// from an object the program dropped a reference to since (which it could
// reach then, and so everything reachable from it then, and every object a
// reference added since points to).
std::vector<ObjectId> GarbageOfLastPossiblePoint(const Heap& heap) {
  std::vector<ObjectId> all;
  for (int g : {GcState::kGenerations - 1, 0, 1}) {
    for (ObjectId id = heap.gc().generations[g].head; id != kNoObject;
         id = heap.object(id).gc_next) {
      all.push_back(id);
    }
  }
  const std::vector<ObjectId> garbage = UnreachableAmong(heap, std::move(all));
  const GcTimingWindow& window = heap.gc().timing;
  absl::flat_hash_set<ObjectId> unexplained(garbage.begin(), garbage.end());
  std::vector<ObjectId> reached;
  if (!window.releases_overflow) {
    for (ObjectId id : window.releases) {
      if (unexplained.erase(id) != 0) reached.push_back(id);
    }
  }
  while (!reached.empty()) {
    const ObjectId id = reached.back();
    reached.pop_back();
    ForEachReferent(heap, id, [&](ObjectId referent) {
      if (unexplained.erase(referent) != 0) reached.push_back(referent);
    });
  }
  std::vector<ObjectId> seen;
  for (ObjectId id : garbage) {
    if (unexplained.contains(id) && heap.object(id).generation != 0) seen.push_back(id);
  }
  return seen;
}

}  // namespace

bool GarbageMayHaveBeenCollected(const Heap& heap) {
  return !GarbageOfLastPossiblePoint(heap).empty();
}

bool MayHaveBeenCollected(const Heap& heap, ObjectId id) {
  if (!CollectionMayHaveRun(heap) || !heap.IsTracked(id) || heap.object(id).generation == 0) {
    return false;
  }
  const std::vector<ObjectId> seen = GarbageOfLastPossiblePoint(heap);
  return std::find(seen.begin(), seen.end(), id) != seen.end();
}

bool TrackingDependsOnTiming(const Heap& heap, ObjectId id) {
  if (!CollectionMayHaveRun(heap) || !heap.IsTracked(id) || heap.object(id).generation == 0) {
    return false;
  }
  const TypeTag type = heap.type_of(id);
  if (!IsExactTuple(heap, id) && (type != TypeTag::kDict || !IsExactDict(heap, id))) return false;
  bool always_tracked_item = false;
  ForEachReferent(heap, id, [&](ObjectId item) {
    always_tracked_item = always_tracked_item || AlwaysTracked(heap, item);
  });
  return !always_tracked_item;
}

std::string TimingRefusal(const Heap& heap, std::string_view what) {
  return absl::StrCat(std::string(what), ": when CPython ", std::string(heap.profile().version),
                      " runs its automatic collections before a full collection depends on ",
                      heap.gc().timing.cause, ", which heapsim does not know");
}

}  // namespace heapsim
