/**
 * What sharing state through PostgreSQL costs when several gateways serve one database
 * (issue 16 point 6): a wake-up from one gateway's notice to a waiter on another, against the
 * same wake-up inside one process; and the per-request cost of the signature taken once and of
 * an attempt count, against a bare `SELECT 1` round trip on the same pool. Runs where
 * YZT_TEST_PG_URL is set, else its figures are skipped with a note.
 */
import { randomBytes } from 'node:crypto';
import { percentile, type Figure } from './bench-kit.js';
import { PgCentralStore } from '../src-main/central/pg-store.js';
import { PgChangeNotifier } from '../src-main/central/pg-notify.js';
import { LocalChangeNotifier } from '../src-main/central/change-notifier.js';
import { PgReplayGuard } from '../src-main/central/request-replay.js';
import { PgAttemptLimiter } from '../src-main/central/db-rate-limit.js';
import { createLogger } from '../src-main/log/logger.js';
import { dropSchema, freshSchema } from '../tests/integration/central/pg-support.js';

const PG_URL = process.env.YZT_TEST_PG_URL;
const ROUNDS = 300;

async function timed(n: number, once: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await once(i);
    out.push(performance.now() - t);
  }
  return out;
}

const fig = (name: string, samples: number[], anchor: number[], anchorName: string): Figure => {
  const v = percentile(samples, 50);
  const a = percentile(anchor, 50);
  return { name: `${name} median`, value: v, unit: 'ms', note: `p95 ${percentile(samples, 95).toFixed(2)} ms; ${(v / a).toFixed(1)}× ${anchorName} (${a.toFixed(3)} ms); n=${samples.length}` };
};

export async function bench(): Promise<Figure[]> {
  if (!PG_URL) return [{ name: 'gateway figures skipped', value: 0, unit: '-', note: 'set YZT_TEST_PG_URL=postgres://... to run them' }];
  const schema = freshSchema();
  const store = await PgCentralStore.open(PG_URL, { schema, max: 4 });
  const log = createLogger({ sink: [] });
  const [one, other] = [await PgChangeNotifier.start(store.pool, log), await PgChangeNotifier.start(store.pool, log)];
  const local = new LocalChangeNotifier();
  const never = new AbortController().signal;
  try {
    const across = await timed(ROUNDS, async (i) => {
      const woken = other.wait(`court-${i}`, 60_000, never);
      one.notify(`court-${i}`);
      await woken;
    });
    const inProcess = await timed(ROUNDS, async (i) => {
      const woken = local.wait(`court-${i}`, 60_000, never);
      local.notify(`court-${i}`);
      await woken;
    });
    const roundTrip = await timed(ROUNDS, () => store.pool.query('SELECT 1'));
    const guard = new PgReplayGuard(store.pool);
    const taken = await timed(ROUNDS, () => guard.firstUse('bench-device', randomBytes(32).toString('base64url'), Date.now() + 300_000));
    const limiter = new PgAttemptLimiter(store.pool, 'enrol', { max: 1e9, windowMs: 60_000 });
    const counted = await timed(ROUNDS, (i) => limiter.take(`10.0.${i % 256}.1`));
    return [
      fig('wake-up across gateways (NOTIFY → other gateway)', across, inProcess, 'in one process'),
      fig('signature taken once (INSERT per kiosk request)', taken, roundTrip, 'SELECT 1'),
      fig('attempt counted (upsert per enrol / bad token)', counted, roundTrip, 'SELECT 1'),
    ];
  } finally {
    await one.close();
    await other.close();
    await store.close();
    await dropSchema(schema);
  }
}
