import { describe, expect, it } from 'vitest';
import { basisKindLabel } from '../../../src-shared/domain/basis-kind-label.js';

describe('basis documents by the name the court gives them (issue 14 item 4)', () => {
  it('a 调解书 is a 民事调解书, never a 民事判决', () => {
    expect(basisKindLabel('mediation', '（2025）豫0811民初1234号')).toEqual({ zh: '民事调解书', en: 'civil mediation statement' });
    expect(basisKindLabel('mediation').zh).toBe('民事调解书');
  });
  it('a judgment takes its branch from the basis number', () => {
    expect(basisKindLabel('judgment', '（2025）豫0811民初1234号').zh).toBe('民事判决书');
    expect(basisKindLabel('judgment', '（2025）豫0811刑初12号').zh).toBe('刑事判决书');
    expect(basisKindLabel('judgment', '（2025）豫0811行初3号').zh).toBe('行政判决书');
  });
  it('other kinds keep their own names', () => {
    expect(basisKindLabel('arbitration-award', '（2025）焦仲字第12号').zh).toBe('仲裁裁决书');
    expect(basisKindLabel('payment-order').zh).toBe('支付令');
    expect(basisKindLabel('nonsense').zh).toBe('其他生效法律文书');
  });
});
