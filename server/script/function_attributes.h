// The attributes of a script function that wrappers copy from it
// (functools.update_wrapper's WRAPPER_ASSIGNMENTS, and from 3.10 the
// staticmethod and classmethod constructors), read as CPython's function
// getters give them. Internal to the script library.

#ifndef HEAPSIM_SERVER_SCRIPT_FUNCTION_ATTRIBUTES_H_
#define HEAPSIM_SERVER_SCRIPT_FUNCTION_ATTRIBUTES_H_

#include "server/heap/heap.h"
#include "server/script/code.h"
#include "server/script/interpreter.h"

namespace heapsim::script {

// The compiled unit of a script function (a kFunction).
const CodeUnit& FunctionUnit(Interpreter& interp, ObjectId function);

// f.__qualname__: the function's name object itself where the qualname is
// the name (a top-level function), else the str its compiled code holds.
// Allocates nothing.
Ref FunctionQualname(Interpreter& interp, ObjectId function);

// f.__doc__: the docstring (its code's first constant), or None.
Ref FunctionDoc(Interpreter& interp, ObjectId function);

// f.__module__: its globals' __name__ (None where that is missing).
Ref FunctionModule(Heap& heap, ObjectId function);

// Stores __module__, __name__, __qualname__, __doc__ and __annotations__
// of `function` (a kFunction) into `dict`, in that order, each read as
// getattr reads it: the annotations dict is made on this read when the
// function has none.
void CopyWrapperAssignments(Interpreter& interp, ObjectId function, ObjectId dict);

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_FUNCTION_ATTRIBUTES_H_
