// dict.fromkeys(iterable, value=None): a new dict made as dict() makes one,
// then each key set to the one value in the iterable's order. CPython
// presizes the table when the iterable is a dict or a set; that path is
// refused.

#include "absl/strings/str_cat.h"
#include "server/heap/dict_object.h"
#include "server/heap/py_error.h"
#include "server/script/builtin_call.h"
#include "server/script/builtins.h"

namespace heapsim::script {

namespace {

class FromKeysCall : public BuiltinCall {
 public:
  FromKeysCall(Interpreter& interp, ObjectId dict_type, CallArgs& args)
      : BuiltinCall(interp, Builtin::kDictFromKeys, dict_type, args) {}

  Ref Run() {
    if (!args_.keywords.empty()) {
      return TypeError(absl::StrCat(
          heap_.profile().messages.qualified_call_names ? "dict.fromkeys" : "fromkeys",
          "() takes no keyword arguments"));
    }
    if (!Arity(1, 2)) return Ref();
    const ObjectId iterable = Arg(0);
    const TypeTag type = heap_.type_of(iterable);
    if (type == TypeTag::kDict || type == TypeTag::kSet || type == TypeTag::kFrozenSet) {
      interp_.Refuse("dict.fromkeys() of a dict, set or frozenset (CPython presizes the table)");
      return Ref();
    }
    const ObjectId value = args_.positional.size() == 2 ? Arg(1) : heap_.none();
    Ref dict = NewDictForConstructor(heap_);
    const bool ok = interp_.ForEach(iterable, [&](Ref key) {
      return Check(DictSetItem(heap_, dict.get(), key.get(), value));
    });
    if (!ok || interp_.has_error()) return Ref();
    return dict;
  }
};

}  // namespace

Ref CallDictFromKeys(Interpreter& interp, ObjectId dict_type, CallArgs& args) {
  return FromKeysCall(interp, dict_type, args).Run();
}

}  // namespace heapsim::script
