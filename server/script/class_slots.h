// A class statement's __slots__: what its namespace asks for, checked as
// type_new checks it.

#ifndef HEAPSIM_SERVER_SCRIPT_CLASS_SLOTS_H_
#define HEAPSIM_SERVER_SCRIPT_CLASS_SLOTS_H_

#include <string>

#include "absl/status/statusor.h"
#include "server/heap/heap.h"
#include "server/heap/slotted_object.h"

namespace heapsim::script {

// Reads the __slots__ the class namespace `ns` binds, for a class whose base
// is `base` (a class of the program, or kNoObject for object). Returns the
// spec (not `present` when the namespace has no __slots__), private names
// mangled with `class_name` as type_new mangles them; CPython's TypeError
// or ValueError for slots it rejects; or Unimplemented naming what heapsim
// does not model: __slots__ other than a str, tuple or list, duplicate
// (after mangling) or dunder names, non-ASCII names, and on
// 3.13 instances with both slots and a __dict__ ('__dict__' among the
// slots, slots below a class without them, a class without __slots__ below
// one with slots).
absl::StatusOr<SlotsSpec> ClassSlots(Heap& heap, ObjectId ns, ObjectId base,
                                     const std::string& class_name);

// str.isidentifier for ASCII text.
bool AsciiIdentifier(const std::string& text);

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_CLASS_SLOTS_H_
