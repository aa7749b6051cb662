// heapsim_loadgen: load on a running heapd, printed as a table.
//
// With 1 and 16 concurrent clients (each a thread with its own channel and
// session), it measures unary calls per second and their p50/p99 latency:
//   * health Check, the empty call every other rate is compared with;
//   * GetSession, an empty call on a session (authentication and its lock);
//   * Allocate of a new int, bound to nothing;
//   * Batch of --batch_size Allocate operations (also as simulated ops/s);
// and WatchStats frames per second, one watcher per client, each watching a
// session that a writer of its own keeps changing.
//
// The machine's other load varies, so the unary workloads are interleaved:
// each runs --rounds times for --seconds/--rounds, and a rate is the total
// over its rounds.
//
//   build/heapsim_loadgen --server=127.0.0.1:50051 --seconds=5

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "google/protobuf/arena.h"
#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/grpcpp.h"
#include "heapsim/v1/heapsim.grpc.pb.h"

ABSL_FLAG(std::string, server, "127.0.0.1:50051", "heapd address, HOST:PORT");
ABSL_FLAG(double, seconds, 5.0, "time given to each workload, over all its rounds");
ABSL_FLAG(int, rounds, 5, "interleaved rounds per workload");
ABSL_FLAG(int, batch_size, 1000, "operations per Batch call");

namespace {

namespace v1 = ::heapsim::v1;
using Clock = std::chrono::steady_clock;

// One client: a channel of its own, the stubs on it and a session.
struct Client {
  std::shared_ptr<grpc::Channel> channel;
  std::unique_ptr<v1::HeapService::Stub> stub;
  std::unique_ptr<grpc::GenericStub> generic;
  grpc::CompletionQueue cq;
  std::string session;
  std::string token;
  int64_t next_int = 1000;
  // Built once: the machine's cores are shared with the server, so the
  // client spends them on calls, not on rebuilding the same request.
  v1::BatchRequest batch;
};

std::shared_ptr<grpc::Channel> NewChannel(int index) {
  grpc::ChannelArguments args;
  args.SetInt("heapsim.loadgen.client", index);  // a distinct channel each
  return grpc::CreateCustomChannel(absl::GetFlag(FLAGS_server), grpc::InsecureChannelCredentials(),
                                   args);
}

std::unique_ptr<Client> NewClient(int index) {
  auto client = std::make_unique<Client>();
  client->channel = NewChannel(index);
  client->stub = v1::HeapService::NewStub(client->channel);
  client->generic = std::make_unique<grpc::GenericStub>(client->channel);
  v1::CreateSessionRequest request;
  request.set_profile("3.11");
  v1::CreateSessionResponse response;
  grpc::ClientContext context;
  grpc::Status status = client->stub->CreateSession(&context, request, &response);
  if (!status.ok()) {
    std::fprintf(stderr, "loadgen: cannot create a session: %s\n", status.error_message().c_str());
    std::exit(2);
  }
  client->session = response.session().name();
  client->token = response.token();
  for (int i = 0; i < absl::GetFlag(FLAGS_batch_size); ++i) {
    client->batch.add_operations()->mutable_allocate()->mutable_value()->set_int_value(
        std::to_string(1000 + i));
  }
  return client;
}

void Attach(grpc::ClientContext* context, const Client& client) {
  context->AddMetadata("x-heapsim-session", client.session);
  context->AddMetadata("x-heapsim-token", client.token);
}

grpc::Status HealthCheck(Client& client) {
  // grpc.health.v1.HealthCheckRequest with no service: the empty message.
  grpc::Slice empty("");
  const grpc::ByteBuffer request(&empty, 1);
  grpc::ByteBuffer response;
  grpc::Status status;
  grpc::ClientContext context;
  auto call = client.generic->PrepareUnaryCall(&context, "/grpc.health.v1.Health/Check", request,
                                               &client.cq);
  call->StartCall();
  call->Finish(&response, &status, &client);
  void* tag = nullptr;
  bool ok = false;
  client.cq.Next(&tag, &ok);
  return status;
}

grpc::Status GetSession(Client& client) {
  v1::GetSessionRequest request;
  request.set_name(client.session);
  v1::Session response;
  grpc::ClientContext context;
  Attach(&context, client);
  return client.stub->GetSession(&context, request, &response);
}

grpc::Status Allocate(Client& client) {
  v1::AllocateRequest request;
  request.mutable_value()->set_int_value(std::to_string(client.next_int++));
  v1::Change change;
  grpc::ClientContext context;
  Attach(&context, client);
  return client.stub->Allocate(&context, request, &change);
}

grpc::Status Batch(Client& client) {
  google::protobuf::Arena arena;  // the response's thousands of messages
  auto* response = google::protobuf::Arena::CreateMessage<v1::BatchResponse>(&arena);
  grpc::ClientContext context;
  Attach(&context, client);
  grpc::Status status = client.stub->Batch(&context, client.batch, response);
  if (status.ok() && response->changes_size() != client.batch.operations_size()) {
    return grpc::Status(grpc::StatusCode::INTERNAL, "a Batch answered the wrong number of changes");
  }
  return status;
}

struct Workload {
  const char* name;
  std::function<grpc::Status(Client&)> call;
  std::vector<double> latencies_us = {};  // over all rounds
  double seconds = 0;
};

// Runs `workload` from every client at once for `seconds`.
void RunRound(std::vector<std::unique_ptr<Client>>& clients, Workload& workload, double seconds) {
  std::vector<std::vector<double>> latencies(clients.size());
  std::vector<std::thread> threads;
  const auto end = Clock::now() + std::chrono::duration<double>(seconds);
  for (size_t c = 0; c < clients.size(); ++c) {
    threads.emplace_back([&, c]() {
      while (Clock::now() < end) {
        const auto start = Clock::now();
        grpc::Status status = workload.call(*clients[c]);
        if (!status.ok()) {
          std::fprintf(stderr, "loadgen: %s failed: %s\n", workload.name,
                       status.error_message().c_str());
          std::exit(1);
        }
        latencies[c].push_back(
            std::chrono::duration<double, std::micro>(Clock::now() - start).count());
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const auto& l : latencies) {
    workload.latencies_us.insert(workload.latencies_us.end(), l.begin(), l.end());
  }
  workload.seconds += seconds;
}

double Rate(const Workload& w) { return static_cast<double>(w.latencies_us.size()) / w.seconds; }

double Percentile(std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  return sorted[std::min(sorted.size() - 1, static_cast<size_t>(sorted.size() * p))];
}

void PrintUnary(int clients, std::vector<Workload>& workloads) {
  const double empty = Rate(workloads[0]);
  for (Workload& w : workloads) {
    std::sort(w.latencies_us.begin(), w.latencies_us.end());
    std::printf("%-12s %7d %12.0f %10.1f %10.1f %9.1f%%\n", w.name, clients, Rate(w),
                Percentile(w.latencies_us, 0.50), Percentile(w.latencies_us, 0.99),
                100.0 * Rate(w) / empty);
  }
  std::printf("%-12s %7d %12.0f simulated operations/s (%d per Batch)\n", "  Batch ops", clients,
              Rate(workloads.back()) * absl::GetFlag(FLAGS_batch_size),
              absl::GetFlag(FLAGS_batch_size));
}

// WatchStats with `clients` watchers, each on a session of its own that a
// writer thread keeps changing. Returns {frames/s, changes/s} in total.
std::pair<double, double> Watch(std::vector<std::unique_ptr<Client>>& clients) {
  const double seconds = absl::GetFlag(FLAGS_seconds) / absl::GetFlag(FLAGS_rounds);
  std::atomic<bool> stop{false};
  std::atomic<int64_t> frames{0};
  std::atomic<int64_t> changes{0};
  std::vector<std::thread> threads;
  for (size_t c = 0; c < clients.size(); ++c) {
    threads.emplace_back([&, c]() {
      // The writer uses a channel of its own, as a second client would.
      Client writer;
      writer.channel = NewChannel(static_cast<int>(clients.size() + c));
      writer.stub = v1::HeapService::NewStub(writer.channel);
      writer.session = clients[c]->session;
      writer.token = clients[c]->token;
      while (!stop.load()) {
        if (Allocate(writer).ok()) ++changes;
      }
    });
    threads.emplace_back([&, c]() {
      grpc::ClientContext context;
      Attach(&context, *clients[c]);
      context.set_deadline(std::chrono::system_clock::now() +
                           std::chrono::duration_cast<std::chrono::system_clock::duration>(
                               std::chrono::duration<double>(seconds)));
      auto reader = clients[c]->stub->WatchStats(&context, v1::WatchStatsRequest());
      v1::StatsFrame frame;
      while (reader->Read(&frame)) ++frames;
      reader->Finish();
    });
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  stop.store(true);
  for (std::thread& thread : threads) thread.join();
  return {frames / seconds, changes / seconds};
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage("heapsim_loadgen --server=HOST:PORT: measures a running heapd");
  absl::ParseCommandLine(argc, argv);
  const int rounds = std::max(1, absl::GetFlag(FLAGS_rounds));
  const double round_seconds = absl::GetFlag(FLAGS_seconds) / rounds;
  std::printf("%-12s %7s %12s %10s %10s %10s\n", "workload", "clients", "calls/s", "p50 us",
              "p99 us", "of empty");
  for (int count : {1, 16}) {
    std::vector<std::unique_ptr<Client>> clients;
    for (int c = 0; c < count; ++c) clients.push_back(NewClient(c));
    std::vector<Workload> workloads = {
        {"health", HealthCheck}, {"GetSession", GetSession}, {"Allocate", Allocate},
        {"Batch", Batch}};
    for (Workload& w : workloads) RunRound(clients, w, 0.1);  // warm up
    for (Workload& w : workloads) {
      w.latencies_us.clear();
      w.seconds = 0;
    }
    for (int r = 0; r < rounds; ++r) {
      for (Workload& w : workloads) RunRound(clients, w, round_seconds);
    }
    PrintUnary(count, workloads);
    const auto [frames, changes] = Watch(clients);
    std::printf("%-12s %7d %12.0f frames/s (writers made %.0f changes/s)\n", "WatchStats", count,
                frames, changes);
    for (const auto& client : clients) {
      v1::DeleteSessionRequest request;
      request.set_name(client->session);
      v1::DeleteSessionResponse response;
      grpc::ClientContext context;
      Attach(&context, *client);
      client->stub->DeleteSession(&context, request, &response);
    }
  }
  return 0;
}
