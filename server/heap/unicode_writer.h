// CPython's _PyUnicodeWriter as the allocator sees it, for ASCII text: the
// buffer (a str under construction) is made by the first write, at least
// `min_length` characters and, while over-allocating, a quarter more than
// the text needs; a write that does not fit grows it by realloc the same
// way. Finishing shrinks it to the text, which becomes the result str.
//
// Used to replay the blocks reprs and formatted messages take on their way
// (tracemalloc's peak sees them); the text itself is the caller's.

#ifndef HEAPSIM_SERVER_HEAP_UNICODE_WRITER_H_
#define HEAPSIM_SERVER_HEAP_UNICODE_WRITER_H_

#include <cstdint>

#include "server/heap/heap.h"

namespace heapsim {

class UnicodeWriterModel {
 public:
  // _PyUnicodeWriter_Init with writer.min_length = `min_length` and
  // writer.overallocate = 1.
  UnicodeWriterModel(Heap& heap, uint64_t min_length) : heap_(heap), min_length_(min_length) {}
  // Frees the buffer if Finish() did not take it.
  ~UnicodeWriterModel() { heap_.FreeBuffer(block_); }
  UnicodeWriterModel(UnicodeWriterModel&& other) noexcept;
  UnicodeWriterModel(const UnicodeWriterModel&) = delete;
  UnicodeWriterModel& operator=(const UnicodeWriterModel&) = delete;
  UnicodeWriterModel& operator=(UnicodeWriterModel&&) = delete;

  // Writes `length` ASCII characters, growing the buffer where they do not
  // fit (_PyUnicodeWriter_PrepareInternal).
  void Write(uint64_t length) {
    const uint64_t needed = written_ + length;
    if (block_ == 0 || needed > capacity_) Grow(needed);
    written_ = needed;
  }

  // writer.overallocate = 0: later growth is to the exact length.
  void StopOverallocating() { overallocate_ = false; }

  // _PyUnicodeWriter_Finish: shrinks the buffer to the text and hands it
  // over (0 when nothing was written). The caller frees the block.
  uint64_t Finish();

  uint64_t written() const { return written_; }

 private:
  void Grow(uint64_t needed);

  Heap& heap_;
  const uint64_t min_length_;
  bool overallocate_ = true;
  uint64_t block_ = 0;     // the buffer's block, 0 before the first write
  uint64_t capacity_ = 0;  // characters the buffer holds
  uint64_t written_ = 0;   // characters written
};

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_UNICODE_WRITER_H_
