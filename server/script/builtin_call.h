// One call of a builtin: its arguments, the checks CPython's calling
// conventions make on them (raising CPython's messages), and the small
// results every builtin returns. The builtin functions (builtins.cc), the
// methods of the builtin types (builtins_methods.cc) and the module
// functions (builtins_modules.cc) each run as a class derived from it.
// Internal to the script library.

#ifndef HEAPSIM_SERVER_SCRIPT_BUILTIN_CALL_H_
#define HEAPSIM_SERVER_SCRIPT_BUILTIN_CALL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "server/heap/heap.h"
#include "server/script/builtins.h"
#include "server/script/interpreter.h"

namespace heapsim::script {

class BuiltinCall {
 public:
  // `self` is the bound object of a method, else kNoObject. The call only
  // borrows `interp` and `args`.
  BuiltinCall(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args)
      : interp_(interp), heap_(interp.heap()), builtin_(builtin), self_(self), args_(args) {}

 protected:
  // How a builtin checks its positional argument count, which decides the
  // TypeError's wording when the count is wrong. Either way a builtin taking
  // none (METH_NOARGS) or exactly one (METH_O) says so in the same words.
  enum class ArgCheck {
    kUnpackTuple,  // "pop expected at least 1 argument, got 0"
    kParseTuple,   // "set_threshold() takes at most 3 arguments (4 given)"
  };

  // The name the errors of METH_NOARGS and METH_O builtins show: "len",
  // and for methods and module functions "list.append" and "gc.enable"
  // where the profile qualifies them (3.10+), else "append".
  std::string CallName() const;

  // True when `min` to `max` positional arguments were passed. Otherwise
  // raises CPython's TypeError and returns false.
  bool Arity(size_t min, size_t max, ArgCheck check = ArgCheck::kUnpackTuple);

  // True when the builtin takes keyword arguments (as its CPython
  // namesake does) or none were passed. Otherwise raises "f() takes no
  // keyword arguments" and returns false. Each call's Run checks this first.
  bool KeywordsAllowed();

  ObjectId Arg(size_t i) const { return args_.positional[i].get(); }

  // The keyword argument `name`, or kNoObject when it was not passed.
  ObjectId Keyword(std::string_view name) const;

  // The argument at position `i`, else the keyword `name`, else kNoObject.
  ObjectId ArgOrKeyword(size_t i, std::string_view name) const {
    return i < args_.positional.size() ? Arg(i) : Keyword(name);
  }

  // `id` as a C index (an int or a bool). Raises TypeError for other types
  // and OverflowError past 64 bits, returning nullopt.
  std::optional<int64_t> IndexArg(ObjectId id);
  // IndexArg of an optional argument: `absent` when `id` is kNoObject.
  std::optional<int64_t> OptionalIndexArg(ObjectId id, int64_t absent) {
    return id == kNoObject ? std::optional<int64_t>(absent) : IndexArg(id);
  }
  // An argument Argument Clinic converts to Py_ssize_t (list.pop's index,
  // str.replace's count, ...): as IndexArg, but a float is TypeError
  // "integer argument expected, got float" on 3.8 and 3.9.
  std::optional<int64_t> SsizeArg(ObjectId id);
  std::optional<int64_t> OptionalSsizeArg(ObjectId id, int64_t absent) {
    return id == kNoObject ? std::optional<int64_t>(absent) : SsizeArg(id);
  }
  // A start or stop index.index() reads as a slice index: an int or a
  // bool, clamped to 64 bits; TypeError "slice indices must be integers or
  // have an __index__ method" for other types.
  std::optional<int64_t> SliceIndexArg(ObjectId id);

  // True when `status` is OK; otherwise raises it and returns false.
  bool Check(const absl::Status& status);

  // Raises `status` and returns the empty Ref a failed call returns.
  Ref Fail(absl::Status status);
  Ref TypeError(std::string_view text);

  Ref None() { return heap_.NewRef(heap_.none()); }
  Ref Bool(bool value) { return heap_.NewRef(heap_.bool_object(value)); }
  Ref Int(int64_t value);
  // A new str of `text`, the str() or repr() of `value`: an int's decimal
  // conversion holds a scratch int while it makes the str.
  Ref NewTextOf(ObjectId value, std::string_view text);
  // The lookup of the special method `name` (a static string) by this
  // builtin: its first one makes the name and drops it where the profile's
  // special_names say so (a transient block).
  void MakeSpecialNameOnFirstUse(std::string_view name);

  Interpreter& interp_;
  Heap& heap_;
  const Builtin builtin_;
  const ObjectId self_;
  CallArgs& args_;
};

// callable(object), as PyCallable_Check answers it for the objects heapsim
// models: functions, methods, types, weak references, partials and
// instances whose class has __call__ (builtins_attr.cc).
bool IsCallable(const Heap& heap, ObjectId object);

// Runs a method of a builtin type on `self` (builtins_methods.cc).
Ref CallMethodBuiltin(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args);

// The pieces str.split and bytes.split cut `text` into: at each
// `separator`, or when there is none at runs of ASCII whitespace (' ' and
// '\t' to '\r'), at most `max_split` times unless it is negative
// (builtins_bytes_methods.cc).
// What text.replace(from, to, max_count) (max_count < 0: every match)
// would make, without building it, so that the result is held to the
// session's limits first: an empty `from` matches before each of the
// `units` code points or bytes of `text` and at its end.
struct Replacement {
  uint64_t matches = 0;  // none: the text itself is the result
  uint64_t size = 0;     // the result's length
};
Replacement PlanReplace(const std::string& text, const std::string& from, const std::string& to,
                        int64_t max_count, uint64_t units);

std::vector<std::string> SplitParts(const std::string& text,
                                    const std::optional<std::string>& separator,
                                    int64_t max_split);

// Runs a method of int, bool or float on `self` (builtins_number_methods.cc).
Ref CallNumberMethod(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args);

// Runs ord, chr, hex, oct, bin, divmod or pow (builtins_numeric.cc).
Ref CallNumericBuiltin(Interpreter& interp, Builtin builtin, CallArgs& args);

// map(function, *iterables) and filter(function, iterable): the iterator
// objects (builtins_map_filter.cc).
Ref ConstructMapOrFilter(Interpreter& interp, Builtin builtin, CallArgs& args);

// Runs callable, getattr, setattr, hasattr, delattr, globals (refused), vars or
// issubclass (builtins_attr.cc).
Ref CallAttributeBuiltin(Interpreter& interp, Builtin builtin, CallArgs& args);

// Runs a function of the sys, gc or tracemalloc module
// (builtins_modules.cc).
Ref CallModuleBuiltin(Interpreter& interp, Builtin builtin, CallArgs& args);

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_BUILTIN_CALL_H_
