// NestsTooDeep tells the fuzz targets which inputs to skip while the parser
// still recurses once per nested bracket: thousands of open brackets
// overflow its stack, a known limit being fixed separately. Inputs nested
// more than kMaxFuzzNesting brackets deep are skipped (rejected from the
// corpus), everything else runs.

#ifndef HEAPSIM_TESTS_FUZZ_NESTING_GUARD_H_
#define HEAPSIM_TESTS_FUZZ_NESTING_GUARD_H_

#include <string_view>

namespace heapsim::fuzz {

inline constexpr int kMaxFuzzNesting = 150;

// True when `source` opens more than kMaxFuzzNesting brackets without
// closing them, at any point (brackets inside strings count too: the guard
// is deliberately conservative).
inline bool NestsTooDeep(std::string_view source) {
  int depth = 0;
  for (char c : source) {
    if (c == '(' || c == '[' || c == '{') {
      if (++depth > kMaxFuzzNesting) return true;
    } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return false;
}

}  // namespace heapsim::fuzz

#endif  // HEAPSIM_TESTS_FUZZ_NESTING_GUARD_H_
