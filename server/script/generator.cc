#include "server/script/generator.h"

#include <utility>
#include <vector>

#include "server/heap/frames.h"
#include "server/heap/function_object.h"
#include "server/heap/iterator_object.h"
#include "server/heap/value_ops.h"
#include "server/script/generator_function.h"
#include "server/script/special_methods.h"
#include "server/script/specialised_compare.h"

namespace heapsim::script {

namespace {

// IteratorBody::held of a generator: the unit's slots, then one iterator
// per clause (kNoObject when that clause is not running), then a heap frame
// object (3.8 to 3.10), then the "started" marker as the last slot count.
struct Layout {
  size_t slots;
  size_t clauses;
  size_t frame() const { return slots + clauses; }
};

}  // namespace

Ref NewGeneratorExpression(Interpreter& interp, const Expr& expr, uint32_t program_index,
                           ObjectId function, Ref first_iterator) {
  Heap& heap = interp.heap();
  SessionState& session = interp.session();
  const std::shared_ptr<Program>& program = session.programs[program_index];
  const CodeUnit& unit = program->units[expr.unit];
  const auto site = static_cast<uint32_t>(session.generators.size());
  session.generators.push_back(GeneratorSite{program_index, &expr, expr.unit, nullptr});
  Ref frame;
  if (heap.profile().frames_on_heap) frame = NewFrameObject(heap, unit.code_object);
  // Empty cells for the variables its lambdas capture, made before the
  // generator (3.11+: MAKE_CELL runs before RETURN_GENERATOR).
  std::vector<Ref> cells;
  for (size_t i = 0; i < unit.cell_slots.size(); ++i) cells.push_back(NewCell(heap, kNoObject));
  // The frame's slots: the argument .0 (the outermost iterator, which
  // heapsim keeps outside slot_names), the other locals and free variables,
  // and the value stack.
  Ref generator = NewGenerator(
      heap, site, 1 + static_cast<uint32_t>(unit.slot_names.size()) + unit.stack_size,
      unit.code_object);
  IteratorBody& body = heap.iterator(generator.get());
  body.held.assign(unit.slot_names.size() + expr.clauses.size() + 1, kNoObject);
  for (size_t i = 0; i < cells.size(); ++i) body.held[unit.cell_slots[i]] = cells[i].release();
  // The closure's cells go in their slots now.
  if (function != kNoObject) {
    const ObjectId closure = heap.function(function).closure;
    for (size_t i = 0; i < unit.free_slots.size(); ++i) {
      const ObjectId cell = heap.tuple(closure).items[i];
      heap.IncRef(cell);
      heap.iterator(generator.get()).held[unit.free_slots[i]] = cell;
    }
  }
  heap.iterator(generator.get()).held[unit.slot_names.size()] = first_iterator.release();
  heap.iterator(generator.get()).held[unit.slot_names.size() + expr.clauses.size()] =
      frame.release();
  // An embedded frame (3.11+) holds its function until the generator ends.
  if (heap.profile().generator_embeds_frame && function != kNoObject) {
    heap.IncRef(function);
    heap.iterator(generator.get()).held.push_back(function);
  }
  heap.iterator(generator.get()).index = 0;  // innermost running clause
  heap.iterator(generator.get()).end = 0;    // 1 once exhausted
  return generator;
}

Ref GeneratorNext(Interpreter& interp, ObjectId generator) {
  Heap& heap = interp.heap();
  if (heap.iterator(generator).end != 0) return Ref();
  const GeneratorSite site = interp.session().generators[heap.iterator(generator).generator];
  if (site.expr == nullptr) return GeneratorFunctions::Resume(interp, generator);
  const std::shared_ptr<Program> program = interp.session().programs[site.program];
  const Expr& expr = *site.expr;
  const CodeUnit& unit = program->units[expr.unit];
  const Layout layout{unit.slot_names.size(), expr.clauses.size()};
  heap.iterator(generator).started = true;
  Ref keep = heap.NewRef(generator);

  // Resume: the frame's slots come out of the generator.
  PushCallFrame(heap, unit.name, kNoObject, kNoObject, unit.slot_names);
  const size_t frame = heap.frames().depth() - 1;
  for (size_t i = 0; i < layout.slots; ++i) {
    heap.frames().at(frame).slots[i] = std::exchange(heap.iterator(generator).held[i], kNoObject);
  }
  const Interpreter::Context saved = interp.context_;
  interp.context_.program = program.get();
  interp.context_.unit = &unit;
  interp.context_.frame = frame;
  interp.context_.class_namespace = kNoObject;
  interp.context_.program_index = site.program;
  CountWarmup(unit);  // RESUME
  interp.context_.line = static_cast<uint32_t>(site.expr->position.line);
  interp.context_.line_known = !site.expr->line_ambiguous;
  CountCodeEvaluation(heap, unit.code_object);
  interp.context_.caller = &saved;

  Ref result;
  bool failed = false;
  auto level = static_cast<size_t>(heap.iterator(generator).index);
  while (true) {
    const ObjectId iterator = heap.iterator(generator).held[layout.slots + level];
    Ref item = interp.Next(iterator);
    if (!item) {
      if (interp.has_error()) {
        failed = true;
        break;
      }
      if (level == 0) break;  // exhausted
      heap.DecRef(std::exchange(heap.iterator(generator).held[layout.slots + level], kNoObject));
      --level;
      continue;
    }
    CountWarmup(unit);  // at most one event per iteration (its jump back)
    const ComprehensionClause& clause = expr.clauses[level];
    if (!interp.Assign(*clause.target, std::move(item))) {
      failed = true;
      break;
    }
    bool pass = true;
    for (const ExprPtr& condition : clause.conditions) {
      Ref test = interp.Eval(*condition);
      if (!test) {
        failed = true;
        break;
      }
      const int truth = TruthOf(interp, test.get());
      if (truth < 0) {
        failed = true;
        break;
      }
      if (truth == 0) {
        pass = false;
        break;
      }
    }
    if (failed) break;
    if (!pass) continue;
    if (level + 1 == layout.clauses) {
      result = interp.Eval(*expr.operands[0]);
      if (!result) failed = true;
      break;
    }
    Ref iterable = interp.Eval(*expr.clauses[level + 1].iterable);
    if (!iterable) {
      failed = true;
      break;
    }
    Ref inner = interp.GetIter(iterable.get());
    if (!inner) {
      failed = true;
      break;
    }
    ++level;
    heap.iterator(generator).held[layout.slots + level] = inner.release();
  }

  // Suspend: the slots go back into the generator (or are dropped if done).
  interp.context_ = saved;
  const bool done = !result;
  for (size_t i = 0; i < layout.slots; ++i) {
    ObjectId& slot = heap.frames().at(frame).slots[i];
    if (!done) heap.iterator(generator).held[i] = std::exchange(slot, kNoObject);
  }
  if (!result) interp.NoteFrameLeftUnkept();
  PopCallFrame(heap);
  heap.iterator(generator).index = static_cast<int64_t>(level);
  if (done) {
    // An exhausted (or failed) generator lets go of its frame.
    heap.iterator(generator).end = 1;
    std::vector<ObjectId> held = std::move(heap.iterator(generator).held);
    heap.iterator(generator).held.clear();
    for (ObjectId ref : held) {
      if (ref != kNoObject) heap.DecRef(ref);
    }
  }
  (void)failed;
  return result;
}

bool GeneratorForEach(Interpreter& interp, ObjectId generator,
                      const std::function<bool(Ref)>& body) {
  while (true) {
    Ref item = GeneratorNext(interp, generator);
    if (!item) return !interp.has_error();
    if (!body(std::move(item))) return !interp.has_error();
  }
}

}  // namespace heapsim::script
