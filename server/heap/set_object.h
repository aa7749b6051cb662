// set and frozenset objects: a 216-byte object (GC header included) with an
// 8-entry table inside it; larger tables are separate blocks of 16 bytes per
// slot. Open addressing with CPython's probe sequence (nine linear probes,
// then perturbation), deleted slots kept as dummies and reused, and a resize
// to the smallest power of two above 4 * used (2 * used past 50,000) once
// fill reaches 3/5 of the table. Iteration follows the table, so printing a
// set shows CPython's order.
//
// Functions take borrowed references and add their own.

#ifndef HEAPSIM_SERVER_HEAP_SET_OBJECT_H_
#define HEAPSIM_SERVER_HEAP_SET_OBJECT_H_

#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "server/heap/heap.h"

namespace heapsim {

// An empty set (or frozenset when `frozen`), tracked by the GC.
Ref NewSet(Heap& heap, bool frozen);

// set.add(key); TypeError when unhashable.
absl::Status SetAdd(Heap& heap, ObjectId set, ObjectId key);

// key in set.
absl::StatusOr<bool> SetContains(const Heap& heap, ObjectId set, ObjectId key);

// set.discard(key): true if the key was there. set.remove is discard that
// raises KeyError for a missing key.
absl::StatusOr<bool> SetDiscard(Heap& heap, ObjectId set, ObjectId key);
absl::Status SetRemove(Heap& heap, ObjectId set, ObjectId key);

// set.pop(): an arbitrary key (the next from the search finger).
absl::StatusOr<Ref> SetPop(Heap& heap, ObjectId set);

// set.clear().
void SetClear(Heap& heap, ObjectId set);

// set |= other / set.update(other), for each kind of argument: another set
// (one resize up front), a dict (likewise), or other iterables' items.
absl::Status SetMerge(Heap& heap, ObjectId set, ObjectId other_set);
absl::Status SetUpdateFromDict(Heap& heap, ObjectId set, ObjectId dict);
absl::Status SetUpdateFromItems(Heap& heap, ObjectId set, const std::vector<ObjectId>& items);

// s.copy() (also set(s), frozenset(s)): a new set of `frozen` kind.
Ref SetCopy(Heap& heap, ObjectId set, bool frozen);

// s & other, s - other: new sets of s's kind. `other` is a set or frozenset.
absl::StatusOr<Ref> SetIntersection(Heap& heap, ObjectId set, ObjectId other);
absl::StatusOr<Ref> SetDifference(Heap& heap, ObjectId set, ObjectId other);

// s -= other (set_difference_update_internal) for a set or frozenset
// `other`: s itself is cleared; an `other` more than 8 times larger is first
// replaced by its intersection with s (3.9+, the profile's
// set_difference_intersects_larger); then each key is discarded, and a
// table more than a quarter dummies is resized to 4 x used.
absl::Status SetDifferenceUpdate(Heap& heap, ObjectId set, ObjectId other);

// The end of every difference update: a table more than a quarter dummies
// is resized to fit its live keys.
void SetPurgeDummies(Heap& heap, ObjectId set);

// s.symmetric_difference_update(other) for a set or frozenset `other`: each
// of other's keys (table order) is discarded from `set` when present, else
// added. SetSymmetricDifferenceUpdateFromDict walks a dict's keys the same way.
absl::Status SetSymmetricDifferenceUpdate(Heap& heap, ObjectId set, ObjectId other);
absl::Status SetSymmetricDifferenceUpdateFromDict(Heap& heap, ObjectId set, ObjectId dict);

// set_swap_bodies: exchanges the tables (and frozenset hash caches) of `a`
// and `b`, as s.intersection_update does with its computed intersection.
void SetSwapBodies(Heap& heap, ObjectId a, ObjectId b);

// The keys in table order, borrowed.
std::vector<ObjectId> SetKeys(const Heap& heap, ObjectId set);

uint64_t SetSizeOf(const Heap& heap, ObjectId set);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_SET_OBJECT_H_
