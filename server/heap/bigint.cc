#include "server/heap/bigint.h"

#include "server/heap/budget.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace heapsim {

namespace {

constexpr uint64_t kBase = uint64_t{1} << BigInt::kDigitBits;

}  // namespace

BigInt::BigInt(int64_t value) {
  negative_ = value < 0;
  uint64_t magnitude = negative_ ? uint64_t{0} - static_cast<uint64_t>(value)
                                 : static_cast<uint64_t>(value);
  while (magnitude != 0) {
    digits_.push_back(static_cast<uint32_t>(magnitude & kDigitMask));
    magnitude >>= kDigitBits;
  }
}

void BigInt::Normalize() {
  while (!digits_.empty() && digits_.back() == 0) digits_.pop_back();
  if (digits_.empty()) negative_ = false;
}

std::optional<BigInt> BigInt::FromDigits(std::string_view text, int base) {
  if (text.empty() || base < 2 || base > 36) return std::nullopt;
  BigInt result;
  for (char c : text) {
    int digit;
    if (c >= '0' && c <= '9') {
      digit = c - '0';
    } else if (c >= 'a' && c <= 'z') {
      digit = c - 'a' + 10;
    } else if (c >= 'A' && c <= 'Z') {
      digit = c - 'A' + 10;
    } else {
      return std::nullopt;
    }
    if (digit >= base) return std::nullopt;
    // result = result * base + digit
    uint64_t carry = static_cast<uint64_t>(digit);
    for (uint32_t& d : result.digits_) {
      const uint64_t t = static_cast<uint64_t>(d) * static_cast<uint64_t>(base) + carry;
      d = static_cast<uint32_t>(t & kDigitMask);
      carry = t >> kDigitBits;
    }
    while (carry != 0) {
      result.digits_.push_back(static_cast<uint32_t>(carry & kDigitMask));
      carry >>= kDigitBits;
    }
  }
  result.Normalize();
  return result;
}

BigInt BigInt::FromDouble(double value) {
  BigInt result;
  double magnitude = std::trunc(std::fabs(value));
  if (!(magnitude >= 1.0)) return result;
  int exponent;
  const double fraction = std::frexp(magnitude, &exponent);  // magnitude = f * 2^e
  // Take the 53-bit mantissa as an integer, then shift it into place.
  const auto mantissa = static_cast<int64_t>(std::ldexp(fraction, 53));
  result = BigInt(mantissa);
  result = exponent >= 53 ? ShiftLeft(result, static_cast<uint64_t>(exponent - 53))
                          : ShiftRight(result, static_cast<uint64_t>(53 - exponent));
  if (value < 0) result = -result;
  return result;
}

std::optional<int64_t> BigInt::ToInt64() const {
  if (digits_.size() > 3) return std::nullopt;
  uint64_t magnitude = 0;
  for (size_t i = digits_.size(); i-- > 0;) {
    if (magnitude >> (64 - kDigitBits) != 0) return std::nullopt;
    magnitude = (magnitude << kDigitBits) | digits_[i];
  }
  if (negative_) {
    if (magnitude > uint64_t{1} << 63) return std::nullopt;
    return static_cast<int64_t>(uint64_t{0} - magnitude);
  }
  if (magnitude >= uint64_t{1} << 63) return std::nullopt;
  return static_cast<int64_t>(magnitude);
}

double BigInt::ToDouble() const {
  long double value = 0;
  for (size_t i = digits_.size(); i-- > 0;) {
    value = value * static_cast<long double>(kBase) + digits_[i];
  }
  const double result = static_cast<double>(value);
  return negative_ ? -result : result;
}

std::string BigInt::ToString() const {
  if (digits_.empty()) return "0";
  std::vector<uint32_t> magnitude = digits_;
  std::vector<uint32_t> chunks;  // base 10^9, least significant first
  while (!magnitude.empty()) {
    // Out of time: the text is incomplete and the caller reports the budget.
    if (!SpendWork(magnitude.size())) break;
    chunks.push_back(DivSmall(&magnitude, 1000000000u));
  }
  if (chunks.empty()) return "";
  std::string text = negative_ ? "-" : "";
  text += std::to_string(chunks.back());
  for (size_t i = chunks.size() - 1; i-- > 0;) {
    std::string part = std::to_string(chunks[i]);
    text.append(9 - part.size(), '0');
    text += part;
  }
  return text;
}

std::string BigInt::MagnitudeInPowerOfTwoBase(int bits_per_char) const {
  if (digits_.empty()) return "0";
  const uint64_t bits = BitLength();
  const uint64_t length = (bits + bits_per_char - 1) / bits_per_char;
  std::string text(length, '0');
  const uint32_t mask = (1u << bits_per_char) - 1;
  for (uint64_t i = 0; i < length; ++i) {
    // Bits [i * bits_per_char, (i + 1) * bits_per_char) of the magnitude,
    // which may straddle two 30-bit digits.
    const uint64_t low = i * bits_per_char;
    const size_t digit = low / kDigitBits;
    const uint32_t shift = low % kDigitBits;
    uint64_t window = digits_[digit];
    if (digit + 1 < digits_.size()) window |= uint64_t{digits_[digit + 1]} << kDigitBits;
    text[length - 1 - i] = "0123456789abcdef"[(window >> shift) & mask];
  }
  return text;
}

int64_t BigInt::Hash() const {
  constexpr uint64_t kModulus = (uint64_t{1} << 61) - 1;
  uint64_t x = 0;
  for (size_t i = digits_.size(); i-- > 0;) {
    x = ((x << kDigitBits) & kModulus) | (x >> (61 - kDigitBits));
    x += digits_[i];
    if (x >= kModulus) x -= kModulus;
  }
  int64_t hash = negative_ ? -static_cast<int64_t>(x) : static_cast<int64_t>(x);
  if (hash == -1) hash = -2;
  return hash;
}

BigInt BigInt::FromWords(const std::vector<uint32_t>& words) {
  BigInt result;
  result.digits_.reserve(words.size() * 32 / kDigitBits + 1);
  uint64_t window = 0;
  int held = 0;
  for (uint32_t word : words) {
    window |= uint64_t{word} << held;
    held += 32;
    while (held >= kDigitBits) {
      result.digits_.push_back(static_cast<uint32_t>(window & kDigitMask));
      window >>= kDigitBits;
      held -= kDigitBits;
    }
  }
  if (held > 0) result.digits_.push_back(static_cast<uint32_t>(window));
  result.Normalize();
  return result;
}

std::vector<uint32_t> BigInt::MagnitudeWords() const {
  std::vector<uint32_t> words((BitLength() + 31) / 32, 0);
  uint64_t bit = 0;
  for (uint32_t digit : digits_) {
    const uint64_t shifted = uint64_t{digit} << (bit % 32);
    words[bit / 32] |= static_cast<uint32_t>(shifted);
    if (bit / 32 + 1 < words.size()) words[bit / 32 + 1] |= static_cast<uint32_t>(shifted >> 32);
    bit += kDigitBits;
  }
  return words;
}

uint64_t BigInt::BitLength() const {
  if (digits_.empty()) return 0;
  return (digits_.size() - 1) * kDigitBits + (32 - __builtin_clz(digits_.back()));
}

BigInt BigInt::operator-() const {
  BigInt result = *this;
  if (!result.digits_.empty()) result.negative_ = !negative_;
  return result;
}

BigInt BigInt::Abs() const {
  BigInt result = *this;
  result.negative_ = false;
  return result;
}

int BigInt::CompareMagnitude(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  for (size_t i = a.size(); i-- > 0;) {
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

int BigInt::Compare(const BigInt& a, const BigInt& b) {
  if (a.negative_ != b.negative_) return a.negative_ ? -1 : 1;
  const int magnitude = CompareMagnitude(a.digits_, b.digits_);
  return a.negative_ ? -magnitude : magnitude;
}

std::vector<uint32_t> BigInt::AddMagnitude(const std::vector<uint32_t>& a,
                                           const std::vector<uint32_t>& b) {
  const std::vector<uint32_t>& longer = a.size() >= b.size() ? a : b;
  const std::vector<uint32_t>& shorter = a.size() >= b.size() ? b : a;
  std::vector<uint32_t> sum(longer.size() + 1);
  uint32_t carry = 0;
  for (size_t i = 0; i < longer.size(); ++i) {
    const uint32_t t = longer[i] + (i < shorter.size() ? shorter[i] : 0) + carry;
    sum[i] = t & kDigitMask;
    carry = t >> kDigitBits;
  }
  sum[longer.size()] = carry;
  if (carry == 0) sum.pop_back();
  return sum;
}

std::vector<uint32_t> BigInt::SubMagnitude(const std::vector<uint32_t>& a,
                                           const std::vector<uint32_t>& b) {
  std::vector<uint32_t> difference(a.size());
  int64_t borrow = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    int64_t t = static_cast<int64_t>(a[i]) - (i < b.size() ? b[i] : 0) - borrow;
    borrow = t < 0 ? 1 : 0;
    if (t < 0) t += static_cast<int64_t>(kBase);
    difference[i] = static_cast<uint32_t>(t);
  }
  while (!difference.empty() && difference.back() == 0) difference.pop_back();
  return difference;
}

std::vector<uint32_t> BigInt::MulMagnitude(const std::vector<uint32_t>& a,
                                           const std::vector<uint32_t>& b) {
  if (a.empty() || b.empty()) return {};
  std::vector<uint64_t> wide(a.size() + b.size() + 1, 0);
  for (size_t i = 0; i < a.size(); ++i) {
    if (!SpendWork(b.size())) return {};  // out of time: the caller reports it
    uint64_t carry = 0;
    for (size_t j = 0; j < b.size(); ++j) {
      const uint64_t t = wide[i + j] + static_cast<uint64_t>(a[i]) * b[j] + carry;
      wide[i + j] = t & kDigitMask;
      carry = t >> kDigitBits;
    }
    size_t k = i + b.size();
    while (carry != 0) {
      const uint64_t t = wide[k] + carry;
      wide[k] = t & kDigitMask;
      carry = t >> kDigitBits;
      ++k;
    }
  }
  std::vector<uint32_t> product(wide.begin(), wide.end());
  while (!product.empty() && product.back() == 0) product.pop_back();
  return product;
}

uint32_t BigInt::DivSmall(std::vector<uint32_t>* magnitude, uint32_t divisor) {
  uint64_t remainder = 0;
  for (size_t i = magnitude->size(); i-- > 0;) {
    const uint64_t t = (remainder << kDigitBits) | (*magnitude)[i];
    (*magnitude)[i] = static_cast<uint32_t>(t / divisor);
    remainder = t % divisor;
  }
  while (!magnitude->empty() && magnitude->back() == 0) magnitude->pop_back();
  return static_cast<uint32_t>(remainder);
}

void BigInt::DivModMagnitude(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b,
                             std::vector<uint32_t>* quotient, std::vector<uint32_t>* remainder) {
  if (CompareMagnitude(a, b) < 0) {
    quotient->clear();
    *remainder = a;
    return;
  }
  if (b.size() == 1) {
    *quotient = a;
    const uint32_t r = DivSmall(quotient, b[0]);
    remainder->clear();
    if (r != 0) remainder->push_back(r);
    return;
  }
  // Knuth's algorithm D on 30-bit digits: normalise so the divisor's top
  // digit has its high bit set, then estimate each quotient digit from the
  // top two digits of the running remainder.
  const int shift = __builtin_clz(b.back()) - (32 - kDigitBits);
  auto shifted = [shift](const std::vector<uint32_t>& v, bool extra) {
    std::vector<uint32_t> out(v.size() + (extra ? 1 : 0), 0);
    uint32_t carry = 0;
    for (size_t i = 0; i < v.size(); ++i) {
      const uint64_t t = (static_cast<uint64_t>(v[i]) << shift) | carry;
      out[i] = static_cast<uint32_t>(t & kDigitMask);
      carry = static_cast<uint32_t>(t >> kDigitBits);
    }
    if (extra) out[v.size()] = carry;
    return out;
  };
  std::vector<uint32_t> u = shifted(a, true);
  const std::vector<uint32_t> v = shifted(b, false);
  const size_t n = v.size();
  const size_t m = u.size() - n;
  quotient->assign(m, 0);
  for (size_t j = m; j-- > 0;) {
    if (!SpendWork(n)) break;  // out of time: the caller reports it
    const uint64_t top = (static_cast<uint64_t>(u[j + n]) << kDigitBits) | u[j + n - 1];
    uint64_t qhat = top / v[n - 1];
    uint64_t rhat = top % v[n - 1];
    while (qhat >= kBase ||
           qhat * v[n - 2] > ((rhat << kDigitBits) | u[j + n - 2])) {
      --qhat;
      rhat += v[n - 1];
      if (rhat >= kBase) break;
    }
    // u[j..j+n] -= qhat * v
    int64_t borrow = 0;
    uint64_t carry = 0;
    for (size_t i = 0; i < n; ++i) {
      const uint64_t p = qhat * v[i] + carry;
      carry = p >> kDigitBits;
      int64_t t = static_cast<int64_t>(u[i + j]) - static_cast<int64_t>(p & kDigitMask) - borrow;
      borrow = t < 0 ? 1 : 0;
      if (t < 0) t += static_cast<int64_t>(kBase);
      u[i + j] = static_cast<uint32_t>(t);
    }
    int64_t t = static_cast<int64_t>(u[j + n]) - static_cast<int64_t>(carry) - borrow;
    if (t < 0) {
      // qhat was one too large: add the divisor back.
      u[j + n] = static_cast<uint32_t>(t + static_cast<int64_t>(kBase));
      --qhat;
      uint32_t c = 0;
      for (size_t i = 0; i < n; ++i) {
        const uint32_t s = u[i + j] + v[i] + c;
        u[i + j] = s & kDigitMask;
        c = s >> kDigitBits;
      }
      u[j + n] = (u[j + n] + c) & kDigitMask;
    } else {
      u[j + n] = static_cast<uint32_t>(t);
    }
    (*quotient)[j] = static_cast<uint32_t>(qhat);
  }
  while (!quotient->empty() && quotient->back() == 0) quotient->pop_back();
  // Un-normalise the remainder.
  u.resize(n);
  remainder->assign(n, 0);
  uint32_t carry = 0;
  for (size_t i = n; i-- > 0;) {
    const uint64_t t = (static_cast<uint64_t>(carry) << kDigitBits) | u[i];
    (*remainder)[i] = static_cast<uint32_t>(t >> shift);
    carry = static_cast<uint32_t>(t & ((uint64_t{1} << shift) - 1));
  }
  while (!remainder->empty() && remainder->back() == 0) remainder->pop_back();
}

BigInt operator+(const BigInt& a, const BigInt& b) {
  BigInt result;
  if (a.negative_ == b.negative_) {
    result.digits_ = BigInt::AddMagnitude(a.digits_, b.digits_);
    result.negative_ = a.negative_;
  } else if (BigInt::CompareMagnitude(a.digits_, b.digits_) >= 0) {
    result.digits_ = BigInt::SubMagnitude(a.digits_, b.digits_);
    result.negative_ = a.negative_;
  } else {
    result.digits_ = BigInt::SubMagnitude(b.digits_, a.digits_);
    result.negative_ = b.negative_;
  }
  result.Normalize();
  return result;
}

BigInt operator-(const BigInt& a, const BigInt& b) { return a + (-b); }

BigInt operator*(const BigInt& a, const BigInt& b) {
  BigInt result;
  result.digits_ = BigInt::MulMagnitude(a.digits_, b.digits_);
  result.negative_ = a.negative_ != b.negative_;
  result.Normalize();
  return result;
}

void BigInt::DivMod(const BigInt& a, const BigInt& b, BigInt* quotient, BigInt* remainder) {
  BigInt q, r;
  DivModMagnitude(a.digits_, b.digits_, &q.digits_, &r.digits_);
  q.negative_ = a.negative_ != b.negative_;
  r.negative_ = a.negative_;
  q.Normalize();
  r.Normalize();
  // Python floors: a non-zero remainder takes the divisor's sign.
  if (!r.is_zero() && r.negative_ != b.negative_) {
    q = q - BigInt(1);
    r = r + b;
  }
  if (quotient != nullptr) *quotient = std::move(q);
  if (remainder != nullptr) *remainder = std::move(r);
}

BigInt BigInt::Pow(const BigInt& a, uint64_t exponent) {
  BigInt result(1);
  BigInt base = a;
  while (exponent != 0) {
    if (exponent & 1) result = result * base;
    exponent >>= 1;
    if (!SpendWork(1)) return result;  // out of time: the caller reports it
    if (exponent != 0) base = base * base;
  }
  return result;
}

std::vector<uint32_t> BigInt::TwosComplement(size_t width) const {
  std::vector<uint32_t> out(width, 0);
  std::copy(digits_.begin(), digits_.end(), out.begin());
  if (!negative_) return out;
  uint32_t carry = 1;
  for (uint32_t& d : out) {
    const uint32_t t = (~d & kDigitMask) + carry;
    d = t & kDigitMask;
    carry = t >> kDigitBits;
  }
  return out;
}

BigInt BigInt::FromTwosComplement(std::vector<uint32_t> digits) {
  BigInt result;
  const bool negative = !digits.empty() && (digits.back() >> (kDigitBits - 1)) != 0;
  if (negative) {
    uint32_t carry = 1;
    for (uint32_t& d : digits) {
      const uint32_t t = (~d & kDigitMask) + carry;
      d = t & kDigitMask;
      carry = t >> kDigitBits;
    }
  }
  result.digits_ = std::move(digits);
  result.negative_ = negative;
  result.Normalize();
  return result;
}

namespace {

template <typename Op>
BigInt Bitwise(const BigInt& a, const BigInt& b, Op op,
               std::vector<uint32_t> (BigInt::*twos)(size_t) const,
               BigInt (*from)(std::vector<uint32_t>)) {
  const size_t width = std::max(a.digit_count(), b.digit_count()) + 1;
  std::vector<uint32_t> x = (a.*twos)(width);
  const std::vector<uint32_t> y = (b.*twos)(width);
  for (size_t i = 0; i < width; ++i) x[i] = op(x[i], y[i]) & BigInt::kDigitMask;
  return from(std::move(x));
}

}  // namespace

BigInt BigInt::And(const BigInt& a, const BigInt& b) {
  return Bitwise(a, b, [](uint32_t x, uint32_t y) { return x & y; }, &BigInt::TwosComplement,
                 &BigInt::FromTwosComplement);
}

BigInt BigInt::Or(const BigInt& a, const BigInt& b) {
  return Bitwise(a, b, [](uint32_t x, uint32_t y) { return x | y; }, &BigInt::TwosComplement,
                 &BigInt::FromTwosComplement);
}

BigInt BigInt::Xor(const BigInt& a, const BigInt& b) {
  return Bitwise(a, b, [](uint32_t x, uint32_t y) { return x ^ y; }, &BigInt::TwosComplement,
                 &BigInt::FromTwosComplement);
}

BigInt BigInt::ShiftLeft(const BigInt& a, uint64_t bits) {
  if (a.is_zero()) return a;
  BigInt result;
  result.negative_ = a.negative_;
  const size_t whole = bits / kDigitBits;
  const int part = static_cast<int>(bits % kDigitBits);
  result.digits_.assign(whole, 0);
  uint32_t carry = 0;
  for (uint32_t d : a.digits_) {
    const uint64_t t = (static_cast<uint64_t>(d) << part) | carry;
    result.digits_.push_back(static_cast<uint32_t>(t & kDigitMask));
    carry = static_cast<uint32_t>(t >> kDigitBits);
  }
  if (carry != 0) result.digits_.push_back(carry);
  result.Normalize();
  return result;
}

BigInt BigInt::ShiftRight(const BigInt& a, uint64_t bits) {
  // Python's >> floors: for negatives, -((|a| - 1) >> bits) - 1.
  if (a.negative_) return -ShiftRight(a.Abs() - BigInt(1), bits) - BigInt(1);
  BigInt result;
  const size_t whole = bits / kDigitBits;
  if (whole >= a.digits_.size()) return result;
  const int part = static_cast<int>(bits % kDigitBits);
  for (size_t i = whole; i < a.digits_.size(); ++i) {
    uint64_t t = a.digits_[i] >> part;
    if (i + 1 < a.digits_.size()) t |= (static_cast<uint64_t>(a.digits_[i + 1]) << (kDigitBits - part)) & kDigitMask;
    result.digits_.push_back(static_cast<uint32_t>(t));
  }
  result.Normalize();
  return result;
}

}  // namespace heapsim
