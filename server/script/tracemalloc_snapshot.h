// The memory a tracemalloc snapshot takes in CPython's heap, from 3.11
// (3.8 to 3.10 refuse take_snapshot()): what take_snapshot() leaves,
// allocated in heapsim's heap at Lib/tracemalloc.py's lines, so that a
// second snapshot and get_traced_memory() see it.
//
//  * _get_traces() (take_snapshot_get_traces_line): the list, traced, made
//    before the traces are copied; then, with tracemalloc's reentrancy flag
//    set, one (domain, size, traceback, total_nframe) tuple per trace, one
//    tuple of (filename, lineno) frames per distinct traceback, new ints:
//    new blocks untraced, tuples taken from a free list retraced at that
//    line (tracemalloc updates a reused object's traceback regardless of
//    the flag), the list's items array untraced.
//  * Snapshot(traces, limit) (take_snapshot_snapshot_line): its arguments'
//    tuple (3.13: the first time only), the Snapshot instance and its
//    values; Snapshot.__init__'s _Traces(traces) (take_snapshot_traces_line):
//    its arguments' tuple, the _Traces instance and its values;
//    Sequence.__init__(self) (take_snapshot_sequence_init_line): its
//    arguments' tuple. The tuples are freed as the calls return (to the
//    free lists). Each new instance of the two classes shrinks the next
//    one's values by a slot (their shared keys, as for the script's
//    classes).
//
// When the snapshot dies, the list drops its tuples in the order of
// CPython's hash table of traces; dealloc.cc notes when that order would
// show (Tracemalloc::NoteFreeListTracesUnknown). Internal to the script
// library.

#ifndef HEAPSIM_SERVER_SCRIPT_TRACEMALLOC_SNAPSHOT_H_
#define HEAPSIM_SERVER_SCRIPT_TRACEMALLOC_SNAPSHOT_H_

#include <string_view>

#include "server/heap/heap.h"
#include "server/heap/trace_object.h"
#include "server/script/interpreter.h"

namespace heapsim::script {

// Pauses tracing for what heapsim allocates and CPython does not trace.
class UntracedScope {
 public:
  explicit UntracedScope(Heap& heap) : trace_(heap.tracemalloc()) { trace_.set_paused(true); }
  ~UntracedScope() { trace_.set_paused(false); }
  UntracedScope(const UntracedScope&) = delete;
  UntracedScope& operator=(const UntracedScope&) = delete;

 private:
  Tracemalloc& trace_;
};

// _get_traces()'s list, PyList_New(0) at take_snapshot_get_traces_line
// before the traces are copied.
Ref SnapshotTracesList(Heap& heap);

// The rest of take_snapshot() once `snapshot` was copied: fills `list`
// with the trace tuples, then makes the Snapshot and _Traces instances;
// `body` takes the list, the limit and the instances' blocks and is marked
// memory_modelled.
void MakeSnapshotMemory(Interpreter& interp, const TraceSnapshot& snapshot, Ref list,
                        TraceObjectBody* body);

// Refuses `what` (true) while a snapshot that died while tracing left
// tuples on the free lists in an order heapsim does not know.
bool RefuseWhileFreeListTracesUnknown(Interpreter& interp, std::string_view what);

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_TRACEMALLOC_SNAPSHOT_H_
