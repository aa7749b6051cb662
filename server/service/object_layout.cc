#include "server/service/object_layout.h"

#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "server/heap/dict_object.h"
#include "server/heap/instance_object.h"

namespace heapsim::service {

namespace {

void AddItem(const Heap& heap, ObjectId value, v1::ObjectInfo* info) {
  info->add_slots()->set_value(heap.address_of(value));
}

// A slot named by a str object (attribute and class names).
void AddNamed(const Heap& heap, ObjectId name, ObjectId value, v1::ObjectInfo* info) {
  v1::Slot* slot = info->add_slots();
  slot->set_name(heap.str(name).utf8);
  slot->set_value(heap.address_of(value));
}

bool IsShared(const Heap& heap, ObjectId id) {
  const Object& object = heap.object(id);
  if (object.has(kStatic) || object.has(kImmortal) || object.has(kInterned)) return true;
  return object.type == TypeTag::kInt && Heap::IsSmallInt(object.small_int) &&
         heap.small_int(object.small_int) == id;
}

}  // namespace

void DescribeLayout(const Heap& heap, ObjectId id, v1::ObjectInfo* info) {
  info->set_shared(IsShared(heap, id));
  switch (heap.type_of(id)) {
    case TypeTag::kList:
      for (ObjectId item : heap.list(id).items) AddItem(heap, item, info);
      return;
    case TypeTag::kTuple:
      for (ObjectId item : heap.tuple(id).items) AddItem(heap, item, info);
      return;
    case TypeTag::kSet:
    case TypeTag::kFrozenSet:
      for (const SetEntry& entry : heap.set(id).table) {
        if (entry.key != kNoObject && entry.key != SetBody::kDummyKey) {
          AddItem(heap, entry.key, info);
        }
      }
      return;
    case TypeTag::kDict:
      for (const auto& [key, value] : DictItems(heap, id)) {
        v1::Slot* slot = info->add_slots();
        slot->set_key(heap.address_of(key));
        slot->set_value(heap.address_of(value));
      }
      return;
    case TypeTag::kInstance: {
      const InstanceBody& body = heap.instance(id);
      if (body.dict != kNoObject) {
        v1::Slot* slot = info->add_slots();
        slot->set_name("__dict__");
        slot->set_value(heap.address_of(body.dict));
        return;
      }
      for (const auto& [name, value] : InstanceAttrs(heap, id)) AddNamed(heap, name, value, info);
      return;
    }
    case TypeTag::kClass: {
      const ObjectId names = heap.cls(id).namespace_dict;
      if (names == kNoObject) return;
      for (const auto& [name, value] : DictItems(heap, names)) {
        if (heap.type_of(name) != TypeTag::kStr) continue;
        if (absl::StartsWith(heap.str(name).utf8, "__")) continue;
        AddNamed(heap, name, value, info);
      }
      return;
    }
    case TypeTag::kCell: {
      const ObjectId contents = heap.cell(id).contents;
      if (contents == kNoObject) return;
      v1::Slot* slot = info->add_slots();
      slot->set_name("cell_contents");
      slot->set_value(heap.address_of(contents));
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
