// Checks of a script's raw bytes that CPython makes before tokenizing:
// the source must be UTF-8 (no encoding declarations are modelled) and
// must not contain NUL bytes.

#ifndef HEAPSIM_SERVER_SCRIPT_SOURCE_TEXT_H_
#define HEAPSIM_SERVER_SCRIPT_SOURCE_TEXT_H_

#include <string_view>

#include "absl/status/status.h"
#include "server/heap/profile.h"

namespace heapsim::script {

// OK when `source` is valid UTF-8 without NUL bytes. Otherwise an
// InvalidArgument "FILE:LINE:COL: SyntaxError: ..." with CPython's message
// for `limits` (non-UTF-8 code, or 3.11+'s "source code cannot contain
// null bytes"), or "FILE:LINE:COL: unsupported: ..." where CPython's answer
// depends on more than the bytes (NUL bytes before 3.11, which its
// tokenizer reads as the end of the line; non-UTF-8 bytes under an
// encoding declaration).
absl::Status CheckSourceText(std::string_view source, std::string_view filename,
                             const SourceLimits& limits);

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_SOURCE_TEXT_H_
