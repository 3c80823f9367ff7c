// TEMPORARY mock of the Embind module (same API), used until build/wasm/web/corolab.js exists.
var createCorolab = function (opts) {
  function Session(source, optsJson) {
    var o = JSON.parse(optsJson);
    this.real = o.clock === 'real'; this.speed = o.speed || 1;
    this.src = source; this.out = []; this.trace = []; this.state = 'running'; this.err = null;
    this.step = 0; this.t0 = Date.now();
  }
  Session.prototype.advance = function () {
    if (/while True/.test(this.src)) { for (;;) {} }
    if (/syntax/.test(this.src)) {
      this.state = 'failed';
      this.err = { type: 'SyntaxError', message: 'invalid syntax', line: 2, col: 5, display: 'SyntaxError: invalid syntax (line 2)', budget: null };
      this.out.push({ t: 0, task: 0, name: '', text: 'SyntaxError: invalid syntax', stream: 'err' });
      return -1;
    }
    var tr = this.trace, out = this.out;
    var many = /range\((\d+)\)/.exec(this.src);
    if (many && +many[1] >= 100) {
      var n = +many[1], end = 0;
      tr.push({ t: 0, ev: 'task_create', task: 1, name: 'Task-1', parent: 0 }, { t: 0, ev: 'task_start', task: 1 });
      for (var k = 2; k <= n + 1; k++) tr.push({ t: 0, ev: 'task_create', task: k, name: 'Task-' + k, parent: 1 });
      tr.push({ t: 0, ev: 'task_suspend', task: 1, on: 'gather', detail: n + ' tasks' });
      var ds = [];
      for (k = 2; k <= n + 1; k++) { tr.push({ t: 0, ev: 'task_start', task: k }); var d = Math.random() * 5; ds.push([d, k]); tr.push({ t: 0, ev: 'task_suspend', task: k, on: 'sleep', detail: 'until ' + d.toFixed(3) }); }
      ds.sort(function (a, b) { return a[0] - b[0]; });
      ds.forEach(function (p) { tr.push({ t: p[0], ev: 'task_resume', task: p[1] }, { t: p[0], ev: 'task_done', task: p[1], outcome: 'result' }); end = p[0]; });
      tr.push({ t: end, ev: 'task_resume', task: 1 }, { t: end, ev: 'task_done', task: 1, outcome: 'result' });
      out.push({ t: end, task: 1, name: 'Task-1', text: n + ' tasks finished', stream: 'out' });
      this.state = 'finished';
      return -1;
    }
    if (this.step === 0) {
      out.push({ t: 0, task: 0, name: '', text: 'start', stream: 'out' });
      for (var i = 1; i <= 3; i++) {
        tr.push({ t: 0, ev: 'task_create', task: i, name: 'Task-' + i, parent: i === 1 ? 0 : 1 });
        tr.push({ t: 0, ev: 'task_start', task: i });
      }
      tr.push({ t: 0, ev: 'task_suspend', task: 1, on: 'gather', detail: 'Task-2, Task-3' });
      tr.push({ t: 0, ev: 'task_suspend', task: 2, on: 'sleep', detail: 'until 1.000' });
      tr.push({ t: 0, ev: 'block', task: 3, until: 0.5 });
      tr.push({ t: 0.5, ev: 'task_suspend', task: 3, on: 'sleep', detail: 'until 1.500' });
      this.step = 1;
      if (this.real) return 1 / this.speed;
    }
    if (this.step === 1) {
      var t = this.real ? (Date.now() - this.t0) / 1000 * this.speed : 1;
      tr.push({ t: t, ev: 'task_resume', task: 2 });
      out.push({ t: t, task: 2, name: 'Task-2', text: 'Hello 1!', stream: 'out' });
      tr.push({ t: t, ev: 'output', task: 2, stream: 'out', text: 'Hello 1!' });
      tr.push({ t: t, ev: 'task_done', task: 2, outcome: 'result' });
      this.step = 2;
      if (this.real) return 0.5 / this.speed;
    }
    var t2 = this.real ? (Date.now() - this.t0) / 1000 * this.speed : 1.5;
    tr.push({ t: t2, ev: 'task_resume', task: 3 });
    out.push({ t: t2, task: 3, name: 'Task-3', text: 'Hello 2! <img src=x onerror=alert(1)>', stream: 'out' });
    tr.push({ t: t2, ev: 'task_done', task: 3, outcome: 'result' });
    tr.push({ t: t2, ev: 'task_resume', task: 1 });
    tr.push({ t: t2, ev: 'task_done', task: 1, outcome: 'result' });
    out.push({ t: t2, task: 0, name: '', text: 'exit', stream: 'out' });
    this.state = 'finished';
    return -1;
  };
  Session.prototype.takeOutput = function () { var o = this.out; this.out = []; return JSON.stringify(o); };
  Session.prototype.takeTrace = function () { var o = this.trace; this.trace = []; return JSON.stringify(o); };
  Session.prototype.status = function () { return JSON.stringify({ state: this.state, exitCode: this.state === 'failed' ? 1 : 0, error: this.err }); };
  Session.prototype.delete = function () {};
  var done = function () { return Promise.resolve({ Session: Session }); };
  if (opts && opts.instantiateWasm) {
    return new Promise(function (res) { opts.instantiateWasm({}, function () { res({ Session: Session }); }); });
  }
  return done();
};
if (typeof module === 'object') module.exports = createCorolab;
