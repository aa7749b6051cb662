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
#include "server/script/builtins.h"

namespace heapsim::script {

namespace {

Ref IntTuple(Heap& heap, const std::vector<int64_t>& values) {
  std::vector<ObjectId> items;
  for (int64_t v : values) items.push_back(NewInt(heap, v).release());
  return NewTuple(heap, std::move(items));
}

}  // namespace

Ref CallModuleBuiltin(Interpreter& interp, Builtin builtin, CallArgs& args) {
  Heap& heap = interp.heap();
  const size_t n = args.positional.size();
  auto fail = [&](absl::Status status) {
    interp.Raise(std::move(status));
    return Ref();
  };
  auto arity = [&](size_t min, size_t max) {
    if (!args.keywords.empty()) {
      interp.Raise(PyError(PyExc::kTypeError, absl::StrCat(std::string(BuiltinName(builtin)),
                                                           "() takes no keyword arguments")));
      return false;
    }
    if (n >= min && n <= max) return true;
    interp.Raise(PyError(
        PyExc::kTypeError,
        max == 0 ? absl::StrCat(std::string(BuiltinName(builtin)), "() takes no arguments (", n,
                                " given)")
                 : absl::StrCat(std::string(BuiltinName(builtin)), "() takes ",
                                min == max ? "exactly " : "at most ", max, " argument",
                                max == 1 ? "" : "s", " (", n, " given)")));
    return false;
  };
  auto none = [&]() { return heap.NewRef(heap.none()); };
  auto arg = [&](size_t i) { return args.positional[i].get(); };
  auto int_arg = [&](size_t i) -> std::optional<int64_t> {
    if (!IsIntLike(heap, arg(i))) {
      interp.Raise(PyError(PyExc::kTypeError, absl::StrCat("'", TypeName(heap, arg(i)),
                                                           "' object cannot be interpreted as an integer")));
      return std::nullopt;
    }
    return IntAsInt64(heap, arg(i));
  };
  GcState& gc = heap.gc();
  Tracemalloc& trace = heap.tracemalloc();
  switch (builtin) {
    case Builtin::kSysGetSizeOf:
      if (!arity(1, 2)) return Ref();
      return NewInt(heap, static_cast<int64_t>(SizeOf(heap, arg(0))));
    case Builtin::kSysGetRefCount:
      if (!arity(1, 1)) return Ref();
      return NewInt(heap, static_cast<int64_t>(heap.refcount(arg(0))));
    case Builtin::kSysIntern: {
      if (!arity(1, 1)) return Ref();
      if (heap.type_of(arg(0)) != TypeTag::kStr) {
        return fail(PyError(PyExc::kTypeError, absl::StrCat("intern() argument must be str, not ",
                                                            TypeName(heap, arg(0)))));
      }
      const ObjectId interned = heap.FindInterned(StrText(heap, arg(0)));
      if (interned != kNoObject) return heap.NewRef(interned);
      heap.Intern(arg(0));
      return heap.NewRef(arg(0));
    }
    case Builtin::kGcCollect: {
      if (!arity(0, 1)) return Ref();
      int64_t generation = 2;
      if (n == 1) {
        const std::optional<int64_t> g = int_arg(0);
        if (!g) return Ref();
        generation = *g;
      }
      if (generation < 0 || generation > 2) {
        return fail(PyError(PyExc::kValueError, "invalid generation"));
      }
      if (gc.collecting) return NewInt(heap, 0);
      const CollectResult result = Collect(heap, static_cast<int>(generation));
      return NewInt(heap, static_cast<int64_t>(result.unreachable + result.uncollectable));
    }
    case Builtin::kGcGetCount:
      if (!arity(0, 0)) return Ref();
      return IntTuple(heap, {static_cast<int64_t>(gc.generations[0].count),
                             static_cast<int64_t>(gc.generations[1].count),
                             static_cast<int64_t>(gc.generations[2].count)});
    case Builtin::kGcGetThreshold:
      if (!arity(0, 0)) return Ref();
      return IntTuple(heap, {gc.generations[0].threshold, gc.generations[1].threshold,
                             gc.generations[2].threshold});
    case Builtin::kGcSetThreshold: {
      if (!arity(1, 3)) return Ref();
      for (size_t i = 0; i < n; ++i) {
        const std::optional<int64_t> t = int_arg(i);
        if (!t) return Ref();
        gc.generations[i].threshold = static_cast<uint32_t>(*t);
      }
      return none();
    }
    case Builtin::kGcEnable:
      if (!arity(0, 0)) return Ref();
      gc.enabled = true;
      return none();
    case Builtin::kGcDisable:
      if (!arity(0, 0)) return Ref();
      gc.enabled = false;
      return none();
    case Builtin::kGcIsEnabled:
      if (!arity(0, 0)) return Ref();
      return heap.NewRef(heap.bool_object(gc.enabled));
    case Builtin::kGcIsTracked:
      if (!arity(1, 1)) return Ref();
      return heap.NewRef(heap.bool_object(IsTracked(heap, arg(0))));
    case Builtin::kGcGetReferrers: {
      if (!args.keywords.empty()) return fail(PyError(PyExc::kTypeError, "get_referrers() takes no keyword arguments"));
      std::vector<ObjectId> targets;
      for (const Ref& a : args.positional) targets.push_back(a.get());
      std::vector<ObjectId> referrers;
      for (int g = 0; g < GcState::kGenerations; ++g) {
        for (ObjectId id = gc.generations[g].head; id != kNoObject; id = heap.object(id).gc_next) {
          bool refers = false;
          ForEachReferent(heap, id, [&](ObjectId referent) {
            for (ObjectId t : targets) refers |= referent == t;
          });
          if (refers) referrers.push_back(id);
        }
      }
      return NewListOf(heap, referrers);
    }
    case Builtin::kGcGetReferents: {
      std::vector<ObjectId> referents;
      for (const Ref& a : args.positional) {
        if (!IsGcType(heap.type_of(a.get()))) continue;
        ForEachReferent(heap, a.get(), [&](ObjectId r) { referents.push_back(r); });
      }
      return NewListOf(heap, referents);
    }
    case Builtin::kTracemallocStart:
      if (!arity(0, 1)) return Ref();
      trace.Start();
      return none();
    case Builtin::kTracemallocStop:
      if (!arity(0, 0)) return Ref();
      trace.Stop();
      return none();
    case Builtin::kTracemallocGetTracedMemory:
      if (!arity(0, 0)) return Ref();
      if (!trace.tracing()) return IntTuple(heap, {0, 0});
      return IntTuple(heap, {static_cast<int64_t>(trace.current()),
                             static_cast<int64_t>(trace.peak())});
    case Builtin::kTracemallocResetPeak:
      if (!heap.profile().tracemalloc_has_reset_peak) {
        return fail(PyError(PyExc::kAttributeError,
                            "module 'tracemalloc' has no attribute 'reset_peak'"));
      }
      if (!arity(0, 0)) return Ref();
      trace.ResetPeak();
      return none();
    case Builtin::kTracemallocIsTracing:
      if (!arity(0, 0)) return Ref();
      return heap.NewRef(heap.bool_object(trace.tracing()));
    case Builtin::kTracemallocClearTraces:
      if (!arity(0, 0)) return Ref();
      if (trace.tracing()) {
        trace.Stop();
        trace.Start();
      }
      return none();
    default:
      return fail(absl::InternalError("not a module function"));
  }
}

}  // namespace heapsim::script
