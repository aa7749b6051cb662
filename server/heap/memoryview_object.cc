#include "server/heap/memoryview_object.h"

#include "server/heap/array_object.h"
#include "server/heap/bodies.h"
#include "server/heap/hashing.h"
#include "server/heap/py_error.h"

namespace heapsim {

namespace {

// Registers a new view on managed buffer `mbuf` (mbuf_add_view): the view
// is allocated and tracked, then holds `mbuf`.
Ref AddView(Heap& heap, ObjectId mbuf, MemoryViewBody body) {
  const ObjectId id = heap.NewObject(TypeTag::kMemoryView, kMemoryViewRequest);
  heap.IncRef(mbuf);
  ++heap.managed_buffer(mbuf).views;
  body.mbuf = mbuf;
  heap.AttachBody(id, body);
  heap.Track(id);
  return heap.Adopt(id);
}

}  // namespace

absl::Status ReleasedViewError() {
  return PyError(PyExc::kValueError, "operation forbidden on released memoryview object");
}

Ref NewMemoryView(Heap& heap, ObjectId exporter) {
  // _PyManagedBuffer_FromObject: the managed buffer, tracked, then the
  // exporter's buffer (bytearray_getbuffer counts the export).
  const ObjectId mbuf = heap.NewObject(TypeTag::kManagedBuffer, kManagedBufferRequest);
  heap.AttachBody(mbuf, ManagedBufferBody{exporter, 0});
  heap.Track(mbuf);
  heap.IncRef(exporter);
  ++heap.bytes(exporter).exports;
  MemoryViewBody body;
  if (heap.type_of(exporter) == TypeTag::kArray) {
    // array_buffer_getbuf: the typecode's format and item size.
    const ArrayTypecode type = ArrayTypecodeOf(heap, exporter);
    body.itemsize = type.itemsize;
    body.format = type.code;
    body.step = type.itemsize;
  }
  body.length = static_cast<int64_t>(heap.bytes(exporter).data.size()) / body.itemsize;
  body.readonly = heap.type_of(exporter) == TypeTag::kBytes;
  Ref view = AddView(heap, mbuf, body);
  heap.DecRef(mbuf);  // the view holds it now
  return view;
}

Ref NewMemoryViewSlice(Heap& heap, ObjectId base, int64_t start, int64_t step, int64_t count) {
  const MemoryViewBody& b = heap.memoryview(base);
  MemoryViewBody body;
  body.start = b.start + start * b.step;
  body.step = b.step * step;
  body.length = count;
  body.readonly = b.readonly;
  body.itemsize = b.itemsize;
  body.format = b.format;
  return AddView(heap, b.mbuf, body);
}

void ReleaseManagedBuffer(Heap& heap, ObjectId mbuf) {
  const ObjectId exporter = heap.managed_buffer(mbuf).exporter;
  if (exporter == kNoObject) return;
  heap.managed_buffer(mbuf).exporter = kNoObject;
  if (heap.IsTracked(mbuf)) heap.Untrack(mbuf);
  --heap.bytes(exporter).exports;  // PyBuffer_Release
  heap.DecRef(exporter);
}

void ReleaseMemoryView(Heap& heap, ObjectId view) {
  MemoryViewBody& body = heap.memoryview(view);
  if (body.released) return;
  body.released = true;
  if (body.mbuf == kNoObject) return;
  if (--heap.managed_buffer(body.mbuf).views == 0) ReleaseManagedBuffer(heap, body.mbuf);
}

bool MemoryViewReleased(const Heap& heap, ObjectId view) {
  return heap.memoryview(view).released;
}

ObjectId MemoryViewExporter(const Heap& heap, ObjectId view) {
  return heap.managed_buffer(heap.memoryview(view).mbuf).exporter;
}

int64_t MemoryViewLength(const Heap& heap, ObjectId view) { return heap.memoryview(view).length; }

bool MemoryViewReadOnly(const Heap& heap, ObjectId view) {
  return heap.memoryview(view).readonly;
}

int64_t MemoryViewStep(const Heap& heap, ObjectId view) { return heap.memoryview(view).step; }

bool MemoryViewContiguous(const Heap& heap, ObjectId view) {
  const MemoryViewBody& body = heap.memoryview(view);
  return body.step == body.itemsize || body.length <= 1;
}

int64_t MemoryViewItemSize(const Heap& heap, ObjectId view) {
  return heap.memoryview(view).itemsize;
}

char MemoryViewFormat(const Heap& heap, ObjectId view) { return heap.memoryview(view).format; }

int64_t MemoryViewOffset(const Heap& heap, ObjectId view, int64_t index) {
  const MemoryViewBody& body = heap.memoryview(view);
  return body.start + index * body.step;
}

std::string MemoryViewBytes(const Heap& heap, ObjectId view) {
  const MemoryViewBody& body = heap.memoryview(view);
  if (body.length == 0) return std::string();
  const std::string& data = heap.bytes(MemoryViewExporter(heap, view)).data;
  if (body.step == body.itemsize) {
    return data.substr(static_cast<size_t>(body.start), body.length * body.itemsize);
  }
  std::string out;
  out.reserve(body.length * body.itemsize);
  for (int64_t i = 0; i < body.length; ++i) {
    out.append(data, static_cast<size_t>(body.start + i * body.step), body.itemsize);
  }
  return out;
}

uint8_t MemoryViewByte(const Heap& heap, ObjectId view, int64_t index) {
  const MemoryViewBody& body = heap.memoryview(view);
  const std::string& data = heap.bytes(MemoryViewExporter(heap, view)).data;
  return static_cast<uint8_t>(data[body.start + index * body.step]);
}

void MemoryViewStore(Heap& heap, ObjectId view, int64_t start, int64_t step,
                     const std::string& data) {
  const MemoryViewBody& body = heap.memoryview(view);
  std::string& target = heap.bytes(MemoryViewExporter(heap, view)).data;
  for (size_t i = 0; i < data.size(); ++i) {
    target[body.start + (start + static_cast<int64_t>(i) * step) * body.step] = data[i];
  }
}

bool MemoryViewComparesUnpacked(const Heap& heap, ObjectId a, ObjectId b) {
  auto format = [&heap](ObjectId id) -> char {
    if (heap.type_of(id) != TypeTag::kMemoryView || MemoryViewReleased(heap, id)) return 0;
    return MemoryViewFormat(heap, id);
  };
  const char fa = format(a);
  const char fb = format(b);
  if ((fa == 0 || fa == 'B') && (fb == 0 || fb == 'B')) return false;
  return a != b && !(fa == fb && fa != 'f' && fa != 'd');
}

bool MemoryViewEqual(const Heap& heap, ObjectId a, ObjectId b) {
  if (a == b) return true;
  std::string sides[2];
  const ObjectId ids[2] = {a, b};
  for (int i = 0; i < 2; ++i) {
    switch (heap.type_of(ids[i])) {
      case TypeTag::kMemoryView:
        if (MemoryViewReleased(heap, ids[i])) return false;
        sides[i] = MemoryViewBytes(heap, ids[i]);
        break;
      case TypeTag::kBytes:
      case TypeTag::kByteArray:
        sides[i] = heap.bytes(ids[i]).data;
        break;
      default:
        return false;
    }
  }
  return sides[0] == sides[1];
}

int64_t MemoryViewHash(const Heap& heap, ObjectId view) {
  const MemoryViewBody& body = heap.memoryview(view);
  if (!body.hashed) {
    body.hash = HashBytes(MemoryViewBytes(heap, view), heap.profile().siphash13);
    body.hashed = true;
  }
  return body.hash;
}

}  // namespace heapsim
