#include "server/script/tracemalloc_objects.h"

#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "absl/cleanup/cleanup.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "server/heap/function_object.h"
#include "server/heap/gc_timing.h"
#include "server/heap/int_object.h"
#include "server/heap/list_object.h"
#include "server/heap/py_error.h"
#include "server/heap/str_object.h"
#include "server/heap/trace_object.h"
#include "server/heap/trace_statistics.h"
#include "server/heap/value_ops.h"
#include "server/script/import_free_lists.h"
#include "server/script/tracemalloc_snapshot.h"

namespace heapsim::script {
namespace {

// At most how many GC objects tracemalloc.py makes for one of its objects
// other than a snapshot (an instance, its Traceback and Frames, tuples).
constexpr uint64_t kTraceObjectGcObjects = 16;

// A new tracemalloc.py object; the session's heap has unmodelled memory
// from now on (`made_by` names the first such construct), and unmodelled
// GC objects: as many as body.unmodelled_gc_objects says, or
// kTraceObjectGcObjects.
// A body marked memory_modelled (a snapshot's, or its traces') leaves the
// session's heap as CPython's.
Ref NewTraceObject(Interpreter& interp, TraceObjectBody body, std::string_view made_by) {
  Heap& heap = interp.heap();
  if (!body.memory_modelled) {
    std::string& first = interp.session().tracemalloc_objects_made;
    if (first.empty()) first = std::string(made_by);
    if (body.unmodelled_gc_objects == 0) body.unmodelled_gc_objects = kTraceObjectGcObjects;
    NoteUnmodelledGcObjects(heap, made_by, body.unmodelled_gc_objects);
  }
  UntracedScope untraced(heap);
  const ObjectId id = heap.NewObject(TypeTag::kTraceObject, kTraceObjectRequest);
  heap.AttachBody(id, std::move(body));
  return heap.Adopt(id);
}

Ref StatisticObject(Interpreter& interp, StatEntry entry, TraceObjectKind kind) {
  TraceObjectBody body;
  body.kind = kind;
  body.stat = std::move(entry);
  return NewTraceObject(interp, std::move(body), "a tracemalloc statistic");
}

Ref TracebackObject(Interpreter& interp, StatTraceback traceback) {
  TraceObjectBody body;
  body.kind = TraceObjectKind::kTraceback;
  body.stat.traceback = std::move(traceback);
  return NewTraceObject(interp, std::move(body), "a tracemalloc.Traceback");
}

Ref FrameObject(Interpreter& interp, const StatFrame& frame) {
  TraceObjectBody body;
  body.kind = TraceObjectKind::kFrame;
  body.stat.traceback.frames.push_back(frame);
  return NewTraceObject(interp, std::move(body), "a tracemalloc.Frame");
}

// A Snapshot that filter_traces() made (its memory not modelled).
Ref FilteredSnapshotObject(Interpreter& interp, TraceSnapshot snapshot) {
  TraceObjectBody body;
  body.kind = TraceObjectKind::kSnapshot;
  // Its list of traces, the Snapshot and _Traces instances.
  body.unmodelled_gc_objects = 3;
  body.snapshot = std::make_shared<const TraceSnapshot>(std::move(snapshot));
  return NewTraceObject(interp, std::move(body), "Snapshot.filter_traces()");
}

// A list of new objects (its memory untraced, like theirs).
Ref ListOfObjects(Interpreter& interp, std::vector<Ref> items) {
  std::vector<ObjectId> ids;
  ids.reserve(items.size());
  for (const Ref& item : items) ids.push_back(item.get());
  UntracedScope untraced(interp.heap());
  return NewListOf(interp.heap(), ids);
}

bool IsKind(const Heap& heap, ObjectId object, TraceObjectKind kind) {
  return heap.type_of(object) == TypeTag::kTraceObject && heap.trace_object(object).kind == kind;
}

// The arguments of a call of one of tracemalloc.py's Python functions,
// matched to its parameters by position, then by name. Wrong counts or
// names are refused: the TypeError of a Python function is not modelled
// for them.
class PythonArgs {
 public:
  PythonArgs(Interpreter& interp, CallArgs& args, std::string_view function,
             std::vector<std::string_view> names, size_t required)
      : values_(names.size(), kNoObject) {
    bool ok = args.positional.size() <= names.size();
    for (size_t i = 0; ok && i < args.positional.size(); ++i) values_[i] = args.positional[i].get();
    for (const auto& [name, value] : args.keywords) {
      size_t i = 0;
      while (i < names.size() && names[i] != name) ++i;
      if (i == names.size() || values_[i] != kNoObject) {
        ok = false;
        break;
      }
      values_[i] = value.get();
    }
    for (size_t i = 0; ok && i < required; ++i) ok = values_[i] != kNoObject;
    if (!ok) {
      interp.Refuse(absl::StrCat("these arguments to tracemalloc's ", std::string(function),
                                 "() (CPython's TypeError for them is not modelled)"));
    }
    ok_ = ok;
  }
  bool ok() const { return ok_; }
  // The argument, or kNoObject when not passed.
  ObjectId operator[](size_t i) const { return values_[i]; }

 private:
  std::vector<ObjectId> values_;
  bool ok_ = false;
};

// `value` as a bool the way tracemalloc.py uses it (truth), or nullopt
// with the exception pending.
std::optional<bool> Truth(Interpreter& interp, ObjectId value) {
  Heap& heap = interp.heap();
  const TypeTag type = heap.type_of(value);
  if (type == TypeTag::kBool || type == TypeTag::kNone || type == TypeTag::kInt) {
    return heapsim::Truth(heap, value);
  }
  interp.Refuse(absl::StrCat("a tracemalloc filter flag of type '", TypeName(heap, value),
                             "' (only bool, int and None are modelled)"));
  return std::nullopt;
}

// Sets `out` to an int argument (lineno, domain, limit), or clears it for
// None or a missing one; false with the refusal pending for other types.
bool IntArgument(Interpreter& interp, ObjectId value, std::string_view what,
                 std::optional<int64_t>* out) {
  Heap& heap = interp.heap();
  if (value == kNoObject || value == heap.none()) {
    out->reset();
    return true;
  }
  if (heap.type_of(value) == TypeTag::kInt) {
    if (const std::optional<int64_t> v = IntAsInt64(heap, value)) {
      *out = *v;
      return true;
    }
  }
  interp.Refuse(absl::StrCat("tracemalloc ", std::string(what), " of type '", TypeName(heap, value),
                             "' (only int and None are modelled)"));
  return false;
}

Ref MakeFilter(Interpreter& interp, CallArgs& args) {
  PythonArgs a(interp, args, "Filter",
               {"inclusive", "filename_pattern", "lineno", "all_frames", "domain"}, 2);
  if (!a.ok()) return Ref();
  Heap& heap = interp.heap();
  TraceObjectBody body;
  body.kind = TraceObjectKind::kFilter;
  const std::optional<bool> inclusive = Truth(interp, a[0]);
  if (!inclusive) return Ref();
  body.filter.inclusive = *inclusive;
  if (heap.type_of(a[1]) != TypeTag::kStr) {
    interp.Refuse("a tracemalloc.Filter pattern that is not a str");
    return Ref();
  }
  body.filter.filename_pattern = NormalizeTraceFilename(StrText(heap, a[1]));
  if (!IntArgument(interp, a[2], "Filter lineno", &body.filter.lineno)) return Ref();
  if (a[3] != kNoObject) {
    const std::optional<bool> all_frames = Truth(interp, a[3]);
    if (!all_frames) return Ref();
    body.filter.all_frames = *all_frames;
  }
  if (!IntArgument(interp, a[4], "Filter domain", &body.filter.domain)) return Ref();
  return NewTraceObject(interp, std::move(body), "a tracemalloc.Filter");
}

Ref MakeDomainFilter(Interpreter& interp, CallArgs& args) {
  PythonArgs a(interp, args, "DomainFilter", {"inclusive", "domain"}, 2);
  if (!a.ok()) return Ref();
  TraceObjectBody body;
  body.kind = TraceObjectKind::kDomainFilter;
  body.filter.domain_filter = true;
  const std::optional<bool> inclusive = Truth(interp, a[0]);
  if (!inclusive) return Ref();
  body.filter.inclusive = *inclusive;
  if (!IntArgument(interp, a[1], "DomainFilter domain", &body.filter.domain)) return Ref();
  if (!body.filter.domain.has_value()) {
    interp.Refuse("a tracemalloc.DomainFilter whose domain is None");
    return Ref();
  }
  return NewTraceObject(interp, std::move(body), "a tracemalloc.DomainFilter");
}

Ref TakeSnapshot(Interpreter& interp, CallArgs& args) {
  if (!args.positional.empty() || !args.keywords.empty()) {
    interp.Refuse("arguments to tracemalloc.take_snapshot()");
    return Ref();
  }
  Heap& heap = interp.heap();
  Tracemalloc& trace = heap.tracemalloc();
  if (!trace.tracing()) {
    interp.Raise(PyError(PyExc::kRuntimeError,
                         "the tracemalloc module must be tracing memory allocations to take "
                         "a snapshot"));
    return Ref();
  }
  if (RefuseAfterTracemallocObjects(interp, "tracemalloc.take_snapshot() while tracing") ||
      RefuseWhileFreeListsUnknown(interp, "tracemalloc.take_snapshot()") ||
      RefuseWhileFreeListTracesUnknown(interp, "tracemalloc.take_snapshot()")) {
    return Ref();
  }
  if (heap.profile().frames_on_heap) {
    // Statistics by line would show where heap frames and the blocks made
    // around calls and comprehensions land, which the model does not yet
    // place at CPython's lines.
    interp.Refuse(
        "tracemalloc.take_snapshot() where calls make heap frames (3.8 to 3.10): heapsim "
        "does not attribute every block made around a call to CPython's line there");
    return Ref();
  }
  Ref traces_list = SnapshotTracesList(heap);
  TraceSnapshot snapshot = trace.Snapshot();
  TraceObjectBody body;
  body.kind = TraceObjectKind::kSnapshot;
  MakeSnapshotMemory(interp, snapshot, std::move(traces_list), &body);
  body.snapshot = std::make_shared<const TraceSnapshot>(std::move(snapshot));
  return NewTraceObject(interp, std::move(body), "tracemalloc.take_snapshot()");
}

Ref GetObjectTraceback(Interpreter& interp, CallArgs& args) {
  PythonArgs a(interp, args, "get_object_traceback", {"obj"}, 1);
  if (!a.ok()) return Ref();
  Heap& heap = interp.heap();
  const ObjectId object = a[0];
  const Tracemalloc& trace = heap.tracemalloc();
  if (!trace.tracing()) return heap.NewRef(heap.none());
  // After unmodelled memory, whether the object's block was a new one
  // (traced) or a free list's is not known.
  if (RefuseAfterTracemallocObjects(interp, "tracemalloc.get_object_traceback()") ||
      RefuseWhileFreeListsUnknown(interp, "tracemalloc.get_object_traceback()") ||
      RefuseWhileFreeListTracesUnknown(interp, "tracemalloc.get_object_traceback()")) {
    return Ref();
  }
  if (heap.profile().frames_on_heap) {
    // The call's heap frame (a Python function's) is not modelled.
    interp.session().tracemalloc_objects_made = "tracemalloc.get_object_traceback()";
  }
  // The block starts under the GC header (3.12+: under the whole
  // pre-header); static objects have no block.
  std::optional<uint32_t> traceback;
  if (!heap.object(object).has(kStatic)) {
    const uint64_t header = heap.profile().object_traceback_skips_preheader
                                ? heap.HeaderBytesOf(object)
                                : (IsGcType(heap.type_of(object)) ? 16 : 0);
    traceback = trace.TracebackOf(heap.address_of(object) - header);
  }
  if (!traceback.has_value()) return heap.NewRef(heap.none());
  absl::StatusOr<StatTraceback> frames = ResolveTraceback(trace.table(), *traceback, false);
  if (!frames.ok()) {
    interp.Raise(frames.status());
    return Ref();
  }
  return TracebackObject(interp, *std::move(frames));
}

// Snapshot.statistics(key_type, cumulative=False) and
// Snapshot.compare_to(old_snapshot, key_type, cumulative=False).
Ref Statistics(Interpreter& interp, ObjectId self, CallArgs& args, bool compare) {
  Heap& heap = interp.heap();
  PythonArgs a = compare ? PythonArgs(interp, args, "Snapshot.compare_to",
                                      {"old_snapshot", "key_type", "cumulative"}, 2)
                         : PythonArgs(interp, args, "Snapshot.statistics",
                                      {"key_type", "cumulative"}, 1);
  if (!a.ok()) return Ref();
  const size_t k = compare ? 1 : 0;
  const ObjectId old = compare ? a[0] : kNoObject;
  if (compare && !IsKind(heap, old, TraceObjectKind::kSnapshot)) {
    interp.Refuse("Snapshot.compare_to() with something other than a snapshot");
    return Ref();
  }
  const ObjectId key_object = a[k];
  std::optional<StatKey> key;
  if (heap.type_of(key_object) == TypeTag::kStr) key = ParseStatKey(StrText(heap, key_object));
  if (!key) {
    interp.Raise(PyError(PyExc::kValueError, absl::StrCat("unknown key_type: ", Repr(heap, key_object))));
    return Ref();
  }
  bool cumulative = false;
  if (a[k + 1] != kNoObject) {
    const std::optional<bool> c = Truth(interp, a[k + 1]);
    if (!c) return Ref();
    cumulative = *c;
  }
  if (cumulative && *key == StatKey::kTraceback) {
    interp.Raise(PyError(PyExc::kValueError,
                         "cumulative mode cannot by used with key type 'traceback'"));
    return Ref();
  }
  const TraceSnapshot& snapshot = *heap.trace_object(self).snapshot;
  // tracemalloc.py's grouping makes and drops objects per trace (Traceback
  // instances, sliced tuples, the dicts of statistics): at most 16 each.
  uint64_t traces = snapshot.traces.size();
  if (compare) traces += heap.trace_object(old).snapshot->traces.size();
  NoteUnmodelledGcObjects(heap, compare ? "Snapshot.compare_to()" : "Snapshot.statistics()",
                          16 * traces + 64);
  absl::StatusOr<std::vector<StatEntry>> entries =
      compare ? CompareTraceStatistics(snapshot, *heap.trace_object(old).snapshot, *key, cumulative)
              : TraceStatistics(snapshot, *key, cumulative);
  if (!entries.ok()) {
    interp.Refuse(std::string(entries.status().message()));
    return Ref();
  }
  std::vector<Ref> items;
  items.reserve(entries->size());
  for (StatEntry& entry : *entries) {
    items.push_back(StatisticObject(
        interp, std::move(entry),
        compare ? TraceObjectKind::kStatisticDiff : TraceObjectKind::kStatistic));
  }
  return ListOfObjects(interp, std::move(items));
}

Ref FilterTraces(Interpreter& interp, ObjectId self, CallArgs& args) {
  PythonArgs a(interp, args, "Snapshot.filter_traces", {"filters"}, 1);
  if (!a.ok()) return Ref();
  Heap& heap = interp.heap();
  std::vector<Ref> items;
  if (!interp.Collect(a[0], &items)) return Ref();
  std::vector<TraceFilter> filters;
  for (const Ref& item : items) {
    if (!IsKind(heap, item.get(), TraceObjectKind::kFilter) &&
        !IsKind(heap, item.get(), TraceObjectKind::kDomainFilter)) {
      interp.Refuse("Snapshot.filter_traces() with something other than Filter and DomainFilter");
      return Ref();
    }
    filters.push_back(heap.trace_object(item.get()).filter);
  }
  absl::StatusOr<TraceSnapshot> filtered =
      FilterTraceSnapshot(*heap.trace_object(self).snapshot, filters);
  if (!filtered.ok()) {
    interp.Refuse(std::string(filtered.status().message()));
    return Ref();
  }
  return FilteredSnapshotObject(interp, *std::move(filtered));
}

// The stripped text of line `line` of `file` as linecache gives it, or ""
// when CPython would find no line.
absl::StatusOr<std::string> SourceLine(Interpreter& interp, const std::string& file,
                                       uint32_t line) {
  const auto& sources = interp.session().source_lines;
  const auto it = sources.find(file);
  if (it == sources.end() || line == 0 || line > it->second->size()) return std::string();
  std::string_view text = (*it->second)[line - 1];
  constexpr std::string_view kSpace = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f";
  const size_t start = text.find_first_not_of(kSpace);
  if (start == std::string_view::npos) return std::string();
  text = text.substr(start, text.find_last_not_of(kSpace) - start + 1);
  if (static_cast<unsigned char>(text.front()) >= 0x80 ||
      static_cast<unsigned char>(text.back()) >= 0x80) {
    return absl::UnimplementedError(
        "Traceback.format() of a line starting or ending with a non-ASCII character");
  }
  return std::string(text);
}

Ref FormatTraceback(Interpreter& interp, ObjectId self, CallArgs& args) {
  PythonArgs a(interp, args, "Traceback.format", {"limit", "most_recent_first"}, 0);
  if (!a.ok()) return Ref();
  Heap& heap = interp.heap();
  std::optional<int64_t> limit;
  if (!IntArgument(interp, a[0], "format limit", &limit)) return Ref();
  bool most_recent_first = false;
  if (a[1] != kNoObject) {
    const std::optional<bool> m = Truth(interp, a[1]);
    if (!m) return Ref();
    most_recent_first = *m;
  }
  const auto& frames = heap.trace_object(self).stat.traceback.frames;
  const auto n = static_cast<int64_t>(frames.size());
  // self[-limit:] or self[:limit], as slices clamp.
  int64_t begin = 0, end = n;
  if (limit.has_value()) {
    if (*limit > 0) {
      begin = std::max<int64_t>(0, n - *limit);
    } else {
      end = std::max<int64_t>(0, n + *limit);
    }
  }
  std::vector<const StatFrame*> chosen;
  for (int64_t i = begin; i < end; ++i) chosen.push_back(&frames[static_cast<size_t>(i)]);
  if (most_recent_first) std::reverse(chosen.begin(), chosen.end());
  std::vector<Ref> lines;
  UntracedScope untraced(heap);
  for (const StatFrame* frame : chosen) {
    if (IsForeignFile(frame->file)) {
      interp.Refuse("Traceback.format() of a frame of Lib/tracemalloc.py (CPython shows the "
                    "interpreter's install path)");
      return Ref();
    }
    lines.push_back(NewStr(heap, absl::StrCat("  File \"", frame->file, "\", line ", frame->line)));
    absl::StatusOr<std::string> source = SourceLine(interp, frame->file, frame->line);
    if (!source.ok()) {
      interp.Raise(source.status());
      return Ref();
    }
    if (!source->empty()) lines.push_back(NewStr(heap, absl::StrCat("    ", *source)));
  }
  std::vector<ObjectId> ids;
  for (const Ref& line : lines) ids.push_back(line.get());
  return NewListOf(heap, ids);
}

Ref IntValue(Heap& heap, int64_t value) {
  UntracedScope untraced(heap);
  return NewInt(heap, value);
}

Ref OptionalInt(Heap& heap, const std::optional<int64_t>& value) {
  return value.has_value() ? IntValue(heap, *value) : heap.NewRef(heap.none());
}

// The methods of each kind.
bool HasMethod(TraceObjectKind kind, std::string_view name) {
  if (kind == TraceObjectKind::kSnapshot) {
    return name == "statistics" || name == "compare_to" || name == "filter_traces" ||
           name == "dump";
  }
  return kind == TraceObjectKind::kTraceback && name == "format";
}

}  // namespace

bool RefuseAfterTracemallocObjects(Interpreter& interp, std::string_view what) {
  if (const std::string& code = interp.session().lru_cache_made; !code.empty()) {
    interp.Refuse(absl::StrCat(std::string(what), " after ", code,
                               " (the memory functools.py's Python code allocates and frees is "
                               "not modelled)"));
    return true;
  }
  if (const std::string& code = interp.session().weakref_code_ran; !code.empty()) {
    interp.Refuse(absl::StrCat(std::string(what), " after ", code,
                               " (the memory weakref.py's Python code allocates and frees is "
                               "not modelled)"));
    return true;
  }
  if (const std::string& code = interp.session().namedtuple_made; !code.empty()) {
    interp.Refuse(absl::StrCat(std::string(what), " after ", code,
                               " (the memory collections' Python code allocates and frees for "
                               "namedtuples is not modelled)"));
    return true;
  }
  if (const std::string& code = interp.session().counter_code_ran; !code.empty()) {
    interp.Refuse(absl::StrCat(std::string(what), " after ", code,
                               " (the memory collections.Counter's Python code allocates and "
                               "frees is not modelled)"));
    return true;
  }
  if (const std::string& code = interp.session().dataclasses_made; !code.empty()) {
    interp.Refuse(absl::StrCat(std::string(what), " after ", code,
                               " (the memory dataclasses' Python code allocates and frees is "
                               "not modelled)"));
    return true;
  }
  if (const std::string& code = interp.session().traceback_kept; !code.empty()) {
    interp.Refuse(absl::StrCat(std::string(what), " after ", code,
                               " (the blocks of its traceback and frame objects are not "
                               "modelled)"));
    return true;
  }
  const std::string& first = interp.session().tracemalloc_objects_made;
  if (first.empty()) return false;
  interp.Refuse(absl::StrCat(std::string(what), " after ", first,
                             " (the memory of tracemalloc.py's objects is not modelled)"));
  return true;
}

bool RefuseAddressAfterTracemallocObjects(Interpreter& interp, std::string_view what) {
  if (RefuseAfterTracemallocObjects(interp, what)) return true;
  const std::string& snapshot = interp.session().tracemalloc_snapshot_made;
  if (snapshot.empty()) return false;
  interp.Refuse(absl::StrCat(std::string(what), " after ", snapshot,
                             " (its tuples take blocks in the order of CPython's hash table of "
                             "traces)"));
  return true;
}

bool IsTracemallocObjectBuiltin(Builtin builtin) {
  return (builtin >= Builtin::kTracemallocTakeSnapshot &&
          builtin <= Builtin::kTracemallocDomainFilter) ||
         (builtin >= Builtin::kSnapshotStatistics && builtin <= Builtin::kTracebackFormat);
}

Ref CallTracemallocObjectBuiltin(Interpreter& interp, Builtin builtin, ObjectId self,
                                 CallArgs& args) {
  Heap& heap = interp.heap();
  const auto method_of = [&](TraceObjectKind kind, std::string_view name) {
    if (IsKind(heap, self, kind)) return true;
    interp.Refuse(absl::StrCat(std::string(name), "() on a ", TypeName(heap, self)));
    return false;
  };
  switch (builtin) {
    case Builtin::kTracemallocTakeSnapshot:
      return TakeSnapshot(interp, args);
    case Builtin::kTracemallocGetTracebackLimit:
      if (!args.positional.empty() || !args.keywords.empty()) {
        interp.Refuse("arguments to tracemalloc.get_traceback_limit()");
        return Ref();
      }
      return NewInt(heap, heap.tracemalloc().traceback_limit());
    case Builtin::kTracemallocGetObjectTraceback:
      return GetObjectTraceback(interp, args);
    case Builtin::kTracemallocGetTracemallocMemory:
      interp.Refuse("tracemalloc.get_tracemalloc_memory() (the module's own bookkeeping is not "
                    "modelled)");
      return Ref();
    case Builtin::kTracemallocFilter:
      return MakeFilter(interp, args);
    case Builtin::kTracemallocDomainFilter:
      return MakeDomainFilter(interp, args);
    case Builtin::kSnapshotStatistics:
      if (!method_of(TraceObjectKind::kSnapshot, "statistics")) return Ref();
      return Statistics(interp, self, args, false);
    case Builtin::kSnapshotCompareTo:
      if (!method_of(TraceObjectKind::kSnapshot, "compare_to")) return Ref();
      return Statistics(interp, self, args, true);
    case Builtin::kSnapshotFilterTraces:
      if (!method_of(TraceObjectKind::kSnapshot, "filter_traces")) return Ref();
      return FilterTraces(interp, self, args);
    case Builtin::kSnapshotDump:
      interp.Refuse("Snapshot.dump() (files are not modelled)");
      return Ref();
    case Builtin::kTracebackFormat:
      if (!method_of(TraceObjectKind::kTraceback, "format")) return Ref();
      return FormatTraceback(interp, self, args);
    default:
      interp.Refuse("this tracemalloc function");
      return Ref();
  }
}

Ref TraceObjectGetAttr(Interpreter& interp, ObjectId object, const std::string& name) {
  Heap& heap = interp.heap();
  const TraceObjectBody& body = heap.trace_object(object);
  const StatEntry& stat = body.stat;
  const bool statistic =
      body.kind == TraceObjectKind::kStatistic || body.kind == TraceObjectKind::kStatisticDiff;
  if (HasMethod(body.kind, name)) {
    const std::optional<Builtin> method = FindMethod(TypeTag::kTraceObject, name);
    if (method) return NewBuiltin(heap, static_cast<uint32_t>(*method), object);
  }
  if (statistic && name == "traceback") return TracebackObject(interp, stat.traceback);
  if (statistic && name == "size") return IntValue(heap, stat.size);
  if (statistic && name == "count") return IntValue(heap, stat.count);
  if (body.kind == TraceObjectKind::kStatisticDiff && name == "size_diff") {
    return IntValue(heap, stat.size_diff);
  }
  if (body.kind == TraceObjectKind::kStatisticDiff && name == "count_diff") {
    return IntValue(heap, stat.count_diff);
  }
  if (body.kind == TraceObjectKind::kTraceback && name == "total_nframe" &&
      heap.profile().tracemalloc_has_reset_peak) {  // 3.9+
    return stat.traceback.total_nframe == 0 ? heap.NewRef(heap.none())
                                            : IntValue(heap, stat.traceback.total_nframe);
  }
  if (body.kind == TraceObjectKind::kFrame && name == "filename") {
    if (IsForeignFile(stat.traceback.frames[0].file)) {
      interp.Refuse("the filename of a frame of Lib/tracemalloc.py (CPython shows the "
                    "interpreter's install path)");
      return Ref();
    }
    UntracedScope untraced(heap);
    return NewStr(heap, stat.traceback.frames[0].file);
  }
  if (body.kind == TraceObjectKind::kFrame && name == "lineno") {
    return IntValue(heap, stat.traceback.frames[0].line);
  }
  if (body.kind == TraceObjectKind::kSnapshot && name == "traces") {
    // The Snapshot's own _Traces instance: nothing new where its memory
    // is modelled.
    TraceObjectBody traces;
    traces.kind = TraceObjectKind::kTraces;
    traces.snapshot = body.snapshot;
    traces.memory_modelled = body.memory_modelled;
    return NewTraceObject(interp, std::move(traces), "tracemalloc.take_snapshot()");
  }
  if (body.kind == TraceObjectKind::kSnapshot && name == "traceback_limit") {
    return IntValue(heap, body.snapshot->traceback_limit);
  }
  const TraceFilter& filter = body.filter;
  if (body.kind == TraceObjectKind::kFilter || body.kind == TraceObjectKind::kDomainFilter) {
    if (name == "inclusive") return heap.NewRef(heap.bool_object(filter.inclusive));
    if (name == "domain") return OptionalInt(heap, filter.domain);
  }
  if (body.kind == TraceObjectKind::kFilter) {
    if (name == "filename_pattern") {
      UntracedScope untraced(heap);
      return NewStr(heap, filter.filename_pattern);
    }
    if (name == "lineno") return OptionalInt(heap, filter.lineno);
    if (name == "all_frames") return heap.NewRef(heap.bool_object(filter.all_frames));
  }
  if (name.size() > 4 && name.starts_with("__") && name.ends_with("__")) {
    interp.Refuse(absl::StrCat("attribute '", name, "' of a tracemalloc.", TypeName(heap, object)));
    return Ref();
  }
  interp.Raise(PyError(PyExc::kAttributeError, absl::StrCat("'", TypeName(heap, object),
                                                            "' object has no attribute '", name,
                                                            "'")));
  return Ref();
}

Ref TraceObjectGetItem(Interpreter& interp, ObjectId object, ObjectId key) {
  Heap& heap = interp.heap();
  const TraceObjectBody& body = heap.trace_object(object);
  if (body.kind != TraceObjectKind::kTraceback || heap.type_of(key) != TypeTag::kInt) {
    interp.Refuse(absl::StrCat("indexing a tracemalloc.", TypeName(heap, object),
                               " (only a Traceback by an int is modelled)"));
    return Ref();
  }
  const auto& frames = body.stat.traceback.frames;
  std::optional<int64_t> index = IntAsInt64(heap, key);
  const auto n = static_cast<int64_t>(frames.size());
  if (index.has_value() && *index < 0) *index += n;
  if (!index.has_value() || *index < 0 || *index >= n) {
    interp.Raise(PyError(PyExc::kIndexError, "tuple index out of range"));
    return Ref();
  }
  return FrameObject(interp, frames[static_cast<size_t>(*index)]);
}

}  // namespace heapsim::script
