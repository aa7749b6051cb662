// Module math: its functions on floats (module_math.cc) and on integers
// (module_math_integer.cc), and its constants. Internal to the
// script library.

#ifndef HEAPSIM_SERVER_SCRIPT_MODULE_MATH_H_
#define HEAPSIM_SERVER_SCRIPT_MODULE_MATH_H_

#include <optional>
#include <string_view>

#include "server/heap/bigint.h"
#include "server/script/builtins.h"

namespace heapsim::script {

// True for the builtins of module math.
inline bool IsMathBuiltin(Builtin builtin) {
  return builtin >= Builtin::kMathSqrt && builtin <= Builtin::kMathPerm;
}

// Runs a function of module math. A new reference, or null with the
// exception or refusal pending.
Ref CallMathBuiltin(Interpreter& interp, Builtin builtin, CallArgs& args);

// Runs math.factorial, gcd, lcm, isqrt, comb or perm
// (module_math_integer.cc).
Ref CallMathIntegerBuiltin(Interpreter& interp, Builtin builtin, CallArgs& args);

// The value of math.pi, e, tau, inf or nan; nullopt for other names.
std::optional<double> MathConstant(std::string_view name);

// The int's value rounded to the nearest double (ties to even), as
// PyLong_AsDouble rounds it; nullopt past the range of doubles.
std::optional<double> IntToDouble(const BigInt& value);

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_MODULE_MATH_H_
