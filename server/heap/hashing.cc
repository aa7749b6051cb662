#include "server/heap/hashing.h"

#include <cmath>
#include <cstring>

namespace heapsim {

namespace {

constexpr uint64_t kHashModulus = (uint64_t{1} << 61) - 1;
constexpr int kHashBits = 61;

inline uint64_t Rotl(uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

// SipHash with a zero key, `c` compression rounds and `d` finalisation
// rounds, as in CPython's Python/pyhash.c.
uint64_t SipHash(std::string_view data, int c, int d) {
  uint64_t v0 = 0x736f6d6570736575ULL;
  uint64_t v1 = 0x646f72616e646f6dULL;
  uint64_t v2 = 0x6c7967656e657261ULL;
  uint64_t v3 = 0x7465646279746573ULL;
  auto round = [&]() {
    v0 += v1;
    v1 = Rotl(v1, 13);
    v1 ^= v0;
    v0 = Rotl(v0, 32);
    v2 += v3;
    v3 = Rotl(v3, 16);
    v3 ^= v2;
    v0 += v3;
    v3 = Rotl(v3, 21);
    v3 ^= v0;
    v2 += v1;
    v1 = Rotl(v1, 17);
    v1 ^= v2;
    v2 = Rotl(v2, 32);
  };
  const size_t size = data.size();
  uint64_t b = static_cast<uint64_t>(size) << 56;
  size_t pos = 0;
  for (; pos + 8 <= size; pos += 8) {
    uint64_t m;
    std::memcpy(&m, data.data() + pos, 8);  // little-endian host
    v3 ^= m;
    for (int i = 0; i < c; ++i) round();
    v0 ^= m;
  }
  uint64_t t = 0;
  for (size_t i = 0; pos + i < size; ++i) {
    t |= static_cast<uint64_t>(static_cast<uint8_t>(data[pos + i])) << (8 * i);
  }
  b |= t;
  v3 ^= b;
  for (int i = 0; i < c; ++i) round();
  v0 ^= b;
  v2 ^= 0xff;
  for (int i = 0; i < d; ++i) round();
  return (v0 ^ v1) ^ (v2 ^ v3);
}

}  // namespace

int64_t HashBytes(std::string_view bytes, bool siphash13) {
  if (bytes.empty()) return 0;
  const auto hash = static_cast<int64_t>(siphash13 ? SipHash(bytes, 1, 3) : SipHash(bytes, 2, 4));
  return hash == -1 ? -2 : hash;
}

int64_t HashStr(std::string_view utf8, StrKind kind, bool siphash13) {
  const uint32_t width = CharWidth(kind);
  if (width == 1 && kind == StrKind::kAscii) return HashBytes(utf8, siphash13);
  std::string units;
  for (char32_t cp : DecodeUtf8(utf8)) {
    for (uint32_t i = 0; i < width; ++i) units.push_back(static_cast<char>((cp >> (8 * i)) & 0xff));
  }
  return HashBytes(units, siphash13);
}

int64_t HashDouble(double value, int64_t nan_hash) {
  if (std::isinf(value)) return value > 0 ? 314159 : -314159;
  if (std::isnan(value)) return nan_hash;
  int e;
  double m = std::frexp(value, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  uint64_t x = 0;
  while (m != 0) {
    x = ((x << 28) & kHashModulus) | x >> (kHashBits - 28);
    m *= 268435456.0;  // 2**28
    e -= 28;
    const auto y = static_cast<uint64_t>(m);
    m -= static_cast<double>(y);
    x += y;
    if (x >= kHashModulus) x -= kHashModulus;
  }
  e = e >= 0 ? e % kHashBits : kHashBits - 1 - ((-1 - e) % kHashBits);
  x = ((x << e) & kHashModulus) | x >> (kHashBits - e);
  int64_t hash = static_cast<int64_t>(x) * sign;
  return hash == -1 ? -2 : hash;
}

int64_t HashPointer(uint64_t address) {
  const uint64_t y = (address >> 4) | (address << 60);
  const auto hash = static_cast<int64_t>(y);
  return hash == -1 ? -2 : hash;
}

int64_t HashTuple(const std::vector<int64_t>& item_hashes) {
  constexpr uint64_t kPrime1 = 11400714785074694791ULL;
  constexpr uint64_t kPrime2 = 14029467366897019727ULL;
  constexpr uint64_t kPrime5 = 2870177450012600261ULL;
  uint64_t acc = kPrime5;
  for (int64_t h : item_hashes) {
    acc += static_cast<uint64_t>(h) * kPrime2;
    acc = Rotl(acc, 31);
    acc *= kPrime1;
  }
  acc += item_hashes.size() ^ (kPrime5 ^ 3527539UL);
  if (acc == static_cast<uint64_t>(-1)) return 1546275796;
  return static_cast<int64_t>(acc);
}

int64_t HashComplex(double real, double imag, int64_t nan_hash) {
  const uint64_t hash_real = static_cast<uint64_t>(HashDouble(real, nan_hash));
  const uint64_t hash_imag = static_cast<uint64_t>(HashDouble(imag, nan_hash));
  const uint64_t combined = hash_real + 1000003ULL * hash_imag;
  const auto hash = static_cast<int64_t>(combined);
  return hash == -1 ? -2 : hash;
}

}  // namespace heapsim
