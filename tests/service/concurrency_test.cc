// The service's concurrent parts driven straight from threads, without gRPC:
// the session registry, a session's lock around its interpreter, the
// figures read without that lock, statistics watchers, the pool that waits
// for busy sessions, and cancellation of a running script. Under TSan (preset
// `tsan`) every access here is instrumented, so a clean run means these
// parts have no data race; Debian's gRPC is not built for TSan, so races
// cannot be told from its own hand-offs in the tests that go through it.

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "server/heap/profile.h"
#include "server/script/runtime.h"
#include "server/service/blocking_pool.h"
#include "server/service/session.h"
#include "server/service/stats_hub.h"
#include "tests/script/string_sink.h"

namespace heapsim::service {
namespace {

using script::StringSink;

// Runs `body(i)` on `threads` threads at once and joins them.
template <typename Body>
void OnThreads(int threads, Body body) {
  std::vector<std::thread> running;
  for (int i = 0; i < threads; ++i) running.emplace_back([&body, i]() { body(i); });
  for (std::thread& thread : running) thread.join();
}

TEST(ConcurrencyTest, RegistryServesCreateFindListDeleteAndExpiryAtOnce) {
  SessionRegistry registry(0);
  std::atomic<int> failures{0};
  std::atomic<bool> done{false};
  std::thread expirer([&]() {
    while (!done.load()) {
      EXPECT_TRUE(registry.ExpireIdle(absl::Now()).empty());  // no session has a timeout
      (void)registry.size();
      (void)registry.totals();
    }
  });
  OnThreads(6, [&](int thread) {
    for (int i = 0; i < 40; ++i) {
      const std::string id = absl::StrCat("t", thread, "-", i);
      absl::StatusOr<std::shared_ptr<Session>> made = registry.Create("3.12", SessionLimits(), id);
      if (!made.ok()) {
        ++failures;
        continue;
      }
      const std::string name = (*made)->name();
      const std::string token = (*made)->token();
      if (!registry.Find(name, token).ok()) ++failures;
      if (registry.ListFor({token}).size() != 1) ++failures;
      if (!registry.Delete(name, token).ok()) ++failures;
      if (registry.Find(name, token).status().code() != absl::StatusCode::kNotFound) ++failures;
    }
  });
  done.store(true);
  expirer.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(registry.size(), 0u);
}

TEST(ConcurrencyTest, ScriptsOnOneSessionTakeTurnsUnderItsLock) {
  SessionRegistry registry(0);
  absl::StatusOr<std::shared_ptr<Session>> made = registry.Create("3.11", SessionLimits(), "");
  ASSERT_TRUE(made.ok()) << made.status();
  std::shared_ptr<Session> session = *made;
  {
    std::lock_guard<std::mutex> lock(session->mu());
    StringSink out;
    ASSERT_TRUE(session->runtime().Exec("n = 0\n", "<setup>", script::RunLimits(), out).ok());
  }
  std::atomic<bool> done{false};
  // Watchers read the figures kept outside the lock and wait for changes.
  std::thread reader([&]() {
    uint64_t seen = 0;
    while (!done.load()) {
      (void)session->live_objects();
      (void)session->footprint_bytes();
      uint64_t version = 0;
      session->hub().WaitNewer(seen, absl::Now() + absl::Milliseconds(5), &version);
      seen = version;
    }
  });
  std::atomic<int> failures{0};
  OnThreads(4, [&](int) {
    for (int i = 0; i < 10; ++i) {
      std::lock_guard<std::mutex> lock(session->mu());
      StringSink out;
      const absl::Status run = session->runtime().Exec(
          "xs = [str(i) for i in range(100)]\nn = n + 1\n", "<turn>", script::RunLimits(), out);
      if (!run.ok()) ++failures;
      session->NoteHeap();
      session->hub().Publish();
    }
  });
  done.store(true);
  reader.join();
  EXPECT_EQ(failures.load(), 0);
  std::lock_guard<std::mutex> lock(session->mu());
  StringSink out;
  ASSERT_TRUE(session->runtime().Exec("print(n)\n", "<check>", script::RunLimits(), out).ok());
  EXPECT_EQ(out.text(), "40\n");
  EXPECT_TRUE(session->runtime().CheckConsistency().ok());
}

TEST(ConcurrencyTest, AnotherThreadCancelsARunningScript) {
  absl::StatusOr<const Profile*> profile = FindProfile("3.13");
  ASSERT_TRUE(profile.ok());
  script::Runtime runtime(**profile);
  std::atomic<bool> cancelled{false};
  script::RunLimits limits;
  limits.interrupted = [&cancelled]() {
    return cancelled.load() ? absl::CancelledError("the call was cancelled") : absl::OkStatus();
  };
  std::thread canceller([&cancelled]() {
    absl::SleepFor(absl::Milliseconds(50));
    cancelled.store(true);
  });
  StringSink out;
  const absl::Status run =
      runtime.Exec("xs = []\nwhile True:\n    xs.append(len(xs))\n    xs = xs[-10:]\n", "<loop>",
                   limits, out);
  canceller.join();
  EXPECT_EQ(run.code(), absl::StatusCode::kCancelled) << run;
  EXPECT_TRUE(runtime.CheckConsistency().ok());
}

TEST(ConcurrencyTest, RunsFromManyThreadsShareTheLargeStackPool) {
  absl::StatusOr<const Profile*> profile = FindProfile("3.10");
  ASSERT_TRUE(profile.ok());
  std::atomic<int> failures{0};
  OnThreads(4, [&](int thread) {
    script::Runtime runtime(**profile);
    StringSink out;
    const absl::Status run = runtime.Exec(
        absl::StrCat("def depth(n):\n    return 0 if n == 0 else 1 + depth(n - 1)\n",
                     "print(depth(", 500 + thread, "))\n"),
        "<deep>", script::RunLimits(), out);
    if (!run.ok() || out.text() != absl::StrCat(500 + thread, "\n")) ++failures;
  });
  EXPECT_EQ(failures.load(), 0);
}

TEST(ConcurrencyTest, BlockingPoolRunsEveryQueuedClosureBeforeItEnds) {
  std::atomic<int> ran{0};
  std::atomic<int> refused{0};
  {
    BlockingPool pool(3, 1000);
    OnThreads(5, [&](int) {
      for (int i = 0; i < 100; ++i) {
        if (!pool.Run([&ran]() { ++ran; })) ++refused;
      }
    });
  }
  EXPECT_EQ(refused.load(), 0);
  EXPECT_EQ(ran.load(), 500);
}

TEST(ConcurrencyTest, StatsHubWakesEveryWatcherAndEndsThemOnClose) {
  StatsHub hub;
  std::atomic<int> ended{0};
  std::vector<std::thread> watchers;
  for (int i = 0; i < 4; ++i) {
    watchers.emplace_back([&]() {
      uint64_t seen = 0;
      uint64_t version = 0;
      while (hub.WaitNewer(seen, absl::Now() + absl::Seconds(10), &version)) seen = version;
      ++ended;
    });
  }
  OnThreads(2, [&](int) {
    for (int i = 0; i < 500; ++i) hub.Publish();
  });
  EXPECT_EQ(hub.version(), 1000u);
  hub.Close();
  for (std::thread& watcher : watchers) watcher.join();
  EXPECT_EQ(ended.load(), 4);
  EXPECT_FALSE(hub.WaitUntil(absl::Now() + absl::Seconds(10)));
}

}  // namespace
}  // namespace heapsim::service
