/** The page's answers become a draft the services accept; pinyin gives the right characters. */
import { describe, expect, it } from 'vitest';
import { emptyAnswers, toDraft } from '../../../src-renderer/kiosk/wizard/answers.js';
import { applicantFindings, fieldErrorsOf, stepOfPath } from '../../../src-renderer/kiosk/wizard/finding-step.js';
import { candidates, loadPinyin } from '../../../src-renderer/ui/pinyin-index.js';
import { filingDraftSchema } from '../../../src-shared/domain/filing.js';

describe('answers to draft', () => {
  it('turns an empty interview into a draft the schema reads, with the applicant refusing 执前督 by default', () => {
    const a = { ...emptyAnswers(), basisNumber: '（2024）豫0811民初1号', principalYuan: '100' };
    a.respondents[0]!.name = '李四';
    const d = filingDraftSchema.parse(toDraft(a));
    expect(d.preEnforcement).toEqual({ servedByPublicNotice: false, urgent: false, applicantRefuses: true });
    expect(d.filer).toBe('self');
    expect(d.principal).toBeUndefined();
    expect(d.respondents[0]).toEqual({ kind: 'person', name: '李四' });
  });

  it('sends the principal only for agents, grounds only for resumed and objection filings, and the signature last', () => {
    const a = { ...emptyAnswers('agent'), basisNumber: 'x', principalYuan: '1', grounds: ['act-unlawful'], appKind: 'first' as const };
    a.principal = { kind: 'person', name: '王五', idNumber: '410811198001011234', legalRep: '', address: '地址', phone: '1' };
    a.respondents = [{ kind: 'company', name: '某公司', idNumber: '', legalRep: '', address: '', phone: '' }];
    a.documents = [{ id: '0b7c1b8e-1111-4111-8111-111111111111', kind: 'attorney', thumb: '' }];
    const d = filingDraftSchema.parse(toDraft(a, '0b7c1b8e-2222-4222-8222-222222222222'));
    expect(d.principal?.name).toBe('王五');
    expect(d.application.grounds).toEqual([]);
    expect(d.documentIds).toEqual(['0b7c1b8e-1111-4111-8111-111111111111', '0b7c1b8e-2222-4222-8222-222222222222']);
  });
});

describe('findings on the review page', () => {
  it('sends each finding to the step that fixes it and hides notices meant for staff', () => {
    expect(stepOfPath('payeeAccount.accountNumber')).toBe('money');
    expect(stepOfPath('alreadyPerformed.fullyPerformed')).toBe('money');
    expect(stepOfPath('respondents.1.phone')).toBe('respondents');
    expect(stepOfPath('agent.phone')).toBe('who');
    expect(stepOfPath('matter')).toBe('basis');
    const f = (rule: string, severity: 'block' | 'info', path?: string) => ({ rule, severity, message_zh: rule, message_en: rule, source: 's', ...(path ? { path } : {}) });
    expect(applicantFindings([f('notice.risk-notice', 'info'), f('never-file', 'block', 'matter')]).map((x) => x.rule)).toEqual(['never-file']);
    expect(fieldErrorsOf([f('basis.number', 'block', 'basis.number')], { costsYuan: 'x' })).toEqual({ costsYuan: 'x', basisNumber: 'basis.number' });
  });
});

describe('pinyin candidates', () => {
  it('offers common surnames first and characters of longer syllables for a prefix', async () => {
    expect(candidates('zhang')).toEqual([]); // not loaded yet: the keyboard says so
    await loadPinyin();
    expect(candidates('zhang').slice(0, 1)).toEqual(['张']);
    expect(candidates('wang')[0]).toBe('王');
    expect(candidates('li')).toContain('李');
    expect(candidates('zh').length).toBeGreaterThan(10);
    expect(candidates('')).toEqual([]);
    expect(candidates('xyzq')).toEqual([]);
  });
});
