// dict objects in CPython's compact layout: a fixed 64-byte object (from a
// free list of 80) and a separate keys object holding the hash index and
// the entries in insertion order. {} shares a static empty keys object;
// the first insertion gives it an 8-slot table. A table grows (to hold
// 3 * used) when its usable entries run out; deleting never shrinks it,
// clear() drops it. From 3.11 a table of only str keys uses 16-byte
// entries until a key of another type arrives.
//
// Dicts are created untracked by the GC and become tracked when a value or
// key that could be part of a cycle is stored.
//
// Functions take borrowed references and add their own. Errors are CPython's
// (TypeError: unhashable type: 'list'; KeyError: 'city') and change nothing.

#ifndef HEAPSIM_SERVER_HEAP_DICT_OBJECT_H_
#define HEAPSIM_SERVER_HEAP_DICT_OBJECT_H_

#include <cstdint>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "server/heap/heap.h"

namespace heapsim {

// {} or PyDict_New(): an empty dict on the shared empty keys.
// A dict object's own block: PyDictObject and its GC header.
inline constexpr uint64_t kDictObjectRequest = 64;

// Makes tracemalloc's figures inexact (while tracing) when an 8-slot keys
// table is taken from or given back to a dict-keys free list whose length
// is unknown (Heap::FreeLists::dict_keys_unknown).
void NoteUnknownDictKeys(Heap& heap);

// new_keys_object's block for a keys table of 2**log2 slots: an 8-slot one
// from the dict-keys free list while that holds one (str-keyed ones only,
// where the profile says so), else a new block of `request` bytes.
uint64_t AllocateKeysBlock(Heap& heap, uint8_t log2, bool str_keys, uint64_t request);

Ref NewDict(Heap& heap);

// The bytes of a keys table of 2**log2 slots (PyDictKeysObject with its
// indices and entries), with str-only entries when `str_keys`.
uint64_t KeysRequest(const Profile& profile, uint8_t log2, bool str_keys);

// dict(): like NewDict, except that 3.8 gives it an 8-slot table at once.
Ref NewDictForConstructor(Heap& heap);

// dict_new for a C subclass of dict: an object of `request` bytes marked
// with `subtype`, allocated outside the free list and GC-tracked at once
// (PyType_GenericAlloc), with dict()'s table (Profile::dict_new_presized_8).
Ref NewDictOfSubtype(Heap& heap, uint64_t request, uint8_t subtype);

// A dict sized for `n` insertions (BUILD_MAP n, _PyDict_NewPresized): the
// empty keys for n <= 5, else a table that holds n.
Ref NewDictPresized(Heap& heap, uint64_t n);

// d[key], borrowed: kNoObject when missing; TypeError when unhashable.
absl::StatusOr<ObjectId> DictLookup(const Heap& heap, ObjectId dict, ObjectId key);

// Entry-index caches (the interpreter's global-name caches). The entry that
// holds `key` in a combined table, or -1.
int64_t DictEntryOf(const Heap& heap, ObjectId dict, ObjectId key);
// The value of entry `entry` if it holds exactly the object `key` (a cache
// hit), else kNoObject.
inline ObjectId DictValueIfKeyAt(const Heap& heap, ObjectId dict, uint32_t entry, ObjectId key) {
  const DictBody& body = heap.dict(dict);
  if (entry >= body.entries.size() || body.entries[entry].key != key || body.shared_keys != 0) {
    return kNoObject;
  }
  return body.entries[entry].value;
}
// d[key] = value through a cache hit: as DictSetItem for an existing key.
// Returns false (nothing done) when entry `entry` does not hold `key`.
bool DictReplaceIfKeyAt(Heap& heap, ObjectId dict, uint32_t entry, ObjectId key, ObjectId value);

// d[key] = value.
absl::Status DictSetItem(Heap& heap, ObjectId dict, ObjectId key, ObjectId value);

// del d[key].
absl::Status DictDelItem(Heap& heap, ObjectId dict, ObjectId key);

// d.pop(key[, fallback]): the removed value, or `fallback` (when not
// kNoObject) if the key is missing, else KeyError.
absl::StatusOr<Ref> DictPop(Heap& heap, ObjectId dict, ObjectId key, ObjectId fallback);

// d.popitem(): the last (key, value) pair as a new tuple.
absl::StatusOr<Ref> DictPopItem(Heap& heap, ObjectId dict);

// d.setdefault(key, value): the value now stored under `key`.
absl::StatusOr<Ref> DictSetDefault(Heap& heap, ObjectId dict, ObjectId key, ObjectId value);

// d.clear().
void DictClear(Heap& heap, ObjectId dict);

// d.copy().
Ref DictCopy(Heap& heap, ObjectId dict);

// d.update(other) for a dict `other`, presizing as dict_merge does.
absl::Status DictMerge(Heap& heap, ObjectId dict, ObjectId other);

// The live (key, value) pairs in insertion order, borrowed.
std::vector<std::pair<ObjectId, ObjectId>> DictItems(const Heap& heap, ObjectId dict);

// A split dict over the shared keys `shared_keys` (an instance's __dict__,
// 3.8 to 3.10) with a values array of `capacity` slots; takes a reference
// on the keys. Its entries follow the shared keys' order.
Ref NewSplitDict(Heap& heap, uint32_t shared_keys, uint32_t capacity);

// The position of `name` among the shared keys `shared_keys` (0 for none),
// or -1.
int64_t SharedKeyIndex(const Heap& heap, uint32_t shared_keys, ObjectId name);

// Adds `name` to the shared keys if they have a usable slot left; returns
// its position, or -1 when they are full.
int64_t AddSharedKey(Heap& heap, uint32_t shared_keys, ObjectId name);

// Appends the value of the next shared key to a split dict.
// REQUIRES: `key` is shared name number Length(dict).
void SplitDictAppend(Heap& heap, ObjectId dict, ObjectId key, ObjectId value);

// Turns a split dict into an ordinary one with its own keys table (what
// CPython's insertion_resize does to a split table); no-op otherwise.
void DictUnshare(Heap& heap, ObjectId dict);

// sys.getsizeof of a dict.
uint64_t DictSizeOf(const Heap& heap, ObjectId dict);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_DICT_OBJECT_H_
