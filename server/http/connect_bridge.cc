#include "server/http/connect_bridge.h"

#include <chrono>

#include "absl/strings/str_cat.h"
#include "google/protobuf/dynamic_message.h"
#include "google/protobuf/message.h"
#include "google/protobuf/util/json_util.h"
#include "grpcpp/client_context.h"
#include "grpcpp/completion_queue.h"
#include "grpcpp/support/byte_buffer.h"

namespace heapsim::http {

namespace {

absl::Status FromGrpc(const grpc::Status& status) {
  if (status.ok()) return absl::OkStatus();
  return absl::Status(static_cast<absl::StatusCode>(status.error_code()), status.error_message());
}

std::unique_ptr<google::protobuf::Message> NewMessage(const google::protobuf::Descriptor* type) {
  return std::unique_ptr<google::protobuf::Message>(
      google::protobuf::MessageFactory::generated_factory()->GetPrototype(type)->New());
}

// Waits for the completion queue's next event; false when the operation
// failed (e.g. no more messages to read).
bool Await(grpc::CompletionQueue& queue) {
  void* tag = nullptr;
  bool ok = false;
  return queue.Next(&tag, &ok) && ok;
}

void Drain(grpc::CompletionQueue& queue) {
  queue.Shutdown();
  void* tag = nullptr;
  bool ok = false;
  while (queue.Next(&tag, &ok)) {
  }
}

void* const kTag = reinterpret_cast<void*>(1);

// How often a streaming call waiting on the server checks its client.
constexpr auto kClientCheckInterval = std::chrono::milliseconds(200);

}  // namespace

ConnectBridge::ConnectBridge(std::shared_ptr<grpc::Channel> channel,
                             const google::protobuf::ServiceDescriptor* service)
    : service_(service), stub_(std::move(channel)) {}

const google::protobuf::MethodDescriptor* ConnectBridge::FindMethod(std::string_view name) const {
  return service_->FindMethodByName(std::string(name));
}

std::string ConnectBridge::PathOf(const google::protobuf::MethodDescriptor& method) const {
  return absl::StrCat("/", service_->full_name(), "/", method.name());
}

void ConnectBridge::Prepare(const CallOptions& options, grpc::ClientContext* context) const {
  for (const auto& [key, value] : options.metadata) context->AddMetadata(key, value);
  if (options.timeout.has_value()) {
    context->set_deadline(std::chrono::system_clock::now() +
                          absl::ToChronoMilliseconds(*options.timeout));
  }
}

absl::StatusOr<grpc::ByteBuffer> ConnectBridge::RequestBytes(
    const google::protobuf::MethodDescriptor& method, std::string_view request_json) const {
  std::unique_ptr<google::protobuf::Message> request = NewMessage(method.input_type());
  const google::protobuf::util::Status parsed = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(request_json.data(), request_json.size()), request.get());
  if (!parsed.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("the request is not a JSON ",
                                                   method.input_type()->full_name(), ": ",
                                                   std::string(parsed.message())));
  }
  std::string wire;
  if (!request->SerializeToString(&wire)) {
    return absl::InvalidArgumentError("the request cannot be serialized");
  }
  grpc::Slice slice(wire);
  return grpc::ByteBuffer(&slice, 1);
}

absl::StatusOr<std::string> ConnectBridge::ResponseJson(
    const google::protobuf::MethodDescriptor& method, const grpc::ByteBuffer& bytes) const {
  std::vector<grpc::Slice> slices;
  if (!bytes.Dump(&slices).ok()) return absl::InternalError("unreadable response");
  std::string wire;
  for (const grpc::Slice& slice : slices) {
    wire.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
  }
  std::unique_ptr<google::protobuf::Message> response = NewMessage(method.output_type());
  if (!response->ParseFromString(wire)) return absl::InternalError("unparsable response");
  std::string json;
  const google::protobuf::util::Status printed =
      google::protobuf::util::MessageToJsonString(*response, &json);
  if (!printed.ok()) return absl::InternalError(std::string(printed.message()));
  return json;
}

absl::StatusOr<std::string> ConnectBridge::CallUnary(
    const google::protobuf::MethodDescriptor& method, std::string_view request_json,
    const CallOptions& options) {
  absl::StatusOr<grpc::ByteBuffer> request = RequestBytes(method, request_json);
  if (!request.ok()) return request.status();
  grpc::ClientContext context;
  Prepare(options, &context);
  grpc::CompletionQueue queue;
  grpc::ByteBuffer response;
  grpc::Status status;
  {
    auto call = stub_.PrepareUnaryCall(&context, PathOf(method), *request, &queue);
    call->StartCall();
    call->Finish(&response, &status, kTag);
    Await(queue);
  }
  Drain(queue);
  if (!status.ok()) return FromGrpc(status);
  return ResponseJson(method, response);
}

absl::Status ConnectBridge::CallStreaming(
    const google::protobuf::MethodDescriptor& method, std::string_view request_json,
    const CallOptions& options, const std::function<bool(std::string json)>& on_message,
    const std::function<bool()>& client_gone) {
  absl::StatusOr<grpc::ByteBuffer> request = RequestBytes(method, request_json);
  if (!request.ok()) return request.status();
  grpc::ClientContext context;
  Prepare(options, &context);
  grpc::CompletionQueue queue;
  bool cancelled = false;
  const auto cancel = [&]() {
    if (!cancelled) context.TryCancel();
    cancelled = true;
  };
  // Waits for the next event, checking on the client while it waits (a
  // script may run long without output).
  const auto await = [&]() {
    for (;;) {
      void* tag = nullptr;
      bool ok = false;
      const auto deadline = std::chrono::system_clock::now() + kClientCheckInterval;
      switch (queue.AsyncNext(&tag, &ok, deadline)) {
        case grpc::CompletionQueue::GOT_EVENT:
          return ok;
        case grpc::CompletionQueue::SHUTDOWN:
          return false;
        case grpc::CompletionQueue::TIMEOUT:
          if (client_gone()) cancel();
          break;
      }
    }
  };
  grpc::Status status;
  absl::Status local;  // an error of ours, which overrides the call's
  {
    auto call = stub_.PrepareCall(&context, PathOf(method), &queue);
    call->StartCall(kTag);
    if (await()) {
      call->Write(*request, kTag);
      if (await()) {
        call->WritesDone(kTag);
        await();
      }
    }
    for (;;) {
      grpc::ByteBuffer response;
      call->Read(&response, kTag);
      if (!await()) break;
      if (cancelled) continue;
      absl::StatusOr<std::string> json = ResponseJson(method, response);
      if (!json.ok()) local = json.status();
      if (!json.ok() || !on_message(*std::move(json))) cancel();
    }
    call->Finish(&status, kTag);
    await();
  }
  Drain(queue);
  if (!local.ok()) return local;
  return FromGrpc(status);
}

}  // namespace heapsim::http
