#include "server/heap/pymalloc.h"

#include <cassert>
#include <utility>

namespace heapsim {

Pymalloc::Pymalloc(const Profile& profile, AddressSpace* address_space)
    : pool_size_(profile.pool_size),
      arena_size_(profile.arena_size),
      keep_one_empty_arena_(profile.keep_one_empty_arena),
      address_space_(address_space) {
  used_pools_.fill(kNone);
}

uint32_t Pymalloc::BlockSizeAt(uint64_t address) const {
  return BlockSizeOf(pools_[PoolIndexOf(address)].size_class);
}

Pymalloc::BlockLocation Pymalloc::Locate(uint64_t address) const {
  const Pool& pool = pools_[PoolIndexOf(address)];
  const Arena& arena = arenas_[pool.arena];
  BlockLocation where;
  where.arena = pool.arena;
  where.pool = static_cast<uint32_t>((pool.address - arena.first_pool) / pool_size_);
  where.size_class = pool.size_class;
  where.block = static_cast<uint32_t>((address - pool.address - kPoolOverhead) /
                                      BlockSizeOf(pool.size_class));
  return where;
}

Pymalloc::Stats Pymalloc::ComputeStats() const {
  Stats stats;
  stats.arenas_allocated = arenas_allocated_;
  stats.arenas_high_water = arenas_high_water_;
  stats.arenas_allocated_total = arenas_allocated_total_;
  stats.arenas_released_total = arenas_released_total_;
  for (uint32_t c = 0; c < kNumSizeClasses; ++c) stats.classes[c].block_size = BlockSizeOf(c);
  for (const Arena& arena : arenas_) {
    if (arena.address == 0) continue;
    stats.untouched_pools += arena.total_pools - arena.carved_pools;
    for (uint32_t i = 0; i < arena.carved_pools; ++i) {
      const Pool& pool = pools_[arena.pools[i]];
      if (pool.in_use == 0) {
        ++stats.empty_pools;
        continue;
      }
      ClassStats& cls = stats.classes[pool.size_class];
      const uint32_t capacity = (pool_size_ - kPoolOverhead) / cls.block_size;
      ++cls.used_pools;
      cls.blocks_in_use += pool.in_use;
      cls.free_blocks += capacity - pool.in_use;
      if (pool.in_use == capacity) ++cls.full_pools;
      stats.bytes_in_blocks += static_cast<uint64_t>(pool.in_use) * cls.block_size;
    }
  }
  return stats;
}

// ---- Pools ----

uint64_t Pymalloc::AllocateFromNewPool(uint32_t size_class) {
  const int32_t pool_index = TakePoolFromUsableArena();
  Pool& pool = pools_[pool_index];
  // The class list was empty, so the pool becomes its only member.
  pool.prev = pool.next = kNone;
  used_pools_[size_class] = pool_index;
  const uint32_t block_size = BlockSizeOf(size_class);
  if (pool.size_class != size_class) {
    // A fresh pool, or one that last served another class: start over.
    pool.size_class = size_class;
    pool.freed.clear();
    pool.next_virgin = kPoolOverhead;
  }
  // Now allocate exactly as from a partly used pool.
  const uint32_t offset = TakeBlock(pool, block_size);
  pool.in_use = 1;
  ++blocks_in_use_;
  if (pool.freed.empty() && pool.next_virgin + block_size > pool_size_) {
    OnPoolFull(pool, pool_index);
  }
  return pool.address + offset;
}

void Pymalloc::OnPoolFull(Pool& pool, int32_t pool_index) { UnlinkUsedPool(pool_index); }

void Pymalloc::OnFreeInFullPool(Pool& pool, int32_t pool_index) {
  PushFrontUsedPool(pool_index);
}

void Pymalloc::OnPoolEmpty(Pool& pool, int32_t pool_index) {
  UnlinkUsedPool(pool_index);
  const uint32_t arena_index = pool.arena;
  Arena& arena = arenas_[arena_index];
  pool.next_free = arena.free_pool_list;
  arena.free_pool_list = pool_index;
  const uint32_t nf = ++arena.free_pools;

  // Every pool free: give the arena back, unless 3.9+ keeps it as the last
  // usable arena.
  if (nf == arena.total_pools && !(keep_one_empty_arena_ && arena.next == kNone)) {
    UnlinkArena(arena_index);
    ReleaseArena(arena_index);
    return;
  }
  if (nf == 1) {
    // The arena was full, hence not in the list; nf = 1 is the minimum.
    arena.prev = kNone;
    arena.next = usable_arenas_;
    if (usable_arenas_ != kNone) arenas_[usable_arenas_].prev = arena_index;
    usable_arenas_ = arena_index;
    return;
  }
  // Keep the list sorted: the arena moves in front of the first arena that
  // has at least as many free pools (after the others that still have one
  // fewer).
  if (arena.next == kNone || nf <= arenas_[arena.next].free_pools) return;
  UnlinkArena(arena_index);
  InsertArenaSorted(arena_index);
}

void Pymalloc::UnlinkUsedPool(int32_t pool_index) {
  Pool& pool = pools_[pool_index];
  if (pool.prev != kNone) {
    pools_[pool.prev].next = pool.next;
  } else {
    used_pools_[pool.size_class] = pool.next;
  }
  if (pool.next != kNone) pools_[pool.next].prev = pool.prev;
  pool.prev = pool.next = kNone;
}

void Pymalloc::PushFrontUsedPool(int32_t pool_index) {
  Pool& pool = pools_[pool_index];
  const int32_t head = used_pools_[pool.size_class];
  pool.prev = kNone;
  pool.next = head;
  if (head != kNone) pools_[head].prev = pool_index;
  used_pools_[pool.size_class] = pool_index;
}

// ---- Arenas ----

int32_t Pymalloc::TakePoolFromUsableArena() {
  if (usable_arenas_ == kNone) {
    const uint32_t arena_index = NewArena();
    arenas_[arena_index].prev = arenas_[arena_index].next = kNone;
    usable_arenas_ = arena_index;
  }
  const uint32_t arena_index = usable_arenas_;
  Arena& arena = arenas_[arena_index];
  int32_t pool_index;
  if (arena.free_pool_list != kNone) {
    pool_index = arena.free_pool_list;
    arena.free_pool_list = pools_[pool_index].next_free;
  } else {
    // Carve the next never-used pool; its record is fresh from NewArena.
    pool_index = arena.pools[arena.carved_pools++];
  }
  if (--arena.free_pools == 0) UnlinkArena(arena_index);
  return pool_index;
}

uint32_t Pymalloc::NewArena() {
  uint32_t arena_index;
  if (!unused_arenas_.empty()) {
    arena_index = unused_arenas_.back();
    unused_arenas_.pop_back();
  } else {
    arena_index = static_cast<uint32_t>(arenas_.size());
    arenas_.emplace_back();
  }
  Arena& arena = arenas_[arena_index];
  arena.address = address_space_->Map(arena_size_);
  // Pools must be pool-aligned; an unaligned mapping loses its head.
  const uint64_t excess = arena.address & (pool_size_ - 1);
  arena.first_pool = excess == 0 ? arena.address : arena.address + pool_size_ - excess;
  arena.total_pools = arena_size_ / pool_size_ - (excess == 0 ? 0 : 1);
  arena.free_pools = arena.total_pools;
  arena.carved_pools = 0;
  arena.free_pool_list = kNone;
  // Pool records are made once per arena object and kept across reuse.
  while (arena.pools.size() < arena.total_pools) {
    arena.pools.push_back(static_cast<int32_t>(pools_.size()));
    pools_.emplace_back();
  }
  for (uint32_t i = 0; i < arena.total_pools; ++i) {
    Pool& pool = pools_[arena.pools[i]];
    pool = Pool();
    pool.address = arena.first_pool + static_cast<uint64_t>(i) * pool_size_;
    pool.arena = arena_index;
  }
  SetArenaPages(arena, /*mapped=*/true);
  ++arenas_allocated_;
  ++arenas_allocated_total_;
  if (arenas_allocated_ > arenas_high_water_) arenas_high_water_ = arenas_allocated_;
  return arena_index;
}

void Pymalloc::ReleaseArena(uint32_t arena_index) {
  Arena& arena = arenas_[arena_index];
  SetArenaPages(arena, /*mapped=*/false);
  address_space_->Unmap(arena.address);
  for (uint32_t i = 0; i < arena.total_pools; ++i) pools_[arena.pools[i]] = Pool();
  arena.address = 0;
  arena.total_pools = arena.free_pools = arena.carved_pools = 0;
  arena.free_pool_list = kNone;
  unused_arenas_.push_back(arena_index);
  --arenas_allocated_;
  ++arenas_released_total_;
}

void Pymalloc::UnlinkArena(uint32_t arena_index) {
  Arena& arena = arenas_[arena_index];
  if (arena.prev != kNone) {
    arenas_[arena.prev].next = arena.next;
  } else if (usable_arenas_ == static_cast<int32_t>(arena_index)) {
    usable_arenas_ = arena.next;
  }
  if (arena.next != kNone) arenas_[arena.next].prev = arena.prev;
  arena.prev = arena.next = kNone;
}

void Pymalloc::InsertArenaSorted(uint32_t arena_index) {
  Arena& arena = arenas_[arena_index];
  int32_t prev = kNone;
  int32_t next = usable_arenas_;
  while (next != kNone && arenas_[next].free_pools < arena.free_pools) {
    prev = next;
    next = arenas_[next].next;
  }
  arena.prev = prev;
  arena.next = next;
  if (prev != kNone) {
    arenas_[prev].next = arena_index;
  } else {
    usable_arenas_ = arena_index;
  }
  if (next != kNone) arenas_[next].prev = arena_index;
}

// ---- Page table ----

void Pymalloc::SetArenaPages(const Arena& arena, bool mapped) {
  const uint64_t pages_per_pool = pool_size_ / AddressSpace::kPageSize;
  for (uint32_t i = 0; i < arena.total_pools; ++i) {
    const uint64_t pool_address = arena.first_pool + static_cast<uint64_t>(i) * pool_size_;
    // Pages are counted down from the mmap base: the pool's last page has
    // the smallest number.
    const uint64_t top_page =
        (AddressSpace::kMmapBase - 1 - (pool_address + pool_size_ - 1)) / AddressSpace::kPageSize;
    if (pool_by_page_.size() < top_page + pages_per_pool) {
      pool_by_page_.resize(top_page + pages_per_pool, kNone);
    }
    for (uint64_t p = 0; p < pages_per_pool; ++p) {
      pool_by_page_[top_page + p] = mapped ? arena.pools[i] : kNone;
    }
  }
}

}  // namespace heapsim
