// `npm test`: type-check every zone, check boundaries, build the renderer the e2e tests
// serve, run all vitest projects, and close with one plain "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

const run = (cmd, args) => {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  return r.status ?? 1;
};

for (const [cmd, args] of [
  ['npx', ['tsc', '-p', 'tsconfig.shared.json']],
  ['npx', ['tsc', '-p', 'tsconfig.node.json']],
  ['npx', ['tsc', '-p', 'tsconfig.renderer.json']],
  ['npx', ['tsx', 'scripts/check-boundaries.ts']],
  ['npx', ['vite', 'build', '--config', 'vite.config.ts', '--logLevel', 'warn']],
  ['node', ['scripts/build-node.mjs']],
]) {
  if (run(cmd, args) !== 0) {
    console.log('\n0 passed, 1 failed');
    process.exit(1);
  }
}

mkdirSync('test-results', { recursive: true });
const status = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json', ...process.argv.slice(2)]);
let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const r = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
  passed = r.numPassedTests;
  failed = r.numFailedTests + (r.numTotalTestSuites > 0 && r.numFailedTestSuites > 0 && r.numFailedTests === 0 ? 1 : 0);
  skipped = r.numPendingTests + r.numTodoTests;
} catch {
  failed = Math.max(failed, 1);
}
if (status !== 0 && failed === 0) failed = 1;
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(status === 0 && failed === 0 ? 0 : 1);
