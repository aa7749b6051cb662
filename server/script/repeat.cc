#include "server/script/repeat.h"

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "server/heap/budget.h"
#include "server/heap/bytes_object.h"
#include "server/heap/int_object.h"
#include "server/heap/list_object.h"
#include "server/heap/py_error.h"
#include "server/heap/str_object.h"
#include "server/heap/tuple_object.h"
#include "server/heap/value_ops.h"

namespace heapsim::script {

namespace {

constexpr uint64_t kMaxSsize = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());

// `unit` repeated `count` times into `out` by doubling copies (as CPython
// does), spending the copied length from the budget. False when the budget
// ran out (the result is then incomplete).
template <typename Sequence>
bool RepeatInto(const Sequence& unit, uint64_t count, Sequence* out) {
  if (count == 0 || unit.empty()) return true;
  const size_t total = unit.size() * count;
  out->reserve(total);
  out->insert(out->end(), unit.begin(), unit.end());
  while (out->size() < total) {
    const size_t copy = std::min(out->size(), total - out->size());
    if (!SpendWork(copy)) return false;
    out->insert(out->end(), out->begin(), out->begin() + static_cast<ptrdiff_t>(copy));
  }
  return true;
}

}  // namespace

absl::StatusOr<Ref> RepeatSequence(Heap& heap, ObjectId sequence, ObjectId count_object,
                                   bool in_place) {
  const std::optional<int64_t> maybe_count = IntAsInt64(heap, count_object);
  if (!maybe_count) {
    return PyError(PyExc::kOverflowError, "cannot fit 'int' into an index-sized integer");
  }
  const uint64_t count = *maybe_count < 0 ? 0 : static_cast<uint64_t>(*maybe_count);
  const TypeTag type = heap.type_of(sequence);
  const uint64_t length = static_cast<uint64_t>(Length(heap, sequence));
  if (length > 0 && count > kMaxSsize / length) {
    if (type == TypeTag::kStr) return PyError(PyExc::kOverflowError, "repeated string is too long");
    if (type == TypeTag::kBytes) return PyError(PyExc::kOverflowError, "repeated bytes are too long");
    return PyError(PyExc::kMemoryError, "");
  }
  // The result's size in the simulated heap and in the host's.
  const bool holds_references = type == TypeTag::kList || type == TypeTag::kTuple;
  const uint64_t unit_bytes = type == TypeTag::kStr ? StrText(heap, sequence).size()
                              : holds_references    ? length * sizeof(ObjectId)
                                                    : length;
  if (unit_bytes > 0 && count > kMaxSsize / unit_bytes / 2) return PyError(PyExc::kMemoryError, "");
  const uint64_t simulated = holds_references ? length * count * 8 : unit_bytes * count;
  if (absl::Status s = CheckGrowth(heap, simulated, unit_bytes * count); !s.ok()) return s;

  switch (type) {
    case TypeTag::kStr: {
      if (count == 1) return heap.NewRef(sequence);
      std::string text;
      if (!RepeatInto(StrText(heap, sequence), count, &text)) return BudgetStatus();
      return NewStr(heap, text);
    }
    case TypeTag::kBytes: {
      if (count == 1) return heap.NewRef(sequence);
      std::string data;
      if (!RepeatInto(BytesData(heap, sequence), count, &data)) return BudgetStatus();
      return NewBytes(heap, data);
    }
    case TypeTag::kByteArray: {
      std::string data;
      if (!RepeatInto(BytesData(heap, sequence), count, &data)) {
        return BudgetStatus();
      }
      if (in_place) {
        if (data.size() != BytesData(heap, sequence).size()) {
          if (absl::Status s = ByteArrayCanResize(heap, sequence); !s.ok()) return s;
        }
        ByteArrayResize(heap, sequence, data.size());
        heap.bytes(sequence).data = data;
        return heap.NewRef(sequence);
      }
      return NewByteArray(heap, data);
    }
    case TypeTag::kList: {
      std::vector<ObjectId> items;
      const std::vector<ObjectId>& source = ListItems(heap, sequence);
      if (!RepeatInto(source, count, &items)) return BudgetStatus();
      if (in_place) {
        if (items.empty()) {
          ListClear(heap, sequence);
        } else {
          const uint64_t extra = items.size() - source.size();
          std::vector<ObjectId> added(items.begin() + static_cast<int64_t>(source.size()),
                                      items.end());
          ListResize(heap, sequence, source.size() + extra);
          for (ObjectId item : added) heap.IncRef(item);
          auto& target = heap.list(sequence).items;
          target.insert(target.end(), added.begin(), added.end());
        }
        return heap.NewRef(sequence);
      }
      return NewListOf(heap, items);
    }
    case TypeTag::kTuple: {
      if (count == 1 && IsExactTuple(heap, sequence)) return heap.NewRef(sequence);
      std::vector<ObjectId> items;
      if (!RepeatInto(TupleItems(heap, sequence), count, &items)) {
        return BudgetStatus();
      }
      return NewTupleOf(heap, items);
    }
    default:
      return absl::InternalError("not a sequence");
  }
}

}  // namespace heapsim::script
