#include "server/service/heap_service.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "google/protobuf/util/time_util.h"
#include "server/heap/profile.h"
#include "server/heap/stats.h"
#include "server/heap/type_info.h"
#include "server/script/runtime.h"
#include "server/service/operations.h"

namespace heapsim::service {

namespace {

constexpr char kDefaultProfile[] = "3.11";
constexpr uint64_t kDefaultExecSteps = 100'000'000;
constexpr size_t kStdoutChunk = 8192;
constexpr uint32_t kDefaultTraceSteps = 1000;
constexpr uint32_t kMaxTraceSteps = 10000;
// A trace step describes at most this many objects, and a whole trace at
// most kTraceObjectBudget objects, referents and slots together (then its
// steps stop, as past max_trace_steps), so that tracing a large heap stays
// bounded in time and message size.
constexpr size_t kMaxStepObjects = 10000;
constexpr size_t kTraceObjectBudget = 2'000'000;

std::vector<std::string> MetadataValues(const grpc::ServerContextBase& context,
                                        const std::string& key) {
  std::vector<std::string> values;
  auto range = context.client_metadata().equal_range(key);
  for (auto it = range.first; it != range.second; ++it) {
    values.emplace_back(it->second.data(), it->second.size());
  }
  return values;
}

absl::Status NoToken() {
  return absl::UnauthenticatedError(absl::StrCat("the call has no ", kTokenHeader, " metadata"));
}

// New calls once heapd began its shutdown.
absl::Status ShuttingDown() { return absl::UnavailableError("heapd is shutting down"); }

// Finishes a unary call with `status`.
grpc::ServerUnaryReactor* Finish(grpc::CallbackServerContext* context, const absl::Status& status) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  reactor->Finish(ToGrpc(status));
  return reactor;
}

uint64_t Capped(uint64_t requested, uint64_t fallback, uint64_t max) {
  uint64_t value = requested != 0 ? requested : fallback;
  if (max != 0 && (value == 0 || value > max)) value = max;
  return value;
}

// Streams a script's output, in chunks, its heap events and the steps of
// its trace.
class ExecStream : public script::OutputSink, public HeapObserver {
 public:
  // Sends at most `max_steps` steps before the last one.
  // Steps carry the memory statistics when `step_stats`.
  ExecStream(grpc::ServerWriter<v1::ExecEvent>* writer, Heap* heap, bool events,
             uint32_t max_steps, bool step_stats)
      : writer_(writer),
        heap_(heap),
        events_(events),
        step_stats_(step_stats),
        max_steps_(max_steps) {
    if (events_) heap_->AddObserver(this);
  }
  ~ExecStream() override {
    if (events_) heap_->RemoveObserver(this);
  }

  void Write(std::string_view text) override {
    pending_.append(text.data(), text.size());
    if (pending_.size() >= kStdoutChunk) Flush();
  }
  // Sends what is pending, in events of at most kStdoutChunk bytes.
  void Flush() {
    for (size_t at = 0; at < pending_.size(); at += kStdoutChunk) {
      v1::ExecEvent event;
      event.set_stdout(pending_.substr(at, kStdoutChunk));
      writer_->Write(event);
    }
    pending_.clear();
  }

  // Sends the heap as the statement at `line` is about to run (0: after
  // the last one, which is always sent).
  void Step(int line) {
    if (line != 0 && (steps_ >= max_steps_ || described_ >= kTraceObjectBudget)) {
      truncated_ = true;
      return;
    }
    Flush();
    v1::ExecEvent event;
    v1::StepEvent* step = event.mutable_step();
    step->set_index(steps_++);
    step->set_line(static_cast<uint32_t>(line));
    const bool whole = DescribeFrames(*heap_, step->mutable_frames(), step->mutable_objects(),
                                      kMaxStepObjects);
    step->set_objects_truncated(!whole);
    if (step_stats_) FillStats(ComputeStats(*heap_), step->mutable_stats());
    for (const v1::ObjectInfo& object : step->objects()) {
      described_ += 1 + static_cast<size_t>(object.referents_size() + object.slots_size());
    }
    writer_->Write(event);
  }
  bool truncated() const { return truncated_; }

  void On(const AllocEvent& e) override {
    Send(v1::HeapEvent::ALLOC, e.address, std::string(InfoOf(e.type).name), "", 0);
  }
  void On(const FreeEvent& e) override {
    Send(v1::HeapEvent::FREE, e.address, std::string(InfoOf(e.type).name), "", 0);
  }
  void On(const BindEvent& e) override {
    Send(v1::HeapEvent::BIND, e.id == kNoObject ? 0 : heap_->address_of(e.id), "",
         std::string(e.name), e.frame);
  }
  void On(const MutateEvent& e) override {
    Send(v1::HeapEvent::MUTATE, heap_->address_of(e.id), "", std::string(e.what), 0);
  }
  void On(const CollectEvent& e) override {
    Flush();
    v1::ExecEvent event;
    v1::HeapEvent* heap_event = event.mutable_heap_event();
    heap_event->set_kind(v1::HeapEvent::COLLECT);
    heap_event->set_generation(e.generation);
    heap_event->set_collected(e.unreachable);
    writer_->Write(event);
  }

 private:
  void Send(v1::HeapEvent::Kind kind, uint64_t address, std::string type, std::string name,
            uint32_t frame) {
    Flush();
    v1::ExecEvent event;
    v1::HeapEvent* heap_event = event.mutable_heap_event();
    heap_event->set_kind(kind);
    heap_event->set_address(address);
    heap_event->set_type(std::move(type));
    heap_event->set_name(std::move(name));
    heap_event->set_frame(frame);
    writer_->Write(event);
  }

  grpc::ServerWriter<v1::ExecEvent>* writer_;
  Heap* heap_;
  const bool events_;
  const bool step_stats_;
  const uint32_t max_steps_;
  uint64_t steps_ = 0;
  size_t described_ = 0;  // objects, referents and slots the steps so far described
  bool truncated_ = false;
  std::string pending_;
};

}  // namespace

grpc::Status ToGrpc(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()),
                      std::string(status.message()));
}

HeapServiceImpl::HeapServiceImpl(SessionRegistry* registry, ServiceLimits limits,
                                 std::function<void(const std::string&)> log)
    : registry_(registry), limits_(limits), log_(std::move(log)) {
  SetMessageAllocatorFor_Batch(&batch_allocator_);
}

absl::Status HeapServiceImpl::CheckResponseSize(const google::protobuf::Message& response) const {
  const uint64_t bytes = response.ByteSizeLong();
  if (limits_.max_message_bytes == 0 || bytes <= limits_.max_message_bytes) return absl::OkStatus();
  return absl::ResourceExhaustedError(
      absl::StrCat("the answer would be ", bytes, " bytes, more than the server's largest message (",
                   limits_.max_message_bytes, " bytes); ask for less (one object, a smaller batch)"));
}

SessionLimits HeapServiceImpl::Effective(const v1::Limits& requested) const {
  SessionLimits limits;
  limits.max_objects =
      Capped(requested.max_objects(), limits_.defaults.max_objects, limits_.max.max_objects);
  limits.max_bytes = Capped(requested.max_bytes(), limits_.defaults.max_bytes, limits_.max.max_bytes);
  limits.max_steps = Capped(requested.max_steps(), limits_.defaults.max_steps, limits_.max.max_steps);
  limits.max_output_bytes = Capped(requested.max_output_bytes(), limits_.defaults.max_output_bytes,
                                   limits_.max.max_output_bytes);
  // One max_seconds bounds both kinds of call; without it each kind has its
  // default. The server's maximum caps both.
  const absl::Duration requested_time = absl::Seconds(requested.max_seconds());
  const auto capped_time = [&](absl::Duration fallback) {
    absl::Duration time = requested_time > absl::ZeroDuration() ? requested_time : fallback;
    const absl::Duration max = limits_.max.exec_time;
    if (max > absl::ZeroDuration() && (time == absl::ZeroDuration() || time > max)) time = max;
    return time;
  };
  limits.exec_time = capped_time(limits_.defaults.exec_time);
  limits.call_time = capped_time(limits_.defaults.call_time);
  const auto seconds = [](absl::Duration d) { return static_cast<uint64_t>(absl::ToInt64Seconds(d)); };
  limits.idle_timeout = absl::Seconds(static_cast<int64_t>(
      Capped(requested.idle_timeout_seconds(), seconds(limits_.defaults.idle_timeout),
             seconds(limits_.max.idle_timeout))));
  return limits;
}

void HeapServiceImpl::FillSession(Session& session, v1::Session* out) {
  out->set_name(session.name());
  out->set_profile(std::string(session.profile().version));
  v1::Limits* limits = out->mutable_limits();
  limits->set_max_objects(session.limits().max_objects);
  limits->set_max_bytes(session.limits().max_bytes);
  limits->set_max_steps(session.limits().max_steps);
  limits->set_max_seconds(static_cast<uint32_t>(absl::ToInt64Seconds(session.limits().exec_time)));
  limits->set_max_output_bytes(session.limits().max_output_bytes);
  limits->set_idle_timeout_seconds(
      static_cast<uint32_t>(absl::ToInt64Seconds(session.limits().idle_timeout)));
  *out->mutable_create_time() = google::protobuf::util::TimeUtil::NanosecondsToTimestamp(
      absl::ToUnixNanos(session.create_time()));
  out->set_live_objects(session.live_objects());
  out->set_frames(session.frames());
}

absl::StatusOr<std::shared_ptr<Session>> HeapServiceImpl::Authorize(
    const grpc::ServerContextBase& context) const {
  if (Stopping()) return ShuttingDown();
  const std::vector<std::string> names = MetadataValues(context, kSessionHeader);
  const std::vector<std::string> tokens = MetadataValues(context, kTokenHeader);
  if (names.empty()) {
    return absl::InvalidArgumentError(absl::StrCat("the call has no ", kSessionHeader,
                                                   " metadata naming its session"));
  }
  if (tokens.empty()) return NoToken();
  return registry_->Find(names.front(), tokens.front());
}

void HeapServiceImpl::Stop() { stopping_.store(true); }

absl::Status HeapServiceImpl::Interrupted(grpc::ServerContextBase& context) const {
  if (Stopping()) return absl::UnavailableError("the server is shutting down");
  if (context.IsCancelled()) return absl::CancelledError("the call was cancelled");
  return absl::OkStatus();
}

bool HeapServiceImpl::Stopping() const { return stopping_.load(std::memory_order_relaxed); }

absl::Status HeapServiceImpl::RunAndUnlock(Session& session, grpc::CallbackServerContext* context,
                                           Effect effect, const google::protobuf::Message* response,
                                           const Operation& operation) {
  const script::RunLimits limits =
      session.CallLimits(CallKind::kStructured, absl::FromChrono(context->deadline()),
                         [this, context]() { return Interrupted(*context); });
  absl::Status status;
  if (context->IsCancelled()) {
    status = absl::CancelledError("the call was cancelled while it waited for its session");
  } else if (effect == Effect::kGrows) {
    status = CheckLimits(session.runtime().heap(), session.limits(), session.baseline_objects());
    if (status.ok()) status = session.CheckHostMemory();
  }
  if (status.ok()) {
    // An operation cannot run finalizers (it has no output): one that would
    // (freeing an instance whose class defines __del__) is refused and
    // leaves the session as it was.
    std::unique_ptr<script::Runtime> before;
    if (effect != Effect::kReads && session.runtime().heap().has_finalizer_classes()) {
      before = std::make_unique<script::Runtime>(session.runtime());
    }
    status = operation(session, limits);
    Heap& heap = session.runtime().heap();
    if (before != nullptr && (heap.has_pending_finalizers() || heap.TakeUnrunFinalizers())) {
      session.ReplaceRuntime(std::move(before));
      status = absl::InvalidArgumentError(
          "unsupported: an operation that frees an object whose class defines __del__ (its "
          "finalizer would run here; free it in a script or the shell)");
    }
  }
  if (status.ok()) status = CheckResponseSize(*response);
  session.NoteHeap();
  session.mu().unlock();
  if (status.ok() && effect != Effect::kReads) session.hub().Publish();
  return status;
}

grpc::ServerUnaryReactor* HeapServiceImpl::OnSession(grpc::CallbackServerContext* context,
                                                     Effect effect,
                                                     const google::protobuf::Message* response,
                                                     Operation operation) {
  absl::StatusOr<std::shared_ptr<Session>> found = Authorize(*context);
  if (!found.ok()) return Finish(context, found.status());
  std::shared_ptr<Session> session = *std::move(found);
  session->Touch();
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  if (session->mu().try_lock()) {
    reactor->Finish(ToGrpc(RunAndUnlock(*session, context, effect, response, operation)));
    return reactor;
  }
  // The session is busy: wait for it on a thread of the pool.
  const bool queued =
      waiting_.Run([this, session, context, effect, response, operation, reactor]() {
    session->mu().lock();
    reactor->Finish(ToGrpc(RunAndUnlock(*session, context, effect, response, operation)));
  });
  if (!queued) {
    reactor->Finish(grpc::Status(grpc::StatusCode::UNAVAILABLE,
                                 "too many calls are waiting for busy sessions; retry later"));
  }
  return reactor;
}

grpc::ServerUnaryReactor* HeapServiceImpl::CreateSession(grpc::CallbackServerContext* context,
                                                         const v1::CreateSessionRequest* request,
                                                         v1::CreateSessionResponse* response) {
  if (Stopping()) return Finish(context, ShuttingDown());
  if (request->profile().empty()) {
    return Finish(context, absl::InvalidArgumentError(
                               absl::StrCat("profile is required: one of ", KnownProfileNames())));
  }
  absl::StatusOr<std::shared_ptr<Session>> session =
      registry_->Create(request->profile(), Effective(request->limits()), request->session_id());
  if (!session.ok()) return Finish(context, session.status());
  FillSession(**session, response->mutable_session());
  response->set_token((*session)->token());
  log_(absl::StrCat("session ", (*session)->name(), " created (profile ", request->profile(),
                    ", peer ", context->peer(), ")"));
  return Finish(context, absl::OkStatus());
}

grpc::ServerUnaryReactor* HeapServiceImpl::GetSession(grpc::CallbackServerContext* context,
                                                      const v1::GetSessionRequest* request,
                                                      v1::Session* response) {
  const std::vector<std::string> tokens = MetadataValues(*context, kTokenHeader);
  if (tokens.empty()) return Finish(context, NoToken());
  absl::StatusOr<std::shared_ptr<Session>> session = registry_->Find(request->name(), tokens[0]);
  if (!session.ok()) return Finish(context, session.status());
  FillSession(**session, response);
  return Finish(context, absl::OkStatus());
}

grpc::ServerUnaryReactor* HeapServiceImpl::ListSessions(grpc::CallbackServerContext* context,
                                                        const v1::ListSessionsRequest* request,
                                                        v1::ListSessionsResponse* response) {
  const std::vector<std::string> tokens = MetadataValues(*context, kTokenHeader);
  if (tokens.empty()) return Finish(context, NoToken());
  for (const auto& session : registry_->ListFor(tokens)) {
    FillSession(*session, response->add_sessions());
  }
  return Finish(context, absl::OkStatus());
}

grpc::ServerUnaryReactor* HeapServiceImpl::DeleteSession(grpc::CallbackServerContext* context,
                                                         const v1::DeleteSessionRequest* request,
                                                         v1::DeleteSessionResponse* response) {
  const std::vector<std::string> tokens = MetadataValues(*context, kTokenHeader);
  if (tokens.empty()) return Finish(context, NoToken());
  absl::Status status = registry_->Delete(request->name(), tokens[0]);
  if (status.ok()) log_(absl::StrCat("session ", request->name(), " deleted"));
  return Finish(context, status);
}

grpc::ServerUnaryReactor* HeapServiceImpl::Allocate(grpc::CallbackServerContext* context,
                                                    const v1::AllocateRequest* request,
                                                    v1::Change* response) {
  return OnSession(context, Effect::kGrows, response, [request, response](Session& s, const script::RunLimits& limits) {
    return service::Allocate(s.runtime(), limits, *request, response);
  });
}

grpc::ServerUnaryReactor* HeapServiceImpl::Bind(grpc::CallbackServerContext* context,
                                                const v1::BindRequest* request,
                                                v1::Change* response) {
  return OnSession(context, Effect::kGrows, response, [request, response](Session& s, const script::RunLimits& limits) {
    return service::Bind(s.runtime(), limits, *request, response);
  });
}

grpc::ServerUnaryReactor* HeapServiceImpl::PushFrame(grpc::CallbackServerContext* context,
                                                     const v1::PushFrameRequest* request,
                                                     v1::Change* response) {
  return OnSession(context, Effect::kGrows, response, [request, response](Session& s, const script::RunLimits&) {
    return service::PushFrame(s.runtime(), *request, response);
  });
}

grpc::ServerUnaryReactor* HeapServiceImpl::PopFrame(grpc::CallbackServerContext* context,
                                                    const v1::PopFrameRequest* /*request*/,
                                                    v1::Change* response) {
  return OnSession(context, Effect::kFrees, response, [response](Session& s, const script::RunLimits&) {
    return service::PopFrame(s.runtime(), response);
  });
}

grpc::ServerUnaryReactor* HeapServiceImpl::Mutate(grpc::CallbackServerContext* context,
                                                  const v1::MutateRequest* request,
                                                  v1::Change* response) {
  return OnSession(context, Effect::kGrows, response, [request, response](Session& s, const script::RunLimits& limits) {
    return service::Mutate(s.runtime(), limits, *request, response);
  });
}

grpc::ServerUnaryReactor* HeapServiceImpl::Delete(grpc::CallbackServerContext* context,
                                                  const v1::DeleteRequest* request,
                                                  v1::Change* response) {
  return OnSession(context, Effect::kFrees, response, [request, response](Session& s, const script::RunLimits& limits) {
    return service::Delete(s.runtime(), limits, *request, response);
  });
}

grpc::ServerUnaryReactor* HeapServiceImpl::Collect(grpc::CallbackServerContext* context,
                                                   const v1::CollectRequest* request,
                                                   v1::CollectResponse* response) {
  return OnSession(context, Effect::kFrees, response, [request, response](Session& s, const script::RunLimits&) {
    return service::Collect(s.runtime(), *request, response);
  });
}

grpc::ServerUnaryReactor* HeapServiceImpl::Inspect(grpc::CallbackServerContext* context,
                                                   const v1::InspectRequest* request,
                                                   v1::InspectResponse* response) {
  return OnSession(context, Effect::kReads, response, [request, response](Session& s, const script::RunLimits& limits) {
    return service::Inspect(s.runtime(), limits, *request, response);
  });
}

grpc::ServerUnaryReactor* HeapServiceImpl::Batch(grpc::CallbackServerContext* context,
                                                 const v1::BatchRequest* request,
                                                 v1::BatchResponse* response) {
  return OnSession(context, Effect::kGrows, response,
                   [request, response](Session& s, const script::RunLimits& limits) -> absl::Status {
    // All or none: the batch runs on a copy that replaces the session's
    // interpreter only if every operation succeeded.
    auto copy = std::make_unique<script::Runtime>(s.runtime());
    for (int i = 0; i < request->operations_size(); ++i) {
      absl::Status status = Apply(*copy, limits, request->operations(i), response->add_changes());
      if (status.ok()) status = CheckLimits(copy->heap(), s.limits(), s.baseline_objects());
      if (!status.ok()) {
        response->Clear();
        return absl::Status(status.code(),
                            absl::StrCat("operation ", i, ": ", status.message()));
      }
    }
    s.ReplaceRuntime(std::move(copy));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* HeapServiceImpl::CheckConsistency(
    grpc::CallbackServerContext* context, const v1::CheckConsistencyRequest* request,
    v1::CheckConsistencyResponse* response) {
  return OnSession(context, Effect::kReads, response, [response](Session& s, const script::RunLimits&) {
    response->set_live_objects(s.runtime().heap().live_objects());
    return s.runtime().CheckConsistency();
  });
}

grpc::Status HeapServiceImpl::Exec(grpc::ServerContext* context, const v1::ExecRequest* request,
                                   grpc::ServerWriter<v1::ExecEvent>* writer) {
  std::shared_ptr<Session> session;
  if (Stopping()) return ToGrpc(ShuttingDown());
  const bool fresh_session = MetadataValues(*context, kSessionHeader).empty();
  if (fresh_session) {
    // A fresh session for this call only.
    absl::StatusOr<std::shared_ptr<Session>> fresh = registry_->CreateUnlisted(
        request->profile().empty() ? kDefaultProfile : request->profile(),
        Effective(request->limits()));
    if (!fresh.ok()) return ToGrpc(fresh.status());
    session = *std::move(fresh);
  } else {
    absl::StatusOr<std::shared_ptr<Session>> found = Authorize(*context);
    if (!found.ok()) return ToGrpc(found.status());
    session = *std::move(found);
    session->Touch();
  }
  v1::ExecResult result;
  absl::Status client_gone;
  {
    std::lock_guard<std::mutex> lock(session->mu());
    script::Runtime& runtime = session->runtime();
    const uint32_t max_trace_steps =
        request->max_trace_steps() == 0 ? kDefaultTraceSteps
                                        : std::min(request->max_trace_steps(), kMaxTraceSteps);
    ExecStream stream(writer, &runtime.heap(), request->stream_events(), max_trace_steps,
                      request->stream_stats());
    script::RunLimits limits =
        session->CallLimits(CallKind::kExec, absl::FromChrono(context->deadline()),
                            [this, context]() { return Interrupted(*context); });
    if (limits.max_steps == 0) limits.max_steps = kDefaultExecSteps;
    if (request->trace_steps()) limits.before_statement = [&stream](int line) { stream.Step(line); };
    const std::string filename = request->filename().empty() ? "<string>" : request->filename();
    absl::Status status;
    if (request->interactive()) {
      absl::StatusOr<std::optional<std::string>> echoed =
          runtime.RunInteractive(request->source(), limits, stream);
      status = echoed.status();
      if (echoed.ok() && echoed->has_value()) stream.Write(**echoed + "\n");
    } else {
      runtime.set_working_directory(request->working_directory());
      status = runtime.Exec(request->source(), filename, limits, stream);
      // A fresh session is the whole process: it ends with the program.
      if (fresh_session) {
        if (absl::Status shutdown = runtime.Shutdown(status, limits, stream); !shutdown.ok()) {
          status = shutdown;
        }
      }
    }
    session->NoteHeap();
    if (request->trace_steps()) {
      stream.Step(0);
      result.set_trace_truncated(stream.truncated());
    }
    stream.Flush();
    if (request->stream_stats()) {
      v1::ExecEvent event;
      FillStats(ComputeStats(runtime.heap()), event.mutable_stats());
      writer->Write(event);
    }
    switch (status.code()) {
      case absl::StatusCode::kOk:
        result.set_exit_code(0);
        break;
      case absl::StatusCode::kInvalidArgument:
        result.set_exit_code(2);
        break;
      case absl::StatusCode::kFailedPrecondition:
        result.set_exit_code(1);
        break;
      default:
        result.set_exit_code(3);
        break;
    }
    result.set_error(std::string(status.message()));
    // The client stopped waiting (its deadline, a cancellation): it gets
    // the code, not a result.
    if (status.code() == absl::StatusCode::kDeadlineExceeded ||
        status.code() == absl::StatusCode::kCancelled) {
      client_gone = status;
    }
  }
  if (!client_gone.ok()) return ToGrpc(client_gone);
  session->hub().Publish();
  v1::ExecEvent last;
  *last.mutable_result() = result;
  writer->Write(last);
  return grpc::Status::OK;
}

grpc::Status HeapServiceImpl::WatchStats(grpc::ServerContext* context,
                                         const v1::WatchStatsRequest* request,
                                         grpc::ServerWriter<v1::StatsFrame>* writer) {
  absl::StatusOr<std::shared_ptr<Session>> found = Authorize(*context);
  if (!found.ok()) return ToGrpc(found.status());
  std::shared_ptr<Session> session = *std::move(found);
  const absl::Duration interval = absl::Milliseconds(request->min_interval_ms());
  uint64_t sent = session->hub().version();
  absl::Time last_send = absl::InfinitePast();
  bool first = true;
  while (!context->IsCancelled()) {
    uint64_t version = sent;
    if (!first) {
      if (!session->hub().WaitNewer(sent, absl::Now() + absl::Milliseconds(200), &version)) break;
      if (version == sent) continue;
      const absl::Time ready = last_send + interval;
      if (absl::Now() < ready) {
        if (!session->hub().WaitUntil(ready)) break;
        version = session->hub().version();  // coalesce what came meanwhile
      }
    }
    first = false;
    v1::StatsFrame frame;
    frame.set_sequence(version);
    {
      std::lock_guard<std::mutex> lock(session->mu());
      FillStats(ComputeStats(session->runtime().heap()), frame.mutable_stats());
    }
    if (!writer->Write(frame)) break;
    sent = version;
    last_send = absl::Now();
  }
  return grpc::Status::OK;
}

}  // namespace heapsim::service
