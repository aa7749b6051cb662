// HostMemory is a server's budget of real memory: what its allocator holds
// for every session together may not pass `max_bytes`. Calls ask before
// they grow; past the budget they are refused (ResourceExhausted) instead
// of the kernel ending the whole process.
//
// Thread safety: all methods may be called from any thread.

#ifndef HEAPSIM_SERVER_HEAP_HOST_MEMORY_H_
#define HEAPSIM_SERVER_HEAP_HOST_MEMORY_H_

#include <cstdint>

namespace heapsim {

class HostMemory {
 public:
  // `max_bytes` 0: no budget.
  explicit HostMemory(uint64_t max_bytes) : max_bytes_(max_bytes) {}

  uint64_t max_bytes() const { return max_bytes_; }

  // Bytes the process's allocator holds for its callers now.
  static uint64_t InUse();

  // Whether `more` bytes fit beside what is in use now.
  bool Allows(uint64_t more) const;

  // Half of the machine's physical memory, the default budget.
  static uint64_t DefaultMaxBytes();

  // Returns the allocator's free pages to the system (all of its arenas,
  // not only the top of each), so memory a big heap used and freed is not
  // kept by the process. It walks every arena's free chunks, holding each
  // arena's lock meanwhile: call it after large frees, not on every call.
  static void ReleaseFreePages();

 private:
  const uint64_t max_bytes_;
};

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_HOST_MEMORY_H_
