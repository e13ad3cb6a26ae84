import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../src-main/db/open.js';
import { FilingService } from '../../../src-main/filings/filing-service.js';
import { findFilingByNumber } from '../../../src-main/filings/filing-store.js';
import { pendingMutations } from '../../../src-main/sync/outbox-store.js';
import { PROVISIONAL_PATTERN } from '../../../src-main/filings/provisional-number.js';
import { COURT_PRESETS } from '../../../src-shared/courts/court-profile.js';
import { AppError } from '../../../src-shared/api/errors.js';
import { createLogger } from '../../../src-main/log/logger.js';
import { filingDraftSchema } from '../../../src-shared/domain/filing.js';
import { APPLICANT, draft, makeIdNumber } from '../../support/fixtures.js';
import { fixedClock, tempDir } from '../../support/tmp.js';

describe('filing service', () => {
  let dir: ReturnType<typeof tempDir>;
  let db: Db;
  let service: FilingService;
  const START = '2026-11-22T09:30:00+08:00';
  const clock = fixedClock(START);
  const logLines: string[] = [];

  beforeEach(() => {
    clock.set(START);
    dir = tempDir();
    db = openDatabase(join(dir.path, 'kiosk.sqlite'), 'kiosk');
    service = new FilingService({
      db,
      deviceId: 'abcdef12-0000-4000-8000-000000000000',
      court: COURT_PRESETS[1]!,
      applicantKeySecret: 'secret',
      now: clock.now,
      log: createLogger({ sink: logLines }),
    });
  });
  afterEach(() => {
    db.close();
    dir.cleanup();
  });

  const submit = (d = draft()) => service.submit(filingDraftSchema.parse(d), APPLICANT);

  it('stores the filing and its outbox row together, with a provisional number', () => {
    const v = submit();
    expect(v.provisionalNo).toMatch(PROVISIONAL_PATTERN);
    expect(v.provisionalNo).toBe('临-ABCDEF-20261122-0001');
    expect(v.officialNo).toBeNull();
    expect(v.basisNumber).toBe('（2024）豫0811民初123号');
    expect(v.amountFen).toBe(1234567);
    const outbox = pendingMutations(db, 10, 1e6);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.filing_id).toBe(v.id);
    expect(JSON.parse(outbox[0]!.body_json).applicant.idNumber).toBe(APPLICANT.idNumber);
    expect(submit().provisionalNo).toBe('临-ABCDEF-20261122-0002');
  });

  it('numbers provisional filings per kiosk day', () => {
    submit();
    clock.advance(24 * 3600_000);
    expect(submit().provisionalNo).toBe('临-ABCDEF-20261123-0001');
  });

  // 07:30 in Beijing is 23:30 UTC the day before: a kiosk whose clock runs on UTC (or on any
  // zone but China's) must still number by the court's day.
  it('numbers a filing at 07:30 Beijing time with Beijing’s date', () => {
    clock.set('2026-11-22T07:30:00+08:00');
    expect(submit().provisionalNo).toBe('临-ABCDEF-20261122-0001');
  });

  it('restarts the daily counter at Beijing midnight, not the machine’s', () => {
    clock.set('2026-11-22T23:59:00+08:00');
    expect(submit().provisionalNo).toBe('临-ABCDEF-20261122-0001');
    clock.set('2026-11-23T00:01:00+08:00');
    expect(submit().provisionalNo).toBe('临-ABCDEF-20261123-0001');
    clock.set('2026-11-23T07:59:00+08:00');
    expect(submit().provisionalNo).toBe('临-ABCDEF-20261123-0002');
  });

  it('finds a filing by its provisional alias', () => {
    const v = submit();
    expect(findFilingByNumber(db, v.provisionalNo)?.id).toBe(v.id);
  });

  it('refuses a bad basis number, amount or respondent ID with Chinese messages per field, storing nothing', () => {
    let error: AppError | undefined;
    try {
      submit(draft({ basisNumber: '2024民初123', amountYuan: '12.345', respondents: [{ kind: 'person', name: '李四', idNumber: makeIdNumber().slice(0, 17) + 'Y' }] }));
    } catch (e) {
      error = e as AppError;
    }
    expect(error?.code).toBe('validation');
    expect(Object.keys(error?.fields ?? {}).sort()).toEqual(['amountYuan', 'basisNumber', 'respondents.0.idNumber']);
    expect(error?.fields?.amountYuan).toMatch(/金额/);
    expect(pendingMutations(db, 10, 1e6)).toHaveLength(0);
  });

  it('lists only the filings of the applicant on the card', () => {
    const mine = submit();
    service.submit(filingDraftSchema.parse(draft()), { ...APPLICANT, idNumber: makeIdNumber('19900101') });
    expect(service.listForApplicant(APPLICANT.idNumber).items.map((f) => f.id)).toEqual([mine.id]);
  });

  it('keeps personal data out of the log', () => {
    submit();
    const log = logLines.join('\n');
    expect(log).toContain('filing.stored');
    expect(log).not.toContain(APPLICANT.idNumber);
    expect(log).not.toContain(APPLICANT.name);
  });
});
