// CPython's automatic collections while heapsim does not know its counts.
//
// A script starts with a generation-0 count that descends from CPython's
// start-up, site and the compilation of the script itself; the first import
// of a module CPython had not loaded allocates an unknown number of objects
// too. Until the next full collection (the timing window, GcTimingWindow)
// CPython's first automatic collection comes at a point heapsim does not
// know. What is knowable:
//
//  - CPython's count0 is at most the model's plus a slack: the profile's
//    start-up bound plus what compiling the programs adds (an import:
//    anything up to threshold0). While count0 + slack stays within
//    threshold0 at every GC allocation, CPython surely has not collected.
//  - Past that, every GC allocation (3.12+: every eval-breaker check after
//    one) is a point where CPython may have collected. At each, the model
//    moves generation 0 into generation 1: an object outside generation 0
//    was tracked before the last possible collection point ("aged").
//  - Cyclic garbage can only be freed by a collection, and stays garbage
//    until then; an object the program still reaches was reachable at every
//    earlier point. So a full collection's outcome (what gc.collect()
//    returns, finalizer order, tuples it untracks) is the model's when all
//    of its garbage is either tracked after the last possible point or
//    reachable from an object the program dropped a reference to since:
//    then no possible collection saw any of it as garbage. Otherwise the
//    outcome depends on CPython's timing, and heapsim refuses.
//  - Generation placement (gc.collect(0|1), get_referrers order), the
//    counts and the statistics are unknown after a possible point.
//
//  - After enough possible points CPython's collection may have been a full
//    one, which empties the free lists: where later objects go is unknown
//    (GcState::free_lists_unknown; id() and tracemalloc's figures refuse).
//
// The model's own automatic collections inside the window find garbage
// (refused: CPython's timing of freeing it is unknown) or promote the
// survivors without untracking anything (CPython's may not have).

#ifndef HEAPSIM_SERVER_HEAP_GC_TIMING_H_
#define HEAPSIM_SERVER_HEAP_GC_TIMING_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "server/heap/object.h"

namespace heapsim {

class Heap;

// A program of the session is about to run: opens the window when no full
// collection has made the counts known (the first program: from the
// profile's start-up bounds), and adds `compiled_objects`, a bound on the GC
// objects CPython's compilation of the program leaves counted, to the slack.
void NoteProgramStart(Heap& heap, uint64_t compiled_objects);

// The first import of `module`, which CPython had not loaded, allocated an
// unknown number of GC objects (running Python code, or, for array, up to
// about 1,450 of its own): CPython's count0 may be anything up to
// threshold0 and the import itself may have collected. Opens (or widens)
// the window. Unless `module` is one whose import makes no cycles, the
// window also notes that cyclic garbage of an unknown size may wait for the
// next collection (GcTimingWindow::import_garbage).
void NoteFirstImport(Heap& heap, std::string_view module);

// Code heapsim does not model object by object (tracemalloc.py making or
// freeing its snapshots and statistics) allocated or freed up to
// `max_objects` GC objects: CPython's count0 differs from the model's by up
// to that many in either direction (freed tuples and lists refill free
// lists, whose reuse is not counted), and a collection may have run when
// the count could pass threshold0. Opens (or widens) the window; `cause`
// names the code for refusals ("tracemalloc.take_snapshot()").
void NoteUnmodelledGcObjects(Heap& heap, std::string_view cause, uint64_t max_objects);

// One GC allocation while the window is open (Heap::CountGcAllocation,
// before its threshold check): marks a possible collection point when
// CPython's count0 may have passed threshold0.
void NoteWindowAllocation(Heap& heap);

// 3.12+: an eval-breaker check after an allocation that may have scheduled
// CPython's collection: what was tracked until now is aged.
void NoteEvalBreaker(Heap& heap);

// A full collection (or gc.freeze()) made the counts known: closes the
// window.
void CloseTimingWindow(Heap& heap);

// True when CPython may have run an automatic collection since the window
// opened (false when no window is open).
bool CollectionMayHaveRun(const Heap& heap);

// True when some cyclic garbage (what a full collection would find
// unreachable now) may already have been garbage at the window's last
// possible collection point, so CPython may have collected it: it was
// tracked before that point, and no object the program dropped a reference
// to since reaches it. O(tracked objects).
bool GarbageMayHaveBeenCollected(const Heap& heap);

// True when `id` is such garbage (a weak reference to it may be dead in
// CPython). O(tracked objects) when `id` was tracked before the window's
// last possible point, else O(1).
bool MayHaveBeenCollected(const Heap& heap, ObjectId id);

// True for a tracked tuple or dict whose gc.is_tracked() answer depends on
// whether CPython collected since it was tracked: aged, and no item is an
// object that is always tracked.
bool TrackingDependsOnTiming(const Heap& heap, ObjectId id);

// The refusal text for `what`, naming why CPython's timing is unknown, e.g.
// "gc.collect() of ...: when CPython 3.9 runs its automatic collections
// before the first full collection depends on its start-up state".
std::string TimingRefusal(const Heap& heap, std::string_view what);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_GC_TIMING_H_
