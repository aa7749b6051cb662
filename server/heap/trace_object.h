// The objects of Lib/tracemalloc.py a script handles (Snapshot, Statistic,
// StatisticDiff, Traceback, Frame, Filter, DomainFilter, _Traces): their
// data lives outside the simulated heap, and their own memory (Python
// instances, dicts, tuples made by tracemalloc.py) is not modelled, but for
// a snapshot's from 3.11 (memory_modelled). Each takes an untraced block so
// that it has an id; what depends on the memory CPython's would take is
// refused by the script layer.

#ifndef HEAPSIM_SERVER_HEAP_TRACE_OBJECT_H_
#define HEAPSIM_SERVER_HEAP_TRACE_OBJECT_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "server/heap/object.h"
#include "server/heap/trace_statistics.h"

namespace heapsim {

enum class TraceObjectKind : uint8_t {
  kSnapshot,
  kTraces,  // Snapshot.traces
  kStatistic,
  kStatisticDiff,
  kTraceback,
  kFrame,
  kFilter,
  kDomainFilter,
};

struct TraceObjectBody {
  TraceObjectKind kind = TraceObjectKind::kSnapshot;
  std::shared_ptr<const TraceSnapshot> snapshot;  // kSnapshot, kTraces
  // kStatistic, kStatisticDiff: the entry; kTraceback: its traceback;
  // kFrame: the frame is stat.traceback.frames[0].
  StatEntry stat;
  TraceFilter filter;  // kFilter, kDomainFilter
  // A heap object it keeps alive (owned): a snapshot's list of traces.
  ObjectId owned = kNoObject;
  // A snapshot whose memory is modelled (3.11+, tracemalloc_snapshot.h):
  // the blocks of its Snapshot and _Traces instances and their values,
  // freed after `owned` in this order (`gc`: an instance's block, a GC
  // object's).
  struct ModelledBlock {
    uint64_t block = 0;
    bool gc = false;
  };
  std::vector<ModelledBlock> modelled_blocks;
  ObjectId owned_limit = kNoObject;  // the Snapshot's traceback_limit int (owned)
  bool memory_modelled = false;
  // At most how many GC objects CPython's tracemalloc.py made for it and
  // frees with it (instances, tuples, lists), none of which the heap
  // models (gc_timing.h: NoteUnmodelledGcObjects).
  uint64_t unmodelled_gc_objects = 0;
};

// The size of the untraced block each takes (an arbitrary small one).
inline constexpr uint64_t kTraceObjectRequest = 16;

// The class's name ("Snapshot", "Statistic", ...).
std::string_view TraceObjectTypeName(TraceObjectKind kind);

// str() of a Statistic, StatisticDiff, Traceback (its oldest frame) or
// Frame ("file:line"); repr() of a Frame, Traceback, Statistic or
// StatisticDiff as tracemalloc.py makes it. Unimplemented for the others
// (their repr shows an address CPython's would not share).
absl::StatusOr<std::string> TraceObjectStr(const TraceObjectBody& body, bool repr);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_TRACE_OBJECT_H_
