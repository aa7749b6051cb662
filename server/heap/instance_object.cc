#include "server/heap/instance_object.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "server/heap/dict_object.h"
#include "server/heap/list_object.h"
#include "server/heap/py_error.h"
#include "server/heap/sizeof.h"
#include "server/heap/slotted_object.h"
#include "server/heap/str_object.h"
#include "server/heap/tuple_object.h"
#include "server/heap/type_subclasses.h"

namespace heapsim {

namespace {

uint64_t RoundUp8(uint64_t n) { return (n + 7) & ~uint64_t{7}; }

// 3.8-3.10: the instance's __dict__, made on first use.
ObjectId EnsureDict(Heap& heap, ObjectId instance) {
  InstanceBody& body = heap.instance(instance);
  if (body.dict != kNoObject) return body.dict;
  const uint32_t shared = heap.cls(body.cls).shared_keys;
  Ref dict;
  if (shared != 0) {
    const SharedKeysBody& keys = heap.shared_keys(shared);
    const auto capacity =
        static_cast<uint32_t>(((uint64_t{1} << keys.log2_size) << 1) / 3);
    dict = NewSplitDict(heap, shared, capacity);
  } else {
    dict = NewDict(heap);
  }
  heap.instance(instance).dict = dict.release();
  return heap.instance(instance).dict;
}

// 3.8-3.10 setattr on the instance's dict (_PyObjectDict_SetItem): the
// table stays split while the attribute goes in the shared keys' order
// (DictSetItem).
void SetInDict(Heap& heap, ObjectId instance, ObjectId name, ObjectId value) {
  const ObjectId dict = EnsureDict(heap, instance);
  const ObjectId cls = heap.instance(instance).cls;
  const DictBody& body = heap.dict(dict);
  if (body.from_split_keys) {
    const uint32_t old_shared = body.shared_keys;
    DictSetItem(heap, dict, name, value).IgnoreError();
    if (heap.dict(dict).from_split_keys) return;
    // Out of order, or the shared keys are full: the dict got its own
    // table. If no other dict uses the class's keys, this dict's new keys
    // become the shared ones (make_keys_shared); else sharing stops.
    ClassBody& class_body = heap.cls(cls);
    if (class_body.shared_keys == old_shared) {
      const bool only_class_left = heap.shared_keys(old_shared).refcount == 1;
      class_body.shared_keys = 0;
      heap.DecRefSharedKeys(old_shared);
      if (only_class_left) {
        // Re-share: the keys move to the class, the dict goes back to split.
        DictBody& own = heap.dict(dict);
        SharedKeysBody keys;
        keys.log2_size = own.log2_size;
        keys.usable = own.usable;
        keys.keys_block = std::exchange(own.keys_block, 0);
        for (const DictEntry& entry : own.entries) {
          if (entry.key == kNoObject) continue;
          heap.IncRef(entry.key);
          keys.names.push_back(entry.key);
        }
        const uint32_t handle = heap.NewSharedKeys(std::move(keys));
        heap.cls(cls).shared_keys = handle;
        DictBody& split = heap.dict(dict);
        split.from_split_keys = true;
        split.shared_keys = handle;
        heap.IncRefSharedKeys(handle);
        split.values_capacity =
            static_cast<uint32_t>(((uint64_t{1} << split.log2_size) << 1) / 3);
        split.values_block = heap.AllocateBuffer(uint64_t{split.values_capacity} * 8);
        split.keys_request = 0;
      }
    }
    return;
  }
  DictSetItem(heap, dict, name, value).IgnoreError();
}

// AttributeError for deleting `name`, which `instance` does not have.
absl::Status NoAttributeToDelete(const Heap& heap, ObjectId instance, ObjectId name) {
  if (!heap.profile().messages.delattr_names_object) {
    return PyError(PyExc::kAttributeError, heap.str(name).utf8);
  }
  return PyError(PyExc::kAttributeError,
                 absl::StrCat("'", heap.cls(heap.instance(instance).cls).name,
                              "' object has no attribute '", heap.str(name).utf8, "'"));
}

// 3.8-3.10 delattr on the instance's dict (_PyObjectDict_SetItem with no
// value): the dict is made if the instance has none yet, the name deleted
// from it (a split table found to hold it becomes combined), and then,
// whether or not the name was there, the class stops sharing its cached
// keys with new instances.
absl::Status DelFromSplitDict(Heap& heap, ObjectId instance, ObjectId name) {
  // A str name always hashes: the only error is the KeyError of a miss.
  const bool found = DictDelItem(heap, EnsureDict(heap, instance), name).ok();
  ClassBody& class_body = heap.cls(heap.instance(instance).cls);
  if (class_body.shared_keys != 0) heap.DecRefSharedKeys(std::exchange(class_body.shared_keys, 0));
  return found ? absl::OkStatus() : NoAttributeToDelete(heap, instance, name);
}

// 3.11+: materialises __dict__ from the values (the dict takes them over).
ObjectId MaterializeDict(Heap& heap, ObjectId instance) {
  InstanceBody& body = heap.instance(instance);
  if (body.dict != kNoObject) return body.dict;
  const ObjectId cls = body.cls;
  const uint32_t shared = heap.cls(cls).shared_keys;
  Ref dict = NewDict(heap);
  DictBody& d = heap.dict(dict.get());
  if (shared != 0) {
    // A split dict that adopts the instance's values array.
    const SharedKeysBody& keys = heap.shared_keys(shared);
    d.log2_size = keys.log2_size;
    d.from_split_keys = true;
    d.shared_keys = shared;
    heap.IncRefSharedKeys(shared);
    d.values_capacity = body.values_capacity;
    d.indices.assign(uint64_t{1} << keys.log2_size, DictBody::kEmptySlot);
  }
  InstanceBody& again = heap.instance(instance);
  std::vector<ObjectId> values = std::move(again.values);
  again.values.clear();
  const uint64_t values_block = std::exchange(again.values_block, 0);
  again.dict = dict.release();
  const ObjectId dict_id = again.dict;
  if (shared != 0) {
    heap.dict(dict_id).values_block = values_block;
    const std::vector<ObjectId> names = heap.shared_keys(shared).names;
    for (size_t i = 0; i < values.size() && i < names.size(); ++i) {
      if (values[i] == kNoObject) continue;
      SplitDictAppend(heap, dict_id, names[i], values[i]);
      heap.DecRef(values[i]);  // the dict took its own reference
    }
  } else {
    heap.FreeBuffer(values_block);
  }
  return dict_id;
}

}  // namespace

namespace {

// NewClass and NewExceptionClass: `builtin_mro` is the MRO of the builtin
// exception type an exception class derives from (empty for other classes).
Ref MakeClass(Heap& heap, std::string name, Ref namespace_dict, ObjectId base, ObjectId root,
              const SlotsSpec& slots, const std::vector<ObjectId>& builtin_mro, Ref bases) {
  const Profile& profile = heap.profile();
  const ObjectId exception_base = !builtin_mro.empty() ? builtin_mro[0]
                                  : base != kNoObject  ? heap.cls(base).exception_base
                                                       : kNoObject;
  // tp_bases exists before the type: the class statement's, or made now.
  std::vector<ObjectId> bases_items;
  if (base != kNoObject) {
    bases_items.push_back(base);
  } else if (!builtin_mro.empty()) {
    bases_items.push_back(builtin_mro[0]);
  } else if (root != kNoObject) {
    bases_items.push_back(root);
  }
  if (!bases) bases = NewTupleOf(heap, bases_items);
  // The block holds a PyMemberDef per own slot.
  const ObjectId id = heap.NewObject(
      TypeTag::kClass, profile.class_object_size + kMemberDefSize * slots.names.size());
  ClassBody body;
  body.name = std::move(name);
  body.namespace_dict = namespace_dict.release();
  body.base = base;
  if (base != kNoObject) heap.IncRef(base);
  body.bases = bases.release();
  body.exception_base = exception_base;
  // BaseException has a __dict__ of its own, not a __weakref__.
  const bool base_dict = (base != kNoObject && heap.cls(base).instance_dict) ||
                         !builtin_mro.empty();
  const bool base_weakref = base != kNoObject && heap.cls(base).instance_weakref;
  body.instance_dict = base_dict || !slots.present || slots.dict;
  body.instance_weakref = base_weakref || !slots.present || slots.weakref;
  body.slot_count = (base == kNoObject ? 0 : heap.cls(base).slot_count) +
                    static_cast<uint32_t>(slots.names.size());
  const bool caches_keys = body.instance_dict &&
                           (exception_base == kNoObject ||
                            profile.instance_storage == InstanceStorage::kSplitDict);
  const bool adds_dict = body.instance_dict && !base_dict;
  const bool adds_weakref = body.instance_weakref && !base_weakref;
  const uint32_t first_slot = body.slot_count - static_cast<uint32_t>(slots.names.size());
  const ObjectId dict = body.namespace_dict;
  heap.AttachBody(id, std::move(body));
  heap.Track(id);
  Ref cls = heap.Adopt(id);
  // type_new takes __qualname__ out of the dict (into ht_qualname).
  if (Ref qualname_key = IdentifierStr(heap, "__qualname__");
      DictLookup(heap, dict, qualname_key.get()).value_or(kNoObject) != kNoObject) {
    DictDelItem(heap, dict, qualname_key.get()).IgnoreError();
  }
  // ht_slots, then the descriptors type_ready adds: a member per own slot,
  // then __dict__ and __weakref__ where the class adds them; all hold it.
  if (slots.present) {
    std::vector<Ref> names;
    std::vector<ObjectId> items;
    for (const std::string& slot : slots.names) {
      const bool mangled =
          std::find(slots.mangled.begin(), slots.mangled.end(), slot) != slots.mangled.end();
      names.push_back(mangled ? NewStrObject(heap, slot) : InternStr(heap, slot));
      items.push_back(names.back().get());
    }
    // type_new sorts the names in a list and keeps them as a tuple.
    Ref sorted_names = NewListOf(heap, items);
    heap.cls(id).slot_names = NewTupleOf(heap, items).release();
    sorted_names.Reset();
    for (size_t i = 0; i < items.size(); ++i) {
      Ref member =
          NewMemberDescriptor(heap, id, slots.names[i], first_slot + static_cast<uint32_t>(i));
      DictSetItem(heap, dict, heap.member(member.get()).name, member.get()).IgnoreError();
    }
  }
  for (const char* attribute : {"__dict__", "__weakref__"}) {
    if (!(attribute[2] == 'd' ? adds_dict : adds_weakref)) continue;
    const ObjectId descriptor = heap.NewObject(TypeTag::kDescriptor, kDescriptorRequest);
    heap.IncRef(id);
    heap.AttachBody(descriptor, CellBody{id});
    heap.Track(descriptor);
    Ref owned = heap.Adopt(descriptor);
    Ref key = IdentifierStr(heap, attribute);
    DictSetItem(heap, dict, key.get(), owned.get()).IgnoreError();
  }
  // type_ready: __doc__ None where the body set none, then __hash__ None
  // where it defines __eq__ without __hash__ (no hash to inherit).
  auto has = [&heap, dict](const Ref& key) {
    return DictLookup(heap, dict, key.get()).value_or(kNoObject) != kNoObject;
  };
  if (Ref doc_key = IdentifierStr(heap, "__doc__"); !has(doc_key)) {
    DictSetItem(heap, dict, doc_key.get(), heap.none()).IgnoreError();
  }
  if (Ref eq_key = IdentifierStr(heap, "__eq__"), hash_key = IdentifierStr(heap, "__hash__");
      has(eq_key) && !has(hash_key)) {
    DictSetItem(heap, dict, hash_key.get(), heap.none()).IgnoreError();
  }
  // tp_mro: the class, then its base's MRO (or object).
  std::vector<ObjectId> mro_items{id};
  if (base != kNoObject) {
    const ObjectId base_mro = heap.cls(base).mro;
    if (base_mro != kNoObject) {
      const std::vector<ObjectId>& chain = TupleItems(heap, base_mro);
      mro_items.insert(mro_items.end(), chain.begin(), chain.end());
    } else {
      mro_items.push_back(base);
    }
  } else if (!builtin_mro.empty()) {
    mro_items.insert(mro_items.end(), builtin_mro.begin(), builtin_mro.end());
  } else if (root != kNoObject) {
    mro_items.push_back(root);
  }
  heap.cls(id).mro = NewTupleOf(heap, mro_items).release();
  if (!bases_items.empty()) AddSubclass(heap, bases_items[0], id);
  // Once the type is ready, the keys its instances' dicts will share (an
  // 8-slot table comes from the dict-keys free list).
  if (caches_keys) {
    SharedKeysBody keys;
    keys.log2_size = profile.class_shared_keys_log2;
    keys.usable = profile.class_shared_keys_usable;
    const uint64_t size = uint64_t{1} << keys.log2_size;
    keys.keys_block = AllocateKeysBlock(
        heap, keys.log2_size, /*str_keys=*/true,
        profile.dict_keys_header + size + ((size << 1) / 3) * (profile.dict_str_keys_compact ? 16 : 24));
    heap.cls(id).shared_keys = heap.NewSharedKeys(std::move(keys));
  }
  return cls;
}

}  // namespace

Ref NewClass(Heap& heap, std::string name, Ref namespace_dict, ObjectId base, ObjectId root,
             const SlotsSpec& slots, Ref bases) {
  return MakeClass(heap, std::move(name), std::move(namespace_dict), base, root, slots, {},
                   std::move(bases));
}

Ref NewExceptionClass(Heap& heap, std::string name, Ref namespace_dict, ObjectId base,
                      const std::vector<ObjectId>& builtin_mro, Ref bases) {
  return MakeClass(heap, std::move(name), std::move(namespace_dict), base, kNoObject,
                   SlotsSpec(), base != kNoObject ? std::vector<ObjectId>() : builtin_mro,
                   std::move(bases));
}

bool IsExceptionClass(const Heap& heap, ObjectId cls) {
  return heap.type_of(cls) == TypeTag::kClass && heap.cls(cls).exception_base != kNoObject;
}

Ref NewExceptionInstance(Heap& heap, ObjectId cls, ObjectId args) {
  // BaseException's object and, after it, the weak reference list the
  // class adds (3.12+: in the pre-header, with the unused dict pointer).
  const Profile& profile = heap.profile();
  const uint8_t preheader = profile.weakref_in_preheader ? 16 : 0;
  const ObjectId id =
      heap.NewInstanceObject(profile.aux.exception + (preheader != 0 ? preheader : 8), preheader);
  InstanceBody body;
  body.cls = cls;
  body.args = args;
  heap.IncRef(args);
  heap.IncRef(cls);
  heap.AttachBody(id, std::move(body));
  heap.Track(id);
  return heap.Adopt(id);
}

Ref NewInstance(Heap& heap, ObjectId cls) {
  if (IsSlotted(heap, cls)) return NewSlottedInstance(heap, cls);
  const Profile& profile = heap.profile();
  const uint64_t head = HasSlots(heap, cls)
                            ? SlottedInstanceSize(heap, cls)
                            : kGcHeaderSize + profile.instance_preheader + profile.instance_basic_size;
  const uint32_t shared = heap.cls(cls).shared_keys;
  InstanceBody body;
  body.cls = cls;
  body.slots.assign(heap.cls(cls).slot_count, kNoObject);
  uint64_t request = head;
  if (profile.instance_storage != InstanceStorage::kSplitDict && shared != 0) {
    SharedKeysBody& keys = heap.shared_keys(shared);
    const bool inline_values = profile.instance_storage == InstanceStorage::kInlineValues;
    if (!inline_values && keys.usable > 1) --keys.usable;
    const uint64_t size = keys.names.size() + keys.usable;
    if (inline_values) {
      request += RoundUp8(size) + 8 * (size + 1);
      if (keys.usable > 1) --keys.usable;
    }
    body.values_capacity = static_cast<uint32_t>(size);
    body.values.assign(size, kNoObject);
  }
  const ObjectId id = heap.NewObject(TypeTag::kInstance, request);
  if (profile.instance_storage == InstanceStorage::kValuesArray && body.values_capacity != 0) {
    const uint64_t size = body.values_capacity;
    body.values_block = heap.AllocateBuffer(RoundUp8(size + 2) + 8 * size);
  }
  heap.IncRef(cls);
  heap.AttachBody(id, std::move(body));
  heap.Track(id);
  return heap.Adopt(id);
}

ObjectId InstanceGetAttr(const Heap& heap, ObjectId instance, ObjectId name) {
  const InstanceBody& body = heap.instance(instance);
  if (body.dict != kNoObject) {
    absl::StatusOr<ObjectId> value = DictLookup(heap, body.dict, name);
    return value.ok() ? *value : kNoObject;
  }
  const int64_t ix = SharedKeyIndex(heap, heap.cls(body.cls).shared_keys, name);
  if (ix < 0 || ix >= static_cast<int64_t>(body.values.size())) return kNoObject;
  return body.values[ix];
}

void InstanceSetAttr(Heap& heap, ObjectId instance, ObjectId name, ObjectId value) {
  const Profile& profile = heap.profile();
  if (profile.instance_storage == InstanceStorage::kSplitDict) {
    SetInDict(heap, instance, name, value);
    return;
  }
  InstanceBody& body = heap.instance(instance);
  if (body.dict == kNoObject) {
    const uint32_t shared = heap.cls(body.cls).shared_keys;
    int64_t ix = SharedKeyIndex(heap, shared, name);
    if (ix < 0 && shared != 0) ix = AddSharedKey(heap, shared, name);
    if (ix >= 0 && ix < static_cast<int64_t>(heap.instance(instance).values.size())) {
      heap.IncRef(value);
      ObjectId& slot = heap.instance(instance).values[ix];
      const ObjectId old = std::exchange(slot, value);
      if (old != kNoObject) heap.DecRef(old);
      return;
    }
  }
  const ObjectId dict = MaterializeDict(heap, instance);
  DictSetItem(heap, dict, name, value).IgnoreError();
}

absl::Status InstanceDelAttr(Heap& heap, ObjectId instance, ObjectId name) {
  if (heap.profile().instance_storage == InstanceStorage::kSplitDict) {
    return DelFromSplitDict(heap, instance, name);
  }
  if (InstanceGetAttr(heap, instance, name) == kNoObject) {
    return NoAttributeToDelete(heap, instance, name);
  }
  InstanceBody& body = heap.instance(instance);
  if (body.dict == kNoObject) {
    const int64_t ix = SharedKeyIndex(heap, heap.cls(body.cls).shared_keys, name);
    const ObjectId old = std::exchange(body.values[ix], kNoObject);
    heap.DecRef(old);
    return absl::OkStatus();
  }
  return DictDelItem(heap, body.dict, name);
}

absl::Status InstanceStoreAttr(Heap& heap, ObjectId instance, ObjectId name, ObjectId value) {
  const ObjectId cls = heap.instance(instance).cls;
  // Only classes with slots have member descriptors or refuse new names.
  const ObjectId found = HasSlots(heap, cls) ? ClassLookup(heap, cls, name) : kNoObject;
  if (found != kNoObject && heap.type_of(found) == TypeTag::kMemberDescriptor) {
    if (value == kNoObject) return MemberDelete(heap, found, instance);
    MemberSet(heap, found, instance, value);
    return absl::OkStatus();
  }
  if (!IsSlotted(heap, cls)) {
    if (value == kNoObject) return InstanceDelAttr(heap, instance, name);
    InstanceSetAttr(heap, instance, name, value);
    return absl::OkStatus();
  }
  const std::string prefix = absl::StrCat("'", heap.cls(cls).name, "' object ",
                                          found != kNoObject ? "attribute" : "has no attribute",
                                          " '", heap.str(name).utf8, "'");
  if (found != kNoObject) {
    return PyError(PyExc::kAttributeError, absl::StrCat(prefix, " is read-only"));
  }
  return PyError(PyExc::kAttributeError,
                 absl::StrCat(prefix, std::string(heap.profile().messages.setattr_no_dict)));
}

Ref InstanceDict(Heap& heap, ObjectId instance) {
  const ObjectId dict = heap.profile().instance_storage == InstanceStorage::kSplitDict
                            ? EnsureDict(heap, instance)
                            : MaterializeDict(heap, instance);
  return heap.NewRef(dict);
}

std::vector<std::pair<ObjectId, ObjectId>> InstanceAttrs(const Heap& heap, ObjectId instance) {
  const InstanceBody& body = heap.instance(instance);
  std::vector<std::pair<ObjectId, ObjectId>> attrs;
  for (uint32_t i = 0; i < body.slots.size(); ++i) {
    if (body.slots[i] != kNoObject) attrs.emplace_back(SlotName(heap, body.cls, i), body.slots[i]);
  }
  if (body.dict != kNoObject) {
    for (const auto& item : DictItems(heap, body.dict)) attrs.push_back(item);
    return attrs;
  }
  const uint32_t shared = heap.cls(body.cls).shared_keys;
  if (shared == 0) return attrs;
  const std::vector<ObjectId>& names = heap.shared_keys(shared).names;
  for (size_t i = 0; i < body.values.size() && i < names.size(); ++i) {
    if (body.values[i] != kNoObject) attrs.emplace_back(names[i], body.values[i]);
  }
  return attrs;
}

ObjectId ClassLookup(const Heap& heap, ObjectId cls, ObjectId name) {
  for (ObjectId c = cls; c != kNoObject; c = heap.cls(c).base) {
    const ObjectId ns = heap.cls(c).namespace_dict;
    absl::StatusOr<ObjectId> found = DictLookup(heap, ns, name);
    if (found.ok() && *found != kNoObject) return *found;
  }
  return kNoObject;
}

uint64_t InstanceSizeOf(const Heap& heap, ObjectId instance) {
  const ObjectId cls = heap.instance(instance).cls;
  if (HasSlots(heap, cls)) return SlottedInstanceSize(heap, cls);
  const Profile& profile = heap.profile();
  if (IsExceptionClass(heap, cls)) {
    return profile.aux.exception + (profile.weakref_in_preheader ? 16 : 8);
  }
  return kGcHeaderSize + profile.instance_preheader + profile.instance_basic_size;
}

}  // namespace heapsim
