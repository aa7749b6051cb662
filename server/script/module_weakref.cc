// Module weakref: weakref.ref (also weakref.ReferenceType) as a type whose
// calls make or reuse a weak reference, calls of the references themselves,
// with or without a callback (the heap parks a dying referent for the
// interpreter to run the callbacks), and getweakrefcount/getweakrefs.
// weakref.proxy makes its proxies here; what they do is in
// module_weakref_proxy.cc, the weak containers and finalize in
// module_weakref_containers.cc and module_weakref_finalize.cc.

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "server/heap/gc_timing.h"
#include "server/heap/list_object.h"
#include "server/heap/py_error.h"
#include "server/heap/value_ops.h"
#include "server/heap/weakref_object.h"
#include "server/script/builtin_call.h"
#include "server/script/builtins.h"

namespace heapsim::script {

namespace {

class WeakrefCall : public BuiltinCall {
 public:
  WeakrefCall(Interpreter& interp, Builtin builtin, CallArgs& args)
      : BuiltinCall(interp, builtin, kNoObject, args) {}

  Ref Run() {
    switch (builtin_) {
      case Builtin::kTypeWeakRef:
        return NewReference();
      case Builtin::kWeakrefProxy:
        return NewProxy();
      case Builtin::kWeakrefGetWeakRefCount:
        if (!Arity(1, 1)) return Ref();
        return Int(static_cast<int64_t>(WeakRefsTo(heap_, Arg(0)).size()));
      case Builtin::kWeakrefGetWeakRefs:
        if (!Arity(1, 1)) return Ref();
        return References(Arg(0));
      default:
        return Fail(absl::InternalError("not a weakref function"));
    }
  }

 private:
  // The referent and callback (kNoObject for none or None) of a call
  // (object[, callback]) to `name`: its argument count's TypeError, the
  // referent's weak-referenceability and the callback's checks. False with
  // the error (or refusal) pending.
  bool ReferentAndCallback(std::string_view name, ObjectId* referent, ObjectId* callback) {
    const size_t n = args_.positional.size();
    if (n < 1 || n > 2) {
      TypeError(absl::StrCat(std::string(name), " expected ",
                             n < 1 ? "at least 1 argument" : "at most 2 arguments", ", got ", n));
      return false;
    }
    *referent = Arg(0);
    if (!CheckWeakReferenceable(interp_, *referent)) return false;
    if (n == 2 && Arg(1) != heap_.none()) {
      if (!CallbackModelled(Arg(1))) return false;
      *callback = Arg(1);
    }
    return true;
  }

  // weakref.ref(object[, callback]): weakref___new__'s checks, then the
  // referent's basic reference, or a new one with the callback.
  Ref NewReference() {
    ObjectId referent = kNoObject;
    ObjectId callback = kNoObject;
    if (!ReferentAndCallback("__new__", &referent, &callback)) return Ref();
    if (callback != kNoObject) return NewWeakRefWithCallback(heap_, referent, callback);
    return NewWeakRef(heap_, referent);
  }

  // weakref.proxy(object[, callback]): PyArg_UnpackTuple's checks, then
  // the referent's basic proxy or a new one; a callable referent gets a
  // CallableProxyType.
  Ref NewProxy() {
    if (!args_.keywords.empty()) {
      return TypeError(absl::StrCat(std::string(heap_.profile().weakref.proxy_call_name),
                                    "() takes no keyword arguments"));
    }
    ObjectId referent = kNoObject;
    ObjectId callback = kNoObject;
    if (!ReferentAndCallback("proxy", &referent, &callback)) return Ref();
    return NewWeakProxy(heap_, referent, IsCallable(heap_, referent), callback);
  }

  // How CPython calls callbacks other than functions, methods, builtins
  // and instances (classes, method wrappers, ...) from C is not modelled:
  // refused.
  bool CallbackModelled(ObjectId callback) {
    const TypeTag type = heap_.type_of(callback);
    if (type == TypeTag::kFunction || type == TypeTag::kMethod ||
        type == TypeTag::kBuiltinFunction || type == TypeTag::kInstance) {
      return true;
    }
    interp_.Refuse(
        absl::StrCat("a weak reference callback of type '", TypeName(heap_, callback), "'"));
    return false;
  }

  // getweakrefs(object): the references in list order, in a list sized for
  // them or (3.13) appended to.
  Ref References(ObjectId object) {
    const auto refs = WeakRefsTo(heap_, object);
    for (ObjectId ref : refs) {
      if (heap_.weakref(ref).key != kNoObject ||
          (heap_.weakref(ref).callback != kNoObject &&
           heap_.type_of(heap_.weakref(ref).callback) == TypeTag::kWeakContainer)) {
        // A KeyedRef, a WeakSet's or finalize's reference: weakref.py's
        // objects, whose classes and callbacks are not modelled.
        interp_.Refuse("weakref.getweakrefs() of an object a weakref container or finalize "
                       "refers to");
        return Ref();
      }
    }
    if (!heap_.profile().weakref.getweakrefs_appends) {
      return NewListOf(heap_, std::vector<ObjectId>(refs.begin(), refs.end()));
    }
    const std::vector<ObjectId> items(refs.begin(), refs.end());
    Ref list = NewList(heap_, 0);
    for (ObjectId ref : items) ListAppend(heap_, list.get(), ref);
    return list;
  }
};

}  // namespace

bool CheckWeakReferenceable(Interpreter& interp, ObjectId object) {
  Heap& heap = interp.heap();
  switch (WeakReferenceableKind(heap, object)) {
    case WeakReferenceable::kNo:
      interp.Raise(PyError(PyExc::kTypeError, absl::StrCat("cannot create weak reference to '",
                                                           TypeName(heap, object), "' object")));
      return false;
    case WeakReferenceable::kUnmodelled:
      interp.Refuse(absl::StrCat("a weak reference to a '", TypeName(heap, object), "' object"));
      return false;
    case WeakReferenceable::kYes:
      return true;
  }
  return true;
}

Ref CallWeakrefBuiltin(Interpreter& interp, Builtin builtin, CallArgs& args) {
  return WeakrefCall(interp, builtin, args).Run();
}

Ref CallWeakRef(Interpreter& interp, ObjectId weakref, CallArgs& args) {
  Heap& heap = interp.heap();
  const ErrorMessages& messages = heap.profile().messages;
  if (!args.keywords.empty()) {
    interp.Raise(PyError(PyExc::kTypeError,
                         absl::StrReplaceAll(std::string(messages.weakref_call_keywords),
                                             {{"%d", absl::StrCat(args.keywords.size())}})));
    return Ref();
  }
  if (!args.positional.empty()) {
    interp.Raise(PyError(PyExc::kTypeError,
                         absl::StrReplaceAll(std::string(messages.weakref_call_args),
                                             {{"%d", absl::StrCat(args.positional.size())}})));
    return Ref();
  }
  const ObjectId referent = WeakRefReferent(heap, weakref);
  if (referent != kNoObject && MayHaveBeenCollected(heap, referent)) {
    interp.Refuse(TimingRefusal(heap, "calling a weak reference to cyclic garbage an automatic "
                                      "collection may already have collected"));
    return Ref();
  }
  return heap.NewRef(referent == kNoObject ? heap.none() : referent);
}

}  // namespace heapsim::script
