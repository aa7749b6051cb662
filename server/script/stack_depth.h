// The value-stack depth CPython's compiler gives a code object
// (co_stacksize). It sizes a generator (3.11+: its base size plus one
// pointer per local, cell, free variable and stack slot) and, before 3.11,
// the heap frame object of every call (a code object keeps its first
// frame for reuse, so tracemalloc sees the size once).

#ifndef HEAPSIM_SERVER_SCRIPT_STACK_DEPTH_H_
#define HEAPSIM_SERVER_SCRIPT_STACK_DEPTH_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "server/heap/profile.h"
#include "server/script/code.h"

namespace heapsim::script {

// co_stacksize of the code object running comprehension `comprehension`
// (a list, set, dict or generator comprehension; constants already
// folded), as `profile`'s compiler computes it; nullopt for the forms whose
// depth heapsim does not compute (starred arguments, comprehensions inside
// the element, attribute or subscript loop targets, nested format specs
// with replacement fields, ...).
std::optional<uint32_t> ComprehensionStackSize(const Expr& comprehension,
                                               const std::vector<CodeUnit>& units,
                                               const Profile& profile);

// co_stacksize of function or lambda `unit`'s code object (not a
// generator's), as `profile`'s compiler computes it; nullopt for the
// statements and expressions whose depth heapsim does not compute.
std::optional<uint32_t> FunctionStackSize(const CodeUnit& unit, const std::vector<CodeUnit>& units,
                                          const Profile& profile);

// co_stacksize of generator function `unit`'s code object, as `profile`'s
// compiler computes it (it sizes the generator, 3.11+, or its heap frame
// object before); nullopt for the statements and expressions whose depth
// heapsim does not compute (try, with, decorated definitions, ...). `units`
// are the program's code units (lambdas and nested definitions name theirs).
std::optional<uint32_t> GeneratorFunctionStackSize(const CodeUnit& unit,
                                                   const std::vector<CodeUnit>& units,
                                                   const Profile& profile);

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_STACK_DEPTH_H_
