#include "server/heap/function_object.h"

#include "server/heap/dict_object.h"
#include "server/heap/tuple_object.h"

namespace heapsim {

Ref NewCode(Heap& heap, uint32_t program, uint32_t unit, Ref consts, Ref name,
            uint32_t stack_size, uint32_t locals_plus) {
  const ObjectId id = heap.NewObject(TypeTag::kCode, heap.profile().aux.code);
  CodeBody body;
  body.program = program;
  body.unit = unit;
  body.consts = consts.release();
  body.name = name.release();
  body.stack_size = stack_size;
  body.locals_plus = locals_plus;
  heap.AttachBody(id, std::move(body));
  return heap.Adopt(id);
}

void SetMeasuredCodeSize(CodeBody& body, const CodeSizeEntry& size) {
  body.size_known = size.code_units != 0;
  body.code_units = size.code_units;
  body.opcache_sites = size.cached_sites;
}

void CountCodeEvaluation(Heap& heap, ObjectId code) {
  const BytecodeRules& rules = heap.profile().bytecode;
  if (rules.opcache_min_runs == 0 || code == kNoObject) return;
  CodeBody& body = heap.code(code);
  if (body.evaluations >= rules.opcache_min_runs) return;
  if (++body.evaluations < rules.opcache_min_runs) return;
  if (!body.size_known) {
    heap.tracemalloc().NoteInexactBlocks(
        "a code object's 1024th evaluation (its opcache follows the length of its bytecode, "
        "which heapsim does not count for this code)");
    return;
  }
  const uint32_t code_units = body.code_units;
  const uint32_t sites = body.opcache_sites;
  const uint64_t map = heap.AllocateBuffer(code_units);
  if (sites == 0) {
    heap.FreeBuffer(map);
    return;
  }
  const uint64_t cache = heap.AllocateBuffer(uint64_t{sites} * rules.opcache_entry_size);
  CodeBody& kept = heap.code(code);
  kept.opcache_map_block = map;
  kept.opcache_block = cache;
}

Ref NewFunction(Heap& heap, ObjectId code, ObjectId globals, Ref defaults, Ref kw_defaults,
                Ref closure, std::string qualname, Ref annotations) {
  const ObjectId id = heap.NewObject(TypeTag::kFunction, heap.profile().aux.function);
  FunctionBody body;
  heap.IncRef(code);
  body.code = code;
  heap.IncRef(globals);
  body.globals = globals;
  body.defaults = defaults.release();
  body.kw_defaults = kw_defaults.release();
  body.closure = closure.release();
  body.annotations = annotations.release();
  body.name = heap.code(code).name;
  heap.IncRef(body.name);
  body.qualname = std::move(qualname);
  heap.AttachBody(id, std::move(body));
  heap.Track(id);
  return heap.Adopt(id);
}

Ref FunctionAnnotations(Heap& heap, ObjectId function) {
  const ObjectId held = heap.function(function).annotations;
  if (held == kNoObject) {
    Ref dict = NewDict(heap);
    heap.function(function).annotations = heap.NewRef(dict.get()).release();
    return dict;
  }
  if (heap.type_of(held) != TypeTag::kTuple) return heap.NewRef(held);
  Ref dict = NewDict(heap);
  const std::vector<ObjectId> pairs = TupleItems(heap, held);
  for (size_t i = 0; i + 1 < pairs.size(); i += 2) {
    DictSetItem(heap, dict.get(), pairs[i], pairs[i + 1]).IgnoreError();
  }
  heap.function(function).annotations = heap.NewRef(dict.get()).release();
  heap.DecRef(held);
  return dict;
}

Ref NewCell(Heap& heap, ObjectId contents) {
  const ObjectId id = heap.NewObject(TypeTag::kCell, heap.profile().aux.cell);
  if (contents != kNoObject) heap.IncRef(contents);
  heap.AttachBody(id, CellBody{contents});
  heap.Track(id);
  return heap.Adopt(id);
}

Ref NewMethod(Heap& heap, ObjectId function, ObjectId self) {
  auto& free_list = heap.free_lists().methods;
  ObjectId id;
  if (!free_list.empty()) {
    id = heap.NewObjectAt(TypeTag::kMethod, free_list.back() + heap.HeaderBytes(TypeTag::kMethod));
    free_list.pop_back();
  } else {
    id = heap.NewObject(TypeTag::kMethod, heap.profile().aux.method);
  }
  heap.IncRef(function);
  heap.IncRef(self);
  heap.AttachBody(id, BoundBody{function, self, 0});
  heap.Track(id);
  return heap.Adopt(id);
}

Ref NewBuiltin(Heap& heap, uint32_t builtin, ObjectId self) {
  auto& free_list = heap.free_lists().builtin_methods;
  ObjectId id;
  if (!free_list.empty()) {
    id = heap.NewObjectAt(TypeTag::kBuiltinFunction,
                          free_list.back() + heap.HeaderBytes(TypeTag::kBuiltinFunction));
    free_list.pop_back();
  } else {
    id = heap.NewObject(TypeTag::kBuiltinFunction, heap.profile().aux.builtin_method);
  }
  if (self != kNoObject) heap.IncRef(self);
  heap.AttachBody(id, BoundBody{kNoObject, self, builtin});
  heap.Track(id);
  return heap.Adopt(id);
}

Ref NewModule(Heap& heap, std::string name) {
  Ref dict = NewDict(heap);
  const ObjectId id = heap.NewObject(TypeTag::kModule, heap.profile().aux.module);
  heap.AttachBody(id, ModuleBody{std::move(name), dict.release()});
  heap.Track(id);
  return heap.Adopt(id);
}

}  // namespace heapsim
