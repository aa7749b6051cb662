// Calls: evaluating call expressions, Python functions with their frames,
// classes, builtins, and comprehensions.

#include <string>
#include <utility>
#include <vector>

#include "absl/cleanup/cleanup.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "server/heap/weak_container_object.h"
#include "server/heap/counter_object.h"
#include "server/heap/defaultdict_object.h"
#include "server/heap/dict_object.h"
#include "server/heap/frames.h"
#include "server/heap/function_object.h"
#include "server/heap/instance_object.h"
#include "server/heap/list_object.h"
#include "server/heap/mappingproxy_object.h"
#include "server/heap/ordereddict_object.h"
#include "server/heap/py_error.h"
#include "server/heap/set_object.h"
#include "server/heap/str_object.h"
#include "server/heap/tuple_object.h"
#include "server/heap/value_ops.h"
#include "server/heap/weakref_object.h"
#include "server/script/builtins.h"
#include "server/script/class_namespace.h"
#include "server/script/generator.h"
#include "server/script/generator_function.h"
#include "server/script/interpreter.h"
#include "server/script/special_methods.h"
#include "server/script/specialised_compare.h"

namespace heapsim::script {

namespace {

// tp_call's argument tuple: the positional arguments packed for the time
// of a call (none when there are none: the empty tuple is a singleton).
Ref PackArguments(Heap& heap, const CallArgs& args) {
  if (args.positional.empty()) return Ref();
  std::vector<ObjectId> items;
  items.reserve(args.positional.size());
  for (const Ref& arg : args.positional) items.push_back(arg.get());
  return NewTupleOf(heap, items);
}

// The dict a tp_call or METH_VARARGS callee receives its keywords in, or
// null when there are none.
Ref PackKeywords(Heap& heap, const CallArgs& args) {
  if (args.keywords.empty()) return Ref();
  Ref kwargs = NewDictPresized(heap, args.keywords.size());
  for (const auto& [name, value] : args.keywords) {
    Ref key = InternStr(heap, name);
    DictSetItem(heap, kwargs.get(), key.get(), value.get()).IgnoreError();
  }
  return kwargs;
}

// Calls `builtin` as the profile's interpreter does: a METH_VARARGS function
// or method, or a type called through tp_call (Profile::packing_functions),
// gets its arguments packed in a tuple and its keywords in a dict, both
// living for the call (args.packed names the tuple meanwhile).
Ref CallBuiltinPacking(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args) {
  Heap& heap = interp.heap();
  Ref packed;
  Ref packed_keywords;
  // A call with *args hands over its own tuple (CallArgs::packed).
  const ObjectId star_tuple = args.packed;
  if (PacksArguments(heap.profile(), builtin)) {
    if (star_tuple == kNoObject) packed = PackArguments(heap, args);
    packed_keywords = PackKeywords(heap, args);
    if (star_tuple == kNoObject) args.packed = packed.get();
  }
  Ref result = CallBuiltin(interp, builtin, self, args);
  args.packed = star_tuple;
  packed_keywords.Reset();
  packed.Reset();
  return result;
}

// too_many_positional's message: `given` positional arguments for a
// function without *args that has `defaults` positional defaults, the
// keyword-only parameters keywords already filled (in `slots`) counted apart.
std::string TooManyPositional(const std::string& fname, const CodeUnit& unit, size_t defaults,
                              size_t given, const std::vector<ObjectId>& slots) {
  const size_t positional = unit.positional_count;
  size_t kwonly_given = 0;
  for (size_t k = 0; k < unit.keyword_only_count; ++k) {
    if (slots[positional + k] != kNoObject) ++kwonly_given;
  }
  const std::string signature =
      defaults > 0 ? absl::StrCat("from ", positional - defaults, " to ", positional)
                   : absl::StrCat(positional);
  const bool plural = defaults > 0 || positional != 1;
  const std::string kwonly =
      kwonly_given == 0
          ? ""
          : absl::StrCat(" positional argument", given != 1 ? "s" : "", " (and ", kwonly_given,
                         " keyword-only argument", kwonly_given != 1 ? "s" : "", ")");
  return absl::StrCat(fname, "() takes ", signature, " positional argument", plural ? "s" : "",
                      " but ", given, kwonly, given == 1 && kwonly_given == 0 ? " was" : " were",
                      " given");
}

}  // namespace

void ReleaseCallArguments(const Profile& profile, CallArgs& args) {
  for (auto& [name, value] : args.keywords) value.Reset();
  if (profile.call_releases_args_reversed) {
    for (size_t i = args.positional.size(); i-- > 0;) args.positional[i].Reset();
  } else {
    for (Ref& value : args.positional) value.Reset();
  }
}

bool Interpreter::EvalArguments(const Expr& call, size_t first, CallArgs* args,
                                Ref* sole_star_tuple) {
  for (size_t i = first; i < call.operands.size(); ++i) {
    const Expr& arg = *call.operands[i];
    if (arg.kind == ExprKind::kStarred) {
      Ref sequence = Eval(*arg.operands[0]);
      if (!sequence) return false;
      std::vector<Ref> items;
      if (!Collect(sequence.get(), &items)) return false;
      for (Ref& item : items) args->positional.push_back(std::move(item));
      if (sole_star_tuple != nullptr && call.operands.size() == first + 1 &&
          IsExactTuple(heap_, sequence.get())) {
        *sole_star_tuple = std::move(sequence);
      }
      continue;
    }
    Ref value = Eval(arg);
    if (!value) return false;
    args->positional.push_back(std::move(value));
  }
  for (const Keyword& keyword : call.keywords) {
    Ref value = Eval(*keyword.value);
    if (!value) return false;
    if (keyword.name.empty()) {
      if (heap_.type_of(value.get()) == TypeTag::kMappingProxy) {
        Refuse("a mappingproxy passed with ** in a call (merged through its keys())");
        return false;
      }
      if (heap_.type_of(value.get()) != TypeTag::kDict) {
        Raise(PyError(PyExc::kTypeError,
                      absl::StrCat("argument after ** must be a mapping, not ",
                                   TypeName(heap_, value.get()))));
        return false;
      }
      if (IsDefaultDict(heap_, value.get()) || IsOrderedDict(heap_, value.get()) ||
          IsCounter(heap_, value.get())) {
        // 3.8's CALL_FUNCTION_EX copies a mapping that is not an exact dict
        // (an OrderedDict through its keys()).
        Refuse(IsDefaultDict(heap_, value.get()) ? "a defaultdict passed with ** in a call"
               : IsCounter(heap_, value.get())
                   ? "a collections.Counter passed with ** in a call"
                   : "a collections.OrderedDict passed with ** in a call");
        return false;
      }
      for (const auto& [key, item] : DictItems(heap_, value.get())) {
        args->keywords.emplace_back(StrText(heap_, key), heap_.NewRef(item));
      }
      continue;
    }
    args->keywords.emplace_back(keyword.name, std::move(value));
  }
  return true;
}

Ref Interpreter::EvalCall(const Expr& expr) {
  // Calls in the arguments set their own flag and restore this one.
  const bool outer_dropped = call_result_dropped_;
  call_result_dropped_ = &expr == dropped_call_;
  absl::Cleanup restore_dropped = [this, outer_dropped] { call_result_dropped_ = outer_dropped; };
  const Expr& callee = *expr.operands[0];
  bool star_positional = false;
  for (size_t i = 1; i < expr.operands.size(); ++i) {
    star_positional |= expr.operands[i]->kind == ExprKind::kStarred;
  }
  const bool star_call =
      star_positional || (!expr.keywords.empty() && expr.keywords.back().name.empty());
  if (callee.kind == ExprKind::kAttribute && !star_call) {
    if (const Expr* super_call = SuperAttrSite(heap_, callee, *context_.program, *context_.unit)) {
      Ref unbound_self;
      bool object_init = false;
      Ref function = EvalSuperAttribute(callee, *super_call, &unbound_self, &object_init);
      if (!function) return Ref();
      CallArgs args;
      if (object_init) {
        // The slot wrapper is called through tp_call: self and the
        // arguments packed in a tuple.
        if (!EvalArguments(expr, 1, &args)) return Ref();
        std::vector<ObjectId> items = {unbound_self.get()};
        for (const Ref& arg : args.positional) items.push_back(arg.get());
        Ref packed = NewTupleOf(heap_, items);
        // An exception's BaseException.__init__ gets the arguments after
        // self sliced off into a new tuple.
        Ref result = ExceptionArgs(heap_, unbound_self.get()) != kNoObject
                         ? InitException(unbound_self.get(), args, kNoObject)
                         : CallObjectInit(unbound_self.get(), args);
        packed.Reset();
        ReleaseCallArguments(heap_.profile(), args);
        return result;
      }
      if (unbound_self) args.positional.push_back(std::move(unbound_self));
      if (!EvalArguments(expr, 1, &args)) return Ref();
      // The generic instruction's bound method is the stack's, which CALL
      // drops as it unpacks it.
      return CallFromPython(function.get(), std::move(args), &function);
    }
    // LOAD_METHOD: call a method without binding it.
    Ref self = Eval(*callee.operands[0]);
    if (!self) return Ref();
    if (BindsBeforeArguments(self.get(), callee.name.text)) {
      // LOAD_METHOD finds no plain function to call unbound: what the
      // attribute gives (a bound method, a getter's result) is made, and
      // the receiver let go of, before the arguments are evaluated.
      Ref bound = GetAttr(self.get(), callee.name.text);
      self.Reset();
      if (!bound) return Ref();
      CallArgs args;
      if (!EvalArguments(expr, 1, &args)) return Ref();
      return CallFromPython(bound.get(), std::move(args), &bound);
    }
    const TypeTag type = heap_.type_of(self.get());
    // An OrderedDict's and a Counter's methods are not their dict's:
    // CallMethod finds them.
    const bool builtin_receiver = type != TypeTag::kInstance && !IsOrderedDict(heap_, self.get()) &&
                                  !IsCounter(heap_, self.get());
    if (builtin_receiver && (callee.cached_type != type || callee.cached_method < 0)) {
      const std::optional<Builtin> method = FindMethod(type, callee.name.text);
      callee.cached_type = type;
      callee.cached_method = method ? static_cast<int32_t>(*method) : -1;
    }
    // With keywords the method is looked up and bound before the arguments
    // (LOAD_ATTR, before 3.11) and dropped after them, once the call is done.
    const bool builtin_method =
        builtin_receiver && (callee.cached_method >= 0 || (type == TypeTag::kMappingProxy &&
                                                            IsMappingProxyMethod(callee.name.text)));
    const ScopedTransientMethod keyword_binding(
        heap_, builtin_method && !expr.keywords.empty() &&
                   heap_.profile().keyword_method_calls_bind);
    CallArgs args;
    if (!EvalArguments(expr, 1, &args)) return Ref();
    if (builtin_receiver) {
      if (callee.cached_method == static_cast<int32_t>(Builtin::kListAppend) &&
          args.positional.size() == 1 && args.keywords.empty()) {
        // list.append(x) without the general builtin dispatch, as CPython
        // specialises it (LIST_APPEND).
        Ref result = ListAppendMethod(heap_, self.get(), args.positional[0].get());
        ReleaseCallArguments(heap_.profile(), args);
        return result;
      }
      if (callee.cached_method >= 0) {
        Ref result = CallBuiltinPacking(*this, static_cast<Builtin>(callee.cached_method),
                                        self.get(), args);
        ReleaseCallArguments(heap_.profile(), args);
        return result;
      }
    }
    Ref result = CallMethod(std::move(self), callee.name.text, std::move(args));
    return result;
  }
  Ref function = Eval(callee);
  if (!function) return Ref();
  CallArgs args;
  Ref star_tuple;
  if (!EvalArguments(expr, 1, &args, &star_tuple)) return Ref();
  const std::optional<bool> str_call = StrCallSpecialised(expr, function.get(), args, star_call);
  if (!str_call) return Ref();
  args.str_call_specialised = *str_call;
  if (star_positional && expr.operands.size() > 2) {
    heap_.tracemalloc().NoteInexactBlocks(
        "a call unpacking *args beside other positional arguments (the list CPython builds "
        "its argument tuple in is not modelled)");
  }
  if (star_call) {
    // CALL_FUNCTION_EX gets its positional arguments as a tuple.
    std::vector<ObjectId> items;
    for (const Ref& arg : args.positional) items.push_back(arg.get());
    if (!star_tuple) star_tuple = NewTupleOf(heap_, items);
    args.from_sequence = true;
    // tp_call gets that tuple itself: nothing packs them again.
    args.packed = star_tuple.get();
    if (heap_.profile().call_ex_releases_tuple && heap_.type_of(function.get()) == TypeTag::kFunction) {
      args.packed = kNoObject;
      star_tuple.Reset();
    }
  }
  Ref result = CallFromPython(function.get(), std::move(args), &function);
  star_tuple.Reset();
  return result;
}

Ref Interpreter::CallFromPython(ObjectId callable, CallArgs args, Ref* stack_ref) {
  switch (heap_.type_of(callable)) {
    case TypeTag::kFunction:
      return CallFunction(callable, std::move(args), CallSite::kFromPython);
    case TypeTag::kMethod: {
      const BoundBody body = heap_.bound(callable);
      args.positional.insert(args.positional.begin(), heap_.NewRef(body.self));
      args.self_lent = true;
      if (stack_ref == nullptr || !heap_.profile().call_unpacks_bound_method) {
        return CallFunction(body.callable, std::move(args), CallSite::kFromPython);
      }
      // The stack's method gives way to its function and self.
      Ref function = heap_.NewRef(body.callable);
      stack_ref->Reset();
      return CallFunction(function.get(), std::move(args), CallSite::kFromPython);
    }
    default:
      return Call(callable, std::move(args));
  }
}

bool Interpreter::BindsBeforeArguments(ObjectId receiver, const std::string& name) {
  const TypeTag type = heap_.type_of(receiver);
  if (type == TypeTag::kSuper) return true;  // super's getattro is not the generic one
  // A mappingproxy's AttributeError comes before the arguments.
  if (type == TypeTag::kMappingProxy) return !IsMappingProxyMethod(name);
  // A method the profile's CPython lacks: LOAD_METHOD's AttributeError
  // comes before the arguments.
  if (const std::optional<Builtin> method = FindMethod(type, name)) {
    if (!MethodExists(heap_.profile(), *method)) return true;
  }
  if (type != TypeTag::kInstance && type != TypeTag::kClass) return false;
  const ObjectId cls = type == TypeTag::kInstance ? heap_.instance(receiver).cls : receiver;
  Ref key = IdentifierStr(heap_, name);
  const ObjectId found = ClassLookup(heap_, cls, key.get());
  if (found == kNoObject || !IsDescriptorObject(heap_, found)) return false;
  return type == TypeTag::kClass || heap_.type_of(found) == TypeTag::kProperty ||
         InstanceGetAttr(heap_, receiver, key.get()) == kNoObject;
}

Ref Interpreter::CallMethod(Ref self_ref, const std::string& name, CallArgs args) {
  const ObjectId self = self_ref.get();
  const TypeTag type = heap_.type_of(self);
  if (type == TypeTag::kMappingProxy && IsMappingProxyMethod(name)) {
    return CallMappingProxyMethod(*this, self, name, args);
  }
  if (type == TypeTag::kInstance) {
    Ref key = IdentifierStr(heap_, name);
    if (InstanceGetAttr(heap_, self, key.get()) == kNoObject) {
      const ObjectId found = ClassLookup(heap_, heap_.instance(self).cls, key.get());
      if (found != kNoObject && heap_.type_of(found) == TypeTag::kFunction) {
        // The receiver's reference becomes the first argument (LOAD_METHOD).
        args.positional.insert(args.positional.begin(), std::move(self_ref));
        Ref function = heap_.NewRef(found);
        return CallFunction(function.get(), std::move(args), CallSite::kFromPython);
      }
      if (found == kNoObject) {
        if (const std::optional<Builtin> method = FindMethod(type, name)) {
          // object's own methods (__sizeof__), unbound as LOAD_METHOD leaves them.
          Ref result = CallBuiltinPacking(*this, *method, self, args);
          ReleaseCallArguments(heap_.profile(), args);
          return result;
        }
      }
    }
  } else if (const std::optional<Builtin> method = NamedTupleMethod(heap_, self, name)) {
    Ref result = CallNamedTupleBuiltin(*this, *method, self, args);
    ReleaseCallArguments(heap_.profile(), args);
    return result;
  } else if (name == "fromkeys" && heap_.type_of(self) == TypeTag::kBuiltinType &&
             heap_.object(self).subtype == static_cast<uint8_t>(Builtin::kTypeCounter)) {
    // Counter.fromkeys(...), a class method that raises (called, not taken
    // as an object: a bound method heapsim does not make).
    Ref result = CallCounterBuiltin(*this, Builtin::kCounterFromKeys, self, args);
    ReleaseCallArguments(heap_.profile(), args);
    return result;
  } else if (IsCounter(heap_, self)) {
    if (const std::optional<Builtin> method = FindCounterMethod(heap_, name)) {
      // With keywords a dict method is looked up and bound (LOAD_ATTR
      // before 3.11); Counter's own are Python functions (NoteCounterCode).
      if (!args.keywords.empty() && !IsCounterBuiltin(*method)) heap_.BindTransientMethod();
      Ref result = CallBuiltinPacking(*this, *method, self, args);
      ReleaseCallArguments(heap_.profile(), args);
      return result;
    }
  } else if (IsOrderedDict(heap_, self)) {
    if (const std::optional<Builtin> method = FindOrderedDictMethod(name)) {
      // With keywords the method is looked up and bound (LOAD_ATTR before
      // 3.11), which leaves a trace only with a free list of them (3.8).
      if (!args.keywords.empty()) heap_.BindTransientMethod();
      Ref result = CallBuiltinPacking(*this, *method, self, args);
      ReleaseCallArguments(heap_.profile(), args);
      return result;
    }
  } else if (const std::optional<Builtin> method = FindMethod(type, name)) {
    Ref result = CallBuiltinPacking(*this, *method, self, args);
    ReleaseCallArguments(heap_.profile(), args);
    return result;
  }
  Ref bound = GetAttr(self, name);
  if (!bound) return Ref();
  return CallFromPython(bound.get(), std::move(args), &bound);
}

Ref Interpreter::Call(ObjectId callable, CallArgs args) {
  switch (heap_.type_of(callable)) {
    case TypeTag::kFunction:
      return CallFunction(callable, std::move(args));
    case TypeTag::kMethod: {
      const BoundBody body = heap_.bound(callable);
      args.positional.insert(args.positional.begin(), heap_.NewRef(body.self));
      args.self_lent = true;
      return CallFunction(body.callable, std::move(args));
    }
    case TypeTag::kBuiltinFunction:
    case TypeTag::kBuiltinType: {
      const Builtin builtin = static_cast<Builtin>(
          heap_.type_of(callable) == TypeTag::kBuiltinFunction ? heap_.bound(callable).builtin
                                                               : heap_.object(callable).subtype);
      const ObjectId self =
          heap_.type_of(callable) == TypeTag::kBuiltinFunction ? heap_.bound(callable).self
                                                               : callable;
      if (heap_.type_of(callable) == TypeTag::kBuiltinFunction) {
        Ref result = CallBuiltinPacking(*this, builtin, self, args);
        ReleaseCallArguments(heap_.profile(), args);
        // weakref.py's methods are Python functions: what their frame held
        // is finalized before the caller goes on.
        if (IsWeakContainerBuiltin(builtin) && heap_.has_pending_finalizers() &&
            !RunPendingFinalizers()) {
          result.Reset();
        }
        return result;
      }
      // Builtin types build their keyword dict themselves (dict() merges it).
      Ref packed;
      if (builtin != Builtin::kExceptionClass && !heap_.cls(callable).vectorcall &&
          !args.str_call_specialised && args.packed == kNoObject) {
        packed = PackArguments(heap_, args);
        args.packed = packed.get();
      }
      Ref result = CallBuiltin(*this, builtin, self, args);
      packed.Reset();
      ReleaseCallArguments(heap_.profile(), args);
      if (IsWeakContainerBuiltin(builtin) && heap_.has_pending_finalizers() &&
          !RunPendingFinalizers()) {
        result.Reset();
      }
      return result;
    }
    case TypeTag::kWeakRef: {
      if (!IsWeakProxy(heap_, callable)) return CallWeakRef(*this, callable, args);
      if (heap_.weakref(callable).kind == WeakRefKind::kProxy) {
        Raise(PyError(PyExc::kTypeError,
                      absl::StrCat("'", TypeName(heap_, callable), "' object is not callable")));
        return Ref();
      }
      const ObjectId referent = WeakProxyReferent(*this, callable);
      if (referent == kNoObject) return Ref();
      if (heap_.type_of(referent) != TypeTag::kFunction || !args.keywords.empty()) {
        Refuse(absl::StrCat("calling a weakref.proxy of a '", TypeName(heap_, referent), "'",
                            args.keywords.empty() ? "" : " with keywords"));
        return Ref();
      }
      // proxy_call: tp_call packs the arguments, PyObject_Call passes them
      // on to the function from C.
      Ref packed = PackArguments(heap_, args);
      args.borrowed = true;
      Ref result = CallFunction(referent, std::move(args));
      packed.Reset();
      return result;
    }
    case TypeTag::kWeakContainer:
      return CallWeakContainerObject(*this, callable, args);
    case TypeTag::kPartial:
      return CallPartial(*this, callable, std::move(args));
    case TypeTag::kLruCache:
      return CallLruCache(*this, callable, std::move(args));
    case TypeTag::kLruCacheDecorator:
      return CallLruCacheDecorator(*this, callable, std::move(args));
    case TypeTag::kMethodWrapper: {
      // wrapper_call gets its arguments packed (tp_call).
      Ref packed = PackArguments(heap_, args);
      const ObjectId self = heap_.bound(callable).self;
      Ref result = ExceptionArgs(heap_, self) != kNoObject
                       ? InitException(self, args, packed.get() != kNoObject
                                                       ? packed.get()
                                                       : heap_.empty_tuple())
                       : CallObjectInit(self, args);
      packed.Reset();
      ReleaseCallArguments(heap_.profile(), args);
      return result;
    }
    case TypeTag::kNamedTupleType: {
      Ref result = InstantiateNamedTuple(*this, callable, args);
      ReleaseCallArguments(heap_.profile(), args);
      return result;
    }
    case TypeTag::kClass: {
      Ref packed = args.packed == kNoObject ? PackArguments(heap_, args) : Ref();
      if (IsExceptionClass(heap_, callable)) {
        const ObjectId arguments = packed ? packed.get() : args.packed;
        Ref instance = InstantiateExceptionClass(callable, arguments, std::move(args));
        packed.Reset();
        return instance;
      }
      Ref instance = Instantiate(callable, std::move(args));
      packed.Reset();
      return instance;
    }
    case TypeTag::kInstance:
      if (const ObjectId method = SpecialCallMethod(heap_, callable); method != kNoObject) {
        return CallInstance(callable, method, std::move(args));
      }
      [[fallthrough]];
    default:
      Raise(PyError(PyExc::kTypeError,
                    absl::StrCat("'", TypeName(heap_, callable), "' object is not callable")));
      return Ref();
  }
}

bool Interpreter::BindArguments(const CodeUnit& unit, ObjectId function, CallArgs& args,
                                std::vector<ObjectId>* slots) {
  const bool copy =
      (heap_.profile().call_copies_arguments && !args.from_sequence) || args.borrowed;
  const FunctionBody& body = heap_.function(function);
  const std::string& fname =
      heap_.profile().messages.qualified_function_names ? unit.qualname : unit.name;
  auto take = [&](Ref& value) -> ObjectId {
    return copy ? heap_.NewRef(value.get()).release() : value.release();
  };
  const size_t positional = unit.positional_count;
  const size_t given = args.positional.size();
  for (size_t i = 0; i < given && i < positional; ++i) {
    (*slots)[i] = i == 0 && args.self_lent && !args.borrowed ? args.positional[0].release()
                                                              : take(args.positional[i]);
  }
  if (given > positional && unit.varargs_slot >= 0) {
    std::vector<ObjectId> extra;
    for (size_t i = positional; i < given; ++i) extra.push_back(args.positional[i].get());
    (*slots)[unit.varargs_slot] = NewTupleOf(heap_, extra).release();
    if (!copy) {
      for (size_t i = positional; i < given; ++i) args.positional[i].Reset();
    }
  } else if (unit.varargs_slot >= 0) {
    (*slots)[unit.varargs_slot] = heap_.NewRef(heap_.empty_tuple()).release();
  }
  // Keywords before the count of positional ones, as CPython binds them.
  // They match the parameters after the positional-only ones.
  Ref kwargs;
  if (unit.kwargs_slot >= 0) kwargs = NewDict(heap_);
  const size_t kw_first = positional + (unit.varargs_slot >= 0 ? 1 : 0);
  for (auto& [name, value] : args.keywords) {
    size_t slot = unit.positional_only_count;
    for (; slot < kw_first + unit.keyword_only_count; ++slot) {
      if (slot >= positional && slot < kw_first) continue;
      if (unit.slot_names[slot] == name) break;
    }
    if (slot == kw_first + unit.keyword_only_count) {
      if (kwargs) {
        Ref key = NewStr(heap_, name);
        DictSetItem(heap_, kwargs.get(), key.get(), value.get()).IgnoreError();
        if (!copy) value.Reset();
        continue;
      }
      // Every positional-only parameter a keyword names, in their order,
      // before the unexpected one.
      std::vector<std::string> positional_only;
      for (size_t i = 0; i < unit.positional_only_count; ++i) {
        for (const auto& keyword : args.keywords) {
          if (unit.slot_names[i] == keyword.first) {
            positional_only.push_back(keyword.first);
            break;
          }
        }
      }
      if (!positional_only.empty()) {
        Raise(PyError(PyExc::kTypeError,
                      absl::StrCat(fname,
                                   "() got some positional-only arguments passed as "
                                   "keyword arguments: '",
                                   absl::StrJoin(positional_only, ", "), "'")));
        return false;
      }
      Raise(PyError(PyExc::kTypeError, absl::StrCat(fname, "() got an unexpected keyword argument '",
                                                    name, "'")));
      return false;
    }
    if ((*slots)[slot] != kNoObject) {
      Raise(PyError(PyExc::kTypeError,
                    absl::StrCat(fname, "() got multiple values for argument '", name, "'")));
      return false;
    }
    (*slots)[slot] = take(value);
  }
  if (given > positional && unit.varargs_slot < 0) {
    const size_t defaults =
        body.defaults == kNoObject ? 0 : TupleItems(heap_, body.defaults).size();
    Raise(PyError(PyExc::kTypeError, TooManyPositional(fname, unit, defaults, given, *slots)));
    return false;
  }
  if (kwargs) (*slots)[unit.kwargs_slot] = kwargs.release();
  // Defaults fill the last positional parameters.
  const std::vector<ObjectId> defaults =
      body.defaults == kNoObject ? std::vector<ObjectId>() : TupleItems(heap_, body.defaults);
  std::vector<std::string> missing;
  for (size_t i = 0; i < positional; ++i) {
    if ((*slots)[i] != kNoObject) continue;
    const size_t from_end = positional - i;
    if (from_end <= defaults.size()) {
      (*slots)[i] = heap_.NewRef(defaults[defaults.size() - from_end]).release();
    } else {
      missing.push_back(unit.slot_names[i]);
    }
  }
  for (size_t k = 0; k < unit.keyword_only_count; ++k) {
    const size_t slot = kw_first + k;
    if ((*slots)[slot] != kNoObject) continue;
    ObjectId fallback = kNoObject;
    if (body.kw_defaults != kNoObject) {
      Ref key = InternStr(heap_, unit.slot_names[slot]);
      fallback = DictLookup(heap_, body.kw_defaults, key.get()).value_or(kNoObject);
    }
    if (fallback == kNoObject) {
      Raise(PyError(PyExc::kTypeError,
                    absl::StrCat(fname, "() missing 1 required keyword-only argument: '",
                                 unit.slot_names[slot], "'")));
      return false;
    }
    (*slots)[slot] = heap_.NewRef(fallback).release();
  }
  if (!missing.empty()) {
    std::string names;
    for (size_t i = 0; i < missing.size(); ++i) {
      if (i > 0) names += missing.size() == 2 ? " and " : (i + 1 == missing.size() ? ", and " : ", ");
      absl::StrAppend(&names, "'", missing[i], "'");
    }
    Raise(PyError(PyExc::kTypeError,
                  absl::StrCat(fname, "() missing ", missing.size(), " required positional argument",
                               missing.size() == 1 ? "" : "s", ": ", names)));
    return false;
  }
  return true;
}

Ref Interpreter::CallFunction(ObjectId function, CallArgs args, CallSite site) {
  const CodeBody& code = heap_.code(heap_.function(function).code);
  const std::shared_ptr<Program> program = session_.programs[code.program];
  const CodeUnit& unit = program->units[code.unit];
  if (const CallRoom room = RoomForCall(site); room != CallRoom::kAllowed) {
    if (room != CallRoom::kRecursionError) {
      RefuseDeepCall(room);
      return Ref();
    }
    // Whether a generator function's call enters its frame differs by
    // version (3.11+ runs its prologue).
    if (unit.generator) {
      Refuse("calling a generator function at the recursion limit");
      return Ref();
    }
    Raise(PyError(PyExc::kRecursionError, "maximum recursion depth exceeded"));
    return Ref();
  }
  // Every call is a step, so Python code a builtin drives (__next__ under
  // list(), a sort key) spends the step budget as loops do.
  if (!Step()) return Ref();
  Ref keep_function = heap_.NewRef(function);
  // The frame first (3.8-3.10 allocate its object), then the arguments.
  PushCallFrame(heap_, unit.name, heap_.function(function).code, function, unit.slot_names);
  const size_t frame = heap_.frames().depth() - 1;
  std::vector<ObjectId> slots(unit.slot_names.size(), kNoObject);
  const bool bound = BindArguments(unit, function, args, &slots);
  heap_.frames().at(frame).slots = slots;
  if (!bound) {
    PopCallFrame(heap_);
    return Ref();
  }
  // Cells for captured variables, then the closure's cells.
  for (uint32_t slot : unit.cell_slots) {
    ObjectId& value = heap_.frames().at(frame).slots[slot];
    Ref cell = NewCell(heap_, value);
    if (value != kNoObject) heap_.DecRef(value);
    heap_.frames().at(frame).slots[slot] = cell.release();
  }
  const ObjectId closure = heap_.function(function).closure;
  for (size_t i = 0; i < unit.free_slots.size(); ++i) {
    const ObjectId cell = TupleItems(heap_, closure)[i];
    heap_.IncRef(cell);
    heap_.frames().at(frame).slots[unit.free_slots[i]] = cell;
  }
  if (unit.generator) {
    // The bound frame goes into the generator, which runs it when resumed.
    Frame bound_frame = heap_.frames().Pop();
    Ref generator = GeneratorFunctions::Create(*this, function, code.program, code.unit,
                                               std::move(bound_frame.slots),
                                               bound_frame.heap_frame);
    ReleaseCallArguments(heap_.profile(), args);
    return generator;
  }
  const Context saved = context_;
  context_.caller = &saved;
  context_.program = program.get();
  context_.unit = &unit;
  context_.frame = frame;
  context_.class_namespace = kNoObject;
  context_.program_index = code.program;
  ++depth_;
  const uint32_t c_entered = site == CallSite::kFromC ? 1 : 0;
  c_entered_depth_ += c_entered;
  CountWarmup(unit);  // RESUME
  CountCallEvaluation(unit);
  Ref result;
  if (unit.kind == UnitKind::kLambda) {
    result = Eval(*unit.expression);
  } else {
    const Flow flow = ExecBlock(unit.body);
    if (flow == Flow::kReturn) {
      result = std::move(return_value_);
    } else if (flow != Flow::kError) {
      result = heap_.NewRef(heap_.none());
    }
  }
  c_entered_depth_ -= c_entered;
  LeaveFrame();
  context_ = saved;
  if (!CheckFrameEndsFreeOfTracebacks()) result.Reset();
  if (result) {
    PopCallFrame(heap_);
  } else {
    PopFrameOnError();
  }
  ReleaseCallArguments(heap_.profile(), args);
  // The frame's locals are gone: their finalizers run before the caller
  // goes on.
  RefuseFinalizersOfUnwoundFrame();
  if (heap_.has_pending_finalizers() && !RunPendingFinalizers()) result.Reset();
  return result;
}

Ref Interpreter::MakeFunction(uint32_t unit_index, std::vector<Ref> defaults, Ref kw_defaults,
                              Ref annotations) {
  const CodeUnit& unit = context_.program->units[unit_index];
  Ref defaults_tuple;
  if (!defaults.empty()) {
    std::vector<ObjectId> owned;
    for (Ref& d : defaults) owned.push_back(d.release());
    defaults_tuple = NewTuple(heap_, std::move(owned));
  }
  Ref closure;
  if (!unit.closure_sources.empty()) {
    std::vector<ObjectId> cells;
    for (uint32_t source : unit.closure_sources) {
      cells.push_back(heap_.frames().at(context_.frame).slots[source]);
    }
    closure = NewTupleOf(heap_, cells);
  }
  return NewFunction(heap_, unit.code_object, heap_.frames().module_frame().globals,
                     std::move(defaults_tuple), std::move(kw_defaults), std::move(closure),
                     unit.qualname, std::move(annotations));
}

Ref Interpreter::CallInstance(ObjectId instance, ObjectId method, CallArgs args) {
  if (heap_.type_of(method) != TypeTag::kFunction) {
    Refuse(absl::StrCat("a special method bound to a '", TypeName(heap_, method),
                        "' object rather than a function"));
    return Ref();
  }
  if (!args.keywords.empty()) {
    // _PyStack_UnpackDict's copies, names tuple and buffers are not modelled.
    Refuse("calling an instance (its __call__) with keyword arguments");
    return Ref();
  }
  // slot_tp_call gets its arguments packed (tp_call) and prepends the
  // instance on a stack the frame copies from: a C array for up to five
  // (_PY_FASTCALL_SMALL_STACK), else a block of its own.
  // f(*args) hands over the tuple CALL_FUNCTION_EX holds (`args` stands for
  // its references).
  Ref keep_method = heap_.NewRef(method);
  Ref packed = args.from_sequence ? Ref() : PackArguments(heap_, args);
  const uint64_t stack_size = args.positional.size() + 1;
  const uint64_t stack_block = stack_size > 5 ? heap_.AllocateBuffer(8 * stack_size) : 0;
  CallArgs call;
  call.from_sequence = true;  // the frame takes these references
  call.positional.push_back(heap_.NewRef(instance));
  for (Ref& arg : args.positional) {
    call.positional.push_back(args.from_sequence ? std::move(arg) : heap_.NewRef(arg.get()));
  }
  Ref result = CallFunction(method, std::move(call));
  heap_.FreeBuffer(stack_block);
  packed.Reset();
  ReleaseCallArguments(heap_.profile(), args);
  return result;
}

Ref Interpreter::Instantiate(ObjectId cls, CallArgs args) {
  Ref instance = NewInstance(heap_, cls);
  Ref init_key = IdentifierStr(heap_, "__init__");
  const ObjectId init = ClassLookup(heap_, cls, init_key.get());
  if (init == kNoObject) {
    if (!args.positional.empty() || !args.keywords.empty()) {
      Raise(PyError(PyExc::kTypeError,
                    absl::StrCat(heap_.cls(cls).name, "() takes no arguments")));
      return Ref();
    }
    return instance;
  }
  return RunInit(init, std::move(instance), std::move(args));
}

Ref Interpreter::RunInit(ObjectId init, Ref instance, CallArgs args) {
  if (heap_.type_of(init) != TypeTag::kFunction) {
    Raise(PyError(PyExc::kTypeError, "__init__ is not a function"));
    return Ref();
  }
  args.positional.insert(args.positional.begin(), heap_.NewRef(instance.get()));
  args.borrowed = true;  // type.__call__ passes them from C
  Ref result = CallFunction(init, std::move(args));
  if (!result) return Ref();
  if (heap_.type_of(result.get()) != TypeTag::kNone) {
    Raise(PyError(PyExc::kTypeError, absl::StrCat("__init__() should return None, not '",
                                                  TypeName(heap_, result.get()), "'")));
    return Ref();
  }
  return instance;
}

// ---- Comprehensions ----

Ref Interpreter::EvalComprehension(const Expr& expr) {
  const CodeUnit& unit = context_.program->units[expr.unit];
  // The compiler inlines a comprehension (3.12+) unless something in it
  // needs a frame of its own; an inlined one has no code object.
  const bool inlined = unit.code_object == kNoObject;
  Ref function;
  if (!inlined) function = MakeFunction(expr.unit, {}, Ref());
  // The first iterable is evaluated in the enclosing scope.
  Ref iterable = Eval(*expr.clauses[0].iterable);
  if (!iterable) return Ref();
  Ref iterator = GetIter(iterable.get());
  iterable.Reset();
  if (!iterator) return Ref();
  if (expr.comprehension == ComprehensionKind::kGenerator) {
    return NewGeneratorExpression(*this, expr, context_.program_index, function.get(),
                                  std::move(iterator));
  }
  return RunComprehension(expr, unit, std::move(iterator), function.get());
}

Ref Interpreter::RunComprehension(const Expr& expr, const CodeUnit& unit, Ref first_iterator,
                                  ObjectId function) {
  const bool own_frame = function != kNoObject;
  const Context saved = context_;
  size_t frame = context_.frame;
  if (own_frame) {
    PushCallFrame(heap_, unit.name, heap_.function(function).code, function, unit.slot_names);
    frame = heap_.frames().depth() - 1;
    // Empty cells for the variables its lambdas capture, then the closure's.
    for (uint32_t slot : unit.cell_slots) {
      heap_.frames().at(frame).slots[slot] = NewCell(heap_, kNoObject).release();
    }
    const ObjectId closure = heap_.function(function).closure;
    for (size_t i = 0; i < unit.free_slots.size(); ++i) {
      const ObjectId cell = TupleItems(heap_, closure)[i];
      heap_.IncRef(cell);
      heap_.frames().at(frame).slots[unit.free_slots[i]] = cell;
    }
    context_.unit = &unit;
    context_.frame = frame;
    context_.class_namespace = kNoObject;
    context_.caller = &saved;
    ++depth_;
    CountWarmup(unit);  // RESUME
    CountCallEvaluation(unit);
  }
  Ref result;
  switch (expr.comprehension) {
    case ComprehensionKind::kList:
      result = NewList(heap_, 0);
      break;
    case ComprehensionKind::kSet:
      result = NewSet(heap_, false);
      break;
    case ComprehensionKind::kDict:
      result = NewDict(heap_);
      break;
    case ComprehensionKind::kGenerator:
      break;
  }
  const bool ok = ComprehensionLoop(expr, 0, first_iterator.get(), [&]() -> bool {
    if (expr.comprehension == ComprehensionKind::kDict) {
      Ref key = Eval(*expr.operands[0]);
      if (!key) return false;
      Ref value = Eval(*expr.operands[1]);
      if (!value) return false;
      absl::Status s = DictSetItem(heap_, result.get(), key.get(), value.get());
      if (!s.ok()) Raise(s);
      return s.ok();
    }
    Ref element = Eval(*expr.operands[0]);
    if (!element) return false;
    if (expr.comprehension == ComprehensionKind::kList) {
      ListAppend(heap_, result.get(), element.get());
      return true;
    }
    absl::Status s = SetAdd(heap_, result.get(), element.get());
    if (!s.ok()) Raise(s);
    return s.ok();
  });
  if (own_frame) {
    LeaveFrame();
    if (ok) {
      PopCallFrame(heap_);
    } else {
      PopFrameOnError();
    }
    RefuseFinalizersOfUnwoundFrame();
  }
  context_ = saved;
  first_iterator.Reset();
  // An inlined comprehension gives its variables back (3.12+: the
  // enclosing frame's slots are restored to empty).
  for (uint32_t slot : expr.hidden_slots) {
    ObjectId& value = heap_.frames().at(context_.frame).slots[slot];
    const ObjectId old = std::exchange(value, kNoObject);
    if (old != kNoObject) heap_.DecRef(old);
  }
  if (!ok) return Ref();
  return result;
}

bool Interpreter::ComprehensionLoop(const Expr& expr, size_t clause, ObjectId iterator,
                                    const std::function<bool()>& emit) {
  const ComprehensionClause& c = expr.clauses[clause];
  while (true) {
    if (!Step()) return false;
    Ref item = Next(iterator);
    if (!item) return !has_error();
    // At most one warm-up event per iteration (its jump back).
    CountWarmup(*context_.unit);
    if (!Assign(*c.target, std::move(item))) return false;
    bool pass = true;
    for (const ExprPtr& condition : c.conditions) {
      Ref test = Eval(*condition);
      if (!test) return false;
      const int truth = TruthOf(*this, test.get());
      if (truth < 0) return false;
      if (truth == 0) {
        pass = false;
        break;
      }
    }
    if (!pass) continue;
    if (clause + 1 == expr.clauses.size()) {
      if (!emit()) return false;
      continue;
    }
    Ref inner_iterable = Eval(*expr.clauses[clause + 1].iterable);
    if (!inner_iterable) return false;
    Ref inner = GetIter(inner_iterable.get());
    inner_iterable.Reset();
    if (!inner) return false;
    if (!ComprehensionLoop(expr, clause + 1, inner.get(), emit)) return false;
  }
}

}  // namespace heapsim::script
