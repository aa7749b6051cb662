// The length of the bytecode CPython 3.8 to 3.10 compile a code unit to,
// and how many of its instructions the per-code opcache caches. On a code
// object's 1024th evaluation those versions PyMem_Calloc a byte per code
// unit (2-byte instruction) and an entry per cached instruction, so that
// tracemalloc, pymalloc's pools and ids depend on both.
//
// The count follows each version's compiler: the instructions a statement
// or expression compiles to, then what the peephole optimiser (3.8, 3.9)
// or the control-flow optimiser (3.10) removes or copies (code after a
// return, jumps to short return blocks, the implicit `return None`).

#ifndef HEAPSIM_SERVER_SCRIPT_CODE_SIZE_H_
#define HEAPSIM_SERVER_SCRIPT_CODE_SIZE_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "server/heap/profile.h"
#include "server/script/code.h"

namespace heapsim::script {

struct CodeSize {
  uint32_t code_units = 0;    // len(co_code) // 2
  uint32_t cached_sites = 0;  // LOAD_GLOBAL (and 3.10's LOAD_ATTR), at most 255
};

// The size of function, lambda or generator function `unit`'s code as
// `profile`'s compiler makes it; nullopt for the statements and expressions
// it does not count (try, with, nested classes, decorators, starred
// arguments, constant conditions, multi-line statements on 3.10, code long
// enough to need EXTENDED_ARG, ...). `units` are the program's units.
std::optional<CodeSize> FunctionCodeSize(const CodeUnit& unit, const std::vector<CodeUnit>& units,
                                         const Profile& profile);

// The same for the code of comprehension `comprehension` (a list, set or
// dict comprehension or a generator expression, not inlined), whose unit is
// `unit`.
std::optional<CodeSize> ComprehensionCodeSize(const Expr& comprehension, const CodeUnit& unit,
                                              const std::vector<CodeUnit>& units,
                                              const Profile& profile);

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_CODE_SIZE_H_
