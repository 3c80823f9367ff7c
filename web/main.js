// The playground page: wires the editor, the examples, the runner (worker),
// the output panel, the timeline and share links together.

import './style.css';
import { Editor } from './editor.js';
import { examples } from './examples.js';
import { OutputPanel } from './output.js';
import { Runner } from './runner.js';
import { cleanSettings, decodeLink, encodeLink, LinkError } from './share.js';
import { formatTime, Timeline } from './timeline.js';
import { TimelineModel } from './timeline-model.js';

const STORE_KEY = 'corolab.v1';
const $ = (id) => document.getElementById(id);

const ui = {
  example: $('example'), about: $('about'), run: $('run'), stop: $('stop'),
  clock: $('clock'), speed: $('speed'), speedBox: $('speed-box'), share: $('share'),
  status: $('status'), notice: $('notice'), noticeText: $('notice-text'), noticeClose: $('notice-close'),
  summary: document.querySelector('.tl-summary'),
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
function save() {
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
const custom = new Option('(your scenario)', '');
ui.example.prepend(custom);

let lastExample = null;  // the example the editor's text came from, if any
function showAbout(text) {
  const ex = examples.find((e) => e.code === text);
  if (ex) lastExample = ex;
  ui.example.value = ex ? ex.id : '';
  if (ex) ui.about.textContent = ex.about;
  else if (lastExample) ui.about.textContent = `Edited from “${lastExample.title}”: ${lastExample.about}`;
  else ui.about.textContent = 'Your own scenario: edit it, run it, share it.';
}

ui.example.addEventListener('change', () => {
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
const timeline = new Timeline(document.querySelector('.timeline'), { onSelect: select });

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
}

function summarize(m) {
  const tasks = m.lanes.filter((l) => l.task !== 0).length;
  const blocked = m.blocks.reduce((s, b) => s + (b.t1 - b.t0), 0);
  ui.summary.textContent = `${formatTime(m.tEnd)} total · ${tasks} task${tasks === 1 ? '' : 's'}` +
    (blocked > 0 ? ` · loop blocked ${formatTime(blocked)}` : '');
}

function run(options = settings()) {
  if (runner.running) runner.stop();  // ends the current run (its own model) first
  if (!runner.ready) { pendingRun = options; setState('loading', 'loading the engine…'); return; }
  const m = new TimelineModel();
  output.clear();
  editor.markError(null);
  timeline.setModel(m);
  summarize(m);
  const clock = options.clock;
  setState('running', clock === 'real' ? `running in real time (${options.speed}×)…` : 'running…');
  const started = performance.now();
  runner.run(editor.text, options, {
    onBatch(lines, trace) {
      m.addTrace(trace);
      const first = m.addOutput(lines);
      output.append(m.outputs.slice(first), first);
      summarize(m);
      timeline.redraw();
    },
    onDone(status) {
      m.finish();
      summarize(m);
      timeline.redraw();
      output.end(status, m.tEnd);
      const ms = performance.now() - started;
      if (status.state === 'finished') {
        setState('finished', `finished: ${formatTime(m.tEnd)} ${clock === 'real' ? 'real' : 'virtual'} time (${ms.toFixed(0)} ms)`);
      } else if (status.state === 'stopped') {
        setState('stopped', 'stopped: output and timeline up to the stop are kept');
      } else {
        const err = status.error || {};
        setState('failed', err.budget ? `stopped: the ${err.budget} budget ran out` : `failed: ${err.type || 'error'}${err.line ? ` on line ${err.line}` : ''}`);
        if (err.line >= 1) editor.markError(err.line, err.col);
      }
    },
  });
}

const runner = new Runner({
  onReady() {
    const root = document.documentElement;
    if (!root.dataset.engine) root.dataset.readyMs = performance.now().toFixed(0);
    root.dataset.engine = 'ready';
    if (document.body.dataset.run === 'loading') setState('idle', 'ready');
    if (pendingRun) { const options = pendingRun; pendingRun = null; run(options); }
  },
  onFatal(message) {
    setState('failed', message);
    notify(message, 'error');
  },
});

// Opening the page (or a link) runs its scenario once, instantly, in virtual time.
function autorunOptions() { return { ...settings(), clock: 'virtual' }; }

ui.run.addEventListener('click', () => run());
ui.stop.addEventListener('click', () => runner.stop());
ui.clock.addEventListener('change', () => { applySettings(settings()); save(); });
ui.speed.addEventListener('change', save);
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && runner.running) runner.stop();
});

// ---- share links --------------------------------------------------------------

ui.share.addEventListener('click', async () => {
  const fragment = await encodeLink(editor.text, settings());
  history.replaceState(null, '', fragment);
  const url = location.href;
  try {
    await navigator.clipboard.writeText(url);
    notify('Link copied: it holds the scenario and the clock settings.');
  } catch {
    notify(`Copy this link: ${url}`);
  }
});

async function openLink() {
  let scenario;
  try {
    scenario = await decodeLink(location.hash);
  } catch (err) {
    const why = err instanceof LinkError ? err.message : 'it could not be read';
    notify(`This link cannot be opened: ${why}. The editor keeps your last scenario.`, 'error');
    return false;
  }
  if (!scenario) return false;
  lastExample = null;
  editor.setText(scenario.code);
  showAbout(scenario.code);
  applySettings(scenario);
  save();
  return true;
}

window.addEventListener('hashchange', async () => {
  if (await openLink()) run(autorunOptions());
});

setState('loading', 'loading the engine…');
openLink().then(() => {
  run(autorunOptions());
});
