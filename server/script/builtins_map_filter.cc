// map() and filter(): the iterator objects they make. A map holds the tuple
// of its iterables' iterators and the function; a filter holds its
// iterable's iterator and the function (or None). Both keep them until they
// are freed, exhausted or not, as CPython's do; the interpreter's Next
// (interpreter_iter.cc) runs them.

#include <utility>
#include <vector>

#include "server/heap/iterator_object.h"
#include "server/heap/tuple_object.h"
#include "server/script/builtin_call.h"
#include "server/script/builtins.h"

namespace heapsim::script {

namespace {

class MapFilterCall : public BuiltinCall {
 public:
  MapFilterCall(Interpreter& interp, Builtin builtin, CallArgs& args)
      : BuiltinCall(interp, builtin, kNoObject, args) {}

  Ref Run() { return builtin_ == Builtin::kTypeMap ? Map() : Filter(); }

 private:
  Ref Map() {
    const size_t n = args_.positional.size();
    if (n < 2) return TypeError("map() must have at least two arguments.");
    // The tuple first, then each iterable's iterator into it.
    std::vector<ObjectId> placeholders(n - 1, heap_.none());
    for (size_t i = 1; i < n; ++i) heap_.IncRef(heap_.none());
    Ref iterators = NewTuple(heap_, std::move(placeholders));
    for (size_t i = 1; i < n; ++i) {
      Ref iterator = interp_.GetIter(Arg(i));
      if (!iterator) return Ref();
      heap_.DecRef(std::exchange(heap_.tuple(iterators.get()).items[i - 1], iterator.release()));
    }
    return Make(IterKind::kMap, iterators.get());
  }

  Ref Filter() {
    if (!Arity(2, 2)) return Ref();
    Ref iterator = interp_.GetIter(Arg(1));
    if (!iterator) return Ref();
    return Make(IterKind::kFilter, iterator.get());
  }

  Ref Make(IterKind kind, ObjectId source) {
    Ref it = NewIterator(heap_, kind, source);
    heap_.IncRef(Arg(0));
    heap_.iterator(it.get()).extra = Arg(0);
    return it;
  }
};

}  // namespace

Ref ConstructMapOrFilter(Interpreter& interp, Builtin builtin, CallArgs& args) {
  return MapFilterCall(interp, builtin, args).Run();
}

}  // namespace heapsim::script
