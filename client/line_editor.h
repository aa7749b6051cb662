// LineEditor reads lines for heapctl's shell: on a terminal, with in-line
// editing (arrows, Home/End, Ctrl-A/E/K/U/W, Backspace/Delete) and a history
// (Up/Down) kept in a file between runs; elsewhere, plain lines.

#ifndef HEAPSIM_CLIENT_LINE_EDITOR_H_
#define HEAPSIM_CLIENT_LINE_EDITOR_H_

#include <optional>
#include <string>
#include <vector>

namespace heapsim::client {

class LineEditor {
 public:
  // `history_path` may be empty (no history file).
  explicit LineEditor(std::string history_path);
  ~LineEditor();
  LineEditor(const LineEditor&) = delete;
  LineEditor& operator=(const LineEditor&) = delete;

  // Shows `prompt` and reads one line; nullopt at end of input (Ctrl-D on
  // an empty line).
  std::optional<std::string> ReadLine(const std::string& prompt);

  // Adds a line to the history (and its file).
  void Remember(const std::string& line);

 private:
  std::optional<std::string> ReadEdited(const std::string& prompt);
  void Redraw(const std::string& prompt, const std::string& line, size_t cursor) const;

  const std::string history_path_;
  const bool terminal_;
  std::vector<std::string> history_;
};

}  // namespace heapsim::client

#endif  // HEAPSIM_CLIENT_LINE_EDITOR_H_
