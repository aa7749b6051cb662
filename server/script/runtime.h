// Runtime is one session's Python machine: a simulated Heap plus what the
// interpreter keeps between runs (the __main__ module and its globals, the
// builtins, compiled programs and their code objects). Heap scripts, the
// interactive shell and the service's literal values all run here, so every
// object they make, temporaries included, lives in the simulated heap.
//
// A Runtime can be copied: the copy is an independent machine in the same
// state, which callers use to make a batch of operations all-or-nothing.
// Thread safety: none; callers serialise access.

#ifndef HEAPSIM_SERVER_SCRIPT_RUNTIME_H_
#define HEAPSIM_SERVER_SCRIPT_RUNTIME_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "server/heap/budget.h"
#include "server/heap/heap.h"
#include "server/heap/host_memory.h"
#include "server/heap/profile.h"

namespace heapsim::script {

// Limits on one run or operation. Zero means no limit.
struct RunLimits {
  uint64_t max_steps = 0;  // statements and loop iterations executed
  uint64_t max_bytes = 0;  // the simulated process's footprint
  absl::Duration max_time = absl::ZeroDuration();  // wall clock
  uint64_t max_output_bytes = 0;  // what the program prints
  absl::Time client_deadline = absl::InfiniteFuture();
  // Polled with the clock; an error stops the run with that status.
  std::function<absl::Status()> interrupted;
  HostMemory* host_memory = nullptr;  // the server's, when it has a budget
  // Called before each statement runs, with its line (for tracing a run);
  // it must not change the heap.
  std::function<void(int line)> before_statement;
};

// The budget a call under `limits` spends (time, deadline, interruption,
// memory); for work outside an interpreter run, such as inspecting a heap.
BudgetOptions BudgetFor(const RunLimits& limits);

// Where a running program's standard output goes, as it is produced.
class OutputSink {
 public:
  virtual ~OutputSink() = default;
  virtual void Write(std::string_view text) = 0;
};

class Runtime {
 public:
  explicit Runtime(const Profile& profile);
  Runtime(const Runtime& other);
  Runtime& operator=(const Runtime& other);
  ~Runtime();

  // CheckConsistency (consistency.h) of the heap, counting the references
  // the interpreter itself holds (modules, builtins, compiled programs):
  // OK when every count and pymalloc's bookkeeping agree with the objects.
  absl::Status CheckConsistency() const;

  Heap& heap() { return *heap_; }
  const Heap& heap() const { return *heap_; }
  const Profile& profile() const { return heap_->profile(); }

  // Compiles and runs `source` as the __main__ module (names go to the
  // module frame, which persists across runs). Returns:
  //  * OK when the program ran to its end;
  //  * InvalidArgument "FILE:LINE:COL: ..." when it is not valid Python or
  //    uses a construct outside the subset; nothing ran;
  //  * FailedPrecondition with CPython's last traceback line ("KeyError:
  //    'city'") for an uncaught exception; the heap keeps what ran before;
  //  * ResourceExhausted when a step, time or host-memory limit stopped
  //    it (a simulated allocation past max_bytes raises MemoryError);
  //  * DeadlineExceeded when the client's deadline passed, or the status
  //    `limits.interrupted` stopped it with.
  absl::Status Exec(std::string_view source, std::string_view filename, const RunLimits& limits,
                    OutputSink& out);

  // The directory relative script names of later Execs are relative to:
  // where the profile runs __main__ under its absolute path (3.9+), that
  // is the name the script's frames show (empty: the name as given).
  void set_working_directory(std::string directory) { working_directory_ = std::move(directory); }

  // The end of the simulated process, after the last Exec, as CPython's
  // Py_FinalizeEx ends it: a full collection first when the collector is
  // enabled (finalizing what is already unreachable); then, the modules
  // gone, its last collection finds __main__ and what only it reaches
  // unreachable and runs the
  // finalizers (__del__) of the instances among them still due, in the
  // collector's order (generation 2's list, then 0's, then 1's), their
  // globals still bound; what they print goes to `out`. `program_status`
  // is the last Exec's: after an uncaught exception (whose traceback keeps
  // frames alive) finalizers still due are refused. Returns OK, or the
  // refusal or limit that stopped a finalizer. Nothing runs on the Runtime
  // afterwards.
  absl::Status Shutdown(const absl::Status& program_status, const RunLimits& limits,
                        OutputSink& out);

  // Runs one interactive input (a statement or a block) as Python's REPL
  // does: returns the repr of an expression statement's value (not None),
  // else nullopt. Errors as for Exec.
  absl::StatusOr<std::optional<std::string>> RunInteractive(std::string_view source,
                                                            const RunLimits& limits,
                                                            OutputSink& out);

  // Evaluates one expression (a literal such as "[1, 2, 3]", or any
  // expression of the subset) in the module frame and returns its value.
  // `limits` bound the evaluation as they bound a run (a comprehension over
  // a huge range stops with ResourceExhausted); errors as for Exec.
  absl::StatusOr<Ref> Evaluate(std::string_view expression, const RunLimits& limits);

  // Structured operations, with the interpreter's semantics and CPython's
  // errors (a failed operation changes nothing):
  // Each runs within `limits` (time, memory), stopping as Exec does.
  // obj.method(*args), e.g. ("append", {x}) on a list; returns the result.
  absl::StatusOr<Ref> CallMethod(ObjectId object, std::string_view method,
                                 const std::vector<ObjectId>& args, const RunLimits& limits);
  // container[key] = value / del container[key].
  absl::Status SetItem(ObjectId container, ObjectId key, ObjectId value,
                       const RunLimits& limits);
  absl::Status DelItem(ObjectId container, ObjectId key, const RunLimits& limits);
  // obj.name = value / del obj.name (instances of program classes).
  absl::Status SetAttr(ObjectId object, std::string_view name, ObjectId value,
                       const RunLimits& limits);
  absl::Status DelAttr(ObjectId object, std::string_view name, const RunLimits& limits);

  // Compiled programs the Runtime keeps because their code may run again
  // (a function, lambda or generator made from them is alive). A program
  // whose code cannot run again is forgotten when its run ends.
  size_t retained_programs() const;

 private:
  class State;

  std::unique_ptr<Heap> heap_;
  std::unique_ptr<State> state_;
  std::string working_directory_;
};

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_RUNTIME_H_
