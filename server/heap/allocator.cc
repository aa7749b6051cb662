#include "server/heap/allocator.h"

namespace heapsim {

Allocator::Allocator(const Profile& profile)
    : pymalloc_(profile, &address_space_), raw_(profile, &address_space_) {}

Allocator::Allocator(const Allocator& other)
    : address_space_(other.address_space_),
      pymalloc_(other.pymalloc_),
      raw_(other.raw_),
      tracemalloc_(other.tracemalloc_) {
  pymalloc_.Rebind(&address_space_);
  raw_.Rebind(&address_space_);
}

Allocator& Allocator::operator=(const Allocator& other) {
  if (this != &other) {
    address_space_ = other.address_space_;
    pymalloc_ = other.pymalloc_;
    raw_ = other.raw_;
    tracemalloc_ = other.tracemalloc_;
    pymalloc_.Rebind(&address_space_);
    raw_.Rebind(&address_space_);
  }
  return *this;
}

uint64_t Allocator::Realloc(uint64_t address, uint64_t nbytes) {
  if (address == 0) return Malloc(nbytes);
  uint64_t moved;
  if (pymalloc_.Owns(address)) {
    const uint64_t block_size = pymalloc_.BlockSizeAt(address);
    if (nbytes <= block_size && 4 * nbytes > 3 * block_size) {
      moved = address;
    } else {
      // Allocate first, then free: the new block is never the old one.
      moved = (nbytes - 1 < Pymalloc::kSmallRequestThreshold)
                  ? pymalloc_.Allocate(static_cast<uint32_t>(nbytes))
                  : raw_.Allocate(nbytes);
      pymalloc_.Free(address);
    }
  } else {
    moved = raw_.Reallocate(address, nbytes);
  }
  tracemalloc_.OnReallocate(address, moved, nbytes);
  return moved;
}

}  // namespace heapsim
