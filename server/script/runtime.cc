#include "server/script/runtime.h"

#include "absl/status/status.h"
#include "server/heap/dict_object.h"
#include "server/heap/frames.h"

namespace heapsim::script {

// The interpreter's state between runs. (Being written: the interpreter
// lands in this file's place; until then the structured entry points
// answer Unimplemented.)
class Runtime::State {};

Runtime::Runtime(const Profile& profile)
    : heap_(std::make_unique<Heap>(profile)), state_(std::make_unique<State>()) {
  PushModuleFrame(*heap_, NewDict(*heap_));
}

Runtime::Runtime(const Runtime& other)
    : heap_(std::make_unique<Heap>(*other.heap_)), state_(std::make_unique<State>(*other.state_)) {}

Runtime& Runtime::operator=(const Runtime& other) {
  if (this != &other) {
    heap_ = std::make_unique<Heap>(*other.heap_);
    state_ = std::make_unique<State>(*other.state_);
  }
  return *this;
}

Runtime::~Runtime() = default;

absl::Status Runtime::Exec(std::string_view, std::string_view, const RunLimits&, OutputSink&) {
  return absl::UnimplementedError("heap scripts are not available yet");
}

absl::StatusOr<std::optional<std::string>> Runtime::RunInteractive(std::string_view,
                                                                   const RunLimits&,
                                                                   OutputSink&) {
  return absl::UnimplementedError("heap scripts are not available yet");
}

absl::StatusOr<Ref> Runtime::Evaluate(std::string_view) {
  return absl::UnimplementedError("heap scripts are not available yet");
}

absl::StatusOr<Ref> Runtime::CallMethod(ObjectId, std::string_view, const std::vector<ObjectId>&) {
  return absl::UnimplementedError("heap scripts are not available yet");
}

absl::Status Runtime::SetItem(ObjectId, ObjectId, ObjectId) {
  return absl::UnimplementedError("heap scripts are not available yet");
}

absl::Status Runtime::DelItem(ObjectId, ObjectId) {
  return absl::UnimplementedError("heap scripts are not available yet");
}

absl::Status Runtime::SetAttr(ObjectId, std::string_view, ObjectId) {
  return absl::UnimplementedError("heap scripts are not available yet");
}

absl::Status Runtime::DelAttr(ObjectId, std::string_view) {
  return absl::UnimplementedError("heap scripts are not available yet");
}

}  // namespace heapsim::script
