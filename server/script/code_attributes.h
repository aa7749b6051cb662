// The attributes of a script function's code object (f.__code__) that
// heapsim models: its names, argument counts, flags, first line and the
// tuples of its local, cell and free variable names, each made where and
// when the profile's CPython makes it. Internal to the script library.

#ifndef HEAPSIM_SERVER_SCRIPT_CODE_ATTRIBUTES_H_
#define HEAPSIM_SERVER_SCRIPT_CODE_ATTRIBUTES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/heap/heap.h"
#include "server/script/code.h"
#include "server/script/interpreter.h"

namespace heapsim::script {

// co_varnames of `unit`'s code (views of its slot names): the parameters
// (positional, keyword-only, *args, **kwargs), the locals no inner function
// captures in the order the compiler first meets them, then 3.12+'s inlined
// comprehensions' variables (CPython places those where the comprehension
// first runs).
std::vector<std::string_view> CodeVarNames(const CodeUnit& unit);

// f.__code__ of a script function: its code object, no allocation. Refused
// for the methods dataclass() generates (heapsim compiles other code for
// them than CPython's exec does).
Ref FunctionCode(Interpreter& interp, ObjectId function);

// code.NAME for a code object f.__code__ gave: the value, or a null Ref
// with the error raised or the refusal made; std::nullopt for a name this
// does not model (the caller refuses CPython's other attributes and raises
// AttributeError for the rest).
std::optional<Ref> CodeAttribute(Interpreter& interp, ObjectId code, const std::string& name);

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_CODE_ATTRIBUTES_H_
