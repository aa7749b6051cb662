#include "server/script/list_sort.h"

#include <algorithm>
#include <cmath>

#include "server/heap/float_object.h"
#include "server/heap/value_ops.h"

namespace heapsim::script {

namespace {

// Timsort's minimum run length: the whole list below 64 items.
constexpr size_t kMinMerge = 64;

class SmallSort {
 public:
  SmallSort(const Heap& heap, const std::vector<ObjectId>& keys, std::vector<size_t>& order,
            const SortLess& less)
      : heap_(heap), keys_(keys), order_(order), less_(less) {}

  absl::Status Run() {
    if (order_.size() < 2) return absl::OkStatus();
    size_t run = heap_.profile().sort_runs_keep_equal_descending ? CountRunRelaxed()
                                                                 : CountRunStrict();
    if (!error_.ok()) return error_;
    BinaryInsert(run);
    return error_;
  }

 private:
  // keys[order[a]] < keys[order[b]]; false once a comparison has failed.
  bool Less(size_t a, size_t b) {
    if (!error_.ok()) return false;
    absl::StatusOr<bool> less = less_(keys_[order_[a]], keys_[order_[b]]);
    if (!less.ok()) {
      error_ = less.status();
      return false;
    }
    return *less;
  }

  void Reverse(size_t begin, size_t end) {
    std::reverse(order_.begin() + static_cast<ptrdiff_t>(begin),
                 order_.begin() + static_cast<ptrdiff_t>(end));
  }

  // 3.8 to 3.12: an ascending (never decreasing) run, or a strictly
  // descending one, reversed.
  size_t CountRunStrict() {
    const size_t size = order_.size();
    size_t n = 2;
    if (Less(1, 0)) {
      while (n < size && Less(n, n - 1)) ++n;
      if (error_.ok()) Reverse(0, n);
      return n;
    }
    while (n < size && !Less(n, n - 1)) ++n;
    return n;
  }

  // 3.13: a descending run may hold blocks of equal items (neither is less),
  // which keep their order; after its reversal, an ascending tail extends it.
  size_t CountRunRelaxed() {
    const size_t size = order_.size();
    size_t n = 1;
    while (n < size && !Less(n, n - 1)) ++n;
    if (!error_.ok() || n == size) return n;
    if (n > 1) {
      if (Less(0, n - 1)) return n;
      Reverse(0, n);  // all equal so far
    }
    ++n;
    size_t equal = 0;
    auto reverse_equal_block = [&]() {
      if (equal == 0) return;
      Reverse(n - equal - 1, n);
      equal = 0;
    };
    for (; n < size; ++n) {
      if (Less(n, n - 1)) {
        reverse_equal_block();
      } else if (Less(n - 1, n)) {
        break;
      } else {
        ++equal;
      }
    }
    if (!error_.ok()) return n;
    reverse_equal_block();
    Reverse(0, n);
    while (n < size && !Less(n, n - 1)) ++n;
    return n;
  }

  // Inserts each item from `sorted` on into the sorted prefix, after every
  // item it is not less than.
  void BinaryInsert(size_t sorted) {
    for (size_t next = sorted; next < order_.size() && error_.ok(); ++next) {
      size_t low = 0;
      size_t high = next;
      const size_t pivot = order_[next];
      while (low < high) {
        const size_t middle = (low + high) >> 1;
        // Compare the pivot (still at `next`) with the middle item.
        if (Less(next, middle)) {
          high = middle;
        } else {
          low = middle + 1;
        }
        if (!error_.ok()) return;
      }
      order_.erase(order_.begin() + static_cast<ptrdiff_t>(next));
      order_.insert(order_.begin() + static_cast<ptrdiff_t>(low), pivot);
    }
  }

  const Heap& heap_;
  const std::vector<ObjectId>& keys_;
  std::vector<size_t>& order_;
  const SortLess& less_;
  absl::Status error_;
};

// True when `<` on these keys is a total order, so that any stable sort
// gives CPython's result.
bool TotallyOrdered(const Heap& heap, const std::vector<ObjectId>& keys) {
  auto all = [&](auto predicate) { return std::all_of(keys.begin(), keys.end(), predicate); };
  return all([&](ObjectId key) {
           const TypeTag type = heap.type_of(key);
           if (type == TypeTag::kFloat) return !std::isnan(FloatValue(heap, key));
           return type == TypeTag::kInt || type == TypeTag::kBool;
         }) ||
         all([&](ObjectId key) { return heap.type_of(key) == TypeTag::kStr; }) ||
         all([&](ObjectId key) { return heap.type_of(key) == TypeTag::kBytes; });
}

}  // namespace

absl::Status SortAsCPython(const Heap& heap, const std::vector<ObjectId>& keys,
                           std::vector<size_t>* order) {
  return SortAsCPython(heap, keys, order,
                       [&heap](ObjectId a, ObjectId b) { return Less(heap, a, b); });
}

absl::Status SortAsCPython(const Heap& heap, const std::vector<ObjectId>& keys,
                           std::vector<size_t>* order, const SortLess& less) {
  if (order->size() < kMinMerge) return SmallSort(heap, keys, *order, less).Run();
  if (!TotallyOrdered(heap, keys)) {
    return absl::UnimplementedError(
        "sorting 64 or more items that are not all numbers (without NaN), all str or all bytes");
  }
  // Less fails only when the call's budget runs out (budget.h); the sort
  // then winds down without comparing and reports it.
  absl::Status error;
  std::stable_sort(order->begin(), order->end(), [&](size_t a, size_t b) {
    if (!error.ok()) return false;
    absl::StatusOr<bool> less = Less(heap, keys[a], keys[b]);
    if (!less.ok()) {
      error = less.status();
      return false;
    }
    return *less;
  });
  return error;
}

}  // namespace heapsim::script
