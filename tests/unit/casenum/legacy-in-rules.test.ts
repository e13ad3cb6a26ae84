/**
 * Old 字第 numbers where the seeds accept them: a basis document from before 2016 (seed 002
 * art. 7(一) asks for its number, not for a post-2016 one) and the prior case of a resumption
 * (seed 000 art. 13(三): "人民法院终结本次执行程序后，申请执行人发现被执行人有可供执行财产的" — no
 * cut-off date). Both are accepted and flagged for the clerk, who checks them by hand.
 */
import { describe, expect, it } from 'vitest';
import { check, rulesOf } from '../rules/fixtures.js';

describe('legacy numbers in the rules engine', () => {
  it('a pre-2016 basis number is accepted with a warning for the clerk', () => {
    const r = check((f) => void (f.basis!.number = '（2013）郑民一初字第123号'));
    expect(rulesOf(r, 'block')).not.toContain('basis.number');
    const w = r.findings.find((f) => f.rule === 'basis.number');
    expect(w?.severity).toBe('warn');
    expect(w?.message_zh).toContain('（2013）郑民一初字第123号');
    expect(r.typeCode).toBe('执');
  });

  it('a 执恢 whose 终本 case has a pre-2016 number is not blocked (seed 000 art. 13(三))', () => {
    const r = check((f) => void (f.application = { kind: 'resumed', grounds: ['terminated-property-found'], priorCaseNumber: '（2014）焦山执字第00012号' }));
    expect(rulesOf(r, 'block')).toEqual([]);
    expect(r.typeCode).toBe('执恢');
    const w = r.findings.find((f) => f.rule === 'prior-case.as-read');
    expect(w?.severity).toBe('warn');
    expect(w?.message_zh).toContain('（2014）焦山执字第00012号');
  });

  it('an old review case is still no prior case for a resumption', () => {
    const r = check((f) => void (f.application = { kind: 'resumed', grounds: ['terminated-property-found'], priorCaseNumber: '（2014）焦山执异字第3号' }));
    expect(rulesOf(r, 'block')).toContain('prior-case.not-implementation');
  });

  it('a basis number in 〔〕 is accepted, and the clerk sees the canonical form', () => {
    const r = check((f) => void (f.basis!.number = '〔2025〕豫0811民初1024号'));
    expect(rulesOf(r, 'block')).toEqual([]);
    const w = r.findings.find((f) => f.rule === 'basis.number');
    expect(w?.severity).toBe('warn');
    expect(w?.message_zh).toContain('（2025）豫0811民初1024号');
  });
});
