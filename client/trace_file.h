// A run's trace as a JSON file, for drawing it: the Exec event stream as
// protobuf's JSON mapping (lowerCamelCase fields, 64-bit integers as
// strings, zero values printed), one event per line:
//
//   {"format": "heapsim-trace/1", "file": "x.py", "profile": "3.12",  (profile:
//    "" for a run in the current session)
//    "events": [
//   {"step": {"index": "0", "line": 1, "frames": [...], "objects": [...]}},
//   {"heapEvent": {"kind": "ALLOC", "address": "...", "type": "list", ...}},
//   {"stdout": "88\n"},
//   ...
//   {"result": {"exitCode": 0, "error": "", "traceTruncated": false}}
//   ]}
//
// Events are written as they arrive, so a long run does not gather in
// memory.

#ifndef HEAPSIM_CLIENT_TRACE_FILE_H_
#define HEAPSIM_CLIENT_TRACE_FILE_H_

#include <fstream>
#include <string>

#include "absl/status/status.h"
#include "heapsim/v1/heapsim.pb.h"

namespace heapsim::client {

class TraceFile {
 public:
  // Creates `path` and writes the header naming the script and profile.
  // Unavailable when the file cannot be written.
  absl::Status Open(const std::string& path, const std::string& script,
                    const std::string& profile);
  // Appends one event.
  void Add(const v1::ExecEvent& event);
  // Ends the JSON document and closes the file; Unavailable if any write
  // failed.
  absl::Status Close();

 private:
  std::string path_;
  std::ofstream out_;
  bool first_ = true;
};

}  // namespace heapsim::client

#endif  // HEAPSIM_CLIENT_TRACE_FILE_H_
