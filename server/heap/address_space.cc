#include "server/heap/address_space.h"

#include <algorithm>
#include <cassert>

namespace heapsim {

namespace {

uint64_t RoundUpToPage(uint64_t n) {
  return (n + AddressSpace::kPageSize - 1) & ~(AddressSpace::kPageSize - 1);
}

}  // namespace

uint64_t AddressSpace::Map(uint64_t length) {
  length = RoundUpToPage(length);
  // Walk the gaps from the top down; the first one that fits wins, and the
  // mapping is placed at that gap's upper end.
  uint64_t gap_end = kMmapBase;
  for (auto it = mappings_.rbegin(); it != mappings_.rend(); ++it) {
    const uint64_t mapping_end = it->first + it->second;
    if (gap_end - mapping_end >= length) break;
    gap_end = it->first;
  }
  const uint64_t start = gap_end - length;
  mappings_.emplace(start, length);
  mapped_bytes_ += length;
  peak_bytes_ = std::max(peak_bytes_, mapped_bytes() + brk_bytes());
  return start;
}

void AddressSpace::Unmap(uint64_t start) {
  auto it = mappings_.find(start);
  assert(it != mappings_.end());
  mapped_bytes_ -= it->second;
  mappings_.erase(it);
}

uint64_t AddressSpace::Sbrk(uint64_t increment) {
  const uint64_t old = brk_;
  brk_ += RoundUpToPage(increment);
  peak_bytes_ = std::max(peak_bytes_, mapped_bytes() + brk_bytes());
  return old;
}

}  // namespace heapsim
