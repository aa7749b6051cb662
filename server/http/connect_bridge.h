// ConnectBridge carries Connect calls with JSON bodies to the gRPC service
// they name. It parses a request's JSON into the method's request message
// (protobuf's JSON mapping), makes the call on a gRPC channel (heapd's
// in-process channel, so the very handlers, limits and errors of gRPC
// clients apply), and prints each response as JSON. It knows nothing of
// HTTP servers; the HTTP front end (http_server.h) frames what it returns.
//
// Thread safety: one ConnectBridge serves calls from any number of threads.

#ifndef HEAPSIM_SERVER_HTTP_CONNECT_BRIDGE_H_
#define HEAPSIM_SERVER_HTTP_CONNECT_BRIDGE_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "google/protobuf/descriptor.h"
#include "grpcpp/channel.h"
#include "grpcpp/generic/generic_stub.h"

namespace heapsim::http {

// What a Connect request carries besides its message.
struct CallOptions {
  // gRPC metadata to send (lower-case keys), e.g. the session and token.
  std::vector<std::pair<std::string, std::string>> metadata;
  // From Connect-Timeout-Ms; none: no deadline.
  std::optional<absl::Duration> timeout;
};

class ConnectBridge {
 public:
  // Serves the methods of `service` (which outlives the bridge, e.g. from
  // the generated descriptor pool) over `channel`.
  ConnectBridge(std::shared_ptr<grpc::Channel> channel,
                const google::protobuf::ServiceDescriptor* service);

  // The method `name` of the service, or null.
  const google::protobuf::MethodDescriptor* FindMethod(std::string_view name) const;

  // Makes a unary call; returns the response as JSON, or the call's error
  // (InvalidArgument for JSON that does not fit the request message).
  absl::StatusOr<std::string> CallUnary(const google::protobuf::MethodDescriptor& method,
                                        std::string_view request_json,
                                        const CallOptions& options);

  // Makes a server-streaming call and hands each response, as JSON, to
  // `on_message`; a false return cancels the call, as does `client_gone`
  // returning true (polled every 200 ms while the call waits on the
  // server). Returns the call's final status.
  absl::Status CallStreaming(const google::protobuf::MethodDescriptor& method,
                             std::string_view request_json, const CallOptions& options,
                             const std::function<bool(std::string json)>& on_message,
                             const std::function<bool()>& client_gone);

 private:
  // The request's wire bytes, from its JSON.
  absl::StatusOr<grpc::ByteBuffer> RequestBytes(const google::protobuf::MethodDescriptor& method,
                                                std::string_view request_json) const;
  // A response's JSON, from its wire bytes.
  absl::StatusOr<std::string> ResponseJson(const google::protobuf::MethodDescriptor& method,
                                           const grpc::ByteBuffer& bytes) const;
  void Prepare(const CallOptions& options, grpc::ClientContext* context) const;
  std::string PathOf(const google::protobuf::MethodDescriptor& method) const;

  const google::protobuf::ServiceDescriptor* const service_;
  grpc::GenericStub stub_;
};

}  // namespace heapsim::http

#endif  // HEAPSIM_SERVER_HTTP_CONNECT_BRIDGE_H_
