#include "tests/stress/faults.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "tests/stress/stress_client.h"

namespace heapsim::stress {

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr uint64_t kManySteps = 2'000'000'000;  // minutes of work
constexpr char kEndless[] = "n = 0\nwhile True:\n    n += 1\n";
constexpr milliseconds kShutdownDeadline(5000);

double MillisSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// heapd's resident set in KiB, from /proc.
long ResidentKib(int pid) {
  std::ifstream status(absl::StrCat("/proc/", pid, "/status"));
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

// heapd's CPU time (user + system) in clock ticks, from /proc.
long CpuTicks(int pid) {
  std::ifstream stat(absl::StrCat("/proc/", pid, "/stat"));
  std::stringstream text;
  text << stat.rdbuf();
  const std::string all = text.str();
  // Fields after the command's closing parenthesis: state is field 3.
  const std::vector<std::string> fields =
      absl::StrSplit(all.substr(all.rfind(')') + 2), ' ', absl::SkipEmpty());
  return fields.size() > 12 ? std::stol(fields[11]) + std::stol(fields[12]) : -1;
}

bool Fail(const std::string& message) {
  std::printf("FAIL: %s\n", message.c_str());
  return false;
}

struct ExecOutcome {
  bool got_result = false;
  int exit_code = -1;
  grpc::Status status;
  double ended_ms = 0;  // after the signal or the cancellation
};

}  // namespace

int RunDrain(const FaultOptions& options) {
  constexpr int kScripts = 4;
  constexpr int kWatchers = 2;
  constexpr int kCallers = 4;
  std::vector<std::unique_ptr<StressClient>> clients;
  std::vector<SessionRef> sessions;
  for (int i = 0; i < kScripts + kCallers; ++i) {
    clients.push_back(std::make_unique<StressClient>(options.server, i));
    grpc::Status status;
    sessions.push_back(clients.back()->CreateSession("3.12", kManySteps, &status));
    if (!status.ok()) return Fail("CreateSession: " + status.error_message()), 1;
  }
  std::atomic<bool> signalled{false};
  Clock::time_point signal_time;
  std::vector<ExecOutcome> scripts(kScripts);
  std::vector<grpc::Status> watch_ends(kWatchers);
  std::vector<double> watch_ended_ms(kWatchers);
  std::vector<grpc::Status> caller_ends(kCallers);
  std::vector<double> caller_ended_ms(kCallers);
  std::vector<std::thread> threads;
  for (int i = 0; i < kScripts; ++i) {
    threads.emplace_back([&, i]() {
      auto context = StressClient::Context(sessions[i], std::chrono::seconds(60));
      v1::ExecRequest request;
      request.set_source(kEndless);
      auto reader = clients[i]->stub().Exec(context.get(), request);
      v1::ExecEvent event;
      while (reader->Read(&event)) {
        if (event.has_result()) {
          scripts[i].got_result = true;
          scripts[i].exit_code = event.result().exit_code();
        }
      }
      scripts[i].status = reader->Finish();
      scripts[i].ended_ms = MillisSince(signal_time);
    });
  }
  for (int i = 0; i < kWatchers; ++i) {
    threads.emplace_back([&, i]() {
      const int session = kScripts + i;
      auto context = StressClient::Context(sessions[session], std::chrono::seconds(60));
      auto reader = clients[session]->stub().WatchStats(context.get(), v1::WatchStatsRequest());
      v1::StatsFrame frame;
      while (reader->Read(&frame)) {
      }
      watch_ends[i] = reader->Finish();
      watch_ended_ms[i] = MillisSince(signal_time);
    });
  }
  for (int i = 0; i < kCallers; ++i) {
    threads.emplace_back([&, i]() {
      const int session = kScripts + i;
      for (int64_t n = 0;; ++n) {
        v1::AllocateRequest request;
        request.mutable_value()->set_int_value(std::to_string(n));
        request.set_as("x");
        v1::Change change;
        auto context = StressClient::Context(sessions[session], std::chrono::seconds(10));
        grpc::Status status = clients[session]->stub().Allocate(context.get(), request, &change);
        if (!status.ok()) {
          caller_ends[i] = status;
          caller_ended_ms[i] = MillisSince(signal_time);
          return;
        }
      }
    });
  }
  std::this_thread::sleep_for(milliseconds(700));
  signal_time = Clock::now();
  signalled = true;
  if (kill(options.heapd_pid, SIGTERM) != 0) return Fail("cannot signal heapd"), 1;
  // A call that starts once the shutdown began is refused.
  std::this_thread::sleep_for(milliseconds(100));
  StressClient late(options.server, 100);
  grpc::Status late_status;
  late.CreateSession("3.11", 0, &late_status);
  for (std::thread& thread : threads) thread.join();

  bool ok = true;
  if (late_status.ok()) ok = Fail("a CreateSession 100 ms after SIGTERM succeeded");
  std::printf("CreateSession 100 ms after SIGTERM: code %d (%s)\n", late_status.error_code(),
              late_status.error_message().c_str());
  for (int i = 0; i < kScripts; ++i) {
    const ExecOutcome& script = scripts[i];
    std::printf("script %d: ended %.0f ms after SIGTERM, result %s exit code %d, status %d\n", i,
                script.ended_ms, script.got_result ? "received," : "missing,", script.exit_code,
                script.status.error_code());
    if (!script.got_result || !script.status.ok()) {
      ok = Fail(absl::StrCat("script ", i, " did not end with its result"));
    }
    if (script.ended_ms > kShutdownDeadline.count()) {
      ok = Fail(absl::StrCat("script ", i, " ended after the shutdown deadline"));
    }
  }
  for (int i = 0; i < kWatchers; ++i) {
    std::printf("watcher %d: ended %.0f ms after SIGTERM, status %d\n", i, watch_ended_ms[i],
                watch_ends[i].error_code());
    if (watch_ended_ms[i] > kShutdownDeadline.count()) {
      ok = Fail(absl::StrCat("watcher ", i, " ended after the shutdown deadline"));
    }
  }
  for (int i = 0; i < kCallers; ++i) {
    std::printf("caller %d: refused %.0f ms after SIGTERM with code %d (%s)\n", i,
                caller_ended_ms[i], caller_ends[i].error_code(),
                caller_ends[i].error_message().c_str());
    if (caller_ended_ms[i] > kShutdownDeadline.count()) {
      ok = Fail(absl::StrCat("caller ", i, " was still served after the shutdown deadline"));
    }
  }
  return ok ? 0 : 1;
}

int RunDisconnect(const FaultOptions& options) {
  StressClient client(options.server, 0);
  grpc::Status status;
  const SessionRef session = client.CreateSession("3.12", kManySteps, &status);
  if (!status.ok()) return Fail("CreateSession: " + status.error_message()), 1;

  auto context = StressClient::Context(session, std::chrono::seconds(600));
  ExecOutcome outcome;
  Clock::time_point cancel_time;
  std::thread exec([&]() {
    v1::ExecRequest request;
    request.set_source(kEndless);
    auto reader = client.stub().Exec(context.get(), request);
    v1::ExecEvent event;
    while (reader->Read(&event)) {
    }
    outcome.status = reader->Finish();
  });
  std::this_thread::sleep_for(milliseconds(500));
  const long busy_before = CpuTicks(options.heapd_pid);
  std::this_thread::sleep_for(milliseconds(500));
  const long busy_ticks = CpuTicks(options.heapd_pid) - busy_before;
  cancel_time = Clock::now();
  context->TryCancel();
  exec.join();

  // The script held the session's lock: a call that needs it answers only
  // once the server stopped the script.
  v1::CheckConsistencyResponse response;
  status = client.stub().CheckConsistency(
      StressClient::Context(session, std::chrono::seconds(30)).get(),
      v1::CheckConsistencyRequest(), &response);
  const double freed_ms = MillisSince(cancel_time);
  const long idle_before = CpuTicks(options.heapd_pid);
  std::this_thread::sleep_for(milliseconds(500));
  const long idle_ticks = CpuTicks(options.heapd_pid) - idle_before;
  const long hz = sysconf(_SC_CLK_TCK);
  std::printf("heapd CPU while the script ran: %ld ms per 500 ms; after the client left: %ld ms\n",
              busy_ticks * 1000 / hz, idle_ticks * 1000 / hz);
  std::printf("the session's lock came free %.0f ms after the client cancelled (client status %d)\n",
              freed_ms, outcome.status.error_code());
  bool ok = true;
  if (!status.ok()) ok = Fail("CheckConsistency after the disconnect: " + status.error_message());
  if (freed_ms > 2000) ok = Fail("the script kept running after its client left");
  if (idle_ticks * 1000 / hz > 150) ok = Fail("heapd kept working after the client left");
  return ok ? 0 : 1;
}

int RunSlowWatchers(const FaultOptions& options) {
  constexpr int kWatchers = 16;
  constexpr int kChanges = 40000;
  constexpr int kWarmUp = 10000;
  StressClient writer(options.server, 0);
  grpc::Status status;
  const SessionRef session = writer.CreateSession("3.12", 0, &status);
  if (!status.ok()) return Fail("CreateSession: " + status.error_message()), 1;

  struct Watcher {
    std::unique_ptr<StressClient> client;
    std::unique_ptr<grpc::ClientContext> context;
    std::unique_ptr<grpc::ClientReader<v1::StatsFrame>> reader;
    uint64_t first_sequence = 0;
    size_t frame_bytes = 0;
  };
  std::vector<Watcher> watchers(kWatchers);
  for (int i = 0; i < kWatchers; ++i) {
    Watcher& watcher = watchers[i];
    watcher.client = std::make_unique<StressClient>(options.server, i + 1, /*small_window=*/true);
    watcher.context = StressClient::Context(session, std::chrono::seconds(600));
    watcher.reader =
        watcher.client->stub().WatchStats(watcher.context.get(), v1::WatchStatsRequest());
    v1::StatsFrame frame;
    if (!watcher.reader->Read(&frame)) return Fail("a watcher got no first frame"), 1;
    watcher.first_sequence = frame.sequence();
    watcher.frame_bytes = frame.ByteSizeLong();
  }
  // The watchers now stop reading while the heap changes kChanges times:
  // what heapd buffers for them must stop growing once their connections'
  // flow-control windows are full (after the first kWarmUp changes).
  auto change = [&](int i) {
    v1::AllocateRequest request;
    request.mutable_value()->set_literal(absl::StrCat("[", i, "] * ", i % 50));
    request.set_as(absl::StrCat("n", i % 200));
    v1::Change response;
    return writer.stub().Allocate(StressClient::Context(session, std::chrono::seconds(30)).get(),
                                  request, &response);
  };
  const long rss_before = ResidentKib(options.heapd_pid);
  long rss_warm = 0;
  for (int i = 0; i < kChanges; ++i) {
    if (i == kWarmUp) rss_warm = ResidentKib(options.heapd_pid);
    status = change(i);
    if (!status.ok()) return Fail("Allocate: " + status.error_message()), 1;
  }
  const long rss_after = ResidentKib(options.heapd_pid);
  std::printf("%d watchers not reading, %d changes (frames of %zu bytes: %.0f MB if queued): "
              "heapd RSS %ld KiB, after %d changes %ld KiB, at the end %ld KiB\n",
              kWatchers, kChanges, watchers[0].frame_bytes,
              static_cast<double>(watchers[0].frame_bytes) * kWatchers * kChanges / 1e6,
              rss_before, kWarmUp, rss_warm, rss_after);
  bool ok = true;
  if (rss_after - rss_warm > options.rss_growth_kib) {
    ok = Fail(absl::StrCat("heapd's memory kept growing (more than ", options.rss_growth_kib / 1024,
                           " MiB) while its watchers did not read"));
  }
  // Reading again reaches the latest state in a few frames, not kChanges.
  size_t most_frames = 0;
  for (Watcher& watcher : watchers) {
    const uint64_t latest = watcher.first_sequence + kChanges;
    v1::StatsFrame frame;
    size_t frames = 0;
    while (watcher.reader->Read(&frame)) {
      ++frames;
      if (frame.sequence() >= latest) break;
    }
    most_frames = std::max(most_frames, frames);
    if (frame.sequence() < latest) ok = Fail("a watcher never saw the latest state");
    watcher.context->TryCancel();
    watcher.reader->Finish();
  }
  std::printf("frames read to reach the latest state: at most %zu per watcher\n", most_frames);
  // Two 64 KiB windows' worth (the server's write buffer and the client's)
  // at most, never one frame per change.
  const size_t buffered = 2 * (64 << 10) / watchers[0].frame_bytes + 2;
  if (most_frames > buffered) {
    ok = Fail(absl::StrCat("watchers received a backlog of ", most_frames, " frames, not the latest "
                           "state after at most ", buffered));
  }
  return ok ? 0 : 1;
}

}  // namespace heapsim::stress
