// The special methods of the classes a program defines (__repr__, __eq__,
// __hash__, __len__, ...): which ones a class has, and the operations that
// call them as CPython's type slots do: the method is looked up on the
// class, never on the instance, and called with its arguments as a C caller
// holds them, without making a bound method object.
//
// Each operation here is for instances whose class defines the method (see
// SpecialMethods); the engine's value operations (value_ops.h) do the rest
// and refuse when they meet such an instance inside another object.
// Internal to the script library.

#ifndef HEAPSIM_SERVER_SCRIPT_SPECIAL_METHODS_H_
#define HEAPSIM_SERVER_SCRIPT_SPECIAL_METHODS_H_

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string_view>

#include "server/heap/heap.h"
#include "server/script/interpreter.h"
#include "server/script/list_sort.h"
#include "server/script/operators.h"

namespace heapsim::script {

// The class attribute `name` of an instance (borrowed), or kNoObject: the
// lookup CPython's slots make (_PyType_Lookup), never the instance's dict.
ObjectId LookupSpecial(Heap& heap, ObjectId instance, std::string_view name);

// Calls `method` (a class attribute) with `self` and `more` as a slot does:
// the arguments are the C caller's, so the frame takes references of its
// own and nothing else holds them; no bound method is made. A method that
// is not a function, and a RecursionError raised through it, are refused.
Ref CallSpecial(Interpreter& interp, ObjectId method, ObjectId self,
                std::initializer_list<ObjectId> more);

// CallSpecial of the class attribute `name` of `self`.
Ref CallSpecialNamed(Interpreter& interp, ObjectId self, std::string_view name,
                     std::initializer_list<ObjectId> more = {});

// True when the program's class `cls` is `of` or derives from it.
bool IsSubclassOf(const Heap& heap, ObjectId cls, ObjectId of);

// True for the names of the arithmetic methods (__add__, __radd__,
// __iadd__, ... __matmul__) special_operators.cc runs.
bool IsNumberMethodName(std::string_view name);

// True for the dunder names a class body may bind because heapsim calls
// them where CPython does (__init__ and the ones this file dispatches).
bool HonouredSpecialMethod(std::string_view name);

// Sets the SpecialMethodBit flags of the new class `cls` from its namespace
// and its base's flags. A class whose namespace defines __eq__ but not
// __hash__ gets `__hash__ = None` added to it (NewClass already did, as
// type() does; dataclass() may add an __eq__ later).
void SetUpSpecialMethods(Heap& heap, ObjectId cls);

// The SpecialMethodBit flags of `object`'s class; 0 for other objects.
uint32_t SpecialMethods(const Heap& heap, ObjectId object);

// True when repr(object) (or str(object) when `str`) runs a method of the
// program's class: the object's own, or that of an item of a list, tuple
// or dict (nested up to kSpecialReprNesting levels).
bool HasSpecialRepr(const Heap& heap, ObjectId object, bool str);

// repr(object) or str(object) for an object with HasSpecialRepr: for an
// instance, the str its class's __repr__ / __str__ returned; for a list,
// tuple or dict, a new str of the items' reprs (a dict's key and value held
// while each is shown, as dict_repr holds them). A new reference, or null
// with the exception pending (TypeError "__str__ returned non-string (type
// int)", or what the method raised).
Ref SpecialRepr(Interpreter& interp, ObjectId object, bool str);

// The text of repr(object) / str(object) for any object: through its
// class's methods when HasSpecialRepr, else as the engine prints it.
// False with the exception pending.
bool ReprText(Interpreter& interp, ObjectId object, bool str, int held, std::string* text);

// format(object, spec) for an object whose str() runs a method of the
// program's class (HasSpecialRepr with `str`): object.__format__, looked up
// as a bound method, gives str(object) for an empty spec and raises
// TypeError for any other. A new reference, or null with the exception
// pending.
Ref SpecialFormat(Interpreter& interp, ObjectId object, std::string_view spec);

// An f-string's `!r`, `!s` or `!a` conversion of an object with
// HasSpecialRepr (for `!s`, with `str`): the converted str, or null with
// the exception pending.
Ref SpecialConversion(Interpreter& interp, ObjectId object, char conversion);

// The comparison that swaps its operands' roles (a < b is b > a).
CompareOp Reflected(CompareOp op);

// str(proxy) (proxy_str: str() of the referent) and a <op> b with a
// weakref.proxy on either side (proxy_richcompare, one on the right once
// the left's comparison gave NotImplemented), in module_weakref_proxy.cc.
// A new reference, or null with the exception pending.
Ref WeakProxyStr(Interpreter& interp, ObjectId proxy);
Ref WeakProxyRichCompare(Interpreter& interp, CompareOp op, ObjectId a, ObjectId b);
// a <op> b with a proxy on either side and -a, +a, ~a of a proxy: the
// referents' (proxy_add, proxy_neg, ...). Null with the exception pending.
Ref WeakProxyBinary(Interpreter& interp, BinaryOp op, ObjectId a, ObjectId b, bool in_place);

// a <op> b for ==, !=, <, <=, >, >=, as do_richcompare: a subclass's
// reflected method first, then a's method, then b's reflected one,
// NotImplemented passing on; == and != fall back to identity, the others
// raise TypeError. Returns the result object (a new reference), or null
// with the exception pending. For operands of any type.
Ref RichCompare(Interpreter& interp, CompareOp op, ObjectId a, ObjectId b);

// PyObject_RichCompareBool: identity first for == and !=, then the truth
// of RichCompare. 1, 0, or -1 with the exception pending.
int RichCompareBool(Interpreter& interp, CompareOp op, ObjectId a, ObjectId b);

// True when comparing `object` runs a method of the program's class.
bool HasSpecialCompare(const Heap& heap, ObjectId object);

// bool(object) through __bool__, then __len__ (for any object). 1, 0, or
// -1 with the exception pending.
int TruthOf(Interpreter& interp, ObjectId object);

// len(object) through __len__ (for any object): the length, or -1 with the
// exception pending (TypeError "object of type 'C' has no len()" and the
// errors of a bad result).
int64_t LengthOf(Interpreter& interp, ObjectId object);

// hash(object) through __hash__ (for any object), or nullopt with the
// exception pending.
std::optional<int64_t> HashOf(Interpreter& interp, ObjectId object);

// `item in container` (for any container): __contains__, or a list's or
// tuple's items compared with RichCompareBool when a comparison method of
// the program's class takes part. 1, 0, or -1 with the exception pending.
int ContainsOf(Interpreter& interp, ObjectId container, ObjectId item);

// The `<` of list.sort() for `keys` when a comparison method of the
// program's class takes part (else an empty function): keys all of one
// type are compared by that type's slot first (unsafe_object_compare: the
// left key's method, then the whole protocol if it gives NotImplemented),
// mixed keys by RichCompareBool.
SortLess SpecialSortLess(Interpreter& interp, const std::vector<ObjectId>& keys);

// True when searching the list or tuple `sequence` for `item` runs a
// comparison method of the program's class (the item's or an element's).
bool SearchRunsSpecialCompare(const Heap& heap, ObjectId sequence, ObjectId item);

// The search of list.index/count/remove and tuple.index/count for such a
// search: compares element == item for the elements at [start, stop)
// (read afresh at each step, as a method may change the list; a list's
// element held for its comparison). Sets `*result` to the first index
// found (-1 for none) when `first`, else to the count. False with the
// exception pending.
bool SpecialSearch(Interpreter& interp, ObjectId sequence, ObjectId item, int64_t start,
                   int64_t stop, bool first, int64_t* result);

// instance[key] through __getitem__ of the instance's class: the result,
// or null with the exception pending ("'C' object is not subscriptable"
// when the class has none).
Ref SpecialGetItem(Interpreter& interp, ObjectId instance, ObjectId key);

// instance[key] = value through __setitem__, or del instance[key] through
// __delitem__ when `value` is kNoObject. A class defining only the other
// one raises AttributeError naming the missing method, as CPython's shared
// slot does. False with the exception pending.
bool SpecialSetItem(Interpreter& interp, ObjectId instance, ObjectId key, ObjectId value);

// iter(instance) through __iter__: its result, which must be an iterator
// (TypeError "iter() returned non-iterator of type 'list'"). An instance
// with __getitem__ but no __iter__ (the old sequence protocol) is refused.
Ref SpecialIter(Interpreter& interp, ObjectId instance);

// next(instance) through __next__: the item; or null at the end (the
// StopIteration it raised cleared when `clear_stop`, as a for loop clears
// it; else pending, as next() passes it on) or with another exception
// pending.
Ref SpecialNext(Interpreter& interp, ObjectId instance, bool clear_stop);

// True for objects iter() returns as they are: the builtin iterators and
// generators, and instances whose class defines __next__.
bool IsIterator(const Heap& heap, ObjectId object);

// The length hint of an instance (PyObject_LengthHint): len() through
// __len__ when the class defines it (a TypeError it raises is cleared),
// else none. With the exception pending when __len__ raised another.
std::optional<uint64_t> SpecialLengthHint(Interpreter& interp, ObjectId instance);

// a <op> b (a <op>= b when `in_place`) for operands of any type, through
// the arithmetic methods of a program's class when either has them
// (binary_op1 and the slots' SLOT1BINFULL: the left operand's method, a
// subclass's reflected one first, the reflected one of a different type,
// NotImplemented passing on, and the in-place method first for `in_place`);
// what no method answers is the builtin operation or its TypeError. A new
// reference, or null with the exception pending.
Ref BinaryOf(Interpreter& interp, BinaryOp op, ObjectId a, ObjectId b, bool in_place);

// -a, +a, ~a, not a and abs(a) (`abs` when `op` is absent) for any
// operand, through __neg__, __pos__, __invert__, __abs__ of a program's
// class. A new reference, or null with the exception pending.
Ref UnaryOf(Interpreter& interp, std::optional<UnaryOp> op, ObjectId a);

// The __call__ attribute of `instance`'s class (borrowed), or kNoObject.
ObjectId SpecialCallMethod(Heap& heap, ObjectId instance);

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_SPECIAL_METHODS_H_
