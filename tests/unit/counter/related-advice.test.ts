/** Related-case rules (seed 001 art. 9, 29) by the court's profile: bankruptcy for enterprises only, the pilot for natural persons, creditors and the applicant told to enforcement. */
import { describe, expect, it } from 'vitest';
import { relatedAdvice, relatedSummary } from '../../../src-shared/counter/related-advice.js';
import type { RelatedCase } from '../../../src-shared/counter/contract.js';
import type { RelatedSearchRules } from '../../../src-shared/courts/court-profile.js';
import { findCourt } from '../../../src-shared/courts/court-profile.js';
import { parseCourtProfile } from '../../../src-shared/courts/profile-schema.js';

const obligor = (n: number, party: number): RelatedCase[] => Array.from({ length: n }, (_, i) => ({ number: `（2026）豫0811执${100 + i}号`, role: 'respondent', status: 'filed', party }));
const RULES: RelatedSearchRules = { bankruptcyAt: 2, source: 'court rule', personalInsolvencyPilot: { label_zh: '个人破产试点', label_en: 'personal insolvency pilot', source: 'seed 001 art. 29' } };

describe('related-case advice', () => {
  it('guides an enterprise respondent toward bankruptcy from the threshold the profile sets, not before', () => {
    const company = [{ kind: 'company' as const, name: '某某公司' }];
    expect(relatedAdvice(obligor(1, 0), company, RULES)).toEqual([]);
    const a = relatedAdvice(obligor(2, 0), company, RULES);
    expect(a.map((x) => x.kind)).toEqual(['bankruptcy']);
    expect(a[0]!.source).toBe('court rule');
    expect(relatedAdvice(obligor(2, 0), company, { ...RULES, bankruptcyAt: 5 })).toEqual([]);
  });

  it('never suggests bankruptcy for a natural person: the pilot where the court has one, else nothing', () => {
    const person = [{ kind: 'person' as const, name: '王某' }];
    const a = relatedAdvice(obligor(4, 0), person, RULES);
    expect(a.map((x) => x.kind)).toEqual(['personal-insolvency']);
    expect(a[0]!.message_zh).toContain('个人破产试点');
    expect(a[0]!.source).toBe('seed 001 art. 29');
    const { personalInsolvencyPilot: _p, ...noPilot } = RULES;
    void _p;
    expect(relatedAdvice(obligor(4, 0), person, noPilot)).toEqual([]);
    // No rules in the profile: no guidance at all.
    expect(relatedAdvice(obligor(9, 0), person, undefined)).toEqual([]);
  });

  it('counts each respondent on its own', () => {
    const two = [{ kind: 'person' as const, name: '甲' }, { kind: 'company' as const, name: '乙公司' }];
    expect(relatedAdvice([...obligor(1, 0), ...obligor(1, 1)], two, RULES)).toEqual([]);
    expect(relatedAdvice(obligor(2, 1), two, RULES).map((x) => x.kind)).toEqual(['bankruptcy']);
  });

  it('tells the enforcement department of the respondent as creditor and the applicant as respondent elsewhere', () => {
    const cases: RelatedCase[] = [
      { number: '（2026）豫0811执7号', role: 'creditor', status: 'filed', party: 0 },
      { number: '（2026）豫0811执8号', role: 'applicant', status: 'accepted' },
    ];
    const a = relatedAdvice(cases, [{ kind: 'person', name: '王某' }], undefined);
    expect(a.map((x) => x.kind)).toEqual(['tell-enforcement', 'tell-enforcement']);
    expect(a[0]!.message_zh).toContain('被执行人在本院有作为申请执行人（权利人）的案件：（2026）豫0811执7号');
    expect(a[1]!.message_zh).toContain('申请执行人在本院有作为被执行人的案件：（2026）豫0811执8号');
    expect(relatedSummary(cases)).toEqual({ message_zh: '检索到 2 件关联案件', message_en: '2 related case(s) found' });
  });

  it('takes the threshold and the pilot from the Shanyang profile, which the schema accepts', () => {
    const shanyang = findCourt('jiaozuo-shanyang')!;
    expect(shanyang.relatedSearch?.bankruptcyAt).toBeGreaterThan(0);
    expect(shanyang.relatedSearch?.personalInsolvencyPilot?.source).toBe('seed 001 art. 29');
    expect(parseCourtProfile(shanyang).ok).toBe(true);
    const bad = parseCourtProfile({ ...shanyang, relatedSearch: { bankruptcyAt: 0, source: 'x' } });
    expect(bad.ok).toBe(false);
    const account = { accountName: '焦作市山阳区人民法院', bank: '示例银行', accountNo: '6222 0000 1111', source: 'seed 003 ch.3 一(三)2' };
    expect(parseCourtProfile({ ...shanyang, paymentAccount: account }).ok).toBe(true);
    expect(parseCourtProfile({ ...shanyang, paymentAccount: { ...account, accountNo: 'abc' } }).ok).toBe(false);
  });
});
