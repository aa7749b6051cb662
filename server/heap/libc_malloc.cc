#include "server/heap/libc_malloc.h"

#include <cassert>

namespace heapsim {

LibcMalloc::LibcMalloc(const Profile& profile, AddressSpace* address_space)
    : address_space_(address_space), mmap_threshold_(profile.mmap_threshold) {}

uint64_t LibcMalloc::Allocate(uint64_t nbytes) {
  const uint64_t chunk_size = ChunkSizeFor(nbytes);
  if (chunk_size >= mmap_threshold_) return AllocateMmapped(chunk_size);
  if (chunk_size <= kMaxTcacheChunk) {
    std::vector<uint64_t>& cache = tcache_[TcacheBin(chunk_size)];
    if (!cache.empty()) {
      const uint64_t chunk = cache.back();
      cache.pop_back();
      return Use(chunk, chunk_size);
    }
  }
  if (chunk_size <= kMaxFastChunk) {
    std::vector<uint64_t>& bin = fastbins_[FastBin(chunk_size)];
    if (!bin.empty()) {
      const uint64_t chunk = bin.back();
      bin.pop_back();
      // glibc moves the rest of the bin into the tcache while there is room.
      std::vector<uint64_t>& cache = tcache_[TcacheBin(chunk_size)];
      while (!bin.empty() && cache.size() < kTcacheCount) {
        cache.push_back(bin.back());
        bin.pop_back();
      }
      return Use(chunk, chunk_size);
    }
  }
  uint64_t granted = chunk_size;
  const uint64_t chunk = AllocateFromBins(granted);
  if (chunk != 0) return Use(chunk, granted);
  return Use(AllocateFromTop(chunk_size), chunk_size);
}

uint64_t LibcMalloc::Use(uint64_t chunk, uint64_t size) {
  live_[chunk + kHeader] = Chunk{size, false};
  return chunk + kHeader;
}

uint64_t LibcMalloc::AllocateMmapped(uint64_t chunk_size) {
  const uint64_t length =
      (chunk_size + kSizeSize + AddressSpace::kPageSize - 1) & ~(AddressSpace::kPageSize - 1);
  const uint64_t chunk = address_space_->Map(length);
  live_[chunk + kHeader] = Chunk{length, true};
  return chunk + kHeader;
}

uint64_t LibcMalloc::AllocateFromBins(uint64_t& chunk_size) {
  auto fit = free_by_size_.lower_bound({chunk_size, 0});
  if (fit == free_by_size_.end()) return 0;
  const auto [size, chunk] = *fit;
  EraseFree(free_by_address_.find(chunk));
  const uint64_t rest = size - chunk_size;
  if (rest >= kMinChunk) {
    InsertFree(chunk + chunk_size, rest);
  } else {
    chunk_size = size;  // too small a tail to split off: take it all
  }
  return chunk;
}

uint64_t LibcMalloc::AllocateFromTop(uint64_t chunk_size) {
  if (heap_end_ - top_ < chunk_size + kMinChunk) {
    const uint64_t need = chunk_size + kMinChunk + kTopPad - (heap_end_ - top_);
    const uint64_t old_break = address_space_->Sbrk(need);
    if (heap_end_ == 0) top_ = old_break;
    heap_end_ = old_break + ((need + AddressSpace::kPageSize - 1) & ~(AddressSpace::kPageSize - 1));
  }
  const uint64_t chunk = top_;
  top_ += chunk_size;
  return chunk;
}

void LibcMalloc::Free(uint64_t address) {
  auto it = live_.find(address);
  assert(it != live_.end());
  const Chunk chunk = it->second;
  live_.erase(it);
  const uint64_t start = address - kHeader;
  if (chunk.mmapped) {
    address_space_->Unmap(start);
    if (chunk.size > mmap_threshold_ && chunk.size <= kMaxMmapThreshold) {
      mmap_threshold_ = chunk.size;
    }
    return;
  }
  if (chunk.size <= kMaxTcacheChunk) {
    std::vector<uint64_t>& cache = tcache_[TcacheBin(chunk.size)];
    if (cache.size() < kTcacheCount) {
      cache.push_back(start);
      return;
    }
  }
  if (chunk.size <= kMaxFastChunk) {
    fastbins_[FastBin(chunk.size)].push_back(start);
    return;
  }
  ReleaseToBins(start, chunk.size);
}

void LibcMalloc::ReleaseToBins(uint64_t chunk, uint64_t size) {
  // Merge with a free chunk that ends where this one starts.
  auto next = free_by_address_.lower_bound(chunk);
  if (next != free_by_address_.begin()) {
    auto prev = std::prev(next);
    if (prev->first + prev->second == chunk) {
      chunk = prev->first;
      size += prev->second;
      EraseFree(prev);
    }
  }
  // Merge with the top chunk, or with a free chunk that starts where this
  // one ends.
  if (chunk + size == top_) {
    top_ = chunk;
    return;
  }
  next = free_by_address_.find(chunk + size);
  if (next != free_by_address_.end()) {
    size += next->second;
    EraseFree(next);
  }
  InsertFree(chunk, size);
}

void LibcMalloc::InsertFree(uint64_t chunk, uint64_t size) {
  if (chunk + size == top_) {
    top_ = chunk;
    return;
  }
  free_by_address_.emplace(chunk, size);
  free_by_size_.emplace(size, chunk);
}

void LibcMalloc::EraseFree(std::map<uint64_t, uint64_t>::iterator it) {
  free_by_size_.erase({it->second, it->first});
  free_by_address_.erase(it);
}

uint64_t LibcMalloc::Reallocate(uint64_t address, uint64_t nbytes) {
  auto it = live_.find(address);
  assert(it != live_.end());
  Chunk& chunk = it->second;
  const uint64_t start = address - kHeader;
  const uint64_t want = ChunkSizeFor(nbytes);
  if (!chunk.mmapped) {
    if (want <= chunk.size) {
      // Shrink in place; a large enough tail goes back to the allocator.
      const uint64_t rest = chunk.size - want;
      if (rest >= kMinChunk) {
        chunk.size = want;
        live_[start + want + kHeader] = Chunk{rest, false};
        Free(start + want + kHeader);
      }
      return address;
    }
    const uint64_t end = start + chunk.size;
    const uint64_t extra = want - chunk.size;
    if (end == top_ && heap_end_ - top_ >= extra + kMinChunk) {
      top_ += extra;
      chunk.size = want;
      return address;
    }
    auto next = free_by_address_.find(end);
    if (next != free_by_address_.end() && next->second >= extra) {
      const uint64_t merged = chunk.size + next->second;
      EraseFree(next);
      chunk.size = want;
      if (merged - want >= kMinChunk) {
        InsertFree(start + want, merged - want);
      } else {
        chunk.size = merged;
      }
      return address;
    }
  } else if (want + kSizeSize <= chunk.size && want >= mmap_threshold_) {
    return address;  // still fits its mapping
  }
  const uint64_t moved = Allocate(nbytes);
  Free(address);
  return moved;
}

uint64_t LibcMalloc::UsableSize(uint64_t address) const {
  const Chunk& chunk = live_.at(address);
  return chunk.size - (chunk.mmapped ? kHeader : kSizeSize);
}

LibcMalloc::Stats LibcMalloc::ComputeStats() const {
  Stats stats;
  for (const auto& [address, chunk] : live_) {
    ++stats.chunks_in_use;
    stats.bytes_in_use += chunk.size;
    if (chunk.mmapped) {
      ++stats.mmapped_chunks;
      stats.mmapped_bytes += chunk.size;
    }
  }
  stats.heap_bytes = address_space_->brk_bytes();
  for (size_t i = 0; i < tcache_.size(); ++i) {
    stats.free_bytes += tcache_[i].size() * (kMinChunk + i * kAlignment);
  }
  for (size_t i = 0; i < fastbins_.size(); ++i) {
    stats.free_bytes += fastbins_[i].size() * (kMinChunk + i * kAlignment);
  }
  for (const auto& [chunk, size] : free_by_address_) stats.free_bytes += size;
  stats.free_bytes += heap_end_ - top_;
  return stats;
}

}  // namespace heapsim
