// What real CPython defines that heapsim may not model: the names of the
// builtins module and the attributes of objects of each type, over every
// supported version. The interpreter consults these where heapsim finds
// nothing, to refuse a name CPython knows instead of raising a NameError or
// AttributeError CPython would not raise.

#ifndef HEAPSIM_SERVER_SCRIPT_CPYTHON_NAMES_H_
#define HEAPSIM_SERVER_SCRIPT_CPYTHON_NAMES_H_

#include <string_view>

#include "server/heap/object.h"

namespace heapsim::script {

// True if `name` is a builtin in some supported CPython version (len, map,
// super, ExceptionGroup, __debug__, ...).
bool IsCPythonBuiltinName(std::string_view name);

// True if an object of `type` may have attribute `name` in some supported
// CPython version: every dunder name (conservatively), every attribute of
// type objects and modules, and the listed methods and data attributes of
// the other types. False means CPython raises AttributeError.
bool CPythonHasAttribute(TypeTag type, std::string_view name);

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_CPYTHON_NAMES_H_
