/**
 * A kiosk as its own process for fault tests: the real kiosk database, filing service and
 * sync engine, writing filings in a tight loop so that a SIGKILL lands mid-write or mid-push.
 * Prints `ready`, `stored <n> <filingId>`, `numbered <filingId> <officialNo>`, `drained`.
 * Usage: kiosk-worker.ts DATA_DIR CENTRAL_URL COUNT [BATCH]
 */
import { join } from 'node:path';
import { openCheckedKioskDb } from '../../../src-main/sync/kiosk-db-check.js';
import { SyncEngine } from '../../../src-main/sync/sync-engine.js';
import { FilingService } from '../../../src-main/filings/filing-service.js';
import { loadKioskSettings } from '../../../src-main/kiosk/settings.js';
import { createLogger } from '../../../src-main/log/logger.js';
import { findCourt } from '../../../src-shared/courts/court-profile.js';
import { filingDraftSchema } from '../../../src-shared/domain/filing.js';
import { APPLICANT, draft } from '../../support/fixtures.js';

const [dataDir, centralUrl, countArg, batchArg] = process.argv.slice(2);
const out = (line: string) => process.stdout.write(line + '\n');
const opened = openCheckedKioskDb(join(dataDir!, 'kiosk.sqlite'));
if (!opened.ok) {
  out(`db-problem ${opened.problem.code} ${opened.problem.message_en}`);
  process.exit(3);
}
const db = opened.db;
const court = findCourt('jiaozuo-shanyang')!;
const settings = loadKioskSettings(db);
const log = createLogger({ file: join(dataDir!, 'worker.log') });
const sync = new SyncEngine({ db, deviceId: settings.deviceId, courtCode: court.code, centralUrl: centralUrl!, log, baseDelayMs: 20, maxDelayMs: 300, watchdogMs: 300, pullWaitMs: 1000, batchCount: Number(batchArg ?? 10) });
const service = new FilingService({ db, deviceId: settings.deviceId, court, applicantKeySecret: settings.applicantKeySecret, now: () => new Date(), log, onSubmitted: () => sync.kick('queued') });
const parsed = filingDraftSchema.parse(draft());
let toWrite = Number(countArg ?? 0);
sync.on('filing.updated', (v) => v.officialNo && out(`numbered ${v.id} ${v.officialNo}`));
sync.on('status', (s) => {
  if (toWrite === 0 && s.queueDepth === 0 && s.lastPushAt) out('drained');
});
sync.start();
out('ready');
let n = 0;
const writeSome = () => {
  for (let i = 0; i < 5 && toWrite > 0; i++, toWrite--) {
    const v = service.submit(parsed as never, APPLICANT);
    out(`stored ${++n} ${v.id}`);
  }
  if (toWrite > 0) setImmediate(writeSome);
  else sync.kick();
};
writeSome();
process.stdin.on('end', () => void sync.stop().then(() => process.exit(0)));
process.stdin.resume();
