/**
 * What the personal-data purge (src-main/privacy/) costs on the encrypted kiosk database:
 * BENCH_PURGE_FILINGS (500) filings confirmed by the central long ago, each with one
 * photographed page of BENCH_PURGE_PAGE_KB (200 KB) already uploaded — a kiosk's first purge
 * after an upgrade. Printed: the whole purge (secure_delete overwrites the freed pages), one
 * batch as the kiosk app runs one per event-loop turn (the screen's longest pause),
 * and the VACUUM the command line adds, with the file size before and after.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type Db } from '../src-main/db/open.js';
import { addDocument } from '../src-main/filings/document-store.js';
import { FilingService } from '../src-main/filings/filing-service.js';
import { createLogger } from '../src-main/log/logger.js';
import { purgeBatches } from '../src-main/privacy/purge.js';
import { BATCH_IN_APP as BATCH } from '../src-main/privacy/purge-scheduler.js';
import { COURT_PRESETS } from '../src-shared/courts/court-profile.js';
import { filingDraftSchema } from '../src-shared/domain/filing.js';
import { APPLICANT, draft } from '../tests/support/fixtures.js';
import { tempDir } from '../tests/support/tmp.js';
import { percentile, type Figure } from './bench-kit.js';

const FILINGS = Number(process.env.BENCH_PURGE_FILINGS ?? 500);
const PAGE_KB = Number(process.env.BENCH_PURGE_PAGE_KB ?? 200);
const DAY_MS = 86_400_000;

function page(i: number): string {
  const body = Buffer.alloc(PAGE_KB * 1024, i % 251);
  body.set([0xff, 0xd8, 0xff, 0xe0]);
  return `data:image/jpeg;base64,${body.toString('base64')}`;
}

/** Filings as a kiosk holds them a month after the central numbered them and took their pages. */
function fill(db: Db, filedAt: Date): void {
  const service = new FilingService({ db, deviceId: 'abcdef12-0000-4000-8000-000000000000', court: COURT_PRESETS[1]!, applicantKeySecret: 'bench', now: () => filedAt, log: createLogger({ level: 'error' }) });
  for (let i = 0; i < FILINGS; i++) {
    const holder = `session-${i}`;
    const doc = addDocument(db, holder, 'basis', page(i), filedAt);
    service.submit(filingDraftSchema.parse(draft({ documentIds: [doc.id] })), APPLICANT, holder);
  }
  const at = filedAt.toISOString();
  db.transaction(() => {
    db.prepare('UPDATE outbox SET done_at = ?').run(at);
    db.prepare("UPDATE filings SET official_no = '（2026）豫0811执' || rowid || '号', status = 'accepted', updated_at = ?").run(at);
    db.prepare('UPDATE documents SET uploaded_at = ?').run(at);
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
}

export async function bench(): Promise<Figure[]> {
  const dir = tempDir('yzt-bench-purge-');
  try {
    const file = join(dir.path, 'kiosk.sqlite');
    const db = openDatabase(file, 'kiosk');
    const now = new Date('2026-11-22T02:00:00Z');
    fill(db, new Date(now.getTime() - 40 * DAY_MS));
    const sizeBefore = statSync(file).size;

    const batchMs: number[] = [];
    let purged = 0;
    const started = performance.now();
    const batches = purgeBatches(db, { now, afterDays: 30, batchSize: BATCH });
    for (;;) {
      const t = performance.now();
      const next = batches.next();
      if (next.done) break;
      batchMs.push(performance.now() - t);
      purged += next.value.filings;
    }
    const totalMs = performance.now() - started;
    const vacuumStarted = performance.now();
    db.exec('VACUUM');
    const vacuumMs = performance.now() - vacuumStarted;
    db.pragma('wal_checkpoint(TRUNCATE)');
    const sizeAfter = statSync(file).size;
    db.close();
    if (purged !== FILINGS) throw new Error(`purged ${purged} of ${FILINGS} filings`);

    return [
      { name: 'purge, whole backlog', value: totalMs, unit: 'ms', note: `${FILINGS} filings, one ${PAGE_KB} KB page each, encrypted` },
      { name: 'purge, per filing', value: totalMs / FILINGS, unit: 'ms' },
      { name: `purge, one batch of ${BATCH} median`, value: percentile(batchMs, 50), unit: 'ms', note: 'the app runs one per event-loop turn' },
      { name: `purge, one batch of ${BATCH} max`, value: Math.max(...batchMs), unit: 'ms', note: 'longest pause of the kiosk screen' },
      { name: 'VACUUM after the purge', value: vacuumMs, unit: 'ms', note: 'yzt privacy purge only' },
      { name: 'database file before', value: sizeBefore / 1048576, unit: 'MB' },
      { name: 'database file after VACUUM', value: sizeAfter / 1048576, unit: 'MB' },
    ];
  } finally {
    dir.cleanup();
  }
}
