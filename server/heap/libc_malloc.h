// LibcMalloc models the C library's malloc (glibc's ptmalloc, as CPython gets
// it through PyMem_RawMalloc and for requests pymalloc does not serve).
//
// The model keeps glibc's shape, deterministically and without threads:
//  * chunks carry a 16-byte header and are 16-byte aligned, at least 32 bytes;
//  * a per-size cache of up to 7 freed chunks (the tcache), reused LIFO;
//  * LIFO fast bins for chunks up to 128 bytes, never coalesced;
//  * other freed chunks coalesce with free neighbours and with the top chunk,
//    and a request takes the best-fitting free chunk (lowest address among
//    equals), splitting off the rest;
//  * requests of at least the mmap threshold get their own mapping; freeing
//    one raises the threshold to its size, as glibc's dynamic threshold does;
//  * the heap grows with sbrk in steps that include glibc's 128 KiB top pad.

#ifndef HEAPSIM_SERVER_HEAP_LIBC_MALLOC_H_
#define HEAPSIM_SERVER_HEAP_LIBC_MALLOC_H_

#include <array>
#include <cstdint>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "server/heap/address_space.h"
#include "server/heap/profile.h"

namespace heapsim {

class LibcMalloc {
 public:
  struct Stats {
    uint64_t chunks_in_use = 0;
    uint64_t bytes_in_use = 0;      // chunk bytes of live allocations
    uint64_t mmapped_chunks = 0;
    uint64_t mmapped_bytes = 0;
    uint64_t heap_bytes = 0;        // the brk heap's size
    uint64_t free_bytes = 0;        // in caches, bins and the top chunk
  };

  // `address_space` must outlive the allocator.
  LibcMalloc(const Profile& profile, AddressSpace* address_space);

  LibcMalloc(const LibcMalloc&) = default;
  LibcMalloc& operator=(const LibcMalloc&) = default;

  // Points a copy at its own address space (see Allocator's copy).
  void Rebind(AddressSpace* address_space) { address_space_ = address_space; }

  // malloc(nbytes): the address of a new block of at least `nbytes` bytes
  // (malloc(0) gives a minimum-size block).
  uint64_t Allocate(uint64_t nbytes);

  // free(address). REQUIRES: Owns(address).
  void Free(uint64_t address);

  // realloc(address, nbytes): the block's new address, which is `address`
  // itself when the block could shrink or grow in place.
  // REQUIRES: Owns(address).
  uint64_t Reallocate(uint64_t address, uint64_t nbytes);

  // True if `address` is a live block of this allocator.
  bool Owns(uint64_t address) const { return live_.contains(address); }

  // The usable size of a live block (malloc_usable_size).
  uint64_t UsableSize(uint64_t address) const;

  Stats ComputeStats() const;

  // The chunk size glibc uses for a request of `nbytes`.
  static uint64_t ChunkSizeFor(uint64_t nbytes) {
    const uint64_t size = (nbytes + kSizeSize + kAlignment - 1) & ~(kAlignment - 1);
    return size < kMinChunk ? kMinChunk : size;
  }

 private:
  static constexpr uint64_t kSizeSize = 8;
  static constexpr uint64_t kAlignment = 16;
  static constexpr uint64_t kMinChunk = 32;
  static constexpr uint64_t kHeader = 16;          // user pointer = chunk + 16
  static constexpr uint64_t kMaxTcacheChunk = 1040;
  static constexpr uint32_t kTcacheCount = 7;
  static constexpr uint64_t kMaxFastChunk = 128;
  static constexpr uint64_t kTopPad = 128 * 1024;
  static constexpr uint64_t kMaxMmapThreshold = 32 * 1024 * 1024;

  struct Chunk {
    uint64_t size = 0;   // chunk bytes
    bool mmapped = false;
  };

  static size_t TcacheBin(uint64_t chunk_size) { return (chunk_size - kMinChunk) / kAlignment; }
  static size_t FastBin(uint64_t chunk_size) { return (chunk_size - kMinChunk) / kAlignment; }

  // Out-of-line paths.
  uint64_t AllocateMmapped(uint64_t chunk_size);
  // The best-fitting free chunk, or 0; `chunk_size` becomes the size granted.
  uint64_t AllocateFromBins(uint64_t& chunk_size);
  uint64_t AllocateFromTop(uint64_t chunk_size);
  void ReleaseToBins(uint64_t chunk, uint64_t size);
  void InsertFree(uint64_t chunk, uint64_t size);
  void EraseFree(std::map<uint64_t, uint64_t>::iterator it);
  uint64_t Use(uint64_t chunk, uint64_t size);

  AddressSpace* address_space_;
  uint64_t mmap_threshold_;

  // Live blocks by user address.
  absl::flat_hash_map<uint64_t, Chunk> live_;

  // Caches of freed chunks, by chunk size; chunk addresses, newest last.
  std::array<std::vector<uint64_t>, (kMaxTcacheChunk - kMinChunk) / kAlignment + 1> tcache_;
  std::array<std::vector<uint64_t>, (kMaxFastChunk - kMinChunk) / kAlignment + 1> fastbins_;

  // Coalescing free chunks: by address, and by (size, address) for best fit.
  std::map<uint64_t, uint64_t> free_by_address_;
  std::set<std::pair<uint64_t, uint64_t>> free_by_size_;

  // The top chunk: [top_, heap_end_).
  uint64_t top_ = 0;
  uint64_t heap_end_ = 0;
};

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_LIBC_MALLOC_H_
