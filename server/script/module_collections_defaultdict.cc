// collections.defaultdict, over the engine's defaultdicts
// (defaultdict_object.h): the constructor as tp_call runs it, copy(),
// __missing__ as dict_subscript calls it for a dict subclass, and the repr.
// Everything else a defaultdict does is a dict's (its TypeTag is kDict).

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "server/heap/defaultdict_object.h"
#include "server/heap/dict_object.h"
#include "server/heap/function_object.h"
#include "server/heap/int_object.h"
#include "server/heap/iterator_object.h"
#include "server/heap/py_error.h"
#include "server/heap/str_object.h"
#include "server/heap/tuple_object.h"
#include "server/heap/value_ops.h"
#include "server/script/builtin_call.h"
#include "server/script/builtins.h"
#include "server/script/special_methods.h"

namespace heapsim::script {

namespace {

// defdict_init(dd, args, kwargs): the factory (args[0]) checked and
// stored, args[1:] sliced off (PySequence_GetSlice makes a slice object,
// and a tuple when anything remains) and given with the keywords to
// dict.__init__. False with the exception pending.
bool InitDefaultDict(Interpreter& interp, ObjectId dd, const std::vector<ObjectId>& args,
                     ObjectId kwargs) {
  Heap& heap = interp.heap();
  ObjectId factory = kNoObject;
  if (!args.empty()) {
    factory = args[0];
    if (!IsCallable(heap, factory) && factory != heap.none()) {
      interp.Raise(PyError(PyExc::kTypeError, "first argument must be callable or None"));
      return false;
    }
  }
  Ref rest;
  {
    Ref start = NewInt(heap, 1);
    Ref stop = NewInt(heap, static_cast<int64_t>(args.size()));
    Ref slice = NewSlice(heap, start.get(), stop.get(), heap.none());
    if (args.size() > 1) rest = NewTupleOf(heap, std::vector<ObjectId>(args.begin() + 1, args.end()));
  }
  Ref old_factory = ExchangeDefaultFactory(heap, dd, factory);
  // dict_init: dict_update_common(self, rest, kwargs, "dict").
  const size_t given = args.empty() ? 0 : args.size() - 1;
  bool ok = true;
  if (given > 1) {
    interp.Raise(PyError(PyExc::kTypeError,
                         absl::StrCat("dict expected at most 1 argument, got ", given)));
    ok = false;
  } else if (given == 1) {
    ok = UpdateDictFrom(interp, dd, args[1]);
  }
  if (ok && kwargs != kNoObject) {
    if (absl::Status merged = DictMerge(heap, dd, kwargs); !merged.ok()) {
      interp.Raise(merged);
      ok = false;
    }
  }
  rest.Reset();
  old_factory.Reset();
  return ok;
}

}  // namespace

Ref ConstructDefaultDict(Interpreter& interp, CallArgs& args) {
  Heap& heap = interp.heap();
  // _PyObject_MakeTpCall packed the positional arguments (the caller made
  // that tuple); the keywords go in a dict.
  std::vector<ObjectId> positional;
  for (const Ref& arg : args.positional) positional.push_back(arg.get());
  Ref kwargs;
  if (!args.keywords.empty()) {
    kwargs = NewDictPresized(heap, args.keywords.size());
    for (const auto& [name, value] : args.keywords) {
      Ref key = InternStr(heap, name);
      DictSetItem(heap, kwargs.get(), key.get(), value.get()).IgnoreError();
    }
  }
  Ref dd = NewDefaultDict(heap);
  if (!InitDefaultDict(interp, dd.get(), positional, kwargs.get())) dd.Reset();
  kwargs.Reset();
  return dd;
}

Ref CopyDefaultDict(Interpreter& interp, ObjectId dd) {
  Heap& heap = interp.heap();
  const ObjectId factory = DefaultFactory(heap, dd);
  const ObjectId shown = factory == kNoObject ? heap.none() : factory;
  // PyObject_CallFunctionObjArgs(type(dd), factory, dd): tp_call's tuple.
  Ref packed = NewTupleOf(heap, {shown, dd});
  CallArgs args;
  args.positional.push_back(heap.NewRef(shown));
  args.positional.push_back(heap.NewRef(dd));
  Ref copy = ConstructDefaultDict(interp, args);
  packed.Reset();
  return copy;
}

Ref DefaultDictMissing(Interpreter& interp, ObjectId dd, ObjectId key) {
  Heap& heap = interp.heap();
  Ref missing = NewBuiltin(heap, static_cast<uint32_t>(Builtin::kDefaultDictMissing), dd);
  const ObjectId factory = DefaultFactory(heap, dd);
  Ref value;
  if (factory == kNoObject || factory == heap.none()) {
    interp.Raise(KeyErrorFor(heap, key));
  } else {
    value = interp.Call(factory, CallArgs());
    if (value) {
      if (absl::Status stored = DictSetItem(heap, dd, key, value.get()); !stored.ok()) {
        interp.Raise(stored);
        value.Reset();
      }
    }
  }
  missing.Reset();
  return value;
}

Ref DefaultDictRepr(Interpreter& interp, ObjectId dd) {
  Heap& heap = interp.heap();
  absl::StatusOr<std::string> base = ReprChecked(heap, dd, 1);
  if (!base.ok()) {
    interp.Raise(base.status());
    return Ref();
  }
  // ReprChecked shows the whole defaultdict; its dict part is the tail.
  const ObjectId factory = DefaultFactory(heap, dd);
  std::string factory_text = "None";
  if (factory != kNoObject) {
    // Its repr was made (and entered) within the defaultdict's.
    absl::StatusOr<std::string> text = ReprTextChecked(heap, factory, 1);
    if (!text.ok()) {
      interp.Raise(text.status());
      return Ref();
    }
    factory_text = *std::move(text);
  }
  const std::string prefix = absl::StrCat("defaultdict(", factory_text, ", ");
  const std::string dict_text = base->substr(prefix.size(), base->size() - prefix.size() - 1);
  Ref base_repr = NewStr(heap, dict_text);
  Ref factory_repr = NewStr(heap, factory_text);
  Ref result = NewStr(heap, *base);
  factory_repr.Reset();
  base_repr.Reset();
  return result;
}

}  // namespace heapsim::script
