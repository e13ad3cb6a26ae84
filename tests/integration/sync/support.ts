/**
 * Test kit for sync: real kiosk databases enrolled with a real central gateway over HTTP on
 * 127.0.0.1, waits on events (never sleeps).
 */
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { openDatabase, type Db } from '../../../src-main/db/open.js';
import { FilingService } from '../../../src-main/filings/filing-service.js';
import { getFilingView } from '../../../src-main/filings/filing-store.js';
import type { FilingUpdate } from '../../../src-main/sync/outbox-store.js';
import { SyncEngine, type SyncOptions } from '../../../src-main/sync/sync-engine.js';
import { enrolKiosk } from '../../../src-main/sync/enrol-kiosk.js';
import { issueEnrolCode } from '../../../src-main/central/enrolment.js';
import type { CentralStore } from '../../../src-main/central/store.js';
import { writeSetting } from '../../../src-main/kiosk/settings.js';
import { createLogger, type Logger } from '../../../src-main/log/logger.js';
import { findCourt } from '../../../src-shared/courts/court-profile.js';
import { filingDraftSchema, type FilingRecord, type FilingView } from '../../../src-shared/domain/filing.js';
import type { SyncStatus } from '../../../src-shared/api/contract.js';
import { APPLICANT, draft } from '../../support/fixtures.js';
import { readDraft } from '../../../src-shared/domain/draft-facts.js';

export const quietLog: Logger = createLogger({ sink: [] });
export const court = findCourt('jiaozuo-shanyang')!;

export interface TestKiosk {
  db: Db;
  deviceId: string;
  service: FilingService;
  sync: SyncEngine;
  close(): Promise<void>;
}

/** Opens (or reopens) a kiosk database in `dir/name.sqlite` with a fixed device id. */
export function openKiosk(dir: string, name: string, centralUrl: string | null, opts: Partial<SyncOptions> = {}): TestKiosk {
  const db = openDatabase(join(dir, `${name}.sqlite`), 'kiosk');
  const deviceId = `${name.padEnd(8, '0').slice(0, 8)}-0000-4000-8000-000000000000`;
  writeSetting(db, 'device.id', deviceId);
  const sync = new SyncEngine({ db, deviceId, courtCode: court.code, centralUrl, log: quietLog, baseDelayMs: 20, maxDelayMs: 200, watchdogMs: 200, pullWaitMs: 2_000, ...opts });
  const service = new FilingService({ db, deviceId, court, applicantKeySecret: 's', now: opts.now ?? (() => new Date()), log: quietLog, onSubmitted: () => sync.kick('queued') });
  return {
    db,
    deviceId,
    service,
    sync,
    async close() {
      await sync.stop();
      db.close();
    },
  };
}

export async function enrol(k: { db: Db }, store: CentralStore, centralUrl: string): Promise<void> {
  const issued = await issueEnrolCode(store, court.id, new Date());
  if (!issued.ok) throw new Error(issued.message_en);
  const r = await enrolKiosk(k.db, { centralUrl, code: issued.code });
  if (!r.ok) throw new Error(r.message_en);
}

export function submit(k: TestKiosk, d = draft()): FilingView {
  return k.service.submit(filingDraftSchema.parse(d) as never, APPLICANT);
}

/** Resolves when the filing has an official number (or is rejected). */
export function settled(k: TestKiosk, id: string): Promise<FilingView> {
  return new Promise<FilingView>((resolve) => {
    // The event names what changed; the test reads the filing's whole view, as the UI does.
    const check = (v: FilingUpdate | undefined) => {
      if (v && v.id === id && (v.officialNo || v.status === 'rejected')) {
        k.sync.off('filing.updated', check);
        resolve(getFilingView(k.db, id)!);
        return true;
      }
      return false;
    };
    k.sync.on('filing.updated', check);
    check(getFilingView(k.db, id));
  });
}

/** Resolves on the first status (current or emitted) that satisfies `pred`. */
export function statusWhere(k: TestKiosk, pred: (s: SyncStatus) => boolean): Promise<SyncStatus> {
  return new Promise((resolve) => {
    const on = (s: SyncStatus) => {
      if (pred(s)) {
        k.sync.off('status', on);
        resolve(s);
      }
    };
    k.sync.on('status', on);
    on(k.sync.status());
  });
}

export function seqOf(officialNo: string): number {
  return Number(/(\d+)号$/.exec(officialNo)![1]);
}

/**
 * A filing record as a kiosk pushes it, with the facts the central decides its type from
 * (made by the kiosk's own reading of the same draft, so the central can agree).
 */
export function filingRecord(overrides: Partial<FilingRecord> = {}): FilingRecord {
  const reading = readDraft(filingDraftSchema.parse(draft(overrides.basisNumber ? { basisNumber: overrides.basisNumber } : {})), APPLICANT);
  // The record's amount and respondents agree with its facts, as the kiosk makes them from one reading.
  const respondents = overrides.respondents ?? [{ kind: 'person' as const, name: '李四' }];
  const facts = { ...reading.facts, respondents: respondents.map((r) => ({ kind: r.kind, name: r.name, ...(r.idNumber ? { idNumber: r.idNumber } : {}) })) };
  return {
    id: randomUUID(),
    provisionalNo: `临-TEST-20261122-${Math.floor(Math.random() * 1e6)}`,
    courtId: court.id,
    courtCode: court.code,
    typeCode: '执',
    submittedAt: new Date().toISOString(),
    applicant: APPLICANT,
    respondents,
    basisNumber: '（2024）豫0811民初123号',
    amountFen: reading.money!.totalFen,
    money: reading.money!,
    facts: facts as Record<string, unknown>,
    ...overrides,
  };
}
