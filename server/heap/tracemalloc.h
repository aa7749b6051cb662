// Tracemalloc simulates the tracemalloc module's traces: for every block
// allocated while tracing, the size that was *requested* (not the block
// size) and the traceback of the Python frames running at the allocation,
// exactly as CPython's hooks record them; blocks allocated before Start()
// are unknown to it, so freeing them later subtracts nothing.

#ifndef HEAPSIM_SERVER_HEAP_TRACEMALLOC_H_
#define HEAPSIM_SERVER_HEAP_TRACEMALLOC_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "server/heap/traceback_table.h"

namespace heapsim {

// Who knows the running Python frames: the interpreter.
class TracebackSource {
 public:
  virtual ~TracebackSource() = default;
  // Sets `traceback` to the running frames, most recent first, at most
  // `limit` of them, with their files interned in `table`; leaves the
  // frames empty when no Python code runs.
  virtual void CurrentTraceback(uint32_t limit, TracebackTable& table,
                                Traceback* traceback) const = 0;
};

// One traced block in a snapshot.
struct TraceRecord {
  uint64_t size = 0;
  uint32_t traceback = 0;  // index in the snapshot's table
};

// What _tracemalloc._get_traces() returns, with the traceback limit
// take_snapshot() stores: the traces (in no particular order) and the
// table their tracebacks index (shared with the tracer, which only ever
// appends to it).
struct TraceSnapshot {
  std::shared_ptr<const TracebackTable> table;
  std::vector<TraceRecord> traces;
  uint32_t traceback_limit = 1;
};

class Tracemalloc {
 public:
  Tracemalloc() = default;

  // tracemalloc.start(nframe): begins tracing, recording tracebacks of at
  // most `nframe` frames; a no-op while already tracing (the limit stays).
  // REQUIRES: nframe >= 1.
  void Start(uint32_t nframe = 1);

  // tracemalloc.stop(): stops tracing and forgets every trace.
  void Stop();

  // tracemalloc.clear_traces(): forgets every trace; tracing goes on.
  void ClearTraces();

  // Notes that blocks whose sizes (or tracedness) the model does not know
  // exactly were just traced, because of `what` (e.g. "a class
  // statement"): current() and peak() are not CPython's until the traces
  // are cleared (clear_traces(), stop()).
  void NoteInexactBlocks(std::string_view what) {
    if (tracing_ && inexact_after_.empty()) inexact_after_ = std::string(what);
  }
  bool inexact() const { return !inexact_after_.empty(); }
  // What made the figures inexact first, or empty.
  const std::string& inexact_after() const { return inexact_after_; }

  // Notes that blocks the model does not know came and went (during
  // `what`, e.g. "the repr of a 'set' object", while tracing): peak() is not CPython's
  // until reset_peak(), clear_traces() or stop(). current() is unaffected.
  void NoteUnknownPeak(std::string_view what) {
    if (tracing_ && unknown_peak_after_.empty()) unknown_peak_after_ = std::string(what);
  }
  // What made the peak unknown, or empty when it is known.
  const std::string& unknown_peak_after() const { return unknown_peak_after_; }

  // tracemalloc.reset_peak(): the peak becomes the current size.
  void ResetPeak() {
    peak_ = current_;
    unknown_peak_after_.clear();
  }

  bool tracing() const { return tracing_; }
  // tracemalloc.get_traceback_limit(): kept after stop(), as CPython keeps it.
  uint32_t traceback_limit() const { return traceback_limit_; }

  // tracemalloc.get_traced_memory(): (0, 0) when not tracing.
  uint64_t current() const { return current_; }
  uint64_t peak() const { return peak_; }
  uint64_t traced_blocks() const { return traces_.size(); }

  // The source of tracebacks for later allocations (null: every block is
  // recorded with the empty traceback). Not owned; must outlive its use.
  void set_traceback_source(const TracebackSource* source) { source_ = source; }
  const TracebackSource* traceback_source() const { return source_; }

  // The traceback of the traced block at `address` (its table is table()),
  // or nullopt when that block is not traced.
  std::optional<uint32_t> TracebackOf(uint64_t address) const;
  const TracebackTable& table() const { return *table_; }

  // _get_traces(): every trace, copied. Empty when not tracing.
  TraceSnapshot Snapshot() const;

  // Hooks, called by the allocator for every block operation.
  void OnAllocate(uint64_t address, uint64_t nbytes) {
    if (tracing_ && !paused_) Record(address, nbytes);
  }
  // While paused, new blocks go untraced (what heapsim allocates for
  // objects whose memory it does not model).
  void set_paused(bool paused) { paused_ = paused; }
  // An object made in `address`'s block, kept on a free list: a traced
  // block takes the current traceback, untraced ones stay untraced
  // (_PyTraceMalloc_NewReference / the 3.13 reference tracer, paused or
  // not, as CPython's ignores its reentrancy flag there).
  void OnReuse(uint64_t address);
  void OnFree(uint64_t address) {
    if (tracing_) Forget(address);
  }
  // A realloc that moved (or kept) `old_address`'s block to `new_address`:
  // the block gets the traceback of the realloc, as in CPython; while
  // paused (CPython's reentrant realloc) it only loses its trace.
  void OnReallocate(uint64_t old_address, uint64_t new_address, uint64_t nbytes) {
    if (!tracing_) return;
    Forget(old_address);
    if (!paused_) Record(new_address, nbytes);
  }

  // Notes that blocks of unknown tracedness went back to free lists in an
  // order CPython's own hash table chose (a snapshot's tuples, traced and
  // untraced mixed): which of them later objects take is unknown until the
  // traces are cleared (`cause` names it; empty while known).
  void NoteFreeListTracesUnknown(std::string cause) {
    if (tracing_ && free_list_traces_unknown_.empty()) free_list_traces_unknown_ = std::move(cause);
  }
  const std::string& free_list_traces_unknown() const { return free_list_traces_unknown_; }

 private:
  struct Trace {
    uint64_t size = 0;
    uint32_t traceback = 0;
  };

  void Record(uint64_t address, uint64_t nbytes);
  void Forget(uint64_t address);
  // The interned traceback of the allocation being recorded.
  uint32_t CurrentTraceback();

  bool tracing_ = false;
  bool paused_ = false;
  std::string inexact_after_;  // see NoteInexactBlocks
  std::string unknown_peak_after_;  // see NoteUnknownPeak
  std::string free_list_traces_unknown_;  // see NoteFreeListTracesUnknown
  uint32_t traceback_limit_ = 1;
  uint64_t current_ = 0;
  uint64_t peak_ = 0;
  const TracebackSource* source_ = nullptr;
  absl::flat_hash_map<uint64_t, Trace> traces_;  // by block address
  // Replaced (not cleared) when the traces are forgotten: snapshots keep
  // the table their traces index.
  std::shared_ptr<TracebackTable> table_ = std::make_shared<TracebackTable>();
  Traceback scratch_;  // reused by CurrentTraceback
};

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_TRACEMALLOC_H_
