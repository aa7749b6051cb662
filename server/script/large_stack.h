// RunOnLargeStack runs a function on a thread with a large stack, so deep
// recursion in a heap script (up to CPython's recursion limit) cannot
// overflow the calling thread's stack, which may be a small RPC worker's.
// Workers are pooled and reused; a call made on a worker runs inline.

#ifndef HEAPSIM_SERVER_SCRIPT_LARGE_STACK_H_
#define HEAPSIM_SERVER_SCRIPT_LARGE_STACK_H_

#include "absl/functional/function_ref.h"

namespace heapsim::script {

// Runs `work` to completion on a large-stack thread and returns after it.
void RunOnLargeStack(absl::FunctionRef<void()> work);

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_LARGE_STACK_H_
