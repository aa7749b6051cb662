// Where everything of one heap picture goes, as Python Tutor lays it out:
// frames in a column on the left (globals first, then each call), objects
// in the heap area to their right, each object's referents in the column
// after it, in the order of the names and slots that reach them. Pure and
// deterministic: the same step and options give the same layout.
//
// Text is measured by character count (a monospace font), never by the
// DOM, so a layout costs no reflow.

import { num } from './trace.js';

export const CHAR = 7.2;        // width of a character at 12px monospace
const HEADER = 32;              // an object's two header lines
const CELL_H = 24;
export const SEQ_H = 36;        // a row of list cells with their indexes above
export const SET_H = 30;        // a row of set cells
export const ROW_CELLS = 16;    // cells in a row before the next row
const GAP_X = 56;
const GAP_Y = 18;
const PAD = 8;

// Types drawn as one value.
const SCALARS = new Set(['int', 'float', 'complex', 'str', 'bytes', 'bool', 'NoneType',
                         'bytearray', 'range', 'ellipsis', 'NotImplementedType']);

// The module's own names (__name__, __builtins__, ...), which the picture
// leaves out as Python Tutor does.
export function isDunder(name) {
  return name.startsWith('__') && name.endsWith('__');
}

function textWidth(text) {
  return text.length * CHAR;
}

// A short text for a value drawn inline.
export function shortRepr(object, limit = 18) {
  const repr = object.repr || '';
  return repr.length > limit ? repr.slice(0, limit - 1) + '…' : repr;
}

function kindOf(object) {
  const type = object.type;
  if (type === 'list' || type === 'tuple') return 'seq';
  if (type === 'set' || type === 'frozenset') return 'set';
  if (type === 'dict') return 'map';
  if ((object.slots || []).some((s) => s.name)) return 'map';
  if (SCALARS.has(type)) return 'scalar';
  return 'other';
}

export function headerLines(object) {
  const refs = object.immortal ? 'immortal' : object.startupRefcount ? 'start-up refcount' : `refcount ${num(object.refcount)}`;
  return [`${object.type}  ${num(object.size)} B  ${refs}`, `id ${object.address}`];
}

// Lays out `step` ({frames, objects: Map}). options: inline (draw shared
// objects as values in the cells that refer to them), maxItems (cells a
// container shows before collapsing the rest).
export function layoutStep(step, { inline = true, maxItems = 8 } = {}) {
  const objects = step.objects;
  const drawnInline = (address) => {
    const target = objects.get(address);
    return inline && target && target.shared;
  };
  // A cell: {text} drawn as a value, or {ref} an arrow's start.
  const cellFor = (address) => {
    if (!address) return { text: '' };
    const target = objects.get(address);
    if (!target) return { text: '?', missing: true };
    if (drawnInline(address)) return { text: shortRepr(target), inline: address };
    return { ref: address };
  };

  // Frames.
  const frames = [];
  let frameY = PAD;
  let nameWidth = 0;    // the longest name of any frame
  let valueWidth = 46;  // the value cells of every frame
  for (const frame of step.frames) {
    const module = !frame.index;
    const rows = (frame.bindings || [])
      .filter((b) => !(module && isDunder(b.name)))
      .map((b) => ({ name: b.name, cell: cellFor(b.address) }));
    for (const row of rows) {
      valueWidth = Math.max(valueWidth, Math.min(150, textWidth(row.cell.text || '') + 12));
      nameWidth = Math.max(nameWidth, textWidth(row.name));
    }
    const height = 26 + rows.length * CELL_H + 6;
    frames.push({ title: module ? 'Global frame' : frame.function || 'frame',
                  y: frameY, height, rows });
    frameY += height + GAP_Y;
  }
  const frameWidth = Math.min(Math.max(150, nameWidth + 30 + valueWidth), 320);
  for (const frame of frames) {
    frame.x = PAD;
    frame.width = frameWidth;
    frame.valueWidth = valueWidth;
  }

  // Boxes, placed depth-first from the names.
  const boxes = new Map();
  const columns = [];  // per column: its boxes
  const makeBox = (address) => {
    const object = objects.get(address);
    const kind = kindOf(object);
    const slots = object.slots || [];
    const shown = slots.slice(0, maxItems);
    const hidden = Math.max(slots.length, num(object.slotCount)) - shown.length;
    const box = { address, object, kind, hidden, cells: [], rows: [] };
    const header = headerLines(object);
    let width = Math.max(...header.map(textWidth)) + 2 * PAD;
    let height = HEADER;
    if (kind === 'seq' || kind === 'set') {
      box.cells = shown.map((slot) => {
        const cell = cellFor(slot.value);
        cell.width = Math.max(34, textWidth(cell.text || '') + 12);
        return cell;
      });
      if (box.cells.length > ROW_CELLS) {
        // Wrapped: one width for all, so that the rows line up.
        const widest = Math.max(...box.cells.map((cell) => cell.width));
        for (const cell of box.cells) cell.width = widest;
      }
      let cellsWidth = box.cells.slice(0, ROW_CELLS).reduce((sum, cell) => sum + cell.width, 0);
      if (hidden > 0) box.more = `+${hidden}`;
      cellsWidth += hidden > 0 ? textWidth(box.more) + 14 : 0;
      if (slots.length === 0 && hidden === 0) box.empty = true;
      width = Math.max(width, cellsWidth + 2 * PAD);
      const lines = Math.max(1, Math.ceil(box.cells.length / ROW_CELLS));
      height += lines * (kind === 'seq' ? SEQ_H : SET_H);
    } else if (kind === 'map') {
      let keyWidth = 30;
      let valueWidth = 34;
      box.rows = shown.map((slot) => {
        const key = slot.name !== undefined && slot.name !== ''
          ? { text: slot.name, name: true } : cellFor(slot.key);
        const value = cellFor(slot.value);
        keyWidth = Math.max(keyWidth, textWidth(key.text || '') + 12);
        valueWidth = Math.max(valueWidth, textWidth(value.text || '') + 12);
        return { key, value };
      });
      if (hidden > 0) box.more = `+${hidden} more`;
      box.keyWidth = keyWidth;
      box.valueWidth = valueWidth;
      width = Math.max(width, keyWidth + valueWidth + 2 * PAD);
      height += Math.max(1, box.rows.length + (hidden > 0 ? 1 : 0)) * CELL_H + 6;
    } else {
      box.value = shortRepr(object, 40);
      width = Math.max(width, textWidth(box.value) + 2 * PAD);
      height += CELL_H;
    }
    box.width = Math.ceil(width);
    box.height = height;
    return box;
  };
  const childrenOf = (box) => {
    const refs = [];
    for (const cell of box.cells) if (cell.ref) refs.push(cell.ref);
    for (const row of box.rows) {
      if (row.key.ref) refs.push(row.key.ref);
      if (row.value.ref) refs.push(row.value.ref);
    }
    return refs;
  };
  // Iterative depth-first placement: a box at (column, y); its unplaced
  // children stacked in the next column from the same y.
  const place = (rootAddress, startY) => {
    let bottom = startY;
    const work = [{ address: rootAddress, column: 0, y: startY }];
    while (work.length) {
      const { address, column, y } = work.pop();
      if (boxes.has(address)) continue;
      const box = makeBox(address);
      box.column = column;
      const columnBoxes = columns[column] || (columns[column] = []);
      const below = columnBoxes.length ? columnBoxes[columnBoxes.length - 1].y +
                                         columnBoxes[columnBoxes.length - 1].height + GAP_Y : 0;
      box.y = Math.max(y, below);
      columnBoxes.push(box);
      boxes.set(address, box);
      bottom = Math.max(bottom, box.y + box.height);
      const children = childrenOf(box).filter((a) => !boxes.has(a));
      for (let i = children.length - 1; i >= 0; i--) {
        work.push({ address: children[i], column: column + 1, y: box.y });
      }
    }
    return bottom;
  };
  let heapBottom = PAD;
  for (const frame of frames) {
    for (const row of frame.rows) {
      if (row.cell.ref && !boxes.has(row.cell.ref)) {
        heapBottom = place(row.cell.ref, Math.max(heapBottom, frame.y + 26 + 0)) + GAP_Y;
      }
    }
  }
  let x = PAD + frameWidth + GAP_X + 20;
  for (const columnBoxes of columns) {
    const width = Math.max(...columnBoxes.map((b) => b.width));
    for (const box of columnBoxes) box.x = x;
    x += width + GAP_X;
  }

  // Objects drawn nowhere: reached only through what the picture leaves out
  // (a function's code and globals, a container's collapsed items).
  let notDrawn = 0;
  for (const address of objects.keys()) {
    if (!boxes.has(address) && !drawnInline(address)) notDrawn++;
  }
  const height = Math.max(frameY, ...[...boxes.values()].map((b) => b.y + b.height + PAD), 60);
  return { frames, boxes, width: Math.max(x, PAD + frameWidth + 200), height, notDrawn };
}
