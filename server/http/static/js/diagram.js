// Draws a layout (layout.js) as SVG markup: frames with their names, object
// boxes labelled with type, id, sys.getsizeof and refcount, contents as
// cells (lists, tuples, sets), rows (dicts, instances, classes) or a value,
// and an arrow from every reference to its object. The markup carries its
// own stylesheet, so an exported file looks the same.

import { CHAR, ROW_CELLS, SEQ_H, SET_H, headerLines, shortRepr } from './layout.js';
import { num } from './trace.js';

const STYLE = `
  text { font: 12px ui-monospace, "DejaVu Sans Mono", monospace; fill: #1d2433; }
  .frame rect.body { fill: #eef1f7; stroke: #8a94a8; }
  .frame text.title { font-weight: bold; }
  .frame.current rect.body { stroke: #2f5fb3; stroke-width: 2; }
  .obj rect.body { fill: #fffdf3; stroke: #8c7a3c; rx: 4; }
  .obj text.type { font-weight: bold; }
  .obj text.meta { fill: #5b6275; font-size: 11px; }
  .obj.shared rect.body { fill: #f3f0ff; stroke: #7a68b8; }
  .obj.new rect.body { stroke: #1f9d55; stroke-width: 2.5; }
  .obj.changed rect.body { stroke: #d97706; stroke-width: 2.5; }
  .obj.cyclic rect.body { fill: #fbe9f6; stroke: #b4308f; stroke-width: 2; stroke-dasharray: 6 3; }
  .obj.garbage rect.body { fill: #fbe9f6; stroke: #b4308f; stroke-dasharray: 3 3; opacity: 0.8; }
  .obj.freed rect.body { fill: #fdecec; stroke: #c53030; stroke-dasharray: 4 3; }
  rect.cell { fill: #ffffff; stroke: #b5ab86; }
  text.index { fill: #8a8fa0; font-size: 9px; }
  text.more { fill: #8a8fa0; font-style: italic; }
  text.badge { font-size: 10px; font-weight: bold; }
  text.badge.new { fill: #1f9d55; } text.badge.changed { fill: #d97706; }
  text.badge.cyclic, text.badge.garbage { fill: #b4308f; }
  text.diff, tspan.diff { fill: #c53030; font-weight: bold; }
  rect.diff { fill: #fde2e2; stroke: #c53030; }
  path.arrow { fill: none; stroke: #3d5a99; stroke-width: 1.4; marker-end: url(#head); }
  circle.dot { fill: #3d5a99; }
  text.section { font-weight: bold; fill: #5b6275; }
`;

function escape(text) {
  return String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;',
                                                    '"': '&quot;' }[c]));
}

function t(x, y, text, cls = '', extra = '') {
  return `<text x="${x}" y="${y}"${cls ? ` class="${cls}"` : ''}${extra}>${escape(text)}</text>`;
}

// The object's header: type, size and refcount on the first line (each a
// tspan, so differences can be marked), id on the second.
function header(box, diff) {
  const o = box.object;
  const mark = (field, text) => `<tspan data-field="${field}"${diff && diff.has(field)
    ? ' class="diff"' : ''}>${escape(text)}</tspan>`;
  const refs = o.immortal ? 'immortal' : o.startupRefcount ? 'start-up refcount' : `refcount ${num(o.refcount)}`;
  const line1 = `<text x="${box.x + 8}" y="${box.y + 14}" class="type">${mark('type', o.type)}` +
    `<tspan class="meta">  ${mark('size', num(o.size) + ' B')}  ${mark('refcount', refs)}` +
    `</tspan></text>`;
  return line1 + t(box.x + 8, box.y + 27, headerLines(o)[1], 'meta');
}

// Whether a cubic Bézier curve [x0, y0, ..., x3, y3] passes through the
// drawn area: its ends, then 23 points along it, each tested.
function curveVisible(curve, visible) {
  const [x0, y0, x1, y1, x2, y2, x3, y3] = curve;
  // The curve lies within its control points' bounding box.
  if (!visible(Math.min(x0, x1, x2, x3), Math.min(y0, y1, y2, y3),
               Math.max(x0, x1, x2, x3), Math.max(y0, y1, y2, y3))) return false;
  if (visible(x0, y0, x0, y0) || visible(x3, y3, x3, y3)) return true;
  for (let i = 1; i < 24; i++) {
    const t = i / 24;
    const u = 1 - t;
    const x = u * u * u * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3;
    const y = u * u * u * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y3;
    if (visible(x, y, x, y)) return true;
  }
  return false;
}

// Where a box's cells are: {cell, x, y, width, cx, cy (the arrow's start
// or the value's centre), index (list and tuple cells)}.
function cellsOf(box) {
  const cells = [];
  const top = box.y + 34;
  if (box.kind === 'seq' || box.kind === 'set') {
    let x = box.x + 8;
    const firstY = box.kind === 'seq' ? top + 10 : top;
    const lineHeight = box.kind === 'seq' ? SEQ_H : SET_H;
    box.cells.forEach((cell, i) => {
      if (i % ROW_CELLS === 0) x = box.x + 8;
      const y = firstY + Math.floor(i / ROW_CELLS) * lineHeight;
      cells.push({ cell, x, y, width: cell.width, cx: x + cell.width / 2, cy: y + 11,
                   index: box.kind === 'seq' ? i : undefined });
      x += cell.width;
    });
  } else if (box.kind === 'map') {
    const keyX = box.x + 8;
    const valueX = keyX + box.keyWidth;
    box.rows.forEach((row, r) => {
      const y = top + r * 24;
      cells.push({ cell: row.key, x: keyX, y, width: box.keyWidth,
                   cx: keyX + box.keyWidth / 2, cy: y + 11 });
      cells.push({ cell: row.value, x: valueX, y, width: box.valueWidth,
                   cx: valueX + box.valueWidth / 2, cy: y + 11 });
    });
  }
  return cells;
}

// SVG markup for `layout`. marks: {created, changed, cyclic, freed, garbage,
// diffs: Map address -> Set of fields}. `viewport` ({x, y, width,
// height}), when given, limits the markup to what lies within a screen of
// it (a large heap stays quick to show; scrolling draws again); without
// it, everything is drawn (export).
export function renderDiagram(layout, marks = {}, viewport = null) {
  const parts = [];
  const arrows = [];
  const margin = viewport ? Math.max(viewport.width, viewport.height) / 2 : 0;
  const visible = (x1, y1, x2, y2) => !viewport || (
    x2 >= viewport.x - margin && x1 <= viewport.x + viewport.width + margin &&
    y2 >= viewport.y - margin && y1 <= viewport.y + viewport.height + margin);
  const { created = new Set(), changed = new Set(), cyclic = new Set(),
          diffs = new Map() } = marks;
  const cellRef = (cell, x, y) => {
    if (cell.ref) {
      parts.push(`<circle class="dot" cx="${x}" cy="${y}" r="3.5"/>`);
      arrows.push({ x, y, to: cell.ref });
    } else {
      parts.push(t(x, y + 4, cell.text, cell.inline ? 'inline' : '', ' text-anchor="middle"'));
    }
  };

  layout.frames.forEach((frame, i) => {
    const current = i === layout.frames.length - 1 ? ' current' : '';
    parts.push(`<g class="frame${current}" data-frame="${escape(frame.title)}">`);
    parts.push(`<rect class="body" x="${frame.x}" y="${frame.y}" width="${frame.width}" ` +
               `height="${frame.height}" rx="3"/>`);
    parts.push(t(frame.x + 8, frame.y + 17, frame.title, 'title'));
    frame.rows.forEach((row, r) => {
      const y = frame.y + 26 + r * 24;
      parts.push(`<g class="binding" data-name="${escape(row.name)}" ` +
                 `data-target="${escape(row.cell.ref || row.cell.inline || '')}">`);
      const cellX = frame.x + frame.width - 8 - frame.valueWidth;
      parts.push(t(cellX - 8, y + 15, row.name, 'name', ' text-anchor="end"'));
      parts.push(`<rect class="cell" x="${cellX}" y="${y + 2}" width="${frame.valueWidth}" ` +
                 'height="20"/>');
      cellRef(row.cell, cellX + frame.valueWidth / 2, y + 12);
      parts.push('</g>');
    });
    parts.push('</g>');
  });

  for (const box of layout.boxes.values()) {
    const cells = cellsOf(box);
    if (!visible(box.x, box.y, box.x + box.width, box.y + box.height)) {
      // Off screen: only its arrows, which may cross the screen.
      for (const c of cells) if (c.cell.ref) arrows.push({ x: c.cx, y: c.cy, to: c.cell.ref });
      continue;
    }
    const o = box.object;
    const classes = ['obj'];
    if (o.shared) classes.push('shared');
    if (cyclic.has(box.address)) classes.push('cyclic');
    if (created.has(box.address)) classes.push('new');
    else if (changed.has(box.address)) classes.push('changed');
    const diff = diffs.get(box.address);
    parts.push(`<g class="${classes.join(' ')}" data-address="${box.address}" ` +
               `data-type="${escape(o.type)}" data-size="${num(o.size)}" ` +
               `data-refcount="${num(o.refcount)}" data-items="${num(o.slotCount)}">`);
    parts.push(`<rect class="body" x="${box.x}" y="${box.y}" width="${box.width}" ` +
               `height="${box.height}"/>`);
    parts.push(header(box, diff));
    const badge = created.has(box.address) ? 'new' : changed.has(box.address) ? 'changed'
      : cyclic.has(box.address) ? 'cyclic' : '';
    if (badge) {
      parts.push(t(box.x + box.width - 4, box.y - 3, badge === 'cyclic' ? 'cycle: GC' : badge,
                   `badge ${badge}`, ' text-anchor="end"'));
    }
    for (const c of cells) {
      if (!visible(c.x, c.y - 10, c.x + c.width, c.y + 22)) {
        if (c.cell.ref) arrows.push({ x: c.cx, y: c.cy, to: c.cell.ref });
        continue;
      }
      if (c.index !== undefined) parts.push(t(c.x + 3, c.y - 3, String(c.index), 'index'));
      parts.push(`<rect class="cell" x="${c.x}" y="${c.y}" width="${c.width}" height="22"/>`);
      cellRef(c.cell, c.cx, c.cy);
    }
    const top = box.y + 34;
    if (box.kind === 'seq' || box.kind === 'set') {
      const last = cells[cells.length - 1];
      const x = last ? last.x + last.width : box.x + 8;
      const y = last ? last.y : box.kind === 'seq' ? top + 10 : top;
      if (box.more) parts.push(t(x + 6, y + 15, box.more, 'more'));
      if (box.empty) parts.push(t(x, y + 15, 'empty', 'more'));
    } else if (box.kind === 'map') {
      if (box.more) parts.push(t(box.x + 8, top + box.rows.length * 24 + 15, box.more, 'more'));
      if (box.rows.length === 0 && !box.more) parts.push(t(box.x + 8, top + 15, 'empty', 'more'));
    } else {
      parts.push(t(box.x + 8, top + 14, box.value, 'value'));
    }
    parts.push('</g>');
  }

  for (const arrow of arrows) {
    const target = layout.boxes.get(arrow.to);
    if (!target) continue;
    const toX = target.x;
    const toY = target.y + 12;
    let curve;
    if (toX > arrow.x + 10) {
      const bend = Math.max(30, (toX - arrow.x) / 2);
      curve = [arrow.x, arrow.y, arrow.x + bend, arrow.y, toX - bend, toY, toX - 2, toY];
    } else {
      // Back to an object in this column or an earlier one (a cycle, or an
      // object placed earlier): around to its right edge.
      const right = target.x + target.width;
      const out = Math.max(arrow.x, right) + 36;
      curve = [arrow.x, arrow.y, out, arrow.y, out, toY, right + 2, toY];
    }
    if (viewport && !curveVisible(curve, visible)) continue;  // drawn only across the view
    const [x0, y0, x1, y1, x2, y2, x3, y3] = curve;
    const d = `M${x0},${y0} C${x1},${y1} ${x2},${y2} ${x3},${y3}`;
    parts.push(`<path class="arrow" data-to="${arrow.to}" d="${d}"/>`);
  }

  let height = layout.height;
  height = renderExtras(parts, marks, layout, height);
  const width = Math.ceil(layout.width);
  return `<svg xmlns="http://www.w3.org/2000/svg" class="diagram" width="${width}" ` +
    `height="${Math.ceil(height)}" viewBox="0 0 ${width} ${Math.ceil(height)}">` +
    `<style>${STYLE}</style><defs><marker id="head" viewBox="0 0 10 10" refX="9" refY="5" ` +
    `markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" ` +
    `fill="#3d5a99"/></marker></defs>` +
    `<rect width="100%" height="100%" fill="#ffffff"/>${parts.join('')}</svg>`;
}

// Below the heap: objects waiting for the GC, and objects freed since the
// step before (at most a dozen drawn).
function renderExtras(parts, marks, layout, height) {
  const strip = (title, entries, cls) => {
    if (!entries.length) return;
    height += 14;
    parts.push(t(8, height + 10, title, 'section'));
    height += 18;
    let x = 8;
    for (const entry of entries.slice(0, 12)) {
      const label = `${entry.type} id ${entry.address}` +
        (entry.known ? `  ${num(entry.known.size)} B  ${shortRepr(entry.known, 16)}` : '');
      const width = label.length * CHAR + 16;
      if (x + width > Math.max(layout.width, 600)) { x = 8; height += 30; }
      parts.push(`<g class="obj ${cls}" data-address="${entry.address}">` +
                 `<rect class="body" x="${x}" y="${height}" width="${width}" height="24"/>` +
                 t(x + 8, height + 16, label) + '</g>');
      x += width + 10;
    }
    if (entries.length > 12) parts.push(t(x, height + 16, `+${entries.length - 12} more`, 'more'));
    height += 30;
  };
  const garbage = [...(marks.garbage || new Map()).values()].map((o) => (
    { address: o.address, type: o.type, known: o }));
  strip('Unreachable, on a reference cycle: only the GC can free these', garbage, 'garbage');
  const freed = marks.freed || [];
  const known = freed.filter((entry) => entry.known);
  const unseen = freed.length - known.length;
  strip(`Freed by the last statement: ${known.length} reachable before` +
        (unseen ? `, and ${unseen} temporaries or internal objects` : ''), known, 'freed');
  return height + 8;
}
