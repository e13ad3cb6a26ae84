/**
 * Hand-over from the kiosk to the counter on a real kiosk database: the package is unreadable
 * at rest (the applicant's name and ID number are not in the database file's bytes), opens only
 * with its code, expires with the draft time, locks a clerk session out after repeated wrong
 * codes, and files a normal filing with the applicant read from the card.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CounterService } from '../../../src-main/counter/counter-service.js';
import { addClerk } from '../../../src-main/counter/accounts.js';
import { MAX_WRONG_CODES, LOCKOUT_MS } from '../../../src-main/counter/counter-handovers.js';
import { addDocument } from '../../../src-main/filings/document-store.js';
import { normaliseHandoverCode, saveHandover } from '../../../src-main/filings/handover-store.js';
import { createLogger } from '../../../src-main/log/logger.js';
import { findCourt } from '../../../src-shared/courts/court-profile.js';
import { filingDraftSchema, type ApplicantRecord } from '../../../src-shared/domain/filing.js';
import { APPLICANT, draft, makeIdNumber } from '../../support/fixtures.js';
import { fixedClock } from '../../support/tmp.js';
import { counterBench, FAST, refused, type CounterBench } from '../counter/support.js';

const JPEG = 'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACP/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AVN//2Q==';
const PERSON: ApplicantRecord = { ...APPLICANT, name: '欧阳明珠', idNumber: makeIdNumber('19770707', '321') };

describe('hand-over to the counter', () => {
  const clock = fixedClock('2026-11-23T09:30:00+08:00');
  const logLines: string[] = [];
  let bench: CounterBench;
  let counter: CounterService;
  let token: string;
  const hand = (holder = 'session-h') => saveHandover(bench.db, 'secret', { draft: filingDraftSchema.parse(draft()), applicant: PERSON }, holder, clock.now(), 60);

  beforeAll(async () => {
    bench = counterBench({ court: findCourt('jiaozuo-shanyang')!, now: clock.now, log: createLogger({ sink: logLines }), handoverSecret: 'secret' });
    counter = bench.counter;
    await addClerk(bench.db, { account: 'li', role: 'reception', password: 'li-pass-12345', scrypt: FAST }, clock.now());
    token = await signIn();
  });
  const signIn = async () => (await counter.sessions.signIn('li', 'li-pass-12345')).token;
  afterAll(() => bench.close());

  it('gives a readable code and keeps the package out of the database file in the clear', () => {
    const doc = addDocument(bench.db, 'session-h', 'basis', JPEG, clock.now());
    const { code, expiresAt } = hand();
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    expect(expiresAt).toBe(new Date(clock.now().getTime() + 3_600_000).toISOString());
    bench.db.pragma('wal_checkpoint(TRUNCATE)');
    const file = join(bench.dir, 'kiosk.sqlite');
    const bytes = Buffer.concat([readFileSync(file), existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`) : Buffer.alloc(0)]);
    expect(bytes.includes(Buffer.from(PERSON.idNumber))).toBe(false);
    expect(bytes.includes(Buffer.from(PERSON.name))).toBe(false);
    expect(bytes.includes(Buffer.from(code.replace('-', '')))).toBe(false);

    const s = counter.handovers.open(token, code.toLowerCase());
    expect(s.applicantName).toBe(PERSON.name);
    expect(s.applicantIdMasked).not.toContain(PERSON.idNumber.slice(6, 14));
    expect(s.check.ok).toBe(true);
    expect(s.documents).toBe(1);
    expect(doc.id).toBeTruthy();
  });

  it('files it as a normal filing with the applicant from the card, once', async () => {
    const { code } = hand();
    const { filing } = counter.handovers.submit(token, code);
    expect(filing.provisionalNo).toBeTruthy();
    const mine = bench.filings.listForApplicant(PERSON.idNumber).items;
    expect(mine.map((f) => f.id)).toContain(filing.id);
    const audit = bench.db.prepare("SELECT actor, subject FROM audit_log WHERE action = 'counter.handover.filed'").all() as Array<{ actor: string; subject: string }>;
    expect(audit).toContainEqual({ actor: 'clerk:li', subject: filing.id });
    expect((await refused(() => counter.handovers.submit(token, code))).code).toBe('counter.handover.unknown');
  });

  it('forgets a package once the configured time has passed', async () => {
    const { code } = hand();
    clock.advance(61 * 60_000);
    token = await signIn();
    expect((await refused(() => counter.handovers.open(token, code))).code).toBe('counter.handover.unknown');
    expect(bench.db.prepare('SELECT count(*) AS n FROM handovers').get()).toEqual({ n: 0 });
  });

  it('locks the clerk session out after repeated wrong codes, and never logs the code or the person', async () => {
    token = await signIn();
    const { code } = hand();
    expect(normaliseHandoverCode('AB12-CD34')).toBeNull();
    for (let i = 0; i < MAX_WRONG_CODES; i++) {
      const e = await refused(() => counter.handovers.open(token, 'ABCD-EFGH'));
      expect(e.code).toBe('counter.handover.unknown');
      expect(e.message_zh).toMatch(/暂存号码不正确/);
    }
    const locked = await refused(() => counter.handovers.open(token, code));
    expect(locked.code).toBe('counter.handover.locked');
    clock.advance(LOCKOUT_MS + 1);
    expect(counter.handovers.open(token, code).applicantName).toBe(PERSON.name);
    const log = logLines.join('\n');
    for (const secret of [code, code.replace('-', ''), PERSON.name, PERSON.idNumber]) expect(log).not.toContain(secret);
  });
});
