// The hint CPython's traceback adds to an uncaught AttributeError (3.10+):
// the object's dir() is rebuilt here as CPython's would read, and searched
// as a NameError's names are (name_suggestions.h). An object whose dir()
// heapsim cannot rebuild exactly makes the uncaught error a refusal.

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "server/heap/instance_object.h"
#include "server/heap/py_error.h"
#include "server/heap/str_object.h"
#include "server/heap/value_ops.h"
#include "server/script/interpreter.h"
#include "server/script/name_suggestions.h"

namespace heapsim::script {

namespace {

// dir() of an object of the builtin type named `type`, if measured.
std::optional<std::string_view> BuiltinTypeDir(const Profile& profile, std::string_view type) {
  for (const cpython_names::TypeDir& entry : profile.builtin_type_dirs) {
    if (entry.type == type) return entry.names;
  }
  return std::nullopt;
}

// Adds the names of the space-separated `list` to `names`.
void AddWords(std::string_view list, std::vector<std::string_view>& names) {
  for (size_t start = 0; start < list.size();) {
    size_t end = list.find(' ', start);
    if (end == std::string_view::npos) end = list.size();
    if (end > start) names.push_back(list.substr(start, end - start));
    start = end + 1;
  }
}

// Adds the str keys of `dict` to `names`.
void AddStrKeys(const Heap& heap, ObjectId dict, std::vector<std::string_view>& names) {
  for (const DictEntry& entry : heap.dict(dict).entries) {
    if (entry.key != kNoObject && heap.type_of(entry.key) == TypeTag::kStr) {
      names.push_back(StrText(heap, entry.key));
    }
  }
}

// Adds what the class `cls` and its bases contribute to dir(): their
// dicts' names, then object's.
void AddClassDir(const Heap& heap, ObjectId cls, std::string_view object_dir,
                 std::vector<std::string_view>& names) {
  for (ObjectId c = cls; c != kNoObject; c = heap.cls(c).base) {
    AddStrKeys(heap, heap.cls(c).namespace_dict, names);
  }
  AddWords(object_dir, names);
}

}  // namespace

bool Interpreter::FrameSelfIs(ObjectId object) const {
  const bool class_body = context_.class_namespace != kNoObject;
  const CodeUnit* unit = context_.unit;
  if (!class_body && unit != nullptr && unit->kind != UnitKind::kModule) {
    const std::vector<ObjectId>& slots = heap_.frames().at(context_.frame).slots;
    for (uint32_t slot = 0; slot < unit->slot_names.size() && slot < slots.size(); ++slot) {
      if (unit->slot_names[slot] != "self" || slots[slot] == kNoObject) continue;
      bool cell = false;
      for (uint32_t c : unit->cell_slots) cell = cell || c == slot;
      for (uint32_t f : unit->free_slots) cell = cell || f == slot;
      return (cell ? heap_.cell(slots[slot]).contents : slots[slot]) == object;
    }
    return false;
  }
  const ObjectId locals =
      class_body ? context_.class_namespace : heap_.frames().module_frame().globals;
  for (const DictEntry& entry : heap_.dict(locals).entries) {
    if (entry.key != kNoObject && heap_.type_of(entry.key) == TypeTag::kStr &&
        StrText(heap_, entry.key) == "self") {
      return entry.value == object;
    }
  }
  return false;
}

absl::Status Interpreter::AttributeErrorFor(ObjectId object, std::string_view name,
                                            absl::Status error) {
  const Profile& profile = heap_.profile();
  if (profile.name_suggestions == NameSuggestions::kNone) return error;
  const TypeTag type = heap_.type_of(object);
  const std::string type_name = TypeName(heap_, object);
  const std::optional<std::string_view> object_dir = BuiltinTypeDir(profile, "object");
  std::optional<std::string_view> builtin_dir;
  if (type != TypeTag::kInstance && type != TypeTag::kClass) {
    builtin_dir = BuiltinTypeDir(profile, type_name);
  }
  // An exception class's dir() has BaseException's names, which are not
  // listed.
  const bool exception = (type == TypeTag::kInstance && heap_.instance(object).args != kNoObject) ||
                         IsExceptionClass(heap_, object);
  // A namedtuple class's dir() has its fields and its functions' names.
  if (!object_dir.has_value() || exception || type == TypeTag::kNamedTupleType ||
      (type != TypeTag::kInstance && type != TypeTag::kClass && !builtin_dir.has_value())) {
    const std::string_view file = context_.program != nullptr
                                      ? std::string_view(context_.program->filename)
                                      : "<input>";
    return WithUncaughtRefusal(
        std::move(error),
        absl::StrFormat("%s:%d:%d: unsupported: the hint of an uncaught AttributeError "
                        "on a '%s' object",
                        file, context_.position.line, context_.position.column, type_name));
  }
  std::vector<std::string_view> dir;
  if (type == TypeTag::kInstance) {
    for (const auto& [key, value] : InstanceAttrs(heap_, object)) {
      dir.push_back(StrText(heap_, key));
    }
    AddClassDir(heap_, heap_.instance(object).cls, *object_dir, dir);
  } else if (type == TypeTag::kClass) {
    AddClassDir(heap_, object, *object_dir, dir);
  } else {
    AddWords(*builtin_dir, dir);
  }
  std::sort(dir.begin(), dir.end());
  dir.erase(std::unique(dir.begin(), dir.end()), dir.end());
  return WithUncaughtHint(std::move(error),
                          AttributeErrorHint(profile, name, dir, FrameSelfIs(object)));
}

}  // namespace heapsim::script
