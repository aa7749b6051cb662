#include "server/script/parse_arena.h"

#include <algorithm>
#include <cstdlib>
#include <new>

#include "server/script/huge_pages.h"

namespace heapsim::script {

ParseArena::~ParseArena() {
  for (void* block : blocks_) std::free(block);
}

void* ParseArena::AllocateNewBlock(size_t bytes) {
  size_t size = std::max(next_block_size_, bytes);
  void* block;
  if (size >= kHugePageSize) {
    // Whole huge pages, aligned, so that all of it can be backed by them.
    size = (size + kHugePageSize - 1) & ~(kHugePageSize - 1);
    block = std::aligned_alloc(kHugePageSize, size);
    if (block != nullptr) AdviseHugePages(block, size);
  } else {
    block = std::malloc(size);
    next_block_size_ *= 2;
  }
  if (block == nullptr) throw std::bad_alloc();
  blocks_.push_back(block);
  memory_usage_ += size;
  next_ = static_cast<char*>(block) + bytes;
  remaining_ = size - bytes;
  return block;
}

}  // namespace heapsim::script
