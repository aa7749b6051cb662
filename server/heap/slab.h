// Slab<T> stores the variable-size bodies of one object type, indexed by the
// Object::payload of their owners. Released slots are reused last-in
// first-out, so the host footprint follows the live population.

#ifndef HEAPSIM_SERVER_HEAP_SLAB_H_
#define HEAPSIM_SERVER_HEAP_SLAB_H_

#include <cstdint>
#include <utility>
#include <vector>

namespace heapsim {

template <typename T>
class Slab {
 public:
  // Stores `value` and returns its index.
  uint32_t Add(T value) {
    if (!free_.empty()) {
      const uint32_t index = free_.back();
      free_.pop_back();
      items_[index] = std::move(value);
      live_[index] = true;
      return index;
    }
    items_.push_back(std::move(value));
    live_.push_back(true);
    return static_cast<uint32_t>(items_.size() - 1);
  }

  // Destroys the body at `index` (releasing its host memory) and recycles
  // the slot. REQUIRES: `index` is in use.
  void Remove(uint32_t index) {
    items_[index] = T();
    live_[index] = false;
    free_.push_back(index);
  }

  // Calls `visit(body)` for every stored body.
  template <typename Visitor>
  void ForEach(Visitor&& visit) const {
    for (size_t i = 0; i < items_.size(); ++i) {
      if (live_[i]) visit(items_[i]);
    }
  }

  T& operator[](uint32_t index) { return items_[index]; }
  const T& operator[](uint32_t index) const { return items_[index]; }

  size_t live() const { return items_.size() - free_.size(); }

 private:
  std::vector<T> items_;
  std::vector<bool> live_;
  std::vector<uint32_t> free_;
};

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_SLAB_H_
