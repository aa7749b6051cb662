// Module random: random.seed (of ints), random, getrandbits, randrange,
// randint, choice, shuffle (of lists) and uniform (of ints), the functions
// of random.py's hidden instance (module_random.cc). Internal to the script
// library.

#ifndef HEAPSIM_SERVER_SCRIPT_MODULE_RANDOM_H_
#define HEAPSIM_SERVER_SCRIPT_MODULE_RANDOM_H_

#include "server/script/builtins.h"
#include "server/script/interpreter.h"

namespace heapsim::script {

// True for the builtins of module random.
inline bool IsRandomBuiltin(Builtin builtin) {
  return builtin >= Builtin::kRandomSeed && builtin <= Builtin::kRandomSetState;
}

// True for random's functions, which in CPython are methods of its hidden
// instance (bound methods, or builtin methods bound to it): their type and
// size are refused.
bool IsRandomFunction(const Heap& heap, ObjectId object);

// The random module of the session, made (with the code objects of the
// random.py functions whose frames its calls make) by the first import;
// static objects the session owns.
ObjectId RandomModule(Heap& heap, SessionState& session);

// Runs a function of module random. A new reference, or null with the
// exception or refusal pending.
Ref CallRandomBuiltin(Interpreter& interp, Builtin builtin, CallArgs& args);

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_MODULE_RANDOM_H_
