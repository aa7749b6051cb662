// Iteration: iterator objects for every iterable kind, advancing them, and
// the helpers builtins use to consume iterables.

#include <vector>

#include "absl/strings/str_cat.h"
#include "server/heap/weak_container_object.h"
#include "server/heap/array_object.h"
#include "server/heap/bytes_object.h"
#include "server/heap/dict_object.h"
#include "server/heap/int_object.h"
#include "server/heap/iterator_object.h"
#include "server/heap/itertools_object.h"
#include "server/heap/list_object.h"
#include "server/heap/mappingproxy_object.h"
#include "server/heap/ordereddict_object.h"
#include "server/heap/py_error.h"
#include "server/heap/set_object.h"
#include "server/heap/str_object.h"
#include "server/heap/tuple_object.h"
#include "server/heap/value_ops.h"
#include "server/heap/weakref_object.h"
#include "server/script/builtins.h"
#include "server/script/generator.h"
#include "server/script/interpreter.h"
#include "server/script/special_methods.h"

namespace heapsim::script {

Ref Interpreter::Reversed(ObjectId sequence) {
  const TypeTag type = heap_.type_of(sequence);
  if (type == TypeTag::kMappingProxy && heap_.profile().class_namespace.proxy_or) {
    // Its __reversed__ (looked up as the dict's is) calls the dict's
    // unbound.
    return Reversed(ProxiedMapping(heap_, sequence));
  }
  switch (type) {
    case TypeTag::kList:
      heap_.BindTransientMethod();  // list.__reversed__
      return NewIterator(heap_, IterKind::kListReverse, sequence,
                         static_cast<int64_t>(ListItems(heap_, sequence).size()) - 1);
    case TypeTag::kRange: {
      if (IsSaturatedRange(heap_, sequence)) {
        Raise(SaturatedRangeRefusal("reversed()"));
        return Ref();
      }
      heap_.BindTransientMethod();  // range.__reversed__
      // range(start + (n-1)*step, start - step, -step); CPython makes a
      // longrange_iterator where those do not fit a C long.
      const RangeBody& r = heap_.range(sequence);
      const int64_t length = Length(heap_, sequence);
      int64_t ignored = 0;
      if (r.step == INT64_MIN || __builtin_sub_overflow(r.start, r.step, &ignored)) {
        Refuse("reversed() of a range whose bounds pass 64 bits (a longrange_iterator)");
        return Ref();
      }
      const int64_t last = length == 0 ? r.start : r.start + (length - 1) * r.step;
      return NewIterator(heap_, IterKind::kRange, kNoObject, last, length, -r.step);
    }
    case TypeTag::kDict:
    case TypeTag::kDictView: {
      if (IsOrderedDict(heap_, sequence)) {
        Refuse("reversed() of a collections.OrderedDict (its reverse odict_iterator)");
        return Ref();
      }
      heap_.BindTransientMethod();  // __reversed__
      IterKind kind = IterKind::kDictReverseKeys;
      ObjectId dict = sequence;
      if (type == TypeTag::kDictView) {
        dict = heap_.iterator(sequence).source;
        const auto view = static_cast<ViewKind>(heap_.object(sequence).subtype);
        if (view == ViewKind::kValues) kind = IterKind::kDictReverseValues;
        if (view == ViewKind::kItems) kind = IterKind::kDictReverseItems;
      }
      Ref it = NewIterator(heap_, kind, dict,
                           static_cast<int64_t>(heap_.dict(dict).entries.size()) - 1);
      if (kind == IterKind::kDictReverseItems) {
        heap_.iterator(it.get()).extra = NewResultPair(heap_).release();
      }
      return it;
    }
    case TypeTag::kTuple:
    case TypeTag::kStr:
    case TypeTag::kBytes:
    case TypeTag::kByteArray:
    case TypeTag::kArray: {
      // No __reversed__: a reversed object indexing the sequence.
      Ref it = NewIterator(heap_, IterKind::kReversed, sequence, Length(heap_, sequence) - 1);
      if (type == TypeTag::kStr) {
        heap_.iterator(it.get()).position = static_cast<int64_t>(heap_.str(sequence).utf8.size());
      }
      return it;
    }
    case TypeTag::kDeque:
      Refuse("reversed() of a deque (its reverse iterator)");
      return Ref();
    case TypeTag::kMemoryView:
      Refuse("reversed() of a memoryview");
      return Ref();
    case TypeTag::kInstance:
      Refuse(absl::StrCat("reversed() of an instance of class '", TypeName(heap_, sequence),
                          "'"));
      return Ref();
    default:
      Raise(PyError(PyExc::kTypeError,
                    absl::StrCat("'", TypeName(heap_, sequence), "' object is not reversible")));
      return Ref();
  }
}

bool Interpreter::Iterable(ObjectId object) const {
  switch (heap_.type_of(object)) {
    case TypeTag::kList:
    case TypeTag::kTuple:
    case TypeTag::kStr:
    case TypeTag::kBytes:
    case TypeTag::kByteArray:
    case TypeTag::kArray:
    case TypeTag::kSet:
    case TypeTag::kFrozenSet:
    case TypeTag::kRange:
    case TypeTag::kDict:
    case TypeTag::kDictView:
    case TypeTag::kIterator:
    case TypeTag::kRangeIterator:
    case TypeTag::kGenerator:
    case TypeTag::kDeque:
    case TypeTag::kMemoryView:  // GetIter refuses it
    case TypeTag::kMappingProxy:
      return true;
    case TypeTag::kWeakContainer:
      return WeakContainerKindOf(heap_, object) < WeakContainerKind::kFinalize;
    case TypeTag::kInstance:
      return (SpecialMethods(heap_, object) & (kSpecialIter | kSpecialGetItem)) != 0;
    default:
      return false;
  }
}

Ref Interpreter::GetIter(ObjectId iterable) {
  if (heap_.type_of(iterable) == TypeTag::kInstance) return SpecialIter(*this, iterable);
  // mappingproxy_getiter: its dict's iterator.
  if (IsMappingProxy(heap_, iterable)) return GetIter(ProxiedMapping(heap_, iterable));
  if (IsWeakProxy(heap_, iterable)) {
    // proxy_iter: the referent's iterator.
    const ObjectId referent = WeakProxyReferent(*this, iterable);
    return referent == kNoObject ? Ref() : GetIter(referent);
  }
  if (heap_.type_of(iterable) == TypeTag::kTraceObject) {
    Refuse(absl::StrCat("iterating a tracemalloc.", TypeName(heap_, iterable),
                        " (index a Traceback instead)"));
    return Ref();
  }
  if (IsOrderedDict(heap_, iterable)) return NewOrderedDictIterator(heap_, iterable);
  if (heap_.type_of(iterable) == TypeTag::kWeakContainer) return WeakContainerIter(*this, iterable);
  if (heap_.type_of(iterable) == TypeTag::kMemoryView) {
    // 3.8 and 3.9 iterate through the sequence protocol, 3.10+ with a
    // memory_iterator: neither is modelled.
    Refuse("iterating a memoryview");
    return Ref();
  }
  if (!Iterable(iterable)) {
    Raise(PyError(PyExc::kTypeError,
                  absl::StrCat("'", TypeName(heap_, iterable), "' object is not iterable")));
    return Ref();
  }
  switch (heap_.type_of(iterable)) {
    case TypeTag::kList:
      return NewIterator(heap_, IterKind::kList, iterable);
    case TypeTag::kTuple:
      return NewIterator(heap_, IterKind::kTuple, iterable);
    case TypeTag::kStr:
      return NewIterator(heap_, IterKind::kStr, iterable);
    case TypeTag::kBytes:
    case TypeTag::kByteArray:
      return NewIterator(heap_, IterKind::kBytes, iterable);
    case TypeTag::kArray:
      return NewIterator(heap_, IterKind::kArray, iterable);
    case TypeTag::kSet:
    case TypeTag::kFrozenSet:
      return NewIterator(heap_, IterKind::kSet, iterable);
    case TypeTag::kRange: {
      const RangeBody& r = heap_.range(iterable);
      return NewIterator(heap_, IterKind::kRange, kNoObject, r.start, Length(heap_, iterable),
                         r.step);
    }
    case TypeTag::kDict:
      return NewIterator(heap_, IterKind::kDictKeys, iterable);
    case TypeTag::kDeque:
      // The iterator keeps the deque's state to notice it mutating.
      return NewIterator(heap_, IterKind::kDeque, iterable, 0,
                         static_cast<int64_t>(heap_.deque(iterable).state));
    case TypeTag::kDictView: {
      const ObjectId dict = heap_.iterator(iterable).source;
      switch (static_cast<ViewKind>(heap_.object(iterable).subtype)) {
        case ViewKind::kKeys:
          return NewIterator(heap_, IterKind::kDictKeys, dict);
        case ViewKind::kValues:
          return NewIterator(heap_, IterKind::kDictValues, dict);
        case ViewKind::kItems: {
          Ref it = NewIterator(heap_, IterKind::kDictItems, dict);
          heap_.iterator(it.get()).extra = NewResultPair(heap_).release();
          return it;
        }
      }
      break;
    }
    default:
      break;
  }
  return heap_.NewRef(iterable);  // an iterator is its own
}

namespace {

// The most wrapping iterators (map(f, map(f, ...)), zip(zip(...)), ...)
// heapsim runs one inside another. CPython recurses in C for each and
// crashes somewhere past 60,000 levels (measured: 60,000 maps run on every
// version, 100,000 overflow 3.13's C stack).
constexpr uint32_t kMaxIteratorNesting = 50'000;

bool WrapsIterators(IterKind kind) {
  if (IsItertoolsKind(kind)) {
    return kind != IterKind::kItertoolsCount && kind != IterKind::kItertoolsRepeat;
  }
  return kind == IterKind::kEnumerate || kind == IterKind::kZip || kind == IterKind::kMap ||
         kind == IterKind::kFilter;
}

}  // namespace

Ref Interpreter::Next(ObjectId iterator) {
  if (heap_.type_of(iterator) == TypeTag::kIterator &&
      WrapsIterators(static_cast<IterKind>(heap_.object(iterator).subtype))) {
    if (iterator_nesting_ >= kMaxIteratorNesting) {
      Refuse("iterators (enumerate, zip, map, filter, itertools') nested more than 50,000 deep "
             "(CPython's C stack overflows)");
      return Ref();
    }
    ++iterator_nesting_;
    Ref item = NextItem(iterator);
    --iterator_nesting_;
    return item;
  }
  return NextItem(iterator);
}

Ref Interpreter::NextItem(ObjectId iterator) {
  if (!SpendWork(1)) {
    Raise(BudgetStatus());
    return Ref();
  }
  const TypeTag type = heap_.type_of(iterator);
  if (type == TypeTag::kInstance) return SpecialNext(*this, iterator, true);
  if (type == TypeTag::kRangeIterator) {
    IteratorBody& body = heap_.iterator(iterator);
    if (body.end <= 0) return Ref();
    const int64_t value = body.index;
    body.index += body.step;
    --body.end;
    return NewInt(heap_, value);
  }
  if (type == TypeTag::kGenerator) return GeneratorNext(*this, iterator);
  const auto kind = static_cast<IterKind>(heap_.object(iterator).subtype);
  if (IsItertoolsKind(kind)) return NextItertools(*this, iterator);
  IteratorBody& body = heap_.iterator(iterator);
  const ObjectId source = body.source;
  // Exhausted iterators drop their source, as CPython's do.
  auto finish = [&]() {
    if (heap_.iterator(iterator).source != kNoObject && kind != IterKind::kEnumerate &&
        kind != IterKind::kZip && kind != IterKind::kMap && kind != IterKind::kFilter) {
      heap_.DecRef(std::exchange(heap_.iterator(iterator).source, kNoObject));
    }
    return Ref();
  };
  if (source == kNoObject) return Ref();
  switch (kind) {
    case IterKind::kList:
    case IterKind::kWeakGenerator: {
      const auto& items = ListItems(heap_, source);
      if (body.index >= static_cast<int64_t>(items.size())) return finish();
      return heap_.NewRef(items[body.index++]);
    }
    case IterKind::kListReverse: {
      const auto& items = ListItems(heap_, source);
      if (body.index < 0 || body.index >= static_cast<int64_t>(items.size())) return finish();
      return heap_.NewRef(items[body.index--]);
    }
    case IterKind::kTuple: {
      const auto& items = TupleItems(heap_, source);
      if (body.index >= static_cast<int64_t>(items.size())) return finish();
      return heap_.NewRef(items[body.index++]);
    }
    case IterKind::kOrderedDictKeys: {
      absl::Status error;
      Ref key = OrderedDictIteratorNext(heap_, iterator, &error);
      if (!error.ok()) Raise(std::move(error));
      return key;
    }
    case IterKind::kDeque: {
      // dequeiter_next: the state check comes first, on every call; the
      // deque stays held once exhausted.
      const DequeBody& deque = heap_.deque(source);
      if (static_cast<int64_t>(deque.state) != body.end) {
        Raise(PyError(PyExc::kRuntimeError, "deque mutated during iteration"));
        return Ref();
      }
      if (body.index >= static_cast<int64_t>(deque.items.size())) return Ref();
      return heap_.NewRef(deque.items[body.index++]);
    }
    case IterKind::kStr: {
      const StrBody& str = heap_.str(source);
      if (body.index >= static_cast<int64_t>(str.utf8.size())) return finish();
      size_t end = body.index + 1;
      while (end < str.utf8.size() && (static_cast<uint8_t>(str.utf8[end]) & 0xc0) == 0x80) ++end;
      Ref ch = NewStr(heap_, str.utf8.substr(body.index, end - body.index));
      heap_.iterator(iterator).index = static_cast<int64_t>(end);
      return ch;
    }
    case IterKind::kBytes: {
      const std::string& data = BytesData(heap_, source);
      if (body.index >= static_cast<int64_t>(data.size())) return finish();
      return NewInt(heap_, static_cast<uint8_t>(data[body.index++]));
    }
    case IterKind::kArray:
      if (body.index >= ArrayLength(heap_, source)) return finish();
      return ArrayItem(heap_, source, body.index++);
    case IterKind::kSet: {
      // setiter_iternext: a size other than the one noted is an error that
      // sticks (the set stays held).
      const SetBody& set = heap_.set(source);
      if (body.end != set.used) {
        body.end = -1;
        Raise(PyError(PyExc::kRuntimeError, "Set changed size during iteration"));
        return Ref();
      }
      while (body.index < static_cast<int64_t>(set.table.size())) {
        const SetEntry& entry = set.table[body.index++];
        if (entry.key != kNoObject && entry.key != SetBody::kDummyKey) {
          --body.position;
          return heap_.NewRef(entry.key);
        }
      }
      return finish();
    }
    case IterKind::kDictKeys:
    case IterKind::kDictValues:
    case IterKind::kDictItems: {
      // dictiter_iternext*: a size other than the one noted is an error that
      // sticks (the dict stays held); an entry found when every item was
      // given (a key deleted and another added) is an error that lets the
      // dict go.
      const DictBody& dict = heap_.dict(source);
      if (body.end != dict.used) {
        body.end = -1;
        Raise(PyError(PyExc::kRuntimeError, "dictionary changed size during iteration"));
        return Ref();
      }
      while (body.index < static_cast<int64_t>(dict.entries.size())) {
        const DictEntry entry = dict.entries[body.index++];
        if (entry.key == kNoObject) continue;
        if (body.position == 0) {
          Raise(PyError(PyExc::kRuntimeError, "dictionary keys changed during iteration"));
          return finish();
        }
        --body.position;
        if (kind == IterKind::kDictKeys) return heap_.NewRef(entry.key);
        if (kind == IterKind::kDictValues) return heap_.NewRef(entry.value);
        std::vector<Ref> pair;
        pair.push_back(heap_.NewRef(entry.key));
        pair.push_back(heap_.NewRef(entry.value));
        return FillIteratorResult(heap_, iterator, std::move(pair));
      }
      return finish();
    }
    case IterKind::kDictReverseKeys:
    case IterKind::kDictReverseValues:
    case IterKind::kDictReverseItems: {
      // dictreviter_iternext: the size check as forward; the entries walked
      // from the last one the dict had when the iterator was made.
      const DictBody& dict = heap_.dict(source);
      if (body.end != dict.used) {
        body.end = -1;
        Raise(PyError(PyExc::kRuntimeError, "dictionary changed size during iteration"));
        return Ref();
      }
      if (body.index >= static_cast<int64_t>(dict.entries.size())) {
        // CPython reads past its rebuilt table here.
        Refuse("a reverse dict iterator over a dict whose table was rebuilt while it iterated");
        return Ref();
      }
      while (body.index >= 0) {
        const DictEntry entry = dict.entries[body.index--];
        if (entry.key == kNoObject) continue;
        --body.position;
        if (kind == IterKind::kDictReverseKeys) return heap_.NewRef(entry.key);
        if (kind == IterKind::kDictReverseValues) return heap_.NewRef(entry.value);
        std::vector<Ref> pair;
        pair.push_back(heap_.NewRef(entry.key));
        pair.push_back(heap_.NewRef(entry.value));
        return FillIteratorResult(heap_, iterator, std::move(pair));
      }
      return finish();
    }
    case IterKind::kReversed: {
      // reversed_next: the item at the index, counting down; at the start,
      // or past the end of a sequence that shrank, the sequence is let go.
      const int64_t i = body.index;
      if (i < 0 || i >= Length(heap_, source)) {
        body.index = -1;
        return finish();
      }
      --body.index;
      switch (heap_.type_of(source)) {
        case TypeTag::kTuple:
          return heap_.NewRef(TupleItems(heap_, source)[i]);
        case TypeTag::kStr: {
          // `position` is the byte offset where the next character ends.
          const std::string& utf8 = heap_.str(source).utf8;
          size_t start = static_cast<size_t>(body.position) - 1;
          while (start > 0 && (static_cast<uint8_t>(utf8[start]) & 0xc0) == 0x80) --start;
          Ref ch = NewStr(heap_, utf8.substr(start, body.position - start));
          heap_.iterator(iterator).position = static_cast<int64_t>(start);
          return ch;
        }
        case TypeTag::kArray:
          return ArrayItem(heap_, source, i);
        default:  // bytes, bytearray
          return NewInt(heap_, static_cast<uint8_t>(BytesData(heap_, source)[i]));
      }
    }
    case IterKind::kEnumerate: {
      Ref item = Next(source);
      if (!item) return Ref();
      const int64_t count = heap_.iterator(iterator).index++;
      std::vector<Ref> pair;
      pair.push_back(NewInt(heap_, count));
      pair.push_back(std::move(item));
      return FillIteratorResult(heap_, iterator, std::move(pair));
    }
    case IterKind::kZip: {
      const std::vector<ObjectId> iterators = TupleItems(heap_, source);
      if (iterators.empty()) return Ref();
      const ObjectId cached = body.extra;
      if (cached != kNoObject && heap_.object(cached).refcount == 1) {
        std::vector<Ref> items;
        for (ObjectId it : iterators) {
          Ref item = Next(it);
          if (!item) return Ref();
          items.push_back(std::move(item));
        }
        return FillIteratorResult(heap_, iterator, std::move(items));
      }
      // A new result tuple is made before the items are fetched, so the call
      // that finds an iterator exhausted makes one and frees it.
      for (size_t i = 0; i < iterators.size(); ++i) heap_.IncRef(heap_.none());
      Ref result = NewTuple(heap_, std::vector<ObjectId>(iterators.size(), heap_.none()));
      for (size_t i = 0; i < iterators.size(); ++i) {
        Ref item = Next(iterators[i]);
        if (!item) return Ref();
        heap_.DecRef(std::exchange(heap_.tuple(result.get()).items[i], item.release()));
      }
      return result;
    }
    case IterKind::kMap: {
      // Each iterator's next item, then the call with them.
      const std::vector<ObjectId> iterators = TupleItems(heap_, source);
      const ObjectId function = body.extra;
      CallArgs call;
      for (ObjectId it : iterators) {
        Ref item = Next(it);
        if (!item) return Ref();
        call.positional.push_back(std::move(item));
      }
      return Call(function, std::move(call));
    }
    case IterKind::kFilter: {
      const ObjectId function = body.extra;
      const bool truth_only =
          heap_.type_of(function) == TypeTag::kNone ||
          function == session_.builtin_objects[static_cast<size_t>(Builtin::kTypeBool)];
      while (true) {
        Ref item = Next(source);
        if (!item) return Ref();
        int truth;
        if (truth_only) {
          truth = TruthOf(*this, item.get());
        } else {
          CallArgs call;
          call.positional.push_back(heap_.NewRef(item.get()));
          Ref verdict = Call(function, std::move(call));
          if (!verdict) return Ref();
          truth = TruthOf(*this, verdict.get());
        }
        if (truth > 0) return item;
        if (truth < 0) return Ref();
      }
    }
    case IterKind::kRange:
      break;
    default:
      break;  // itertools' kinds advance above
  }
  return Ref();
}

std::optional<uint64_t> Interpreter::LengthHint(ObjectId iterable) {
  const TypeTag type = heap_.type_of(iterable);
  if (type == TypeTag::kInstance) return SpecialLengthHint(*this, iterable);
  if (type == TypeTag::kGenerator) return std::nullopt;
  if (type == TypeTag::kWeakContainer) {
    // The containers' __len__ (Python code, whose frame is not modelled).
    if (WeakContainerKindOf(heap_, iterable) >= WeakContainerKind::kFinalize) return std::nullopt;
    return WeakContainerLength(heap_, iterable);
  }
  if (type == TypeTag::kRangeIterator) {
    heap_.BindSpecialMethod();  // __length_hint__
    return static_cast<uint64_t>(std::max<int64_t>(heap_.iterator(iterable).end, 0));
  }
  if (type == TypeTag::kIterator) {
    const auto kind = static_cast<IterKind>(heap_.object(iterable).subtype);
    if (kind == IterKind::kItertoolsRepeat) {
      const int64_t times = heap_.iterator(iterable).index;
      if (times < 0) {
        Refuse("the length hint of an endless itertools.repeat (a TypeError its caller clears)");
        return std::nullopt;
      }
      heap_.BindSpecialMethod();  // __length_hint__
      return static_cast<uint64_t>(times);
    }
    if (IsItertoolsKind(kind)) return std::nullopt;  // no __length_hint__
    if (kind == IterKind::kEnumerate || kind == IterKind::kZip || kind == IterKind::kMap ||
        kind == IterKind::kFilter || kind == IterKind::kWeakGenerator) {
      return std::nullopt;
    }
    heap_.BindSpecialMethod();  // __length_hint__
    const IteratorBody& body = heap_.iterator(iterable);
    if (body.source == kNoObject) return 0;
    if (kind == IterKind::kList || kind == IterKind::kTuple || kind == IterKind::kDeque) {
      return static_cast<uint64_t>(std::max<int64_t>(Length(heap_, body.source) - body.index, 0));
    }
    if (kind == IterKind::kListReverse || kind == IterKind::kReversed) {
      // The items left, or 0 once the sequence is shorter than that.
      const int64_t left = body.index + 1;
      return left > Length(heap_, body.source) ? 0 : static_cast<uint64_t>(left);
    }
    if (IsDictIteratorKind(kind)) {
      return body.end == heap_.dict(body.source).used ? static_cast<uint64_t>(body.position) : 0;
    }
    if (kind == IterKind::kSet) {
      return body.end == heap_.set(body.source).used ? static_cast<uint64_t>(body.position) : 0;
    }
    return static_cast<uint64_t>(std::max<int64_t>(Length(heap_, body.source), 0));
  }
  if (IsSaturatedRange(heap_, iterable)) {
    Raise(SaturatedRangeRefusal("the length"));
    return std::nullopt;
  }
  const int64_t length = Length(heap_, iterable);
  if (length < 0) return std::nullopt;
  return static_cast<uint64_t>(length);
}

bool Interpreter::ForEach(ObjectId iterable, const std::function<bool(Ref)>& body) {
  Ref iterator = GetIter(iterable);
  if (!iterator) return false;
  if (heap_.type_of(iterator.get()) == TypeTag::kGenerator) {
    return GeneratorForEach(*this, iterator.get(), body);
  }
  // A builtin filling a container from an iterable (set.update(range(n)),
  // ...) is held to the memory limit item by item, not only between steps.
  for (uint64_t count = 1;; ++count) {
    Ref item = Next(iterator.get());
    if (!item) return !has_error();
    if (!body(std::move(item))) return !has_error();
    if ((count & 255) == 0 && !WithinMemoryLimit()) return false;
  }
}

bool Interpreter::Collect(ObjectId iterable, std::vector<Ref>* items) {
  const TypeTag type = heap_.type_of(iterable);
  if (type == TypeTag::kList || type == TypeTag::kTuple) {
    // Fast sequence access: no iterator object (PySequence_Fast).
    for (ObjectId item : type == TypeTag::kList ? ListItems(heap_, iterable)
                                                : TupleItems(heap_, iterable)) {
      items->push_back(heap_.NewRef(item));
    }
    return true;
  }
  return ForEach(iterable, [items](Ref item) {
    items->push_back(std::move(item));
    return true;
  });
}

}  // namespace heapsim::script
