// The cyclic garbage collector: CPython's generational algorithm on the
// simulated heap. A collection of generation g merges the younger
// generations into g, finds the objects no reference from outside the
// generation can reach (refcount minus internal references, then a
// reachability pass in list order), untracks tuples and, in full
// collections, dicts that can no longer take part in cycles, breaks the
// unreachable objects' references in list order (tp_clear), or with
// DEBUG_SAVEALL appends them to gc.garbage instead, and moves the survivors
// one generation up.

#ifndef HEAPSIM_SERVER_HEAP_GC_H_
#define HEAPSIM_SERVER_HEAP_GC_H_

#include <cstdint>
#include <functional>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "server/heap/object.h"

namespace heapsim {

class Heap;

struct CollectResult {
  uint64_t unreachable = 0;    // what gc.collect() returns: found unreachable
  uint64_t uncollectable = 0;  // always 0: no legacy finalizers in programs
  // The garbage held a dataclass, whose objects CPython's Python code made
  // (Field objects, functions, cells) are not modelled one by one: the
  // count is not CPython's.
  bool frees_dataclass = false;
};

// How a collection runs finalizers (__del__), which may run any Python
// code (no collection starts while one runs). Empty: it cannot.
struct FinalizerRunner {
  // Runs the finalizer of an unreachable `instance`: called with the
  // collector's own reference to it, its finalized flag already set.
  std::function<void(ObjectId instance)> run;
  // Works through the heap's finalizer queue: instances outside the
  // garbage that clearing it freed, and the memory released behind them.
  std::function<void()> run_queued;
  // Calls `callback(weakref)` for a reachable weak reference to garbage
  // (handle_weakrefs): the collector holds a reference to `weakref`, whose
  // own reference keeps `callback`.
  std::function<void(ObjectId weakref, ObjectId callback)> run_weakref_callback;
  explicit operator bool() const { return static_cast<bool>(run); }
};

// gc.collect(generation): collects `generation` (0, 1 or 2) and all
// younger ones. A full collection (2) also empties the free lists.
// Unreachable instances whose finalizers are due are finalized first, in
// list order, through `run_finalizer` (PEP 442); then the objects a
// finalizer resurrected survive (all of them on profiles with
// gc_resurrection_revives_all) and the rest is cleared. Before any of that,
// the weak references to the garbage are cleared, and the callbacks of
// those that are not garbage themselves run in order (handle_weakrefs);
// the ones freed after their callback count as collected. Without a runner,
// the heap notes unrun finalizers (Heap::NoteUnrunFinalizers) and the
// instances are parked when their clearing frees them.
// REQUIRES: 0 <= generation <= 2; no collection is running.
CollectResult Collect(Heap& heap, int generation, const FinalizerRunner& run_finalizer = {});

// The instances a full collection would finalize, in the order it would,
// if the references counted in `discounted` (by object) did not exist:
// what the last collection of an interpreter's shutdown finalizes once the
// modules are gone. Changes nothing.
std::vector<ObjectId> FinalizersDueWithout(
    const Heap& heap, const absl::flat_hash_map<ObjectId, uint64_t>& discounted);

// True if a full collection now would call weak reference callbacks: a
// weak reference with a callback, outside the garbage, to an object in it.
// Changes nothing.
bool FullCollectionCallsWeakRefCallbacks(const Heap& heap);

// What a collection of exactly the objects of `list` would find
// unreachable (references from objects outside `list` count as from
// outside), in the order it would. Changes nothing.
std::vector<ObjectId> UnreachableAmong(const Heap& heap, std::vector<ObjectId> list);

// The automatic collection after an allocation crossed threshold 0:
// collects the oldest generation over its threshold (generation 2 only when
// enough objects were promoted since the last full collection). Inside a
// timing window (gc_timing.h) it frees nothing: it refuses (through
// GcTimingWindow::refusal) when generations 0 and 1 hold cyclic garbage (a
// full one leaves that to the window's end), else moves their objects up a
// generation, untracking nothing, and leaves the counts unknown.
void CollectGenerations(Heap& heap, const FinalizerRunner& run_finalizer = {});

// Runs a collection scheduled by an allocation (3.12+), if any. The
// interpreter calls this at its eval-breaker points.
void RunScheduledCollection(Heap& heap, const FinalizerRunner& run_finalizer = {});

// gc.freeze(): moves every tracked object to the permanent generation,
// which collections leave alone, and sets the generations' counts to 0
// (known from then on, as after a full collection).
void Freeze(Heap& heap);

// gc.unfreeze(): moves the permanent generation into the oldest one.
void Unfreeze(Heap& heap);

// gc.is_tracked(obj).
bool IsTracked(const Heap& heap, ObjectId id);

// True if a tuple could be part of a cycle: an item is a GC object that is
// not an untracked tuple (CPython's _PyObject_GC_MAY_BE_TRACKED).
bool MayBeTracked(const Heap& heap, ObjectId id);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_GC_H_
