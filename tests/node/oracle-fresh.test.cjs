// The checked-in expected outputs are current: a sample of ~25 scenarios,
// spread over every area (every k-th of the sorted list, so the choice is
// deterministic), rerun under the CPython oracle must give the same .tsv and
// .stderr files. Full check: python3 tests/oracle/regen.py --check
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { execFile } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
const CORPUS = path.join(ROOT, 'tests', 'conformance');
const REGEN = path.join(ROOT, 'tests', 'oracle', 'regen.py');
const SAMPLE_SIZE = 25;

function listScenarios() {
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.py')) found.push(path.relative(CORPUS, full));
    }
  };
  walk(CORPUS);
  return found.sort();
}

// threads/ runs CPython in real time (slow, and noisy on a loaded machine):
// regenerate those by hand (python3 tests/oracle/regen.py threads/).
function sample(all) {
  all = all.filter((rel) => !rel.startsWith(`threads${path.sep}`));
  const step = Math.max(1, Math.floor(all.length / SAMPLE_SIZE));
  return all.filter((_, i) => i % step === 0);
}

test('expected outputs match a fresh run of the CPython oracle', async () => {
  const chosen = sample(listScenarios());
  assert.ok(chosen.length >= Math.min(SAMPLE_SIZE, 1), 'the corpus is empty');
  const result = await new Promise((resolve) => {
    execFile('python3', [REGEN, '--check', ...chosen], { timeout: 300000 },
      (error, stdout, stderr) => resolve({ error, stdout, stderr }));
  });
  assert.ok(!(result.error && result.error.code === 'ENOENT'), 'python3 (CPython 3.11) is not installed');
  assert.equal(result.error, null,
    `stale expected outputs (regenerate: python3 tests/oracle/regen.py NAME):\n${result.stderr}`);
  assert.match(result.stderr, new RegExp(`checked ${chosen.length} scenario`));
});
