// Resource limits through the service: a call's time limit (max_seconds and
// the server's defaults), the client's deadline and cancellation, MemoryError
// before host memory is spent, the output cap, the largest response and the
// server's host memory budget. After a stopped call the session is usable
// and its heap consistent.

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "heapsim/v1/heapsim.grpc.pb.h"
#include "server/heap/host_memory.h"
#include "server/service/heap_service.h"
#include "server/service/session.h"

namespace heapsim::service {
namespace {

// How soon the server lets go of a session after a deadline or cancellation:
// well before the 10 s time limit a run that was not stopped would hold it,
// with room for a loaded machine (a latency bound, not a speed target).
constexpr absl::Duration kPromptly = absl::Seconds(1);

using ::testing::HasSubstr;

class LimitsTest : public ::testing::Test {
 protected:
  void Start(HostMemory* host_memory = nullptr, uint64_t max_message_bytes = 0) {
    registry_ = std::make_unique<SessionRegistry>(100, host_memory);
    ServiceLimits limits;
    limits.defaults.max_bytes = uint64_t{1} << 30;
    limits.defaults.exec_time = absl::Seconds(10);
    limits.defaults.call_time = absl::Seconds(1);
    limits.max.exec_time = absl::Minutes(1);
    limits.defaults.max_output_bytes = 16 << 20;
    limits.max_message_bytes = max_message_bytes;
    service_ = std::make_unique<HeapServiceImpl>(registry_.get(), limits,
                                                 [](const std::string&) {});
    grpc::ServerBuilder builder;
    builder.RegisterService(service_.get());
    server_ = builder.BuildAndStart();
    stub_ = v1::HeapService::NewStub(server_->InProcessChannel(grpc::ChannelArguments()));
  }
  void SetUp() override { Start(); }
  void TearDown() override {
    registry_->Clear();
    server_->Shutdown();
  }

  struct Handle {
    std::string name;
    std::string token;
  };

  Handle Create(const v1::Limits& limits = v1::Limits()) {
    v1::CreateSessionRequest request;
    request.set_profile("3.11");
    *request.mutable_limits() = limits;
    v1::CreateSessionResponse response;
    grpc::ClientContext context;
    EXPECT_TRUE(stub_->CreateSession(&context, request, &response).ok());
    return {response.session().name(), response.token()};
  }

  static void Attach(grpc::ClientContext* context, const Handle& session) {
    context->AddMetadata(kSessionHeader, session.name);
    context->AddMetadata(kTokenHeader, session.token);
  }

  grpc::Status Alloc(const Handle& session, const std::string& literal, v1::Change* change) {
    v1::AllocateRequest request;
    request.mutable_value()->set_literal(literal);
    request.set_as("x");
    grpc::ClientContext context;
    Attach(&context, session);
    return stub_->Allocate(&context, request, change);
  }

  struct ExecOutcome {
    std::string out;
    size_t largest_chunk = 0;
    v1::ExecResult result;
    grpc::Status status;
  };
  ExecOutcome Run(grpc::ClientContext* context, const std::string& source) {
    v1::ExecRequest request;
    request.set_source(source);
    auto reader = stub_->Exec(context, request);
    ExecOutcome outcome;
    v1::ExecEvent event;
    while (reader->Read(&event)) {
      outcome.out += event.stdout();
      outcome.largest_chunk = std::max(outcome.largest_chunk, event.stdout().size());
      if (event.has_result()) outcome.result = event.result();
    }
    outcome.status = reader->Finish();
    return outcome;
  }

  // The session's heap passes the consistency check.
  void ExpectConsistent(const Handle& handle) {
    absl::StatusOr<std::shared_ptr<Session>> session = registry_->Find(handle.name, handle.token);
    ASSERT_TRUE(session.ok());
    std::lock_guard<std::mutex> lock((*session)->mu());
    const absl::Status status = (*session)->runtime().CheckConsistency();
    EXPECT_TRUE(status.ok()) << status;
  }

  // How long a small call waits for the session (it waits while a stopped
  // call still runs).
  absl::Duration SmallCallLatency(const Handle& session) {
    v1::Change change;
    const absl::Time start = absl::Now();
    EXPECT_TRUE(Alloc(session, "[1, 2, 3]", &change).ok());
    return absl::Now() - start;
  }

  std::unique_ptr<SessionRegistry> registry_;
  std::unique_ptr<HeapServiceImpl> service_;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<v1::HeapService::Stub> stub_;
};

TEST_F(LimitsTest, ExecStopsAtMaxSecondsInsideALoopAndALongBuiltin) {
  v1::Limits limits;
  limits.set_max_seconds(1);
  const Handle s = Create(limits);
  for (const char* source : {"while True:\n    x = [1] * 100\n",
                             "l = list(range(10**6))\nwhile True:\n    -1 in l\n",
                             "x = 10**10**8\n"}) {
    grpc::ClientContext context;
    Attach(&context, s);
    const absl::Time start = absl::Now();
    const ExecOutcome run = Run(&context, source);
    const absl::Duration took = absl::Now() - start;
    ASSERT_TRUE(run.status.ok()) << source;
    EXPECT_EQ(run.result.exit_code(), 3) << source;
    EXPECT_EQ(run.result.error(), "time limit reached: the call ran longer than 1s") << source;
    EXPECT_LT(took, absl::Milliseconds(1500)) << source;
    ExpectConsistent(s);
  }
}

TEST_F(LimitsTest, ClientDeadlineEndsTheRunWithDeadlineExceeded) {
  const Handle s = Create();
  for (const char* source : {"while True:\n    pass\n", "x = 10**10**8\n",
                             "l = list(range(10**6))\nwhile True:\n    sorted(l)\n"}) {
    grpc::ClientContext context;
    Attach(&context, s);
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(300));
    const ExecOutcome run = Run(&context, source);
    EXPECT_EQ(run.status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED) << source;
    // The server let go of the session promptly after the deadline.
    EXPECT_LT(SmallCallLatency(s), kPromptly) << source;
    ExpectConsistent(s);
  }
}

TEST_F(LimitsTest, CancellationEndsTheRunWithin100Ms) {
  const Handle s = Create();
  grpc::ClientContext context;
  Attach(&context, s);
  v1::ExecRequest request;
  request.set_source("x = 3 ** 100000\nwhile True:\n    x = x * x\n");
  auto reader = stub_->Exec(&context, request);
  absl::SleepFor(absl::Milliseconds(300));
  context.TryCancel();
  v1::ExecEvent event;
  while (reader->Read(&event)) {
  }
  EXPECT_EQ(reader->Finish().error_code(), grpc::StatusCode::CANCELLED);
  EXPECT_LT(SmallCallLatency(s), kPromptly);
  ExpectConsistent(s);
}

TEST_F(LimitsTest, StructuredCallsHaveTheirOwnTimeLimit) {
  const Handle s = Create();
  v1::Change change;
  const absl::Time start = absl::Now();
  const grpc::Status status = Alloc(s, "max(range(10**12))", &change);
  // Ends at its limit (with slack for a loaded machine), not after the
  // Exec's 10 s.
  EXPECT_LT(absl::Now() - start, absl::Milliseconds(2500));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(status.error_message(), "time limit reached: the call ran longer than 1s");
  ExpectConsistent(s);
  EXPECT_TRUE(Alloc(s, "[1, 2]", &change).ok());
}

TEST_F(LimitsTest, SizesPastTheLimitRaiseMemoryErrorAtOnce) {
  const Handle s = Create();
  for (const char* literal : {"[0] * 10**9", "'a' * 2**40", "bytes(10**10)", "1 << 2**40",
                              "list(range(10**12))"}) {
    v1::Change change;
    const absl::Time start = absl::Now();
    const grpc::Status status = Alloc(s, literal, &change);
    EXPECT_LT(absl::Now() - start, kPromptly) << literal;
    EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << literal;
    EXPECT_EQ(status.error_message(), "MemoryError") << literal;
  }
  ExpectConsistent(s);
}

TEST_F(LimitsTest, OutputIsStreamedInChunksAndCapped) {
  v1::Limits limits;
  limits.set_max_output_bytes(100000);
  const Handle s = Create(limits);
  grpc::ClientContext context;
  Attach(&context, s);
  const ExecOutcome run = Run(&context, "print('x' * 50000)\nwhile True:\n    print('y' * 30000)\n");
  ASSERT_TRUE(run.status.ok());
  EXPECT_EQ(run.result.exit_code(), 3);
  EXPECT_EQ(run.result.error(), "output limit reached: the program printed more than 100000 bytes");
  EXPECT_LE(run.out.size(), 100000u);
  EXPECT_EQ(run.out.substr(0, 50001), std::string(50000, 'x') + "\n");
  EXPECT_LE(run.largest_chunk, 8192u);
}

TEST_F(LimitsTest, AnswersLargerThanTheLargestMessageAreRefused) {
  TearDown();
  Start(nullptr, 100000);
  const Handle s = Create();
  grpc::ClientContext exec_context;
  Attach(&exec_context, s);
  ASSERT_EQ(Run(&exec_context, "x = [str(i) for i in range(10000)]\n").result.exit_code(), 0);
  grpc::ClientContext context;
  Attach(&context, s);
  v1::InspectRequest request;
  request.set_session(true);
  v1::InspectResponse inspected;
  const grpc::Status status = stub_->Inspect(&context, request, &inspected);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_THAT(status.error_message(), HasSubstr("more than the server's largest message"));
}

TEST_F(LimitsTest, SmallCallsAreAnsweredWhileScriptsBurnCpu) {
  // Three scripts on fresh sessions burn CPU (more than the machine's two
  // cores); another session's small calls still answer within 1 s.
  std::vector<std::unique_ptr<grpc::ClientContext>> contexts;
  std::vector<std::unique_ptr<grpc::ClientReader<v1::ExecEvent>>> readers;
  for (int i = 0; i < 3; ++i) {
    contexts.push_back(std::make_unique<grpc::ClientContext>());
    v1::ExecRequest request;
    request.set_source("while True:\n    x = [1] * 100\n");
    readers.push_back(stub_->Exec(contexts.back().get(), request));
  }
  absl::SleepFor(absl::Milliseconds(200));
  const Handle s = Create();
  for (int i = 0; i < 10; ++i) EXPECT_LT(SmallCallLatency(s), absl::Seconds(1));
  for (auto& context : contexts) context->TryCancel();
  for (auto& reader : readers) {
    v1::ExecEvent event;
    while (reader->Read(&event)) {
    }
    EXPECT_EQ(reader->Finish().error_code(), grpc::StatusCode::CANCELLED);
  }
}

TEST_F(LimitsTest, ASpentHostBudgetRefusesNewSessionsAndGrowth) {
  const Handle s = Create();
  TearDown();
  HostMemory spent(1);  // one byte: always spent
  Start(&spent);
  v1::CreateSessionRequest request;
  request.set_profile("3.11");
  v1::CreateSessionResponse response;
  grpc::ClientContext context;
  const grpc::Status status = stub_->CreateSession(&context, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_THAT(status.error_message(), HasSubstr("host memory budget"));

  grpc::ClientContext exec_context;
  v1::ExecRequest exec;
  exec.set_source("print(1)\n");
  v1::ExecEvent event;
  auto reader = stub_->Exec(&exec_context, exec);
  while (reader->Read(&event)) {
  }
  EXPECT_EQ(reader->Finish().error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
}

}  // namespace
}  // namespace heapsim::service
