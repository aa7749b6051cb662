#include "server/script/generator_function.h"

#include <algorithm>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "server/heap/frames.h"
#include "server/heap/iterator_object.h"
#include "server/heap/py_error.h"
#include "server/script/generator.h"

namespace heapsim::script {

Ref GeneratorFunctions::Create(Interpreter& interp, ObjectId function, uint32_t program_index,
                               uint32_t unit_index, std::vector<ObjectId> slots,
                               ObjectId heap_frame) {
  Heap& heap = interp.heap_;
  SessionState& session = interp.session_;
  const CodeUnit& unit = session.programs[program_index]->units[unit_index];
  const auto state = static_cast<uint32_t>(session.generators.size());
  auto run = std::make_shared<GeneratorRun>();
  GeneratorRun& run_ref = *run;
  session.generators.push_back(GeneratorSite{program_index, nullptr, unit_index, std::move(run)});
  // The frame's slots: locals, cells and free variables, and its value stack.
  Ref generator =
      NewGenerator(heap, state, static_cast<uint32_t>(slots.size()) + unit.stack_size,
                   unit.code_object);
  IteratorBody& body = heap.iterator(generator.get());
  body.held = std::move(slots);
  if (heap_frame != kNoObject) body.held.push_back(heap_frame);
  // An embedded frame (3.11+) holds its function until the generator ends.
  if (heap.profile().generator_embeds_frame) {
    heap.IncRef(function);
    body.held.push_back(function);
  }
  body.needs_close = true;
  run_ref.object = generator.get();
  return generator;
}

void GeneratorFunctions::RunFiber(Interpreter& interp, GeneratorRun& run,
                                  const GeneratorSite& site, std::vector<ObjectId> slots,
                                  std::vector<ObjectId> stack) {
  Heap& heap = interp.heap_;
  const std::shared_ptr<Program> program = interp.session_.programs[site.program];
  const CodeUnit& unit = program->units[site.unit];
  PushCallFrame(heap, unit.name, kNoObject, kNoObject, unit.slot_names);
  const size_t frame = heap.frames().depth() - 1;
  heap.frames().at(frame).slots = std::move(slots);
  heap.frames().at(frame).stack = std::move(stack);
  const Interpreter::Context saved = interp.context_;
  interp.context_ = Interpreter::Context{program.get(), &unit,     frame, kNoObject,
                                         site.program,  run.position, &run};
  interp.context_.line = run.line;
  interp.context_.line_known = run.line_known;
  interp.context_.caller = &saved;
  ++interp.depth_;
  run.running = true;
  run.interpreter = &interp;
  CountCodeEvaluation(heap, unit.code_object);  // a resume, or the close of an unwinding
  run.fiber->Resume();
  run.running = false;
  interp.LeaveFrame();
  run.position = interp.context_.position;
  run.line = interp.context_.line;
  run.line_known = interp.context_.line_known;
  interp.context_ = saved;
}

Ref GeneratorFunctions::Send(Interpreter& interp, ObjectId generator, ObjectId value) {
  Heap& heap = interp.heap_;
  const GeneratorSite site = interp.session_.generators[heap.iterator(generator).generator];
  const bool none = value == heap.none();
  Ref item;
  if (site.expr != nullptr) {
    if (!none) {
      interp.Refuse("send() of a value other than None to a generator expression");
      return Ref();
    }
    item = GeneratorNext(interp, generator);
  } else {
    const GeneratorRun& run = *site.run;
    if (!none && !run.abandoned && !run.running && !run.finished && !run.fiber) {
      interp.Raise(PyError(PyExc::kTypeError,
                           "can't send non-None value to a just-started generator"));
      return Ref();
    }
    item = Resume(interp, generator, heap.NewRef(value));
  }
  if (!item && !interp.has_error()) interp.Raise(PyError(PyExc::kStopIteration, ""));
  return item;
}

Ref GeneratorFunctions::Resume(Interpreter& interp, ObjectId generator, Ref sent) {
  Heap& heap = interp.heap_;
  SessionState& session = interp.session_;
  const GeneratorSite site = session.generators[heap.iterator(generator).generator];
  GeneratorRun& run = *site.run;
  if (run.abandoned) {
    interp.Refuse("resuming a generator that an earlier run left suspended");
    return Ref();
  }
  if (run.finished) return Ref();
  if (run.running) {
    interp.Raise(PyError(PyExc::kValueError, "generator already executing"));
    return Ref();
  }
  if (const Interpreter::CallRoom room = interp.RoomForCall(Interpreter::CallSite::kFromPython);
      room != Interpreter::CallRoom::kAllowed) {
    if (room != Interpreter::CallRoom::kRecursionError) {
      interp.RefuseDeepCall(room);
    } else {
      interp.Refuse("resuming a generator at the recursion limit");
    }
    return Ref();
  }
  const CodeUnit& unit = session.programs[site.program]->units[site.unit];
  // A generator that has not started receives no value (its body starts).
  if (run.fiber) run.sent = std::move(sent);
  if (!run.fiber) {
    if (session.generator_fibers >= kMaxSuspendedGenerators) {
      interp.Raise(absl::ResourceExhaustedError(
          absl::StrCat("generator limit reached: more than ", kMaxSuspendedGenerators,
                       " generators started and not finished at once")));
      return Ref();
    }
    absl::StatusOr<std::unique_ptr<Fiber>> fiber =
        Fiber::Create([&interp, &run, &unit]() {
          const Flow flow = interp.ExecBlock(unit.body);
          if (flow == Flow::kReturn) interp.return_value_.Reset();
          run.finished = true;
        });
    if (!fiber.ok()) {
      interp.Raise(fiber.status());
      return Ref();
    }
    run.fiber = *std::move(fiber);
    ++session.generator_fibers;
    heap.iterator(generator).started = true;
  }
  Ref keep = heap.NewRef(generator);
  const size_t slot_count = unit.slot_names.size();
  std::vector<ObjectId> slots(slot_count, kNoObject);
  {
    IteratorBody& body = heap.iterator(generator);
    std::swap_ranges(slots.begin(), slots.end(), body.held.begin());
    run.stack = std::move(body.stack);
    body.stack.clear();
  }
  RunFiber(interp, run, site, std::move(slots), run.stack);
  if (run.finished) interp.NoteFrameLeftUnkept();
  Frame frame = heap.frames().Pop();
  IteratorBody& body = heap.iterator(generator);
  if (!run.finished) {
    // Suspended at a yield: the frame goes back into the generator.
    std::swap_ranges(frame.slots.begin(), frame.slots.end(), body.held.begin());
    body.stack = frame.stack;
    body.delegating = run.delegating;
    run.stack = std::move(frame.stack);
    return std::move(run.yielded);
  }
  // A StopIteration leaving the body becomes a RuntimeError (PEP 479).
  if (interp.has_error() && PyErrorType(interp.error()) == PyExc::kStopIteration) {
    interp.TakeError().IgnoreError();
    interp.Raise(PyError(PyExc::kRuntimeError, "generator raised StopIteration"));
  }
  // The body returned or raised: the generator lets go of its frame, its
  // slots first to last, then the frame object (or function).
  body.needs_close = false;
  body.end = 1;  // finished
  std::vector<ObjectId> held = std::move(body.held);
  body.held.clear();
  run.fiber.reset();
  --session.generator_fibers;
  for (ObjectId value : frame.slots) {
    if (value != kNoObject) heap.DecRef(value);
  }
  for (ObjectId value : held) {
    if (value != kNoObject) heap.DecRef(value);
  }
  return Ref();
}

Ref GeneratorFunctions::Yield(Interpreter& interp, const Expr& expr) {
  Heap& heap = interp.heap_;
  GeneratorRun* run = interp.context_.generator;
  Ref value = expr.operands.empty() ? heap.NewRef(heap.none()) : interp.Eval(*expr.operands[0]);
  if (!value) return Ref();
  run->yielded = std::move(value);
  run->fiber->Suspend();
  if (run->unwinding) {
    // No handler in a generator's body sees this (yield is refused in try).
    interp.error_ = absl::CancelledError("generator unwound");
    return Ref();
  }
  if (run->sent) return std::move(run->sent);
  return heap.NewRef(heap.none());  // next() sends None
}

Ref GeneratorFunctions::YieldFrom(Interpreter& interp, const Expr& expr) {
  Heap& heap = interp.heap_;
  GeneratorRun* run = interp.context_.generator;
  Ref iterable = interp.Eval(*expr.operands[0]);
  if (!iterable) return Ref();
  Ref iterator = interp.GetIter(iterable.get());
  iterable.Reset();
  if (!iterator) return Ref();
  // The iterator stays on the frame's value stack while it delegates.
  heap.frames().at(interp.context_.frame).stack.push_back(iterator.get());
  Ref sent;
  bool failed = false;
  while (true) {
    Ref item;
    if (!sent || sent.get() == heap.none()) {
      item = interp.Next(iterator.get());
    } else if (heap.type_of(iterator.get()) == TypeTag::kGenerator) {
      item = Send(interp, iterator.get(), sent.get());
      if (!item && PyErrorType(interp.error()) == PyExc::kStopIteration) {
        interp.TakeError().IgnoreError();  // the delegate ended
      }
    } else {
      interp.Refuse("send() through 'yield from' to an iterator that is not a generator");
    }
    sent.Reset();
    if (!item) {
      failed = interp.has_error();
      break;
    }
    run->yielded = std::move(item);
    run->delegating = true;
    run->fiber->Suspend();
    run->delegating = false;
    if (run->unwinding) {
      interp.error_ = absl::CancelledError("generator unwound");
      failed = true;
      break;
    }
    sent = std::move(run->sent);
  }
  heap.frames().at(interp.context_.frame).stack.pop_back();
  if (failed) return Ref();
  return heap.NewRef(heap.none());
}

void GeneratorFunctions::Unwind(Interpreter& interp, const GeneratorSite& site) {
  GeneratorRun& run = *site.run;
  if (!run.fiber || run.finished) return;
  Heap& heap = interp.heap_;
  const CodeUnit& unit = interp.session_.programs[site.program]->units[site.unit];
  run.unwinding = true;
  absl::Status pending = interp.TakeError();
  Interpreter::UnwoundFrames pending_frames = interp.TakeUnwoundFrames();
  Ref pending_exception = std::move(interp.error_exception_);
  Ref pending_return = std::move(interp.return_value_);
  RunFiber(interp, run, site, std::vector<ObjectId>(unit.slot_names.size(), kNoObject),
           run.stack);
  Frame frame = heap.frames().Pop();
  for (ObjectId value : frame.slots) {
    if (value != kNoObject) heap.DecRef(value);
  }
  interp.TakeError().IgnoreError();
  interp.ReleaseUnwoundFrames(interp.TakeUnwoundFrames());
  interp.error_ = std::move(pending);
  interp.unwound_ = std::move(pending_frames);
  interp.error_exception_ = std::move(pending_exception);
  interp.return_value_ = std::move(pending_return);
  run.yielded.Reset();
  run.stack.clear();
  run.fiber.reset();
  --interp.session_.generator_fibers;
}

namespace {

// Unwinds the fibers of the generators the heap freed unfinished, and of
// those their unwinding frees in turn; sets `unclosed` if one of them was
// freed without being closed as CPython closes it, `finalized` if a
// collection saved one in gc.garbage (CPython finalizes it first).
template <typename UnwindFn>
void UnwindFreedFibers(Heap& heap, SessionState& session, bool& unclosed, bool& finalized,
                       UnwindFn unwind) {
  while (heap.has_freed_generators()) {
    finalized |= heap.TakeGeneratorFinalizedByCollector();
    // The heap closed these by clearing their frames, value stack included.
    for (uint32_t state : heap.TakeClosedGenerators()) {
      const GeneratorSite site = session.generators[state];
      if (!site.run) continue;
      site.run->object = kNoObject;
      site.run->stack_released = true;
      unwind(site);
    }
    for (uint32_t state : heap.TakeUnclosedGenerators()) {
      unclosed = true;
      const GeneratorSite site = session.generators[state];
      if (!site.run) continue;
      site.run->object = kNoObject;
      unwind(site);
    }
  }
}

}  // namespace

void GeneratorFunctions::SeparateRuns(SessionState& session) {
  for (GeneratorSite& site : session.generators) {
    if (!site.run) continue;
    const GeneratorRun& shared = *site.run;
    auto own = std::make_shared<GeneratorRun>();
    own->finished = shared.finished;
    own->abandoned = shared.abandoned;
    own->stack = shared.stack;
    own->object = shared.object;
    own->position = shared.position;
    site.run = std::move(own);
  }
}

bool GeneratorFunctions::UnwindFreed(Interpreter& interp) {
  bool unclosed = false;
  bool finalized = false;
  UnwindFreedFibers(interp.heap_, interp.session_, unclosed, finalized,
                    [&interp](const GeneratorSite& site) { Unwind(interp, site); });
  if (finalized) {
    interp.Refuse(
        "a generator found unreachable under gc.DEBUG_SAVEALL (CPython finalizes it, closing "
        "it through its frame, before saving it in gc.garbage)");
    return true;
  }
  if (!unclosed) return false;
  interp.Refuse(
      "freeing a generator that has not finished (CPython closes it, raising GeneratorExit in "
      "its frame, which heapsim does not model)");
  return true;
}

void GeneratorFunctions::AbandonSuspended(Interpreter& interp) {
  Heap& heap = interp.heap_;
  SessionState& session = interp.session_;
  bool unclosed = false;
  bool finalized = false;
  UnwindFreedFibers(heap, session, unclosed, finalized,
                    [&interp](const GeneratorSite& site) { Unwind(interp, site); });
  for (size_t i = 0; i < session.generators.size(); ++i) {
    const GeneratorSite site = session.generators[i];
    if (!site.run || !site.run->fiber || site.run->finished || site.run->interpreter != &interp) {
      continue;
    }
    // What the paused statements hold passes to the generator, so that
    // unwinding them changes no count.
    IteratorBody& body = heap.iterator(site.run->object);
    for (ObjectId held : body.stack) {
      heap.IncRef(held);
      body.held.push_back(held);
      body.holds_paused_stack = true;
    }
    body.stack.clear();
    site.run->abandoned = true;
    Unwind(interp, site);
  }
}

}  // namespace heapsim::script
