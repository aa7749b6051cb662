// heapd: the heapsim server. Hosts isolated simulated-heap sessions over
// gRPC (heapsim.v1.HeapService), with gRPC's health and reflection services,
// and over HTTP: the same API in the Connect protocol with JSON, /metrics,
// /healthz and the static pages.

#include <malloc.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "grpcpp/ext/proto_server_reflection_plugin.h"
#include "grpcpp/grpcpp.h"
#include "grpcpp/health_check_service_interface.h"
#include "server/http/call_metrics.h"
#include "server/http/connect_bridge.h"
#include "server/http/http_server.h"
#include "server/heap/host_memory.h"
#include "server/service/heap_service.h"
#include "server/service/session.h"

ABSL_FLAG(std::string, listen, "127.0.0.1:50051", "address to serve on, HOST:PORT");
ABSL_FLAG(uint64_t, max_sessions, 10000, "most sessions held at once (0: no limit)");
ABSL_FLAG(uint64_t, default_max_objects, 1000000, "a session's object limit when it sets none");
ABSL_FLAG(uint64_t, max_objects, 20000000, "the highest object limit a session may ask for");
ABSL_FLAG(uint64_t, default_max_bytes, uint64_t{1} << 30,
          "a session's simulated-footprint limit in bytes when it sets none");
ABSL_FLAG(uint64_t, max_bytes, uint64_t{16} << 30, "the highest byte limit a session may ask for");
ABSL_FLAG(uint64_t, default_max_steps, 100000000, "statements a heap script may run per Exec");
ABSL_FLAG(uint64_t, max_steps, 2000000000, "the highest step limit a session may ask for");
ABSL_FLAG(absl::Duration, idle_timeout, absl::Minutes(30),
          "sessions unused this long are deleted (a session may ask for less)");
ABSL_FLAG(int, max_message_bytes, 16 << 20, "largest request or response message");
ABSL_FLAG(std::string, http_listen, "127.0.0.1:8080",
          "HTTP address (Connect JSON API, /metrics, /healthz), HOST:PORT; empty: no HTTP");
ABSL_FLAG(int, http_threads, 16, "HTTP connections served at once");
ABSL_FLAG(absl::Duration, default_exec_time, absl::Seconds(10),
          "wall-clock time an Exec may run when its session sets no max_seconds");
ABSL_FLAG(absl::Duration, default_call_time, absl::Seconds(1),
          "wall-clock time a structured call may run when its session sets no max_seconds");
ABSL_FLAG(absl::Duration, max_time, absl::Minutes(5),
          "the longest time per call a session may ask for (max_seconds)");
ABSL_FLAG(uint64_t, default_max_output_bytes, uint64_t{16} << 20,
          "stdout an Exec may print when its session sets no max_output_bytes");
ABSL_FLAG(uint64_t, max_output_bytes, uint64_t{256} << 20,
          "the most stdout per Exec a session may ask for");
ABSL_FLAG(uint64_t, max_host_bytes, heapsim::HostMemory::DefaultMaxBytes(),
          "host memory all sessions together may hold; past it new sessions and calls that "
          "grow are refused (default: half the machine's memory; 0: no budget)");
ABSL_FLAG(uint32_t, malloc_retain_mb, 128,
          "freed host memory heapd keeps for reuse, in MB (0: glibc's defaults)");

namespace {

void Log(const std::string& line) {
  std::fprintf(stderr, "heapd: %s\n", line.c_str());
  std::fflush(stderr);
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage("heapd --listen=HOST:PORT: serves simulated CPython heaps");
  absl::ParseCommandLine(argc, argv);

  // A session's simulated heap grows its tables in large steps and frees
  // them when the session ends. Keeping that memory for the next session,
  // instead of mapping and unmapping it each time, runs a large script
  // about a quarter faster (glibc malloc's thresholds).
  if (const uint32_t retain_mb = absl::GetFlag(FLAGS_malloc_retain_mb); retain_mb != 0) {
    const int retain = static_cast<int>(std::min<uint32_t>(retain_mb, 1024)) << 20;
    mallopt(M_MMAP_THRESHOLD, retain / 2);
    mallopt(M_TRIM_THRESHOLD, retain);
    mallopt(M_TOP_PAD, retain / 8);
  }

  // Signals are taken by a thread of our own, so shutdown is orderly.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  heapsim::service::ServiceLimits limits;
  limits.defaults.max_objects = absl::GetFlag(FLAGS_default_max_objects);
  limits.defaults.max_bytes = absl::GetFlag(FLAGS_default_max_bytes);
  limits.defaults.max_steps = absl::GetFlag(FLAGS_default_max_steps);
  limits.defaults.idle_timeout = absl::GetFlag(FLAGS_idle_timeout);
  limits.max.max_objects = absl::GetFlag(FLAGS_max_objects);
  limits.max.max_bytes = absl::GetFlag(FLAGS_max_bytes);
  limits.max.max_steps = absl::GetFlag(FLAGS_max_steps);
  limits.max.idle_timeout = absl::GetFlag(FLAGS_idle_timeout);
  limits.defaults.exec_time = absl::GetFlag(FLAGS_default_exec_time);
  limits.defaults.call_time = absl::GetFlag(FLAGS_default_call_time);
  limits.max.exec_time = absl::GetFlag(FLAGS_max_time);
  limits.defaults.max_output_bytes = absl::GetFlag(FLAGS_default_max_output_bytes);
  limits.max.max_output_bytes = absl::GetFlag(FLAGS_max_output_bytes);
  limits.max_message_bytes = static_cast<uint64_t>(absl::GetFlag(FLAGS_max_message_bytes));

  heapsim::HostMemory host_memory(absl::GetFlag(FLAGS_max_host_bytes));
  heapsim::service::SessionRegistry registry(absl::GetFlag(FLAGS_max_sessions), &host_memory);
  heapsim::service::HeapServiceImpl service(&registry, limits, Log);

  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  heapsim::http::CallMetrics metrics;
  grpc::ServerBuilder builder;
  std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> interceptors;
  interceptors.push_back(metrics.NewInterceptorFactory());
  builder.experimental().SetInterceptorCreators(std::move(interceptors));
  const std::string address = absl::GetFlag(FLAGS_listen);
  int port = 0;
  builder.AddListeningPort(address, grpc::InsecureServerCredentials(), &port);
  builder.SetMaxReceiveMessageSize(absl::GetFlag(FLAGS_max_message_bytes));
  builder.SetMaxSendMessageSize(absl::GetFlag(FLAGS_max_message_bytes));
  builder.RegisterService(&service);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr || port == 0) {
    Log(absl::StrCat("cannot listen on ", address));
    return 1;
  }
  Log(absl::StrCat("listening on ", address));

  // HTTP reaches the gRPC handlers through an in-process channel. A port
  // already taken (several servers on one host with the default) leaves
  // heapd serving gRPC only, with a log line saying so.
  grpc::ChannelArguments channel_arguments;
  channel_arguments.SetMaxReceiveMessageSize(absl::GetFlag(FLAGS_max_message_bytes));
  channel_arguments.SetMaxSendMessageSize(absl::GetFlag(FLAGS_max_message_bytes));
  heapsim::http::ConnectBridge bridge(
      server->InProcessChannel(channel_arguments),
      heapsim::v1::ExecRequest::descriptor()->file()->FindServiceByName("HeapService"));
  heapsim::http::HttpServer http(&bridge, &metrics, [&registry]() {
    const heapsim::service::SessionRegistry::Totals totals = registry.totals();
    heapsim::http::ScrapeFigures figures;
    figures.sessions = totals.sessions;
    figures.live_objects = totals.live_objects;
    figures.simulated_bytes = totals.footprint_bytes;
    return figures;
  });
  if (const std::string http_address = absl::GetFlag(FLAGS_http_listen); !http_address.empty()) {
    heapsim::http::HttpServerOptions http_options;
    http_options.listen = http_address;
    http_options.max_body_bytes = static_cast<size_t>(absl::GetFlag(FLAGS_max_message_bytes));
    http_options.threads = std::max(1, absl::GetFlag(FLAGS_http_threads));
    if (absl::Status started = http.Start(http_options); started.ok()) {
      Log(absl::StrCat("http listening on port ", http.port()));
    } else {
      Log(absl::StrCat("http: ", started.message(), "; serving gRPC only"));
    }
  }

  absl::Notification stopping;
  std::thread expiry([&]() {
    while (!stopping.WaitForNotificationWithTimeout(absl::Seconds(1))) {
      for (const std::string& name : registry.ExpireIdle(absl::Now())) {
        Log(absl::StrCat("session ", name, " expired"));
      }
    }
  });
  std::thread waiter([&]() {
    int signal = 0;
    sigwait(&signals, &signal);
    Log(absl::StrCat("signal ", signal, ": shutting down"));
    stopping.Notify();
    service.Stop();  // running scripts end now, with their results
    for (const std::string& name : registry.Clear()) {  // also ends every watch stream
      Log(absl::StrCat("session ", name, " ended by the shutdown"));
    }
    server->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(5));
  });
  server->Wait();
  http.Stop();
  waiter.join();
  expiry.join();
  Log("stopped");
  return 0;
}
