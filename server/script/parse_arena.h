// The memory a program's parse tree lives in. The parser makes one node
// (an Expr or a Stmt) for almost every token, and the tree lives as long as
// the program runs, so one heap allocation per node would make a large
// script's cost its allocator's: a ParseArena carves nodes out of blocks
// that grow geometrically instead, and backs its large blocks with
// transparent huge pages where the kernel offers them (a page fault per
// 2 MiB rather than per 4 KiB).
//
// Nodes are owned by ParseNodePtr: destroying the pointer runs the node's
// destructor (which frees what the node itself allocated, such as its
// vectors) but not its memory, which the arena frees when it is destroyed.
// So every node of an arena must be destroyed before the arena: the owner
// of a tree declares its arena before the tree.

#ifndef HEAPSIM_SERVER_SCRIPT_PARSE_ARENA_H_
#define HEAPSIM_SERVER_SCRIPT_PARSE_ARENA_H_

#include <cstddef>
#include <memory>
#include <new>
#include <vector>

#include "server/script/huge_pages.h"

namespace heapsim::script {

// Runs a node's destructor; its memory belongs to its ParseArena.
struct ParseNodeDeleter {
  template <typename T>
  void operator()(T* node) const {
    node->~T();
  }
};

template <typename T>
using ParseNodePtr = std::unique_ptr<T, ParseNodeDeleter>;

class ParseArena {
 public:
  ParseArena() = default;
  ParseArena(const ParseArena&) = delete;
  ParseArena& operator=(const ParseArena&) = delete;
  // Frees every block. The nodes must have been destroyed already.
  ~ParseArena();

  // Returns a value-initialised T in the arena. The pointer owns the node
  // (see above); the memory stays the arena's until the arena is destroyed.
  template <typename T>
  ParseNodePtr<T> New() {
    static_assert(alignof(T) <= kAlignment, "ParseArena aligns to 8 bytes");
    return ParseNodePtr<T>(new (Allocate(sizeof(T))) T());
  }

  // Bytes of blocks the arena holds (used or not).
  size_t MemoryUsage() const { return memory_usage_; }

 private:
  // Enough for every node (pointers, 64-bit integers); less than
  // max_align_t's 16, so nodes are packed tighter.
  static constexpr size_t kAlignment = 8;
  // The first block fits a short script's tree (a shell line's, a
  // generated method's); blocks double from there up to one transparent
  // huge page, the size of every later block.
  static constexpr size_t kFirstBlockSize = 4096;

  // `bytes` of uninitialised memory aligned to kAlignment: from the current
  // block when it has room, else from a new block (AllocateNewBlock).
  void* Allocate(size_t bytes) {
    bytes = (bytes + kAlignment - 1) & ~(kAlignment - 1);
    if (bytes <= remaining_) {
      char* result = next_;
      next_ += bytes;
      remaining_ -= bytes;
      return result;
    }
    return AllocateNewBlock(bytes);
  }
  // Starts a new block big enough for `bytes` and returns `bytes` of it.
  // Blocks double from a small first one up to the huge page size; the
  // space left in the block being abandoned is not reused.
  void* AllocateNewBlock(size_t bytes);

  // The current block's free space.
  char* next_ = nullptr;
  size_t remaining_ = 0;

  // Every block, freed by the destructor; the size of the next one; the
  // total of all blocks' sizes.
  std::vector<void*> blocks_;
  size_t next_block_size_ = kFirstBlockSize;
  size_t memory_usage_ = 0;
};

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_PARSE_ARENA_H_
