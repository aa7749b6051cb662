// What a drawing of the heap needs beyond an object's figures: its contents
// as slots (items, entries, attributes) and whether the interpreter shares
// it with everyone (small ints, interned strs, static objects).

#ifndef HEAPSIM_SERVER_SERVICE_OBJECT_LAYOUT_H_
#define HEAPSIM_SERVER_SERVICE_OBJECT_LAYOUT_H_

#include <cstdint>
#include <vector>

#include "heapsim/v1/heapsim.pb.h"
#include "server/heap/heap.h"

namespace heapsim::service {

// An object describes at most this many slots (a step describes at most as
// many objects, so the rest could not be drawn from it anyway).
inline constexpr uint64_t kMaxSlots = 10000;

// Fills `info`'s slots, slot count and shared flag for the live object
// `id`: list and tuple items in order, set members in table order, dict
// entries in insertion order, an instance's attributes (its __dict__ while
// it has one), a class's names other than dunders, a cell's contents; the
// first kMaxSlots of them. Reads the heap only.
void DescribeLayout(const Heap& heap, ObjectId id, v1::ObjectInfo* info);

// The objects `id`'s slots point to that are not among its referents (a
// dict's str keys, which dict_traverse skips), so that a description of
// everything the names reach holds every object its slots name.
std::vector<ObjectId> SlotOnlyObjects(const Heap& heap, ObjectId id);

}  // namespace heapsim::service

#endif  // HEAPSIM_SERVER_SERVICE_OBJECT_LAYOUT_H_
