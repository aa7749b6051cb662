// An OutputSink that keeps what a script prints, for tests.

#ifndef HEAPSIM_TESTS_SCRIPT_STRING_SINK_H_
#define HEAPSIM_TESTS_SCRIPT_STRING_SINK_H_

#include <string>
#include <string_view>

#include "server/script/runtime.h"

namespace heapsim::script {

class StringSink : public OutputSink {
 public:
  void Write(std::string_view text) override { text_.append(text.data(), text.size()); }
  // Everything written so far.
  const std::string& text() const { return text_; }

 private:
  std::string text_;
};

}  // namespace heapsim::script

#endif  // HEAPSIM_TESTS_SCRIPT_STRING_SINK_H_
