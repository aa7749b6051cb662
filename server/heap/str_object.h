// str objects, in CPython's compact layout: a header, then the characters
// at 1, 2 or 4 bytes each (the kind the widest character needs), then a NUL.
//
// The empty string and one-character strings below U+0100 are shared
// singletons, as in CPython; identifier-like constants and names are
// interned.

#ifndef HEAPSIM_SERVER_HEAP_STR_OBJECT_H_
#define HEAPSIM_SERVER_HEAP_STR_OBJECT_H_

#include <string>
#include <string_view>

#include "server/heap/heap.h"

namespace heapsim {

// A str for valid UTF-8 text `utf8`: a singleton where CPython has one, else
// a new object.
Ref NewStr(Heap& heap, std::string_view utf8);

// A new str object even for one Latin-1 character: what formatting a
// number makes (str(5) is not the cached '5').
Ref NewStrObject(Heap& heap, std::string_view utf8);

// The interned str for `utf8`, made and interned if there is none yet.
Ref InternStr(Heap& heap, std::string_view utf8);

// The interned str for `name`, a name CPython holds interned before any
// lookup of it: a slot or identifier its C code looks up ("__init__",
// "__radd__", "__qualname__"), or a name the program's code spells (the
// compiler interned it). When the model has none yet a static one is made
// (its block predates the script), so a lookup never allocates.
// REQUIRES: `name` is ASCII.
Ref IdentifierStr(Heap& heap, std::string_view name);

// A str of the interpreter's own holding ASCII `text`: statically
// allocated (its `block_size`-byte block was made before the script and is
// never freed), not interned. Returns the object without a reference.
ObjectId NewStaticAsciiStr(Heap& heap, std::string_view text, uint64_t block_size);

// left += right in place, as PyUnicode_Append does for a str only its caller
// holds: the object grows (PyObject_Realloc, so it may move) instead of a
// new one being made. Returns false, changing nothing, when CPython would
// make a new object: `left` interned, hashed, static or of a narrower kind
// than `right`, or either of them empty. REQUIRES: both are strs and the
// caller holds the only reference to `left`.
bool StrAppendInPlace(Heap& heap, ObjectId left, ObjectId right);

// True if CPython interns a str constant with this text at compile time:
// only ASCII letters, digits and underscores.
bool IsInternableConstant(std::string_view utf8);

// The text of a str object.
inline const std::string& StrText(const Heap& heap, ObjectId id) { return heap.str(id).utf8; }

// The bytes CPython requests for a str of `length` characters of `kind`.
uint64_t StrRequest(const Profile& profile, uint32_t length, StrKind kind);

// sys.getsizeof of a str object.
uint64_t StrSizeOf(const Heap& heap, ObjectId id);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_STR_OBJECT_H_
