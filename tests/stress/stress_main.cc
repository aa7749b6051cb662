// heapsim_stress: load and fault tests against a running heapd.
//
//   heapsim_stress --server=HOST:PORT load [--clients=64 --operations=10000]
//   heapsim_stress --server=HOST:PORT --heapd_pid=PID disconnect | slow_watchers | drain
//
// `load` runs the mixed workload (mixed_load.h) and checks every live
// session's consistency afterwards; the others are the fault tests of
// faults.h (`drain` stops heapd with SIGTERM). stress_test.sh runs them all
// against a heapd of its own. Exit 0 when the checks held, 1 otherwise, 2 on
// a usage error.

#include <cstdio>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "tests/stress/faults.h"
#include "tests/stress/mixed_load.h"

ABSL_FLAG(std::string, server, "127.0.0.1:50051", "heapd address, HOST:PORT");
ABSL_FLAG(int, heapd_pid, 0, "heapd's process id (fault tests)");
ABSL_FLAG(int, rss_growth_mib, 8,
          "slow_watchers: how much heapd's RSS may grow after the warm-up (sanitizer "
          "builds' allocators need more)");
ABSL_FLAG(int, clients, 64, "load: concurrent clients, each with a connection and a session");
ABSL_FLAG(int, operations, 10000, "load: calls per client");
ABSL_FLAG(uint32_t, seed, 1, "load: the random mix's seed");

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "heapsim_stress --server=HOST:PORT [--heapd_pid=PID] load|disconnect|slow_watchers|drain");
  const std::vector<char*> args = absl::ParseCommandLine(argc, argv);
  if (args.size() != 2) {
    std::fprintf(stderr, "usage: %s\n", absl::ProgramUsageMessage().data());
    return 2;
  }
  const std::string mode = args[1];
  if (mode == "load") {
    heapsim::stress::MixedLoadOptions options;
    options.server = absl::GetFlag(FLAGS_server);
    options.clients = absl::GetFlag(FLAGS_clients);
    options.operations = absl::GetFlag(FLAGS_operations);
    options.seed = absl::GetFlag(FLAGS_seed);
    return heapsim::stress::RunMixedLoad(options);
  }
  heapsim::stress::FaultOptions options;
  options.server = absl::GetFlag(FLAGS_server);
  options.heapd_pid = absl::GetFlag(FLAGS_heapd_pid);
  options.rss_growth_kib = int64_t{absl::GetFlag(FLAGS_rss_growth_mib)} * 1024;
  if (options.heapd_pid <= 0) {
    std::fprintf(stderr, "heapsim_stress: %s needs --heapd_pid\n", mode.c_str());
    return 2;
  }
  if (mode == "disconnect") return heapsim::stress::RunDisconnect(options);
  if (mode == "slow_watchers") return heapsim::stress::RunSlowWatchers(options);
  if (mode == "drain") return heapsim::stress::RunDrain(options);
  std::fprintf(stderr, "heapsim_stress: unknown mode '%s'\n", mode.c_str());
  return 2;
}
