#include "server/script/attribute_miss.h"

#include <algorithm>
#include <cstdint>
#include <string>

#include "absl/strings/str_cat.h"
#include "server/heap/format_message.h"
#include "server/heap/str_kind.h"
#include "server/heap/weakref_object.h"

namespace heapsim::script {

namespace {

// type_getattro's message: "type object '%.50s' has no attribute '%U'",
// the type's name (at most 50 bytes) decoded into a temporary str.
void FormatTypeMiss(Heap& heap, std::string_view type_name, std::string_view name) {
  constexpr std::string_view kFormat = "type object '%.50s' has no attribute '%U'";
  const FormatPiece pieces[] = {
      {.length = 13},  // type object '
      {.length = static_cast<uint32_t>(std::min<size_t>(type_name.size(), 50)), .decoded = true},
      {.length = 20},  // ' has no attribute '
      {.length = static_cast<uint32_t>(name.size())},
      {.length = 1},  // '
  };
  MakeTransientFormattedMessage(heap, static_cast<uint32_t>(kFormat.size()), pieces);
}

// module_getattro: the generic lookup's "'%.50s' object has no attribute
// '%U'" (the type's name "module" decoded), cleared, then "module '%U' has
// no attribute '%U'".
void FormatModuleMiss(Heap& heap, std::string_view module_name, std::string_view name) {
  constexpr std::string_view kGeneric = "'%.50s' object has no attribute '%U'";
  const FormatPiece generic[] = {
      {.length = 1},  // '
      {.length = 6, .decoded = true},  // module
      {.length = 27},  // ' object has no attribute '
      {.length = static_cast<uint32_t>(name.size())},
      {.length = 1},  // '
  };
  MakeTransientFormattedMessage(heap, static_cast<uint32_t>(kGeneric.size()), generic);
  constexpr std::string_view kModule = "module '%U' has no attribute '%U'";
  const FormatPiece module[] = {
      {.length = 8},  // module '
      {.length = static_cast<uint32_t>(module_name.size())},
      {.length = 20},  // ' has no attribute '
      {.length = static_cast<uint32_t>(name.size())},
      {.length = 1},  // '
  };
  MakeTransientFormattedMessage(heap, static_cast<uint32_t>(kModule.size()), module);
}

}  // namespace

bool NoteSuppressedAttributeMiss(Interpreter& interp, ObjectId object, std::string_view name) {
  Heap& heap = interp.heap();
  const TypeTag type = heap.type_of(object);
  // What is looked up whose formatting heapsim does not model, or empty.
  std::string_view unmodelled;
  if (IsWeakProxy(heap, object)) {
    unmodelled = "a weak proxy";
  } else if (!heap.profile().attribute_miss_formats_message) {
    return true;
  } else if (type == TypeTag::kModule) {
    if (heap.profile().module_miss_formats_two_messages && IsAsciiText(name) &&
        IsAsciiText(heap.module(object).name)) {
      FormatModuleMiss(heap, heap.module(object).name, name);
      return true;
    }
    unmodelled = "a module";
  } else if (type == TypeTag::kNamedTupleType) {
    unmodelled = "a namedtuple class";
  } else if (type != TypeTag::kClass && type != TypeTag::kBuiltinType) {
    return true;  // looked up without raising
  } else if (!IsAsciiText(name) || !IsAsciiText(heap.cls(object).name)) {
    unmodelled = "a class by a non-ASCII name";
  } else {
    FormatTypeMiss(heap, heap.cls(object).name, name);
    return true;
  }
  // Outside tracing the blocks, freed at once, only pass through the
  // allocator's pools.
  if (!heap.tracemalloc().tracing()) return true;
  interp.Refuse(absl::StrCat(
      "a failed attribute lookup (hasattr, getattr with a default) on ", std::string(unmodelled),
      " while tracemalloc is tracing (CPython ", std::string(heap.profile().version),
      " formats the AttributeError's message and drops it, which heapsim does not model here)"));
  return false;
}

}  // namespace heapsim::script
