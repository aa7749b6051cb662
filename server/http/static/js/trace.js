// A run's trace, built from Exec's event stream (ExecEvent messages in
// protobuf's JSON mapping): the steps, and what happened between them.
//
// Each step keeps the event's frames and objects, plus
//   events:   the heap events (ALLOC, FREE, BIND, MUTATE, COLLECT) since the
//             step before, the ones the statement before it caused;
//   stdout:   the program's output up to that moment;
//   reused:   blocks handed out again at an address freed earlier in the
//             run, so far, in total and by type;
//   garbage:  objects that stopped being reachable from any name without
//             being freed, in a reference cycle: only the GC can free them.
// 64-bit figures arrive as strings; num() reads them.

export function num(value) {
  return value === undefined ? 0 : Number(value);
}

// The addresses, among `candidates` (a Map of address to object), that lie
// on a reference cycle within them (iterative Tarjan over referents).
export function onCycles(candidates, edgesOf) {
  const index = new Map();
  const low = new Map();
  const onStack = new Set();
  const stack = [];
  const cyclic = new Set();
  let counter = 0;
  const enter = (node) => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    return { node, edges: edgesOf(candidates.get(node)).filter((a) => candidates.has(a)), next: 0 };
  };
  for (const root of candidates.keys()) {
    if (index.has(root)) continue;
    const work = [enter(root)];
    while (work.length) {
      const top = work[work.length - 1];
      if (top.next < top.edges.length) {
        const to = top.edges[top.next++];
        if (!index.has(to)) work.push(enter(to));
        else if (onStack.has(to)) low.set(top.node, Math.min(low.get(top.node), index.get(to)));
        continue;
      }
      work.pop();
      const node = top.node;
      if (work.length) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent), low.get(node)));
      }
      if (low.get(node) !== index.get(node)) continue;
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || top.edges.includes(node)) {
        for (const address of component) cyclic.add(address);
      }
    }
  }
  return cyclic;
}

// The addresses an object's drawing points to: its slots' keys and values.
export function slotEdges(object) {
  const edges = [];
  for (const slot of object.slots || []) {
    if (slot.key) edges.push(slot.key);
    if (slot.value) edges.push(slot.value);
  }
  return edges;
}

export class Trace {
  constructor(profile = '') {
    this.profile = profile;
    this.steps = [];
    this.stdout = '';
    this.result = null;
    this.finalStats = null;
    this.collections = [];  // {step, generation, collected}
    this.pendingEvents = [];
    this.freedAddresses = new Set();
    this.reusedCount = 0;
    this.reusedByType = {};
    this.garbage = new Map();  // address -> last known object
  }

  // Adds one ExecEvent message.
  add(event) {
    if (event.step) this.addStep(event.step);
    else if (event.heapEvent) this.addHeapEvent(event.heapEvent);
    else if (event.stdout !== undefined) this.stdout += event.stdout;
    else if (event.stats) this.finalStats = event.stats;
    else if (event.result) this.result = event.result;
  }

  addHeapEvent(heapEvent) {
    const kind = heapEvent.kind;
    const address = heapEvent.address;
    if (kind === 'ALLOC') {
      if (this.freedAddresses.has(address)) {
        this.freedAddresses.delete(address);
        this.reusedCount++;
        this.reusedByType[heapEvent.type] = (this.reusedByType[heapEvent.type] || 0) + 1;
      }
      this.garbage.delete(address);
    } else if (kind === 'FREE') {
      this.freedAddresses.add(address);
      this.garbage.delete(address);
    } else if (kind === 'COLLECT') {
      this.collections.push({ step: this.steps.length, generation: heapEvent.generation || 0,
                              collected: num(heapEvent.collected) });
    }
    this.pendingEvents.push(heapEvent);
  }

  addStep(step) {
    const objects = new Map();
    for (const object of step.objects || []) objects.set(object.address, object);
    const previous = this.steps[this.steps.length - 1];
    const events = this.pendingEvents;
    this.pendingEvents = [];
    if (previous) this.noteGarbage(previous, objects, events);
    for (const address of objects.keys()) this.garbage.delete(address);
    this.steps.push({
      index: num(step.index),
      line: step.line || 0,
      frames: step.frames || [],
      objects,
      objectsTruncated: !!step.objectsTruncated,
      stats: step.stats || null,
      events,
      stdout: this.stdout,
      reused: { count: this.reusedCount, byType: { ...this.reusedByType } },
      garbage: new Map(this.garbage),
    });
  }

  // Objects of `previous` no name reaches any more and nobody freed: those
  // on a cycle among themselves wait for the GC.
  noteGarbage(previous, objects, events) {
    const freed = new Set(events.filter((e) => e.kind === 'FREE').map((e) => e.address));
    const gone = new Map();
    for (const [address, object] of previous.objects) {
      if (!objects.has(address) && !freed.has(address) && object.gcTracked) gone.set(address, object);
    }
    if (gone.size === 0) return;
    const referents = (object) => object.referents || [];
    for (const address of onCycles(gone, referents)) this.garbage.set(address, gone.get(address));
  }
}
