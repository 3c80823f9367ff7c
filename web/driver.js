/*
 * corolab real-clock driver: runs an engine loop from the host's event loop.
 *
 * Generic over any `target` with advance() -> seconds to wait before the next
 * call (0: ready work remains, run again at once; > 0: the earliest timer is
 * that far; < 0: idle, nothing scheduled). One setTimeout for the earliest
 * deadline at a time; an immediate turn (setImmediate in Node, MessageChannel
 * in browsers and workers, never a 4 ms-clamped setTimeout(0)) for ready work.
 * A timer that fires early is harmless: advance() then returns the rest.
 *
 * A plain script: CommonJS (require) or a global `CorolabDriver` (browser,
 * worker importScripts).
 *
 *   const run = CorolabDriver.drive(loop);     // starts at once
 *   run.poke();   // work was added from outside: re-arm (an earlier timer may exist)
 *   run.stop();   // no more turns
 *   await run.done;  // resolves when advance() reports idle (or after stop())
 */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory();
  else root.CorolabDriver = factory();
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  // An immediate turn without timer clamping.
  function makeImmediate() {
    if (typeof setImmediate === 'function') return (fn) => setImmediate(fn);
    if (typeof MessageChannel === 'function') {
      const channel = new MessageChannel();
      const queue = [];
      channel.port1.onmessage = () => {
        const fn = queue.shift();
        if (fn) fn();
      };
      return (fn) => {
        queue.push(fn);
        channel.port2.postMessage(0);
      };
    }
    return (fn) => Promise.resolve().then(fn);
  }

  function drive(target, options = {}) {
    const immediate = options.immediate || makeImmediate();
    const onError = options.onError || null;
    let timer = null;
    let immediatePending = false;
    let stopped = false;
    let resolveDone;
    const done = new Promise((resolve) => (resolveDone = resolve));

    function finish(value) {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      resolveDone(value);
    }

    function turn() {
      timer = null;
      immediatePending = false;
      if (stopped) return;
      let wait;
      try {
        wait = target.advance();
      } catch (err) {
        if (onError) onError(err);
        finish({ error: err });
        return;
      }
      arm(wait);
    }

    function arm(wait) {
      if (stopped) return;
      if (wait < 0) {
        finish({ idle: true });
      } else if (wait === 0) {
        if (!immediatePending) {
          immediatePending = true;
          immediate(turn);
        }
      } else {
        if (timer !== null) clearTimeout(timer);
        timer = setTimeout(turn, wait * 1000);
      }
    }

    // Work was added from outside (maybe an earlier timer): take a turn now,
    // which re-arms for whatever is earliest.
    function poke() {
      if (stopped) return;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      arm(0);
    }

    poke();
    return { done, poke, stop: () => finish({ stopped: true }) };
  }

  return { drive, makeImmediate };
});
