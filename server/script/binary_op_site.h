// CPython 3.11+'s specialising interpreter adapts each BINARY_OP site to
// the operands it sees (the profile's AdaptiveRules), and a site run
// specialised differs from the generic instruction in ways a script sees:
//   - int and float +, - and * release the right operand before the left
//     (the generic instruction releases the left first), which decides the
//     blocks and free-list slots the next objects take;
//   - 3.12+'s float +, - and * write the result into an operand nothing
//     else holds instead of making a new float;
//   - str + str stored back to the local it read (`s += t`, `s = s + t` in
//     a function) grows the str in place when nothing else holds it.
// This file decides a BINARY_OP site's form run by run (its counters are
// adaptive_site.h's); the interpreter performs what the chosen form does.

#ifndef HEAPSIM_SERVER_SCRIPT_BINARY_OP_SITE_H_
#define HEAPSIM_SERVER_SCRIPT_BINARY_OP_SITE_H_

#include <cstdint>

#include "server/heap/heap.h"
#include "server/script/code.h"
#include "server/script/operators.h"

namespace heapsim::script {

// The specialised forms of BINARY_OP (BinaryOpSite::family).
enum class BinaryFamily : uint8_t {
  kGeneric = 0,
  kInt,          // BINARY_OP_{ADD,SUBTRACT,MULTIPLY}_INT
  kFloat,        // BINARY_OP_{ADD,SUBTRACT,MULTIPLY}_FLOAT
  kStr,          // BINARY_OP_ADD_UNICODE
  kStrInPlace,   // BINARY_OP_INPLACE_ADD_UNICODE
};

// The operands of one run of a site. `left_is_target`: the instruction
// after the site stores to a local of the frame that holds `left` now.
struct BinaryOperands {
  ObjectId left;
  ObjectId right;
  bool left_is_target;
};

// Marks the BINARY_OP and CALL sites in `body` that CPython's compiler emits more
// than once (in a finally block, which runs from copies on each way out of
// its try, and in the test of a while loop, tested again from a copy at the
// loop's end): heapsim keeps one state per site, so theirs is uncertain.
void MarkDuplicatedSites(const Block& body);

// The form a site would specialise to for these operands (kGeneric: the
// specialisation fails): two operands of one exact type, int or float
// under +, - or * (their in-place forms included), or str under +.
BinaryFamily SpecialisationFor(const Heap& heap, BinaryOp op, const BinaryOperands& operands);

// One run of `site` under `profile`: the form CPython runs it in, with the
// site's counters advanced as CPython advances them. `quickened`: the code
// object has warmed up (3.11; per-site profiles ignore it). Only for
// profiles with an adaptive interpreter.
BinaryFamily RunSite(const Heap& heap, AdaptiveSite& site, bool quickened, BinaryOp op,
                     const BinaryOperands& operands);

// True when running `family` on these operands would differ from the
// generic instruction in what a script can see (see the top of this file).
bool SpecialisedRunDiffers(const Heap& heap, BinaryFamily family, const BinaryOperands& operands);

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_BINARY_OP_SITE_H_
