// Advice to the kernel about memory a large script's parse fills: back it
// with transparent huge pages, so that filling it costs a page fault per
// 2 MiB rather than per 4 KiB.

#ifndef HEAPSIM_SERVER_SCRIPT_HUGE_PAGES_H_
#define HEAPSIM_SERVER_SCRIPT_HUGE_PAGES_H_

#include <cstddef>

namespace heapsim::script {

// The size of a transparent huge page on the platforms heapsim runs on.
inline constexpr size_t kHugePageSize = size_t{2} << 20;

// Advises huge pages for the whole huge pages inside [start, start+bytes),
// memory the caller owns and has not freed. Advice only: nothing changes
// where the kernel does not offer them, or for ranges shorter than a page.
void AdviseHugePages(void* start, size_t bytes);

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_HUGE_PAGES_H_
