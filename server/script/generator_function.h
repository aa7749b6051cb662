// Generator functions: a call makes a generator object that keeps the
// call's frame (its slots; before 3.11 also its heap frame object, from
// 3.11 its function, as the embedded frame does), and each resumption runs
// the body on the generator's own fiber (fiber.h) until the next `yield`.
//
// While a generator is suspended its frame's slots live in the generator
// (IteratorBody::held) and the for-loop iterators its paused statements
// hold are listed in IteratorBody::stack, so the cyclic GC sees what
// CPython's generator traversal sees. Freeing an unfinished generator closes
// it: where CPython does so by clearing its frame, raising nothing (one not
// started, 3.12+; one paused, except in a `yield from`, 3.13), the heap
// clears the frame as it frees the generator (dropping the references its
// paused `for` statements hold) and its fiber is unwound afterwards;
// elsewhere (GeneratorExit through the frame) such a free stops the run
// with a refusal.

#ifndef HEAPSIM_SERVER_SCRIPT_GENERATOR_FUNCTION_H_
#define HEAPSIM_SERVER_SCRIPT_GENERATOR_FUNCTION_H_

#include <cstdint>
#include <memory>
#include <vector>

#include "server/heap/heap.h"
#include "server/script/code.h"
#include "server/script/fiber.h"
#include "server/script/interpreter.h"

namespace heapsim::script {

// Generators of one session that may have a fiber stack at once; resuming
// one more raises the session's limit error.
inline constexpr uint32_t kMaxSuspendedGenerators = 1024;

// The evaluation state of one generator function's generator.
struct GeneratorRun {
  std::unique_ptr<Fiber> fiber;        // from the first resumption until the body ends
  Interpreter* interpreter = nullptr;  // whose C++ frames are on `fiber`
  bool running = false;
  bool finished = false;   // the body returned or raised
  bool abandoned = false;  // unwound when the run that started it ended
  bool unwinding = false;  // resumed only to unwind its fiber
  bool delegating = false;  // paused in a `yield from`
  // Closing it dropped the references its paused statements held to the
  // frame's value stack: unwinding lets go of them without dropping them.
  bool stack_released = false;
  Ref yielded;             // the value passed out by `yield`
  Ref sent;                // the value passed in by send(), for `yield`
  std::vector<ObjectId> stack;  // the paused frame's Frame::stack (borrowed)
  ObjectId object = kNoObject;  // the generator (borrowed); kNoObject once freed
  Position position;            // of the statement it paused in
  uint32_t line = 0;            // and its frame's line (Context::line)
  bool line_known = true;
};

class GeneratorFunctions {
 public:
  // The generator for a call of generator function `function` (unit
  // `unit_index` of program `program_index`) whose frame is bound: its
  // slots (owned) and, before 3.11, its heap frame object (owned).
  static Ref Create(Interpreter& interp, ObjectId function, uint32_t program_index,
                    uint32_t unit_index, std::vector<ObjectId> slots, ObjectId heap_frame);

  // next(generator): the value yielded, or a null Ref when the body ends
  // (no exception pending) or raises (exception pending).
  static Ref Resume(Interpreter& interp, ObjectId generator) {
    return Resume(interp, generator, Ref());
  }

  // generator.send(value): resumes it with `value` as the paused `yield`'s
  // value; StopIteration when it ends. A generator expression takes only
  // None (anything else is refused).
  static Ref Send(Interpreter& interp, ObjectId generator, ObjectId value);

  // `yield value` in the running generator's body: suspends it; the value
  // sent in when it is resumed (None), or null with an error pending when
  // it is resumed only to be unwound.
  static Ref Yield(Interpreter& interp, const Expr& expr);

  // `yield from iterable` in the running generator's body: passes on each
  // item of its iterator (values sent in go to a generator's send()); None
  // when the iterator ends, null with an error pending as Yield.
  static Ref YieldFrom(Interpreter& interp, const Expr& expr);

  // Unwinds the fibers of the unfinished generators the heap freed, and
  // refuses the run if one of them was freed without being closed as
  // CPython closes it (see above). True if it refused.
  static bool UnwindFreed(Interpreter& interp);

  // At the end of `interp`'s run: the generators it left suspended are
  // unwound, keeping what their paused statements held (moved into the
  // generator), and can no longer be resumed.
  static void AbandonSuspended(Interpreter& interp);

  // After `session` was copied from another: gives each generator a state
  // of its own (between runs no generator has a fiber, so it copies).
  static void SeparateRuns(SessionState& session);

 private:
  // Resumes a generator function's generator, `sent` (null: None) being
  // the value of the `yield` it paused at.
  static Ref Resume(Interpreter& interp, ObjectId generator, Ref sent);
  // Runs `run`'s fiber with the generator's frame pushed and the running
  // context set; returns when it yields or its body ends.
  static void RunFiber(Interpreter& interp, GeneratorRun& run, const GeneratorSite& site,
                       std::vector<ObjectId> slots, std::vector<ObjectId> stack);
  // Resumes `run` only so that its fiber unwinds, and frees the fiber.
  static void Unwind(Interpreter& interp, const GeneratorSite& site);
};

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_GENERATOR_FUNCTION_H_
