// Engine benchmarks (Google Benchmark): the simulation's hot paths, the
// tutorial's "Dynamic growth" loop at engine level and through the
// interpreter, and the host memory one live simulated object costs.
//
//   build/tests/bench/heap_bench [--benchmark_filter=...]

#include <malloc.h>
#include <unistd.h>

#include <cstdio>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "server/heap/dict_object.h"
#include "server/heap/gc.h"
#include "server/heap/heap.h"
#include "server/heap/int_object.h"
#include "server/heap/list_object.h"
#include "server/heap/profile.h"
#include "server/script/runtime.h"
#include "tests/bench/bench_support.h"

namespace heapsim {
namespace {

// Resident set size of this process, in bytes.
size_t ResidentBytes() {
  std::FILE* statm = std::fopen("/proc/self/statm", "r");
  if (statm == nullptr) return 0;
  unsigned long size = 0, resident = 0;
  const int got = std::fscanf(statm, "%lu %lu", &size, &resident);
  std::fclose(statm);
  return got == 2 ? resident * static_cast<size_t>(sysconf(_SC_PAGESIZE)) : 0;
}

// Host bytes per live simulated small object while 1,000,000 ints are alive
// in one list (target: at most 64): host_bytes_per_object from malloc's own
// count of bytes in use (heap chunks and mmapped blocks),
// rss_bytes_per_object from the growth of the resident set after
// malloc_trim. Registered first so that it runs in a fresh process: after
// the other benchmarks, glibc's raised mmap threshold keeps outgrown
// buffers resident, and the resident-set figure would count them too.
void BM_HostBytesPerObject(benchmark::State& state) {
  for (auto _ : state) {
    const auto in_use = []() {
      const struct mallinfo2 info = mallinfo2();
      return info.uordblks + info.hblkhd;  // heap chunks and mmapped blocks
    };
    malloc_trim(0);
    const size_t before = in_use();
    const size_t rss_before = ResidentBytes();
    {
      Heap heap(Profile311());
      Ref data = NewList(heap, 0);
      for (int64_t i = 0; i < 1'000'000; ++i) {
        Ref item = NewInt(heap, 1000 + i);
        ListAppend(heap, data.get(), item.get());
      }
      const size_t during = in_use();
      const size_t rss_during = ResidentBytes();
      const double live = static_cast<double>(heap.live_objects());
      state.counters["live_objects"] = live;
      state.counters["host_bytes_per_object"] = static_cast<double>(during - before) / live;
      state.counters["rss_bytes_per_object"] =
          static_cast<double>(rss_during - rss_before) / live;
    }
  }
}
BENCHMARK(BM_HostBytesPerObject)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(1);

// Allocating and freeing a small object (an int outside the cache).
void BM_AllocateAndFree(benchmark::State& state) {
  Heap heap(Profile311());
  int64_t value = 1000;
  for (auto _ : state) {
    Ref object = NewInt(heap, value++);
    benchmark::DoNotOptimize(object.get());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AllocateAndFree);

// list.append of fresh ints, one list growing as CPython's does.
void BM_ListAppend(benchmark::State& state) {
  Heap heap(Profile311());
  Ref list = NewList(heap, 0);
  int64_t value = 1000;
  for (auto _ : state) {
    Ref item = NewInt(heap, value++);
    ListAppend(heap, list.get(), item.get());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ListAppend);

// d[k] = v with fresh int keys, through the dict's resizes.
void BM_DictInsert(benchmark::State& state) {
  Heap heap(Profile311());
  Ref dict = NewDict(heap);
  int64_t value = 1000;
  for (auto _ : state) {
    Ref key = NewInt(heap, value++);
    benchmark::DoNotOptimize(DictSetItem(heap, dict.get(), key.get(), key.get()).ok());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_DictInsert);

// A full collection of a heap of 100,000 objects: lists of ints, every
// tenth pair of lists in a reference cycle that the collection frees.
void BM_CollectHundredThousand(benchmark::State& state) {
  for (auto _ : state) {
    state.PauseTiming();
    Heap heap(Profile311());
    Ref keep = NewList(heap, 0);
    for (int i = 0; i < 50'000; ++i) {
      Ref inner = NewList(heap, 0);
      Ref item = NewInt(heap, 1000 + i);
      ListAppend(heap, inner.get(), item.get());
      if (i % 10 == 0) {
        ListAppend(heap, inner.get(), inner.get());  // a cycle, dropped below
      } else {
        ListAppend(heap, keep.get(), inner.get());
      }
    }
    state.ResumeTiming();
    const CollectResult result = Collect(heap, 2);
    benchmark::DoNotOptimize(result.unreachable);
  }
  state.SetItemsProcessed(state.iterations() * 100'000);
}
BENCHMARK(BM_CollectHundredThousand)->Unit(benchmark::kMillisecond);

// The tutorial's "Dynamic growth" loop at engine level: 1,000,000 appends
// of fresh ints to one list.
void BM_DynamicGrowthEngine(benchmark::State& state) {
  for (auto _ : state) {
    Heap heap(Profile311());
    Ref data = NewList(heap, 0);
    for (int64_t i = 0; i < 1'000'000; ++i) {
      Ref item = NewInt(heap, i);
      ListAppend(heap, data.get(), item.get());
    }
    benchmark::DoNotOptimize(data.get());
  }
  state.SetItemsProcessed(state.iterations() * 1'000'000);
}
BENCHMARK(BM_DynamicGrowthEngine)->Unit(benchmark::kMillisecond);

// The same loop as a heap script, through the interpreter.
void BM_DynamicGrowthScript(benchmark::State& state) {
  const std::string source =
      "data = []\nfor i in range(1000000):\n    data.append(i)\n";
  for (auto _ : state) {
    script::Runtime runtime(Profile311());
    NullSink out;
    const absl::Status status = runtime.Exec(source, "growth.py", script::RunLimits(), out);
    if (!status.ok()) state.SkipWithError(std::string(status.message()).c_str());
  }
  state.SetItemsProcessed(state.iterations() * 1'000'000);
}
BENCHMARK(BM_DynamicGrowthScript)->Unit(benchmark::kMillisecond)->UseRealTime();


}  // namespace
}  // namespace heapsim

BENCHMARK_MAIN();
