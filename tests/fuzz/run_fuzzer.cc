// Fuzz target: source text run as a heap script under tiny limits. The
// first bytes choose the profile, the step budget, the memory headroom and
// after how many polls the run is cancelled; the rest is the script. Any
// outcome the contract allows is fine (ran, refused, raised, stopped by a
// limit, cancelled); what must hold is that the run ends, never crashes,
// and leaves the heap consistent with the Runtime's own references.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "absl/status/status.h"
#include "server/heap/heap.h"
#include "server/script/runtime.h"
#include "tests/fuzz/nesting_guard.h"
#include "tests/fuzz/profile_choice.h"

namespace {

class DiscardingSink : public heapsim::script::OutputSink {
 public:
  void Write(std::string_view text) override { written_ += text.size(); }

 private:
  size_t written_ = 0;
};

[[noreturn]] void Fail(const char* what, const absl::Status& status) {
  std::fprintf(stderr, "run_fuzzer: %s: %s\n", what, status.ToString().c_str());
  std::abort();
}

bool Allowed(absl::StatusCode code) {
  switch (code) {
    case absl::StatusCode::kOk:
    case absl::StatusCode::kInvalidArgument:     // refused
    case absl::StatusCode::kFailedPrecondition:  // an uncaught Python error
    case absl::StatusCode::kResourceExhausted:   // a limit stopped it
    case absl::StatusCode::kDeadlineExceeded:    // a client deadline
    case absl::StatusCode::kCancelled:           // interrupted
      return true;
    default:
      return false;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  constexpr size_t kHeader = 4;
  if (size < kHeader) return 0;
  const std::string_view source(reinterpret_cast<const char*>(data) + kHeader, size - kHeader);
  if (heapsim::fuzz::NestsTooDeep(source)) return -1;

  heapsim::script::Runtime runtime(heapsim::fuzz::PristineRuntime(data[0]));
  heapsim::script::RunLimits limits;
  limits.max_steps = 1 + data[1] * 40;  // at most about 10,000 steps
  limits.max_bytes = runtime.heap().allocator().footprint() + (uint64_t{data[2]} << 14);
  const uint32_t polls_before_cancel = data[3] == 0 ? UINT32_MAX : data[3] * 64u;
  uint32_t polls = 0;
  limits.interrupted = [&polls, polls_before_cancel]() {
    return ++polls > polls_before_cancel ? absl::CancelledError("cancelled by the fuzzer")
                                         : absl::OkStatus();
  };

  DiscardingSink out;
  const absl::Status status = runtime.Exec(source, "<fuzz>", limits, out);
  if (!Allowed(status.code())) Fail("Exec ended with a status outside its contract", status);
  const absl::Status consistent = runtime.CheckConsistency();
  if (!consistent.ok()) Fail("the heap is inconsistent after the run", consistent);
  // The process's end: the finalizers of what is left.
  const absl::Status shutdown = runtime.Shutdown(status, limits, out);
  if (!Allowed(shutdown.code())) Fail("Shutdown ended with a status outside its contract", shutdown);
  const absl::Status after = runtime.CheckConsistency();
  if (!after.ok()) Fail("the heap is inconsistent after the shutdown", after);
  return 0;
}
