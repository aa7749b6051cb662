// The memory panel: pymalloc's size classes as a grid of blocks used and
// free with their pools, arenas, fragmentation, free lists, tracemalloc,
// the GC's counters and collections, blocks reused, and a chart of the
// footprint over the steps.

import { num } from './trace.js';

const GRID_CELLS = 24;  // squares per size class row

function escape(text) {
  return String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;',
                                                    '"': '&quot;' }[c]));
}

function bytes(n) {
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(2)} MiB`;
  if (n >= 1 << 10) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}

// A row of squares: the share of used blocks filled, `reusedHere` marked.
function blockGrid(used, free) {
  const total = used + free;
  const perCell = Math.max(1, Math.ceil(total / GRID_CELLS));
  const cells = Math.ceil(total / perCell);
  const usedCells = Math.ceil(used / perCell);
  let squares = '';
  for (let i = 0; i < cells; i++) {
    squares += `<rect x="${i * 9}" y="0" width="8" height="8" class="${i < usedCells ? 'used' : 'free'}"/>`;
  }
  return `<svg class="blocks" width="${cells * 9}" height="8" role="img" ` +
    `aria-label="${used} used, ${free} free, ${perCell} block(s) a square">${squares}</svg>`;
}

function table(rows, head) {
  return `<table>${head ? `<tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr>` : ''}` +
    rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('') + '</table>';
}

// HTML for the panel at one moment. `stats` is a MemoryStats message (null
// when the run did not carry statistics); `extra`: {reused: {count,
// byType} (runs only), collections: [{step, generation, collected}], previous: the
// MemoryStats before, whose blocks in use each class's change is shown
// against}.
export function renderMemory(stats, extra = {}) {
  if (!stats) return '<p class="hint">No statistics for this step.</p>';
  const parts = [];
  const tracing = stats.tracing
    ? `${bytes(num(stats.tracedCurrent))} current, ${bytes(num(stats.tracedPeak))} peak`
    : 'not tracing (tracemalloc.start() turns it on)';
  parts.push(table([
    ['footprint', bytes(num(stats.footprint))],
    ['live objects', num(stats.liveObjects)],
    ['tracemalloc', tracing],
    ['arenas', `${num(stats.arenasInUse)} in use, ${num(stats.arenasAllocated)} allocated in all, ` +
               `${num(stats.arenasReleased)} released, high water ${num(stats.arenasHighWater)}`],
    ['empty pools', num(stats.emptyPools)],
    ['fragmentation', `<span data-testid="fragmentation">${(100 * (stats.fragmentation || 0)).toFixed(1)}%</span> ` +
                      'of partly used pools free'],
    ['outside pymalloc', bytes(num(stats.rawBytes))],
  ]));

  parts.push('<h3>pymalloc pools</h3>');
  const reused = extra.reused;  // known for runs, from their heap events
  if (reused) {
    const byType = Object.keys(reused.byType).sort()
      .map((type) => `${escape(type)} ${reused.byType[type]}`).join(', ');
    parts.push('<p class="reused">Blocks reused (handed out again at an address freed ' +
               `earlier in the run): <b data-testid="reused">${reused.count}</b>` +
               `${byType ? ` <span class="hint">(${byType})</span>` : ''}</p>`);
  }
  const usedBefore = new Map(((extra.previous || {}).sizeClasses || [])
    .map((c) => [c.size, num(c.usedBlocks)]));
  const rows = (stats.sizeClasses || []).map((c) => {
    const used = num(c.usedBlocks);
    const free = num(c.freeBlocks);
    const pools = num(c.usedPools) + num(c.fullPools);
    const delta = extra.previous ? used - (usedBefore.get(c.size) || 0) : 0;
    const change = delta ? ` <span class="${delta > 0 ? 'grew' : 'shrank'}">` +
      `${delta > 0 ? '+' : ''}${delta}</span>` : '';
    return [`${c.size} B`, `${pools}${num(c.fullPools) ? ` (${num(c.fullPools)} full)` : ''}`,
            `${used}${change}`, `${free}`, blockGrid(used, free)];
  });
  parts.push(`<div class="pools">${table(rows, ['class', 'pools', 'used', 'free', 'blocks'])}</div>`);

  const freeLists = (stats.freeLists || []).map((f) => [escape(f.type), num(f.count)]);
  if (freeLists.length) parts.push(`<h3>free lists</h3>${table(freeLists)}`);

  const gen = (field) => [0, 1, 2].map((g) => num((stats[field] || [])[g])).join(' / ');
  const collections = (extra.collections || []).slice(-6)
    .map((c) => `gen ${c.generation}: ${c.collected} collected (before step ${c.step})`);
  parts.push(`<h3>GC</h3>${table([
    ['enabled', stats.gcEnabled ? 'yes' : 'no'],
    ['counts', gen('gcCounts')],
    ['collections', gen('gcCollections')],
    ['collected', gen('gcCollected')],
    ['last runs', collections.length ? collections.join('<br>') : 'none yet'],
  ])}`);
  return parts.join('');
}

// Where the chart's cursor stands for step `current` of `count`.
export function cursorX(count, current, width = 370) {
  return 34 + (current / Math.max(1, count - 1)) * (width - 40);
}

// The chart of the footprint and of tracemalloc's current figure over the
// steps; `current` marks a step. Returns SVG markup; clicking is wired by
// the caller through the data-step attributes of the hit areas.
export function renderChart(steps, current, width = 370, height = 110) {
  const points = steps.map((s) => (s.stats ? num(s.stats.footprint) : null));
  const traced = steps.map((s) => (s.stats && s.stats.tracing ? num(s.stats.tracedCurrent) : null));
  const max = Math.max(1, ...points.filter((p) => p !== null), ...traced.filter((p) => p !== null));
  const n = Math.max(1, steps.length - 1);
  const x = (i) => 34 + (i / n) * (width - 40);
  const y = (v) => height - 18 - (v / max) * (height - 30);
  const line = (values) => values.map((v, i) => (v === null ? '' : `${x(i).toFixed(1)},${y(v).toFixed(1)}`))
    .filter(Boolean).join(' ');
  const cursor = cursorX(steps.length, current, width).toFixed(1);
  return `<svg class="chart" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">` +
    `<text x="2" y="12" class="axis">${bytes(max)}</text><text x="2" y="${height - 20}" class="axis">0</text>` +
    `<polyline class="footprint" points="${line(points)}"/>` +
    `<polyline class="traced" points="${line(traced)}"/>` +
    `<line class="cursor" x1="${cursor}" x2="${cursor}" y1="4" y2="${height - 16}"/>` +
    `<text x="34" y="${height - 3}" class="axis">step 0</text>` +
    `<text x="${width - 4}" y="${height - 3}" class="axis" text-anchor="end">${steps.length - 1}</text>` +
    `<text x="${width - 4}" y="12" class="axis" text-anchor="end"><tspan class="legend-footprint">` +
    '— footprint</tspan>  <tspan class="legend-traced">— tracemalloc current</tspan></text>' +
    '</svg>';
}
