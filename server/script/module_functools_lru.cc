// functools.lru_cache and functools.cache (3.9+): the wrapper made as
// lru_cache() and update_wrapper() in functools.py make it, called as
// _functools' lru_cache_call runs each call (the key made from the packed
// arguments, the cache dict looked up, the function called on a miss, a
// bounded cache's least recently used link reused once it is full), and its
// cache_info() and cache_clear().
//
// functools.py's own Python code (the frames of lru_cache(), its
// decorating_function closure, update_wrapper's getattr/setattr, the
// cache_parameters lambda, CacheInfo's __new__) allocates and frees
// objects heapsim does not model one by one: from the first lru_cache()
// call on, id() and tracemalloc's figures are refused
// (RefuseAfterTracemallocObjects) and the GC counts open a timing window
// (NoteUnmodelledGcObjects). What the cache holds is modelled exactly: the
// references to keys and results, the order in which they are freed, the
// wrapper's size and the GC's view of it.

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "server/heap/dict_object.h"
#include "server/heap/function_object.h"
#include "server/heap/gc_timing.h"
#include "server/heap/int_object.h"
#include "server/heap/lru_cache_object.h"
#include "server/heap/py_error.h"
#include "server/heap/str_object.h"
#include "server/heap/tuple_object.h"
#include "server/heap/value_ops.h"
#include "server/script/builtin_call.h"
#include "server/script/builtins.h"
#include "server/script/code.h"
#include "server/script/function_attributes.h"
#include "server/script/program.h"
#include "server/script/special_methods.h"

namespace heapsim::script {

namespace {

// At most how many GC objects functools.py's code makes or frees for one
// lru_cache() call and the wrapper's update_wrapper (frames before 3.11,
// the closure and its cells, the lambda, the dicts getattr makes on the
// function, iterators), and for one CacheInfo (the argument tuples and,
// before 3.11, a frame).
constexpr uint64_t kDecoratorGcObjects = 32;
constexpr uint64_t kCacheInfoGcObjects = 4;

// The default maxsize of lru_cache().
constexpr int64_t kDefaultMaxSize = 128;

// Records that functools.py's Python code ran: its memory is not modelled
// from now on, and its GC objects widen the timing window.
void NoteFunctoolsCode(Interpreter& interp, std::string_view what, uint64_t gc_objects) {
  std::string& first = interp.session().lru_cache_made;
  if (first.empty()) first = std::string(what);
  NoteUnmodelledGcObjects(interp.heap(), what, gc_objects);
}

class LruCacheCall : public BuiltinCall {
 public:
  LruCacheCall(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args)
      : BuiltinCall(interp, builtin, self, args) {}

  Ref Run() {
    switch (builtin_) {
      case Builtin::kFunctoolsLruCache:
        return LruCache();
      case Builtin::kFunctoolsCache:
        return Cache();
      case Builtin::kLruCacheInfo:
        if (!KeywordsAllowed()) return Ref();
        return CacheInfo();
      case Builtin::kLruCacheClear:
        if (!KeywordsAllowed() || !Arity(0, 0)) return Ref();
        LruCacheClear(heap_, self_);
        return None();
      default:
        return Fail(absl::InternalError("not an lru_cache builtin"));
    }
  }

  // decorating_function(user_function): the closure lru_cache(maxsize,
  // typed) returned, `self_` holding the parameters.
  Ref Decorate() {
    if (!args_.keywords.empty() || args_.positional.size() != 1) {
      interp_.Refuse("calling lru_cache()'s decorator with other than one positional argument");
      return Ref();
    }
    const LruCacheBody& body = heap_.lru_cache(self_);
    return Wrap(Arg(0), body.maxsize, body.typed, body.closure);
  }

  // cache_parameters(): the lambda's {'maxsize': maxsize, 'typed': typed}
  // of its cells' contents.
  Ref CacheParameters() {
    if (!args_.keywords.empty() || !args_.positional.empty()) {
      interp_.Refuse("calling cache_parameters() with arguments");
      return Ref();
    }
    NoteFunctoolsCode(interp_, "cache_parameters()", kCacheInfoGcObjects);
    const std::vector<ObjectId>& cells = TupleItems(heap_, heap_.lru_cache(self_).closure);
    Ref dict = NewDictPresized(heap_, 2);
    for (const auto& [name, cell] : {std::pair<std::string_view, ObjectId>{"maxsize", cells[0]},
                                     std::pair<std::string_view, ObjectId>{"typed", cells[1]}}) {
      Ref key = InternStr(heap_, name);
      DictSetItem(heap_, dict.get(), key.get(), heap_.cell(cell).contents).IgnoreError();
    }
    return dict;
  }

 private:
  // lru_cache(maxsize=128, typed=False): an int maxsize (negative: 0),
  // None, or the function itself (the bare @lru_cache form, when typed is
  // a bool).
  Ref LruCache() {
    if (args_.positional.size() > 2) {
      interp_.Refuse("functools.lru_cache() with more than two positional arguments");
      return Ref();
    }
    for (const auto& [name, value] : args_.keywords) {
      if (name != "maxsize" && name != "typed") {
        interp_.Refuse(absl::StrCat("functools.lru_cache() with keyword '", name, "'"));
        return Ref();
      }
    }
    const ObjectId maxsize = ArgOrKeyword(0, "maxsize");
    const ObjectId typed_arg = ArgOrKeyword(1, "typed");
    if ((args_.positional.size() >= 1 && Keyword("maxsize") != kNoObject) ||
        (args_.positional.size() >= 2 && Keyword("typed") != kNoObject)) {
      interp_.Refuse("functools.lru_cache() given an argument both by position and by name");
      return Ref();
    }
    ObjectId typed = typed_arg == kNoObject ? heap_.bool_object(false) : typed_arg;
    if (heap_.type_of(typed) == TypeTag::kInstance) {
      // Its truth (which may run its class's code) is taken later, in C.
      interp_.Refuse("functools.lru_cache() with an instance as typed");
      return Ref();
    }
    NoteFunctoolsCode(interp_, "functools.lru_cache()", kDecoratorGcObjects);
    int64_t size = kDefaultMaxSize;
    ObjectId cell_value = heap_.small_int(kDefaultMaxSize);
    if (maxsize != kNoObject) {
      const TypeTag type = heap_.type_of(maxsize);
      cell_value = maxsize;
      if (type == TypeTag::kInt || type == TypeTag::kBool) {
        const std::optional<int64_t> value = IntAsInt64(heap_, maxsize);
        if (!value) {
          interp_.Refuse("an lru_cache maxsize past 64 bits");
          return Ref();
        }
        size = std::max<int64_t>(*value, 0);
        if (*value < 0) cell_value = heap_.small_int(0);
      } else if (IsCallable(heap_, maxsize) && heap_.type_of(typed) == TypeTag::kBool) {
        // The bare form: maxsize becomes 128 in lru_cache()'s cell.
        Ref cells = NewCells(heap_.small_int(kDefaultMaxSize), typed);
        return Wrap(maxsize, kDefaultMaxSize, typed == heap_.bool_object(true), cells.get());
      } else if (maxsize == heap_.none()) {
        size = -1;
      } else if (type == TypeTag::kInstance) {
        // isinstance() and callable() of an instance may run its class's code.
        interp_.Refuse("functools.lru_cache() of an instance");
        return Ref();
      } else {
        return TypeError("Expected first argument to be an integer, a callable, or None");
      }
    }
    const int truth = TruthOf(interp_, typed);
    if (truth < 0) return Ref();
    return NewLruCacheClosure(heap_, NewCells(cell_value, typed), size, truth == 1,
                              /*parameters_lambda=*/false);
  }

  // lru_cache()'s cells of maxsize and typed, in a closure's tuple.
  Ref NewCells(ObjectId maxsize, ObjectId typed) {
    Ref maxsize_cell = NewCell(heap_, maxsize);
    Ref typed_cell = NewCell(heap_, typed);
    return NewTuple(heap_, {maxsize_cell.release(), typed_cell.release()});
  }

  // cache(user_function): lru_cache(maxsize=None)(user_function) (3.9+).
  Ref Cache() {
    if (!args_.keywords.empty() || args_.positional.size() != 1) {
      interp_.Refuse("functools.cache() with other than one positional argument");
      return Ref();
    }
    NoteFunctoolsCode(interp_, "functools.cache()", kDecoratorGcObjects);
    Ref cells = NewCells(heap_.none(), heap_.bool_object(false));
    return Wrap(Arg(0), -1, false, cells.get());
  }

  // _lru_cache_wrapper(user_function, maxsize, typed, _CacheInfo), then
  // (3.9+) the cache_parameters lambda over lru_cache()'s cells (`cells`,
  // a closure's tuple) and update_wrapper's attributes in the wrapper's
  // __dict__.
  Ref Wrap(ObjectId function, int64_t maxsize, bool typed, ObjectId cells) {
    if (!IsCallable(heap_, function)) return TypeError("the first argument must be callable");
    if (heap_.type_of(function) != TypeTag::kFunction) {
      interp_.Refuse(absl::StrCat("functools.lru_cache() of a '", TypeName(heap_, function),
                                  "' object (only of the script's functions)"));
      return Ref();
    }
    Ref wrapper = NewLruCache(heap_, heap_.NewRef(function), maxsize, typed);
    Ref dict = NewDict(heap_);
    const auto set = [&](std::string_view name, Ref value) {
      Ref key = InternStr(heap_, name);
      DictSetItem(heap_, dict.get(), key.get(), value.get()).IgnoreError();
    };
    if (heap_.profile().lru_cache.has_cache_parameters) {
      set("cache_parameters",
          NewLruCacheClosure(heap_, NewTupleOf(heap_, TupleItems(heap_, cells)), maxsize, typed,
                             /*parameters_lambda=*/true));
    }
    // getattr(wrapped, '__annotations__'): the function's own dict.
    CopyWrapperAssignments(interp_, function, dict.get());
    if (heap_.profile().lru_cache.copies_type_params) set("__type_params__", NewTuple(heap_, {}));
    set("__wrapped__", heap_.NewRef(function));
    heap_.lru_cache(wrapper.get()).dict = dict.release();
    return wrapper;
  }

  // cache_info(): CacheInfo(hits, misses, maxsize, currsize), a namedtuple
  // (maxsize None for an unbounded cache).
  Ref CacheInfo() {
    if (!Arity(0, 0)) return Ref();
    NoteFunctoolsCode(interp_, "cache_info()", kCacheInfoGcObjects);
    const LruCacheBody body = heap_.lru_cache(self_);
    std::vector<Ref> values;
    values.push_back(NewInt(heap_, body.hits));
    values.push_back(NewInt(heap_, body.misses));
    values.push_back(body.maxsize < 0 ? None() : NewInt(heap_, body.maxsize));
    values.push_back(NewInt(heap_, heap_.dict(body.cache).used));
    std::vector<ObjectId> items;
    for (Ref& value : values) items.push_back(value.release());
    // A tuple subclass's instance: never from the tuple free list.
    const ObjectId id = heap_.NewObject(TypeTag::kTuple, TupleRequest(items.size()));
    heap_.AttachBody(id, TupleBody{std::move(items)});
    heap_.set_subtype(id, kCacheInfoTuple);
    heap_.Track(id);
    return heap_.Adopt(id);
  }
};

// The type object of `object` that a typed cache's key holds (an
// instance's class, or int, bool, float or str), or kNoObject for the types
// heapsim does not model there.
ObjectId KeyTypeOf(Interpreter& interp, ObjectId object) {
  Heap& heap = interp.heap();
  Builtin type;
  switch (heap.type_of(object)) {
    case TypeTag::kInstance:
      return heap.instance(object).cls;
    case TypeTag::kInt:
      type = Builtin::kTypeInt;
      break;
    case TypeTag::kBool:
      type = Builtin::kTypeBool;
      break;
    case TypeTag::kFloat:
      type = Builtin::kTypeFloat;
      break;
    case TypeTag::kStr:
      type = Builtin::kTypeStr;
      break;
    default:
      return kNoObject;
  }
  return interp.session().builtin_objects[static_cast<size_t>(type)];
}

// lru_cache_make_key without keywords: a single exact int or str argument
// of an untyped cache is its own key; otherwise the argument tuple itself,
// or for a typed cache a new tuple of the arguments then their types.
Ref MakeKey(Interpreter& interp, ObjectId packed, bool typed) {
  Heap& heap = interp.heap();
  const std::vector<ObjectId>& args = TupleItems(heap, packed);
  if (!typed) {
    if (args.size() == 1) {
      const TypeTag type = heap.type_of(args[0]);
      if (type == TypeTag::kInt || type == TypeTag::kStr) {  // exact: subclasses are instances
        return heap.NewRef(args[0]);
      }
    }
    return heap.NewRef(packed);
  }
  std::vector<ObjectId> items = args;
  for (ObjectId arg : args) {
    const ObjectId type = KeyTypeOf(interp, arg);
    if (type == kNoObject) {
      interp.Refuse(absl::StrCat("a typed lru_cache key holding the type of a '",
                                 TypeName(heap, arg), "' object"));
      return Ref();
    }
    items.push_back(type);
  }
  return NewTupleOf(heap, items);
}

// PyObject_Call(func, args, NULL) of the wrapped Python function: its frame
// takes references of its own to the packed arguments.
Ref CallWrapped(Interpreter& interp, ObjectId function, ObjectId packed) {
  Heap& heap = interp.heap();
  CallArgs call;
  call.from_sequence = true;
  for (ObjectId arg : TupleItems(heap, packed)) call.positional.push_back(heap.NewRef(arg));
  return interp.Call(function, std::move(call));
}

// The key's hash, or nullopt with the error raised (an unhashable
// argument) or the refusal made.
std::optional<int64_t> KeyHash(Interpreter& interp, ObjectId key) {
  absl::StatusOr<int64_t> hash = Hash(interp.heap(), key);
  if (!hash.ok()) {
    interp.Raise(hash.status());
    return std::nullopt;
  }
  return *hash;
}

// infinite_lru_cache_wrapper: the key looked up, else the function called
// and its result stored under the key.
Ref CallUnbounded(Interpreter& interp, ObjectId wrapper, ObjectId packed) {
  Heap& heap = interp.heap();
  Ref key = MakeKey(interp, packed, heap.lru_cache(wrapper).typed);
  if (!key || !KeyHash(interp, key.get())) return Ref();
  absl::StatusOr<ObjectId> found = DictLookup(heap, heap.lru_cache(wrapper).cache, key.get());
  if (!found.ok()) {
    interp.Raise(found.status());
    return Ref();
  }
  if (*found != kNoObject) {
    ++heap.lru_cache(wrapper).hits;
    return heap.NewRef(*found);
  }
  ++heap.lru_cache(wrapper).misses;
  Ref result = CallWrapped(interp, heap.lru_cache(wrapper).function, packed);
  if (!result) return Ref();
  if (absl::Status stored = DictSetItem(heap, heap.lru_cache(wrapper).cache, key.get(), result.get());
      !stored.ok()) {
    interp.Raise(stored);
    return Ref();
  }
  return result;
}

// bounded_lru_cache_wrapper: a hit moves its link to the most recently
// used end; a miss calls the function, then (unless the call stored the
// key itself) adds a link while the cache has room, else reuses the least
// recently used link, popping its key and freeing the old key and result
// once the new ones are in place.
Ref CallBounded(Interpreter& interp, ObjectId wrapper, ObjectId packed) {
  Heap& heap = interp.heap();
  Ref key = MakeKey(interp, packed, heap.lru_cache(wrapper).typed);
  if (!key) return Ref();
  const std::optional<int64_t> hash = KeyHash(interp, key.get());
  if (!hash) return Ref();
  absl::StatusOr<ObjectId> found = DictLookup(heap, heap.lru_cache(wrapper).cache, key.get());
  if (!found.ok()) {
    interp.Raise(found.status());
    return Ref();
  }
  if (*found != kNoObject) {
    LruExtractLink(heap, wrapper, *found);
    LruAppendLink(heap, wrapper, *found);
    ++heap.lru_cache(wrapper).hits;
    return heap.NewRef(heap.lru_link(*found).result);
  }
  ++heap.lru_cache(wrapper).misses;
  Ref result = CallWrapped(interp, heap.lru_cache(wrapper).function, packed);
  if (!result) return Ref();
  const ObjectId cache = heap.lru_cache(wrapper).cache;
  absl::StatusOr<ObjectId> stored = DictLookup(heap, cache, key.get());
  if (!stored.ok() || *stored != kNoObject) {
    // The call reentered the wrapper with the same key.
    if (!stored.ok()) interp.Raise(stored.status());
    return stored.ok() ? std::move(result) : Ref();
  }
  const LruCacheBody& body = heap.lru_cache(wrapper);
  if (heap.dict(cache).used < body.maxsize || body.oldest == kNoObject) {
    const ObjectId link = NewLruLink(heap, heap.NewRef(key.get()), heap.NewRef(result.get()), *hash);
    if (absl::Status set = DictSetItem(heap, cache, key.get(), link); !set.ok()) {
      heap.DecRef(link);
      interp.Raise(set);
      return Ref();
    }
    LruAppendLink(heap, wrapper, link);
    return result;
  }
  const ObjectId link = body.oldest;
  LruExtractLink(heap, wrapper, link);
  absl::StatusOr<Ref> popped = DictPop(heap, cache, heap.lru_link(link).key, heap.none());
  if (!popped.ok() || popped->get() != link) {
    // A key whose hash or comparison ran code: the cache is not what it was.
    interp.Refuse("an lru_cache eviction after its cache changed during the call");
    return Ref();
  }
  LruLinkBody& reused = heap.lru_link(link);
  const ObjectId old_key = std::exchange(reused.key, heap.NewRef(key.get()).release());
  const ObjectId old_result = std::exchange(reused.result, heap.NewRef(result.get()).release());
  reused.hash = *hash;
  if (absl::Status set = DictSetItem(heap, cache, key.get(), link); !set.ok()) {
    interp.Raise(set);
    return Ref();
  }
  LruAppendLink(heap, wrapper, link);
  popped->Reset();
  key.Reset();
  heap.DecRef(old_key);
  heap.DecRef(old_result);
  return result;
}

}  // namespace

Ref CallLruCacheBuiltin(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args) {
  return LruCacheCall(interp, builtin, self, args).Run();
}

Ref CallLruCacheDecorator(Interpreter& interp, ObjectId decorator, CallArgs args) {
  LruCacheCall call(interp, Builtin::kFunctoolsLruCache, decorator, args);
  Ref result = interp.heap().lru_cache(decorator).parameters_lambda ? call.CacheParameters()
                                                                    : call.Decorate();
  ReleaseCallArguments(interp.heap().profile(), args);
  return result;
}

Ref CallLruCache(Interpreter& interp, ObjectId wrapper, CallArgs args) {
  Heap& heap = interp.heap();
  if (!args.keywords.empty()) {
    interp.Refuse(
        "calling a functools.lru_cache wrapper with keyword arguments (the key holds a marker "
        "object and the keywords; the function unpacks the packed dict)");
    return Ref();
  }
  // tp_call: the positional arguments packed for the call.
  std::vector<ObjectId> items;
  for (const Ref& arg : args.positional) items.push_back(arg.get());
  Ref packed = NewTupleOf(heap, items);
  Ref result;
  const int64_t maxsize = heap.lru_cache(wrapper).maxsize;
  if (maxsize == 0) {
    ++heap.lru_cache(wrapper).misses;
    result = CallWrapped(interp, heap.lru_cache(wrapper).function, packed.get());
  } else if (maxsize < 0) {
    result = CallUnbounded(interp, wrapper, packed.get());
  } else {
    result = CallBounded(interp, wrapper, packed.get());
  }
  packed.Reset();
  ReleaseCallArguments(heap.profile(), args);
  return result;
}

Ref LruCacheAttribute(Interpreter& interp, ObjectId wrapper, const std::string& name) {
  Heap& heap = interp.heap();
  if (heap.type_of(wrapper) == TypeTag::kLruCache &&
      (name == "__wrapped__" || name == "__name__" || name == "__qualname__" ||
       name == "__module__" || name == "__annotations__" ||
       (name == "cache_parameters" && heap.profile().lru_cache.has_cache_parameters))) {
    Ref key = InternStr(heap, name);
    absl::StatusOr<ObjectId> value = DictLookup(heap, heap.lru_cache(wrapper).dict, key.get());
    if (value.ok() && *value != kNoObject) return heap.NewRef(*value);
  }
  if (heap.type_of(wrapper) == TypeTag::kLruCache && name == "cache_parameters" &&
      !heap.profile().lru_cache.has_cache_parameters) {
    interp.Raise(PyError(PyExc::kAttributeError,
                         "'functools._lru_cache_wrapper' object has no attribute "
                         "'cache_parameters'"));
    return Ref();
  }
  const bool dunder = name.size() > 4 && name.starts_with("__") && name.ends_with("__");
  if (heap.type_of(wrapper) == TypeTag::kLruCache && !dunder && name != "cache_parameters") {
    // Not in its type nor (attributes cannot be set) in its __dict__.
    interp.Raise(interp.AttributeErrorFor(
        wrapper, name,
        PyError(PyExc::kAttributeError,
                absl::StrCat("'functools._lru_cache_wrapper' object has no attribute '", name,
                             "'"))));
    return Ref();
  }
  interp.Refuse(absl::StrCat("attribute '", name, "' of a ",
                             heap.type_of(wrapper) == TypeTag::kLruCache
                                 ? "functools.lru_cache wrapper (only cache_info, cache_clear, "
                                   "cache_parameters, __wrapped__, __name__, __qualname__, "
                                   "__module__ and __annotations__ are modelled)"
                                 : "functools.lru_cache decorator"));
  return Ref();
}

bool IsFunctoolsPythonFunction(const Heap& heap, ObjectId object) {
  if (heap.type_of(object) != TypeTag::kBuiltinFunction) return false;
  const auto builtin = static_cast<Builtin>(heap.bound(object).builtin);
  return builtin == Builtin::kFunctoolsLruCache || builtin == Builtin::kFunctoolsCache;
}

}  // namespace heapsim::script
