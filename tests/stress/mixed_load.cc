#include "tests/stress/mixed_load.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "tests/stress/stress_client.h"

namespace heapsim::stress {

namespace {

using Clock = std::chrono::steady_clock;
constexpr std::chrono::seconds kCallDeadline(60);

enum Kind {
  kAllocate, kMutate, kDelete, kBind, kFrame, kCollect, kInspect, kBatch,
  kExec, kWatch, kCheck, kRecreate, kShared, kKinds
};
constexpr std::array<const char*, kKinds> kKindNames = {
    "Allocate", "Mutate", "Delete", "Bind", "Push/PopFrame", "Collect", "Inspect", "Batch(10)",
    "Exec", "WatchStats", "CheckConsistency", "Delete+CreateSession", "shared session"};
// Cumulative weights (out of 100) of the kinds above.
constexpr std::array<int, kKinds> kUpTo = {24, 36, 44, 49, 53, 56, 61, 68, 74, 78, 80, 82, 100};

constexpr std::array<const char*, 6> kNames = {"a", "b", "c", "d", "e", "f"};
constexpr std::array<const char*, 10> kLiterals = {
    "[1, 2, 3]", "{'k': 'v'}", "'s' * 30", "(1, 2)", "list(range(30))",
    "{1, 2, 3}", "10 ** 40", "b'xy'", "[[], {}]", "1.5"};
constexpr std::array<const char*, 5> kMethods = {"append", "pop", "clear", "add", "copy"};
constexpr std::array<const char*, 5> kProfiles = {"3.8", "3.10", "3.11", "3.12", "3.13"};
constexpr std::array<const char*, 3> kScripts = {
    "x = [i * i for i in range(40)]\nd = {str(i): i for i in range(15)}\ndel x[5:]\n"
    "print(len(x), len(d))\n",
    "import gc\nclass Node:\n    pass\nn = Node()\nn.me = n\ndel n\nprint(gc.collect())\n",
    "import sys\ns = 'abc' * 10\nt = (s, s)\nprint(sys.getrefcount(s), sys.getsizeof(t))\n"};

bool Allowed(const grpc::Status& status) {
  switch (status.error_code()) {
    case grpc::StatusCode::OK:
    case grpc::StatusCode::FAILED_PRECONDITION:  // a Python-level error
    case grpc::StatusCode::NOT_FOUND:            // an unbound name
    case grpc::StatusCode::INVALID_ARGUMENT:     // e.g. popping the module frame
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return true;
    default:
      return false;
  }
}

uint64_t Percentile(const std::vector<uint32_t>& sorted, double p) {
  if (sorted.empty()) return 0;
  return sorted[std::min(sorted.size() - 1, static_cast<size_t>(p * sorted.size()))];
}

v1::Value Literal(const char* text) {
  v1::Value value;
  value.set_literal(text);
  return value;
}

v1::Value NameValue(const std::string& name) {
  v1::Value value;
  value.set_name(name);
  return value;
}

class Worker {
 public:
  Worker(const MixedLoadOptions& options, int index, const SessionRef& shared)
      : options_(options), index_(index), client_(options.server, index), shared_(shared),
        rng_(options.seed * 1000003u + static_cast<uint32_t>(index)) {}

  // Makes this worker's session; false (with a problem noted) on failure.
  bool Start() {
    grpc::Status status;
    session_ = client_.CreateSession(kProfiles[index_ % kProfiles.size()], 0, &status);
    if (!status.ok()) Note("CreateSession", status);
    return status.ok();
  }

  void Run() {
    latencies_.resize(kKinds);
    for (int i = 0; i < options_.operations; ++i) {
      const int roll = static_cast<int>(rng_() % 100);
      const Kind kind = static_cast<Kind>(std::upper_bound(kUpTo.begin(), kUpTo.end(), roll) -
                                          kUpTo.begin());
      const Clock::time_point start = Clock::now();
      const grpc::Status status = Call(kind);
      const auto micros =
          std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start).count();
      latencies_[kind].push_back(static_cast<uint32_t>(micros));
      if (!Allowed(status)) Note(kKindNames[kind], status);
    }
  }

  // The consistency check of this worker's live session.
  void CheckSession() { Check(session_, "final CheckConsistency"); }

  StressClient& client() { return client_; }
  const std::vector<std::vector<uint32_t>>& latencies() const { return latencies_; }
  const std::vector<std::string>& problems() const { return problems_; }
  uint64_t unexpected() const { return unexpected_; }

 private:
  void Note(const std::string& call, const grpc::Status& status) {
    ++unexpected_;
    if (problems_.size() < 5) {
      problems_.push_back(absl::StrCat("client ", index_, ": ", call, ": code ",
                                       status.error_code(), ": ", status.error_message()));
    }
  }

  void Check(const SessionRef& session, const std::string& what) {
    v1::CheckConsistencyResponse response;
    auto context = StressClient::Context(session, kCallDeadline);
    const grpc::Status status =
        client_.stub().CheckConsistency(context.get(), v1::CheckConsistencyRequest(), &response);
    if (!status.ok()) Note(what, status);
  }

  const char* Pick(const auto& choices) { return choices[rng_() % choices.size()]; }

  v1::Operation RandomOperation() {
    v1::Operation operation;
    if (rng_() % 3 != 0) {
      v1::AllocateRequest* allocate = operation.mutable_allocate();
      *allocate->mutable_value() = Literal(Pick(kLiterals));
      allocate->set_as(Pick(kNames));
    } else {
      v1::MutateRequest* mutate = operation.mutable_mutate();
      *mutate->mutable_target() = NameValue(Pick(kNames));
      mutate->set_method("append");
      *mutate->add_args() = Literal("7");
    }
    return operation;
  }

  grpc::Status Call(Kind kind) {
    auto context = StressClient::Context(session_, kCallDeadline);
    v1::HeapService::Stub& stub = client_.stub();
    v1::Change change;
    switch (kind) {
      case kAllocate: {
        v1::AllocateRequest request;
        *request.mutable_value() = Literal(Pick(kLiterals));
        request.set_as(Pick(kNames));
        return stub.Allocate(context.get(), request, &change);
      }
      case kMutate: {
        v1::MutateRequest request;
        *request.mutable_target() = NameValue(Pick(kNames));
        request.set_method(Pick(kMethods));
        if (request.method() == "append" || request.method() == "add") {
          *request.add_args() = Literal(Pick(kLiterals));
        }
        return stub.Mutate(context.get(), request, &change);
      }
      case kDelete: {
        v1::DeleteRequest request;
        request.set_name(Pick(kNames));
        return stub.Delete(context.get(), request, &change);
      }
      case kBind: {
        v1::BindRequest request;
        request.set_name(Pick(kNames));
        *request.mutable_target() = NameValue(Pick(kNames));
        return stub.Bind(context.get(), request, &change);
      }
      case kFrame:
        if (rng_() % 2 == 0) {
          v1::PushFrameRequest request;
          request.set_function("f");
          return stub.PushFrame(context.get(), request, &change);
        }
        return stub.PopFrame(context.get(), v1::PopFrameRequest(), &change);
      case kCollect: {
        v1::CollectRequest request;
        request.set_generation(static_cast<int>(rng_() % 3));
        v1::CollectResponse response;
        return stub.Collect(context.get(), request, &response);
      }
      case kInspect: {
        v1::InspectRequest request;
        if (rng_() % 2 == 0) {
          request.set_session(true);
        } else {
          *request.mutable_object() = NameValue(Pick(kNames));
        }
        v1::InspectResponse response;
        return stub.Inspect(context.get(), request, &response);
      }
      case kBatch: {
        v1::BatchRequest request;
        for (int i = 0; i < 10; ++i) *request.add_operations() = RandomOperation();
        v1::BatchResponse response;
        return stub.Batch(context.get(), request, &response);
      }
      case kExec:
        return Exec(*context);
      case kWatch: {
        v1::WatchStatsRequest request;
        auto reader = stub.WatchStats(context.get(), request);
        v1::StatsFrame frame;
        const bool read = reader->Read(&frame);
        context->TryCancel();
        const grpc::Status status = reader->Finish();
        if (!read) return status;
        if (status.error_code() == grpc::StatusCode::CANCELLED || status.ok()) {
          return grpc::Status::OK;
        }
        return status;
      }
      case kCheck: {
        v1::CheckConsistencyResponse response;
        return stub.CheckConsistency(context.get(), v1::CheckConsistencyRequest(), &response);
      }
      case kRecreate: {
        v1::DeleteSessionRequest request;
        request.set_name(session_.name);
        v1::DeleteSessionResponse response;
        const grpc::Status deleted = stub.DeleteSession(context.get(), request, &response);
        if (!deleted.ok()) return deleted;
        grpc::Status created;
        session_ = client_.CreateSession(Pick(kProfiles), 0, &created);
        return created;
      }
      case kShared:
        return SharedCall();
      case kKinds:
        break;
    }
    return grpc::Status(grpc::StatusCode::INTERNAL, "no such call kind");
  }

  grpc::Status Exec(grpc::ClientContext& context) {
    v1::ExecRequest request;
    request.set_source(Pick(kScripts));
    auto reader = client_.stub().Exec(&context, request);
    v1::ExecEvent event;
    int exit_code = -1;
    while (reader->Read(&event)) {
      if (event.has_result()) exit_code = event.result().exit_code();
    }
    grpc::Status status = reader->Finish();
    if (status.ok() && exit_code != 0) {
      return grpc::Status(grpc::StatusCode::INTERNAL,
                          absl::StrCat("a short script ended with exit code ", exit_code));
    }
    return status;
  }

  // Calls on the session every client shares (waiting for its lock).
  grpc::Status SharedCall() {
    auto context = StressClient::Context(shared_, kCallDeadline);
    v1::Change change;
    switch (rng_() % 4) {
      case 0: {
        v1::MutateRequest request;
        *request.mutable_target() = NameValue("shared");
        request.set_method("append");
        *request.add_args() = Literal(Pick(kLiterals));
        return client_.stub().Mutate(context.get(), request, &change);
      }
      case 1: {
        v1::MutateRequest request;
        *request.mutable_target() = NameValue("shared");
        request.set_method("pop");
        return client_.stub().Mutate(context.get(), request, &change);
      }
      case 2: {
        v1::AllocateRequest request;
        *request.mutable_value() = Literal(Pick(kLiterals));
        request.set_as(absl::StrCat("client", index_ % 8));
        return client_.stub().Allocate(context.get(), request, &change);
      }
      default: {
        v1::InspectRequest request;
        *request.mutable_object() = NameValue("shared");
        v1::InspectResponse response;
        return client_.stub().Inspect(context.get(), request, &response);
      }
    }
  }

  const MixedLoadOptions& options_;
  const int index_;
  StressClient client_;
  const SessionRef shared_;
  std::mt19937 rng_;
  SessionRef session_;
  std::vector<std::vector<uint32_t>> latencies_;
  std::vector<std::string> problems_;
  uint64_t unexpected_ = 0;
};

void PrintRow(const char* name, std::vector<uint32_t> micros, double seconds) {
  std::sort(micros.begin(), micros.end());
  std::printf("%-22s %9zu %10.0f %9lu %9lu %9lu\n", name, micros.size(),
              static_cast<double>(micros.size()) / seconds, Percentile(micros, 0.5),
              Percentile(micros, 0.99), Percentile(micros, 0.999));
}

}  // namespace

int RunMixedLoad(const MixedLoadOptions& options) {
  StressClient setup(options.server, -1);
  grpc::Status status;
  const SessionRef shared = setup.CreateSession("3.12", 0, &status);
  if (!status.ok()) {
    std::fprintf(stderr, "stress: cannot create the shared session: %s\n",
                 status.error_message().c_str());
    return 1;
  }
  {
    v1::AllocateRequest request;
    *request.mutable_value() = Literal("[]");
    request.set_as("shared");
    v1::Change change;
    status = setup.stub().Allocate(StressClient::Context(shared, kCallDeadline).get(), request,
                                   &change);
    if (!status.ok()) {
      std::fprintf(stderr, "stress: cannot set up the shared list: %s\n",
                   status.error_message().c_str());
      return 1;
    }
  }

  std::vector<std::unique_ptr<Worker>> workers;
  for (int i = 0; i < options.clients; ++i) {
    workers.push_back(std::make_unique<Worker>(options, i, shared));
    if (!workers.back()->Start()) {
      std::fprintf(stderr, "stress: %s\n", workers.back()->problems().front().c_str());
      return 1;
    }
  }
  const Clock::time_point start = Clock::now();
  std::vector<std::thread> threads;
  for (auto& worker : workers) threads.emplace_back([&worker]() { worker->Run(); });
  for (std::thread& thread : threads) thread.join();
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();

  for (auto& worker : workers) worker->CheckSession();
  v1::CheckConsistencyResponse checked;
  const grpc::Status shared_check = setup.stub().CheckConsistency(
      StressClient::Context(shared, kCallDeadline).get(), v1::CheckConsistencyRequest(), &checked);

  std::vector<std::vector<uint32_t>> by_kind(kKinds);
  std::vector<uint32_t> all;
  uint64_t unexpected = shared_check.ok() ? 0 : 1;
  for (auto& worker : workers) {
    for (int kind = 0; kind < kKinds; ++kind) {
      const std::vector<uint32_t>& latencies = worker->latencies()[kind];
      by_kind[kind].insert(by_kind[kind].end(), latencies.begin(), latencies.end());
      all.insert(all.end(), latencies.begin(), latencies.end());
    }
    unexpected += worker->unexpected();
  }
  std::printf("%d clients x %d calls in %.2f s\n", options.clients, options.operations, seconds);
  std::printf("%-22s %9s %10s %9s %9s %9s\n", "call", "calls", "calls/s", "p50 us", "p99 us",
              "p99.9 us");
  for (int kind = 0; kind < kKinds; ++kind) PrintRow(kKindNames[kind], by_kind[kind], seconds);
  PrintRow("all", all, seconds);
  if (!shared_check.ok()) {
    std::printf("the shared session is inconsistent: %s\n", shared_check.error_message().c_str());
  }
  for (auto& worker : workers) {
    for (const std::string& problem : worker->problems()) std::printf("%s\n", problem.c_str());
  }
  std::printf("unexpected statuses or inconsistent sessions: %lu; sessions checked: %d\n",
              unexpected, options.clients + 1);
  return unexpected == 0 ? 0 : 1;
}

}  // namespace heapsim::stress
