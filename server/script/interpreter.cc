#include "server/script/interpreter.h"
#include "server/script/tracemalloc_objects.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "server/heap/weak_container_object.h"
#include "server/heap/array_object.h"
#include "server/heap/bytes_object.h"
#include "server/heap/counter_object.h"
#include "server/heap/defaultdict_object.h"
#include "server/heap/dict_object.h"
#include "server/heap/float_object.h"
#include "server/heap/frames.h"
#include "server/heap/function_object.h"
#include "server/heap/gc.h"
#include "server/heap/gc_timing.h"
#include "server/heap/instance_object.h"
#include "server/heap/int_object.h"
#include "server/heap/iterator_object.h"
#include "server/heap/list_object.h"
#include "server/heap/mappingproxy_object.h"
#include "server/heap/namedtuple_object.h"
#include "server/heap/ordereddict_object.h"
#include "server/heap/py_error.h"
#include "server/heap/set_object.h"
#include "server/heap/slotted_object.h"
#include "server/heap/str_object.h"
#include "server/heap/tuple_object.h"
#include "server/heap/value_ops.h"
#include "server/heap/weakref_object.h"
#include "server/script/builtins.h"
#include "server/script/class_namespace.h"
#include "server/script/code_attributes.h"
#include "server/script/cpython_names.h"
#include "server/script/function_attributes.h"
#include "server/script/generator_function.h"
#include "server/script/special_methods.h"
#include "server/script/subset_check.h"

namespace heapsim::script {

Interpreter::Interpreter(Heap& heap, SessionState& session, const RunLimits& limits,
                         OutputSink& out)
    : heap_(heap),
      session_(session),
      limits_(limits),
      budget_(BudgetFor(limits)),
      budget_scope_(&budget_),
      out_(out) {
  // Generators the session's own calls (unbinding a name) freed between
  // runs: no run of a script freed them, so none is refused for them.
  heap_.TakeUnclosedGenerators();
  heap_.TakeClosedGenerators();
  previous_traceback_source_ = heap_.tracemalloc().traceback_source();
  heap_.tracemalloc().set_traceback_source(this);
}

Interpreter::~Interpreter() {
  ReleaseUnwoundFrames(TakeUnwoundFrames());
  GeneratorFunctions::AbandonSuspended(*this);
  heap_.tracemalloc().set_traceback_source(previous_traceback_source_);
}

void Interpreter::CurrentTraceback(uint32_t limit, TracebackTable& table,
                                   Traceback* traceback) const {
  uint32_t total = 0;
  for (const Context* context = &context_; context != nullptr; context = context->caller) {
    if (context->program == nullptr) continue;
    ++total;
    if (traceback->frames.size() < limit) {
      traceback->frames.push_back(TraceFrame{table.InternFile(context->program->shown_filename),
                                             context->line, context->line_known});
    }
  }
  traceback->total_nframe = total;
}

void Interpreter::Raise(absl::Status error) {
  if (!error_.ok()) return;
  // The engine says Unimplemented for what it does not model: a refusal.
  if (absl::IsUnimplemented(error)) {
    Refuse(std::string(error.message()));
    return;
  }
  if (heap_.profile().recursion_overflow_allowance != 0 &&
      PyErrorType(error) == PyExc::kRecursionError) {
    if (recursion_overflowed_) {
      Refuse("a RecursionError while 3.8 handles one (CPython allows 50 more levels there, "
             "then stops with a fatal error)");
      return;
    }
    recursion_overflowed_ = true;
  }
  const bool same_class_error = error_exception_ && IsClassError(error) && error == class_error_;
  error_ = std::move(error);
  if (!same_class_error) error_exception_.Reset();
  const std::optional<ObjectId> argument = PyErrorArgument(error_);
  if (argument.has_value() && error_argument_.get() == *argument) return;
  error_argument_ = ErrorArgument(error_);
}

Ref Interpreter::ErrorArgument(const absl::Status& error) {
  const std::optional<ObjectId> argument = PyErrorArgument(error);
  if (!argument.has_value()) return Ref();
  if (error_argument_.get() == *argument) return heap_.NewRef(*argument);
  // The status only names the object: it is taken while still alive, which
  // the repr in the message confirms (an id may have been recycled since).
  if (!heap_.IsLive(*argument) || Repr(heap_, *argument) != PyErrorDetail(error)) return Ref();
  return heap_.NewRef(*argument);
}

void Interpreter::Refuse(std::string_view what) {
  const std::string_view file =
      context_.program != nullptr ? std::string_view(context_.program->filename) : "<input>";
  Raise(absl::InvalidArgumentError(absl::StrFormat("%s:%d:%d: unsupported: %s", file,
                                                   context_.position.line,
                                                   context_.position.column, what)));
}

bool Interpreter::Write(std::string_view text) {
  if (heap_.has_freed_generators() && GeneratorFunctions::UnwindFreed(*this)) return false;
  if (heap_.has_pending_finalizers() && !RunPendingFinalizers()) return false;
  const uint64_t cap = limits_.max_output_bytes;
  if (cap != 0 && (output_bytes_ > cap || text.size() > cap - output_bytes_)) {
    Raise(absl::ResourceExhaustedError(
        absl::StrCat("output limit reached: the program printed more than ", cap, " bytes")));
    return false;
  }
  output_bytes_ += text.size();
  out_.Write(text);
  return true;
}

absl::Status Interpreter::TakeError() { return std::exchange(error_, absl::OkStatus()); }

absl::Status Interpreter::CatchError() {
  absl::Status caught = TakeError();
  // The exception is freed here, with the frames its traceback kept.
  error_exception_.Reset();
  ReleaseUnwoundFrames(TakeUnwoundFrames());
  return caught;
}

namespace {

// A step's share of the time budget's work units.
constexpr uint64_t kStepUnits = 8;

}  // namespace

bool Interpreter::WithinMemoryLimit() {
  if (limits_.max_bytes == 0 || heap_.allocator().footprint() <= limits_.max_bytes) return true;
  error_ = absl::ResourceExhaustedError(
      absl::StrCat("memory limit reached: the simulated process holds ",
                   heap_.allocator().footprint(), " bytes (limit ", limits_.max_bytes, ")"));
  return false;
}

bool Interpreter::Step() {
  ++steps_;
  if (heap_.gc().timing.point_at_breaker) NoteEvalBreaker(heap_);
  if (heap_.gc().scheduled) {
    RunScheduledCollection(heap_, CollectorFinalizers());
    if (!RunPendingFinalizers()) return false;
  }
  if (!heap_.gc().timing.refusal.empty()) {
    Refuse(std::exchange(heap_.gc().timing.refusal, std::string()));
    return false;
  }
  if (limits_.max_steps != 0 && steps_ > limits_.max_steps) {
    error_ = absl::ResourceExhaustedError(
        absl::StrCat("step limit reached: the program ran more than ", limits_.max_steps,
                     " steps"));
    return false;
  }
  if ((steps_ & 1023) == 0 && !WithinMemoryLimit()) return false;
  if (!budget_.Spend(kStepUnits)) {
    error_ = budget_.status();
    return false;
  }
  return true;
}

// ---- Names ----

namespace {

std::string UnboundLocalText(const Heap& heap, const std::string& name) {
  return absl::StrReplaceAll(std::string(heap.profile().messages.unbound_local),
                             {{"%s", name}});
}

}  // namespace

ObjectId Interpreter::LookupBuiltin(const std::string& name) {
  if (name == "NotImplemented") return heap_.not_implemented();
  if (name == "Ellipsis") return heap_.ellipsis();
  const std::optional<Builtin> builtin = FindBuiltinName(name);
  if (!builtin) return kNoObject;
  if (*builtin == Builtin::kExceptionClass) return TypeObject(name);
  return session_.builtin_objects[static_cast<size_t>(*builtin)];
}

ObjectId Interpreter::TypeObject(const std::string& name) {
  auto it = session_.type_objects.find(name);
  if (it != session_.type_objects.end()) return it->second;
  const ObjectId type = MakeTypeObject(heap_, name,
                                       IsExceptionName(name) ? Builtin::kExceptionClass
                                                             : Builtin::kTypeType);
  session_.type_objects.emplace(name, type);
  return type;
}

bool Interpreter::ConcatInPlace(BinaryOp op, ObjectId left, ObjectId right) {
  return op == BinaryOp::kAdd && heap_.profile().str_concat_in_place &&
         heap_.type_of(left) == TypeTag::kStr && heap_.type_of(right) == TypeTag::kStr &&
         heap_.object(left).refcount == 1 && StrAppendInPlace(heap_, left, right);
}

bool Interpreter::ReleaseForConcat(const NameRef& name, BinaryOp op, ObjectId value,
                                   ObjectId right) {
  if (op != BinaryOp::kAdd || !heap_.profile().str_concat_in_place ||
      heap_.type_of(value) != TypeTag::kStr || heap_.type_of(right) != TypeTag::kStr ||
      heap_.object(value).refcount != 2) {
    return false;
  }
  if (!DeleteName(name)) {
    TakeError().IgnoreError();
    return false;
  }
  return true;
}

Ref Interpreter::LoadName(const NameRef& name) {
  switch (name.scope) {
    case Scope::kFast: {
      const ObjectId value = heap_.frames().at(context_.frame).slots[name.slot];
      if (value == kNoObject) {
        Raise(PyError(PyExc::kUnboundLocalError,
                      UnboundLocalText(heap_, name.text)));
        return Ref();
      }
      return heap_.NewRef(value);
    }
    case Scope::kCell: {
      const ObjectId cell = heap_.frames().at(context_.frame).slots[name.slot];
      const ObjectId value = heap_.cell(cell).contents;
      if (value == kNoObject) {
        Raise(PyError(PyExc::kNameError,
                      absl::StrCat("free variable '", name.text,
                                   "' referenced before assignment in enclosing scope")));
        return Ref();
      }
      return heap_.NewRef(value);
    }
    case Scope::kName:
      if (context_.class_namespace != kNoObject) {
        absl::StatusOr<ObjectId> local = DictLookup(heap_, context_.class_namespace, name.key);
        if (local.ok() && *local != kNoObject) return heap_.NewRef(*local);
      }
      [[fallthrough]];
    case Scope::kGlobal: {
      const ObjectId globals = heap_.frames().module_frame().globals;
      if (name.scope == Scope::kGlobal) {
        const ObjectId cached = DictValueIfKeyAt(heap_, globals, name.cached_entry, name.key);
        if (cached != kNoObject) return GlobalValue(name, cached);
        const int64_t entry = DictEntryOf(heap_, globals, name.key);
        if (entry >= 0) {
          name.cached_entry = static_cast<uint32_t>(entry);
          return GlobalValue(name, heap_.dict(globals).entries[entry].value);
        }
      }
      absl::StatusOr<ObjectId> value = DictLookup(heap_, globals, name.key);
      if (value.ok() && *value != kNoObject) return GlobalValue(name, *value);
      const ObjectId builtin = LookupBuiltin(name.text);
      if (builtin != kNoObject) return heap_.NewRef(builtin);
      if (IsCPythonBuiltinName(name.text)) {
        Refuse(absl::StrCat("the builtin '", name.text, "'"));
        return Ref();
      }
      Raise(NameErrorFor(name.text));
      return Ref();
    }
  }
  return Ref();
}

bool Interpreter::BeginNativeCall(std::string_view what) {
  if (depth_ + 1 + kNativeCallMargin >= heap_.recursion_limit() ||
      depth_ >= Heap::kMaxModelledCallDepth) {
    Refuse(what);
    return false;
  }
  if (!Step()) return false;
  ++depth_;
  return true;
}

void Interpreter::LeaveFrame() {
  --depth_;
  // CPython's depth counts the module's frame too. 3.8's low-water mark
  // (_Py_RecursionLimitLowerWaterMark) is the allowance below the limit,
  // or three quarters of a limit of 200 or less.
  const uint32_t allowance = heap_.profile().recursion_overflow_allowance;
  const uint32_t limit = heap_.recursion_limit();
  const uint32_t low_water_mark = limit > 200 ? limit - allowance : 3 * (limit >> 2);
  if (recursion_overflowed_ && depth_ + 1 < low_water_mark) recursion_overflowed_ = false;
}

void Interpreter::CountCallEvaluation(const CodeUnit& unit) {
  if (heap_.profile().bytecode.opcache_min_runs == 0) return;
  const uint32_t line = context_.line;
  const bool line_known = context_.line_known;
  context_.line = static_cast<uint32_t>(unit.first_line);
  context_.line_known = true;
  CountCodeEvaluation(heap_, unit.code_object);
  context_.line = line;
  context_.line_known = line_known;
}

Interpreter::CallRoom Interpreter::RoomForCall(CallSite site) const {
  const uint64_t limit = heap_.recursion_limit();
  const uint64_t c_frames = c_entered_depth_ + (site == CallSite::kFromC ? 1 : 0);
  if (c_frames > 0) {
    const CRecursion& c = heap_.profile().c_recursion;
    bool near = depth_ + 1 + 2 * c_frames >= limit;
    if (!c.counts_python_frames) near |= c.base + 3 * c_frames >= c.limit;
    if (near) return CallRoom::kNearLimitThroughC;
  }
  if (depth_ + 1 >= limit) return CallRoom::kRecursionError;
  return depth_ >= Heap::kMaxModelledCallDepth ? CallRoom::kBeyondModel : CallRoom::kAllowed;
}

void Interpreter::RefuseDeepCall(CallRoom room) {
  if (room == CallRoom::kNearLimitThroughC) {
    Refuse(absl::StrCat(
        "a call near the recursion limit through C code (", depth_ + 1, " deep, with ",
        c_entered_depth_,
        " frames entered from builtins, special methods or __init__ below it, whose C levels "
        "CPython counts too)"));
    return;
  }
  Refuse(absl::StrCat("calls nested more than ", Heap::kMaxModelledCallDepth,
                      " deep under a recursion limit raised by sys.setrecursionlimit (heapsim's "
                      "bound; CPython 3.8 to 3.10 overflow their C stack from about 9,500)"));
}

Ref Interpreter::PlaceholderGlobal(const NameRef& name, ObjectId value) {
  if ((value == session_.file_placeholder && name.text == "__file__") ||
      (value == heap_.none() && name.text == "__loader__")) {
    Refuse(absl::StrCat("the value of ", name.text, " (",
                        name.text == "__file__" ? "the script's path" : "a SourceFileLoader",
                        " in CPython, not modelled)"));
    return Ref();
  }
  return heap_.NewRef(value);
}

bool Interpreter::StoreName(const NameRef& name, Ref value) {
  switch (name.scope) {
    case Scope::kFast: {
      ObjectId& slot = heap_.frames().at(context_.frame).slots[name.slot];
      const ObjectId old = std::exchange(slot, value.release());
      if (old != kNoObject) heap_.DecRef(old);
      break;
    }
    case Scope::kCell: {
      const ObjectId cell = heap_.frames().at(context_.frame).slots[name.slot];
      const ObjectId old = std::exchange(heap_.cell(cell).contents, value.release());
      if (old != kNoObject) heap_.DecRef(old);
      break;
    }
    case Scope::kName:
      if (context_.class_namespace != kNoObject) {
        absl::Status status = DictSetItem(heap_, context_.class_namespace, name.key, value.get());
        if (!status.ok()) Raise(status);
        return status.ok();
      }
      [[fallthrough]];
    case Scope::kGlobal: {
      const ObjectId globals = heap_.frames().module_frame().globals;
      if (name.scope == Scope::kGlobal &&
          DictReplaceIfKeyAt(heap_, globals, name.cached_entry, name.key, value.get())) {
        break;
      }
      absl::Status status = DictSetItem(heap_, globals, name.key, value.get());
      if (status.ok() && name.scope == Scope::kGlobal) {
        const int64_t entry = DictEntryOf(heap_, globals, name.key);
        if (entry >= 0) name.cached_entry = static_cast<uint32_t>(entry);
      }
      if (!status.ok()) {
        Raise(status);
        return false;
      }
      break;
    }
  }
  if (heap_.observed()) {
    heap_.Notify(BindEvent{static_cast<uint32_t>(name.scope == Scope::kGlobal ? 0 : context_.frame),
                           name.text, LookupAfterStore(name)});
  }
  return true;
}

ObjectId Interpreter::LookupAfterStore(const NameRef& name) {
  switch (name.scope) {
    case Scope::kFast:
      return heap_.frames().at(context_.frame).slots[name.slot];
    case Scope::kCell:
      return heap_.cell(heap_.frames().at(context_.frame).slots[name.slot]).contents;
    case Scope::kName:
      if (context_.class_namespace != kNoObject) {
        return DictLookup(heap_, context_.class_namespace, name.key).value_or(kNoObject);
      }
      [[fallthrough]];
    case Scope::kGlobal:
      return DictLookup(heap_, heap_.frames().module_frame().globals, name.key)
          .value_or(kNoObject);
  }
  return kNoObject;
}

bool Interpreter::DeleteName(const NameRef& name) {
  auto not_defined = [&]() {
    Raise(NameErrorFor(name.text));
    return false;
  };
  switch (name.scope) {
    case Scope::kFast: {
      ObjectId& slot = heap_.frames().at(context_.frame).slots[name.slot];
      if (slot == kNoObject) {
        Raise(PyError(PyExc::kUnboundLocalError,
                      UnboundLocalText(heap_, name.text)));
        return false;
      }
      heap_.DecRef(std::exchange(slot, kNoObject));
      break;
    }
    case Scope::kCell: {
      const ObjectId cell = heap_.frames().at(context_.frame).slots[name.slot];
      const ObjectId old = std::exchange(heap_.cell(cell).contents, kNoObject);
      if (old == kNoObject) return not_defined();
      heap_.DecRef(old);
      break;
    }
    case Scope::kName:
      if (context_.class_namespace != kNoObject) {
        if (!DictDelItem(heap_, context_.class_namespace, name.key).ok()) return not_defined();
        break;
      }
      [[fallthrough]];
    case Scope::kGlobal:
      if (!DictDelItem(heap_, heap_.frames().module_frame().globals, name.key).ok()) {
        return not_defined();
      }
      break;
  }
  if (heap_.observed()) {
    heap_.Notify(BindEvent{static_cast<uint32_t>(name.scope == Scope::kGlobal ? 0 : context_.frame),
                           name.text, kNoObject});
  }
  return true;
}

// ---- Attributes and items ----

namespace {

// True when the program's class `cls` (or a base) binds the special method
// `name` that heapsim runs: reading it gives what the class holds.
bool DefinedSpecialMethod(Heap& heap, ObjectId cls, const std::string& name) {
  if (!HonouredSpecialMethod(name)) return false;
  Ref key = IdentifierStr(heap, name);
  return ClassLookup(heap, cls, key.get()) != kNoObject;
}

std::string NoAttribute(const Heap& heap, ObjectId object, const std::string& name) {
  if (heap.type_of(object) == TypeTag::kModule) {
    return absl::StrCat("module '", heap.module(object).name, "' has no attribute '", name, "'");
  }
  if (heap.type_of(object) == TypeTag::kClass) {
    return absl::StrCat("type object '", heap.cls(object).name, "' has no attribute '", name, "'");
  }
  return absl::StrCat("'", TypeName(heap, object), "' object has no attribute '", name, "'");
}

// The dunders read from a program's class (or through its instances) as
// any attribute: __init__, and the values its namespace holds.
bool PlainClassDunder(std::string_view name) {
  return name == "__init__" || name == "__module__" || name == "__slots__" || name == "__doc__" ||
         name == "__firstlineno__" || name == "__static_attributes__";
}

// The AttributeError of setting or deleting attribute `name` of a builtin
// object without a __dict__: its methods are read-only, other names absent.
std::string NoWritableAttribute(const Heap& heap, ObjectId object, const std::string& name) {
  const std::optional<Builtin> method = FindMethod(heap.type_of(object), name);
  if (method && MethodExists(heap.profile(), *method)) {
    return absl::StrCat("'", TypeName(heap, object), "' object attribute '", name,
                        "' is read-only");
  }
  return absl::StrCat(NoAttribute(heap, object, name),
                      std::string(heap.profile().messages.setattr_no_dict));
}

}  // namespace

Ref Interpreter::GetAttr(ObjectId object, const std::string& name) {
  if (IsWeakProxy(heap_, object)) {
    // proxy_getattr: every attribute is the referent's.
    const ObjectId referent = WeakProxyReferent(*this, object);
    if (referent == kNoObject) return Ref();
    return GetAttr(referent, name);
  }
  const TypeTag type = heap_.type_of(object);
  if (type == TypeTag::kNamedTupleType || IsNamedTuple(heap_, object)) {
    if (std::optional<Ref> value = NamedTupleAttribute(*this, object, name)) {
      return std::move(*value);
    }
  }
  if (type == TypeTag::kTraceObject) return TraceObjectGetAttr(*this, object, name);
  if (type == TypeTag::kMappingProxy) return MappingProxyAttribute(*this, object, name);
  if (type == TypeTag::kIterator &&
      static_cast<IterKind>(heap_.object(object).subtype) == IterKind::kWeakGenerator) {
    return RefuseAttribute(object, name);  // a generator's (send, close, gi_frame, ...)
  }
  if (type == TypeTag::kSuper) {
    const SuperBody body = heap_.super_body(object);
    return SuperGetAttr(body.type, body.obj, name, object);
  }
  if (type == TypeTag::kInstance) {
    Ref key = IdentifierStr(heap_, name);
    const ObjectId cls = heap_.instance(object).cls;
    if (name == "__dict__") {
      if (!IsSlotted(heap_, cls)) return InstanceDict(heap_, object);
      Raise(AttributeErrorFor(object, name,
                              PyError(PyExc::kAttributeError, NoAttribute(heap_, object, name))));
      return Ref();
    }
    if (name == "__class__") return heap_.NewRef(cls);
    if (const ObjectId args = heap_.instance(object).args; args != kNoObject) {
      // BaseException's attributes: args and __traceback__ (data
      // descriptors), and the methods heapsim does not model.
      if (name == "args") return heap_.NewRef(args);
      if (name == "__traceback__") return ExceptionTraceback(object);
      if ((name == "with_traceback" || name == "add_note") &&
          ClassLookup(heap_, cls, key.get()) == kNoObject &&
          InstanceGetAttr(heap_, object, key.get()) == kNoObject) {
        return RefuseAttribute(object, name);
      }
    }
    if (name == "__weakref__" && heap_.cls(cls).instance_weakref) {
      // The head of its weak reference list, or None.
      const auto refs = WeakRefsTo(heap_, object);
      return heap_.NewRef(refs.empty() ? heap_.none() : refs.front());
    }
    if (IsDunder(name) && !PlainClassDunder(name) && name != "__sizeof__" &&
        !DefinedSpecialMethod(heap_, cls, name)) {
      return RefuseAttribute(object, name);
    }
    // Data descriptors (a slot's member descriptor, a property) come before
    // the dict.
    const ObjectId found = ClassLookup(heap_, cls, key.get());
    if (RefusedDataclassAttribute(*this, cls, found, name)) return Ref();
    const TypeTag found_type = found == kNoObject ? TypeTag::kNone : heap_.type_of(found);
    const bool data_descriptor =
        found_type == TypeTag::kMemberDescriptor || found_type == TypeTag::kProperty;
    const ObjectId value = data_descriptor ? kNoObject : InstanceGetAttr(heap_, object, key.get());
    if (value != kNoObject) return heap_.NewRef(value);
    if (found != kNoObject) {
      if (heap_.type_of(found) == TypeTag::kFunction) return NewMethod(heap_, found, object);
      if (heap_.type_of(found) == TypeTag::kLruCache) {
        // lru_cache_descr_get binds it: a method object of the wrapper.
        Refuse("a functools.lru_cache wrapper looked up as a method");
        return Ref();
      }
      if (IsDescriptorObject(heap_, found)) return DescriptorGet(found, object, cls);
      if (heap_.type_of(found) == TypeTag::kMemberDescriptor) {
        absl::StatusOr<ObjectId> slot = MemberGet(heap_, found, object);
        if (!slot.ok()) {
          Raise(AttributeErrorFor(object, name, slot.status()));
          return Ref();
        }
        return heap_.NewRef(*slot);
      }
      return heap_.NewRef(found);
    }
  } else if (type == TypeTag::kClass) {
    if (name == "__name__" || name == "__qualname__") return NewStr(heap_, heap_.cls(object).name);
    // tp_mro and tp_bases themselves.
    if (name == "__mro__") return heap_.NewRef(heap_.cls(object).mro);
    if (name == "__bases__") return heap_.NewRef(heap_.cls(object).bases);
    if (name == "__annotations__") return ClassAnnotations(object);
    if (name == "__dict__") return ClassNamespace(*this, object);
    if (IsDunder(name) && !PlainClassDunder(name) && !DefinedSpecialMethod(heap_, object, name)) {
      return RefuseAttribute(object, name);
    }
    Ref key = IdentifierStr(heap_, name);
    const ObjectId found = ClassLookup(heap_, object, key.get());
    if (RefusedDataclassAttribute(*this, object, found, name)) return Ref();
    if (found != kNoObject && IsDescriptorObject(heap_, found)) {
      return DescriptorGet(found, kNoObject, object);
    }
    if (found != kNoObject) return heap_.NewRef(found);
  } else if (type == TypeTag::kBuiltinType) {
    if (name == "__name__" || name == "__qualname__") return NewStr(heap_, heap_.cls(object).name);
    // object.__setattr__, for a frozen dataclass's __post_init__.
    if (std::optional<Ref> slot = DataclassObjectSetAttr(*this, object, name)) {
      return std::move(*slot);
    }
    // dict.fromkeys, a class method: bound to the type.
    if (name == "fromkeys" && heap_.object(object).subtype == static_cast<uint8_t>(Builtin::kTypeDict)) {
      return NewBuiltin(heap_, static_cast<uint32_t>(Builtin::kDictFromKeys), object);
    }
    // itertools.chain.from_iterable, a class method: bound to the type.
    if (name == "from_iterable" &&
        heap_.object(object).subtype == static_cast<uint8_t>(Builtin::kTypeItertoolsChain)) {
      return NewBuiltin(heap_, static_cast<uint32_t>(Builtin::kItertoolsChainFromIterable), object);
    }
  } else if (type == TypeTag::kModule) {
    const std::string& module = heap_.module(object).name;
    const std::optional<Builtin> function = FindModuleFunction(module, name);
    if (function && ModuleFunctionExists(heap_.profile(), *function)) {
      return heap_.NewRef(session_.builtin_objects[static_cast<size_t>(*function)]);
    }
    if (function) {  // a function this version's module lacks
      Raise(AttributeErrorFor(object, name,
                              PyError(PyExc::kAttributeError, NoAttribute(heap_, object, name))));
      return Ref();
    }
    if (std::optional<Ref> value = ModuleValue(*this, module, name)) return std::move(*value);
    // copy.py's other names (Error, dispatch tables, ...) are not modelled,
    // nor collections' but deque, defaultdict, OrderedDict and namedtuple (Counter, ...),
    // nor random's other functions and classes (Random, sample, gauss, ...).
    if (module == "copy" || module == "array" || module == "collections" || module == "random" ||
        module == "dataclasses") {
      return RefuseAttribute(object, name);
    }
    // itertools' other types (groupby, tee, batched, ...) are
    // refused; batched is missing before 3.12.
    if (module == "itertools") {
      if (name == "batched" && !heap_.profile().itertools.has_batched) {
        Raise(AttributeErrorFor(object, name,
                                PyError(PyExc::kAttributeError, NoAttribute(heap_, object, name))));
        return Ref();
      }
      return RefuseAttribute(object, name);
    }
    if (module == "math" || module == "operator" || module == "functools") {
      // functools also has private names (_lru_cache_wrapper, _make_key, ...).
      if (IsDunder(name) || IsUnmodelledLibraryName(module, name) ||
          (module == "functools" && name.starts_with("_"))) {
        return RefuseAttribute(object, name);
      }
      Raise(AttributeErrorFor(object, name,
                              PyError(PyExc::kAttributeError, NoAttribute(heap_, object, name))));
      return Ref();
    }
  } else if (type == TypeTag::kTuple && heap_.object(object).subtype == kVersionInfoTuple) {
    for (size_t i = 0; i < kVersionInfoFields.size(); ++i) {
      if (kVersionInfoFields[i] == name) return heap_.NewRef(TupleItems(heap_, object)[i]);
    }
    if (name == "n_fields" || name == "n_sequence_fields" || name == "n_unnamed_fields" ||
        IsDunder(name)) {
      return RefuseAttribute(object, name);
    }
  } else if (type == TypeTag::kTuple && heap_.object(object).subtype == kCacheInfoTuple) {
    for (size_t i = 0; i < kCacheInfoFields.size(); ++i) {
      if (kCacheInfoFields[i] == name) return heap_.NewRef(TupleItems(heap_, object)[i]);
    }
    // _fields, _asdict, _replace, ...: the namedtuple class's names.
    if (name.starts_with("_")) return RefuseAttribute(object, name);
  } else if (type == TypeTag::kFunction) {
    if (name == "__name__") return heap_.NewRef(heap_.function(object).name);
    if (name == "__defaults__") {
      const ObjectId defaults = heap_.function(object).defaults;
      return heap_.NewRef(defaults == kNoObject ? heap_.none() : defaults);
    }
    if (name == "__qualname__") return FunctionQualname(*this, object);
    if (name == "__closure__") {
      const ObjectId closure = heap_.function(object).closure;
      return heap_.NewRef(closure == kNoObject ? heap_.none() : closure);
    }
    if (name == "__annotations__") return FunctionAnnotations(heap_, object);
    if (name == "__code__") return FunctionCode(*this, object);
  } else if (type == TypeTag::kCode) {
    if (std::optional<Ref> value = CodeAttribute(*this, object, name)) return std::move(*value);
  } else if (type == TypeTag::kPartial) {
    return PartialAttribute(*this, object, name);
  } else if (type == TypeTag::kWeakContainer) {
    return WeakContainerAttribute(*this, object, name);
  } else if (type == TypeTag::kLruCacheDecorator ||
             (type == TypeTag::kLruCache && !FindMethod(type, name))) {
    return LruCacheAttribute(*this, object, name);
  } else if (IsDefaultDict(heap_, object) && name == "default_factory") {
    const ObjectId factory = DefaultFactory(heap_, object);
    return heap_.NewRef(factory == kNoObject ? heap_.none() : factory);
  } else if (IsDefaultDict(heap_, object) && IsDunder(name)) {
    // __missing__, __copy__, __reduce__, ...: dict's dunders and its own.
    return RefuseAttribute(object, name);
  } else if (IsCounter(heap_, object)) {
    if (const std::optional<Builtin> method = FindCounterMethod(heap_, name)) {
      // Counter's own methods are Python functions: bound, a method object
      // heapsim does not make (calling them directly is modelled).
      if (!IsCounterBuiltin(*method)) {
        return NewBuiltin(heap_, static_cast<uint32_t>(*method), object);
      }
      Refuse(absl::StrCat("Counter.", name, " as an object (a bound Python method; call it)"));
      return Ref();
    }
    if (name == "total") {
      // Counter.total() came with 3.10.
      Raise(AttributeErrorFor(object, name,
                              PyError(PyExc::kAttributeError,
                                      "'Counter' object has no attribute 'total'")));
      return Ref();
    }
    // dict's other methods, Counter's dunders and its instance __dict__.
    return RefuseAttribute(object, name);
  } else if (IsOrderedDict(heap_, object)) {
    if (const std::optional<Builtin> method = FindOrderedDictMethod(name)) {
      return NewBuiltin(heap_, static_cast<uint32_t>(*method), object);
    }
    // dict's other methods, OrderedDict's own (keys, update, __reversed__,
    // ...) and its instance __dict__ are not modelled.
    return RefuseAttribute(object, name);
  } else if (type == TypeTag::kCell && name == "cell_contents") {
    const ObjectId contents = heap_.cell(object).contents;
    if (contents == kNoObject) {
      Raise(PyError(PyExc::kValueError, "Cell is empty"));
      return Ref();
    }
    return heap_.NewRef(contents);
  } else if (type == TypeTag::kWeakRef && name == "__callback__") {
    const ObjectId callback = heap_.weakref(object).callback;
    return heap_.NewRef(callback == kNoObject ? heap_.none() : callback);
  } else if (type == TypeTag::kDeque && name == "maxlen") {
    const int64_t maxlen = heap_.deque(object).maxlen;
    return maxlen < 0 ? heap_.NewRef(heap_.none()) : NewInt(heap_, maxlen);
  } else if (type == TypeTag::kException && name == "args") {
    return heap_.NewRef(heap_.exception(object).args);
  } else if (type == TypeTag::kException && name == "__traceback__") {
    return ExceptionTraceback(object);
  } else if (type == TypeTag::kSlice && (name == "start" || name == "stop" || name == "step")) {
    const SliceBody& s = heap_.slice(object);
    return heap_.NewRef(name == "start" ? s.start : name == "stop" ? s.stop : s.step);
  } else if (type == TypeTag::kArray && (name == "itemsize" || name == "typecode")) {
    const ArrayTypecode code = ArrayTypecodeOf(heap_, object);
    if (name == "itemsize") return NewInt(heap_, code.itemsize);
    return NewStr(heap_, std::string(1, code.code));
  } else if (type == TypeTag::kComplex && (name == "real" || name == "imag")) {
    const ComplexBody& c = heap_.complex(object);
    return NewFloat(heap_, name == "real" ? c.real : c.imag);
  }
  if (std::optional<Ref> value = NumberAttribute(heap_, object, name)) return std::move(*value);
  if (std::optional<Ref> method = BuiltinClassMethod(*this, object, name)) {
    return std::move(*method);
  }
  if (type == TypeTag::kBuiltinFunction) {
    if (std::optional<Ref> value = BuiltinFunctionAttribute(*this, object, name)) {
      return std::move(*value);
    }
  }
  if (name == "bit_count" && IsIntLike(heap_, object) &&
      !heap_.profile().int_methods.has_bit_count) {
    Raise(AttributeErrorFor(object, name,
                            PyError(PyExc::kAttributeError, NoAttribute(heap_, object, name))));
    return Ref();
  }
  if (type == TypeTag::kMemoryView) {
    if (std::optional<Ref> value = MemoryViewAttribute(*this, object, name)) {
      return std::move(*value);
    }
  }
  if (const std::optional<Builtin> method = FindMethod(type, name)) {
    // A builtin method asked for as a value: a bound method object.
    if (MethodExists(heap_.profile(), *method)) {
      return NewBuiltin(heap_, static_cast<uint32_t>(*method), object);
    }
  } else if (CPythonHasAttribute(type, name)) {
    return RefuseAttribute(object, name);
  }
  Raise(AttributeErrorFor(object, name,
                          PyError(PyExc::kAttributeError, NoAttribute(heap_, object, name))));
  return Ref();
}

absl::Status Interpreter::SlotlessStoreError(ObjectId object, const std::string& name,
                                             absl::Status error) {
  const ObjectId cls = heap_.instance(object).cls;
  if (!heap_.profile().attribute_hints_on_set || !IsSlotted(heap_, cls)) return error;
  Ref key = InternStr(heap_, name);
  if (ClassLookup(heap_, cls, key.get()) != kNoObject) return error;
  return AttributeErrorFor(object, name, std::move(error));
}

Ref Interpreter::RefuseAttribute(ObjectId object, const std::string& name) {
  Refuse(absl::StrCat("attribute '", name, "' of a '", TypeName(heap_, object), "' object"));
  return Ref();
}

bool Interpreter::RefusedAttributeWrite(ObjectId object, const std::string& name, bool del) {
  const TypeTag type = heap_.type_of(object);
  if (type == TypeTag::kNamedTupleType || IsNamedTuple(heap_, object)) {
    std::optional<absl::Status> error = NamedTupleAttributeWrite(*this, object, name, del);
    if (!error) return false;  // the AttributeError of an object without __dict__
    if (!absl::IsCancelled(*error)) Raise(*std::move(error));
    return true;
  }
  bool refused;
  if (type == TypeTag::kMappingProxy) {
    // Its methods are read-only attributes, its dunders not modelled.
    refused = IsMappingProxyMethod(name) || IsDunder(name);
  } else if (type == TypeTag::kInstance) {
    refused = name == "__class__" || name == "__dict__" || name == "__weakref__" ||
              (heap_.instance(object).args != kNoObject && name == "args");
  } else if (type == TypeTag::kClass) {
    refused = IsDunder(name);
  } else {
    // Functions and modules have a __dict__; type objects refuse with other
    // messages; data attributes (int.real, ...) are read-only in other words.
    // A defaultdict's factory may be set (a T_OBJECT member), not deleted.
    // An OrderedDict and a Counter have an instance __dict__ heapsim does
    // not model.
    refused = (IsDefaultDict(heap_, object) && (IsDunder(name) || (del && name == "default_factory"))) ||
              IsOrderedDict(heap_, object) || IsCounter(heap_, object) ||
              type == TypeTag::kFunction || type == TypeTag::kModule || type == TypeTag::kPartial ||
              type == TypeTag::kLruCache || type == TypeTag::kLruCacheDecorator ||
              type == TypeTag::kBuiltinType || (type == TypeTag::kTuple && !IsExactTuple(heap_, object)) ||
              (CPythonHasAttribute(type, name) && !FindMethod(type, name));
  }
  if (refused) {
    Refuse(absl::StrCat(del ? "deleting" : "setting", " attribute '", name, "' of a '",
                        TypeName(heap_, object), "' object"));
  }
  return refused;
}

bool Interpreter::SetAttr(ObjectId object, const std::string& name, ObjectId value) {
  if (IsWeakProxy(heap_, object)) {
    const ObjectId referent = WeakProxyReferent(*this, object);
    return referent != kNoObject && SetAttr(referent, name, value);
  }
  if (heap_.type_of(object) == TypeTag::kWeakContainer) {
    return WeakContainerAttributeWrite(*this, object, name, value);
  }
  if (name == "__traceback__" && ExceptionArgs(heap_, object) != kNoObject) {
    return SetExceptionTraceback(object, value);
  }
  if (RefusedAttributeWrite(object, name, false)) return false;
  const TypeTag type = heap_.type_of(object);
  Ref key = InternStr(heap_, name);
  if (IsDefaultDict(heap_, object) && name == "default_factory") {
    ExchangeDefaultFactory(heap_, object, value).Reset();
  } else if (type == TypeTag::kInstance) {
    if (std::optional<bool> stored = DataclassStoreAttr(*this, object, name, value)) {
      return *stored;
    }
    const ObjectId found = ClassLookup(heap_, heap_.instance(object).cls, key.get());
    if (found != kNoObject && heap_.type_of(found) == TypeTag::kProperty) {
      if (!PropertyStore(found, object, value)) return false;
      if (heap_.observed()) heap_.Notify(MutateEvent{object, "setattr"});
      return true;
    }
    absl::Status status = InstanceStoreAttr(heap_, object, key.get(), value);
    if (!status.ok()) {
      Raise(SlotlessStoreError(object, name, std::move(status)));
      return false;
    }
  } else if (type == TypeTag::kClass) {
    absl::Status status = DictSetItem(heap_, heap_.cls(object).namespace_dict, key.get(), value);
    if (!status.ok()) {
      Raise(status);
      return false;
    }
  } else {
    absl::Status error = PyError(PyExc::kAttributeError, NoWritableAttribute(heap_, object, name));
    const bool read_only = FindMethod(type, name).has_value();
    Raise(heap_.profile().attribute_hints_on_set && !read_only
              ? AttributeErrorFor(object, name, std::move(error))
              : std::move(error));
    return false;
  }
  if (heap_.observed()) heap_.Notify(MutateEvent{object, "setattr"});
  return true;
}

bool Interpreter::DelAttr(ObjectId object, const std::string& name) {
  if (IsWeakProxy(heap_, object)) {
    const ObjectId referent = WeakProxyReferent(*this, object);
    return referent != kNoObject && DelAttr(referent, name);
  }
  if (heap_.type_of(object) == TypeTag::kWeakContainer) {
    return WeakContainerAttributeWrite(*this, object, name, kNoObject);
  }
  if (name == "__traceback__" && ExceptionArgs(heap_, object) != kNoObject) {
    return SetExceptionTraceback(object, kNoObject);
  }
  if (RefusedAttributeWrite(object, name, true)) return false;
  if (heap_.type_of(object) == TypeTag::kInstance) {
    if (std::optional<bool> deleted = DataclassStoreAttr(*this, object, name, kNoObject)) {
      return *deleted;
    }
  }
  Ref key = InternStr(heap_, name);
  absl::Status status;
  const ObjectId found = heap_.type_of(object) == TypeTag::kInstance
                            ? ClassLookup(heap_, heap_.instance(object).cls, key.get())
                            : kNoObject;
  if (found != kNoObject && heap_.type_of(found) == TypeTag::kProperty) {
    if (!PropertyStore(found, object, kNoObject)) return false;
  } else if (heap_.type_of(object) == TypeTag::kInstance) {
    status = InstanceStoreAttr(heap_, object, key.get(), kNoObject);
    if (!status.ok()) status = SlotlessStoreError(object, name, std::move(status));
  } else if (heap_.type_of(object) == TypeTag::kClass) {
    status = DictDelItem(heap_, heap_.cls(object).namespace_dict, key.get());
    if (!status.ok()) {
      status = PyError(PyExc::kAttributeError, heap_.profile().messages.delattr_names_object
                                                   ? NoAttribute(heap_, object, name)
                                                   : name);
    }
  } else {
    status = PyError(PyExc::kAttributeError, NoWritableAttribute(heap_, object, name));
    if (heap_.profile().attribute_hints_on_set &&
        !FindMethod(heap_.type_of(object), name).has_value()) {
      status = AttributeErrorFor(object, name, std::move(status));
    }
  }
  if (!status.ok()) {
    Raise(status);
    return false;
  }
  if (heap_.observed()) heap_.Notify(MutateEvent{object, "delattr"});
  return true;
}

}  // namespace heapsim::script
