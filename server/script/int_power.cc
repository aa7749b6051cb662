#include "server/script/int_power.h"

#include <utility>
#include <vector>

#include "server/heap/bigint.h"
#include "server/heap/budget.h"
#include "server/heap/tracemalloc.h"

namespace heapsim::script {

namespace {

// k_mul hands products of operands this long (the shorter one's digits) to
// Karatsuba's method, which allocates scratch ints of its own; squares have
// a higher cutoff.
constexpr uint32_t kKaratsubaCutoff = 70;
constexpr uint32_t kKaratsubaSquareCutoff = 140;

uint32_t DigitsOf(const BigInt& value) { return static_cast<uint32_t>(value.digit_count()); }

// The running product of long_pow: `value` held by the int object `object`
// (the cached 1 while `object` is null).
class PowerChain {
 public:
  PowerChain(Heap& heap, ObjectId base)
      : heap_(heap), base_(base), base_value_(IntAsBig(heap, base)), value_(1) {}

  // z = base, without a new object (3.11+ starts there).
  void StartAtBase() {
    object_ = heap_.NewRef(base_);
    value_ = base_value_;
  }
  // z = z * z.
  void Square() { Multiply(value_, true); }
  // z = z * base.
  void TimesBase() { Multiply(base_value_, object_ && object_.get() == base_); }
  // z = base * base (MULT(a, a, z): one object squared).
  void BaseSquared() {
    value_ = base_value_;
    Multiply(base_value_, true);
  }

  Ref Result() {
    if (!object_) return NewInt(heap_, value_);  // the cached 1
    return std::move(object_);
  }

 private:
  // z = z * factor, a new object made before the old z is dropped.
  void Multiply(const BigInt& factor, bool same_object) {
    const uint32_t z_digits = DigitsOf(value_);
    const uint32_t factor_digits = DigitsOf(factor);
    const uint32_t shorter = z_digits < factor_digits ? z_digits : factor_digits;
    if (shorter > (same_object ? kKaratsubaSquareCutoff : kKaratsubaCutoff)) {
      heap_.tracemalloc().NoteInexactBlocks(
          "an int power past Karatsuba's cutoff (its temporaries are not modelled exactly)");
    }
    BigInt product = value_ * factor;
    Ref next = NewInt(heap_, product, ProductRequest(z_digits, factor_digits));
    object_ = std::move(next);
    value_ = std::move(product);
  }

  Heap& heap_;
  const ObjectId base_;
  const BigInt base_value_;
  BigInt value_;
  Ref object_;
};

// The exponent's 30-bit digits, most significant first.
std::vector<uint32_t> ExponentDigits(uint64_t exponent) {
  std::vector<uint32_t> digits;
  for (; exponent != 0; exponent >>= BigInt::kDigitBits) {
    digits.insert(digits.begin(), static_cast<uint32_t>(exponent & BigInt::kDigitMask));
  }
  return digits;
}

}  // namespace

IntRequest ProductRequest(uint32_t a_digits, uint32_t b_digits) {
  if (a_digits <= 1 && b_digits <= 1) return IntRequest::FromLong();
  return IntRequest::Digits(a_digits + b_digits);
}

absl::StatusOr<Ref> IntPower(Heap& heap, ObjectId base, uint64_t exponent) {
  PowerChain z(heap, base);
  const std::vector<uint32_t> digits = ExponentDigits(exponent);
  if (!heap.profile().int_pow_from_top_bit) {
    // From 1, every bit of every digit, the top digit's leading zeros too.
    for (uint32_t digit : digits) {
      for (uint32_t bit = 1u << (BigInt::kDigitBits - 1); bit != 0; bit >>= 1) {
        z.Square();
        if ((digit & bit) != 0) z.TimesBase();
      }
    }
  } else if (digits.size() <= 1 && exponent <= 3) {
    if (exponent >= 2) {
      z.BaseSquared();
      if (exponent == 3) z.TimesBase();
    } else if (exponent == 1) {
      z.TimesBase();  // base * 1: a new int even of the same value
    }
  } else {
    z.StartAtBase();
    uint32_t bit = 1u << (BigInt::kDigitBits - 1);
    while ((digits[0] & bit) == 0) bit >>= 1;
    for (size_t i = 0; i < digits.size(); ++i) {
      for (bit = i == 0 ? bit >> 1 : 1u << (BigInt::kDigitBits - 1); bit != 0; bit >>= 1) {
        z.Square();
        if ((digits[i] & bit) != 0) z.TimesBase();
      }
    }
  }
  if (absl::Status s = BudgetStatus(); !s.ok()) return s;  // stopped part way
  return z.Result();
}

}  // namespace heapsim::script
