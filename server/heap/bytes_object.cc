#include "server/heap/bytes_object.h"

#include <vector>

#include "server/heap/py_error.h"

namespace heapsim {

Ref NewBytes(Heap& heap, std::string_view data) {
  if (data.empty()) return heap.NewRef(heap.empty_bytes());
  if (data.size() == 1) return heap.NewRef(heap.SingleByte(static_cast<uint8_t>(data[0])));
  return NewBytesObject(heap, data);
}

Ref NewBytesObject(Heap& heap, std::string_view data) {
  if (data.empty()) return heap.NewRef(heap.empty_bytes());
  const ObjectId id = heap.NewObject(TypeTag::kBytes, heap.profile().bytes_header + data.size());
  BytesBody body;
  body.data = std::string(data);
  heap.AttachBody(id, std::move(body));
  return heap.Adopt(id);
}

Ref NewByteArray(Heap& heap, std::string_view data) {
  const ObjectId id = heap.NewObject(TypeTag::kByteArray, kByteArrayObjectSize);
  BytesBody body;
  body.data = std::string(data);
  if (!data.empty()) {
    body.alloc = data.size() + 1;
    body.buffer_block = heap.AllocateBuffer(body.alloc);
  }
  heap.AttachBody(id, std::move(body));
  return heap.Adopt(id);
}

void ByteArrayResize(Heap& heap, ObjectId id, uint64_t size) {
  BytesBody& body = heap.bytes(id);
  if (size == body.data.size()) return;
  uint64_t alloc = body.alloc;
  if (size + body.start_offset + 1 <= alloc) {
    if (size >= alloc / 2) {
      body.data.resize(size);  // minor downsize: keep the buffer
      return;
    }
    alloc = size + 1;  // major downsize: to the exact size
  } else if (static_cast<double>(size) <= static_cast<double>(alloc) * 1.125) {
    alloc = size + (size >> 3) + (size < 9 ? 3 : 6);  // moderate upsize
  } else {
    alloc = size + 1;  // major upsize
  }
  if (body.start_offset > 0) {
    // The live bytes start inside the buffer: copied to a new one, the old freed.
    const uint64_t fresh = heap.AllocateBuffer(alloc);
    heap.FreeBuffer(body.buffer_block);
    body.buffer_block = fresh;
    body.start_offset = 0;
  } else {
    body.buffer_block = heap.ReallocateBuffer(body.buffer_block, alloc);
  }
  body.alloc = alloc;
  body.data.resize(size);
}

absl::Status ByteArrayCanResize(const Heap& heap, ObjectId id) {
  if (heap.bytes(id).exports == 0) return absl::OkStatus();
  return PyError(PyExc::kBufferError, "Existing exports of data: object cannot be re-sized");
}

void ByteArraySetSlice(Heap& heap, ObjectId id, uint64_t lo, uint64_t hi, std::string_view data) {
  std::string next = heap.bytes(id).data;
  next.replace(lo, hi - lo, data);
  const uint64_t removed = hi - lo;
  if (data.size() < removed && lo == 0) heap.bytes(id).start_offset += removed - data.size();
  ByteArrayResize(heap, id, next.size());
  heap.bytes(id).data = std::move(next);
}

void ByteArrayDeleteExtendedSlice(Heap& heap, ObjectId id, int64_t start, int64_t step,
                                  int64_t count) {
  if (count == 0) return;
  std::string next = heap.bytes(id).data;
  std::vector<bool> doomed(next.size(), false);
  for (int64_t i = 0, at = start; i < count; ++i, at += step) doomed[at] = true;
  std::string kept;
  for (size_t i = 0; i < next.size(); ++i) {
    if (!doomed[i]) kept.push_back(next[i]);
  }
  ByteArrayResize(heap, id, kept.size());
  heap.bytes(id).data = std::move(kept);
}

void ByteArrayAppend(Heap& heap, ObjectId id, uint8_t value) {
  const uint64_t size = heap.bytes(id).data.size();
  ByteArrayResize(heap, id, size + 1);
  heap.bytes(id).data[size] = static_cast<char>(value);
}

void ByteArrayExtend(Heap& heap, ObjectId id, std::string_view data) {
  const uint64_t size = heap.bytes(id).data.size();
  ByteArrayResize(heap, id, size + data.size());
  heap.bytes(id).data.replace(size, data.size(), data);
}

absl::StatusOr<uint8_t> ByteArrayPop(Heap& heap, ObjectId id, int64_t index) {
  std::string& data = heap.bytes(id).data;
  const auto size = static_cast<int64_t>(data.size());
  if (size == 0) return PyError(PyExc::kIndexError, "pop from empty bytearray");
  if (index < 0) index += size;
  if (index < 0 || index >= size) return PyError(PyExc::kIndexError, "pop index out of range");
  if (absl::Status resizable = ByteArrayCanResize(heap, id); !resizable.ok()) return resizable;
  const auto value = static_cast<uint8_t>(data[index]);
  data.erase(static_cast<size_t>(index), 1);
  data.push_back('\0');
  ByteArrayResize(heap, id, static_cast<uint64_t>(size - 1));
  return value;
}

uint64_t BytesSizeOf(const Heap& heap, ObjectId id) {
  const BytesBody& body = heap.bytes(id);
  if (heap.type_of(id) == TypeTag::kByteArray) return kByteArrayObjectSize + body.alloc;
  return heap.profile().bytes_header + body.data.size();
}

}  // namespace heapsim
