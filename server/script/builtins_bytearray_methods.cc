// bytearray's own mutators: insert, remove, reverse, clear and copy. A
// size change goes through PyByteArray_Resize's buffer rules
// (ByteArrayResize) after the checks CPython makes first, and fails with
// BufferError while a memoryview exports the buffer.

#include <algorithm>
#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "server/heap/bytes_object.h"
#include "server/heap/int_object.h"
#include "server/heap/py_error.h"
#include "server/script/builtin_call.h"
#include "server/script/builtins.h"

namespace heapsim::script {

namespace {

class ByteArrayMutatorCall : public BuiltinCall {
 public:
  using BuiltinCall::BuiltinCall;

  Ref Run() {
    if (!KeywordsAllowed()) return Ref();
    switch (builtin_) {
      case Builtin::kByteArrayInsert:
        return Insert();
      case Builtin::kByteArrayRemove:
        return Remove();
      case Builtin::kByteArrayReverse: {
        if (!Arity(0, 0)) return Ref();
        std::string& data = heap_.bytes(self_).data;
        std::reverse(data.begin(), data.end());
        return Mutated("reverse");
      }
      case Builtin::kByteArrayClear:
        if (!Arity(0, 0)) return Ref();
        if (!heap_.bytes(self_).data.empty() && !Check(ByteArrayCanResize(heap_, self_))) {
          return Ref();
        }
        ByteArrayResize(heap_, self_, 0);
        return Mutated("clear");
      case Builtin::kByteArrayCopy:
        if (!Arity(0, 0)) return Ref();
        return NewByteArray(heap_, BytesData(heap_, self_));
      default:
        return Fail(absl::InternalError("not a bytearray mutator"));
    }
  }

 private:
  Ref Mutated(std::string_view what) {
    if (heap_.observed()) heap_.Notify(MutateEvent{self_, what});
    return None();
  }

  // _getbytevalue: an int in range(0, 256); nullopt with the TypeError or
  // ValueError raised.
  std::optional<uint8_t> ByteValue(ObjectId id) {
    const std::optional<int64_t> value = IndexArg(id);
    if (!value) return std::nullopt;
    if (*value < 0 || *value > 255) {
      Fail(PyError(PyExc::kValueError, "byte must be in range(0, 256)"));
      return std::nullopt;
    }
    return static_cast<uint8_t>(*value);
  }

  // insert(index, item): the item checked, the array grown by one, the
  // index clipped as list.insert clips it.
  Ref Insert() {
    if (!Arity(2, 2)) return Ref();
    const std::optional<int64_t> index = SsizeArg(Arg(0));
    if (!index) return Ref();
    const std::optional<uint8_t> byte = ByteValue(Arg(1));
    if (!byte) return Ref();
    if (!Check(ByteArrayCanResize(heap_, self_))) return Ref();
    const auto n = static_cast<int64_t>(heap_.bytes(self_).data.size());
    ByteArrayResize(heap_, self_, static_cast<uint64_t>(n + 1));
    int64_t where = *index;
    if (where < 0) where = std::max<int64_t>(where + n, 0);
    where = std::min(where, n);
    std::string& data = heap_.bytes(self_).data;
    data.pop_back();
    data.insert(data.begin() + where, static_cast<char>(*byte));
    return Mutated("insert");
  }

  // remove(value): the first such byte moved out, then the array shrunk.
  Ref Remove() {
    if (!Arity(1, 1)) return Ref();
    const std::optional<uint8_t> byte = ByteValue(Arg(0));
    if (!byte) return Ref();
    std::string data = heap_.bytes(self_).data;
    const size_t where = data.find(static_cast<char>(*byte));
    if (where == std::string::npos) {
      return Fail(PyError(PyExc::kValueError, "value not found in bytearray"));
    }
    if (!Check(ByteArrayCanResize(heap_, self_))) return Ref();
    data.erase(where, 1);
    ByteArrayResize(heap_, self_, data.size());
    heap_.bytes(self_).data = std::move(data);
    return Mutated("remove");
  }
};

}  // namespace

Ref CallByteArrayMutator(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args) {
  return ByteArrayMutatorCall(interp, builtin, self, args).Run();
}

}  // namespace heapsim::script
