#include "server/heap/unicode_writer.h"

#include <utility>

#include "server/heap/str_object.h"

namespace heapsim {

namespace {

uint64_t AsciiRequest(const Heap& heap, uint64_t characters) {
  return StrRequest(heap.profile(), static_cast<uint32_t>(characters), StrKind::kAscii);
}

}  // namespace

UnicodeWriterModel::UnicodeWriterModel(UnicodeWriterModel&& other) noexcept
    : heap_(other.heap_),
      min_length_(other.min_length_),
      overallocate_(other.overallocate_),
      block_(std::exchange(other.block_, 0)),
      capacity_(other.capacity_),
      written_(other.written_) {}

void UnicodeWriterModel::Grow(uint64_t needed) {
  uint64_t capacity = overallocate_ ? needed + needed / 4 : needed;
  if (capacity < min_length_) capacity = min_length_;
  block_ = block_ == 0 ? heap_.AllocateBuffer(AsciiRequest(heap_, capacity))
                       : heap_.ReallocateBuffer(block_, AsciiRequest(heap_, capacity));
  capacity_ = capacity;
}

uint64_t UnicodeWriterModel::Finish() {
  if (block_ != 0 && written_ != capacity_) {
    block_ = heap_.ReallocateBuffer(block_, AsciiRequest(heap_, written_));
    capacity_ = written_;
  }
  return std::exchange(block_, 0);
}

}  // namespace heapsim
