/** A kiosk database with filings and the counter service over it, for the counter's tests. */
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../src-main/db/open.js';
import { FilingService } from '../../../src-main/filings/filing-service.js';
import { CounterService, type CounterDeps } from '../../../src-main/counter/counter-service.js';
import { CourtSync, type CourtSyncOptions } from '../../../src-main/counter/court-sync.js';
import { addClerk } from '../../../src-main/counter/accounts.js';
import { AppError } from '../../../src-shared/api/errors.js';
import { VERIFY_FIELDS, type ClerkRole } from '../../../src-shared/counter/contract.js';
import type { CourtProfile } from '../../../src-shared/courts/court-profile.js';
import { silentLogger, type Logger } from '../../../src-main/log/logger.js';
import { tempDir } from '../../support/tmp.js';

/** Cheap hashing for test accounts that sign in often; real accounts use SCRYPT_PARAMS. */
export const FAST = { N: 2 ** 12, r: 8, p: 1 };

/** A valid one-pixel PNG: what a signed reception scan's bytes need to be for the counter. */
export const PNG_1PX = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** A complete first-reception record (every field the court's form requires). */
export const RECEPTION = {
  at: '2026-11-23T02:10:00.000Z',
  interviewer: '王接待',
  recorder: '李记录',
  interviewee: '张三',
  place: '执行立案窗口',
  serviceAddress: '河南省焦作市山阳区示例路1号',
  contact: '13800000000',
  filingDataVerified: '已核对当事人信息、标的种类、金额、依据文号及内容，金额更正为12000元',
  respondentProperty: '被执行人有车辆一辆，开户行不详',
  terminationView: '申请人不同意终结本次执行程序',
  notes: '已告知执行风险',
};

/** The AppError an action (or a promise) ends with; fails the test when it succeeds or throws anything else. */
export async function refused(p: Promise<unknown> | (() => unknown)): Promise<AppError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

/** Seed 002 art. 7(一): 办结 waits for each of the five items; marks those not yet verified as verified. */
export function verifyAll(counter: CounterService, token: string, filingId: string): void {
  const done = new Set(counter.detail(token, filingId).verifications.map((v) => v.field));
  for (const f of VERIFY_FIELDS) if (!done.has(f)) counter.verify(token, filingId, f, 'verified');
}

export interface CounterBench {
  dir: string;
  db: Db;
  filings: FilingService;
  counter: CounterService;
  sync: CourtSync;
  /** Adds an account with cheap hashing and signs it in; returns the token. */
  clerk(account: string, role: ClerkRole): Promise<string>;
  close(): Promise<void>;
}

export function counterBench(opts: {
  court: CourtProfile;
  now: () => Date;
  log?: Logger;
  deviceId?: string;
  sync?: Partial<Pick<CourtSyncOptions, 'centralUrl' | 'token' | 'baseDelayMs' | 'maxDelayMs' | 'onPulled'>>;
  related?: CounterDeps['related'];
  /** Key of the kiosk's hand-over packages; without it the counter refuses hand-overs. */
  handoverSecret?: string;
  /** Reads the codes on attached scans; without it scans are kept unread. */
  scans?: CounterDeps['scans'];
}): CounterBench {
  const tmp = tempDir('yzt-counter-');
  const log = opts.log ?? silentLogger;
  const deviceId = opts.deviceId ?? 'abcdef12-0000-4000-8000-000000000000';
  const db = openDatabase(join(tmp.path, 'kiosk.sqlite'), 'kiosk');
  const filings = new FilingService({ db, deviceId, court: opts.court, applicantKeySecret: 'secret', now: opts.now, log });
  const sync = new CourtSync({ db, log, centralUrl: () => null, token: () => null, now: opts.now, courtCode: opts.court.code, applicantKey: (id) => filings.applicantKey(id), ...opts.sync });
  const pages = opts.sync?.centralUrl && opts.sync.token ? { pages: { centralUrl: opts.sync.centralUrl, token: opts.sync.token, log }, central: { centralUrl: opts.sync.centralUrl, token: opts.sync.token } } : {};
  const counter = new CounterService({ db, court: opts.court, deviceId, now: opts.now, log, applicantKey: (id) => filings.applicantKey(id), courtSync: sync, ...pages, ...(opts.related ? { related: opts.related } : {}), ...(opts.handoverSecret ? { handover: { filings, secret: opts.handoverSecret } } : {}), ...(opts.scans ? { scans: opts.scans } : {}) });
  return {
    dir: tmp.path,
    db,
    filings,
    counter,
    sync,
    async clerk(account, role) {
      const password = `${account}-pass-1234`;
      await addClerk(db, { account, role, password, scrypt: FAST }, opts.now());
      return (await counter.sessions.signIn(account, password)).token;
    },
    async close() {
      await sync.stop();
      db.close();
      tmp.cleanup();
    },
  };
}
