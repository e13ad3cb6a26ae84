/**
 * A deadline in a year without a State Council holiday notice reaches the applicant, the clerk
 * and the receipt with 「以法院通知为准」 (issue 15): the engine's `calendarConfirmed` is kept on the
 * stored record, on the status view and on the printed receipt. Loading the notice (what
 * `yzt calendar import` does) makes the next filing's deadlines firm, without a release.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../src-main/db/open.js';
import { FilingService } from '../../../src-main/filings/filing-service.js';
import { receiptLines } from '../../../src-main/printing/receipt-content.js';
import { COURT_PRESETS } from '../../../src-shared/courts/court-profile.js';
import { createLogger } from '../../../src-main/log/logger.js';
import { filingDraftSchema, type FilingRecord } from '../../../src-shared/domain/filing.js';
import { useCalendarYears } from '../../../src-shared/calendar/calendar-data.js';
import { APPLICANT, draft } from '../../support/fixtures.js';
import { fixedClock, tempDir } from '../../support/tmp.js';

const NOTICE_2027 = {
  year: 2027,
  source: 'a 2027 notice as a court would load it (test data)',
  holidays: ['2027-01-01..2027-01-03', '2027-02-05..2027-02-12', '2027-04-05', '2027-05-01..2027-05-05', '2027-06-09', '2027-09-15', '2027-10-01..2027-10-07'],
  workdays: ['2027-02-14', '2027-04-25', '2027-09-26', '2027-10-09'],
};

describe('deadlines in an unconfirmed calendar year', () => {
  let dir: ReturnType<typeof tempDir>;
  let db: Db;
  let service: FilingService;
  // Late December: the counter's working days and every longer node run into 2027.
  const clock = fixedClock('2026-12-28T10:00:00+08:00');

  beforeEach(() => {
    dir = tempDir();
    db = openDatabase(join(dir.path, 'kiosk.sqlite'), 'kiosk');
    service = new FilingService({ db, deviceId: 'abcdef12-0000-4000-8000-000000000000', court: COURT_PRESETS[1]!, applicantKeySecret: 'secret', now: clock.now, log: createLogger({ sink: [] }) });
  });
  afterEach(() => {
    useCalendarYears([]);
    db.close();
    dir.cleanup();
  });

  const stored = (id: string) => JSON.parse((db.prepare('SELECT record_json FROM filings WHERE id = ?').get(id) as { record_json: string }).record_json) as FilingRecord;

  it('keeps calendarConfirmed: false on the record, the view and the receipt', () => {
    const v = service.submit(filingDraftSchema.parse(draft()), APPLICANT);
    const deadlines = stored(v.id).deadlines ?? [];
    expect(deadlines.length).toBeGreaterThan(0);
    for (const d of deadlines) expect(d.calendarConfirmed).toBe(!d.dueDate.startsWith('2027'));
    expect(v.nextDeadline?.dueDate.startsWith('2027')).toBe(true);
    expect(v.nextDeadline?.calendarConfirmed).toBe(false);
    const text = receiptLines(v, '测试法院', 'YZT1.x', clock.now()).map((l) => (l.kind === 'text' ? l.text : '')).join('\n');
    expect(text).toContain(`${v.nextDeadline!.dueDate}（以法院通知为准）`);
  });

  it('a loaded 2027 notice makes the next filing’s deadlines firm', () => {
    useCalendarYears([NOTICE_2027]);
    const v = service.submit(filingDraftSchema.parse(draft()), APPLICANT);
    for (const d of stored(v.id).deadlines ?? []) expect(d.calendarConfirmed).toBe(true);
    expect(v.nextDeadline?.calendarConfirmed).toBe(true);
    const text = receiptLines(v, '测试法院', 'YZT1.x', clock.now()).map((l) => (l.kind === 'text' ? l.text : '')).join('\n');
    expect(text).not.toContain('以法院通知为准');
  });

  it('keeps a basis number written with other brackets as written, beside the canonical one', () => {
    const v = service.submit(filingDraftSchema.parse({ ...draft(), basisNumber: '〔2024〕豫0811民初123号' }), APPLICANT);
    const rec = stored(v.id);
    expect(rec.basisNumber).toBe('（2024）豫0811民初123号');
    expect(rec.basisNumberAsWritten).toBe('〔2024〕豫0811民初123号');
  });
});
