// Scaling benchmarks (Google Benchmark): the cost of parsing, compiling and
// running a heap script per statement, and of the heap and its collector per
// live object, over sizes that grow by 10x. A linear implementation shows a
// flat per_statement / per_object column from the smallest size to the
// largest.
//
//   build/tests/bench/scale_bench [--benchmark_filter=...]

#include <cstdint>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "benchmark/benchmark.h"
#include "server/heap/gc.h"
#include "server/heap/heap.h"
#include "server/heap/int_object.h"
#include "server/heap/list_object.h"
#include "server/heap/profile.h"
#include "server/script/runtime.h"
#include "tests/bench/bench_support.h"

namespace heapsim {
namespace {

// The programs, each `statements` statements long:
//   kDistinctNames:  v0 = 0 ... vN = N (as many names and constants as lines)
//   kMixed:          assignments, containers, calls, attributes and deletes
//                    cycling over a fixed set of names
//   kFunctions:      a def and a call of it per two statements
enum class ProgramKind { kDistinctNames, kMixed, kFunctions };

std::string MakeProgram(ProgramKind kind, int64_t statements) {
  std::string source;
  source.reserve(static_cast<size_t>(statements) * 24);
  switch (kind) {
    case ProgramKind::kDistinctNames:
      for (int64_t i = 0; i < statements; ++i) absl::StrAppend(&source, "v", i, " = ", i, "\n");
      break;
    case ProgramKind::kMixed:
      source = "class C:\n    pass\nobj = C()\nd = {}\n";
      for (int64_t i = 0; i + 4 < statements; ++i) {
        switch (i % 6) {
          case 0: absl::StrAppend(&source, "a = [", i, ", 'x', (1, 2)]\n"); break;
          case 1: absl::StrAppend(&source, "d[", i % 1000, "] = a\n"); break;
          case 2: absl::StrAppend(&source, "obj.attr = len(a) + ", i, "\n"); break;
          case 3: absl::StrAppend(&source, "s = str(", i, ") + 'y'\n"); break;
          case 4: absl::StrAppend(&source, "t = (s, a, obj.attr)\n"); break;
          default: absl::StrAppend(&source, "del t\n"); break;
        }
      }
      break;
    case ProgramKind::kFunctions:
      for (int64_t i = 0; i + 1 < statements; i += 2) {
        absl::StrAppend(&source, "def f", i, "(x):\n    return x + ", i, "\nf", i, "(1)\n");
      }
      break;
  }
  return source;
}

// Parses, compiles and runs a program of state.range(0) statements in a
// fresh runtime.
void BM_ScriptStatements(benchmark::State& state, ProgramKind kind) {
  const int64_t statements = state.range(0);
  const std::string source = MakeProgram(kind, statements);
  for (auto _ : state) {
    state.PauseTiming();
    auto runtime = std::make_unique<script::Runtime>(Profile311());
    NullSink out;
    state.ResumeTiming();
    const absl::Status status = runtime->Exec(source, "scale.py", script::RunLimits(), out);
    state.PauseTiming();
    if (!status.ok()) state.SkipWithError(std::string(status.message()).c_str());
    runtime.reset();
    state.ResumeTiming();
  }
  // Seconds per statement (printed with an SI prefix: 1.5u is 1.5 us).
  state.counters["per_statement"] = benchmark::Counter(
      static_cast<double>(statements),
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}
BENCHMARK_CAPTURE(BM_ScriptStatements, distinct_names, ProgramKind::kDistinctNames)
    ->RangeMultiplier(10)->Range(1000, 1000000)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();
BENCHMARK_CAPTURE(BM_ScriptStatements, mixed, ProgramKind::kMixed)
    ->RangeMultiplier(10)->Range(1000, 1000000)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();
BENCHMARK_CAPTURE(BM_ScriptStatements, functions, ProgramKind::kFunctions)
    ->RangeMultiplier(10)->Range(1000, 1000000)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

// Builds a heap of state.range(0) live objects (ints in lists of 1,000, the
// lists in one outer list), runs a full collection over it, then frees it.
void BM_HeapObjects(benchmark::State& state) {
  const int64_t objects = state.range(0);
  constexpr int64_t kPerList = 1000;
  for (auto _ : state) {
    state.PauseTiming();
    auto owned_heap = std::make_unique<Heap>(Profile311());
    Heap& heap = *owned_heap;
    state.ResumeTiming();
    Ref outer = NewList(heap, 0);
    for (int64_t made = 0; made < objects; made += kPerList + 1) {
      Ref inner = NewList(heap, 0);
      for (int64_t i = 0; i < kPerList && made + i < objects; ++i) {
        ListAppend(heap, inner.get(), NewInt(heap, 1000 + made + i).get());
      }
      ListAppend(heap, outer.get(), inner.get());
    }
    Collect(heap, 2);
    outer.Reset();
    state.PauseTiming();
    owned_heap.reset();
    state.ResumeTiming();
  }
  // Seconds per object (1.5u is 1.5 us).
  state.counters["per_object"] = benchmark::Counter(
      static_cast<double>(objects),
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_HeapObjects)
    ->RangeMultiplier(10)->Range(1000, 10000000)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

}  // namespace
}  // namespace heapsim

BENCHMARK_MAIN();
