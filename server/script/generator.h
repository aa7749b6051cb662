// Generator expressions: a generator object whose evaluation is suspended
// between items. A generator expression's state is just its clauses'
// iterators and its frame's slots, so it is kept as a small state machine
// (IteratorBody::held owns the references) rather than a suspended C++
// stack.

#ifndef HEAPSIM_SERVER_SCRIPT_GENERATOR_H_
#define HEAPSIM_SERVER_SCRIPT_GENERATOR_H_

#include <functional>

#include "server/heap/heap.h"
#include "server/script/code.h"
#include "server/script/interpreter.h"

namespace heapsim::script {

// A generator for the generator expression `expr`, over the iterator of its
// first iterable (reference taken). `function` is the genexpr function the
// code made (the generator's frame keeps its code alive).
Ref NewGeneratorExpression(Interpreter& interp, const Expr& expr, uint32_t program_index,
                           ObjectId function, Ref first_iterator);

// The next item, or a null Ref when exhausted (no exception) or on error.
Ref GeneratorNext(Interpreter& interp, ObjectId generator);

// Runs `body` on each remaining item; false on an exception.
bool GeneratorForEach(Interpreter& interp, ObjectId generator,
                      const std::function<bool(Ref)>& body);

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_GENERATOR_H_
