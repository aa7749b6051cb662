#include "server/heap/trace_object.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "server/heap/value_ops.h"

namespace heapsim {
namespace {

std::string FrameRepr(const StatFrame& frame) {
  return absl::StrCat("<Frame filename=", StrRepr(frame.file), " lineno=", frame.line, ">");
}

std::string TracebackRepr(const StatTraceback& traceback) {
  // f"<Traceback {tuple(self)}" with the frames' reprs, then total_nframe.
  std::string frames = "(";
  for (size_t i = 0; i < traceback.frames.size(); ++i) {
    if (i > 0) absl::StrAppend(&frames, ", ");
    absl::StrAppend(&frames, FrameRepr(traceback.frames[i]));
  }
  absl::StrAppend(&frames, traceback.frames.size() == 1 ? ",)" : ")");
  return absl::StrCat("<Traceback ", frames,
                      traceback.total_nframe == 0
                          ? std::string(">")
                          : absl::StrCat(" total_nframe=", traceback.total_nframe, ">"));
}

}  // namespace

std::string_view TraceObjectTypeName(TraceObjectKind kind) {
  static constexpr std::string_view kNames[] = {"Snapshot",  "_Traces", "Statistic",
                                                "StatisticDiff", "Traceback", "Frame",
                                                "Filter", "DomainFilter"};
  return kNames[static_cast<size_t>(kind)];
}

absl::StatusOr<std::string> TraceObjectStr(const TraceObjectBody& body, bool repr) {
  const StatEntry& stat = body.stat;
  for (const StatFrame& frame : stat.traceback.frames) {
    if (IsForeignFile(frame.file)) {
      return absl::UnimplementedError(absl::StrCat(
          repr ? "repr()" : "str()",
          " of a tracemalloc statistic of Lib/tracemalloc.py's own allocations (CPython shows "
          "the interpreter's install path, ...", frame.file.substr(1), ")"));
    }
  }
  switch (body.kind) {
    case TraceObjectKind::kStatistic:
      if (!repr) return FormatStatistic(stat);
      return absl::StrCat("<Statistic traceback=", TracebackRepr(stat.traceback),
                          " size=", stat.size, " count=", stat.count, ">");
    case TraceObjectKind::kStatisticDiff:
      if (!repr) return FormatStatisticDiff(stat);
      return absl::StrCat("<StatisticDiff traceback=", TracebackRepr(stat.traceback),
                          " size=", stat.size, " (", stat.size_diff >= 0 ? "+" : "",
                          stat.size_diff, ") count=", stat.count, " (",
                          stat.count_diff >= 0 ? "+" : "", stat.count_diff, ")>");
    case TraceObjectKind::kTraceback:
      if (repr) return TracebackRepr(stat.traceback);
      return absl::StrCat(stat.traceback.frames[0].file, ":", stat.traceback.frames[0].line);
    case TraceObjectKind::kFrame:
      if (repr) return FrameRepr(stat.traceback.frames[0]);
      return absl::StrCat(stat.traceback.frames[0].file, ":", stat.traceback.frames[0].line);
    case TraceObjectKind::kTraces:
      return absl::StrCat("<Traces len=", body.snapshot->traces.size(), ">");
    default:
      return absl::UnimplementedError(absl::StrCat(
          repr ? "repr()" : "str()", " of a tracemalloc.", std::string(TraceObjectTypeName(body.kind)),
          " (it shows the address of an object whose memory heapsim does not model)"));
  }
}

}  // namespace heapsim
