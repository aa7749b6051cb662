// OperationDecoder turns a fuzzer's bytes into heapsim.v1 requests: mostly
// well-formed operations on a few names, addresses the session has shown
// and methods the types have, with malformed ones mixed in (unknown
// methods, bad integers, stray addresses, arbitrary literal text), so that
// random sequences reach deep into the structured operations.

#ifndef HEAPSIM_TESTS_FUZZ_OPERATION_DECODER_H_
#define HEAPSIM_TESTS_FUZZ_OPERATION_DECODER_H_

#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <vector>

#include "heapsim/v1/heapsim.pb.h"

namespace heapsim::fuzz {

class OperationDecoder {
 public:
  explicit OperationDecoder(FuzzedDataProvider& input) : input_(input) {}

  // One operation of a batch (any kind Operation can hold).
  v1::Operation NextOperation();
  // An Inspect request: one object or the whole session.
  v1::InspectRequest NextInspect();

  // Addresses seen in a change; later values may refer to them.
  void Remember(const v1::Change& change);

 private:
  void FillValue(int depth, v1::Value* value);
  void FillItems(int depth, v1::Values* values);
  std::string Name();
  uint64_t Address();

  FuzzedDataProvider& input_;
  std::vector<uint64_t> addresses_;
};

}  // namespace heapsim::fuzz

#endif  // HEAPSIM_TESTS_FUZZ_OPERATION_DECODER_H_
