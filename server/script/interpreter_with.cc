// The with statement: SETUP_WITH (BEFORE_WITH from 3.11) and the call of
// __exit__ when the block is left.

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "server/heap/function_object.h"
#include "server/heap/instance_object.h"
#include "server/heap/memoryview_object.h"
#include "server/heap/py_error.h"
#include "server/heap/str_object.h"
#include "server/heap/value_ops.h"
#include "server/script/builtins.h"
#include "server/script/interpreter.h"

namespace heapsim::script {

namespace {

// _PyObject_LookupSpecial: the class attribute `name` of `manager` as a
// bound method (a new object holding the manager), or null when the class
// has no such attribute. A class attribute that is not a function is
// refused; `refused` says so.
Ref LookupBound(Interpreter& interp, ObjectId manager, std::string_view name, bool* refused) {
  Heap& heap = interp.heap();
  *refused = false;
  if (heap.type_of(manager) == TypeTag::kMemoryView) {
    // memoryview's own __enter__ and __exit__, bound.
    return NewBuiltin(heap, static_cast<uint32_t>(name == "__enter__" ? Builtin::kMemoryViewEnter
                                                                       : Builtin::kMemoryViewExit),
                      manager);
  }
  if (heap.type_of(manager) != TypeTag::kInstance) return Ref();
  Ref key = IdentifierStr(heap, name);
  const ObjectId found = ClassLookup(heap, heap.instance(manager).cls, key.get());
  if (found == kNoObject) return Ref();
  if (heap.type_of(found) != TypeTag::kFunction) {
    *refused = true;
    interp.Refuse(absl::StrCat("a context manager whose ", std::string(name), " is a '",
                               TypeName(heap, found), "' object rather than a function"));
    return Ref();
  }
  return NewMethod(heap, found, manager);
}

}  // namespace

Flow Interpreter::ExecWith(const Stmt& stmt) {
  Ref manager = Eval(*stmt.value);
  if (!manager) return Flow::kError;
  const bool type_error = heap_.profile().messages.with_protocol_type_error;
  const std::string protocol =
      absl::StrCat("'", TypeName(heap_, manager.get()),
                   "' object does not support the context manager protocol");
  bool refused = false;
  Ref enter = LookupBound(*this, manager.get(), "__enter__", &refused);
  if (refused) return Flow::kError;
  if (!enter) {
    Raise(type_error ? PyError(PyExc::kTypeError, protocol)
                     : PyError(PyExc::kAttributeError, "__enter__"));
    return Flow::kError;
  }
  Ref exit = LookupBound(*this, manager.get(), "__exit__", &refused);
  if (refused) return Flow::kError;
  if (!exit) {
    Raise(type_error ? PyError(PyExc::kTypeError, absl::StrCat(protocol, " (missed __exit__ method)"))
                     : PyError(PyExc::kAttributeError, "__exit__"));
    return Flow::kError;
  }
  // The stack keeps the bound __exit__ (and through it the manager) for the
  // block; __enter__ is called and dropped.
  manager.Reset();
  Ref entered = Call(enter.get(), CallArgs());
  enter.Reset();
  if (!entered) return Flow::kError;
  // The block starts before the `as` target is stored.
  Flow flow = Flow::kNormal;
  if (stmt.targets.empty()) {
    entered.Reset();
  } else if (!Assign(*stmt.targets[0], std::move(entered))) {
    flow = Flow::kError;
  }
  if (flow == Flow::kNormal) flow = ExecBlock(stmt.body);
  if (flow == Flow::kError) {
    if (PyErrorType(error_).has_value()) {
      // __exit__ would receive the exception's traceback, an object heapsim
      // does not make.
      TakeError().IgnoreError();
      Refuse("an exception leaving a 'with' block (its traceback object is not modelled)");
    }
    return Flow::kError;
  }
  // Leaving normally, or by return, break or continue: __exit__(None, None,
  // None), its result dropped; a value being returned waits on the stack.
  Ref returning = std::move(return_value_);
  // Which line the exit's call has differs between versions (the last line
  // run, or the with statement's).
  context_.line_known = false;
  CallArgs args;
  for (int i = 0; i < 3; ++i) args.positional.push_back(heap_.NewRef(heap_.none()));
  Ref result = Call(exit.get(), std::move(args));
  if (!result) return Flow::kError;
  result.Reset();
  exit.Reset();
  return_value_ = std::move(returning);
  return flow;
}

}  // namespace heapsim::script
