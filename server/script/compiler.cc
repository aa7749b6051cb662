#include "server/script/compiler.h"

#include "absl/status/status.h"

namespace heapsim::script {

absl::StatusOr<std::shared_ptr<Program>> Compile(Heap& heap, std::string_view source,
                                                 std::string_view filename, CompileMode mode,
                                                 uint32_t program_index) {
  return absl::UnimplementedError("the compiler is not built yet");
}

}  // namespace heapsim::script
