#include "server/http/call_metrics.h"

#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>

#include "absl/status/status.h"
#include "google/protobuf/descriptor.h"
#include "prometheus/text_serializer.h"
#include "server/http/connect_protocol.h"

namespace heapsim::http {

namespace {

// Latency buckets in seconds: from a fast unary call (tens of
// microseconds) to a long script.
const prometheus::Histogram::BucketBoundaries kLatencyBuckets = {
    0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
    0.05,   0.1,     0.25,   0.5,   1,      2.5,   5,     10, 30, 60};

// The method label of a gRPC path: "heapsim.v1.HeapService/Allocate" for
// methods the process knows (its generated protos), else "other", so that
// clients cannot grow the label set.
std::string MethodLabel(std::string_view path) {
  if (path.starts_with("/")) path.remove_prefix(1);
  std::string dotted(path);
  std::replace(dotted.begin(), dotted.end(), '/', '.');
  if (path.find('/') == std::string_view::npos ||
      google::protobuf::DescriptorPool::generated_pool()->FindMethodByName(dotted) == nullptr) {
    return "other";
  }
  return std::string(path);
}

uint64_t ResidentBytes() {
  std::FILE* file = std::fopen("/proc/self/statm", "r");
  if (file == nullptr) return 0;
  unsigned long long size_pages = 0;
  unsigned long long resident_pages = 0;
  const int read = std::fscanf(file, "%llu %llu", &size_pages, &resident_pages);
  std::fclose(file);
  if (read != 2) return 0;
  return resident_pages * static_cast<uint64_t>(sysconf(_SC_PAGESIZE));
}

class MetricsInterceptor : public grpc::experimental::Interceptor {
 public:
  MetricsInterceptor(CallMetrics* metrics, std::string method)
      : metrics_(metrics), method_(std::move(method)), start_(absl::Now()),
        exec_(std::string_view(method_).ends_with("/Exec")) {
    if (exec_) metrics_->ExecStarted();
  }
  ~MetricsInterceptor() override {
    if (exec_) metrics_->ExecEnded();
  }

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(
            grpc::experimental::InterceptionHookPoints::PRE_SEND_STATUS)) {
      metrics_->RecordCall(method_, methods->GetSendStatus().error_code(), absl::Now() - start_);
    }
    methods->Proceed();
  }

 private:
  CallMetrics* const metrics_;
  const std::string method_;
  const absl::Time start_;
  const bool exec_;
};

class MetricsInterceptorFactory : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  explicit MetricsInterceptorFactory(CallMetrics* metrics) : metrics_(metrics) {}
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override {
    return new MetricsInterceptor(metrics_, info->method() == nullptr ? "" : info->method());
  }

 private:
  CallMetrics* const metrics_;
};

}  // namespace

std::string_view StatusCodeLabel(grpc::StatusCode code) {
  return CodeName(static_cast<absl::StatusCode>(code));
}

CallMetrics::CallMetrics()
    : registry_(std::make_shared<prometheus::Registry>()),
      calls_(prometheus::BuildCounter()
                 .Name("heapsim_calls_total")
                 .Help("Finished heapsim.v1 calls (gRPC and Connect), by method and status code")
                 .Register(*registry_)),
      latency_(prometheus::BuildHistogram()
                   .Name("heapsim_call_duration_seconds")
                   .Help("Time from a call's start to its status, by method")
                   .Register(*registry_)),
      running_execs_(prometheus::BuildGauge()
                         .Name("heapsim_running_execs")
                         .Help("Exec calls (heap scripts) running now")
                         .Register(*registry_)
                         .Add({})),
      sessions_(prometheus::BuildGauge()
                    .Name("heapsim_sessions")
                    .Help("Sessions held")
                    .Register(*registry_)
                    .Add({})),
      live_objects_(prometheus::BuildGauge()
                        .Name("heapsim_simulated_live_objects")
                        .Help("Live simulated objects over every session")
                        .Register(*registry_)
                        .Add({})),
      simulated_bytes_(prometheus::BuildGauge()
                           .Name("heapsim_simulated_bytes")
                           .Help("Simulated process footprints over every session, in bytes")
                           .Register(*registry_)
                           .Add({})),
      host_resident_bytes_(prometheus::BuildGauge()
                               .Name("heapsim_host_resident_bytes")
                               .Help("heapd's resident memory on the host, in bytes")
                               .Register(*registry_)
                               .Add({})),
      host_malloc_bytes_(prometheus::BuildGauge()
                             .Name("heapsim_host_malloc_bytes")
                             .Help("Host heap memory heapd has allocated and not freed, in bytes")
                             .Register(*registry_)
                             .Add({})) {}

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
CallMetrics::NewInterceptorFactory() {
  return std::make_unique<MetricsInterceptorFactory>(this);
}

void CallMetrics::RecordCall(std::string_view method, grpc::StatusCode code,
                             absl::Duration latency) {
  const std::string label = MethodLabel(method);
  calls_.Add({{"method", label}, {"code", std::string(StatusCodeLabel(code))}}).Increment();
  latency_.Add({{"method", label}}, kLatencyBuckets).Observe(absl::ToDoubleSeconds(latency));
}

void CallMetrics::ExecStarted() { running_execs_.Increment(); }

void CallMetrics::ExecEnded() { running_execs_.Decrement(); }

std::string CallMetrics::Render(const ScrapeFigures& figures) {
  sessions_.Set(static_cast<double>(figures.sessions));
  live_objects_.Set(static_cast<double>(figures.live_objects));
  simulated_bytes_.Set(static_cast<double>(figures.simulated_bytes));
  host_resident_bytes_.Set(static_cast<double>(ResidentBytes()));
  host_malloc_bytes_.Set(static_cast<double>(mallinfo2().uordblks));
  return prometheus::TextSerializer().Serialize(registry_->Collect());
}

}  // namespace heapsim::http
