// The itertools module: its iterator types called as constructors (with
// CPython's argument checks and errors, making what each holds in the
// order its tp_new does) and chain.from_iterable. Their advancing is
// module_itertools_next.cc's; the objects server/heap/itertools_object.h's.

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "server/heap/int_object.h"
#include "server/heap/iterator_object.h"
#include "server/heap/itertools_object.h"
#include "server/heap/list_object.h"
#include "server/heap/py_error.h"
#include "server/heap/str_object.h"
#include "server/heap/tuple_object.h"
#include "server/heap/value_ops.h"
#include "server/script/builtin_call.h"
#include "server/script/builtins.h"
#include "server/script/special_methods.h"

namespace heapsim::script {

namespace {

constexpr std::string_view kStopMessage =
    "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
constexpr std::string_view kIndicesMessage =
    "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
constexpr std::string_view kStepMessage = "Step for islice() must be a positive integer or None.";

struct TypeEntry {
  Builtin builtin;
  IterKind kind;
};

constexpr TypeEntry kTypes[] = {
    {Builtin::kTypeItertoolsCount, IterKind::kItertoolsCount},
    {Builtin::kTypeItertoolsCycle, IterKind::kItertoolsCycle},
    {Builtin::kTypeItertoolsRepeat, IterKind::kItertoolsRepeat},
    {Builtin::kTypeItertoolsIslice, IterKind::kItertoolsIslice},
    {Builtin::kTypeItertoolsChain, IterKind::kItertoolsChain},
    {Builtin::kTypeItertoolsStarmap, IterKind::kItertoolsStarmap},
    {Builtin::kTypeItertoolsTakewhile, IterKind::kItertoolsTakewhile},
    {Builtin::kTypeItertoolsDropwhile, IterKind::kItertoolsDropwhile},
    {Builtin::kTypeItertoolsFilterfalse, IterKind::kItertoolsFilterfalse},
    {Builtin::kTypeItertoolsCompress, IterKind::kItertoolsCompress},
    {Builtin::kTypeItertoolsAccumulate, IterKind::kItertoolsAccumulate},
    {Builtin::kTypeItertoolsProduct, IterKind::kItertoolsProduct},
    {Builtin::kTypeItertoolsCombinations, IterKind::kItertoolsCombinations},
    {Builtin::kTypeItertoolsCombinationsWithReplacement,
     IterKind::kItertoolsCombinationsWithReplacement},
    {Builtin::kTypeItertoolsPermutations, IterKind::kItertoolsPermutations},
    {Builtin::kTypeItertoolsPairwise, IterKind::kItertoolsPairwise},
    {Builtin::kTypeItertoolsZipLongest, IterKind::kItertoolsZipLongest},
};

IterKind KindOf(Builtin builtin) {
  for (const TypeEntry& entry : kTypes) {
    if (entry.builtin == builtin) return entry.kind;
  }
  return IterKind::kItertoolsCount;  // unreachable for the itertools types
}

// A number count() accepts and heapsim adds: int, bool or float.
bool IsModelledNumber(TypeTag type) {
  return type == TypeTag::kInt || type == TypeTag::kBool || type == TypeTag::kFloat;
}

// What PyNumber_Check says of the types heapsim does not add.
bool IsOtherNumber(TypeTag type) { return type == TypeTag::kComplex || type == TypeTag::kInstance; }

class ItertoolsCall : public BuiltinCall {
 public:
  ItertoolsCall(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args)
      : BuiltinCall(interp, builtin, self, args) {}

  Ref Run() {
    if (builtin_ == Builtin::kItertoolsChainFromIterable) return ChainFromIterable();
    const IterKind kind = KindOf(builtin_);
    switch (kind) {
      case IterKind::kItertoolsCount:
        return Count();
      case IterKind::kItertoolsCycle:
        return Cycle();
      case IterKind::kItertoolsRepeat:
        return Repeat();
      case IterKind::kItertoolsIslice:
        return Islice();
      case IterKind::kItertoolsChain:
        return Chain();
      case IterKind::kItertoolsCompress:
        return Compress();
      case IterKind::kItertoolsAccumulate:
        return Accumulate();
      case IterKind::kItertoolsProduct:
        return Product();
      case IterKind::kItertoolsCombinations:
      case IterKind::kItertoolsCombinationsWithReplacement:
        return Combinations(kind);
      case IterKind::kItertoolsPermutations:
        return Permutations();
      case IterKind::kItertoolsPairwise:
        return Pairwise();
      case IterKind::kItertoolsZipLongest:
        return ZipLongest();
      default:
        return FunctionAndIterable(kind);
    }
  }

 private:
  std::string Name() const { return std::string(ItertoolsTypeName(KindOf(builtin_))); }

  // _PyArg_NoKeywords: "islice() takes no keyword arguments".
  bool NoKeywords() {
    if (args_.keywords.empty()) return true;
    TypeError(absl::StrCat(Name(), "() takes no keyword arguments"));
    return false;
  }

  // PyArg_UnpackTuple's count check: "cycle expected 1 argument, got 2".
  bool Unpacked(size_t min, size_t max) {
    const size_t n = args_.positional.size();
    if (n >= min && n <= max) return true;
    if (min == max) {
      TypeError(absl::StrCat(Name(), " expected ", min, min == 1 ? " argument" : " arguments",
                             ", got ", n));
    } else if (n < min) {
      TypeError(absl::StrCat(Name(), " expected at least ", min, " arguments, got ", n));
    } else {
      TypeError(absl::StrCat(Name(), " expected at most ", max, " arguments, got ", n));
    }
    return false;
  }

  // Keyword arguments of a function whose parameters are `names` (in
  // order): names it lacks, and a name also given by position, are refused.
  bool KnownKeywords(std::initializer_list<std::string_view> names) {
    for (const auto& [name, value] : args_.keywords) {
      size_t index = 0;
      bool known = false;
      for (std::string_view candidate : names) {
        if (candidate == name) {
          known = index >= args_.positional.size();
          break;
        }
        ++index;
      }
      if (!known) {
        interp_.Refuse(absl::StrCat("the keyword argument '", name, "' of itertools.", Name(),
                                    "() (an unknown or repeated parameter)"));
        return false;
      }
    }
    return true;
  }

  // A missing required argument, as the argument clinic words it.
  Ref Missing(std::string_view name, int position) {
    return TypeError(absl::StrCat(Name(), "() missing required argument '", std::string(name), "' (pos ",
                                  position, ")"));
  }

  Ref TooMany(size_t max, std::string_view what = "arguments") {
    return TypeError(absl::StrCat(Name(), "() takes at most ", max, " ", std::string(what), " (",
                                  args_.positional.size() + args_.keywords.size(), " given)"));
  }

  Ref Make(IterKind kind, std::vector<ObjectId> held) {
    return NewItertoolsObject(heap_, kind, std::move(held));
  }

  Ref Count() {
    if (args_.positional.size() + args_.keywords.size() > 2) return TooMany(2);
    if (!KnownKeywords({"start", "step"})) return Ref();
    const ObjectId start = ArgOrKeyword(0, "start");
    const ObjectId step = ArgOrKeyword(1, "step");
    for (ObjectId given : {start, step}) {
      if (given == kNoObject) continue;
      const TypeTag type = heap_.type_of(given);
      if (!IsOtherNumber(type) && !IsModelledNumber(type)) return TypeError("a number is required");
    }
    for (ObjectId given : {start, step}) {
      if (given != kNoObject && IsOtherNumber(heap_.type_of(given))) {
        interp_.Refuse(absl::StrCat("itertools.count() with a ", TypeName(heap_, given),
                                    " (heapsim counts with ints and floats)"));
        return Ref();
      }
    }
    // Fast mode: int starts and steps (or none), the start fitting a C
    // ssize_t and the step being 1; the count is then a C integer, not an
    // object. A conversion that overflows raises an error count_new clears.
    bool fast = (start == kNoObject || heap_.type_of(start) != TypeTag::kFloat) &&
                (step == kNoObject || heap_.type_of(step) != TypeTag::kFloat);
    int64_t fast_start = 0;
    if (fast && start != kNoObject) {
      const std::optional<int64_t> value = IntAsInt64(heap_, start);
      if (value) {
        fast_start = *value;
      } else {
        ClearedOverflow("ssize_t");
        fast = false;
      }
    }
    if (fast && step != kNoObject) {
      const std::optional<int64_t> value = IntAsInt64(heap_, step);
      if (!value) ClearedOverflow("long");
      fast = value == int64_t{1};
    }
    Ref long_step = step == kNoObject ? NewInt(heap_, 1) : heap_.NewRef(step);
    if (fast) {
      Ref it = Make(IterKind::kItertoolsCount, {kNoObject, long_step.release()});
      heap_.iterator(it.get()).index = fast_start;
      return it;
    }
    Ref long_cnt = start == kNoObject ? NewInt(heap_, 0) : heap_.NewRef(start);
    Ref it = Make(IterKind::kItertoolsCount, {long_cnt.release(), long_step.release()});
    heap_.iterator(it.get()).index = INT64_MAX;
    return it;
  }

  // An OverflowError a C conversion to `c_type` raises and its caller
  // clears: where exceptions are made when raised (3.12+) the exception
  // and its args tuple, which goes to the tuple free list; before, only
  // the message, made and freed.
  void ClearedOverflow(std::string_view c_type) {
    Ref message = NewStr(heap_, absl::StrCat("Python int too large to convert to C ",
                                             std::string(c_type)));
    if (!heap_.profile().exception_made_when_raised) return;
    Ref args = NewTupleOf(heap_, {message.get()});
    message.Reset();
    Ref exception = NewException(heap_, "OverflowError", std::move(args));
  }

  Ref Repeat() {
    if (args_.positional.size() + args_.keywords.size() > 2) return TooMany(2);
    if (!KnownKeywords({"object", "times"})) return Ref();
    const ObjectId element = ArgOrKeyword(0, "object");
    if (element == kNoObject) return Missing("object", 1);
    const ObjectId times = ArgOrKeyword(1, "times");
    int64_t count = -1;
    if (times != kNoObject) {
      if (heap_.type_of(times) == TypeTag::kInstance) {
        interp_.Refuse("itertools.repeat() with an instance as times (__index__ is not modelled)");
        return Ref();
      }
      if (heap_.type_of(times) == TypeTag::kFloat && heap_.profile().messages.int_arg_legacy) {
        return TypeError("integer argument expected, got float");  // the "n" format, 3.8 and 3.9
      }
      const std::optional<int64_t> value = IndexArg(times);
      if (!value) return Ref();
      count = *value < 0 ? 0 : *value;
    }
    Ref it = Make(IterKind::kItertoolsRepeat, {heap_.NewRef(element).release()});
    heap_.iterator(it.get()).index = count;
    return it;
  }

  // islice's conversion of a non-None argument to a C ssize_t: nullopt
  // where PyNumber_AsSsize_t fails (not an int, or past 64 bits), an error
  // islice replaces with its own ValueError. Sets `refused` for instances
  // (whose __index__ heapsim does not run).
  std::optional<int64_t> IsliceIndex(ObjectId arg, bool* refused) {
    const TypeTag type = heap_.type_of(arg);
    if (type == TypeTag::kInstance) {
      interp_.Refuse("an instance as an itertools.islice() index (__index__ is not modelled)");
      *refused = true;
      return std::nullopt;
    }
    if (type != TypeTag::kInt && type != TypeTag::kBool) return std::nullopt;
    return IntAsInt64(heap_, arg);
  }

  bool IsNone(ObjectId arg) const { return heap_.type_of(arg) == TypeTag::kNone; }

  Ref Islice() {
    if (!NoKeywords() || !Unpacked(2, 4)) return Ref();
    const size_t n = args_.positional.size();
    bool refused = false;
    int64_t start = 0;
    int64_t stop = -1;
    int64_t step = 1;
    if (n > 2 && !IsNone(Arg(1))) start = IsliceIndex(Arg(1), &refused).value_or(-1);
    if (refused) return Ref();
    const ObjectId stop_arg = n == 2 ? Arg(1) : Arg(2);
    if (!IsNone(stop_arg)) {
      const std::optional<int64_t> value = IsliceIndex(stop_arg, &refused);
      if (refused) return Ref();
      if (!value || *value == -1) return Fail(PyError(PyExc::kValueError, std::string(kStopMessage)));
      stop = *value;
    }
    if (start < 0 || stop < -1) {
      return Fail(PyError(PyExc::kValueError, std::string(kIndicesMessage)));
    }
    if (n == 4 && !IsNone(Arg(3))) step = IsliceIndex(Arg(3), &refused).value_or(-1);
    if (refused) return Ref();
    if (step < 1) return Fail(PyError(PyExc::kValueError, std::string(kStepMessage)));
    Ref iterator = interp_.GetIter(Arg(0));
    if (!iterator) return Ref();
    Ref it = Make(IterKind::kItertoolsIslice, {iterator.release()});
    IteratorBody& body = heap_.iterator(it.get());
    body.index = start;  // the next index to give
    body.end = stop;
    body.step = step;
    return it;
  }

  Ref Chain() {
    if (!NoKeywords()) return Ref();
    // The source is an iterator over the argument tuple tp_call packed.
    Ref packed;
    if (args_.packed != kNoObject) {
      packed = heap_.NewRef(args_.packed);
    } else {
      std::vector<ObjectId> items;
      for (const Ref& arg : args_.positional) items.push_back(arg.get());
      packed = NewTupleOf(heap_, items);
    }
    Ref source = interp_.GetIter(packed.get());
    if (!source) return Ref();
    return Make(IterKind::kItertoolsChain, {source.release(), kNoObject});
  }

  Ref ChainFromIterable() {
    if (!args_.keywords.empty()) {
      return TypeError(absl::StrCat(FromIterableName(), "() takes no keyword arguments"));
    }
    if (args_.positional.size() != 1) {
      return TypeError(absl::StrCat(FromIterableName(), "() takes exactly one argument (",
                                    args_.positional.size(), " given)"));
    }
    Ref source = interp_.GetIter(Arg(0));
    if (!source) return Ref();
    return Make(IterKind::kItertoolsChain, {source.release(), kNoObject});
  }

  std::string FromIterableName() const {
    return heap_.profile().itertools.from_iterable_qualified ? "chain.from_iterable"
                                                               : "from_iterable";
  }

  Ref Cycle() {
    if (!NoKeywords() || !Unpacked(1, 1)) return Ref();
    Ref iterator = interp_.GetIter(Arg(0));
    if (!iterator) return Ref();
    Ref saved = NewList(heap_, 0);
    return Make(IterKind::kItertoolsCycle, {iterator.release(), saved.release()});
  }

  // starmap, takewhile, dropwhile, filterfalse: (function, iterable).
  Ref FunctionAndIterable(IterKind kind) {
    if (!NoKeywords() || !Unpacked(2, 2)) return Ref();
    Ref iterator = interp_.GetIter(Arg(1));
    if (!iterator) return Ref();
    return Make(kind, {iterator.release(), heap_.NewRef(Arg(0)).release()});
  }

  Ref Compress() {
    if (args_.positional.size() + args_.keywords.size() > 2) return TooMany(2);
    if (!KnownKeywords({"data", "selectors"})) return Ref();
    const ObjectId data = ArgOrKeyword(0, "data");
    if (data == kNoObject) return Missing("data", 1);
    const ObjectId selectors = ArgOrKeyword(1, "selectors");
    if (selectors == kNoObject) return Missing("selectors", 2);
    Ref data_iterator = interp_.GetIter(data);
    if (!data_iterator) return Ref();
    Ref selector_iterator = interp_.GetIter(selectors);
    if (!selector_iterator) return Ref();
    return Make(IterKind::kItertoolsCompress,
                {data_iterator.release(), selector_iterator.release()});
  }

  Ref Accumulate() {
    if (args_.positional.size() > 2) return TooMany(2, "positional arguments");
    if (!KnownKeywords({"iterable", "func", "initial"})) return Ref();
    const ObjectId iterable = ArgOrKeyword(0, "iterable");
    if (iterable == kNoObject) return Missing("iterable", 1);
    const ObjectId func = ArgOrKeyword(1, "func");
    const ObjectId initial = Keyword("initial");
    Ref iterator = interp_.GetIter(iterable);
    if (!iterator) return Ref();
    const ObjectId binop =
        func == kNoObject || heap_.type_of(func) == TypeTag::kNone ? kNoObject : func;
    if (binop != kNoObject) heap_.IncRef(binop);
    Ref held_initial = heap_.NewRef(initial == kNoObject ? heap_.none() : initial);
    return Make(IterKind::kItertoolsAccumulate,
                {binop, iterator.release(), kNoObject, held_initial.release()});
  }

  // A C ssize_t argument parsed with the "n" format (repeat=, r): the
  // value, or nullopt with CPython's TypeError or OverflowError raised.
  std::optional<int64_t> SsizeArg(ObjectId arg, std::string_view what) {
    const TypeTag type = heap_.type_of(arg);
    if (type == TypeTag::kInstance) {
      interp_.Refuse(absl::StrCat("an instance as itertools.", Name(), "()'s ", std::string(what),
                                  " (__index__ is not modelled)"));
      return std::nullopt;
    }
    if (type == TypeTag::kFloat && heap_.profile().messages.int_arg_legacy) {
      TypeError("integer argument expected, got float");
      return std::nullopt;
    }
    return IndexArg(arg);
  }

  // A PyMem block for `count` C ssize_ts, or 0 with MemoryError raised
  // past the session's memory.
  std::optional<uint64_t> IndexBlock(uint64_t count) {
    if (!Check(CheckGrowth(heap_, count * 8, count * 8))) return std::nullopt;
    return heap_.AllocateBuffer(count * 8);
  }

  Ref MakeCombinatoric(IterKind kind, ObjectId pool, std::vector<int64_t> indices,
                       std::vector<int64_t> cycles, uint64_t indices_block,
                       uint64_t cycles_block) {
    Ref it = Make(kind, {pool, kNoObject});
    SetItertoolsIndices(heap_, it.get(), std::move(indices), std::move(cycles), indices_block,
                        cycles_block);
    return it;
  }

  Ref Product() {
    if (args_.keywords.size() > 1) {
      return TypeError(absl::StrCat("product() takes at most 1 keyword argument (",
                                    args_.keywords.size(), " given)"));
    }
    if (!args_.keywords.empty() && args_.keywords[0].first != "repeat") {
      interp_.Refuse(absl::StrCat("the keyword argument '", args_.keywords[0].first,
                                  "' of itertools.product()"));
      return Ref();
    }
    int64_t repeat = 1;
    if (!args_.keywords.empty()) {
      const std::optional<int64_t> value = SsizeArg(args_.keywords[0].second.get(), "repeat");
      if (!value) return Ref();
      if (*value < 0) {
        return Fail(PyError(PyExc::kValueError, "repeat argument cannot be negative"));
      }
      repeat = *value;
    }
    const int64_t nargs = repeat == 0 ? 0 : static_cast<int64_t>(args_.positional.size());
    if (repeat > 0 && nargs > INT64_MAX / 8 / repeat) {
      return Fail(PyError(PyExc::kOverflowError, "repeat argument too large"));
    }
    const auto npools = static_cast<uint64_t>(nargs * repeat);
    if (!Check(CheckGrowth(heap_, npools * 16, npools * 16))) return Ref();
    const std::optional<uint64_t> block = IndexBlock(npools);
    if (!block) return Ref();
    for (uint64_t i = 0; i < npools; ++i) heap_.IncRef(heap_.none());
    Ref pools = npools == 0 ? heap_.NewRef(heap_.empty_tuple())
                            : NewTuple(heap_, std::vector<ObjectId>(npools, heap_.none()));
    for (int64_t i = 0; i < nargs; ++i) {
      Ref pool = SequenceTuple(interp_, Arg(i));
      if (!pool) {
        pools.Reset();
        heap_.FreeBuffer(*block);
        return Ref();
      }
      heap_.DecRef(std::exchange(heap_.tuple(pools.get()).items[i], pool.release()));
    }
    for (uint64_t i = nargs; i < npools; ++i) {
      const ObjectId pool = heap_.tuple(pools.get()).items[i - nargs];
      heap_.IncRef(pool);
      heap_.DecRef(std::exchange(heap_.tuple(pools.get()).items[i], pool));
    }
    return MakeCombinatoric(IterKind::kItertoolsProduct, pools.release(),
                            std::vector<int64_t>(npools, 0), {}, *block, 0);
  }

  // combinations(iterable, r) and combinations_with_replacement.
  Ref Combinations(IterKind kind) {
    if (args_.positional.size() + args_.keywords.size() > 2) return TooMany(2);
    if (!KnownKeywords({"iterable", "r"})) return Ref();
    const ObjectId iterable = ArgOrKeyword(0, "iterable");
    if (iterable == kNoObject) return Missing("iterable", 1);
    const ObjectId r_arg = ArgOrKeyword(1, "r");
    if (r_arg == kNoObject) return Missing("r", 2);
    const std::optional<int64_t> r = SsizeArg(r_arg, "r");
    if (!r) return Ref();
    Ref pool = SequenceTuple(interp_, iterable);
    if (!pool) return Ref();
    if (*r < 0) return Fail(PyError(PyExc::kValueError, "r must be non-negative"));
    const std::optional<uint64_t> block = IndexBlock(*r);
    if (!block) return Ref();
    const auto n = static_cast<int64_t>(heap_.tuple(pool.get()).items.size());
    std::vector<int64_t> indices(*r, 0);
    if (kind == IterKind::kItertoolsCombinations) {
      for (int64_t i = 0; i < *r; ++i) indices[i] = i;
    }
    Ref it = MakeCombinatoric(kind, pool.release(), std::move(indices), {}, *block, 0);
    IteratorBody& body = heap_.iterator(it.get());
    body.index = *r;
    body.end = kind == IterKind::kItertoolsCombinations ? (*r > n ? 1 : 0) : (n == 0 && *r > 0 ? 1 : 0);
    return it;
  }

  Ref Permutations() {
    if (args_.positional.size() + args_.keywords.size() > 2) return TooMany(2);
    if (!KnownKeywords({"iterable", "r"})) return Ref();
    const ObjectId iterable = ArgOrKeyword(0, "iterable");
    if (iterable == kNoObject) return Missing("iterable", 1);
    const ObjectId r_arg = ArgOrKeyword(1, "r");
    Ref pool = SequenceTuple(interp_, iterable);
    if (!pool) return Ref();
    const auto n = static_cast<int64_t>(heap_.tuple(pool.get()).items.size());
    int64_t r = n;
    if (r_arg != kNoObject && heap_.type_of(r_arg) != TypeTag::kNone) {
      if (heap_.type_of(r_arg) != TypeTag::kInt && heap_.type_of(r_arg) != TypeTag::kBool) {
        return TypeError("Expected int as r");
      }
      const std::optional<int64_t> value = IndexArg(r_arg);
      if (!value) return Ref();
      r = *value;
    }
    if (r < 0) return Fail(PyError(PyExc::kValueError, "r must be non-negative"));
    const std::optional<uint64_t> indices_block = IndexBlock(n);
    if (!indices_block) return Ref();
    const std::optional<uint64_t> cycles_block = IndexBlock(r);
    if (!cycles_block) {
      heap_.FreeBuffer(*indices_block);
      return Ref();
    }
    std::vector<int64_t> indices(n);
    for (int64_t i = 0; i < n; ++i) indices[i] = i;
    std::vector<int64_t> cycles(r);
    for (int64_t i = 0; i < r; ++i) cycles[i] = n - i;
    Ref it = MakeCombinatoric(IterKind::kItertoolsPermutations, pool.release(), std::move(indices),
                              std::move(cycles), *indices_block, *cycles_block);
    heap_.iterator(it.get()).index = r;
    heap_.iterator(it.get()).end = r > n ? 1 : 0;
    return it;
  }

  Ref Pairwise() {
    if (!NoKeywords() || !Unpacked(1, 1)) return Ref();
    Ref iterator = interp_.GetIter(Arg(0));
    if (!iterator) return Ref();
    Ref it = Make(IterKind::kItertoolsPairwise, {iterator.release(), kNoObject, kNoObject});
    if (heap_.profile().itertools.pairwise_reuses_result) {
      heap_.iterator(it.get()).held[2] = NewTupleOf(heap_, {heap_.none(), heap_.none()}).release();
    }
    return it;
  }

  Ref ZipLongest() {
    ObjectId fillvalue = heap_.none();
    if (!args_.keywords.empty()) {
      if (args_.keywords.size() != 1 || args_.keywords[0].first != "fillvalue") {
        return TypeError("zip_longest() got an unexpected keyword argument");
      }
      fillvalue = args_.keywords[0].second.get();
    }
    const size_t size = args_.positional.size();
    for (size_t i = 0; i < size; ++i) heap_.IncRef(heap_.none());
    Ref iterators = size == 0 ? heap_.NewRef(heap_.empty_tuple())
                              : NewTuple(heap_, std::vector<ObjectId>(size, heap_.none()));
    for (size_t i = 0; i < size; ++i) {
      Ref iterator = interp_.GetIter(Arg(i));
      if (!iterator) return Ref();
      heap_.DecRef(std::exchange(heap_.tuple(iterators.get()).items[i], iterator.release()));
    }
    for (size_t i = 0; i < size; ++i) heap_.IncRef(heap_.none());
    Ref result = size == 0 ? heap_.NewRef(heap_.empty_tuple())
                           : NewTuple(heap_, std::vector<ObjectId>(size, heap_.none()));
    Ref it = Make(IterKind::kItertoolsZipLongest,
                  {iterators.release(), result.release(), heap_.NewRef(fillvalue).release()});
    heap_.iterator(it.get()).position = static_cast<int64_t>(size);
    return it;
  }
};

}  // namespace

bool IsItertoolsBuiltin(Builtin builtin) {
  return (builtin >= Builtin::kTypeItertoolsCount && builtin <= Builtin::kTypeItertoolsZipLongest) ||
         builtin == Builtin::kItertoolsChainFromIterable;
}

Ref CallItertoolsBuiltin(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args) {
  return ItertoolsCall(interp, builtin, self, args).Run();
}

std::optional<Builtin> ItertoolsTypeBuiltin(IterKind kind) {
  for (const TypeEntry& entry : kTypes) {
    if (entry.kind == kind) return entry.builtin;
  }
  return std::nullopt;
}

}  // namespace heapsim::script
