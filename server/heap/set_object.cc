#include "server/heap/set_object.h"

#include <utility>

#include "server/heap/py_error.h"
#include "server/heap/value_ops.h"

namespace heapsim {

namespace {

constexpr uint64_t kSetObjectRequest = 216;  // PySetObject + GC header
constexpr uint64_t kMinSize = 8;
constexpr uint64_t kEntryBytes = 16;
constexpr uint64_t kLinearProbes = 9;
constexpr int kPerturbShift = 5;
constexpr ObjectId kDummy = SetBody::kDummyKey;

bool IsActive(const SetEntry& entry) { return entry.key != kNoObject && entry.key != kDummy; }

void InsertClean(std::vector<SetEntry>& table, ObjectId key, int64_t hash) {
  const uint64_t mask = table.size() - 1;
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = perturb & mask;
  while (true) {
    if (table[i].key == kNoObject) {
      table[i] = SetEntry{hash, key};
      return;
    }
    if (i + kLinearProbes <= mask) {
      for (uint64_t j = 1; j <= kLinearProbes; ++j) {
        if (table[i + j].key == kNoObject) {
          table[i + j] = SetEntry{hash, key};
          return;
        }
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// set_table_resize: a table of the smallest power of two above `minused`;
// live keys are reinserted in old table order, dummies dropped.
void TableResize(Heap& heap, ObjectId set, uint64_t minused) {
  uint64_t size = kMinSize;
  while (size <= minused) size <<= 1;
  SetBody& body = heap.set(set);
  if (size == kMinSize && body.table_block == 0 && body.fill == body.used) return;
  std::vector<SetEntry> old = std::move(body.table);
  const uint64_t old_block = body.table_block;
  body.table.assign(size, SetEntry{});
  body.table_block = size == kMinSize ? 0 : heap.AllocateBuffer(size * kEntryBytes);
  SetBody& resized = heap.set(set);
  resized.fill = resized.used;
  for (const SetEntry& entry : old) {
    if (IsActive(entry)) InsertClean(resized.table, entry.key, entry.hash);
  }
  heap.FreeBuffer(old_block);
}

// Where `key` is (index), or -1.
int64_t Find(const Heap& heap, const SetBody& body, ObjectId key, int64_t hash) {
  const uint64_t mask = body.table.size() - 1;
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = perturb & mask;
  while (true) {
    uint64_t probes = i + kLinearProbes <= mask ? kLinearProbes : 0;
    uint64_t j = i;
    while (true) {
      const SetEntry& entry = body.table[j];
      if (entry.key == kNoObject) return -1;
      if (entry.key != kDummy && entry.hash == hash &&
          (entry.key == key || Equal(heap, entry.key, key))) {
        return static_cast<int64_t>(j);
      }
      if (probes-- == 0) break;
      ++j;
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// set_add_entry with a known hash; takes a new reference when it stores.
void AddEntry(Heap& heap, ObjectId set, ObjectId key, int64_t hash) {
  SetBody& body = heap.set(set);
  const uint64_t mask = body.table.size() - 1;
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = perturb & mask;
  int64_t free_slot = -1;
  while (true) {
    uint64_t probes = i + kLinearProbes <= mask ? kLinearProbes : 0;
    uint64_t j = i;
    while (true) {
      SetEntry& entry = body.table[j];
      if (entry.key == kNoObject) {
        heap.IncRef(key);
        if (free_slot >= 0) {
          body.table[free_slot] = SetEntry{hash, key};
          ++body.used;
          return;
        }
        entry = SetEntry{hash, key};
        ++body.fill;
        ++body.used;
        if (body.fill * 5 >= mask * 3) {
          TableResize(heap, set, body.used > 50000 ? uint64_t{body.used} * 2 : uint64_t{body.used} * 4);
        }
        return;
      }
      if (entry.key == kDummy) {
        if (free_slot < 0) free_slot = static_cast<int64_t>(j);
      } else if (entry.hash == hash && (entry.key == key || Equal(heap, entry.key, key))) {
        return;  // already present
      }
      if (probes-- == 0) break;
      ++j;
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

Ref MakeSet(Heap& heap, bool frozen) {
  const ObjectId id = heap.NewObject(frozen ? TypeTag::kFrozenSet : TypeTag::kSet,
                                     kSetObjectRequest);
  SetBody body;
  body.table.assign(kMinSize, SetEntry{});
  heap.AttachBody(id, std::move(body));
  heap.Track(id);
  return heap.Adopt(id);
}

}  // namespace

Ref NewSet(Heap& heap, bool frozen) { return MakeSet(heap, frozen); }

absl::Status SetAdd(Heap& heap, ObjectId set, ObjectId key) {
  absl::StatusOr<int64_t> hash = Hash(heap, key);
  if (!hash.ok()) return hash.status();
  AddEntry(heap, set, key, *hash);
  return absl::OkStatus();
}

absl::StatusOr<bool> SetContains(const Heap& heap, ObjectId set, ObjectId key) {
  absl::StatusOr<int64_t> hash = Hash(heap, key);
  if (!hash.ok()) return hash.status();
  return Find(heap, heap.set(set), key, *hash) >= 0;
}

absl::StatusOr<bool> SetDiscard(Heap& heap, ObjectId set, ObjectId key) {
  absl::StatusOr<int64_t> hash = Hash(heap, key);
  if (!hash.ok()) return hash.status();
  SetBody& body = heap.set(set);
  const int64_t index = Find(heap, body, key, *hash);
  if (index < 0) return false;
  const ObjectId old = body.table[index].key;
  body.table[index] = SetEntry{-1, kDummy};
  --body.used;
  heap.DecRef(old);
  return true;
}

absl::Status SetRemove(Heap& heap, ObjectId set, ObjectId key) {
  absl::StatusOr<bool> found = SetDiscard(heap, set, key);
  if (!found.ok()) return found.status();
  if (!*found) return KeyErrorFor(heap, key);
  return absl::OkStatus();
}

absl::StatusOr<Ref> SetPop(Heap& heap, ObjectId set) {
  SetBody& body = heap.set(set);
  if (body.used == 0) return PyError(PyExc::kKeyError, "'pop from an empty set'");
  const uint64_t mask = body.table.size() - 1;
  uint64_t i = body.finger & mask;
  while (!IsActive(body.table[i])) i = (i + 1) & mask;
  const ObjectId key = body.table[i].key;
  body.table[i] = SetEntry{-1, kDummy};
  --body.used;
  body.finger = static_cast<uint32_t>(i + 1);
  return heap.Adopt(key);
}

void SetClear(Heap& heap, ObjectId set) {
  SetBody& body = heap.set(set);
  if (body.fill == 0 && body.table_block == 0) return;
  std::vector<SetEntry> old = std::move(body.table);
  const uint64_t old_block = std::exchange(body.table_block, 0);
  body.table.assign(kMinSize, SetEntry{});
  body.fill = body.used = 0;
  for (const SetEntry& entry : old) {
    if (IsActive(entry)) heap.DecRef(entry.key);
  }
  heap.FreeBuffer(old_block);
}

absl::Status SetMerge(Heap& heap, ObjectId set, ObjectId other) {
  if (set == other) return absl::OkStatus();
  const SetBody& source = heap.set(other);
  if (source.used == 0) return absl::OkStatus();
  {
    const SetBody& body = heap.set(set);
    const uint64_t mask = body.table.size() - 1;
    if ((uint64_t{body.fill} + source.used) * 5 >= mask * 3) {
      TableResize(heap, set, (uint64_t{body.used} + source.used) * 2);
    }
  }
  SetBody& body = heap.set(set);
  const SetBody& from = heap.set(other);
  if (body.fill == 0 && body.table.size() == from.table.size() && from.fill == from.used) {
    // Same size, no dummies: copy slot for slot.
    for (size_t i = 0; i < from.table.size(); ++i) {
      if (from.table[i].key != kNoObject) {
        heap.IncRef(from.table[i].key);
        body.table[i] = from.table[i];
      }
    }
    body.fill = body.used = from.used;
    return absl::OkStatus();
  }
  if (body.fill == 0) {
    body.fill = body.used = from.used;
    for (const SetEntry& entry : from.table) {
      if (!IsActive(entry)) continue;
      heap.IncRef(entry.key);
      InsertClean(body.table, entry.key, entry.hash);
    }
    return absl::OkStatus();
  }
  for (const SetEntry& entry : std::vector<SetEntry>(from.table)) {
    if (IsActive(entry)) AddEntry(heap, set, entry.key, entry.hash);
  }
  return absl::OkStatus();
}

absl::Status SetUpdateFromDict(Heap& heap, ObjectId set, ObjectId dict) {
  std::vector<std::pair<ObjectId, int64_t>> keys;
  for (const DictEntry& entry : heap.dict(dict).entries) {
    if (entry.key != kNoObject) keys.emplace_back(entry.key, entry.hash);
  }
  const SetBody& body = heap.set(set);
  const uint64_t mask = body.table.size() - 1;
  if ((uint64_t{body.fill} + keys.size()) * 5 >= mask * 3) {
    TableResize(heap, set, (uint64_t{body.used} + keys.size()) * 2);
  }
  for (const auto& [key, hash] : keys) AddEntry(heap, set, key, hash);
  return absl::OkStatus();
}

absl::Status SetUpdateFromItems(Heap& heap, ObjectId set, const std::vector<ObjectId>& items) {
  // Hash everything first so that an unhashable item changes nothing.
  std::vector<int64_t> hashes;
  hashes.reserve(items.size());
  for (ObjectId item : items) {
    absl::StatusOr<int64_t> hash = Hash(heap, item);
    if (!hash.ok()) return hash.status();
    hashes.push_back(*hash);
  }
  for (size_t i = 0; i < items.size(); ++i) AddEntry(heap, set, items[i], hashes[i]);
  return absl::OkStatus();
}

Ref SetCopy(Heap& heap, ObjectId set, bool frozen) {
  Ref copy = MakeSet(heap, frozen);
  SetMerge(heap, copy.get(), set).IgnoreError();
  return copy;
}

absl::StatusOr<Ref> SetIntersection(Heap& heap, ObjectId set, ObjectId other) {
  const bool frozen = heap.type_of(set) == TypeTag::kFrozenSet;
  if (set == other) return SetCopy(heap, set, frozen);
  Ref result = MakeSet(heap, frozen);
  ObjectId big = set;
  ObjectId small = other;
  if (heap.set(other).used > heap.set(set).used) std::swap(big, small);
  for (const SetEntry& entry : std::vector<SetEntry>(heap.set(small).table)) {
    if (IsActive(entry) && Find(heap, heap.set(big), entry.key, entry.hash) >= 0) {
      AddEntry(heap, result.get(), entry.key, entry.hash);
    }
  }
  return result;
}

absl::StatusOr<Ref> SetDifference(Heap& heap, ObjectId set, ObjectId other) {
  const bool frozen = heap.type_of(set) == TypeTag::kFrozenSet;
  if ((heap.set(set).used >> 2) > heap.set(other).used) {
    Ref result = SetCopy(heap, set, frozen);
    for (const SetEntry& entry : std::vector<SetEntry>(heap.set(other).table)) {
      if (IsActive(entry)) SetDiscard(heap, result.get(), entry.key).IgnoreError();
    }
    return result;
  }
  Ref result = MakeSet(heap, frozen);
  for (const SetEntry& entry : std::vector<SetEntry>(heap.set(set).table)) {
    if (IsActive(entry) && Find(heap, heap.set(other), entry.key, entry.hash) < 0) {
      AddEntry(heap, result.get(), entry.key, entry.hash);
    }
  }
  return result;
}

namespace {

// Discards each key found, adds each key missing.
void ToggleKeys(Heap& heap, ObjectId set, const std::vector<SetEntry>& keys) {
  for (const SetEntry& entry : keys) {
    const int64_t at = Find(heap, heap.set(set), entry.key, entry.hash);
    if (at < 0) {
      AddEntry(heap, set, entry.key, entry.hash);
      continue;
    }
    SetBody& body = heap.set(set);
    const ObjectId old = body.table[at].key;
    body.table[at].key = kDummy;
    --body.used;
    heap.DecRef(old);
  }
}

}  // namespace

void SetPurgeDummies(Heap& heap, ObjectId set) {
  const SetBody& body = heap.set(set);
  if (body.fill - body.used <= (body.table.size() - 1) / 4) return;
  TableResize(heap, set, body.used > 50000 ? uint64_t{body.used} * 2 : uint64_t{body.used} * 4);
}

absl::Status SetSymmetricDifferenceUpdate(Heap& heap, ObjectId set, ObjectId other) {
  if (set == other) {
    SetClear(heap, set);
    return absl::OkStatus();
  }
  std::vector<SetEntry> keys;
  for (const SetEntry& entry : heap.set(other).table) {
    if (IsActive(entry)) keys.push_back(entry);
  }
  ToggleKeys(heap, set, keys);
  return absl::OkStatus();
}

absl::Status SetSymmetricDifferenceUpdateFromDict(Heap& heap, ObjectId set, ObjectId dict) {
  std::vector<SetEntry> keys;
  for (const DictEntry& entry : heap.dict(dict).entries) {
    if (entry.key != kNoObject) keys.push_back(SetEntry{entry.hash, entry.key});
  }
  ToggleKeys(heap, set, keys);
  return absl::OkStatus();
}

void SetSwapBodies(Heap& heap, ObjectId a, ObjectId b) {
  SetBody& first = heap.set(a);
  SetBody& second = heap.set(b);
  std::swap(first.table, second.table);
  std::swap(first.fill, second.fill);
  std::swap(first.used, second.used);
  std::swap(first.table_block, second.table_block);
  std::swap(first.hash, second.hash);
}

std::vector<ObjectId> SetKeys(const Heap& heap, ObjectId set) {
  std::vector<ObjectId> keys;
  for (const SetEntry& entry : heap.set(set).table) {
    if (IsActive(entry)) keys.push_back(entry.key);
  }
  return keys;
}

uint64_t SetSizeOf(const Heap& heap, ObjectId set) {
  const SetBody& body = heap.set(set);
  return kSetObjectRequest + (body.table_block != 0 ? body.table.size() * kEntryBytes : 0);
}

absl::Status SetDifferenceUpdate(Heap& heap, ObjectId set, ObjectId other) {
  if (set == other) {
    SetClear(heap, set);
    return absl::OkStatus();
  }
  Ref removed = heap.NewRef(other);
  if (heap.profile().set_difference_intersects_larger &&
      (heap.set(other).used >> 3) > heap.set(set).used) {
    absl::StatusOr<Ref> common = SetIntersection(heap, set, other);
    if (!common.ok()) return common.status();
    removed = *std::move(common);
  }
  for (ObjectId key : SetKeys(heap, removed.get())) {
    if (absl::StatusOr<bool> s = SetDiscard(heap, set, key); !s.ok()) return s.status();
  }
  removed.Reset();
  SetPurgeDummies(heap, set);
  return absl::OkStatus();
}

}  // namespace heapsim
