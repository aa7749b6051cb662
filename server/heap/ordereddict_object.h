// collections.OrderedDict objects (Objects/odictobject.c): dicts (TypeTag
// kDict, as PyDict_Check admits them) marked by their subtype, whose own
// 128-byte block adds od_first/od_last, od_fast_nodes and friends. Besides
// the dict's table an OrderedDict keeps a doubly linked list of 32-byte
// PyMem nodes, one per key (each holding a reference to its key), and
// od_fast_nodes, a PyMem array of one pointer per slot of the keys table,
// made again lazily (new array first, then the old one freed) the first
// time a node is looked up after the keys table changed.
//
// Functions take borrowed references and add their own. Errors are
// CPython's and leave the OrderedDict consistent.

#ifndef HEAPSIM_SERVER_HEAP_ORDEREDDICT_OBJECT_H_
#define HEAPSIM_SERVER_HEAP_ORDEREDDICT_OBJECT_H_

#include <cstdint>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "server/heap/dict_object.h"
#include "server/heap/heap.h"

namespace heapsim {

// Object::subtype of a dict that is a collections.OrderedDict.
inline constexpr uint8_t kOrderedDictSubtype = 2;

// An OrderedDict's own block: PyODictObject (the dict and eight more
// words) and its GC header.
inline constexpr uint64_t kOrderedDictObjectRequest = kDictObjectRequest + 64;

// True when `id` is a collections.OrderedDict.
inline bool IsOrderedDict(const Heap& heap, ObjectId id) {
  return heap.type_of(id) == TypeTag::kDict && heap.object(id).subtype == kOrderedDictSubtype;
}

// True when `id` is an exact dict (not a defaultdict, an OrderedDict or a
// Counter).
inline bool IsExactDict(const Heap& heap, ObjectId id) {
  return heap.type_of(id) == TypeTag::kDict && heap.object(id).subtype == 0;
}

// PyODict_New (dict_new for the subclass): an empty OrderedDict, no nodes
// and no od_fast_nodes array yet.
Ref NewOrderedDict(Heap& heap);

// od[key] = value (PyODict_SetItem): the dict's store, then a node for a
// new key at the end.
absl::Status OrderedDictSetItem(Heap& heap, ObjectId od, ObjectId key, ObjectId value);

// del od[key] (PyODict_DelItem): the node freed, then the dict's delete
// (KeyError when missing).
absl::Status OrderedDictDelItem(Heap& heap, ObjectId od, ObjectId key);

// od.pop(key[, fallback]): the removed value, else `fallback` (when not
// kNoObject), else KeyError.
absl::StatusOr<Ref> OrderedDictPop(Heap& heap, ObjectId od, ObjectId key, ObjectId fallback);

// od.popitem(last): the (key, value) pair at the end (`last`) or at the
// front, as a new tuple; KeyError "dictionary is empty".
absl::StatusOr<Ref> OrderedDictPopItem(Heap& heap, ObjectId od, bool last);

// od.move_to_end(key, last): KeyError when `key` is missing.
absl::Status OrderedDictMoveToEnd(Heap& heap, ObjectId od, ObjectId key, bool last);

// od.clear() and odict_tp_clear: the dict cleared, then the nodes.
void OrderedDictClear(Heap& heap, ObjectId od);

// _odict_clear_nodes: frees od_fast_nodes, then each node (its key dropped
// first), first to last. For odict_dealloc and clear().
void ReleaseOrderedDictNodes(Heap& heap, ObjectId od);

// The keys in the linked list's order, borrowed (odict_traverse visits
// them before the dict's own referents).
std::vector<ObjectId> OrderedDictKeys(const Heap& heap, ObjectId od);

// iter(od) (odictiter_new): an 80-byte odict_iterator holding `od`, its
// first key and (Profile::ordereddict_keys_iterator_has_result) a
// (None, None) tuple, with od_state and the size to notice changes.
Ref NewOrderedDictIterator(Heap& heap, ObjectId od);

// next() of an odict_iterator (odictiter_nextkey): the next key; null at
// the end (the OrderedDict let go of) or with the error in `error`:
// RuntimeError "OrderedDict mutated during iteration" when the list
// changed, "changed size" when only the size did, KeyError when the
// current key has gone.
Ref OrderedDictIteratorNext(Heap& heap, ObjectId iterator, absl::Status* error);

// sys.getsizeof(od) beyond the dict's own figure: od_fast_nodes and the
// nodes (odict_sizeof).
uint64_t OrderedDictExtraSize(const Heap& heap, ObjectId od);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_ORDEREDDICT_OBJECT_H_
