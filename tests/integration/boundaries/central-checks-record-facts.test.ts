/**
 * The central checks a pushed record's own amount, respondents and applicant against the facts
 * it decided the type from (issue 13, "the central is the authority"), tried against a real
 * central process with signed pushes as a tampered kiosk would send them: the facts say one
 * thing, the record the court numbers and prints says another. Against the old code all three
 * were numbered; here each is refused with a reason the kiosk shows, and the honest one is numbered.
 */
import { describe, expect, it } from 'vitest';
import type { PushResponse } from '../../../src-shared/sync/protocol.js';
import { filingRecord } from '../sync/support.js';
import { signingKioskAgainstCentral } from './signing-kiosk.js';

describe('the central checks the record against its facts', () => {
  const k = signingKioskAgainstCentral('factcheck');

  it('refuses a record whose amount, respondents or applicant differ from its facts, and numbers the one that agrees', async () => {
    const honest = filingRecord();
    const biggerAmount = filingRecord();
    biggerAmount.amountFen = honest.amountFen * 100;
    const cheaperMoney = filingRecord();
    cheaperMoney.money = { ...cheaperMoney.money!, totalFen: 1, principalFen: 1 };
    cheaperMoney.amountFen = 1;
    const otherRespondent = filingRecord();
    otherRespondent.respondents = [{ kind: 'person', name: '王五', idNumber: '410811199001011234' }];
    const otherApplicant = filingRecord();
    otherApplicant.applicant = { ...otherApplicant.applicant, name: '冒名者', idNumber: '410811198001010011' };
    const r = await k.client.request<PushResponse>('POST', '/v1/push', {
      mutations: [biggerAmount, cheaperMoney, otherRespondent, otherApplicant, honest].map((filing, i) => ({ mutationId: i + 1, kind: 'filing.create', filing })),
    });
    expect(r.results.map((x) => (x.status === 'rejected' ? x.code : x.status))).toEqual(['facts-mismatch', 'facts-mismatch', 'facts-mismatch', 'facts-mismatch', 'accepted']);
    const reasons = r.results.slice(0, 4).map((x) => (x as { reason_zh: string }).reason_zh);
    expect(reasons[0]).toContain('申请金额');
    expect(reasons[1]).toContain('申请金额');
    expect(reasons[2]).toContain('被执行人');
    expect(reasons[3]).toContain('申请执行人');
    for (const reason of reasons) expect(reason).toContain('请到窗口办理');
    // Nothing was numbered for the refused ones: the honest filing has the year's first 执.
    expect((r.results[4] as { officialNo: string }).officialNo).toMatch(/豫0811执1号$/);
    await k.central.waitFor(/central\.type-claim-refused.*facts-mismatch/);
  });

  it('refuses a record one fen off its facts, naming the field in the reason', async () => {
    const tampered = filingRecord();
    tampered.amountFen += 1;
    const r = await k.client.request<PushResponse>('POST', '/v1/push', { mutations: [{ mutationId: 10, kind: 'filing.create', filing: tampered }] });
    expect(r.results[0]).toMatchObject({ status: 'rejected', code: 'facts-mismatch', reason_en: expect.stringContaining('amount') });
  });
});
