// Runs every test file on its own, one vitest process per file, one after the other, and ends
// with the files that failed. A file that passes only after another has run (shared state,
// a warm cache, an order of tests) fails here.
//
//   node scripts/run-each-test-file.mjs [folder or file ...]   (default: tests/unit tests/integration tests/fault)
//
// Exit code 0 when every file passed. Extra vitest options go after `--`.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const argv = process.argv.slice(2);
const dash = argv.indexOf('--');
const targets = dash < 0 ? argv : argv.slice(0, dash);
const extra = dash < 0 ? [] : argv.slice(dash + 1);
const roots = targets.length > 0 ? targets : ['tests/unit', 'tests/integration', 'tests/fault'];

function testFiles(path) {
  if (statSync(path).isFile()) return path.endsWith('.test.ts') ? [path] : [];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.name === 'node_modules' ? [] : testFiles(join(path, e.name))));
}

const files = roots.flatMap(testFiles).map((f) => relative(process.cwd(), f));
if (files.length === 0) {
  console.error(`no test files under ${roots.join(', ')}`);
  process.exit(2);
}

const failed = [];
const started = Date.now();
files.forEach((file, i) => {
  const t0 = Date.now();
  const r = spawnSync('npx', ['vitest', 'run', file, ...extra], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' }, maxBuffer: 64 << 20 });
  const ok = r.status === 0;
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  console.log(`[${String(i + 1).padStart(3)}/${files.length}] ${ok ? 'ok  ' : 'FAIL'} ${file} (${secs} s)`);
  if (!ok) {
    failed.push(file);
    // The failing file's own report, so the summary is enough to start fixing.
    const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n');
    console.log(out.slice(-60).map((l) => `    ${l}`).join('\n'));
  }
});

const total = ((Date.now() - started) / 1000).toFixed(0);
console.log(`\n${files.length - failed.length} of ${files.length} files passed alone (${total} s)`);
if (failed.length > 0) {
  console.log('Failed when run alone:');
  for (const f of failed) console.log(`  ${f}`);
}
process.exit(failed.length === 0 ? 0 : 1);
