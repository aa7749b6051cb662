// The functions of the sys, gc and tracemalloc modules.

#include <vector>

#include "absl/strings/str_cat.h"
#include "server/heap/counter_object.h"
#include "server/heap/defaultdict_object.h"
#include "server/heap/dict_object.h"
#include "server/heap/gc.h"
#include "server/heap/gc_timing.h"
#include "server/heap/int_object.h"
#include "server/heap/list_object.h"
#include "server/heap/py_error.h"
#include "server/heap/referents.h"
#include "server/heap/sizeof.h"
#include "server/heap/str_object.h"
#include "server/heap/tuple_object.h"
#include "server/heap/value_ops.h"
#include "server/script/builtin_call.h"
#include "server/script/builtins.h"
#include "server/script/import_free_lists.h"
#include "server/script/module_copy.h"
#include "server/script/module_math.h"
#include "server/script/module_random.h"
#include "server/script/tracemalloc_objects.h"
#include "server/script/tracemalloc_snapshot.h"

namespace heapsim::script {

namespace {

Ref IntTuple(Heap& heap, const std::vector<int64_t>& values) {
  std::vector<ObjectId> items;
  for (int64_t v : values) items.push_back(NewInt(heap, v).release());
  return NewTuple(heap, std::move(items));
}

class ModuleCall : public BuiltinCall {
 public:
  ModuleCall(Interpreter& interp, Builtin builtin, CallArgs& args)
      : BuiltinCall(interp, builtin, kNoObject, args) {}

  Ref Run();

 private:
  // The type gc.get_referents(object) visits first, by name, where it is
  // a heap type heapsim visits (arrays and their iterators, 3.10+).
  std::optional<std::string> HeapTypeVisited(ObjectId object) const;
  // `id` as a C int (PyArg's "i"), with each version's TypeError and
  // OverflowError; nullopt with the error pending.
  std::optional<int32_t> CIntArg(ObjectId id);
  Ref GetSizeOf();
  Ref SetRecursionLimit();
  Ref SetDebug();
  Ref GetStats();
  Ref GetDefaultEncoding();
};

std::optional<int32_t> ModuleCall::CIntArg(ObjectId id) {
  if (!IsIntLike(heap_, id)) {
    const std::string type = TypeName(heap_, id);
    if (!heap_.profile().messages.int_arg_legacy) {
      TypeError(absl::StrCat("'", type, "' object cannot be interpreted as an integer"));
    } else if (heap_.type_of(id) == TypeTag::kFloat) {
      TypeError("integer argument expected, got float");
    } else {
      TypeError(absl::StrCat("an integer is required (got type ", type, ")"));
    }
    return std::nullopt;
  }
  const std::optional<int64_t> value = IntAsInt64(heap_, id);
  if (!value || *value < INT32_MIN || *value > INT32_MAX) {
    interp_.Raise(PyError(PyExc::kOverflowError, "Python int too large to convert to C int"));
    return std::nullopt;
  }
  return static_cast<int32_t>(*value);
}

// sys.getsizeof(object, default): PyArg_ParseTupleAndKeywords's checks.
// Every object heapsim models has a size, so the default is never the
// answer.
Ref ModuleCall::GetSizeOf() {
  static constexpr std::string_view kNames[] = {"object", "default"};
  if (args_.positional.size() > 2) {
    return TypeError(absl::StrCat("getsizeof() takes at most 2 arguments (",
                                  args_.positional.size(), " given)"));
  }
  ObjectId operands[2] = {kNoObject, kNoObject};
  for (size_t i = 0; i < args_.positional.size(); ++i) operands[i] = Arg(i);
  for (const auto& [name, value] : args_.keywords) {
    size_t index = 0;
    while (index < 2 && kNames[index] != name) ++index;
    if (index == 2) {
      return TypeError(
          heap_.profile().messages.clinic_keyword_names_function
              ? absl::StrCat("getsizeof() got an unexpected keyword argument '", name, "'")
              : absl::StrCat("'", name, "' is an invalid keyword argument for getsizeof()"));
    }
    if (operands[index] != kNoObject) {
      interp_.Refuse("getsizeof() given an argument both by position and by name");
      return Ref();
    }
    operands[index] = value.get();
  }
  if (operands[0] == kNoObject) {
    return TypeError("getsizeof() missing required argument 'object' (pos 1)");
  }
  if (IsCopyFunction(heap_, operands[0])) {
    interp_.Refuse("sys.getsizeof() of copy.copy or copy.deepcopy (a Python function in CPython)");
    return Ref();
  }
  if (heap_.type_of(operands[0]) == TypeTag::kBuiltinType &&
      heap_.object(operands[0]).subtype == static_cast<uint8_t>(Builtin::kTypeCounter)) {
    interp_.Refuse("sys.getsizeof() of collections.Counter (a Python class in CPython)");
    return Ref();
  }
  if (IsFunctoolsPythonFunction(heap_, operands[0])) {
    interp_.Refuse("sys.getsizeof() of functools.lru_cache or functools.cache (a Python function "
                   "in CPython)");
    return Ref();
  }
  if (IsNamedTupleFunction(heap_, operands[0])) {
    interp_.Refuse("sys.getsizeof() of collections.namedtuple (a Python function in CPython)");
    return Ref();
  }
  if (heap_.type_of(operands[0]) == TypeTag::kCode) {
    interp_.Refuse("sys.getsizeof() of a code object (its size follows its bytecode)");
    return Ref();
  }
  if (heap_.type_of(operands[0]) == TypeTag::kIterator &&
      static_cast<IterKind>(heap_.object(operands[0]).subtype) == IterKind::kWeakGenerator) {
    interp_.Refuse("sys.getsizeof() of a weakref.py generator (its frame is not modelled)");
    return Ref();
  }
  if (IsRandomFunction(heap_, operands[0])) {
    interp_.Refuse("sys.getsizeof() of a function of random (a method of its hidden instance)");
    return Ref();
  }
  if (heap_.type_of(operands[0]) == TypeTag::kTraceObject) {
    interp_.Refuse(absl::StrCat("sys.getsizeof() of a tracemalloc.", TypeName(heap_, operands[0]),
                                " (its memory is not modelled)"));
    return Ref();
  }
  return Int(static_cast<int64_t>(SizeOf(heap_, operands[0])));
}

Ref ModuleCall::SetRecursionLimit() {
  if (!Arity(1, 1)) return Ref();
  const std::optional<int32_t> limit = CIntArg(Arg(0));
  if (!limit) return Ref();
  if (*limit < 1) {
    return Fail(PyError(PyExc::kValueError, "recursion limit must be greater or equal than 1"));
  }
  // CPython's depth here: the module's frame and the calls inside it, and
  // before 3.12 the C call of setrecursionlimit itself. The new limit must
  // be above it (3.8: above its low-water mark, the point where a handled
  // RecursionError's allowance ends).
  const Profile& profile = heap_.profile();
  const uint32_t depth =
      interp_.call_depth() + 1 + (profile.c_recursion.counts_python_frames ? 1 : 0);
  const auto requested = static_cast<uint32_t>(*limit);
  uint32_t mark = requested;
  if (profile.recursion_overflow_allowance != 0) {
    mark = requested > 200 ? requested - profile.recursion_overflow_allowance
                           : 3 * (requested >> 2);
  }
  if (depth >= mark) {
    return Fail(PyError(PyExc::kRecursionError,
                        absl::StrCat("cannot set the recursion limit to ", requested,
                                     " at the recursion depth ", depth,
                                     ": the limit is too low")));
  }
  heap_.set_recursion_limit(requested);
  return None();
}

Ref ModuleCall::SetDebug() {
  if (!Arity(1, 1)) return Ref();
  const std::optional<int32_t> flags = CIntArg(Arg(0));
  if (!flags) return Ref();
  const auto bits = static_cast<uint32_t>(*flags);
  if ((bits & ~static_cast<uint32_t>(kGcDebugSaveAll)) != 0) {
    interp_.Refuse(absl::StrCat("gc.set_debug(", *flags,
                                ") with flags other than DEBUG_SAVEALL (the reports CPython "
                                "writes to stderr are not modelled)"));
    return Ref();
  }
  if ((bits & kGcDebugSaveAll) != 0) GcGarbageList(interp_);  // collections append to it
  heap_.gc().debug = bits;
  return None();
}

Ref ModuleCall::GetStats() {
  if (!Arity(0, 0)) return Ref();
  if (const std::string& module = interp_.session().first_python_import; !module.empty()) {
    // The start-up baseline below holds for scripts importing only sys and gc.
    interp_.Refuse(absl::StrCat("gc.get_stats() after importing '", module,
                                "' (CPython's import runs Python code whose collections heapsim "
                                "does not model)"));
    return Ref();
  }
  if (heap_.gc().collections_unknown) {
    interp_.Refuse(TimingRefusal(heap_,
                                 "gc.get_stats() after a point where CPython may have run an "
                                 "automatic collection"));
    return Ref();
  }
  // As gc_get_stats: the list, then per generation a dict built key by key
  // (a new str and an int each), appended.
  const GcState& gc = heap_.gc();
  Ref result = NewList(heap_, 0);
  for (int g = 0; g < GcState::kGenerations; ++g) {
    const Profile::GcStartupStats& startup = heap_.profile().gc_startup_stats[g];
    const GcGenerationStats& stats = gc.stats[g];
    Ref dict = NewDict(heap_);
    const std::pair<std::string_view, uint64_t> fields[] = {
        {"collections", startup.collections + stats.collections},
        {"collected", startup.collected + stats.collected},
        {"uncollectable", stats.uncollectable}};
    for (const auto& [name, value] : fields) {
      Ref key = NewStrObject(heap_, name);
      Ref number = NewInt(heap_, static_cast<int64_t>(value));
      if (!Check(DictSetItem(heap_, dict.get(), key.get(), number.get()))) return Ref();
    }
    ListAppend(heap_, result.get(), dict.get());
  }
  return result;
}

Ref ModuleCall::GetDefaultEncoding() {
  if (!Arity(0, 0)) return Ref();
  if (!heap_.profile().default_encoding_static) return NewStrObject(heap_, "utf-8");
  auto& values = interp_.session().module_values;
  auto it = values.find("sys.getdefaultencoding()");
  if (it == values.end()) {
    it = values.emplace("sys.getdefaultencoding()", NewStaticAsciiStr(heap_, "utf-8", 64)).first;
  }
  return heap_.NewRef(it->second);
}

// True for objects whose reference count CPython's start-up shapes in ways
// heapsim does not model: modules, builtin functions, and builtin types that
// are not immortal in the profile. (The static singletons, small ints and
// one-character strs keep heapsim's counts, whose changes are exact.)
bool StartupDependentRefcount(const Heap& heap, ObjectId object) {
  const TypeTag type = heap.type_of(object);
  if (type == TypeTag::kModule) return true;
  const Object& o = heap.object(object);
  if (type == TypeTag::kTuple && o.subtype == kVersionInfoTuple) return true;
  if (!o.has(kStatic)) return false;
  if (type == TypeTag::kBuiltinFunction) return true;
  // Ellipsis before 3.12: counted by every code object holding `...` among
  // its constants (CPython shares equal constant tuples between them).
  if (type == TypeTag::kEllipsis) return !o.has(kImmortal);
  // array.array, collections.deque and functools.partial: heap types in
  // later versions, never immortal, counted by their instances (and static
  // types before).
  if (type == TypeTag::kBuiltinType && (o.subtype == static_cast<uint8_t>(Builtin::kTypeArray) ||
                                        o.subtype == static_cast<uint8_t>(Builtin::kTypeDeque) ||
                                        o.subtype == static_cast<uint8_t>(Builtin::kTypePartial))) {
    return true;
  }
  // collections.deque and defaultdict: heap types from 3.12, likewise;
  // Counter: a Python class.
  const auto of_type = [&o](Builtin type_builtin) {
    return o.subtype == static_cast<uint8_t>(type_builtin);
  };
  if (type == TypeTag::kBuiltinType &&
      (of_type(Builtin::kTypeDeque) || of_type(Builtin::kTypeDefaultDict) ||
       of_type(Builtin::kTypeCounter))) {
    return true;
  }
  return type == TypeTag::kBuiltinType && !o.has(kImmortal);
}

std::optional<std::string> ModuleCall::HeapTypeVisited(ObjectId object) const {
  if (!heap_.profile().array.gc_tracked) return std::nullopt;
  if (heap_.type_of(object) == TypeTag::kArray) return "array";
  if (heap_.type_of(object) == TypeTag::kIterator &&
      static_cast<IterKind>(heap_.object(object).subtype) == IterKind::kArray) {
    return TypeName(heap_, object);
  }
  return std::nullopt;
}

Ref ModuleCall::Run() {
  if (!KeywordsAllowed()) return Ref();
  const size_t n = args_.positional.size();
  GcState& gc = heap_.gc();
  Tracemalloc& trace = heap_.tracemalloc();
  switch (builtin_) {
    case Builtin::kSysGetSizeOf:
      return GetSizeOf();
    case Builtin::kSysGetRefCount:
      if (!Arity(1, 1)) return Ref();
      if (StartupDependentRefcount(heap_, Arg(0)) || IsModuleStartupValue(interp_, Arg(0))) {
        interp_.Refuse(absl::StrCat("sys.getrefcount() of a start-up object of type '", TypeName(heap_, Arg(0)),
                                    "' (its count depends on the whole "
                                    "interpreter)"));
        return Ref();
      }
      if (!interp_.session().namedtuple_made.empty() &&
          (heap_.object(Arg(0)).has(kStatic) || heap_.type_of(Arg(0)) == TypeTag::kStr)) {
        // The code objects, functions and descriptors namedtuple() made
        // hold such objects (None, the field names, ...).
        interp_.Refuse(absl::StrCat("sys.getrefcount() of a shared object of type '",
                                    TypeName(heap_, Arg(0)), "' after ",
                                    interp_.session().namedtuple_made,
                                    " (the objects collections' Python code made are not "
                                    "modelled)"));
        return Ref();
      }
      if (const std::string& made = interp_.session().dataclasses_made;
          !made.empty() && (heap_.object(Arg(0)).has(kStatic) ||
                            heap_.type_of(Arg(0)) == TypeTag::kStr ||
                            (heap_.type_of(Arg(0)) == TypeTag::kClass &&
                             heap_.cls(Arg(0)).dataclass))) {
        // dataclasses' Python code and its generated functions hold such
        // objects (None, True, the field names, a frozen class in each
        // closure, ...).
        interp_.Refuse(absl::StrCat("sys.getrefcount() of a ",
                                    heap_.type_of(Arg(0)) == TypeTag::kClass
                                        ? std::string("dataclass")
                                        : absl::StrCat("shared object of type '",
                                                       TypeName(heap_, Arg(0)), "'"),
                                    " after ", made,
                                    " (the objects dataclasses' Python code made are not "
                                    "modelled)"));
        return Ref();
      }
      return Int(static_cast<int64_t>(heap_.refcount(Arg(0))));
    case Builtin::kSysIntern: {
      if (!Arity(1, 1)) return Ref();
      if (heap_.type_of(Arg(0)) != TypeTag::kStr) {
        return Fail(PyError(PyExc::kTypeError, absl::StrCat("intern() argument must be str, not ",
                                                            TypeName(heap_, Arg(0)))));
      }
      const ObjectId interned = heap_.FindInterned(StrText(heap_, Arg(0)));
      if (interned != kNoObject) return heap_.NewRef(interned);
      heap_.Intern(Arg(0));
      return heap_.NewRef(Arg(0));
    }
    case Builtin::kGcCollect: {
      if (!Arity(0, 1, ArgCheck::kParseTuple)) return Ref();
      int64_t generation = 2;
      if (const ObjectId generation_arg = ArgOrKeyword(0, "generation");
          generation_arg != kNoObject) {
        const std::optional<int64_t> g = IndexArg(generation_arg);
        if (!g) return Ref();
        generation = *g;
      }
      if (generation < 0 || generation > 2) {
        return Fail(PyError(PyExc::kValueError, "invalid generation"));
      }
      if (gc.collecting) return Int(0);
      if (CollectionMayHaveRun(heap_)) {
        if (generation != 2) {
          interp_.Refuse(TimingRefusal(
              heap_, absl::StrCat("gc.collect(", generation,
                                  ") after a point where CPython may have run an automatic "
                                  "collection (which generation holds what)")));
          return Ref();
        }
        if (GarbageMayHaveBeenCollected(heap_)) {
          interp_.Refuse(TimingRefusal(heap_,
                                       "gc.collect() of cyclic garbage that an automatic "
                                       "collection may already have collected"));
          return Ref();
        }
      }
      if (const std::string& module = gc.timing.import_garbage;
          !module.empty() && (!interp_.CallResultDropped() || (gc.debug & kGcDebugSaveAll) != 0)) {
        interp_.Refuse(absl::StrCat(
            "the result of gc.collect() after the first import of '", module,
            "' and before a full collection (CPython's import may leave cyclic garbage for it to "
            "count, from 0 to about 100 objects depending on when its automatic collections ran; "
            "call gc.collect() on a line of its own first)"));
        return Ref();
      }
      const CollectResult result =
          Collect(heap_, static_cast<int>(generation), interp_.CollectorFinalizers());
      if (!heap_.gc().timing.refusal.empty()) {
        interp_.Refuse(std::exchange(heap_.gc().timing.refusal, std::string()));
        return Ref();
      }
      if (result.frees_dataclass &&
          (!interp_.CallResultDropped() || (gc.debug & kGcDebugSaveAll) != 0)) {
        interp_.Refuse(
            "the result of gc.collect() when it frees a dataclass (the objects dataclasses' "
            "Python code made for it are not modelled; drop the class's last reference before "
            "a gc.collect() on a line of its own)");
        return Ref();
      }
      // What the collection freed may have parked finalizable instances.
      if (!interp_.RunPendingFinalizers()) return Ref();
      return Int(static_cast<int64_t>(result.unreachable + result.uncollectable));
    }
    case Builtin::kGcGetCount:
      if (!Arity(0, 0)) return Ref();
      if (interp_.TracebacksAlive()) {
        interp_.Refuse(
            "gc.get_count() while an exception is handled (CPython counts its traceback objects, "
            "which heapsim does not model)");
        return Ref();
      }
      if (!gc.counts_known && !gc.timing.unmodelled_code.empty()) {
        interp_.Refuse(absl::StrCat(
            "gc.get_count() after ", gc.timing.unmodelled_code,
            " until the next full collection (CPython's counts include GC objects that code "
            "makes and frees which heapsim does not model one by one)"));
        return Ref();
      }
      if (!gc.counts_known) {
        interp_.Refuse(
            "gc.get_count() before the first full collection or after an import that follows it "
            "(CPython's counts then depend on its start-up, the script's compilation, what imports "
            "allocate, and the environment)");
        return Ref();
      }
      return IntTuple(heap_, {static_cast<int64_t>(gc.generations[0].count),
                              static_cast<int64_t>(gc.generations[1].count),
                              static_cast<int64_t>(gc.generations[2].count)});
    case Builtin::kGcGetThreshold:
      if (!Arity(0, 0)) return Ref();
      return IntTuple(heap_, {gc.generations[0].threshold, gc.generations[1].threshold,
                              gc.generations[2].threshold});
    case Builtin::kGcSetThreshold: {
      if (!Arity(1, 3, ArgCheck::kParseTuple)) return Ref();
      for (size_t i = 0; i < n; ++i) {
        const std::optional<int64_t> t = IndexArg(Arg(i));
        if (!t) return Ref();
        gc.generations[i].threshold = static_cast<uint32_t>(*t);
      }
      return None();
    }
    case Builtin::kGcEnable:
      if (!Arity(0, 0)) return Ref();
      gc.enabled = true;
      return None();
    case Builtin::kGcDisable:
      if (!Arity(0, 0)) return Ref();
      gc.enabled = false;
      return None();
    case Builtin::kGcIsEnabled:
      if (!Arity(0, 0)) return Ref();
      return Bool(gc.enabled);
    case Builtin::kGcIsTracked:
      if (!Arity(1, 1)) return Ref();
      if (interp_.session().compiled_name_tuples.contains(Arg(0))) {
        interp_.Refuse(
            "gc.is_tracked() of a code object's names tuple (made as CPython compiled the "
            "script, which collections since may have untracked)");
        return Ref();
      }
      if (TrackingDependsOnTiming(heap_, Arg(0))) {
        interp_.Refuse(TimingRefusal(
            heap_, absl::StrCat("gc.is_tracked() of a ", TypeName(heap_, Arg(0)),
                                " an automatic collection may have untracked")));
        return Ref();
      }
      return Bool(IsTracked(heap_, Arg(0)));
    case Builtin::kGcGetReferrers: {
      if (CollectionMayHaveRun(heap_)) {
        // The list follows the generations, and may hold garbage CPython freed.
        interp_.Refuse(TimingRefusal(heap_,
                                     "gc.get_referrers() after a point where CPython may have "
                                     "run an automatic collection"));
        return Ref();
      }
      if (!heap_.held_tracebacks().empty()) {
        // The kept frames' objects refer to their locals, and tracebacks to
        // those frames.
        interp_.Refuse("gc.get_referrers() while an exception kept past its handler holds its "
                       "traceback (traceback and frame objects are not modelled as objects)");
        return Ref();
      }
      std::vector<ObjectId> targets;
      for (const Ref& a : args_.positional) targets.push_back(a.get());
      if (!interp_.session().compiled_name_tuples.empty() &&
          std::any_of(targets.begin(), targets.end(), [&](ObjectId t) {
            return heap_.type_of(t) == TypeTag::kStr;
          })) {
        // CPython's tuples are tracked unless a collection untracked them.
        interp_.Refuse(
            "gc.get_referrers() of a str once a code object's names tuple was read (made as "
            "CPython compiled the script)");
        return Ref();
      }
      std::vector<ObjectId> referrers;
      for (int g = 0; g < GcState::kGenerations; ++g) {
        for (ObjectId id = gc.generations[g].head; id != kNoObject; id = heap_.object(id).gc_next) {
          if (heap_.type_of(id) == TypeTag::kNamedTupleType) {
            interp_.Refuse(
                "gc.get_referrers() while a namedtuple class lives (the functions and "
                "descriptors namedtuple() made for it are not modelled)");
            return Ref();
          }
          if (heap_.type_of(id) == TypeTag::kWeakContainer) {
            interp_.Refuse(
                "gc.get_referrers() while a weakref container or finalize lives (the dicts, "
                "closures and _Info objects weakref.py made for it are not modelled)");
            return Ref();
          }
          if (id == args_.packed) continue;  // the call's own argument tuple
          bool refers = false;
          ForEachReferent(heap_, id, [&](ObjectId referent) {
            for (ObjectId t : targets) refers |= referent == t;
          });
          if (refers) referrers.push_back(id);
        }
      }
      return NewListOf(heap_, referrers);
    }
    case Builtin::kGcGetReferents: {
      std::vector<ObjectId> referents;
      for (const Ref& a : args_.positional) {
        if (!heap_.IsGcType(heap_.type_of(a.get()))) continue;
        if (heap_.type_of(a.get()) == TypeTag::kLruCache ||
            heap_.type_of(a.get()) == TypeTag::kLruCacheDecorator) {
          // The wrapper also visits _functools' key marker and types; the
          // decorator is functools.py's closure.
          interp_.Refuse("gc.get_referents() of a functools.lru_cache object");
          return Ref();
        }
        if (heap_.type_of(a.get()) == TypeTag::kWeakContainer ||
            (heap_.type_of(a.get()) == TypeTag::kWeakRef && heap_.weakref(a.get()).key != kNoObject)) {
          interp_.Refuse(absl::StrCat("gc.get_referents() of a ", TypeName(heap_, a.get()),
                                      " (weakref.py's objects are not modelled one by one)"));
          return Ref();
        }
        if (heap_.held_traceback(a.get()) != nullptr) {
          interp_.Refuse("gc.get_referents() of an exception holding its traceback (traceback "
                         "objects are not modelled as objects)");
          return Ref();
        }
        if (heap_.type_of(a.get()) == TypeTag::kFunction) {
          // func_traverse also visits its __module__, __doc__ and
          // __qualname__ (and 3.12's builtins), which heapsim does not keep
          // as objects.
          interp_.Refuse("gc.get_referents() of a function");
          return Ref();
        }
        if (heap_.type_of(a.get()) == TypeTag::kNamedTupleType) {
          interp_.Refuse(
              "gc.get_referents() of a namedtuple class (what namedtuple() made for it is not "
              "modelled)");
          return Ref();
        }
        if (heap_.type_of(a.get()) == TypeTag::kGenerator) {
          // CPython visits the generator's frame (before 3.11 the frame
          // object alone), which heapsim keeps in another shape.
          interp_.Refuse("gc.get_referents() of a generator");
          return Ref();
        }
        if (IsCounter(heap_, a.get())) {
          // subtype_traverse visits the Python class and the slots first.
          interp_.Refuse("gc.get_referents() of a collections.Counter");
          return Ref();
        }
        if (const std::optional<std::string> type = HeapTypeVisited(a.get())) {
          // Objects of heap types (arrays and their iterators from 3.10)
          // visit their type first.
          referents.push_back(*type == "array"
                                  ? interp_.session().builtin_objects[static_cast<size_t>(Builtin::kTypeArray)]
                                  : interp_.TypeObject(*type));
        }
        if (heap_.type_of(a.get()) == TypeTag::kIterator &&
            heap_.profile().itertools.traverse_visits_type) {
          // itertools' heap types (3.12+) are visited first.
          if (const std::optional<Builtin> itertools_type = ItertoolsTypeBuiltin(
                  static_cast<IterKind>(heap_.object(a.get()).subtype))) {
            referents.push_back(interp_.session().builtin_objects[static_cast<size_t>(*itertools_type)]);
          }
        }
        if (heap_.type_of(a.get()) == TypeTag::kDeque && heap_.profile().deque.traverse_visits_type) {
          // deque_traverse visits its heap type first.
          referents.push_back(
              interp_.session().builtin_objects[static_cast<size_t>(Builtin::kTypeDeque)]);
        }
        if (heap_.type_of(a.get()) == TypeTag::kPartial &&
            heap_.profile().partial_traverse_visits_type) {
          // partial_traverse visits its heap type first (3.10+).
          referents.push_back(
              interp_.session().builtin_objects[static_cast<size_t>(Builtin::kTypePartial)]);
        }
        if (IsDefaultDict(heap_, a.get()) && heap_.profile().defaultdict_traverse_visits_type) {
          // defdict_traverse visits its heap type first.
          referents.push_back(
              interp_.session().builtin_objects[static_cast<size_t>(Builtin::kTypeDefaultDict)]);
        }
        ForEachTraversed(heap_, a.get(), [&](ObjectId r) { referents.push_back(r); });
      }
      return NewListOf(heap_, referents);
    }
    case Builtin::kSysGetRecursionLimit:
      if (!Arity(0, 0)) return Ref();
      return Int(heap_.recursion_limit());
    case Builtin::kSysSetRecursionLimit:
      return SetRecursionLimit();
    case Builtin::kSysGetDefaultEncoding:
      return GetDefaultEncoding();
    case Builtin::kSysExcInfo:
    case Builtin::kSysException: {
      if (!Arity(0, 0)) return Ref();
      const bool exc_info = builtin_ == Builtin::kSysExcInfo;
      const std::string what = exc_info ? "sys.exc_info()" : "sys.exception()";
      if (interp_.FinallyRunsForException()) {
        // CPython's finally block runs as a handler of the pending exception.
        interp_.Refuse(absl::StrCat(what, " in a finally block running for an exception"));
        return Ref();
      }
      const ObjectId handled = interp_.HandledException();
      if (handled != kNoObject && exc_info) {
        interp_.Refuse("sys.exc_info() while an exception is handled (its traceback object is "
                       "not modelled as an object)");
        return Ref();
      }
      if (exc_info) return NewTupleOf(heap_, {heap_.none(), heap_.none(), heap_.none()});
      return heap_.NewRef(handled != kNoObject ? handled : heap_.none());
    }
    case Builtin::kGcGetDebug:
      if (!Arity(0, 0)) return Ref();
      return Int(gc.debug);
    case Builtin::kGcSetDebug:
      return SetDebug();
    case Builtin::kGcGetStats:
      return GetStats();
    case Builtin::kGcFreeze:
      if (!Arity(0, 0)) return Ref();
      if (CollectionMayHaveRun(heap_) && GarbageMayHaveBeenCollected(heap_)) {
        interp_.Refuse(TimingRefusal(heap_,
                                     "gc.freeze() of cyclic garbage that an automatic collection "
                                     "may already have collected"));
        return Ref();
      }
      Freeze(heap_);
      gc.interpreter_frozen = true;
      return None();
    case Builtin::kGcUnfreeze:
      if (!Arity(0, 0)) return Ref();
      Unfreeze(heap_);
      gc.interpreter_frozen = false;
      gc.startup_frozen = 0;
      return None();
    case Builtin::kGcGetFreezeCount:
      if (!Arity(0, 0)) return Ref();
      if (gc.interpreter_frozen) {
        interp_.Refuse(
            "gc.get_freeze_count() after gc.freeze() (it counts every object of the "
            "interpreter)");
        return Ref();
      }
      return Int(static_cast<int64_t>(gc.startup_frozen + gc.permanent.size));
    case Builtin::kGcIsFinalized:
      if (!Arity(1, 1)) return Ref();
      if (heap_.type_of(Arg(0)) == TypeTag::kGenerator) {
        // A generator's finalizer runs when the GC finds it unreachable.
        interp_.Refuse("gc.is_finalized() of a generator");
        return Ref();
      }
      // Set once an instance's __del__ ran (by the collector: before it).
      return Bool(heap_.object(Arg(0)).has(kFinalized));
    case Builtin::kTracemallocStart: {
      if (!Arity(0, 1)) return Ref();
      int64_t nframe = 1;
      if (n == 1) {
        const std::optional<int64_t> value =
            heap_.type_of(Arg(0)) == TypeTag::kInt ? IntAsInt64(heap_, Arg(0)) : std::nullopt;
        if (!value.has_value()) {
          interp_.Refuse("tracemalloc.start() with an argument other than a small int");
          return Ref();
        }
        nframe = *value;
      }
      const uint32_t max_frames = heap_.profile().tracemalloc_max_frames;
      if (nframe < 1 || nframe > max_frames) {
        return Fail(PyError(PyExc::kValueError,
                            absl::StrCat("the number of frames must be in range [1; ", max_frames,
                                         "]")));
      }
      trace.Start(static_cast<uint32_t>(nframe));
      NoteTracingStarted(interp_);
      return None();
    }
    case Builtin::kTracemallocStop:
      if (!Arity(0, 0)) return Ref();
      trace.Stop();
      return None();
    case Builtin::kTracemallocGetTracedMemory:
      if (!Arity(0, 0)) return Ref();
      if (!trace.tracing()) return IntTuple(heap_, {0, 0});
      if (RefuseAfterTracemallocObjects(interp_, "tracemalloc.get_traced_memory()") ||
          RefuseWhileFreeListsUnknown(interp_, "tracemalloc.get_traced_memory()") ||
          RefuseWhileFreeListTracesUnknown(interp_, "tracemalloc.get_traced_memory()")) {
        return Ref();
      }
      if (trace.inexact()) {
        interp_.Refuse(absl::StrCat("tracemalloc.get_traced_memory() after ",
                                    trace.inexact_after(),
                                    " while tracing, until tracemalloc.clear_traces() or stop()"));
        return Ref();
      }
      if (!trace.unknown_peak_after().empty()) {
        interp_.Refuse(absl::StrCat(
            "tracemalloc.get_traced_memory() after ", trace.unknown_peak_after(),
            " while tracing, until tracemalloc.reset_peak(), clear_traces() or stop() "
            "(the blocks CPython makes on the way are not modelled, so the peak is unknown)"));
        return Ref();
      }
      if (gc.free_lists_unknown) {
        interp_.Refuse(TimingRefusal(heap_,
                                     "tracemalloc.get_traced_memory() after CPython may have run "
                                     "an automatic full collection (which empties its free "
                                     "lists)"));
        return Ref();
      }
      return IntTuple(heap_,
                      {static_cast<int64_t>(trace.current()), static_cast<int64_t>(trace.peak())});
    case Builtin::kTracemallocResetPeak:
      if (!Arity(0, 0)) return Ref();
      trace.ResetPeak();
      return None();
    case Builtin::kTracemallocIsTracing:
      if (!Arity(0, 0)) return Ref();
      return Bool(trace.tracing());
    case Builtin::kTracemallocClearTraces:
      if (!Arity(0, 0)) return Ref();
      if (trace.tracing()) trace.ClearTraces();
      return None();
    case Builtin::kWeakrefGetWeakRefCount:
    case Builtin::kWeakrefGetWeakRefs:
    case Builtin::kWeakrefProxy:
      return CallWeakrefBuiltin(interp_, builtin_, args_);
    default:
      return Fail(absl::InternalError("not a module function"));
  }
}

}  // namespace

Ref CallModuleBuiltin(Interpreter& interp, Builtin builtin, CallArgs& args) {
  if (builtin == Builtin::kCopyCopy || builtin == Builtin::kCopyDeepCopy) {
    return CallCopyFunction(interp, builtin, args);
  }
  if (IsMathBuiltin(builtin)) return CallMathBuiltin(interp, builtin, args);
  if (IsRandomBuiltin(builtin)) return CallRandomBuiltin(interp, builtin, args);
  if (IsOperatorBuiltin(builtin)) return CallOperatorBuiltin(interp, builtin, args);
  if (builtin == Builtin::kFunctoolsReduce) return CallFunctoolsBuiltin(interp, builtin, args);
  return ModuleCall(interp, builtin, args).Run();
}

}  // namespace heapsim::script
