#include "server/script/tracemalloc_snapshot.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "server/heap/int_object.h"
#include "server/heap/list_object.h"
#include "server/heap/sizeof.h"
#include "server/heap/str_object.h"
#include "server/heap/trace_statistics.h"
#include "server/heap/tuple_object.h"

namespace heapsim::script {
namespace {

// The running frames under a frame of Lib/tracemalloc.py at `line`.
class TracemallocPyFrame : public TracebackSource {
 public:
  TracemallocPyFrame(const Heap& heap, const TracebackSource* caller, uint32_t line)
      : caller_(caller),
        file_(absl::StrCat(std::string(1, kForeignFilePrefix), "/lib/python",
                           std::string(heap.profile().version), "/tracemalloc.py")),
        line_(line) {}
  void CurrentTraceback(uint32_t limit, TracebackTable& table,
                        Traceback* traceback) const override {
    if (limit > 0) traceback->frames.push_back(TraceFrame{table.InternFile(file_), line_, true});
    Traceback callers;
    if (caller_ != nullptr) caller_->CurrentTraceback(limit > 0 ? limit - 1 : 0, table, &callers);
    for (const TraceFrame& frame : callers.frames) traceback->frames.push_back(frame);
    traceback->total_nframe = callers.total_nframe + 1;
  }

 private:
  const TracebackSource* caller_;
  std::string file_;
  uint32_t line_;
};

// Runs tracemalloc's traceback source as `frame` for the scope.
class FrameScope {
 public:
  FrameScope(Tracemalloc& trace, const TracebackSource* frame)
      : trace_(trace), saved_(trace.traceback_source()) {
    trace_.set_traceback_source(frame);
  }
  ~FrameScope() { trace_.set_traceback_source(saved_); }
  FrameScope(const FrameScope&) = delete;
  FrameScope& operator=(const FrameScope&) = delete;

 private:
  Tracemalloc& trace_;
  const TracebackSource* saved_;
};

// The str a frame tuple holds for its file: CPython's are the code
// objects' file names, made before tracing; heapsim's snapshot never shows
// them, so one static str stands for all.
ObjectId SnapshotFilename(Interpreter& interp) {
  ObjectId& filename = interp.session().snapshot_filename;
  if (filename == kNoObject) filename = NewStaticAsciiStr(interp.heap(), "<tracemalloc>", 64);
  return filename;
}

// tracemalloc_get_traces_fill for every trace, under the caller's frame
// source (so that tuples reused from free lists are retraced there).
void FillTraceTuples(Interpreter& interp, const TraceSnapshot& snapshot, ObjectId list) {
  Heap& heap = interp.heap();
  const ObjectId filename = SnapshotFilename(interp);
  UntracedScope untraced(heap);
  // The intern table of traceback tuples; its references go at the end.
  absl::flat_hash_map<uint32_t, Ref> tracebacks;
  for (const TraceRecord& record : snapshot.traces) {
    const Traceback& traceback = snapshot.table->traceback(record.traceback);
    Ref domain = NewInt(heap, 0);
    Ref size = NewInt(heap, static_cast<int64_t>(record.size));
    auto it = tracebacks.find(record.traceback);
    if (it == tracebacks.end()) {
      std::vector<ObjectId> frames;
      for (const TraceFrame& frame : traceback.frames) {
        Ref line = NewInt(heap, frame.line);
        heap.IncRef(filename);
        frames.push_back(NewTuple(heap, {filename, line.release()}).release());
      }
      it = tracebacks.emplace(record.traceback, NewTuple(heap, std::move(frames))).first;
    }
    heap.IncRef(it->second.get());
    Ref total = NewInt(heap, traceback.total_nframe);
    Ref tuple =
        NewTuple(heap, {domain.release(), size.release(), it->second.get(), total.release()});
    ListAppend(heap, list, tuple.get());
  }
}

// The blocks of a new instance of one of tracemalloc.py's classes whose
// instances set `keys` attributes, the class's `made`-th: its own block
// (traced, a GC object) and, 3.11 and 3.12, its values; the blocks are
// added to `blocks` values first (the order subtype_dealloc frees them).
void NewPyInstance(Heap& heap, uint32_t keys, uint32_t made,
                   std::vector<TraceObjectBody::ModelledBlock>* blocks) {
  const Profile& profile = heap.profile();
  const uint64_t head = kGcHeaderSize + profile.instance_preheader + profile.instance_basic_size;
  const auto round_up8 = [](uint64_t n) { return (n + 7) & ~uint64_t{7}; };
  // The shared keys' entries plus usable slots: usable drops by one per
  // instance, down to 1 (3.11 and 3.12 before sizing the values, 3.13
  // after).
  const bool inline_values = profile.instance_storage == InstanceStorage::kInlineValues;
  const int64_t start = profile.class_shared_keys_usable - (inline_values ? 0 : 1);
  const auto size = static_cast<uint64_t>(std::max<int64_t>(start - made, keys + 1));
  if (inline_values) {
    const uint64_t block = heap.AllocateBuffer(head + round_up8(size) + 8 * (size + 1));
    heap.CountUnmodelledGcObject();
    blocks->insert(blocks->begin(), {block, true});
    return;
  }
  const uint64_t block = heap.AllocateBuffer(head);
  heap.CountUnmodelledGcObject();
  const uint64_t values = heap.AllocateBuffer(round_up8(size + 2) + 8 * size);
  blocks->insert(blocks->begin(), {{values, false}, {block, true}});
}

}  // namespace

Ref SnapshotTracesList(Heap& heap) {
  Tracemalloc& trace = heap.tracemalloc();
  const TracemallocPyFrame frame(heap, trace.traceback_source(),
                                 heap.profile().take_snapshot_get_traces_line);
  FrameScope scope(trace, &frame);
  return NewList(heap, 0);
}

void MakeSnapshotMemory(Interpreter& interp, const TraceSnapshot& snapshot, Ref list,
                        TraceObjectBody* body) {
  Heap& heap = interp.heap();
  const Profile& profile = heap.profile();
  Tracemalloc& trace = heap.tracemalloc();
  const TracebackSource* caller = trace.traceback_source();
  SessionState& session = interp.session();
  {
    const TracemallocPyFrame frame(heap, caller, profile.take_snapshot_get_traces_line);
    FrameScope scope(trace, &frame);
    FillTraceTuples(interp, snapshot, list.get());
  }
  // traceback_limit = get_traceback_limit(), the line after.
  Ref limit;
  {
    const TracemallocPyFrame frame(heap, caller, profile.take_snapshot_get_traces_line + 1);
    FrameScope scope(trace, &frame);
    limit = NewInt(heap, trace.traceback_limit());
  }
  std::vector<TraceObjectBody::ModelledBlock> blocks;
  const TracemallocPyFrame call(heap, caller, profile.take_snapshot_snapshot_line);
  FrameScope call_scope(trace, &call);
  Ref snapshot_args;
  if (!profile.take_snapshot_call_specialised || session.snapshot_instances == 0) {
    heap.IncRef(list.get());
    heap.IncRef(limit.get());
    snapshot_args = NewTuple(heap, {list.get(), limit.get()});
  }
  NewPyInstance(heap, 2, session.snapshot_instances++, &blocks);
  {
    // Snapshot.__init__: self.traces = _Traces(traces)
    const TracemallocPyFrame init(heap, &call, profile.take_snapshot_traces_line);
    FrameScope init_scope(trace, &init);
    heap.IncRef(list.get());
    Ref traces_args = NewTuple(heap, {list.get()});
    std::vector<TraceObjectBody::ModelledBlock> traces_blocks;
    NewPyInstance(heap, 1, session.traces_instances++, &traces_blocks);
    {
      // _Traces.__init__: Sequence.__init__(self), its arguments' tuple
      // (the instance, here None: only the tuple's block matters).
      const TracemallocPyFrame sequence_init(heap, &init, profile.take_snapshot_sequence_init_line);
      FrameScope sequence_scope(trace, &sequence_init);
      Ref self_args = NewTuple(heap, {heap.NewRef(heap.none()).release()});
    }
    // Freed after the Snapshot's: the _Traces instance dies first.
    blocks.insert(blocks.begin(), traces_blocks.begin(), traces_blocks.end());
  }
  body->owned = list.release();
  body->owned_limit = limit.release();
  body->modelled_blocks = std::move(blocks);
  body->memory_modelled = true;
  if (session.tracemalloc_snapshot_made.empty()) {
    session.tracemalloc_snapshot_made = "tracemalloc.take_snapshot()";
  }
}

bool RefuseWhileFreeListTracesUnknown(Interpreter& interp, std::string_view what) {
  const std::string& cause = interp.heap().tracemalloc().free_list_traces_unknown();
  if (cause.empty()) return false;
  interp.Refuse(absl::StrCat(std::string(what), " after ", cause,
                             ", until tracemalloc.clear_traces() or stop()"));
  return true;
}

}  // namespace heapsim::script
