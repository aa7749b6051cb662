#include "server/script/runtime.h"

#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "server/heap/consistency.h"
#include "server/heap/dict_object.h"
#include "server/heap/frames.h"
#include "server/heap/function_object.h"
#include "server/heap/gc.h"
#include "server/heap/gc_timing.h"
#include "server/heap/py_error.h"
#include "server/heap/str_object.h"
#include "server/heap/weak_container_object.h"
#include "server/heap/weakref_object.h"
#include "server/script/builtins.h"
#include "server/script/compiler.h"
#include "server/script/generator_function.h"
#include "server/script/import_free_lists.h"
#include "server/script/interpreter.h"
#include "server/script/large_stack.h"

namespace heapsim::script {

class Runtime::State {
 public:
  SessionState session;
};

namespace {

// A sink that discards output (structured operations print nothing).
class NullSink : public OutputSink {
 public:
  void Write(std::string_view) override {}
};

void SetGlobal(Heap& heap, ObjectId globals, std::string_view name, Ref value) {
  Ref key = InternStr(heap, name);
  DictSetItem(heap, globals, key.get(), value.get()).IgnoreError();
}

// True when code of the program at `index` may still run: one of its code
// objects outlived the run that released the program's own references, or
// the run made a generator from it (sites from `first_new_generator` on).
bool ProgramInUse(const Heap& heap, const SessionState& session, uint32_t index,
                  size_t first_new_generator) {
  for (const CodeUnit& unit : session.programs[index]->units) {
    const ObjectId code = unit.code_object;
    if (code != kNoObject && heap.IsLive(code) && heap.type_of(code) == TypeTag::kCode &&
        heap.code(code).program == index) {
      return true;
    }
  }
  for (size_t site = first_new_generator; site < session.generators.size(); ++site) {
    if (session.generators[site].program == index) return true;
  }
  return false;
}

// Once the program at `index` (the last one) has run and released its
// references, forgets it if nothing can run its code again, so a session
// that evaluates many values or scripts keeps only the programs whose
// functions or generators are still alive.
void ForgetIfUnused(const Heap& heap, SessionState& session, uint32_t index,
                    size_t first_new_generator) {
  if (index + 1 != session.programs.size()) return;
  if (ProgramInUse(heap, session, index, first_new_generator)) return;
  session.programs.pop_back();
}

// Runs the module body of `program`, then lets go of what only the
// compilation held (the module's code object and the parse tree's share of
// the constants), as CPython does when the module finishes.
absl::Status RunProgram(Heap& heap, SessionState& session, std::shared_ptr<Program> program,
                        uint32_t index, const RunLimits& limits, OutputSink& out,
                        std::vector<std::string>* echoes) {
  absl::Status status;
  const size_t first_new_generator = session.generators.size();
  NoteProgramStart(heap, program->compiled_gc_objects_bound);
  RecordStartupFreeLists(heap, session);
  RunOnLargeStack([&]() {
    Interpreter interpreter(heap, session, limits, out);
    status = interpreter.RunModule(program, index);
    // A refusal the engine found after the run's last step.
    if ((status.ok() || status.code() == absl::StatusCode::kFailedPrecondition) &&
        !heap.gc().timing.refusal.empty()) {
      status = absl::InvalidArgumentError(
          absl::StrCat(program->filename, ": unsupported: ",
                       std::exchange(heap.gc().timing.refusal, std::string())));
    }
    if (echoes != nullptr) *echoes = interpreter.echoes();
    ReleaseParseTree(heap, *program);
    ReleaseProgram(heap, *program);
  });
  ForgetIfUnused(heap, session, index, first_new_generator);
  // An exception nothing caught reads as CPython's traceback prints it.
  return AsUncaught(status);
}

// Compile() on a large stack: the parser and the compiler recurse as deep
// as the source nests (within the profile's limits).
absl::StatusOr<std::shared_ptr<Program>> CompileOnLargeStack(Heap& heap, std::string_view source,
                                                             std::string_view filename,
                                                             CompileMode mode, uint32_t index) {
  absl::StatusOr<std::shared_ptr<Program>> program;
  RunOnLargeStack([&]() { program = Compile(heap, source, filename, mode, index); });
  return program;
}

}  // namespace

BudgetOptions BudgetFor(const RunLimits& limits) {
  return BudgetOptions{.time_limit = limits.max_time,
                       .client_deadline = limits.client_deadline,
                       .interrupted = limits.interrupted,
                       .max_bytes = limits.max_bytes,
                       .host_memory = limits.host_memory};
}

Runtime::Runtime(const Profile& profile)
    : heap_(std::make_unique<Heap>(profile)), state_(std::make_unique<State>()) {
  Heap& heap = *heap_;
  SessionState& session = state_->session;
  MakeBuiltinObjects(heap, session);
  session.sys_module = NewModule(heap, "sys").release();
  session.gc_module = NewModule(heap, "gc").release();
  session.tracemalloc_module = NewModule(heap, "tracemalloc").release();
  session.weakref_module = NewModule(heap, "weakref").release();
  session.collections_module = NewModule(heap, "collections").release();
  // __main__'s namespace starts with the names the interpreter puts there
  // before a script runs.
  Ref main = NewModule(heap, "__main__");
  const ObjectId globals = heap.module(main.get()).dict;
  SetGlobal(heap, globals, "__name__", InternStr(heap, "__main__"));
  SetGlobal(heap, globals, "__doc__", heap.NewRef(heap.none()));
  SetGlobal(heap, globals, "__package__", heap.NewRef(heap.none()));
  SetGlobal(heap, globals, "__loader__", heap.NewRef(heap.none()));
  SetGlobal(heap, globals, "__spec__", heap.NewRef(heap.none()));
  SetGlobal(heap, globals, "__annotations__", NewDict(heap));
  SetGlobal(heap, globals, "__builtins__", NewModule(heap, "builtins"));
  Ref file = NewStr(heap, "<heap script>");
  session.file_placeholder = file.get();
  SetGlobal(heap, globals, "__file__", std::move(file));
  SetGlobal(heap, globals, "__cached__", heap.NewRef(heap.none()));
  PushModuleFrame(heap, heap.NewRef(globals));
  session.main_module = main.release();
}

Runtime::Runtime(const Runtime& other)
    : heap_(std::make_unique<Heap>(*other.heap_)), state_(std::make_unique<State>(*other.state_)) {
  GeneratorFunctions::SeparateRuns(state_->session);
}

Runtime& Runtime::operator=(const Runtime& other) {
  if (this != &other) {
    heap_ = std::make_unique<Heap>(*other.heap_);
    state_ = std::make_unique<State>(*other.state_);
    GeneratorFunctions::SeparateRuns(state_->session);
  }
  return *this;
}

Runtime::~Runtime() = default;

absl::Status Runtime::CheckConsistency() const {
  const SessionState& session = state_->session;
  absl::flat_hash_map<ObjectId, uint64_t> held;
  for (ObjectId id : {session.main_module, session.sys_module, session.gc_module,
                      session.tracemalloc_module, session.weakref_module, session.array_module,
                      session.collections_module,
                      session.copy_module, session.random_module}) {
    if (id != kNoObject) ++held[id];
  }
  for (ObjectId id : session.copy_codes) ++held[id];
  for (ObjectId id : session.random_codes) ++held[id];
  for (ObjectId id : session.builtin_objects) ++held[id];
  for (const auto& [name, id] : session.type_objects) ++held[id];
  for (const auto& [name, id] : session.module_values) ++held[id];
  for (const auto& program : session.programs) {
    for (ObjectId id : program->owned) ++held[id];
    for (ObjectId id : program->parse_tree_refs) ++held[id];
  }
  return heapsim::CheckConsistency(*heap_, [&held](ObjectId id) {
    auto it = held.find(id);
    return it == held.end() ? uint64_t{0} : it->second;
  });
}

absl::Status Runtime::Exec(std::string_view source, std::string_view filename,
                           const RunLimits& limits, OutputSink& out) {
  SessionState& session = state_->session;
  const auto index = static_cast<uint32_t>(session.programs.size());
  absl::StatusOr<std::shared_ptr<Program>> program = CompileOnLargeStack(
      *heap_, source, filename, CompileMode::kModule, index);
  if (!program.ok()) return program.status();
  // CPython 3.9+ joins the working directory to a relative script path.
  if (heap_->profile().main_path_absolute && !working_directory_.empty() && !filename.empty() &&
      filename[0] != '/' && filename[0] != '<') {
    (*program)->shown_filename = working_directory_ + "/" + std::string(filename);
  }
  auto lines = std::make_shared<std::vector<std::string>>();
  for (size_t start = 0; start <= source.size();) {
    const size_t end = std::min(source.find('\n', start), source.size());
    lines->emplace_back(source.substr(start, end - start));
    start = end + 1;
  }
  session.source_lines[(*program)->shown_filename] = std::move(lines);
  session.programs.push_back(*program);
  return RunProgram(*heap_, session, *program, index, limits, out, nullptr);
}

namespace {

// True when some weak reference with a callback that could show anything
// names a live object. A container's remover is silent unless it would
// free a WeakKeyDictionary's value of a GC type (which may hold objects
// with finalizers); a finalizer is silent once its exit hook ran.
bool AnyAudibleWeakRefCallbackPending(const Heap& heap, bool finalize_shutdown) {
  for (const auto& [referent, list] : heap.weak_lists()) {
    for (ObjectId weakref : list) {
      const ObjectId callback = heap.weakref(weakref).callback;
      if (callback == kNoObject) continue;
      if (heap.type_of(callback) != TypeTag::kWeakContainer) return true;
      if (WeakContainerKindOf(heap, callback) == WeakContainerKind::kFinalize) {
        if (!finalize_shutdown) return true;
        continue;
      }
      const ObjectId container = heap.weak_container(callback).owner;
      if (container == kNoObject ||
          WeakContainerKindOf(heap, container) != WeakContainerKind::kKeyDictionary) {
        continue;
      }
      const WeakContainerBody& body = heap.weak_container(container);
      if (auto it = body.entry_of.find(weakref);
          it != body.entry_of.end() && IsGcType(heap.type_of(body.entries[it->second].value))) {
        return true;
      }
    }
  }
  return false;
}

// Weak references with callbacks to objects the modules' teardown frees:
// whether CPython calls them then (and whether their output still reaches
// stdout) depends on the order it clears the modules in, which heapsim
// does not model.
absl::Status RefuseWeakRefCallbacksAtTeardown(const Heap& heap, const SessionState& session,
                                              const absl::Status& program_status) {
  if (!program_status.ok() || !AnyWeakRefCallbackPending(heap)) return absl::OkStatus();
  if (!AnyAudibleWeakRefCallbackPending(heap, session.finalize_shutdown)) return absl::OkStatus();
  return absl::InvalidArgumentError(
      "unsupported: a weak reference with a callback whose referent is alive at exit (whether "
      "CPython calls it depends on the order its teardown clears the modules in)");
}

}  // namespace

absl::Status Runtime::Shutdown(const absl::Status& program_status, const RunLimits& limits,
                               OutputSink& out) {
  SessionState& session = state_->session;
  Heap& heap = *heap_;
  // Cyclic garbage at exit that CPython may have collected earlier, at a
  // point heapsim does not know: what ran in between may have seen it
  // (finalizers, reference counts, reused addresses, tracemalloc).
  const bool program_ran = program_status.ok() ||
                           program_status.code() == absl::StatusCode::kFailedPrecondition;
  if (program_ran && CollectionMayHaveRun(heap) && GarbageMayHaveBeenCollected(heap)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "unsupported: ", TimingRefusal(heap, "cyclic garbage left at exit that an automatic "
                                             "collection may have collected earlier")));
  }
  // Py_FinalizeEx calls the atexit hooks first: finalize's calls the live
  // finalizers whose atexit is true.
  if (FinalizersAlive(heap, /*atexit_only=*/true)) {
    if (!program_status.ok()) {
      if (program_status.code() != absl::StatusCode::kFailedPrecondition) return absl::OkStatus();
      return absl::InvalidArgumentError(
          "unsupported: weakref.finalize callbacks due at exit after an uncaught exception "
          "(CPython runs them after printing its traceback)");
    }
    absl::Status status;
    RunOnLargeStack([&]() {
      Interpreter interpreter(heap, session, limits, out);
      RunFinalizersAtExit(interpreter);
      status = interpreter.TakeError();
    });
    if (!status.ok()) return AsUncaught(status);
  }
  if (program_ran && FinalizersAlive(heap, /*atexit_only=*/false)) {
    // finalize._registry holds it, its function and arguments (and what
    // they reach, such as __main__'s globals) until the modules' teardown
    // clears weakref's namespace, in an order heapsim does not model.
    return absl::InvalidArgumentError(
        "unsupported: a weakref.finalize whose atexit is false alive at exit (its registry "
        "keeps what it refers to until CPython's module teardown lets go of it)");
  }
  session.finalize_shutdown = session.finalize_shutdown || session.finalize_count > 0;
  // What the interpreter's teardown lets go of before its last collection:
  // sys.modules' reference to __main__ and the module frame's to its
  // globals (and hidden slots).
  absl::flat_hash_map<ObjectId, uint64_t> dropped;
  if (session.main_module != kNoObject) ++dropped[session.main_module];
  const Frame& module = heap.frames().module_frame();
  if (module.globals != kNoObject) ++dropped[module.globals];
  for (ObjectId slot : module.slots) {
    if (slot != kNoObject) ++dropped[slot];
  }
  const std::vector<ObjectId> due = FinalizersDueWithout(heap, dropped);
  const bool callbacks_due = heap.gc().enabled && FullCollectionCallsWeakRefCallbacks(heap);
  if (due.empty() && !callbacks_due) return RefuseWeakRefCallbacksAtTeardown(heap, session, program_status);
  if (!program_status.ok()) {
    if (program_status.code() != absl::StatusCode::kFailedPrecondition) return absl::OkStatus();
    return absl::InvalidArgumentError(
        "unsupported: finalizers (__del__) or weak reference callbacks due when a program ends "
        "with an uncaught exception (its traceback keeps frames alive while the interpreter "
        "shuts down)");
  }
  if (!heap.held_tracebacks().empty()) {
    // CPython's collector meets the traceback and frame objects among
    // __main__'s garbage, in an order heapsim does not model.
    return absl::InvalidArgumentError(
        "unsupported: finalizers (__del__) or weak reference callbacks due at exit while an "
        "exception object keeps its traceback (its traceback and frame objects take part in "
        "the last collection's order, which heapsim does not model)");
  }
  absl::Status status;
  RunOnLargeStack([&]() {
    Interpreter interpreter(heap, session, limits, out);
    status = interpreter.FinalizeAtShutdown(dropped);
  });
  if (!status.ok()) return AsUncaught(status);
  if (!FinalizersDueWithout(heap, dropped).empty()) {
    return absl::InvalidArgumentError(
        "unsupported: a finalizer (__del__) run at shutdown leaving new objects whose finalizers "
        "are due (CPython runs them as it clears the modules' globals)");
  }
  return RefuseWeakRefCallbacksAtTeardown(heap, session, program_status);
}

absl::StatusOr<std::optional<std::string>> Runtime::RunInteractive(std::string_view source,
                                                                   const RunLimits& limits,
                                                                   OutputSink& out) {
  SessionState& session = state_->session;
  const auto index = static_cast<uint32_t>(session.programs.size());
  absl::StatusOr<std::shared_ptr<Program>> program = CompileOnLargeStack(
      *heap_, source, "<stdin>", CompileMode::kInteractive, index);
  if (!program.ok()) return program.status();
  session.programs.push_back(*program);
  std::vector<std::string> echoes;
  absl::Status status = RunProgram(*heap_, session, *program, index, limits, out, &echoes);
  if (!status.ok()) return status;
  if (echoes.empty()) return std::nullopt;
  std::string text;
  for (const std::string& echo : echoes) {
    if (!text.empty()) text += "\n";
    text += echo;
  }
  return text;
}

absl::StatusOr<Ref> Runtime::Evaluate(std::string_view expression, const RunLimits& limits) {
  SessionState& session = state_->session;
  const auto index = static_cast<uint32_t>(session.programs.size());
  absl::StatusOr<std::shared_ptr<Program>> program =
      CompileOnLargeStack(*heap_, expression, "<value>", CompileMode::kExpression, index);
  if (!program.ok()) return program.status();
  session.programs.push_back(*program);
  absl::StatusOr<Ref> result = absl::InternalError("not evaluated");
  const size_t first_new_generator = session.generators.size();
  NoteProgramStart(*heap_, (*program)->compiled_gc_objects_bound);
  RunOnLargeStack([&]() {
    NullSink sink;
    Interpreter interpreter(*heap_, session, limits, sink);
    result = interpreter.EvaluateIn(*program, index, *(*program)->units[0].expression);
    ReleaseParseTree(*heap_, **program);
    ReleaseProgram(*heap_, **program);
  });
  ForgetIfUnused(*heap_, session, index, first_new_generator);
  return result;
}

namespace {

// Runs `body` with an interpreter over the runtime's heap, and turns a
// pending Python exception into the returned status.
template <typename Body>
absl::Status WithInterpreter(Heap& heap, SessionState& session, const RunLimits& limits,
                             Body body) {
  absl::Status status;
  RunOnLargeStack([&]() {
    NullSink sink;
    Interpreter interpreter(heap, session, limits, sink);
    if (!body(interpreter)) status = interpreter.TakeError();
  });
  return status;
}

}  // namespace

absl::StatusOr<Ref> Runtime::CallMethod(ObjectId object, std::string_view method,
                                        const std::vector<ObjectId>& args,
                                        const RunLimits& limits) {
  Ref result;
  absl::Status status = WithInterpreter(*heap_, state_->session, limits, [&](Interpreter& interp) {
    CallArgs call;
    for (ObjectId arg : args) call.positional.push_back(heap_->NewRef(arg));
    result = interp.CallMethod(heap_->NewRef(object), std::string(method), std::move(call));
    return static_cast<bool>(result);
  });
  if (!status.ok()) return status;
  return result;
}

absl::Status Runtime::SetItem(ObjectId container, ObjectId key, ObjectId value,
                              const RunLimits& limits) {
  return WithInterpreter(*heap_, state_->session, limits, [&](Interpreter& interp) {
    return interp.SetItem(container, key, value);
  });
}

absl::Status Runtime::DelItem(ObjectId container, ObjectId key, const RunLimits& limits) {
  return WithInterpreter(*heap_, state_->session, limits,
                         [&](Interpreter& interp) { return interp.DelItem(container, key); });
}

absl::Status Runtime::SetAttr(ObjectId object, std::string_view name, ObjectId value,
                              const RunLimits& limits) {
  return WithInterpreter(*heap_, state_->session, limits, [&](Interpreter& interp) {
    return interp.SetAttr(object, std::string(name), value);
  });
}

absl::Status Runtime::DelAttr(ObjectId object, std::string_view name,
                              const RunLimits& limits) {
  return WithInterpreter(*heap_, state_->session, limits, [&](Interpreter& interp) {
    return interp.DelAttr(object, std::string(name));
  });
}

size_t Runtime::retained_programs() const { return state_->session.programs.size(); }

}  // namespace heapsim::script
