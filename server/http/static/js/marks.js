// What changed between two pictures of a heap: objects created, changed or
// freed since the step before, and objects on reference cycles.

import { onCycles, slotEdges } from './trace.js';

function sameFigures(a, b) {
  if (a.type !== b.type || a.size !== b.size || a.refcount !== b.refcount ||
      a.repr !== b.repr) return false;
  const slotsA = a.slots || [];
  const slotsB = b.slots || [];
  if (slotsA.length !== slotsB.length) return false;
  return slotsA.every((s, i) => s.key === slotsB[i].key && s.value === slotsB[i].value &&
                                s.name === slotsB[i].name);
}

// Marks for `step` against `previous` (null for the first picture):
// created (allocated since, or not there before), changed (other figures or
// contents, or mutated), freed (objects of `previous` freed since, from the
// FREE events when the step has events), cyclic (on a cycle of the drawn
// references: once unreachable, only the GC can free them).
export function marksFor(step, previous) {
  const created = new Set();
  const changed = new Set();
  const freed = [];
  const allocated = new Set();
  const mutated = new Set();
  for (const event of step.events || []) {
    if (event.kind === 'ALLOC') allocated.add(event.address);
    else if (event.kind === 'MUTATE') mutated.add(event.address);
    else if (event.kind === 'FREE') {
      allocated.delete(event.address);
      freed.push({ address: event.address, type: event.type,
                   known: previous ? previous.objects.get(event.address) : undefined });
    }
  }
  if (previous) {
    for (const [address, object] of step.objects) {
      const before = previous.objects.get(address);
      if (allocated.has(address) || (!before && !step.events)) created.add(address);
      else if (!before) continue;
      else if (mutated.has(address) || !sameFigures(before, object)) changed.add(address);
    }
    if (!step.events) {
      for (const [address, object] of previous.objects) {
        if (!step.objects.has(address)) freed.push({ address, type: object.type, known: object });
      }
    }
  }
  const cyclic = onCycles(step.objects, slotEdges);
  return { created, changed, freed, cyclic };
}

// Totals for a status line.
export function describeMarks(marks) {
  return `${marks.created.size} new, ${marks.changed.size} changed, ${marks.freed.length} freed`;
}

