// The interpreter's side of the heap's finalizer queue (heap.h): running
// the __del__ of parked instances at safe points, and of the unreachable
// instances a collection finds, as slot_tp_finalize runs them.

#include <deque>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "server/heap/py_error.h"
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

bool Interpreter::RunPendingFinalizers() {
  if (heap_.TakeUnrunFinalizers() && !EndsRun(error_)) {
    TakeError().IgnoreError();
    error_argument_.Reset();
    Refuse("a collection started inside an allocation that finds an unreachable object whose "
           "class defines __del__ (heapsim runs finalizers only in gc.collect() and between "
           "statements)");
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
  return FinalizerRunner{.run = [this](ObjectId instance) { RunFinalizer(instance); },
                         .run_queued = [this]() { RunPendingFinalizers(); }};
}

}  // namespace heapsim::script
