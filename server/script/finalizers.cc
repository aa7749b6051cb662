// The interpreter's side of the heap's finalizer queue (heap.h): running
// the __del__ of parked instances at safe points, and of the unreachable
// instances a collection finds, as slot_tp_finalize runs them; and the
// callbacks of weak references to objects being deallocated or collected.

#include <deque>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "server/heap/dealloc.h"
#include "server/heap/py_error.h"
#include "server/heap/tuple_object.h"
#include "server/heap/weakref_object.h"
#include "server/script/interpreter.h"
#include "server/script/special_methods.h"

namespace heapsim::script {

namespace {

// True for a pending error that ends the run (a limit, a refusal), as
// opposed to a Python exception a handler may catch.
bool EndsRun(const absl::Status& error) {
  return !error.ok() && !PyErrorType(error).has_value();
}

}  // namespace

void Interpreter::RefuseIfFinalizerInTrashcan() {
  if (const std::string chain = heap_.TakeUntrashedChainRefusal();
      !chain.empty() && !EndsRun(error_)) {
    TakeError().IgnoreError();
    error_argument_.Reset();
    Refuse(chain);
  }
  if (heap_.TakeWeakRefCallbackInTrashcan() && !EndsRun(error_)) {
    TakeError().IgnoreError();
    error_argument_.Reset();
    Refuse(absl::StrCat("weak reference callbacks of an object freed more than ",
                        heap_.profile().trashcan_depth,
                        " deallocations deep (CPython's trashcan defers its deallocation, which "
                        "heapsim does not order exactly)"));
  }
  if (!heap_.TakeFinalizerInTrashcan() || EndsRun(error_)) return;
  TakeError().IgnoreError();
  error_argument_.Reset();
  Refuse(absl::StrCat("a finalizer (__del__) of an object freed more than ",
                      heap_.profile().trashcan_depth,
                      " deallocations deep (CPython's trashcan defers it, which heapsim does not "
                      "order exactly)"));
}

void Interpreter::RunFinalizer(ObjectId instance) {
  if (EndsRun(error_)) return;
  // slot_tp_finalize saves the exception being raised around the call.
  absl::Status saved_error = std::exchange(error_, absl::OkStatus());
  Ref saved_argument = std::move(error_argument_);
  Ref saved_exception = std::move(error_exception_);
  Ref result = CallSpecialNamed(*this, instance, "__del__");
  if (!result && PyErrorType(error_).has_value()) {
    const PyExc raised = *PyErrorType(error_);
    TakeError().IgnoreError();
    error_argument_.Reset();
    const std::string what = absl::StrCat(
        "an exception raised in __del__ (", std::string(PyExcName(raised)),
        "; CPython prints 'Exception ignored in' with the function's address and a traceback "
        "on stderr, and carries on)");
    Refuse(what);
  }
  result.Reset();
  if (error_.ok()) {
    error_ = std::move(saved_error);
    error_argument_ = std::move(saved_argument);
    error_exception_ = std::move(saved_exception);
  }
}

void Interpreter::RunWeakRefCallback(ObjectId weakref, ObjectId callback) {
  if (EndsRun(error_)) return;
  absl::Status saved_error = std::exchange(error_, absl::OkStatus());
  Ref saved_argument = std::move(error_argument_);
  Ref saved_exception = std::move(error_exception_);
  CallArgs args;
  args.positional.push_back(heap_.NewRef(weakref));
  // A Python function's frame takes this reference in every version; an
  // instance's __call__ gets it from the tuple tp_call packs.
  const TypeTag type = heap_.type_of(callback);
  Ref packed;
  if (type == TypeTag::kInstance) packed = NewTupleOf(heap_, {weakref});
  args.from_sequence =
      type == TypeTag::kFunction || type == TypeTag::kMethod || type == TypeTag::kInstance;
  Ref result = Call(callback, std::move(args));
  packed.Reset();
  if (!result && PyErrorType(error_).has_value()) {
    const PyExc raised = *PyErrorType(error_);
    TakeError().IgnoreError();
    error_argument_.Reset();
    Refuse(absl::StrCat("an exception raised in a weak reference's callback (",
                        std::string(PyExcName(raised)),
                        "; CPython prints 'Exception ignored in' with the callback's address and a "
                        "traceback on stderr, and carries on)"));
  }
  result.Reset();
  if (error_.ok()) {
    error_ = std::move(saved_error);
    error_argument_ = std::move(saved_argument);
    error_exception_ = std::move(saved_exception);
  }
}

void Interpreter::ClearWeakRefsRunningCallbacks(ObjectId object) {
  std::vector<DueWeakRefCallback> due = ClearWeakRefsTakingCallbacks(heap_, object);
  if (due.empty()) return;
  if (due.size() == 1 && !heap_.profile().weakref.callbacks_from_tuple) {
    RunWeakRefCallback(due[0].weakref, due[0].callback);
    heap_.DecRef(due[0].callback);
    return;
  }
  std::vector<ObjectId> items;
  for (const DueWeakRefCallback& entry : due) {
    heap_.IncRef(entry.weakref);
    items.push_back(entry.weakref);
    items.push_back(entry.callback);
  }
  Ref tuple = NewTuple(heap_, std::move(items));
  for (const DueWeakRefCallback& entry : due) RunWeakRefCallback(entry.weakref, entry.callback);
}

bool Interpreter::RunPendingFinalizers() {
  if (heap_.TakeUnrunFinalizers() && !EndsRun(error_)) {
    TakeError().IgnoreError();
    error_argument_.Reset();
    Refuse("a collection started inside an allocation that finds an unreachable object whose "
           "class defines __del__ or that weak references with callbacks name (heapsim runs "
           "finalizers and callbacks only in gc.collect() and between statements)");
  }
  RefuseIfFinalizerInTrashcan();
  // Depth first, as CPython runs them inside the deallocations: what is
  // queued while one instance is finalized or freed comes before what was
  // queued earlier. Each step owns its reference or block.
  // Each step is done at the depth of deallocations CPython would be at;
  // what the trashcan deferred meanwhile is done once the steps nested
  // below depth zero are.
  const uint32_t entry_depth = heap_.dealloc_depth();
  std::deque<Heap::QueuedStep> work;
  while (true) {
    std::vector<Heap::QueuedStep> fresh = heap_.TakeFinalizerQueue();
    work.insert(work.begin(), fresh.begin(), fresh.end());
    if (entry_depth == 0 && heap_.has_deferred_deallocs() &&
        (work.empty() || work.front().depth == 0)) {
      heap_.EmptyTrashcan();
      continue;
    }
    if (work.empty()) return !EndsRun(error_);
    if (EndsRun(error_)) {
      heap_.ReturnFinalizerQueue(std::vector<Heap::QueuedStep>(work.begin(), work.end()));
      return false;
    }
    const Heap::QueuedStep step = work.front();
    work.pop_front();
    if (step.kind == Heap::QueuedStep::Kind::kRelease) {
      heap_.set_dealloc_depth(step.depth);
      heap_.DecRef(step.instance);
      heap_.set_dealloc_depth(entry_depth);
      continue;
    }
    if (step.kind == Heap::QueuedStep::Kind::kClearWeakRefs) {
      // Revived meanwhile through a weak reference not yet cleared: its
      // deallocation never happened in CPython, which kept it tracked.
      if (heap_.object(step.instance).refcount > 1) {
        Refuse("an object revived through a weak reference while its deallocation waited for "
               "another weak reference's callback (CPython had not begun deallocating it)");
        heap_.ReturnFinalizerQueue(std::vector<Heap::QueuedStep>(work.begin(), work.end()));
        heap_.ReturnFinalizerQueue({step});
        return false;
      }
      heap_.set_dealloc_depth(step.depth);
      ClearWeakRefsRunningCallbacks(step.instance);
      heap_.set_dealloc_depth(UsesTrashcan(heap_.type_of(step.instance)) ? step.depth - 1
                                                                          : step.depth);
      heap_.DecRef(step.instance);
      heap_.set_dealloc_depth(entry_depth);
      RefuseIfFinalizerInTrashcan();
      continue;
    }
    if (step.kind != Heap::QueuedStep::Kind::kFinalize) {
      heap_.CompleteRelease(step);
      continue;
    }
    heap_.set_dealloc_depth(step.depth);
    RunFinalizer(step.instance);
    heap_.MarkFinalized(step.instance);  // after it, as PyObject_CallFinalizer
    // Freed now (the rest of its deallocation, at its depth), unless the
    // finalizer resurrected it.
    heap_.set_dealloc_depth(step.depth - 1);
    heap_.DecRef(step.instance);
    heap_.set_dealloc_depth(entry_depth);
    RefuseIfFinalizerInTrashcan();
  }
}

absl::Status Interpreter::FinalizeAtShutdown(
    const absl::flat_hash_map<ObjectId, uint64_t>& dropped) {
  // Py_FinalizeEx's _PyGC_CollectIfEnabled, before the modules go.
  if (heap_.gc().enabled && !heap_.gc().collecting) {
    heapsim::Collect(heap_, GcState::kGenerations - 1, CollectorFinalizers());
    if (!RunPendingFinalizers()) return TakeError();
  }
  for (ObjectId instance : FinalizersDueWithout(heap_, dropped)) {
    if (!heap_.NeedsFinalizer(instance)) continue;  // freed or finalized by an earlier one
    heap_.MarkFinalized(instance);
    heap_.IncRef(instance);
    RunFinalizer(instance);
    heap_.DecRef(instance);
    if (!RunPendingFinalizers()) break;
  }
  return TakeError();
}

void Interpreter::RefuseFinalizersOfUnwoundFrame() {
  if (!heap_.has_pending_finalizers() || !PyErrorType(error_).has_value()) return;
  TakeError().IgnoreError();
  error_argument_.Reset();
  Refuse("a finalizer (__del__) of a local of a frame an exception leaves (CPython's traceback "
         "keeps the frame alive until the exception is handled)");
}

FinalizerRunner Interpreter::CollectorFinalizers() {
  return FinalizerRunner{
      .run = [this](ObjectId instance) { RunFinalizer(instance); },
      .run_queued = [this]() { RunPendingFinalizers(); },
      .run_weakref_callback = [this](ObjectId weakref, ObjectId callback) {
        RunWeakRefCallback(weakref, callback);
      }};
}

}  // namespace heapsim::script
