#include "server/heap/format_message.h"

#include "server/heap/str_object.h"

namespace heapsim {

namespace {

// PyUnicode_FromFormat's minimum buffer: the format's length plus this.
constexpr uint64_t kMinimumExtra = 100;

}  // namespace

void MakeTransientFormattedMessage(Heap& heap, uint32_t format_length,
                                   absl::Span<const FormatPiece> pieces) {
  const Profile& profile = heap.profile();
  const auto request = [&](uint64_t characters) {
    return StrRequest(profile, static_cast<uint32_t>(characters), StrKind::kAscii);
  };
  const uint64_t minimum = format_length + kMinimumExtra;
  uint64_t buffer = 0;    // the writer's block (0: none yet)
  uint64_t capacity = 0;  // characters it holds
  uint64_t written = 0;
  for (const FormatPiece& piece : pieces) {
    const uint64_t temporary = piece.decoded ? heap.AllocateBuffer(request(piece.length)) : 0;
    const uint64_t needed = written + piece.length;
    if (buffer == 0 || needed > capacity) {
      capacity = needed + needed / 4;  // over-allocated by a quarter
      if (capacity < minimum) capacity = minimum;
      buffer = buffer == 0 ? heap.AllocateBuffer(request(capacity))
                           : heap.ReallocateBuffer(buffer, request(capacity));
    }
    written = needed;
    heap.FreeBuffer(temporary);
  }
  if (buffer == 0) return;
  // _PyUnicodeWriter_Finish shrinks the buffer to the message; the caller
  // clears the exception holding it.
  if (written != capacity) buffer = heap.ReallocateBuffer(buffer, request(written));
  heap.FreeBuffer(buffer);
}

}  // namespace heapsim
