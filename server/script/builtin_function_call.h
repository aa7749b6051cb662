// A call of one of the global builtin functions and types (builtins.cc:
// print, isinstance, sorted, min/max, sum, round, type; the constructors of
// the builtin types in builtins_constructors.cc). Internal to the script
// library.

#ifndef HEAPSIM_SERVER_SCRIPT_BUILTIN_FUNCTION_CALL_H_
#define HEAPSIM_SERVER_SCRIPT_BUILTIN_FUNCTION_CALL_H_

#include <vector>

#include "server/script/builtin_call.h"

namespace heapsim::script {

class BuiltinFunctionCall : public BuiltinCall {
 public:
  using BuiltinCall::BuiltinCall;

  // Runs the builtin: its result, or a null Ref with the interpreter's
  // error set (or a refusal).
  Ref Run();

 private:
  Ref Print();
  Ref IsInstance();
  // isinstance(object, C) for C among `classes`, by object's own type.
  Ref IsInstanceOf(ObjectId object, const std::vector<ObjectId>& classes);
  Ref Sorted(ObjectId iterable);
  Ref MinMax(bool max);
  Ref Sum();
  Ref Round();
  Ref TypeOf(ObjectId object);
  // A builtin type called: int(), float(), list(), ... (builtins_constructors.cc).
  Ref Construct();
  Ref ConstructInt();
  Ref ConstructFloat();
  Ref ConstructList();
  Ref ConstructTuple();
  Ref ConstructDict();
  Ref ConstructSet(bool frozen);
  // A new reference to the profile's shared empty frozenset, made now if
  // it is made on first use and there is none yet.
  Ref SharedEmptyFrozenSet();
  Ref ConstructBytes(bool bytearray);
  Ref ConstructException();
};

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_BUILTIN_FUNCTION_CALL_H_
