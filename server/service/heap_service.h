// HeapServiceImpl translates heapsim.v1 RPCs into session operations: it
// authenticates the caller against the session named in the metadata,
// takes the session's lock, runs the operation (operations.h) and maps the
// result to a gRPC status. It holds no simulation logic of its own.

#ifndef HEAPSIM_SERVER_SERVICE_HEAP_SERVICE_H_
#define HEAPSIM_SERVER_SERVICE_HEAP_SERVICE_H_

#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "google/protobuf/arena.h"
#include "grpcpp/support/message_allocator.h"
#include "heapsim/v1/heapsim.grpc.pb.h"
#include "server/service/blocking_pool.h"
#include "server/service/session.h"

namespace heapsim::service {

// Limits applied to sessions: a request's limits are capped by `max`, and
// zeros are filled from `defaults`.
struct ServiceLimits {
  SessionLimits defaults;
  SessionLimits max;  // max.exec_time caps the time of both kinds of call
  // The largest response message; a call whose answer would be larger
  // fails with RESOURCE_EXHAUSTED (0: no check).
  uint64_t max_message_bytes = 0;
};

// Calls on busy sessions wait on this many threads; beyond this many
// waiting calls, more are refused with UNAVAILABLE.
inline constexpr size_t kWaitingThreads = 16;
inline constexpr size_t kMaxWaitingCalls = 4096;

// Metadata keys of session calls.
inline constexpr char kSessionHeader[] = "x-heapsim-session";
inline constexpr char kTokenHeader[] = "x-heapsim-token";

// Converts an absl::Status to a grpc::Status with the same code and message.
grpc::Status ToGrpc(const absl::Status& status);

// The unary methods use gRPC's callback API: they run on gRPC's threads
// without a hand-off to a worker, and they are short (a literal value runs
// under the session's step limit). Exec and WatchStats block while a script
// runs or a watcher waits, so they stay on the synchronous API's own pool.
using HeapServiceBase = v1::HeapService::WithCallbackMethod_CreateSession<
    v1::HeapService::WithCallbackMethod_GetSession<
        v1::HeapService::WithCallbackMethod_ListSessions<
            v1::HeapService::WithCallbackMethod_DeleteSession<
                v1::HeapService::WithCallbackMethod_Allocate<
                    v1::HeapService::WithCallbackMethod_Bind<
                        v1::HeapService::WithCallbackMethod_PushFrame<
                            v1::HeapService::WithCallbackMethod_PopFrame<
                                v1::HeapService::WithCallbackMethod_Mutate<
                                    v1::HeapService::WithCallbackMethod_Delete<
                                        v1::HeapService::WithCallbackMethod_Collect<
                                            v1::HeapService::WithCallbackMethod_Inspect<
                                                v1::HeapService::WithCallbackMethod_Batch<
                                                    v1::HeapService::WithCallbackMethod_CheckConsistency<
                                                        v1::HeapService::Service>>>>>>>>>>>>>>;

// A MessageAllocator that puts a call's request and response on an arena of
// their own, freed at once when the call ends (Batch carries thousands of
// small messages).
template <typename Request, typename Response>
class ArenaMessageAllocator : public grpc::MessageAllocator<Request, Response> {
 public:
  grpc::MessageHolder<Request, Response>* AllocateMessages() override { return new Holder; }

 private:
  class Holder : public grpc::MessageHolder<Request, Response> {
   public:
    Holder() {
      this->set_request(google::protobuf::Arena::CreateMessage<Request>(&arena_));
      this->set_response(google::protobuf::Arena::CreateMessage<Response>(&arena_));
    }
    void Release() override { delete this; }

   private:
    google::protobuf::Arena arena_;
  };
};

class HeapServiceImpl final : public HeapServiceBase {
 public:
  // `log` receives one line per session life event.
  HeapServiceImpl(SessionRegistry* registry, ServiceLimits limits,
                  std::function<void(const std::string&)> log);

  grpc::ServerUnaryReactor* CreateSession(grpc::CallbackServerContext* context,
                                          const v1::CreateSessionRequest* request,
                                          v1::CreateSessionResponse* response) override;
  grpc::ServerUnaryReactor* GetSession(grpc::CallbackServerContext* context,
                                       const v1::GetSessionRequest* request,
                                       v1::Session* response) override;
  grpc::ServerUnaryReactor* ListSessions(grpc::CallbackServerContext* context,
                                         const v1::ListSessionsRequest* request,
                                         v1::ListSessionsResponse* response) override;
  grpc::ServerUnaryReactor* DeleteSession(grpc::CallbackServerContext* context,
                                          const v1::DeleteSessionRequest* request,
                                          v1::DeleteSessionResponse* response) override;
  grpc::ServerUnaryReactor* Allocate(grpc::CallbackServerContext* context,
                                     const v1::AllocateRequest* request,
                                     v1::Change* response) override;
  grpc::ServerUnaryReactor* Bind(grpc::CallbackServerContext* context,
                                 const v1::BindRequest* request, v1::Change* response) override;
  grpc::ServerUnaryReactor* PushFrame(grpc::CallbackServerContext* context,
                                      const v1::PushFrameRequest* request,
                                      v1::Change* response) override;
  grpc::ServerUnaryReactor* PopFrame(grpc::CallbackServerContext* context,
                                     const v1::PopFrameRequest* request,
                                     v1::Change* response) override;
  grpc::ServerUnaryReactor* Mutate(grpc::CallbackServerContext* context,
                                   const v1::MutateRequest* request,
                                   v1::Change* response) override;
  grpc::ServerUnaryReactor* Delete(grpc::CallbackServerContext* context,
                                   const v1::DeleteRequest* request,
                                   v1::Change* response) override;
  grpc::ServerUnaryReactor* Collect(grpc::CallbackServerContext* context,
                                    const v1::CollectRequest* request,
                                    v1::CollectResponse* response) override;
  grpc::ServerUnaryReactor* Inspect(grpc::CallbackServerContext* context,
                                    const v1::InspectRequest* request,
                                    v1::InspectResponse* response) override;
  grpc::ServerUnaryReactor* Batch(grpc::CallbackServerContext* context,
                                  const v1::BatchRequest* request,
                                  v1::BatchResponse* response) override;
  grpc::ServerUnaryReactor* CheckConsistency(grpc::CallbackServerContext* context,
                                             const v1::CheckConsistencyRequest* request,
                                             v1::CheckConsistencyResponse* response) override;
  grpc::Status Exec(grpc::ServerContext* context, const v1::ExecRequest* request,
                    grpc::ServerWriter<v1::ExecEvent>* writer) override;
  grpc::Status WatchStats(grpc::ServerContext* context, const v1::WatchStatsRequest* request,
                          grpc::ServerWriter<v1::StatsFrame>* writer) override;

  // Begins shutdown: running scripts and literal evaluations stop at their
  // next step (a script's call ends with its final result, exit code 3),
  // and new calls are refused with UNAVAILABLE.
  void Stop();

 private:
  bool Stopping() const;
  // Why a running call must stop now (the server stops, the client
  // cancelled), or OK.
  absl::Status Interrupted(grpc::ServerContextBase& context) const;

  // What an operation can do to a session's heap. A session at or over a
  // limit refuses operations that can grow its heap (RESOURCE_EXHAUSTED)
  // but still frees and reads, so its client can bring it back under.
  enum class Effect { kReads, kGrows, kFrees };
  using Operation = std::function<absl::Status(Session&, const script::RunLimits&)>;

  // The session the call's metadata names, if its token matches;
  // Unavailable once the shutdown began.
  absl::StatusOr<std::shared_ptr<Session>> Authorize(const grpc::ServerContextBase& context) const;
  // Runs `operation` on the caller's session under its lock, with the run
  // limits literal values are evaluated under, and finishes the call; a
  // successful operation that does not only read wakes the session's
  // watchers. A call on a busy session waits on a thread of `waiting_`.
  // `response` is checked against the largest message size.
  grpc::ServerUnaryReactor* OnSession(grpc::CallbackServerContext* context, Effect effect,
                                      const google::protobuf::Message* response,
                                      Operation operation);
  // OnSession's work, with the session's lock held by the caller; releases
  // it.
  absl::Status RunAndUnlock(Session& session, grpc::CallbackServerContext* context,
                            Effect effect, const google::protobuf::Message* response,
                            const Operation& operation);
  SessionLimits Effective(const v1::Limits& requested) const;
  // ResourceExhausted when `response` is larger than the largest message.
  absl::Status CheckResponseSize(const google::protobuf::Message& response) const;
  void FillSession(Session& session, v1::Session* out);

  SessionRegistry* const registry_;
  const ServiceLimits limits_;
  const std::function<void(const std::string&)> log_;
  ArenaMessageAllocator<v1::BatchRequest, v1::BatchResponse> batch_allocator_;
  std::atomic<bool> stopping_{false};
  // Last, so that it finishes its calls before the rest goes.
  BlockingPool waiting_{kWaitingThreads, kMaxWaitingCalls};
};

}  // namespace heapsim::service

#endif  // HEAPSIM_SERVER_SERVICE_HEAP_SERVICE_H_
