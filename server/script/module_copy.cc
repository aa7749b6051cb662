#include "server/script/module_copy.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/cleanup/cleanup.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "server/heap/bytes_object.h"
#include "server/heap/counter_object.h"
#include "server/heap/defaultdict_object.h"
#include "server/heap/dict_object.h"
#include "server/heap/frames.h"
#include "server/heap/function_object.h"
#include "server/heap/int_object.h"
#include "server/heap/iterator_object.h"
#include "server/heap/list_object.h"
#include "server/heap/namedtuple_object.h"
#include "server/heap/ordereddict_object.h"
#include "server/heap/py_error.h"
#include "server/heap/tuple_object.h"
#include "server/heap/value_ops.h"
#include "server/script/special_methods.h"

namespace heapsim::script {

namespace {

// The copy.py functions whose calls heapsim runs, with their code objects'
// shapes: the local names in co_varnames order, then cells and free
// variables, and the value-stack sizes of 3.8 to 3.10 (whose heap frames
// they size; those three compile each function alike) and of 3.11+ (which
// size a frame object by them when a traceback needs one; only the
// functions that catch an exception list it). _deepcopy_tuple's list
// comprehension is a function of its own before 3.12 and inline after.
enum class PyFunction : uint8_t {
  kCopy,
  kCopyImmutable,
  kDeepCopy,
  kDeepCopyAtomic,
  kDeepCopyList,
  kDeepCopyTuple,
  kDeepCopyTupleInlined,
  kTupleListComp,
  kDeepCopyDict,
  kKeepAlive,
  kCount,
};

struct FunctionShape {
  std::string_view name;
  uint32_t heap_frame_stack_size;
  uint32_t data_stack_size;
  std::string_view varnames;  // space-separated, cells and free variables last
};

constexpr FunctionShape kShapes[] = {
    {"copy", 4, 0, "x cls copier reductor rv"},
    {"_copy_immutable", 1, 0, "x"},
    {"deepcopy", 4, 0, "x memo _nil d y cls copier reductor rv"},
    {"_deepcopy_atomic", 1, 0, "x memo"},
    {"_deepcopy_list", 5, 0, "x memo deepcopy y append a"},
    // memo and deepcopy live in cells (the last two slots) before 3.11,
    // and in their own slots from 3.11, which counts them once.
    {"_deepcopy_tuple", 8, 4, "x memo deepcopy y k j deepcopy memo"},
    {"_deepcopy_tuple", 0, 7, "x memo deepcopy a y k j"},
    {"<listcomp>", 5, 0, ".0 a deepcopy memo"},
    {"_deepcopy_dict", 6, 0, "x memo deepcopy y key value"},
    {"_keep_alive", 8, 6, "x memo"},
};
static_assert(std::size(kShapes) == static_cast<size_t>(PyFunction::kCount));
static_assert(std::tuple_size_v<decltype(Profile::copy_code_sizes)> ==
              static_cast<size_t>(PyFunction::kCount));

std::vector<std::string> VarNames(PyFunction function) {
  const std::string_view names = kShapes[static_cast<size_t>(function)].varnames;
  return absl::StrSplit(absl::string_view(names.data(), names.size()), ' ');
}

// Local slots, by co_varnames position (Enter binds the arguments, x
// first).
constexpr size_t kMemo = 1;
constexpr size_t kCopyCls = 1;
constexpr size_t kCopyCopier = 2;
constexpr size_t kDeepD = 3;
constexpr size_t kDeepY = 4;
constexpr size_t kDeepCls = 5;
constexpr size_t kDeepCopier = 6;
constexpr size_t kListY = 3;
constexpr size_t kListAppend = 4;
constexpr size_t kListItem = 5;
constexpr size_t kDictY = 3;
constexpr size_t kDictKey = 4;
constexpr size_t kDictValue = 5;
constexpr size_t kTupleY = 3;
constexpr size_t kTupleK = 4;
constexpr size_t kTupleJ = 5;
constexpr size_t kTupleCellDeepCopy = 6;
constexpr size_t kTupleCellMemo = 7;
constexpr size_t kInlinedA = 3;
constexpr size_t kInlinedY = 4;
constexpr size_t kInlinedK = 5;
constexpr size_t kInlinedJ = 6;
constexpr size_t kListCompIterator = 0;
constexpr size_t kListCompItem = 1;
constexpr size_t kListCompCells = 2;

// How copy.copy treats a type: _copy_dispatch's entries, or the rest of
// copy().
enum class ShallowRoute : uint8_t { kImmutable, kList, kDict, kSet, kByteArray, kOther };

ShallowRoute ShallowRouteOf(TypeTag type) {
  switch (type) {
    case TypeTag::kNone:
    case TypeTag::kBool:
    case TypeTag::kInt:
    case TypeTag::kFloat:
    case TypeTag::kComplex:
    case TypeTag::kStr:
    case TypeTag::kBytes:
    case TypeTag::kTuple:
    case TypeTag::kFrozenSet:
    case TypeTag::kRange:
    case TypeTag::kSlice:
    case TypeTag::kClass:
    case TypeTag::kBuiltinType:
    case TypeTag::kFunction:
    case TypeTag::kBuiltinFunction:
    case TypeTag::kNotImplemented:
    case TypeTag::kEllipsis:
    case TypeTag::kCode:
    case TypeTag::kWeakRef:
      return ShallowRoute::kImmutable;
    case TypeTag::kList:
      return ShallowRoute::kList;
    case TypeTag::kDict:
      return ShallowRoute::kDict;
    case TypeTag::kSet:
      return ShallowRoute::kSet;
    case TypeTag::kByteArray:
      return ShallowRoute::kByteArray;
    default:
      return ShallowRoute::kOther;
  }
}

// True for the types _deepcopy_dispatch maps to _deepcopy_atomic.
bool DeepCopiesAsIs(const Profile& profile, TypeTag type) {
  switch (type) {
    case TypeTag::kNone:
    case TypeTag::kBool:
    case TypeTag::kInt:
    case TypeTag::kFloat:
    case TypeTag::kComplex:
    case TypeTag::kStr:
    case TypeTag::kBytes:
    case TypeTag::kClass:
    case TypeTag::kBuiltinType:
    case TypeTag::kFunction:
    case TypeTag::kBuiltinFunction:
    case TypeTag::kNotImplemented:
    case TypeTag::kEllipsis:
    case TypeTag::kCode:
    case TypeTag::kWeakRef:
      return true;
    case TypeTag::kRange:
      return profile.deepcopy_range_atomic;
    default:
      return false;
  }
}

// A traceback object's block (PyTracebackObject and its GC header), the
// same in every profile.
constexpr uint64_t kTracebackBytes = 56;


// One running call of a copy.py function: its frame on the simulated stack
// (a heap frame on 3.8 to 3.10) and its level toward the recursion limit.
// Ending it releases the locals first to last, then the heap frame, as
// CPython's frames do.
class PyCall {
 public:
  PyCall(Interpreter& interp, ObjectId code, PyFunction function)
      : interp_(interp), heap_(interp.heap()) {
    PushCallFrame(heap_, std::string(kShapes[static_cast<size_t>(function)].name), code,
                  kNoObject, VarNames(function));
    frame_ = heap_.frames().depth() - 1;
    CountCodeEvaluation(heap_, code);
  }
  ~PyCall() {
    interp_.NoteFrameLeftUnkept();
    PopCallFrame(heap_);
    stack_.clear();
    interp_.EndNativeCall();
  }
  PyCall(const PyCall&) = delete;
  PyCall& operator=(const PyCall&) = delete;

  // Binds local `slot` to `value` (a new reference is taken), releasing
  // what it held after.
  void Set(size_t slot, ObjectId value) {
    heap_.IncRef(value);
    const ObjectId old = std::exchange(heap_.frames().at(frame_).slots[slot], value);
    if (old != kNoObject) heap_.DecRef(old);
  }
  // `a, b = pair`: UNPACK_SEQUENCE of a 2-tuple (its items taken, the
  // tuple dropped), then the stores to `first` and `second`.
  void SetPair(Ref pair, size_t first, size_t second) {
    const std::vector<ObjectId>& items = TupleItems(heap_, pair.get());
    Ref a = heap_.NewRef(items[0]);
    Ref b = heap_.NewRef(items[1]);
    pair.Reset();
    Set(first, a.get());
    Set(second, b.get());
  }
  // Unbinds local `slot`, releasing what it held.
  void Clear(size_t slot) {
    const ObjectId old = std::exchange(heap_.frames().at(frame_).slots[slot], kNoObject);
    if (old != kNoObject) heap_.DecRef(old);
  }
  // What local `slot` holds, borrowed.
  ObjectId Get(size_t slot) const { return heap_.frames().at(frame_).slots[slot]; }
  // The caller's value stack holds `value` for the call, released after
  // the frame (3.8 to 3.10, whose frames copy their arguments).
  void HoldOnCallerStack(ObjectId value) { stack_.push_back(heap_.NewRef(value)); }

 private:
  Interpreter& interp_;
  Heap& heap_;
  size_t frame_ = 0;
  std::vector<Ref> stack_;
};

class Copier {
 public:
  // `caller_refs` are the interpreter's references to the arguments of the
  // copy.copy / copy.deepcopy call (x, and memo unless None): from 3.11
  // the outermost frame takes them over.
  Copier(Interpreter& interp, std::vector<Ref*> caller_refs)
      : interp_(interp),
        heap_(interp.heap()),
        session_(interp.session()),
        caller_refs_(std::move(caller_refs)) {}

  // copy.copy(x).
  Ref Copy(ObjectId x);
  // copy.deepcopy(x, memo); `memo` is kNoObject for None.
  Ref DeepCopy(ObjectId x, ObjectId memo);

 private:
  // Calls `function` with `arguments` (kNoObject for one left at its
  // default), bound to its first locals: false, with the limit's error or
  // a refusal pending, when it would pass the recursion limit. The frame
  // copies the caller's references (3.8 to 3.10) or takes them over.
  bool Enter(PyFunction function, std::optional<PyCall>* call,
             std::initializer_list<ObjectId> arguments);
  // id(object), a new int.
  Ref IdOf(ObjectId object) { return NewInt(heap_, static_cast<int64_t>(heap_.address_of(object))); }
  // memo[id(key_of)] = value, the int made first (STORE_SUBSCR).
  bool StoreById(ObjectId memo, ObjectId key_of, ObjectId value);
  // cls = type(x): type is called through tp_call before it has a
  // vectorcall (3.8, 3.9), which packs x in an argument tuple.
  void TypeCall(ObjectId x);
  // _copy_immutable(x) and _deepcopy_atomic(x, memo): x.
  Ref ReturnAsIs(PyFunction function, ObjectId x, ObjectId memo);
  Ref DeepCopyList(ObjectId x, ObjectId memo);
  Ref DeepCopyDict(ObjectId x, ObjectId memo);
  Ref DeepCopyTuple(ObjectId x, ObjectId memo);
  // y = [deepcopy(a, memo) for a in x] of _deepcopy_tuple, running in
  // `call`: a function of its own with the cells of memo and deepcopy
  // before 3.12, inline from 3.12 (`a` is then a local of `call`).
  Ref TupleItemCopies(ObjectId x, ObjectId memo, PyCall& call);
  // _keep_alive(x, memo): x appended to the list under id(memo).
  bool KeepAlive(ObjectId x, ObjectId memo);
  // The KeyError memo[id(memo)] raises in _keep_alive, caught there: the
  // argument tuple holding `key`, the exception and its traceback (and on
  // 3.11+ the frame object for _keep_alive's frame, kept in frame_object_
  // until the frame returns), made in CPython's order; EndHandler frees
  // them as the handler ends. The traceback and frame object are GC objects
  // no script can reach, modelled as their blocks.
  struct CaughtKeyError {
    Ref exception;
    uint64_t traceback = 0;
    uint64_t frame_object = 0;  // freed by the caller as its frame returns
  };
  CaughtKeyError RaiseKeyError(Ref key, PyFunction raising);
  void EndHandler(CaughtKeyError& caught);
  // What copy() does for a type outside _copy_dispatch (`deep`: deepcopy()),
  // `call` being the running copy()'s or deepcopy()'s.
  Ref CopyOther(ObjectId x, ObjectId memo, bool deep, PyCall& call);
  // The TypeError object.__reduce_ex__(4) raises for what cannot be pickled.
  Ref CannotPickle(ObjectId x);
  Ref Refuse(std::string_view what) {
    interp_.Refuse(what);
    return Ref();
  }

  Interpreter& interp_;
  Heap& heap_;
  SessionState& session_;
  std::vector<Ref*> caller_refs_;
  bool outermost_ = true;
};

bool Copier::Enter(PyFunction function, std::optional<PyCall>* call,
                   std::initializer_list<ObjectId> arguments) {
  if (!interp_.BeginNativeCall("copy.copy or copy.deepcopy nested near the recursion limit "
                               "(CPython counts its C calls' levels too)")) {
    return false;
  }
  call->emplace(interp_, session_.copy_codes[static_cast<size_t>(function)], function);
  const bool copies = heap_.profile().call_copies_arguments;
  const bool outermost = std::exchange(outermost_, false);
  size_t slot = 0;
  for (ObjectId argument : arguments) {
    if (argument != kNoObject) {
      (*call)->Set(slot, argument);
      if (copies && !outermost) (*call)->HoldOnCallerStack(argument);
    }
    ++slot;
  }
  if (outermost && !copies) {
    for (Ref* ref : caller_refs_) heap_.DecRef(ref->release());
  }
  return true;
}

bool Copier::StoreById(ObjectId memo, ObjectId key_of, ObjectId value) {
  Ref key = IdOf(key_of);
  return interp_.SetItem(memo, key.get(), value);
}

void Copier::TypeCall(ObjectId x) {
  const ObjectId type = session_.builtin_objects[static_cast<size_t>(Builtin::kTypeType)];
  if (!heap_.cls(type).vectorcall) NewTupleOf(heap_, {x}).Reset();
}

Ref Copier::ReturnAsIs(PyFunction function, ObjectId x, ObjectId memo) {
  std::optional<PyCall> call;
  if (!Enter(function, &call, {x, memo})) return Ref();
  return heap_.NewRef(x);
}

Ref Copier::Copy(ObjectId x) {
  if (IsNamedTuple(heap_, x)) {
    return Refuse("copy.copy of a namedtuple (copy.py reduces it through __getnewargs__)");
  }
  std::optional<PyCall> call;
  if (!Enter(PyFunction::kCopy, &call, {x})) return Ref();
  if (IsDefaultDict(heap_, x)) {
    return Refuse("copy.copy of a 'collections.defaultdict' object (copy.py calls its __copy__)");
  }
  if (IsOrderedDict(heap_, x)) {
    return Refuse("copy.copy of a 'collections.OrderedDict' object (copy.py reduces it)");
  }
  if (IsCounter(heap_, x)) {
    return Refuse("copy.copy of a 'Counter' object (copy.py reduces it)");
  }
  TypeCall(x);
  const TypeTag type = heap_.type_of(x);
  if (type == TypeTag::kInstance) call->Set(kCopyCls, heap_.instance(x).cls);
  switch (ShallowRouteOf(type)) {
    case ShallowRoute::kImmutable:
      return ReturnAsIs(PyFunction::kCopyImmutable, x, kNoObject);
    case ShallowRoute::kList: {
      CallArgs none;
      return CallBuiltin(interp_, Builtin::kListCopy, x, none);
    }
    case ShallowRoute::kDict: {
      CallArgs none;
      return CallBuiltin(interp_, Builtin::kDictCopy, x, none);
    }
    case ShallowRoute::kSet: {
      CallArgs none;
      return CallBuiltin(interp_, Builtin::kSetCopy, x, none);
    }
    case ShallowRoute::kByteArray:
      return NewByteArray(heap_, heap_.bytes(x).data);
    case ShallowRoute::kOther:
      return CopyOther(x, kNoObject, /*deep=*/false, *call);
  }
  return Ref();
}

Ref Copier::CopyOther(ObjectId x, ObjectId memo, bool deep, PyCall& call) {
  const TypeTag type = heap_.type_of(x);
  const char* function = deep ? "copy.deepcopy" : "copy.copy";
  if (type == TypeTag::kGenerator) return CannotPickle(x);
  if (type != TypeTag::kInstance || heap_.instance(x).args != kNoObject) {
    // Exceptions too: BaseException.__reduce__ gives (class, args, dict).
    return Refuse(absl::StrCat(function, " of a '", TypeName(heap_, x),
                               "' object (copy.py rebuilds it through __reduce_ex__)"));
  }
  const std::string method = deep ? "__deepcopy__" : "__copy__";
  const ObjectId cls = heap_.instance(x).cls;
  const ObjectId special = LookupSpecial(heap_, x, method);
  if (special != kNoObject && heap_.type_of(special) != TypeTag::kFunction) {
    return Refuse(absl::StrCat(function, " of an instance of '", heap_.cls(cls).name,
                               "' whose ", method, " is not a function"));
  }
  if (special == kNoObject) {
    return Refuse(absl::StrCat(function, " of an instance of '", heap_.cls(cls).name,
                               "', a class without ", method,
                               " (copy.py rebuilds it through __reduce_ex__ and copyreg)"));
  }
  if (!deep) {
    // getattr(cls, "__copy__", None) is the function itself, called with x.
    Ref copier = interp_.GetAttr(cls, method);
    if (!copier) return Ref();
    call.Set(kCopyCopier, copier.get());
    CallArgs args;
    args.positional.push_back(heap_.NewRef(x));
    return interp_.Call(copier.get(), std::move(args));
  }
  // getattr(x, "__deepcopy__", None) binds a method, held by the local.
  Ref copier = interp_.GetAttr(x, method);
  if (!copier) return Ref();
  call.Set(kDeepCopier, copier.get());
  CallArgs args;
  args.positional.push_back(heap_.NewRef(memo));
  return interp_.Call(copier.get(), std::move(args));
}

Ref Copier::CannotPickle(ObjectId x) {
  // getattr(x, "__reduce_ex__", None) binds object.__reduce_ex__, whose
  // call fails while it builds the reduce tuple.
  heap_.BindSpecialMethod();
  interp_.Raise(PyError(PyExc::kTypeError,
                        absl::StrCat("cannot pickle '", TypeName(heap_, x), "' object")));
  return Ref();
}

Ref Copier::DeepCopy(ObjectId x, ObjectId memo_arg) {
  if (IsNamedTuple(heap_, x)) {
    return Refuse("copy.deepcopy of a namedtuple (copy.py reduces it through __getnewargs__)");
  }
  std::optional<PyCall> call;
  if (!Enter(PyFunction::kDeepCopy, &call, {x, memo_arg})) return Ref();
  const Profile& profile = heap_.profile();
  Ref d;
  if (profile.deepcopy_id_before_memo) {
    d = IdOf(x);
    call->Set(kDeepD, d.get());
  }
  Ref memo_owned;
  ObjectId memo = memo_arg;
  if (memo == kNoObject) {
    memo_owned = NewDict(heap_);
    memo = memo_owned.get();
    call->Set(kMemo, memo);
    memo_owned.Reset();  // the local holds the memo
  }
  if (!d) {
    d = IdOf(x);
    call->Set(kDeepD, d.get());
  }
  if (memo_arg != kNoObject || !profile.deepcopy_id_before_memo) {
    // y = memo.get(d, _nil)
    absl::StatusOr<ObjectId> found = DictLookup(heap_, memo, d.get());
    if (!found.ok()) {
      interp_.Raise(found.status());
      return Ref();
    }
    if (*found != kNoObject) return heap_.NewRef(*found);
  }
  if (IsDefaultDict(heap_, x) || IsOrderedDict(heap_, x) || IsCounter(heap_, x)) {
    return Refuse(absl::StrCat("copy.deepcopy of a '", TypeName(heap_, x),
                               "' object (copy.py reduces it through __reduce_ex__)"));
  }
  TypeCall(x);
  const TypeTag type = heap_.type_of(x);
  if (type == TypeTag::kInstance) call->Set(kDeepCls, heap_.instance(x).cls);
  Ref y;
  if (DeepCopiesAsIs(profile, type)) {
    y = ReturnAsIs(PyFunction::kDeepCopyAtomic, x, memo);
  } else if (type == TypeTag::kList) {
    y = DeepCopyList(x, memo);
  } else if (type == TypeTag::kDict) {
    y = DeepCopyDict(x, memo);
  } else if (type == TypeTag::kTuple) {
    y = DeepCopyTuple(x, memo);
  } else if (type == TypeTag::kRange) {
    return Refuse(absl::StrCat("copy.deepcopy of a '", TypeName(heap_, x), "' object"));
  } else {
    y = CopyOther(x, memo, /*deep=*/true, *call);
  }
  if (!y) return Ref();
  call->Set(kDeepY, y.get());
  if (y.get() != x) {
    if (!interp_.SetItem(memo, d.get(), y.get())) return Ref();
    if (!KeepAlive(x, memo)) return Ref();
  }
  return y;
}

Ref Copier::DeepCopyList(ObjectId x, ObjectId memo) {
  std::optional<PyCall> call;
  if (!Enter(PyFunction::kDeepCopyList, &call, {x, memo})) return Ref();
  Ref y = NewList(heap_, 0);
  call->Set(kListY, y.get());
  if (!StoreById(memo, x, y.get())) return Ref();
  Ref append = interp_.GetAttr(y.get(), "append");
  if (!append) return Ref();
  call->Set(kListAppend, append.get());
  Ref iterator = interp_.GetIter(x);
  if (!iterator) return Ref();
  while (Ref item = interp_.Next(iterator.get())) {
    call->Set(kListItem, item.get());
    item.Reset();
    Ref copied = DeepCopy(call->Get(kListItem), memo);
    if (!copied) return Ref();
    CallArgs args;
    args.positional.push_back(std::move(copied));
    if (!interp_.Call(append.get(), std::move(args))) return Ref();
  }
  if (interp_.has_error()) return Ref();
  return y;
}

Ref Copier::DeepCopyDict(ObjectId x, ObjectId memo) {
  std::optional<PyCall> call;
  if (!Enter(PyFunction::kDeepCopyDict, &call, {x, memo})) return Ref();
  Ref y = NewDict(heap_);
  call->Set(kDictY, y.get());
  if (!StoreById(memo, x, y.get())) return Ref();
  Ref iterator;
  {
    Ref items = interp_.CallMethod(heap_.NewRef(x), "items", CallArgs());
    if (!items) return Ref();
    iterator = interp_.GetIter(items.get());
    if (!iterator) return Ref();
  }
  while (Ref pair = interp_.Next(iterator.get())) {
    call->SetPair(std::move(pair), kDictKey, kDictValue);
    Ref value_copy = DeepCopy(call->Get(kDictValue), memo);
    if (!value_copy) return Ref();
    Ref key_copy = DeepCopy(call->Get(kDictKey), memo);
    if (!key_copy) return Ref();
    if (!interp_.SetItem(y.get(), key_copy.get(), value_copy.get())) return Ref();
  }
  if (interp_.has_error()) return Ref();
  return y;
}

Ref Copier::DeepCopyTuple(ObjectId x, ObjectId memo) {
  const bool inlined = heap_.profile().comprehensions_inlined;
  std::optional<PyCall> call;
  if (!Enter(inlined ? PyFunction::kDeepCopyTupleInlined : PyFunction::kDeepCopyTuple, &call,
             {x, memo})) {
    return Ref();
  }
  // The frame object a caught KeyError makes (3.11+) goes as the frame
  // ends, before its locals.
  uint64_t frame_object = 0;
  absl::Cleanup free_frame_object = [&] { heap_.FreeBuffer(frame_object); };
  const size_t slot_y = inlined ? kInlinedY : kTupleY;
  const size_t slot_k = inlined ? kInlinedK : kTupleK;
  const size_t slot_j = inlined ? kInlinedJ : kTupleJ;
  {
    Ref copies = TupleItemCopies(x, memo, *call);
    if (!copies) return Ref();
    call->Set(slot_y, copies.get());
  }
  // try: return memo[id(x)] except KeyError: pass
  {
    Ref key = IdOf(x);
    absl::StatusOr<ObjectId> found = DictLookup(heap_, memo, key.get());
    if (!found.ok()) {
      interp_.Raise(found.status());
      return Ref();
    }
    if (*found != kNoObject) return heap_.NewRef(*found);
    CaughtKeyError caught = RaiseKeyError(
        std::move(key), inlined ? PyFunction::kDeepCopyTupleInlined : PyFunction::kDeepCopyTuple);
    EndHandler(caught);
    frame_object = caught.frame_object;
  }
  // for k, j in zip(x, y): if k is not j: y = tuple(y); break
  // else: y = x
  bool changed = false;
  {
    CallArgs zip_args;
    zip_args.positional.push_back(heap_.NewRef(x));
    zip_args.positional.push_back(heap_.NewRef(call->Get(slot_y)));
    Ref zip = interp_.Call(session_.builtin_objects[static_cast<size_t>(Builtin::kZip)],
                           std::move(zip_args));
    if (!zip) return Ref();
    while (Ref pair = interp_.Next(zip.get())) {
      call->SetPair(std::move(pair), slot_k, slot_j);
      if (call->Get(slot_k) != call->Get(slot_j)) {
        changed = true;
        break;
      }
    }
    if (interp_.has_error()) return Ref();
    if (changed) {
      CallArgs tuple_args;
      tuple_args.positional.push_back(heap_.NewRef(call->Get(slot_y)));
      Ref rebuilt = interp_.Call(
          session_.builtin_objects[static_cast<size_t>(Builtin::kTypeTuple)], std::move(tuple_args));
      if (!rebuilt) return Ref();
      call->Set(slot_y, rebuilt.get());
    }
  }
  if (!changed) call->Set(slot_y, x);
  return heap_.NewRef(call->Get(slot_y));
}

Ref Copier::TupleItemCopies(ObjectId x, ObjectId memo, PyCall& call) {
  if (heap_.profile().comprehensions_inlined) {
    Ref copies = NewList(heap_, 0);
    {
      Ref iterator = interp_.GetIter(x);
      if (!iterator) return Ref();
      while (Ref item = interp_.Next(iterator.get())) {
        call.Set(kInlinedA, item.get());
        item.Reset();
        Ref copied = DeepCopy(call.Get(kInlinedA), memo);
        if (!copied) return Ref();
        ListAppend(heap_, copies.get(), copied.get());
      }
      if (interp_.has_error()) return Ref();
    }
    // The comprehension ends by restoring `a`, unbound before it.
    call.Clear(kInlinedA);
    return copies;
  }
  // The cells of deepcopy and memo, then the closure, the function and the
  // iterator its call takes.
  const ObjectId deepcopy = session_.builtin_objects[static_cast<size_t>(Builtin::kCopyDeepCopy)];
  {
    Ref deepcopy_cell = NewCell(heap_, deepcopy);
    Ref memo_cell = NewCell(heap_, memo);
    call.Set(kTupleCellDeepCopy, deepcopy_cell.get());
    call.Set(kTupleCellMemo, memo_cell.get());
    call.Clear(kMemo);  // the argument lives in its cell
  }
  Ref closure =
      NewTupleOf(heap_, {call.Get(kTupleCellDeepCopy), call.Get(kTupleCellMemo)});
  Ref function = NewFunction(heap_, session_.copy_codes[static_cast<size_t>(PyFunction::kTupleListComp)],
                             heap_.frames().module_frame().globals, Ref(), Ref(),
                             std::move(closure), "_deepcopy_tuple.<locals>.<listcomp>");
  Ref iterator = interp_.GetIter(x);
  if (!iterator) return Ref();
  Ref copies;
  {
    std::optional<PyCall> listcomp;
    if (!Enter(PyFunction::kTupleListComp, &listcomp, {iterator.get()})) return Ref();
    listcomp->Set(kListCompCells, call.Get(kTupleCellDeepCopy));
    listcomp->Set(kListCompCells + 1, call.Get(kTupleCellMemo));
    // From 3.11 the frame takes the caller's references to the iterator.
    if (!heap_.profile().frames_on_heap) iterator.Reset();
    copies = NewList(heap_, 0);
    while (Ref item = interp_.Next(listcomp->Get(kListCompIterator))) {
      listcomp->Set(kListCompItem, item.get());
      item.Reset();
      Ref copied = DeepCopy(listcomp->Get(kListCompItem), memo);
      if (!copied) return Ref();
      ListAppend(heap_, copies.get(), copied.get());
    }
    if (interp_.has_error()) return Ref();
  }
  iterator.Reset();
  function.Reset();
  return copies;
}

bool Copier::KeepAlive(ObjectId x, ObjectId memo) {
  std::optional<PyCall> call;
  if (!Enter(PyFunction::kKeepAlive, &call, {x, memo})) return false;
  Ref key = IdOf(memo);
  absl::StatusOr<ObjectId> kept = DictLookup(heap_, memo, key.get());
  if (!kept.ok()) {
    interp_.Raise(kept.status());
    return false;
  }
  if (*kept != kNoObject) {
    // memo[id(memo)].append(x): the subscript drops the key first.
    key.Reset();
    if (heap_.type_of(*kept) != TypeTag::kList) {
      interp_.Refuse("copy.deepcopy with a memo whose entry under id(memo) is not a list");
      return false;
    }
    ListAppend(heap_, *kept, x);
    return true;
  }
  // except KeyError: memo[id(memo)] = [x], the list made before the key.
  CaughtKeyError caught = RaiseKeyError(std::move(key), PyFunction::kKeepAlive);
  Ref first = NewListOf(heap_, {x});
  const bool stored = StoreById(memo, memo, first.get());
  first.Reset();
  EndHandler(caught);
  heap_.FreeBuffer(caught.frame_object);
  return stored;
}

Copier::CaughtKeyError Copier::RaiseKeyError(Ref key, PyFunction raising) {
  const Profile& profile = heap_.profile();
  CaughtKeyError caught;
  Ref args = NewTupleOf(heap_, {key.get()});
  key.Reset();
  if (profile.exception_made_when_raised) {
    caught.exception = NewException(heap_, "KeyError", heap_.NewRef(args.get()));
  }
  if (profile.frame_object_base != 0) {
    const FunctionShape& shape = kShapes[static_cast<size_t>(raising)];
    caught.frame_object = heap_.AllocateBuffer(
        profile.frame_object_base +
        8 * (uint64_t{shape.data_stack_size} + VarNames(raising).size() -
             (raising == PyFunction::kDeepCopyTuple ? 2 : 0)));
  }
  caught.traceback = heap_.AllocateBuffer(kTracebackBytes);
  if (!caught.exception) {
    caught.exception = NewException(heap_, "KeyError", heap_.NewRef(args.get()));
  }
  return caught;
}

void Copier::EndHandler(CaughtKeyError& caught) {
  // The exception clears its args before its block goes.
  heap_.DecRef(std::exchange(heap_.exception(caught.exception.get()).args, kNoObject));
  const bool traceback_first = heap_.profile().exception_frees_traceback_first;
  if (traceback_first) heap_.FreeBuffer(caught.traceback);
  caught.exception.Reset();
  if (!traceback_first) heap_.FreeBuffer(caught.traceback);
}

}  // namespace

bool IsCopyFunction(const Heap& heap, ObjectId object) {
  if (heap.type_of(object) != TypeTag::kBuiltinFunction) return false;
  const auto builtin = static_cast<Builtin>(heap.bound(object).builtin);
  return builtin == Builtin::kCopyCopy || builtin == Builtin::kCopyDeepCopy;
}

ObjectId CopyModule(Heap& heap, SessionState& session) {
  if (session.copy_module != kNoObject) return session.copy_module;
  const Profile& profile = heap.profile();
  session.copy_module = heap.NewStaticObject(TypeTag::kModule, profile.aux.module);
  heap.AttachBody(session.copy_module, ModuleBody{"copy", kNoObject});
  for (size_t i = 0; i < static_cast<size_t>(PyFunction::kCount); ++i) {
    const ObjectId code = heap.NewStaticObject(TypeTag::kCode, profile.aux.code);
    CodeBody body;
    body.stack_size = kShapes[i].heap_frame_stack_size;
    body.locals_plus = static_cast<uint32_t>(VarNames(static_cast<PyFunction>(i)).size());
    SetMeasuredCodeSize(body, profile.copy_code_sizes[i]);
    heap.AttachBody(code, std::move(body));
    session.copy_codes.push_back(code);
  }
  return session.copy_module;
}

Ref CallCopyFunction(Interpreter& interp, Builtin builtin, CallArgs& args) {
  Heap& heap = interp.heap();
  const bool deep = builtin == Builtin::kCopyDeepCopy;
  const char* name = deep ? "deepcopy" : "copy";
  Ref* x = args.positional.empty() ? nullptr : &args.positional[0];
  Ref* memo = args.positional.size() > 1 ? &args.positional[1] : nullptr;
  for (auto& [keyword, value] : args.keywords) {
    if (keyword == "x" && x == nullptr) {
      x = &value;
    } else if (keyword == "memo" && deep && memo == nullptr) {
      memo = &value;
    } else {
      interp.Refuse(absl::StrCat("copy.", name, "() called with keyword argument '", keyword, "'"));
      return Ref();
    }
  }
  if (x == nullptr) {
    interp.Raise(PyError(PyExc::kTypeError,
                         absl::StrCat(name, "() missing 1 required positional argument: 'x'")));
    return Ref();
  }
  if (args.positional.size() > (deep ? 2 : 1)) {
    if (deep) {
      interp.Refuse("copy.deepcopy() given its _nil argument or more");
    } else {
      interp.Raise(PyError(PyExc::kTypeError,
                           absl::StrCat("copy() takes 1 positional argument but ",
                                        args.positional.size(), " were given")));
    }
    return Ref();
  }
  if (memo != nullptr && memo->get() == heap.none()) memo = nullptr;
  if (memo != nullptr &&
      !IsExactDict(heap, memo->get())) {
    interp.Refuse("copy.deepcopy() with a memo that is not a dict");
    return Ref();
  }
  CopyModule(heap, interp.session());
  const ObjectId x_object = x->get();
  const ObjectId memo_object = memo != nullptr ? memo->get() : kNoObject;
  std::vector<Ref*> caller_refs = {x};
  if (memo != nullptr) caller_refs.push_back(memo);
  Copier copier(interp, std::move(caller_refs));
  return deep ? copier.DeepCopy(x_object, memo_object) : copier.Copy(x_object);
}

}  // namespace heapsim::script
