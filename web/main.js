// The playground page: wires the editor, the examples, the runner (worker),
// the output panel, the timeline and share links together.

import './style.css';
import { Editor } from './editor.js';
import { CompareView } from './compare-view.js';
import { comparisons, examples } from './examples.js';
import { OutputPanel } from './output.js';
import { Runner } from './runner.js';
import { StepModel } from './step-model.js';
import { Stepper } from './stepper.js';
import { outputText, outputTsv, timelineSvg, traceJson } from './export.js';
import { cleanSettings, decodeLink, embedFragment, encodeLink, LinkError } from './share.js';
import { formatTime, Timeline } from './timeline.js';
import { TimelineModel } from './timeline-model.js';

const STORE_KEY = 'corolab.v1';
const $ = (id) => document.getElementById(id);

const ui = {
  example: $('example'), about: $('about'), run: $('run'), stop: $('stop'),
  clock: $('clock'), speed: $('speed'), speedBox: $('speed-box'), share: $('share'),
  status: $('status'), notice: $('notice'), noticeText: $('notice-text'), noticeClose: $('notice-close'),
  summary: document.querySelector('.tl-summary'),
  step: $('step'), pin: $('pin'), help: $('help'), openFull: $('open-full'),
  shareDialog: $('share-dialog'), shareLink: $('share-link'), shareEmbed: $('share-embed'), helpDialog: $('help-dialog'), laneFilter: $('lane-filter'),
};

// ---- settings and persistence ----------------------------------------------

function loadStored() {
  try {
    const data = JSON.parse(localStorage.getItem(STORE_KEY) || 'null');
    if (data && typeof data.code === 'string') return { code: data.code, ...cleanSettings(data) };
  } catch { /* private mode or corrupt: start fresh */ }
  return null;
}

let saveTimer = 0;
let embedded = false;  // embed mode (#embed&…): nothing is stored, the playground link follows the code
function save() {
  if (embedded) { updateOpenFull(); return; }
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    try { localStorage.setItem(STORE_KEY, JSON.stringify({ code: editor.text, ...settings() })); } catch { /* full or disabled */ }
  }, 300);
}

function settings() {
  return cleanSettings({ clock: ui.clock.value, speed: Number(ui.speed.value) });
}

function applySettings({ clock, speed }) {
  ui.clock.value = clock;
  const value = String(speed);
  if (![...ui.speed.options].some((o) => o.value === value)) {
    ui.speed.append(new Option(`${value}×`, value));
  }
  ui.speed.value = value;
  ui.speedBox.hidden = clock !== 'real';
}

// ---- notices (link problems, share confirmation) ---------------------------

function notify(text, kind = 'info') {
  ui.noticeText.textContent = text;
  ui.notice.className = `notice ${kind}`;
  ui.notice.hidden = false;
}
ui.noticeClose.addEventListener('click', () => { ui.notice.hidden = true; });

// ---- examples ---------------------------------------------------------------

const groups = new Map();
for (const ex of examples) {
  if (!groups.has(ex.group)) {
    const g = document.createElement('optgroup');
    g.label = ex.group;
    groups.set(ex.group, g);
    ui.example.append(g);
  }
  groups.get(ex.group).append(new Option(ex.title, ex.id));
}
const compareGroup = document.createElement('optgroup');
compareGroup.label = 'Compare two runs';
for (const c of comparisons) compareGroup.append(new Option(c.title, c.id));
ui.example.prepend(compareGroup);
const custom = new Option('(your scenario)', '');
ui.example.prepend(custom);

let lastExample = null;  // the example the editor's text came from, if any

/** Whether text is still recognisably the example: it keeps at least half of its lines. */
export function stillFrom(example, text) {
  const mine = new Set(text.split('\n').map((l) => l.trim()).filter(Boolean));
  const theirs = example.code.split('\n').map((l) => l.trim()).filter(Boolean);
  const kept = theirs.filter((l) => mine.has(l)).length;
  return theirs.length > 0 && kept * 2 >= theirs.length;
}

function showAbout(text) {
  const ex = examples.find((e) => e.code === text);
  if (ex) lastExample = ex;
  ui.example.value = ex ? ex.id : '';
  if (ex) ui.about.textContent = ex.about;
  else if (lastExample && stillFrom(lastExample, text)) ui.about.textContent = `Edited from “${lastExample.title}”: ${lastExample.about}`;
  else ui.about.textContent = 'Your own scenario: edit it, run it, share it.';
}

ui.example.addEventListener('change', () => {
  const pair = comparisons.find((c) => c.id === ui.example.value);
  if (pair) { openComparison(pair); return; }
  const ex = examples.find((e) => e.id === ui.example.value);
  if (!ex) return;
  editor.setText(ex.code);
  showAbout(ex.code);
  run();
});

// ---- editor, output, timeline ----------------------------------------------

const stored = loadStored();
const editor = new Editor($('editor'), {
  text: stored ? stored.code : examples[0].code,
  onRun: () => run(),
  onChange: (text) => { showAbout(text); save(); },
});
applySettings(stored || { clock: 'virtual', speed: 1 });
showAbout(editor.text);

function select(index) {
  output.select(index);
  timeline.select(index);
}
const output = new OutputPanel($('output'), {
  onSelect: select,
  onGoToLine: (line, col) => editor.markError(line, col, true),
});
const timeline = new Timeline(document.querySelector('.timeline'), {
  onSelect: select,
  onCursor: (t) => { if (!stepper.active) stepper.open(); stepper.goToTime(t); },
});

// ---- stepping through a finished run -------------------------------------------

const stepper = new Stepper(document.querySelector('.step-pane'), {
  onStep(view) {
    output.showUpTo(view.outputs);
    timeline.setCursor(view.t);
    ui.step.setAttribute('aria-pressed', 'true');
  },
  onTaskLine: (line) => editor.markStep(line || null),
  onClose() {
    output.showUpTo(null);
    timeline.setCursor(null);
    editor.markStep(null);
    ui.step.setAttribute('aria-pressed', 'false');
  },
});
ui.step.addEventListener('click', () => (stepper.active ? stepper.close() : stepper.open()));

// ---- timeline tools: lane filter, zoom and pan buttons ----------------------------

ui.laneFilter.addEventListener('input', () => timeline.setFilter(ui.laneFilter.value));
document.querySelector('.zoom-buttons').addEventListener('click', (e) => {
  const b = e.target.closest('button[data-zoom]');
  if (!b) return;
  ({ in: () => timeline.zoomBy(0.5), out: () => timeline.zoomBy(2), left: () => timeline.pan(-0.25),
    right: () => timeline.pan(0.25), fit: () => timeline.zoomBy(null) })[b.dataset.zoom]();
});

// ---- comparing two runs ------------------------------------------------------------

let pinned = null;  // {title, code, options, model}: the run kept for comparison
const compare = new CompareView(document.querySelector('.compare-pane'), {
  onUnpin() { pinned = null; compare.hide(); },
});

function runTitle(run) {
  const ex = examples.find((e) => e.code === run.code);
  return ex ? ex.title : 'your scenario';
}

function pin(run) {
  pinned = { title: runTitle(run), code: run.code, options: run.options, model: run.model };
  compare.show(pinned, null);
}
ui.pin.addEventListener('click', () => { if (current && current.status) pin(current); });

// A pair from the examples list (or a link holding two scenarios): run the
// left one, pin it, then run the right one.
function openComparison({ left, right, leftCode, rightCode, options = { clock: 'virtual', speed: 1 } }) {
  const a = leftCode ?? examples.find((e) => e.id === left).code;
  const b = rightCode ?? examples.find((e) => e.id === right).code;
  pinned = null;
  editor.setText(a);
  showAbout(a);
  run(options, (first) => {
    pin(first);
    editor.setText(b);
    showAbout(b);
    run(options);
  });
}

// ---- help ---------------------------------------------------------------------------

ui.help.addEventListener('click', () => ui.helpDialog.showModal());

// ---- running ------------------------------------------------------------------

let pendingRun = null;   // options of a run asked for before the engine was ready

let runsEnded = 0;
function setState(state, text) {
  document.body.dataset.run = state;
  // A counter of finished runs lets tools tell this run's end from the last one's.
  if (['finished', 'failed', 'stopped'].includes(state)) document.body.dataset.ended = String(++runsEnded);
  ui.status.textContent = text;
  ui.run.disabled = false;
  ui.stop.disabled = state !== 'running';
  // Stepping needs the whole trace: it opens once a run has ended.
  ui.step.disabled = !['finished', 'failed', 'stopped'].includes(state);
  ui.pin.disabled = ui.step.disabled;
}

function summarize(m) {
  const { user, internal, threads } = m.taskCounts();
  const blocked = m.blocks.reduce((s, b) => s + (b.t1 - b.t0), 0);
  ui.summary.textContent = `${formatTime(m.tEnd)} total · ${user} task${user === 1 ? '' : 's'}` +
    (internal ? ` (+${internal} of asyncio.run’s shutdown)` : '') +
    (threads ? ` · ${threads} worker thread${threads === 1 ? '' : 's'}` : '') +
    (blocked > 0 ? ` · loop blocked ${formatTime(blocked)}` : '');
}

// Wall time as a person reads it.
function formatWall(ms) {
  return ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

// ---- the current run's data, fed to the views in slices -----------------------
// A run's results can be large (10,000 tasks: ~100,000 trace records): they are
// added a slice at a time between frames, so no main-thread task runs long.
// The step-through index (web/step-model.js) is built in the same slices, so
// stepping is ready when the run ends.

const SLICE_MS = 8;
const DRAW_MS = 100;        // while results arrive, the timeline and summary are redrawn at most this often
const TRACE_CHUNK = 500;    // records added between two looks at the clock
const LINE_CHUNK = 500;
let current = null;  // {model, steps, trace: all records, queue, done, ...}

function feed(run, lines, trace) {
  run.queue.push({ lines, trace, at: 0, lineAt: 0 });
  pump(run);
}

// One slice of work; false when there is nothing left to do.
function work(run, deadline) {
  const part = run.queue[0];
  if (part) {
    if (part.at < part.trace.length) {
      const chunk = part.trace.slice(part.at, part.at + TRACE_CHUNK);
      part.at += chunk.length;
      run.model.addTrace(chunk);
      for (const e of chunk) run.trace.push(e);
    } else if (part.lineAt < part.lines.length) {
      const chunk = part.lines.slice(part.lineAt, part.lineAt + LINE_CHUNK);
      part.lineAt += chunk.length;
      const first = run.model.addOutput(chunk);
      output.append(run.model.outputs.slice(first));
    } else {
      run.queue.shift();
    }
    return true;
  }
  if (!run.steps.done) { run.steps.index(deadline); return true; }
  // Once the run has ended: the timers in deadline order, for stepping.
  if (run.done && !run.steps.prepare(deadline)) return true;
  return false;
}

function pump(run) {
  if (run.scheduled || run !== current) return;
  run.scheduled = true;
  setTimeout(() => {
    run.scheduled = false;
    if (run !== current) return;
    const deadline = performance.now() + SLICE_MS;
    let more = true;
    while (more && performance.now() < deadline) more = work(run, deadline);
    // A redraw walks every span in view: once per slice, a run of a million
    // records would spend most of its time redrawing.
    if (!more || performance.now() - run.drawnAt >= DRAW_MS) {
      summarize(run.model);
      timeline.redraw();
      run.drawnAt = performance.now();
    }
    if (more) pump(run);
    else if (run.done) { const end = run.done; run.done = null; end(); }
  }, 0);
}

function run(options = settings(), after = null) {
  if (runner.running) runner.stop();  // ends the current run (its own model) first
  if (!runner.ready) { pendingRun = [options, after]; setState('loading', 'loading the engine…'); return; }
  const m = new TimelineModel();
  const trace = [];
  const thisRun = { model: m, trace, steps: new StepModel(trace), queue: [], done: null, scheduled: false, drawnAt: 0, code: editor.text, options, after };
  current = thisRun;
  stepper.close();
  output.clear();
  editor.markError(null);
  timeline.setModel(m);
  summarize(m);
  const clock = options.clock;
  setState('running', clock === 'real' ? `running in real time (${options.speed}×)…` : 'running…');
  const started = performance.now();
  runner.run(editor.text, options, {
    onBatch(lines, trace) { feed(thisRun, lines, trace); },
    onDone(status) {
      const wall = performance.now() - started;
      thisRun.done = () => ended(thisRun, status, wall);
      pump(thisRun);
    },
  });
}

// A run ended and all its data is shown.
function ended(run, status, wall) {
  const m = run.model;
  m.finish();
  summarize(m);
  timeline.redraw();
  output.end(status, m.tEnd);
  run.status = status;
  const clock = run.options.clock === 'real' ? `real clock, ${run.options.speed}×` : 'virtual clock';
  const times = `scenario time ${formatTime(m.tEnd)} (${clock}) · wall time ${formatWall(wall)}`;
  if (status.state === 'finished') {
    setState('finished', `finished: ${times}`);
  } else if (status.state === 'stopped') {
    setState('stopped', `stopped at ${formatTime(m.tEnd)}: output and timeline up to the stop are kept`);
  } else {
    const err = status.error || {};
    setState('failed', err.budget ? `stopped: the ${err.budget} budget ran out` : `failed: ${err.type || 'error'}${err.line ? ` on line ${err.line}` : ''}`);
    if (err.line >= 1) editor.markError(err.line, err.col);
  }
  stepper.load(run);
  if (pinned && pinned.model !== m) compare.show(pinned, { title: runTitle(run), model: m });
  if (run.after && status.state !== 'stopped') run.after(run);
}

const runner = new Runner({
  onReady() {
    const root = document.documentElement;
    if (!root.dataset.engine) root.dataset.readyMs = performance.now().toFixed(0);
    root.dataset.engine = 'ready';
    if (document.body.dataset.run === 'loading') setState('idle', 'ready');
    if (pendingRun) { const [options, after] = pendingRun; pendingRun = null; run(options, after); }
  },
  onFatal(message) {
    setState('failed', message);
    notify(message, 'error');
  },
});

// Opening the page runs its scenario once, instantly, in virtual time; a
// shared link runs with the clock it was shared with.
let fromLink = false;
function autorunOptions() { return fromLink ? settings() : { ...settings(), clock: 'virtual' }; }

ui.run.addEventListener('click', () => run());
ui.stop.addEventListener('click', () => runner.stop());
ui.clock.addEventListener('change', () => { applySettings(settings()); save(); });
ui.speed.addEventListener('change', save);
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && runner.running) runner.stop();
});

// ---- share links --------------------------------------------------------------

function saveBlob(name, blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
const download = (name, type, text) => saveBlob(name, new Blob([text], { type }));

async function copy(text, what) {
  const note = ui.shareDialog.querySelector('.save-note');
  try {
    await navigator.clipboard.writeText(text);
    note.textContent = `${what} copied.`;
  } catch {
    note.textContent = `${what} could not be copied here: select it and copy it by hand.`;
  }
}

const savers = {
  py: () => download('scenario.py', 'text/x-python', editor.text),
  text: () => copy(outputText(current.model.outputs), 'The output'),
  tsv: () => copy(outputTsv(current.model.outputs), 'The output (TSV)'),
  trace: () => download('corolab-trace.json', 'application/json', traceJson(current.trace)),
  svg: () => download('corolab-timeline.svg', 'image/svg+xml', timelineSvg(current.model)),
  // The timeline as drawn: the lanes in view.
  png: () => document.querySelector('.timeline-pane canvas').toBlob((blob) => { if (blob) saveBlob('corolab-timeline.png', blob); }),
};

ui.shareDialog.addEventListener('click', (e) => {
  const save = e.target.closest('[data-save]');
  if (save) {
    if (!current && save.dataset.save !== 'py') return;
    savers[save.dataset.save]();
    return;
  }
  const c = e.target.closest('[data-copy]');
  if (c) copy($(c.dataset.copy).value, c.dataset.copy === 'share-link' ? 'The link' : 'The embed snippet');
});

ui.share.addEventListener('click', async () => {
  const fragment = await encodeLink(editor.text, settings(), pinned ? pinned.code : null);
  history.replaceState(null, '', fragment);
  const base = location.href.replace(/#.*$/, '');
  ui.shareLink.value = location.href;
  ui.shareEmbed.value = `<iframe src="${base}${embedFragment(fragment)}" width="100%" height="560" ` +
    'style="border: 1px solid #d9dde5; border-radius: 8px" title="corolab: a runnable asyncio example" loading="lazy"></iframe>';
  ui.shareDialog.querySelector('.share-what').textContent = pinned
    ? 'The link holds both scenarios (the pinned one and this one) and the clock settings.'
    : 'The link holds the scenario and the clock settings, in the part of the URL that never reaches a server.';
  ui.shareDialog.querySelector('.save-note').textContent = '';
  ui.shareDialog.showModal();
});

// Embed mode: a link to the full playground with the code as edited.
let fullTimer = 0;
function updateOpenFull() {
  clearTimeout(fullTimer);
  fullTimer = setTimeout(async () => {
    ui.openFull.href = `${location.href.replace(/#.*$/, '')}${await encodeLink(editor.text, settings())}`;
  }, 200);
}

function enterEmbed() {
  embedded = true;
  document.documentElement.classList.add('embed');
  ui.openFull.hidden = false;
  updateOpenFull();
}

async function openLink() {
  let scenario;
  try {
    scenario = await decodeLink(location.hash);
  } catch (err) {
    const why = err instanceof LinkError ? err.message : 'it could not be read';
    notify(`This link cannot be opened: ${why}. The editor keeps your last scenario.`, 'error');
    return false;
  }
  if (!scenario) return null;
  if (scenario.embed && !embedded) enterEmbed();
  if (scenario.code === undefined) {
    // #embed alone: the first example.
    editor.setText(examples[0].code);
    showAbout(examples[0].code);
    return scenario;
  }
  fromLink = true;
  lastExample = null;
  editor.setText(scenario.code);
  showAbout(scenario.code);
  applySettings(scenario);
  save();
  return scenario;
}

// Runs what the page opened with: its scenario, or a shared comparison.
function autorun(scenario) {
  if (scenario && scenario.pinned !== undefined) {
    openComparison({ leftCode: scenario.pinned, rightCode: scenario.code, options: autorunOptions() });
  } else {
    run(autorunOptions());
  }
}

window.addEventListener('hashchange', async () => {
  const scenario = await openLink();
  if (scenario) autorun(scenario);
});

setState('loading', 'loading the engine…');
openLink().then(autorun);
