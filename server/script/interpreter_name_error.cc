// The NameError a failed name lookup raises, with the hint CPython's
// traceback adds when nothing catches it (name_suggestions.h): the names the
// frame could see are gathered here, as CPython's traceback gathers them.

#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "server/heap/instance_object.h"
#include "server/heap/py_error.h"
#include "server/heap/str_object.h"
#include "server/script/code_attributes.h"
#include "server/script/cpython_names.h"
#include "server/script/interpreter.h"
#include "server/script/name_suggestions.h"

namespace heapsim::script {

namespace {

// The str keys of `dict`, in its order; none when it has more keys than
// suggestions ever search (CPython skips such a namespace), so the work and
// memory a NameError costs stay bounded whatever the program's size.
std::vector<std::string_view> StrKeys(const Heap& heap, ObjectId dict) {
  std::vector<std::string_view> keys;
  if (heap.dict(dict).used >= kMaxSuggestionCandidates) return keys;
  for (const DictEntry& entry : heap.dict(dict).entries) {
    if (entry.key != kNoObject && heap.type_of(entry.key) == TypeTag::kStr) {
      keys.push_back(StrText(heap, entry.key));
    }
  }
  return keys;
}

bool DictHasStrKey(const Heap& heap, ObjectId dict, std::string_view name) {
  for (const DictEntry& entry : heap.dict(dict).entries) {
    if (entry.key != kNoObject && heap.type_of(entry.key) == TypeTag::kStr &&
        StrText(heap, entry.key) == name) {
      return true;
    }
  }
  return false;
}

// hasattr(object, name) as the traceback asks it of a method's self,
// answered without running anything.
bool HasAttributeNamed(const Heap& heap, ObjectId object, std::string_view name) {
  const TypeTag type = heap.type_of(object);
  if (type == TypeTag::kInstance) {
    for (const auto& [key, value] : InstanceAttrs(heap, object)) {
      if (StrText(heap, key) == name) return true;
    }
    for (ObjectId c = heap.instance(object).cls; c != kNoObject; c = heap.cls(c).base) {
      if (DictHasStrKey(heap, heap.cls(c).namespace_dict, name)) return true;
    }
  }
  return CPythonHasAttribute(type, name);
}

bool IsCellSlot(const CodeUnit& unit, uint32_t slot) {
  for (uint32_t cell : unit.cell_slots) {
    if (cell == slot) return true;
  }
  for (uint32_t free : unit.free_slots) {
    if (free == slot) return true;
  }
  return false;
}


}  // namespace

absl::Status Interpreter::NameErrorFor(std::string_view name) {
  absl::Status error =
      PyError(PyExc::kNameError, absl::StrCat("name '", std::string(name), "' is not defined"));
  const Profile& profile = heap_.profile();
  if (profile.name_suggestions == NameSuggestions::kNone) return error;
  const bool class_body = context_.class_namespace != kNoObject;
  const CodeUnit* unit = context_.unit;
  const bool function = !class_body && unit != nullptr && unit->kind != UnitKind::kModule;
  NameScope scope;
  const ObjectId globals = heap_.frames().module_frame().globals;
  scope.globals = StrKeys(heap_, globals);
  scope.namespace_too_long = heap_.dict(globals).used >= kMaxSuggestionCandidates ||
                             (class_body && heap_.dict(context_.class_namespace).used >=
                                                kMaxSuggestionCandidates);
  if (function) {
    scope.code_varnames = CodeVarNames(*unit);
    // f_locals: the locals, cells and free variables that have a value.
    const std::vector<ObjectId>& slots = heap_.frames().at(context_.frame).slots;
    for (uint32_t slot = 0; slot < unit->slot_names.size() && slot < slots.size(); ++slot) {
      ObjectId value = slots[slot];
      if (value != kNoObject && IsCellSlot(*unit, slot)) value = heap_.cell(value).contents;
      if (value == kNoObject) continue;
      scope.bound_locals.push_back(unit->slot_names[slot]);
      if (unit->slot_names[slot] == "self") {
        scope.self_has_wrong_attribute = HasAttributeNamed(heap_, value, name);
      }
    }
  } else if (class_body) {
    scope.bound_locals = StrKeys(heap_, context_.class_namespace);
  } else {
    scope.bound_locals = scope.globals;  // a module's f_locals is its globals
  }
  return WithUncaughtHint(std::move(error), NameErrorHint(profile, name, scope));
}

}  // namespace heapsim::script
