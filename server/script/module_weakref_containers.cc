// weakref.WeakValueDictionary, weakref.WeakKeyDictionary and
// weakref.WeakSet (weak_container_object.h): construction, len, `in`,
// item access, get/pop/setdefault, add/discard/remove, and iteration
// (keys(), values(), items() and iter()), as Lib/weakref.py and
// Lib/_weakrefset.py behave when nothing dies while an iteration is
// suspended; the remover their weak references call back.
//
// CPython runs Python code for every operation: the objects it makes and
// frees on the way (frames, generators, argument tuples) are not modelled,
// so the first container opens the GC timing window and makes id() and
// tracemalloc's figures refused (WeakrefCodeRan), and the iterations hand
// out a generator standing for weakref.py's (IterKind::kWeakGenerator)
// over what was alive when they began.

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "server/heap/dict_object.h"
#include "server/heap/gc_timing.h"
#include "server/heap/iterator_object.h"
#include "server/heap/list_object.h"
#include "server/heap/py_error.h"
#include "server/heap/tuple_object.h"
#include "server/heap/value_ops.h"
#include "server/heap/weak_container_object.h"
#include "server/heap/weakref_object.h"
#include "server/script/builtins.h"
#include "server/script/interpreter.h"
#include "server/script/special_methods.h"

namespace heapsim::script {

namespace {

using Kind = WeakContainerKind;

// At most how many GC objects weakref.py's code makes or frees for one
// operation (argument tuples, frames before 3.11, a generator and its
// _IterationGuard, a dict for **kwargs), and for a construction (the
// instance's dict, the remover's closure and cell, the data dict, the
// pending-removals list and set).
constexpr uint64_t kOperationGcObjects = 8;
constexpr uint64_t kConstructionGcObjects = 16;

struct MethodName {
  Kind kind;
  std::string_view name;
  Builtin builtin;
};

constexpr MethodName kMethodNames[] = {
    {Kind::kValueDictionary, "get", Builtin::kWeakContainerGet},
    {Kind::kValueDictionary, "keys", Builtin::kWeakContainerKeys},
    {Kind::kValueDictionary, "values", Builtin::kWeakContainerValues},
    {Kind::kValueDictionary, "items", Builtin::kWeakContainerItems},
    {Kind::kValueDictionary, "pop", Builtin::kWeakContainerPop},
    {Kind::kValueDictionary, "setdefault", Builtin::kWeakContainerSetDefault},
    {Kind::kKeyDictionary, "get", Builtin::kWeakContainerGet},
    {Kind::kKeyDictionary, "keys", Builtin::kWeakContainerKeys},
    {Kind::kKeyDictionary, "values", Builtin::kWeakContainerValues},
    {Kind::kKeyDictionary, "items", Builtin::kWeakContainerItems},
    {Kind::kKeyDictionary, "pop", Builtin::kWeakContainerPop},
    {Kind::kKeyDictionary, "setdefault", Builtin::kWeakContainerSetDefault},
    {Kind::kSet, "add", Builtin::kWeakSetAdd},
    {Kind::kSet, "discard", Builtin::kWeakSetDiscard},
    {Kind::kSet, "remove", Builtin::kWeakSetRemove},
    {Kind::kFinalize, "detach", Builtin::kFinalizeDetach},
    {Kind::kFinalize, "peek", Builtin::kFinalizePeek},
};

// The other names CPython's classes have (refused rather than answered
// with an AttributeError).
constexpr std::string_view kOtherNames[] = {
    "copy", "update", "popitem", "clear", "data", "itervaluerefs", "valuerefs", "keyrefs",
    "_remove", "_pending_removals", "_iterating", "_commit_removals", "_scrub_removals",
    "pop", "union", "difference", "intersection", "symmetric_difference", "issubset",
    "issuperset", "isdisjoint", "update", "difference_update", "intersection_update",
    "symmetric_difference_update", "__class_getitem__", "_registry", "_shutdown", "_Info",
    "_dirty", "_select_for_exit", "_exitfunc", "_index_iter", "_registered_with_atexit",
};

std::string_view KindName(Kind kind) { return WeakContainerTypeName(kind); }

std::string_view MethodNameOf(Builtin builtin) {
  for (const MethodName& entry : kMethodNames) {
    if (entry.builtin == builtin) return entry.name;
  }
  return "";
}

class ContainerCall {
 public:
  ContainerCall(Interpreter& interp, ObjectId self, CallArgs& args)
      : interp_(interp), heap_(interp.heap()), self_(self), args_(args) {}

  // Refuses keywords and argument counts outside [min, max] (weakref.py's
  // TypeErrors for them are those of Python functions).
  bool Arity(std::string_view name, size_t min, size_t max) {
    const size_t n = args_.positional.size();
    if (args_.keywords.empty() && n >= min && n <= max) return true;
    interp_.Refuse(absl::StrCat(std::string(name), "() of a ", std::string(KindName(kind())),
                                " with other arguments than weakref.py's"));
    return false;
  }
  ObjectId Arg(size_t i) const { return args_.positional[i].get(); }
  Kind kind() const { return WeakContainerKindOf(heap_, self_); }

  // The keys a WeakKeyDictionary or WeakSet can hold exactly: objects
  // weakref.ref() accepts, compared by identity. False with ref()'s
  // TypeError raised or the refusal made.
  bool UsableKey(ObjectId key) {
    if (!CheckWeakReferenceable(interp_, key)) return false;
    if (HasSpecialCompare(heap_, key) ||
        (SpecialMethods(heap_, key) & (kSpecialHash | kSpecialHashNone)) != 0) {
      interp_.Refuse(absl::StrCat("a ", std::string(KindName(kind())),
                                  " key whose class defines __eq__ or __hash__ (weak references "
                                  "compare and hash through their referents)"));
      return false;
    }
    return true;
  }

  // A WeakValueDictionary's live value for `key` (a new reference), empty
  // when the key is missing or its value died; nullopt with the error
  // raised (an unhashable key).
  std::optional<Ref> ValueOf(ObjectId key) {
    absl::StatusOr<ObjectId> found = DictLookup(heap_, Data(), key);
    if (!found.ok()) {
      interp_.Raise(found.status());
      return std::nullopt;
    }
    if (*found == kNoObject) return Ref();
    const ObjectId value = WeakRefReferent(heap_, *found);
    return value == kNoObject ? Ref() : heap_.NewRef(value);
  }

  ObjectId Data() const { return heap_.weak_container(self_).data; }

  Ref Run(Builtin builtin) {
    NoteUnmodelledGcObjects(heap_, "weakref.py's code", kOperationGcObjects);
    switch (builtin) {
      case Builtin::kWeakContainerGet:
        return Get();
      case Builtin::kWeakContainerKeys:
      case Builtin::kWeakContainerValues:
      case Builtin::kWeakContainerItems:
        if (!Arity(MethodNameOf(builtin), 0, 0)) return Ref();
        return Iterate(builtin);
      case Builtin::kWeakContainerPop:
        return Pop();
      case Builtin::kWeakContainerSetDefault:
        return SetDefault();
      case Builtin::kWeakSetAdd:
        if (!Arity("add", 1, 1) || !UsableKey(Arg(0))) return Ref();
        SetWeakEntry(heap_, self_, Arg(0), kNoObject);
        return heap_.NewRef(heap_.none());
      case Builtin::kWeakSetDiscard:
      case Builtin::kWeakSetRemove:
        return Discard(builtin == Builtin::kWeakSetRemove);
      default:
        interp_.Raise(absl::InternalError("not a weak container method"));
        return Ref();
    }
  }

  // get(key, default=None).
  Ref Get() {
    if (!Arity("get", 1, 2)) return Ref();
    const ObjectId fallback = args_.positional.size() > 1 ? Arg(1) : heap_.none();
    if (kind() == Kind::kValueDictionary) {
      std::optional<Ref> value = ValueOf(Arg(0));
      if (!value) return Ref();
      return *value ? std::move(*value) : heap_.NewRef(fallback);
    }
    if (!UsableKey(Arg(0))) return Ref();
    const int64_t entry = FindWeakEntry(heap_, self_, Arg(0));
    if (entry < 0) return heap_.NewRef(fallback);
    return heap_.NewRef(heap_.weak_container(self_).entries[entry].value);
  }

  // pop(key[, default]).
  Ref Pop() {
    if (!Arity("pop", 1, 2)) return Ref();
    const ObjectId key = Arg(0);
    if (kind() == Kind::kValueDictionary) {
      // o = self.data.pop(key)(): the KeyError of a missing key is the
      // dict's; a dead value raises KeyError(key) too.
      std::optional<Ref> value = ValueOf(key);
      if (!value) return Ref();
      absl::StatusOr<ObjectId> found = DictLookup(heap_, Data(), key);
      if (found.ok() && *found != kNoObject) DictDelItem(heap_, Data(), key).IgnoreError();
      if (*value) return std::move(*value);
      if (args_.positional.size() > 1) return heap_.NewRef(Arg(1));
      interp_.Raise(KeyErrorFor(heap_, key));
      return Ref();
    }
    if (!UsableKey(key)) return Ref();
    const int64_t entry = FindWeakEntry(heap_, self_, key);
    if (entry < 0) {
      if (args_.positional.size() > 1) return heap_.NewRef(Arg(1));
      // KeyError(ref(key)): its message shows the reference's address.
      interp_.Refuse("the KeyError of WeakKeyDictionary.pop() (it shows a weak reference's address)");
      return Ref();
    }
    Ref value = heap_.NewRef(heap_.weak_container(self_).entries[entry].value);
    RemoveWeakEntry(heap_, self_, static_cast<uint32_t>(entry));
    return value;
  }

  // setdefault(key, default=None).
  Ref SetDefault() {
    if (!Arity("setdefault", 1, 2)) return Ref();
    const ObjectId key = Arg(0);
    const ObjectId fallback = args_.positional.size() > 1 ? Arg(1) : heap_.none();
    if (kind() == Kind::kValueDictionary) {
      std::optional<Ref> value = ValueOf(key);
      if (!value) return Ref();
      if (*value) return std::move(*value);
      if (!CheckWeakReferenceable(interp_, fallback)) return Ref();
      if (!SetValue(key, fallback)) return Ref();
      return heap_.NewRef(fallback);
    }
    if (!UsableKey(key)) return Ref();
    const int64_t entry = FindWeakEntry(heap_, self_, key);
    if (entry >= 0) return heap_.NewRef(heap_.weak_container(self_).entries[entry].value);
    SetWeakEntry(heap_, self_, key, fallback);
    return heap_.NewRef(fallback);
  }

  // WeakValueDictionary: data[key] = KeyedRef(value, remove, key).
  bool SetValue(ObjectId key, ObjectId value) {
    Ref keyed = NewKeyedRef(heap_, value, heap_.weak_container(self_).remover, key);
    const absl::Status status = DictSetItem(heap_, Data(), key, keyed.get());
    if (!status.ok()) {
      interp_.Raise(status);
      return false;
    }
    return true;
  }

  // WeakSet.discard(item) / remove(item).
  Ref Discard(bool remove) {
    if (!Arity(remove ? "remove" : "discard", 1, 1) || !UsableKey(Arg(0))) return Ref();
    const int64_t entry = FindWeakEntry(heap_, self_, Arg(0));
    if (entry < 0) {
      if (remove) {
        interp_.Refuse("the KeyError of WeakSet.remove() (it shows a weak reference's address)");
        return Ref();
      }
      return heap_.NewRef(heap_.none());
    }
    RemoveWeakEntry(heap_, self_, static_cast<uint32_t>(entry));
    return heap_.NewRef(heap_.none());
  }

  // keys(), values(), items() and iter(): what is alive now, in the
  // container's order, as a list iterator.
  Ref Iterate(Builtin builtin) {
    if (kind() == Kind::kSet && heap_.weak_container(self_).live > 1) {
      interp_.Refuse("iterating a WeakSet of more than one item (its set's order follows the "
                     "items' addresses)");
      return Ref();
    }
    Ref list = NewList(heap_, 0);
    auto add = [&](ObjectId key, ObjectId value) {
      if (builtin == Builtin::kWeakContainerItems) {
        Ref pair = NewTupleOf(heap_, {key, value});
        ListAppend(heap_, list.get(), pair.get());
      } else {
        ListAppend(heap_, list.get(), builtin == Builtin::kWeakContainerValues ? value : key);
      }
    };
    if (kind() == Kind::kValueDictionary) {
      for (const auto& [key, weakref] : DictItems(heap_, Data())) {
        const ObjectId value = WeakRefReferent(heap_, weakref);
        if (value != kNoObject) add(key, value);
      }
    } else {
      const std::vector<WeakEntry> entries = heap_.weak_container(self_).entries;
      for (const WeakEntry& entry : entries) {
        if (entry.weakref == kNoObject) continue;
        const ObjectId key = WeakRefReferent(heap_, entry.weakref);
        if (key != kNoObject) add(key, entry.value);
      }
    }
    return NewIterator(heap_, IterKind::kWeakGenerator, list.get());
  }

 private:
  Interpreter& interp_;
  Heap& heap_;
  ObjectId self_;
  CallArgs& args_;
};

}  // namespace

bool IsWeakContainerBuiltin(Builtin builtin) {
  return (builtin >= Builtin::kTypeWeakValueDictionary && builtin <= Builtin::kTypeWeakFinalize) ||
         (builtin >= Builtin::kWeakContainerGet && builtin <= Builtin::kFinalizePeek);
}

void WeakrefCodeRan(Interpreter& interp, std::string_view what) {
  std::string& first = interp.session().weakref_code_ran;
  if (first.empty()) first = std::string(what);
  NoteUnmodelledGcObjects(interp.heap(), what, kConstructionGcObjects);
}

Ref CallWeakContainerBuiltin(Interpreter& interp, Builtin builtin, ObjectId self,
                             CallArgs& args) {
  Heap& heap = interp.heap();
  if (builtin == Builtin::kTypeWeakFinalize || builtin == Builtin::kFinalizeDetach ||
      builtin == Builtin::kFinalizePeek) {
    return CallFinalizeBuiltin(interp, builtin, self, args);
  }
  if (builtin >= Builtin::kTypeWeakValueDictionary && builtin <= Builtin::kTypeWeakSet) {
    const Kind kind = builtin == Builtin::kTypeWeakValueDictionary ? Kind::kValueDictionary
                      : builtin == Builtin::kTypeWeakKeyDictionary ? Kind::kKeyDictionary
                                                                   : Kind::kSet;
    if (!args.positional.empty() || !args.keywords.empty()) {
      interp.Refuse(absl::StrCat("weakref.", std::string(KindName(kind)),
                                 "() with arguments (built from another mapping or iterable)"));
      return Ref();
    }
    WeakrefCodeRan(interp, absl::StrCat("weakref.", std::string(KindName(kind)), "()"));
    return NewWeakContainer(heap, kind);
  }
  return ContainerCall(interp, self, args).Run(builtin);
}

std::optional<Builtin> FindWeakContainerMethod(const Heap& heap, ObjectId object,
                                               std::string_view name) {
  const Kind kind = WeakContainerKindOf(heap, object);
  for (const MethodName& entry : kMethodNames) {
    if (entry.kind == kind && entry.name == name) return entry.builtin;
  }
  return std::nullopt;
}

std::optional<Builtin> WeakContainerTypeBuiltin(const Heap& heap, ObjectId object) {
  switch (WeakContainerKindOf(heap, object)) {
    case Kind::kValueDictionary:
      return Builtin::kTypeWeakValueDictionary;
    case Kind::kKeyDictionary:
      return Builtin::kTypeWeakKeyDictionary;
    case Kind::kSet:
      return Builtin::kTypeWeakSet;
    case Kind::kFinalize:
      return Builtin::kTypeWeakFinalize;
    case Kind::kRemover:
      return std::nullopt;
  }
  return std::nullopt;
}

bool IsWeakContainerLibraryName(std::string_view name) {
  for (std::string_view other : kOtherNames) {
    if (other == name) return true;
  }
  return name.starts_with("__");
}

int64_t WeakContainerLen(Interpreter& interp, ObjectId container) {
  if (WeakContainerKindOf(interp.heap(), container) >= Kind::kFinalize) {
    interp.Raise(PyError(PyExc::kTypeError,
                         absl::StrCat("object of type '", TypeName(interp.heap(), container),
                                      "' has no len()")));
    return -1;
  }
  return static_cast<int64_t>(WeakContainerLength(interp.heap(), container));
}

int WeakContainerContains(Interpreter& interp, ObjectId container, ObjectId item) {
  Heap& heap = interp.heap();
  CallArgs none;
  ContainerCall call(interp, container, none);
  switch (WeakContainerKindOf(heap, container)) {
    case Kind::kValueDictionary: {
      std::optional<Ref> value = call.ValueOf(item);
      if (!value) return -1;
      return *value ? 1 : 0;
    }
    case Kind::kKeyDictionary:
    case Kind::kSet:
      // ref(item) failing with TypeError answers False.
      if (WeakReferenceableKind(heap, item) == WeakReferenceable::kNo) return 0;
      if (!call.UsableKey(item)) return -1;
      return FindWeakEntry(heap, container, item) >= 0 ? 1 : 0;
    default:
      interp.Raise(PyError(PyExc::kTypeError,
                           absl::StrCat("argument of type '", TypeName(heap, container),
                                        "' is not iterable")));
      return -1;
  }
}

Ref WeakContainerGetItem(Interpreter& interp, ObjectId container, ObjectId key) {
  Heap& heap = interp.heap();
  CallArgs none;
  ContainerCall call(interp, container, none);
  switch (WeakContainerKindOf(heap, container)) {
    case Kind::kValueDictionary: {
      // o = self.data[key](); KeyError(key) when missing or dead.
      std::optional<Ref> value = call.ValueOf(key);
      if (!value) return Ref();
      if (!*value) interp.Raise(KeyErrorFor(heap, key));
      return std::move(*value);
    }
    case Kind::kKeyDictionary: {
      if (!call.UsableKey(key)) return Ref();
      const int64_t entry = FindWeakEntry(heap, container, key);
      if (entry < 0) {
        interp.Refuse("the KeyError of a WeakKeyDictionary lookup (it shows a weak reference's "
                      "address)");
        return Ref();
      }
      return heap.NewRef(heap.weak_container(container).entries[entry].value);
    }
    default:
      interp.Raise(PyError(PyExc::kTypeError, absl::StrCat("'", TypeName(heap, container),
                                                           "' object is not subscriptable")));
      return Ref();
  }
}

bool WeakContainerSetItem(Interpreter& interp, ObjectId container, ObjectId key,
                          ObjectId value) {
  Heap& heap = interp.heap();
  CallArgs none;
  ContainerCall call(interp, container, none);
  NoteUnmodelledGcObjects(heap, "weakref.py's code", kOperationGcObjects);
  const Kind kind = WeakContainerKindOf(heap, container);
  if (kind == Kind::kValueDictionary) {
    if (value == kNoObject) {
      const absl::Status status = DictDelItem(heap, call.Data(), key);
      if (!status.ok()) interp.Raise(status);
      return status.ok();
    }
    return CheckWeakReferenceable(interp, value) && call.SetValue(key, value);
  }
  if (kind == Kind::kKeyDictionary) {
    if (!call.UsableKey(key)) return false;
    if (value != kNoObject) {
      SetWeakEntry(heap, container, key, value);
      return true;
    }
    const int64_t entry = FindWeakEntry(heap, container, key);
    if (entry < 0) {
      interp.Refuse("the KeyError of deleting a missing WeakKeyDictionary key (it shows a weak "
                    "reference's address)");
      return false;
    }
    RemoveWeakEntry(heap, container, static_cast<uint32_t>(entry));
    return true;
  }
  interp.Raise(PyError(PyExc::kTypeError,
                       absl::StrCat("'", TypeName(heap, container), "' object does not support item ",
                                    value == kNoObject ? "deletion" : "assignment")));
  return false;
}

Ref WeakContainerIter(Interpreter& interp, ObjectId container) {
  Heap& heap = interp.heap();
  if (WeakContainerKindOf(heap, container) >= Kind::kFinalize) {
    interp.Raise(PyError(PyExc::kTypeError,
                         absl::StrCat("'", TypeName(heap, container), "' object is not iterable")));
    return Ref();
  }
  CallArgs none;
  return ContainerCall(interp, container, none).Run(Builtin::kWeakContainerKeys);
}

}  // namespace heapsim::script
