// The builtin memoryview over bytes, bytearrays and array.arrays
// (memoryview_object.h): construction, the methods tobytes, tolist,
// release, __enter__ and __exit__, the data attributes, and
// bytes()/bytearray() of a view. Views of arrays of the 'u' and 'w'
// typecodes (whose format memoryview does not support), keyword
// arguments, wrong argument counts of the methods (their wording varies by
// version and method) and copies of strided views (CPython copies them
// through scratch buffers) are refused by name.

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "server/heap/array_object.h"
#include "server/heap/bytes_object.h"
#include "server/heap/int_object.h"
#include "server/heap/list_object.h"
#include "server/heap/memoryview_object.h"
#include "server/heap/py_error.h"
#include "server/heap/str_object.h"
#include "server/heap/tuple_object.h"
#include "server/heap/value_ops.h"
#include "server/script/builtin_call.h"
#include "server/script/builtins.h"

namespace heapsim::script {

namespace {

class MemoryViewCall : public BuiltinCall {
 public:
  MemoryViewCall(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args)
      : BuiltinCall(interp, builtin, self, args) {}

  Ref Run() {
    if (builtin_ == Builtin::kTypeMemoryView) return Construct();
    if (!args_.keywords.empty() ||
        (builtin_ != Builtin::kMemoryViewExit && !args_.positional.empty())) {
      interp_.Refuse(absl::StrCat("memoryview.", std::string(BuiltinName(builtin_)), "() with arguments"));
      return Ref();
    }
    if (builtin_ == Builtin::kMemoryViewRelease || builtin_ == Builtin::kMemoryViewExit) {
      ReleaseMemoryView(heap_, self_);
      return None();
    }
    if (MemoryViewReleased(heap_, self_)) return Fail(ReleasedViewError());
    switch (builtin_) {
      case Builtin::kMemoryViewEnter:
        return heap_.NewRef(self_);
      case Builtin::kMemoryViewToBytes:
        return CopyMemoryView(interp_, self_, /*bytearray=*/false, args_);
      case Builtin::kMemoryViewToList: {
        // tolist_base: a list of the view's length, filled with its items
        // (unpack_single of each).
        std::vector<Ref> items;
        std::vector<ObjectId> ids;
        for (int64_t i = 0; i < MemoryViewLength(heap_, self_); ++i) {
          items.push_back(MemoryViewItem(heap_, self_, i));
          ids.push_back(items.back().get());
        }
        return NewListOf(heap_, ids);
      }
      default:
        return Fail(absl::InternalError("not a memoryview method"));
    }
  }

 private:
  // memoryview(object): a view of a bytes or bytearray, or a new view on
  // another view's managed buffer.
  Ref Construct() {
    if (!args_.keywords.empty()) {
      interp_.Refuse("memoryview() with keyword arguments");
      return Ref();
    }
    if (args_.positional.empty()) {
      return TypeError("memoryview() missing required argument 'object' (pos 1)");
    }
    if (args_.positional.size() > 1) {
      return TypeError(absl::StrCat("memoryview() takes at most 1 argument (",
                                    args_.positional.size(), " given)"));
    }
    const ObjectId object = Arg(0);
    switch (heap_.type_of(object)) {
      case TypeTag::kBytes:
      case TypeTag::kByteArray:
        return NewMemoryView(heap_, object);
      case TypeTag::kMemoryView:
        if (MemoryViewReleased(heap_, object)) return Fail(ReleasedViewError());
        return NewMemoryViewSlice(heap_, object, 0, 1, MemoryViewLength(heap_, object));
      case TypeTag::kArray: {
        const char code = ArrayTypecodeOf(heap_, object).code;
        if (code == 'u' || code == 'w') {
          interp_.Refuse(absl::StrCat("memoryview() of an array of typecode '",
                                      std::string(1, code),
                                      "' (memoryview does not support its format)"));
          return Ref();
        }
        return NewMemoryView(heap_, object);
      }
      case TypeTag::kInstance:
        // A class may export a buffer through __buffer__ (3.12+).
        interp_.Refuse(absl::StrCat("memoryview() of a '", TypeName(heap_, object), "' object"));
        return Ref();
      default:
        return TypeError(absl::StrCat("memoryview: a bytes-like object is required, not '",
                                      TypeName(heap_, object), "'"));
    }
  }
};

}  // namespace

Ref MemoryViewItem(Heap& heap, ObjectId view, int64_t index) {
  const ObjectId exporter = MemoryViewExporter(heap, view);
  if (heap.type_of(exporter) == TypeTag::kArray) {
    return ArrayItem(heap, exporter,
                     MemoryViewOffset(heap, view, index) / MemoryViewItemSize(heap, view));
  }
  return NewInt(heap, MemoryViewByte(heap, view, index));
}

Ref CallMemoryViewBuiltin(Interpreter& interp, Builtin builtin, ObjectId self, CallArgs& args) {
  return MemoryViewCall(interp, builtin, self, args).Run();
}

Ref CopyMemoryView(Interpreter& interp, ObjectId view, bool bytearray, const CallArgs& args) {
  Heap& heap = interp.heap();
  if (args.positional.size() > 1 || !args.keywords.empty()) {
    interp.Refuse("bytes() or bytearray() of a memoryview with an encoding");
    return Ref();
  }
  if (MemoryViewReleased(heap, view)) {
    interp.Raise(ReleasedViewError());
    return Ref();
  }
  if (!MemoryViewContiguous(heap, view)) {
    interp.Refuse("copying a strided memoryview (CPython copies it through scratch buffers)");
    return Ref();
  }
  // PyBytes_FromStringAndSize(NULL, n) then a copy: a new bytes even of
  // one byte; the buffer of a bytearray is sized once.
  const std::string data = MemoryViewBytes(heap, view);
  return bytearray ? NewByteArray(heap, data) : NewBytesObject(heap, data);
}

std::optional<Ref> MemoryViewAttribute(Interpreter& interp, ObjectId view,
                                       const std::string& name) {
  static constexpr std::string_view kNames[] = {
      "obj",     "nbytes",     "readonly",     "itemsize",     "format",    "ndim",
      "shape",   "strides",    "suboffsets",   "c_contiguous", "f_contiguous", "contiguous",
  };
  bool known = false;
  for (std::string_view n : kNames) known = known || n == name;
  if (!known) return std::nullopt;
  Heap& heap = interp.heap();
  if (MemoryViewReleased(heap, view)) {
    interp.Raise(ReleasedViewError());
    return Ref();
  }
  if (name == "obj") return heap.NewRef(MemoryViewExporter(heap, view));
  if (name == "nbytes") {
    return NewInt(heap, MemoryViewLength(heap, view) * MemoryViewItemSize(heap, view));
  }
  if (name == "readonly") return heap.NewRef(heap.bool_object(MemoryViewReadOnly(heap, view)));
  if (name == "itemsize") return NewInt(heap, MemoryViewItemSize(heap, view));
  if (name == "ndim") return NewInt(heap, 1);
  if (name == "format") return NewStr(heap, std::string(1, MemoryViewFormat(heap, view)));
  if (name == "shape" || name == "strides") {
    // _IntTupleFromSsizet: a one-item tuple of a new int.
    Ref n = NewInt(heap, name == "shape" ? MemoryViewLength(heap, view)
                                         : MemoryViewStep(heap, view));
    return NewTupleOf(heap, {n.get()});
  }
  if (name == "suboffsets") return heap.NewRef(heap.empty_tuple());
  return heap.NewRef(heap.bool_object(MemoryViewContiguous(heap, view)));
}

}  // namespace heapsim::script
