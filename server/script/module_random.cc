// Module random: the functions of its hidden instance random._inst, run as
// each version's Lib/random.py runs them over the C generator
// (mersenne_twister.h), with their temporaries: the frames of random.py's
// functions (heap frames before 3.11, each code object keeping its frame
// after the first call), the bound methods they make (`self.getrandbits`,
// `self._randbelow`), the ints of their arithmetic, the argument tuples of
// calls through tp_call, and seed()'s super object and key buffer.
//
// The generator is unseeded until random.seed(int): CPython seeds it from
// the operating system's entropy, so using it first, seeding from None and
// seeding from anything but an int (a str's or bytes' sha512 included) are
// refused. So are the errors random.py raises (their tracebacks run through
// random.py's own lines), keyword arguments, wrong argument counts, and
// random.py's other names (module_random.h lists the modelled ones).

#include "server/script/module_random.h"

#include <array>
#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "server/heap/bodies.h"
#include "server/heap/budget.h"
#include "server/heap/float_object.h"
#include "server/heap/frames.h"
#include "server/heap/function_object.h"
#include "server/heap/int_object.h"
#include "server/heap/iterator_object.h"
#include "server/heap/list_object.h"
#include "server/heap/py_error.h"
#include "server/heap/super_object.h"
#include "server/heap/tuple_object.h"
#include "server/heap/value_ops.h"
#include "server/script/builtin_call.h"
#include "server/script/operators.h"

namespace heapsim::script {

namespace {

// The random.py functions whose calls heapsim runs, in the order of the
// profile's RandomRules::frame_slots.
enum class PyFunction : uint8_t {
  kRandRange,
  kRandInt,
  kRandBelow,
  kChoice,
  kShuffle,
  kUniform,
  kGetState,
  kSetState,
};

constexpr std::string_view kFunctionNames[] = {
    "randrange", "randint", "_randbelow_with_getrandbits", "choice", "shuffle", "uniform",
    "getstate",  "setstate"};

// The local slots each function's frame releases, in co_varnames order
// (the slots heapsim uses; the frame's size is the profile's).
constexpr size_t kSelf = 0;
// randrange(self, start, stop, step) then istart, istop, width, istep, n.
constexpr size_t kStart = 1;
constexpr size_t kStop = 2;
constexpr size_t kStep = 3;
constexpr size_t kIStart = 4;
constexpr size_t kIStop = 5;
constexpr size_t kWidth = 6;
constexpr size_t kIStep = 7;
constexpr size_t kCount = 8;
// _randbelow(self, n) then getrandbits, k, r.
constexpr size_t kBelowN = 1;
constexpr size_t kBelowGetRandBits = 2;
constexpr size_t kBelowK = 3;
constexpr size_t kBelowR = 4;
// randint(self, a, b), uniform(self, a, b).
constexpr size_t kA = 1;
constexpr size_t kB = 2;
// choice(self, seq) then i (3.8).
constexpr size_t kSeq = 1;
constexpr size_t kChoiceIndex = 2;
// shuffle(self, x) then randbelow, i, j.
constexpr size_t kShuffled = 1;
constexpr size_t kShuffleRandBelow = 2;
constexpr size_t kShuffleI = 3;
constexpr size_t kShuffleJ = 4;

// setstate(self, state) then version, internalstate.
constexpr size_t kState = 1;
constexpr size_t kVersion = 2;
constexpr size_t kInternalState = 3;

constexpr size_t kSlotCounts[] = {9, 3, 5, 3, 5, 3, 1, 4};

// Random.VERSION, the first item of getstate()'s tuple.
constexpr int64_t kStateVersion = 3;

// One running call of a random.py function: its frame on the simulated
// stack (a heap frame on 3.8 to 3.10) and its level toward the recursion
// limit. Ending it releases the locals first to last, then the heap frame.
class PyCall {
 public:
  PyCall(Interpreter& interp, PyFunction function) : interp_(interp), heap_(interp.heap()) {
    const auto index = static_cast<size_t>(function);
    std::vector<std::string> names;
    for (size_t i = 0; i < kSlotCounts[index]; ++i) names.push_back(absl::StrCat("_", i));
    PushCallFrame(heap_, std::string(kFunctionNames[index]), interp.session().random_codes[index],
                  kNoObject, std::move(names));
    frame_ = heap_.frames().depth() - 1;
    CountCodeEvaluation(heap_, interp.session().random_codes[index]);
  }
  ~PyCall() {
    interp_.NoteFrameLeftUnkept();
    PopCallFrame(heap_);
    interp_.EndNativeCall();
  }
  PyCall(const PyCall&) = delete;
  PyCall& operator=(const PyCall&) = delete;

  // Binds local `slot` to `value` (a new reference is taken), releasing
  // what it held after, as STORE_FAST does.
  void Set(size_t slot, ObjectId value) {
    heap_.IncRef(value);
    Take(slot, Ref());
    heap_.frames().at(frame_).slots[slot] = value;
  }
  // Binds local `slot` to `value`, taking the reference; the old value is
  // released after.
  void Take(size_t slot, Ref value) {
    const ObjectId old = std::exchange(heap_.frames().at(frame_).slots[slot], value.release());
    if (old != kNoObject) heap_.DecRef(old);
  }
  ObjectId Get(size_t slot) const { return heap_.frames().at(frame_).slots[slot]; }

 private:
  Interpreter& interp_;
  Heap& heap_;
  size_t frame_ = 0;
};

class RandomCall : public BuiltinCall {
 public:
  RandomCall(Interpreter& interp, Builtin builtin, CallArgs& args)
      : BuiltinCall(interp, builtin, kNoObject, args),
        session_(interp.session()),
        rules_(heap_.profile().random),
        inst_(RandomModule(heap_, session_)) {}

  Ref Run() {
    const std::string name = absl::StrCat("random.", std::string(BuiltinName(builtin_)), "()");
    if (!args_.keywords.empty()) return Refuse(absl::StrCat(name, " with keyword arguments"));
    if (builtin_ == Builtin::kRandomSeed) return Seed();
    if (!session_.random_generator) {
      return Refuse(absl::StrCat(name,
                                 " before random.seed(int) (CPython seeds the generator "
                                 "from the system's entropy)"));
    }
    const size_t n = args_.positional.size();
    switch (builtin_) {
      case Builtin::kRandomRandom:
        if (n != 0) return Refuse(absl::StrCat(name, " with arguments"));
        return heap_.Adopt(NewFloat(heap_, Generator().NextDouble()).release());
      case Builtin::kRandomGetRandBits:
        if (n != 1) return Refuse(absl::StrCat(name, " without exactly one argument"));
        return GetRandBits(Arg(0));
      case Builtin::kRandomRandRange:
        if (n < 1 || n > 3) return Refuse(absl::StrCat(name, " with ", n, " arguments"));
        if (!IntArguments(name)) return Ref();
        return RandRange(args_);
      case Builtin::kRandomRandInt:
        if (n != 2) return Refuse(absl::StrCat(name, " with ", n, " arguments"));
        if (!IntArguments(name)) return Ref();
        return RandInt();
      case Builtin::kRandomChoice: {
        if (n != 1) return Refuse(absl::StrCat(name, " with ", n, " arguments"));
        // Sequences whose len() and items run no Python code (which could
        // raise through random.py's frames).
        const TypeTag type = heap_.type_of(Arg(0));
        if (type != TypeTag::kList && type != TypeTag::kTuple && type != TypeTag::kStr &&
            type != TypeTag::kRange) {
          return Refuse(absl::StrCat(name, " of a '", TypeName(heap_, Arg(0)),
                                     "' (lists, tuples, strs and ranges only)"));
        }
        if (IsSaturatedRange(heap_, Arg(0))) {
          return Refuse(absl::StrCat(name, " of a range with a bound past 64 bits"));
        }
        if (type == TypeTag::kRange) {
          // len() of a range past a C ssize_t raises inside random.py.
          const RangeBody& range = heap_.range(Arg(0));
          const __int128 span = static_cast<__int128>(range.stop) - range.start;
          if (span > INT64_MAX || span < -static_cast<__int128>(INT64_MAX)) {
            return RefuseError("choice", "OverflowError (a range longer than a C ssize_t)");
          }
        }
        return Choice();
      }
      case Builtin::kRandomShuffle:
        if (n != 1) return Refuse(absl::StrCat(name, " with ", n, " arguments"));
        if (heap_.type_of(Arg(0)) != TypeTag::kList) {
          return Refuse(absl::StrCat(name, " of a '", TypeName(heap_, Arg(0)), "' (lists only)"));
        }
        return Shuffle();
      case Builtin::kRandomGetState:
        if (n != 0) return Refuse(absl::StrCat(name, " with arguments"));
        return GetState();
      case Builtin::kRandomSetState:
        if (n != 1) return Refuse(absl::StrCat(name, " without exactly one argument"));
        return SetState();
      case Builtin::kRandomUniform:
        if (n != 2) return Refuse(absl::StrCat(name, " with ", n, " arguments"));
        if (!IntArguments(absl::StrCat(name, " (of floats: 3.12+ reuses float operands)"))) {
          return Ref();
        }
        return Uniform();
      default:
        return Fail(absl::InternalError("not a function of module random"));
    }
  }

 private:
  MersenneTwister& Generator() { return *session_.random_generator; }

  Ref Refuse(std::string_view what) {
    interp_.Refuse(what);
    return Ref();
  }

  // An error random.py raises: refused, as its traceback runs through
  // random.py's own lines.
  Ref RefuseError(std::string_view function, std::string_view error) {
    return Refuse(absl::StrCat("random.", std::string(function), "() raising ", std::string(error),
                               " (errors raised inside random.py are not modelled)"));
  }

  // True when every positional argument is an exact int; else refuses.
  bool IntArguments(std::string_view name) {
    for (const Ref& arg : args_.positional) {
      if (heap_.type_of(arg.get()) != TypeTag::kInt) {
        interp_.Refuse(absl::StrCat(std::string(name), " with a '", TypeName(heap_, arg.get()),
                                    "' argument (ints only)"));
        return false;
      }
    }
    return true;
  }

  // Enters a random.py function: false, with the limit's error or a
  // refusal pending, near the recursion limit.
  bool Enter(PyFunction function, std::optional<PyCall>* call) {
    if (!interp_.BeginNativeCall("random's functions called near the recursion limit")) {
      return false;
    }
    call->emplace(interp_, function);
    (*call)->Set(kSelf, inst_);
    return true;
  }

  // Binds the call's positional arguments to the outermost frame's slots
  // from 1: from 3.11 the frame takes over the caller's references, before
  // it copies them (and the caller releases its own after the call).
  // The same holds for a random.py function's call of another.
  void BindArguments(PyCall& call, CallArgs& arguments) {
    for (size_t i = 0; i < arguments.positional.size(); ++i) {
      if (heap_.profile().call_copies_arguments) {
        call.Set(i + 1, arguments.positional[i].get());
      } else {
        call.Take(i + 1, std::move(arguments.positional[i]));
      }
    }
  }

  // int(x) of an exact int (3.8, 3.9) or operator.index(x) (3.10+): x
  // itself; int() called through tp_call packs x in an argument tuple.
  void IntOf(ObjectId x) {
    if (!rules_.randrange_uses_index &&
        !heap_.cls(session_.builtin_objects[static_cast<size_t>(Builtin::kTypeInt)]).vectorcall) {
      NewTupleOf(heap_, {x}).Reset();
    }
  }

  Ref Arithmetic(BinaryOp op, ObjectId a, ObjectId b) {
    absl::StatusOr<Ref> result = Binary(heap_, op, a, b, /*in_place=*/false);
    if (!result.ok()) return Fail(result.status());
    return *std::move(result);
  }

  // random.seed(a): Random.seed's frame (its code object's cached frame,
  // made by the import's own seeding), the type checks' tuples,
  // super().seed(a) (a super object and a bound method before 3.12), and
  // random_seed's absolute value and key buffer.
  Ref Seed() {
    const size_t n = args_.positional.size();
    if (n != 1) return Refuse("random.seed() without exactly one argument");
    const ObjectId a = Arg(0);
    if (a == heap_.none()) return Refuse("random.seed(None) (seeds from the system's entropy)");
    if (heap_.type_of(a) != TypeTag::kInt) {
      return Refuse(absl::StrCat("random.seed() of a '", TypeName(heap_, a),
                                 "' (only int seeds are modelled)"));
    }
    if (!interp_.BeginNativeCall("random's functions called near the recursion limit")) {
      return Ref();
    }
    const ObjectId none = heap_.none();
    // isinstance(a, (str, bytes, bytearray)): names, so a tuple built.
    NewTupleOf(heap_, {none, none, none}).Reset();
    if (rules_.seed_checks_type) {
      // isinstance(a, (type(None), int, float, str, bytes, bytearray)).
      const ObjectId type = session_.builtin_objects[static_cast<size_t>(Builtin::kTypeType)];
      if (!heap_.cls(type).vectorcall) NewTupleOf(heap_, {none}).Reset();
      NewTupleOf(heap_, {none, none, none, none, none, none}).Reset();
    }
    Ref bound_seed = BindThroughSuper(Builtin::kRandomSeed);
    // random_seed: n = abs(a), its 32-bit words in a PyMem key buffer.
    Ref magnitude = heap_.NewRef(a);
    const BigInt value = IntAsBig(heap_, a);
    if (value.is_negative()) {
      absl::StatusOr<Ref> negated = Unary(heap_, UnaryOp::kNeg, a);
      if (!negated.ok()) {
        interp_.EndNativeCall();
        return Fail(negated.status());
      }
      magnitude = *std::move(negated);
    }
    const uint64_t bits = value.BitLength();
    const uint64_t words = bits == 0 ? 1 : (bits - 1) / 32 + 1;
    const uint64_t key = heap_.AllocateBuffer(4 * words);
    MersenneTwister generator;
    generator.Seed(value);
    session_.random_generator = generator;
    heap_.FreeBuffer(key);
    magnitude.Reset();
    bound_seed.Reset();
    interp_.EndNativeCall();
    return None();
  }

  // super().name(...) before 3.12: a super object, and the C method bound
  // to the instance (freed after the call, which the caller makes while
  // holding the returned reference); the super object is freed at once.
  Ref BindThroughSuper(Builtin method) {
    if (heap_.profile().super_attr_specialises) return Ref();
    const ObjectId id = heap_.NewObject(TypeTag::kSuper, kSuperRequest);
    for (int i = 0; i < 3; ++i) heap_.IncRef(inst_);
    heap_.AttachBody(id, SuperBody{inst_, inst_, inst_});
    heap_.Track(id);
    Ref super_object = heap_.Adopt(id);
    Ref bound = NewBuiltin(heap_, static_cast<uint32_t>(method), inst_);
    super_object.Reset();
    return bound;
  }

  // getstate(): (VERSION, super().getstate(), gauss_next), the generator's
  // state a 625-tuple of its words and position made by the C method.
  Ref GetState() {
    std::optional<PyCall> call;
    if (!Enter(PyFunction::kGetState, &call)) return Ref();
    Ref bound = BindThroughSuper(Builtin::kRandomGetState);
    const MersenneTwister& generator = Generator();
    Ref words = NewTuple(heap_, std::vector<ObjectId>(MersenneTwister::kStateWords + 1, kNoObject));
    std::vector<ObjectId>& items = heap_.tuple(words.get()).items;
    for (int i = 0; i < MersenneTwister::kStateWords; ++i) {
      // PyLong_FromUnsignedLong: exactly the word's digits.
      const uint32_t word = generator.words()[static_cast<size_t>(i)];
      items[static_cast<size_t>(i)] =
          NewInt(heap_, int64_t{word}, IntRequest::Digits(DigitCount(int64_t{word}))).release();
    }
    items.back() = NewInt(heap_, generator.position()).release();
    bound.Reset();
    return NewTupleOf(heap_, {heap_.small_int(kStateVersion), words.get(), heap_.none()});
  }

  // setstate(state) of a state getstate() could have made: a 3-tuple of
  // VERSION, 624 words and a position in a tuple, and None (version 2
  // states, other shapes and values raise inside random.py: refused).
  Ref SetState() {
    const ObjectId state = Arg(0);
    const auto refuse = [&](std::string_view what) {
      return Refuse(absl::StrCat("random.setstate() of ", std::string(what)));
    };
    if (heap_.type_of(state) != TypeTag::kTuple || TupleItems(heap_, state).size() != 3) {
      return refuse("anything but a 3-tuple");
    }
    const std::vector<ObjectId>& parts = TupleItems(heap_, state);
    if (parts[0] != heap_.small_int(kStateVersion)) return refuse("a state of another version");
    if (parts[2] != heap_.none()) return refuse("a state whose gauss_next is not None");
    const ObjectId words = parts[1];
    if (heap_.type_of(words) != TypeTag::kTuple ||
        TupleItems(heap_, words).size() != MersenneTwister::kStateWords + 1) {
      return refuse("a state whose internal state is not a 625-tuple");
    }
    std::array<uint32_t, MersenneTwister::kStateWords> restored{};
    const std::vector<ObjectId>& items = TupleItems(heap_, words);
    for (size_t i = 0; i <= restored.size(); ++i) {
      if (heap_.type_of(items[i]) != TypeTag::kInt) return refuse("a state holding a non-int");
      const std::optional<int64_t> value = IntAsBig(heap_, items[i]).ToInt64();
      const int64_t limit =
          i < restored.size() ? int64_t{UINT32_MAX} : int64_t{MersenneTwister::kStateWords};
      if (!value || *value < 0 || *value > limit) {
        return refuse("a state holding a word or position out of range");
      }
      if (i < restored.size()) restored[i] = static_cast<uint32_t>(*value);
    }
    std::optional<PyCall> call;
    if (!Enter(PyFunction::kSetState, &call)) return Ref();
    BindArguments(*call, args_);
    // version = state[0]; then version, internalstate, self.gauss_next =
    // state binds the same objects again (gauss_next stays None).
    call->Set(kVersion, parts[0]);
    call->Set(kInternalState, words);
    Ref bound = BindThroughSuper(Builtin::kRandomSetState);
    Generator().Restore(restored,
                        static_cast<int>(IntAsBig(heap_, items.back()).ToInt64().value()));
    bound.Reset();
    return None();
  }

  // getrandbits(k) as _random's C code runs it: k a C int; past 32 bits a
  // PyMem word buffer, freed after the int is made from its bytes.
  Ref GetRandBits(ObjectId k_object) {
    if (heap_.type_of(k_object) != TypeTag::kInt) {
      return Refuse(absl::StrCat("random.getrandbits() of a '", TypeName(heap_, k_object), "'"));
    }
    const std::optional<int64_t> k64 = IntAsBig(heap_, k_object).ToInt64();
    if (!k64 || *k64 > INT32_MAX || *k64 < INT32_MIN) {
      return Fail(PyError(PyExc::kOverflowError, "Python int too large to convert to C int"));
    }
    const int64_t k = *k64;
    if (k < 0 || (k == 0 && !rules_.getrandbits_zero_allowed)) {
      return Fail(PyError(PyExc::kValueError, rules_.getrandbits_zero_allowed
                                                  ? "number of bits must be non-negative"
                                                  : "number of bits must be greater than zero"));
    }
    return RandomBits(static_cast<uint64_t>(k));
  }

  Ref RandomBits(uint64_t k) {
    if (k <= 32) {
      // PyLong_FromUnsignedLong: exactly the value's digits.
      const BigInt value = Generator().NextBits(k);
      return NewInt(heap_, value, IntRequest::Digits(static_cast<uint32_t>(value.digit_count())));
    }
    const uint64_t words = (k - 1) / 32 + 1;
    if (!Check(CheckGrowth(heap_, 2 * 4 * words, 2 * 4 * words))) return Ref();
    if (!SpendWork(words)) return Fail(BudgetStatus());
    const uint64_t buffer = heap_.AllocateBuffer(4 * words);
    const BigInt value = Generator().NextBits(k);
    // _PyLong_FromByteArray sizes the int by the buffer's significant bytes.
    const uint64_t significant_bytes = (value.BitLength() + 7) / 8;
    const auto digits = static_cast<uint32_t>((significant_bytes * 8 + BigInt::kDigitBits - 1) /
                                              BigInt::kDigitBits);
    Ref result = NewInt(heap_, value, IntRequest::Digits(digits));
    heap_.FreeBuffer(buffer);
    return result;
  }

  // _randbelow_with_getrandbits(n), for n > 0: getrandbits bound for the
  // loop, k = n.bit_length(), r drawn until below n.
  Ref RandBelow(ObjectId n) {
    std::optional<PyCall> call;
    if (!Enter(PyFunction::kRandBelow, &call)) return Ref();
    call->Set(kBelowN, n);
    call->Take(kBelowGetRandBits,
               NewBuiltin(heap_, static_cast<uint32_t>(Builtin::kRandomGetRandBits), inst_));
    const uint64_t k = IntAsBig(heap_, n).BitLength();
    call->Take(kBelowK, NewInt(heap_, static_cast<int64_t>(k)));
    while (true) {
      Ref r = RandomBits(k);
      if (!r) return Ref();
      call->Take(kBelowR, std::move(r));
      absl::StatusOr<bool> below = Compare(heap_, CompareOp::kLt, call->Get(kBelowR), n);
      if (!below.ok()) return Fail(below.status());
      if (*below) break;
    }
    return heap_.NewRef(call->Get(kBelowR));
  }

  // randrange(start, stop=None, step=1) of the ints `arguments`.
  Ref RandRange(CallArgs& arguments) {
    std::optional<PyCall> call;
    if (!Enter(PyFunction::kRandRange, &call)) return Ref();
    const size_t n = arguments.positional.size();
    BindArguments(*call, arguments);
    const ObjectId start = call->Get(kStart);
    IntOf(start);
    call->Set(kIStart, start);
    const BigInt start_value = IntAsBig(heap_, start);
    if (n == 1) {
      if (start_value.is_negative() || start_value.is_zero()) {
        return RefuseError("randrange", "ValueError (an empty range)");
      }
      return RandBelow(start);
    }
    const ObjectId stop = call->Get(kStop);
    IntOf(stop);
    call->Set(kIStop, stop);
    Ref width = Arithmetic(BinaryOp::kSub, stop, start);
    if (!width) return Ref();
    call->Take(kWidth, std::move(width));
    const ObjectId step = n == 3 ? call->Get(kStep) : heap_.small_int(1);
    const BigInt step_value = IntAsBig(heap_, step);
    const bool unit_step = step_value == BigInt(1);
    if (!unit_step || rules_.randrange_uses_index) {
      IntOf(step);
      call->Set(kIStep, step);
    }
    const BigInt width_value = IntAsBig(heap_, call->Get(kWidth));
    if (unit_step) {
      if (width_value.is_negative() || width_value.is_zero()) {
        return RefuseError("randrange", "ValueError (an empty range)");
      }
      Ref r = RandBelow(call->Get(kWidth));
      if (!r) return Ref();
      return Arithmetic(BinaryOp::kAdd, start, r.get());
    }
    if (step_value.is_zero()) return RefuseError("randrange", "ValueError (a zero step)");
    // n = (width + istep -/+ 1) // istep
    Ref sum = Arithmetic(BinaryOp::kAdd, call->Get(kWidth), step);
    if (!sum) return Ref();
    Ref adjusted = Arithmetic(step_value.is_negative() ? BinaryOp::kAdd : BinaryOp::kSub, sum.get(),
                              heap_.small_int(1));
    sum.Reset();
    if (!adjusted) return Ref();
    Ref count = Arithmetic(BinaryOp::kFloorDiv, adjusted.get(), step);
    adjusted.Reset();
    if (!count) return Ref();
    call->Take(kCount, std::move(count));
    const BigInt count_value = IntAsBig(heap_, call->Get(kCount));
    if (count_value.is_negative() || count_value.is_zero()) {
      return RefuseError("randrange", "ValueError (an empty range)");
    }
    Ref r = RandBelow(call->Get(kCount));
    if (!r) return Ref();
    Ref scaled = Arithmetic(BinaryOp::kMul, step, r.get());
    r.Reset();
    if (!scaled) return Ref();
    return Arithmetic(BinaryOp::kAdd, start, scaled.get());
  }

  // randint(a, b): self.randrange(a, b + 1), b + 1 released after the call.
  Ref RandInt() {
    std::optional<PyCall> call;
    if (!Enter(PyFunction::kRandInt, &call)) return Ref();
    BindArguments(*call, args_);
    Ref stop = Arithmetic(BinaryOp::kAdd, call->Get(kB), heap_.small_int(1));
    if (!stop) return Ref();
    CallArgs inner;
    inner.positional.push_back(heap_.NewRef(call->Get(kA)));
    inner.positional.push_back(std::move(stop));
    Ref result = RandRange(inner);
    for (Ref& value : inner.positional) value.Reset();
    return result;
  }

  // choice(seq): 3.8 stores the index in a local, 3.9 and 3.10 index at
  // once, 3.11+ check len(seq) first.
  Ref Choice() {
    std::optional<PyCall> call;
    if (!Enter(PyFunction::kChoice, &call)) return Ref();
    BindArguments(*call, args_);
    const ObjectId seq = call->Get(kSeq);
    const ObjectId len = session_.builtin_objects[static_cast<size_t>(Builtin::kLen)];
    auto length_of = [&]() {
      CallArgs len_args;
      len_args.positional.push_back(heap_.NewRef(seq));
      return interp_.Call(len, std::move(len_args));
    };
    Ref length = length_of();
    if (!length) return Ref();
    if (IntAsBig(heap_, length.get()).is_zero()) {
      return RefuseError("choice", "IndexError (an empty sequence)");
    }
    if (rules_.choice_checks_length) {
      length.Reset();
      length = length_of();
      if (!length) return Ref();
    }
    Ref index = RandBelow(length.get());
    length.Reset();
    if (!index) return Ref();
    if (rules_.choice_stores_index) {
      call->Take(kChoiceIndex, std::move(index));
      return interp_.GetItem(seq, call->Get(kChoiceIndex));
    }
    return interp_.GetItem(seq, index.get());
  }

  // shuffle(x) of a list: randbelow bound once, then for i in
  // reversed(range(1, len(x))) swap x[i] with x[randbelow(i + 1)].
  Ref Shuffle() {
    std::optional<PyCall> call;
    if (!Enter(PyFunction::kShuffle, &call)) return Ref();
    BindArguments(*call, args_);
    const ObjectId x = call->Get(kShuffled);
    call->Take(kShuffleRandBelow, NewMethod(heap_, inst_, inst_));
    auto builtin = [&](Builtin b) { return session_.builtin_objects[static_cast<size_t>(b)]; };
    CallArgs len_args;
    len_args.positional.push_back(heap_.NewRef(x));
    Ref length = interp_.Call(builtin(Builtin::kLen), std::move(len_args));
    if (!length) return Ref();
    CallArgs range_args;
    range_args.positional.push_back(heap_.NewRef(heap_.small_int(1)));
    range_args.positional.push_back(std::move(length));
    Ref range = interp_.Call(builtin(Builtin::kTypeRange), std::move(range_args));
    if (!range) return Ref();
    Ref iterator = ReversedRange(std::move(range));
    if (!iterator) return Ref();
    while (Ref i = interp_.Next(iterator.get())) {
      call->Take(kShuffleI, std::move(i));
      Ref bound = Arithmetic(BinaryOp::kAdd, call->Get(kShuffleI), heap_.small_int(1));
      if (!bound) return Ref();
      Ref j = RandBelow(bound.get());
      bound.Reset();
      if (!j) return Ref();
      call->Take(kShuffleJ, std::move(j));
      // x[i], x[j] = x[j], x[i]
      Ref at_j = interp_.GetItem(x, call->Get(kShuffleJ));
      if (!at_j) return Ref();
      Ref at_i = interp_.GetItem(x, call->Get(kShuffleI));
      if (!at_i) return Ref();
      if (!interp_.SetItem(x, call->Get(kShuffleI), at_j.get())) return Ref();
      at_j.Reset();
      if (!interp_.SetItem(x, call->Get(kShuffleJ), at_i.get())) return Ref();
    }
    if (!interp_.error().ok()) return Ref();
    iterator.Reset();
    return None();
  }

  // reversed(range_object) as CPython makes it: the argument packed in a
  // tuple where reversed() is called through tp_call, range.__reversed__
  // bound while it makes a range iterator counting down, the range
  // released after the call.
  Ref ReversedRange(Ref range) {
    Ref packed;
    if (NameListed(heap_.profile().packing_functions, "reversed")) {
      packed = NewTupleOf(heap_, {range.get()});
    }
    Ref special = NewBuiltin(heap_, static_cast<uint32_t>(Builtin::kReversed), range.get());
    const RangeBody& body = heap_.range(range.get());
    const int64_t length = Length(heap_, range.get());
    Ref iterator = NewIterator(heap_, IterKind::kRange, kNoObject,
                               body.start + (length - 1) * body.step, length, -body.step);
    special.Reset();
    packed.Reset();
    range.Reset();
    return iterator;
  }

  // uniform(a, b) of ints: a + (b - a) * self.random().
  Ref Uniform() {
    std::optional<PyCall> call;
    if (!Enter(PyFunction::kUniform, &call)) return Ref();
    BindArguments(*call, args_);
    const BigInt a = IntAsBig(heap_, call->Get(kA));
    if (!std::isfinite(a.ToDouble()) ||
        !std::isfinite((IntAsBig(heap_, call->Get(kB)) - a).ToDouble())) {
      return RefuseError("uniform", "OverflowError (an int too large for a float)");
    }
    Ref difference = Arithmetic(BinaryOp::kSub, call->Get(kB), call->Get(kA));
    if (!difference) return Ref();
    Ref fraction = heap_.Adopt(NewFloat(heap_, Generator().NextDouble()).release());
    Ref scaled = Arithmetic(BinaryOp::kMul, difference.get(), fraction.get());
    difference.Reset();
    fraction.Reset();
    if (!scaled) return Ref();
    return Arithmetic(BinaryOp::kAdd, call->Get(kA), scaled.get());
  }

  SessionState& session_;
  const RandomRules& rules_;
  const ObjectId inst_;
};

}  // namespace

bool IsRandomFunction(const Heap& heap, ObjectId object) {
  return heap.type_of(object) == TypeTag::kBuiltinFunction &&
         IsRandomBuiltin(static_cast<Builtin>(heap.bound(object).builtin));
}

ObjectId RandomModule(Heap& heap, SessionState& session) {
  if (session.random_module != kNoObject) return session.random_module;
  const Profile& profile = heap.profile();
  session.random_module = heap.NewStaticObject(TypeTag::kModule, profile.aux.module);
  heap.AttachBody(session.random_module, ModuleBody{"random", kNoObject});
  for (const uint8_t slots : profile.random.frame_slots) {
    const ObjectId code = heap.NewStaticObject(TypeTag::kCode, profile.aux.code);
    CodeBody body;
    body.stack_size = slots;
    SetMeasuredCodeSize(body, profile.random.code_sizes[session.random_codes.size()]);
    heap.AttachBody(code, std::move(body));
    session.random_codes.push_back(code);
  }
  return session.random_module;
}

Ref CallRandomBuiltin(Interpreter& interp, Builtin builtin, CallArgs& args) {
  return RandomCall(interp, builtin, args).Run();
}

}  // namespace heapsim::script
