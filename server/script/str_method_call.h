// One call of a str method (builtins_str_*.cc): the text of the str it is
// bound to, the substrings it makes as CPython does (the str itself when a
// substring is all of it, the shared empty and one-character strs), and
// the argument conversions of str's methods. Internal to the script
// library.

#ifndef HEAPSIM_SERVER_SCRIPT_STR_METHOD_CALL_H_
#define HEAPSIM_SERVER_SCRIPT_STR_METHOD_CALL_H_

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "server/script/builtin_call.h"

namespace heapsim::script {

class StrMethodCall : public BuiltinCall {
 public:
  using BuiltinCall::BuiltinCall;

 protected:
  // The code points of the str the method is bound to.
  const std::u32string& Chars();

  // Characters [from, to) of the bound str as PyUnicode_Substring makes
  // them: the str itself when that is all of it, else a str of the kind
  // its widest character needs (a shared one when empty or one Latin-1
  // character).
  Ref Substring(size_t from, size_t to);

  // An integer argument of CPython's "n" (Py_ssize_t) or, `int_format`,
  // "i" (C int) format: an int or a bool. Raises the profile's TypeError
  // for other types and OverflowError past the C type, returning nullopt.
  std::optional<int64_t> SizeArg(ObjectId id, bool int_format);

  // Argument Clinic's parsing of positional-or-keyword parameters `names`
  // of the parser `parser` ("str.rsplit"), all optional: `values[i]` is
  // the i-th argument or kNoObject. False with the TypeError raised (or
  // the run refused: one argument given both ways).
  bool ClinicArgs(std::string_view parser, std::initializer_list<std::string_view> names,
                  ObjectId* values);

  // The refusal of a method of text it cannot answer for: "str.title() of
  // text outside Latin-1". Returns the empty Ref.
  Ref RefuseText();

 private:
  std::optional<std::u32string> chars_;
};

// The start of the first (`last`: the last) occurrence of `needle` in
// `text`, or npos. In time linear in what it passes over (Knuth-Morris-Pratt,
// from the end for `last`), as CPython's searches are: repeated searches
// for the pieces of a split stay linear.
size_t FindIn(std::u32string_view text, std::u32string_view needle, bool last);

// str.find, rfind, index, rindex, count, startswith and endswith: METH_VARARGS
// methods before 3.13, which name themselves in their errors.
inline bool IsStrSearchMethod(Builtin builtin) {
  switch (builtin) {
    case Builtin::kStrFind:
    case Builtin::kStrRFind:
    case Builtin::kStrIndex:
    case Builtin::kStrRIndex:
    case Builtin::kStrCount:
    case Builtin::kStrStartsWith:
    case Builtin::kStrEndsWith:
      return true;
    default:
      return false;
  }
}

// Runs find, rfind, index, rindex, count, startswith, endswith, strip,
// lstrip, rstrip, ljust, rjust, center, zfill, partition, rpartition,
// removeprefix, removesuffix and expandtabs (builtins_str_methods.cc),
// else one of the other files'.
Ref CallStrMethod(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args);

// Runs split, rsplit and splitlines (builtins_str_split.cc).
Ref CallStrSplit(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args);

// Runs the is*() predicates and the case mappings upper, lower, title,
// capitalize, swapcase and casefold (builtins_str_case.cc).
Ref CallStrCase(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args);

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_STR_METHOD_CALL_H_
