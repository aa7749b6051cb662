// How heapctl prints the server's answers for people: an object on one line,
// a change (result, touched, created and freed objects), the memory
// statistics; and any answer as JSON (protobuf's JSON mapping, field names
// as in the proto) for scripts.

#ifndef HEAPSIM_CLIENT_ANSWER_TEXT_H_
#define HEAPSIM_CLIENT_ANSWER_TEXT_H_

#include <string>

#include "google/protobuf/message.h"
#include "heapsim/v1/heapsim.pb.h"

namespace heapsim::client {

// Prints `message` as indented JSON on stdout.
void PrintJson(const google::protobuf::Message& message);

// "repr  type  id=... size=... refcount=..." (and "immortal").
std::string Brief(const heapsim::v1::ObjectInfo& info);

// Prints a change on stdout: its result, what else it touched, made and freed.
void PrintChange(const heapsim::v1::Change& change);

// Prints memory statistics on stdout, a few lines per area.
void PrintStats(const heapsim::v1::MemoryStats& stats);

}  // namespace heapsim::client

#endif  // HEAPSIM_CLIENT_ANSWER_TEXT_H_
