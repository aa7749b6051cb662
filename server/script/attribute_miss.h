// What a failed attribute lookup costs when its caller suppresses the
// AttributeError (hasattr, getattr with a default, the reflected-operand
// check of binary operators). CPython looks most objects' attributes up
// without raising, but before 3.12 a type object or a module raises and
// so formats the message first (type_getattro's "type object '%.50s' has
// no attribute '%U'"), and a weak proxy forwards to its referent's
// raising lookup in every version. Internal to the script library.

#ifndef HEAPSIM_SERVER_SCRIPT_ATTRIBUTE_MISS_H_
#define HEAPSIM_SERVER_SCRIPT_ATTRIBUTE_MISS_H_

#include <string_view>

#include "server/heap/object.h"
#include "server/script/interpreter.h"

namespace heapsim::script {

// `name` was not found on `object` and the caller suppresses the error:
// makes and frees the blocks CPython's messages took where it formats them
// (before 3.12: a type object; a module on 3.8 and 3.9). Returns false with
// a refusal pending where that is not modelled and tracemalloc is tracing:
// a module on 3.10 and 3.11, a namedtuple class, a weak proxy, a non-ASCII
// name.
bool NoteSuppressedAttributeMiss(Interpreter& interp, ObjectId object, std::string_view name);

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_ATTRIBUTE_MISS_H_
