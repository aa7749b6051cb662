// Exception classes of the script (`class E(ValueError): ...`): the builtin
// exception types they may derive from, their instances' construction and
// BaseException.__init__, the error raising one makes, and matching them in
// `except` clauses.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "server/heap/dict_object.h"
#include "server/heap/instance_object.h"
#include "server/heap/py_error.h"
#include "server/heap/str_object.h"
#include "server/heap/tuple_object.h"
#include "server/heap/value_ops.h"
#include "server/script/builtins.h"
#include "server/script/interpreter.h"
#include "server/script/special_methods.h"

namespace heapsim::script {

namespace {

// The builtin exception types a class of the script may derive from, each
// with its base. Their instances are plain BaseException objects; the
// others are refused: BaseException (not caught by `except Exception`,
// which heapsim assumes of every error), and AttributeError, NameError,
// UnboundLocalError and StopIteration, whose instances have fields of
// their own.
struct BuiltinExceptionBase {
  std::string_view name;
  std::string_view base;
};
constexpr BuiltinExceptionBase kSubclassableExceptions[] = {
    {"ArithmeticError", "Exception"},   {"AssertionError", "Exception"},
    {"Exception", "BaseException"},     {"IndexError", "LookupError"},
    {"KeyError", "LookupError"},        {"LookupError", "Exception"},
    {"NotImplementedError", "RuntimeError"}, {"OverflowError", "ArithmeticError"},
    {"RecursionError", "RuntimeError"}, {"RuntimeError", "Exception"},
    {"TypeError", "Exception"},         {"ValueError", "Exception"},
    {"ZeroDivisionError", "ArithmeticError"},
};

const BuiltinExceptionBase* FindSubclassable(std::string_view name) {
  for (const BuiltinExceptionBase& entry : kSubclassableExceptions) {
    if (entry.name == name) return &entry;
  }
  return nullptr;
}

// Names a class body may not bind in an exception class: what heapsim does
// not model for BaseException objects.
constexpr std::string_view kRefusedBodyNames[] = {"__slots__", "__del__"};

}  // namespace

bool Interpreter::BuiltinExceptionMro(ObjectId base, std::vector<ObjectId>* mro) {
  const std::string& name = heap_.cls(base).name;
  if (FindSubclassable(name) == nullptr) {
    Refuse(absl::StrCat("a class derived from ", name,
                        " (exception classes may derive from Exception and its subclasses "
                        "other than AttributeError, NameError and StopIteration)"));
    return false;
  }
  for (std::string_view type = name; !type.empty();) {
    mro->push_back(TypeObject(std::string(type)));
    const BuiltinExceptionBase* entry = FindSubclassable(type);
    type = entry != nullptr ? entry->base : std::string_view();
    if (entry == nullptr) break;
  }
  mro->push_back(session_.builtin_objects[static_cast<size_t>(Builtin::kTypeObject)]);
  return true;
}

bool Interpreter::CheckExceptionClassBody(const std::string& class_name, ObjectId ns) {
  if (IsExceptionName(class_name)) {
    // `except` clauses name builtin exceptions by name.
    Refuse(absl::StrCat("an exception class named after the builtin '", class_name, "'"));
    return false;
  }
  for (std::string_view name : kRefusedBodyNames) {
    Ref key = IdentifierStr(heap_, name);
    absl::StatusOr<ObjectId> found = DictLookup(heap_, ns, key.get());
    if (found.ok() && *found != kNoObject) {
      Refuse(absl::StrCat("'", std::string(name), "' in the body of an exception class"));
      return false;
    }
  }
  return true;
}

Ref Interpreter::InstantiateExceptionClass(ObjectId cls, ObjectId packed, CallArgs args) {
  // BaseException.__new__ keeps the call's argument tuple as args.
  Ref instance =
      NewExceptionInstance(heap_, cls, packed != kNoObject ? packed : heap_.empty_tuple());
  Ref init_key = IdentifierStr(heap_, "__init__");
  const ObjectId init = ClassLookup(heap_, cls, init_key.get());
  if (init == kNoObject) {
    // BaseException.__init__ stores the same tuple again.
    if (!args.keywords.empty()) {
      Raise(PyError(PyExc::kTypeError,
                    absl::StrCat(heap_.cls(cls).name, "() takes no keyword arguments")));
      return Ref();
    }
    return instance;
  }
  return RunInit(init, std::move(instance), std::move(args));
}

Ref Interpreter::InitException(ObjectId self, const CallArgs& args, ObjectId packed) {
  if (!args.keywords.empty()) {
    Raise(PyError(PyExc::kTypeError, absl::StrCat(heap_.cls(heap_.instance(self).cls).name,
                                                  "() takes no keyword arguments")));
    return Ref();
  }
  Ref new_args;
  if (packed != kNoObject) {
    new_args = heap_.NewRef(packed);
  } else {
    std::vector<ObjectId> items;
    for (const Ref& arg : args.positional) items.push_back(arg.get());
    new_args = NewTupleOf(heap_, items);
  }
  const ObjectId old = std::exchange(heap_.instance(self).args, new_args.release());
  heap_.DecRef(old);
  return heap_.NewRef(heap_.none());
}

bool Interpreter::RaiseExceptionInstance(Ref exception) {
  const ObjectId cls = heap_.instance(exception.get()).cls;
  const std::string& base_name = heap_.cls(heap_.cls(cls).exception_base).name;
  const PyExc exc = PyExcFromName(base_name).value_or(PyExc::kException);
  const std::string& module = heap_.cls(cls).module;
  const std::string shown = absl::StrCat(
      !module.empty() ? module + "."
      : heap_.profile().messages.uncaught_class_names_module ? "__main__."
                                                              : "",
      heap_.cls(cls).name);
  if ((SpecialMethods(heap_, exception.get()) & kSpecialStr) != 0) {
    // The traceback calls __str__ when nothing catches it; str(e) in a
    // handler calls it there.
    const std::string_view file = context_.program != nullptr
                                      ? std::string_view(context_.program->filename)
                                      : "<input>";
    Raise(WithUncaughtRefusal(
        PyErrorOfClass(exc, shown, ""),
        absl::StrCat(std::string(file), ":", context_.position.line, ":",
                     context_.position.column,
                     ": unsupported: an uncaught exception whose class defines __str__ (the "
                     "traceback's last line would call it)")));
  } else {
    absl::StatusOr<std::string> detail = StrChecked(heap_, exception.get(), 0);
    if (!detail.ok()) {
      Raise(detail.status());
      return false;
    }
    Raise(PyErrorOfClass(exc, shown, *detail));
  }
  error_exception_ = std::move(exception);
  class_error_ = error_;
  return false;
}

int Interpreter::ExceptionClassMatches(const std::string& type) {
  const ObjectId raised = error_exception_.get();
  if (raised == kNoObject || heap_.type_of(raised) != TypeTag::kInstance) return 0;
  for (const std::string& local : context_.unit->slot_names) {
    if (local == type) {
      CatchError().IgnoreError();
      Refuse(absl::StrCat("an except clause naming the local '", type,
                          "' (heapsim matches exception classes by their global name)"));
      return -1;
    }
  }
  Ref key = InternStr(heap_, type);
  absl::StatusOr<ObjectId> cls =
      DictLookup(heap_, heap_.frames().module_frame().globals, key.get());
  if (!cls.ok() || *cls == kNoObject || !IsExceptionClass(heap_, *cls)) return 0;
  return IsSubclassOf(heap_, heap_.instance(raised).cls, *cls) ? 1 : 0;
}

}  // namespace heapsim::script
