// HeapServiceImpl translates heapsim.v1 RPCs into session operations: it
// authenticates the caller against the session named in the metadata,
// takes the session's lock, runs the operation (operations.h) and maps the
// result to a gRPC status. It holds no simulation logic of its own.

#ifndef HEAPSIM_SERVER_SERVICE_HEAP_SERVICE_H_
#define HEAPSIM_SERVER_SERVICE_HEAP_SERVICE_H_

#include <functional>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "heapsim/v1/heapsim.grpc.pb.h"
#include "server/service/session.h"

namespace heapsim::service {

// Limits applied to sessions: a request's limits are capped by `max`, and
// zeros are filled from `defaults`.
struct ServiceLimits {
  SessionLimits defaults;
  SessionLimits max;
};

// Metadata keys of session calls.
inline constexpr char kSessionHeader[] = "x-heapsim-session";
inline constexpr char kTokenHeader[] = "x-heapsim-token";

// Converts an absl::Status to a grpc::Status with the same code and message.
grpc::Status ToGrpc(const absl::Status& status);

class HeapServiceImpl final : public v1::HeapService::Service {
 public:
  // `log` receives one line per session life event.
  HeapServiceImpl(SessionRegistry* registry, ServiceLimits limits,
                  std::function<void(const std::string&)> log);

  grpc::Status CreateSession(grpc::ServerContext* context, const v1::CreateSessionRequest* request,
                             v1::CreateSessionResponse* response) override;
  grpc::Status GetSession(grpc::ServerContext* context, const v1::GetSessionRequest* request,
                          v1::Session* response) override;
  grpc::Status ListSessions(grpc::ServerContext* context, const v1::ListSessionsRequest* request,
                            v1::ListSessionsResponse* response) override;
  grpc::Status DeleteSession(grpc::ServerContext* context, const v1::DeleteSessionRequest* request,
                             v1::DeleteSessionResponse* response) override;
  grpc::Status Allocate(grpc::ServerContext* context, const v1::AllocateRequest* request,
                        v1::Change* response) override;
  grpc::Status Bind(grpc::ServerContext* context, const v1::BindRequest* request,
                    v1::Change* response) override;
  grpc::Status PushFrame(grpc::ServerContext* context, const v1::PushFrameRequest* request,
                         v1::Change* response) override;
  grpc::Status PopFrame(grpc::ServerContext* context, const v1::PopFrameRequest* request,
                        v1::Change* response) override;
  grpc::Status Mutate(grpc::ServerContext* context, const v1::MutateRequest* request,
                      v1::Change* response) override;
  grpc::Status Delete(grpc::ServerContext* context, const v1::DeleteRequest* request,
                      v1::Change* response) override;
  grpc::Status Collect(grpc::ServerContext* context, const v1::CollectRequest* request,
                       v1::CollectResponse* response) override;
  grpc::Status Inspect(grpc::ServerContext* context, const v1::InspectRequest* request,
                       v1::InspectResponse* response) override;
  grpc::Status Batch(grpc::ServerContext* context, const v1::BatchRequest* request,
                     v1::BatchResponse* response) override;
  grpc::Status Exec(grpc::ServerContext* context, const v1::ExecRequest* request,
                    grpc::ServerWriter<v1::ExecEvent>* writer) override;
  grpc::Status WatchStats(grpc::ServerContext* context, const v1::WatchStatsRequest* request,
                          grpc::ServerWriter<v1::StatsFrame>* writer) override;

 private:
  // The session the call's metadata names, if its token matches.
  absl::StatusOr<std::shared_ptr<Session>> Authorize(const grpc::ServerContext& context) const;
  // What an operation can do to a session's heap. A session at or over a
  // limit refuses operations that can grow its heap (RESOURCE_EXHAUSTED)
  // but still frees and reads, so its client can bring it back under.
  enum class Effect { kReads, kGrows, kFrees };
  using Operation = std::function<absl::Status(Session&, const script::RunLimits&)>;
  // Runs `operation` on the caller's session under its lock, with the run
  // limits literal values are evaluated under; a successful operation that
  // does not only read wakes the session's watchers.
  grpc::Status OnSession(grpc::ServerContext* context, Effect effect, const Operation& operation);
  SessionLimits Effective(const v1::Limits& requested) const;
  void FillSession(Session& session, v1::Session* out);

  SessionRegistry* const registry_;
  const ServiceLimits limits_;
  const std::function<void(const std::string&)> log_;
};

}  // namespace heapsim::service

#endif  // HEAPSIM_SERVER_SERVICE_HEAP_SERVICE_H_
