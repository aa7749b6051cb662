// The compiler: a parsed heap script in, a Program out. It resolves every
// name to its scope (CPython's symbol table rules: assigned names are
// local, `global` names and module names are global, names a nested
// function uses from an enclosing one become cells), folds constants as
// CPython's AST optimiser does, and makes the code objects and constants in
// the heap with the references CPython's compiler leaves on them.
//
// Compilation either fails before touching the heap (a SyntaxError or a
// construct outside the subset: nothing changes) or succeeds.

#ifndef HEAPSIM_SERVER_SCRIPT_COMPILER_H_
#define HEAPSIM_SERVER_SCRIPT_COMPILER_H_

#include <memory>
#include <string_view>

#include "absl/status/statusor.h"
#include "server/heap/heap.h"
#include "server/script/program.h"

namespace heapsim::script {

enum class CompileMode {
  kModule,       // a file: statements
  kInteractive,  // one REPL input: expression statements echo their value
  kExpression,   // one expression: units[0].expression
};

// Compiles `source`. Errors are InvalidArgument "FILE:LINE:COL: ..." for
// text that is not Python or a construct outside the subset, and CPython's
// own exception (PyError: RecursionError "maximum recursion depth exceeded
// during compilation", MemoryError) where its front end gives up on text
// nested or chained this deep.
// `program_index` is the index the program will have in the session (code
// objects record it).
absl::StatusOr<std::shared_ptr<Program>> Compile(Heap& heap, std::string_view source,
                                                 std::string_view filename, CompileMode mode,
                                                 uint32_t program_index);

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_COMPILER_H_
