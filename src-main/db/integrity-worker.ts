/**
 * Worker thread: opens the kiosk database read-only on its own connection and runs the deep
 * check, so the kiosk's main thread (screen, card reader, API) never waits on it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openKioskFile } from './kiosk-cipher.js';
import { runDeepCheck } from './deep-check.js';

export interface IntegrityWorkerInput {
  dbFile: string;
  keyFile?: string | undefined;
}

export type IntegrityWorkerOutput = { ok: true; check: ReturnType<typeof runDeepCheck> } | { ok: false; code: string; message: string };

function run(input: IntegrityWorkerInput): IntegrityWorkerOutput {
  try {
    const db = openKioskFile(input.dbFile, { readonly: true, fileMustExist: true, keyFile: input.keyFile });
    try {
      db.pragma('busy_timeout = 5000');
      return { ok: true, check: runDeepCheck(db) };
    } finally {
      db.close();
    }
  } catch (e) {
    return { ok: false, code: (e as { code?: string }).code ?? 'error', message: e instanceof Error ? e.message : String(e) };
  }
}

parentPort?.postMessage(run(workerData as IntegrityWorkerInput));
