// The simulated process address space: where mmap puts a mapping and where
// the brk heap grows.
//
// Linux hands out anonymous mappings top-down: a new mapping goes at the top
// of the highest free gap below the mmap base that is large enough, so a
// mapping released and requested again comes back at the same address. The
// brk heap starts low and grows upwards. Both rules are modelled exactly, so
// addresses are deterministic and look like a real 64-bit process's.

#ifndef HEAPSIM_SERVER_HEAP_ADDRESS_SPACE_H_
#define HEAPSIM_SERVER_HEAP_ADDRESS_SPACE_H_

#include <cstdint>
#include <map>

namespace heapsim {

class AddressSpace {
 public:
  static constexpr uint64_t kPageSize = 4096;
  // Where the first mapping ends. Deliberately not 16 KiB-aligned, as is
  // usual for a real process, so arenas lose a pool to alignment.
  static constexpr uint64_t kMmapBase = 0x7f3a5c7f1000;
  // Where the brk heap starts.
  static constexpr uint64_t kBrkBase = 0x55d1e4a2c000;

  AddressSpace() = default;

  // Maps `length` bytes (rounded up to whole pages) and returns the start.
  uint64_t Map(uint64_t length);

  // Unmaps the mapping that starts at `start`.
  // REQUIRES: `start` was returned by Map and is still mapped.
  void Unmap(uint64_t start);

  // Moves the program break up by `increment` bytes (a whole number of
  // pages) and returns the old break.
  uint64_t Sbrk(uint64_t increment);

  // Bytes currently mapped by Map, and the brk heap's size.
  uint64_t mapped_bytes() const { return mapped_bytes_; }
  uint64_t brk_bytes() const { return brk_ - kBrkBase; }

  // The most mapped and brk bytes held at once since the space was made or
  // ResetPeak last ran.
  uint64_t peak_bytes() const { return peak_bytes_; }
  void ResetPeak() { peak_bytes_ = mapped_bytes() + brk_bytes(); }

 private:
  std::map<uint64_t, uint64_t> mappings_;  // start -> length, page-rounded
  uint64_t mapped_bytes_ = 0;
  uint64_t brk_ = kBrkBase;
  uint64_t peak_bytes_ = 0;
};

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_ADDRESS_SPACE_H_
