// Python's operators on simulated objects: arithmetic, concatenation and
// repetition, set algebra, comparisons and containment. Each result is
// allocated as CPython allocates it (which int results get a fixed-size
// object, how many digits an addition reserves, when a slice or a
// concatenation hands back its operand unchanged), so sizes, ids and
// tracemalloc figures follow.

#ifndef HEAPSIM_SERVER_SCRIPT_OPERATORS_H_
#define HEAPSIM_SERVER_SCRIPT_OPERATORS_H_

#include <cstdint>
#include <string_view>

#include "absl/status/statusor.h"
#include "server/heap/heap.h"

namespace heapsim::script {

enum class BinaryOp : uint8_t {
  kAdd,
  kSub,
  kMul,
  kTrueDiv,
  kFloorDiv,
  kMod,
  kPow,
  kLShift,
  kRShift,
  kBitOr,
  kBitXor,
  kBitAnd,
  kMatMul,
};

enum class UnaryOp : uint8_t { kNeg, kPos, kInvert, kNot };

enum class CompareOp : uint8_t { kEq, kNotEq, kLt, kLtE, kGt, kGtE, kIs, kIsNot, kIn, kNotIn };

// The operator as written ("<", "==", ...), for messages; the rich
// comparisons only.
std::string_view CompareSymbol(CompareOp op);

// The operator's symbol, for error messages ("+", "//", ...).
const char* BinaryOpSymbol(BinaryOp op);

// a <op> b. `in_place` selects the augmented form (a += b), which mutates
// lists, sets and bytearrays in place and returns `a` itself.
// float_divmod: Python's floored quotient and remainder of x / y (the
// remainder takes y's sign). REQUIRES: y != 0.
struct FloatDivMod {
  double quotient;
  double remainder;
};
FloatDivMod FloatDivide(double x, double y);

absl::StatusOr<Ref> Binary(Heap& heap, BinaryOp op, ObjectId a, ObjectId b, bool in_place);

// <op> a.
absl::StatusOr<Ref> Unary(Heap& heap, UnaryOp op, ObjectId a);

// a <op> b as a truth value (is, in, ==, <, ...).
absl::StatusOr<bool> Compare(Heap& heap, CompareOp op, ObjectId a, ObjectId b);

// `item in container`.
absl::StatusOr<bool> Contains(Heap& heap, ObjectId container, ObjectId item);

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_OPERATORS_H_
