// A throwaway PostgreSQL cluster for `npm test`, so a developer's run and CI's run the same
// PostgreSQL tests: its own temp folder and a free port, so it neither needs nor disturbs a
// system cluster, and it is gone when the run ends.
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

const DEBIAN_ROOT = '/usr/lib/postgresql';

/** The newest Debian PostgreSQL bin folder, else the one holding `initdb` on PATH. */
function findBinDir() {
  if (existsSync(DEBIAN_ROOT)) {
    const versions = readdirSync(DEBIAN_ROOT)
      .filter((v) => existsSync(join(DEBIAN_ROOT, v, 'bin', 'initdb')))
      .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
    if (versions[0]) return join(DEBIAN_ROOT, versions[0], 'bin');
  }
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  return null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/**
 * Starts a cluster and returns its URL and a stop function, or explains in `skipped` why the
 * PostgreSQL tests will not run. Root cannot run the server, so as root it runs as `postgres`.
 */
export async function startThrowawayPostgres() {
  const bin = findBinDir();
  if (!bin) return { skipped: `no PostgreSQL found (no initdb in ${DEBIAN_ROOT}/*/bin or on PATH); install postgresql or set YZT_TEST_PG_URL` };
  const asRoot = userInfo().uid === 0;
  const dir = mkdtempSync(join(tmpdir(), 'yzt-pg-'));
  const exec = (tool, args) => {
    const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args];
    return spawnSync(cmd, argv, { encoding: 'utf8' });
  };
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const fail = (what, r) => {
    remove();
    return { skipped: `the throwaway PostgreSQL did not start (${what}: ${(r.stderr || r.error?.message || '').trim().split('\n').pop()}); set YZT_TEST_PG_URL to use another` };
  };
  try {
    if (asRoot) chownSync(dir, postgresUid(), -1);
  } catch (e) {
    remove();
    return { skipped: `running as root but cannot hand a folder to the postgres user (${e.message}); set YZT_TEST_PG_URL` };
  }

  const data = join(dir, 'data');
  let r = exec('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  if (r.status !== 0) return fail('initdb', r);
  const port = await freePort();
  // Socket in our own folder, not /tmp: two runs, or a system cluster, never meet.
  r = exec('pg_ctl', ['-D', data, '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, '-l', join(dir, 'log'), '-w', 'start']);
  if (r.status !== 0) return fail('pg_ctl start', r);

  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    exec('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    remove();
  };
  r = spawnSync(join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-q', '-v', 'ON_ERROR_STOP=1', '-c', "CREATE ROLE yzt LOGIN PASSWORD 'yzt' SUPERUSER", '-c', 'CREATE DATABASE yzt_test OWNER yzt'], { encoding: 'utf8' });
  if (r.status !== 0) {
    stop();
    return fail('psql', r);
  }
  return { url: `postgres://yzt:yzt@127.0.0.1:${port}/yzt_test`, stop };
}

function postgresUid() {
  const r = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error('no postgres user');
  return Number(r.stdout.trim());
}
