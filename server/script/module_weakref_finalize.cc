// weakref.finalize (weak_container_object.h): construction, calling it
// (also as its weak reference's callback when the referent dies), alive,
// atexit (read and set), detach(), peek(), and the exit hook that calls
// the live finalizers whose atexit is true, as Lib/weakref.py does; the
// weak containers' removers as callbacks.

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "server/heap/dict_object.h"
#include "server/heap/function_object.h"
#include "server/heap/py_error.h"
#include "server/heap/str_object.h"
#include "server/heap/tuple_object.h"
#include "server/heap/value_ops.h"
#include "server/heap/weak_container_object.h"
#include "server/heap/weakref_object.h"
#include "server/script/builtins.h"
#include "server/script/interpreter.h"
#include "server/script/special_methods.h"

namespace heapsim::script {

namespace {

bool IsFinalize(const Heap& heap, ObjectId id) {
  return IsWeakContainerOf(heap, id, WeakContainerKind::kFinalize);
}

bool Alive(const Heap& heap, ObjectId finalize) {
  return heap.weak_container(finalize).weakref != kNoObject;
}

// finalize(obj, func, *args, **kwargs).
Ref NewFinalizer(Interpreter& interp, CallArgs& args) {
  Heap& heap = interp.heap();
  if (args.positional.size() < 2) {
    interp.Refuse("weakref.finalize() without an object and a function (its TypeError differs "
                  "per version)");
    return Ref();
  }
  for (const auto& [name, value] : args.keywords) {
    if (name == "obj" || name == "func") {
      interp.Refuse(absl::StrCat("weakref.finalize() with a keyword argument '", name,
                                 "' (3.8 takes it as the object or function)"));
      return Ref();
    }
  }
  const ObjectId referent = args.positional[0].get();
  if (!CheckWeakReferenceable(interp, referent)) return Ref();
  WeakrefCodeRan(interp, "weakref.finalize()");
  std::vector<ObjectId> rest;
  for (size_t i = 2; i < args.positional.size(); ++i) rest.push_back(args.positional[i].get());
  Ref tuple = NewTupleOf(heap, rest);
  Ref kwargs;
  if (!args.keywords.empty()) {
    kwargs = NewDict(heap);
    for (const auto& [name, value] : args.keywords) {
      Ref key = InternStr(heap, name);
      if (absl::Status status = DictSetItem(heap, kwargs.get(), key.get(), value.get());
          !status.ok()) {
        interp.Raise(status);
        return Ref();
      }
    }
  }
  const uint64_t index = interp.session().finalize_count++;
  return NewFinalize(heap, referent, heap.NewRef(args.positional[1].get()), std::move(tuple),
                     std::move(kwargs), index);
}

// (obj, func, args, kwargs or {}) of a live finalizer whose referent lives,
// or empty.
Ref Peek(Heap& heap, ObjectId finalize) {
  const WeakContainerBody& body = heap.weak_container(finalize);
  if (body.weakref == kNoObject) return Ref();
  const ObjectId referent = WeakRefReferent(heap, body.weakref);
  if (referent == kNoObject) return Ref();
  Ref kwargs = body.kwargs != kNoObject ? heap.NewRef(body.kwargs) : NewDict(heap);
  return NewTupleOf(heap, {referent, body.func, body.args, kwargs.get()});
}

// finalize.__call__: out of the registry, then (unless the exit hook ran)
// func(*args, **kwargs); what it held goes after the call.
Ref CallFinalizer(Interpreter& interp, ObjectId finalize) {
  Heap& heap = interp.heap();
  Ref self = heap.NewRef(finalize);
  TakenFinalize taken = TakeFinalize(heap, finalize);
  if (!taken.func || interp.session().finalize_shutdown) return heap.NewRef(heap.none());
  CallArgs call;
  for (ObjectId arg : TupleItems(heap, taken.args.get())) call.positional.push_back(heap.NewRef(arg));
  if (taken.kwargs) {
    for (const auto& [key, value] : DictItems(heap, taken.kwargs.get())) {
      call.keywords.emplace_back(heap.str(key).utf8, heap.NewRef(value));
    }
  }
  return interp.Call(taken.func.get(), std::move(call));
}

}  // namespace

Ref CallFinalizeBuiltin(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args) {
  Heap& heap = interp.heap();
  if (builtin == Builtin::kTypeWeakFinalize) return NewFinalizer(interp, args);
  if (!args.positional.empty() || !args.keywords.empty()) {
    interp.Refuse(absl::StrCat("finalize.", builtin == Builtin::kFinalizeDetach ? "detach" : "peek",
                               "() with arguments"));
    return Ref();
  }
  Ref peeked = Peek(heap, self);
  if (!peeked) return heap.NewRef(heap.none());
  if (builtin == Builtin::kFinalizeDetach) {
    Ref hold = heap.NewRef(self);
    TakeFinalize(heap, self);
  }
  return peeked;
}

Ref CallWeakContainerObject(Interpreter& interp, ObjectId callable, CallArgs& args) {
  Heap& heap = interp.heap();
  const WeakContainerKind kind = WeakContainerKindOf(heap, callable);
  if (kind == WeakContainerKind::kRemover) {
    // remove(wr, selfref=ref(self)): as a weak reference's callback.
    if (args.positional.size() == 1 && args.keywords.empty() &&
        heap.type_of(args.positional[0].get()) == TypeTag::kWeakRef) {
      RemoveDeadEntry(heap, callable, args.positional[0].get());
      return heap.NewRef(heap.none());
    }
    interp.Refuse("calling a weak container's remove function");
    return Ref();
  }
  if (kind != WeakContainerKind::kFinalize) {
    interp.Raise(PyError(PyExc::kTypeError, absl::StrCat("'", TypeName(heap, callable),
                                                         "' object is not callable")));
    return Ref();
  }
  if (args.positional.size() > 1 || !args.keywords.empty()) {
    interp.Refuse("calling a finalize object with arguments other than weakref.py's");
    return Ref();
  }
  return CallFinalizer(interp, callable);
}

Ref WeakContainerAttribute(Interpreter& interp, ObjectId object, const std::string& name) {
  Heap& heap = interp.heap();
  if (const std::optional<Builtin> method = FindWeakContainerMethod(heap, object, name)) {
    return NewBuiltin(heap, static_cast<uint32_t>(*method), object);
  }
  if (IsFinalize(heap, object) && name == "alive") return heap.NewRef(heap.bool_object(Alive(heap, object)));
  if (IsFinalize(heap, object) && name == "atexit") {
    return heap.NewRef(
        heap.bool_object(Alive(heap, object) && heap.weak_container(object).atexit));
  }
  if (IsWeakContainerLibraryName(name) || name == "alive" || name == "atexit" ||
      WeakContainerKindOf(heap, object) == WeakContainerKind::kRemover) {
    interp.Refuse(absl::StrCat("attribute '", name, "' of a '", TypeName(heap, object),
                               "' object"));
    return Ref();
  }
  if (IsFinalize(heap, object)) {
    // __slots__ = (): no instance dict.
    interp.Raise(PyError(PyExc::kAttributeError,
                         absl::StrCat("'finalize' object has no attribute '", name, "'")));
    return Ref();
  }
  // An instance attribute that is not there.
  interp.Raise(PyError(PyExc::kAttributeError,
                       absl::StrCat("'", TypeName(heap, object), "' object has no attribute '",
                                    name, "'")));
  return Ref();
}

bool WeakContainerAttributeWrite(Interpreter& interp, ObjectId object, const std::string& name,
                                 ObjectId value) {
  Heap& heap = interp.heap();
  if (IsFinalize(heap, object) && name == "atexit" && value != kNoObject) {
    const int truth = TruthOf(interp, value);
    if (truth < 0) return false;
    if (Alive(heap, object)) heap.weak_container(object).atexit = truth == 1;
    return true;
  }
  interp.Refuse(absl::StrCat(value == kNoObject ? "deleting" : "setting", " attribute '", name,
                             "' of a '", TypeName(heap, object), "' object"));
  return false;
}

bool FinalizersAlive(const Heap& heap, bool atexit_only) {
  bool due = false;
  heap.ForEachObject([&](ObjectId id, const Object& o) {
    if (o.type == TypeTag::kWeakContainer && IsFinalize(heap, id) && Alive(heap, id) &&
        (heap.weak_container(id).atexit || !atexit_only)) {
      due = true;
    }
  });
  return due;
}

void RunFinalizersAtExit(Interpreter& interp) {
  Heap& heap = interp.heap();
  SessionState& session = interp.session();
  if (session.finalize_count == 0 || session.finalize_shutdown) return;
  // _exitfunc runs them with the collector disabled, newest first, picking
  // up finalizers their calls make.
  const bool reenable = heap.gc().enabled;
  heap.gc().enabled = false;
  while (interp.error().ok()) {
    ObjectId newest = kNoObject;
    heap.ForEachObject([&](ObjectId id, const Object& o) {
      if (o.type != TypeTag::kWeakContainer || !IsFinalize(heap, id) || !Alive(heap, id) ||
          !heap.weak_container(id).atexit) {
        return;
      }
      if (newest == kNoObject || heap.weak_container(id).index > heap.weak_container(newest).index) {
        newest = id;
      }
    });
    if (newest == kNoObject) break;
    Ref result = CallFinalizer(interp, newest);
    if (!result && PyErrorType(interp.error()).has_value()) {
      interp.TakeError().IgnoreError();
      interp.Refuse("an exception raised by a finalizer at exit (CPython prints its traceback "
                    "with sys.excepthook and carries on)");
    }
    if (!interp.RunPendingFinalizers()) break;
  }
  session.finalize_shutdown = true;
  heap.gc().enabled = reenable;
}

}  // namespace heapsim::script
