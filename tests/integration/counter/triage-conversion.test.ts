/**
 * Triage in a court with rules (Shangqiu, seed 002 art. 11): the suggestion names the rule
 * that matched; a reception clerk may accept it but only a team leader may override or convert
 * simple -> ordinary (art. 17, hand-over within 3 days). Also: cases the central reports from
 * other kiosks join the queue, and an idle clerk is signed out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../src-main/db/open.js';
import { FilingService } from '../../../src-main/filings/filing-service.js';
import { CounterService } from '../../../src-main/counter/counter-service.js';
import { CourtSync } from '../../../src-main/counter/court-sync.js';
import { addClerk, IDLE_MINUTES } from '../../../src-main/counter/accounts.js';
import { applyCaseChanges } from '../../../src-main/sync/case-status-store.js';
import { findCourt } from '../../../src-shared/courts/court-profile.js';
import { silentLogger } from '../../../src-main/log/logger.js';
import { filingDraftSchema, type FilingView } from '../../../src-shared/domain/filing.js';
import { APPLICANT, draft } from '../../support/fixtures.js';
import { fixedClock, tempDir } from '../../support/tmp.js';

/** Cheap hashing for test accounts that sign in often; real accounts use SCRYPT_PARAMS. */
const FAST = { N: 2 ** 12, r: 8, p: 1 };

const court = findCourt('shangqiu-zy')!;

describe('triage and conversion in a court with rules', () => {
  const dir = tempDir('yzt-counter-triage-');
  const clock = fixedClock('2026-11-23T09:00:00+08:00');
  let db: Db;
  let counter: CounterService;
  let clerk: string;
  let leader: string;
  let filing: FilingView;

  beforeAll(async () => {
    db = openDatabase(join(dir.path, 'kiosk.sqlite'), 'kiosk');
    const filings = new FilingService({ db, deviceId: 'dev-sq', court, applicantKeySecret: 's', now: clock.now, log: silentLogger });
    filing = filings.submit(
      filingDraftSchema.parse(draft({ basisNumber: '商仲裁字〔2026〕第12号', basis: { kind: 'arbitration-award', effectiveDate: '2026-06-01', hasPaymentContent: true, performanceDue: '2026-06-11' } })),
      APPLICANT,
    );
    const sync = new CourtSync({ db, log: silentLogger, centralUrl: () => null, token: () => null, now: clock.now });
    counter = new CounterService({ db, court, deviceId: 'dev-sq', now: clock.now, log: silentLogger, applicantKey: (id) => filings.applicantKey(id), courtSync: sync });
    await addClerk(db, { account: 'clerk', role: 'reception', password: 'counter-pass-5', scrypt: FAST }, clock.now());
    await addClerk(db, { account: 'lead', role: 'leader', password: 'counter-pass-6', scrypt: FAST }, clock.now());
    clerk = (await counter.sessions.signIn('clerk', 'counter-pass-5')).token;
    leader = (await counter.sessions.signIn('lead', 'counter-pass-6')).token;
  });
  afterAll(() => {
    db.close();
    dir.cleanup();
  });

  it('suggests the team by the rule that matched and lets the clerk accept it', () => {
    const d = counter.detail(clerk, filing.id);
    expect(d.suggestion).toMatchObject({ team: 'simple', rule: 'sq-simple-1', source: 'seed 002 art. 11(一)1' });
    expect(counter.triage(clerk, filing.id, 'accept').triage).toMatchObject({ team: 'simple', decision: 'accept' });
  });

  it('lets only a team leader convert simple to ordinary, with the hand-over date', () => {
    expect(() => counter.convert(clerk, filing.id, 'auction-needed', '需拍卖房产')).toThrow(/counter.forbidden/);
    const d = counter.convert(leader, filing.id, 'auction-needed', '需拍卖房产');
    expect(d.conversion).toMatchObject({ from: 'simple', to: 'ordinary', rule: 'sq-conv-2', handoverDue: '2026-11-26' });
    expect(d.triage?.team).toBe('ordinary');
    // No conversion out of the ordinary team.
    expect(() => counter.convert(leader, filing.id, 'objection-raised', '')).toThrow(/counter.no-conversion/);
  });

  it('shows cases the central reports from other kiosks in the queue, numbers and status only', () => {
    applyCaseChanges(db, [{ version: 7, filingId: '0b0c0d0e-0000-4000-8000-000000000001', officialNo: '（2026）豫14执88号', provisionalNo: '临-ABCDEF-20261123-0009', status: 'filed', reasons_zh: [], team: null, at: '2026-11-23T01:00:00.000Z' }], 7, clock.now());
    const rows = counter.queue(clerk, '', 'all');
    const remote = rows.find((r) => r.source === 'central');
    expect(remote).toMatchObject({ officialNo: '（2026）豫14执88号', centralStatus: 'filed', applicantName: '', dueDate: '2026-11-30' });
    expect(counter.queue(clerk, '豫14执88', 'all').map((r) => r.officialNo)).toEqual(['（2026）豫14执88号']);
    expect(counter.queue(clerk, '张三', 'all').every((r) => r.source === 'local')).toBe(true);
  });

  it('signs out a clerk idle for longer than the limit', () => {
    clock.advance((IDLE_MINUTES + 1) * 60_000);
    expect(() => counter.queue(clerk, '', 'all')).toThrow(/counter.signed-out/);
  });
});
