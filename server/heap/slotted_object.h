// __slots__: the instance layout a class's slots give, the member
// descriptors that read and write them, and their values' lifetime.
//
// A class statement whose namespace binds __slots__ gives its instances one
// pointer per named slot (its bases' slots first, its own after them in
// sorted name order, as CPython sorts ht_slots) and no __dict__ unless
// '__dict__' is among the slots or a base has one. Each name becomes a
// member_descriptor in the class dict holding the class and the name.
// Layout, per profile:
//  * basic size: 16 (refcount and type) + 8 per slot, + 8 for the __dict__
//    pointer where it is inside the object (3.8-3.10), + 8 for __weakref__
//    where the weak reference list is inside the object (3.8-3.11);
//  * pre-header: the profile's for instances with a __dict__ (3.11+: the
//    managed dict); else 16 bytes when the weak reference list lives there
//    (3.12+, __weakref__ asked for), else none.
// An instance with slots and a __dict__ keeps its attributes as a plain
// class's instances do (instance_object.h).
// Instances of slotted classes are always GC-tracked (a heap type's
// instances hold their class). The traversal and clearing order is
// CPython's: the most derived class's slots first, each class's in its
// sorted order.

#ifndef HEAPSIM_SERVER_HEAP_SLOTTED_OBJECT_H_
#define HEAPSIM_SERVER_HEAP_SLOTTED_OBJECT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "server/heap/heap.h"

namespace heapsim {

// What a class statement's __slots__ asked for, validated by the caller.
struct SlotsSpec {
  bool present = false;            // the namespace binds __slots__
  std::vector<std::string> names;  // the own slot names, sorted (no __dict__ / __weakref__)
  // The names type_new mangled (private ones): ht_slots holds a new str for
  // each, the class's dict the interned one.
  std::vector<std::string> mangled;
  bool dict = false;               // '__dict__' among them
  bool weakref = false;            // '__weakref__' among them
};

// The bytes PyMemberDef takes in a heap type's block, per slot.
inline constexpr uint64_t kMemberDefSize = 40;

// A member descriptor's block (PyMemberDescrObject and its GC header), in
// every version.
inline constexpr uint64_t kMemberDescriptorRequest = 64;

// True when `cls`'s instances have no __dict__ (laid out by __slots__).
bool IsSlotted(const Heap& heap, ObjectId cls);

// True when `cls`'s instances have slots, or lack a __dict__ or a
// __weakref__: their size is this module's, not the profile's plain
// instance size.
bool HasSlots(const Heap& heap, ObjectId cls);

// The bytes in front of the GC header of an instance of `cls` (0 or 16).
uint8_t SlottedPreheader(const Heap& heap, ObjectId cls);

// sys.getsizeof of an instance of `cls` (HasSlots): GC header, pre-header
// and basic size.
uint64_t SlottedInstanceSize(const Heap& heap, ObjectId cls);

// A new instance of slotted `cls` with every slot unset, tracked by the GC.
Ref NewSlottedInstance(Heap& heap, ObjectId cls);

// A new member descriptor for slot `slot` of `cls`, tracked by the GC; as
// descr_new, its block is made before its name, the interned str `name`
// (made if not interned yet).
Ref NewMemberDescriptor(Heap& heap, ObjectId cls, std::string_view name, uint32_t slot);

// The member's value in `instance` (borrowed), or CPython's AttributeError
// when the slot is unset. REQUIRES: `instance`'s class has the member.
absl::StatusOr<ObjectId> MemberGet(const Heap& heap, ObjectId member, ObjectId instance);

// Stores `value` (a new reference taken) in the member's slot, dropping the
// old value after the store, as CPython's member setter does.
void MemberSet(Heap& heap, ObjectId member, ObjectId instance, ObjectId value);

// Clears the member's slot; AttributeError naming the slot when unset.
absl::Status MemberDelete(Heap& heap, ObjectId member, ObjectId instance);

// Calls `visit(slot_index)` for each slot of an instance of `cls` in
// CPython's traversal and clearing order.
template <typename Visitor>
void ForEachSlotIndex(const Heap& heap, ObjectId cls, Visitor&& visit) {
  for (ObjectId c = cls; c != kNoObject; c = heap.cls(c).base) {
    const ClassBody& body = heap.cls(c);
    const uint32_t first = body.base == kNoObject ? 0 : heap.cls(body.base).slot_count;
    for (uint32_t i = first; i < body.slot_count; ++i) visit(i);
  }
}

// The name (a str, borrowed) of slot `index` of an instance of `cls`.
ObjectId SlotName(const Heap& heap, ObjectId cls, uint32_t index);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_SLOTTED_OBJECT_H_
