// Budget is what one call (a script run, a structured operation) may spend:
// wall-clock time up to its own time limit and the client's deadline, until
// the client cancels, simulated memory up to the session's byte limit, and
// host memory within the server's HostMemory. Long work inside the engine
// and the builtins (big-int arithmetic, repeats, sorts, membership tests,
// joins) spends work units; every kUnitsPerCheck units the budget reads the
// clock and polls cancellation, so a check costs a decrement and a compare.
//
// The budget of the running call is installed for its thread with
// ScopedBudget, so code far from the interpreter (BigInt) can spend without
// being handed one. Once exhausted, a budget stays exhausted; its status()
// says why.
//
// Thread safety: a Budget belongs to the thread that installed it.

#ifndef HEAPSIM_SERVER_HEAP_BUDGET_H_
#define HEAPSIM_SERVER_HEAP_BUDGET_H_

#include <cstdint>
#include <functional>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "server/heap/host_memory.h"

namespace heapsim {

class Heap;

struct BudgetOptions {
  absl::Duration time_limit = absl::ZeroDuration();  // zero: none
  absl::Time client_deadline = absl::InfiniteFuture();
  // Polled at each check (may be empty): an error stops the call with it
  // (the client cancelled, the server is stopping).
  std::function<absl::Status()> interrupted;
  uint64_t max_bytes = 0;           // the simulated footprint limit; 0: none
  HostMemory* host_memory = nullptr;  // the server's host memory; may be null
};

class Budget {
 public:
  // Work units between two reads of the clock.
  static constexpr int64_t kUnitsPerCheck = 1 << 14;

  // Starts the budget now.
  explicit Budget(BudgetOptions options);

  // Spends `units` of work. Returns false when the budget is exhausted
  // (now or before); status() then says why.
  bool Spend(uint64_t units) {
    countdown_ -= static_cast<int64_t>(units < kUnitsPerCheck ? units : kUnitsPerCheck);
    if (countdown_ > 0) return true;
    return Check();
  }

  bool exhausted() const { return !status_.ok(); }
  // OK while time remains; else ResourceExhausted "time limit reached ..."
  // or "host memory ...", DeadlineExceeded for the client's deadline, or
  // what `interrupted` returned.
  const absl::Status& status() const { return status_; }

  // Whether `heap` may grow by `bytes` more simulated bytes (a new object
  // or a resize): OK, or MemoryError (a Python-level error, empty message)
  // when its footprint would pass the byte limit, or ResourceExhausted when
  // the server's host memory cannot hold about `host_bytes` more (asked at
  // once from 1 MiB up; smaller growth is caught by the periodic check).
  absl::Status CheckGrowth(const Heap& heap, uint64_t bytes, uint64_t host_bytes);

  // The budget installed on this thread, or null.
  static Budget* Current();

 private:
  friend class ScopedBudget;

  // Reads the clock and the cancellation flag; false once exhausted.
  bool Check();

  const BudgetOptions options_;
  const absl::Time start_;
  const absl::Time deadline_;
  int64_t countdown_ = kUnitsPerCheck;
  uint32_t checks_ = 0;
  absl::Status status_;
};

// Installs a budget as its thread's current one for the scope's lifetime
// (restoring the previous one after).
class ScopedBudget {
 public:
  explicit ScopedBudget(Budget* budget);
  ~ScopedBudget();
  ScopedBudget(const ScopedBudget&) = delete;
  ScopedBudget& operator=(const ScopedBudget&) = delete;

 private:
  Budget* const previous_;
};

// Spends `units` of the current thread's budget; true when there is none.
inline bool SpendWork(uint64_t units) {
  Budget* budget = Budget::Current();
  return budget == nullptr || budget->Spend(units);
}

// count * each, or UINT64_MAX when that does not fit: a size to check.
inline uint64_t SizeOf(uint64_t count, uint64_t each) {
  uint64_t product = 0;
  return __builtin_mul_overflow(count, each, &product) ? UINT64_MAX : product;
}

// The current budget's status (OK when there is none).
absl::Status BudgetStatus();

// Budget::CheckGrowth of the current budget; OK when there is none.
absl::Status CheckGrowth(const Heap& heap, uint64_t bytes, uint64_t host_bytes);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_BUDGET_H_
