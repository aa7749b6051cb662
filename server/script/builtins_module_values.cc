// The data attributes of the sys and gc modules (sys.maxsize,
// sys.version_info, gc.garbage, gc.DEBUG_SAVEALL, ...), and the refusals
// of those heapsim does not model.

#include <cstdint>
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "server/heap/float_object.h"
#include "server/heap/gc_state.h"
#include "server/heap/list_object.h"
#include "server/heap/str_object.h"
#include "server/heap/tuple_object.h"
#include "server/script/builtins.h"
#include "server/script/module_dataclasses.h"
#include "server/script/module_math.h"

namespace heapsim::script {

namespace {

struct ConstantEntry {
  std::string_view module;
  std::string_view name;
  int64_t value;
};

constexpr ConstantEntry kConstants[] = {
    {"gc", "DEBUG_STATS", kGcDebugStats},
    {"gc", "DEBUG_COLLECTABLE", kGcDebugCollectable},
    {"gc", "DEBUG_UNCOLLECTABLE", kGcDebugUncollectable},
    {"gc", "DEBUG_SAVEALL", kGcDebugSaveAll},
    {"gc", "DEBUG_LEAK", kGcDebugLeak},
};

// The values made on first use, statically allocated as start-up objects.
constexpr std::string_view kMadeValues[] = {"sys.maxsize", "sys.byteorder", "sys.version_info",
                                            "gc.garbage",  "math.pi",       "math.e",
                                            "math.tau",    "math.inf",      "math.nan"};

struct RefusedEntry {
  std::string_view module;
  std::string_view name;
  std::string_view why;
};

constexpr RefusedEntry kRefused[] = {
    {"sys", "version", "the build's date and compiler are in it"},
    {"sys", "getallocatedblocks", "it counts the whole interpreter's blocks"},
    {"sys", "implementation", "a types.SimpleNamespace: only sys.implementation.name and "
                              ".cache_tag are modelled"},
    {"gc", "get_objects", "it lists every object of the interpreter"},
    {"gc", "callbacks", "callbacks of collections are not modelled"},
};

// The names of math, operator and functools (on some version) heapsim does
// not model:
// refused by name rather than missing.
constexpr std::pair<std::string_view, std::string_view> kUnmodelledLibraryNames[] = {
    {"math", "cbrt"},        {"math", "dist"},         {"math", "erf"},
    {"math", "erfc"},        {"math", "exp2"},         {"math", "fma"},
    {"math", "gamma"},       {"math", "hypot"},        {"math", "lgamma"},
    {"math", "nextafter"},   {"math", "remainder"},    {"math", "sumprod"},
    {"math", "ulp"},         {"operator", "attrgetter"}, {"operator", "itemgetter"},
    {"operator", "methodcaller"}, {"operator", "length_hint"},
    {"functools", "GenericAlias"}, {"functools", "RLock"},
    {"functools", "WRAPPER_ASSIGNMENTS"}, {"functools", "WRAPPER_UPDATES"},
    {"functools", "cached_property"},
    {"functools", "cmp_to_key"}, {"functools", "get_cache_token"},
    {"functools", "namedtuple"},
    {"functools", "partialmethod"},
    {"functools", "recursive_repr"}, {"functools", "singledispatch"},
    {"functools", "singledispatchmethod"}, {"functools", "total_ordering"},
    {"functools", "update_wrapper"}, {"functools", "wraps"},
};

// A statically allocated str of ASCII `text` (a block of 64 bytes, the
// size class of the short strs these are).
ObjectId StaticAsciiStr(Heap& heap, std::string_view text) {
  return NewStaticAsciiStr(heap, text, 64);
}

// sys.version_info of the profile's interpreter ("3.11.7"): final releases.
ObjectId MakeVersionInfo(Heap& heap) {
  std::vector<ObjectId> items;
  const std::string version(heap.profile().full_version);
  for (absl::string_view part : absl::StrSplit(version, '.')) {
    int64_t number = 0;
    if (!absl::SimpleAtoi(part, &number) || !Heap::IsSmallInt(number)) number = 0;
    items.push_back(heap.small_int(number));
  }
  items.resize(3, heap.small_int(0));
  items.push_back(StaticAsciiStr(heap, "final"));
  items.push_back(heap.small_int(0));
  const ObjectId id = NewStaticTupleOf(heap, std::move(items));
  heap.set_subtype(id, kVersionInfoTuple);
  return id;
}

ObjectId MakeValue(Heap& heap, std::string_view key) {
  if (key.starts_with("math.")) {
    const ObjectId id = heap.NewStaticObject(TypeTag::kFloat, kFloatSize);
    heap.set_real(id, *MathConstant(key.substr(5)));
    return id;
  }
  if (key == "sys.maxsize") {
    const ObjectId id = heap.NewStaticObject(TypeTag::kInt, 48);
    heap.set_small_int(id, INT64_MAX);
    return id;
  }
  if (key == "sys.byteorder") return StaticAsciiStr(heap, "little");
  if (key == "sys.version_info") return MakeVersionInfo(heap);
  // gc.garbage: a list, tracked as every list is.
  const ObjectId id = heap.NewStaticObject(TypeTag::kList, 56);
  heap.AttachBody(id, ListBody{});
  heap.Track(id);
  heap.gc().garbage = id;
  return id;
}

// The session's value for `key`, made on first use.
ObjectId SessionValue(Interpreter& interp, std::string_view key) {
  auto& values = interp.session().module_values;
  auto it = values.find(std::string(key));
  if (it != values.end()) return it->second;
  const ObjectId id = MakeValue(interp.heap(), key);
  values.emplace(std::string(key), id);
  return id;
}

}  // namespace

bool ModuleFunctionExists(const Profile& profile, Builtin builtin) {
  if (builtin == Builtin::kGcIsFinalized) return profile.gc_has_is_finalized;
  if (builtin == Builtin::kSysException) return profile.sys_has_exception;
  if (builtin == Builtin::kMathLcm) return profile.math.variadic_gcd;
  if (builtin == Builtin::kOperatorCall) return profile.operator_has_call;
  if (builtin == Builtin::kTypeItertoolsPairwise) return profile.itertools.has_pairwise;
  if (builtin == Builtin::kFunctoolsCache) return profile.lru_cache.has_cache;
  if (builtin == Builtin::kTracemallocResetPeak) return profile.tracemalloc_has_reset_peak;
  return true;
}

bool IsUnmodelledLibraryName(std::string_view module, std::string_view name) {
  for (const auto& [listed_module, listed_name] : kUnmodelledLibraryNames) {
    if (listed_module == module && listed_name == name) return true;
  }
  return false;
}

ObjectId ImportedModule(Interpreter& interp, std::string_view name) {
  auto& values = interp.session().module_values;
  const std::string key = "<module " + std::string(name) + ">";
  auto it = values.find(key);
  if (it == values.end()) {
    Heap& heap = interp.heap();
    const ObjectId module = heap.NewStaticObject(TypeTag::kModule, heap.profile().aux.module);
    heap.AttachBody(module, ModuleBody{std::string(name), kNoObject});
    it = values.emplace(key, module).first;
  }
  return it->second;
}

ObjectId GcGarbageList(Interpreter& interp) { return SessionValue(interp, "gc.garbage"); }

bool IsModuleValue(std::string_view module, std::string_view name) {
  for (const ConstantEntry& entry : kConstants) {
    if (entry.module == module && entry.name == name) return true;
  }
  const std::string key = std::string(module) + "." + std::string(name);
  for (std::string_view made : kMadeValues) {
    if (made == key) return true;
  }
  if (module == "weakref" && name == "ProxyTypes") return true;
  return module == "dataclasses" && (name == "MISSING" || name == "FrozenInstanceError");
}

std::optional<Ref> ModuleValue(Interpreter& interp, std::string_view module,
                               std::string_view name) {
  Heap& heap = interp.heap();
  for (const ConstantEntry& entry : kConstants) {
    if (entry.module == module && entry.name == name) {
      return heap.NewRef(heap.small_int(entry.value));
    }
  }
  const std::string key = std::string(module) + "." + std::string(name);
  for (std::string_view made : kMadeValues) {
    if (made == key) return heap.NewRef(SessionValue(interp, key));
  }
  if (module == "dataclasses" && IsModuleValue(module, name)) {
    return heap.NewRef(DataclassesObject(interp, name));
  }
  if (module == "weakref" && name == "ProxyTypes") return heap.NewRef(WeakProxyTypesTuple(interp));
  for (const RefusedEntry& entry : kRefused) {
    if (entry.module == module && entry.name == name) {
      interp.Refuse(key + " (" + std::string(entry.why) + ")");
      return Ref();
    }
  }
  return std::nullopt;
}

Ref SysImplementationAttribute(Interpreter& interp, std::string_view name) {
  if (name != "name" && name != "cache_tag") {
    interp.Refuse("sys.implementation." + std::string(name) +
                  " (only its name and cache_tag are modelled)");
    return Ref();
  }
  const std::string key = "sys.implementation." + std::string(name);
  auto& values = interp.session().module_values;
  auto it = values.find(key);
  if (it == values.end()) {
    const std::string version(interp.heap().profile().version);  // "3.11"
    const std::string text = name == "name" ? "cpython" : "cpython-" + absl::StrReplaceAll(version, {{".", ""}});
    it = values.emplace(key, StaticAsciiStr(interp.heap(), text)).first;
  }
  return interp.heap().NewRef(it->second);
}

bool IsModuleStartupValue(Interpreter& interp, ObjectId id) {
  Heap& heap = interp.heap();
  for (const auto& [key, value] : interp.session().module_values) {
    if (value == id) return true;
    if (heap.type_of(value) != TypeTag::kTuple) continue;
    for (ObjectId item : heap.tuple(value).items) {
      if (item == id && heap.type_of(id) == TypeTag::kStr) return true;
    }
  }
  return false;
}

}  // namespace heapsim::script
