// Subscription: reading, writing and deleting container[key] and slices.

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "server/heap/weak_container_object.h"
#include "server/heap/array_object.h"
#include "server/heap/bytes_object.h"
#include "server/heap/counter_object.h"
#include "server/heap/defaultdict_object.h"
#include "server/heap/dict_object.h"
#include "server/heap/int_object.h"
#include "server/heap/iterator_object.h"
#include "server/heap/list_object.h"
#include "server/heap/mappingproxy_object.h"
#include "server/heap/memoryview_object.h"
#include "server/heap/ordereddict_object.h"
#include "server/heap/py_error.h"
#include "server/heap/range_object.h"
#include "server/heap/str_object.h"
#include "server/heap/tuple_object.h"
#include "server/heap/value_ops.h"
#include "server/heap/weakref_object.h"
#include "server/script/builtins.h"
#include "server/script/interpreter.h"
#include "server/script/tracemalloc_objects.h"
#include "server/script/special_methods.h"

namespace heapsim::script {

namespace {

// slice.indices(length) for parts that are None or ints.
struct SliceBounds {
  int64_t start = 0;
  int64_t stop = 0;
  int64_t step = 1;
  int64_t count = 0;
};

absl::StatusOr<SliceBounds> Bounds(const Heap& heap, ObjectId start, ObjectId stop, ObjectId step,
                                   int64_t length) {
  auto value = [&heap](ObjectId id, int64_t* out) -> absl::Status {
    if (id == kNoObject || heap.type_of(id) == TypeTag::kNone) return absl::OkStatus();
    if (!IsIntLike(heap, id)) {
      return PyError(PyExc::kTypeError,
                     "slice indices must be integers or None or have an __index__ method");
    }
    const std::optional<int64_t> v = IntAsInt64(heap, id);
    *out = v ? *v : (IntAsBig(heap, id).is_negative() ? INT64_MIN / 2 : INT64_MAX / 2);
    return absl::OkStatus();
  };
  SliceBounds b;
  int64_t raw_step = 1;
  if (absl::Status s = value(step, &raw_step); !s.ok()) return s;
  if (raw_step == 0) return PyError(PyExc::kValueError, "slice step cannot be zero");
  b.step = raw_step;
  int64_t raw_start = b.step < 0 ? length - 1 : 0;
  int64_t raw_stop = b.step < 0 ? -1 : length;
  const bool start_set = start != kNoObject && heap.type_of(start) != TypeTag::kNone;
  const bool stop_set = stop != kNoObject && heap.type_of(stop) != TypeTag::kNone;
  if (absl::Status s = value(start, &raw_start); !s.ok()) return s;
  if (absl::Status s = value(stop, &raw_stop); !s.ok()) return s;
  auto clamp = [&](int64_t v, bool set, bool is_start) {
    if (!set) return v;
    if (v < 0) {
      v += length;
      if (v < 0) v = b.step < 0 ? -1 : 0;
    } else if (v >= length) {
      v = b.step < 0 ? length - 1 : length;
    }
    (void)is_start;
    return v;
  };
  b.start = clamp(raw_start, start_set, true);
  b.stop = clamp(raw_stop, stop_set, false);
  if (b.step > 0) {
    b.count = b.stop > b.start ? (b.stop - b.start - 1) / b.step + 1 : 0;
  } else {
    b.count = b.stop < b.start ? (b.start - b.stop - 1) / (-b.step) + 1 : 0;
  }
  return b;
}

absl::StatusOr<int64_t> Index(const Heap& heap, ObjectId container, ObjectId key,
                              std::string_view what) {
  if (!IsIntLike(heap, key)) {
    return PyError(PyExc::kTypeError,
                   absl::StrCat(TypeName(heap, container), " indices must be integers",
                                heap.type_of(container) == TypeTag::kTuple ||
                                        heap.type_of(container) == TypeTag::kList ||
                                        heap.type_of(container) == TypeTag::kStr
                                    ? " or slices"
                                    : "",
                                ", not ", TypeName(heap, key)));
  }
  const int64_t length = Length(heap, container);
  std::optional<int64_t> index = IntAsInt64(heap, key);
  const std::string out_of_range =
      absl::StrCat(std::string(what), what.empty() ? "" : " ", "index out of range");
  if (!index) {
    // Only range objects compare a huge index; the others first convert it
    // to a Py_ssize_t.
    const bool is_range = heap.type_of(container) == TypeTag::kRange;
    return PyError(PyExc::kIndexError,
                   is_range ? out_of_range : "cannot fit 'int' into an index-sized integer");
  }
  if (*index < 0) *index += length;
  if (*index < 0 || *index >= length) return PyError(PyExc::kIndexError, out_of_range);
  return *index;
}

// A memoryview's item index (PyNumber_AsSsize_t with IndexError, then
// ptr_from_index); an index through __index__ is not modelled.
absl::StatusOr<int64_t> MemoryViewIndex(const Heap& heap, ObjectId view, ObjectId key) {
  if (!IsIntLike(heap, key)) {
    if (heap.type_of(key) == TypeTag::kInstance) {
      return absl::UnimplementedError("a memoryview index that is an instance");
    }
    return PyError(PyExc::kTypeError, "memoryview: invalid slice key");
  }
  std::optional<int64_t> index = IntAsInt64(heap, key);
  if (!index) return PyError(PyExc::kIndexError, "cannot fit 'int' into an index-sized integer");
  const int64_t length = MemoryViewLength(heap, view);
  if (*index < 0) *index += length;
  if (*index < 0 || *index >= length) {
    return PyError(PyExc::kIndexError, "index out of bounds on dimension 1");
  }
  return *index;
}

std::string SubstringByCodePoints(const std::string& utf8, const SliceBounds& b) {
  const std::u32string chars = DecodeUtf8(utf8);
  std::u32string out;
  for (int64_t i = 0, at = b.start; i < b.count; ++i, at += b.step) out.push_back(chars[at]);
  return EncodeUtf8(out);
}

}  // namespace

Ref Interpreter::MemoryViewGetItem(ObjectId view, ObjectId key) {
  if (MemoryViewReleased(heap_, view)) {
    Raise(ReleasedViewError());
    return Ref();
  }
  if (heap_.type_of(key) == TypeTag::kSlice) {
    const SliceBody& s = heap_.slice(key);
    return MemoryViewGetSlice(view, s.start, s.stop, s.step);
  }
  absl::StatusOr<int64_t> i = MemoryViewIndex(heap_, view, key);
  if (!i.ok()) {
    Raise(i.status());
    return Ref();
  }
  return MemoryViewItem(heap_, view, *i);
}

Ref Interpreter::MemoryViewGetSlice(ObjectId view, ObjectId start, ObjectId stop, ObjectId step) {
  if (MemoryViewReleased(heap_, view)) {
    Raise(ReleasedViewError());
    return Ref();
  }
  absl::StatusOr<SliceBounds> b = Bounds(heap_, start, stop, step, MemoryViewLength(heap_, view));
  if (!b.ok()) {
    Raise(b.status());
    return Ref();
  }
  return NewMemoryViewSlice(heap_, view, b->start, b->step, b->count);
}

bool Interpreter::MemoryViewSetItem(ObjectId view, ObjectId key, ObjectId value) {
  absl::Status status = MemoryViewReleased(heap_, view) ? ReleasedViewError() : absl::OkStatus();
  if (status.ok() && MemoryViewReadOnly(heap_, view)) {
    status = PyError(PyExc::kTypeError, "cannot modify read-only memory");
  } else if (status.ok() && value == kNoObject) {
    status = PyError(PyExc::kTypeError, "cannot delete memory");
  }
  if (!status.ok()) {
    Raise(status);
    return false;
  }
  const ObjectId exporter = MemoryViewExporter(heap_, view);
  if (heap_.type_of(exporter) == TypeTag::kArray) return ArrayViewSetItem(view, key, value);
  if (heap_.type_of(key) == TypeTag::kSlice) {
    // The value must export a buffer, before the slice is looked at.
    std::string data;
    int64_t source_step = 1;
    switch (heap_.type_of(value)) {
      case TypeTag::kBytes:
      case TypeTag::kByteArray:
        data = BytesData(heap_, value);
        break;
      case TypeTag::kMemoryView:
        if (MemoryViewReleased(heap_, value)) {
          Raise(ReleasedViewError());
          return false;
        }
        data = MemoryViewBytes(heap_, value);
        source_step = MemoryViewStep(heap_, value);
        break;
      case TypeTag::kArray:
      case TypeTag::kInstance:
        Refuse(absl::StrCat("assigning a '", TypeName(heap_, value), "' to a memoryview slice"));
        return false;
      default:
        Raise(PyError(PyExc::kTypeError, absl::StrCat("a bytes-like object is required, not '",
                                                      TypeName(heap_, value), "'")));
        return false;
    }
    const SliceBody& s = heap_.slice(key);
    absl::StatusOr<SliceBounds> b =
        Bounds(heap_, s.start, s.stop, s.step, MemoryViewLength(heap_, view));
    if (!b.ok()) {
      Raise(b.status());
      return false;
    }
    if (static_cast<int64_t>(data.size()) != b->count) {
      Raise(PyError(PyExc::kValueError,
                    "memoryview assignment: lvalue and rvalue have different structures"));
      return false;
    }
    if (MemoryViewStep(heap_, view) * b->step != 1 || source_step != 1) {
      // copy_single goes through a scratch buffer of the items.
      if (b->count == 0) {
        Refuse("assigning an empty strided memoryview slice");
        return false;
      }
      heap_.MakeTransientBlock(static_cast<uint64_t>(b->count));
    }
    MemoryViewStore(heap_, view, b->start, b->step, data);
  } else {
    absl::StatusOr<int64_t> i = MemoryViewIndex(heap_, view, key);
    if (!i.ok()) {
      Raise(i.status());
      return false;
    }
    // pack_single for format 'B'.
    if (heap_.type_of(value) == TypeTag::kInstance) {
      Refuse("storing an instance into a memoryview");
      return false;
    }
    if (!IsIntLike(heap_, value)) {
      Raise(PyError(PyExc::kTypeError, "memoryview: invalid type for format 'B'"));
      return false;
    }
    const std::optional<int64_t> byte = IntAsInt64(heap_, value);
    if (!byte || *byte < 0 || *byte > 255) {
      Raise(PyError(PyExc::kValueError, "memoryview: invalid value for format 'B'"));
      return false;
    }
    MemoryViewStore(heap_, view, *i, 1, std::string(1, static_cast<char>(*byte)));
  }
  if (heap_.observed()) heap_.Notify(MutateEvent{MemoryViewExporter(heap_, view), "setitem"});
  return true;
}

bool Interpreter::ArrayViewSetItem(ObjectId view, ObjectId key, ObjectId value) {
  const ObjectId exporter = MemoryViewExporter(heap_, view);
  if (heap_.type_of(key) == TypeTag::kSlice) {
    Refuse("assigning to a slice of a memoryview of an array.array");
    return false;
  }
  absl::StatusOr<int64_t> i = MemoryViewIndex(heap_, view, key);
  if (!i.ok()) {
    Raise(i.status());
    return false;
  }
  // pack_single: a TypeError for a value of another type, a ValueError
  // for one out of the format's range.
  const TypeTag type = heap_.type_of(value);
  if (type == TypeTag::kInstance) {
    Refuse("storing an instance into a memoryview");
    return false;
  }
  const ArrayTypecode code = ArrayTypecodeOf(heap_, exporter);
  const std::string format(1, code.code);
  const bool number = IsIntLike(heap_, value) ||
                      (code.kind == ArrayTypecode::Kind::kFloat && type == TypeTag::kFloat);
  if (!number) {
    Raise(PyError(PyExc::kTypeError,
                  absl::StrCat("memoryview: invalid type for format '", format, "'")));
    return false;
  }
  absl::StatusOr<std::string> raw = ArrayPackItem(heap_, code, value);
  if (!raw.ok()) {
    Raise(PyError(PyExc::kValueError,
                  absl::StrCat("memoryview: invalid value for format '", format, "'")));
    return false;
  }
  ArrayStore(heap_, exporter, MemoryViewOffset(heap_, view, *i) / code.itemsize, *raw);
  if (heap_.observed()) heap_.Notify(MutateEvent{exporter, "setitem"});
  return true;
}

Ref Interpreter::GetSlice(ObjectId container, ObjectId start, ObjectId stop, ObjectId step) {
  const TypeTag type = heap_.type_of(container);
  if (type == TypeTag::kMemoryView) return MemoryViewGetSlice(container, start, stop, step);
  if (type == TypeTag::kInstance || IsWeakProxy(heap_, container) ||
      type == TypeTag::kMappingProxy) {
    // BINARY_SLICE (3.12+) makes the slice object __getitem__ (or the
    // proxy's mp_subscript) receives.
    Ref slice = NewSlice(heap_, start, stop, step);
    return GetItem(container, slice.get());
  }
  const int64_t length = Length(heap_, container);
  if (length < 0 || type == TypeTag::kDict || type == TypeTag::kSet ||
      type == TypeTag::kFrozenSet || type == TypeTag::kDictView) {
    Raise(PyError(PyExc::kTypeError,
                  absl::StrCat("'", TypeName(heap_, container), "' object is not subscriptable")));
    return Ref();
  }
  absl::StatusOr<SliceBounds> bounds = Bounds(heap_, start, stop, step, length);
  if (!bounds.ok()) {
    Raise(bounds.status());
    return Ref();
  }
  const SliceBounds& b = *bounds;
  const bool whole = b.step == 1 && b.count == length;
  switch (type) {
    case TypeTag::kList: {
      std::vector<ObjectId> items;
      const auto& source = ListItems(heap_, container);
      for (int64_t i = 0, at = b.start; i < b.count; ++i, at += b.step) items.push_back(source[at]);
      return NewListOf(heap_, items);
    }
    case TypeTag::kTuple: {
      if (whole && IsExactTuple(heap_, container)) return heap_.NewRef(container);
      std::vector<ObjectId> items;
      const auto& source = TupleItems(heap_, container);
      for (int64_t i = 0, at = b.start; i < b.count; ++i, at += b.step) items.push_back(source[at]);
      return NewTupleOf(heap_, items);
    }
    case TypeTag::kStr: {
      if (whole) return heap_.NewRef(container);
      // A slice with a step fills a new str (even of one character); a
      // plain one is a substring, shared where CPython shares one.
      Ref (*make)(Heap&, std::string_view) = b.step == 1 ? NewStr : NewStrObject;
      const StrBody& body = heap_.str(container);
      if (body.kind == StrKind::kAscii) {
        std::string out;
        for (int64_t i = 0, at = b.start; i < b.count; ++i, at += b.step) out += body.utf8[at];
        return make(heap_, out);
      }
      return make(heap_, SubstringByCodePoints(body.utf8, b));
    }
    case TypeTag::kBytes:
    case TypeTag::kByteArray: {
      if (whole && type == TypeTag::kBytes) return heap_.NewRef(container);
      const std::string& data = BytesData(heap_, container);
      std::string out;
      for (int64_t i = 0, at = b.start; i < b.count; ++i, at += b.step) out += data[at];
      if (type == TypeTag::kByteArray) return NewByteArray(heap_, out);
      return b.step == 1 ? NewBytes(heap_, out) : NewBytesObject(heap_, out);
    }
    case TypeTag::kArray: {
      // array_subscr: a new array of exactly the slice's length.
      const std::string& raw = ArrayRaw(heap_, container);
      const int64_t size = ArrayTypecodeOf(heap_, container).itemsize;
      std::string out;
      for (int64_t i = 0, at = b.start; i < b.count; ++i, at += b.step) {
        out.append(raw, static_cast<size_t>(at * size), static_cast<size_t>(size));
      }
      return NewArray(heap_, ArrayTypecodeOf(heap_, container).code, out);
    }
    case TypeTag::kRange: {
      const RangeBody& r = heap_.range(container);
      const int64_t new_start = r.start + b.start * r.step;
      return NewRangeOfValues(heap_, new_start, new_start + b.count * b.step * r.step,
                              b.step * r.step);
    }
    default:
      Raise(PyError(PyExc::kTypeError, absl::StrCat("'", TypeName(heap_, container),
                                                    "' object is not subscriptable")));
      return Ref();
  }
}

Ref Interpreter::GetItem(ObjectId container, ObjectId key) {
  if (IsWeakProxy(heap_, container)) {
    // proxy_getitem: the referent's item.
    const ObjectId referent = WeakProxyReferent(*this, container);
    return referent == kNoObject ? Ref() : GetItem(referent, key);
  }
  // mappingproxy_getitem: its dict's item.
  if (IsMappingProxy(heap_, container)) return GetItem(ProxiedMapping(heap_, container), key);
  const TypeTag type = heap_.type_of(container);
  if (IsSaturatedRange(heap_, container)) {
    Raise(SaturatedRangeRefusal("indexing"));
    return Ref();
  }
  if (type == TypeTag::kInstance) return SpecialGetItem(*this, container, key);
  if (type == TypeTag::kTraceObject) return TraceObjectGetItem(*this, container, key);
  if (type == TypeTag::kDeque) return DequeGetItem(*this, container, key);
  if (type == TypeTag::kWeakContainer) return WeakContainerGetItem(*this, container, key);
  if (type == TypeTag::kMemoryView) return MemoryViewGetItem(container, key);
  if (heap_.type_of(key) == TypeTag::kSlice && type != TypeTag::kDict) {
    const SliceBody& s = heap_.slice(key);
    return GetSlice(container, s.start, s.stop, s.step);
  }
  switch (type) {
    case TypeTag::kList: {
      absl::StatusOr<int64_t> i = Index(heap_, container, key, "list");
      if (!i.ok()) {
        Raise(i.status());
        return Ref();
      }
      return heap_.NewRef(ListItems(heap_, container)[*i]);
    }
    case TypeTag::kTuple: {
      absl::StatusOr<int64_t> i = Index(heap_, container, key, "tuple");
      if (!i.ok()) {
        Raise(i.status());
        return Ref();
      }
      return heap_.NewRef(TupleItems(heap_, container)[*i]);
    }
    case TypeTag::kStr: {
      absl::StatusOr<int64_t> i = Index(heap_, container, key, "string");
      if (!i.ok()) {
        Raise(i.status());
        return Ref();
      }
      const StrBody& body = heap_.str(container);
      if (body.kind == StrKind::kAscii) return NewStr(heap_, body.utf8.substr(*i, 1));
      std::string ch;
      AppendUtf8(&ch, DecodeUtf8(body.utf8)[*i]);
      return NewStr(heap_, ch);
    }
    case TypeTag::kBytes:
    case TypeTag::kByteArray: {
      absl::StatusOr<int64_t> i =
          Index(heap_, container, key, type == TypeTag::kBytes ? "" : "bytearray");
      if (!i.ok()) {
        Raise(i.status());
        return Ref();
      }
      return NewInt(heap_, static_cast<uint8_t>(BytesData(heap_, container)[*i]));
    }
    case TypeTag::kArray: {
      if (!IsIntLike(heap_, key)) {
        Raise(PyError(PyExc::kTypeError, "array indices must be integers"));
        return Ref();
      }
      absl::StatusOr<int64_t> i = Index(heap_, container, key, "array");
      if (!i.ok()) {
        Raise(i.status());
        return Ref();
      }
      return ArrayItem(heap_, container, *i);
    }
    case TypeTag::kRange: {
      absl::StatusOr<int64_t> i = Index(heap_, container, key, "range object");
      if (!i.ok()) {
        Raise(i.status());
        return Ref();
      }
      return RangeItem(heap_, container, key);
    }
    case TypeTag::kDict: {
      absl::StatusOr<ObjectId> value = DictLookup(heap_, container, key);
      if (!value.ok()) {
        Raise(value.status());
        return Ref();
      }
      if (*value == kNoObject && IsDefaultDict(heap_, container)) {
        return DefaultDictMissing(*this, container, key);
      }
      if (*value == kNoObject && IsCounter(heap_, container)) return CounterMissing(*this);
      if (*value == kNoObject) {
        Raise(KeyErrorFor(heap_, key));
        return Ref();
      }
      return heap_.NewRef(*value);
    }
    default:
      Raise(PyError(PyExc::kTypeError, absl::StrCat("'", TypeName(heap_, container),
                                                    "' object is not subscriptable")));
      return Ref();
  }
}

bool Interpreter::SetItem(ObjectId container, ObjectId key, ObjectId value) {
  if (IsWeakProxy(heap_, container)) {
    const ObjectId referent = WeakProxyReferent(*this, container);
    return referent != kNoObject && SetItem(referent, key, value);
  }
  if (IsMappingProxy(heap_, container)) {
    Raise(PyError(PyExc::kTypeError, "'mappingproxy' object does not support item assignment"));
    return false;
  }
  const TypeTag type = heap_.type_of(container);
  if (type == TypeTag::kInstance) return SpecialSetItem(*this, container, key, value);
  if (type == TypeTag::kArray) return AssignArrayItems(container, key, value);
  if (type == TypeTag::kMemoryView) return MemoryViewSetItem(container, key, value);
  if (type == TypeTag::kDeque) return DequeSetItemAt(*this, container, key, value);
  if (type == TypeTag::kWeakContainer) return WeakContainerSetItem(*this, container, key, value);
  absl::Status status;
  if (type == TypeTag::kList) {
    if (heap_.type_of(key) == TypeTag::kSlice) {
      const SliceBody& s = heap_.slice(key);
      std::vector<Ref> items;
      if (!Collect(value, &items)) return false;
      std::vector<ObjectId> ids;
      for (const Ref& item : items) ids.push_back(item.get());
      absl::StatusOr<SliceBounds> b =
          Bounds(heap_, s.start, s.stop, s.step, Length(heap_, container));
      if (!b.ok()) {
        Raise(b.status());
        return false;
      }
      if (b->step != 1) {
        if (static_cast<int64_t>(ids.size()) != b->count) {
          Raise(PyError(PyExc::kValueError,
                        absl::StrCat("attempt to assign sequence of size ", ids.size(),
                                     " to extended slice of size ", b->count)));
          return false;
        }
        for (int64_t i = 0, at = b->start; i < b->count; ++i, at += b->step) {
          ListSetItem(heap_, container, at, ids[i]).IgnoreError();
        }
      } else {
        const int64_t stop = b->stop < b->start ? b->start : b->stop;
        ListAssignSlice(heap_, container, b->start, stop, ids);
      }
      if (heap_.observed()) heap_.Notify(MutateEvent{container, "setslice"});
      return true;
    }
    absl::StatusOr<int64_t> i = Index(heap_, container, key, "list assignment");
    if (!i.ok()) {
      Raise(i.status());
      return false;
    }
    status = ListSetItem(heap_, container, *i, value);
  } else if (IsOrderedDict(heap_, container)) {
    status = OrderedDictSetItem(heap_, container, key, value);
  } else if (type == TypeTag::kDict) {
    status = DictSetItem(heap_, container, key, value);
  } else if (type == TypeTag::kByteArray && heap_.type_of(key) == TypeTag::kSlice) {
    return AssignByteArraySlice(container, key, value);
  } else if (type == TypeTag::kByteArray) {
    absl::StatusOr<int64_t> i = Index(heap_, container, key, "bytearray");
    const std::optional<int64_t> byte = IsIntLike(heap_, value) ? IntAsInt64(heap_, value)
                                                                 : std::nullopt;
    if (!i.ok()) {
      status = i.status();
    } else if (!byte || *byte < 0 || *byte > 255) {
      status = PyError(PyExc::kValueError, "byte must be in range(0, 256)");
    } else {
      heap_.bytes(container).data[*i] = static_cast<char>(*byte);
    }
  } else {
    status = PyError(PyExc::kTypeError, absl::StrCat("'", TypeName(heap_, container),
                                                     "' object does not support item assignment"));
  }
  if (!status.ok()) {
    Raise(status);
    return false;
  }
  if (heap_.observed()) heap_.Notify(MutateEvent{container, "setitem"});
  return true;
}

bool Interpreter::AssignByteArraySlice(ObjectId container, ObjectId key, ObjectId value) {
  if (value != kNoObject && (value == container || heap_.type_of(value) != TypeTag::kByteArray)) {
    if (IsIntLike(heap_, value) || heap_.type_of(value) == TypeTag::kFloat ||
        heap_.type_of(value) == TypeTag::kComplex || heap_.type_of(value) == TypeTag::kStr) {
      Raise(PyError(PyExc::kTypeError,
                    "can assign only bytes, buffers, or iterables of ints in range(0, 256)"));
      return false;
    }
    // Any other value is copied into a temporary bytearray first, as
    // PyByteArray_FromObject does, and that copy is assigned.
    CallArgs args;
    args.positional.push_back(heap_.NewRef(value));
    Ref copy =
        Call(session_.builtin_objects[static_cast<size_t>(Builtin::kTypeByteArray)], std::move(args));
    if (!copy) return false;
    return AssignByteArraySlice(container, key, copy.get());
  }
  const SliceBody& s = heap_.slice(key);
  absl::StatusOr<SliceBounds> b = Bounds(heap_, s.start, s.stop, s.step, Length(heap_, container));
  if (!b.ok()) {
    Raise(b.status());
    return false;
  }
  const std::string data = value == kNoObject ? std::string() : BytesData(heap_, value);
  // Assigning nothing to an extended slice deletes it, as del does. An
  // exported bytearray keeps its size; an extended deletion checks before
  // it looks at the count.
  const bool delete_extended = b->step != 1 && data.empty();
  const int64_t linear_stop = b->stop < b->start ? b->start : b->stop;
  if ((b->step == 1 ? static_cast<int64_t>(data.size()) != linear_stop - b->start
                    : delete_extended) &&
      !ByteArrayCanResize(heap_, container).ok()) {
    Raise(ByteArrayCanResize(heap_, container));
    return false;
  }
  if (b->step == 1) {
    ByteArraySetSlice(heap_, container, b->start, linear_stop, data);
  } else if (delete_extended) {
    ByteArrayDeleteExtendedSlice(heap_, container, b->start, b->step, b->count);
  } else if (static_cast<int64_t>(data.size()) != b->count) {
    Raise(PyError(PyExc::kValueError,
                  absl::StrCat("attempt to assign bytes of size ", data.size(),
                               " to extended slice of size ", b->count)));
    return false;
  } else {
    std::string& bytes = heap_.bytes(container).data;
    for (int64_t i = 0, at = b->start; i < b->count; ++i, at += b->step) bytes[at] = data[i];
  }
  if (heap_.observed()) {
    heap_.Notify(MutateEvent{container, value == kNoObject ? "delitem" : "setslice"});
  }
  return true;
}

bool Interpreter::AssignArrayItems(ObjectId container, ObjectId key, ObjectId value) {
  const ArrayTypecode type = ArrayTypecodeOf(heap_, container);
  const int64_t length = ArrayLength(heap_, container);
  absl::Status status;
  if (heap_.type_of(key) != TypeTag::kSlice) {
    // array_ass_item: the index first, then the item's conversion.
    if (!IsIntLike(heap_, key)) {
      status = PyError(PyExc::kTypeError, "array indices must be integers");
    } else if (absl::StatusOr<int64_t> i = Index(heap_, container, key, "array assignment");
               !i.ok()) {
      status = i.status();
    } else if (value == kNoObject) {
      status = ArrayReplace(heap_, container, *i, *i + 1, "");
    } else {
      const std::optional<std::string> raw = PackArrayItem(*this, type, value);
      if (!raw) return false;
      ArrayStore(heap_, container, *i, *raw);
      if (heap_.observed()) heap_.Notify(MutateEvent{container, "setitem"});
      return true;
    }
    if (!status.ok()) {
      Raise(status);
      return false;
    }
    if (heap_.observed()) heap_.Notify(MutateEvent{container, "delitem"});
    return true;
  }
  // array_ass_subscr: only an array of the same typecode is assigned.
  if (value != kNoObject && heap_.type_of(value) != TypeTag::kArray) {
    Raise(PyError(PyExc::kTypeError, absl::StrCat("can only assign array (not \"",
                                                  TypeName(heap_, value), "\") to array slice")));
    return false;
  }
  if (value != kNoObject && ArrayTypecodeOf(heap_, value).code != type.code) {
    Raise(PyError(PyExc::kTypeError, "bad argument type for built-in operation"));
    return false;
  }
  const SliceBody& s = heap_.slice(key);
  absl::StatusOr<SliceBounds> b = Bounds(heap_, s.start, s.stop, s.step, length);
  if (!b.ok()) {
    Raise(b.status());
    return false;
  }
  // Assigning an array to a slice of itself copies it first.
  Ref copy = value == container ? NewArray(heap_, type.code, ArrayRaw(heap_, value)) : Ref();
  const std::string data = value == kNoObject ? std::string() : ArrayRaw(heap_, value);
  const int64_t needed = static_cast<int64_t>(data.size() / type.itemsize);
  const int64_t size = type.itemsize;
  if ((needed == 0 || needed != b->count) && heap_.bytes(container).exports > 0) {
    // array_ass_subscr fails early, even for an empty deletion.
    status = PyError(PyExc::kBufferError, "cannot resize an array that is exporting buffers");
  } else if (b->step == 1) {
    const int64_t stop = b->stop < b->start ? b->start : b->stop;
    status = ArrayReplace(heap_, container, b->start, stop, data);
  } else if (needed == 0) {
    std::string raw = ArrayRaw(heap_, container);
    std::vector<bool> doomed(static_cast<size_t>(length), false);
    for (int64_t i = 0, at = b->start; i < b->count; ++i, at += b->step) doomed[at] = true;
    std::string kept;
    for (int64_t i = 0; i < length; ++i) {
      if (!doomed[i]) kept.append(raw, static_cast<size_t>(i * size), static_cast<size_t>(size));
    }
    status = ArrayReplace(heap_, container, 0, static_cast<uint64_t>(length), kept);
  } else if (needed != b->count) {
    status = PyError(PyExc::kValueError,
                     absl::StrCat("attempt to assign array of size ", needed,
                                  " to extended slice of size ", b->count));
  } else {
    for (int64_t i = 0, at = b->start; i < b->count; ++i, at += b->step) {
      ArrayStore(heap_, container, at, std::string_view(data).substr(i * size, size));
    }
  }
  copy.Reset();
  if (!status.ok()) {
    Raise(status);
    return false;
  }
  if (heap_.observed()) {
    heap_.Notify(MutateEvent{container, value == kNoObject ? "delitem" : "setslice"});
  }
  return true;
}

bool Interpreter::DelItem(ObjectId container, ObjectId key) {
  if (IsWeakProxy(heap_, container)) {
    const ObjectId referent = WeakProxyReferent(*this, container);
    return referent != kNoObject && DelItem(referent, key);
  }
  if (IsMappingProxy(heap_, container)) {
    Raise(PyError(PyExc::kTypeError, "'mappingproxy' object does not support item deletion"));
    return false;
  }
  const TypeTag type = heap_.type_of(container);
  if (type == TypeTag::kInstance) return SpecialSetItem(*this, container, key, kNoObject);
  if (type == TypeTag::kArray) return AssignArrayItems(container, key, kNoObject);
  if (type == TypeTag::kMemoryView) return MemoryViewSetItem(container, key, kNoObject);
  if (type == TypeTag::kDeque) return DequeSetItemAt(*this, container, key, kNoObject);
  if (type == TypeTag::kWeakContainer) {
    return WeakContainerSetItem(*this, container, key, kNoObject);
  }
  absl::Status status;
  if (type == TypeTag::kList) {
    if (heap_.type_of(key) == TypeTag::kSlice) {
      const SliceBody& s = heap_.slice(key);
      absl::StatusOr<SliceBounds> b =
          Bounds(heap_, s.start, s.stop, s.step, Length(heap_, container));
      if (!b.ok()) {
        Raise(b.status());
        return false;
      }
      if (b->step == 1) {
        ListAssignSlice(heap_, container, b->start, b->stop < b->start ? b->start : b->stop, {});
      } else {
        ListDeleteExtendedSlice(heap_, container, b->start, b->step, b->count);
      }
    } else {
      absl::StatusOr<int64_t> i = Index(heap_, container, key, "list assignment");
      status = i.ok() ? ListDelItem(heap_, container, *i) : i.status();
    }
  } else if (IsOrderedDict(heap_, container)) {
    status = OrderedDictDelItem(heap_, container, key);
  } else if (IsCounter(heap_, container)) {
    if (!CounterDelItem(*this, container, key)) return false;
  } else if (type == TypeTag::kDict) {
    status = DictDelItem(heap_, container, key);
  } else if (type == TypeTag::kByteArray && heap_.type_of(key) == TypeTag::kSlice) {
    return AssignByteArraySlice(container, key, kNoObject);
  } else if (type == TypeTag::kByteArray) {
    // del b[i] is the deletion of the slice b[i:i+1].
    absl::StatusOr<int64_t> i = Index(heap_, container, key, "bytearray");
    status = i.ok() ? ByteArrayCanResize(heap_, container) : i.status();
    if (status.ok()) ByteArraySetSlice(heap_, container, *i, *i + 1, "");
  } else {
    // PyObject_DelItem: a type with sequence methods given an index says
    // "doesn't" (PySequence_DelItem's words), any other "does not".
    const bool sequence_delete =
        IsIntLike(heap_, key) &&
        (type == TypeTag::kStr || type == TypeTag::kTuple || type == TypeTag::kBytes ||
         type == TypeTag::kRange || type == TypeTag::kSet || type == TypeTag::kFrozenSet ||
         type == TypeTag::kDictView);
    status = PyError(PyExc::kTypeError,
                     absl::StrCat("'", TypeName(heap_, container), "' object ",
                                  sequence_delete ? "doesn't" : "does not",
                                  " support item deletion"));
  }
  if (!status.ok()) {
    Raise(status);
    return false;
  }
  if (heap_.observed()) heap_.Notify(MutateEvent{container, "delitem"});
  return true;
}

}  // namespace heapsim::script
