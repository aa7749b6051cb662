#include "server/script/code_attributes.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "server/heap/bodies.h"
#include "server/heap/int_object.h"
#include "server/heap/py_error.h"
#include "server/heap/tuple_object.h"
#include "server/script/module_dataclasses.h"
#include "server/script/program.h"

namespace heapsim::script {

namespace {

// CPython's CO_* flags that a script function's code can have.
constexpr int64_t kCoOptimized = 0x1;
constexpr int64_t kCoNewLocals = 0x2;
constexpr int64_t kCoVarArgs = 0x4;
constexpr int64_t kCoVarKeywords = 0x8;
constexpr int64_t kCoNested = 0x10;
constexpr int64_t kCoGenerator = 0x20;
constexpr int64_t kCoNoFree = 0x40;

// _PyCoCached: four pointers (3.12+).
constexpr uint64_t kCoCachedBytes = 32;

const CodeUnit& UnitOf(Interpreter& interp, ObjectId code) {
  const CodeBody& body = interp.heap().code(code);
  return interp.session().programs[body.program]->units[body.unit];
}

// The parameters' slots in CPython's order: the positional ones, the
// keyword-only ones, then *args and **kwargs (the frame's slots put *args
// before the keyword-only ones).
std::vector<uint32_t> ParameterSlots(const CodeUnit& unit) {
  std::vector<uint32_t> slots;
  for (uint32_t i = 0; i < unit.positional_count; ++i) slots.push_back(i);
  const uint32_t keyword_only = unit.positional_count + (unit.varargs_slot >= 0 ? 1 : 0);
  for (uint32_t i = 0; i < unit.keyword_only_count; ++i) slots.push_back(keyword_only + i);
  if (unit.varargs_slot >= 0) slots.push_back(static_cast<uint32_t>(unit.varargs_slot));
  if (unit.kwargs_slot >= 0) slots.push_back(static_cast<uint32_t>(unit.kwargs_slot));
  return slots;
}

bool HoldsCell(const CodeUnit& unit, uint32_t slot) {
  return std::find(unit.cell_slots.begin(), unit.cell_slots.end(), slot) != unit.cell_slots.end();
}

// co_cellvars: sorted, or (cell_parameters_first) the parameters among
// them in parameter order and then the others sorted.
std::vector<std::string_view> CodeCellVars(const CodeUnit& unit, bool cell_parameters_first) {
  const std::vector<uint32_t> parameters = ParameterSlots(unit);
  std::vector<std::string_view> first;
  std::vector<std::string_view> sorted;
  if (cell_parameters_first) {
    for (uint32_t slot : parameters) {
      if (HoldsCell(unit, slot)) first.push_back(unit.slot_names[slot]);
    }
  }
  for (uint32_t slot : unit.cell_slots) {
    if (!cell_parameters_first || slot >= parameters.size()) {
      sorted.push_back(unit.slot_names[slot]);
    }
  }
  std::sort(sorted.begin(), sorted.end());
  first.insert(first.end(), sorted.begin(), sorted.end());
  return first;
}

// co_freevars: sorted by name (the compiler keeps the slots in that order).
std::vector<std::string_view> CodeFreeVars(const CodeUnit& unit) {
  std::vector<std::string_view> names;
  for (uint32_t slot : unit.free_slots) names.push_back(unit.slot_names[slot]);
  return names;
}

int64_t Flags(const CodeUnit& unit, const CodeObjectRules& rules) {
  int64_t flags = kCoOptimized | kCoNewLocals;
  if (unit.varargs_slot >= 0) flags |= kCoVarArgs;
  if (unit.kwargs_slot >= 0) flags |= kCoVarKeywords;
  if (unit.nested) flags |= kCoNested;
  if (unit.generator) flags |= kCoGenerator;
  if (rules.flags_nofree && unit.cell_slots.empty() && unit.free_slots.empty()) {
    flags |= kCoNoFree;
  }
  return flags;
}

// One of co_varnames, co_cellvars and co_freevars (`cached`: where the code
// keeps it), made from the interned names the compiler made.
Ref NameTuple(Interpreter& interp, ObjectId code, ObjectId CodeBody::*cached,
              const std::vector<std::string_view>& names) {
  Heap& heap = interp.heap();
  std::vector<ObjectId> items;
  for (std::string_view name : names) items.push_back(heap.FindInterned(name));
  switch (heap.profile().code_object.name_tuples) {
    case CodeObjectRules::NameTuples::kCompiled: {
      // Made as CPython's compiler made it before the script ran: nothing
      // is allocated now.
      if (items.empty()) return heap.NewRef(heap.empty_tuple());
      if (heap.code(code).*cached == kNoObject) {
        const ObjectId tuple = NewCompiledTupleOf(heap, std::move(items));
        heap.code(code).*cached = tuple;
        interp.session().compiled_name_tuples.insert(tuple);
      }
      return heap.NewRef(heap.code(code).*cached);
    }
    case CodeObjectRules::NameTuples::kFresh:
      return NewTupleOf(heap, items);
    case CodeObjectRules::NameTuples::kCachedLazily:
      if (heap.code(code).cached_block == 0) {
        heap.code(code).cached_block = heap.AllocateBuffer(kCoCachedBytes);
      }
      if (heap.code(code).*cached == kNoObject) {
        heap.code(code).*cached = NewTupleOf(heap, items).release();
      }
      return heap.NewRef(heap.code(code).*cached);
  }
  return Ref();
}

}  // namespace

std::vector<std::string_view> CodeVarNames(const CodeUnit& unit) {
  const std::vector<uint32_t> parameters = ParameterSlots(unit);
  std::vector<std::string_view> names;
  for (uint32_t slot : parameters) names.push_back(unit.slot_names[slot]);
  for (auto slot = static_cast<uint32_t>(parameters.size()); slot < unit.local_count; ++slot) {
    if (!HoldsCell(unit, slot)) names.push_back(unit.slot_names[slot]);
  }
  const size_t hidden = unit.local_count + unit.free_slots.size();
  for (size_t slot = hidden; slot < unit.slot_names.size(); ++slot) {
    names.push_back(unit.slot_names[slot]);
  }
  return names;
}

Ref FunctionCode(Interpreter& interp, ObjectId function) {
  if (IsDataclassFunction(interp, function)) {
    interp.Refuse("__code__ of a method dataclass() generated (its code is CPython's exec of "
                  "generated source, not modelled)");
    return Ref();
  }
  return interp.heap().NewRef(interp.heap().function(function).code);
}

std::optional<Ref> CodeAttribute(Interpreter& interp, ObjectId code, const std::string& name) {
  Heap& heap = interp.heap();
  const CodeUnit& unit = UnitOf(interp, code);
  const CodeObjectRules& rules = heap.profile().code_object;
  if (name == "co_name") return heap.NewRef(heap.code(code).name);
  if (name == "co_qualname") {
    if (!rules.has_qualname) {
      interp.Raise(interp.AttributeErrorFor(
          code, name,
          PyError(PyExc::kAttributeError, "'code' object has no attribute 'co_qualname'")));
      return Ref();
    }
    return heap.NewRef(unit.qualname_object != kNoObject ? unit.qualname_object
                                                         : heap.code(code).name);
  }
  if (name == "co_argcount") return NewInt(heap, unit.positional_count);
  if (name == "co_posonlyargcount") return NewInt(heap, unit.positional_only_count);
  if (name == "co_kwonlyargcount") return NewInt(heap, unit.keyword_only_count);
  if (name == "co_firstlineno") return NewInt(heap, unit.first_line);
  if (name == "co_flags") return NewInt(heap, Flags(unit, rules));
  if (name == "co_freevars") {
    return NameTuple(interp, code, &CodeBody::freevars, CodeFreeVars(unit));
  }
  if (name == "co_cellvars") {
    return NameTuple(interp, code, &CodeBody::cellvars,
                     CodeCellVars(unit, rules.cell_parameters_first));
  }
  if (name != "co_varnames" && name != "co_nlocals") return std::nullopt;
  if (unit.hosts_inlined_locals) {
    interp.Refuse(absl::StrCat(name, " of a function holding an inlined comprehension (CPython ",
                               std::string(heap.profile().version),
                               " lists its variables where the comprehension first runs)"));
    return Ref();
  }
  if (unit.bare_annotation) {
    interp.Refuse(absl::StrCat(name, " of a function annotating a name without a value (CPython "
                                     "lists that local only where its code uses it)"));
    return Ref();
  }
  if (name == "co_nlocals") return NewInt(heap, static_cast<int64_t>(CodeVarNames(unit).size()));
  return NameTuple(interp, code, &CodeBody::varnames, CodeVarNames(unit));
}

}  // namespace heapsim::script
