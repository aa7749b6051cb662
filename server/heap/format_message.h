// The blocks CPython's PyUnicode_FromFormat allocates on the way to an
// ASCII message. It writes into a buffer (a str under construction) sized
// at first for the format's length plus 100 characters; a piece that does
// not fit grows it, by realloc, to the length needed plus a quarter. A
// "%s" argument (a C string) is first decoded into a temporary str, alive
// while it is copied in. The finished message is the buffer shrunk to its
// length.

#ifndef HEAPSIM_SERVER_HEAP_FORMAT_MESSAGE_H_
#define HEAPSIM_SERVER_HEAP_FORMAT_MESSAGE_H_

#include <cstdint>

#include "absl/types/span.h"
#include "server/heap/heap.h"

namespace heapsim {

// One piece of the message, in order: literal text or an argument.
struct FormatPiece {
  uint32_t length;  // characters
  // A "%s" argument, decoded into a temporary str before it is copied.
  bool decoded = false;
};

// Formats a message of `pieces` with a format string of `format_length`
// characters and frees it at once, as C code that raises an exception and
// then clears it does: the blocks come and go in CPython's order (so
// tracemalloc's peak sees the buffer together with a temporary str) and
// nothing is left. REQUIRES: the message is ASCII.
void MakeTransientFormattedMessage(Heap& heap, uint32_t format_length,
                                   absl::Span<const FormatPiece> pieces);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_FORMAT_MESSAGE_H_
