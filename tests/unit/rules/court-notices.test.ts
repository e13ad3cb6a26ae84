/** The notices each seed court shows, from the seed text, and only where the seed puts them. */
import { describe, expect, it } from 'vitest';
import { check, type Mutate } from './fixtures.js';

const objection: Mutate = (f) => void (f.application = { kind: 'objection', grounds: ['act-unlawful'] });
const noticesOf = (mutate: Mutate, court: string) =>
  Object.fromEntries(
    check(mutate, court)
      .findings.filter((f) => f.rule.startsWith('notice.'))
      .map((f) => [f.rule, f.source]),
  );

describe('court notices', () => {
  it('Shanyang: risk notice (001 art. 5, 12), report changes (art. 6), related-case search (art. 9)', () => {
    expect(noticesOf(() => {}, 'jiaozuo-shanyang')).toMatchObject({
      'notice.risk-notice': 'seed 001 art. 5, 12',
      'notice.report-changes': 'seed 001 art. 6',
      'notice.related-case-search': 'seed 001 art. 9',
    });
  });
  it('Wuzhi: first reception at once, with a reason if none (003 ch.3 §1(一)1-2)', () => {
    expect(noticesOf(() => {}, 'wuzhi')).toEqual({ 'notice.first-reception': 'seed 003 ch.3 §1(一)1-2' });
  });
  it('Jianli: SMS progress (004 group 7 §10) always; the trial division reviews review-class filings first (group 1 §1)', () => {
    expect(noticesOf(() => {}, 'jianli')).toEqual({ 'notice.sms-progress': 'seed 004 group 7 §10' });
    expect(noticesOf(objection, 'jianli')).toEqual({ 'notice.sms-progress': 'seed 004 group 7 §10', 'notice.review-class-precheck': 'seed 004 group 1 §1' });
  });
});
