#include "server/heap/trace_statistics.h"

#include <algorithm>
#include <cstdlib>
#include <tuple>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace heapsim {
namespace {

using KeyFrames = absl::InlinedVector<StatFrame, 1>;

absl::Status UnknownLine(const TracebackTable& table, const TraceFrame& frame) {
  return absl::FailedPreconditionError(absl::StrCat(
      "statistics of the allocations made in the statement starting at ", table.file(frame.file),
      ":", frame.line,
      " (a statement spread over several lines, or one such as a class statement whose "
      "transient blocks heapsim does not make exactly)"));
}

StatFrame Resolve(const TracebackTable& table, const TraceFrame& frame, bool with_line) {
  return StatFrame{table.file(frame.file), with_line ? frame.line : 0};
}

// The keys one trace's traceback contributes to: one (not cumulative) or
// one per frame (cumulative), as Snapshot._group_by makes them.
absl::Status KeysOf(const TracebackTable& table, const Traceback& traceback, StatKey key,
                    bool cumulative, std::vector<KeyFrames>* keys) {
  keys->clear();
  const auto& frames = traceback.frames;
  if (cumulative) {
    for (const TraceFrame& frame : frames) {
      if (key == StatKey::kLineno && !frame.line_known) return UnknownLine(table, frame);
      keys->push_back(KeyFrames{Resolve(table, frame, key == StatKey::kLineno)});
    }
    return absl::OkStatus();
  }
  KeyFrames result;
  switch (key) {
    case StatKey::kTraceback:
      for (auto it = frames.rbegin(); it != frames.rend(); ++it) {
        if (!it->line_known) return UnknownLine(table, *it);
        result.push_back(Resolve(table, *it, true));
      }
      break;
    case StatKey::kLineno:
      if (!frames[0].line_known) return UnknownLine(table, frames[0]);
      result.push_back(Resolve(table, frames[0], true));
      break;
    case StatKey::kFilename:
      result.push_back(Resolve(table, frames[0], false));
      break;
  }
  keys->push_back(std::move(result));
  return absl::OkStatus();
}

absl::StatusOr<absl::flat_hash_map<KeyFrames, StatEntry>> Group(const TraceSnapshot& snapshot,
                                                                StatKey key, bool cumulative) {
  // Keys are computed once per distinct traceback.
  absl::flat_hash_map<uint32_t, std::vector<KeyFrames>> keys_of;
  absl::flat_hash_map<KeyFrames, StatEntry> groups;
  for (const TraceRecord& trace : snapshot.traces) {
    auto [it, added] = keys_of.try_emplace(trace.traceback);
    if (added) {
      if (absl::Status s = KeysOf(*snapshot.table, snapshot.table->traceback(trace.traceback), key,
                                  cumulative, &it->second);
          !s.ok()) {
        return s;
      }
    }
    for (const KeyFrames& frames : it->second) {
      StatEntry& entry = groups[frames];
      entry.size += static_cast<int64_t>(trace.size);
      entry.count += 1;
    }
  }
  for (auto& [frames, entry] : groups) entry.traceback.frames = frames;
  return groups;
}

bool FramesLess(const StatTraceback& a, const StatTraceback& b) {
  return std::lexicographical_compare(a.frames.begin(), a.frames.end(), b.frames.begin(),
                                      b.frames.end());
}

// Statistic._sort_key, descending.
bool StatisticBefore(const StatEntry& a, const StatEntry& b) {
  if (a.size != b.size) return a.size > b.size;
  if (a.count != b.count) return a.count > b.count;
  return FramesLess(b.traceback, a.traceback);
}

// StatisticDiff._sort_key, descending.
bool StatisticDiffBefore(const StatEntry& a, const StatEntry& b) {
  const auto key = [](const StatEntry& e) {
    return std::make_tuple(std::abs(e.size_diff), e.size, std::abs(e.count_diff), e.count);
  };
  if (key(a) != key(b)) return key(a) > key(b);
  return FramesLess(b.traceback, a.traceback);
}

// Filter._match_frame_impl for one frame.
absl::StatusOr<bool> MatchFrame(const TraceFilter& filter, const TracebackTable& table,
                                const TraceFrame& frame) {
  const std::optional<bool> matched =
      TraceFilenameMatch(NormalizeTraceFilename(table.file(frame.file)), filter.filename_pattern);
  if (!matched.has_value()) {
    return absl::UnimplementedError(absl::StrCat("tracemalloc.Filter pattern '",
                                                 filter.filename_pattern,
                                                 "' (only literal text, '*' and '?' are modelled)"));
  }
  if (!*matched) return false;
  if (!filter.lineno.has_value()) return true;
  if (!frame.line_known) return UnknownLine(table, frame);
  return static_cast<int64_t>(frame.line) == *filter.lineno;
}

// BaseFilter._match for a trace of `traceback` (heapsim's traces are all
// in domain 0).
absl::StatusOr<bool> MatchTrace(const TraceFilter& filter, const TracebackTable& table,
                                const Traceback& traceback) {
  constexpr int64_t kDomain = 0;
  if (filter.domain_filter) return (kDomain == *filter.domain) != !filter.inclusive;
  bool result;
  if (filter.all_frames) {
    bool any = false;
    for (const TraceFrame& frame : traceback.frames) {
      absl::StatusOr<bool> m = MatchFrame(filter, table, frame);
      if (!m.ok()) return m.status();
      if (*m) {
        any = true;
        break;
      }
    }
    result = any ? filter.inclusive : !filter.inclusive;
  } else {
    absl::StatusOr<bool> m = MatchFrame(filter, table, traceback.frames[0]);
    if (!m.ok()) return m.status();
    result = *m != !filter.inclusive;
  }
  if (filter.domain.has_value()) {
    return filter.inclusive ? (result && kDomain == *filter.domain)
                            : (result || kDomain != *filter.domain);
  }
  return result;
}

// Snapshot._filter_trace.
absl::StatusOr<bool> KeepTrace(const std::vector<TraceFilter>& filters, const TracebackTable& table,
                               const Traceback& traceback) {
  bool has_include = false, included = false;
  for (const TraceFilter& filter : filters) {
    if (!filter.inclusive || included) continue;
    has_include = true;
    absl::StatusOr<bool> m = MatchTrace(filter, table, traceback);
    if (!m.ok()) return m.status();
    included = *m;
  }
  if (has_include && !included) return false;
  for (const TraceFilter& filter : filters) {
    if (filter.inclusive) continue;
    absl::StatusOr<bool> m = MatchTrace(filter, table, traceback);
    if (!m.ok()) return m.status();
    if (!*m) return false;
  }
  return true;
}

// Whether CPython's order of two entries equal but for their tracebacks
// depends on a file name heapsim does not know: at their first different
// frame, the files differ and one is tracemalloc.py's (the interpreter's
// install path). Frames of one file are ordered by line, as here.
bool OrderNeedsForeignName(const StatEntry& a, const StatEntry& b) {
  const auto& x = a.traceback.frames;
  const auto& y = b.traceback.frames;
  for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
    if (x[i].file == y[i].file) {
      if (x[i].line != y[i].line) return false;
      continue;
    }
    return IsForeignFile(x[i].file) || IsForeignFile(y[i].file);
  }
  return false;
}

// Entries equal but for their tracebacks are ordered by file names: not
// known for tracemalloc.py's own frames.
absl::Status CheckForeignTies(const std::vector<StatEntry>& sorted, bool diff) {
  const auto tied = [diff](const StatEntry& a, const StatEntry& b) {
    if (diff) {
      return std::abs(a.size_diff) == std::abs(b.size_diff) && a.size == b.size &&
             std::abs(a.count_diff) == std::abs(b.count_diff) && a.count == b.count;
    }
    return a.size == b.size && a.count == b.count;
  };
  for (size_t i = 1; i < sorted.size(); ++i) {
    if (tied(sorted[i - 1], sorted[i]) && OrderNeedsForeignName(sorted[i - 1], sorted[i])) {
      return absl::UnimplementedError(
          "the order of tracemalloc statistics tied with one of tracemalloc.py's own lines "
          "(CPython orders them by the interpreter's install path)");
    }
  }
  return absl::OkStatus();
}

std::string FormatStatisticTail(const StatEntry& entry) {
  if (entry.count == 0) return "";
  return absl::StrCat(", average=",
                      FormatTraceSize(static_cast<double>(entry.size) /
                                          static_cast<double>(entry.count),
                                      false));
}

std::string TracebackText(const StatTraceback& traceback) {
  const StatFrame& oldest = traceback.frames.front();
  return absl::StrCat(oldest.file, ":", oldest.line);
}

}  // namespace

std::optional<StatKey> ParseStatKey(std::string_view key_type) {
  if (key_type == "traceback") return StatKey::kTraceback;
  if (key_type == "lineno") return StatKey::kLineno;
  if (key_type == "filename") return StatKey::kFilename;
  return std::nullopt;
}

std::string NormalizeTraceFilename(std::string_view filename) {
  if (filename.ends_with(".pyc")) filename.remove_suffix(1);
  return std::string(filename);
}

std::optional<bool> TraceFilenameMatch(std::string_view name, std::string_view pattern) {
  if (pattern.find('[') != std::string_view::npos) return std::nullopt;
  if (IsForeignFile(name)) {
    // An absolute path ending with `known`, the start unknown.
    const std::string_view known = name.substr(1);
    const bool wild = pattern.find_first_of("*?") != std::string_view::npos;
    if (!wild) {
      if (!pattern.ends_with(known)) return false;
      return std::nullopt;
    }
    const std::string_view rest = pattern.substr(1);
    if (pattern[0] == '*' && rest.find_first_of("*?") == std::string_view::npos &&
        rest.size() <= known.size()) {
      return known.ends_with(rest);
    }
    return std::nullopt;
  }
  const auto ascii = [](std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  };
  if (pattern.find('?') != std::string_view::npos && !(ascii(name) && ascii(pattern))) return std::nullopt;
  // Glob matching with backtracking to the last '*'.
  size_t n = 0, p = 0, star = std::string_view::npos, resume = 0;
  while (n < name.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == name[n])) {
      ++n;
      ++p;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = n;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      n = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

absl::StatusOr<std::vector<StatEntry>> TraceStatistics(const TraceSnapshot& snapshot, StatKey key,
                                                       bool cumulative) {
  absl::StatusOr<absl::flat_hash_map<KeyFrames, StatEntry>> groups =
      Group(snapshot, key, cumulative);
  if (!groups.ok()) return groups.status();
  std::vector<StatEntry> result;
  result.reserve(groups->size());
  for (auto& [frames, entry] : *groups) result.push_back(std::move(entry));
  std::sort(result.begin(), result.end(), StatisticBefore);
  if (absl::Status s = CheckForeignTies(result, false); !s.ok()) return s;
  return result;
}

absl::StatusOr<std::vector<StatEntry>> CompareTraceStatistics(const TraceSnapshot& new_snapshot,
                                                              const TraceSnapshot& old_snapshot,
                                                              StatKey key, bool cumulative) {
  absl::StatusOr<absl::flat_hash_map<KeyFrames, StatEntry>> new_groups =
      Group(new_snapshot, key, cumulative);
  if (!new_groups.ok()) return new_groups.status();
  absl::StatusOr<absl::flat_hash_map<KeyFrames, StatEntry>> old_groups =
      Group(old_snapshot, key, cumulative);
  if (!old_groups.ok()) return old_groups.status();
  std::vector<StatEntry> result;
  result.reserve(new_groups->size() + old_groups->size());
  for (auto& [frames, entry] : *new_groups) {
    StatEntry diff = std::move(entry);
    diff.size_diff = diff.size;
    diff.count_diff = diff.count;
    if (auto old = old_groups->find(frames); old != old_groups->end()) {
      diff.size_diff -= old->second.size;
      diff.count_diff -= old->second.count;
      old_groups->erase(old);
    }
    result.push_back(std::move(diff));
  }
  for (auto& [frames, entry] : *old_groups) {
    StatEntry gone;
    gone.traceback = std::move(entry.traceback);
    gone.size_diff = -entry.size;
    gone.count_diff = -entry.count;
    result.push_back(std::move(gone));
  }
  std::sort(result.begin(), result.end(), StatisticDiffBefore);
  if (absl::Status s = CheckForeignTies(result, true); !s.ok()) return s;
  return result;
}

absl::StatusOr<TraceSnapshot> FilterTraceSnapshot(const TraceSnapshot& snapshot,
                                                  const std::vector<TraceFilter>& filters) {
  TraceSnapshot result;
  result.table = snapshot.table;
  result.traceback_limit = snapshot.traceback_limit;
  absl::flat_hash_map<uint32_t, bool> keep;  // by traceback
  for (const TraceRecord& trace : snapshot.traces) {
    auto [it, added] = keep.try_emplace(trace.traceback, false);
    if (added) {
      absl::StatusOr<bool> k =
          KeepTrace(filters, *snapshot.table, snapshot.table->traceback(trace.traceback));
      if (!k.ok()) return k.status();
      it->second = *k;
    }
    if (it->second) result.traces.push_back(trace);
  }
  return result;
}

absl::StatusOr<StatTraceback> ResolveTraceback(const TracebackTable& table, uint32_t traceback,
                                               bool with_total_nframe) {
  const Traceback& recorded = table.traceback(traceback);
  StatTraceback result;
  for (auto it = recorded.frames.rbegin(); it != recorded.frames.rend(); ++it) {
    if (!it->line_known) return UnknownLine(table, *it);
    result.frames.push_back(Resolve(table, *it, true));
  }
  if (with_total_nframe) result.total_nframe = recorded.total_nframe;
  return result;
}

std::string FormatTraceSize(double size, bool sign) {
  static constexpr const char* kUnits[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  for (const char* unit : kUnits) {
    const bool bytes = unit == kUnits[0];
    if (std::abs(size) < 100 && !bytes) {
      return sign ? absl::StrFormat("%+.1f %s", size, unit) : absl::StrFormat("%.1f %s", size, unit);
    }
    if (std::abs(size) < 10 * 1024 || unit == kUnits[4]) {
      return sign ? absl::StrFormat("%+.0f %s", size, unit) : absl::StrFormat("%.0f %s", size, unit);
    }
    size /= 1024;
  }
  return "";  // unreachable: TiB always returns
}

std::string FormatStatistic(const StatEntry& entry) {
  return absl::StrCat(TracebackText(entry.traceback), ": size=", FormatTraceSize(entry.size, false),
                      ", count=", entry.count, FormatStatisticTail(entry));
}

std::string FormatStatisticDiff(const StatEntry& entry) {
  return absl::StrCat(TracebackText(entry.traceback), ": size=", FormatTraceSize(entry.size, false),
                      " (", FormatTraceSize(entry.size_diff, true), "), count=", entry.count, " (",
                      absl::StrFormat("%+d", entry.count_diff), ")", FormatStatisticTail(entry));
}

}  // namespace heapsim
