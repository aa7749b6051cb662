#include "server/heap/format_message.h"

#include "server/heap/str_object.h"
#include "server/heap/unicode_writer.h"

namespace heapsim {

namespace {

// PyUnicode_FromFormat's minimum buffer: the format's length plus this.
constexpr uint64_t kMinimumExtra = 100;

}  // namespace

void MakeTransientFormattedMessage(Heap& heap, uint32_t format_length,
                                   absl::Span<const FormatPiece> pieces) {
  UnicodeWriterModel writer(heap, format_length + kMinimumExtra);
  for (const FormatPiece& piece : pieces) {
    const uint64_t temporary =
        piece.decoded ? heap.AllocateBuffer(StrRequest(heap.profile(), piece.length,
                                                       StrKind::kAscii))
                      : 0;
    writer.Write(piece.length);
    heap.FreeBuffer(temporary);
  }
  // The message the caller clears at once.
  heap.FreeBuffer(writer.Finish());
}

}  // namespace heapsim
