#include "server/heap/deque_object.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "server/heap/py_error.h"

namespace heapsim {

namespace {

// Where an empty deque's indexes point: the middle of its block (CENTER).
constexpr int64_t kCenter = (kDequeBlockLength - 1) / 2;
constexpr int64_t kLastSlot = kDequeBlockLength - 1;

// The block cache `deque` takes from and gives to.
std::vector<uint64_t>& BlockCache(Heap& heap, ObjectId deque) {
  if (heap.profile().deque.own_block_cache) return heap.deque(deque).cached_blocks;
  return heap.free_lists().deque_blocks;
}

// newblock(): the most recently cached block, else a new one.
uint64_t TakeBlock(Heap& heap, ObjectId deque) {
  std::vector<uint64_t>& cache = BlockCache(heap, deque);
  if (cache.empty()) return heap.AllocateBuffer(kDequeBlockBytes);
  const uint64_t block = cache.back();
  cache.pop_back();
  return block;
}

// freeblock(): into the cache while it has room, else back to the allocator.
void GiveBackBlock(Heap& heap, ObjectId deque, uint64_t block) {
  std::vector<uint64_t>& cache = BlockCache(heap, deque);
  if (cache.size() < kDequeCachedBlocks) {
    cache.push_back(block);
    return;
  }
  heap.FreeBuffer(block);
}

void Recenter(DequeBody& body) {
  body.left_index = kCenter + 1;
  body.right_index = kCenter;
}

// Drops the item a trimming append pushed out (a new reference).
void DropTrimmed(absl::StatusOr<Ref> item) { item->Reset(); }

}  // namespace

Ref NewDeque(Heap& heap) {
  const ObjectId id = heap.NewObject(TypeTag::kDeque, heap.profile().deque.object_size);
  DequeBody body;
  Recenter(body);
  heap.AttachBody(id, std::move(body));
  heap.Track(id);  // tp_alloc tracks it before the block is taken
  const uint64_t block = TakeBlock(heap, id);
  heap.deque(id).blocks.push_back(block);
  return heap.Adopt(id);
}

bool DequeAppendAllocates(Heap& heap, ObjectId deque, bool left) {
  const DequeBody& body = heap.deque(deque);
  const bool full = left ? body.left_index == 0 : body.right_index == kLastSlot;
  return full && BlockCache(heap, deque).empty();
}

void DequeAppend(Heap& heap, ObjectId deque, ObjectId item) {
  heap.IncRef(item);
  if (heap.deque(deque).right_index == kLastSlot) {
    const uint64_t block = TakeBlock(heap, deque);
    DequeBody& body = heap.deque(deque);
    body.blocks.push_back(block);
    body.right_index = -1;
  }
  DequeBody& body = heap.deque(deque);
  body.items.push_back(item);
  ++body.right_index;
  if (body.maxlen >= 0 && static_cast<int64_t>(body.items.size()) > body.maxlen) {
    DropTrimmed(DequePopLeft(heap, deque));
  } else {
    ++body.state;
  }
}

void DequeAppendLeft(Heap& heap, ObjectId deque, ObjectId item) {
  heap.IncRef(item);
  if (heap.deque(deque).left_index == 0) {
    const uint64_t block = TakeBlock(heap, deque);
    DequeBody& body = heap.deque(deque);
    body.blocks.push_front(block);
    body.left_index = kDequeBlockLength;
  }
  DequeBody& body = heap.deque(deque);
  body.items.push_front(item);
  --body.left_index;
  if (body.maxlen >= 0 && static_cast<int64_t>(body.items.size()) > body.maxlen) {
    DropTrimmed(DequePop(heap, deque));
  } else {
    ++body.state;
  }
}

absl::StatusOr<Ref> DequePop(Heap& heap, ObjectId deque) {
  DequeBody& body = heap.deque(deque);
  if (body.items.empty()) return PyError(PyExc::kIndexError, "pop from an empty deque");
  const ObjectId item = body.items.back();
  body.items.pop_back();
  --body.right_index;
  ++body.state;
  if (body.right_index < 0) {
    if (body.items.empty()) {
      Recenter(body);  // instead of freeing the only block
    } else {
      const uint64_t block = body.blocks.back();
      body.blocks.pop_back();
      body.right_index = kLastSlot;
      GiveBackBlock(heap, deque, block);
    }
  }
  return heap.Adopt(item);
}

absl::StatusOr<Ref> DequePopLeft(Heap& heap, ObjectId deque) {
  DequeBody& body = heap.deque(deque);
  if (body.items.empty()) return PyError(PyExc::kIndexError, "pop from an empty deque");
  const ObjectId item = body.items.front();
  body.items.pop_front();
  ++body.left_index;
  ++body.state;
  if (body.left_index == kDequeBlockLength) {
    if (body.items.empty()) {
      Recenter(body);
    } else {
      const uint64_t block = body.blocks.front();
      body.blocks.pop_front();
      body.left_index = 0;
      GiveBackBlock(heap, deque, block);
    }
  }
  return heap.Adopt(item);
}

void DequeStartExtend(Heap& heap, ObjectId deque, bool left) {
  DequeBody& body = heap.deque(deque);
  if (!body.items.empty()) return;
  body.left_index = left ? kLastSlot : 1;
  body.right_index = body.left_index - 1;
}

void DequeClear(Heap& heap, ObjectId deque) {
  if (heap.deque(deque).items.empty()) return;
  const uint64_t fresh = TakeBlock(heap, deque);
  DequeBody& body = heap.deque(deque);
  const std::deque<ObjectId> items = std::exchange(body.items, {});
  const std::deque<uint64_t> blocks = std::exchange(body.blocks, {fresh});
  int64_t slot = body.left_index;
  Recenter(body);
  ++body.state;
  // Dropping an item may run code that touches the (now empty) deque, so
  // the old items and blocks are only reached through the copies.
  size_t block = 0;
  for (ObjectId item : items) {
    if (slot == kDequeBlockLength) {
      slot = 0;
      GiveBackBlock(heap, deque, blocks[block++]);
    }
    heap.DecRef(item);
    ++slot;
  }
  GiveBackBlock(heap, deque, blocks[block]);
}

void DequeRotate(Heap& heap, ObjectId deque, int64_t n) {
  const auto length = static_cast<int64_t>(heap.deque(deque).items.size());
  const int64_t half = length >> 1;
  if (length <= 1) return;
  if (n > half || n < -half) {
    n %= length;
    if (n > half) {
      n -= length;
    } else if (n < -half) {
      n += length;
    }
  }
  {
    DequeBody& body = heap.deque(deque);
    ++body.state;
    if (n > 0) std::rotate(body.items.begin(), body.items.end() - n, body.items.end());
    if (n < 0) std::rotate(body.items.begin(), body.items.begin() - n, body.items.end());
  }
  // The blocks: an emptied block is kept aside and reused for the next one
  // needed; one left over at the end is given back.
  int64_t left = heap.deque(deque).left_index;
  int64_t right = heap.deque(deque).right_index;
  uint64_t spare = 0;
  auto take = [&]() { return spare != 0 ? std::exchange(spare, 0) : TakeBlock(heap, deque); };
  while (n > 0) {
    if (left == 0) {
      const uint64_t block = take();
      heap.deque(deque).blocks.push_front(block);
      left = kDequeBlockLength;
    }
    const int64_t moved = std::min({n, right + 1, left});
    right -= moved;
    left -= moved;
    n -= moved;
    if (right < 0) {
      std::deque<uint64_t>& blocks = heap.deque(deque).blocks;
      spare = blocks.back();
      blocks.pop_back();
      right = kLastSlot;
    }
  }
  while (n < 0) {
    if (right == kLastSlot) {
      const uint64_t block = take();
      heap.deque(deque).blocks.push_back(block);
      right = -1;
    }
    const int64_t moved = std::min({-n, kDequeBlockLength - left, kLastSlot - right});
    left += moved;
    right += moved;
    n += moved;
    if (left == kDequeBlockLength) {
      std::deque<uint64_t>& blocks = heap.deque(deque).blocks;
      spare = blocks.front();
      blocks.pop_front();
      left = 0;
    }
  }
  if (spare != 0) GiveBackBlock(heap, deque, spare);
  DequeBody& body = heap.deque(deque);
  body.left_index = left;
  body.right_index = right;
}

void DequeReverse(Heap& heap, ObjectId deque) {
  // deque_reverse swaps pointers without moving the indexes (no state
  // change: iterators carry on).
  std::deque<ObjectId>& items = heap.deque(deque).items;
  std::reverse(items.begin(), items.end());
}

void DequeSetItem(Heap& heap, ObjectId deque, int64_t index, ObjectId item) {
  heap.IncRef(item);
  const ObjectId old = std::exchange(heap.deque(deque).items[index], item);
  heap.DecRef(old);
}

uint64_t DequeSizeOf(const Heap& heap, ObjectId deque) {
  const DequeBody& body = heap.deque(deque);
  const auto blocks = static_cast<uint64_t>(
      (body.left_index + static_cast<int64_t>(body.items.size()) + kLastSlot) / kDequeBlockLength);
  return heap.profile().deque.object_size + blocks * kDequeBlockBytes;
}

void DeallocDeque(Heap& heap, ObjectId deque) {
  DequeClear(heap, deque);
  const uint64_t last = heap.deque(deque).blocks.front();
  heap.deque(deque).blocks.clear();
  GiveBackBlock(heap, deque, last);
  const std::vector<uint64_t> own = std::exchange(heap.deque(deque).cached_blocks, {});
  for (uint64_t block : own) heap.FreeBuffer(block);
  heap.ReleaseObject(deque, /*keep_block=*/false);
}

}  // namespace heapsim
