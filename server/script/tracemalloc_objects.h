// tracemalloc's snapshots for heap scripts: take_snapshot(), the Snapshot,
// Statistic, StatisticDiff, Traceback, Frame, Filter and DomainFilter
// objects of Lib/tracemalloc.py (held as kTraceObject, trace_object.h),
// get_object_traceback() and get_traceback_limit().
//
// A snapshot's figures are exact: heapsim knows every traced block and the
// line that allocated it. The memory take_snapshot() leaves is modelled
// (tracemalloc_snapshot.h); what is not is the memory of tracemalloc.py's
// other objects (statistics, their temporaries, filters, tracebacks,
// filtered snapshots): once a script made one, the session's heap holds
// memory heapsim lacks, so what depends on it is refused from then on (see
// RefuseAfterTracemallocObjects): a snapshot while tracing, the traced
// memory, and id(). Internal to the script library.

#ifndef HEAPSIM_SERVER_SCRIPT_TRACEMALLOC_OBJECTS_H_
#define HEAPSIM_SERVER_SCRIPT_TRACEMALLOC_OBJECTS_H_

#include <string>
#include <string_view>

#include "server/heap/heap.h"
#include "server/script/builtins.h"
#include "server/script/interpreter.h"

namespace heapsim::script {

// True for the builtins this file runs.
bool IsTracemallocObjectBuiltin(Builtin builtin);

// Runs one of them: `self` is the Snapshot or Traceback of a method.
Ref CallTracemallocObjectBuiltin(Interpreter& interp, Builtin builtin, ObjectId self,
                                 CallArgs& args);

// obj.name for a kTraceObject: data attributes and bound methods, else
// AttributeError (dunder names are refused).
Ref TraceObjectGetAttr(Interpreter& interp, ObjectId object, const std::string& name);

// obj[key] for a kTraceObject: a Traceback's frames by int index; the
// rest refused (Snapshot.traces' order is the C hash table's).
Ref TraceObjectGetItem(Interpreter& interp, ObjectId object, ObjectId key);

// Refuses `what` (true) once the session made tracemalloc.py objects or ran
// functools.py's code (functools.lru_cache()), whose memory is not modelled.
bool RefuseAfterTracemallocObjects(Interpreter& interp, std::string_view what);

// The same for what shows addresses (id(), hash() by address), refused also
// once a snapshot's memory was modelled (tracemalloc_snapshot.h).
bool RefuseAddressAfterTracemallocObjects(Interpreter& interp, std::string_view what);

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_TRACEMALLOC_OBJECTS_H_
