#include "server/script/bytecode_optimiser.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"

namespace heapsim::script {

namespace {

bool EndsBlock(Op op) { return op != Op::kPlain && op != Op::kLabel; }
bool FallsThrough(Op op) { return op == Op::kPlain || op == Op::kCondJump; }

// 3.8 and 3.9: the peephole optimiser drops the code after a RETURN_VALUE
// up to the next jump target; nothing else changes the count.
CodeSize PeepholeSize(const std::vector<Instr>& code) {
  absl::flat_hash_set<uint32_t> targets;
  for (const Instr& instr : code) {
    if (instr.op == Op::kJump || instr.op == Op::kCondJump) targets.insert(instr.label);
  }
  CodeSize size;
  bool dead = false;
  for (const Instr& instr : code) {
    if (instr.op == Op::kLabel) {
      if (targets.contains(instr.label)) dead = false;
      continue;
    }
    if (dead) continue;
    ++size.code_units;
    if (instr.site) ++size.cached_sites;
    if (instr.op == Op::kReturn) dead = true;
  }
  return size;
}

// 3.10's control-flow optimiser over basic blocks.
class ControlFlow {
 public:
  explicit ControlFlow(const std::vector<Instr>& code) {
    blocks_.push_back({.instrs = {}, .created = 0});
    for (const Instr& instr : code) {
      if (instr.op == Op::kLabel) {
        if (!blocks_.back().instrs.empty()) blocks_.push_back({.instrs = {}, .created = instr.label});
        blocks_.back().created = instr.label;
        label_block_[instr.label] = blocks_.size() - 1;
        continue;
      }
      blocks_.back().instrs.push_back(instr);
      if (EndsBlock(instr.op)) blocks_.push_back({.instrs = {}, .created = instr.next_block});
    }
    // The order in which CPython walks its blocks: newest first.
    for (size_t b = 0; b < blocks_.size(); ++b) newest_first_.push_back(b);
    std::sort(newest_first_.begin(), newest_first_.end(),
              [this](size_t a, size_t b) { return blocks_[a].created > blocks_[b].created; });
  }

  CodeSize Size() {
    // Jumps to short return blocks are copied once as the code is
    // assembled, and again after the first clean-up of NOPs.
    ExtendJumpsToExits();
    for (size_t b = 0; b < blocks_.size(); ++b) RemoveNops(b, -1);
    ExtendJumpsToExits();
    MarkReachable();
    int previous_line = -1;
    for (size_t b = 0; b < blocks_.size(); ++b) {
      if (!Live(b)) continue;
      RemoveNops(b, previous_line);
      const std::vector<Instr>& instrs = blocks_[b].instrs;
      previous_line = !instrs.empty() && FallsThrough(instrs.back().op) ? instrs.back().line : -1;
    }
    // A jump to the block that follows anyway becomes a NOP.
    for (size_t b = 0; b < blocks_.size(); ++b) {
      if (!Live(b) || blocks_[b].instrs.back().op != Op::kJump) continue;
      Instr& jump = blocks_[b].instrs.back();
      if (Target(jump.label) != NextLive(b)) continue;
      jump.op = Op::kPlain;
      jump.nop = true;
      RemoveNops(b, -1);
    }
    CodeSize size;
    for (size_t b = 0; b < blocks_.size(); ++b) {
      if (Live(b)) Add(size, b);
    }
    // The implicit return (no line number) is copied for each jump to it
    // while more than one path reaches it.
    for (size_t b : newest_first_) {
      if (!Live(b)) continue;
      const Instr& last = blocks_[b].instrs.back();
      if (last.op != Op::kJump && last.op != Op::kCondJump) continue;
      const size_t t = Target(last.label);
      if (!IsExit(t) || !WithoutLines(t) || blocks_[t].predecessors <= 1) continue;
      --blocks_[t].predecessors;
      Add(size, t);
    }
    return size;
  }

 private:
  struct BasicBlock {
    std::vector<Instr> instrs;
    uint32_t created = 0;
    uint32_t predecessors = 0;
    bool reachable = false;
  };

  void Add(CodeSize& size, size_t b) const {
    for (const Instr& instr : blocks_[b].instrs) {
      ++size.code_units;
      if (instr.site) ++size.cached_sites;
    }
  }

  // The first block at or after label's with instructions.
  size_t Target(uint32_t label) const {
    size_t b = label_block_.at(label);
    while (b < blocks_.size() && blocks_[b].instrs.empty()) ++b;
    return b;
  }
  bool Live(size_t b) const { return blocks_[b].reachable && !blocks_[b].instrs.empty(); }
  size_t NextLive(size_t b) const {
    for (++b; b < blocks_.size(); ++b) {
      if (Live(b)) return b;
    }
    return b;
  }
  size_t NextNonEmpty(size_t b) const {
    for (++b; b < blocks_.size(); ++b) {
      if (!blocks_[b].instrs.empty()) return b;
    }
    return b;
  }
  bool IsExit(size_t b) const {
    if (b >= blocks_.size() || blocks_[b].instrs.empty()) return false;
    const Op last = blocks_[b].instrs.back().op;
    return last == Op::kReturn || last == Op::kRaise;
  }
  bool WithoutLines(size_t b) const {
    for (const Instr& instr : blocks_[b].instrs) {
      if (instr.line >= 0) return false;
    }
    return true;
  }

  // A jump to a return block of at most four instructions becomes a NOP
  // (keeping the jump's line) and a copy of that block.
  void ExtendJumpsToExits() {
    for (size_t b : newest_first_) {
      BasicBlock& block = blocks_[b];
      if (block.instrs.empty() || block.instrs.back().op != Op::kJump) continue;
      const size_t t = Target(block.instrs.back().label);
      if (!IsExit(t) || blocks_[t].instrs.size() > 4) continue;
      const std::vector<Instr> copy = blocks_[t].instrs;
      block.instrs.back().op = Op::kPlain;
      block.instrs.back().nop = true;
      block.instrs.insert(block.instrs.end(), copy.begin(), copy.end());
    }
  }

  void MarkReachable() {
    std::vector<size_t> work;
    const auto reach = [&](size_t b) {
      if (b >= blocks_.size()) return;
      ++blocks_[b].predecessors;
      if (!blocks_[b].reachable) {
        blocks_[b].reachable = true;
        work.push_back(b);
      }
    };
    const size_t entry = blocks_[0].instrs.empty() ? NextNonEmpty(0) : 0;
    if (entry == blocks_.size()) return;
    blocks_[entry].reachable = true;
    work.push_back(entry);
    while (!work.empty()) {
      const size_t b = work.back();
      work.pop_back();
      const Instr& last = blocks_[b].instrs.back();
      if (last.op == Op::kJump || last.op == Op::kCondJump) reach(Target(last.label));
      if (FallsThrough(last.op)) reach(NextNonEmpty(b));
    }
  }

  // Block b's NOPs go unless their line is needed: a NOP without a line
  // goes, as does one whose line the instruction before it (in the block,
  // else `previous_line`) or after it (in the block, else the next block's
  // first) has, or one followed by an instruction without a line.
  void RemoveNops(size_t b, int previous_line) {
    std::vector<Instr>& instrs = blocks_[b].instrs;
    std::vector<Instr> kept;
    for (size_t i = 0; i < instrs.size(); ++i) {
      const Instr& instr = instrs[i];
      if (instr.nop) {
        const int line = instr.line;
        bool drop = line < 0 || line == previous_line;
        if (!drop && i + 1 < instrs.size()) {
          drop = instrs[i + 1].line < 0 || instrs[i + 1].line == line;
        } else if (!drop) {
          const size_t next = NextNonEmpty(b);
          drop = next < blocks_.size() && blocks_[next].instrs.front().line == line;
        }
        if (drop) continue;
      }
      kept.push_back(instr);
      previous_line = instr.line;
    }
    instrs = std::move(kept);
  }

  std::vector<BasicBlock> blocks_;
  std::vector<size_t> newest_first_;
  absl::flat_hash_map<uint32_t, size_t> label_block_;
};

}  // namespace

// Appends the implicit `return None` unless the code since the last label
// returns.
void AddImplicitReturn(std::vector<Instr>& code) {
  for (auto it = code.rbegin(); it != code.rend() && it->op != Op::kLabel; ++it) {
    if (it->op == Op::kReturn) return;
  }
  code.push_back({.line = -1});
  code.push_back({.op = Op::kReturn, .line = -1});
}

CodeSize OptimisedSize(const std::vector<Instr>& code, const BytecodeRules& rules) {
  return rules.cfg_optimiser ? ControlFlow(code).Size() : PeepholeSize(code);
}

}  // namespace heapsim::script
