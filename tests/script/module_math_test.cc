// math's conversion of ints to doubles (PyLong_AsDouble's rounding: to
// nearest, ties to even, nullopt past the largest double) and its
// constants.

#include <cmath>
#include <limits>
#include <numbers>
#include <optional>

#include "gtest/gtest.h"
#include "server/heap/bigint.h"
#include "server/script/module_math.h"

namespace heapsim::script {
namespace {

BigInt PowerOfTwo(uint64_t exponent) { return BigInt::ShiftLeft(BigInt(1), exponent); }

TEST(IntToDouble, SmallIntsAreExact) {
  EXPECT_EQ(IntToDouble(BigInt(0)), 0.0);
  EXPECT_EQ(IntToDouble(BigInt(-7)), -7.0);
  EXPECT_EQ(IntToDouble(BigInt(INT64_MAX)), 9223372036854775808.0);
}

TEST(IntToDouble, TiesRoundToEven) {
  // 2**64 + 2**11 lies halfway between 2**64 and 2**64 + 2**12.
  EXPECT_EQ(IntToDouble(PowerOfTwo(64) + PowerOfTwo(11)), std::ldexp(1.0, 64));
  EXPECT_EQ(IntToDouble(PowerOfTwo(64) + PowerOfTwo(11) + BigInt(1)),
            std::ldexp(1.0, 64) + std::ldexp(1.0, 12));
  // 2**64 + 3 * 2**11 lies halfway, rounding up to the even mantissa.
  EXPECT_EQ(IntToDouble(PowerOfTwo(64) + BigInt(3 * 2048)),
            std::ldexp(1.0, 64) + std::ldexp(1.0, 13));
  EXPECT_EQ(IntToDouble(-(PowerOfTwo(70) + PowerOfTwo(17))), -std::ldexp(1.0, 70));
}

TEST(IntToDouble, OverflowPastTheLargestDouble) {
  const BigInt largest = PowerOfTwo(1024) - PowerOfTwo(971);
  EXPECT_EQ(IntToDouble(largest), std::numeric_limits<double>::max());
  EXPECT_EQ(IntToDouble(PowerOfTwo(1024) - PowerOfTwo(970) - BigInt(1)),
            std::numeric_limits<double>::max());
  EXPECT_EQ(IntToDouble(PowerOfTwo(1024) - PowerOfTwo(970)), std::nullopt);
  EXPECT_EQ(IntToDouble(-PowerOfTwo(1024)), std::nullopt);
}

TEST(MathConstant, ValuesAndUnknownNames) {
  EXPECT_EQ(MathConstant("pi"), std::numbers::pi);
  EXPECT_EQ(MathConstant("tau"), 2 * std::numbers::pi);
  EXPECT_TRUE(std::isinf(*MathConstant("inf")));
  EXPECT_TRUE(std::isnan(*MathConstant("nan")));
  EXPECT_EQ(MathConstant("sqrt"), std::nullopt);
}

}  // namespace
}  // namespace heapsim::script
