// memoryview objects over the bytes of a bytes or bytearray (format 'B')
// or the items of an array.array (format its typecode)
// (Objects/memoryobject.c), one-dimensional.
//
// memoryview(x) makes a managed buffer (_PyManagedBufferObject, a tracked
// GC object) that takes x's buffer once: it holds a reference to x and,
// for a bytearray, counts as one export, which forbids resizing it. Then
// it makes the view (PyMemoryViewObject with one dimension of shape,
// strides and suboffsets, tracked). memoryview(m) and m[a:b:c] make only
// a view, registered on m's managed buffer. A view does not own its
// exporter: `obj` is the managed buffer's.
//
// A view is released by release(), by `with`'s exit, or when it dies; the
// managed buffer lets go of the exporter (untracked, the export ended, the
// reference dropped) when the last view registered on it is released.
// The managed buffer itself lives until its last view dies.

#ifndef HEAPSIM_SERVER_HEAP_MEMORYVIEW_OBJECT_H_
#define HEAPSIM_SERVER_HEAP_MEMORYVIEW_OBJECT_H_

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "server/heap/heap.h"

namespace heapsim {

// The blocks, GC header included, in every version: a one-dimensional
// view (sys.getsizeof says the same) and a managed buffer.
inline constexpr uint64_t kMemoryViewRequest = 184;
inline constexpr uint64_t kManagedBufferRequest = 128;

// CPython's error for any use of a released view.
absl::Status ReleasedViewError();

// memoryview(exporter) for a bytes or bytearray `exporter`.
Ref NewMemoryView(Heap& heap, ObjectId exporter);

// A new view on view `base`'s managed buffer, of `count` items of `base`
// from item `start` on, `step` apart (memoryview(m) is 0, 1, len(m)).
// REQUIRES: `base` is not released; the items lie inside `base`.
Ref NewMemoryViewSlice(Heap& heap, ObjectId base, int64_t start, int64_t step, int64_t count);

// m.release() (and __exit__): a no-op on a released view.
void ReleaseMemoryView(Heap& heap, ObjectId view);

// The managed buffer lets go of its exporter (mbuf_release); a no-op when
// it already did.
void ReleaseManagedBuffer(Heap& heap, ObjectId mbuf);

bool MemoryViewReleased(const Heap& heap, ObjectId view);
// The exporter of an unreleased view (borrowed).
ObjectId MemoryViewExporter(const Heap& heap, ObjectId view);
// The view's item count, and whether it is read-only (its exporter is a
// bytes).
int64_t MemoryViewLength(const Heap& heap, ObjectId view);
bool MemoryViewReadOnly(const Heap& heap, ObjectId view);
// The view's stride in bytes (the item size for a contiguous view).
int64_t MemoryViewStep(const Heap& heap, ObjectId view);
// True when the items are adjacent in order (PyBuffer_IsContiguous): a
// step of 1, or at most one item.
bool MemoryViewContiguous(const Heap& heap, ObjectId view);

// The size in bytes of the view's items, its struct format ('B', or the
// typecode of the array it shows), and the byte offset of item `index` in
// its exporter's buffer.
int64_t MemoryViewItemSize(const Heap& heap, ObjectId view);
char MemoryViewFormat(const Heap& heap, ObjectId view);
int64_t MemoryViewOffset(const Heap& heap, ObjectId view, int64_t index);

// The items of an unreleased view, in order (their bytes).
std::string MemoryViewBytes(const Heap& heap, ObjectId view);
// Item `index` (0 <= index < length) of an unreleased view of format 'B'.
uint8_t MemoryViewByte(const Heap& heap, ObjectId view, int64_t index);
// Stores `data` into items start, start + step, ... of an unreleased,
// writable view of format 'B'. REQUIRES: they lie inside the view.
void MemoryViewStore(Heap& heap, ObjectId view, int64_t start, int64_t step,
                     const std::string& data);

// True when a == b (one a memoryview) compares unpacked items in a way
// MemoryViewEqual does not model: an unreleased view of another format
// than 'B' beside anything but an unreleased view of the same integer
// format (equal items are then equal bytes).
bool MemoryViewComparesUnpacked(const Heap& heap, ObjectId a, ObjectId b);

// a == b where one is a memoryview (memory_richcompare): a released view
// equals only itself; an unreleased one equals a bytes, bytearray or
// unreleased view of the same bytes; anything else is unequal.
// REQUIRES: neither is an array.array (its items compare unpacked), nor
// MemoryViewComparesUnpacked.
bool MemoryViewEqual(const Heap& heap, ObjectId a, ObjectId b);

// hash(m) of an unreleased, read-only, contiguous view: the hash of its
// bytes, kept by the view as CPython keeps it.
int64_t MemoryViewHash(const Heap& heap, ObjectId view);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_MEMORYVIEW_OBJECT_H_
