// The viewer page: runs a program and steps through its trace, compares two
// profiles, follows a live session; draws each moment (diagram.js) with its
// memory panel (memory.js).

import { compareSteps } from './compare.js';
import { renderDiagram } from './diagram.js';
import { Editor } from './editor.js';
import { EXAMPLES } from './examples.js';
import { layoutStep } from './layout.js';
import { LiveSession } from './live.js';
import { describeMarks, marksFor } from './marks.js';
import { cursorX, renderChart, renderMemory } from './memory.js';
import { decodeLink, encodeLink } from './permalink.js';
import { PROFILES, runTrace } from './runner.js';

const $ = (id) => document.getElementById(id);

const state = {
  mode: 'run',
  traces: [],        // [A] or [A, B] in compare mode
  current: 0,
  live: null,
  liveSteps: [],     // the last two live snapshots
  boxes: 0,          // objects in the last picture's layout (drawn where scrolled to)
};

const editor = new Editor(document.querySelector('.editor'));

function setStatus(text, error = false) {
  $('status').textContent = text;
  $('status').classList.toggle('error', error);
}

function escape(text) {
  return String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;',
                                                    '"': '&quot;' }[c]));
}

function options() {
  return { inline: $('inline').checked, maxItems: Number($('max-items').value) };
}

// The picture each diagram element shows ({layout, marks}), for drawing it
// again on scrolling and for exporting it whole.
const pictures = new Map();

function viewportOf(target) {
  return { x: target.scrollLeft, y: target.scrollTop,
           width: target.clientWidth || 800, height: target.clientHeight || 600 };
}

// Draws one picture of `step` (with `previous` for its marks) into `target`,
// as much of it as lies around the part scrolled into view.
function draw(target, step, previous, diffs) {
  const marks = marksFor(step, previous);
  marks.garbage = step.garbage;
  marks.diffs = diffs;
  const layout = layoutStep(step, options());
  target.innerHTML = renderDiagram(layout, marks, viewportOf(target));
  pictures.set(target, { layout, marks });
  state.boxes = layout.boxes.size;
  return { marks, layout };
}

function redrawOnScroll(target) {
  let pending = false;
  target.addEventListener('scroll', () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      const picture = pictures.get(target);
      if (picture) target.innerHTML = renderDiagram(picture.layout, picture.marks, viewportOf(target));
    });
  });
}

function stepCount() {
  return state.traces.length ? Math.max(...state.traces.map((t) => t.steps.length)) : 0;
}

function stepOf(trace, i) {
  return trace.steps[Math.min(i, trace.steps.length - 1)];
}

// Shows step `i` of the current run or comparison; returns the time it
// took in ms (the browser test prints it).
function show(i) {
  if (!state.traces.length) return 0;
  const started = performance.now();
  const count = stepCount();
  state.current = Math.max(0, Math.min(i, count - 1));
  const [a, b] = state.traces;
  const stepA = stepOf(a, state.current);
  const previousA = state.current > 0 ? stepOf(a, state.current - 1) : null;
  let summary;
  if (b) {
    const stepB = stepOf(b, state.current);
    const previousB = state.current > 0 ? stepOf(b, state.current - 1) : null;
    const diff = compareSteps(stepA, stepB);
    draw($('diagram'), stepA, previousA, diff.marksA);
    draw($('diagram-b'), stepB, previousB, diff.marksB);
    $('title-a').textContent = `CPython ${a.profile}`;
    $('title-b').textContent = `CPython ${b.profile}`;
    $('stdout-a-title').textContent = a.profile;
    $('stdout-b-title').textContent = b.profile;
    const lines = (list) => list.map((l) => (l.differs ? `<span class="diff">${escape(l.text)}</span>`
                                                       : escape(l.text))).join('\n');
    $('stdout').innerHTML = lines(diff.stdoutA);
    $('stdout-b').innerHTML = lines(diff.stdoutB);
    $('differences').innerHTML = `<h2>What differs at this step (${diff.rows.length})</h2>` +
      (diff.rows.length ? `<table><tr><th>where</th><th>fact</th><th>${a.profile}</th>` +
        `<th>${b.profile}</th></tr>${diff.rows.map((r) => `<tr class="diff" ` +
        `data-what="${escape(r.what)}" data-fact="${escape(r.fact)}"><td>${escape(r.what)}</td>` +
        `<td>${escape(r.fact)}</td><td class="value">${escape(r.a)}</td><td class="value">` +
        `${escape(r.b)}</td></tr>`).join('')}</table>` : '<p class="hint">Nothing.</p>');
    summary = `${diff.rows.length} differences`;
  } else {
    const { marks, layout } = draw($('diagram'), stepA, previousA, new Map());
    $('stdout').textContent = stepA.stdout;
    summary = `${describeMarks(marks)}; ${layout.boxes.size} objects drawn` +
      (layout.notDrawn ? `, ${layout.notDrawn} internal or collapsed not drawn` : '');
  }
  editor.mark(stepA.line);
  $('slider').max = String(count - 1);
  $('slider').value = String(state.current);
  const line = stepA.line ? `line ${stepA.line}` : 'after the last line';
  $('step-label').textContent = `Step ${state.current} of ${count - 1}: ${line}. ${summary}` +
    (stepA.objectsTruncated ? ' (this step reaches more objects than a step describes)' : '');
  $('memory').innerHTML = renderMemory(stepA.stats, { reused: stepA.reused,
    collections: a.collections.filter((c) => c.step <= state.current),
    previous: previousA && previousA.stats });
  const cursor = document.querySelector('#chart .cursor');
  if (cursor) {
    const x = cursorX(a.steps.length, Math.min(state.current, a.steps.length - 1)).toFixed(1);
    cursor.setAttribute('x1', x);
    cursor.setAttribute('x2', x);
  }
  void $('diagram').getBoundingClientRect();  // include style and layout in the time
  return performance.now() - started;
}

function resultText(trace) {
  const r = trace.result || {};
  const code = r.exitCode || 0;
  let text = `CPython ${trace.profile}: exit ${code}${r.error ? `: ${r.error}` : ''}`;
  if (r.traceTruncated) text += `; the trace stops after ${trace.steps.length - 1} steps (the run went on)`;
  return text;
}

async function run() {
  const source = editor.value;
  const profiles = state.mode === 'compare' ? [$('profile').value, $('profile-b').value]
                                            : [$('profile').value];
  const maxSteps = Math.max(1, Math.min(10000, Number($('max-steps').value) || 1000));
  $('run').disabled = true;
  setStatus(`running under ${profiles.join(' and ')}…`);
  document.body.dataset.state = 'running';
  const started = performance.now();
  const mode = state.mode;
  try {
    const received = profiles.map(() => 0);
    const progress = (which) => (steps) => {
      received[which] = steps;
      if (state.mode === mode) setStatus(`running under ${profiles.join(' and ')}: ${received.join(' and ')} steps so far…`);
    };
    const traces = await Promise.all(profiles.map((p, i) => runTrace(source, p, maxSteps,
                                                                     progress(i))));
    if (state.mode !== mode) return;  // the page moved on (to Live) meanwhile
    state.traces = traces;
    $('chart').innerHTML = renderChart(state.traces[0].steps, 0);
    setStatus(`${state.traces.map(resultText).join('; ')} (${Math.round(performance.now() - started)} ms)`,
              state.traces.some((t) => (t.result || {}).exitCode));
    updateLink();
    show(0);
    document.body.dataset.state = 'ready';
  } catch (error) {
    if (state.mode !== mode) return;
    setStatus(`${error.code ? error.code + ': ' : ''}${error.message}`, true);
    document.body.dataset.state = 'error';
  } finally {
    $('run').disabled = false;
  }
}

function updateLink() {
  const fragment = encodeLink({ source: editor.value, profile: $('profile').value,
                                compare: state.mode === 'compare' ? $('profile-b').value : '' });
  $('permalink').href = fragment;
  history.replaceState(null, '', fragment);
}

function setMode(mode) {
  if (state.live && mode !== 'live') detach();
  state.mode = mode;
  document.body.classList.remove('mode-run', 'mode-compare', 'mode-live');
  document.body.classList.add(`mode-${mode}`);
  for (const button of document.querySelectorAll('.modes button')) {
    button.classList.toggle('active', button.dataset.mode === mode);
  }
  state.traces = [];
  $('diagram').textContent = '';
  $('diagram-b').textContent = '';
  $('differences').textContent = '';
  $('memory').textContent = '';
  $('chart').textContent = '';
}

// Live mode.
function showLive(snapshot) {
  state.liveSteps = [state.liveSteps[state.liveSteps.length - 1] || null, snapshot];
  const { marks, layout } = draw($('diagram'), snapshot, state.liveSteps[0], new Map());
  $('memory').innerHTML = renderMemory(snapshot.stats, {
    previous: state.liveSteps[0] && state.liveSteps[0].stats });
  $('step-label').textContent = `${state.live.session.name}: ${describeMarks(marks)} since the ` +
    `last change; ${layout.boxes.size} objects drawn`;
  document.body.dataset.liveUpdates = String(Number(document.body.dataset.liveUpdates || 0) + 1);
}

function attach() {
  detach();
  const session = { name: $('live-name').value.trim(), token: $('live-token').value.trim() };
  if (!session.name.startsWith('sessions/')) session.name = `sessions/${session.name}`;
  state.live = new LiveSession(session, showLive,
                               (error) => setStatus(`${error.code || ''} ${error.message}`, true));
  state.liveSteps = [];
  setStatus(`following ${session.name}`);
  state.live.start();
}

function detach() {
  if (state.live) state.live.stop();
  state.live = null;
}

// Saves the picture (both, side by side, in Compare) as a standalone SVG.
function exportSvg() {
  const shown = [$('diagram'), $('diagram-b')].filter((target) => target.firstChild)
    .map((target) => pictures.get(target)).filter(Boolean)
    .map(({ layout, marks }) => renderDiagram(layout, marks));
  if (!shown.length) return;
  let markup = shown[0];
  if (shown.length > 1) {
    const size = (svg, name) => Number(svg.match(new RegExp(`${name}="(\\d+)"`))[1]);
    const width = shown.reduce((w, svg) => w + size(svg, 'width') + 20, 0);
    const height = Math.max(...shown.map((svg) => size(svg, 'height')));
    let x = 0;
    const inner = shown.map((svg) => {
      const placed = svg.replace('<svg ', `<svg x="${x}" `);
      x += size(svg, 'width') + 20;
      return placed;
    }).join('');
    markup = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${inner}</svg>`;
  }
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
  link.download = `heapsim-step-${state.current}.svg`;
  link.click();
  URL.revokeObjectURL(link.href);
}

function setup() {
  for (const profile of PROFILES) {
    $('profile').add(new Option(profile, profile));
    $('profile-b').add(new Option(profile, profile));
  }
  $('profile').value = '3.11';
  $('profile-b').value = '3.10';
  for (const name of Object.keys(EXAMPLES)) $('example').add(new Option(name, name));
  $('example').addEventListener('change', () => {
    if ($('example').value) editor.value = EXAMPLES[$('example').value];
  });
  editor.value = EXAMPLES.aliasing;
  for (const button of document.querySelectorAll('.modes button')) {
    button.addEventListener('click', () => setMode(button.dataset.mode));
  }
  $('run').addEventListener('click', run);
  $('first').addEventListener('click', () => show(0));
  $('back').addEventListener('click', () => show(state.current - 1));
  $('forward').addEventListener('click', () => show(state.current + 1));
  $('last').addEventListener('click', () => show(stepCount() - 1));
  $('slider').addEventListener('input', () => show(Number($('slider').value)));
  const redraw = () => {
    if (state.mode === 'live' && state.liveSteps[1]) showLive(state.liveSteps[1]);
    else show(state.current);
  };
  $('inline').addEventListener('change', redraw);
  $('max-items').addEventListener('change', redraw);
  $('export').addEventListener('click', exportSvg);
  redrawOnScroll($('diagram'));
  redrawOnScroll($('diagram-b'));
  $('attach').addEventListener('click', attach);
  $('detach').addEventListener('click', () => { detach(); setStatus('detached'); });
  $('chart').addEventListener('click', (event) => {
    const svg = $('chart').querySelector('svg');
    if (!svg || !state.traces.length) return;
    const x = event.clientX - svg.getBoundingClientRect().left;
    const steps = state.traces[0].steps.length;
    show(Math.round(((x - 34) / (Number(svg.getAttribute('width')) - 40)) * (steps - 1)));
  });
  document.addEventListener('keydown', (event) => {
    if (event.target.tagName === 'TEXTAREA' || event.target.tagName === 'INPUT') return;
    if (event.key === 'ArrowRight') show(state.current + 1);
    if (event.key === 'ArrowLeft') show(state.current - 1);
  });
  setMode('run');
  const linked = decodeLink(location.hash);
  if (linked) {
    editor.value = linked.source;
    $('profile').value = linked.profile;
    if (linked.compare) {
      setMode('compare');
      $('profile-b').value = linked.compare;
    }
  }
  run();  // the linked program, or the aliasing example
  document.body.dataset.ready = 'true';
}

// For tests and the console: step, and the render times so far.
window.heapsimViewer = { show, run, state };

setup();
