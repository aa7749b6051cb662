// GcState is the bookkeeping of CPython's cyclic garbage collector: three
// generations of tracked objects, their counts and thresholds, and what the
// gc module reports. The collection algorithm itself is in gc.h.

#ifndef HEAPSIM_SERVER_HEAP_GC_STATE_H_
#define HEAPSIM_SERVER_HEAP_GC_STATE_H_

#include <array>
#include <cstdint>
#include <string>
#include <vector>

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

// gc.set_debug's flags (the gc module's DEBUG_* constants).
enum GcDebugFlag : uint32_t {
  kGcDebugStats = 1,
  kGcDebugCollectable = 2,
  kGcDebugUncollectable = 4,
  kGcDebugSaveAll = 32,
  kGcDebugLeak = kGcDebugCollectable | kGcDebugUncollectable | kGcDebugSaveAll,
};

// What heapsim knows of CPython's automatic collections while its counts
// are unknown (see gc_timing.h).
struct GcTimingWindow {
  // Open: a program runs with CPython's counts unknown.
  bool open = false;
  // How far CPython's generation-0 count may exceed the model's.
  uint64_t count0_slack = 0;
  // An upper bound on CPython's generation-2 count when the window opened.
  uint32_t count2_bound = 0;
  // GC allocations since the window opened.
  uint64_t allocations = 0;
  // CPython may have run an automatic collection since the window opened.
  // Objects tracked before the last such point are out of generation 0.
  bool collection_possible = false;
  // 3.12+: an allocation scheduled a possible collection, which runs at the
  // next eval-breaker check.
  bool point_at_breaker = false;
  // Tracked objects a reference to which was dropped (the object staying
  // alive) since the last possible collection point, while
  // collection_possible: what is garbage now and reachable from one of them
  // was reachable at that point. Past kMaxReleases only `releases_overflow`
  // is kept.
  static constexpr size_t kMaxReleases = 1 << 16;
  std::vector<ObjectId> releases;
  bool releases_overflow = false;
  // What CPython's unknown counts descend from, for refusals: that of the
  // open window, else of the last one.
  std::string cause;
  // The first code heapsim does not model object by object that made the
  // counts unknown since the last full collection (NoteUnmodelledGcObjects),
  // or empty.
  std::string unmodelled_code;
  // The first module imported since the window opened whose import may
  // have left cyclic garbage (objects of the import system and of the
  // module's own code, how many depending on when CPython's automatic
  // collections ran: measured from 0 to 107), or empty: the next
  // collection's count is unknown.
  std::string import_garbage;
  // A refusal the engine found (an automatic collection of the model met
  // cyclic garbage): the interpreter stops the run with it at its next
  // step.
  std::string refusal;
};

struct GcState {
  static constexpr int kGenerations = 3;
  // Object::generation of objects in the permanent generation (gc.freeze).
  static constexpr uint8_t kPermanent = kGenerations;
  std::array<GcGeneration, kGenerations> generations;
  // gc.freeze()'s permanent generation: tracked, never collected.
  GcGeneration permanent;
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
  // The window in which CPython's automatic collections run at points
  // heapsim does not know (gc_timing.h): from a program's start, or the
  // first import of a module CPython had not loaded, to the next full
  // collection.
  GcTimingWindow timing;
  // CPython may have run automatic collections the model did not (a
  // window's possible collection point passed): gc.get_stats() is unknown
  // from then on.
  bool collections_unknown = false;
  // CPython may have run an automatic full collection, which empties its
  // free lists, at a point heapsim does not know: where later objects are
  // placed (id(), tracemalloc's figures) is unknown from then on.
  bool free_lists_unknown = false;
  // gc.set_debug's flags.
  uint32_t debug = 0;
  // The gc.garbage list (borrowed; kNoObject: none): with kGcDebugSaveAll,
  // collections append what they found unreachable instead of freeing it.
  ObjectId garbage = kNoObject;
  // The start-up's own objects in the permanent generation
  // (gc.get_freeze_count() when a script starts), and whether a gc.freeze()
  // since then put the rest of the interpreter's objects there too (which
  // heapsim does not count).
  uint64_t startup_frozen = 0;
  bool interpreter_frozen = false;
};

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_GC_STATE_H_
