// The value-stack depth CPython's compiler gives a generator expression's
// code object (co_stacksize), for the profiles whose generator objects
// embed their frame (3.11+): a generator's size is its base size plus one
// pointer per local, cell, free variable and stack slot.

#ifndef HEAPSIM_SERVER_SCRIPT_STACK_DEPTH_H_
#define HEAPSIM_SERVER_SCRIPT_STACK_DEPTH_H_

#include <cstdint>
#include <optional>

#include "server/heap/profile.h"
#include "server/script/code.h"

namespace heapsim::script {

// co_stacksize of the code object running generator expression `genexpr`
// (constants already folded), as `profile`'s compiler computes it; nullopt
// for the forms whose depth heapsim does not compute (starred arguments,
// lambdas and comprehensions inside the element, attribute or subscript
// loop targets, nested format specs with replacement fields, ...).
std::optional<uint32_t> GeneratorStackSize(const Expr& genexpr, const Profile& profile);

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_STACK_DEPTH_H_
