#include "server/heap/budget.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "server/heap/heap.h"
#include "server/heap/py_error.h"

namespace heapsim {

namespace {

thread_local Budget* current_budget = nullptr;

// No simulated process can hold more than its 47-bit user address space.
constexpr uint64_t kAddressSpaceBytes = uint64_t{1} << 47;

// Growth smaller than this is not checked against the host memory at once.
constexpr uint64_t kHostBytesWorthAsking = 1 << 20;

// The host memory is read at every this many clock checks (it costs more).
constexpr uint32_t kChecksPerHostRead = 16;

}  // namespace

Budget::Budget(BudgetOptions options)
    : options_(std::move(options)),
      start_(absl::Now()),
      deadline_(options_.time_limit > absl::ZeroDuration() ? start_ + options_.time_limit
                                                           : absl::InfiniteFuture()) {}

bool Budget::Check() {
  countdown_ = kUnitsPerCheck;
  if (!status_.ok()) return false;
  const absl::Time now = absl::Now();
  if (now >= options_.client_deadline) {
    status_ = absl::DeadlineExceededError("the client's deadline passed while the call ran");
  } else if (absl::Status interrupted =
                 options_.interrupted ? options_.interrupted() : absl::OkStatus();
             !interrupted.ok()) {
    status_ = std::move(interrupted);
  } else if (now >= deadline_) {
    status_ = absl::ResourceExhaustedError(absl::StrCat(
        "time limit reached: the call ran longer than ", absl::FormatDuration(options_.time_limit)));
  } else if (options_.host_memory != nullptr && ++checks_ % kChecksPerHostRead == 0 &&
             !options_.host_memory->Allows(0)) {
    status_ = absl::ResourceExhaustedError(
        absl::StrCat("host memory exhausted: the server holds more than its budget of ",
                     options_.host_memory->max_bytes(), " bytes"));
  }
  return status_.ok();
}

absl::Status Budget::CheckGrowth(const Heap& heap, uint64_t bytes, uint64_t host_bytes) {
  const uint64_t footprint = heap.allocator().footprint();
  const uint64_t limit = options_.max_bytes != 0 ? options_.max_bytes : kAddressSpaceBytes;
  if (footprint > limit || bytes > limit - footprint) return PyError(PyExc::kMemoryError, "");
  // Small growth is left to the periodic check (reading the allocator's
  // figures costs more than a small allocation).
  if (host_bytes >= kHostBytesWorthAsking && options_.host_memory != nullptr &&
      !options_.host_memory->Allows(host_bytes)) {
    status_ = absl::ResourceExhaustedError(absl::StrCat(
        "host memory exhausted: ", host_bytes, " more bytes would pass the server's budget of ",
        options_.host_memory->max_bytes(), " bytes"));
    return status_;
  }
  return absl::OkStatus();
}

Budget* Budget::Current() { return current_budget; }

ScopedBudget::ScopedBudget(Budget* budget) : previous_(current_budget) {
  current_budget = budget;
}

ScopedBudget::~ScopedBudget() { current_budget = previous_; }

absl::Status BudgetStatus() {
  const Budget* budget = Budget::Current();
  return budget == nullptr ? absl::OkStatus() : budget->status();
}

absl::Status CheckGrowth(const Heap& heap, uint64_t bytes, uint64_t host_bytes) {
  Budget* budget = Budget::Current();
  if (budget == nullptr) {
    const uint64_t footprint = heap.allocator().footprint();
    if (bytes > kAddressSpaceBytes - std::min(footprint, kAddressSpaceBytes)) {
      return PyError(PyExc::kMemoryError, "");
    }
    return absl::OkStatus();
  }
  return budget->CheckGrowth(heap, bytes, host_bytes);
}

}  // namespace heapsim
