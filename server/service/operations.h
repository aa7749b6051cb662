// Operations: the structured heap operations of heapsim.v1 applied to one
// session's Runtime. Each function checks its request, calls the engine or
// the interpreter, and fills in what changed. They know nothing of gRPC;
// the service calls them under the session's lock, and Batch calls them on
// a copy of the Runtime so that a batch is all or nothing.
//
// Errors (absl::Status): InvalidArgument for malformed requests, NotFound
// for unknown names and addresses, FailedPrecondition with CPython's error
// line for Python-level errors, ResourceExhausted for limits. An operation
// that fails changes nothing.

#ifndef HEAPSIM_SERVER_SERVICE_OPERATIONS_H_
#define HEAPSIM_SERVER_SERVICE_OPERATIONS_H_

#include <cstddef>
#include <limits>

#include "absl/status/status.h"
#include "heapsim/v1/heapsim.pb.h"
#include "server/heap/heap.h"
#include "server/heap/stats.h"
#include "server/script/runtime.h"
#include "server/service/session.h"

namespace heapsim::service {

namespace v1 = ::heapsim::v1;

// `limits` bound the evaluation of literal values (Value.literal).
absl::Status Allocate(script::Runtime& runtime, const script::RunLimits& limits,
                      const v1::AllocateRequest& request, v1::Change* change);
absl::Status Bind(script::Runtime& runtime, const script::RunLimits& limits,
                  const v1::BindRequest& request, v1::Change* change);
absl::Status PushFrame(script::Runtime& runtime, const v1::PushFrameRequest& request,
                       v1::Change* change);
absl::Status PopFrame(script::Runtime& runtime, v1::Change* change);
absl::Status Mutate(script::Runtime& runtime, const script::RunLimits& limits,
                    const v1::MutateRequest& request, v1::Change* change);
absl::Status Delete(script::Runtime& runtime, const script::RunLimits& limits,
                    const v1::DeleteRequest& request, v1::Change* change);
absl::Status Collect(script::Runtime& runtime, const v1::CollectRequest& request,
                     v1::CollectResponse* response);
absl::Status Inspect(script::Runtime& runtime, const script::RunLimits& limits,
                     const v1::InspectRequest& request, v1::InspectResponse* response);
// One operation of a batch.
absl::Status Apply(script::Runtime& runtime, const script::RunLimits& limits,
                   const v1::Operation& operation, v1::Change* change);

// ResourceExhausted when the heap is over the session's limits: more than
// `baseline` (the objects a new session starts with) plus its object limit,
// or a footprint over its byte limit.
absl::Status CheckLimits(const Heap& heap, const SessionLimits& limits, uint64_t baseline);

// What heapsim reports about one live object. Its refcount is the object's
// reference count (sys.getrefcount() less its argument's reference), not
// counting `held` references the caller holds only for the moment.
void Describe(const Heap& heap, ObjectId id, v1::ObjectInfo* info, uint64_t held = 0);

// Every frame with its names, and every object the names reach (through
// referents, and a dict's str keys) with its layout (object_layout.h), as
// Inspect with session: true reports them, up to `max_objects` objects and
// while the thread's budget (budget.h) lasts; returns false when it stopped
// early. Reads the heap only.
bool DescribeFrames(const Heap& heap, google::protobuf::RepeatedPtrField<v1::Frame>* frames,
                    google::protobuf::RepeatedPtrField<v1::ObjectInfo>* objects,
                    size_t max_objects = std::numeric_limits<size_t>::max());

// The statistics message for a snapshot.
void FillStats(const MemoryStats& stats, v1::MemoryStats* out);

}  // namespace heapsim::service

#endif  // HEAPSIM_SERVER_SERVICE_OPERATIONS_H_
