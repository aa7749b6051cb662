#include "server/heap/dict_object.h"

#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "server/heap/dealloc.h"
#include "server/heap/gc.h"
#include "server/heap/ordereddict_object.h"
#include "server/heap/py_error.h"
#include "server/heap/tuple_object.h"
#include "server/heap/value_ops.h"

namespace heapsim {

namespace {

constexpr uint8_t kMinLog2 = 3;              // 8 slots
constexpr int kPerturbShift = 5;

uint64_t IndexBytes(uint8_t log2) {
  if (log2 < 8) return 1;
  if (log2 < 16) return 2;
  if (log2 < 32) return 4;
  return 8;
}

uint64_t UsableFraction(uint64_t size) { return (size << 1) / 3; }

bool IsExactStr(const Heap& heap, ObjectId key) { return heap.type_of(key) == TypeTag::kStr; }

// The log2 table size a resize for `minsize` entries picks.
uint8_t Log2ForMinSize(const Profile& profile, uint64_t minsize) {
  if (profile.dict_resize_minsize_quirk) {
    uint64_t x = ((minsize | 8) - 1) | 7;
    uint8_t bits = 0;
    while (x != 0) {
      ++bits;
      x >>= 1;
    }
    return bits;
  }
  uint8_t log2 = kMinLog2;
  while ((uint64_t{1} << log2) < minsize) ++log2;
  return log2;
}

uint8_t EstimateLog2(const Profile& profile, uint64_t n) {
  return Log2ForMinSize(profile, (n * 3 + 1) / 2);
}

}  // namespace

void NoteUnknownDictKeys(Heap& heap) {
  if (!heap.free_lists().dict_keys_unknown) return;
  heap.tracemalloc().NoteInexactBlocks(
      "a dict's 8-slot keys table taken from or given back to the dict-keys free list, which "
      "holds what the first imports left (not measured before 3.13; call gc.collect() before "
      "tracemalloc.start())");
}

uint64_t AllocateKeysBlock(Heap& heap, uint8_t log2, bool str_keys, uint64_t request) {
  const Profile& profile = heap.profile();
  auto& free_keys = heap.free_lists().dict_keys;
  const bool cacheable = log2 == kMinLog2 && (!profile.dict_keys_freelist_str_only || str_keys);
  if (cacheable) NoteUnknownDictKeys(heap);
  if (!cacheable || free_keys.empty()) return heap.AllocateBuffer(request);
  const uint64_t block = free_keys.back();
  free_keys.pop_back();
  return block;
}

namespace {

// Gives `body` a fresh keys object of 2**log2 slots (no entries yet),
// reusing a cached 8-slot keys block where CPython would.
void NewKeys(Heap& heap, DictBody& body, uint8_t log2, bool str_keys) {
  const uint64_t request = KeysRequest(heap.profile(), log2, str_keys);
  body.keys_block = AllocateKeysBlock(heap, log2, str_keys, request);
  body.keys_request = request;
  body.log2_size = log2;
  body.str_keys_only = str_keys;
  body.from_split_keys = false;
  body.usable = static_cast<uint32_t>(UsableFraction(uint64_t{1} << log2));
  body.indices.assign(uint64_t{1} << log2, DictBody::kEmptySlot);
  body.entries.clear();
}

// The first empty slot on `hash`'s probe sequence.
size_t FindEmptySlot(const DictBody& body, int64_t hash) {
  const uint64_t mask = body.indices.size() - 1;
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = perturb & mask;
  while (body.indices[i] != DictBody::kEmptySlot) {
    perturb >>= kPerturbShift;
    i = (i * 5 + perturb + 1) & mask;
  }
  return i;
}

void BuildIndices(DictBody& body) {
  for (size_t ix = 0; ix < body.entries.size(); ++ix) {
    body.indices[FindEmptySlot(body, body.entries[ix].hash)] = static_cast<int32_t>(ix);
  }
}

// The slot holding `key`, or -1. Entries are compared by hash then value.
int64_t FindSlot(const Heap& heap, const DictBody& body, ObjectId key, int64_t hash) {
  if (body.log2_size == 0) return -1;
  const uint64_t mask = body.indices.size() - 1;
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = perturb & mask;
  while (true) {
    const int32_t ix = body.indices[i];
    if (ix == DictBody::kEmptySlot) return -1;
    if (ix >= 0) {
      const DictEntry& entry = body.entries[ix];
      if (entry.key == key || (entry.hash == hash && Equal(heap, entry.key, key))) {
        return static_cast<int64_t>(i);
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + perturb + 1) & mask;
  }
}

// Takes `body`'s table, leaving it empty; a defaultdict's factory and an
// OrderedDict's nodes stay.
DictBody TakeTable(DictBody& body) {
  DictBody old = std::move(body);
  body = DictBody();
  body.default_factory = std::exchange(old.default_factory, kNoObject);
  body.ordered = std::move(old.ordered);
  return old;
}

// dictresize: a new table of 2**log2 slots with the live entries compacted
// in order; the old keys block is released after the new one is made.
void Resize(Heap& heap, ObjectId dict, uint8_t log2, bool str_keys) {
  DictBody& body = heap.dict(dict);
  DictBody old = TakeTable(body);
  NewKeys(heap, body, log2, str_keys);
  body.values_block = 0;
  for (const DictEntry& entry : old.entries) {
    if (entry.key != kNoObject) body.entries.push_back(entry);
  }
  body.used = old.used;
  BuildIndices(body);
  body.usable -= static_cast<uint32_t>(body.entries.size());
  heap.FreeBuffer(old.values_block);
  ReleaseDictKeysBlock(heap, old);
  if (old.shared_keys != 0) heap.DecRefSharedKeys(old.shared_keys);
}

void InsertionResize(Heap& heap, ObjectId dict, bool str_keys) {
  const DictBody& body = heap.dict(dict);
  Resize(heap, dict, Log2ForMinSize(heap.profile(), uint64_t{body.used} * 3), str_keys);
}

void MaintainTracking(Heap& heap, ObjectId dict, ObjectId key, ObjectId value) {
  if (heap.IsTracked(dict)) return;
  if (MayBeTracked(heap, key) || MayBeTracked(heap, value)) heap.Track(dict);
}

// Removes the entry in `slot`; returns it (the caller owns its references).
DictEntry RemoveAt(Heap& heap, ObjectId dict, int64_t slot) {
  DictBody& body = heap.dict(dict);
  const int32_t ix = body.indices[slot];
  body.indices[slot] = DictBody::kDummySlot;
  DictEntry removed = body.entries[ix];
  body.entries[ix].key = kNoObject;
  body.entries[ix].value = kNoObject;
  --body.used;
  return removed;
}

Ref MakeDict(Heap& heap, bool from_free_list = true) {
  auto& free_list = heap.free_lists().dicts;
  ObjectId id;
  if (from_free_list && !free_list.empty()) {
    id = heap.NewObjectAt(TypeTag::kDict, free_list.back() + heap.HeaderBytes(TypeTag::kDict));
    free_list.pop_back();
  } else {
    id = heap.NewObject(TypeTag::kDict, kDictObjectRequest);
  }
  heap.AttachBody(id, DictBody{});
  return heap.Adopt(id);
}

// A copy of `source`'s keys object (same size and layout) for `dict`, in
// `keys_block`, with new references to every key and value.
void CloneKeys(Heap& heap, ObjectId dict, ObjectId source, uint64_t keys_block) {
  const DictBody& from = heap.dict(source);
  DictBody copy;
  copy.log2_size = from.log2_size;
  copy.str_keys_only = from.str_keys_only;
  copy.usable = from.usable;
  copy.indices = from.indices;
  copy.entries = from.entries;
  copy.used = from.used;
  copy.keys_request = from.keys_request;
  copy.keys_block = keys_block;
  copy.default_factory = heap.dict(dict).default_factory;
  for (const DictEntry& entry : copy.entries) {
    if (entry.key == kNoObject) continue;
    heap.IncRef(entry.key);
    heap.IncRef(entry.value);
  }
  heap.dict(dict) = std::move(copy);
}

}  // namespace

uint64_t KeysRequest(const Profile& profile, uint8_t log2, bool str_keys) {
  const uint64_t size = uint64_t{1} << log2;
  const uint64_t entry = profile.dict_str_keys_compact && str_keys ? 16 : 24;
  return profile.dict_keys_header + size * IndexBytes(log2) + UsableFraction(size) * entry;
}

Ref NewDict(Heap& heap) { return MakeDict(heap); }

Ref NewDictForConstructor(Heap& heap) {
  Ref dict = MakeDict(heap, false);
  if (heap.profile().dict_new_presized_8) NewKeys(heap, heap.dict(dict.get()), kMinLog2, true);
  return dict;
}

Ref NewDictOfSubtype(Heap& heap, uint64_t request, uint8_t subtype) {
  const ObjectId id = heap.NewObject(TypeTag::kDict, request);
  heap.set_subtype(id, subtype);
  heap.AttachBody(id, DictBody{});
  heap.Track(id);
  if (heap.profile().dict_new_presized_8) NewKeys(heap, heap.dict(id), kMinLog2, true);
  return heap.Adopt(id);
}

Ref NewDictPresized(Heap& heap, uint64_t n) {
  Ref dict = MakeDict(heap);
  if (n > UsableFraction(8)) {
    const Profile& profile = heap.profile();
    uint8_t log2;
    if (profile.dict_resize_minsize_quirk) {
      log2 = EstimateLog2(profile, n);
    } else {
      // _PyDict_NewPresized before 3.10 starts from 16 slots.
      log2 = 4;
      while ((uint64_t{1} << log2) < (n * 3 + 1) / 2) ++log2;
    }
    NewKeys(heap, heap.dict(dict.get()), log2, true);
  }
  return dict;
}

absl::StatusOr<ObjectId> DictLookup(const Heap& heap, ObjectId dict, ObjectId key) {
  absl::StatusOr<int64_t> hash = Hash(heap, key);
  if (!hash.ok()) return hash.status();
  const DictBody& body = heap.dict(dict);
  const int64_t slot = FindSlot(heap, body, key, *hash);
  if (slot < 0) return kNoObject;
  return body.entries[body.indices[slot]].value;
}

int64_t DictEntryOf(const Heap& heap, ObjectId dict, ObjectId key) {
  const DictBody& body = heap.dict(dict);
  if (body.shared_keys != 0) return -1;
  absl::StatusOr<int64_t> hash = Hash(heap, key);
  if (!hash.ok()) return -1;
  const int64_t slot = FindSlot(heap, body, key, *hash);
  return slot < 0 ? -1 : body.indices[slot];
}

bool DictReplaceIfKeyAt(Heap& heap, ObjectId dict, uint32_t entry, ObjectId key, ObjectId value) {
  if (DictValueIfKeyAt(heap, dict, entry, key) == kNoObject) return false;
  heap.IncRef(value);
  const ObjectId old = std::exchange(heap.dict(dict).entries[entry].value, value);
  MaintainTracking(heap, dict, key, value);
  heap.DecRef(old);
  return true;
}

namespace {

// Whether the profile's split tables hold keys only in the shared keys'
// order and allow no deletion (3.8-3.10), rather than keeping their own
// insertion order (3.11+: the values array's order bytes).
bool SplitTablesInSharedOrder(const Heap& heap) {
  return heap.profile().instance_storage == InstanceStorage::kSplitDict;
}

// Gives a split dict its own table of the same size, as popitem() does
// (and, 3.8-3.10, deleting or popping a key: their split tables allow no
// deletion). Before 3.11 the resize asks for the table's size in slots,
// rounded as every resize rounds; from 3.11 for the size itself.
void CombineForDeletion(Heap& heap, ObjectId dict) {
  const DictBody& body = heap.dict(dict);
  const uint8_t log2 = SplitTablesInSharedOrder(heap)
                           ? Log2ForMinSize(heap.profile(), uint64_t{1} << body.log2_size)
                           : body.log2_size;
  Resize(heap, dict, log2, /*str_keys=*/true);
}

// insertdict on a split table for a key the dict does not hold: the key
// goes into the shared keys (if new to them) and the value into the
// dict's values, the table staying split. Returns false, changing
// nothing, when CPython combines the table first: a key that is not an
// exact str, shared keys with no usable slot left for a new name, or
// (3.8-3.10) a key out of the shared keys' order.
bool InsertIntoSplitTable(Heap& heap, ObjectId dict, ObjectId key, ObjectId value) {
  if (!IsExactStr(heap, key)) return false;
  const DictBody& body = heap.dict(dict);
  const uint32_t shared = body.shared_keys;
  const uint64_t used = body.used;
  const bool in_order = SplitTablesInSharedOrder(heap);
  int64_t ix = SharedKeyIndex(heap, shared, key);
  if (ix < 0) {
    if (in_order && used != heap.shared_keys(shared).names.size()) return false;
    ix = AddSharedKey(heap, shared, key);
    if (ix < 0) return false;
  } else if (in_order && static_cast<uint64_t>(ix) != used) {
    return false;
  }
  SplitDictAppend(heap, dict, heap.shared_keys(shared).names[ix], value);
  return true;
}

// A split table's entries after a deletion (3.11+): the live ones in
// order, indexed afresh, as the values array's order bytes close up.
void CompactSplitTable(DictBody& body) {
  std::erase_if(body.entries, [](const DictEntry& entry) { return entry.key == kNoObject; });
  body.indices.assign(body.indices.size(), DictBody::kEmptySlot);
  BuildIndices(body);
}

}  // namespace

int64_t SharedKeyIndex(const Heap& heap, uint32_t shared_keys, ObjectId name) {
  if (shared_keys == 0) return -1;
  const std::vector<ObjectId>& names = heap.shared_keys(shared_keys).names;
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name || heap.str(names[i]).utf8 == heap.str(name).utf8) {
      return static_cast<int64_t>(i);
    }
  }
  return -1;
}

int64_t AddSharedKey(Heap& heap, uint32_t shared_keys, ObjectId name) {
  SharedKeysBody& keys = heap.shared_keys(shared_keys);
  if (keys.usable == 0) return -1;
  heap.IncRef(name);
  keys.names.push_back(name);
  --keys.usable;
  return static_cast<int64_t>(keys.names.size() - 1);
}

absl::Status DictSetItem(Heap& heap, ObjectId dict, ObjectId key, ObjectId value) {
  absl::StatusOr<int64_t> hash = Hash(heap, key);
  if (!hash.ok()) return hash.status();
  const Profile& profile = heap.profile();
  const bool str_key = IsExactStr(heap, key);
  {
    DictBody& body = heap.dict(dict);
    if (profile.dict_str_keys_compact && body.log2_size != 0 && body.str_keys_only && !str_key) {
      InsertionResize(heap, dict, /*str_keys=*/false);
    }
  }
  DictBody& body = heap.dict(dict);
  const int64_t slot = FindSlot(heap, body, key, *hash);
  if (slot < 0 && body.shared_keys != 0) {
    if (InsertIntoSplitTable(heap, dict, key, value)) return absl::OkStatus();
    DictUnshare(heap, dict);
    return DictSetItem(heap, dict, key, value);
  }
  if (slot >= 0) {
    DictEntry& entry = body.entries[body.indices[slot]];
    heap.IncRef(value);
    const ObjectId old = std::exchange(entry.value, value);
    MaintainTracking(heap, dict, key, value);
    heap.DecRef(old);
    return absl::OkStatus();
  }
  if (body.log2_size == 0) {
    NewKeys(heap, body, kMinLog2, str_key);
  } else if (body.usable == 0) {
    InsertionResize(heap, dict, body.str_keys_only && str_key);
  }
  heap.IncRef(key);
  heap.IncRef(value);
  DictBody& target = heap.dict(dict);
  target.indices[FindEmptySlot(target, *hash)] = static_cast<int32_t>(target.entries.size());
  target.entries.push_back(DictEntry{*hash, key, value});
  ++target.used;
  --target.usable;
  if (!str_key) target.str_keys_only = false;
  MaintainTracking(heap, dict, key, value);
  return absl::OkStatus();
}

absl::Status DictDelItem(Heap& heap, ObjectId dict, ObjectId key) {
  absl::StatusOr<int64_t> hash = Hash(heap, key);
  if (!hash.ok()) return hash.status();
  int64_t slot = FindSlot(heap, heap.dict(dict), key, *hash);
  if (slot < 0) return KeyErrorFor(heap, key);
  const bool split = heap.dict(dict).from_split_keys;
  if (split && SplitTablesInSharedOrder(heap)) {
    CombineForDeletion(heap, dict);
    slot = FindSlot(heap, heap.dict(dict), key, *hash);
  }
  const DictEntry removed = RemoveAt(heap, dict, slot);
  if (heap.dict(dict).from_split_keys) CompactSplitTable(heap.dict(dict));
  heap.DecRef(removed.key);
  heap.DecRef(removed.value);
  return absl::OkStatus();
}

absl::StatusOr<Ref> DictPop(Heap& heap, ObjectId dict, ObjectId key, ObjectId fallback) {
  auto missing = [&]() -> absl::StatusOr<Ref> {
    if (fallback != kNoObject) return heap.NewRef(fallback);
    return KeyErrorFor(heap, key);
  };
  // An empty dict answers before the key is hashed.
  if (heap.dict(dict).used == 0) return missing();
  absl::StatusOr<int64_t> hash = Hash(heap, key);
  if (!hash.ok()) return hash.status();
  int64_t slot = FindSlot(heap, heap.dict(dict), key, *hash);
  if (slot < 0) return missing();
  if (heap.dict(dict).from_split_keys && SplitTablesInSharedOrder(heap)) {
    CombineForDeletion(heap, dict);
    slot = FindSlot(heap, heap.dict(dict), key, *hash);
  }
  const DictEntry removed = RemoveAt(heap, dict, slot);
  if (heap.dict(dict).from_split_keys) CompactSplitTable(heap.dict(dict));
  heap.DecRef(removed.key);
  return heap.Adopt(removed.value);
}

absl::StatusOr<Ref> DictPopItem(Heap& heap, ObjectId dict) {
  // CPython makes the result tuple first, even for an empty dict (the tuple
  // then goes to its free list), then unshares a split table and takes the
  // last entry out.
  heap.IncRef(heap.none());
  heap.IncRef(heap.none());
  Ref pair = NewTuple(heap, {heap.none(), heap.none()});
  if (heap.dict(dict).used == 0) {
    return PyError(PyExc::kKeyError, "'popitem(): dictionary is empty'");
  }
  if (heap.dict(dict).from_split_keys) CombineForDeletion(heap, dict);
  DictBody& body = heap.dict(dict);
  int64_t ix = static_cast<int64_t>(body.entries.size()) - 1;
  while (body.entries[ix].key == kNoObject) --ix;
  const DictEntry entry = body.entries[ix];
  const int64_t slot = FindSlot(heap, body, entry.key, entry.hash);
  RemoveAt(heap, dict, slot);
  heap.dict(dict).entries.resize(ix);  // dk_nentries = i
  std::vector<ObjectId>& items = heap.tuple(pair.get()).items;
  items[0] = entry.key;
  items[1] = entry.value;
  heap.DecRef(heap.none());
  heap.DecRef(heap.none());
  return pair;
}

absl::StatusOr<Ref> DictSetDefault(Heap& heap, ObjectId dict, ObjectId key, ObjectId value) {
  absl::StatusOr<ObjectId> found = DictLookup(heap, dict, key);
  if (!found.ok()) return found.status();
  if (*found != kNoObject) return heap.NewRef(*found);
  if (absl::Status status = DictSetItem(heap, dict, key, value); !status.ok()) return status;
  return heap.NewRef(value);
}

void DictClear(Heap& heap, ObjectId dict) {
  ReleaseDictContents(heap, TakeTable(heap.dict(dict)));
}

Ref NewSplitDict(Heap& heap, uint32_t shared_keys, uint32_t capacity) {
  Ref dict = MakeDict(heap);
  DictBody& body = heap.dict(dict.get());
  const SharedKeysBody& keys = heap.shared_keys(shared_keys);
  body.log2_size = keys.log2_size;
  body.from_split_keys = true;
  body.shared_keys = shared_keys;
  body.values_capacity = capacity;
  body.indices.assign(uint64_t{1} << keys.log2_size, DictBody::kEmptySlot);
  body.values_block = heap.AllocateBuffer(uint64_t{capacity} * 8);
  heap.IncRefSharedKeys(shared_keys);
  return dict;
}

void SplitDictAppend(Heap& heap, ObjectId dict, ObjectId key, ObjectId value) {
  const int64_t hash = *Hash(heap, key);
  heap.IncRef(key);
  heap.IncRef(value);
  DictBody& body = heap.dict(dict);
  body.indices[FindEmptySlot(body, hash)] = static_cast<int32_t>(body.entries.size());
  body.entries.push_back(DictEntry{hash, key, value});
  ++body.used;
  MaintainTracking(heap, dict, key, value);
}

void DictUnshare(Heap& heap, ObjectId dict) {
  const DictBody& body = heap.dict(dict);
  if (!body.from_split_keys) return;
  InsertionResize(heap, dict, /*str_keys=*/true);
}

Ref DictCopy(Heap& heap, ObjectId dict) {
  const DictBody& body = heap.dict(dict);
  if (body.used == 0) return NewDict(heap);
  if (!body.from_split_keys && body.used >= (body.entries.size() * 2) / 3) {
    // clone_combined_dict: the keys block first, then the dict object.
    const uint64_t keys_block = heap.AllocateBuffer(body.keys_request);
    Ref copy = MakeDict(heap);
    CloneKeys(heap, copy.get(), dict, keys_block);
    if (heap.IsTracked(dict)) heap.Track(copy.get());
    return copy;
  }
  Ref copy = NewDict(heap);
  DictMerge(heap, copy.get(), dict).IgnoreError();
  return copy;
}

absl::Status DictMerge(Heap& heap, ObjectId dict, ObjectId other) {
  if (IsOrderedDict(heap, dict) || IsOrderedDict(heap, other)) {
    // An OrderedDict is merged through its keys() and its own __setitem__.
    return absl::UnimplementedError("merging a collections.OrderedDict as a dict");
  }
  if (dict == other) return absl::OkStatus();
  const DictBody& source = heap.dict(other);
  if (source.used == 0) return absl::OkStatus();
  const Profile& profile = heap.profile();
  const DictBody& target = heap.dict(dict);
  if (target.used == 0 && profile.dict_merge_clones_clean && !source.from_split_keys &&
      source.used == source.entries.size() &&
      (source.log2_size == kMinLog2 ||
       UsableFraction((uint64_t{1} << source.log2_size) / 2) < source.used)) {
    const uint64_t keys_block = heap.AllocateBuffer(source.keys_request);
    DictBody old = TakeTable(heap.dict(dict));
    CloneKeys(heap, dict, other, keys_block);
    heap.FreeBuffer(old.values_block);
    ReleaseDictKeysBlock(heap, old);
    if (heap.IsTracked(other) && !heap.IsTracked(dict)) heap.Track(dict);
    return absl::OkStatus();
  }
  const uint64_t target_size = target.log2_size == 0 ? 8 : uint64_t{1} << target.log2_size;
  if (UsableFraction(target_size) < source.used) {
    Resize(heap, dict, EstimateLog2(profile, uint64_t{target.used} + source.used),
           target.str_keys_only && source.str_keys_only);
  }
  for (const auto& [key, value] : DictItems(heap, other)) {
    if (absl::Status status = DictSetItem(heap, dict, key, value); !status.ok()) return status;
  }
  return absl::OkStatus();
}

std::vector<std::pair<ObjectId, ObjectId>> DictItems(const Heap& heap, ObjectId dict) {
  std::vector<std::pair<ObjectId, ObjectId>> items;
  const DictBody& body = heap.dict(dict);
  items.reserve(body.used);
  for (const DictEntry& entry : body.entries) {
    if (entry.key != kNoObject) items.emplace_back(entry.key, entry.value);
  }
  return items;
}

uint64_t DictSizeOf(const Heap& heap, ObjectId dict) {
  const DictBody& body = heap.dict(dict);
  if (body.from_split_keys) {
    // Counted from the shared keys as they are now, not the values array.
    const SharedKeysBody& keys = heap.shared_keys(body.shared_keys);
    const uint64_t slots =
        heap.profile().instance_storage == InstanceStorage::kSplitDict
            ? UsableFraction(uint64_t{1} << keys.log2_size)
            : keys.names.size() + keys.usable;
    // Keys no class shares any more (a deletion made it stop) count here.
    const uint64_t own_keys =
        keys.refcount == 1 ? KeysRequest(heap.profile(), keys.log2_size, true) : 0;
    return kDictObjectRequest + 8 * slots + own_keys;
  }
  uint64_t size = kDictObjectRequest;
  if (body.log2_size != 0) size += body.keys_request;
  return size;
}

}  // namespace heapsim
