// weakref.proxy's objects (weakref.ProxyType, weakref.CallableProxyType):
// weak references (server/heap/weakref_object.h) that forward what is done
// to them to their referent, and raise ReferenceError once it died.
// Attribute access, calls, comparisons, operators, items, iteration, `in`,
// truth, len(), str() and the builtins below are forwarded where the
// interpreter meets a proxy; other builtins are refused by name.

#include <string>

#include "absl/strings/str_cat.h"
#include "server/heap/gc_timing.h"
#include "server/heap/py_error.h"
#include "server/heap/tuple_object.h"
#include "server/heap/value_ops.h"
#include "server/heap/weakref_object.h"
#include "server/heap/str_object.h"
#include "server/script/builtins.h"
#include "server/script/special_methods.h"

namespace heapsim::script {

namespace {

// The builtins that handle a proxy as CPython does: they forward through
// the interpreter's checked paths (attributes, truth, len, str, hash,
// isinstance, type), only store it, or look at the proxy itself.
bool HandlesWeakProxies(Builtin builtin) {
  switch (builtin) {
    case Builtin::kPrint:
    case Builtin::kLen:
    case Builtin::kId:
    case Builtin::kRepr:
    case Builtin::kIsInstance:
    case Builtin::kCallable:
    case Builtin::kHash:
    case Builtin::kGetAttr:
    case Builtin::kSetAttr:
    case Builtin::kHasAttr:
    case Builtin::kDelAttr:
    case Builtin::kTypeType:
    case Builtin::kTypeStr:
    case Builtin::kTypeBool:
    case Builtin::kTypeWeakRef:
    case Builtin::kWeakrefProxy:
    case Builtin::kTypeWeakProxy:
    case Builtin::kTypeWeakCallableProxy:
    case Builtin::kWeakrefGetWeakRefCount:
    case Builtin::kWeakrefGetWeakRefs:
    case Builtin::kSysGetSizeOf:
    case Builtin::kSysGetRefCount:
    case Builtin::kGcIsTracked:
    case Builtin::kListAppend:
      return true;
    default:
      return false;
  }
}

}  // namespace

ObjectId WeakProxyReferent(Interpreter& interp, ObjectId proxy) {
  Heap& heap = interp.heap();
  const ObjectId referent = WeakRefReferent(heap, proxy);
  if (referent == kNoObject) {
    interp.Raise(PyError(PyExc::kReferenceError, "weakly-referenced object no longer exists"));
    return kNoObject;
  }
  if (MayHaveBeenCollected(heap, referent)) {
    interp.Refuse(TimingRefusal(heap, "using a weakref.proxy to cyclic garbage an automatic "
                                      "collection may already have collected"));
    return kNoObject;
  }
  return referent;
}

std::optional<Builtin> WeakProxyTypeBuiltin(const Heap& heap, ObjectId object) {
  if (!IsWeakProxy(heap, object)) return std::nullopt;
  return heap.weakref(object).kind == WeakRefKind::kProxy ? Builtin::kTypeWeakProxy
                                                          : Builtin::kTypeWeakCallableProxy;
}

std::string WeakProxyTypeName(const Heap& heap, Builtin type) {
  const WeakRefRules& rules = heap.profile().weakref;
  const std::string_view name =
      type == Builtin::kTypeWeakProxy ? rules.proxy_type_name : rules.callable_proxy_type_name;
  if (rules.type_module.empty()) return std::string(name);
  return absl::StrCat(std::string(rules.type_module), ".", std::string(name));
}

ObjectId WeakProxyTypesTuple(Interpreter& interp) {
  auto& values = interp.session().module_values;
  auto it = values.find("weakref.ProxyTypes");
  if (it != values.end()) return it->second;
  // weakref.py's module-level tuple, made when it was imported.
  Heap& heap = interp.heap();
  const auto& types = interp.session().builtin_objects;
  const ObjectId id =
      NewStaticTupleOf(heap, {types[static_cast<size_t>(Builtin::kTypeWeakProxy)],
                              types[static_cast<size_t>(Builtin::kTypeWeakCallableProxy)]});
  values.emplace("weakref.ProxyTypes", id);
  return id;
}

Ref WeakProxyStr(Interpreter& interp, ObjectId proxy) {
  Heap& heap = interp.heap();
  const ObjectId referent = WeakProxyReferent(interp, proxy);
  if (referent == kNoObject) return Ref();
  if (HasSpecialRepr(heap, referent, true)) return SpecialRepr(interp, referent, true);
  absl::StatusOr<std::string> text =
      StrChecked(heap, referent, static_cast<int>(heap.profile().c_recursion.str_levels));
  if (!text.ok()) {
    interp.Raise(text.status());
    return Ref();
  }
  return NewStr(heap, *text);
}

namespace {

// True (with the refusal pending) when `left`, the operand left of a
// proxy, would see the proxy itself: its class's `methods`
// (SpecialMethodBit) are called with it before the proxy's slot runs, and
// a weakref.ref compares a proxy's referent in its own way. A proxy on the
// left unwraps both sides first.
bool RefuseProxyOperand(Interpreter& interp, ObjectId left, uint32_t methods,
                        std::string_view what) {
  Heap& heap = interp.heap();
  if (IsWeakProxy(heap, left)) return false;
  if ((SpecialMethods(heap, left) & methods) == 0 && heap.type_of(left) != TypeTag::kWeakRef) {
    return false;
  }
  interp.Refuse(absl::StrCat(std::string(what), " of a '", TypeName(heap, left),
                             "' object with a weakref.proxy on its right"));
  return true;
}

// UNWRAP: the referent of `side` if it is a proxy, else `side`; kNoObject
// with the exception pending.
ObjectId Unwrapped(Interpreter& interp, ObjectId side) {
  return IsWeakProxy(interp.heap(), side) ? WeakProxyReferent(interp, side) : side;
}

}  // namespace

Ref WeakProxyRichCompare(Interpreter& interp, CompareOp op, ObjectId a, ObjectId b) {
  Heap& heap = interp.heap();
  if (RefuseProxyOperand(interp, a, kSpecialCompare, "a comparison")) return Ref();
  const ObjectId x = Unwrapped(interp, a);
  if (x == kNoObject) return Ref();
  const ObjectId y = Unwrapped(interp, b);
  if (y == kNoObject) return Ref();
  // The left operand's own comparison gives NotImplemented to a proxy on
  // the right, whose reflected comparison then runs.
  if (!IsWeakProxy(heap, a)) return RichCompare(interp, Reflected(op), y, x);
  return RichCompare(interp, op, x, y);
}

Ref WeakProxyBinary(Interpreter& interp, BinaryOp op, ObjectId a, ObjectId b, bool in_place) {
  Heap& heap = interp.heap();
  if (RefuseProxyOperand(interp, a, kSpecialNumber, "an operator")) return Ref();
  if (op == BinaryOp::kMod && !IsWeakProxy(heap, a) &&
      (heap.type_of(a) == TypeTag::kStr || heap.type_of(a) == TypeTag::kBytes)) {
    interp.Refuse("%-formatting of a weakref.proxy");
    return Ref();
  }
  // binary_op1: the proxy's slot (the left operand's one gives
  // NotImplemented to it) unwraps both and runs the operator on them.
  const ObjectId x = Unwrapped(interp, a);
  if (x == kNoObject) return Ref();
  const ObjectId y = Unwrapped(interp, b);
  if (y == kNoObject) return Ref();
  return BinaryOf(interp, op, x, y, in_place);
}

bool RefuseWeakProxyArguments(Interpreter& interp, Builtin builtin, ObjectId self,
                              const CallArgs& args) {
  if (HandlesWeakProxies(builtin)) return false;
  const Heap& heap = interp.heap();
  bool proxy = self != kNoObject && IsWeakProxy(heap, self);
  for (const Ref& arg : args.positional) proxy = proxy || IsWeakProxy(heap, arg.get());
  for (const auto& [name, value] : args.keywords) proxy = proxy || IsWeakProxy(heap, value.get());
  if (!proxy) return false;
  interp.Refuse(absl::StrCat("a weakref.proxy passed to ", std::string(BuiltinName(builtin)),
                             "() (CPython forwards what it does with it to the referent)"));
  return true;
}

}  // namespace heapsim::script
