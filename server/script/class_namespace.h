// A class's namespace as a script sees it: C.__dict__ and vars(C), a new
// mappingproxy of the class's dict on every access, and what a proxy does
// (Objects/descrobject.c): read-only lookups and iteration forwarded to the
// dict, its methods (get, keys, values, items, copy), == and | through the
// dict, and TypeError for writes.

#ifndef HEAPSIM_SERVER_SCRIPT_CLASS_NAMESPACE_H_
#define HEAPSIM_SERVER_SCRIPT_CLASS_NAMESPACE_H_

#include <string>

#include "server/heap/heap.h"
#include "server/script/builtins.h"
#include "server/script/interpreter.h"
#include "server/script/operators.h"

namespace heapsim::script {

// C.__dict__ of `cls`, a program's class: a new mappingproxy of its dict.
// Null with the refusal pending for a dataclass (whose dict holds what
// dataclasses.py adds, not modelled).
Ref ClassNamespace(Interpreter& interp, ObjectId cls);

// True for the names of a mappingproxy's methods heapsim calls.
bool IsMappingProxyMethod(const std::string& name);

// proxy.name read as a value: AttributeError, or refused for its methods
// (bound methods heapsim does not make) and dunders.
Ref MappingProxyAttribute(Interpreter& interp, ObjectId proxy, const std::string& name);

// proxy.name(args) for one of its methods: the dict's method with the same
// arguments, as mappingproxy_get/keys/... call it. Returns the result, or
// null with the exception pending.
Ref CallMappingProxyMethod(Interpreter& interp, ObjectId proxy, const std::string& name,
                           CallArgs& args);

// a <op> b with a proxy on either side (mappingproxy_richcompare: the
// dict compared with the other operand; one on the right once the left's
// comparison gave NotImplemented).
Ref MappingProxyRichCompare(Interpreter& interp, CompareOp op, ObjectId a, ObjectId b);

// What a binary operator does with a proxy operand. kUnwrapped: `a` and
// `b` now stand for the proxies' dicts and the plain operator applies to
// them (mappingproxy_or, 3.9+); kUnchanged: the operand types' own slots
// apply (TypeError for the proxy); kFailed: an error or refusal pending.
enum class ProxyOperands { kUnwrapped, kUnchanged, kFailed };
ProxyOperands MappingProxyOperands(Interpreter& interp, BinaryOp op, ObjectId* a, ObjectId* b,
                                   bool in_place);

// Refuses a builtin given a mappingproxy (as self or an argument) unless it
// is one whose handling of the proxy heapsim models; true if it did.
bool RefuseMappingProxyArguments(Interpreter& interp, Builtin builtin, ObjectId self,
                                 const CallArgs& args);

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_CLASS_NAMESPACE_H_
