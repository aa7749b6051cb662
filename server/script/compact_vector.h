// CompactVector<T>: a growable array of T in the space of one pointer.
//
// The parse tree has a node for almost every token, and each node kind
// carries several lists of which most are empty (a name has no operands, an
// assignment no handlers or decorators). A std::vector costs 24 bytes empty;
// a CompactVector costs 8, keeping its size and capacity at the start of
// its heap block, so an empty one owns no memory at all.
//
// The interface is std::vector's subset the tree uses: element access,
// iteration, appending, popping, inserting and erasing one element,
// resizing. Elements must be movable; a CompactVector itself is movable and
// not copyable. Iterators and references are invalidated as std::vector's
// are (by any growth, or by a change before them).

#ifndef HEAPSIM_SERVER_SCRIPT_COMPACT_VECTOR_H_
#define HEAPSIM_SERVER_SCRIPT_COMPACT_VECTOR_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <stdexcept>
#include <utility>


namespace heapsim::script {

template <typename T>
class CompactVector {
 public:
  using value_type = T;
  using iterator = T*;
  using const_iterator = const T*;

  CompactVector() = default;
  CompactVector(CompactVector&& other) noexcept : block_(std::exchange(other.block_, nullptr)) {}
  CompactVector& operator=(CompactVector&& other) noexcept {
    if (this != &other) {
      Release();
      block_ = std::exchange(other.block_, nullptr);
    }
    return *this;
  }
  CompactVector(const CompactVector&) = delete;
  CompactVector& operator=(const CompactVector&) = delete;
  ~CompactVector() { Release(); }

  size_t size() const { return block_ == nullptr ? 0 : block_->size; }
  bool empty() const { return size() == 0; }
  T* data() { return block_ == nullptr ? nullptr : Items(); }
  const T* data() const { return block_ == nullptr ? nullptr : Items(); }

  T* begin() { return data(); }
  T* end() { return data() + size(); }
  const T* begin() const { return data(); }
  const T* end() const { return data() + size(); }

  // Element access; `i` must be below size() (and the vector not empty
  // for front() and back()).
  T& operator[](size_t i) { return Items()[i]; }
  const T& operator[](size_t i) const { return Items()[i]; }
  T& front() { return Items()[0]; }
  const T& front() const { return Items()[0]; }
  T& back() { return Items()[block_->size - 1]; }
  const T& back() const { return Items()[block_->size - 1]; }

  // Appends a T made from `args` and returns it.
  template <typename... Args>
  T& emplace_back(Args&&... args) {
    if (block_ == nullptr || block_->size == block_->capacity) Grow(size() + 1);
    T* slot = Items() + block_->size;
    ::new (static_cast<void*>(slot)) T(std::forward<Args>(args)...);
    ++block_->size;
    return *slot;
  }
  void push_back(T&& item) { emplace_back(std::move(item)); }
  void push_back(const T& item) { emplace_back(item); }

  // Removes the last element; the vector must not be empty.
  void pop_back() {
    --block_->size;
    std::destroy_at(Items() + block_->size);
  }

  // Destroys every element; keeps the block for reuse.
  void clear() {
    if (block_ == nullptr) return;
    std::destroy_n(Items(), block_->size);
    block_->size = 0;
  }

  // Makes room for `capacity` elements without changing the size.
  void reserve(size_t capacity) {
    if (capacity > Capacity()) Grow(capacity);
  }

  // Shrinks to `count` elements, or grows with value-initialised ones.
  void resize(size_t count) {
    while (size() > count) pop_back();
    reserve(count);
    while (size() < count) emplace_back();
  }

  // Inserts `item` before `position` and returns where it now is.
  T* insert(const T* position, T item) {
    const size_t index = static_cast<size_t>(position - begin());
    emplace_back(std::move(item));
    std::rotate(begin() + index, end() - 1, end());
    return begin() + index;
  }

  // Removes the element at `position` and returns the one after it.
  T* erase(const T* position) {
    const size_t index = static_cast<size_t>(position - begin());
    std::move(begin() + index + 1, end(), begin() + index);
    pop_back();
    return begin() + index;
  }

 private:
  // The heap block: this header, then `capacity` slots of which the first
  // `size` hold elements.
  struct Header {
    uint32_t size;
    uint32_t capacity;
  };
  static_assert(alignof(T) <= __STDCPP_DEFAULT_NEW_ALIGNMENT__);
  static constexpr size_t kItemsOffset =
      (sizeof(Header) + alignof(T) - 1) / alignof(T) * alignof(T);

  T* Items() const {
    return std::launder(reinterpret_cast<T*>(reinterpret_cast<char*>(block_) + kItemsOffset));
  }
  size_t Capacity() const { return block_ == nullptr ? 0 : block_->capacity; }

  // Moves the elements to a new block with room for at least
  // `min_capacity` (doubling, from 4) and frees the old one.
  void Grow(size_t min_capacity) {
    if (min_capacity > UINT32_MAX / 2) throw std::length_error("CompactVector too large");
    const size_t capacity = std::max<size_t>({min_capacity, Capacity() * 2, 4});
    auto* grown = static_cast<Header*>(::operator new(kItemsOffset + capacity * sizeof(T)));
    grown->size = 0;
    grown->capacity = static_cast<uint32_t>(capacity);
    if (block_ != nullptr) {
      T* to = reinterpret_cast<T*>(reinterpret_cast<char*>(grown) + kItemsOffset);
      std::uninitialized_move_n(Items(), block_->size, to);
      grown->size = block_->size;
      Release();
    }
    block_ = grown;
  }

  // Destroys the elements and frees the block.
  void Release() {
    if (block_ == nullptr) return;
    std::destroy_n(Items(), block_->size);
    ::operator delete(block_);
    block_ = nullptr;
  }

  Header* block_ = nullptr;
};

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_COMPACT_VECTOR_H_
