/**
 * A kiosk database as years of use leave it: BENCH_KIOSK_FILINGS (1,000,000) filings, all
 * numbered by the central, all but the newest BENCH_KIOSK_UNPURGED (10,000) already purged, and
 * one agent with BENCH_KIOSK_AGENT_FILINGS (1,000) filings among them. Made through the
 * kiosk's own code: the app's first start writes the settings, FilingService.submit files the
 * templates (real rules, real records, real outbox rows), redactRecord makes the purged form,
 * and SQL then repeats those rows with their own ids, numbers, keys and times, which is what
 * lets a million be built in about a minute instead of hours of fsyncs.
 */
import { openDatabase, type Db } from '../src-main/db/open.js';
import { FilingService } from '../src-main/filings/filing-service.js';
import { createLogger } from '../src-main/log/logger.js';
import { kioskDbFile } from '../src-main/paths.js';
import { loadKioskSettings } from '../src-main/kiosk/settings.js';
import { redactRecord } from '../src-main/privacy/redact-record.js';
import { findCourt } from '../src-shared/courts/court-profile.js';
import { filingDraftSchema, type FilingRecord } from '../src-shared/domain/filing.js';
import { APPLICANT, draft } from '../tests/support/fixtures.js';

export interface ScaleOptions {
  filings: number;
  unpurged: number;
  agentFilings: number;
  /** The day the newest filing was made; the oldest is five years before. */
  now: Date;
}

export interface BuiltKiosk {
  /** The agent's applicant key: the status query for someone with agentFilings filings. */
  agentKey: string;
  agentIdNumber: string;
  applicantKeySecret: string;
}

export function scaleOptionsFromEnv(now: Date): ScaleOptions {
  return {
    filings: Number(process.env.BENCH_KIOSK_FILINGS ?? 1_000_000),
    unpurged: Number(process.env.BENCH_KIOSK_UNPURGED ?? 10_000),
    agentFilings: Number(process.env.BENCH_KIOSK_AGENT_FILINGS ?? 1_000),
    now,
  };
}

const DAY_MS = 86_400_000;

/** Needs a data folder where the kiosk app has started once (settings, key file). */
export function buildKioskAtScale(dataDir: string, o: ScaleOptions): BuiltKiosk {
  const db = openDatabase(kioskDbFile(dataDir), 'kiosk');
  try {
    const settings = loadKioskSettings(db);
    const court = findCourt(settings.courtId);
    if (!court) throw new Error(`no court profile ${settings.courtId}`);
    const service = new FilingService({
      db, deviceId: settings.deviceId, court, applicantKeySecret: settings.applicantKeySecret,
      now: () => o.now, log: createLogger({ level: 'error' }),
    });
    const template = service.submit(filingDraftSchema.parse(draft()), APPLICANT);
    const full = JSON.parse((db.prepare('SELECT record_json FROM filings WHERE id = ?').pluck().get(template.id) as string)) as FilingRecord;
    const redacted = JSON.stringify(redactRecord(full));
    const fullJson = JSON.stringify(full);
    const agentKey = service.applicantKey(APPLICANT.idNumber);
    db.prepare('DELETE FROM outbox').run();
    db.prepare('DELETE FROM filings').run();

    const span = 5 * 365 * DAY_MS;
    const start = o.now.getTime() - span;
    const step = span / o.filings;
    const everyAgent = Math.max(1, Math.floor(o.filings / o.agentFilings));
    const purgedBelow = o.filings - o.unpurged;
    // Fast to build, as a restore from backup would be: the bench measures reads, not these writes.
    db.pragma('synchronous = OFF');
    const chunk = 100_000;
    for (let from = 0; from < o.filings; from += chunk) {
      const to = Math.min(o.filings, from + chunk);
      db.transaction(() => {
        db.prepare(
          `WITH RECURSIVE n(i) AS (SELECT @from UNION ALL SELECT i + 1 FROM n WHERE i + 1 < @to),
           t AS (SELECT i, strftime('%Y-%m-%dT%H:%M:%fZ', (@start + i * @step) / 1000.0, 'unixepoch') AS at FROM n)
           INSERT INTO filings (id, provisional_no, official_no, court_id, court_code, type_code, status, applicant_key,
                                submitted_at, accepted_at, confirmed_at, purged_at, record_json, updated_at)
           SELECT printf('%08x-%04x-4000-8000-%012x', i, i % 65536, i), printf('K%011d', i),
                  printf('（%d）%s执%d号', 2021 + (i * 5) / @filings, @courtCode, i + 1), @courtId, @courtCode, '执', 'accepted',
                  CASE WHEN i % @everyAgent = 0 AND i / @everyAgent < @agentFilings THEN @agentKey ELSE printf('%064x', i / 5) END,
                  at, at, at, CASE WHEN i < @purgedBelow THEN at ELSE NULL END,
                  CASE WHEN i < @purgedBelow THEN @redacted ELSE @full END, at
           FROM t`,
        ).run({ from, to, start, step, filings: o.filings, courtCode: court.code, courtId: court.id, everyAgent, agentFilings: o.agentFilings, agentKey, purgedBelow, redacted, full: fullJson });
        db.prepare(
          `INSERT INTO outbox (filing_id, kind, body_json, created_at, attempts, done_at)
           SELECT id, 'filing.create', record_json, submitted_at, 1, submitted_at FROM filings WHERE provisional_no >= printf('K%011d', @from) AND provisional_no < printf('K%011d', @to)`,
        ).run({ from, to });
      })();
    }
    db.pragma('synchronous = FULL');
    db.pragma('wal_checkpoint(TRUNCATE)');
    return { agentKey, agentIdNumber: APPLICANT.idNumber, applicantKeySecret: settings.applicantKeySecret };
  } finally {
    db.close();
  }
}

export function openScaleDb(dataDir: string): Db {
  return openDatabase(kioskDbFile(dataDir), 'kiosk');
}
