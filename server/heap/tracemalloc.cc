#include "server/heap/tracemalloc.h"

namespace heapsim {

void Tracemalloc::Start(uint32_t nframe) {
  if (tracing_) return;
  tracing_ = true;
  traceback_limit_ = nframe;
}

void Tracemalloc::Stop() {
  tracing_ = false;
  ClearTraces();
}

void Tracemalloc::ClearTraces() {
  traces_.clear();
  table_ = std::make_shared<TracebackTable>();
  current_ = peak_ = 0;
  inexact_after_.clear();
  unknown_peak_after_.clear();
  free_list_traces_unknown_.clear();
}

std::optional<uint32_t> Tracemalloc::TracebackOf(uint64_t address) const {
  const auto it = traces_.find(address);
  if (it == traces_.end()) return std::nullopt;
  return it->second.traceback;
}

TraceSnapshot Tracemalloc::Snapshot() const {
  TraceSnapshot snapshot;
  snapshot.table = table_;
  snapshot.traceback_limit = traceback_limit_;
  if (!tracing_) return snapshot;
  snapshot.traces.reserve(traces_.size());
  for (const auto& [address, trace] : traces_) {
    snapshot.traces.push_back(TraceRecord{trace.size, trace.traceback});
  }
  return snapshot;
}

uint32_t Tracemalloc::CurrentTraceback() {
  scratch_.frames.clear();
  scratch_.total_nframe = 0;
  if (source_ != nullptr) source_->CurrentTraceback(traceback_limit_, *table_, &scratch_);
  if (scratch_.frames.empty()) {
    // _tracemalloc's empty traceback: one frame "<unknown>", line 0.
    scratch_.frames.push_back(TraceFrame{table_->InternFile("<unknown>"), 0, true});
    scratch_.total_nframe = 1;
  }
  return table_->Intern(scratch_);
}

void Tracemalloc::Record(uint64_t address, uint64_t nbytes) {
  const uint32_t traceback = CurrentTraceback();
  traces_[address] = Trace{nbytes, traceback};
  current_ += nbytes;
  if (current_ > peak_) peak_ = current_;
}

void Tracemalloc::OnReuse(uint64_t address) {
  if (!tracing_) return;
  const auto it = traces_.find(address);
  if (it != traces_.end()) it->second.traceback = CurrentTraceback();
}

void Tracemalloc::Forget(uint64_t address) {
  auto it = traces_.find(address);
  if (it == traces_.end()) return;
  current_ -= it->second.size;
  traces_.erase(it);
}

}  // namespace heapsim
