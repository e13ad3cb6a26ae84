import { describe, expect, it } from 'vitest';
import { speakable } from '../../../src-shared/i18n/speakable.js';

describe('speakable', () => {
  it('reads the parts of a case number that are codes one digit at a time', () => {
    expect(speakable('（2026）豫0811执12号', 'zh')).toBe('二 零 二 六年，豫零 八 一 一，执，12号');
    expect(speakable('(2026)豫0811执12号', 'en')).toBe('year 2 0 2 6, 豫 0 8 1 1, 执, number 12');
  });
  it('spells a provisional number in groups', () => {
    expect(speakable('临-3F9A21-20261122-0007', 'zh')).toBe('临时编号，三 F 九 A 二 一，二 零 二 六 一 一 二 二，零 零 零 七');
  });
  it('says a masked part is hidden and spells phone numbers', () => {
    expect(speakable('4108**********1234', 'zh')).toBe('4108（部分隐去）1234');
    expect(speakable('电话 13800138000', 'zh')).toContain('一 三 八 零 零');
  });
});
