#include "server/heap/namedtuple_object.h"

#include <utility>

#include "server/heap/dict_object.h"
#include "server/heap/str_object.h"
#include "server/heap/tuple_object.h"

namespace heapsim {

namespace {

// Binds `name` to `value` in class dict `dict`.
void SetClassEntry(Heap& heap, ObjectId dict, std::string_view name, ObjectId value) {
  Ref key = InternStr(heap, name);
  DictSetItem(heap, dict, key.get(), value).IgnoreError();
}

}  // namespace

std::vector<std::string> NamedTupleFieldNames(const Heap& heap, ObjectId cls) {
  std::vector<std::string> names;
  for (ObjectId name : heap.tuple(NamedTupleFields(heap, cls)).items) {
    names.push_back(heap.str(name).utf8);
  }
  return names;
}

Ref NewNamedTupleType(Heap& heap, std::string_view name, std::string_view module,
                      const std::vector<std::string>& fields, const std::vector<ObjectId>& defaults,
                      ObjectId tuple_type, ObjectId object_type) {
  const Profile& profile = heap.profile();
  std::vector<Ref> names;
  std::vector<ObjectId> name_ids;
  for (const std::string& field : fields) {
    names.push_back(InternStr(heap, field));
    name_ids.push_back(names.back().get());
  }
  Ref field_tuple = NewTupleOf(heap, name_ids);
  Ref field_defaults = NewDict(heap);
  for (size_t i = 0; i < defaults.size(); ++i) {
    DictSetItem(heap, field_defaults.get(), name_ids[fields.size() - defaults.size() + i],
                defaults[i])
        .IgnoreError();
  }
  Ref dict = NewDict(heap);
  std::string doc = absl::StrCat(std::string(name), "(");
  // The repr of the names' tuple without its quotes: "x," for one name.
  for (size_t i = 0; i < fields.size(); ++i) absl::StrAppend(&doc, i == 0 ? "" : ", ", fields[i]);
  doc += fields.size() == 1 ? ",)" : ")";
  Ref doc_str = NewStr(heap, doc);
  Ref module_str = InternStr(heap, module);
  SetClassEntry(heap, dict.get(), "__module__", module_str.get());
  SetClassEntry(heap, dict.get(), "__doc__", doc_str.get());
  SetClassEntry(heap, dict.get(), "__slots__", heap.empty_tuple());
  SetClassEntry(heap, dict.get(), "_fields", field_tuple.get());
  SetClassEntry(heap, dict.get(), "_field_defaults", field_defaults.get());
  if (profile.namedtuple.has_fields_defaults_alias) {
    SetClassEntry(heap, dict.get(), "_fields_defaults", field_defaults.get());
  }
  if (profile.namedtuple.has_match_args) {
    SetClassEntry(heap, dict.get(), "__match_args__", field_tuple.get());
  }
  Ref bases = NewTupleOf(heap, {tuple_type});
  const ObjectId id = heap.NewObject(TypeTag::kNamedTupleType, profile.class_object_size);
  ClassBody body;
  body.name = std::string(name);
  body.module = std::string(module);
  body.namespace_dict = dict.release();
  body.base = tuple_type;
  heap.IncRef(tuple_type);
  body.bases = bases.release();
  body.instance_dict = false;
  body.instance_weakref = false;
  body.namedtuple_fields = field_tuple.release();
  if (!defaults.empty()) body.namedtuple_defaults = NewTupleOf(heap, defaults).release();
  heap.AttachBody(id, std::move(body));
  heap.Track(id);
  Ref cls = heap.Adopt(id);
  heap.cls(id).mro = NewTupleOf(heap, {id, tuple_type, object_type}).release();
  return cls;
}

Ref NewNamedTupleInstance(Heap& heap, ObjectId cls, const std::vector<ObjectId>& items) {
  const ObjectId id = heap.NewObject(TypeTag::kTuple, TupleRequest(items.size() + 1));
  TupleBody body;
  for (ObjectId item : items) {
    heap.IncRef(item);
    body.items.push_back(item);
  }
  heap.IncRef(cls);
  body.type = cls;
  heap.AttachBody(id, std::move(body));
  heap.set_subtype(id, kNamedTupleSubtype);
  heap.Track(id);
  return heap.Adopt(id);
}

}  // namespace heapsim
