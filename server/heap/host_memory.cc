#include "server/heap/host_memory.h"

#include <malloc.h>
#include <unistd.h>

namespace heapsim {

uint64_t HostMemory::InUse() {
  const struct mallinfo2 info = mallinfo2();
  return static_cast<uint64_t>(info.uordblks) + static_cast<uint64_t>(info.hblkhd);
}

bool HostMemory::Allows(uint64_t more) const {
  if (max_bytes_ == 0) return true;
  const uint64_t used = InUse();
  return used <= max_bytes_ && more <= max_bytes_ - used;
}

void HostMemory::ReleaseFreePages() { malloc_trim(0); }

uint64_t HostMemory::DefaultMaxBytes() {
  const long pages = sysconf(_SC_PHYS_PAGES);
  const long page_size = sysconf(_SC_PAGESIZE);
  if (pages <= 0 || page_size <= 0) return 0;
  return static_cast<uint64_t>(pages) * static_cast<uint64_t>(page_size) / 2;
}

}  // namespace heapsim
