// The instruction listings code_size.cc writes for CPython 3.8 to 3.10's
// compilers, and the optimisations those versions make before the code's
// length is final: the peephole optimiser (3.8, 3.9) and the control-flow
// optimiser (3.10). Internal to code_size.cc.

#ifndef HEAPSIM_SERVER_SCRIPT_BYTECODE_OPTIMISER_H_
#define HEAPSIM_SERVER_SCRIPT_BYTECODE_OPTIMISER_H_

#include <cstdint>
#include <vector>

#include "server/heap/profile.h"
#include "server/script/code_size.h"

namespace heapsim::script {

// One instruction of the compiler's output, or a label between them.
enum class Op : uint8_t {
  kPlain,     // falls through to the next
  kCondJump,  // may jump to `label` (POP_JUMP_IF_*, FOR_ITER, JUMP_IF_*_OR_POP)
  kJump,      // JUMP_ABSOLUTE / JUMP_FORWARD to `label`
  kReturn,    // RETURN_VALUE
  kRaise,     // RAISE_VARARGS
  kLabel,     // where jumps to `label` land
};

struct Instr {
  Op op = Op::kPlain;
  bool site = false;  // an instruction the opcache caches
  bool nop = false;   // a NOP kept for its line (3.10)
  uint32_t label = 0;
  int line = -1;  // -1: none (an artificial instruction)
  // A jump or exit: when the compiler made the block that follows it (in
  // the order of NewLabel), as CPython orders its blocks newest first.
  uint32_t next_block = 0;
};

// Appends the implicit `return None` (without a line number) unless the
// code since the last label returns.
void AddImplicitReturn(std::vector<Instr>& code);

// The length of `code` and its cached instructions once the optimiser of
// the compiler `rules` describe has run.
CodeSize OptimisedSize(const std::vector<Instr>& code, const BytecodeRules& rules);

}  // namespace heapsim::script

#endif  // HEAPSIM_SERVER_SCRIPT_BYTECODE_OPTIMISER_H_
