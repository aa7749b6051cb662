// heapsim_loadgen: load on a running heapd. Measures, in one run and the
// same way each time, an empty call (ListSessions with an unknown token) as
// the baseline, unary Allocate calls, Batch operations and WatchStats
// frames, with 1 and 16 concurrent clients (each with its own session).
//
//   build/heapsim_loadgen --server=127.0.0.1:50051 --seconds=3

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "grpcpp/grpcpp.h"
#include "heapsim/v1/heapsim.grpc.pb.h"

ABSL_FLAG(std::string, server, "127.0.0.1:50051", "heapd address");
ABSL_FLAG(double, seconds, 3.0, "duration of each measurement");
ABSL_FLAG(int, batch_size, 1000, "operations per Batch call");

namespace {

namespace v1 = ::heapsim::v1;
using Clock = std::chrono::steady_clock;

struct Session {
  std::string name;
  std::string token;
};

struct Result {
  double calls_per_second = 0;
  double p50_us = 0;
  double p99_us = 0;
};

Session NewSession(v1::HeapService::Stub& stub) {
  v1::CreateSessionRequest request;
  request.set_profile("3.11");
  request.mutable_limits()->set_max_objects(200'000'000);
  v1::CreateSessionResponse response;
  grpc::ClientContext context;
  if (!stub.CreateSession(&context, request, &response).ok()) {
    std::fprintf(stderr, "loadgen: cannot create a session\n");
    std::exit(2);
  }
  return {response.session().name(), response.token()};
}

void Attach(grpc::ClientContext* context, const Session& session) {
  context->AddMetadata("x-heapsim-session", session.name);
  context->AddMetadata("x-heapsim-token", session.token);
}

// Runs `call` from `clients` threads for the configured time; each thread
// has its own channel, stub and session.
template <typename Call>
Result Measure(int clients, Call call) {
  const auto duration = std::chrono::duration<double>(absl::GetFlag(FLAGS_seconds));
  std::vector<std::vector<double>> latencies(clients);
  std::vector<std::thread> threads;
  std::atomic<bool> go{false};
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&, c]() {
      auto channel = grpc::CreateCustomChannel(absl::GetFlag(FLAGS_server),
                                               grpc::InsecureChannelCredentials(),
                                               [c]() {
                                                 grpc::ChannelArguments args;
                                                 args.SetInt("loadgen.client", c);
                                                 return args;
                                               }());
      auto stub = v1::HeapService::NewStub(channel);
      const Session session = NewSession(*stub);
      while (!go.load()) std::this_thread::yield();
      const auto end = Clock::now() + duration;
      while (Clock::now() < end) {
        const auto start = Clock::now();
        if (!call(*stub, session)) {
          std::fprintf(stderr, "loadgen: a call failed\n");
          std::exit(1);
        }
        latencies[c].push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
      }
    });
  }
  go.store(true);
  for (std::thread& t : threads) t.join();
  std::vector<double> all;
  for (const auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
  std::sort(all.begin(), all.end());
  Result result;
  result.calls_per_second = static_cast<double>(all.size()) / absl::GetFlag(FLAGS_seconds);
  if (!all.empty()) {
    result.p50_us = all[all.size() / 2];
    result.p99_us = all[std::min(all.size() - 1, all.size() * 99 / 100)];
  }
  return result;
}

bool EmptyCall(v1::HeapService::Stub& stub, const Session&) {
  grpc::ClientContext context;
  context.AddMetadata("x-heapsim-token", "none");
  v1::ListSessionsResponse response;
  return stub.ListSessions(&context, v1::ListSessionsRequest(), &response).ok();
}

bool AllocateCall(v1::HeapService::Stub& stub, const Session& session) {
  static thread_local int64_t value = 1000;
  v1::AllocateRequest request;
  request.mutable_value()->set_int_value(std::to_string(value++));
  grpc::ClientContext context;
  Attach(&context, session);
  v1::Change change;
  return stub.Allocate(&context, request, &change).ok();
}

bool BatchCall(v1::HeapService::Stub& stub, const Session& session) {
  v1::BatchRequest request;
  for (int i = 0; i < absl::GetFlag(FLAGS_batch_size); ++i) {
    v1::AllocateRequest* allocate = request.add_operations()->mutable_allocate();
    allocate->mutable_value()->set_int_value(std::to_string(1000 + i));
  }
  grpc::ClientContext context;
  Attach(&context, session);
  v1::BatchResponse response;
  return stub.Batch(&context, request, &response).ok();
}

void Print(const char* what, int clients, const Result& r, double baseline) {
  std::printf("%-28s %3d clients  %10.0f calls/s  p50 %7.1f us  p99 %7.1f us  %5.1f%% of empty\n",
              what, clients, r.calls_per_second, r.p50_us, r.p99_us,
              baseline > 0 ? 100.0 * r.calls_per_second / baseline : 0.0);
}

double WatchFramesPerSecond() {
  auto channel = grpc::CreateChannel(absl::GetFlag(FLAGS_server), grpc::InsecureChannelCredentials());
  auto stub = v1::HeapService::NewStub(channel);
  const Session session = NewSession(*stub);
  std::atomic<bool> stop{false};
  std::thread writer([&]() {
    auto writer_stub = v1::HeapService::NewStub(
        grpc::CreateChannel(absl::GetFlag(FLAGS_server), grpc::InsecureChannelCredentials()));
    while (!stop.load()) AllocateCall(*writer_stub, session);
  });
  grpc::ClientContext context;
  Attach(&context, session);
  v1::WatchStatsRequest request;
  auto reader = stub->WatchStats(&context, request);
  v1::StatsFrame frame;
  int frames = 0;
  const auto end = Clock::now() + std::chrono::duration<double>(absl::GetFlag(FLAGS_seconds));
  while (Clock::now() < end && reader->Read(&frame)) ++frames;
  stop.store(true);
  context.TryCancel();
  writer.join();
  return frames / absl::GetFlag(FLAGS_seconds);
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  for (int clients : {1, 16}) {
    const Result empty = Measure(clients, EmptyCall);
    Print("empty call (baseline)", clients, empty, empty.calls_per_second);
    const Result allocate = Measure(clients, AllocateCall);
    Print("Allocate", clients, allocate, empty.calls_per_second);
    const Result batch = Measure(clients, BatchCall);
    Print("Batch", clients, batch, empty.calls_per_second);
    std::printf("%-28s %3d clients  %10.0f simulated operations/s\n", "Batch operations", clients,
                batch.calls_per_second * absl::GetFlag(FLAGS_batch_size));
  }
  std::printf("%-28s %10.0f frames/s (one watcher, one writer)\n", "WatchStats",
              WatchFramesPerSecond());
  return 0;
}
