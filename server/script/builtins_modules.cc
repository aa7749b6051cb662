// The functions of the sys, gc and tracemalloc modules.

#include <vector>

#include "absl/strings/str_cat.h"
#include "server/heap/gc.h"
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
#include "server/script/module_copy.h"

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
};

// True for objects whose reference count CPython's start-up shapes in ways
// heapsim does not model: modules, builtin functions, and builtin types that
// are not immortal in the profile. (The static singletons, small ints and
// one-character strs keep heapsim's counts, whose changes are exact.)
bool StartupDependentRefcount(const Heap& heap, ObjectId object) {
  const TypeTag type = heap.type_of(object);
  if (type == TypeTag::kModule) return true;
  const Object& o = heap.object(object);
  if (!o.has(kStatic)) return false;
  if (type == TypeTag::kBuiltinFunction) return true;
  return type == TypeTag::kBuiltinType && !o.has(kImmortal);
}

Ref ModuleCall::Run() {
  if (!KeywordsAllowed()) return Ref();
  const size_t n = args_.positional.size();
  GcState& gc = heap_.gc();
  Tracemalloc& trace = heap_.tracemalloc();
  switch (builtin_) {
    case Builtin::kSysGetSizeOf:
      if (!Arity(1, 2, ArgCheck::kParseTuple)) return Ref();
      if (IsCopyFunction(heap_, Arg(0))) {
        interp_.Refuse("sys.getsizeof() of copy.copy or copy.deepcopy (a Python function in CPython)");
        return Ref();
      }
      return Int(static_cast<int64_t>(SizeOf(heap_, Arg(0))));
    case Builtin::kSysGetRefCount:
      if (!Arity(1, 1)) return Ref();
      if (StartupDependentRefcount(heap_, Arg(0))) {
        interp_.Refuse(absl::StrCat("sys.getrefcount() of a start-up object of type '", TypeName(heap_, Arg(0)),
                                    "' (its count depends on the whole "
                                    "interpreter)"));
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
      const CollectResult result = Collect(heap_, static_cast<int>(generation));
      return Int(static_cast<int64_t>(result.unreachable + result.uncollectable));
    }
    case Builtin::kGcGetCount:
      if (!Arity(0, 0)) return Ref();
      if (!gc.counts_known) {
        interp_.Refuse(
            "gc.get_count() before the first full collection (CPython's counts then depend on its "
            "start-up, the script's compilation and imports, and the environment)");
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
      return Bool(IsTracked(heap_, Arg(0)));
    case Builtin::kGcGetReferrers: {
      std::vector<ObjectId> targets;
      for (const Ref& a : args_.positional) targets.push_back(a.get());
      std::vector<ObjectId> referrers;
      for (int g = 0; g < GcState::kGenerations; ++g) {
        for (ObjectId id = gc.generations[g].head; id != kNoObject; id = heap_.object(id).gc_next) {
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
        if (!IsGcType(heap_.type_of(a.get()))) continue;
        if (heap_.type_of(a.get()) == TypeTag::kGenerator) {
          // CPython visits the generator's frame (before 3.11 the frame
          // object alone), which heapsim keeps in another shape.
          interp_.Refuse("gc.get_referents() of a generator");
          return Ref();
        }
        ForEachReferent(heap_, a.get(), [&](ObjectId r) { referents.push_back(r); });
      }
      return NewListOf(heap_, referents);
    }
    case Builtin::kTracemallocStart:
      if (!Arity(0, 1)) return Ref();
      trace.Start();
      return None();
    case Builtin::kTracemallocStop:
      if (!Arity(0, 0)) return Ref();
      trace.Stop();
      return None();
    case Builtin::kTracemallocGetTracedMemory:
      if (!Arity(0, 0)) return Ref();
      if (!trace.tracing()) return IntTuple(heap_, {0, 0});
      return IntTuple(heap_,
                      {static_cast<int64_t>(trace.current()), static_cast<int64_t>(trace.peak())});
    case Builtin::kTracemallocResetPeak:
      if (!heap_.profile().tracemalloc_has_reset_peak) {
        return Fail(
            PyError(PyExc::kAttributeError, "module 'tracemalloc' has no attribute 'reset_peak'"));
      }
      if (!Arity(0, 0)) return Ref();
      trace.ResetPeak();
      return None();
    case Builtin::kTracemallocIsTracing:
      if (!Arity(0, 0)) return Ref();
      return Bool(trace.tracing());
    case Builtin::kTracemallocClearTraces:
      if (!Arity(0, 0)) return Ref();
      if (trace.tracing()) {
        trace.Stop();
        trace.Start();
      }
      return None();
    case Builtin::kWeakrefGetWeakRefCount:
    case Builtin::kWeakrefGetWeakRefs:
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
  return ModuleCall(interp, builtin, args).Run();
}

}  // namespace heapsim::script
