// Grading: runs a submission and then each test function of a test file in
// one fresh session, and reports Gradescope-style results. Tests run in the
// session the submission left, so they can look at its heap (`is`, `id`,
// sys.getrefcount, sys.getsizeof, gc.collect()); each test's failure is
// its own.

#ifndef HEAPSIM_CLIENT_GRADE_H_
#define HEAPSIM_CLIENT_GRADE_H_

#include <string>
#include <vector>

#include "heapsim/v1/grading.pb.h"
#include "heapsim/v1/heapsim.grpc.pb.h"

namespace heapsim::client {

struct GradeInput {
  std::string submission_name;
  std::string submission;
  std::string tests_name;
  std::string tests;
  std::string profile;
};

// The `def test_*():` functions of a test file, in file order.
std::vector<std::string> TestNames(const std::string& tests_source);

// Grades `input` on the server behind `stub`. Never fails: a server that
// cannot be reached gives outcome "unreachable".
v1::GradeResults Grade(v1::HeapService::Stub& stub, const GradeInput& input);

// The process exit code for a results document: 0 all passed, 1 a test
// failed (or the submission raised), 2 refused, 3 unreachable or a limit.
int GradeExitCode(const v1::GradeResults& results);

}  // namespace heapsim::client

#endif  // HEAPSIM_CLIENT_GRADE_H_
