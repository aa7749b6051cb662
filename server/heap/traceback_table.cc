#include "server/heap/traceback_table.h"

namespace heapsim {

uint32_t TracebackTable::InternFile(std::string_view name) {
  const auto [it, added] = file_index_.try_emplace(std::string(name), static_cast<uint32_t>(files_.size()));
  if (added) files_.emplace_back(name);
  return it->second;
}

uint32_t TracebackTable::Intern(const Traceback& traceback) {
  const auto [it, added] =
      traceback_index_.try_emplace(traceback, static_cast<uint32_t>(tracebacks_.size()));
  if (added) tracebacks_.push_back(traceback);
  return it->second;
}

}  // namespace heapsim
