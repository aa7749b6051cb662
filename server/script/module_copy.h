// The copy module: copy.copy and copy.deepcopy, run natively as CPython's
// Lib/copy.py runs them. Besides the copies themselves, each makes the
// temporaries copy.py makes (its functions' frames, heap frames on 3.8 to
// 3.10; the memo dict keyed by id() ints; the keep-alive list stored under
// id(memo); the bound list.append, the iterators), in CPython's order, so
// reference counts, gc counts, tracemalloc figures and id reuse come out
// as CPython's. What takes another route through copy.py (__reduce_ex__,
// copyreg) is refused by name. Internal to the script library.

#ifndef HEAPSIM_SERVER_SCRIPT_MODULE_COPY_H_
#define HEAPSIM_SERVER_SCRIPT_MODULE_COPY_H_

#include "server/heap/heap.h"
#include "server/script/builtins.h"
#include "server/script/interpreter.h"

namespace heapsim::script {

// The copy module `import copy` binds. The first call makes it and the code
// objects of copy.py's functions as static objects: CPython's import is not
// modelled (imports bind names only), but the functions' code objects keep
// their cached frames (3.8 to 3.10) as CPython's do.
ObjectId CopyModule(Heap& heap, SessionState& session);

// True for copy.copy and copy.deepcopy, which are Python functions in
// CPython (their type, size and repr are not modelled).
bool IsCopyFunction(const Heap& heap, ObjectId object);

// Runs copy.copy(x) or copy.deepcopy(x, memo=None). Returns the copy, or a
// null Ref with the exception (or refusal) pending.
Ref CallCopyFunction(Interpreter& interp, Builtin builtin, CallArgs& args);

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_MODULE_COPY_H_
