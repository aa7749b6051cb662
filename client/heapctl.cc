// heapctl: the command line of heapsim. A thin client of heapsim.v1: every
// command is one or a few RPCs; values are Python literals parsed by the
// server. Exit codes: 0 done, 1 a Python-level error (or a script's
// uncaught exception), 2 a usage or connection error (or a refused
// script), 3 a limit stopped a script.

#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/synchronization/notification.h"
#include "client/answer_text.h"
#include "client/grade.h"
#include "client/heap_dot.h"
#include "client/line_editor.h"
#include "client/session_state.h"
#include "client/trace_file.h"
#include "google/protobuf/util/json_util.h"
#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/grpcpp.h"
#include "heapsim/v1/heapsim.grpc.pb.h"

ABSL_FLAG(std::string, server, "", "heapd address HOST:PORT (default $HEAPSIM_SERVER or 127.0.0.1:50051)");
ABSL_FLAG(bool, json, false, "print responses as JSON (protobuf's JSON mapping)");
ABSL_FLAG(std::string, profile, "3.11", "CPython version to simulate: 3.8, 3.9, 3.10, 3.11, 3.12, 3.13");
ABSL_FLAG(std::string, as, "", "alloc: bind the new object to this name");
ABSL_FLAG(int, frame, -1, "alloc/bind: frame index (0 is the module; default the top frame)");
ABSL_FLAG(bool, follow, false, "stats: keep printing statistics as the heap changes");
ABSL_FLAG(int, interval_ms, 500, "stats --follow: at most one frame per this many ms");
ABSL_FLAG(bool, events, false, "run: print heap events (on stderr)");
ABSL_FLAG(bool, stats, false, "run: print memory statistics at the end (on stderr)");
ABSL_FLAG(bool, in_session, false, "run: run in the current session instead of a fresh one");
ABSL_FLAG(std::string, trace, "",
          "run: write the run's trace (steps with lines, frames, objects; heap events) to this "
          "JSON file");
ABSL_FLAG(std::string, format, "text", "inspect: text, or dot (Graphviz) for the whole session");
ABSL_FLAG(uint64_t, max_objects, 0, "session create: object limit");
ABSL_FLAG(uint64_t, max_bytes, 0, "session create, run: simulated footprint limit in bytes");
ABSL_FLAG(uint32_t, idle_timeout_s, 0, "session create: idle expiry in seconds");
ABSL_FLAG(uint32_t, max_seconds, 0,
          "session create, run: wall-clock seconds per call (0: the server's 10 s per run, 1 s "
          "per call)");
ABSL_FLAG(uint64_t, max_output_bytes, 0,
          "session create, run: stdout per run (0: the server's 16 MiB)");
ABSL_FLAG(int, run_deadline_ms, 0, "run/shell: the client's deadline for one run, in ms (0: none)");
ABSL_FLAG(std::string, id, "", "session create: the session id (routing key) to use");
ABSL_FLAG(std::string, tests, "", "grade: the test file (def test_*(): functions)");
ABSL_FLAG(std::string, results, "", "grade: where to write the results JSON");
ABSL_FLAG(int, timeout_s, 60, "deadline of each call in seconds (run and stats --follow: none)");

namespace {

namespace v1 = ::heapsim::v1;
using heapsim::client::Brief;
using heapsim::client::CurrentSession;
using heapsim::client::PrintChange;
using heapsim::client::PrintJson;
using heapsim::client::PrintStats;

constexpr int kOk = 0;
constexpr int kPythonError = 1;
constexpr int kUsageError = 2;
constexpr int kLimit = 3;

constexpr char kUsage[] = R"(heapctl [flags] COMMAND [ARGS]

Commands:
  health                           is the server serving?
  session create [--profile=X.Y]   make a session and make it the current one
  session list | show | delete [NAME]
  alloc VALUE [--as=NAME]          allocate a Python literal, e.g. '[1, 2, 3]'
  bind NAME TARGET                 NAME refers to TARGET (a name, or an address)
  mutate TARGET METHOD [ARG...]    e.g. mutate x append 4; mutate d setitem "'k'" 1
  del NAME | del TARGET KEY        delete a name, or an item of a container
  frame push [FUNCTION] | frame pop
  collect [GENERATION]             gc.collect()
  inspect [NAME|ADDRESS]           one object, or the whole session
  inspect --format=dot             the session's heap as Graphviz DOT (| dot -Tsvg)
  stats [--follow]                 memory statistics
  check                            recount the session's heap (exit 0 when consistent)
  run FILE [--profile=X.Y] [--events] [--stats] [--in_session] [--trace=TRACE.json]
  shell                            an interactive Python prompt on the session
  grade --tests=TESTS.py SUBMISSION.py [--profile=X.Y] [--results=results.json]
                                   run a submission, then each test_* of TESTS.py
)";

std::string ServerAddress() {
  std::string server = absl::GetFlag(FLAGS_server);
  if (server.empty()) {
    const char* env = std::getenv("HEAPSIM_SERVER");
    server = env != nullptr && *env != '\0' ? env : "127.0.0.1:50051";
  }
  return server;
}

int Usage(const std::string& message) {
  std::cerr << "heapctl: " << message << "\n\n" << kUsage;
  return kUsageError;
}

// A failed RPC: CPython's error line for Python-level errors (exit 1),
// else the status (exit 2).
int Failed(const grpc::Status& status) {
  if (status.error_code() == grpc::StatusCode::FAILED_PRECONDITION) {
    std::cerr << status.error_message() << "\n";
    return kPythonError;
  }
  if (status.error_code() == grpc::StatusCode::UNAVAILABLE) {
    std::cerr << "heapctl: cannot reach heapd at " << ServerAddress() << ": "
              << status.error_message() << "\n";
    return kUsageError;
  }
  std::cerr << "heapctl: " << status.error_message() << "\n";
  switch (status.error_code()) {
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return kLimit;
    default:
      return kUsageError;
  }
}

v1::Value LiteralValue(const std::string& text) {
  v1::Value value;
  value.set_literal(text);
  return value;
}

bool IsIdentifier(const std::string& text) {
  if (text.empty() || std::isdigit(static_cast<unsigned char>(text[0]))) return false;
  for (char c : text) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  }
  return true;
}

// A name, an object address (decimal or 0x hex), or else a literal.
v1::Value TargetValue(const std::string& text) {
  v1::Value value;
  uint64_t address = 0;
  if (text.rfind("0x", 0) == 0 && absl::SimpleHexAtoi(text.substr(2), &address)) {
    value.set_object(address);
  } else if (absl::SimpleAtoi(text, &address)) {
    value.set_object(address);
  } else if (IsIdentifier(text)) {
    value.set_name(text);
  } else {
    value.set_literal(text);
  }
  return value;
}


class Client {
 public:
  Client()
      : channel_(grpc::CreateChannel(ServerAddress(), grpc::InsecureChannelCredentials())),
        stub_(v1::HeapService::NewStub(channel_)) {}

  // A context for a call on the current session (or none).
  std::unique_ptr<grpc::ClientContext> Context(bool session, bool deadline = true) {
    auto context = std::make_unique<grpc::ClientContext>();
    if (deadline) {
      context->set_deadline(std::chrono::system_clock::now() +
                            std::chrono::seconds(absl::GetFlag(FLAGS_timeout_s)));
    }
    if (session && current_) {
      context->AddMetadata("x-heapsim-session", current_->name);
      context->AddMetadata("x-heapsim-token", current_->token);
    }
    return context;
  }

  // Requires a current session; prints why not.
  bool NeedSession() {
    current_ = heapsim::client::LoadCurrentSession();
    if (current_) return true;
    std::cerr << "heapctl: no current session; run `heapctl session create` first\n";
    return false;
  }

  int Run(const std::vector<std::string>& args);

 private:
  int Health();
  int SessionCommand(const std::vector<std::string>& args);
  int Alloc(const std::vector<std::string>& args);
  int BindCommand(const std::vector<std::string>& args);
  int MutateCommand(const std::vector<std::string>& args);
  int DeleteCommand(const std::vector<std::string>& args);
  int FrameCommand(const std::vector<std::string>& args);
  int CollectCommand(const std::vector<std::string>& args);
  int InspectCommand(const std::vector<std::string>& args);
  int StatsCommand();
  int CheckCommand();
  int RunFile(const std::vector<std::string>& args);
  int Shell();
  int GradeCommand(const std::vector<std::string>& args);
  // Runs source through Exec, printing its output; returns the exit code.
  // Runs a script; `trace`, when not null, receives every event.
  int Exec(const v1::ExecRequest& request, bool in_session,
           heapsim::client::TraceFile* trace = nullptr);
  int ChangeCall(const grpc::Status& status, const v1::Change& change) {
    if (!status.ok()) return Failed(status);
    if (absl::GetFlag(FLAGS_json)) {
      PrintJson(change);
    } else {
      PrintChange(change);
    }
    return kOk;
  }

  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::HeapService::Stub> stub_;
  std::optional<CurrentSession> current_;
};

int Client::Health() {
  // grpc.health.v1.Health/Check with an empty request (the server as a
  // whole); the response's field 1 is the serving status (1 = SERVING).
  grpc::GenericStub generic(channel_);
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
  grpc::Slice empty("");
  grpc::ByteBuffer request(&empty, 1);
  grpc::ByteBuffer response;
  absl::Notification done;
  grpc::Status status;
  generic.UnaryCall(&context, "/grpc.health.v1.Health/Check", grpc::StubOptions(), &request,
                    &response, [&](grpc::Status s) {
                      status = std::move(s);
                      done.Notify();
                    });
  done.WaitForNotification();
  if (!status.ok()) return Failed(status);
  std::vector<grpc::Slice> slices;
  (void)response.Dump(&slices);
  std::string bytes;
  for (const grpc::Slice& slice : slices) {
    bytes.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
  }
  const bool serving = bytes.size() >= 2 && bytes[0] == 0x08 && bytes[1] == 0x01;
  if (absl::GetFlag(FLAGS_json)) {
    std::cout << "{\"status\": \"" << (serving ? "SERVING" : "NOT_SERVING") << "\"}\n";
  } else {
    std::cout << (serving ? "SERVING" : "NOT_SERVING") << "\n";
  }
  return serving ? kOk : kUsageError;
}

int Client::SessionCommand(const std::vector<std::string>& args) {
  if (args.size() < 2) return Usage("session needs create, list, show or delete");
  const std::string& verb = args[1];
  if (verb == "create") {
    v1::CreateSessionRequest request;
    request.set_profile(absl::GetFlag(FLAGS_profile));
    request.set_session_id(absl::GetFlag(FLAGS_id));
    request.mutable_limits()->set_max_objects(absl::GetFlag(FLAGS_max_objects));
    request.mutable_limits()->set_max_bytes(absl::GetFlag(FLAGS_max_bytes));
    request.mutable_limits()->set_idle_timeout_seconds(absl::GetFlag(FLAGS_idle_timeout_s));
    request.mutable_limits()->set_max_seconds(absl::GetFlag(FLAGS_max_seconds));
    request.mutable_limits()->set_max_output_bytes(absl::GetFlag(FLAGS_max_output_bytes));
    v1::CreateSessionResponse response;
    auto context = Context(false);
    if (!absl::GetFlag(FLAGS_id).empty()) {
      context->AddMetadata("x-heapsim-session", "sessions/" + absl::GetFlag(FLAGS_id));
    }
    grpc::Status status = stub_->CreateSession(context.get(), request, &response);
    if (!status.ok()) return Failed(status);
    if (absl::Status saved = heapsim::client::SaveCurrentSession(
            CurrentSession{response.session().name(), response.token()});
        !saved.ok()) {
      std::cerr << "heapctl: " << saved.message() << "\n";
      return kUsageError;
    }
    if (absl::GetFlag(FLAGS_json)) {
      PrintJson(response);
    } else {
      std::cout << response.session().name() << " (CPython " << response.session().profile()
                << ") is now the current session\n";
    }
    return kOk;
  }
  if (!NeedSession()) return kUsageError;
  if (verb == "list") {
    v1::ListSessionsResponse response;
    grpc::Status status = stub_->ListSessions(Context(true).get(), v1::ListSessionsRequest(), &response);
    if (!status.ok()) return Failed(status);
    if (absl::GetFlag(FLAGS_json)) {
      PrintJson(response);
    } else {
      for (const v1::Session& s : response.sessions()) {
        std::cout << s.name() << "  " << s.profile() << "  objects=" << s.live_objects()
                  << " frames=" << s.frames() << (s.name() == current_->name ? "  (current)" : "")
                  << "\n";
      }
    }
    return kOk;
  }
  if (verb == "show" || verb == "delete") {
    const std::string name = args.size() > 2 ? args[2] : current_->name;
    if (verb == "show") {
      v1::GetSessionRequest request;
      request.set_name(name);
      v1::Session response;
      grpc::Status status = stub_->GetSession(Context(true).get(), request, &response);
      if (!status.ok()) return Failed(status);
      if (absl::GetFlag(FLAGS_json)) {
        PrintJson(response);
      } else {
        std::cout << response.name() << "  CPython " << response.profile() << "  objects "
                  << response.live_objects() << "  frames " << response.frames() << "\n";
      }
      return kOk;
    }
    v1::DeleteSessionRequest request;
    request.set_name(name);
    v1::DeleteSessionResponse response;
    grpc::Status status = stub_->DeleteSession(Context(true).get(), request, &response);
    if (!status.ok()) return Failed(status);
    heapsim::client::ForgetCurrentSession(name);
    if (!absl::GetFlag(FLAGS_json)) std::cout << name << " deleted\n";
    return kOk;
  }
  return Usage(absl::StrCat("unknown session command '", verb, "'"));
}

int Client::Alloc(const std::vector<std::string>& args) {
  if (args.size() != 2) return Usage("alloc needs one value, e.g. alloc '[1, 2, 3]' --as=x");
  if (!NeedSession()) return kUsageError;
  v1::AllocateRequest request;
  *request.mutable_value() = LiteralValue(args[1]);
  request.set_as(absl::GetFlag(FLAGS_as));
  if (absl::GetFlag(FLAGS_frame) >= 0) request.set_frame(absl::GetFlag(FLAGS_frame));
  v1::Change change;
  grpc::Status status = stub_->Allocate(Context(true).get(), request, &change);
  if (status.ok() && !absl::GetFlag(FLAGS_json) && !request.as().empty()) {
    std::cout << request.as() << " = ";
  }
  return ChangeCall(status, change);
}

int Client::BindCommand(const std::vector<std::string>& args) {
  if (args.size() != 3) return Usage("bind needs NAME TARGET, e.g. bind y x");
  if (!NeedSession()) return kUsageError;
  v1::BindRequest request;
  request.set_name(args[1]);
  *request.mutable_target() = TargetValue(args[2]);
  if (absl::GetFlag(FLAGS_frame) >= 0) request.set_frame(absl::GetFlag(FLAGS_frame));
  v1::Change change;
  grpc::Status status = stub_->Bind(Context(true).get(), request, &change);
  if (status.ok() && !absl::GetFlag(FLAGS_json)) std::cout << args[1] << " -> ";
  return ChangeCall(status, change);
}

int Client::MutateCommand(const std::vector<std::string>& args) {
  if (args.size() < 3) return Usage("mutate needs TARGET METHOD [ARG...], e.g. mutate x append 4");
  if (!NeedSession()) return kUsageError;
  v1::MutateRequest request;
  *request.mutable_target() = TargetValue(args[1]);
  request.set_method(args[2]);
  size_t first_arg = 3;
  if ((args[2] == "setattr" || args[2] == "delattr") && args.size() > 3) {
    request.set_attribute(args[3]);
    first_arg = 4;
  }
  for (size_t i = first_arg; i < args.size(); ++i) *request.add_args() = LiteralValue(args[i]);
  v1::Change change;
  return ChangeCall(stub_->Mutate(Context(true).get(), request, &change), change);
}

int Client::DeleteCommand(const std::vector<std::string>& args) {
  if (args.size() != 2 && args.size() != 3) return Usage("del needs NAME, or TARGET KEY");
  if (!NeedSession()) return kUsageError;
  v1::DeleteRequest request;
  if (args.size() == 2) {
    request.set_name(args[1]);
  } else {
    *request.mutable_item()->mutable_container() = TargetValue(args[1]);
    *request.mutable_item()->mutable_key() = LiteralValue(args[2]);
  }
  v1::Change change;
  grpc::Status status = stub_->Delete(Context(true).get(), request, &change);
  if (status.ok() && !absl::GetFlag(FLAGS_json) && change.freed_size() == 0 &&
      change.touched_size() == 0) {
    std::cout << "deleted\n";
  }
  return ChangeCall(status, change);
}

int Client::FrameCommand(const std::vector<std::string>& args) {
  if (args.size() < 2) return Usage("frame needs push [FUNCTION] or pop");
  if (!NeedSession()) return kUsageError;
  v1::Change change;
  if (args[1] == "push") {
    v1::PushFrameRequest request;
    if (args.size() > 2) request.set_function(args[2]);
    return ChangeCall(stub_->PushFrame(Context(true).get(), request, &change), change);
  }
  if (args[1] == "pop") {
    return ChangeCall(stub_->PopFrame(Context(true).get(), v1::PopFrameRequest(), &change), change);
  }
  return Usage(absl::StrCat("unknown frame command '", args[1], "'"));
}

int Client::CollectCommand(const std::vector<std::string>& args) {
  if (!NeedSession()) return kUsageError;
  v1::CollectRequest request;
  request.set_generation(2);
  if (args.size() > 1) {
    int generation = 0;
    if (!absl::SimpleAtoi(args[1], &generation)) return Usage("collect takes a generation 0, 1 or 2");
    request.set_generation(generation);
  }
  v1::CollectResponse response;
  grpc::Status status = stub_->Collect(Context(true).get(), request, &response);
  if (!status.ok()) return Failed(status);
  if (absl::GetFlag(FLAGS_json)) {
    PrintJson(response);
  } else {
    std::cout << "collected " << response.collected() << ", uncollectable "
              << response.uncollectable() << ", counts ("
              << absl::StrJoin(response.counts(), ", ") << ")\n";
    if (response.change().freed_size() > 0) {
      std::cout << "  freed " << response.change().freed_size() << ": "
                << absl::StrJoin(response.change().freed(), " ") << "\n";
    }
  }
  return kOk;
}

int Client::CheckCommand() {
  if (!NeedSession()) return kUsageError;
  v1::CheckConsistencyResponse response;
  grpc::Status status =
      stub_->CheckConsistency(Context(true).get(), v1::CheckConsistencyRequest(), &response);
  if (!status.ok()) return Failed(status);
  std::cout << "consistent: " << response.live_objects() << " live objects\n";
  return kOk;
}

int Client::InspectCommand(const std::vector<std::string>& args) {
  if (!NeedSession()) return kUsageError;
  const std::string format = absl::GetFlag(FLAGS_format);
  if (format != "text" && format != "dot") return Usage("--format is text or dot");
  if (format == "dot" && args.size() > 1) return Usage("--format=dot draws the whole session");
  v1::InspectRequest request;
  if (args.size() > 1) {
    *request.mutable_object() = TargetValue(args[1]);
  } else {
    request.set_session(true);
  }
  v1::InspectResponse response;
  grpc::Status status = stub_->Inspect(Context(true).get(), request, &response);
  if (!status.ok()) return Failed(status);
  if (format == "dot") {
    std::cout << heapsim::client::HeapToDot(response.frames(), response.objects());
    return kOk;
  }
  if (absl::GetFlag(FLAGS_json)) {
    PrintJson(response);
    return kOk;
  }
  if (response.has_object()) {
    const v1::ObjectInfo& info = response.object();
    std::cout << Brief(info) << "\n  gc tracked: " << (info.gc_tracked() ? "yes" : "no")
              << "\n  referents: " << absl::StrJoin(info.referents(), " ") << "\n";
    return kOk;
  }
  for (const v1::Frame& frame : response.frames()) {
    std::cout << "frame " << frame.index() << " (" << frame.function() << ")\n";
    for (const v1::Binding& binding : frame.bindings()) {
      std::cout << "  " << binding.name() << " -> " << binding.address() << "\n";
    }
  }
  std::cout << "objects reachable from names: " << response.objects_size() << "\n";
  for (const v1::ObjectInfo& info : response.objects()) std::cout << "  " << Brief(info) << "\n";
  return kOk;
}

int Client::StatsCommand() {
  if (!NeedSession()) return kUsageError;
  if (!absl::GetFlag(FLAGS_follow)) {
    v1::InspectRequest request;
    request.set_session(true);
    v1::InspectResponse response;
    grpc::Status status = stub_->Inspect(Context(true).get(), request, &response);
    if (!status.ok()) return Failed(status);
    if (absl::GetFlag(FLAGS_json)) {
      PrintJson(response.stats());
    } else {
      PrintStats(response.stats());
    }
    return kOk;
  }
  v1::WatchStatsRequest request;
  request.set_min_interval_ms(static_cast<uint32_t>(absl::GetFlag(FLAGS_interval_ms)));
  auto context = Context(true, false);
  auto reader = stub_->WatchStats(context.get(), request);
  v1::StatsFrame frame;
  const bool terminal = isatty(STDOUT_FILENO) && !absl::GetFlag(FLAGS_json);
  while (reader->Read(&frame)) {
    if (absl::GetFlag(FLAGS_json)) {
      PrintJson(frame);
      std::cout << std::endl;
      continue;
    }
    if (terminal) std::cout << "\033[H\033[2J";  // a live view: redraw in place
    std::cout << "-- frame " << frame.sequence() << " --\n";
    PrintStats(frame.stats());
    std::cout.flush();
  }
  grpc::Status status = reader->Finish();
  if (!status.ok()) return Failed(status);
  return kOk;
}

int Client::Exec(const v1::ExecRequest& request, bool in_session,
                 heapsim::client::TraceFile* trace) {
  auto context = Context(in_session, false);
  if (const int deadline_ms = absl::GetFlag(FLAGS_run_deadline_ms); deadline_ms > 0) {
    context->set_deadline(std::chrono::system_clock::now() +
                          std::chrono::milliseconds(deadline_ms));
  }
  auto reader = stub_->Exec(context.get(), request);
  v1::ExecEvent event;
  int code = kOk;
  std::string error;
  const bool print_events = absl::GetFlag(FLAGS_events);
  while (reader->Read(&event)) {
    if (trace != nullptr) trace->Add(event);
    switch (event.event_case()) {
      case v1::ExecEvent::kStdout:
        std::cout << event.stdout();
        break;
      case v1::ExecEvent::kHeapEvent: {
        if (!print_events) break;
        const v1::HeapEvent& e = event.heap_event();
        std::cerr << "[event] " << v1::HeapEvent::Kind_Name(e.kind()) << " " << e.type() << " "
                  << e.address() << (e.name().empty() ? "" : " " + e.name()) << "\n";
        break;
      }
      case v1::ExecEvent::kStats:
        std::cout.flush();
        if (absl::GetFlag(FLAGS_json)) {
          std::string json;
          (void)google::protobuf::util::MessageToJsonString(event.stats(), &json);
          std::cerr << json << "\n";
        } else {
          std::streambuf* saved = std::cout.rdbuf(std::cerr.rdbuf());
          PrintStats(event.stats());
          std::cout.rdbuf(saved);
        }
        break;
      case v1::ExecEvent::kResult:
        code = event.result().exit_code();
        error = event.result().error();
        break;
      case v1::ExecEvent::kStep:
      case v1::ExecEvent::EVENT_NOT_SET:
        break;
    }
  }
  std::cout.flush();
  grpc::Status status = reader->Finish();
  if (trace != nullptr) {
    if (absl::Status closed = trace->Close(); !closed.ok()) {
      std::cerr << "heapctl: " << closed.message() << "\n";
      return kUsageError;
    }
  }
  if (!status.ok()) return Failed(status);
  if (!error.empty()) std::cerr << error << "\n";
  return code == 3 ? kLimit : code;
}

int Client::RunFile(const std::vector<std::string>& args) {
  if (args.size() != 2) return Usage("run needs one FILE");
  std::ifstream file(args[1]);
  if (!file) {
    std::cerr << "heapctl: cannot read " << args[1] << "\n";
    return kUsageError;
  }
  std::stringstream source;
  source << file.rdbuf();
  v1::ExecRequest request;
  request.set_source(source.str());
  request.set_filename(args[1]);
  request.set_working_directory(std::filesystem::current_path().string());
  request.set_profile(absl::GetFlag(FLAGS_profile));
  const std::string trace_path = absl::GetFlag(FLAGS_trace);
  request.set_stream_events(absl::GetFlag(FLAGS_events) || !trace_path.empty());
  request.set_stream_stats(absl::GetFlag(FLAGS_stats));
  request.set_trace_steps(!trace_path.empty());
  // A fresh session's limits (a current session keeps its own).
  request.mutable_limits()->set_max_bytes(absl::GetFlag(FLAGS_max_bytes));
  request.mutable_limits()->set_max_seconds(absl::GetFlag(FLAGS_max_seconds));
  request.mutable_limits()->set_max_output_bytes(absl::GetFlag(FLAGS_max_output_bytes));
  const bool in_session = absl::GetFlag(FLAGS_in_session);
  if (in_session && !NeedSession()) return kUsageError;
  if (trace_path.empty()) return Exec(request, in_session);
  heapsim::client::TraceFile trace;
  if (absl::Status opened = trace.Open(trace_path, args[1], in_session ? "" : request.profile());
      !opened.ok()) {
    std::cerr << "heapctl: " << opened.message() << "\n";
    return kUsageError;
  }
  return Exec(request, in_session, &trace);
}

int Client::Shell() {
  if (!NeedSession()) return kUsageError;
  const bool terminal = isatty(STDIN_FILENO);
  if (terminal) {
    std::cout << "heapsim shell on " << current_->name << " (Ctrl-D to leave)\n";
  }
  const char* home = std::getenv("HOME");
  heapsim::client::LineEditor editor(home != nullptr ? absl::StrCat(home, "/.heapsim_history")
                                                     : "");
  auto blank = [](const std::string& text) {
    return text.find_first_not_of(" \t") == std::string::npos;
  };
  auto run = [&](const std::string& source) {
    v1::ExecRequest request;
    request.set_source(source);
    request.set_interactive(true);
    std::cout.flush();
    return Exec(request, true);
  };
  // One input is a line (continued while brackets, strings or a trailing
  // backslash are open), or a block: a line ending with ':' and the lines
  // after it up to a blank one, as Python's REPL reads them.
  auto open = [](const std::string& text) {
    int depth = 0;
    char quote = 0;
    bool triple = false;
    for (size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      if (quote) {
        if (c == '\\') {
          ++i;
        } else if (c == quote && (!triple || text.compare(i, 3, std::string(3, quote)) == 0)) {
          if (triple) i += 2;
          quote = 0;
        } else if (c == '\n' && !triple) {
          quote = 0;
        }
        continue;
      }
      if (c == '#') {
        while (i < text.size() && text[i] != '\n') ++i;
      } else if (c == '\'' || c == '"') {
        quote = c;
        triple = text.compare(i, 3, std::string(3, c)) == 0;
        if (triple) i += 2;
      } else if (c == '(' || c == '[' || c == '{') {
        ++depth;
      } else if (c == ')' || c == ']' || c == '}') {
        --depth;
      }
    }
    const size_t end = text.find_last_not_of(" \t\n");
    return depth > 0 || (quote && triple) || (end != std::string::npos && text[end] == '\\');
  };
  std::string block;
  bool in_block = false;
  int last = kOk;
  while (true) {
    std::optional<std::string> line = editor.ReadLine(block.empty() ? ">>> " : "... ");
    if (!line) break;
    if (!blank(*line)) editor.Remember(*line);
    if (block.empty() && blank(*line)) continue;
    if (in_block) {
      if (!blank(*line) || open(block)) {
        block += *line + "\n";
        continue;
      }
      last = run(block);
      block.clear();
      in_block = false;
      continue;
    }
    block += *line + "\n";
    if (open(block)) continue;
    const size_t end = block.find_last_not_of(" \t\n");
    if (block[end] == ':') {
      in_block = true;
      continue;
    }
    last = run(block);
    block.clear();
  }
  if (!block.empty()) last = run(block);
  return terminal ? kOk : last;
}

int Client::GradeCommand(const std::vector<std::string>& args) {
  if (args.size() != 2 || absl::GetFlag(FLAGS_tests).empty()) {
    return Usage("grade needs --tests=TESTS.py and one SUBMISSION.py");
  }
  auto read = [](const std::string& path, std::string* text) {
    std::ifstream file(path);
    if (!file) return false;
    std::stringstream contents;
    contents << file.rdbuf();
    *text = contents.str();
    return true;
  };
  heapsim::client::GradeInput input;
  input.submission_name = args[1];
  input.tests_name = absl::GetFlag(FLAGS_tests);
  input.profile = absl::GetFlag(FLAGS_profile);
  if (!read(input.submission_name, &input.submission)) {
    std::cerr << "heapctl: cannot read " << input.submission_name << "\n";
    return kUsageError;
  }
  if (!read(input.tests_name, &input.tests)) {
    std::cerr << "heapctl: cannot read " << input.tests_name << "\n";
    return kUsageError;
  }
  const v1::GradeResults results = heapsim::client::Grade(*stub_, input);
  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  options.preserve_proto_field_names = true;
  options.always_print_primitive_fields = true;
  (void)google::protobuf::util::MessageToJsonString(results, &json, options);
  const std::string path = absl::GetFlag(FLAGS_results);
  if (!path.empty()) {
    std::ofstream out(path, std::ios::trunc);
    out << json;
    if (!out) {
      std::cerr << "heapctl: cannot write " << path << "\n";
      return kUsageError;
    }
  }
  for (const v1::GradedTest& test : results.tests()) {
    std::cout << (test.status() == "passed" ? "PASS " : "FAIL ") << test.name() << "\n";
  }
  std::cout << results.outcome() << ": " << results.score() << " / " << results.max_score()
            << "\n";
  if (results.outcome() != "passed" && results.outcome() != "failed") {
    std::cerr << results.output();
  }
  return heapsim::client::GradeExitCode(results);
}

int Client::Run(const std::vector<std::string>& args) {
  const std::string& command = args[0];
  if (command == "health") return Health();
  if (command == "session") return SessionCommand(args);
  if (command == "alloc") return Alloc(args);
  if (command == "bind") return BindCommand(args);
  if (command == "mutate") return MutateCommand(args);
  if (command == "del") return DeleteCommand(args);
  if (command == "frame") return FrameCommand(args);
  if (command == "collect") return CollectCommand(args);
  if (command == "inspect") return InspectCommand(args);
  if (command == "stats") return StatsCommand();
  if (command == "check") return CheckCommand();
  if (command == "run") return RunFile(args);
  if (command == "shell") return Shell();
  if (command == "grade") return GradeCommand(args);
  return Usage(absl::StrCat("unknown command '", command, "'"));
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(kUsage);
  std::vector<char*> positional = absl::ParseCommandLine(argc, argv);
  std::vector<std::string> args(positional.begin() + 1, positional.end());
  if (args.empty()) return Usage("no command given");
  Client client;
  return client.Run(args);
}
