// The gRPC service against an in-process server: every RPC, the error
// codes, token isolation, batches, streamed statistics and concurrency.

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "heapsim/v1/heapsim.grpc.pb.h"
#include "server/service/heap_service.h"
#include "server/service/session.h"

namespace heapsim::service {
namespace {

using ::testing::HasSubstr;

class ServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ServiceLimits limits;
    limits.defaults.max_objects = 100000;
    service_ = std::make_unique<HeapServiceImpl>(&registry_, limits, [](const std::string&) {});
    grpc::ServerBuilder builder;
    builder.RegisterService(service_.get());
    server_ = builder.BuildAndStart();
    stub_ = v1::HeapService::NewStub(server_->InProcessChannel(grpc::ChannelArguments()));
  }
  void TearDown() override {
    registry_.Clear();
    server_->Shutdown();
  }

  struct Handle {
    std::string name;
    std::string token;
  };

  Handle Create(const std::string& profile = "3.11", uint64_t max_objects = 0) {
    v1::CreateSessionRequest request;
    request.set_profile(profile);
    request.mutable_limits()->set_max_objects(max_objects);
    v1::CreateSessionResponse response;
    grpc::ClientContext context;
    EXPECT_TRUE(stub_->CreateSession(&context, request, &response).ok());
    return {response.session().name(), response.token()};
  }

  // A context carrying `session`'s metadata, for one unary call.
  static std::unique_ptr<grpc::ClientContext> On(const Handle& session) {
    auto context = std::make_unique<grpc::ClientContext>();
    Attach(context.get(), session);
    return context;
  }

  static void Attach(grpc::ClientContext* context, const Handle& session) {
    context->AddMetadata(kSessionHeader, session.name);
    context->AddMetadata(kTokenHeader, session.token);
  }

  grpc::Status Alloc(const Handle& session, const std::string& literal, const std::string& as,
                     v1::Change* change) {
    v1::AllocateRequest request;
    request.mutable_value()->set_literal(literal);
    request.set_as(as);
    return stub_->Allocate(On(session).get(), request, change);
  }

  uint64_t LiveObjects(const Handle& session) {
    v1::GetSessionRequest request;
    request.set_name(session.name);
    v1::Session response;
    EXPECT_TRUE(stub_->GetSession(On(session).get(), request, &response).ok());
    return response.live_objects();
  }

  // An Exec stream read to its end.
  struct ExecOutcome {
    std::vector<v1::ExecEvent> events;
    std::string out;        // every stdout chunk, in order
    v1::ExecResult result;  // the last event's, when it is the result
    grpc::Status status;
  };
  static ExecOutcome Drain(grpc::ClientReader<v1::ExecEvent>& reader) {
    ExecOutcome outcome;
    v1::ExecEvent event;
    while (reader.Read(&event)) {
      outcome.out += event.stdout();
      outcome.events.push_back(event);
    }
    outcome.status = reader.Finish();
    if (!outcome.events.empty() && outcome.events.back().has_result()) {
      outcome.result = outcome.events.back().result();
    }
    return outcome;
  }

  SessionRegistry registry_{100};
  std::unique_ptr<HeapServiceImpl> service_;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<v1::HeapService::Stub> stub_;
};

TEST_F(ServiceTest, AllocateReportsSizeRefcountAndCreatedObjects) {
  const Handle s = Create("3.11");
  v1::Change change;
  ASSERT_TRUE(Alloc(s, "[1, 2, 3]", "x", &change).ok());
  EXPECT_EQ(change.result().type(), "list");
  EXPECT_EQ(change.result().size(), 88u);
  EXPECT_EQ(change.result().refcount(), 1u);
  ASSERT_EQ(change.created_size(), 1);
  EXPECT_EQ(change.created(0).address(), change.result().address());

  v1::Change on_38;
  const Handle old = Create("3.8");
  ASSERT_TRUE(Alloc(old, "[1, 2, 3]", "x", &on_38).ok());
  EXPECT_EQ(on_38.result().size(), 80u);
}

TEST_F(ServiceTest, StructuredValuesAndAliasing) {
  const Handle s = Create();
  v1::AllocateRequest request;
  v1::Values* items = request.mutable_value()->mutable_list_value();
  items->add_items()->set_int_value("100000000000000000000");
  items->add_items()->set_str_value("hi");
  request.set_as("x");
  v1::Change change;
  ASSERT_TRUE(stub_->Allocate(On(s).get(), request, &change).ok());
  EXPECT_EQ(change.result().repr(), "[100000000000000000000, 'hi']");
  v1::BindRequest bind;
  bind.set_name("y");
  bind.mutable_target()->set_name("x");
  v1::Change bound;
  ASSERT_TRUE(stub_->Bind(On(s).get(), bind, &bound).ok());
  EXPECT_EQ(bound.result().address(), change.result().address());
  EXPECT_EQ(bound.result().refcount(), 2u);
}

TEST_F(ServiceTest, TokensIsolateSessions) {
  const Handle a = Create();
  const Handle b = Create();
  v1::Change change;
  ASSERT_TRUE(Alloc(a, "1", "x", &change).ok());

  Handle wrong{a.name, b.token};
  grpc::Status status = Alloc(wrong, "1", "x", &change);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_THAT(status.error_message(), ::testing::Not(HasSubstr(a.name)));

  v1::AllocateRequest request;
  request.mutable_value()->set_literal("1");
  grpc::ClientContext no_token;
  no_token.AddMetadata(kSessionHeader, a.name);
  EXPECT_EQ(stub_->Allocate(&no_token, request, &change).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);

  Handle unknown{"sessions/nope", a.token};
  EXPECT_EQ(Alloc(unknown, "1", "x", &change).error_code(), grpc::StatusCode::NOT_FOUND);

  grpc::ClientContext list_context;
  list_context.AddMetadata(kTokenHeader, a.token);
  v1::ListSessionsResponse list;
  ASSERT_TRUE(stub_->ListSessions(&list_context, v1::ListSessionsRequest(), &list).ok());
  ASSERT_EQ(list.sessions_size(), 1);
  EXPECT_EQ(list.sessions(0).name(), a.name);
}

TEST_F(ServiceTest, PythonErrorsAreFailedPreconditionAndChangeNothing) {
  const Handle s = Create();
  v1::Change change;
  ASSERT_TRUE(Alloc(s, "{'city': 'Oslo'}", "d", &change).ok());
  const uint64_t before = LiveObjects(s);

  v1::DeleteRequest del;
  del.mutable_item()->mutable_container()->set_name("d");
  del.mutable_item()->mutable_key()->set_literal("'zip'");
  grpc::Status status = stub_->Delete(On(s).get(), del, &change);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(status.error_message(), "KeyError: 'zip'");

  v1::MutateRequest mutate;
  mutate.mutable_target()->set_literal("(1, 2)");
  mutate.set_method("setitem");
  mutate.add_args()->set_int_value("0");
  mutate.add_args()->set_int_value("5");
  status = stub_->Mutate(On(s).get(), mutate, &change);
  EXPECT_EQ(status.error_message(), "TypeError: 'tuple' object does not support item assignment");
  EXPECT_EQ(LiveObjects(s), before);
}

TEST_F(ServiceTest, MalformedRequestsAreInvalidArgument) {
  v1::CreateSessionRequest bad_profile;
  bad_profile.set_profile("2.7");
  v1::CreateSessionResponse created;
  grpc::ClientContext create_context;
  EXPECT_EQ(stub_->CreateSession(&create_context, bad_profile, &created).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);

  const Handle s = Create();
  v1::AllocateRequest empty;
  v1::Change change;
  grpc::ClientContext context;
  Attach(&context, s);
  EXPECT_EQ(stub_->Allocate(&context, empty, &change).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);

  v1::CollectRequest collect;
  collect.set_generation(5);
  v1::CollectResponse collected;
  grpc::ClientContext collect_context;
  Attach(&collect_context, s);
  EXPECT_EQ(stub_->Collect(&collect_context, collect, &collected).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);

  EXPECT_EQ(Alloc(s, "[1, 2", "x", &change).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(Alloc(s, "nope", "x", &change).error_code(), grpc::StatusCode::FAILED_PRECONDITION);
}

TEST_F(ServiceTest, LimitsAreResourceExhausted) {
  const Handle s = Create("3.11", 50);
  v1::Change change;
  grpc::Status status = Alloc(s, "[[i] for i in range(100)]", "x", &change);
  ASSERT_TRUE(status.ok());  // the limit is checked before each call
  status = Alloc(s, "1", "y", &change);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);

  // Over its limit, a session still frees, and then grows again.
  v1::DeleteRequest del;
  del.set_name("x");
  ASSERT_TRUE(stub_->Delete(On(s).get(), del, &change).ok());
  EXPECT_EQ(change.freed_size(), 101);  // the list and its 100 lists
  EXPECT_TRUE(Alloc(s, "1", "y", &change).ok());
}

TEST_F(ServiceTest, RunawayLiteralStopsAtTheStepLimit) {
  v1::CreateSessionRequest request;
  request.set_profile("3.11");
  request.mutable_limits()->set_max_steps(10000);
  v1::CreateSessionResponse created;
  grpc::ClientContext create_context;
  ASSERT_TRUE(stub_->CreateSession(&create_context, request, &created).ok());
  const Handle s{created.session().name(), created.token()};
  const uint64_t before = LiveObjects(s);
  v1::Change change;
  grpc::Status status = Alloc(s, "[i for i in range(10**12)]", "x", &change);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_THAT(status.error_message(), HasSubstr("step limit"));
  EXPECT_EQ(LiveObjects(s), before);
}

TEST_F(ServiceTest, BatchIsAllOrNothing) {
  const Handle s = Create();
  v1::BatchRequest batch;
  v1::Operation* first = batch.add_operations();
  first->mutable_allocate()->mutable_value()->set_literal("[1]");
  first->mutable_allocate()->set_as("a");
  v1::Operation* second = batch.add_operations();
  second->mutable_mutate()->mutable_target()->set_name("a");
  second->mutable_mutate()->set_method("pop");
  second->mutable_mutate()->add_args()->set_int_value("7");
  const uint64_t before = LiveObjects(s);
  v1::BatchResponse response;
  grpc::Status status = stub_->Batch(On(s).get(), batch, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(status.error_message(), HasSubstr("operation 1: IndexError"));
  EXPECT_EQ(LiveObjects(s), before);

  batch.mutable_operations(1)->mutable_mutate()->mutable_args(0)->set_int_value("0");
  ASSERT_TRUE(stub_->Batch(On(s).get(), batch, &response).ok());
  ASSERT_EQ(response.changes_size(), 2);
  EXPECT_EQ(response.changes(1).result().repr(), "1");
}

TEST_F(ServiceTest, FramesBindAndPop) {
  const Handle s = Create();
  v1::Change change;
  ASSERT_TRUE(stub_->PushFrame(On(s).get(), v1::PushFrameRequest(), &change).ok());
  ASSERT_TRUE(Alloc(s, "[1, 2]", "local", &change).ok());
  const uint64_t address = change.result().address();
  v1::Change popped;
  grpc::ClientContext pop;
  Attach(&pop, s);
  ASSERT_TRUE(stub_->PopFrame(&pop, v1::PopFrameRequest(), &popped).ok());
  ASSERT_EQ(popped.freed_size(), 1);
  EXPECT_EQ(popped.freed(0), address);
  grpc::ClientContext again;
  Attach(&again, s);
  EXPECT_EQ(stub_->PopFrame(&again, v1::PopFrameRequest(), &popped).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
}

TEST_F(ServiceTest, ExecStreamsOutputAndCollectFindsCycles) {
  const Handle s = Create();
  v1::ExecRequest exec;
  exec.set_source("a = []\na.append(a)\ndel a\nprint('made')\n");
  grpc::ClientContext context;
  Attach(&context, s);
  const ExecOutcome run = Drain(*stub_->Exec(&context, exec));
  ASSERT_TRUE(run.status.ok());
  EXPECT_EQ(run.out, "made\n");
  ASSERT_TRUE(run.events.back().has_result());
  EXPECT_EQ(run.result.exit_code(), 0);

  v1::CollectRequest collect;
  collect.set_generation(2);
  v1::CollectResponse collected;
  ASSERT_TRUE(stub_->Collect(On(s).get(), collect, &collected).ok());
  EXPECT_EQ(collected.collected(), 1u);
  EXPECT_EQ(collected.change().freed_size(), 1);
}

TEST_F(ServiceTest, ExecExitCodes) {
  auto run = [&](const std::string& source) {
    v1::ExecRequest exec;
    exec.set_source(source);
    exec.set_profile("3.12");
    grpc::ClientContext context;
    const ExecOutcome run = Drain(*stub_->Exec(&context, exec));
    EXPECT_TRUE(run.status.ok());
    EXPECT_TRUE(run.events.back().has_result());
    return run.result;
  };
  EXPECT_EQ(run("x = 1\n").exit_code(), 0);
  v1::ExecResult error = run("{}['k']\n");
  EXPECT_EQ(error.exit_code(), 1);
  EXPECT_EQ(error.error(), "KeyError: 'k'");
  v1::ExecResult refused = run("async def f(): pass\n");
  EXPECT_EQ(refused.exit_code(), 2);
  EXPECT_THAT(refused.error(), HasSubstr("<string>:1:1: unsupported"));
}

// The steps of a trace carry what a drawing needs: each object's slots
// (items, dict entries with their key objects, attributes), whether the
// interpreter shares it, and with stream_stats the statistics of the moment.
TEST_F(ServiceTest, TraceStepsCarrySlotsSharedObjectsAndStats) {
  v1::ExecRequest exec;
  exec.set_source(
      "class P:\n    def __init__(self):\n        self.x = 1000\n"
      "d = {'k': [7, 'two words']}\np = P()\n");
  exec.set_profile("3.11");
  exec.set_trace_steps(true);
  exec.set_stream_stats(true);
  grpc::ClientContext context;
  const ExecOutcome run = Drain(*stub_->Exec(&context, exec));
  ASSERT_TRUE(run.status.ok());
  const v1::StepEvent* last = nullptr;
  for (const v1::ExecEvent& event : run.events) {
    if (event.has_step()) last = &event.step();
  }
  ASSERT_NE(last, nullptr);
  EXPECT_EQ(last->line(), 0u);
  EXPECT_GT(last->stats().footprint(), 0u);
  EXPECT_EQ(last->stats().free_lists_size(), 5);
  absl::flat_hash_map<uint64_t, const v1::ObjectInfo*> objects;
  for (const v1::ObjectInfo& object : last->objects()) objects[object.address()] = &object;
  auto named = [&](const std::string& name) -> const v1::ObjectInfo* {
    for (const v1::Binding& binding : last->frames(0).bindings()) {
      if (binding.name() == name) return objects[binding.address()];
    }
    return nullptr;
  };
  const v1::ObjectInfo* d = named("d");
  ASSERT_NE(d, nullptr);
  ASSERT_EQ(d->slots_size(), 1);
  ASSERT_TRUE(objects.contains(d->slots(0).key()));  // a str key, skipped by get_referents
  EXPECT_EQ(objects[d->slots(0).key()]->repr(), "'k'");
  const v1::ObjectInfo* list = objects[d->slots(0).value()];
  ASSERT_EQ(list->slots_size(), 2);
  EXPECT_EQ(list->slot_count(), 2u);
  EXPECT_TRUE(objects[list->slots(0).value()]->shared());    // 7, a cached small int
  EXPECT_FALSE(objects[list->slots(1).value()]->shared());   // not interned
  const v1::ObjectInfo* p = named("p");
  ASSERT_NE(p, nullptr);
  ASSERT_EQ(p->slots_size(), 1);
  EXPECT_EQ(p->slots(0).name(), "x");
  EXPECT_EQ(objects[p->slots(0).value()]->repr(), "1000");
  EXPECT_FALSE(objects[p->slots(0).value()]->shared());
}

TEST_F(ServiceTest, WatchStatsCoalescesAndEndsWithTheSession) {
  const Handle s = Create();
  v1::WatchStatsRequest request;
  request.set_min_interval_ms(200);
  grpc::ClientContext context;
  Attach(&context, s);
  auto reader = stub_->WatchStats(&context, request);
  v1::StatsFrame frame;
  ASSERT_TRUE(reader->Read(&frame));  // the state at the start
  const uint64_t start = frame.sequence();
  constexpr int kChanges = 30;
  for (int i = 0; i < kChanges; ++i) {
    v1::Change change;
    ASSERT_TRUE(Alloc(s, "[1]", absl::StrCat("x", i), &change).ok());
  }
  int frames = 0;
  uint64_t last = start;
  while (last < start + kChanges && reader->Read(&frame)) {
    EXPECT_GT(frame.sequence(), last);
    last = frame.sequence();
    ++frames;
  }
  EXPECT_EQ(last, start + kChanges);
  EXPECT_LT(frames, kChanges);  // coalesced, not one frame per change
  EXPECT_GE(frame.stats().live_objects(), 1u);

  v1::DeleteSessionRequest del;
  del.set_name(s.name);
  v1::DeleteSessionResponse deleted;
  ASSERT_TRUE(stub_->DeleteSession(On(s).get(), del, &deleted).ok());
  while (reader->Read(&frame)) {
  }
  EXPECT_TRUE(reader->Finish().ok());
}

TEST_F(ServiceTest, ManyClientsOnManySessions) {
  constexpr int kClients = 8;
  constexpr int kCalls = 40;
  std::vector<Handle> sessions;
  for (int i = 0; i < kClients; ++i) sessions.push_back(Create(i % 2 ? "3.12" : "3.8"));
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kClients; ++i) {
    threads.emplace_back([&, i]() {
      v1::Change change;
      if (!Alloc(sessions[i], "[]", "x", &change).ok()) ++failures;
      for (int k = 0; k < kCalls; ++k) {
        v1::MutateRequest mutate;
        mutate.mutable_target()->set_name("x");
        mutate.set_method("append");
        mutate.add_args()->set_int_value(std::to_string(k));
        grpc::ClientContext context;
        Attach(&context, sessions[i]);
        if (!stub_->Mutate(&context, mutate, &change).ok()) ++failures;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  for (const Handle& s : sessions) {
    v1::InspectRequest inspect;
    inspect.mutable_object()->set_name("x");
    v1::InspectResponse response;
    ASSERT_TRUE(stub_->Inspect(On(s).get(), inspect, &response).ok());
    EXPECT_EQ(response.object().referents_size(), kCalls);
  }
}

TEST_F(ServiceTest, ABusySessionDoesNotStallOthers) {
  const Handle busy = Create();
  const Handle other = Create();
  // A script that runs until its call is cancelled holds `busy`'s lock.
  grpc::ClientContext exec_context;
  Attach(&exec_context, busy);
  exec_context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(3));
  v1::ExecRequest exec;
  exec.set_source("while True:\n    pass\n");
  auto reader = stub_->Exec(&exec_context, exec);
  absl::SleepFor(absl::Milliseconds(200));
  // Many calls queue on the busy session...
  constexpr int kWaiting = 64;
  std::vector<std::thread> waiting;
  std::atomic<int> done{0};
  for (int i = 0; i < kWaiting; ++i) {
    waiting.emplace_back([&]() {
      v1::Change change;
      Alloc(busy, "1", "", &change);
      ++done;
    });
  }
  absl::SleepFor(absl::Milliseconds(200));
  // ...while calls on another session go through at once.
  const absl::Time start = absl::Now();
  v1::Change change;
  ASSERT_TRUE(Alloc(other, "[1]", "x", &change).ok());
  EXPECT_GT(LiveObjects(busy), 0u);  // GetSession does not wait either
  EXPECT_LT(absl::Now() - start, absl::Seconds(1));
  EXPECT_EQ(done.load(), 0);
  Drain(*reader);
  for (std::thread& thread : waiting) thread.join();
  EXPECT_EQ(done.load(), kWaiting);
}

TEST_F(ServiceTest, SessionLifecycle) {
  v1::CreateSessionRequest request;
  request.set_profile("3.13");
  request.set_session_id("student-7");
  request.mutable_limits()->set_idle_timeout_seconds(600);
  v1::CreateSessionResponse created;
  {
    grpc::ClientContext context;
    ASSERT_TRUE(stub_->CreateSession(&context, request, &created).ok());
  }
  EXPECT_EQ(created.session().name(), "sessions/student-7");
  EXPECT_EQ(created.session().profile(), "3.13");
  EXPECT_EQ(created.session().limits().idle_timeout_seconds(), 600u);
  EXPECT_EQ(created.session().limits().max_objects(), 100000u);  // the server's default
  EXPECT_GT(created.session().create_time().seconds(), 0);
  EXPECT_GE(created.token().size(), 32u);
  {
    grpc::ClientContext context;
    v1::CreateSessionResponse again;
    EXPECT_EQ(stub_->CreateSession(&context, request, &again).error_code(),
              grpc::StatusCode::ALREADY_EXISTS);
  }
  const Handle s{created.session().name(), created.token()};
  const Handle other = Create();

  v1::GetSessionRequest get;
  get.set_name(s.name);
  v1::Session session;
  {
    ASSERT_TRUE(stub_->GetSession(On(s).get(), get, &session).ok());
    EXPECT_EQ(session.name(), s.name);
    EXPECT_EQ(session.frames(), 1u);
    EXPECT_GT(session.live_objects(), 0u);
  }
  {
    grpc::ClientContext context;
    Attach(&context, Handle{s.name, other.token});
    grpc::Status status = stub_->GetSession(&context, get, &session);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
    EXPECT_THAT(status.error_message(), ::testing::Not(HasSubstr("student")));
  }
  {
    grpc::ClientContext context;
    EXPECT_EQ(stub_->GetSession(&context, get, &session).error_code(),
              grpc::StatusCode::UNAUTHENTICATED);
  }

  v1::DeleteSessionRequest del;
  del.set_name(s.name);
  v1::DeleteSessionResponse deleted;
  {
    grpc::ClientContext context;
    Attach(&context, Handle{s.name, other.token});
    EXPECT_EQ(stub_->DeleteSession(&context, del, &deleted).error_code(),
              grpc::StatusCode::PERMISSION_DENIED);
  }
  ASSERT_TRUE(stub_->DeleteSession(On(s).get(), del, &deleted).ok());
  {
    grpc::Status status = stub_->GetSession(On(s).get(), get, &session);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
    EXPECT_EQ(status.error_message(), "session sessions/student-7 is not on this replica");
  }
  v1::Change change;
  EXPECT_EQ(Alloc(s, "1", "x", &change).error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST_F(ServiceTest, SessionCallsNeedTheSessionHeader) {
  v1::AllocateRequest request;
  request.mutable_value()->set_none(true);
  v1::Change change;
  grpc::ClientContext context;
  context.AddMetadata(kTokenHeader, Create().token);
  EXPECT_EQ(stub_->Allocate(&context, request, &change).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(ServiceTest, ListSessionsShowsOnlyTheCallersTokens) {
  const Handle a = Create();
  const Handle b = Create("3.8");
  const Handle c = Create();
  grpc::ClientContext context;
  context.AddMetadata(kTokenHeader, a.token);
  context.AddMetadata(kTokenHeader, b.token);
  v1::ListSessionsResponse list;
  ASSERT_TRUE(stub_->ListSessions(&context, v1::ListSessionsRequest(), &list).ok());
  ASSERT_EQ(list.sessions_size(), 2);
  EXPECT_EQ(list.sessions(0).name(), a.name);
  EXPECT_EQ(list.sessions(1).name(), b.name);
  EXPECT_EQ(list.sessions(1).profile(), "3.8");
  grpc::ClientContext no_token;
  EXPECT_EQ(stub_->ListSessions(&no_token, v1::ListSessionsRequest(), &list).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
}

TEST_F(ServiceTest, MutateReportsTheTargetResultAndFreedObjects) {
  const Handle s = Create("3.11");
  v1::Change change;
  ASSERT_TRUE(Alloc(s, "[1, 2, 3]", "x", &change).ok());
  auto mutate = [&](const std::string& target, const std::string& method,
                    std::vector<std::string> args, v1::Change* out) {
    v1::MutateRequest request;
    request.mutable_target()->set_name(target);
    request.set_method(method);
    for (const std::string& arg : args) request.add_args()->set_literal(arg);
    return stub_->Mutate(On(s).get(), request, out);
  };
  v1::Change appended;
  ASSERT_TRUE(mutate("x", "append", {"1000"}, &appended).ok());
  ASSERT_EQ(appended.touched_size(), 1);
  EXPECT_EQ(appended.touched(0).size(), 88u);  // CPython 3.11: the literal has room for 4
  ASSERT_EQ(appended.created_size(), 1);
  EXPECT_EQ(appended.created(0).repr(), "1000");
  EXPECT_EQ(appended.created(0).refcount(), 1u);

  v1::Change popped;
  ASSERT_TRUE(mutate("x", "pop", {}, &popped).ok());
  EXPECT_EQ(popped.result().repr(), "1000");
  ASSERT_EQ(popped.freed_size(), 1);
  EXPECT_EQ(popped.freed(0), appended.created(0).address());

  ASSERT_TRUE(Alloc(s, "{'city': 'Oslo'}", "d", &change).ok());
  v1::Change set;
  ASSERT_TRUE(mutate("d", "setitem", {"'zip'", "'0150'"}, &set).ok());
  EXPECT_EQ(set.touched(0).repr(), "{'city': 'Oslo', 'zip': '0150'}");
  v1::Change missing;
  grpc::Status status = mutate("d", "pop", {"'nope'"}, &missing);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(status.error_message(), "KeyError: 'nope'");
  EXPECT_EQ(mutate("nothing", "append", {"1"}, &missing).error_code(),
            grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(mutate("x", "append", {"1", "2"}, &missing).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);  // TypeError: append() takes one argument
}

TEST_F(ServiceTest, InspectShowsObjectsAndTheWholeSession) {
  const Handle s = Create();
  v1::Change change;
  ASSERT_TRUE(Alloc(s, "['a', ('b', 1.5)]", "x", &change).ok());
  v1::BindRequest bind;
  bind.set_name("y");
  bind.mutable_target()->set_object(change.result().address());
  v1::Change bound;
  ASSERT_TRUE(stub_->Bind(On(s).get(), bind, &bound).ok());
  v1::InspectRequest request;
  request.mutable_object()->set_name("y");
  v1::InspectResponse one;
  ASSERT_TRUE(stub_->Inspect(On(s).get(), request, &one).ok());
  EXPECT_EQ(one.object().type(), "list");
  EXPECT_EQ(one.object().refcount(), 2u);
  EXPECT_EQ(one.object().referents_size(), 2);
  EXPECT_TRUE(one.object().gc_tracked());

  request.set_session(true);
  v1::InspectResponse all;
  ASSERT_TRUE(stub_->Inspect(On(s).get(), request, &all).ok());
  ASSERT_EQ(all.frames_size(), 1);
  std::vector<std::string> names;
  for (const v1::Binding& binding : all.frames(0).bindings()) {
    if (binding.address() == change.result().address()) names.push_back(binding.name());
  }
  EXPECT_THAT(names, ::testing::UnorderedElementsAre("x", "y"));
  std::vector<std::string> types;
  for (const v1::ObjectInfo& info : all.objects()) types.push_back(info.type());
  EXPECT_THAT(types, ::testing::IsSupersetOf({"list", "tuple", "float"}));
  EXPECT_GT(all.stats().live_objects(), 0u);
}

TEST_F(ServiceTest, ExecStreamsEventsThenStatsThenTheResult) {
  const Handle s = Create();
  v1::ExecRequest exec;
  exec.set_source("x = [1000]\nprint(len(x))\n");
  exec.set_stream_events(true);
  exec.set_stream_stats(true);
  grpc::ClientContext context;
  Attach(&context, s);
  const ExecOutcome run = Drain(*stub_->Exec(&context, exec));
  ASSERT_TRUE(run.status.ok());
  const std::vector<v1::ExecEvent>& events = run.events;
  ASSERT_GE(events.size(), 3u);
  EXPECT_TRUE(events.back().has_result());
  EXPECT_EQ(events.back().result().exit_code(), 0);
  EXPECT_TRUE(events[events.size() - 2].has_stats());
  bool bound_x = false;
  bool allocated_list = false;
  for (const v1::ExecEvent& e : events) {
    if (e.has_heap_event() && e.heap_event().kind() == v1::HeapEvent::BIND &&
        e.heap_event().name() == "x") {
      bound_x = true;
    }
    if (e.has_heap_event() && e.heap_event().kind() == v1::HeapEvent::ALLOC &&
        e.heap_event().type() == "list") {
      allocated_list = true;
    }
  }
  EXPECT_EQ(run.out, "1\n");
  EXPECT_TRUE(bound_x);
  EXPECT_TRUE(allocated_list);

  // The names stay in the session for structured calls.
  v1::InspectRequest inspect;
  inspect.mutable_object()->set_name("x");
  v1::InspectResponse response;
  ASSERT_TRUE(stub_->Inspect(On(s).get(), inspect, &response).ok());
  EXPECT_EQ(response.object().repr(), "[1000]");
}

TEST_F(ServiceTest, ExecStopsAtTheStepLimit) {
  v1::CreateSessionRequest request;
  request.set_profile("3.11");
  request.mutable_limits()->set_max_steps(1000);
  v1::CreateSessionResponse created;
  grpc::ClientContext create_context;
  ASSERT_TRUE(stub_->CreateSession(&create_context, request, &created).ok());
  v1::ExecRequest exec;
  exec.set_source("while True:\n    pass\n");
  grpc::ClientContext context;
  Attach(&context, Handle{created.session().name(), created.token()});
  const ExecOutcome run = Drain(*stub_->Exec(&context, exec));
  ASSERT_TRUE(run.status.ok());
  EXPECT_EQ(run.result.exit_code(), 3);
  EXPECT_THAT(run.result.error(), HasSubstr("step limit"));
}

TEST_F(ServiceTest, WatchStatsEndsWhenTheSessionExpires) {
  v1::CreateSessionRequest request;
  request.set_profile("3.10");
  request.mutable_limits()->set_idle_timeout_seconds(1);
  v1::CreateSessionResponse created;
  grpc::ClientContext create_context;
  ASSERT_TRUE(stub_->CreateSession(&create_context, request, &created).ok());
  const Handle s{created.session().name(), created.token()};
  grpc::ClientContext context;
  Attach(&context, s);
  v1::WatchStatsRequest watch;
  watch.set_min_interval_ms(60000);  // a long interval must not delay the end
  auto reader = stub_->WatchStats(&context, watch);
  v1::StatsFrame frame;
  ASSERT_TRUE(reader->Read(&frame));
  v1::Change change;
  ASSERT_TRUE(Alloc(s, "[]", "x", &change).ok());  // the watcher now waits out the interval
  absl::SleepFor(absl::Milliseconds(100));
  EXPECT_TRUE(registry_.ExpireIdle(absl::Now()).empty());
  const std::vector<std::string> expired = registry_.ExpireIdle(absl::Now() + absl::Seconds(2));
  EXPECT_THAT(expired, ::testing::ElementsAre(s.name));
  const absl::Time start = absl::Now();
  while (reader->Read(&frame)) {
  }
  EXPECT_TRUE(reader->Finish().ok());
  EXPECT_LT(absl::Now() - start, absl::Seconds(2));
  EXPECT_EQ(Alloc(s, "1", "y", &change).error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST(SessionRegistryTest, HoldsAtMostItsMaximum) {
  SessionRegistry registry(2);
  ASSERT_TRUE(registry.Create("3.11", {}, "").ok());
  ASSERT_TRUE(registry.Create("3.12", {}, "").ok());
  absl::StatusOr<std::shared_ptr<Session>> third = registry.Create("3.11", {}, "");
  EXPECT_EQ(third.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(registry.Create("3.11", {}, "Bad_Id").status().code(),
            absl::StatusCode::kInvalidArgument);
  registry.Clear();
  EXPECT_EQ(registry.size(), 0u);
  EXPECT_TRUE(registry.Create("3.11", {}, "").ok());
}

TEST_F(ServiceTest, RequestedLimitsAreCappedByTheServer) {
  ServiceLimits limits;
  limits.defaults.max_objects = 10;
  limits.max.max_objects = 1000;
  limits.max.idle_timeout = absl::Seconds(60);
  SessionRegistry registry(10);
  HeapServiceImpl service(&registry, limits, [](const std::string&) {});
  grpc::ServerBuilder builder;
  builder.RegisterService(&service);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  auto stub = v1::HeapService::NewStub(server->InProcessChannel(grpc::ChannelArguments()));
  v1::CreateSessionRequest request;
  request.set_profile("3.11");
  request.mutable_limits()->set_max_objects(1'000'000);
  request.mutable_limits()->set_idle_timeout_seconds(3600);
  v1::CreateSessionResponse created;
  grpc::ClientContext context;
  ASSERT_TRUE(stub->CreateSession(&context, request, &created).ok());
  EXPECT_EQ(created.session().limits().max_objects(), 1000u);
  EXPECT_EQ(created.session().limits().idle_timeout_seconds(), 60u);
  registry.Clear();
  server->Shutdown();
}

TEST_F(ServiceTest, ExecEndsWithItsResultWhenTheServerStops) {
  const Handle s = Create();
  v1::ExecRequest exec;
  exec.set_source("while True:\n    pass\n");
  grpc::ClientContext context;
  Attach(&context, s);
  auto reader = stub_->Exec(&context, exec);
  absl::SleepFor(absl::Milliseconds(100));
  service_->Stop();
  const ExecOutcome run = Drain(*reader);
  ASSERT_TRUE(run.status.ok());
  EXPECT_EQ(run.result.exit_code(), 3);
  EXPECT_EQ(run.result.error(), "the server is shutting down");
}

}  // namespace
}  // namespace heapsim::service
