/**
 * The kiosk's lists at size, on a real database built the way years of use leave it
 * (bench/kiosk-at-scale.ts, small here): the status query pages, the counter queue reads only
 * the newest rows it shows and still finds an old case by its number, and neither depends on
 * statistics the planner may not have.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKioskApp } from '../../../src-main/app/kiosk-app.js';
import { createLogger } from '../../../src-main/log/logger.js';
import { listQueue, QUEUE_LIMIT } from '../../../src-main/counter/queue.js';
import { listFilingsByApplicant, MINE_PAGE } from '../../../src-main/filings/filing-store.js';
import { OUTBOX_STATS_SQL } from '../../../src-main/sync/outbox-store.js';
import { loadKioskSettings } from '../../../src-main/kiosk/settings.js';
import type { Db } from '../../../src-main/db/open.js';
import { buildCalendar } from '../../../src-shared/calendar/work-calendar.js';
import { findCourt, resolveCourt } from '../../../src-shared/courts/court-profile.js';
import { buildKioskAtScale, openScaleDb, type BuiltKiosk } from '../../../bench/kiosk-at-scale.js';
import { tempDir } from '../../support/tmp.js';

const NOW = new Date('2026-12-01T02:00:00Z');
const FILINGS = 12_000;
const UNPURGED = 600;
const AGENT = 45;

describe('kiosk lists on a database of years', () => {
  const dir = tempDir('yzt-scale-');
  let db: Db;
  let built: BuiltKiosk;
  beforeAll(async () => {
    const app = await startKioskApp({ dataDir: dir.path, shell: 'host', log: createLogger({ level: 'error' }), reader: null, printerPath: null, now: () => NOW });
    await app.close();
    built = buildKioskAtScale(dir.path, { filings: FILINGS, unpurged: UNPURGED, agentFilings: AGENT, now: NOW });
    db = openScaleDb(dir.path);
  }, 120_000);
  afterAll(() => {
    db?.close();
    dir.cleanup();
  });

  const queueDeps = () => {
    const court = findCourt(loadKioskSettings(db).courtId)!;
    return { db, court, calendar: buildCalendar(resolveCourt(court).calendar), now: () => NOW, applicantKey: () => built.agentKey };
  };

  it('the status query gives an agent with many filings pages of 20, newest first, to the last', () => {
    const seen: string[] = [];
    let before: string | undefined;
    const sizes: number[] = [];
    for (;;) {
      const page = listFilingsByApplicant(db, built.agentKey, { before });
      sizes.push(page.items.length);
      seen.push(...page.items.map((f) => f.submittedAt + f.id));
      if (!page.next) break;
      before = page.next;
    }
    expect(sizes).toEqual([MINE_PAGE, MINE_PAGE, AGENT - 2 * MINE_PAGE]);
    expect(new Set(seen).size).toBe(AGENT);
    expect([...seen].sort().reverse()).toEqual(seen);
    expect(listFilingsByApplicant(db, 'f'.repeat(64)).items).toEqual([]);
  });

  it('a forged cursor is read as no cursor, never as SQL', () => {
    const first = listFilingsByApplicant(db, built.agentKey, { before: "x' OR 1=1 --" });
    expect(first.items[0]!.id).toBe(listFilingsByApplicant(db, built.agentKey).items[0]!.id);
  });

  it('the open queue holds only cases not yet purged, at most its limit, oldest first', () => {
    const rows = listQueue(queueDeps(), '', 'open');
    expect(rows.length).toBe(Math.min(UNPURGED, QUEUE_LIMIT));
    const purged = db.prepare('SELECT count(*) FROM filings WHERE purged_at IS NOT NULL AND id IN (SELECT value FROM json_each(?))').pluck().get(JSON.stringify(rows.map((r) => r.filingId)));
    expect(purged).toBe(0);
    expect(rows[0]!.applicantName).toBe('张三');
    expect(rows[0]!.respondentNames).toEqual(['李四']);
    expect(rows[0]!.amountFen).toBe(1234567);
  });

  it('finds a case five years old by its official number, and a name only among the newest', () => {
    const oldest = db.prepare('SELECT official_no FROM filings ORDER BY submitted_at LIMIT 1').pluck().get() as string;
    const found = listQueue(queueDeps(), oldest, 'all');
    expect(found.map((r) => r.officialNo)).toContain(oldest);
    const byName = listQueue(queueDeps(), '李四', 'open');
    expect(byName.length).toBeGreaterThan(0);
    expect(listQueue(queueDeps(), '王五', 'open')).toEqual([]);
  });

  it('every list reads through an index, with no statistics gathered', () => {
    db.exec('DROP TABLE IF EXISTS sqlite_stat1');
    const plan = (sql: string, params: Record<string, unknown> = {}) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
    const plans = {
      queue: plan("SELECT f.id FROM filings f LEFT JOIN counter_cases c ON c.filing_id = f.id LEFT JOIN case_status s ON s.filing_id = f.id WHERE f.purged_at IS NULL ORDER BY f.submitted_at DESC LIMIT 200"),
      mine: plan('SELECT id FROM filings WHERE applicant_key = @k AND (submitted_at, id) < (@a, @b) ORDER BY submitted_at DESC, id DESC LIMIT 21', { k: 'x', a: 'a', b: 'b' }),
      outboxStats: plan(OUTBOX_STATS_SQL),
      remote: plan('SELECT s.filing_id FROM case_status s LEFT JOIN filings f ON f.id = s.filing_id WHERE f.id IS NULL ORDER BY s.version DESC LIMIT 500'),
    };
    for (const [name, p] of Object.entries(plans)) {
      expect(p, name).not.toMatch(/USE TEMP B-TREE/);
      expect(p, name).not.toMatch(/SCAN (f|filings|outbox|s|case_status)(?! USING)/);
    }
    // Asked in one SELECT, count and min walked the pending index and read every pending row
    // (an encrypted page each) for its created_at; the oldest must be one seek in its own index.
    expect(plans.outboxStats).toMatch(/SEARCH outbox USING INDEX outbox_pending_created/);
  });
});
