// The value-stack depth CPython's compiler gives a generator's code object
// (co_stacksize): a generator expression's for the profiles whose generator
// objects embed their frame (3.11+), where a generator's size is its base
// size plus one pointer per local, cell, free variable and stack slot, and
// a generator function's for every profile (before 3.11 it sizes the heap
// frame object the generator keeps).

#ifndef HEAPSIM_SERVER_SCRIPT_STACK_DEPTH_H_
#define HEAPSIM_SERVER_SCRIPT_STACK_DEPTH_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "server/heap/profile.h"
#include "server/script/code.h"

namespace heapsim::script {

// co_stacksize of the code object running generator expression `genexpr`
// (constants already folded), as `profile`'s compiler computes it; nullopt
// for the forms whose depth heapsim does not compute (starred arguments,
// comprehensions inside the element, attribute or subscript
// loop targets, nested format specs with replacement fields, ...).
std::optional<uint32_t> GeneratorStackSize(const Expr& genexpr, const std::vector<CodeUnit>& units,
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
