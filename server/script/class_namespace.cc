#include "server/script/class_namespace.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "server/heap/counter_object.h"
#include "server/heap/defaultdict_object.h"
#include "server/heap/mappingproxy_object.h"
#include "server/heap/ordereddict_object.h"
#include "server/heap/py_error.h"
#include "server/heap/value_ops.h"
#include "server/script/special_methods.h"
#include "server/script/subset_check.h"

namespace heapsim::script {

namespace {

// The dict method a mappingproxy method calls.
Builtin DictMethodOf(const std::string& name) {
  if (name == "get") return Builtin::kDictGet;
  if (name == "keys") return Builtin::kDictKeys;
  if (name == "values") return Builtin::kDictValues;
  if (name == "items") return Builtin::kDictItems;
  return Builtin::kDictCopy;
}

// The proxy's method as its errors name it ("mappingproxy.keys" where the
// profile qualifies call names).
std::string ProxyCallName(const Heap& heap, const std::string& name) {
  return heap.profile().messages.qualified_call_names ? absl::StrCat("mappingproxy.", name)
                                                       : name;
}

// True (with the refusal pending) when `other`, the operand beside a
// proxy, sees the proxy itself first: its class's `methods`
// (SpecialMethodBit) run Python code with it, and the dict subclasses
// compare and merge in ways of their own.
bool RefuseMappingProxyOperand(Interpreter& interp, ObjectId other, uint32_t methods,
                        std::string_view what) {
  Heap& heap = interp.heap();
  if (IsMappingProxy(heap, other)) return false;
  const bool python_code = (SpecialMethods(heap, other) & methods) != 0;
  if (!python_code && !IsCounter(heap, other) && !IsOrderedDict(heap, other) &&
      !IsDefaultDict(heap, other)) {
    return false;
  }
  interp.Refuse(absl::StrCat(std::string(what), " of a mappingproxy and a '",
                             TypeName(heap, other), "' object"));
  return true;
}

// The builtins whose handling of a mappingproxy argument is modelled: those
// that only look at it as any object, and those that iterate it (its
// dict's iterator) or take its len().
bool HandlesMappingProxies(Builtin builtin) {
  switch (builtin) {
    case Builtin::kPrint:  // str(): refused by the repr
    case Builtin::kRepr:
    case Builtin::kTypeStr:
    case Builtin::kLen:
    case Builtin::kId:
    case Builtin::kHash:
    case Builtin::kIsInstance:
    case Builtin::kCallable:
    case Builtin::kGetAttr:
    case Builtin::kHasAttr:
    case Builtin::kSetAttr:
    case Builtin::kDelAttr:
    case Builtin::kVars:
    case Builtin::kTypeType:
    case Builtin::kTypeBool:
    case Builtin::kSysGetSizeOf:
    case Builtin::kSysGetRefCount:
    case Builtin::kGcIsTracked:
    case Builtin::kListAppend:
    case Builtin::kTypeList:
    case Builtin::kTypeTuple:
    case Builtin::kTypeSet:
    case Builtin::kTypeFrozenSet:
    case Builtin::kSorted:
    case Builtin::kReversed:
    case Builtin::kIter:
    case Builtin::kEnumerate:
    case Builtin::kMin:
    case Builtin::kMax:
    case Builtin::kAny:
    case Builtin::kAll:
      return true;
    default:
      return false;
  }
}

}  // namespace

Ref ClassNamespace(Interpreter& interp, ObjectId cls) {
  Heap& heap = interp.heap();
  if (heap.cls(cls).dataclass || !heap.cls(cls).module.empty()) {
    // What dataclasses.py adds to a dataclass's dict, and the dicts of the
    // modules' own classes, are not modelled.
    interp.Refuse(absl::StrCat("the __dict__ of class '", heap.cls(cls).name, "'"));
    return Ref();
  }
  return NewMappingProxy(heap, heap.cls(cls).namespace_dict);
}

bool IsMappingProxyMethod(const std::string& name) {
  return name == "get" || name == "keys" || name == "values" || name == "items" ||
         name == "copy";
}

Ref MappingProxyAttribute(Interpreter& interp, ObjectId proxy, const std::string& name) {
  if (IsMappingProxyMethod(name) || IsDunder(name)) {
    interp.Refuse(absl::StrCat("attribute '", name,
                               "' of a 'mappingproxy' object (call its methods)"));
    return Ref();
  }
  interp.Raise(interp.AttributeErrorFor(
      proxy, name,
      PyError(PyExc::kAttributeError,
              absl::StrCat("'mappingproxy' object has no attribute '", name, "'"))));
  return Ref();
}

Ref CallMappingProxyMethod(Interpreter& interp, ObjectId proxy, const std::string& name,
                           CallArgs& args) {
  Heap& heap = interp.heap();
  // get is METH_FASTCALL, the others METH_NOARGS: keywords are refused
  // first.
  if (!args.keywords.empty()) {
    interp.Raise(PyError(PyExc::kTypeError, absl::StrCat(ProxyCallName(heap, name),
                                                         "() takes no keyword arguments")));
    return Ref();
  }
  if (name != "get" && !args.positional.empty()) {
    interp.Raise(PyError(PyExc::kTypeError,
                         absl::StrCat(ProxyCallName(heap, name), "() takes no arguments (",
                                      args.positional.size(), " given)")));
    return Ref();
  }
  if (name != "get" && heap.profile().class_namespace.proxy_methods_bind) {
    heap.BindTransientMethod();  // the dict's method, bound for the call
  }
  // The dict's method with the proxy's arguments (get's unpacking error
  // names "get", as dict.get's does).
  Ref result = CallBuiltin(interp, DictMethodOf(name), ProxiedMapping(heap, proxy), args);
  ReleaseCallArguments(heap.profile(), args);
  return result;
}

Ref MappingProxyRichCompare(Interpreter& interp, CompareOp op, ObjectId a, ObjectId b) {
  Heap& heap = interp.heap();
  if (IsMappingProxy(heap, a)) return RichCompare(interp, op, ProxiedMapping(heap, a), b);
  // The left operand's own comparison gives NotImplemented to a proxy,
  // whose reflected comparison compares its dict.
  if (RefuseMappingProxyOperand(interp, a, kSpecialCompare, "a comparison")) return Ref();
  return RichCompare(interp, Reflected(op), ProxiedMapping(heap, b), a);
}

ProxyOperands MappingProxyOperands(Interpreter& interp, BinaryOp op, ObjectId* a, ObjectId* b,
                                   bool in_place) {
  Heap& heap = interp.heap();
  if (op == BinaryOp::kMod && (heap.type_of(*a) == TypeTag::kStr ||
                               heap.type_of(*a) == TypeTag::kBytes)) {
    interp.Refuse("%-formatting with a mappingproxy (it formats from it as from a mapping)");
    return ProxyOperands::kFailed;
  }
  const bool proxy_left = IsMappingProxy(heap, *a);
  if (RefuseMappingProxyOperand(interp, proxy_left ? *b : *a, kSpecialNumber, "an operator")) {
    return ProxyOperands::kFailed;
  }
  if (op != BinaryOp::kBitOr || !heap.profile().class_namespace.proxy_or) {
    return ProxyOperands::kUnchanged;
  }
  if (in_place && proxy_left) {
    interp.Raise(PyError(PyExc::kTypeError,
                         "'|=' is not supported by mappingproxy; use '|' instead"));
    return ProxyOperands::kFailed;
  }
  if (in_place && heap.type_of(*a) == TypeTag::kDict) {
    // dict |= proxy: dict_merge through the proxy's keys() and items.
    interp.Refuse("a mappingproxy merged into a dict");
    return ProxyOperands::kFailed;
  }
  // mappingproxy_or: both operands' proxies replaced by their dicts, then
  // `|` of those.
  if (proxy_left) *a = ProxiedMapping(heap, *a);
  if (IsMappingProxy(heap, *b)) *b = ProxiedMapping(heap, *b);
  return ProxyOperands::kUnwrapped;
}

bool RefuseMappingProxyArguments(Interpreter& interp, Builtin builtin, ObjectId self,
                                 const CallArgs& args) {
  if (HandlesMappingProxies(builtin)) return false;
  const Heap& heap = interp.heap();
  bool proxy = self != kNoObject && IsMappingProxy(heap, self);
  for (const Ref& arg : args.positional) proxy = proxy || IsMappingProxy(heap, arg.get());
  for (const auto& [name, value] : args.keywords) proxy = proxy || IsMappingProxy(heap, value.get());
  if (!proxy) return false;
  // A method is named with its type (dict.update).
  const std::string owner =
      self != kNoObject && IsMethodBuiltin(builtin) ? absl::StrCat(TypeName(heap, self), ".") : "";
  interp.Refuse(absl::StrCat("a mappingproxy passed to ", owner,
                             std::string(BuiltinName(builtin)),
                             "() (what it does with one is not modelled)"));
  return true;
}

}  // namespace heapsim::script
