// BigInt is an arbitrary-precision integer stored as CPython stores ints:
// sign and magnitude, with 30-bit digits, least significant first. Keeping
// CPython's digit size makes the digit count (and so sys.getsizeof) fall out
// of the representation directly.

#ifndef HEAPSIM_SERVER_HEAP_BIGINT_H_
#define HEAPSIM_SERVER_HEAP_BIGINT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace heapsim {

class BigInt {
 public:
  static constexpr int kDigitBits = 30;
  static constexpr uint32_t kDigitMask = (1u << kDigitBits) - 1;

  BigInt() = default;
  explicit BigInt(int64_t value);

  // Parses digits in `base` (2..36; no sign, prefix or underscores).
  // Returns nullopt on a digit out of range or empty input.
  static std::optional<BigInt> FromDigits(std::string_view digits, int base);

  // The integer part of a finite double (int(3.99) == 3).
  static BigInt FromDouble(double value);

  bool is_zero() const { return digits_.empty(); }
  bool is_negative() const { return negative_; }
  // The number of 30-bit digits in the magnitude (0 for zero).
  size_t digit_count() const { return digits_.size(); }

  // The value as int64 when it fits.
  std::optional<int64_t> ToInt64() const;
  // The nearest double (may be infinite for huge values).
  double ToDouble() const;
  // Base-10 text, with a leading '-' when negative.
  std::string ToString() const;
  // The magnitude's digits in base 2**bits_per_char (1: binary, 3: octal,
  // 4: hexadecimal), lowercase, most significant first, without sign or
  // prefix ("0" for zero). REQUIRES: 1 <= bits_per_char <= 4.
  std::string MagnitudeInPowerOfTwoBase(int bits_per_char) const;
  // hash(int) as CPython computes it (modulo 2**61 - 1, -1 becomes -2).
  int64_t Hash() const;
  // The number of bits in the magnitude.
  uint64_t BitLength() const;

  BigInt operator-() const;
  BigInt Abs() const;
  friend BigInt operator+(const BigInt& a, const BigInt& b);
  friend BigInt operator-(const BigInt& a, const BigInt& b);
  friend BigInt operator*(const BigInt& a, const BigInt& b);
  // Floor division and modulo, as Python defines them. REQUIRES: !b.is_zero().
  static void DivMod(const BigInt& a, const BigInt& b, BigInt* quotient, BigInt* remainder);
  // a ** exponent. REQUIRES: exponent >= 0.
  static BigInt Pow(const BigInt& a, uint64_t exponent);
  // Bitwise operators on two's-complement values, as Python defines them.
  static BigInt And(const BigInt& a, const BigInt& b);
  static BigInt Or(const BigInt& a, const BigInt& b);
  static BigInt Xor(const BigInt& a, const BigInt& b);
  static BigInt ShiftLeft(const BigInt& a, uint64_t bits);
  static BigInt ShiftRight(const BigInt& a, uint64_t bits);

  // The non-negative value whose 32-bit words, least significant first,
  // are `words`.
  static BigInt FromWords(const std::vector<uint32_t>& words);
  // The magnitude's 32-bit words, least significant first (none for zero).
  std::vector<uint32_t> MagnitudeWords() const;

  // -1, 0 or 1.
  static int Compare(const BigInt& a, const BigInt& b);
  friend bool operator==(const BigInt& a, const BigInt& b) {
    return a.negative_ == b.negative_ && a.digits_ == b.digits_;
  }

 private:
  static int CompareMagnitude(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b);
  static std::vector<uint32_t> AddMagnitude(const std::vector<uint32_t>& a,
                                            const std::vector<uint32_t>& b);
  // REQUIRES: |a| >= |b|.
  static std::vector<uint32_t> SubMagnitude(const std::vector<uint32_t>& a,
                                            const std::vector<uint32_t>& b);
  static std::vector<uint32_t> MulMagnitude(const std::vector<uint32_t>& a,
                                            const std::vector<uint32_t>& b);
  // Truncating division of magnitudes.
  static void DivModMagnitude(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b,
                              std::vector<uint32_t>* quotient, std::vector<uint32_t>* remainder);
  // Divides in place by a small divisor and returns the remainder.
  static uint32_t DivSmall(std::vector<uint32_t>* magnitude, uint32_t divisor);
  void Normalize();
  // Two's complement in `width` digits, for the bitwise operators.
  std::vector<uint32_t> TwosComplement(size_t width) const;
  static BigInt FromTwosComplement(std::vector<uint32_t> digits);

  bool negative_ = false;
  std::vector<uint32_t> digits_;  // no leading (most significant) zeros
};

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_BIGINT_H_
