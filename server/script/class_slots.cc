#include "server/script/class_slots.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "server/heap/dict_object.h"
#include "server/heap/py_error.h"
#include "server/heap/str_object.h"
#include "server/heap/value_ops.h"
#include "server/script/parser.h"

namespace heapsim::script {

bool AsciiIdentifier(const std::string& text) {
  if (text.empty() || absl::ascii_isdigit(static_cast<unsigned char>(text[0]))) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
}

namespace {

bool Ascii(const std::string& text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

absl::Status NotModelled(const std::string& what) {
  return absl::UnimplementedError(absl::StrCat("a class whose __slots__ ", what));
}

// Instances with slots and a __dict__: laid out where the dict is a split
// table or a values array (3.8-3.12); 3.13 keeps such a dict out of the
// object (no inline values), which heapsim does not model.
absl::StatusOr<SlotsSpec> SlotsBesideDict(const Heap& heap, SlotsSpec spec) {
  if (heap.profile().instance_storage == InstanceStorage::kInlineValues) {
    return absl::UnimplementedError(
        "a class whose instances have both slots and a __dict__ (on this version)");
  }
  return spec;
}

}  // namespace

absl::StatusOr<SlotsSpec> ClassSlots(Heap& heap, ObjectId ns, ObjectId base,
                                     const std::string& class_name) {
  SlotsSpec spec;
  const bool base_dict = base != kNoObject && heap.cls(base).instance_dict;
  const bool base_weakref = base != kNoObject && heap.cls(base).instance_weakref;
  Ref key = IdentifierStr(heap, "__slots__");
  absl::StatusOr<ObjectId> slots = DictLookup(heap, ns, key.get());
  if (!slots.ok() || *slots == kNoObject) {
    if (base != kNoObject && heap.cls(base).slot_count != 0) return SlotsBesideDict(heap, spec);
    return spec;
  }
  spec.present = true;
  std::vector<ObjectId> items;
  switch (heap.type_of(*slots)) {
    case TypeTag::kStr:
      items.push_back(*slots);
      break;
    case TypeTag::kTuple:
      items = heap.tuple(*slots).items;
      break;
    case TypeTag::kList:
      items = heap.list(*slots).items;
      break;
    default:
      return NotModelled(absl::StrCat("is a '", TypeName(heap, *slots),
                                      "' (heapsim models a str, a tuple or a list)"));
  }
  // type_new's checks, item by item, then the class variables.
  bool dict_seen = false;
  for (ObjectId item : items) {
    if (heap.type_of(item) != TypeTag::kStr) {
      return PyError(PyExc::kTypeError, absl::StrCat("__slots__ items must be strings, not '",
                                                     TypeName(heap, item), "'"));
    }
    const std::string& name = heap.str(item).utf8;
    if (!Ascii(name)) return NotModelled("holds a name that is not ASCII");
    if (!AsciiIdentifier(name)) return PyError(PyExc::kTypeError, "__slots__ must be identifiers");
    if (name == "__dict__") {
      if (base_dict || dict_seen) {
        return PyError(PyExc::kTypeError, "__dict__ slot disallowed: we already got one");
      }
      dict_seen = true;
      continue;
    }
    if (name == "__weakref__") {
      if (base_weakref || spec.weakref) {
        return PyError(PyExc::kTypeError,
                       std::string(heap.profile().messages.weakref_slot_disallowed));
      }
      spec.weakref = true;
      continue;
    }
    const std::string mangled = MangledName(class_name, name);
    if (mangled != name) spec.mangled.push_back(mangled);
    spec.names.push_back(mangled);
  }
  spec.dict = dict_seen;
  absl::flat_hash_set<std::string> seen;
  for (const std::string& name : spec.names) {
    if (!seen.insert(name).second) return NotModelled(absl::StrCat("names '", name, "' twice"));
    if (name.size() > 2 && name.starts_with("__") && name.ends_with("__")) {
      return NotModelled(absl::StrCat("holds '", name, "' (a special name)"));
    }
  }
  for (const std::string& name : spec.names) {
    // The class body's names are interned: one not interned is not bound.
    const ObjectId key = heap.FindInterned(name);
    if (key == kNoObject) continue;
    absl::StatusOr<ObjectId> bound = DictLookup(heap, ns, key);
    if (bound.ok() && *bound != kNoObject) {
      return PyError(PyExc::kValueError,
                     absl::StrCat("'", name, "' in __slots__ conflicts with class variable"));
    }
  }
  std::sort(spec.names.begin(), spec.names.end());
  const uint32_t slot_count = static_cast<uint32_t>(spec.names.size()) +
                              (base == kNoObject ? 0 : heap.cls(base).slot_count);
  if ((base_dict || spec.dict) && slot_count != 0) return SlotsBesideDict(heap, spec);
  return spec;
}

}  // namespace heapsim::script
