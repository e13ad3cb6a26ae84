/**
 * Enrols a kiosk data folder with a central gateway whose SQLite database is on this machine:
 * issues a code on that database (as `yzt central enrol-code` does) and exchanges it over
 * HTTP. For the demo (`yzt kiosk serve --demo`) and the browser tests' stack.
 */
import { kioskDbFile } from '../paths.js';
import { openDatabase } from '../db/open.js';
import { SqliteCentralStore } from '../central/sqlite-store.js';
import { issueEnrolCode } from '../central/enrolment.js';
import { enrolKiosk } from './enrol-kiosk.js';
import { readCredential } from './sync-state.js';

export async function enrolWithLocalCentral(opts: { centralDb: string; centralUrl: string; dataDir: string; courtId?: string }): Promise<void> {
  const db = openDatabase(kioskDbFile(opts.dataDir), 'kiosk');
  try {
    const cred = readCredential(db);
    if (cred && cred.centralUrl === opts.centralUrl) return;
    const central = new SqliteCentralStore(opts.centralDb);
    const issued = await issueEnrolCode(central, opts.courtId ?? 'jiaozuo-shanyang', new Date(), 1).finally(() => central.close());
    if (!issued.ok) throw new Error(issued.message_en);
    const r = await enrolKiosk(db, { centralUrl: opts.centralUrl, code: issued.code });
    if (!r.ok) throw new Error(`enrolment failed: ${r.message_en}`);
  } finally {
    db.close();
  }
}
