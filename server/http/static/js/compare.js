// Compare: the same program's trace under two profiles. Objects are matched
// by how the program reaches them (a name, then indexes, keys and
// attributes), since their ids differ; the facts that differ (sizes,
// refcounts, blocks reused, objects collected, output lines) are listed and
// marked in both pictures.

import { isDunder } from './layout.js';
import { num } from './trace.js';

const MAX_DEPTH = 4;
const MAX_PATHS = 2000;

// path -> address, for the objects the names reach within MAX_DEPTH.
function paths(step) {
  const found = new Map();
  const walk = (address, path, depth) => {
    if (found.size >= MAX_PATHS || !address || found.has(path)) return;
    const object = step.objects.get(address);
    if (!object) return;
    found.set(path, address);
    if (depth >= MAX_DEPTH) return;
    (object.slots || []).forEach((slot, i) => {
      let part;
      if (slot.name) part = `.${slot.name}`;
      else if (slot.key) {
        const key = step.objects.get(slot.key);
        part = `[${key ? key.repr : '?'}]`;
      } else part = `[${i}]`;
      walk(slot.value, path + part, depth + 1);
    });
  };
  step.frames.forEach((frame) => {
    const module = !frame.index;
    const prefix = module ? '' : `${frame.function}#${frame.index}:`;
    for (const binding of frame.bindings || []) {
      if (module && isDunder(binding.name)) continue;
      walk(binding.address, prefix + binding.name, 0);
    }
  });
  return found;
}

const FIELDS = [['size', 'sys.getsizeof'], ['refcount', 'refcount'], ['type', 'type']];

// A refcount as the comparison shows it: immortal objects, and start-up
// objects before 3.12 (whose CPython count depends on the whole interpreter),
// by what they are rather than a number.
function countShown(object, value) {
  if (object.immortal) return 'immortal';
  return object.startupRefcount ? 'start-up object' : value;
}

// The differences between step `a` of trace A and step `b` of trace B:
// {rows: [{what, fact, a, b}], marksA, marksB: Map address -> Set of fields,
// stdoutA, stdoutB: [{text, differs}]}.
export function compareSteps(a, b) {
  const rows = [];
  const marksA = new Map();
  const marksB = new Map();
  const mark = (marks, address, field) => {
    if (!marks.has(address)) marks.set(address, new Set());
    marks.get(address).add(field);
  };
  const pathsA = paths(a);
  const pathsB = paths(b);
  for (const [path, addressA] of pathsA) {
    const addressB = pathsB.get(path);
    if (!addressB) continue;
    const objectA = a.objects.get(addressA);
    const objectB = b.objects.get(addressB);
    for (const [field, label] of FIELDS) {
      const valueA = field === 'type' ? objectA.type : num(objectA[field]);
      const valueB = field === 'type' ? objectB.type : num(objectB[field]);
      const shownA = field === 'refcount' ? countShown(objectA, valueA) : valueA;
      const shownB = field === 'refcount' ? countShown(objectB, valueB) : valueB;
      if (shownA === shownB) continue;
      rows.push({ what: path, fact: label, a: shownA, b: shownB });
      mark(marksA, addressA, field);
      mark(marksB, addressB, field);
    }
  }
  const facts = [
    ['blocks reused so far', a.reused.count, b.reused.count],
    ['objects collected by the GC', collected(a), collected(b)],
    ['footprint', a.stats ? num(a.stats.footprint) : '', b.stats ? num(b.stats.footprint) : ''],
    ['live objects', a.stats ? num(a.stats.liveObjects) : '', b.stats ? num(b.stats.liveObjects) : ''],
  ];
  for (const [fact, valueA, valueB] of facts) {
    if (valueA !== valueB) rows.push({ what: '(run)', fact, a: valueA, b: valueB });
  }
  const linesA = a.stdout.split('\n');
  const linesB = b.stdout.split('\n');
  const stdoutA = linesA.map((text, i) => ({ text, differs: text !== linesB[i] }));
  const stdoutB = linesB.map((text, i) => ({ text, differs: text !== linesA[i] }));
  linesA.forEach((text, i) => {
    if (text !== linesB[i] && (text || linesB[i])) {
      rows.push({ what: `output line ${i + 1}`, fact: 'printed', a: text, b: linesB[i] ?? '' });
    }
  });
  return { rows, marksA, marksB, stdoutA, stdoutB };
}

function collected(step) {
  if (!step.stats) return '';
  return (step.stats.gcCollected || []).reduce((sum, v) => sum + num(v), 0);
}
