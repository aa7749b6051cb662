// random's generator against CPython's outputs for the same seeds
// (measured with random.Random(seed) on 3.12; every version agrees).

#include "server/script/mersenne_twister.h"

#include <cstdint>
#include <vector>

#include "gtest/gtest.h"
#include "server/heap/bigint.h"

namespace heapsim::script {
namespace {

MersenneTwister Seeded(const BigInt& seed) {
  MersenneTwister generator;
  generator.Seed(seed);
  return generator;
}

TEST(MersenneTwister, FloatsAndBitsMatchCPython) {
  MersenneTwister generator = Seeded(BigInt(5));
  EXPECT_EQ(generator.NextDouble(), 0.6229016948897019);
  EXPECT_EQ(generator.NextBits(70).ToString(), "928951016526329528473");
  EXPECT_EQ(generator.NextBits(32).ToString(), "2965446622");
  EXPECT_EQ(generator.NextBits(1).ToString(), "1");
  EXPECT_EQ(generator.NextBits(0).ToString(), "0");
}

TEST(MersenneTwister, SeedsUseEveryWordOfTheMagnitude) {
  EXPECT_EQ(Seeded(BigInt(0)).NextWord(), 3626764237u);
  const BigInt two_words = BigInt::ShiftLeft(BigInt(1), 32) + BigInt(1);
  EXPECT_EQ(Seeded(two_words).NextWord(), 991850117u);
  EXPECT_EQ(Seeded(-two_words).NextWord(), 991850117u);  // the sign is dropped
}

TEST(MersenneTwister, StateAfterSeedingAndRegeneration) {
  const MersenneTwister seeded = Seeded(BigInt(5));
  EXPECT_EQ(seeded.words()[0], 2147483648u);
  EXPECT_EQ(seeded.words()[1], 2796186638u);
  EXPECT_EQ(seeded.words()[623], 957143377u);
  EXPECT_EQ(seeded.position(), 624);
  MersenneTwister generator = Seeded(BigInt(12345));
  for (int i = 0; i < 700; ++i) generator.NextWord();
  EXPECT_EQ(generator.NextWord(), 2438648334u);
  EXPECT_EQ(generator.position(), 77);
}

TEST(MersenneTwister, RestoreReplaysTheSequence) {
  MersenneTwister generator = Seeded(BigInt(99));
  const auto words = generator.words();
  const int position = generator.position();
  const double first = generator.NextDouble();
  generator.Restore(words, position);
  EXPECT_EQ(generator.NextDouble(), first);
}

TEST(BigIntWords, RoundTripThroughThirtyTwoBitWords) {
  const std::vector<uint32_t> words = {0xffffffffu, 0x12345678u, 0x1u};
  const BigInt value = BigInt::FromWords(words);
  EXPECT_EQ(value.ToString(), "19758512542872240127");
  EXPECT_EQ(value.MagnitudeWords(), words);
  EXPECT_TRUE(BigInt::FromWords({0u, 0u}).is_zero());
  EXPECT_TRUE(BigInt(0).MagnitudeWords().empty());
}

}  // namespace
}  // namespace heapsim::script
