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
#include "server/heap/repr_state.h"
#include "server/heap/py_error.h"
#include "server/heap/set_object.h"
#include "server/heap/str_object.h"
#include "server/heap/tuple_object.h"
#include "server/heap/value_ops.h"
#include "server/script/builtins.h"
#include "server/script/class_slots.h"
#include "server/script/generator_function.h"
#include "server/script/import_free_lists.h"
#include "server/script/interpreter.h"
#include "server/script/modelled_modules.h"
#include "server/script/module_copy.h"
#include "server/script/module_random.h"
#include "server/script/specialised_compare.h"
#include "server/script/operators.h"
#include "server/script/special_methods.h"

namespace heapsim::script {

namespace {

bool IsPythonError(const absl::Status& status) { return PyErrorType(status).has_value(); }

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
      if (heap_.held_traceback(exception.get()) != nullptr) {
        Refuse("raising again an exception object that outlived its handler (its traceback "
               "would grow by the new raise's entries)");
        return Flow::kError;
      }
      // Raising the handled exception again adds to its traceback.
      if (exception.get() == handling_exception_.get()) unwound_.untracked = true;
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
    if (module == "dataclasses") return ImportedModule(*this, module);
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
      const FirstImportStart import_start = FirstImportStartNow(heap_);
      heap_.gc().counts_known = false;
      // gc's own import is part of the start-up bound (scripts measured
      // began with it); the others allocate an unknown number of objects.
      if (module != "gc") NoteFirstImport(heap_, module);
      // Its Python code takes a container's repr (3.8's functools makes a
      // namedtuple).
      if (NameListed(heap_.profile().repr_state.made_by_imports, module)) EnsureReprState(heap_);
      if (session_.first_python_import.empty() && module != "gc") {
        session_.first_python_import = std::string(module);
      }
      if (module == "dataclasses") NoteDataclassesImport(*this);
      // Made by code the import ran, among the objects it does not model.
      if (FirstImportReadiesSortKeywords(module)) {
        session_.parser_keywords_made.emplace("list.sort");
      }
      // Last: the lengths measured after the import include what the
      // objects above took from the free lists.
      ApplyFirstImportFreeLists(*this, module, !from.empty(), import_start);
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
      // CPython's exception keeps its __traceback__ (and the frames it
      // passed through) for as long as it lives: past the handler when
      // something holds it other than the exception the handler raises
      // (as itself, or as its __cause__).
      const ObjectId pending_raise = error_exception_.get();
      const bool python_error = PyErrorType(error_).has_value();
      const uint32_t engine_refs =
          1 + (pending_raise == exception.get() ? 1 : 0) +
          (pending_raise != kNoObject && heap_.type_of(pending_raise) == TypeTag::kException &&
                   heap_.exception(pending_raise).cause == exception.get()
               ? 1
               : 0);
      if (heap_.object(exception.get()).refcount > engine_refs && (!has_error() || python_error)) {
        if (python_error) {
          RefuseOverPendingError("an exception object that outlives a handler that raises (its "
                                 "traceback would be shared with the exception raised)");
          flow = Flow::kError;
        } else if (!KeepHandledTraceback(exception.get(), handled, handling_exception_.get())) {
          flow = Flow::kError;
        }
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
    finally_for_exception_ += pending_traceback;
    const Flow final_flow = ExecBlock(stmt.finalbody);
    tracebacks_alive_ -= pending_traceback;
    finally_for_exception_ -= pending_traceback;
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
