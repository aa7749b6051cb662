// Fiber runs a function on a stack of its own that it can leave and come
// back to: the interpreter runs each generator function's body on one, so
// a tree walk paused at `yield` keeps its C++ frames until it is resumed.
//
// A fiber's stack is reserved (kFiberStackBytes, with a guard page below
// it) and committed by the kernel only as it is touched. Fibers are not
// thread-safe: one thread resumes a fiber at a time, and a fiber suspends
// only to the Resume that ran it. Switches are told to AddressSanitizer and
// ThreadSanitizer (their fiber interfaces); ASan still prints its one-time
// warning that swapcontext is not fully supported.

#ifndef HEAPSIM_SERVER_SCRIPT_FIBER_H_
#define HEAPSIM_SERVER_SCRIPT_FIBER_H_

#include <ucontext.h>

#include <cstddef>
#include <memory>

#include "absl/functional/any_invocable.h"
#include "absl/status/statusor.h"

namespace heapsim::script {

// The bytes reserved for each fiber's stack: room for CPython's recursion
// limit of calls and the engine's deepest C-level recursions.
inline constexpr size_t kFiberStackBytes = size_t{256} << 20;

// How many fibers may have a stack at once in the whole process; Create
// fails past it.
inline constexpr size_t kMaxLiveFibers = 8192;

class Fiber {
 public:
  // A fiber that runs `body` when first resumed; ResourceExhausted when no
  // stack can be had (kMaxLiveFibers, or the kernel refuses the mapping).
  static absl::StatusOr<std::unique_ptr<Fiber>> Create(absl::AnyInvocable<void()> body);

  // REQUIRES: the fiber never ran, or its body returned.
  ~Fiber();

  Fiber(const Fiber&) = delete;
  Fiber& operator=(const Fiber&) = delete;

  // Runs the fiber until it calls Suspend or its body returns.
  // REQUIRES: !finished() and not running.
  void Resume();

  // On the fiber: goes back to the Resume that ran it, and returns when
  // the fiber is resumed again.
  void Suspend();

  // True once `body` has returned.
  bool finished() const { return finished_; }

  // Fibers that have a stack now, process-wide.
  static size_t live();

 private:
  Fiber(absl::AnyInvocable<void()> body, void* mapping);
  static void Entry(unsigned int high, unsigned int low);
  // Switches from the resumer to the fiber, and from the fiber back to its
  // resumer (`exiting` when the fiber will never run again), telling the
  // sanitizers about the change of stacks.
  void SwitchToFiber();
  void SwitchToCaller(bool exiting);

  absl::AnyInvocable<void()> body_;
  void* mapping_;   // the whole reservation, guard page first
  void* stack_;     // its usable part
  size_t stack_bytes_;
  ucontext_t fiber_context_;
  ucontext_t caller_context_;
  bool finished_ = false;
  bool running_ = false;
  // Sanitizer bookkeeping: the fake stacks saved at a switch and the
  // bounds of the stack that last resumed the fiber.
  void* caller_fake_stack_ = nullptr;
  void* fiber_fake_stack_ = nullptr;
  const void* caller_stack_ = nullptr;
  size_t caller_stack_bytes_ = 0;
  void* tsan_fiber_ = nullptr;
  void* tsan_caller_ = nullptr;
};

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_FIBER_H_
