#include "client/grade.h"

#include <regex>
#include <sstream>

#include "absl/strings/str_cat.h"

namespace heapsim::client {

namespace {

// How one Exec ended.
struct RunResult {
  bool reached = true;  // false: the server could not be reached
  int exit_code = 0;
  std::string output;   // stdout, then the error line
  std::string error;
};

RunResult Run(v1::HeapService::Stub& stub, const std::string& name, const std::string& token,
              const std::string& source, const std::string& filename) {
  grpc::ClientContext context;
  context.AddMetadata("x-heapsim-session", name);
  context.AddMetadata("x-heapsim-token", token);
  v1::ExecRequest request;
  request.set_source(source);
  request.set_filename(filename);
  auto reader = stub.Exec(&context, request);
  v1::ExecEvent event;
  RunResult result;
  while (reader->Read(&event)) {
    if (event.event_case() == v1::ExecEvent::kStdout) result.output += event.stdout();
    if (event.has_result()) {
      result.exit_code = event.result().exit_code();
      result.error = event.result().error();
    }
  }
  const grpc::Status status = reader->Finish();
  if (!status.ok()) {
    result.reached = false;
    result.error = status.error_message();
    return result;
  }
  if (!result.error.empty()) absl::StrAppend(&result.output, result.error, "\n");
  return result;
}

}  // namespace

std::vector<std::string> TestNames(const std::string& tests_source) {
  static const std::regex kTest(R"(^def (test_[A-Za-z0-9_]*)\s*\(\s*\)\s*:)");
  std::vector<std::string> names;
  std::istringstream lines(tests_source);
  std::string line;
  std::smatch match;
  while (std::getline(lines, line)) {
    if (std::regex_search(line, match, kTest)) names.push_back(match[1]);
  }
  return names;
}

v1::GradeResults Grade(v1::HeapService::Stub& stub, const GradeInput& input) {
  v1::GradeResults results;
  const std::vector<std::string> names = TestNames(input.tests);
  results.set_max_score(static_cast<double>(names.size()));
  auto fail_all = [&](const std::string& outcome, const std::string& output) {
    results.set_outcome(outcome);
    results.set_output(output);
    for (const std::string& name : names) {
      v1::GradedTest* test = results.add_tests();
      test->set_name(name);
      test->set_max_score(1);
      test->set_status("failed");
      test->set_output(output);
    }
    return results;
  };

  v1::CreateSessionRequest create;
  create.set_profile(input.profile);
  v1::CreateSessionResponse session;
  {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
    const grpc::Status status = stub.CreateSession(&context, create, &session);
    if (!status.ok()) {
      const bool unreachable = status.error_code() == grpc::StatusCode::UNAVAILABLE ||
                               status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED;
      return fail_all(unreachable ? "unreachable" : "refused",
                      absl::StrCat("heapd: ", status.error_message(), "\n"));
    }
  }
  const std::string& name = session.session().name();
  const std::string& token = session.token();

  auto classify = [&](const RunResult& run, const std::string& what) -> bool {
    if (!run.reached) {
      fail_all("unreachable", absl::StrCat("heapd: ", run.error, "\n"));
      return false;
    }
    if (run.exit_code == 2) {
      fail_all("refused", run.output);
      return false;
    }
    if (run.exit_code == 3) {
      fail_all("limit", absl::StrCat(what, " was stopped by a limit: ", run.output));
      return false;
    }
    if (run.exit_code == 1) {
      fail_all("submission_error", absl::StrCat(what, " raised an error:\n", run.output));
      return false;
    }
    return true;
  };

  bool ok = classify(Run(stub, name, token, input.submission, input.submission_name), "the submission");
  if (ok) ok = classify(Run(stub, name, token, input.tests, input.tests_name), "the test file");
  if (ok) {
    double score = 0;
    bool limit = false;
    for (const std::string& test : names) {
      const RunResult run = Run(stub, name, token, absl::StrCat(test, "()\n"), "<grader>");
      if (!run.reached) {
        results.clear_tests();
        fail_all("unreachable", absl::StrCat("heapd: ", run.error, "\n"));
        ok = false;
        break;
      }
      v1::GradedTest* graded = results.add_tests();
      graded->set_name(test);
      graded->set_max_score(1);
      graded->set_output(run.output);
      const bool passed = run.exit_code == 0;
      limit |= run.exit_code == 3;
      graded->set_status(passed ? "passed" : "failed");
      graded->set_score(passed ? 1 : 0);
      score += passed ? 1 : 0;
    }
    if (ok) {
      results.set_score(score);
      results.set_outcome(limit ? "limit" : score == results.max_score() ? "passed" : "failed");
    }
  }
  grpc::ClientContext context;
  context.AddMetadata("x-heapsim-token", token);
  v1::DeleteSessionRequest del;
  del.set_name(name);
  v1::DeleteSessionResponse deleted;
  (void)stub.DeleteSession(&context, del, &deleted);
  return results;
}

int GradeExitCode(const v1::GradeResults& results) {
  const std::string& outcome = results.outcome();
  if (outcome == "passed") return 0;
  if (outcome == "failed" || outcome == "submission_error") return 1;
  if (outcome == "refused") return 2;
  return 3;
}

}  // namespace heapsim::client
