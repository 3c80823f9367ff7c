#!/usr/bin/env node
// corolab command line: runs a scenario on the Wasm build under Node.
//   corolab run FILE.py [--clock virtual|real] [--format text|tsv|json] ...
// The interpreter formats every line itself (lang/output_format.*), so the
// native CLI (cli/main.cpp) and this one print the same bytes.
'use strict';
const fs = require('fs');
const path = require('path');
const { loadCorolab, runVirtual } = require('./run.cjs');

// V8 runs each Wasm function in its baseline compiler (Liftoff) and compiles
// it with TurboFan in the background once it has run a while (the tiering
// budget). With V8 11.3's default budget even hello.py queues about 280 ms
// of TurboFan work (the interpreter's loop alone: about 200 ms), which the
// process waits for at exit and which takes a core from the run on a busy
// machine. A budget 5.5x the default tiers up only what stays hot (bench/
// README.md, "Wasm CLI start-up and tiering"). Set before the module is
// compiled, in the CLI only: the page and the tests keep V8's defaults.
require('v8').setFlagsFromString('--wasm-tiering-budget=10000000');

const USAGE = `usage: corolab run FILE.py [options]

Runs an asyncio scenario on corolab's engine and prints its output with the
virtual (or real) time of each line.

options:
  --clock virtual|real   virtual: instant and deterministic (default);
                         real: timers fire on the wall clock
  --speed F              real clock only: 0.1 to 10 (default 1)
  --format text|tsv|json text: "[  1.000s] Task-2  Hello" (default);
                         tsv: "<seconds>\\t<text>" (the conformance format);
                         json: the whole trace, one event per line
  --seed N               seed for random when the scenario does not seed it
  --max-steps N          budget: interpreter steps (default 200000000)
  --max-memory MB        budget: memory the run holds, in MB (default 256, at most 768)
  --max-tasks N          budget: live tasks (default 100000)
  --max-depth N          budget: recursion depth (default 1000)
  --max-output BYTES     budget: output size (default 1000000)
  --max-time SECONDS     budget: virtual-time horizon (default 3600)
  -h, --help             this text

exit status: 0, or 1 when the scenario fails (the error is on stderr),
2 for a usage error.`;

// name in the module's options, scale, largest value, whole numbers only.
// Out of range is a usage error, never wrapped (cli/main.cpp has the same
// ranges, except memory: the Wasm module's memory has a fixed maximum).
const MAX_COUNT = Number.MAX_SAFE_INTEGER;
const BUDGET_FLAGS = {
  '--max-steps': ['steps', 1, MAX_COUNT, true],
  '--max-memory': ['memory', 1024 * 1024, 768, false],
  '--max-tasks': ['tasks', 1, MAX_COUNT, true],
  '--max-depth': ['depth', 1, 2147483647, true],
  '--max-output': ['output', 1, MAX_COUNT, true],
  '--max-time': ['time', 1, Number.MAX_VALUE, false],
};

function usageError(msg) {
  process.stderr.write(`corolab: ${msg}\n(run 'corolab --help' for usage)\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { clock: 'virtual', speed: 1, format: 'text', budgets: {} };
  let command = null;
  let file = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) usageError(`${a} needs a value`);
      return argv[++i];
    };
    const number = (v) => {
      const n = Number(v);
      if (v === '' || !Number.isFinite(n) || n < 0) usageError(`${a}: not a non-negative number: ${v}`);
      return n;
    };
    const bounded = (flag, v, max, integer) => {
      const n = number(v);
      if (integer && !Number.isInteger(n)) usageError(`${flag}: not a whole number: ${v}`);
      if (n > max) usageError(`${flag} must be at most ${max}, not ${v}`);
      return n;
    };
    if (a === '-h' || a === '--help') {
      process.stdout.write(USAGE + '\n');
      process.exit(0);
    } else if (a === '--clock') {
      opts.clock = value();
      if (opts.clock !== 'virtual' && opts.clock !== 'real') usageError(`--clock must be virtual or real, not ${opts.clock}`);
    } else if (a === '--format') {
      opts.format = value();
      if (!['text', 'tsv', 'json'].includes(opts.format)) usageError(`--format must be text, tsv or json, not ${opts.format}`);
    } else if (a === '--speed') {
      opts.speed = number(value());
      if (opts.speed < 0.1 || opts.speed > 10) usageError('--speed must be between 0.1 and 10');
    } else if (a === '--seed') {
      opts.seed = bounded(a, value(), MAX_COUNT, true);
    } else if (a in BUDGET_FLAGS) {
      const [name, scale, max, integer] = BUDGET_FLAGS[a];
      opts.budgets[name] = bounded(a, value(), max, integer) * scale;
    } else if (a.startsWith('-')) {
      usageError(`unknown option ${a}`);
    } else if (command === null) {
      command = a;
    } else if (file === null) {
      file = a;
    } else {
      usageError(`unexpected argument ${a}`);
    }
  }
  if (command === null) usageError('missing command (try: corolab run FILE.py)');
  if (command !== 'run') usageError(`unknown command ${command}`);
  if (file === null) usageError('missing FILE.py');
  return { file, opts };
}

async function main() {
  const { file, opts } = parseArgs(process.argv.slice(2));
  let source;
  try {
    source = fs.readFileSync(file);  // bytes: a file that is not UTF-8 is the interpreter's SyntaxError
  } catch (e) {
    process.stderr.write(`corolab: cannot read ${file}: ${e.code || e.message}\n`);
    process.exit(2);
  }
  const mod = await loadCorolab();
  const options = {
    clock: opts.clock,
    speed: opts.speed,
    filename: path.basename(file),
    budgets: opts.budgets,
    trace: opts.format === 'json',  // recorded only when printed
  };
  if (opts.seed !== undefined) options.seed = opts.seed;

  if (opts.clock === 'virtual') {
    const r = runVirtual(mod, source, options, opts.format);
    process.stdout.write(r.stdout);
    process.stderr.write(r.stderr);
    process.exitCode = r.exitCode;
    return;
  }
  const session = new mod.Session(source, JSON.stringify(options));

  const flush = () => {
    const out = session.takeFormatted(opts.format);
    if (out.stdout) process.stdout.write(out.stdout);
    if (out.stderr) process.stderr.write(out.stderr);
  };
  const finish = () => {
    flush();
    const status = JSON.parse(session.status());
    session.delete();
    process.exitCode = status.exitCode;
  };

  // Real clock: the host's event loop drives the engine's timer heap.
  // Output is flushed after every turn so lines appear as they happen.
  const { drive } = require('../web/driver.js');
  const run = drive({
    advance() {
      const wait = session.advance();
      flush();
      return wait;
    },
  });
  const end = await run.done;
  if (end.error) throw end.error;
  finish();
}

if (require.main === module) main().catch((e) => {
  process.stderr.write(`corolab: internal error: ${e && e.stack ? e.stack : e}\n`);
  process.exit(70);
});
