#include "server/heap/stdout_stream.h"

#include <cstdint>

#include "server/heap/bytes_object.h"
#include "server/heap/heap.h"
#include "server/heap/int_object.h"
#include "server/heap/str_object.h"

namespace heapsim {

namespace {

// A count a write() returns (PyLong_FromSsize_t: exactly its digits),
// dropped by its caller at once: a new int past the small ints.
void DropCount(Heap& heap, uint64_t count) {
  if (count <= 256) return;
  const auto value = static_cast<int64_t>(count);
  NewInt(heap, value, IntRequest::Digits(DigitCount(value))).Reset();
}

}  // namespace

void StdoutWrite(Heap& heap, ObjectId text) {
  const StrBody& str = heap.str(text);
  const uint64_t characters = str.length;
  const uint64_t length = str.utf8.size();
  {
    // The pending bytes: an ASCII str's copy (PyBytes_FromStringAndSize,
    // made as the pending text is flushed), or the encoded text.
    Ref data = NewBytes(heap, str.utf8);
    DropCount(heap, length);  // FileIO.write
  }
  DropCount(heap, characters);  // TextIOWrapper.write
}

}  // namespace heapsim
