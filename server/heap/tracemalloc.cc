#include "server/heap/tracemalloc.h"

namespace heapsim {

void Tracemalloc::Stop() {
  tracing_ = false;
  traces_.clear();
  current_ = peak_ = 0;
}

void Tracemalloc::Record(uint64_t address, uint64_t nbytes) {
  traces_[address] = nbytes;
  current_ += nbytes;
  if (current_ > peak_) peak_ = current_;
}

void Tracemalloc::Forget(uint64_t address) {
  auto it = traces_.find(address);
  if (it == traces_.end()) return;
  current_ -= it->second;
  traces_.erase(it);
}

}  // namespace heapsim
