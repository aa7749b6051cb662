// CPython 3.11's adaptive interpreter fuses a comparison followed by a
// conditional jump (the test of an if, elif, while, assert, conditional
// expression or comprehension condition, also through and/or/not) into a
// specialised instruction once its code object is warm (eight calls or loop
// iterations): two exact ints of one digit, two floats, or two strs under
// == and != are then compared without PyObject_RichCompare, so without its
// recursion check ("maximum recursion depth exceeded in comparison"). Other
// comparisons, and every comparison of a cold code object, keep the check.
// Only that check is observable, and only at the recursion limit: the
// interpreter asks here what a comparison at the limit does.

#ifndef HEAPSIM_SERVER_SCRIPT_SPECIALISED_COMPARE_H_
#define HEAPSIM_SERVER_SCRIPT_SPECIALISED_COMPARE_H_

#include <optional>

#include "server/heap/heap.h"
#include "server/script/code.h"
#include "server/script/operators.h"

namespace heapsim::script {

// Marks the comparisons in `unit` that CPython's compiler follows with a
// conditional jump (Expr::jump_test).
void MarkJumpTests(CodeUnit& unit);

// A code object's warm-up events (what _PyCode_Warmup counts).
void CountWarmup(const CodeUnit& unit);
// Whether 3.11 has quickened the code object (its eighth event happened).
bool IsQuickened(const CodeUnit& unit);
// Whether the code object has surely not been quickened: its events are
// counted exactly, or (comprehensions and generator expressions, whose
// every call, resumption and iteration is counted as one) at most that
// many and fewer than eight.
bool SurelyCold(const CodeUnit& unit);

// What comparison site `expr` (a kCompare marked jump_test) does with `a`
// and `b` in `unit` under a profile that specialises: records the operand
// kind a warm site sees, and returns the specialised result when the site is
// specialised for these operands (no recursion check), nullopt when it runs
// the generic comparison. Sets `*uncertain` when heapsim cannot tell which
// of the two CPython runs (the site saw other operand kinds, or the unit's
// warmth is unknown) and the operands could be specialised.
std::optional<bool> SpecialisedCompare(const Heap& heap, const CodeUnit& unit, const Expr& expr,
                                       CompareOp op, ObjectId a, ObjectId b, bool* uncertain);

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_SPECIALISED_COMPARE_H_
