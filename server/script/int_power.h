// int * int and int ** int as CPython allocates them: which int objects a
// product makes, and the chain of products long_pow makes for a power.

#ifndef HEAPSIM_SERVER_SCRIPT_INT_POWER_H_
#define HEAPSIM_SERVER_SCRIPT_INT_POWER_H_

#include <cstdint>

#include "absl/status/statusor.h"
#include "server/heap/heap.h"
#include "server/heap/int_object.h"

namespace heapsim::script {

// How long_mul allocates the product of ints of `a_digits` and `b_digits`
// 30-bit digits: by value when both have at most one digit, else with
// a_digits + b_digits digits (x_mul and k_mul never give the top digit
// back).
IntRequest ProductRequest(uint32_t a_digits, uint32_t b_digits);

// base ** exponent for an int `base` with |base| >= 2, as long_pow makes
// it: left-to-right binary exponentiation in the profile's variant, every
// product a new int made before the previous one is dropped, so the
// transient products are traced as CPython's are. Products past the
// Karatsuba cutoffs (whose scratch ints are not modelled) mark tracemalloc's
// figures inexact. The caller has checked the result's size against the
// budget.
absl::StatusOr<Ref> IntPower(Heap& heap, ObjectId base, uint64_t exponent);

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_INT_POWER_H_
