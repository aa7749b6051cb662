#include "server/service/operations.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "server/heap/bigint.h"
#include "server/heap/budget.h"
#include "server/heap/bytes_object.h"
#include "server/heap/dict_object.h"
#include "server/heap/float_object.h"
#include "server/heap/frames.h"
#include "server/heap/gc.h"
#include "server/heap/int_object.h"
#include "server/heap/list_object.h"
#include "server/heap/py_error.h"
#include "server/heap/referents.h"
#include "server/heap/set_object.h"
#include "server/heap/sizeof.h"
#include "server/heap/str_object.h"
#include "server/heap/tuple_object.h"
#include "server/heap/value_ops.h"
#include "server/service/object_layout.h"

namespace heapsim::service {

namespace {

constexpr size_t kReprLimit = 200;
constexpr int kMaxValueDepth = 64;

// Records what one operation allocated and freed.
class ChangeRecorder : public HeapObserver {
 public:
  explicit ChangeRecorder(Heap& heap) : heap_(heap) { heap_.AddObserver(this); }
  ~ChangeRecorder() override { heap_.RemoveObserver(this); }
  ChangeRecorder(const ChangeRecorder&) = delete;
  ChangeRecorder& operator=(const ChangeRecorder&) = delete;

  void On(const AllocEvent& event) override {
    if (live_new_.insert(event.id).second) created_.push_back(event.id);
  }
  void On(const FreeEvent& event) override {
    // Temporaries made and dropped inside the operation are not reported.
    if (live_new_.erase(event.id) == 0) freed_.push_back(event.address);
  }

  // Fills `change` with the survivors and the freed addresses.
  void Fill(v1::Change* change) const {
    absl::flat_hash_set<ObjectId> described;
    for (ObjectId id : created_) {
      if (live_new_.contains(id) && heap_.IsLive(id) && described.insert(id).second) {
        Describe(heap_, id, change->add_created());
      }
    }
    for (uint64_t address : freed_) change->add_freed(address);
  }

 private:
  Heap& heap_;
  std::vector<ObjectId> created_;
  absl::flat_hash_set<ObjectId> live_new_;
  std::vector<uint64_t> freed_;
};

size_t TopFrame(const Heap& heap) { return heap.frames().depth() - 1; }

// The frame a request names: the top one when it names none.
absl::StatusOr<size_t> FrameIndex(const Heap& heap, bool given, int32_t frame) {
  if (!given) return TopFrame(heap);
  if (frame < 0) return absl::InvalidArgumentError(absl::StrCat("frame ", frame, " is negative"));
  if (static_cast<size_t>(frame) >= heap.frames().depth()) {
    return absl::InvalidArgumentError(absl::StrCat("frame ", frame, " does not exist (the stack has ",
                                                   heap.frames().depth(), " frames)"));
  }
  return static_cast<size_t>(frame);
}

// The object a name refers to: the top frame, then the module's globals.
absl::StatusOr<ObjectId> LookupVisible(const Heap& heap, const std::string& name) {
  ObjectId id = LookupName(heap, TopFrame(heap), name);
  if (id == kNoObject && TopFrame(heap) != 0) id = LookupName(heap, 0, name);
  if (id == kNoObject) return absl::NotFoundError(absl::StrCat("name '", name, "' is not defined"));
  return id;
}

absl::StatusOr<Ref> BuildValue(script::Runtime& runtime, const script::RunLimits& limits,
                               const v1::Value& value, int depth);

absl::StatusOr<std::vector<Ref>> BuildItems(script::Runtime& runtime,
                                            const script::RunLimits& limits,
                                            const v1::Values& values, int depth) {
  std::vector<Ref> items;
  for (const v1::Value& item : values.items()) {
    absl::StatusOr<Ref> built = BuildValue(runtime, limits, item, depth + 1);
    if (!built.ok()) return built.status();
    items.push_back(*std::move(built));
  }
  return items;
}

absl::StatusOr<Ref> BuildValue(script::Runtime& runtime, const script::RunLimits& limits,
                               const v1::Value& value, int depth) {
  Heap& heap = runtime.heap();
  if (depth > kMaxValueDepth) {
    return absl::InvalidArgumentError(absl::StrCat("value nested deeper than ", kMaxValueDepth));
  }
  switch (value.kind_case()) {
    case v1::Value::kNone:
      return heap.NewRef(heap.none());
    case v1::Value::kBoolValue:
      return heap.NewRef(heap.bool_object(value.bool_value()));
    case v1::Value::kIntValue: {
      std::string_view text = value.int_value();
      const bool negative = !text.empty() && text[0] == '-';
      if (negative) text.remove_prefix(1);
      std::optional<BigInt> parsed =
          text.empty() ? std::nullopt : BigInt::FromDigits(text, 10);
      if (!parsed) {
        return absl::InvalidArgumentError(
            absl::StrCat("int_value '", value.int_value(), "' is not a decimal integer"));
      }
      if (negative) *parsed = -*parsed;
      if (std::optional<int64_t> small = parsed->ToInt64()) return NewInt(heap, *small);
      return NewInt(heap, *parsed);
    }
    case v1::Value::kFloatValue:
      return NewFloat(heap, value.float_value());
    case v1::Value::kStrValue:
      return NewStr(heap, value.str_value());
    case v1::Value::kBytesValue:
      return NewBytes(heap, value.bytes_value());
    case v1::Value::kListValue: {
      absl::StatusOr<std::vector<Ref>> items = BuildItems(runtime, limits, value.list_value(), depth);
      if (!items.ok()) return items.status();
      std::vector<ObjectId> ids;
      for (const Ref& item : *items) ids.push_back(item.get());
      return NewListOf(heap, ids);
    }
    case v1::Value::kTupleValue: {
      absl::StatusOr<std::vector<Ref>> items = BuildItems(runtime, limits, value.tuple_value(), depth);
      if (!items.ok()) return items.status();
      std::vector<ObjectId> owned;
      for (Ref& item : *items) owned.push_back(item.release());
      return NewTuple(heap, std::move(owned));
    }
    case v1::Value::kSetValue:
    case v1::Value::kFrozensetValue: {
      const bool frozen = value.kind_case() == v1::Value::kFrozensetValue;
      absl::StatusOr<std::vector<Ref>> items =
          BuildItems(runtime, limits, frozen ? value.frozenset_value() : value.set_value(), depth);
      if (!items.ok()) return items.status();
      Ref set = NewSet(heap, frozen);
      for (const Ref& item : *items) {
        if (absl::Status s = SetAdd(heap, set.get(), item.get()); !s.ok()) return s;
      }
      return set;
    }
    case v1::Value::kDictValue: {
      std::vector<std::pair<Ref, Ref>> pairs;
      for (const v1::Item& item : value.dict_value().items()) {
        absl::StatusOr<Ref> key = BuildValue(runtime, limits, item.key(), depth + 1);
        if (!key.ok()) return key.status();
        absl::StatusOr<Ref> val = BuildValue(runtime, limits, item.value(), depth + 1);
        if (!val.ok()) return val.status();
        pairs.emplace_back(*std::move(key), *std::move(val));
      }
      Ref dict = NewDictPresized(heap, pairs.size());
      for (const auto& [key, val] : pairs) {
        if (absl::Status s = DictSetItem(heap, dict.get(), key.get(), val.get()); !s.ok()) return s;
      }
      return dict;
    }
    case v1::Value::kName: {
      absl::StatusOr<ObjectId> id = LookupVisible(heap, value.name());
      if (!id.ok()) return id.status();
      return heap.NewRef(*id);
    }
    case v1::Value::kObject: {
      const ObjectId id = heap.FindByAddress(value.object());
      if (id == kNoObject) {
        return absl::NotFoundError(absl::StrCat("no object at address ", value.object()));
      }
      return heap.NewRef(id);
    }
    case v1::Value::kLiteral:
      return runtime.Evaluate(value.literal(), limits);
    case v1::Value::KIND_NOT_SET:
      break;
  }
  return absl::InvalidArgumentError("the value is empty (set one of its fields)");
}

// The object a value names, or a new one it describes.
absl::StatusOr<Ref> Resolve(script::Runtime& runtime, const script::RunLimits& limits,
                            const v1::Value& value) {
  return BuildValue(runtime, limits, value, 0);
}

absl::Status Validate(const std::string& name) {
  if (name.empty()) return absl::InvalidArgumentError("the name is empty");
  const bool ok = (std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_') &&
                  std::all_of(name.begin(), name.end(), [](char c) {
                    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
                  });
  if (!ok) return absl::InvalidArgumentError(absl::StrCat("'", name, "' is not a Python name"));
  return absl::OkStatus();
}

// A described object's share of a call's work units (a repr, a message).
constexpr uint64_t kDescribeUnits = 64;

}  // namespace

void Describe(const Heap& heap, ObjectId id, v1::ObjectInfo* info, uint64_t held) {
  const bool immortal = (heap.object(id).flags & kImmortal) != 0;
  info->set_address(heap.address_of(id));
  info->set_type(TypeName(heap, id));
  info->set_size(SizeOf(heap, id));
  info->set_refcount(heap.refcount(id) - (immortal ? 0 : held));
  std::string repr = Repr(heap, id);
  if (repr.size() > kReprLimit) repr = absl::StrCat(repr.substr(0, kReprLimit), "...");
  info->set_repr(std::move(repr));
  ForEachReferent(heap, id, [&](ObjectId referent) {
    info->add_referents(heap.address_of(referent));
  });
  info->set_gc_tracked(IsTracked(heap, id));
  info->set_immortal(immortal);
  // Modules too: CPython's modules are referred to from all over the
  // interpreter (sys.modules, importers, other modules).
  info->set_startup_refcount(!immortal && ((heap.object(id).flags & kStatic) != 0 ||
                                           heap.type_of(id) == TypeTag::kModule));
}

absl::Status CheckLimits(const Heap& heap, const SessionLimits& limits, uint64_t baseline) {
  if (limits.max_objects != 0 && heap.live_objects() > baseline + limits.max_objects) {
    return absl::ResourceExhaustedError(
        absl::StrCat("the session's limit of ", limits.max_objects, " objects is reached"));
  }
  if (limits.max_bytes != 0 && heap.allocator().footprint() > limits.max_bytes) {
    return absl::ResourceExhaustedError(
        absl::StrCat("the session's limit of ", limits.max_bytes, " bytes is reached"));
  }
  return absl::OkStatus();
}

absl::Status Allocate(script::Runtime& runtime, const script::RunLimits& limits,
                      const v1::AllocateRequest& request, v1::Change* change) {
  Heap& heap = runtime.heap();
  if (!request.as().empty()) {
    if (absl::Status s = Validate(request.as()); !s.ok()) return s;
  }
  absl::StatusOr<size_t> frame = FrameIndex(heap, request.has_frame(), request.frame());
  if (!frame.ok()) return frame.status();
  ChangeRecorder recorder(heap);
  absl::StatusOr<Ref> value = Resolve(runtime, limits, request.value());
  if (!value.ok()) return value.status();
  if (!request.as().empty()) BindName(heap, *frame, request.as(), value->get());
  Describe(heap, value->get(), change->mutable_result(), 1);
  value->Reset();
  recorder.Fill(change);
  return absl::OkStatus();
}

absl::Status Bind(script::Runtime& runtime, const script::RunLimits& limits,
                  const v1::BindRequest& request, v1::Change* change) {
  Heap& heap = runtime.heap();
  if (absl::Status s = Validate(request.name()); !s.ok()) return s;
  absl::StatusOr<size_t> frame = FrameIndex(heap, request.has_frame(), request.frame());
  if (!frame.ok()) return frame.status();
  if (request.target().kind_case() != v1::Value::kName &&
      request.target().kind_case() != v1::Value::kObject) {
    return absl::InvalidArgumentError("bind needs a target name or object address");
  }
  ChangeRecorder recorder(heap);
  absl::StatusOr<Ref> target = Resolve(runtime, limits, request.target());
  if (!target.ok()) return target.status();
  BindName(heap, *frame, request.name(), target->get());
  Describe(heap, target->get(), change->mutable_result(), 1);
  target->Reset();
  recorder.Fill(change);
  return absl::OkStatus();
}

absl::Status PushFrame(script::Runtime& runtime, const v1::PushFrameRequest& request,
                       v1::Change* change) {
  Heap& heap = runtime.heap();
  ChangeRecorder recorder(heap);
  PushCallFrame(heap, request.function().empty() ? "<frame>" : request.function(), kNoObject,
                kNoObject, {});
  recorder.Fill(change);
  return absl::OkStatus();
}

absl::Status PopFrame(script::Runtime& runtime, v1::Change* change) {
  Heap& heap = runtime.heap();
  if (heap.frames().depth() <= 1) {
    return absl::FailedPreconditionError("only the module frame is left; it cannot be popped");
  }
  ChangeRecorder recorder(heap);
  PopCallFrame(heap);
  recorder.Fill(change);
  return absl::OkStatus();
}

absl::Status Mutate(script::Runtime& runtime, const script::RunLimits& limits,
                    const v1::MutateRequest& request, v1::Change* change) {
  Heap& heap = runtime.heap();
  if (request.method().empty()) return absl::InvalidArgumentError("the method is empty");
  ChangeRecorder recorder(heap);
  absl::StatusOr<Ref> target = Resolve(runtime, limits, request.target());
  if (!target.ok()) return target.status();
  std::vector<Ref> args;
  for (const v1::Value& arg : request.args()) {
    absl::StatusOr<Ref> built = BuildValue(runtime, limits, arg, 0);
    if (!built.ok()) return built.status();
    args.push_back(*std::move(built));
  }
  auto expect = [&](size_t n) -> absl::Status {
    if (args.size() == n) return absl::OkStatus();
    return absl::InvalidArgumentError(
        absl::StrCat(request.method(), " takes ", n, " argument", n == 1 ? "" : "s", ", not ",
                     args.size()));
  };
  const std::string& method = request.method();
  absl::Status status;
  Ref result;
  if (method == "setitem") {
    status = expect(2);
    if (status.ok()) status = runtime.SetItem(target->get(), args[0].get(), args[1].get(), limits);
  } else if (method == "delitem") {
    status = expect(1);
    if (status.ok()) status = runtime.DelItem(target->get(), args[0].get(), limits);
  } else if (method == "setattr" || method == "delattr") {
    status = Validate(request.attribute());
    if (status.ok()) status = expect(method == "setattr" ? 1 : 0);
    if (status.ok()) {
      status = method == "setattr"
                   ? runtime.SetAttr(target->get(), request.attribute(), args[0].get(), limits)
                   : runtime.DelAttr(target->get(), request.attribute(), limits);
    }
  } else {
    std::vector<ObjectId> ids;
    for (const Ref& arg : args) ids.push_back(arg.get());
    absl::StatusOr<Ref> called = runtime.CallMethod(target->get(), method, ids, limits);
    status = called.status();
    if (called.ok()) result = *std::move(called);
  }
  if (!status.ok()) return status;
  args.clear();
  if (heap.IsLive(target->get())) Describe(heap, target->get(), change->add_touched(), 1);
  if (result) Describe(heap, result.get(), change->mutable_result(), 1);
  result.Reset();
  target->Reset();
  recorder.Fill(change);
  return absl::OkStatus();
}

absl::Status Delete(script::Runtime& runtime, const script::RunLimits& limits,
                    const v1::DeleteRequest& request, v1::Change* change) {
  Heap& heap = runtime.heap();
  switch (request.what_case()) {
    case v1::DeleteRequest::kName: {
      if (absl::Status s = Validate(request.name()); !s.ok()) return s;
      if (LookupName(heap, TopFrame(heap), request.name()) == kNoObject) {
        return absl::NotFoundError(absl::StrCat("name '", request.name(), "' is not defined"));
      }
      ChangeRecorder recorder(heap);
      if (absl::Status s = UnbindName(heap, TopFrame(heap), request.name()); !s.ok()) return s;
      recorder.Fill(change);
      return absl::OkStatus();
    }
    case v1::DeleteRequest::kItem: {
      ChangeRecorder recorder(heap);
      absl::StatusOr<Ref> container = Resolve(runtime, limits, request.item().container());
      if (!container.ok()) return container.status();
      absl::StatusOr<Ref> key = BuildValue(runtime, limits, request.item().key(), 0);
      if (!key.ok()) return key.status();
      if (absl::Status s = runtime.DelItem(container->get(), key->get(), limits); !s.ok()) return s;
      key->Reset();
      Describe(heap, container->get(), change->add_touched(), 1);
      container->Reset();
      recorder.Fill(change);
      return absl::OkStatus();
    }
    case v1::DeleteRequest::WHAT_NOT_SET:
      break;
  }
  return absl::InvalidArgumentError("delete needs a name or an item");
}

absl::Status Collect(script::Runtime& runtime, const v1::CollectRequest& request,
                     v1::CollectResponse* response) {
  Heap& heap = runtime.heap();
  if (request.generation() < 0 || request.generation() > 2) {
    return absl::InvalidArgumentError(
        absl::StrCat("generation must be 0, 1 or 2, not ", request.generation()));
  }
  ChangeRecorder recorder(heap);
  const CollectResult result = heapsim::Collect(heap, request.generation());
  response->set_collected(result.unreachable);
  response->set_uncollectable(result.uncollectable);
  for (const GcGeneration& generation : heap.gc().generations) {
    response->add_counts(generation.count);
  }
  recorder.Fill(response->mutable_change());
  return absl::OkStatus();
}

bool DescribeFrames(const Heap& heap, google::protobuf::RepeatedPtrField<v1::Frame>* frames,
                    google::protobuf::RepeatedPtrField<v1::ObjectInfo>* objects,
                    size_t max_objects) {
  for (size_t i = 0; i < heap.frames().depth(); ++i) {
    v1::Frame* frame = frames->Add();
    frame->set_index(static_cast<uint32_t>(i));
    frame->set_function(i == 0 ? "<module>" : heap.frames().at(i).function);
    for (const auto& [name, id] : FrameBindings(heap, i)) {
      v1::Binding* binding = frame->add_bindings();
      binding->set_name(name);
      binding->set_address(heap.address_of(id));
    }
  }
  // The objects the frames' names reach.
  std::vector<ObjectId> pending;
  absl::flat_hash_set<ObjectId> seen;
  for (size_t i = 0; i < heap.frames().depth(); ++i) {
    for (const auto& [name, id] : FrameBindings(heap, i)) pending.push_back(id);
  }
  while (!pending.empty()) {
    const ObjectId id = pending.back();
    pending.pop_back();
    if (!seen.insert(id).second) continue;
    if (static_cast<size_t>(objects->size()) == max_objects) return false;
    if (!SpendWork(kDescribeUnits)) return false;  // out of time: the caller reports it
    v1::ObjectInfo* info = objects->Add();
    Describe(heap, id, info);
    DescribeLayout(heap, id, info);
    ForEachReferent(heap, id, [&](ObjectId referent) { pending.push_back(referent); });
    for (ObjectId key : SlotOnlyObjects(heap, id)) pending.push_back(key);
  }
  return true;
}

absl::Status Inspect(script::Runtime& runtime, const script::RunLimits& limits,
                     const v1::InspectRequest& request, v1::InspectResponse* response) {
  Heap& heap = runtime.heap();
  if (request.what_case() == v1::InspectRequest::kObject) {
    if (request.object().kind_case() != v1::Value::kName &&
        request.object().kind_case() != v1::Value::kObject) {
      return absl::InvalidArgumentError("inspect needs a name or an object address");
    }
    absl::StatusOr<Ref> object = Resolve(runtime, limits, request.object());
    if (!object.ok()) return object.status();
    const ObjectId id = object->get();
    object->Reset();
    Describe(heap, id, response->mutable_object());
    return absl::OkStatus();
  }
  if (request.what_case() != v1::InspectRequest::kSession) {
    return absl::InvalidArgumentError("inspect needs an object or session: true");
  }
  // As long as the call's time lasts.
  Budget budget(script::BudgetFor(limits));
  ScopedBudget in_budget(&budget);
  (void)DescribeFrames(heap, response->mutable_frames(), response->mutable_objects());
  if (budget.exhausted()) {
    response->Clear();
    return budget.status();
  }
  FillStats(ComputeStats(heap), response->mutable_stats());
  return absl::OkStatus();
}

absl::Status Apply(script::Runtime& runtime, const script::RunLimits& limits,
                   const v1::Operation& operation, v1::Change* change) {
  switch (operation.op_case()) {
    case v1::Operation::kAllocate:
      return Allocate(runtime, limits, operation.allocate(), change);
    case v1::Operation::kBind:
      return Bind(runtime, limits, operation.bind(), change);
    case v1::Operation::kPushFrame:
      return PushFrame(runtime, operation.push_frame(), change);
    case v1::Operation::kPopFrame:
      return PopFrame(runtime, change);
    case v1::Operation::kMutate:
      return Mutate(runtime, limits, operation.mutate(), change);
    case v1::Operation::kDelete:
      return Delete(runtime, limits, operation.delete_(), change);
    case v1::Operation::kCollect: {
      v1::CollectResponse response;
      absl::Status status = Collect(runtime, operation.collect(), &response);
      if (status.ok()) *change = response.change();
      return status;
    }
    case v1::Operation::OP_NOT_SET:
      break;
  }
  return absl::InvalidArgumentError("an operation of the batch is empty");
}

void FillStats(const MemoryStats& stats, v1::MemoryStats* out) {
  out->set_tracing(stats.tracing);
  out->set_traced_current(stats.traced_current);
  out->set_traced_peak(stats.traced_peak);
  out->set_live_objects(stats.live_objects);
  for (const TypeStats& type : stats.types) {
    v1::TypeCount* count = out->add_types();
    count->set_type(type.name);
    count->set_count(type.count);
    count->set_bytes(type.bytes);
  }
  out->set_arenas_allocated(stats.pymalloc.arenas_allocated_total);
  out->set_arenas_in_use(stats.pymalloc.arenas_allocated);
  out->set_arenas_high_water(stats.pymalloc.arenas_high_water);
  out->set_arenas_released(stats.pymalloc.arenas_released_total);
  out->set_empty_pools(stats.pymalloc.empty_pools);
  for (const Pymalloc::ClassStats& size_class : stats.pymalloc.classes) {
    if (size_class.used_pools == 0) continue;
    v1::SizeClassPools* pools = out->add_size_classes();
    pools->set_size(size_class.block_size);
    pools->set_used_pools(size_class.used_pools - size_class.full_pools);
    pools->set_full_pools(size_class.full_pools);
    pools->set_used_blocks(size_class.blocks_in_use);
    pools->set_free_blocks(size_class.free_blocks);
  }
  out->set_fragmentation(stats.fragmentation);
  out->set_raw_bytes(stats.raw.bytes_in_use);
  out->set_footprint(stats.footprint);
  out->set_gc_enabled(stats.gc_enabled);
  const std::pair<const char*, uint64_t> free_lists[] = {
      {"float", stats.free_floats}, {"list", stats.free_lists}, {"dict", stats.free_dicts},
      {"dict keys", stats.free_dict_keys}, {"tuple", stats.free_tuples}};
  for (const auto& [type, count] : free_lists) {
    v1::TypeCount* free_list = out->add_free_lists();
    free_list->set_type(type);
    free_list->set_count(count);
  }
  for (int g = 0; g < 3; ++g) {
    out->add_gc_counts(stats.gc_counts[g]);
    out->add_gc_collections(stats.gc_generations[g].collections);
    out->add_gc_collected(stats.gc_generations[g].collected);
  }
}

}  // namespace heapsim::service
