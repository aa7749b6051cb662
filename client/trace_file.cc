#include "client/trace_file.h"

#include "absl/strings/str_cat.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"

namespace heapsim::client {

namespace {

std::string JsonString(const std::string& text) {
  google::protobuf::Value value;
  value.set_string_value(text);
  std::string json;
  (void)google::protobuf::util::MessageToJsonString(value, &json);
  return json;
}

}  // namespace

absl::Status TraceFile::Open(const std::string& path, const std::string& script,
                             const std::string& profile) {
  path_ = path;
  out_.open(path, std::ios::out | std::ios::trunc | std::ios::binary);
  if (!out_) return absl::UnavailableError(absl::StrCat("cannot write ", path));
  out_ << "{\"format\": \"heapsim-trace/1\", \"file\": " << JsonString(script)
       << ", \"profile\": " << JsonString(profile) << ",\n \"events\": [\n";
  return absl::OkStatus();
}

void TraceFile::Add(const v1::ExecEvent& event) {
  google::protobuf::util::JsonPrintOptions options;
  options.always_print_primitive_fields = true;
  std::string json;
  (void)google::protobuf::util::MessageToJsonString(event, &json, options);
  out_ << (first_ ? "" : ",\n") << json;
  first_ = false;
}

absl::Status TraceFile::Close() {
  out_ << "\n]}\n";
  out_.close();
  if (!out_) return absl::UnavailableError(absl::StrCat("cannot write ", path_));
  return absl::OkStatus();
}

}  // namespace heapsim::client
