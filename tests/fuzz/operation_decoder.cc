#include "tests/fuzz/operation_decoder.h"

#include <array>
#include <string>

namespace heapsim::fuzz {

namespace {

constexpr std::array<const char*, 6> kNames = {"a", "b", "c", "d", "e", "x"};
constexpr std::array<const char*, 4> kFunctions = {"f", "g", "<lambda>", ""};
constexpr std::array<const char*, 30> kMethods = {
    "append", "pop",        "insert", "extend",  "remove",   "clear",   "update", "add",
    "discard", "setdefault", "get",    "keys",    "items",    "values",  "copy",   "sort",
    "reverse", "index",      "count",  "popitem", "union",    "join",    "upper",  "split",
    "setitem", "delitem",    "setattr", "delattr", "__len__", "no_such_method"};
constexpr std::array<const char*, 14> kLiterals = {
    "[1, 2, 3]", "{'k': [None]}", "(1, 'a', 2.5)", "{1, 2}", "'x' * 40", "10 ** 30",
    "[[]] * 3",  "list(range(20))", "{i: i for i in range(9)}", "b'ab'", "frozenset((1,))",
    "[x for x in 'abc']", "1/0", "undefined_name"};
constexpr size_t kMaxItems = 5;
constexpr int kMaxDepth = 4;

}  // namespace

std::string OperationDecoder::Name() {
  if (input_.ConsumeIntegralInRange(0, 15) == 0) return input_.ConsumeRandomLengthString(8);
  return kNames[input_.ConsumeIntegralInRange<size_t>(0, kNames.size() - 1)];
}

uint64_t OperationDecoder::Address() {
  if (addresses_.empty() || input_.ConsumeIntegralInRange(0, 7) == 0) {
    return input_.ConsumeIntegral<uint64_t>();
  }
  return addresses_[input_.ConsumeIntegralInRange<size_t>(0, addresses_.size() - 1)];
}

void OperationDecoder::FillItems(int depth, v1::Values* values) {
  const size_t count = input_.ConsumeIntegralInRange<size_t>(0, kMaxItems);
  for (size_t i = 0; i < count; ++i) FillValue(depth + 1, values->add_items());
}

void OperationDecoder::FillValue(int depth, v1::Value* value) {
  const int last_kind = depth >= kMaxDepth ? 9 : 14;
  switch (input_.ConsumeIntegralInRange(0, last_kind)) {
    case 0:
      value->set_none(true);
      break;
    case 1:
      value->set_bool_value(input_.ConsumeBool());
      break;
    case 2:
      value->set_int_value(std::to_string(input_.ConsumeIntegralInRange<int64_t>(-10, 300)));
      break;
    case 3:
      // Any text: large, negative, malformed or empty integers.
      value->set_int_value(input_.ConsumeRandomLengthString(40));
      break;
    case 4:
      value->set_float_value(input_.ConsumeFloatingPoint<double>());
      break;
    case 5:
      value->set_str_value(input_.ConsumeRandomLengthString(24));
      break;
    case 6:
      value->set_bytes_value(input_.ConsumeRandomLengthString(24));
      break;
    case 7:
      value->set_name(Name());
      break;
    case 8:
      value->set_object(Address());
      break;
    case 9:
      if (input_.ConsumeBool()) {
        value->set_literal(kLiterals[input_.ConsumeIntegralInRange<size_t>(0, kLiterals.size() - 1)]);
      } else {
        value->set_literal(input_.ConsumeRandomLengthString(32));
      }
      break;
    case 10:
      FillItems(depth, value->mutable_list_value());
      break;
    case 11:
      FillItems(depth, value->mutable_tuple_value());
      break;
    case 12:
      FillItems(depth, value->mutable_set_value());
      break;
    case 13:
      FillItems(depth, value->mutable_frozenset_value());
      break;
    default: {
      v1::Items* items = value->mutable_dict_value();
      const size_t count = input_.ConsumeIntegralInRange<size_t>(0, kMaxItems);
      for (size_t i = 0; i < count; ++i) {
        v1::Item* item = items->add_items();
        FillValue(depth + 1, item->mutable_key());
        FillValue(depth + 1, item->mutable_value());
      }
      break;
    }
  }
}

v1::Operation OperationDecoder::NextOperation() {
  v1::Operation operation;
  switch (input_.ConsumeIntegralInRange(0, 7)) {
    case 0:
    case 1: {
      v1::AllocateRequest* allocate = operation.mutable_allocate();
      FillValue(0, allocate->mutable_value());
      if (input_.ConsumeBool()) allocate->set_as(Name());
      if (input_.ConsumeIntegralInRange(0, 3) == 0) {
        allocate->set_frame(input_.ConsumeIntegralInRange(-1, 3));
      }
      break;
    }
    case 2: {
      v1::BindRequest* bind = operation.mutable_bind();
      bind->set_name(Name());
      FillValue(kMaxDepth, bind->mutable_target());
      if (input_.ConsumeIntegralInRange(0, 3) == 0) bind->set_frame(input_.ConsumeIntegralInRange(-1, 3));
      break;
    }
    case 3:
      operation.mutable_push_frame()->set_function(
          kFunctions[input_.ConsumeIntegralInRange<size_t>(0, kFunctions.size() - 1)]);
      break;
    case 4:
      operation.mutable_pop_frame();
      break;
    case 5: {
      v1::MutateRequest* mutate = operation.mutable_mutate();
      FillValue(kMaxDepth, mutate->mutable_target());
      mutate->set_method(kMethods[input_.ConsumeIntegralInRange<size_t>(0, kMethods.size() - 1)]);
      const size_t args = input_.ConsumeIntegralInRange<size_t>(0, 3);
      for (size_t i = 0; i < args; ++i) FillValue(1, mutate->add_args());
      if (input_.ConsumeBool()) mutate->set_attribute(Name());
      break;
    }
    case 6: {
      v1::DeleteRequest* del = operation.mutable_delete_();
      if (input_.ConsumeBool()) {
        del->set_name(Name());
      } else {
        FillValue(kMaxDepth, del->mutable_item()->mutable_container());
        FillValue(2, del->mutable_item()->mutable_key());
      }
      break;
    }
    default:
      operation.mutable_collect()->set_generation(input_.ConsumeIntegralInRange(-1, 3));
      break;
  }
  return operation;
}

v1::InspectRequest OperationDecoder::NextInspect() {
  v1::InspectRequest request;
  if (input_.ConsumeBool()) {
    request.set_session(true);
  } else {
    FillValue(kMaxDepth, request.mutable_object());
  }
  return request;
}

void OperationDecoder::Remember(const v1::Change& change) {
  for (const v1::ObjectInfo& info : change.created()) addresses_.push_back(info.address());
  for (const v1::ObjectInfo& info : change.touched()) addresses_.push_back(info.address());
  if (change.has_result()) addresses_.push_back(change.result().address());
}

}  // namespace heapsim::fuzz
