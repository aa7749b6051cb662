// Code objects, functions, closures' cells, bound methods, builtins and
// modules: the objects a program's definitions and calls create.

#ifndef HEAPSIM_SERVER_HEAP_FUNCTION_OBJECT_H_
#define HEAPSIM_SERVER_HEAP_FUNCTION_OBJECT_H_

#include <string>

#include "server/heap/heap.h"

namespace heapsim {

// A code object owning its constants tuple and name; `program`/`unit`
// identify the compiled body for the interpreter.
Ref NewCode(Heap& heap, uint32_t program, uint32_t unit, Ref consts, Ref name,
            uint32_t stack_size, uint32_t locals_plus);

// Counts an evaluation of `code` (a call, or a generator's resume or
// close) for 3.8 to 3.10's opcache: the profile's opcache_min_runs-th
// PyMem_Callocs a byte per code unit and an entry per cached instruction,
// kept until the code is freed; with no cached instruction the byte map is
// freed at once. Where the compiler did not count the code's size, the
// traced figures become inexact instead. No-op from 3.11.
void CountCodeEvaluation(Heap& heap, ObjectId code);

// Gives a library code object heapsim runs itself (copy.py's, random.py's)
// its measured size for that opcache; {0, 0} leaves it not known.
void SetMeasuredCodeSize(CodeBody& body, const CodeSizeEntry& size);

// A function (def or lambda) over `code`, with its defaults and closure
// tuples and its annotations (a dict, or 3.10+'s tuple of name, value
// pairs; null Refs for none). Takes the references given.
Ref NewFunction(Heap& heap, ObjectId code, ObjectId globals, Ref defaults, Ref kw_defaults,
                Ref closure, std::string qualname, Ref annotations = Ref());

// func_get_annotations: the function's annotations dict, made empty when
// it has none and made from 3.10+'s tuple of pairs (item by item into a
// new dict, the tuple dropped) on first use, and kept.
Ref FunctionAnnotations(Heap& heap, ObjectId function);

// A cell holding a new reference to `contents` (kNoObject: empty).
Ref NewCell(Heap& heap, ObjectId contents);

// A function bound to `self`.
Ref NewMethod(Heap& heap, ObjectId function, ObjectId self);

// A builtin (`builtin` numbers it for the interpreter), bound to `self`
// when it is a method of an object (kNoObject for module functions).
// Static builtins (len, print, ...) are made once by the interpreter. The
// object comes from the free list where the profile keeps one (3.8).
Ref NewBuiltin(Heap& heap, uint32_t builtin, ObjectId self);

// A module object named `name` with a new dict.
Ref NewModule(Heap& heap, std::string name);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_FUNCTION_OBJECT_H_
