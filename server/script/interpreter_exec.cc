// Executing statements, and the entry points that run a module or evaluate
// an expression.

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "server/heap/bytes_object.h"
#include "server/heap/dict_object.h"
#include "server/heap/frames.h"
#include "server/heap/function_object.h"
#include "server/heap/gc_timing.h"
#include "server/heap/instance_object.h"
#include "server/heap/int_object.h"
#include "server/heap/iterator_object.h"
#include "server/heap/list_object.h"
#include "server/heap/ordereddict_object.h"
#include "server/heap/py_error.h"
#include "server/heap/set_object.h"
#include "server/heap/str_object.h"
#include "server/heap/tuple_object.h"
#include "server/heap/value_ops.h"
#include "server/script/builtins.h"
#include "server/script/class_slots.h"
#include "server/script/generator_function.h"
#include "server/script/interpreter.h"
#include "server/script/module_copy.h"
#include "server/script/module_random.h"
#include "server/script/specialised_compare.h"
#include "server/script/operators.h"
#include "server/script/special_methods.h"

namespace heapsim::script {

namespace {

bool IsPythonError(const absl::Status& status) { return PyErrorType(status).has_value(); }

// At most how far one class statement moves CPython's generation-0 count
// away from the model's: the GC objects __build_class__ and type() make and
// free that heapsim does not model one by one (the weak reference in the
// base's tp_subclasses and, for a base's first subclass, that dict; the
// argument tuple of the type() call, free-list tuples and dicts that are
// not counted; before 3.11 the body's frame, kept by its code object).
// Measured on every profile, CPython counts 1 more than the model for a
// class of object, 2 more with __slots__ or for a base's later subclass, 3
// for its first.
constexpr uint64_t kClassStatementGcObjects = 8;

// Gives the module frame the hidden slots of `unit`'s inlined
// comprehensions (3.12+), which run in the module frame.
void AddHiddenSlots(Frame& module, const CodeUnit& unit) {
  while (module.slot_names.size() < unit.slot_names.size()) {
    module.slot_names.push_back(unit.slot_names[module.slot_names.size()]);
    module.slots.push_back(kNoObject);
  }
}

}  // namespace

absl::Status Interpreter::RunModule(const std::shared_ptr<Program>& program,
                                    uint32_t program_index) {
  const CodeUnit& unit = program->units[0];
  AddHiddenSlots(heap_.frames().module_frame(), unit);
  context_ = Context{program.get(), &unit, 0, kNoObject, program_index, Position{}};
  // SETUP_ANNOTATIONS, whose line tracemalloc would show, is not placed.
  context_.line_known = false;
  const Flow flow =
      unit.setup_annotations && !SetupAnnotations(heap_.frames().module_frame().globals)
          ? Flow::kError
          : ExecBlock(unit.body);
  if (flow == Flow::kError) {
    // The last traceback line shows a KeyError's key by its repr(), which a
    // method of the program's class would make as the traceback is printed.
    const std::optional<ObjectId> key = PyErrorArgument(error_);
    if (key.has_value() && heap_.IsLive(*key) && HasSpecialRepr(heap_, *key, false)) {
      TakeError().IgnoreError();
      Refuse("an uncaught KeyError whose key's repr() runs a special method");
    }
    absl::Status uncaught = TakeError();
    ReleaseUnwoundFrames(TakeUnwoundFrames());
    return uncaught;
  }
  return absl::OkStatus();
}

absl::StatusOr<Ref> Interpreter::EvaluateIn(const std::shared_ptr<Program>& program,
                                            uint32_t program_index, const Expr& expression) {
  AddHiddenSlots(heap_.frames().module_frame(), program->units[0]);
  context_ = Context{program.get(), &program->units[0], 0, kNoObject, program_index,
                     expression.position};
  Ref value = Eval(expression);
  if (value && heap_.has_freed_generators() && GeneratorFunctions::UnwindFreed(*this)) {
    value.Reset();
  }
  if (heap_.has_pending_finalizers() && !RunPendingFinalizers()) value.Reset();
  if (!value) return TakeError();
  return value;
}

Flow Interpreter::ExecBlock(const Block& block) {
  for (const StmtPtr& stmt : block) {
    if (limits_.before_statement) limits_.before_statement(stmt->position.line);
    Flow flow = Exec(*stmt);
    if (heap_.has_pending_finalizers() && !RunPendingFinalizers()) {
      flow = Flow::kError;
    }
    if (flow != Flow::kNormal) return flow;
    if (heap_.has_freed_generators() && GeneratorFunctions::UnwindFreed(*this)) {
      return Flow::kError;
    }
  }
  return Flow::kNormal;
}

void Interpreter::SetStatementLine(const Stmt& stmt) {
  context_.position = stmt.position;
  context_.line = static_cast<uint32_t>(stmt.position.line);
  context_.line_known = !stmt.header_spans_lines;
}

Flow Interpreter::Exec(const Stmt& stmt) {
  SetStatementLine(stmt);
  switch (stmt.kind) {
    case StmtKind::kExpr: {
      dropped_call_ = stmt.echo ? nullptr : stmt.value.get();
      Ref value = Eval(*stmt.value);
      if (!value) return Flow::kError;
      if (stmt.echo && heap_.type_of(value.get()) != TypeTag::kNone) {
        if (heap_.NeedsFinalizer(value.get())) {
          // sys.displayhook keeps it in builtins._ until the next echo.
          Refuse("echoing an object whose class defines __del__ at the prompt (CPython keeps "
                 "it in builtins._, which heapsim does not model, until the next echo)");
          return Flow::kError;
        }
        std::string text;
        if (!ReprText(*this, value.get(), false, 0, &text)) return Flow::kError;
        echoes_.push_back(std::move(text));
      }
      return Flow::kNormal;
    }
    case StmtKind::kAssign:
      return ExecAssign(stmt);
    case StmtKind::kAugAssign:
      return ExecAugAssign(stmt);
    case StmtKind::kDelete:
      for (const ExprPtr& target : stmt.targets) {
        if (ExecDelete(*target) == Flow::kError) return Flow::kError;
      }
      return Flow::kNormal;
    case StmtKind::kPass:
    case StmtKind::kGlobal:
      return Flow::kNormal;
    case StmtKind::kIf: {
      Ref test = Eval(*stmt.value);
      if (!test) return Flow::kError;
      const int truth = TruthOf(*this, test.get());
      test.Reset();
      if (truth < 0) return Flow::kError;
      return ExecBlock(truth == 1 ? stmt.body : stmt.orelse);
    }
    case StmtKind::kWhile:
      return ExecWhile(stmt);
    case StmtKind::kFor:
      return ExecFor(stmt);
    case StmtKind::kBreak:
      return Flow::kBreak;
    case StmtKind::kContinue:
      return Flow::kContinue;
    case StmtKind::kReturn:
      if (stmt.value) {
        return_value_ = Eval(*stmt.value);
        if (!return_value_) return Flow::kError;
      } else {
        return_value_ = heap_.NewRef(heap_.none());
      }
      return Flow::kReturn;
    case StmtKind::kAnnAssign:
      return ExecAnnAssign(stmt);
    case StmtKind::kFunctionDef:
      return ExecFunctionDef(stmt);
    case StmtKind::kClassDef:
      return ExecClassDef(stmt);
    case StmtKind::kImport:
      return ExecImport(stmt);
    case StmtKind::kAssert: {
      Ref test = Eval(*stmt.value);
      if (!test) return Flow::kError;
      const int truth = TruthOf(*this, test.get());
      if (truth < 0) return Flow::kError;
      if (truth == 1) return Flow::kNormal;
      std::string detail;
      if (stmt.message) {
        Ref message = Eval(*stmt.message);
        if (!message) return Flow::kError;
        if (!ReprText(*this, message.get(), true, 0, &detail)) return Flow::kError;
      }
      Raise(PyError(PyExc::kAssertionError, detail));
      return Flow::kError;
    }
    case StmtKind::kTry:
      return ExecTry(stmt);
    case StmtKind::kWith:
      return ExecWith(stmt);
    case StmtKind::kRaise: {
      if (!stmt.value) {
        if (handling_.ok()) {
          Raise(PyError(PyExc::kRuntimeError, "No active exception to reraise"));
        } else {
          Raise(handling_);
          if (error_ == handling_ && handling_exception_) {
            error_exception_ = heap_.NewRef(handling_exception_.get());
          }
        }
        return Flow::kError;
      }
      Ref exception = Eval(*stmt.value);
      if (!exception) return Flow::kError;
      // `raise X from Y` evaluates Y before do_raise makes X.
      Ref cause;
      if (stmt.message) {
        cause = Eval(*stmt.message);
        if (!cause) return Flow::kError;
      }
      if (!InstantiateException(&exception)) return Flow::kError;
      const bool of_script_class = heap_.type_of(exception.get()) == TypeTag::kInstance &&
                                   ExceptionArgs(heap_, exception.get()) != kNoObject;
      if (heap_.type_of(exception.get()) != TypeTag::kException && !of_script_class) {
        Raise(PyError(PyExc::kTypeError, "exceptions must derive from BaseException"));
        return Flow::kError;
      }
      if (of_script_class && cause) {
        Refuse("'raise ... from ...' of an exception of the script's classes (its __cause__ "
               "is not modelled)");
        return Flow::kError;
      }
      if (of_script_class) {
        RaiseExceptionInstance(std::move(exception));
        return Flow::kError;
      }
      if (cause) {
        if (!InstantiateException(&cause)) return Flow::kError;
        const TypeTag cause_type = heap_.type_of(cause.get());
        if (cause_type != TypeTag::kException && cause_type != TypeTag::kNone &&
            ExceptionArgs(heap_, cause.get()) == kNoObject) {
          Raise(PyError(PyExc::kTypeError, "exception causes must derive from BaseException"));
          return Flow::kError;
        }
        // PyException_SetCause: the exception owns its cause (and
        // __suppress_context__ is set) until it is freed.
        const ObjectId old = std::exchange(heap_.exception(exception.get()).cause, cause.release());
        if (old != kNoObject) heap_.DecRef(old);
      }
      const std::string type_name = heap_.exception(exception.get()).type_name;
      const std::optional<PyExc> exc = PyExcFromName(type_name);
      absl::StatusOr<std::string> detail = StrChecked(heap_, exception.get(), 0);
      if (!detail.ok()) {
        Raise(detail.status());
        return Flow::kError;
      }
      Raise(PyError(exc.value_or(PyExc::kException), *detail));
      // The handler binds this very object.
      if (PyErrorType(error_).has_value()) error_exception_ = std::move(exception);
      return Flow::kError;
    }
  }
  return Flow::kNormal;
}

bool Interpreter::InstantiateException(Ref* value) {
  const bool builtin_class =
      heap_.type_of(value->get()) == TypeTag::kBuiltinType &&
      static_cast<Builtin>(heap_.object(value->get()).subtype) == Builtin::kExceptionClass;
  if (!builtin_class && !IsExceptionClass(heap_, value->get())) return true;
  *value = Call(value->get(), CallArgs());
  return static_cast<bool>(*value);
}

bool Interpreter::Assign(const Expr& target, Ref value) {
  switch (target.kind) {
    case ExprKind::kName:
      return StoreName(target.name, std::move(value));
    case ExprKind::kAttribute: {
      Ref object = Eval(*target.operands[0]);
      if (!object) return false;
      return SetAttr(object.get(), target.name.text, value.get());
    }
    case ExprKind::kSubscript: {
      Ref container = Eval(*target.operands[0]);
      if (!container) return false;
      Ref key = Eval(*target.operands[1]);
      if (!key) return false;
      const bool ok = SetItem(container.get(), key.get(), value.get());
      value.Reset();
      container.Reset();
      key.Reset();
      return ok;
    }
    case ExprKind::kTuple:
    case ExprKind::kList: {
      for (size_t star = 0; star < target.operands.size(); ++star) {
        if (target.operands[star]->kind == ExprKind::kStarred) {
          return AssignStarred(target, star, std::move(value));
        }
      }
      const size_t n = target.operands.size();
      std::vector<Ref> items;
      const TypeTag type = heap_.type_of(value.get());
      if (type == TypeTag::kTuple || type == TypeTag::kList) {
        const auto& source = type == TypeTag::kTuple ? TupleItems(heap_, value.get())
                                                     : ListItems(heap_, value.get());
        if (source.size() != n) {
          Raise(PyError(PyExc::kValueError,
                        source.size() > n
                            ? absl::StrCat("too many values to unpack (expected ", n, ")")
                            : absl::StrCat("not enough values to unpack (expected ", n, ", got ",
                                           source.size(), ")")));
          return false;
        }
        for (ObjectId item : source) items.push_back(heap_.NewRef(item));
      } else {
        Ref iterator = IterForUnpacking(value.get());
        if (!iterator) return false;
        while (true) {
          Ref item = Next(iterator.get());
          if (!item) break;
          if (items.size() == n) {
            Raise(PyError(PyExc::kValueError,
                          absl::StrCat("too many values to unpack (expected ", n, ")")));
            return false;
          }
          items.push_back(std::move(item));
        }
        if (has_error()) return false;
        if (items.size() != n) {
          Raise(PyError(PyExc::kValueError,
                        absl::StrCat("not enough values to unpack (expected ", n, ", got ",
                                     items.size(), ")")));
          return false;
        }
      }
      value.Reset();  // UNPACK_SEQUENCE pops the sequence before the stores
      for (size_t i = 0; i < n; ++i) {
        if (!Assign(*target.operands[i], std::move(items[i]))) return false;
      }
      return true;
    }
    default:
      Raise(PyError(PyExc::kTypeError, "cannot assign to this target"));
      return false;
  }
}

Ref Interpreter::IterForUnpacking(ObjectId value) {
  Ref iterator = GetIter(value);
  if (!iterator && !Iterable(value)) {
    TakeError().IgnoreError();
    Raise(PyError(PyExc::kTypeError,
                  absl::StrCat("cannot unpack non-iterable ", TypeName(heap_, value), " object")));
  }
  return iterator;
}

bool Interpreter::AssignStarred(const Expr& target, size_t star, Ref value) {
  const size_t before = star;
  const size_t after = target.operands.size() - star - 1;
  auto not_enough = [&](uint64_t got) {
    Raise(PyError(PyExc::kValueError,
                  absl::StrCat("not enough values to unpack (expected at least ", before + after,
                               ", got ", got, ")")));
    return false;
  };
  // An iterable that is not an iterator itself hints its full length.
  // An instance's iterator is whatever __iter__ gave: its own hint counts.
  const bool fresh_iterator = heap_.type_of(value.get()) != TypeTag::kIterator &&
                              heap_.type_of(value.get()) != TypeTag::kRangeIterator &&
                              heap_.type_of(value.get()) != TypeTag::kGenerator &&
                              heap_.type_of(value.get()) != TypeTag::kInstance;
  const std::optional<uint64_t> length_hint =
      fresh_iterator ? LengthHint(value.get()) : std::nullopt;
  Ref iterator = IterForUnpacking(value.get());
  if (!iterator) return false;
  std::vector<Ref> items;
  for (size_t i = 0; i < before; ++i) {
    Ref item = Next(iterator.get());
    if (!item) return has_error() ? false : not_enough(i);
    items.push_back(std::move(item));
  }
  // The rest as PySequence_List(iterator): an empty list extended from the
  // iterator, sized by what the iterator says is left.
  std::optional<uint64_t> hint = LengthHint(iterator.get());
  if (has_error()) return false;
  if (fresh_iterator && length_hint.has_value()) {
    const uint64_t full = length_hint.value_or(0);
    hint = full > before ? full - before : 0;
  }
  Ref rest = NewList(heap_, 0);
  if (!ExtendListFromIterator(rest.get(), iterator.get(),
                              hint ? ExtendSource::kSized : ExtendSource::kUnsized,
                              hint.value_or(0))) {
    return false;
  }
  const uint64_t rest_length = ListItems(heap_, rest.get()).size();
  if (rest_length < after) return not_enough(before + rest_length);
  std::vector<Ref> tail = ListTakeTail(heap_, rest.get(), after);
  items.push_back(std::move(rest));
  for (Ref& item : tail) items.push_back(std::move(item));
  iterator.Reset();
  value.Reset();  // UNPACK_EX pops the sequence before the stores
  for (size_t i = 0; i < items.size(); ++i) {
    const Expr& slot = *target.operands[i];
    const Expr& store = slot.kind == ExprKind::kStarred ? *slot.operands[0] : slot;
    if (!Assign(store, std::move(items[i]))) return false;
  }
  return true;
}

Flow Interpreter::ExecAssign(const Stmt& stmt) {
  const Expr& value_expr = *stmt.value;
  // a, b = b, a: the values are stored without a tuple (ROT_TWO / SWAP).
  if (stmt.targets.size() == 1 && stmt.targets[0]->kind == ExprKind::kTuple &&
      value_expr.kind == ExprKind::kTuple && value_expr.display == DisplayBuild::kExact &&
      value_expr.operands.size() == stmt.targets[0]->operands.size() &&
      value_expr.operands.size() <= 3) {
    std::vector<Ref> values;
    for (const ExprPtr& item : value_expr.operands) {
      if (item->kind == ExprKind::kStarred) break;
      values.push_back(Eval(*item));
      if (!values.back()) return Flow::kError;
    }
    if (values.size() == value_expr.operands.size()) {
      for (size_t i = 0; i < values.size(); ++i) {
        if (!Assign(*stmt.targets[0]->operands[i], std::move(values[i]))) return Flow::kError;
      }
      return Flow::kNormal;
    }
  }
  // name = name + s: CPython drops the name's reference first, so the str
  // can grow in place (3.8 to 3.10).
  if (stmt.targets.size() == 1 && stmt.targets[0]->kind == ExprKind::kName &&
      value_expr.kind == ExprKind::kBinary && value_expr.binary_op == BinaryOp::kAdd &&
      value_expr.operands[0]->kind == ExprKind::kName &&
      value_expr.operands[0]->name.text == stmt.targets[0]->name.text &&
      value_expr.operands[0]->name.scope == stmt.targets[0]->name.scope &&
      heap_.profile().str_concat_in_place) {
    const NameRef& name = stmt.targets[0]->name;
    Ref left = Eval(*value_expr.operands[0]);
    if (!left) return Flow::kError;
    Ref right = Eval(*value_expr.operands[1]);
    if (!right) return Flow::kError;
    if (ReleaseForConcat(name, BinaryOp::kAdd, left.get(), right.get()) &&
        ConcatInPlace(BinaryOp::kAdd, left.get(), right.get())) {
      right.Reset();
      return StoreName(name, std::move(left)) ? Flow::kNormal : Flow::kError;
    }
    Ref result = BinaryOf(*this, BinaryOp::kAdd, left.get(), right.get(), false);
    left.Reset();
    right.Reset();
    if (!result) return Flow::kError;
    return StoreName(name, std::move(result)) ? Flow::kNormal : Flow::kError;
  }
  if (stmt.targets.size() == 1 && stmt.targets[0]->kind == ExprKind::kName &&
      value_expr.kind == ExprKind::kBinary) {
    binary_store_ = {&value_expr, &stmt.targets[0]->name};
  }
  Ref value = Eval(value_expr);
  binary_store_ = {};
  if (!value) return Flow::kError;
  for (size_t i = 0; i + 1 < stmt.targets.size(); ++i) {
    if (!Assign(*stmt.targets[i], heap_.NewRef(value.get()))) return Flow::kError;
  }
  return Assign(*stmt.targets.back(), std::move(value)) ? Flow::kNormal : Flow::kError;
}

bool Interpreter::ExtendList(ObjectId list, ObjectId iterable) {
  const TypeTag type = heap_.type_of(iterable);
  if (type == TypeTag::kList || type == TypeTag::kTuple) {
    const std::vector<ObjectId> items =
        type == TypeTag::kList ? ListItems(heap_, iterable) : TupleItems(heap_, iterable);
    ListExtend(heap_, list, items, ExtendSource::kListOrTuple, items.size());
    return true;
  }
  ExtendSource source = ExtendSource::kUnsized;
  // An OrderedDict is iterated as any sized iterable (not an exact dict).
  if ((type == TypeTag::kDict && !IsOrderedDict(heap_, iterable)) || type == TypeTag::kSet ||
      type == TypeTag::kFrozenSet || type == TypeTag::kDictView) {
    source = ExtendSource::kMapping;
  }
  // list_extend: the iterator first, then the iterable's length hint.
  Ref iterator = GetIter(iterable);
  if (!iterator) return false;
  const std::optional<uint64_t> hint = LengthHint(iterable);
  if (has_error()) return false;
  if (source != ExtendSource::kMapping && hint) source = ExtendSource::kSized;
  return ExtendListFromIterator(list, iterator.get(), source, hint.value_or(0));
}

bool Interpreter::ExtendListFromIterator(ObjectId list, ObjectId iterator, ExtendSource source,
                                         uint64_t hint) {
  // The hint reserves slots before any item is taken: a hint past the
  // session's limits is a MemoryError at once, as CPython's failed
  // preallocation is.
  if (absl::Status s = CheckGrowth(heap_, SizeOf(hint, 8), SizeOf(hint, sizeof(ObjectId)));
      !s.ok()) {
    Raise(s);
    return false;
  }
  absl::Status status =
      ListExtendLazy(heap_, list, source, hint, [&]() -> absl::StatusOr<ObjectId> {
        Ref item = Next(iterator);
        if (!item) {
          if (has_error()) return TakeError();
          return kNoObject;
        }
        return item.release();
      });
  if (!status.ok()) {
    Raise(status);
    return false;
  }
  return true;
}

Flow Interpreter::ExecAugAssign(const Stmt& stmt) {
  const Expr& target = *stmt.targets[0];
  Ref container;
  Ref key;
  Ref current;
  switch (target.kind) {
    case ExprKind::kName:
      current = LoadName(target.name);
      break;
    case ExprKind::kAttribute:
      container = Eval(*target.operands[0]);
      if (!container) return Flow::kError;
      current = GetAttr(container.get(), target.name.text);
      break;
    case ExprKind::kSubscript:
      container = Eval(*target.operands[0]);
      if (!container) return Flow::kError;
      key = Eval(*target.operands[1]);
      if (!key) return Flow::kError;
      {
        // DUP_TOP_TWO (COPY 2 twice from 3.11): the read takes the copies.
        Ref container_copy = heap_.NewRef(container.get());
        Ref key_copy = heap_.NewRef(key.get());
        current = GetItem(container_copy.get(), key_copy.get());
      }
      break;
    default:
      Raise(PyError(PyExc::kTypeError, "illegal expression for augmented assignment"));
      return Flow::kError;
  }
  if (!current) return Flow::kError;
  Ref operand = Eval(*stmt.value);
  if (!operand) return Flow::kError;
  Ref result;
  const TypeTag type = heap_.type_of(current.get());
  if (target.kind == ExprKind::kName && ReleaseForConcat(target.name, stmt.binary_op, current.get(),
                                                          operand.get())) {
    if (!ConcatInPlace(stmt.binary_op, current.get(), operand.get())) {
      absl::StatusOr<Ref> value =
          Binary(heap_, stmt.binary_op, current.get(), operand.get(), /*in_place=*/true);
      if (!value.ok()) {
        Raise(value.status());
        return Flow::kError;
      }
      current = *std::move(value);
    }
    operand.Reset();
    return StoreName(target.name, std::move(current)) ? Flow::kNormal : Flow::kError;
  }
  if (RunSpecialisedBinary(stmt.binary_site, stmt.binary_op, current, operand, /*in_place=*/true,
                           target.kind == ExprKind::kName ? &target.name : nullptr, &result)) {
    if (!result) return Flow::kError;
  } else if (type == TypeTag::kList && stmt.binary_op == BinaryOp::kAdd) {
    if (!ExtendList(current.get(), operand.get())) return Flow::kError;
    result = heap_.NewRef(current.get());
  } else {
    result = BinaryOf(*this, stmt.binary_op, current.get(), operand.get(), /*in_place=*/true);
    if (!result) return Flow::kError;
  }
  current.Reset();
  operand.Reset();
  switch (target.kind) {
    case ExprKind::kName:
      return StoreName(target.name, std::move(result)) ? Flow::kNormal : Flow::kError;
    case ExprKind::kAttribute:
      return SetAttr(container.get(), target.name.text, result.get()) ? Flow::kNormal
                                                                      : Flow::kError;
    default:
      return SetItem(container.get(), key.get(), result.get()) ? Flow::kNormal : Flow::kError;
  }
}

Flow Interpreter::ExecDelete(const Expr& target) {
  switch (target.kind) {
    case ExprKind::kName:
      return DeleteName(target.name) ? Flow::kNormal : Flow::kError;
    case ExprKind::kAttribute: {
      Ref object = Eval(*target.operands[0]);
      if (!object) return Flow::kError;
      return DelAttr(object.get(), target.name.text) ? Flow::kNormal : Flow::kError;
    }
    case ExprKind::kSubscript: {
      Ref container = Eval(*target.operands[0]);
      if (!container) return Flow::kError;
      Ref key = Eval(*target.operands[1]);
      if (!key) return Flow::kError;
      return DelItem(container.get(), key.get()) ? Flow::kNormal : Flow::kError;
    }
    case ExprKind::kTuple:
    case ExprKind::kList:
      for (const ExprPtr& part : target.operands) {
        if (ExecDelete(*part) == Flow::kError) return Flow::kError;
      }
      return Flow::kNormal;
    default:
      Raise(PyError(PyExc::kTypeError, "cannot delete this target"));
      return Flow::kError;
  }
}

Flow Interpreter::ExecWhile(const Stmt& stmt) {
  while (true) {
    if (!Step()) return Flow::kError;
    SetStatementLine(stmt);
    Ref test = Eval(*stmt.value);
    if (!test) return Flow::kError;
    const int truth = TruthOf(*this, test.get());
    test.Reset();
    if (truth < 0) return Flow::kError;
    if (truth == 0) break;
    const Flow flow = ExecBlock(stmt.body);
    if (flow == Flow::kBreak) return Flow::kNormal;
    if (flow == Flow::kReturn || flow == Flow::kError) return flow;
    // 3.11's way back: `continue` and the end of a loop whose test is a
    // constant jump back unconditionally (JUMP_BACKWARD, a warm-up event);
    // otherwise the test's copy at the loop's end jumps back conditionally,
    // which is none.
    if (flow == Flow::kContinue || stmt.value->kind == ExprKind::kConstant) {
      CountWarmup(*context_.unit);
    }
  }
  return ExecBlock(stmt.orelse);
}

Flow Interpreter::ExecFor(const Stmt& stmt) {
  Ref iterable = Eval(*stmt.value);
  if (!iterable) return Flow::kError;
  Ref iterator = GetIter(iterable.get());
  iterable.Reset();
  if (!iterator) return Flow::kError;
  // The iterator is on the frame's value stack for the loop (a suspended
  // generator's frame shows it to the GC).
  heap_.frames().at(context_.frame).stack.push_back(iterator.get());
  const Flow flow = ExecForLoop(stmt, iterator.get());
  heap_.frames().at(context_.frame).stack.pop_back();
  // A generator closed while paused here: closing dropped the iterator.
  if (context_.generator != nullptr && context_.generator->stack_released) iterator.release();
  if (flow != Flow::kNormal) return flow == Flow::kBreak ? Flow::kNormal : flow;
  iterator.Reset();  // FOR_ITER drops the exhausted iterator
  return ExecBlock(stmt.orelse);
}

Flow Interpreter::ExecForLoop(const Stmt& stmt, ObjectId iterator) {
  const Expr& target = *stmt.targets[0];
  while (true) {
    if (!Step()) return Flow::kError;
    SetStatementLine(stmt);  // FOR_ITER
    Ref item = Next(iterator);
    if (!item) return has_error() ? Flow::kError : Flow::kNormal;
    if (!Assign(target, std::move(item))) return Flow::kError;
    const Flow flow = ExecBlock(stmt.body);
    if (flow == Flow::kBreak || flow == Flow::kReturn || flow == Flow::kError) return flow;
    CountWarmup(*context_.unit);  // JUMP_BACKWARD
  }
}

Flow Interpreter::ExecFunctionDef(const Stmt& stmt) {
  std::vector<Ref> decorators;
  for (const ExprPtr& d : stmt.decorators) {
    decorators.push_back(Eval(*d));
    if (!decorators.back()) return Flow::kError;
  }
  std::vector<Ref> defaults;
  for (const ExprPtr& d : stmt.defaults) {
    defaults.push_back(Eval(*d));
    if (!defaults.back()) return Flow::kError;
  }
  Ref kw_defaults;
  for (size_t i = 0; i < stmt.kw_defaults.size(); ++i) {
    if (!stmt.kw_defaults[i]) continue;
    if (!kw_defaults) kw_defaults = NewDict(heap_);
    Ref value = Eval(*stmt.kw_defaults[i]);
    if (!value) return Flow::kError;
    const CodeUnit& unit = context_.program->units[stmt.unit];
    Ref key = InternStr(heap_, unit.slot_names[unit.positional_count +
                                               (unit.varargs_slot >= 0 ? 1 : 0) + i]);
    DictSetItem(heap_, kw_defaults.get(), key.get(), value.get()).IgnoreError();
  }
  Ref annotations;
  if (stmt.annotation) {
    annotations = Eval(*stmt.annotation);
    if (!annotations) return Flow::kError;
  }
  Ref function =
      MakeFunction(stmt.unit, std::move(defaults), std::move(kw_defaults), std::move(annotations));
  function = ApplyDecorators(std::move(decorators), std::move(function));
  if (!function) return Flow::kError;
  return StoreName(stmt.name, std::move(function)) ? Flow::kNormal : Flow::kError;
}

Ref Interpreter::ApplyDecorators(std::vector<Ref> decorators, Ref decorated) {
  while (!decorators.empty()) {
    CallArgs args;
    args.positional.push_back(std::move(decorated));
    decorated = CallFromPython(decorators.back().get(), std::move(args));
    if (!decorated) return Ref();
    decorators.pop_back();
  }
  return decorated;
}

Flow Interpreter::ExecClassDef(const Stmt& stmt) {
  // __build_class__ and type() make transient blocks the model does not
  // (tuples, the namespace's copies): what the class line allocates is not
  // traced exactly, so statistics showing the line are refused.
  context_.line_known = false;
  // CPython's count0 after the statement is not the model's: gc.get_count()
  // is refused until the next full collection.
  NoteUnmodelledGcObjects(heap_, "a class statement", kClassStatementGcObjects);
  // Class decorators are evaluated before __build_class__ is loaded.
  std::vector<Ref> decorators;
  for (const ExprPtr& d : stmt.decorators) {
    decorators.push_back(Eval(*d));
    if (!decorators.back()) return Flow::kError;
  }
  const CodeUnit& unit = context_.program->units[stmt.unit];
  Ref body_function = MakeFunction(stmt.unit, {}, Ref());
  ObjectId base = kNoObject;
  std::vector<Ref> bases;
  for (const ExprPtr& b : stmt.bases) {
    bases.push_back(Eval(*b));
    if (!bases.back()) return Flow::kError;
  }
  std::vector<ObjectId> builtin_exception_mro;
  if (!bases.empty()) {
    const TypeTag type = heap_.type_of(bases[0].get());
    if (type == TypeTag::kClass) {
      base = bases[0].get();
    } else if (type == TypeTag::kBuiltinType &&
               static_cast<Builtin>(heap_.object(bases[0].get()).subtype) ==
                   Builtin::kExceptionClass) {
      if (!BuiltinExceptionMro(bases[0].get(), &builtin_exception_mro)) return Flow::kError;
    } else if (type != TypeTag::kBuiltinType ||
               heap_.cls(bases[0].get()).name != "object") {
      const std::string base_name =
          type == TypeTag::kBuiltinType      ? heap_.cls(bases[0].get()).name
          : type == TypeTag::kNamedTupleType ? "a namedtuple class"
                                             : absl::StrCat("a '", TypeName(heap_, bases[0].get()),
                                                            "' object");
      Refuse(absl::StrCat("a class derived from ", base_name,
                          " (only from object and the script's own classes)"));
      return Flow::kError;
    }
  }
  // __build_class__: run the body in a fresh namespace, then make the class.
  Ref ns = NewDict(heap_);
  {
    Ref module_key = InternStr(heap_, "__module__");
    Ref module_name = InternStr(heap_, "__main__");
    DictSetItem(heap_, ns.get(), module_key.get(), module_name.get()).IgnoreError();
    Ref qualname_key = InternStr(heap_, "__qualname__");
    Ref qualname = InternStr(heap_, unit.qualname);
    DictSetItem(heap_, ns.get(), qualname_key.get(), qualname.get()).IgnoreError();
  }
  PushCallFrame(heap_, unit.name, unit.code_object, body_function.get(), unit.slot_names);
  const Context saved = context_;
  context_.caller = &saved;
  context_.unit = &unit;
  context_.frame = heap_.frames().depth() - 1;
  context_.class_namespace = ns.get();
  // The __class__ cell of zero-argument super(), made as the body starts.
  ObjectId class_cell = kNoObject;
  for (uint32_t slot : unit.cell_slots) {
    class_cell = NewCell(heap_, kNoObject).release();
    heap_.frames().at(context_.frame).slots[slot] = class_cell;
  }
  ++depth_;
  Flow flow =
      unit.setup_annotations && !SetupAnnotations(ns.get()) ? Flow::kError : ExecBlock(unit.body);
  if (flow != Flow::kError && class_cell != kNoObject) {
    // The body ends by storing the cell as __classcell__ (type() takes it out).
    Ref key = InternStr(heap_, "__classcell__");
    DictSetItem(heap_, ns.get(), key.get(), class_cell).IgnoreError();
  }
  LeaveFrame();
  context_ = saved;
  PopCallFrame(heap_);
  if (flow == Flow::kError) return flow;
  const ObjectId object_type = session_.builtin_objects[static_cast<size_t>(Builtin::kTypeObject)];
  const bool exception_class = !builtin_exception_mro.empty() ||
                               (base != kNoObject && IsExceptionClass(heap_, base));
  if (exception_class && !CheckExceptionClassBody(unit.name, ns.get())) return Flow::kError;
  absl::StatusOr<SlotsSpec> slots = ClassSlots(heap_, ns.get(), base, unit.name);
  if (!slots.ok()) {
    Raise(slots.status());
    return Flow::kError;
  }
  Ref cls = exception_class ? NewExceptionClass(heap_, unit.name, DictCopy(heap_, ns.get()), base,
                                                builtin_exception_mro)
                            : NewClass(heap_, unit.name, DictCopy(heap_, ns.get()), base,
                                       object_type, *slots);
  if (class_cell != kNoObject) {
    // type_new fills the cell with the class and deletes __classcell__ from
    // the class's dict (the namespace keeps it until it is freed).
    Ref key = InternStr(heap_, "__classcell__");
    heap_.cell(class_cell).contents = heap_.NewRef(cls.get()).release();
    DictDelItem(heap_, heap_.cls(cls.get()).namespace_dict, key.get()).IgnoreError();
  }
  if (heap_.profile().property_has_name) {
    // type_new's set_names: each property's __set_name__, looked up as a
    // bound builtin method and called with (class, name) packed in a tuple.
    for (const auto& [key, value] : DictItems(heap_, heap_.cls(cls.get()).namespace_dict)) {
      if (heap_.type_of(value) != TypeTag::kProperty) continue;
      Ref set_name = NewBuiltin(heap_, static_cast<uint32_t>(Builtin::kPropertySetName), value);
      CallArgs args;
      args.positional.push_back(heap_.NewRef(cls.get()));
      args.positional.push_back(heap_.NewRef(key));
      Ref packed = NewTupleOf(heap_, {cls.get(), key});
      Ref result = CallBuiltin(*this, Builtin::kPropertySetName, value, args);
      packed.Reset();
    }
  }
  SetUpSpecialMethods(heap_, cls.get());
  ns.Reset();
  body_function.Reset();
  Ref decorated = ApplyDecorators(std::move(decorators), std::move(cls));
  if (!decorated) return Flow::kError;
  return StoreName(stmt.name, std::move(decorated)) ? Flow::kNormal : Flow::kError;
}

Flow Interpreter::ExecImport(const Stmt& stmt) {
  auto module_named = [&](std::string_view module) {
    if (module == "sys") return session_.sys_module;
    if (module == "gc") return session_.gc_module;
    if (module == "weakref") return session_.weakref_module;
    if (module == "array") {
      if (session_.array_module == kNoObject) {
        session_.array_module = heap_.NewStaticObject(TypeTag::kModule, heap_.profile().aux.module);
        heap_.AttachBody(session_.array_module, ModuleBody{"array", kNoObject});
      }
      return session_.array_module;
    }
    if (module == "collections") return session_.collections_module;
    if (module == "copy") return CopyModule(heap_, session_);
    if (module == "random") return RandomModule(heap_, session_);
    if (module == "math" || module == "operator" || module == "functools" ||
        module == "itertools") {
      return ImportedModule(*this, module);
    }
    return session_.tracemalloc_module;
  };
  const std::string_view from = stmt.import_from;
  for (const auto& [imported, name] : stmt.imports) {
    const std::string_view module = from.empty() ? std::string_view(imported) : from;
    if (module != "sys" && !NameListed(heap_.profile().modules_at_startup, module) &&
        !session_.imported_modules.contains(std::string(module))) {
      // A first import creates the module's objects (and for most modules
      // runs its Python code), none of which heapsim models: refused while
      // tracemalloc would trace it; the gc counts it changes are unknown
      // until the next full collection.
      if (heap_.tracemalloc().tracing()) {
        Refuse(absl::StrCat("import of '", std::string(module),
                            "' while tracemalloc is tracing (what the import allocates is not "
                            "modelled; import it before tracemalloc.start())"));
        return Flow::kError;
      }
      session_.imported_modules.emplace(module);
      heap_.gc().counts_known = false;
      // gc's own import is part of the start-up bound (scripts measured
      // began with it); the others allocate an unknown number of objects.
      if (module != "gc") NoteFirstImport(heap_, module);
      if (session_.first_python_import.empty() && module != "gc") {
        session_.first_python_import = std::string(module);
      }
    }
    Ref value = stmt.import_from.empty()
                    ? heap_.NewRef(module_named(imported))
                    : GetAttr(module_named(stmt.import_from), imported);
    if (!value) return Flow::kError;
    if (!StoreName(name, std::move(value))) return Flow::kError;
  }
  return Flow::kNormal;
}

Ref Interpreter::MaterializeException(const absl::Status& error) {
  if (error_exception_) return std::move(error_exception_);
  const std::optional<PyExc> exc = PyErrorType(error);
  std::vector<ObjectId> args;
  Ref detail;
  if (Ref argument = ErrorArgument(error)) {
    error_argument_.Reset();
    args.push_back(argument.get());
    detail = std::move(argument);
  } else if (const std::string text = PyErrorDetail(error); !text.empty()) {
    // A KeyError's detail is the repr of its key: the argument is the key
    // itself (str and int keys are rebuilt from their repr).
    const bool quoted = text.size() >= 2 && (text.front() == '\'' || text.front() == '"') &&
                        text.back() == text.front() && text.find('\\') == std::string::npos;
    const bool integer = !text.empty() &&
                         text.find_first_not_of("-0123456789") == std::string::npos &&
                         text.find_first_of("0123456789") != std::string::npos;
    if (exc == PyExc::kKeyError && quoted) {
      detail = NewStr(heap_, std::string_view(text).substr(1, text.size() - 2));
    } else if (exc == PyExc::kKeyError && integer && text.size() < 19) {
      detail = NewInt(heap_, std::stoll(text));
    } else {
      detail = NewStr(heap_, text);
    }
    args.push_back(detail.get());
  }
  Ref args_tuple = NewTupleOf(heap_, args);
  return NewException(heap_, std::string(PyExcName(exc.value_or(PyExc::kException))),
                      std::move(args_tuple));
}

Flow Interpreter::ExecTry(const Stmt& stmt) {
  Flow flow = ExecBlock(stmt.body);
  if (flow == Flow::kError && IsPythonError(error_)) {
    const PyExc exc = *PyErrorType(error_);
    if (IsClassError(error_) && !error_exception_) {
      CatchError().IgnoreError();
      Refuse("an exception of the script's classes that reached a handler without its object");
      return Flow::kError;
    }
    const ExceptHandler* match = nullptr;
    for (const ExceptHandler& handler : stmt.handlers) {
      if (handler.types.empty()) {
        match = &handler;
        break;
      }
      for (const std::string& type : handler.types) {
        int matches = 0;
        if (IsExceptionName(type)) {
          matches = PyExcMatches(exc, type) ? 1 : 0;
        } else if (IsClassError(error_)) {
          matches = ExceptionClassMatches(type);
        }
        if (matches < 0) return Flow::kError;
        if (matches > 0) {
          match = &handler;
          break;
        }
      }
      if (match != nullptr) break;
    }
    if (match != nullptr) {
      if (heap_.tracemalloc().tracing()) {
        CatchError().IgnoreError();
        Refuse("an exception caught by an except clause while tracemalloc is tracing (CPython "
               "traces the traceback objects, and from 3.11 the frame objects, it makes, which "
               "heapsim does not model)");
        return Flow::kError;
      }
      if (!heap_.profile().frames_on_heap) CountCatchingFrameObject();
      // The handled exception keeps the frames it left until it is freed
      // (POP_EXCEPT, after the handler).
      UnwoundFrames handled = TakeUnwoundFrames();
      Ref raised = std::move(error_exception_);
      absl::Status caught = CatchError();
      if (has_error()) {
        ReleaseUnwoundFrames(std::move(handled));
        return Flow::kError;
      }
      error_exception_ = std::move(raised);
      Ref exception = MaterializeException(caught);
      const absl::Status outer = std::exchange(handling_, caught);
      flow = Flow::kNormal;
      if (!match->name.text.empty() && !StoreName(match->name, heap_.NewRef(exception.get()))) {
        flow = Flow::kError;
      }
      // exc_info's reference while the handler runs.
      Ref outer_exception = std::exchange(handling_exception_, std::move(exception));
      ++tracebacks_alive_;
      if (flow == Flow::kNormal) flow = ExecBlock(match->body);
      --tracebacks_alive_;
      if (!match->name.text.empty()) {
        // `except E as e:` ends with `del e`, keeping any pending error.
        absl::Status pending = TakeError();
        if (!DeleteName(match->name)) TakeError().IgnoreError();
        error_ = std::move(pending);
      }
      handling_ = outer;
      exception = std::exchange(handling_exception_, std::move(outer_exception));
      if (heap_.object(exception.get()).refcount > 1 && !has_error()) {
        // CPython's exception keeps its __traceback__ (and the frames it
        // passed through) for as long as it lives.
        Refuse("an exception object that outlives its handler (its __traceback__, which keeps "
               "the frames it passed through alive, is not modelled)");
        flow = Flow::kError;
      }
      exception.Reset();
      if (flow == Flow::kError && PyErrorType(error_).has_value()) {
        ChainUnwoundFrames(std::move(handled), error_ == caught);
      } else {
        ReleaseUnwoundFrames(std::move(handled));
      }
    }
  } else if (flow == Flow::kNormal) {
    flow = ExecBlock(stmt.orelse);
  }
  if (!stmt.finalbody.empty()) {
    absl::Status pending = TakeError();
    UnwoundFrames pending_frames = TakeUnwoundFrames();
    Ref pending_exception = std::move(error_exception_);
    Ref pending_return = std::move(return_value_);
    const uint32_t pending_traceback = PyErrorType(pending).has_value() ? 1 : 0;
    tracebacks_alive_ += pending_traceback;
    const Flow final_flow = ExecBlock(stmt.finalbody);
    tracebacks_alive_ -= pending_traceback;
    if (final_flow != Flow::kNormal) {
      // A pending exception becomes the context of one the finally block
      // raises, or is dropped by its return or break.
      if (final_flow == Flow::kError && PyErrorType(error_).has_value()) {
        ChainUnwoundFrames(std::move(pending_frames), false);
      } else {
        ReleaseUnwoundFrames(std::move(pending_frames));
      }
      return final_flow;
    }
    ChainUnwoundFrames(std::move(pending_frames), true);
    error_ = std::move(pending);
    error_exception_ = std::move(pending_exception);
    return_value_ = std::move(pending_return);
  }
  return flow;
}

}  // namespace heapsim::script
