// Facts about each simulated type that do not depend on the version.

#ifndef HEAPSIM_SERVER_HEAP_TYPE_INFO_H_
#define HEAPSIM_SERVER_HEAP_TYPE_INFO_H_

#include <string_view>

#include "server/heap/object.h"

namespace heapsim {

struct TypeInfo {
  std::string_view name;  // type(x).__name__ (for kinds with one fixed name)
  bool gc;                // has a GC header and takes part in collection
};

// The entry for `type`.
const TypeInfo& InfoOf(TypeTag type);

// True for the types whose instances may be GC-tracked on every profile
// (Heap::IsGcType adds the types that became GC types in some version).
inline bool IsGcType(TypeTag type) { return InfoOf(type).gc; }

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_TYPE_INFO_H_
