#include "server/heap/value_ops.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "server/heap/array_object.h"
#include "server/heap/budget.h"
#include "server/heap/counter_object.h"
#include "server/heap/defaultdict_object.h"
#include "server/heap/float_object.h"
#include "server/heap/hashing.h"
#include "server/heap/int_digits.h"
#include "server/heap/int_object.h"
#include "server/heap/namedtuple_object.h"
#include "server/heap/iterator_object.h"
#include "server/heap/itertools_object.h"
#include "server/heap/mappingproxy_object.h"
#include "server/heap/memoryview_object.h"
#include "server/heap/ordereddict_object.h"
#include "server/heap/py_error.h"
#include "server/heap/repr_state.h"
#include "server/heap/str_kind.h"
#include "server/heap/str_object.h"
#include "server/heap/tuple_object.h"
#include "server/heap/weak_container_object.h"
#include "server/heap/weakref_object.h"

namespace heapsim {

namespace {

// The module a class of the script shows in its repr: "__main__", or the
// module that made it (dataclasses' Field and sentinels).
std::string ClassModule(const Heap& heap, ObjectId cls) {
  const std::string& module = heap.cls(cls).module;
  return module.empty() ? std::string("__main__") : module;
}

bool IsNumber(TypeTag type) {
  return type == TypeTag::kInt || type == TypeTag::kBool || type == TypeTag::kFloat ||
         type == TypeTag::kComplex;
}

bool IsSetType(TypeTag type) { return type == TypeTag::kSet || type == TypeTag::kFrozenSet; }

bool IsBytesType(TypeTag type) {
  return type == TypeTag::kBytes || type == TypeTag::kByteArray;
}

std::string_view IterKindName(const Profile& profile, IterKind kind) {
  switch (kind) {
    case IterKind::kList:
      return "list_iterator";
    case IterKind::kTuple:
      return "tuple_iterator";
    case IterKind::kRange:
      return "range_iterator";
    case IterKind::kStr:
      return profile.str_ascii_header == 40 ? "str_ascii_iterator" : "str_iterator";
    case IterKind::kBytes:
      return "bytes_iterator";
    case IterKind::kArray:
      return profile.array.iterator_type_name;
    case IterKind::kDictKeys:
      return "dict_keyiterator";
    case IterKind::kDictValues:
      return "dict_valueiterator";
    case IterKind::kDictItems:
      return "dict_itemiterator";
    case IterKind::kSet:
      return "set_iterator";
    case IterKind::kListReverse:
      return "list_reverseiterator";
    case IterKind::kEnumerate:
      return "enumerate";
    case IterKind::kZip:
      return "zip";
    case IterKind::kMap:
      return "map";
    case IterKind::kFilter:
      return "filter";
    case IterKind::kDeque:
      return profile.deque.iterator_type_name;
    case IterKind::kReversed:
      return "reversed";
    case IterKind::kDictReverseKeys:
      return "dict_reversekeyiterator";
    case IterKind::kDictReverseValues:
      return "dict_reversevalueiterator";
    case IterKind::kDictReverseItems:
      return "dict_reverseitemiterator";
    case IterKind::kOrderedDictKeys:
      return "odict_iterator";
    case IterKind::kWeakGenerator:
      return "generator";
    case IterKind::kItertoolsCount:
      return "itertools.count";
    case IterKind::kItertoolsCycle:
      return "itertools.cycle";
    case IterKind::kItertoolsRepeat:
      return "itertools.repeat";
    case IterKind::kItertoolsIslice:
      return "itertools.islice";
    case IterKind::kItertoolsChain:
      return "itertools.chain";
    case IterKind::kItertoolsStarmap:
      return "itertools.starmap";
    case IterKind::kItertoolsTakewhile:
      return "itertools.takewhile";
    case IterKind::kItertoolsDropwhile:
      return "itertools.dropwhile";
    case IterKind::kItertoolsFilterfalse:
      return "itertools.filterfalse";
    case IterKind::kItertoolsCompress:
      return "itertools.compress";
    case IterKind::kItertoolsAccumulate:
      return "itertools.accumulate";
    case IterKind::kItertoolsProduct:
      return "itertools.product";
    case IterKind::kItertoolsCombinations:
      return "itertools.combinations";
    case IterKind::kItertoolsCombinationsWithReplacement:
      return "itertools.combinations_with_replacement";
    case IterKind::kItertoolsPermutations:
      return "itertools.permutations";
    case IterKind::kItertoolsPairwise:
      return "itertools.pairwise";
    case IterKind::kItertoolsZipLongest:
      return "itertools.zip_longest";
  }
  return "iterator";
}

// Compares an int or bool with a float exactly.
int CompareIntFloat(const Heap& heap, ObjectId integer, double real) {
  if (std::isnan(real)) return 2;  // unordered
  if (std::isinf(real)) return real > 0 ? -1 : 1;
  const BigInt value = IntAsBig(heap, integer);
  const double floor = std::floor(real);
  const BigInt whole = BigInt::FromDouble(floor);
  const int c = BigInt::Compare(value, whole);
  if (c != 0) return c;
  return floor == real ? 0 : -1;  // value == floor(real) < real
}

// -1, 0, 1 for ordered numbers; 2 when unordered (NaN).
int CompareNumbers(const Heap& heap, ObjectId a, ObjectId b) {
  const TypeTag ta = heap.type_of(a);
  const TypeTag tb = heap.type_of(b);
  if (ta != TypeTag::kFloat && tb != TypeTag::kFloat) {
    const std::optional<int64_t> x = IntAsInt64(heap, a);
    const std::optional<int64_t> y = IntAsInt64(heap, b);
    if (x && y) return *x < *y ? -1 : (*x > *y ? 1 : 0);
    return BigInt::Compare(IntAsBig(heap, a), IntAsBig(heap, b));
  }
  if (ta == TypeTag::kFloat && tb == TypeTag::kFloat) {
    const double x = FloatValue(heap, a);
    const double y = FloatValue(heap, b);
    if (std::isnan(x) || std::isnan(y)) return 2;
    return x < y ? -1 : (x > y ? 1 : 0);
  }
  if (ta == TypeTag::kFloat) {
    const int c = CompareIntFloat(heap, b, FloatValue(heap, a));
    return c == 2 ? 2 : -c;
  }
  return CompareIntFloat(heap, a, FloatValue(heap, b));
}

// CPython's Py_EnterRecursiveCall: the levels of nested C-level work a
// walk may still enter. Once it runs out, the walk unwinds without doing
// more and its caller reports RecursionError.
struct Depth {
  int room = 0;
  bool exceeded = false;
  // The room was cut to Heap::kMaxModelledCDepth under a recursion limit
  // raised past it: running out is a refusal, not CPython's RecursionError.
  bool capped = false;
  // An instance whose class defines a comparison method was met: its
  // Python code cannot run here, so the walk's answer stands for nothing.
  ObjectId special = kNoObject;
  // Two deques of one length were met: CPython compares them through
  // iterator objects this walk cannot make.
  bool deques_met = false;
  // Two code objects were met: CPython compares their bytecode, constants
  // and line tables, which are not modelled.
  bool codes_met = false;
  // Two Counters met where Counter.__eq__ (Python code, 3.10+) compares them.
  bool counters_met = false;

  bool Enter() {
    if (exceeded) return false;
    if (--room < 0) {
      exceeded = true;
      return false;
    }
    return true;
  }
  void Leave() { ++room; }
};

// The levels a walk may enter: the C recursion limit (before 3.12 the
// session's recursion limit) less what is in use, at most
// Heap::kMaxModelledCDepth.
Depth RoomFor(const Heap& heap, int held) {
  const CRecursion& c = heap.profile().c_recursion;
  const int used =
      static_cast<int>(c.counts_python_frames ? heap.frames().depth() : c.base) + held;
  const int limit = static_cast<int>(c.counts_python_frames ? heap.recursion_limit() : c.limit);
  Depth depth;
  depth.room = limit - used;
  if (depth.room > static_cast<int>(Heap::kMaxModelledCDepth)) {
    depth.room = static_cast<int>(Heap::kMaxModelledCDepth);
    depth.capped = true;
  }
  return depth;
}

// The error of a walk that ran out of room: CPython's RecursionError, or a
// refusal where heapsim cut the room short.
absl::Status DepthExceeded(const Depth& depth, std::string_view message) {
  if (depth.capped) {
    return absl::UnimplementedError(
        absl::StrCat("containers nested more than ", Heap::kMaxModelledCDepth,
                     " levels deep under a raised recursion limit"));
  }
  return PyError(PyExc::kRecursionError, message);
}

constexpr std::string_view kReprRecursion =
    "maximum recursion depth exceeded while getting the repr of an object";
constexpr std::string_view kCompareRecursion = "maximum recursion depth exceeded in comparison";

struct ReprState {
  absl::flat_hash_set<ObjectId> active;  // containers being printed (cycles)
  Depth depth;
  // Checked walks stop at an int too long to convert (the error);
  // unchecked ones convert it anyway.
  bool checked = false;
  absl::Status error;
  int namedtuple_nesting = 0;  // namedtuple reprs being made (Python code)
  // Where the walk logs what Py_ReprEnter and Py_ReprLeave do (null: not
  // logged). Once the walk failed, CPython would unwind: no more enters.
  ReprEvents* events = nullptr;
  // The text's blocks (ReprEvent's writers and strs): list, tuple and dict
  // reprs being written, the strs made so far, and how many reprs whose
  // blocks are not modelled are being walked (nothing inside is logged).
  int writers = 0;
  uint64_t strs_made = 0;
  int unmodelled = 0;
  bool failed() const { return depth.exceeded || !error.ok(); }
};

// Py_ReprEnter of `object` (or of a temporary object CPython makes for it,
// which `object` stands for): true when logged, to pass to LeaveRepr.
bool EnterRepr(ReprState& state, ObjectId object) {
  if (state.events == nullptr || state.failed()) return false;
  state.events->push_back({ReprEvent::Kind::kEnter, object});
  return true;
}

void LeaveRepr(ReprState& state, bool entered) {
  if (entered) state.events->push_back({ReprEvent::Kind::kLeave});
}

// The list set_repr or dictview_repr shows for `container` (ReprListOf):
// true when logged, to pass to DropKeysList once the list's repr is made.
bool MakeKeysList(ReprState& state, ObjectId container) {
  if (state.events == nullptr || state.failed()) return false;
  state.events->push_back({ReprEvent::Kind::kMakeKeysList, container});
  return true;
}

void DropKeysList(ReprState& state, bool made) {
  if (made) state.events->push_back({ReprEvent::Kind::kDropKeysList});
}

// Past this many events a repr's text is not followed block by block (the
// log would outgrow the session's memory): its peak is unknown.
constexpr size_t kMaxReprEvents = size_t{1} << 20;

// Logs a step of the text's blocks (ReprEvent), while the walk logs them.
void LogText(ReprState& state, ReprEvent::Kind kind, uint64_t length = 0,
             ObjectId object = kNoObject) {
  if (state.events == nullptr || state.failed() || state.unmodelled > 0) return;
  if (state.events->size() >= kMaxReprEvents) {
    // Logged once: kNoObject stands for the whole repr.
    if (state.events->back().kind != ReprEvent::Kind::kUnmodelled) {
      state.events->push_back({ReprEvent::Kind::kUnmodelled});
    }
    return;
  }
  state.events->push_back({kind, object, length});
}

// A list, tuple or dict repr opens its writer (after Py_ReprEnter), with
// CPython's min_length, and writes its opening bracket.
void OpenWriter(ReprState& state, uint64_t min_length) {
  LogText(state, ReprEvent::Kind::kOpenWriter, min_length);
  LogText(state, ReprEvent::Kind::kWrite, 1);
  ++state.writers;
}

// It writes its closing text without over-allocating, leaves its object
// (`entered`, as LeaveRepr) and finishes: its str is made.
void CloseWriter(ReprState& state, uint64_t closing, bool entered) {
  LogText(state, ReprEvent::Kind::kStopOverallocating);
  LogText(state, ReprEvent::Kind::kWrite, closing);
  LeaveRepr(state, entered);
  LogText(state, ReprEvent::Kind::kCloseWriter);
  --state.writers;
  ++state.strs_made;
}

// The repr of an item is written into the innermost writer and dropped.
void WriteItem(ReprState& state, size_t length) {
  LogText(state, ReprEvent::Kind::kWriteStr, length);
}

// Namedtuples whose reprs nest deeper than this are refused: each level is
// a call of Python code, whose recursion limit heapsim does not count.
constexpr int kMaxNamedTupleReprNesting = 50;

std::string ReprOf(const Heap& heap, ObjectId id, ReprState& state);

std::string AddressText(uint64_t address) { return absl::StrFormat("0x%x", address); }

// The SpecialMethodBit flags of `id`'s class (0 for objects of other types).
uint32_t SpecialOf(const Heap& heap, ObjectId id) {
  if (heap.type_of(id) != TypeTag::kInstance) return 0;
  return heap.cls(heap.instance(id).cls).special;
}

// What the engine answers for Python code of a class it cannot run.
absl::Status SpecialRefusal(const Heap& heap, ObjectId instance, std::string_view method,
                            std::string_view where) {
  if (heap.type_of(instance) == TypeTag::kMemoryView) {
    return absl::UnimplementedError(absl::StrCat(
        "comparing a memoryview of format '", std::string(1, MemoryViewFormat(heap, instance)),
        "' (CPython unpacks its items, through struct for other formats)"));
  }
  if (IsMappingProxy(heap, instance)) {
    return absl::UnimplementedError(
        absl::StrCat("comparing a mappingproxy ", std::string(where), " (it compares its dict)"));
  }
  if (IsWeakProxy(heap, instance)) {
    // A proxy forwards the operation to its referent's type.
    return absl::UnimplementedError(
        absl::StrCat(std::string(method), " through a weakref.proxy ", std::string(where)));
  }
  return absl::UnimplementedError(
      absl::StrCat(std::string(method), " of class '",
                   heap.cls(heap.instance(instance).cls).name, "' ", std::string(where)));
}

// proxy_repr: the proxy's address and its referent's type and address.
std::string WeakProxyRepr(const Heap& heap, ObjectId id) {
  const std::string proxy = AddressText(heap.object(id).address);
  const ObjectId referent = heap.weakref(id).referent;
  if (heap.profile().weakref.proxy_repr_quotes_type) {
    if (referent == kNoObject) return absl::StrCat("<weakproxy at ", proxy, "; dead>");
    return absl::StrCat("<weakproxy at ", proxy, "; to '", TypeName(heap, referent), "' at ",
                        AddressText(heap.object(referent).address), ">");
  }
  // Before 3.13 a dead proxy shows what PyWeakref_GET_OBJECT gives: None.
  const ObjectId shown = referent == kNoObject ? heap.none() : referent;
  return absl::StrCat("<weakproxy at ", proxy, " to ", TypeName(heap, shown), " at ",
                      AddressText(heap.object(shown).address), ">");
}

std::string JoinItems(const Heap& heap, const std::vector<ObjectId>& items, ReprState& state) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) {
      out += ", ";
      LogText(state, ReprEvent::Kind::kWrite, 2);
    }
    const std::string item = ReprOf(heap, items[i], state);
    WriteItem(state, item.size());
    out += item;
  }
  return out;
}

// odict_repr: "OrderedDict()" when empty, "..." inside itself, else the
// pairs in the list's order as a list of tuples, or (3.12+) as a dict,
// each a repr call of its own (levels of recursion: the list and each
// pair, or the dict).
std::string OrderedDictReprOf(const Heap& heap, ObjectId od, ReprState& state) {
  const std::vector<ObjectId> keys = OrderedDictKeys(heap, od);
  if (keys.empty()) return "OrderedDict()";
  if (state.active.contains(od)) return "...";
  const bool as_dict = heap.profile().ordereddict_repr_shows_dict;
  const int levels = as_dict ? 1 : 2;
  for (int i = 0; i < levels; ++i) {
    if (!state.depth.Enter()) {
      for (int j = 0; j < i; ++j) state.depth.Leave();
      return "";
    }
  }
  state.active.insert(od);
  // The OrderedDict, then the list of pairs or the dict copy it shows.
  const bool entered = EnterRepr(state, od);
  const bool entered_copy = EnterRepr(state, od);
  std::string out = as_dict ? "OrderedDict({" : "OrderedDict([";
  for (size_t i = 0; i < keys.size(); ++i) {
    if (i > 0) out += ", ";
    absl::StatusOr<ObjectId> value = DictLookup(heap, od, keys[i]);
    const ObjectId shown = value.ok() ? *value : kNoObject;
    const bool entered_pair = !as_dict && EnterRepr(state, od);
    absl::StrAppend(&out, as_dict ? "" : "(", ReprOf(heap, keys[i], state), as_dict ? ": " : ", ",
                    shown == kNoObject ? "None" : ReprOf(heap, shown, state), as_dict ? "" : ")");
    LeaveRepr(state, entered_pair);
  }
  out += as_dict ? "})" : "])";
  LeaveRepr(state, entered_copy);
  LeaveRepr(state, entered);
  state.active.erase(od);
  for (int i = 0; i < levels; ++i) state.depth.Leave();
  return out;
}

std::string ComplexPart(double value) {
  // Like repr(float) but without the ".0" for integral values.
  std::string text = FloatRepr(value);
  if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) {
    text.resize(text.size() - 2);
  }
  return text;
}

std::string BytesRepr(const std::string& data, bool bytearray) {
  const bool has_single = data.find('\'') != std::string::npos;
  const bool has_double = data.find('"') != std::string::npos;
  const char quote = has_single && !has_double ? '"' : '\'';
  std::string out = "b";
  out += quote;
  for (unsigned char c : data) {
    if (c == static_cast<unsigned char>(quote) || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < ' ' || c >= 0x7f) {
      out += absl::StrFormat("\\x%02x", c);
    } else {
      out += static_cast<char>(c);
    }
  }
  out += quote;
  return bytearray ? absl::StrCat("bytearray(", out, ")") : out;
}

std::string ReprBody(const Heap& heap, ObjectId id, ReprState& state);

// partial_repr: the callable's repr, then the arguments' reprs and the
// keywords as name=repr, "..." for a partial already being printed. The
// str pieces CPython joins one by one are not modelled: refused while
// tracemalloc traces (they would show in its peak).
std::string PartialRepr(const Heap& heap, ObjectId id, ReprState& state) {
  if (heap.tracemalloc().tracing() && state.error.ok()) {
    state.error = absl::UnimplementedError(
        "the repr of a functools.partial while tracemalloc traces (the strs it joins are not "
        "modelled)");
  }
  if (state.active.contains(id)) return "...";
  state.active.insert(id);
  const bool entered = EnterRepr(state, id);
  const PartialBody& body = heap.partial(id);
  std::string out = absl::StrCat("functools.partial(", ReprOf(heap, body.function, state));
  for (ObjectId arg : heap.tuple(body.args).items) {
    absl::StrAppend(&out, ", ", ReprOf(heap, arg, state));
  }
  for (const DictEntry& entry : heap.dict(body.keywords).entries) {
    if (entry.key == kNoObject) continue;
    absl::StrAppend(&out, ", ", heap.str(entry.key).utf8, "=", ReprOf(heap, entry.value, state));
  }
  LeaveRepr(state, entered);
  state.active.erase(id);
  return out + ")";
}

// A list, tuple or dict whose repr the walk writes (ReprEvent's writers):
// not a namedtuple, sys.version_info, CacheInfo, OrderedDict, Counter or
// defaultdict.
bool WrittenContainer(const Heap& heap, ObjectId id) {
  switch (heap.type_of(id)) {
    case TypeTag::kList:
      return true;
    case TypeTag::kTuple:
      return heap.tuple(id).type == kNoObject && heap.object(id).subtype != kVersionInfoTuple &&
             heap.object(id).subtype != kCacheInfoTuple;
    case TypeTag::kDict:
      return !IsOrderedDict(heap, id) && !IsCounter(heap, id) && !IsDefaultDict(heap, id);
    default:
      return false;
  }
}

// Logs the blocks of a repr that made no writer of its own: a leaf's str
// (after an int's decimal scratch, or a float's digits buffer), a new str
// for an empty or recursive container's brackets, or, for the reprs whose
// blocks are not modelled, the fact (and a str standing in for theirs).
// Inside no writer (the repr the caller asked for) a leaf is the caller's
// to make, and the reprs of other types than those are not modelled.
void LogLeaf(const Heap& heap, ObjectId id, const std::string& text, bool inside_writer,
             ReprState& state) {
  const TypeTag type = heap.type_of(id);
  if (!inside_writer) {
    switch (type) {
      case TypeTag::kInt:
      case TypeTag::kFloat:
      case TypeTag::kStr:
      case TypeTag::kBool:
      case TypeTag::kNone:
      case TypeTag::kBytes:
      // The other reprs of lists, tuples and dicts the caller asks for
      // (namedtuples, defaultdicts, ...) are the interpreter's to model.
      case TypeTag::kList:
      case TypeTag::kTuple:
      case TypeTag::kDict:
        return;
      default:
        LogText(state, ReprEvent::Kind::kUnmodelled, 0, id);
        return;
    }
  }
  uint64_t scratch = 0;
  bool modelled = IsAsciiText(text);
  switch (type) {
    case TypeTag::kInt:
      scratch = DecimalScratchRequest(heap, id);
      break;
    case TypeTag::kFloat:
      scratch = FloatReprBufferRequest(text);
      break;
    case TypeTag::kBool:
      modelled = modelled && !heap.profile().bool_strs.made_on_first_use;
      break;
    case TypeTag::kStr:
    case TypeTag::kNone:
    case TypeTag::kBytes:
      break;
    default:
      modelled = modelled && WrittenContainer(heap, id);  // "[]", "[...]", ...
      break;
  }
  if (!modelled) LogText(state, ReprEvent::Kind::kUnmodelled, 0, id);
  if (state.events != nullptr && !state.failed() && state.unmodelled == 0) {
    state.events->push_back({ReprEvent::Kind::kLeafRepr, id, text.size(), scratch});
  }
}

// repr() of one object: one level of C recursion, as PyObject_Repr.
std::string ReprOf(const Heap& heap, ObjectId id, ReprState& state) {
  if (!state.depth.Enter()) return "";
  if (state.events == nullptr) {  // a walk that logs nothing
    std::string out = ReprBody(heap, id, state);
    state.depth.Leave();
    return out;
  }
  const bool inside_writer = state.writers > 0;
  const uint64_t strs_made = state.strs_made;
  // Inside a repr whose blocks are not modelled nothing is logged but the
  // enters and leaves.
  const bool written = WrittenContainer(heap, id);
  if (!written) ++state.unmodelled;
  std::string out = ReprBody(heap, id, state);
  if (!written) --state.unmodelled;
  // An empty or recursive container writes nothing: its brackets are a str.
  if (!written || state.strs_made == strs_made) LogLeaf(heap, id, out, inside_writer, state);
  state.depth.Leave();
  return out;
}

std::string ReprBody(const Heap& heap, ObjectId id, ReprState& state) {
  const Object& o = heap.object(id);
  switch (o.type) {
    case TypeTag::kNone:
      return "None";
    case TypeTag::kNotImplemented:
      return "NotImplemented";
    case TypeTag::kEllipsis:
      return "Ellipsis";
    case TypeTag::kBool:
      return o.small_int != 0 ? "True" : "False";
    case TypeTag::kInt:
      if (o.subtype == 0) return std::to_string(o.small_int);
      {
        absl::StatusOr<std::string> text = IntToDecimal(heap.profile().source_limits, heap.big_int(id));
        if (!text.ok()) {
          if (state.error.ok()) state.error = text.status();
          return state.checked ? "" : heap.big_int(id).ToString();
        }
        return *std::move(text);
      }
    case TypeTag::kFloat:
      return FloatRepr(o.real);
    case TypeTag::kComplex: {
      const ComplexBody& c = heap.complex(id);
      if (c.real == 0 && !std::signbit(c.real)) return ComplexPart(c.imag) + "j";
      std::string imag = ComplexPart(c.imag);
      if (imag[0] != '-') imag = "+" + imag;
      return absl::StrCat("(", ComplexPart(c.real), imag, "j)");
    }
    case TypeTag::kStr:
      return StrRepr(heap.str(id).utf8);
    case TypeTag::kBytes:
      return BytesRepr(heap.bytes(id).data, false);
    case TypeTag::kByteArray:
      return BytesRepr(heap.bytes(id).data, true);
    case TypeTag::kArray: {
      // array_repr takes the repr of the list of its items (tounicode for
      // 'u' and 'w').
      const bool as_list = ArrayLength(heap, id) > 0 &&
                           ArrayTypecodeOf(heap, id).kind != ArrayTypecode::Kind::kUnicode;
      const bool entered = as_list && EnterRepr(state, id);
      LeaveRepr(state, entered);
      return ArrayRepr(heap, id);
    }
    case TypeTag::kMemoryView:
      return absl::StrCat(MemoryViewReleased(heap, id) ? "<released memory at " : "<memory at ",
                          AddressText(o.address), ">");
    case TypeTag::kDeque:
      // deque_repr copies the items into a list first (DequeRepr models it).
      if (state.error.ok()) {
        state.error = absl::UnimplementedError("the repr of a deque inside another object");
      }
      return "deque(...)";
    case TypeTag::kList: {
      if (heap.list(id).items.empty()) return "[]";
      if (state.active.contains(id)) return "[...]";
      state.active.insert(id);
      const bool entered = EnterRepr(state, id);
      // "[" + "1" + ", 2" * (len - 1) + "]"
      OpenWriter(state, 3 * heap.list(id).items.size());
      std::string out = absl::StrCat("[", JoinItems(heap, heap.list(id).items, state), "]");
      CloseWriter(state, 1, entered);
      state.active.erase(id);
      return out;
    }
    case TypeTag::kTuple: {
      const auto& items = heap.tuple(id).items;
      if (heap.object(id).subtype == kVersionInfoTuple) {
        std::string out = "sys.version_info(";
        for (size_t i = 0; i < items.size() && i < kVersionInfoFields.size(); ++i) {
          absl::StrAppend(&out, i == 0 ? "" : ", ", std::string(kVersionInfoFields[i]), "=",
                          ReprOf(heap, items[i], state));
        }
        return out + ")";
      }
      if (heap.tuple(id).type != kNoObject) {
        // The namedtuple's __repr__, Python code: no Py_ReprEnter of its own.
        if (++state.namedtuple_nesting > kMaxNamedTupleReprNesting && state.error.ok()) {
          state.error = absl::UnimplementedError(absl::StrCat(
              "the repr of namedtuples nested more than ", kMaxNamedTupleReprNesting, " deep"));
        }
        std::string out = state.error.ok() ? NamedTupleRepr(heap, id, [&](ObjectId item) {
          return ReprOf(heap, item, state);
        }) : std::string();
        --state.namedtuple_nesting;
        return out;
      }
      if (heap.object(id).subtype == kCacheInfoTuple) {
        std::string out = "CacheInfo(";
        for (size_t i = 0; i < items.size() && i < kCacheInfoFields.size(); ++i) {
          absl::StrAppend(&out, i == 0 ? "" : ", ", std::string(kCacheInfoFields[i]), "=",
                          ReprOf(heap, items[i], state));
        }
        return out + ")";
      }
      if (items.empty()) return "()";
      if (state.active.contains(id)) return "(...)";
      state.active.insert(id);
      const bool entered = EnterRepr(state, id);
      // "(" + "1" + ", 2" * (len - 1) + ")", or "(1,)"
      OpenWriter(state, items.size() > 1 ? 3 * items.size() : 4);
      std::string out = absl::StrCat("(", JoinItems(heap, items, state),
                                     items.size() == 1 ? ",)" : ")");
      CloseWriter(state, items.size() == 1 ? 2 : 1, entered);
      state.active.erase(id);
      return out;
    }
    case TypeTag::kDict: {
      if (IsOrderedDict(heap, id)) return OrderedDictReprOf(heap, id, state);
      if (IsCounter(heap, id)) {
        // Counter.__repr__ is Python code: the interpreter shows Counters.
        if (state.error.ok()) {
          state.error = absl::UnimplementedError(
              "the repr of a collections.Counter inside an exception's message or a %-format "
              "compiled to an f-string (Counter.__repr__ is Python code)");
        }
        return std::string();
      }
      std::string out = "{...}";
      if (!state.active.contains(id)) {
        state.active.insert(id);
        const bool entered = EnterRepr(state, id);
        const uint64_t used = heap.dict(id).used;
        // "{" + "1: 2" + ", 3: 4" * (len - 1) + "}"; an empty dict's is a
        // new str of its own.
        if (used > 0) OpenWriter(state, 6 * used);
        out = "{";
        bool first = true;
        for (const DictEntry& entry : heap.dict(id).entries) {
          if (entry.key == kNoObject) continue;
          if (!first) {
            out += ", ";
            LogText(state, ReprEvent::Kind::kWrite, 2);
          }
          first = false;
          const std::string key = ReprOf(heap, entry.key, state);
          WriteItem(state, key.size());
          out += key;
          out += ": ";
          LogText(state, ReprEvent::Kind::kWrite, 2);
          const std::string value = ReprOf(heap, entry.value, state);
          WriteItem(state, value.size());
          out += value;
        }
        out += "}";
        if (used > 0) {
          CloseWriter(state, 1, entered);
        } else {
          LeaveRepr(state, entered);
        }
        state.active.erase(id);
      }
      if (!IsDefaultDict(heap, id)) return out;
      // defdict_repr: the dict's repr, then the factory's ("..." while that
      // is being shown, None when NULL).
      const ObjectId factory = DefaultFactory(heap, id);
      std::string shown = "None";
      if (factory != kNoObject && state.active.contains(factory)) {
        shown = "...";
      } else if (factory != kNoObject) {
        state.active.insert(factory);
        const bool entered = EnterRepr(state, factory);
        shown = ReprOf(heap, factory, state);
        LeaveRepr(state, entered);
        state.active.erase(factory);
      }
      return absl::StrCat("defaultdict(", shown, ", ", out, ")");
    }
    case TypeTag::kSet:
    case TypeTag::kFrozenSet: {
      const bool frozen = o.type == TypeTag::kFrozenSet;
      const SetBody& body = heap.set(id);
      if (state.active.contains(id)) return frozen ? "frozenset(...)" : "set(...)";
      // set_repr enters the set before it looks at its size, then takes the
      // repr of a new list of its keys (which the set stands for), dropped
      // once shown.
      const bool entered = EnterRepr(state, id);
      if (body.used == 0) {
        LeaveRepr(state, entered);
        return frozen ? "frozenset()" : "set()";
      }
      state.active.insert(id);
      const bool made_keys = MakeKeysList(state, id);
      const bool entered_keys = EnterRepr(state, id);
      std::vector<ObjectId> keys;
      for (const SetEntry& entry : body.table) {
        if (entry.key != kNoObject && entry.key != SetBody::kDummyKey) keys.push_back(entry.key);
      }
      std::string out = absl::StrCat("{", JoinItems(heap, keys, state), "}");
      LeaveRepr(state, entered_keys);
      DropKeysList(state, made_keys);
      LeaveRepr(state, entered);
      state.active.erase(id);
      return frozen ? absl::StrCat("frozenset(", out, ")") : out;
    }
    case TypeTag::kRange: {
      const RangeBody& r = heap.range(id);
      if (r.saturated && state.error.ok()) state.error = SaturatedRangeRefusal("repr()");
      if (r.step == 1) return absl::StrCat("range(", r.start, ", ", r.stop, ")");
      return absl::StrCat("range(", r.start, ", ", r.stop, ", ", r.step, ")");
    }
    case TypeTag::kSlice: {
      const SliceBody& s = heap.slice(id);
      return absl::StrCat("slice(", ReprOf(heap, s.start, state), ", ", ReprOf(heap, s.stop, state),
                          ", ", ReprOf(heap, s.step, state), ")");
    }
    case TypeTag::kObject:
      return absl::StrCat("<object object at ", AddressText(o.address), ">");
    case TypeTag::kInstance:
      if ((SpecialOf(heap, id) & kSpecialRepr) != 0 && state.error.ok()) {
        state.error = SpecialRefusal(heap, id, "__repr__", "called from inside another object");
      }
      if (const ObjectId args = heap.instance(id).args; args != kNoObject) {
        // BaseException_repr: the class's name and the args (the repr of
        // the args tuple when there are two or more).
        const bool entered = heap.tuple(args).items.size() > 1 && EnterRepr(state, args);
        std::string out = absl::StrCat(heap.cls(heap.instance(id).cls).name, "(",
                                       JoinItems(heap, heap.tuple(args).items, state), ")");
        LeaveRepr(state, entered);
        return out;
      }
      return absl::StrCat("<", ClassModule(heap, heap.instance(id).cls), ".",
                          heap.cls(heap.instance(id).cls).name, " object at ",
                          AddressText(o.address), ">");
    case TypeTag::kClass:
      return absl::StrCat("<class '", ClassModule(heap, id), ".", heap.cls(id).name, "'>");
    case TypeTag::kNamedTupleType:
      return absl::StrCat("<class '", heap.cls(id).module, ".", heap.cls(id).name, "'>");
    case TypeTag::kMethodWrapper: {
      const ObjectId self = heap.bound(id).self;
      return absl::StrCat("<method-wrapper '__init__' of ", TypeName(heap, self), " object at ",
                          AddressText(heap.object(self).address), ">");
    }
    case TypeTag::kStaticMethod:
    case TypeTag::kClassMethod:
    case TypeTag::kProperty:
      return absl::StrCat("<", std::string(InfoOf(o.type).name), " object at ", AddressText(o.address), ">");
    case TypeTag::kPartial:
      return PartialRepr(heap, id, state);
    case TypeTag::kMappingProxy:
      // "mappingproxy(%R)": the dict's repr made as a str of its own first,
      // and a class's namespace shows its functions' addresses.
      if (state.error.ok()) {
        state.error = absl::UnimplementedError(
            "the repr of a mappingproxy (list(C.__dict__) or C.__dict__.keys() shows its names)");
      }
      return "mappingproxy(...)";
    case TypeTag::kWeakContainer:
      // "<WeakValueDictionary at 0x...>", "<finalize object at 0x...; for
      // 'R' at 0x...>": addresses weakref.py's unmodelled allocations made
      // unknown.
      state.error = absl::UnimplementedError(absl::StrCat(
          "the repr of a ", std::string(WeakContainerTypeName(WeakContainerKindOf(heap, id))),
          " object (it shows an address weakref.py's unmodelled allocations made unknown)"));
      return "";
    case TypeTag::kLruCache:
    case TypeTag::kLruCacheDecorator:
    case TypeTag::kLruLink:
      // Their reprs show an address functools.py's unmodelled allocations
      // made unknown.
      state.error = absl::UnimplementedError("the repr of functools.lru_cache's objects");
      return "";
    case TypeTag::kSuper: {
      const SuperBody& s = heap.super_body(id);
      return absl::StrCat("<super: <class '", heap.cls(s.type).name, "'>, <",
                          heap.cls(s.obj_type).name, " object>>");
    }
    case TypeTag::kTraceObject: {
      absl::StatusOr<std::string> text = TraceObjectStr(heap.trace_object(id), true);
      if (text.ok()) return *std::move(text);
      if (state.error.ok()) state.error = text.status();
      return "";
    }
    case TypeTag::kMemberDescriptor:
      return absl::StrCat("<member '", heap.str(heap.member(id).name).utf8, "' of '",
                          heap.cls(heap.member(id).cls).name, "' objects>");
    case TypeTag::kBuiltinType:
      if (heap.cls(id).name == "deque") return "<class 'collections.deque'>";
      if (heap.cls(id).name == "partial") return "<class 'functools.partial'>";
      if (heap.cls(id).name == "defaultdict") return "<class 'collections.defaultdict'>";
      if (heap.cls(id).name == "OrderedDict") return "<class 'collections.OrderedDict'>";
      if (heap.cls(id).name == "Counter") return "<class 'collections.Counter'>";
      if (!heap.cls(id).module.empty()) {
        return absl::StrCat("<class '", heap.cls(id).module, ".", heap.cls(id).name, "'>");
      }
      if (heap.cls(id).name == heap.profile().weakref.type_name &&
          !heap.profile().weakref.type_module.empty()) {
        return absl::StrCat("<class '", std::string(heap.profile().weakref.type_module), ".",
                            heap.cls(id).name, "'>");
      }
      // array.array (a static type of heapsim's) shows its module.
      if (heap.cls(id).name == "array") return "<class 'array.array'>";
      return absl::StrCat("<class '", heap.cls(id).name, "'>");
    case TypeTag::kCell: {
      const ObjectId contents = heap.cell(id).contents;
      if (contents == kNoObject) return absl::StrCat("<cell at ", AddressText(o.address), ": empty>");
      return absl::StrCat("<cell at ", AddressText(o.address), ": ", TypeName(heap, contents),
                          " object at ", AddressText(heap.object(contents).address), ">");
    }
    case TypeTag::kWeakRef: {
      const ObjectId referent = heap.weakref(id).referent;
      if (IsWeakProxy(heap, id)) return WeakProxyRepr(heap, id);
      if (referent == kNoObject) return absl::StrCat("<weakref at ", AddressText(o.address), "; dead>");
      std::string out = absl::StrCat("<weakref at ", AddressText(o.address), "; to '",
                                     TypeName(heap, referent), "' at ",
                                     AddressText(heap.object(referent).address));
      // Referents with a __name__ (functions, classes) show it.
      if (heap.type_of(referent) == TypeTag::kFunction) {
        absl::StrAppend(&out, " (", heap.str(heap.function(referent).name).utf8, ")");
      } else if (heap.type_of(referent) == TypeTag::kClass) {
        absl::StrAppend(&out, " (", heap.cls(referent).name, ")");
      }
      return absl::StrCat(out, ">");
    }
    case TypeTag::kFunction:
      return absl::StrCat("<function ", heap.function(id).qualname, " at ", AddressText(o.address),
                          ">");
    case TypeTag::kCode:
      if (state.error.ok()) {
        state.error = absl::UnimplementedError(
            "the repr of a code object (CPython shows the path of its file)");
      }
      return absl::StrCat("<code object ", heap.str(heap.code(id).name).utf8, " at ",
                          AddressText(o.address), ">");
    case TypeTag::kModule: {
      const std::string& name = heap.module(id).name;
      if (name != "sys" && name != "gc" && name != "builtins" && state.error.ok()) {
        state.error = absl::UnimplementedError(absl::StrCat(
            "the repr of module '", name, "' (CPython shows the path of its file)"));
      }
      return absl::StrCat("<module '", name, "' (built-in)>");
    }
    case TypeTag::kBuiltinFunction: {
      const BoundBody& b = heap.bound(id);
      const std::string name(heap.builtin_namer() != nullptr ? heap.builtin_namer()(b.builtin)
                                                             : std::string_view());
      if (name.empty() && state.error.ok()) {
        state.error = absl::UnimplementedError("the repr of a builtin function heapsim does not name");
      }
      if (b.self == kNoObject) return absl::StrCat("<built-in function ", name, ">");
      return absl::StrCat("<built-in method ", name, " of ", TypeName(heap, b.self),
                          " object at ", AddressText(heap.object(b.self).address), ">");
    }
    case TypeTag::kMethod: {
      const BoundBody& b = heap.bound(id);
      return absl::StrCat("<bound method ", heap.function(b.callable).qualname, " of ",
                          ReprOf(heap, b.self, state), ">");
    }
    case TypeTag::kException: {
      const ExceptionBody& e = heap.exception(id);
      const auto& args = heap.tuple(e.args).items;
      const bool entered = args.size() > 1 && EnterRepr(state, e.args);
      std::string out = absl::StrCat(e.type_name, "(", JoinItems(heap, args, state), ")");
      LeaveRepr(state, entered);
      return out;
    }
    case TypeTag::kDictView: {
      static constexpr std::string_view kNames[] = {"dict_keys", "dict_values", "dict_items"};
      std::string out = std::string(kNames[o.subtype]) + "([";
      bool first = true;
      const IteratorBody& view = heap.iterator(id);
      // dictview_repr enters the view, then takes the repr of a new list of
      // its items (for items, each a tuple), dropped once shown; the view
      // stands for the list.
      const bool entered = EnterRepr(state, id);
      const bool made_list = MakeKeysList(state, id);
      const bool entered_list = heap.dict(view.source).used > 0 && EnterRepr(state, id);
      for (const DictEntry& entry : heap.dict(view.source).entries) {
        if (entry.key == kNoObject) continue;
        if (!first) out += ", ";
        first = false;
        switch (static_cast<ViewKind>(o.subtype)) {
          case ViewKind::kKeys:
            out += ReprOf(heap, entry.key, state);
            break;
          case ViewKind::kValues:
            out += ReprOf(heap, entry.value, state);
            break;
          case ViewKind::kItems: {
            const bool entered_pair = EnterRepr(state, id);
            absl::StrAppend(&out, "(", ReprOf(heap, entry.key, state), ", ",
                            ReprOf(heap, entry.value, state), ")");
            LeaveRepr(state, entered_pair);
            break;
          }
        }
      }
      LeaveRepr(state, entered_list);
      DropKeysList(state, made_list);
      LeaveRepr(state, entered);
      return out + "])";
    }
    case TypeTag::kIterator:
      if (static_cast<IterKind>(o.subtype) == IterKind::kWeakGenerator) {
        state.error = absl::UnimplementedError(
            "the repr of a weakref.py generator (its name and an address are not modelled)");
        return "";
      }
      if (std::optional<std::string> text = ItertoolsRepr(
              heap, id, [&](ObjectId item) { return ReprOf(heap, item, state); })) {
        return *std::move(text);
      }
      return absl::StrCat("<", TypeName(heap, id), " object at ", AddressText(o.address), ">");
    default:
      return absl::StrCat("<", TypeName(heap, id), " object at ", AddressText(o.address), ">");
  }
}

bool IsPrintable(char32_t cp) {
  if (cp < 0x20 || cp == 0x7f) return false;
  if (cp < 0x7f) return true;
  if (cp <= 0xa0 || cp == 0xad) return false;
  if ((cp >= 0x2000 && cp <= 0x200f) || (cp >= 0x2028 && cp <= 0x202f) ||
      (cp >= 0x205f && cp <= 0x206f) || cp == 0x3000 || cp == 0xfeff) {
    return false;
  }
  if ((cp >= 0xd800 && cp <= 0xf8ff) || cp >= 0xf0000) return false;
  return true;
}

}  // namespace

std::string TypeName(const Heap& heap, ObjectId id) {
  const Object& o = heap.object(id);
  switch (o.type) {
    case TypeTag::kInstance:
      return heap.cls(heap.instance(id).cls).name;
    case TypeTag::kIterator:
      return std::string(IterKindName(heap.profile(), static_cast<IterKind>(o.subtype)));
    case TypeTag::kDictView: {
      static constexpr std::string_view kNames[] = {"dict_keys", "dict_values", "dict_items"};
      return std::string(kNames[o.subtype]);
    }
    case TypeTag::kException:
      return heap.exception(id).type_name;
    case TypeTag::kTraceObject:
      return std::string(TraceObjectTypeName(heap.trace_object(id).kind));
    case TypeTag::kWeakRef: {
      // tp_name, as errors show it: "weakref", or "weakref.ReferenceType";
      // the proxies' alike.
      const WeakRefRules& rules = heap.profile().weakref;
      const WeakRefKind kind = heap.weakref(id).kind;
      const std::string_view name = kind == WeakRefKind::kRef     ? rules.type_name
                                    : kind == WeakRefKind::kProxy ? rules.proxy_type_name
                                                                  : rules.callable_proxy_type_name;
      if (rules.type_module.empty()) return std::string(name);
      return absl::StrCat(std::string(rules.type_module), ".", std::string(name));
    }
    case TypeTag::kTuple:
      if (heap.tuple(id).type != kNoObject) return heap.cls(heap.tuple(id).type).name;
      if (o.subtype == kCacheInfoTuple) return "CacheInfo";
      return o.subtype == kVersionInfoTuple ? "sys.version_info" : "tuple";
    case TypeTag::kDeque:
      return "collections.deque";  // tp_name, as errors show it
    case TypeTag::kPartial:
      return "functools.partial";
    case TypeTag::kWeakContainer:
      return std::string(WeakContainerTypeName(WeakContainerKindOf(heap, id)));
    case TypeTag::kLruCache:
      return "functools._lru_cache_wrapper";
    case TypeTag::kDict:
      return o.subtype == kDefaultDictSubtype   ? "collections.defaultdict"
             : o.subtype == kOrderedDictSubtype ? "collections.OrderedDict"
             : o.subtype == kCounterSubtype     ? "Counter"  // a Python class's name
                                                : "dict";
    default:
      return std::string(InfoOf(o.type).name);
  }
}

namespace {

// Tuples nested deeper than this are not hashed: CPython's tuple hash
// recurses on its C stack and crashes well before 10^6 levels (3.11: past
// about 130,900), an outcome heapsim does not model; it refuses instead.
constexpr uint32_t kMaxHashNesting = 100000;

// hash(None): a constant from 3.12, before that its address's hash.
int64_t NoneHash(const Heap& heap) {
  constexpr int64_t kConstantNoneHash = 0xFCA86420;
  return heap.profile().none_hash_is_constant ? kConstantNoneHash
                                              : HashPointer(heap.address_of(heap.none()));
}

absl::StatusOr<int64_t> HashAt(const Heap& heap, ObjectId id, uint32_t depth) {
  const Object& o = heap.object(id);
  switch (o.type) {
    case TypeTag::kBool:
      return o.small_int;
    case TypeTag::kInt: {
      if (o.subtype != 0) return heap.big_int(id).Hash();
      return BigInt(o.small_int).Hash();
    }
    case TypeTag::kFloat:
      return HashDouble(o.real, heap.profile().nan_hash_is_identity ? HashPointer(o.address) : 0);
    case TypeTag::kComplex:
      return HashComplex(heap.complex(id).real, heap.complex(id).imag,
                         heap.profile().nan_hash_is_identity ? HashPointer(o.address) : 0);
    case TypeTag::kStr: {
      const StrBody& s = heap.str(id);
      if (!s.hashed) {
        s.hash = HashStr(s.utf8, s.kind, heap.profile().siphash13);
        s.hashed = true;
      }
      return s.hash;
    }
    case TypeTag::kBytes:
      return HashBytes(heap.bytes(id).data, heap.profile().siphash13);
    case TypeTag::kTuple: {
      if (depth > kMaxHashNesting) {
        return absl::UnimplementedError(absl::StrCat(
            "hashing a tuple nested more than ", kMaxHashNesting,
            " levels deep (CPython overflows its C stack)"));
      }
      std::vector<int64_t> hashes;
      for (ObjectId item : heap.tuple(id).items) {
        absl::StatusOr<int64_t> h = HashAt(heap, item, depth + 1);
        if (!h.ok()) return h.status();
        hashes.push_back(*h);
      }
      return HashTuple(hashes);
    }
    case TypeTag::kFrozenSet: {
      const SetBody& body = heap.set(id);
      auto shuffle = [](uint64_t h) { return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL; };
      uint64_t hash = 0;
      for (const SetEntry& entry : body.table) {
        hash ^= shuffle(static_cast<uint64_t>(
            entry.key == SetBody::kDummyKey ? -1 : (entry.key == kNoObject ? 0 : entry.hash)));
      }
      hash ^= (static_cast<uint64_t>(body.used) + 1) * 1927868237ULL;
      hash ^= (hash >> 11) ^ (hash >> 25);
      hash = hash * 69069U + 907133923ULL;
      if (hash == static_cast<uint64_t>(-1)) hash = 590923713ULL;
      return static_cast<int64_t>(hash);
    }
    case TypeTag::kList:
    case TypeTag::kDict:
    case TypeTag::kSet:
    case TypeTag::kByteArray:
    case TypeTag::kSlice:
    case TypeTag::kArray:
    case TypeTag::kDeque:
      return PyError(PyExc::kTypeError, absl::StrCat("unhashable type: '", TypeName(heap, id), "'"));
    case TypeTag::kMappingProxy:
      // No tp_hash of its own until 3.12, which hashes the mapping.
      return PyError(PyExc::kTypeError,
                     absl::StrCat("unhashable type: '",
                                  heap.profile().class_namespace.proxy_hash_delegates
                                      ? TypeName(heap, ProxiedMapping(heap, id))
                                      : TypeName(heap, id),
                                  "'"));
    case TypeTag::kInstance: {
      const uint32_t special = SpecialOf(heap, id);
      if ((special & kSpecialHashNone) != 0) {
        return PyError(PyExc::kTypeError,
                       absl::StrCat("unhashable type: '", TypeName(heap, id), "'"));
      }
      if ((special & kSpecialHash) != 0) {
        return SpecialRefusal(heap, id, "__hash__", "called for a dict key, set item or tuple");
      }
      return HashPointer(o.address);
    }
    case TypeTag::kRange: {
      const RangeBody& r = heap.range(id);
      if (r.saturated) return SaturatedRangeRefusal("hash()");
      const int64_t length = Length(heap, id);
      std::vector<int64_t> hashes = {BigInt(length).Hash(),
                                     length == 0 ? NoneHash(heap) : BigInt(r.start).Hash(),
                                     length <= 1 ? NoneHash(heap) : BigInt(r.step).Hash()};
      return HashTuple(hashes);
    }
    case TypeTag::kMemoryView: {
      // memory_hash: a kept hash first, then the checks.
      if (heap.memoryview(id).hashed) return heap.memoryview(id).hash;
      if (MemoryViewReleased(heap, id)) return ReleasedViewError();
      if (!MemoryViewReadOnly(heap, id)) {
        return PyError(PyExc::kValueError, "cannot hash writable memoryview object");
      }
      if (!MemoryViewContiguous(heap, id)) {
        return absl::UnimplementedError("hash() of a strided memoryview (CPython copies it first)");
      }
      return MemoryViewHash(heap, id);
    }
    case TypeTag::kWeakRef:
      if (IsWeakProxy(heap, id)) {
        // The proxy types define comparisons and no __hash__.
        return PyError(PyExc::kTypeError,
                       absl::StrCat("unhashable type: '", TypeName(heap, id), "'"));
      }
      // CPython hashes the referent once and keeps it, even after it dies.
      return absl::UnimplementedError("hash() of a weak reference");
    case TypeTag::kTraceObject:
      return absl::UnimplementedError("hash() of a tracemalloc object");
    case TypeTag::kCode:
      return absl::UnimplementedError(
          "hash() of a code object (CPython hashes its names, flags and constants)");
    case TypeTag::kWeakContainer:
      // The containers define __eq__ (Mapping's, WeakSet's), so __hash__
      // is None; finalize hashes its address, which weakref.py's
      // unmodelled allocations made unknown.
      if (WeakContainerKindOf(heap, id) < WeakContainerKind::kFinalize) {
        return PyError(PyExc::kTypeError,
                       absl::StrCat("unhashable type: '", TypeName(heap, id), "'"));
      }
      return absl::UnimplementedError("hash() of a weakref.finalize object (its address)");
    case TypeTag::kNone:
      return NoneHash(heap);
    default:
      return HashPointer(o.address);
  }
}

}  // namespace

absl::StatusOr<int64_t> Hash(const Heap& heap, ObjectId id) { return HashAt(heap, id, 0); }

namespace {

bool EqualBody(const Heap& heap, ObjectId a, ObjectId b, Depth& depth);

// a == b as PyObject_RichCompareBool: identity first, then one level of C
// recursion for the comparison.
bool EqualIn(const Heap& heap, ObjectId a, ObjectId b, Depth& depth) {
  if (a == b) return true;
  if (!depth.Enter()) return false;
  const bool equal = EqualBody(heap, a, b, depth);
  depth.Leave();
  return equal;
}

bool EqualBody(const Heap& heap, ObjectId a, ObjectId b, Depth& depth) {
  const TypeTag ta = heap.type_of(a);
  const TypeTag tb = heap.type_of(b);
  for (ObjectId side : {a, b}) {
    if ((SpecialOf(heap, side) & kSpecialCompare) != 0 || IsWeakProxy(heap, side) ||
        IsMappingProxy(heap, side)) {
      if (depth.special == kNoObject) depth.special = side;
      return false;
    }
  }
  if (IsNumber(ta) && IsNumber(tb)) {
    if (ta == TypeTag::kComplex || tb == TypeTag::kComplex) {
      auto parts = [&heap](ObjectId id) -> std::pair<double, double> {
        const TypeTag t = heap.type_of(id);
        if (t == TypeTag::kComplex) return {heap.complex(id).real, heap.complex(id).imag};
        if (t == TypeTag::kFloat) return {FloatValue(heap, id), 0.0};
        return {IntAsBig(heap, id).ToDouble(), 0.0};
      };
      return parts(a) == parts(b);
    }
    return CompareNumbers(heap, a, b) == 0;
  }
  if (IsSetType(ta) && IsSetType(tb)) {
    const SetBody& x = heap.set(a);
    const SetBody& y = heap.set(b);
    if (x.used != y.used) return false;
    for (const SetEntry& entry : x.table) {
      if (entry.key == kNoObject || entry.key == SetBody::kDummyKey) continue;
      bool found = false;
      for (const SetEntry& other : y.table) {
        if (other.key == kNoObject || other.key == SetBody::kDummyKey) continue;
        if (other.hash == entry.hash && EqualIn(heap, entry.key, other.key, depth)) {
          found = true;
          break;
        }
      }
      if (!found) return false;
    }
    return true;
  }
  if (IsBytesType(ta) && IsBytesType(tb)) return heap.bytes(a).data == heap.bytes(b).data;
  if (ta == TypeTag::kMemoryView || tb == TypeTag::kMemoryView) {
    if (MemoryViewComparesUnpacked(heap, a, b)) {
      if (depth.special == kNoObject) depth.special = ta == TypeTag::kMemoryView ? a : b;
      return false;
    }
    return MemoryViewEqual(heap, a, b);
  }
  if (ta != tb) return false;
  if (ta == TypeTag::kCode) {
    depth.codes_met = true;
    return false;
  }
  if (ta == TypeTag::kDeque) {
    if (heap.deque(a).items.size() != heap.deque(b).items.size()) return false;
    depth.deques_met = true;
    return false;
  }
  switch (ta) {
    case TypeTag::kArray:
      return ArrayEqual(heap, a, b);
    case TypeTag::kStr:
      return heap.str(a).utf8 == heap.str(b).utf8;
    case TypeTag::kList:
    case TypeTag::kTuple: {
      const auto& x = ta == TypeTag::kList ? heap.list(a).items : heap.tuple(a).items;
      const auto& y = ta == TypeTag::kList ? heap.list(b).items : heap.tuple(b).items;
      if (x.size() != y.size()) return false;
      for (size_t i = 0; i < x.size(); ++i) {
        if (!EqualIn(heap, x[i], y[i], depth)) return false;
      }
      return true;
    }
    case TypeTag::kDict: {
      if (heap.profile().counter_rich_compare && IsCounter(heap, a) && IsCounter(heap, b)) {
        depth.counters_met = true;
        return false;
      }
      const DictBody& x = heap.dict(a);
      const DictBody& y = heap.dict(b);
      if (x.used != y.used) return false;
      for (const DictEntry& entry : x.entries) {
        if (entry.key == kNoObject) continue;
        bool found = false;
        for (const DictEntry& other : y.entries) {
          if (other.key == kNoObject || other.hash != entry.hash) continue;
          if (EqualIn(heap, entry.key, other.key, depth)) {
            found = EqualIn(heap, entry.value, other.value, depth);
            break;
          }
        }
        if (!found) return false;
      }
      if (IsOrderedDict(heap, a) && IsOrderedDict(heap, b)) {
        // odict_richcompare: equal dicts, then the keys in the same order.
        const std::vector<ObjectId> x_keys = OrderedDictKeys(heap, a);
        const std::vector<ObjectId> y_keys = OrderedDictKeys(heap, b);
        for (size_t i = 0; i < x_keys.size() && i < y_keys.size(); ++i) {
          if (!EqualIn(heap, x_keys[i], y_keys[i], depth)) return false;
        }
        return x_keys.size() == y_keys.size();
      }
      return true;
    }
    case TypeTag::kRange: {
      const RangeBody& x = heap.range(a);
      const RangeBody& y = heap.range(b);
      const int64_t n = Length(heap, a);
      if (n != Length(heap, b)) return false;
      if (n == 0) return true;
      if (x.start != y.start) return false;
      return n == 1 || x.step == y.step;
    }
    case TypeTag::kMethod:
    case TypeTag::kBuiltinFunction: {
      // Bound methods are equal when they bind the same object (by identity)
      // to the same function.
      const BoundBody& x = heap.bound(a);
      const BoundBody& y = heap.bound(b);
      return x.self == y.self && x.callable == y.callable && x.builtin == y.builtin;
    }
    case TypeTag::kWeakRef: {
      // Two live references compare their referents; else by identity.
      const ObjectId x = heap.weakref(a).referent;
      const ObjectId y = heap.weakref(b).referent;
      return x != kNoObject && y != kNoObject && EqualIn(heap, x, y, depth);
    }
    default:
      return false;
  }
}

absl::StatusOr<bool> LessBody(const Heap& heap, ObjectId a, ObjectId b, Depth& depth);

// a < b as PyObject_RichCompare: one level of C recursion.
absl::StatusOr<bool> LessIn(const Heap& heap, ObjectId a, ObjectId b, Depth& depth) {
  if (!depth.Enter()) return false;
  absl::StatusOr<bool> less = LessBody(heap, a, b, depth);
  depth.Leave();
  return less;
}

absl::StatusOr<bool> LessBody(const Heap& heap, ObjectId a, ObjectId b, Depth& depth) {
  if (!SpendWork(1)) return BudgetStatus();
  const TypeTag ta = heap.type_of(a);
  const TypeTag tb = heap.type_of(b);
  for (ObjectId side : {a, b}) {
    if ((SpecialOf(heap, side) & kSpecialCompare) != 0 || IsWeakProxy(heap, side) ||
        IsMappingProxy(heap, side)) {
      if (depth.special == kNoObject) depth.special = side;
      return false;
    }
  }
  if (IsNumber(ta) && IsNumber(tb) && ta != TypeTag::kComplex && tb != TypeTag::kComplex) {
    return CompareNumbers(heap, a, b) == -1;
  }
  if (ta == TypeTag::kStr && tb == TypeTag::kStr) return heap.str(a).utf8 < heap.str(b).utf8;
  if (IsBytesType(ta) && IsBytesType(tb)) return heap.bytes(a).data < heap.bytes(b).data;
  if (ta == TypeTag::kArray && tb == TypeTag::kArray && ArraysOrderable(heap, a, b)) {
    return ArrayLess(heap, a, b);
  }
  if (ta == TypeTag::kDeque && tb == TypeTag::kDeque) {
    return absl::UnimplementedError("ordering deques (CPython compares them through iterators)");
  }
  if (ta == tb && (ta == TypeTag::kList || ta == TypeTag::kTuple)) {
    const auto& x = ta == TypeTag::kList ? heap.list(a).items : heap.tuple(a).items;
    const auto& y = ta == TypeTag::kList ? heap.list(b).items : heap.tuple(b).items;
    for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
      if (!EqualIn(heap, x[i], y[i], depth)) return LessIn(heap, x[i], y[i], depth);
    }
    return x.size() < y.size();
  }
  if (IsSetType(ta) && IsSetType(tb)) {
    const SetBody& x = heap.set(a);
    const SetBody& y = heap.set(b);
    if (x.used >= y.used) return false;
    for (const SetEntry& entry : x.table) {
      if (entry.key == kNoObject || entry.key == SetBody::kDummyKey) continue;
      bool found = false;
      for (const SetEntry& other : y.table) {
        if (other.key != kNoObject && other.key != SetBody::kDummyKey &&
            other.hash == entry.hash && EqualIn(heap, entry.key, other.key, depth)) {
          found = true;
          break;
        }
      }
      if (!found) return false;
    }
    return true;
  }
  return PyError(PyExc::kTypeError,
                 absl::StrCat("'<' not supported between instances of '", TypeName(heap, a),
                              "' and '", TypeName(heap, b), "'"));
}

}  // namespace

bool Equal(const Heap& heap, ObjectId a, ObjectId b) {
  Depth depth = RoomFor(heap, 0);
  return EqualIn(heap, a, b, depth);
}

absl::StatusOr<bool> EqualChecked(const Heap& heap, ObjectId a, ObjectId b) {
  if (a != b && (heap.type_of(a) == TypeTag::kTraceObject || heap.type_of(b) == TypeTag::kTraceObject)) {
    return absl::UnimplementedError("comparing tracemalloc objects");
  }
  if ((heap.type_of(a) == TypeTag::kMemoryView && heap.type_of(b) == TypeTag::kArray) ||
      (heap.type_of(b) == TypeTag::kMemoryView && heap.type_of(a) == TypeTag::kArray)) {
    return absl::UnimplementedError("comparing a memoryview with an array.array");
  }
  if (a != b && (IsSaturatedRange(heap, a) || IsSaturatedRange(heap, b))) {
    return SaturatedRangeRefusal("a comparison");
  }
  if (a != b && (IsSetLikeView(heap, a) || IsSetLikeView(heap, b))) {
    const TypeTag other = heap.type_of(IsSetLikeView(heap, a) ? b : a);
    if (other == TypeTag::kSet || other == TypeTag::kFrozenSet || other == TypeTag::kDictView) {
      return SetLikeViewRefusal("an equality test");
    }
  }
  Depth depth = RoomFor(heap, 0);
  const bool equal = EqualIn(heap, a, b, depth);
  if (depth.special != kNoObject) {
    return SpecialRefusal(heap, depth.special, "a comparison method",
                          "called from a builtin's comparison of other objects");
  }
  if (depth.deques_met) {
    return absl::UnimplementedError(
        "comparing deques of equal length inside other objects (CPython walks them with "
        "iterator objects)");
  }
  if (depth.codes_met) {
    return absl::UnimplementedError(
        "comparing two code objects (CPython compares their bytecode and line tables)");
  }
  if (depth.counters_met) {
    return absl::UnimplementedError(
        "comparing collections.Counters inside other objects (Counter.__eq__ is Python code)");
  }
  if (depth.exceeded) return DepthExceeded(depth, kCompareRecursion);
  return equal;
}

absl::StatusOr<bool> Less(const Heap& heap, ObjectId a, ObjectId b) {
  if (heap.profile().counter_rich_compare && (IsCounter(heap, a) || IsCounter(heap, b))) {
    return absl::UnimplementedError(
        "ordering collections.Counters inside other objects (Counter.__lt__ is Python code)");
  }
  if (IsSetLikeView(heap, a) || IsSetLikeView(heap, b)) return SetLikeViewRefusal("an ordering");
  if (heap.type_of(a) == TypeTag::kTraceObject || heap.type_of(b) == TypeTag::kTraceObject) {
    return absl::UnimplementedError("comparing tracemalloc objects");
  }
  Depth depth = RoomFor(heap, 0);
  absl::StatusOr<bool> less = LessIn(heap, a, b, depth);
  if (depth.special != kNoObject) {
    return SpecialRefusal(heap, depth.special, "a comparison method",
                          "called from a builtin's comparison of other objects");
  }
  if (depth.exceeded) return DepthExceeded(depth, kCompareRecursion);
  return less;
}

bool Truth(const Heap& heap, ObjectId id) {
  const Object& o = heap.object(id);
  switch (o.type) {
    case TypeTag::kNone:
      return false;
    case TypeTag::kBool:
      return o.small_int != 0;
    case TypeTag::kInt:
      return o.subtype != 0 || o.small_int != 0;
    case TypeTag::kFloat:
      return o.real != 0;
    case TypeTag::kComplex:
      return heap.complex(id).real != 0 || heap.complex(id).imag != 0;
    default: {
      const int64_t length = Length(heap, id);
      return length != 0;
    }
  }
}

int64_t Length(const Heap& heap, ObjectId id) {
  switch (heap.type_of(id)) {
    case TypeTag::kStr:
      return heap.str(id).length;
    case TypeTag::kBytes:
    case TypeTag::kByteArray:
      return static_cast<int64_t>(heap.bytes(id).data.size());
    case TypeTag::kArray:
      return ArrayLength(heap, id);
    case TypeTag::kMemoryView:
      return MemoryViewLength(heap, id);  // LengthOf refuses a released view first
    case TypeTag::kList:
      return static_cast<int64_t>(heap.list(id).items.size());
    case TypeTag::kTuple:
      return static_cast<int64_t>(heap.tuple(id).items.size());
    case TypeTag::kDeque:
      return static_cast<int64_t>(heap.deque(id).items.size());
    case TypeTag::kDict:
      return heap.dict(id).used;
    case TypeTag::kSet:
    case TypeTag::kFrozenSet:
      return heap.set(id).used;
    case TypeTag::kDictView:
      return heap.dict(heap.iterator(id).source).used;
    case TypeTag::kMappingProxy:
      return heap.dict(ProxiedMapping(heap, id)).used;
    case TypeTag::kTraceObject: {
      const TraceObjectBody& body = heap.trace_object(id);
      if (body.kind == TraceObjectKind::kTraceback) {
        return static_cast<int64_t>(body.stat.traceback.frames.size());
      }
      if (body.kind == TraceObjectKind::kTraces) return static_cast<int64_t>(body.snapshot->traces.size());
      return -1;
    }
    case TypeTag::kRange: {
      const RangeBody& r = heap.range(id);
      if (r.step > 0 && r.start < r.stop) return (r.stop - r.start - 1) / r.step + 1;
      if (r.step < 0 && r.start > r.stop) return (r.start - r.stop - 1) / (-r.step) + 1;
      return 0;
    }
    default:
      return -1;
  }
}

std::string Repr(const Heap& heap, ObjectId id) {
  ReprState state;
  state.depth = RoomFor(heap, 0);
  return ReprOf(heap, id, state);
}

absl::Status KeyErrorFor(const Heap& heap, ObjectId key) {
  return PyErrorWithArgument(PyExc::kKeyError, Repr(heap, key), key);
}

namespace {

// ReprChecked's walk, logging its enters and leaves to `events`.
absl::StatusOr<std::string> ReprWalk(const Heap& heap, ObjectId id, int held,
                                     ReprEvents* events) {
  ReprState state;
  state.depth = RoomFor(heap, held);
  state.checked = true;
  state.events = events;
  std::string text = ReprOf(heap, id, state);
  if (state.depth.exceeded) return DepthExceeded(state.depth, kReprRecursion);
  if (!state.error.ok()) return state.error;
  return text;
}

// BaseException_str of an exception object (KeyError_str for KeyError and
// the script's classes derived from it): "" for no args, the one arg's str
// (a KeyError's repr), else the repr of the args tuple.
std::string ExceptionStr(const Heap& heap, ObjectId id) {
  const ObjectId args = ExceptionArgs(heap, id);
  const auto& items = heap.tuple(args).items;
  if (items.empty()) return "";
  if (items.size() == 1) {
    return IsKeyErrorObject(heap, id) ? Repr(heap, items[0]) : Str(heap, items[0]);
  }
  return Repr(heap, args);
}

absl::StatusOr<std::string> StrWalk(const Heap& heap, ObjectId id, int held, ReprEvents* events);

// ExceptionStr, or the refusal of the reprs or strs it would need.
absl::StatusOr<std::string> ExceptionStrChecked(const Heap& heap, ObjectId id, int held,
                                                ReprEvents* events) {
  const ObjectId args = ExceptionArgs(heap, id);
  const auto& items = heap.tuple(args).items;
  if (items.size() == 1) {
    absl::StatusOr<std::string> text = IsKeyErrorObject(heap, id)
                                           ? ReprWalk(heap, items[0], held, events)
                                           : StrWalk(heap, items[0], held, events);
    if (!text.ok()) return text.status();
  } else if (!items.empty()) {
    absl::StatusOr<std::string> text = ReprWalk(heap, args, held, events);
    if (!text.ok()) return text.status();
  }
  return ExceptionStr(heap, id);
}

absl::StatusOr<std::string> StrWalk(const Heap& heap, ObjectId id, int held, ReprEvents* events) {
  switch (heap.type_of(id)) {
    case TypeTag::kTraceObject:
      return TraceObjectStr(heap.trace_object(id), false);
    case TypeTag::kStr:
      return Str(heap, id);
    case TypeTag::kException:
      return ExceptionStrChecked(heap, id, held, events);
    case TypeTag::kWeakRef:
      if (IsWeakProxy(heap, id)) {
        return absl::UnimplementedError("str() of a weakref.proxy inside another object");
      }
      return ReprWalk(heap, id, held, events);
    case TypeTag::kInstance:
      if ((SpecialOf(heap, id) & kSpecialStr) != 0) {
        return SpecialRefusal(heap, id, "__str__", "called from inside another object");
      }
      if (heap.instance(id).args != kNoObject) return ExceptionStrChecked(heap, id, held, events);
      return ReprWalk(heap, id, held, events);
    default:
      return ReprWalk(heap, id, held, events);
  }
}

// Does to the heap what a walk logged, unless the walk was refused (which
// changes nothing); a walk ended by a Python error logged CPython's unwinding.
// Returns the walk's result, or the MemoryError of a keys list the replay
// could not make (CPython would have stopped there, before what followed).
absl::StatusOr<std::string> ReplayUnlessRefused(Heap& heap, const ReprEvents& events,
                                                absl::StatusOr<std::string> text) {
  if (!text.ok() && !absl::IsFailedPrecondition(text.status())) return text;
  if (absl::Status replayed = ReplayReprEvents(heap, events); !replayed.ok()) return replayed;
  return text;
}

}  // namespace

absl::StatusOr<std::string> ReprChecked(Heap& heap, ObjectId id, int held) {
  ReprEvents events;
  return ReplayUnlessRefused(heap, events, ReprWalk(heap, id, held, &events));
}

ObjectId ExceptionArgs(const Heap& heap, ObjectId id) {
  switch (heap.type_of(id)) {
    case TypeTag::kException:
      return heap.exception(id).args;
    case TypeTag::kInstance:
      return heap.instance(id).args;
    default:
      return kNoObject;
  }
}

bool IsKeyErrorObject(const Heap& heap, ObjectId id) {
  if (heap.type_of(id) == TypeTag::kException) return heap.exception(id).type_name == "KeyError";
  return heap.type_of(id) == TypeTag::kInstance &&
         heap.cls(heap.cls(heap.instance(id).cls).exception_base).name == "KeyError";
}

absl::StatusOr<std::string> ReprTextChecked(const Heap& heap, ObjectId id, int held) {
  return ReprWalk(heap, id, held, nullptr);
}

absl::StatusOr<std::string> StrChecked(Heap& heap, ObjectId id, int held) {
  ReprEvents events;
  return ReplayUnlessRefused(heap, events, StrWalk(heap, id, held, &events));
}

std::string Str(const Heap& heap, ObjectId id) {
  switch (heap.type_of(id)) {
    case TypeTag::kTraceObject: {
      absl::StatusOr<std::string> text = TraceObjectStr(heap.trace_object(id), false);
      return text.ok() ? *std::move(text) : "";
    }
    case TypeTag::kStr:
      return heap.str(id).utf8;
    case TypeTag::kException:
      return ExceptionStr(heap, id);
    case TypeTag::kInstance:
      if (heap.instance(id).args != kNoObject) return ExceptionStr(heap, id);
      return Repr(heap, id);
    default:
      return Repr(heap, id);
  }
}

uint64_t FloatReprBufferRequest(std::string_view repr) {
  const size_t e = repr.find('e');
  if (repr.find_first_of("0123456789") == std::string_view::npos) return 5;  // inf, nan
  // The shortest digits, without sign, point, and leading or trailing zeros.
  const std::string_view mantissa = repr.substr(0, e);
  std::string digits;
  int64_t point = -1;  // digits before the point
  for (char c : mantissa) {
    if (c == '.') {
      point = static_cast<int64_t>(digits.size());
    } else if (c >= '0' && c <= '9') {
      digits += c;
    }
  }
  if (point < 0) point = static_cast<int64_t>(digits.size());
  const size_t first = digits.find_first_not_of('0');
  if (first == std::string::npos) return 3 + 2;  // zero: "0", decpt 1, then ".0"
  const size_t last = digits.find_last_not_of('0');
  const int64_t n_digits = static_cast<int64_t>(last - first + 1);
  if (e != std::string_view::npos) return 3 + static_cast<uint64_t>(n_digits) + 5;
  const int64_t decpt = point - static_cast<int64_t>(first);
  const int64_t start = decpt <= 0 ? decpt - 1 : 0;
  const int64_t end = std::max(n_digits, decpt + 1);  // Py_DTSF_ADD_DOT_0
  return static_cast<uint64_t>(3 + end - start);
}

Ref NewFloatReprStr(Heap& heap, std::string_view repr) {
  const uint64_t buffer = heap.AllocateBuffer(FloatReprBufferRequest(repr));
  Ref str = NewStrObject(heap, repr);
  heap.FreeBuffer(buffer);
  return str;
}

std::string FloatRepr(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  if (value == 0) return std::signbit(value) ? "-0.0" : "0.0";
  // Shortest round-trip digits, then CPython's 'r' layout: positional for
  // -4 < exponent + 1 <= 16, else d.ddde+XX.
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof(buffer), value,
                                    std::chars_format::scientific);
  std::string text(buffer, result.ptr);
  const bool negative = text[0] == '-';
  if (negative) text.erase(0, 1);
  const size_t e = text.find('e');
  const int exponent = std::atoi(text.c_str() + e + 1);
  std::string digits;
  for (size_t i = 0; i < e; ++i) {
    if (text[i] != '.') digits += text[i];
  }
  const int decpt = exponent + 1;
  std::string out;
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) {
      out = "0." + std::string(-decpt, '0') + digits;
    } else if (static_cast<size_t>(decpt) >= digits.size()) {
      out = digits + std::string(decpt - digits.size(), '0') + ".0";
    } else {
      out = digits.substr(0, decpt) + "." + digits.substr(decpt);
    }
  } else {
    out = digits.substr(0, 1);
    if (digits.size() > 1) absl::StrAppend(&out, ".", digits.substr(1));
    out += absl::StrFormat("e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
  }
  return negative ? "-" + out : out;
}

std::string BytesLiteralRepr(const std::string& data) { return BytesRepr(data, false); }

std::string StrRepr(const std::string& utf8) {
  const bool has_single = utf8.find('\'') != std::string::npos;
  const bool has_double = utf8.find('"') != std::string::npos;
  const char quote = has_single && !has_double ? '"' : '\'';
  std::string out(1, quote);
  for (char32_t cp : DecodeUtf8(utf8)) {
    if (cp == static_cast<char32_t>(quote) || cp == '\\') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (IsPrintable(cp)) {
      AppendUtf8(&out, cp);
    } else if (cp <= 0xff) {
      out += absl::StrFormat("\\x%02x", static_cast<uint32_t>(cp));
    } else if (cp <= 0xffff) {
      out += absl::StrFormat("\\u%04x", static_cast<uint32_t>(cp));
    } else {
      out += absl::StrFormat("\\U%08x", static_cast<uint32_t>(cp));
    }
  }
  out += quote;
  return out;
}

}  // namespace heapsim
