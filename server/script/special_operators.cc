// The arithmetic special methods of a program's classes: binary, reflected
// and in-place operators as binary_op1 and the SLOT1BINFULL slots run them,
// and the unary ones.

#include "server/script/special_methods.h"

#include <optional>
#include <string>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "server/heap/bodies.h"
#include "server/heap/counter_object.h"
#include "server/heap/instance_object.h"
#include "server/heap/mappingproxy_object.h"
#include "server/heap/py_error.h"
#include "server/heap/str_object.h"
#include "server/heap/value_ops.h"
#include "server/heap/weakref_object.h"
#include "server/script/attribute_miss.h"
#include "server/script/builtins.h"
#include "server/script/class_namespace.h"
#include "server/script/format.h"

namespace heapsim::script {

namespace {

// The methods of each binary operator: a <op> b, the reflected b <rop> a,
// and the in-place a <op>= b; by BinaryOp.
struct NumberMethods {
  std::string_view name;
  std::string_view reflected;
  std::string_view in_place;
};

constexpr NumberMethods kNumberMethods[] = {
    {"__add__", "__radd__", "__iadd__"},
    {"__sub__", "__rsub__", "__isub__"},
    {"__mul__", "__rmul__", "__imul__"},
    {"__truediv__", "__rtruediv__", "__itruediv__"},
    {"__floordiv__", "__rfloordiv__", "__ifloordiv__"},
    {"__mod__", "__rmod__", "__imod__"},
    {"__pow__", "__rpow__", "__ipow__"},
    {"__lshift__", "__rlshift__", "__ilshift__"},
    {"__rshift__", "__rrshift__", "__irshift__"},
    {"__or__", "__ror__", "__ior__"},
    {"__xor__", "__rxor__", "__ixor__"},
    {"__and__", "__rand__", "__iand__"},
    {"__matmul__", "__rmatmul__", "__imatmul__"},
};

const NumberMethods& MethodsOf(BinaryOp op) { return kNumberMethods[static_cast<size_t>(op)]; }


// The user slot of `object` for `op`: its class defines (or inherits) the
// operator's method or its reflection.
bool HasNumberSlot(Heap& heap, ObjectId object, BinaryOp op) {
  if ((SpecialMethods(heap, object) & kSpecialNumber) == 0) return false;
  return LookupSpecial(heap, object, MethodsOf(op).name) != kNoObject ||
         LookupSpecial(heap, object, MethodsOf(op).reflected) != kNoObject;
}

// type(self).name(self, other) when the class has `name`, else
// NotImplemented (vectorcall_maybe).
Ref CallMaybe(Interpreter& interp, ObjectId self, std::string_view name, ObjectId other) {
  Heap& heap = interp.heap();
  const ObjectId method = LookupSpecial(heap, self, name);
  if (method == kNoObject) return heap.NewRef(heap.not_implemented());
  return CallSpecial(interp, method, self, {other});
}

ObjectId ClassOf(const Heap& heap, ObjectId object) {
  return heap.type_of(object) == TypeTag::kInstance ? heap.instance(object).cls : kNoObject;
}

// SLOT1BINFULL: the slot a program's class gets for `op`, called as
// slot(a, b) from either side.
Ref UserSlot(Interpreter& interp, BinaryOp op, ObjectId a, ObjectId b) {
  Heap& heap = interp.heap();
  const NumberMethods& methods = MethodsOf(op);
  const ObjectId class_a = ClassOf(heap, a);
  const ObjectId class_b = ClassOf(heap, b);
  bool do_other = class_a != class_b && HasNumberSlot(heap, b, op);
  if (HasNumberSlot(heap, a, op)) {
    if (do_other && class_b != kNoObject && class_a != kNoObject &&
        IsSubclassOf(heap, class_b, class_a)) {
      // method_is_overloaded: the reflected method looked up as an attribute
      // of b's class, then of a's (a miss formats an error before 3.12).
      Ref key = IdentifierStr(heap, methods.reflected);
      const ObjectId on_b = ClassLookup(heap, class_b, key.get());
      const ObjectId on_a = on_b == kNoObject ? kNoObject : ClassLookup(heap, class_a, key.get());
      if ((on_b == kNoObject || on_a == kNoObject) &&
          !NoteSuppressedAttributeMiss(interp, on_b == kNoObject ? class_b : class_a,
                                       methods.reflected)) {
        return Ref();
      }
      if (on_b != kNoObject && on_b != on_a) {
        Ref result = CallMaybe(interp, b, methods.reflected, a);
        if (!result || result.get() != heap.not_implemented()) return result;
        do_other = false;
      }
    }
    Ref result = CallMaybe(interp, a, methods.name, b);
    if (!result || result.get() != heap.not_implemented() || class_a == class_b) return result;
  }
  if (do_other) return CallMaybe(interp, b, methods.reflected, a);
  return heap.NewRef(heap.not_implemented());
}

// The builtin operation, raising its TypeError.
Ref BuiltinBinary(Interpreter& interp, BinaryOp op, ObjectId a, ObjectId b, bool in_place) {
  absl::StatusOr<Ref> result = Binary(interp.heap(), op, a, b, in_place);
  if (!result.ok()) {
    interp.Raise(result.status());
    return Ref();
  }
  return *std::move(result);
}

// True when `str % args` shows a value whose str() or repr() runs Python
// code (args itself, or an item of an args tuple where the profile does not
// fold the format into an f-string: Profile::percent_format_folded).
bool FormatsSpecial(const Heap& heap, ObjectId args) {
  if (heap.type_of(args) != TypeTag::kTuple) return HasSpecialRepr(heap, args, true);
  if (heap.profile().percent_format_folded) return false;
  for (ObjectId item : heap.tuple(args).items) {
    if (HasSpecialRepr(heap, item, true)) return true;
  }
  return false;
}

// str % args, each %s/%r/%a of such a value shown through its class's
// method when the format reaches it (PyUnicode_Format).
Ref PercentFormatSpecial(Interpreter& interp, ObjectId format, ObjectId args) {
  Heap& heap = interp.heap();
  const ShowValue show = [&interp, &heap](ObjectId value,
                                          char conversion) -> absl::StatusOr<std::string> {
    if (!HasSpecialRepr(heap, value, conversion == 's')) {
      return conversion == 's' ? StrChecked(heap, value, 0) : ReprChecked(heap, value, 0);
    }
    Ref text = conversion == 's' ? SpecialRepr(interp, value, true)
                                 : SpecialConversion(interp, value, conversion);
    if (!text) return interp.TakeError();
    return std::string(StrText(heap, text.get()));
  };
  const std::string format_text = StrText(heap, format);  // `show` may run Python code
  absl::StatusOr<PercentFormatted> formatted = PercentFormat(heap, format_text, args, show);
  if (!formatted.ok()) {
    interp.Raise(formatted.status());
    return Ref();
  }
  return PercentFormatResult(heap, format, *formatted);
}

}  // namespace

Ref BinaryOf(Interpreter& interp, BinaryOp op, ObjectId a, ObjectId b, bool in_place) {
  Heap& heap = interp.heap();
  if (IsWeakProxy(heap, a) || IsWeakProxy(heap, b))
    return WeakProxyBinary(interp, op, a, b, in_place);
  if (IsMappingProxy(heap, a) || IsMappingProxy(heap, b)) {
    switch (MappingProxyOperands(interp, op, &a, &b, in_place)) {
      case ProxyOperands::kFailed:
        return Ref();
      case ProxyOperands::kUnwrapped:
        return BinaryOf(interp, op, a, b, /*in_place=*/false);
      case ProxyOperands::kUnchanged:
        return BuiltinBinary(interp, op, a, b, in_place);
    }
  }
  if (op == BinaryOp::kMod && heap.type_of(a) == TypeTag::kStr && FormatsSpecial(heap, b)) {
    return PercentFormatSpecial(interp, a, b);
  }
  if (IsCounter(heap, a) || IsCounter(heap, b)) return CounterBinary(interp, op, a, b, in_place);
  const bool special_a = (SpecialMethods(heap, a) & kSpecialNumber) != 0;
  const bool special_b = (SpecialMethods(heap, b) & kSpecialNumber) != 0;
  if (!special_a && !special_b) return BuiltinBinary(interp, op, a, b, in_place);
  if (in_place && special_a) {
    const ObjectId method = LookupSpecial(heap, a, MethodsOf(op).in_place);
    if (method != kNoObject) {
      Ref result = CallSpecial(interp, method, a, {b});
      if (!result || result.get() != heap.not_implemented()) return result;
    }
  }
  // binary_op1: the slots of both sides, one call when they are the same.
  // A builtin type's slot answers NotImplemented to an instance, except
  // str and bytes formatting with `%`.
  const TypeTag type_a = heap.type_of(a);
  if (op == BinaryOp::kMod && (type_a == TypeTag::kStr || type_a == TypeTag::kBytes)) {
    return BuiltinBinary(interp, op, a, b, in_place);
  }
  const bool slot_a = HasNumberSlot(heap, a, op);
  const bool slot_b = ClassOf(heap, a) != ClassOf(heap, b) || type_a != TypeTag::kInstance
                          ? HasNumberSlot(heap, b, op) && !slot_a
                          : false;
  if (slot_a) {
    Ref result = UserSlot(interp, op, a, b);
    if (!result || result.get() != heap.not_implemented()) return result;
  }
  if (slot_b) {
    Ref result = UserSlot(interp, op, a, b);
    if (!result || result.get() != heap.not_implemented()) return result;
  }
  return BuiltinBinary(interp, op, a, b, in_place);
}

Ref UnaryOf(Interpreter& interp, std::optional<UnaryOp> op, ObjectId a) {
  Heap& heap = interp.heap();
  if (IsWeakProxy(heap, a)) {
    const ObjectId referent = WeakProxyReferent(interp, a);
    return referent == kNoObject ? Ref() : UnaryOf(interp, op, referent);
  }
  if (IsCounter(heap, a) && op != UnaryOp::kNot) return CounterUnary(interp, op, a);
  if ((SpecialMethods(heap, a) & kSpecialNumber) != 0) {
    std::string_view name = "__abs__";
    if (op == UnaryOp::kNeg) name = "__neg__";
    if (op == UnaryOp::kPos) name = "__pos__";
    if (op == UnaryOp::kInvert) name = "__invert__";
    if (op != UnaryOp::kNot && LookupSpecial(heap, a, name) != kNoObject) {
      return CallSpecialNamed(interp, a, name);
    }
  }
  if (!op.has_value()) {
    interp.Raise(PyError(PyExc::kTypeError, absl::StrCat("bad operand type for abs(): '",
                                                         TypeName(heap, a), "'")));
    return Ref();
  }
  absl::StatusOr<Ref> result = Unary(heap, *op, a);
  if (!result.ok()) {
    interp.Raise(result.status());
    return Ref();
  }
  return *std::move(result);
}

bool IsNumberMethodName(std::string_view name) {
  for (const NumberMethods& methods : kNumberMethods) {
    if (methods.name == name || methods.reflected == name || methods.in_place == name) {
      return true;
    }
  }
  return false;
}

}  // namespace heapsim::script
