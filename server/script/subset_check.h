// The subset check: constructs the parser accepts but heapsim cannot run
// with CPython's meaning, refused before anything runs. A class body may
// define only the special method heapsim honours (__init__); any other
// dunder it binds (__eq__, __repr__, __del__, __slots__, ...) would change
// what CPython does with the class and is refused, as is a class with more
// than one base (heapsim follows only the first).

#ifndef HEAPSIM_SERVER_SCRIPT_SUBSET_CHECK_H_
#define HEAPSIM_SERVER_SCRIPT_SUBSET_CHECK_H_

#include <string_view>

#include "absl/status/status.h"
#include "server/script/parser.h"

namespace heapsim::script {

// True for "__name__"-shaped names (two leading and trailing underscores).
bool IsDunder(std::string_view name);

// OK when every class of `tree` stays within the subset; else
// InvalidArgument "FILE:LINE:COL: unsupported: <construct>" at an
// offending binding or base class.
absl::Status CheckSubset(const ParseTree& tree, std::string_view filename);

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_SUBSET_CHECK_H_
