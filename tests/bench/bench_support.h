// What the benchmarks share: the profile they measure and an output sink
// that drops a script's stdout.

#ifndef HEAPSIM_TESTS_BENCH_BENCH_SUPPORT_H_
#define HEAPSIM_TESTS_BENCH_BENCH_SUPPORT_H_

#include <string_view>

#include "server/heap/profile.h"
#include "server/script/runtime.h"

namespace heapsim {

// The profile the benchmarks run (3.11, the version the README compares
// with CPython).
inline const Profile& Profile311() { return **FindProfile("3.11"); }

// Drops everything a script prints.
class NullSink : public script::OutputSink {
 public:
  void Write(std::string_view) override {}
};

}  // namespace heapsim

#endif  // HEAPSIM_TESTS_BENCH_BENCH_SUPPORT_H_
