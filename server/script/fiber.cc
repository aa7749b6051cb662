#include "server/script/fiber.h"

#include <sys/mman.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <utility>

#include "absl/status/status.h"

#if defined(__SANITIZE_ADDRESS__)
#define HEAPSIM_FIBER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HEAPSIM_FIBER_ASAN 1
#endif
#endif

#if defined(__SANITIZE_THREAD__)
#define HEAPSIM_FIBER_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define HEAPSIM_FIBER_TSAN 1
#endif
#endif

#ifdef HEAPSIM_FIBER_ASAN
#include <sanitizer/common_interface_defs.h>
#endif
#ifdef HEAPSIM_FIBER_TSAN
#include <sanitizer/tsan_interface.h>
#endif

namespace heapsim::script {

namespace {

std::atomic<size_t> live_fibers{0};

size_t PageBytes() { return static_cast<size_t>(sysconf(_SC_PAGESIZE)); }

}  // namespace

size_t Fiber::live() { return live_fibers.load(std::memory_order_relaxed); }

absl::StatusOr<std::unique_ptr<Fiber>> Fiber::Create(absl::AnyInvocable<void()> body) {
  if (live_fibers.fetch_add(1, std::memory_order_relaxed) >= kMaxLiveFibers) {
    live_fibers.fetch_sub(1, std::memory_order_relaxed);
    return absl::ResourceExhaustedError("the server runs too many suspended generators");
  }
  const size_t guard = PageBytes();
  void* mapping = mmap(nullptr, kFiberStackBytes + guard, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
  if (mapping == MAP_FAILED) {
    live_fibers.fetch_sub(1, std::memory_order_relaxed);
    return absl::ResourceExhaustedError("no memory for a generator's stack");
  }
  mprotect(mapping, guard, PROT_NONE);  // the guard page: overflow faults
  return std::unique_ptr<Fiber>(new Fiber(std::move(body), mapping));
}

Fiber::Fiber(absl::AnyInvocable<void()> body, void* mapping)
    : body_(std::move(body)),
      mapping_(mapping),
      stack_(static_cast<char*>(mapping) + PageBytes()),
      stack_bytes_(kFiberStackBytes) {
  getcontext(&fiber_context_);
  fiber_context_.uc_stack.ss_sp = stack_;
  fiber_context_.uc_stack.ss_size = stack_bytes_;
  fiber_context_.uc_link = nullptr;
  const auto self = reinterpret_cast<uintptr_t>(this);
  makecontext(&fiber_context_, reinterpret_cast<void (*)()>(&Fiber::Entry), 2,
              static_cast<unsigned int>(self >> 32), static_cast<unsigned int>(self));
#ifdef HEAPSIM_FIBER_TSAN
  tsan_fiber_ = __tsan_create_fiber(0);
#endif
}

Fiber::~Fiber() {
#ifdef HEAPSIM_FIBER_TSAN
  __tsan_destroy_fiber(tsan_fiber_);
#endif
  munmap(mapping_, kFiberStackBytes + PageBytes());
  live_fibers.fetch_sub(1, std::memory_order_relaxed);
}

void Fiber::Entry(unsigned int high, unsigned int low) {
  auto* fiber = reinterpret_cast<Fiber*>((uintptr_t{high} << 32) | uintptr_t{low});
#ifdef HEAPSIM_FIBER_ASAN
  __sanitizer_finish_switch_fiber(nullptr, &fiber->caller_stack_, &fiber->caller_stack_bytes_);
#endif
  fiber->body_();
  fiber->finished_ = true;
  fiber->SwitchToCaller(/*exiting=*/true);
}

void Fiber::Resume() {
  running_ = true;
#ifdef HEAPSIM_FIBER_TSAN
  tsan_caller_ = __tsan_get_current_fiber();
#endif
  SwitchToFiber();
  running_ = false;
}

void Fiber::Suspend() { SwitchToCaller(/*exiting=*/false); }

void Fiber::SwitchToFiber() {
#ifdef HEAPSIM_FIBER_ASAN
  __sanitizer_start_switch_fiber(&caller_fake_stack_, stack_, stack_bytes_);
#endif
#ifdef HEAPSIM_FIBER_TSAN
  __tsan_switch_to_fiber(tsan_fiber_, 0);
#endif
  swapcontext(&caller_context_, &fiber_context_);
#ifdef HEAPSIM_FIBER_ASAN
  __sanitizer_finish_switch_fiber(caller_fake_stack_, nullptr, nullptr);
#endif
}

void Fiber::SwitchToCaller(bool exiting) {
#ifdef HEAPSIM_FIBER_ASAN
  __sanitizer_start_switch_fiber(exiting ? nullptr : &fiber_fake_stack_, caller_stack_,
                                 caller_stack_bytes_);
#endif
#ifdef HEAPSIM_FIBER_TSAN
  __tsan_switch_to_fiber(tsan_caller_, 0);
#endif
  swapcontext(&fiber_context_, &caller_context_);
  // Resumed (never after exiting): the resumer's stack may be another one.
#ifdef HEAPSIM_FIBER_ASAN
  __sanitizer_finish_switch_fiber(fiber_fake_stack_, &caller_stack_, &caller_stack_bytes_);
#endif
}

}  // namespace heapsim::script
