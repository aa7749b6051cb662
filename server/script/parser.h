// The parser: heap-script source to the compiled form's tree (code.h), with
// literals not yet made into objects and names not yet resolved. It refuses
// Python outside the heap-script subset with the construct's position, so
// that nothing runs of a program that could not run to the end.
//
// Besides the tree, it records for each code unit what the compiler's scope
// analysis needs: which names the unit binds, which it declares global or
// nonlocal, and every place a name is used, in evaluation order.

#ifndef HEAPSIM_SERVER_SCRIPT_PARSER_H_
#define HEAPSIM_SERVER_SCRIPT_PARSER_H_

#include <bitset>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "server/heap/profile.h"
#include "server/script/code.h"
#include "server/script/compiler.h"

namespace heapsim::script {

// What one code unit's scope looks like to the parser.
struct UnitScope {
  uint32_t parent = kNoUnit;
  // Names the unit binds (assignment, del, for, def, class, import,
  // except-as), parameters excluded, in order of first use.
  std::vector<std::string> bound;
  absl::flat_hash_set<std::string> bound_set;  // the same names, for lookups
  absl::flat_hash_set<std::string> globals;
  absl::flat_hash_set<std::string> nonlocals;
  // Every use of a name in the unit (loads, stores and deletes), in the
  // order the compiled code meets them. Pointers into the units' trees.
  std::vector<NameRef*> uses;
  Expr* comprehension = nullptr;  // the expression of a comprehension unit
};

// A literal as the parser read it; the compiler makes its object.
struct ParsedLiteral {
  Expr* expr;        // its kConstant node
  std::string text;  // kInt: digits in `base`; kFloat, kImaginary: for
                     // strtod; kStr: UTF-8; kBytes: the bytes
  uint8_t base = 10;
};

struct ParseTree {
  // Where the nodes of `units` live (declared first: destroyed last).
  std::unique_ptr<ParseArena> arena = std::make_unique<ParseArena>();
  std::vector<CodeUnit> units;   // units[0] is the module (or expression)
  std::vector<UnitScope> scopes;  // by unit
  std::vector<ParsedLiteral> literals;  // every literal, in source order
  // The ASCII characters that are a token of their own (a one-letter name,
  // a one-digit number, an operator), f-string expressions' included.
  std::bitset<128> one_char_tokens;
};

// Whether `word` is one of Python's keywords (keyword.kwlist).
bool IsPythonKeyword(std::string_view word);

// `name` as CPython's compiler writes it inside class `class_name`
// (_Py_Mangle): `__x` becomes `_C__x` for class `C` or `_C` (leading
// underscores stripped). Unchanged: names not starting with two
// underscores, ending with two, or dotted; any name when `class_name` is
// empty (outside classes) or all underscores.
std::string MangledName(std::string_view class_name, const std::string& name);

// Parses `source` within `limits`. Errors are InvalidArgument
// "FILE:LINE:COL: SyntaxError: ..." (IndentationError, TabError) or
// "FILE:LINE:COL: unsupported: ...", or CPython's own errors for nesting
// too deep: MemoryError (its parser's stack) and "RecursionError: maximum
// recursion depth exceeded during compilation" (its compiler's recursion
// over the tree; after a whole source parsed), as Python-level errors.
absl::StatusOr<ParseTree> Parse(std::string_view source, std::string_view filename,
                                CompileMode mode, const SourceLimits& limits);

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_PARSER_H_
