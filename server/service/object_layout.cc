#include "server/service/object_layout.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "server/heap/defaultdict_object.h"
#include "server/heap/dict_object.h"
#include "server/heap/instance_object.h"
#include "server/heap/slotted_object.h"

namespace heapsim::service {

namespace {

// Adds an object's slots, the first kMaxSlots of them, counting them all
// into slot_count.
class SlotWriter {
 public:
  SlotWriter(const Heap& heap, v1::ObjectInfo* info) : heap_(heap), info_(info) {}
  ~SlotWriter() { info_->set_slot_count(count_); }

  void Item(ObjectId value) {
    if (v1::Slot* slot = Next()) slot->set_value(heap_.address_of(value));
  }
  void Entry(ObjectId key, ObjectId value) {
    if (v1::Slot* slot = Next()) {
      slot->set_key(heap_.address_of(key));
      slot->set_value(heap_.address_of(value));
    }
  }
  void Named(std::string_view name, ObjectId value) {
    if (v1::Slot* slot = Next()) {
      slot->set_name(std::string(name));
      slot->set_value(heap_.address_of(value));
    }
  }

 private:
  v1::Slot* Next() { return count_++ < kMaxSlots ? info_->add_slots() : nullptr; }

  const Heap& heap_;
  v1::ObjectInfo* info_;
  uint64_t count_ = 0;
};

bool IsShared(const Heap& heap, ObjectId id) {
  const Object& object = heap.object(id);
  if (object.has(kStatic) || object.has(kImmortal) || object.has(kInterned)) return true;
  return object.type == TypeTag::kInt && Heap::IsSmallInt(object.small_int) &&
         heap.small_int(object.small_int) == id;
}

}  // namespace

void DescribeLayout(const Heap& heap, ObjectId id, v1::ObjectInfo* info) {
  info->set_shared(IsShared(heap, id));
  SlotWriter slots(heap, info);
  switch (heap.type_of(id)) {
    case TypeTag::kList:
      for (ObjectId item : heap.list(id).items) slots.Item(item);
      return;
    case TypeTag::kTuple:
      for (ObjectId item : heap.tuple(id).items) slots.Item(item);
      return;
    case TypeTag::kDeque:
      for (ObjectId item : heap.deque(id).items) slots.Item(item);
      return;
    case TypeTag::kSet:
    case TypeTag::kFrozenSet:
      for (const SetEntry& entry : heap.set(id).table) {
        if (entry.key != kNoObject && entry.key != SetBody::kDummyKey) slots.Item(entry.key);
      }
      return;
    case TypeTag::kDict:
      if (IsDefaultDict(heap, id) && DefaultFactory(heap, id) != kNoObject) {
        slots.Named("default_factory", DefaultFactory(heap, id));
      }
      for (const auto& [key, value] : DictItems(heap, id)) slots.Entry(key, value);
      return;
    case TypeTag::kInstance: {
      const InstanceBody& body = heap.instance(id);
      if (body.dict != kNoObject) {
        for (uint32_t i = 0; i < body.slots.size(); ++i) {
          if (body.slots[i] == kNoObject) continue;
          slots.Named(heap.str(SlotName(heap, body.cls, i)).utf8, body.slots[i]);
        }
        slots.Named("__dict__", body.dict);
        return;
      }
      for (const auto& [name, value] : InstanceAttrs(heap, id)) {
        slots.Named(heap.str(name).utf8, value);
      }
      return;
    }
    case TypeTag::kClass: {
      const ObjectId names = heap.cls(id).namespace_dict;
      if (names == kNoObject) return;
      for (const auto& [name, value] : DictItems(heap, names)) {
        if (heap.type_of(name) != TypeTag::kStr) continue;
        if (absl::StartsWith(heap.str(name).utf8, "__")) continue;
        slots.Named(heap.str(name).utf8, value);
      }
      return;
    }
    case TypeTag::kCell: {
      const ObjectId contents = heap.cell(id).contents;
      if (contents != kNoObject) slots.Named("cell_contents", contents);
      return;
    }
    default:
      return;
  }
}

std::vector<ObjectId> SlotOnlyObjects(const Heap& heap, ObjectId id) {
  std::vector<ObjectId> keys;
  if (heap.type_of(id) != TypeTag::kDict) return keys;
  const DictBody& body = heap.dict(id);
  if (!body.from_split_keys && !body.str_keys_only) return keys;  // traversed with the values
  for (const auto& [key, value] : DictItems(heap, id)) keys.push_back(key);
  return keys;
}

}  // namespace heapsim::service
