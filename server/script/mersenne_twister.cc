#include "server/script/mersenne_twister.h"

#include <algorithm>
#include <vector>

namespace heapsim::script {

namespace {

constexpr int kN = MersenneTwister::kStateWords;
constexpr int kM = 397;
constexpr uint32_t kMatrixA = 0x9908b0dfU;
constexpr uint32_t kUpperMask = 0x80000000U;
constexpr uint32_t kLowerMask = 0x7fffffffU;

}  // namespace

void MersenneTwister::InitByArray(const uint32_t* key, size_t length) {
  state_[0] = 19650218U;
  for (int i = 1; i < kN; ++i) {
    state_[i] = 1812433253U * (state_[i - 1] ^ (state_[i - 1] >> 30)) + static_cast<uint32_t>(i);
  }
  size_t i = 1;
  size_t j = 0;
  for (size_t k = std::max<size_t>(kN, length); k > 0; --k) {
    state_[i] = (state_[i] ^ ((state_[i - 1] ^ (state_[i - 1] >> 30)) * 1664525U)) + key[j] +
                static_cast<uint32_t>(j);
    ++i;
    ++j;
    if (i >= kN) {
      state_[0] = state_[kN - 1];
      i = 1;
    }
    if (j >= length) j = 0;
  }
  for (size_t k = kN - 1; k > 0; --k) {
    state_[i] = (state_[i] ^ ((state_[i - 1] ^ (state_[i - 1] >> 30)) * 1566083941U)) -
                static_cast<uint32_t>(i);
    ++i;
    if (i >= kN) {
      state_[0] = state_[kN - 1];
      i = 1;
    }
  }
  state_[0] = 0x80000000U;
  index_ = kN;
}

void MersenneTwister::Seed(const BigInt& seed) {
  std::vector<uint32_t> key = seed.MagnitudeWords();
  if (key.empty()) key.push_back(0);
  InitByArray(key.data(), key.size());
}

uint32_t MersenneTwister::NextWord() {
  if (index_ >= kN) {
    int k = 0;
    for (; k < kN - kM; ++k) {
      const uint32_t y = (state_[k] & kUpperMask) | (state_[k + 1] & kLowerMask);
      state_[k] = state_[k + kM] ^ (y >> 1) ^ ((y & 1U) != 0 ? kMatrixA : 0U);
    }
    for (; k < kN - 1; ++k) {
      const uint32_t y = (state_[k] & kUpperMask) | (state_[k + 1] & kLowerMask);
      state_[k] = state_[k + (kM - kN)] ^ (y >> 1) ^ ((y & 1U) != 0 ? kMatrixA : 0U);
    }
    const uint32_t y = (state_[kN - 1] & kUpperMask) | (state_[0] & kLowerMask);
    state_[kN - 1] = state_[kM - 1] ^ (y >> 1) ^ ((y & 1U) != 0 ? kMatrixA : 0U);
    index_ = 0;
  }
  uint32_t y = state_[index_++];
  y ^= (y >> 11);
  y ^= (y << 7) & 0x9d2c5680U;
  y ^= (y << 15) & 0xefc60000U;
  y ^= (y >> 18);
  return y;
}

double MersenneTwister::NextDouble() {
  const uint32_t a = NextWord() >> 5;
  const uint32_t b = NextWord() >> 6;
  return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

BigInt MersenneTwister::NextBits(uint64_t k) {
  if (k <= 32) return BigInt(k == 0 ? 0 : static_cast<int64_t>(NextWord() >> (32 - k)));
  std::vector<uint32_t> words((k - 1) / 32 + 1);
  uint64_t left = k;
  for (uint32_t& word : words) {
    word = NextWord();
    if (left < 32) word >>= (32 - left);
    left = left > 32 ? left - 32 : 0;
  }
  return BigInt::FromWords(words);
}

}  // namespace heapsim::script
