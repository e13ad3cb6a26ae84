/**
 * Checks where the answer is given (issue 12 item 3): the page asks the real rules engine with
 * placeholders for answers not given yet; what the engine says of a placeholder is dropped,
 * what it says of a real answer reaches the step that asked for it, at once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../src-main/db/open.js';
import { FilingService } from '../../../src-main/filings/filing-service.js';
import { findCourt } from '../../../src-shared/courts/court-profile.js';
import { createLogger } from '../../../src-main/log/logger.js';
import { filingDraftSchema, type FilingDraft } from '../../../src-shared/domain/filing.js';
import { mergeLive, withPlaceholders } from '../../../src-renderer/kiosk/wizard/live-check.js';
import { shownFieldErrors, stepBlocks, stepFindings } from '../../../src-renderer/kiosk/wizard/shown-errors.js';
import { toDraft, emptyAnswers } from '../../../src-renderer/kiosk/wizard/answers.js';
import { APPLICANT } from '../../support/fixtures.js';
import { fixedClock, tempDir } from '../../support/tmp.js';

describe('live checks at each step', () => {
  let dir: ReturnType<typeof tempDir>;
  let db: Db;
  let service: FilingService;
  const clock = fixedClock('2026-11-22T09:30:00+08:00');

  beforeEach(() => {
    dir = tempDir();
    db = openDatabase(join(dir.path, 'kiosk.sqlite'), 'kiosk');
    service = new FilingService({ db, deviceId: 'abcdef12-0000-4000-8000-000000000000', court: findCourt('jiaozuo-shanyang')!, applicantKeySecret: 'secret', now: clock.now, log: createLogger({ sink: [] }) });
  });
  afterEach(() => {
    db.close();
    dir.cleanup();
  });

  /** What the page does: the real draft first; on missing answers, again with placeholders. */
  const live = (d: FilingDraft) => {
    const first = filingDraftSchema.safeParse(d);
    if (first.success) return { check: service.check(first.data, APPLICANT), missing: {} };
    const missing = Object.fromEntries(first.error.issues.map((i) => [i.path.join('.'), i.message]));
    const { draft, gaps } = withPlaceholders(d);
    return mergeLive(service.check(filingDraftSchema.parse(draft), APPLICANT), gaps, missing);
  };

  it('a credit code with Z is said at the who step, before the basis is given', () => {
    const a = { ...emptyAnswers('company'), phone: '13800138000' };
    a.company = { kind: 'company', name: '焦作示例有限公司', idNumber: '91410800MA3XZZZZ1Z', legalRep: '王五', address: '焦作市山阳区示例路3号', phone: '03913000000' };
    const r = live(toDraft(a));
    const reached = { touched: new Set(['company.idNumber']), steps: new Set<never>() };
    const errs = shownFieldErrors(r, reached);
    expect(errs['company.idNumber']).toMatch(/代码|字符|校验/);
    // Nothing is said about the basis or the respondent, which nobody has reached yet.
    expect(Object.keys(errs).filter((k) => /^(basis|respondents|amount)/.test(k))).toEqual([]);
    expect(stepBlocks(r, 'who')).toBeGreaterThan(0);
  });

  it('says nothing of the placeholders standing in for a company not filled in yet', () => {
    const a = { ...emptyAnswers('company'), phone: '13800138000' };
    a.company = { ...a.company, idNumber: '91410800MA3XZZZZ1Z' };
    const r = live(toDraft(a));
    const all = shownFieldErrors(r, { touched: new Set(), steps: new Set(['who'] as const) });
    expect(Object.values(all).join()).not.toContain('格式不像');
    expect(all['company.idNumber']).toBeDefined();
  });

  it('a missing phone shows once the applicant has left the phone field, not before', () => {
    const a = emptyAnswers('self');
    const r = live(toDraft(a));
    expect(shownFieldErrors(r, { touched: new Set(), steps: new Set() })['applicants.0.phone']).toBeUndefined();
    expect(shownFieldErrors(r, { touched: new Set(['applicants.0.phone']), steps: new Set() })['applicants.0.phone']).toContain('联系电话');
    expect(stepBlocks(r, 'who')).toBe(1);
  });

  it('退还诉讼费 at the basis step is refused at once and says where to go instead', () => {
    const a = { ...emptyAnswers('self'), phone: '13800138000', matter: 'fee-refund' as const };
    const r = live(toDraft(a));
    const here = stepFindings(r, 'basis', { touched: new Set(['matter']), steps: new Set() });
    const f = here.find((x) => x.rule === 'never-file');
    expect(f?.severity).toBe('block');
    expect(f?.message_zh).toContain('退还诉讼费用');
    expect(f?.message_zh).toContain('诉讼服务中心');
    expect(f?.message_en).toContain('litigation service centre');
  });

  it('a complete draft passes with no placeholder and no finding dropped', () => {
    const r = live({
      basisNumber: '(2024)豫0811民初123号',
      respondents: [{ kind: 'person', name: '李四', address: '河南省焦作市山阳区示例路2号', phone: '13900000000' }],
      amountYuan: '12345.67',
      applicantPhone: '13800000000',
      basis: { kind: 'judgment', effectiveDate: '2026-06-01', hasPaymentContent: true, performanceDue: '2026-06-11' },
      performed: { fully: false },
      payee: { accountName: '张三', bank: '中国银行焦作分行', accountNumber: '6217000000000000018' },
      riskAcknowledged: true,
      consent: { kioskFiling: true, personalData: true },
    });
    expect(r.check.ok).toBe(true);
    expect(r.missing).toEqual({});
  });
});

describe('masked case numbers in the duplicate warning', () => {
  it('hides four digits before the last one', async () => {
    const { maskCaseNumber } = await import('../../../src-shared/domain/duplicates.js');
    expect(maskCaseNumber('（2026）豫0811执1号')).toBe('（2026）豫＊＊＊＊执1号');
    expect(maskCaseNumber('（2026）豫0811执123号')).toBe('（2026）豫08＊＊执＊＊3号');
    expect(maskCaseNumber('临-ABCDEF-20261122-0001')).toBe('临-ABCDEF-2026112＊-＊＊＊1');
  });
});
