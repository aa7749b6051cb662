// Executing def and class statements: functions with their defaults,
// annotations and closures, decorators, and classes built as type() does.

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "server/heap/bytes_object.h"
#include "server/heap/dict_object.h"
#include "server/heap/frames.h"
#include "server/heap/function_object.h"
#include "server/heap/gc_timing.h"
#include "server/heap/instance_object.h"
#include "server/heap/int_object.h"
#include "server/heap/iterator_object.h"
#include "server/heap/list_object.h"
#include "server/heap/ordereddict_object.h"
#include "server/heap/py_error.h"
#include "server/heap/set_object.h"
#include "server/heap/str_object.h"
#include "server/heap/super_object.h"
#include "server/heap/tuple_object.h"
#include "server/heap/value_ops.h"
#include "server/script/builtins.h"
#include "server/script/class_slots.h"
#include "server/script/generator_function.h"
#include "server/script/interpreter.h"
#include "server/script/module_copy.h"
#include "server/script/module_random.h"
#include "server/script/specialised_compare.h"
#include "server/script/operators.h"
#include "server/script/special_methods.h"

namespace heapsim::script {

namespace {

// At most how far one class statement moves CPython's generation-0 count
// away from the model's: the GC objects __build_class__ and type() make and
// free that heapsim does not model one by one (the weak reference in the
// base's tp_subclasses and, for a base's first subclass, that dict; the
// argument tuple of the type() call, free-list tuples and dicts that are
// not counted; before 3.11 the body's frame, kept by its code object).
// Measured on every profile, CPython counts 1 more than the model for a
// class of object, 2 more with __slots__ or for a base's later subclass, 3
// for its first.
constexpr uint64_t kClassStatementGcObjects = 8;

}  // namespace

Flow Interpreter::ExecFunctionDef(const Stmt& stmt) {
  std::vector<Ref> decorators;
  for (const ExprPtr& d : stmt.decorators) {
    decorators.push_back(Eval(*d));
    if (!decorators.back()) return Flow::kError;
  }
  std::vector<Ref> defaults;
  for (const ExprPtr& d : stmt.defaults) {
    defaults.push_back(Eval(*d));
    if (!defaults.back()) return Flow::kError;
  }
  Ref kw_defaults;
  for (size_t i = 0; i < stmt.kw_defaults.size(); ++i) {
    if (!stmt.kw_defaults[i]) continue;
    if (!kw_defaults) kw_defaults = NewDict(heap_);
    Ref value = Eval(*stmt.kw_defaults[i]);
    if (!value) return Flow::kError;
    const CodeUnit& unit = context_.program->units[stmt.unit];
    Ref key = InternStr(heap_, unit.slot_names[unit.positional_count +
                                               (unit.varargs_slot >= 0 ? 1 : 0) + i]);
    DictSetItem(heap_, kw_defaults.get(), key.get(), value.get()).IgnoreError();
  }
  Ref annotations;
  if (stmt.annotation) {
    annotations = Eval(*stmt.annotation);
    if (!annotations) return Flow::kError;
  }
  Ref function =
      MakeFunction(stmt.unit, std::move(defaults), std::move(kw_defaults), std::move(annotations));
  function = ApplyDecorators(std::move(decorators), std::move(function));
  if (!function) return Flow::kError;
  return StoreName(stmt.name, std::move(function)) ? Flow::kNormal : Flow::kError;
}

Ref Interpreter::ApplyDecorators(std::vector<Ref> decorators, Ref decorated) {
  while (!decorators.empty()) {
    CallArgs args;
    args.positional.push_back(std::move(decorated));
    decorated = CallFromPython(decorators.back().get(), std::move(args));
    if (!decorated) return Ref();
    decorators.pop_back();
  }
  return decorated;
}

void Interpreter::StoreClassDocstring(const CodeUnit& unit, ObjectId ns) {
  // A leading string literal is stored as __doc__ before the rest of the
  // body runs (its statement then evaluates it again, which does nothing).
  if (unit.body.empty()) return;
  const Stmt& first = *unit.body.front();
  if (first.kind != StmtKind::kExpr || first.value->kind != ExprKind::kConstant ||
      first.value->literal != LiteralKind::kStr) {
    return;
  }
  Ref key = IdentifierStr(heap_, "__doc__");
  DictSetItem(heap_, ns, key.get(), first.value->constant).IgnoreError();
}

Flow Interpreter::ExecClassDef(const Stmt& stmt) {
  // __build_class__ and type() make blocks the model does not size or
  // place exactly (the type object, its slots and caches): what the class
  // line allocates is not traced exactly, so statistics showing the line
  // are refused.
  context_.line_known = false;
  // Nor are the class's own blocks sized exactly: the traced totals are
  // refused while they count them.
  heap_.tracemalloc().NoteInexactBlocks(
      "a class statement (the sizes of a class's own blocks are not modelled exactly)");
  // CPython's count0 after the statement is not the model's: gc.get_count()
  // is refused until the next full collection.
  NoteUnmodelledGcObjects(heap_, "a class statement", kClassStatementGcObjects);
  // Class decorators are evaluated before __build_class__ is loaded.
  std::vector<Ref> decorators;
  for (const ExprPtr& d : stmt.decorators) {
    decorators.push_back(Eval(*d));
    if (!decorators.back()) return Flow::kError;
  }
  const CodeUnit& unit = context_.program->units[stmt.unit];
  Ref body_function = MakeFunction(stmt.unit, {}, Ref());
  ObjectId base = kNoObject;
  std::vector<Ref> bases;
  for (const ExprPtr& b : stmt.bases) {
    bases.push_back(Eval(*b));
    if (!bases.back()) return Flow::kError;
  }
  std::vector<ObjectId> builtin_exception_mro;
  if (!bases.empty()) {
    const TypeTag type = heap_.type_of(bases[0].get());
    if (type == TypeTag::kClass) {
      base = bases[0].get();
    } else if (type == TypeTag::kBuiltinType &&
               static_cast<Builtin>(heap_.object(bases[0].get()).subtype) ==
                   Builtin::kExceptionClass) {
      if (!BuiltinExceptionMro(bases[0].get(), &builtin_exception_mro)) return Flow::kError;
    } else if (type != TypeTag::kBuiltinType ||
               heap_.cls(bases[0].get()).name != "object") {
      const std::string base_name =
          type == TypeTag::kBuiltinType      ? heap_.cls(bases[0].get()).name
          : type == TypeTag::kNamedTupleType ? "a namedtuple class"
                                             : absl::StrCat("a '", TypeName(heap_, bases[0].get()),
                                                            "' object");
      Refuse(absl::StrCat("a class derived from ", base_name,
                          " (only from object and the script's own classes)"));
      return Flow::kError;
    }
  }
  // __build_class__: pack the bases named in a tuple (it becomes the
  // class's tp_bases), run the body in a fresh namespace, then make the
  // class. Without bases, type() makes (object,) as it makes the class.
  Ref named_bases;
  if (!bases.empty()) {
    std::vector<ObjectId> items;
    for (const Ref& b : bases) items.push_back(b.get());
    named_bases = NewTupleOf(heap_, items);
  }
  Ref ns = NewDict(heap_);
  {
    Ref module_key = IdentifierStr(heap_, "__module__");
    Ref module_name = IdentifierStr(heap_, "__main__");
    DictSetItem(heap_, ns.get(), module_key.get(), module_name.get()).IgnoreError();
    Ref qualname_key = IdentifierStr(heap_, "__qualname__");
    Ref qualname = InternStr(heap_, unit.qualname);
    DictSetItem(heap_, ns.get(), qualname_key.get(), qualname.get()).IgnoreError();
    if (unit.first_line_object != kNoObject) {
      Ref key = IdentifierStr(heap_, "__firstlineno__");
      DictSetItem(heap_, ns.get(), key.get(), unit.first_line_object).IgnoreError();
    }
  }
  PushCallFrame(heap_, unit.name, unit.code_object, body_function.get(), unit.slot_names);
  const Context saved = context_;
  context_.caller = &saved;
  context_.unit = &unit;
  context_.frame = heap_.frames().depth() - 1;
  context_.class_namespace = ns.get();
  // The __class__ cell of zero-argument super(), made as the body starts.
  ObjectId class_cell = kNoObject;
  for (uint32_t slot : unit.cell_slots) {
    class_cell = NewCell(heap_, kNoObject).release();
    heap_.frames().at(context_.frame).slots[slot] = class_cell;
  }
  ++depth_;
  CountCallEvaluation(unit);
  Flow flow = Flow::kError;
  if (!unit.setup_annotations || SetupAnnotations(ns.get())) {
    StoreClassDocstring(unit, ns.get());
    flow = ExecBlock(unit.body);
  }
  if (flow != Flow::kError && unit.static_attributes_object != kNoObject) {
    Ref key = IdentifierStr(heap_, "__static_attributes__");
    DictSetItem(heap_, ns.get(), key.get(), unit.static_attributes_object).IgnoreError();
  }
  if (flow != Flow::kError && class_cell != kNoObject) {
    // The body ends by storing the cell as __classcell__ (type() takes it out).
    Ref key = IdentifierStr(heap_, "__classcell__");
    DictSetItem(heap_, ns.get(), key.get(), class_cell).IgnoreError();
  }
  LeaveFrame();
  context_ = saved;
  NoteFrameLeftUnkept();
  PopCallFrame(heap_);
  if (flow == Flow::kError) return flow;
  const ObjectId object_type = session_.builtin_objects[static_cast<size_t>(Builtin::kTypeObject)];
  const bool exception_class = !builtin_exception_mro.empty() ||
                               (base != kNoObject && IsExceptionClass(heap_, base));
  if (exception_class && !CheckExceptionClassBody(unit.name, ns.get())) return Flow::kError;
  absl::StatusOr<SlotsSpec> slots = ClassSlots(heap_, ns.get(), base, unit.name);
  if (!slots.ok()) {
    Raise(slots.status());
    return Flow::kError;
  }
  // __build_class__ calls type(name, bases, ns) through tp_call: the three
  // arguments are packed in a tuple that lives until the class is made.
  Ref type_call_name = InternStr(heap_, unit.name);
  Ref type_call_bases = named_bases ? heap_.NewRef(named_bases.get()) : NewTupleOf(heap_, {});
  Ref type_call_args =
      NewTupleOf(heap_, {type_call_name.get(), type_call_bases.get(), ns.get()});
  Ref cls = exception_class
                ? NewExceptionClass(heap_, unit.name, DictCopy(heap_, ns.get()), base,
                                    builtin_exception_mro, std::move(named_bases))
                : NewClass(heap_, unit.name, DictCopy(heap_, ns.get()), base, object_type, *slots,
                           std::move(named_bases));
  if (class_cell != kNoObject) {
    // type_new fills the cell with the class and deletes __classcell__ from
    // the class's dict (the namespace keeps it until it is freed).
    Ref key = IdentifierStr(heap_, "__classcell__");
    heap_.cell(class_cell).contents = heap_.NewRef(cls.get()).release();
    DictDelItem(heap_, heap_.cls(cls.get()).namespace_dict, key.get()).IgnoreError();
  }
  // type_new's set_names walks a copy of the class's dict, dropped after.
  Ref names_to_set = DictCopy(heap_, heap_.cls(cls.get()).namespace_dict);
  if (heap_.profile().property_has_name) {
    // type_new's set_names: each property's __set_name__, looked up as a
    // bound builtin method and called with (class, name) packed in a tuple.
    for (const auto& [key, value] : DictItems(heap_, heap_.cls(cls.get()).namespace_dict)) {
      if (heap_.type_of(value) != TypeTag::kProperty) continue;
      Ref set_name = NewBuiltin(heap_, static_cast<uint32_t>(Builtin::kPropertySetName), value);
      CallArgs args;
      args.positional.push_back(heap_.NewRef(cls.get()));
      args.positional.push_back(heap_.NewRef(key));
      Ref packed = NewTupleOf(heap_, {cls.get(), key});
      Ref result = CallBuiltin(*this, Builtin::kPropertySetName, value, args);
      packed.Reset();
    }
  }
  names_to_set.Reset();
  {
    // type_new's init_subclass: super(cls, cls) (its arguments packed for
    // tp_call where the profile says), object.__init_subclass__ looked up
    // on it as a bound builtin method (3.8: from the free list), the super
    // object dropped, the method called (it does nothing) and dropped.
    Ref packed;
    if (heap_.profile().init_subclass_packs_super_args) {
      packed = NewTupleOf(heap_, {cls.get(), cls.get()});
    }
    Ref super_object = NewSuper(heap_, cls.get(), cls.get());
    packed.Reset();
    Ref init_subclass =
        NewBuiltin(heap_, static_cast<uint32_t>(Builtin::kObjectInitSubclass), cls.get());
    super_object.Reset();
    init_subclass.Reset();
  }
  type_call_args.Reset();
  SetUpSpecialMethods(heap_, cls.get());
  ns.Reset();
  body_function.Reset();
  Ref decorated = ApplyDecorators(std::move(decorators), std::move(cls));
  if (!decorated) return Flow::kError;
  return StoreName(stmt.name, std::move(decorated)) ? Flow::kNormal : Flow::kError;
}

}  // namespace heapsim::script
