// The MT19937 generator behind CPython's random module (Modules/_randommodule.c
// runs Matsumoto and Nishimura's reference algorithm): seeding from an int by
// init_by_array over the 32-bit words of its absolute value, and the three
// outputs random.py builds on (32-bit words, 53-bit floats, k-bit ints).

#ifndef HEAPSIM_SERVER_SCRIPT_MERSENNE_TWISTER_H_
#define HEAPSIM_SERVER_SCRIPT_MERSENNE_TWISTER_H_

#include <array>
#include <cstdint>

#include "server/heap/bigint.h"

namespace heapsim::script {

class MersenneTwister {
 public:
  static constexpr int kStateWords = 624;

  // Seeds as random_seed does for an int: the words of |seed|, least
  // significant first (one zero word for 0), through init_by_array.
  void Seed(const BigInt& seed);

  // The next 32-bit output (genrand_uint32).
  uint32_t NextWord();

  // random.random(): 53 random bits over [0, 1) from two words.
  double NextDouble();

  // getrandbits(k): k random bits, one word per 32 bits, the first word the
  // least significant; the last word keeps its top bits. REQUIRES: k >= 0.
  BigInt NextBits(uint64_t k);

  // The state getstate() exports: the 624 words and the position in them.
  const std::array<uint32_t, kStateWords>& words() const { return state_; }
  int position() const { return index_; }
  // setstate(): REQUIRES 0 <= position <= kStateWords.
  void Restore(const std::array<uint32_t, kStateWords>& words, int position) {
    state_ = words;
    index_ = position;
  }

 private:
  void InitByArray(const uint32_t* key, size_t length);

  std::array<uint32_t, kStateWords> state_{};
  int index_ = kStateWords + 1;
};

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_MERSENNE_TWISTER_H_
