// Tracemalloc's trace records (tracebacks per block, limits, realloc, clear)
// and what tracemalloc.py computes from them (grouping, order, filters,
// _format_size).

#include "server/heap/tracemalloc.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "server/heap/trace_statistics.h"

namespace heapsim {
namespace {

// A stack of (file, line) frames, most recent last, set by the test.
class FakeSource : public TracebackSource {
 public:
  void CurrentTraceback(uint32_t limit, TracebackTable& table,
                        Traceback* traceback) const override {
    traceback->total_nframe = static_cast<uint32_t>(stack.size());
    for (auto it = stack.rbegin(); it != stack.rend() && traceback->frames.size() < limit; ++it) {
      traceback->frames.push_back(TraceFrame{table.InternFile(it->first), it->second, known});
    }
  }
  std::vector<std::pair<std::string, uint32_t>> stack;
  bool known = true;
};

std::vector<std::string> Texts(const std::vector<StatEntry>& entries, bool diff = false) {
  std::vector<std::string> texts;
  for (const StatEntry& e : entries) {
    texts.push_back(diff ? FormatStatisticDiff(e) : FormatStatistic(e));
  }
  return texts;
}

TraceFilter Filter(bool inclusive, std::string pattern, std::optional<int64_t> lineno = {}) {
  TraceFilter filter;
  filter.inclusive = inclusive;
  filter.filename_pattern = std::move(pattern);
  filter.lineno = lineno;
  return filter;
}

class TracemallocTest : public ::testing::Test {
 protected:
  TracemallocTest() { trace_.set_traceback_source(&source_); }
  void At(uint32_t line) { source_.stack = {{"s.py", line}}; }
  Tracemalloc trace_;
  FakeSource source_;
};

TEST_F(TracemallocTest, EachBlockKeepsTheLineThatAllocatedIt) {
  trace_.Start();
  At(3);
  trace_.OnAllocate(0x1000, 100);
  trace_.OnAllocate(0x2000, 50);
  At(4);
  trace_.OnAllocate(0x3000, 5000);
  trace_.OnFree(0x2000);
  const TraceSnapshot snapshot = trace_.Snapshot();
  ASSERT_EQ(snapshot.traces.size(), 2u);
  EXPECT_EQ(trace_.current(), 5100u);
  absl::StatusOr<std::vector<StatEntry>> stats = TraceStatistics(snapshot, StatKey::kLineno, false);
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_EQ(Texts(*stats), (std::vector<std::string>{
                               "s.py:4: size=5000 B, count=1, average=5000 B",
                               "s.py:3: size=100 B, count=1, average=100 B"}));
}

TEST_F(TracemallocTest, ReallocTakesTheReallocsTraceback) {
  trace_.Start();
  At(3);
  trace_.OnAllocate(0x1000, 100);
  At(7);
  trace_.OnReallocate(0x1000, 0x1000, 200);
  ASSERT_TRUE(trace_.TracebackOf(0x1000).has_value());
  const Traceback& tb = trace_.table().traceback(*trace_.TracebackOf(0x1000));
  EXPECT_EQ(tb.frames[0].line, 7u);
  EXPECT_EQ(trace_.current(), 200u);
}

TEST_F(TracemallocTest, LimitKeepsTheMostRecentFramesAndStopKeepsTheLimit) {
  trace_.Start(2);
  source_.stack = {{"s.py", 10}, {"s.py", 3}, {"s.py", 5}};
  trace_.OnAllocate(0x1000, 64);
  const Traceback& tb = trace_.table().traceback(*trace_.TracebackOf(0x1000));
  ASSERT_EQ(tb.frames.size(), 2u);
  EXPECT_EQ(tb.frames[0].line, 5u);
  EXPECT_EQ(tb.frames[1].line, 3u);
  EXPECT_EQ(tb.total_nframe, 3u);
  trace_.Start(5);  // already tracing: no change
  EXPECT_EQ(trace_.traceback_limit(), 2u);
  trace_.Stop();
  EXPECT_EQ(trace_.traceback_limit(), 2u);
  EXPECT_EQ(trace_.traced_blocks(), 0u);
}

TEST_F(TracemallocTest, NoPythonFrameIsUnknownLineZero) {
  trace_.Start();
  trace_.OnAllocate(0x1000, 8);
  absl::StatusOr<std::vector<StatEntry>> stats =
      TraceStatistics(trace_.Snapshot(), StatKey::kLineno, false);
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(Texts(*stats), (std::vector<std::string>{"<unknown>:0: size=8 B, count=1, average=8 B"}));
}

TEST_F(TracemallocTest, SnapshotsSurviveClearTraces) {
  trace_.Start();
  At(2);
  trace_.OnAllocate(0x1000, 30);
  const TraceSnapshot before = trace_.Snapshot();
  trace_.ClearTraces();
  EXPECT_TRUE(trace_.tracing());
  EXPECT_EQ(trace_.current(), 0u);
  At(9);
  trace_.OnAllocate(0x2000, 10);
  absl::StatusOr<std::vector<StatEntry>> diff =
      CompareTraceStatistics(trace_.Snapshot(), before, StatKey::kLineno, false);
  ASSERT_TRUE(diff.ok());
  EXPECT_EQ(Texts(*diff, true),
            (std::vector<std::string>{"s.py:2: size=0 B (-30 B), count=0 (-1)",
                                      "s.py:9: size=10 B (+10 B), count=1 (+1), average=10 B"}));
}

TEST_F(TracemallocTest, TiesAreOrderedByTracebackDescending) {
  trace_.Start();
  for (uint32_t line : {5u, 12u, 7u}) {
    At(line);
    trace_.OnAllocate(0x1000 * line, 40);
  }
  absl::StatusOr<std::vector<StatEntry>> stats =
      TraceStatistics(trace_.Snapshot(), StatKey::kLineno, false);
  ASSERT_TRUE(stats.ok());
  ASSERT_EQ(stats->size(), 3u);
  EXPECT_EQ((*stats)[0].traceback.frames[0].line, 12u);
  EXPECT_EQ((*stats)[2].traceback.frames[0].line, 5u);
}

TEST_F(TracemallocTest, GroupsByFileTracebackAndCumulatively) {
  trace_.Start(3);
  source_.stack = {{"s.py", 1}, {"s.py", 4}};
  trace_.OnAllocate(0x1000, 100);
  source_.stack = {{"s.py", 1}, {"s.py", 6}};
  trace_.OnAllocate(0x2000, 300);
  const TraceSnapshot snapshot = trace_.Snapshot();
  EXPECT_EQ(Texts(*TraceStatistics(snapshot, StatKey::kFilename, false)),
            (std::vector<std::string>{"s.py:0: size=400 B, count=2, average=200 B"}));
  // 'traceback' keys show their oldest frame.
  EXPECT_EQ(Texts(*TraceStatistics(snapshot, StatKey::kTraceback, false)),
            (std::vector<std::string>{"s.py:1: size=300 B, count=1, average=300 B",
                                      "s.py:1: size=100 B, count=1, average=100 B"}));
  EXPECT_EQ(Texts(*TraceStatistics(snapshot, StatKey::kLineno, true)),
            (std::vector<std::string>{"s.py:1: size=400 B, count=2, average=200 B",
                                      "s.py:6: size=300 B, count=1, average=300 B",
                                      "s.py:4: size=100 B, count=1, average=100 B"}));
}

TEST_F(TracemallocTest, FiltersKeepWhatCPythonKeeps) {
  trace_.Start();
  source_.stack = {{"/lib/tracemalloc.py", 560}};
  trace_.OnAllocate(0x1000, 100);
  source_.stack = {{"dir/s.py", 3}};
  trace_.OnAllocate(0x2000, 7);
  trace_.OnAllocate(0x3000, 9);
  const TraceSnapshot snapshot = trace_.Snapshot();
  const auto kept = [&](std::vector<TraceFilter> filters) {
    absl::StatusOr<TraceSnapshot> f = FilterTraceSnapshot(snapshot, filters);
    EXPECT_TRUE(f.ok()) << f.status();
    return f.ok() ? f->traces.size() : 0u;
  };
  EXPECT_EQ(kept({Filter(false, "/lib/tracemalloc.py")}), 2u);
  EXPECT_EQ(kept({Filter(true, "*s.py")}), 2u);
  EXPECT_EQ(kept({Filter(true, "*.py")}), 3u);
  EXPECT_EQ(kept({Filter(true, "dir/s.py", 4)}), 0u);
  TraceFilter domain = Filter(false, "");
  domain.domain_filter = true;
  domain.domain = 0;
  EXPECT_EQ(kept({domain}), 0u);
  EXPECT_EQ(kept({}), 3u);
  EXPECT_FALSE(FilterTraceSnapshot(snapshot, {Filter(true, "[a]*")}).ok());
}

TEST_F(TracemallocTest, UnknownLinesAreRefusedOnlyWhereShown) {
  trace_.Start();
  At(3);
  source_.known = false;
  trace_.OnAllocate(0x1000, 100);
  const TraceSnapshot snapshot = trace_.Snapshot();
  EXPECT_FALSE(TraceStatistics(snapshot, StatKey::kLineno, false).ok());
  EXPECT_TRUE(TraceStatistics(snapshot, StatKey::kFilename, false).ok());
}

TEST(FormatTraceSizeTest, MatchesFormatSize) {
  EXPECT_EQ(FormatTraceSize(0, false), "0 B");
  EXPECT_EQ(FormatTraceSize(0, true), "+0 B");
  EXPECT_EQ(FormatTraceSize(10239, false), "10239 B");
  EXPECT_EQ(FormatTraceSize(10240, false), "10.0 KiB");
  EXPECT_EQ(FormatTraceSize(14950, false), "14.6 KiB");
  EXPECT_EQ(FormatTraceSize(-424, true), "-424 B");
  EXPECT_EQ(FormatTraceSize(102400, false), "100 KiB");
  EXPECT_EQ(FormatTraceSize(72.5, false), "72 B");  // round half to even
  EXPECT_EQ(FormatTraceSize(73.5, false), "74 B");
  EXPECT_EQ(FormatTraceSize(5.0 * 1024 * 1024, true), "+5120 KiB");
  EXPECT_EQ(FormatTraceSize(20.0 * 1024 * 1024, true), "+20.0 MiB");
}

TEST(TraceFilenameMatchTest, Globs) {
  EXPECT_EQ(TraceFilenameMatch("a/b.py", "*.py"), true);
  EXPECT_EQ(TraceFilenameMatch("a/b.py", "a?b.py"), true);
  EXPECT_EQ(TraceFilenameMatch("a/b.py", "*.pyc"), false);
  EXPECT_EQ(TraceFilenameMatch("ab", "a*b*"), true);
  EXPECT_EQ(TraceFilenameMatch("ab", "a[b]"), std::nullopt);
  EXPECT_EQ(NormalizeTraceFilename("x.pyc"), "x.py");
}

}  // namespace
}  // namespace heapsim
