// What Lib/tracemalloc.py computes from a snapshot's traces: statistics
// grouped by traceback, line or file (Snapshot.statistics), their
// differences between two snapshots (Snapshot.compare_to), filtered
// snapshots (Snapshot.filter_traces) and the sizes as Statistic.__str__
// shows them (_format_size). Same grouping, same order, same text.

#ifndef HEAPSIM_SERVER_HEAP_TRACE_STATISTICS_H_
#define HEAPSIM_SERVER_HEAP_TRACE_STATISTICS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/inlined_vector.h"
#include "absl/status/statusor.h"
#include "server/heap/tracemalloc.h"

namespace heapsim {

// The file name heapsim records for a frame of Lib/tracemalloc.py itself:
// kForeignFilePrefix, then what CPython's path ends with
// ("/lib/python3.12/tracemalloc.py"); the interpreter's install path in
// front of it is not known, so such a name is never shown.
inline constexpr char kForeignFilePrefix = '\x01';
inline bool IsForeignFile(std::string_view file) {
  return !file.empty() && file[0] == kForeignFilePrefix;
}

// A frame as tracemalloc.Frame shows it: (filename, lineno).
struct StatFrame {
  std::string file;
  uint32_t line = 0;
  friend bool operator==(const StatFrame& a, const StatFrame& b) {
    return a.file == b.file && a.line == b.line;
  }
  friend bool operator<(const StatFrame& a, const StatFrame& b) {
    return a.file != b.file ? a.file < b.file : a.line < b.line;
  }
  template <typename H>
  friend H AbslHashValue(H h, const StatFrame& f) {
    return H::combine(std::move(h), f.file, f.line);
  }
};

// A tracemalloc.Traceback's frames, oldest first (its _frames), and its
// total_nframe (0: None).
struct StatTraceback {
  absl::InlinedVector<StatFrame, 1> frames;
  uint32_t total_nframe = 0;
};

// A Statistic (size_diff and count_diff unused) or a StatisticDiff.
struct StatEntry {
  StatTraceback traceback;
  int64_t size = 0;
  int64_t count = 0;
  int64_t size_diff = 0;
  int64_t count_diff = 0;
};

enum class StatKey : uint8_t { kTraceback, kLineno, kFilename };

// The key_type argument's value ('traceback', 'lineno' or 'filename'), or
// nullopt for any other string.
std::optional<StatKey> ParseStatKey(std::string_view key_type);

// A tracemalloc.Filter (domain_filter false) or DomainFilter.
struct TraceFilter {
  bool inclusive = true;
  bool domain_filter = false;
  std::string filename_pattern;  // normalised: a trailing ".pyc" is ".py"
  std::optional<int64_t> lineno;
  bool all_frames = false;
  std::optional<int64_t> domain;
};

// Filter's _normalize_filename on POSIX: "x.pyc" becomes "x.py".
std::string NormalizeTraceFilename(std::string_view filename);

// fnmatch.fnmatch(name, pattern) on POSIX for patterns of literal text,
// `*` and `?`; nullopt for what it does not model (a `[` class, or `?`
// where non-ASCII text makes characters and bytes differ, or a foreign
// name (IsForeignFile) whose unknown prefix would decide).
std::optional<bool> TraceFilenameMatch(std::string_view name, std::string_view pattern);

// Snapshot.statistics(key, cumulative): sorted as CPython sorts them, by
// size, count and traceback, largest first. FailedPrecondition naming the
// line when a grouping needs a line the interpreter could not tell
// (TraceFrame::line_known), Unimplemented for what it does not model.
// REQUIRES: not cumulative with kTraceback.
absl::StatusOr<std::vector<StatEntry>> TraceStatistics(const TraceSnapshot& snapshot, StatKey key,
                                                       bool cumulative);

// new.compare_to(old, key, cumulative): StatisticDiff entries sorted by
// abs(size_diff), size, abs(count_diff), count, traceback, largest first.
absl::StatusOr<std::vector<StatEntry>> CompareTraceStatistics(const TraceSnapshot& new_snapshot,
                                                              const TraceSnapshot& old_snapshot,
                                                              StatKey key, bool cumulative);

// Snapshot.filter_traces(filters): the traces the filters keep (include
// filters: at least one matches; exclude filters: none excludes). Errors
// as TraceStatistics's when a filter needs an unknown line or a pattern
// heapsim does not match.
absl::StatusOr<TraceSnapshot> FilterTraceSnapshot(const TraceSnapshot& snapshot,
                                                  const std::vector<TraceFilter>& filters);

// The traceback of traced block `traceback` of `table`, as
// get_object_traceback and Trace.traceback give it (all frames).
absl::StatusOr<StatTraceback> ResolveTraceback(const TracebackTable& table, uint32_t traceback,
                                               bool with_total_nframe);

// _format_size(size, sign): "5049 B", "14.6 KiB", "+424 B", "-1.2 MiB".
std::string FormatTraceSize(double size, bool sign);

// str(Statistic) and str(StatisticDiff): "FILE:LINE: size=..., count=N[,
// average=...]" (the traceback's oldest frame).
std::string FormatStatistic(const StatEntry& entry);
std::string FormatStatisticDiff(const StatEntry& entry);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_TRACE_STATISTICS_H_
