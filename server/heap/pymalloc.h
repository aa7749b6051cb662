// Pymalloc simulates CPython's small-object allocator (Objects/obmalloc.c)
// at the level of addresses: which block of which pool of which arena a
// request gets, when a pool changes hands between size classes, and when an
// arena goes back to the system. Nothing is stored in the simulated memory
// itself; the allocator keeps only the bookkeeping CPython keeps in its pool
// and arena headers.
//
// The rules, all of which the tests pin down against real interpreters:
//  * Requests of 1..512 bytes fall in 32 size classes 16 bytes apart.
//  * Each class allocates from the head of its list of partly used pools.
//    Within a pool, the most recently freed block is reused first (LIFO);
//    when no freed block is left the next never-used block is carved.
//  * A pool that fills up leaves the list; freeing a block of a full pool
//    puts the pool back at the front of its list.
//  * A pool that empties goes to the front of its arena's free-pool list. It
//    keeps its free list, which is reused as is if the pool is next taken for
//    the same size class.
//  * New pools come from the head of the usable-arenas list, which is kept
//    sorted by ascending count of free pools, so the fullest arena is used
//    first. An arena whose pools are all free is unmapped (in 3.9+ unless it
//    is the last arena in the list).

#ifndef HEAPSIM_SERVER_HEAP_PYMALLOC_H_
#define HEAPSIM_SERVER_HEAP_PYMALLOC_H_

#include <array>
#include <cstdint>
#include <vector>

#include "server/heap/address_space.h"
#include "server/heap/profile.h"

namespace heapsim {

class Pymalloc {
 public:
  static constexpr uint32_t kAlignment = 16;
  static constexpr uint32_t kSmallRequestThreshold = 512;
  static constexpr uint32_t kNumSizeClasses = kSmallRequestThreshold / kAlignment;
  static constexpr uint32_t kPoolOverhead = 48;  // the pool header

  // Per-class figures, as sys._debugmallocstats() reports them.
  struct ClassStats {
    uint32_t block_size = 0;
    uint32_t used_pools = 0;     // pools with at least one block in use
    uint32_t full_pools = 0;     // used pools with no free block
    uint64_t blocks_in_use = 0;
    uint64_t free_blocks = 0;    // free or never-used blocks in used pools
  };
  struct Stats {
    uint32_t arenas_allocated = 0;      // arenas currently mapped
    uint32_t arenas_high_water = 0;     // most arenas mapped at once
    uint64_t arenas_allocated_total = 0;
    uint64_t arenas_released_total = 0;
    uint32_t empty_pools = 0;           // pools on arenas' free-pool lists
    uint32_t untouched_pools = 0;       // pools never carved from an arena
    uint64_t bytes_in_blocks = 0;       // block bytes handed out
    std::array<ClassStats, kNumSizeClasses> classes{};
  };

  // Where a block lives, for inspection.
  struct BlockLocation {
    uint32_t arena = 0;       // the arena object's index
    uint32_t pool = 0;        // the pool's index within its arena
    uint32_t size_class = 0;
    uint32_t block = 0;       // the block's index within its pool
  };

  // `address_space` must outlive the allocator; arenas are mapped in it.
  Pymalloc(const Profile& profile, AddressSpace* address_space);

  Pymalloc(const Pymalloc&) = default;
  Pymalloc& operator=(const Pymalloc&) = default;

  // Points a copy at its own address space (see Allocator's copy).
  void Rebind(AddressSpace* address_space) { address_space_ = address_space; }

  // The size class of a request of `nbytes` (1..512 bytes).
  static uint32_t SizeClassOf(uint32_t nbytes) { return (nbytes - 1) / kAlignment; }
  static uint32_t BlockSizeOf(uint32_t size_class) { return (size_class + 1) * kAlignment; }

  // Returns the address of a free block for `nbytes`.
  // REQUIRES: 1 <= nbytes <= kSmallRequestThreshold.
  uint64_t Allocate(uint32_t nbytes);

  // Returns the block at `address` to its pool.
  // REQUIRES: `address` came from Allocate and has not been freed since.
  void Free(uint64_t address);

  // True if `address` lies in one of this allocator's arenas (CPython's
  // address_in_range). Every block address Allocate returned and that is not
  // freed satisfies it.
  bool Owns(uint64_t address) const { return PoolIndexOf(address) >= 0; }

  // The block size of the size class that `address` was allocated from.
  // REQUIRES: Owns(address).
  uint32_t BlockSizeAt(uint64_t address) const;

  // Where `address` lives. REQUIRES: Owns(address).
  BlockLocation Locate(uint64_t address) const;

  // Bookkeeping totals; O(arenas + pools).
  Stats ComputeStats() const;

  // Calls `visit(block_address, block_size)` for every free block of every
  // partly used pool: freed blocks in free-list order, then never-used ones.
  // For consistency checkers; not for hot paths.
  template <typename Visitor>
  void ForEachFreeBlock(Visitor&& visit) const;

  // Blocks currently handed out.
  uint64_t blocks_in_use() const { return blocks_in_use_; }

 private:
  static constexpr int32_t kNone = -1;

  struct Pool {
    uint64_t address = 0;            // the pool header's simulated address
    uint32_t arena = 0;              // owning arena object
    uint32_t size_class = kNoClass;  // kNoClass until first initialised
    uint32_t in_use = 0;             // blocks handed out (ref.count)
    uint32_t next_virgin = 0;        // offset of the next never-used block
    std::vector<uint32_t> freed;     // offsets of freed blocks, top = newest
    int32_t prev = kNone;            // links in usedpools[size_class]
    int32_t next = kNone;
    int32_t next_free = kNone;       // link in the arena's free-pool list
  };
  static constexpr uint32_t kNoClass = 0xffffffff;

  struct Arena {
    uint64_t address = 0;        // where the mapping starts; 0 = unused
    uint64_t first_pool = 0;     // the first pool-aligned address
    uint32_t total_pools = 0;
    uint32_t free_pools = 0;     // pools not in use, carved or not
    uint32_t carved_pools = 0;   // pools handed out at least once
    int32_t free_pool_list = kNone;  // LIFO of emptied pools (pool indices)
    int32_t prev = kNone;        // links in usable_arenas
    int32_t next = kNone;
    std::vector<int32_t> pools;  // record index of each pool, by position
  };

  // The pool holding `address`, or kNone; O(1).
  int32_t PoolIndexOf(uint64_t address) const;

  // A block of `pool`: the last one freed, else the next never used
  // (pymalloc's freeblock list, then its virgin space). Returns its offset.
  static uint32_t TakeBlock(Pool& pool, uint32_t block_size) {
    if (!pool.freed.empty()) {
      const uint32_t offset = pool.freed.back();
      pool.freed.pop_back();
      return offset;
    }
    const uint32_t offset = pool.next_virgin;
    pool.next_virgin += block_size;
    return offset;
  }

  // Slow paths, out of line.
  uint64_t AllocateFromNewPool(uint32_t size_class);
  int32_t TakePoolFromUsableArena();
  uint32_t NewArena();
  void OnPoolFull(Pool& pool, int32_t pool_index);
  void OnFreeInFullPool(Pool& pool, int32_t pool_index);
  void OnPoolEmpty(Pool& pool, int32_t pool_index);
  void ReleaseArena(uint32_t arena_index);

  // List helpers.
  void UnlinkUsedPool(int32_t pool_index);
  void PushFrontUsedPool(int32_t pool_index);
  void UnlinkArena(uint32_t arena_index);
  void InsertArenaSorted(uint32_t arena_index);

  // Points the page table at the arena's pools, or clears it.
  void SetArenaPages(const Arena& arena, bool mapped);

  // Configuration, from the profile.
  uint32_t pool_size_;
  uint32_t arena_size_;
  bool keep_one_empty_arena_;
  AddressSpace* address_space_;

  // Pools and arenas. Arena objects are never destroyed: a released arena's
  // object goes on unused_arenas_ for reuse, as in CPython, and keeps its
  // pool records for its next mapping.
  std::vector<Pool> pools_;
  std::vector<Arena> arenas_;
  std::vector<uint32_t> unused_arenas_;  // LIFO of released arena objects

  // The allocation lists.
  std::array<int32_t, kNumSizeClasses> used_pools_;  // head pool per class
  int32_t usable_arenas_ = kNone;

  // Address lookup: pool index by page, for pages counted down from the
  // mmap base (the region arenas live in).
  std::vector<int32_t> pool_by_page_;

  // Totals.
  uint64_t blocks_in_use_ = 0;
  uint32_t arenas_allocated_ = 0;
  uint32_t arenas_high_water_ = 0;
  uint64_t arenas_allocated_total_ = 0;
  uint64_t arenas_released_total_ = 0;
};

// ---- Inline hot paths ----

inline int32_t Pymalloc::PoolIndexOf(uint64_t address) const {
  if (address >= AddressSpace::kMmapBase) return kNone;
  const uint64_t page = (AddressSpace::kMmapBase - 1 - address) / AddressSpace::kPageSize;
  if (page >= pool_by_page_.size()) return kNone;
  return pool_by_page_[page];
}

inline uint64_t Pymalloc::Allocate(uint32_t nbytes) {
  const uint32_t size_class = SizeClassOf(nbytes);
  const int32_t pool_index = used_pools_[size_class];
  if (pool_index == kNone) return AllocateFromNewPool(size_class);
  Pool& pool = pools_[pool_index];
  const uint32_t block_size = BlockSizeOf(size_class);
  const uint32_t offset = TakeBlock(pool, block_size);
  ++pool.in_use;
  ++blocks_in_use_;
  if (pool.freed.empty() && pool.next_virgin + block_size > pool_size_) {
    OnPoolFull(pool, pool_index);
  }
  return pool.address + offset;
}

inline void Pymalloc::Free(uint64_t address) {
  const int32_t pool_index = PoolIndexOf(address);
  Pool& pool = pools_[pool_index];
  const uint32_t block_size = BlockSizeOf(pool.size_class);
  const bool was_full = pool.freed.empty() && pool.next_virgin + block_size > pool_size_;
  pool.freed.push_back(static_cast<uint32_t>(address - pool.address));
  --pool.in_use;
  --blocks_in_use_;
  if (was_full) {
    OnFreeInFullPool(pool, pool_index);
  } else if (pool.in_use == 0) {
    OnPoolEmpty(pool, pool_index);
  }
}

template <typename Visitor>
void Pymalloc::ForEachFreeBlock(Visitor&& visit) const {
  for (uint32_t c = 0; c < kNumSizeClasses; ++c) {
    const uint32_t block_size = BlockSizeOf(c);
    for (int32_t p = used_pools_[c]; p != kNone; p = pools_[p].next) {
      const Pool& pool = pools_[p];
      for (auto it = pool.freed.rbegin(); it != pool.freed.rend(); ++it) {
        visit(pool.address + *it, block_size);
      }
      for (uint32_t off = pool.next_virgin; off + block_size <= pool_size_; off += block_size) {
        visit(pool.address + off, block_size);
      }
    }
  }
}

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_PYMALLOC_H_
