// A Program is one compiled source: its code units (the module body and
// every def, lambda, class body and comprehension in it). The code objects
// and constants live in the simulated heap; the Program owns references to
// them and keeps the parse tree's share of each constant while the module
// body runs (CPython's AST arena holds one reference per literal).

#ifndef HEAPSIM_SERVER_SCRIPT_PROGRAM_H_
#define HEAPSIM_SERVER_SCRIPT_PROGRAM_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "server/heap/heap.h"
#include "server/script/code.h"

namespace heapsim::script {

struct Program {
  std::string filename;
  // The name CPython's frames show for it (co_filename): `filename`, or
  // the absolute path of a script where the profile makes it absolute.
  std::string shown_filename;
  // Where the units' parse trees live (declared before them: freed after).
  std::unique_ptr<ParseArena> parse_arena;
  std::vector<CodeUnit> units;  // units[0] is the module body
  // References the program owns in the heap: code objects, interned names,
  // and the constants' extra reference held on behalf of the parse tree
  // (released when the module body finishes, see ReleaseParseTree).
  std::vector<ObjectId> owned;
  std::vector<ObjectId> parse_tree_refs;
  // The module body uses the name `super`: 3.12's compiler then makes no
  // LOAD_SUPER_ATTR anywhere in the program (the name might be shadowed).
  bool module_names_super = false;
  // An upper bound on the GC objects CPython's compilation of the source
  // leaves counted in gc.get_count()[0] (its code objects' tuples, the
  // constants it folds and the keys it caches them by).
  uint64_t compiled_gc_objects_bound = 0;
};

// Releases the parse tree's references to the constants (CPython frees the
// AST arena once the module body has run).
void ReleaseParseTree(Heap& heap, Program& program);

// Drops every reference the program owns.
void ReleaseProgram(Heap& heap, Program& program);

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_PROGRAM_H_
