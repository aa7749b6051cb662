// What the first imports of modules CPython's start-up had not loaded
// leave on its free lists. Their code takes floats, lists, dicts, tuples
// (and on 3.8 to 3.10 heap frames, on 3.8 bound methods, on 3.13 8-slot
// dict keys) from the free lists and gives some back, so a script that
// traces without a full collection first (which empties them) sees new
// blocks where CPython reuses parked ones, or the reverse.
//
// The lengths (and the parked frames' sizes) were measured after each
// history of first imports (import_free_lists_table.h): every order of
// every subset of {gc, tracemalloc, M} for each module M heap scripts may
// import, from the start-up state and after `import gc; gc.collect()` (or
// gc and tracemalloc, then the collection), and gc, tracemalloc, then two
// of collections, copy, dataclasses, functools, random and weakref; `from
// collections import ...` counts as an import of its own (a package's
// fromlist runs more code). An import applies a measurement only if the
// session's history of first imports up to it is the one measured, the
// lengths it starts from are the ones that history left (from the start,
// whatever heapsim's start-up left), and the objects the script itself
// added to generation 0 since the history began (or its last full
// collection), with no young collection since, are no more than the
// measurement allowed: each history was also run with 0 to 100 more, and
// past the most its lengths held for, collections during the imports fall
// at other points and leave other lengths. From any other state, what the
// import leaves is unknown and tracemalloc's figures are refused until the
// next full collection.
//
// The imports leave cyclic garbage, which CPython's next automatic
// collection frees, most of it onto the free lists: the generation-0
// count each history left was measured too, and whether freeing it parks
// anything; once the script's GC allocations may have taken the count past
// threshold0, the free lists are unknown again (refused) where it does.
//
// Not modelled (left as heapsim's own model keeps them): 3.8's count of
// builtin methods (the start-up's three stay); the dict-keys free list before 3.13, which
// sys._debugmallocstats() does not report; what compiling the script
// parks and adds to generation 0, and how the start-up's count varies
// between environments: the measurements hold for a small script under
// the environment scenarios are captured with.
// Internal to the script library.

#ifndef HEAPSIM_SERVER_SCRIPT_IMPORT_FREE_LISTS_H_
#define HEAPSIM_SERVER_SCRIPT_IMPORT_FREE_LISTS_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "server/script/interpreter.h"

namespace heapsim::script {

// The free lists' lengths the imports change (floats, lists, dicts, bound
// methods, dict keys, tuples of 1 to 20 items, parked frames' capacities).
std::vector<uint32_t> FreeListLengthsNow(const Heap& heap);

// What a first import starts from: the free lists' lengths, the
// generation-0 count, the young generations' collections so far.
struct FirstImportStart {
  std::vector<uint32_t> free_lists;  // FreeListLengthsNow
  uint64_t count0;
  uint64_t young_collections;
};
FirstImportStart FirstImportStartNow(const Heap& heap);

// Applies the first import of `module` (by `from module import ...` when
// `from_import`), which started from `before`, to the session's free
// lists: where the session's history of first imports and its lengths are
// what a measurement started from, and the script itself has added few
// enough objects to generation 0 since the history began, they become
// what it measured; otherwise they are unknown until the next full
// collection.
void ApplyFirstImportFreeLists(Interpreter& interp, std::string_view module, bool from_import,
                               const FirstImportStart& before);

// Refuses `what` (true) when tracemalloc has traced while the free lists'
// lengths were unknown (tracing started before the full collection that
// made them known again), or when, since a measured first import, CPython
// may have run an automatic collection (its count after the imports plus
// the GC allocations since passed threshold0) that freed the imports'
// cyclic garbage onto the free lists.
bool RefuseWhileFreeListsUnknown(Interpreter& interp, std::string_view what);

// Records the free lists' lengths as the session's first program starts:
// CPython's start-up lengths, whatever heapsim's own start-up objects took.
void RecordStartupFreeLists(const Heap& heap, SessionState& session);

// Notes that tracemalloc starts tracing now (tracemalloc.start()).
void NoteTracingStarted(Interpreter& interp);

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_IMPORT_FREE_LISTS_H_
