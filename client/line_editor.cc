#include "client/line_editor.h"

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>

namespace heapsim::client {

namespace {

constexpr size_t kHistoryLimit = 1000;

// Puts the terminal in raw mode for as long as it lives.
class RawMode {
 public:
  RawMode() {
    if (tcgetattr(STDIN_FILENO, &saved_) != 0) return;
    termios raw = saved_;
    raw.c_lflag &= static_cast<tcflag_t>(~(ECHO | ICANON | IEXTEN));
    raw.c_iflag &= static_cast<tcflag_t>(~(IXON | ICRNL));
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    active_ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw) == 0;
  }
  ~RawMode() {
    if (active_) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
  }
  bool active() const { return active_; }

 private:
  termios saved_{};
  bool active_ = false;
};

int ReadByte() {
  unsigned char c;
  return read(STDIN_FILENO, &c, 1) == 1 ? c : -1;
}

}  // namespace

LineEditor::LineEditor(std::string history_path)
    : history_path_(std::move(history_path)), terminal_(isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
  if (history_path_.empty()) return;
  std::ifstream file(history_path_);
  std::string line;
  while (std::getline(file, line)) {
    if (!line.empty()) history_.push_back(line);
  }
  if (history_.size() > kHistoryLimit) {
    history_.erase(history_.begin(), history_.end() - kHistoryLimit);
  }
}

LineEditor::~LineEditor() = default;

void LineEditor::Remember(const std::string& line) {
  if (line.empty() || (!history_.empty() && history_.back() == line)) return;
  history_.push_back(line);
  if (history_path_.empty()) return;
  std::ofstream file(history_path_, std::ios::app);
  file << line << "\n";
}

std::optional<std::string> LineEditor::ReadLine(const std::string& prompt) {
  if (terminal_) return ReadEdited(prompt);
  std::string line;
  if (!std::getline(std::cin, line)) return std::nullopt;
  return line;
}

void LineEditor::Redraw(const std::string& prompt, const std::string& line, size_t cursor) const {
  std::string out = "\r" + prompt + line + "\x1b[K\r";
  const size_t column = prompt.size() + cursor;
  if (column > 0) out += "\x1b[" + std::to_string(column) + "C";
  (void)!write(STDOUT_FILENO, out.data(), out.size());
}

std::optional<std::string> LineEditor::ReadEdited(const std::string& prompt) {
  RawMode raw;
  if (!raw.active()) {
    std::cout << prompt << std::flush;
    std::string line;
    if (!std::getline(std::cin, line)) return std::nullopt;
    return line;
  }
  std::string line;
  size_t cursor = 0;
  size_t recalled = history_.size();  // history_.size(): the line being typed
  std::string typed;
  Redraw(prompt, line, cursor);
  while (true) {
    const int c = ReadByte();
    if (c < 0) return std::nullopt;
    switch (c) {
      case '\r':
      case '\n':
        (void)!write(STDOUT_FILENO, "\r\n", 2);
        return line;
      case 4:  // Ctrl-D
        if (line.empty()) {
          (void)!write(STDOUT_FILENO, "\r\n", 2);
          return std::nullopt;
        }
        if (cursor < line.size()) line.erase(cursor, 1);
        break;
      case 3:  // Ctrl-C: drop the line
        (void)!write(STDOUT_FILENO, "^C\r\n", 4);
        line.clear();
        cursor = 0;
        break;
      case 127:
      case 8:  // Backspace
        if (cursor > 0) line.erase(--cursor, 1);
        break;
      case 1:  // Ctrl-A
        cursor = 0;
        break;
      case 5:  // Ctrl-E
        cursor = line.size();
        break;
      case 11:  // Ctrl-K
        line.erase(cursor);
        break;
      case 21:  // Ctrl-U
        line.erase(0, cursor);
        cursor = 0;
        break;
      case 23: {  // Ctrl-W: the word before the cursor
        size_t start = cursor;
        while (start > 0 && line[start - 1] == ' ') --start;
        while (start > 0 && line[start - 1] != ' ') --start;
        line.erase(start, cursor - start);
        cursor = start;
        break;
      }
      case 27: {  // escape sequences: arrows, Home, End, Delete
        const int a = ReadByte();
        const int b = ReadByte();
        if (a != '[' && a != 'O') break;
        if (b >= '0' && b <= '9') {
          const int tilde = ReadByte();
          if (tilde != '~') break;
          if (b == '3' && cursor < line.size()) line.erase(cursor, 1);
          if (b == '1' || b == '7') cursor = 0;
          if (b == '4' || b == '8') cursor = line.size();
          break;
        }
        if (b == 'D' && cursor > 0) --cursor;
        if (b == 'C' && cursor < line.size()) ++cursor;
        if (b == 'H') cursor = 0;
        if (b == 'F') cursor = line.size();
        if ((b == 'A' && recalled > 0) || (b == 'B' && recalled < history_.size())) {
          if (recalled == history_.size()) typed = line;
          recalled += b == 'A' ? -1 : 1;
          line = recalled == history_.size() ? typed : history_[recalled];
          cursor = line.size();
        }
        break;
      }
      default:
        if (c >= 32) line.insert(cursor++, 1, static_cast<char>(c));
        break;
    }
    Redraw(prompt, line, cursor);
  }
}

}  // namespace heapsim::client
