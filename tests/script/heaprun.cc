// heaprun: runs one heap script on the in-process engine, with no server.
// Used by the script tests to compare the interpreter with CPython's
// recorded output: `heaprun FILE PROFILE` prints the script's stdout, an
// uncaught error's last line on stderr (exit 1) or the refusal (exit 2).
// After the run and after the shutdown it checks the heap's consistency
// (every refcount equals the references that exist, every block is owned):
// a violation is printed on stderr with exit 70, so every scenario run is
// also a check of the engine's bookkeeping.

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "server/heap/profile.h"
#include "server/script/runtime.h"

namespace {

class StdoutSink : public heapsim::script::OutputSink {
 public:
  void Write(std::string_view text) override { std::cout << text; }
};

// Exit code for a heap whose bookkeeping is broken (EX_SOFTWARE).
constexpr int kInconsistentExit = 70;

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: heaprun FILE PROFILE\n";
    return 2;
  }
  const absl::StatusOr<const heapsim::Profile*> profile = heapsim::FindProfile(argv[2]);
  if (!profile.ok()) {
    std::cerr << "heaprun: " << profile.status().message() << "\n";
    return 2;
  }
  std::ifstream file(argv[1]);
  if (!file) {
    std::cerr << "heaprun: cannot read " << argv[1] << "\n";
    return 2;
  }
  std::stringstream source;
  source << file.rdbuf();
  heapsim::script::Runtime runtime(**profile);
  StdoutSink out;
  heapsim::script::RunLimits limits;
  limits.max_steps = 200'000'000;
  limits.max_bytes = uint64_t{1} << 30;  // heapd's defaults for an Exec
  limits.max_time = absl::Seconds(10);
  runtime.set_working_directory(std::filesystem::current_path().string());
  absl::Status status = runtime.Exec(source.str(), argv[1], limits, out);
  absl::Status consistent = runtime.CheckConsistency();
  if (absl::Status shutdown = runtime.Shutdown(status, limits, out); !shutdown.ok()) {
    status = shutdown;
  }
  if (consistent.ok()) consistent = runtime.CheckConsistency();
  std::cout.flush();
  if (!consistent.ok()) {
    std::cerr << "heaprun: the heap is inconsistent: " << consistent.message() << "\n";
    return kInconsistentExit;
  }
  if (status.ok()) return 0;
  std::cerr << status.message() << "\n";
  if (status.code() == absl::StatusCode::kInvalidArgument) return 2;
  return status.code() == absl::StatusCode::kFailedPrecondition ? 1 : 3;
}
