// Allocator is the simulated process's memory: CPython's allocator API
// (PyObject_Malloc / PyMem_Malloc / PyMem_RawMalloc and their Realloc and
// Free) over pymalloc, the C library's malloc and one address space, with
// tracemalloc's hooks on every call.
//
// Requests of 1..512 bytes go to pymalloc; larger ones (and zero-byte ones)
// to the raw allocator, as in CPython. A realloc of a pymalloc block stays in
// place when the new size fits the block and does not shrink it by a quarter
// or more; a raw block stays raw whatever its new size.

#ifndef HEAPSIM_SERVER_HEAP_ALLOCATOR_H_
#define HEAPSIM_SERVER_HEAP_ALLOCATOR_H_

#include <cstdint>

#include "server/heap/address_space.h"
#include "server/heap/profile.h"
#include "server/heap/pymalloc.h"
#include "server/heap/libc_malloc.h"
#include "server/heap/tracemalloc.h"

namespace heapsim {

class Allocator {
 public:
  explicit Allocator(const Profile& profile);

  // Copies are independent simulations (used to checkpoint a heap).
  Allocator(const Allocator& other);
  Allocator& operator=(const Allocator& other);

  // PyObject_Malloc(nbytes): the address of a new block.
  uint64_t Malloc(uint64_t nbytes) {
    const uint64_t address =
        (nbytes - 1 < Pymalloc::kSmallRequestThreshold) ? pymalloc_.Allocate(static_cast<uint32_t>(nbytes))
                                                         : raw_.Allocate(nbytes);
    tracemalloc_.OnAllocate(address, nbytes);
    return address;
  }

  // PyMem_RawMalloc(nbytes): always the C library's malloc.
  uint64_t RawMalloc(uint64_t nbytes) {
    const uint64_t address = raw_.Allocate(nbytes);
    tracemalloc_.OnAllocate(address, nbytes);
    return address;
  }

  // PyObject_Realloc(address, nbytes); `address` 0 behaves as Malloc. Returns
  // the block's address afterwards.
  uint64_t Realloc(uint64_t address, uint64_t nbytes);

  // PyObject_Free / PyMem_RawFree. REQUIRES: `address` is a live block.
  void Free(uint64_t address) {
    tracemalloc_.OnFree(address);
    if (pymalloc_.Owns(address)) {
      pymalloc_.Free(address);
    } else {
      raw_.Free(address);
    }
  }

  // Bytes the simulated process holds from the system: mapped arenas and
  // large blocks, and the brk heap. What memory limits are checked against.
  uint64_t footprint() const {
    return address_space_.mapped_bytes() + address_space_.brk_bytes();
  }
  // The highest footprint() since the allocator was made or
  // ResetPeakFootprint last ran.
  uint64_t peak_footprint() const { return address_space_.peak_bytes(); }
  void ResetPeakFootprint() { address_space_.ResetPeak(); }

  Tracemalloc& tracemalloc() { return tracemalloc_; }
  const Tracemalloc& tracemalloc() const { return tracemalloc_; }
  const Pymalloc& pymalloc() const { return pymalloc_; }
  const LibcMalloc& raw() const { return raw_; }
  const AddressSpace& address_space() const { return address_space_; }

 private:
  // Order matters: both allocators point at address_space_.
  AddressSpace address_space_;
  Pymalloc pymalloc_;
  LibcMalloc raw_;
  Tracemalloc tracemalloc_;
};

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_ALLOCATOR_H_
