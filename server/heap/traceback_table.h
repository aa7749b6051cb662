// TracebackTable interns the tracebacks tracemalloc records: each traced
// block refers to one traceback (the Python frames that were running when
// it was allocated, most recent first, as _tracemalloc stores them), and
// blocks allocated at the same place share it. File names are interned too.

#ifndef HEAPSIM_SERVER_HEAP_TRACEBACK_TABLE_H_
#define HEAPSIM_SERVER_HEAP_TRACEBACK_TABLE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/inlined_vector.h"

namespace heapsim {

// One frame of a traceback: a file (an index into the table's file names)
// and the line that frame was executing.
struct TraceFrame {
  uint32_t file = 0;
  uint32_t line = 0;
  // False when the interpreter cannot tell which line of a statement that
  // spans several lines CPython would report: the line is the statement's
  // first, and showing it is refused.
  bool line_known = true;

  friend bool operator==(const TraceFrame& a, const TraceFrame& b) {
    return a.file == b.file && a.line == b.line && a.line_known == b.line_known;
  }
  template <typename H>
  friend H AbslHashValue(H h, const TraceFrame& f) {
    return H::combine(std::move(h), f.file, f.line, f.line_known);
  }
};

// The frames of one traceback, most recent first (at most the traceback
// limit of them), and how many frames the stack held (3.9+ total_nframe).
struct Traceback {
  absl::InlinedVector<TraceFrame, 1> frames;
  uint32_t total_nframe = 0;

  friend bool operator==(const Traceback& a, const Traceback& b) {
    return a.frames == b.frames && a.total_nframe == b.total_nframe;
  }
  template <typename H>
  friend H AbslHashValue(H h, const Traceback& t) {
    return H::combine(std::move(h), t.frames, t.total_nframe);
  }
};

class TracebackTable {
 public:
  // The index of file name `name`, added on first use.
  uint32_t InternFile(std::string_view name);
  const std::string& file(uint32_t index) const { return files_[index]; }

  // The index of `traceback`, added on first use.
  uint32_t Intern(const Traceback& traceback);
  const Traceback& traceback(uint32_t index) const { return tracebacks_[index]; }
  size_t size() const { return tracebacks_.size(); }

 private:
  std::vector<std::string> files_;
  absl::flat_hash_map<std::string, uint32_t> file_index_;
  std::vector<Traceback> tracebacks_;
  absl::flat_hash_map<Traceback, uint32_t> traceback_index_;
};

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_TRACEBACK_TABLE_H_
