// What the first imports of gc and tracemalloc leave on CPython's free
// lists. Their code takes floats, lists, dicts and tuples from the free
// lists and gives some back, so a script that traces without a full
// collection first (which empties them) sees new blocks where CPython
// reuses parked ones, or the reverse. The lengths after each import were
// measured from the lengths it starts from (the start-up's, after the
// other import, after gc.collect()); from lengths no measurement started
// from, what the import leaves is unknown and tracemalloc's figures are
// refused until the next full collection. The first import of any other
// module CPython's start-up had not loaded leaves them unknown too.
// Internal to the script library.

#ifndef HEAPSIM_SERVER_SCRIPT_IMPORT_FREE_LISTS_H_
#define HEAPSIM_SERVER_SCRIPT_IMPORT_FREE_LISTS_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "server/script/interpreter.h"

namespace heapsim::script {

// The free lists' lengths (floats, lists, dicts, tuples of 1 to 20 items).
std::vector<uint32_t> FreeListLengthsNow(const Heap& heap);

// Applies the first import of `module` to the session's free lists, whose
// lengths were `before` as it began: where those are the lengths a
// measured import of it started from, they become what that import left;
// otherwise they are unknown until the next full collection.
void ApplyFirstImportFreeLists(Interpreter& interp, std::string_view module,
                               const std::vector<uint32_t>& before);

// Refuses `what` (true) when tracemalloc has traced while the free lists'
// lengths were unknown (tracing started before the full collection that
// made them known again).
bool RefuseWhileFreeListsUnknown(Interpreter& interp, std::string_view what);

// Records the free lists' lengths as the session's first program starts:
// CPython's start-up lengths, whatever heapsim's own start-up objects took.
void RecordStartupFreeLists(const Heap& heap, SessionState& session);

// Notes that tracemalloc starts tracing now (tracemalloc.start()).
void NoteTracingStarted(Interpreter& interp);

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_IMPORT_FREE_LISTS_H_
