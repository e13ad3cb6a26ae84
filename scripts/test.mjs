// `npm test`: type-check every zone, check boundaries, build the renderer the e2e tests
// serve, run all vitest projects against a throwaway PostgreSQL, and close with one plain
// "N passed, N failed, N skipped" line (CI reads only that line).
// YZT_TEST_EXTRA_TZ=America/Los_Angeles runs the unit project once more with the machine's
// zone set so: every date for a person is China's, whatever zone the kiosk or server runs in.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { startThrowawayPostgres } from './test-postgres.mjs';

const running = new Set();
let postgres = null;

const run = (cmd, args, env = {}) =>
  new Promise((resolve) => {
    console.log(`\n$ ${cmd} ${args.join(' ')}`);
    const child = spawn(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0', ...env } });
    running.add(child);
    child.on('error', () => resolve(1));
    child.on('exit', (code) => {
      running.delete(child);
      resolve(code ?? 1);
    });
  });

// Ctrl-C, CI's timeout or a crash of this script: the cluster and its temp folder must not
// outlive the run. (stop is synchronous and runs once, so it is safe in an exit handler.)
process.on('exit', () => postgres?.stop());
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    for (const child of running) child.kill(sig);
    postgres?.stop();
    console.log(`\n${sig}: stopped`);
    process.exit(130);
  });
}

const extraZone = process.env.YZT_TEST_EXTRA_TZ;
if (extraZone) {
  try {
    new Intl.DateTimeFormat('en', { timeZone: extraZone });
  } catch {
    // An unknown TZ would silently run as UTC and prove nothing.
    console.log(`\nYZT_TEST_EXTRA_TZ=${extraZone} is not a time zone name (e.g. America/Los_Angeles)\n0 passed, 1 failed, 0 skipped`);
    process.exit(1);
  }
}

const finish = (totals, ok) => {
  postgres?.stop();
  console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(ok && totals.failed === 0 ? 0 : 1);
};

for (const [cmd, args] of [
  ['npx', ['tsc', '-p', 'tsconfig.shared.json']],
  ['npx', ['tsc', '-p', 'tsconfig.node.json']],
  ['npx', ['tsc', '-p', 'tsconfig.renderer.json']],
  ['npx', ['tsx', 'scripts/check-boundaries.ts']],
  ['npx', ['vite', 'build', '--config', 'vite.config.ts', '--logLevel', 'warn']],
  ['node', ['scripts/build-node.mjs']],
]) {
  if ((await run(cmd, args)) !== 0) finish({ passed: 0, failed: 1, skipped: 0 }, false);
}

const env = {};
if (process.env.YZT_TEST_PG_URL) {
  console.log('\nPostgreSQL tests: on the database in YZT_TEST_PG_URL');
} else {
  const pg = await startThrowawayPostgres();
  if (pg.url) {
    postgres = pg;
    env.YZT_TEST_PG_URL = pg.url;
    console.log(`\nPostgreSQL tests: on a throwaway cluster at ${pg.url.replace(/\/\/[^@]*@/, '//')}`);
  } else {
    console.log(`\nPostgreSQL tests will be skipped: ${pg.skipped}`);
  }
}

/** One vitest pass with its own JSON report, so a pass that dies cannot be read as another's. */
async function vitestPass(report, args, passEnv) {
  rmSync(report, { force: true });
  const status = await run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args], passEnv);
  const t = { passed: 0, failed: 0, skipped: 0 };
  try {
    const r = JSON.parse(readFileSync(report, 'utf8'));
    t.passed = r.numPassedTests;
    // A file that fails to load has no failed test, only a failed suite.
    t.failed = r.numFailedTests + (r.numFailedTestSuites > 0 && r.numFailedTests === 0 ? 1 : 0);
    t.skipped = r.numPendingTests + r.numTodoTests;
  } catch {
    t.failed = 1;
  }
  if (status !== 0 && t.failed === 0) t.failed = 1;
  return { totals: t, ok: status === 0 };
}

mkdirSync('test-results', { recursive: true });
const args = process.argv.slice(2);
const passes = [await vitestPass('test-results/vitest.json', args, env)];
if (extraZone) {
  console.log(`\nThe unit project again with the machine's zone at ${extraZone} (YZT_TEST_EXTRA_TZ)`);
  const report = `test-results/vitest-tz-${extraZone.replace(/[^A-Za-z0-9]+/g, '-')}.json`;
  passes.push(await vitestPass(report, ['--project', 'unit', '--passWithNoTests', ...args], { ...env, TZ: extraZone }));
}
const sum = (key) => passes.reduce((n, p) => n + p.totals[key], 0);
finish({ passed: sum('passed'), failed: sum('failed'), skipped: sum('skipped') }, passes.every((p) => p.ok));
