// The standard-library modules a heap script may import, and the names of
// each that `from M import name` may bind. Everything else is refused by
// name before the script runs (parser.cc).

#ifndef HEAPSIM_SERVER_SCRIPT_MODELLED_MODULES_H_
#define HEAPSIM_SERVER_SCRIPT_MODELLED_MODULES_H_

#include <string>
#include <string_view>

namespace heapsim::script {

// True if heapsim models module `name` (a top-level name, no dots).
bool IsModelledModule(std::string_view name);

// True if the first import of `module` leaves list.sort's keyword parser
// ready (its keyword-name tuple made, where the profile makes one): the
// import runs tokenize's `sorted(..., reverse=True)` (measured on 3.8 to
// 3.11 for tracemalloc and dataclasses).
bool FirstImportReadiesSortKeywords(std::string_view module);

// The modelled modules in alphabetical order, as a refusal names them:
// "array, collections, ... and weakref".
std::string ModelledModuleList();

// True if `from module import name` binds something heapsim models: a
// modelled function or data attribute of the module that exists on every
// profile (names some profiles lack are left out, since CPython's
// ImportError there names the module's file path).
bool IsImportableName(std::string_view module, std::string_view name);

// What a refusal of `from module import name` adds after the name, saying
// what the module offers: " (of collections heapsim models deque and
// defaultdict)".
std::string_view ImportableNamesNote(std::string_view module);

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_MODELLED_MODULES_H_
