// Fuzz target: source text through the lexer, the parser and the compiler
// (nothing runs). Whatever the text, Compile either refuses it with
// InvalidArgument "FILE:LINE:COL: ...", gives up as CPython's front end does
// (RecursionError or MemoryError), or makes a program whose references can
// be released again, leaving the heap consistent.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <optional>
#include <string_view>

#include "absl/status/status.h"
#include "server/heap/consistency.h"
#include "server/heap/heap.h"
#include "server/heap/profile.h"
#include "server/heap/py_error.h"
#include "server/script/compiler.h"
#include "server/script/program.h"
#include "tests/fuzz/nesting_guard.h"
#include "tests/fuzz/profile_choice.h"

namespace {

[[noreturn]] void Fail(const char* what, const absl::Status& status) {
  std::fprintf(stderr, "compile_fuzzer: %s: %s\n", what, status.ToString().c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view source(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (heapsim::fuzz::NestsTooDeep(source)) return -1;
  heapsim::Heap heap(heapsim::fuzz::PristineHeap(data[0]));
  absl::StatusOr<std::shared_ptr<heapsim::script::Program>> program = heapsim::script::Compile(
      heap, source, "<fuzz>", heapsim::script::CompileMode::kModule, 0);
  if (!program.ok()) {
    const std::optional<heapsim::PyExc> raised = heapsim::PyErrorType(program.status());
    const bool front_end_gave_up =
        raised == heapsim::PyExc::kRecursionError || raised == heapsim::PyExc::kMemoryError;
    if (program.status().code() != absl::StatusCode::kInvalidArgument && !front_end_gave_up) {
      Fail("Compile failed with a code other than InvalidArgument", program.status());
    }
    return 0;
  }
  heapsim::script::ReleaseParseTree(heap, **program);
  heapsim::script::ReleaseProgram(heap, **program);
  const absl::Status consistent =
      heapsim::CheckConsistency(heap, [](heapsim::ObjectId) { return uint64_t{0}; });
  if (!consistent.ok()) Fail("the heap is inconsistent after compiling", consistent);
  return 0;
}
