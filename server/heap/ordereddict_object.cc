#include "server/heap/ordereddict_object.h"

#include <iterator>
#include <list>
#include <memory>
#include <optional>
#include <utility>

#include "server/heap/iterator_object.h"
#include "server/heap/py_error.h"
#include "server/heap/tuple_object.h"
#include "server/heap/value_ops.h"

namespace heapsim {

namespace {

// A node is a _ODictNode: key, hash, next, prev.
constexpr uint64_t kNodeBytes = 32;

using NodeIt = std::list<OrderedDictNode>::iterator;

OrderedDictLinks& Links(Heap& heap, ObjectId od) { return *heap.dict(od).ordered; }

// _odict_get_index's check: od_fast_nodes made again (the new array first,
// then the old one freed) when the keys table is not the one it mirrors.
void SyncFastNodes(Heap& heap, ObjectId od) {
  const DictBody& body = heap.dict(od);
  OrderedDictLinks& links = *body.ordered;
  const uint64_t size = uint64_t{1} << body.log2_size;
  if (links.sentinel_set && links.resize_sentinel == body.keys_block &&
      links.fast_nodes_size == size) {
    return;
  }
  const uint64_t block = heap.AllocateBuffer(8 * size);
  if (links.fast_nodes_block != 0) heap.FreeBuffer(links.fast_nodes_block);
  links.fast_nodes_block = block;
  links.fast_nodes_size = size;
  links.resize_sentinel = body.keys_block;
  links.sentinel_set = true;
}

// _odict_find_node_hash: the node of `key` (whose hash is known to work),
// or nullopt; an empty OrderedDict looks nothing up.
std::optional<NodeIt> FindNode(Heap& heap, ObjectId od, ObjectId key) {
  OrderedDictLinks& links = Links(heap, od);
  if (links.nodes.empty()) return std::nullopt;
  SyncFastNodes(heap, od);
  const int64_t entry = DictEntryOf(heap, od, key);
  if (entry < 0) return std::nullopt;
  auto found = links.node_of_key.find(heap.dict(od).entries[entry].key);
  if (found == links.node_of_key.end()) return std::nullopt;
  return found->second;
}

// _odict_add_new_node: a node for `key` at the end unless it has one.
void AddNewNode(Heap& heap, ObjectId od, ObjectId key) {
  SyncFastNodes(heap, od);
  OrderedDictLinks& links = Links(heap, od);
  const int64_t entry = DictEntryOf(heap, od, key);
  if (entry >= 0 && links.node_of_key.contains(heap.dict(od).entries[entry].key)) return;
  heap.IncRef(key);
  const uint64_t block = heap.AllocateBuffer(kNodeBytes);
  links.nodes.push_back(OrderedDictNode{key, block});
  links.node_of_key[key] = std::prev(links.nodes.end());
  ++links.state;
}

// _odict_clear_node: unlinks the node, drops its key, frees it.
void RemoveNode(Heap& heap, ObjectId od, NodeIt node) {
  OrderedDictLinks& links = Links(heap, od);
  const OrderedDictNode removed = *node;
  links.node_of_key.erase(removed.key);
  links.nodes.erase(node);
  ++links.state;
  heap.DecRef(removed.key);
  heap.FreeBuffer(removed.block);
}

}  // namespace

Ref NewOrderedDict(Heap& heap) {
  Ref od = NewDictOfSubtype(heap, kOrderedDictObjectRequest, kOrderedDictSubtype);
  heap.dict(od.get()).ordered.MakeEmpty();
  return od;
}

absl::Status OrderedDictSetItem(Heap& heap, ObjectId od, ObjectId key, ObjectId value) {
  if (absl::Status stored = DictSetItem(heap, od, key, value); !stored.ok()) return stored;
  AddNewNode(heap, od, key);
  return absl::OkStatus();
}

absl::Status OrderedDictDelItem(Heap& heap, ObjectId od, ObjectId key) {
  if (absl::StatusOr<int64_t> hash = Hash(heap, key); !hash.ok()) return hash.status();
  if (std::optional<NodeIt> node = FindNode(heap, od, key)) RemoveNode(heap, od, *node);
  return DictDelItem(heap, od, key);
}

absl::StatusOr<Ref> OrderedDictPop(Heap& heap, ObjectId od, ObjectId key, ObjectId fallback) {
  if (absl::StatusOr<int64_t> hash = Hash(heap, key); !hash.ok()) return hash.status();
  if (std::optional<NodeIt> node = FindNode(heap, od, key)) {
    RemoveNode(heap, od, *node);
    absl::StatusOr<ObjectId> value = DictLookup(heap, od, key);
    if (value.ok() && *value != kNoObject) {
      Ref held = heap.NewRef(*value);
      if (absl::Status deleted = DictDelItem(heap, od, key); !deleted.ok()) return deleted;
      return held;
    }
  }
  if (fallback != kNoObject) return heap.NewRef(fallback);
  return KeyErrorFor(heap, key);
}

absl::StatusOr<Ref> OrderedDictPopItem(Heap& heap, ObjectId od, bool last) {
  OrderedDictLinks& links = Links(heap, od);
  if (links.nodes.empty()) return PyError(PyExc::kKeyError, "dictionary is empty");
  Ref key = heap.NewRef(last ? links.nodes.back().key : links.nodes.front().key);
  absl::StatusOr<Ref> value = OrderedDictPop(heap, od, key.get(), kNoObject);
  if (!value.ok()) return value.status();
  Ref item = NewTupleOf(heap, {key.get(), value->get()});
  key.Reset();
  value->Reset();
  return item;
}

absl::Status OrderedDictMoveToEnd(Heap& heap, ObjectId od, ObjectId key, bool last) {
  OrderedDictLinks& links = Links(heap, od);
  if (links.nodes.empty()) return KeyErrorFor(heap, key);
  if ((last ? links.nodes.back().key : links.nodes.front().key) == key) return absl::OkStatus();
  if (absl::StatusOr<int64_t> hash = Hash(heap, key); !hash.ok()) return hash.status();
  std::optional<NodeIt> node = FindNode(heap, od, key);
  if (!node) return KeyErrorFor(heap, key);
  links.nodes.splice(last ? links.nodes.end() : links.nodes.begin(), links.nodes, *node);
  links.state += 2;  // _odict_remove_node, then _odict_add_tail or _odict_add_head
  return absl::OkStatus();
}

void OrderedDictClear(Heap& heap, ObjectId od) {
  DictClear(heap, od);
  ReleaseOrderedDictNodes(heap, od);
  if (heap.profile().ordereddict_clear_changes_state) ++Links(heap, od).state;
}

void ReleaseOrderedDictNodes(Heap& heap, ObjectId od) {
  OrderedDictLinks& links = Links(heap, od);
  if (links.fast_nodes_block != 0) heap.FreeBuffer(links.fast_nodes_block);
  links.fast_nodes_block = 0;
  links.fast_nodes_size = 0;
  links.sentinel_set = false;
  std::list<OrderedDictNode> nodes = std::move(links.nodes);
  links.nodes.clear();
  links.node_of_key.clear();
  for (const OrderedDictNode& node : nodes) {
    heap.DecRef(node.key);
    heap.FreeBuffer(node.block);
  }
}

std::vector<ObjectId> OrderedDictKeys(const Heap& heap, ObjectId od) {
  std::vector<ObjectId> keys;
  for (const OrderedDictNode& node : heap.dict(od).ordered->nodes) keys.push_back(node.key);
  return keys;
}

Ref NewOrderedDictIterator(Heap& heap, ObjectId od) {
  Ref iterator = NewIterator(heap, IterKind::kOrderedDictKeys, od);
  if (heap.profile().ordereddict_keys_iterator_has_result) {
    heap.IncRef(heap.none());
    heap.IncRef(heap.none());
    heap.iterator(iterator.get()).extra = NewTuple(heap, {heap.none(), heap.none()}).release();
  }
  const OrderedDictLinks& links = Links(heap, od);
  const ObjectId first = links.nodes.empty() ? kNoObject : links.nodes.front().key;
  if (first != kNoObject) heap.IncRef(first);
  IteratorBody& made = heap.iterator(iterator.get());
  made.held = {first};
  made.index = heap.dict(od).used;
  made.end = static_cast<int64_t>(links.state);
  return iterator;
}

Ref OrderedDictIteratorNext(Heap& heap, ObjectId iterator, absl::Status* error) {
  IteratorBody& body = heap.iterator(iterator);
  const ObjectId od = body.source;
  if (od == kNoObject) return Ref();
  const ObjectId current = body.held[0];
  // Done, or the list changed: the OrderedDict is let go of.
  auto release_od = [&heap, iterator]() {
    const ObjectId held = std::exchange(heap.iterator(iterator).source, kNoObject);
    if (held != kNoObject) heap.DecRef(held);
  };
  if (current == kNoObject) {
    release_od();
    return Ref();
  }
  if (static_cast<int64_t>(Links(heap, od).state) != body.end) {
    *error = PyError(PyExc::kRuntimeError, "OrderedDict mutated during iteration");
    release_od();
    return Ref();
  }
  if (body.index != static_cast<int64_t>(heap.dict(od).used)) {
    *error = PyError(PyExc::kRuntimeError, "OrderedDict changed size during iteration");
    body.index = -1;  // sticky
    return Ref();
  }
  std::optional<NodeIt> node;
  if (absl::StatusOr<int64_t> hash = Hash(heap, current); hash.ok()) {
    node = FindNode(heap, od, current);
  }
  IteratorBody& again = heap.iterator(iterator);
  if (!node) {
    *error = KeyErrorFor(heap, current);
    again.held[0] = kNoObject;
    heap.DecRef(current);
    return Ref();
  }
  NodeIt next = std::next(*node);
  const ObjectId following = next == Links(heap, od).nodes.end() ? kNoObject : next->key;
  if (following != kNoObject) heap.IncRef(following);
  again.held[0] = following;
  return heap.Adopt(current);  // the iterator's reference becomes the caller's
}

uint64_t OrderedDictExtraSize(const Heap& heap, ObjectId od) {
  const DictBody& body = heap.dict(od);
  const OrderedDictLinks& links = *body.ordered;
  return (kOrderedDictObjectRequest - kDictObjectRequest) + 8 * links.fast_nodes_size +
         (links.nodes.empty() ? 0 : kNodeBytes * body.used);
}

}  // namespace heapsim
