#include "server/script/huge_pages.h"

#include <sys/mman.h>

#include <cstdint>

namespace heapsim::script {

void AdviseHugePages(void* start, size_t bytes) {
  const uintptr_t begin = reinterpret_cast<uintptr_t>(start);
  const uintptr_t first = (begin + kHugePageSize - 1) & ~(kHugePageSize - 1);
  const uintptr_t last = (begin + bytes) & ~(kHugePageSize - 1);
  if (first >= last) return;
  madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
}

}  // namespace heapsim::script
