/**
 * What encrypting the kiosk database at rest costs (db/kiosk-cipher.ts), on real files with the
 * kiosk's own pragmas (WAL, synchronous=FULL, secure_delete) and the real filing service:
 *  - one applicant's submit transaction (filing + outbox row), encrypted vs plain;
 *  - reading every filing back from a cold connection (every page decrypted);
 *  - opening the database (key file read, first page decrypted);
 *  - encrypting a plaintext database of earlier versions in place (once per kiosk).
 * Sizes: BENCH_DB_SUBMITS (300), BENCH_DB_LEGACY (2000 filings).
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type Db } from '../src-main/db/open.js';
import { loadMigrations, migrate } from '../src-main/db/migrate.js';
import { FilingService } from '../src-main/filings/filing-service.js';
import { createLogger } from '../src-main/log/logger.js';
import { MIGRATIONS_DIR } from '../src-main/paths.js';
import { COURT_PRESETS } from '../src-shared/courts/court-profile.js';
import { filingDraftSchema } from '../src-shared/domain/filing.js';
import { APPLICANT, draft } from '../tests/support/fixtures.js';
import { tempDir } from '../tests/support/tmp.js';
import { latencyFigures, percentile, type Figure } from './bench-kit.js';

const SUBMITS = Number(process.env.BENCH_DB_SUBMITS ?? 300);
const LEGACY = Number(process.env.BENCH_DB_LEGACY ?? 2000);

/** The kiosk database as openDatabase makes it, less the cipher: the baseline. */
function openPlain(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  db.pragma('temp_store = MEMORY');
  migrate(db, loadMigrations(join(MIGRATIONS_DIR, 'kiosk')));
  return db;
}

function submitter(db: Db): () => void {
  const service = new FilingService({ db, deviceId: 'abcdef12-0000-4000-8000-000000000000', court: COURT_PRESETS[1]!, applicantKeySecret: 'bench', now: () => new Date(), log: createLogger({ level: 'error' }) });
  const parsed = filingDraftSchema.parse(draft());
  return () => service.submit(parsed, APPLICANT);
}

function time(run: () => void): number {
  const t = performance.now();
  run();
  return performance.now() - t;
}

interface Run {
  submitMs: number[];
  scanMs: number;
  openMs: number[];
}

function measure(file: string, open: (f: string) => Db): Run {
  const db = open(file);
  const submit = submitter(db);
  for (let i = 0; i < 10; i++) submit(); // warm-up: statements prepared, WAL created
  const submitMs = Array.from({ length: SUBMITS }, () => time(submit));
  db.close();
  const openMs = Array.from({ length: 20 }, () => time(() => open(file).close()));
  const cold = open(file);
  const scanMs = time(() => cold.prepare('SELECT * FROM filings').all());
  cold.close();
  return { submitMs, scanMs, openMs };
}

export async function bench(): Promise<Figure[]> {
  const dir = tempDir('yzt-bench-db-');
  try {
    const plain = measure(join(dir.path, 'plain.sqlite'), openPlain);
    const enc = measure(join(dir.path, 'kiosk.sqlite'), (f) => openDatabase(f, 'kiosk'));
    const ratio = percentile(enc.submitMs, 50) / percentile(plain.submitMs, 50);

    mkdirSync(join(dir.path, 'legacy'));
    const legacyFile = join(dir.path, 'legacy', 'kiosk.sqlite');
    const legacy = openPlain(legacyFile);
    const submit = submitter(legacy);
    legacy.transaction(() => {
      for (let i = 0; i < LEGACY; i++) submit();
    })();
    legacy.close();
    const migrateMs = time(() => openDatabase(legacyFile, 'kiosk').close());

    return [
      ...latencyFigures('submit transaction, encrypted', enc.submitMs, 'chacha20, synchronous=FULL'),
      ...latencyFigures('submit transaction, plain', plain.submitMs, 'same pragmas, no cipher'),
      { name: 'submit median, encrypted / plain', value: ratio, unit: 'x' },
      { name: 'read all filings cold, encrypted', value: enc.scanMs, unit: 'ms', note: `${SUBMITS + 10} filings` },
      { name: 'read all filings cold, plain', value: plain.scanMs, unit: 'ms', note: `${SUBMITS + 10} filings` },
      { name: 'open + migrate check, encrypted median', value: percentile(enc.openMs, 50), unit: 'ms', note: 'n=20' },
      { name: 'open + migrate check, plain median', value: percentile(plain.openMs, 50), unit: 'ms', note: 'n=20' },
      { name: 'encrypt a plaintext database in place', value: migrateMs, unit: 'ms', note: `${LEGACY} filings, once per kiosk on upgrade` },
    ];
  } finally {
    dir.cleanup();
  }
}
