// Fuzz target: random sequences of structured operations (Allocate, Bind,
// frames, Mutate, Delete, Collect, Inspect and all-or-nothing batches of
// them) decoded from the fuzzer's bytes and applied to one session's
// Runtime as the service applies them, under tiny object, byte and step
// limits. After every call the heap must be consistent (every reference
// count and pymalloc's blocks in use recomputed from scratch), every error
// must have a code of the operations' contract, and a failed batch must
// leave the session as it was.

#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "heapsim/v1/heapsim.pb.h"
#include "server/script/runtime.h"
#include "server/service/operations.h"
#include "server/service/session.h"
#include "tests/fuzz/operation_decoder.h"
#include "tests/fuzz/profile_choice.h"

namespace {

namespace v1 = ::heapsim::v1;
using heapsim::script::Runtime;

constexpr int kMaxCalls = 48;
constexpr size_t kMaxBatch = 8;

[[noreturn]] void Fail(const std::string& what, const absl::Status& status) {
  std::fprintf(stderr, "operations_fuzzer: %s: %s\n", what.c_str(), status.ToString().c_str());
  std::abort();
}

void ExpectContractCode(const std::string& call, const absl::Status& status) {
  switch (status.code()) {
    case absl::StatusCode::kOk:
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kNotFound:
    case absl::StatusCode::kFailedPrecondition:
    case absl::StatusCode::kResourceExhausted:
      return;
    default:
      Fail(call + " failed with a code outside the operations' contract", status);
  }
}

void ExpectConsistent(const std::string& after, const Runtime& runtime) {
  const absl::Status status = runtime.CheckConsistency();
  if (!status.ok()) Fail("the heap is inconsistent after " + after, status);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider input(data, size);
  auto runtime =
      std::make_unique<Runtime>(heapsim::fuzz::PristineRuntime(input.ConsumeIntegral<uint8_t>()));
  const uint64_t baseline = runtime->heap().live_objects();
  heapsim::service::SessionLimits session_limits;
  session_limits.max_objects = input.ConsumeIntegralInRange<uint64_t>(1, 400);
  session_limits.max_bytes =
      runtime->heap().allocator().footprint() + input.ConsumeIntegralInRange<uint64_t>(0, 1 << 20);
  heapsim::script::RunLimits limits;
  limits.max_steps = input.ConsumeIntegralInRange<uint64_t>(1, 2000);
  limits.max_bytes = session_limits.max_bytes;

  heapsim::fuzz::OperationDecoder decoder(input);
  for (int call = 0; call < kMaxCalls && input.remaining_bytes() > 0; ++call) {
    const int kind = input.ConsumeIntegralInRange(0, 9);
    if (kind == 0) {
      const v1::InspectRequest request = decoder.NextInspect();
      v1::InspectResponse response;
      ExpectContractCode("Inspect", heapsim::service::Inspect(*runtime, limits, request, &response));
      ExpectConsistent("Inspect", *runtime);
      continue;
    }
    // What grows the heap is refused at or over the limits, as the service
    // does; Delete, PopFrame and Collect still run.
    const bool over =
        !heapsim::service::CheckLimits(runtime->heap(), session_limits, baseline).ok();
    if (kind == 1) {
      if (over) continue;
      const size_t count = input.ConsumeIntegralInRange<size_t>(1, kMaxBatch);
      auto copy = std::make_unique<Runtime>(*runtime);
      absl::Status status;
      for (size_t i = 0; i < count && status.ok(); ++i) {
        v1::Change change;
        status = heapsim::service::Apply(*copy, limits, decoder.NextOperation(), &change);
        if (status.ok()) {
          status = heapsim::service::CheckLimits(copy->heap(), session_limits, baseline);
        }
        decoder.Remember(change);
        ExpectConsistent("an operation of a batch", *copy);
      }
      ExpectContractCode("Batch", status);
      if (status.ok()) runtime = std::move(copy);
      ExpectConsistent("a batch", *runtime);
      continue;
    }
    const v1::Operation operation = decoder.NextOperation();
    const bool grows = operation.has_allocate() || operation.has_bind() ||
                       operation.has_push_frame() || operation.has_mutate();
    if (grows && over) continue;
    v1::Change change;
    const absl::Status status = heapsim::service::Apply(*runtime, limits, operation, &change);
    ExpectContractCode(operation.ShortDebugString(), status);
    decoder.Remember(change);
    ExpectConsistent(operation.ShortDebugString(), *runtime);
  }
  return 0;
}
