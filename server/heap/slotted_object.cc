#include "server/heap/slotted_object.h"

#include <string_view>
#include <utility>

#include "absl/strings/str_cat.h"
#include "server/heap/py_error.h"
#include "server/heap/sizeof.h"
#include "server/heap/str_object.h"

namespace heapsim {

namespace {

constexpr uint64_t kObjectHead = 16;  // refcount and type
constexpr uint8_t kManagedPreheader = 16;

// The object's own fields: head, slots, then the dict pointer and weak
// reference list where they are not kept in the pre-header.
uint64_t BasicSize(const Heap& heap, ObjectId cls) {
  const ClassBody& body = heap.cls(cls);
  const Profile& profile = heap.profile();
  const bool inline_dict = body.instance_dict && profile.instance_preheader == 0;
  const bool inline_weakref = body.instance_weakref && !profile.weakref_in_preheader;
  return kObjectHead + 8 * uint64_t{body.slot_count} + (inline_dict ? 8 : 0) +
         (inline_weakref ? 8 : 0);
}

std::string NoAttribute(const Heap& heap, ObjectId instance, ObjectId name) {
  return absl::StrCat("'", heap.cls(heap.instance(instance).cls).name,
                      "' object has no attribute '", heap.str(name).utf8, "'");
}

}  // namespace

bool IsSlotted(const Heap& heap, ObjectId cls) { return !heap.cls(cls).instance_dict; }

bool HasSlots(const Heap& heap, ObjectId cls) {
  const ClassBody& body = heap.cls(cls);
  return !body.instance_dict || !body.instance_weakref || body.slot_count != 0;
}

uint8_t SlottedPreheader(const Heap& heap, ObjectId cls) {
  const ClassBody& body = heap.cls(cls);
  if (body.instance_dict) return static_cast<uint8_t>(heap.profile().instance_preheader);
  return body.instance_weakref && heap.profile().weakref_in_preheader ? kManagedPreheader : 0;
}

uint64_t SlottedInstanceSize(const Heap& heap, ObjectId cls) {
  return kGcHeaderSize + SlottedPreheader(heap, cls) + BasicSize(heap, cls);
}

Ref NewSlottedInstance(Heap& heap, ObjectId cls) {
  const ObjectId id =
      heap.NewInstanceObject(SlottedInstanceSize(heap, cls), SlottedPreheader(heap, cls));
  InstanceBody body;
  body.cls = cls;
  body.slots.assign(heap.cls(cls).slot_count, kNoObject);
  heap.IncRef(cls);
  heap.AttachBody(id, std::move(body));
  heap.Track(id);
  return heap.Adopt(id);
}

Ref NewMemberDescriptor(Heap& heap, ObjectId cls, std::string_view name, uint32_t slot) {
  const ObjectId id = heap.NewObject(TypeTag::kMemberDescriptor, kMemberDescriptorRequest);
  heap.IncRef(cls);
  heap.AttachBody(id, MemberBody{cls, InternStr(heap, name).release(), slot});
  heap.Track(id);
  return heap.Adopt(id);
}

absl::StatusOr<ObjectId> MemberGet(const Heap& heap, ObjectId member, ObjectId instance) {
  const MemberBody& m = heap.member(member);
  const ObjectId value = heap.instance(instance).slots[m.slot];
  if (value != kNoObject) return value;
  if (heap.profile().messages.unset_slot_names_object) {
    return PyError(PyExc::kAttributeError, NoAttribute(heap, instance, m.name));
  }
  return PyError(PyExc::kAttributeError, heap.str(m.name).utf8);
}

void MemberSet(Heap& heap, ObjectId member, ObjectId instance, ObjectId value) {
  const uint32_t slot = heap.member(member).slot;
  heap.IncRef(value);
  const ObjectId old = std::exchange(heap.instance(instance).slots[slot], value);
  if (old != kNoObject) heap.DecRef(old);
}

absl::Status MemberDelete(Heap& heap, ObjectId member, ObjectId instance) {
  const MemberBody& m = heap.member(member);
  const ObjectId old = std::exchange(heap.instance(instance).slots[m.slot], kNoObject);
  if (old == kNoObject) return PyError(PyExc::kAttributeError, heap.str(m.name).utf8);
  heap.DecRef(old);
  return absl::OkStatus();
}

ObjectId SlotName(const Heap& heap, ObjectId cls, uint32_t index) {
  for (ObjectId c = cls; c != kNoObject; c = heap.cls(c).base) {
    const ClassBody& body = heap.cls(c);
    const uint32_t first = body.base == kNoObject ? 0 : heap.cls(body.base).slot_count;
    if (index >= first && index < body.slot_count) {
      return heap.tuple(body.slot_names).items[index - first];
    }
  }
  return kNoObject;
}

}  // namespace heapsim
