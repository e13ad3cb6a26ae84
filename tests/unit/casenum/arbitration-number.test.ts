import { describe, expect, it } from 'vitest';
import { ARBITRATION_FORMS, commissionsOf, formatArbitrationNumber, readArbitrationNumber } from '../../../src-shared/casenum/arbitration-number.js';
import { CITY_COURTS } from '../../../src-shared/casenum/court-codes.js';

const form = (id: string) => ARBITRATION_FORMS.find((f) => f.id === id)!;

describe('arbitration award numbers', () => {
  it('names a city’s two commissions with the abbreviation their numbers use', () => {
    const jiaozuo = CITY_COURTS['豫']!.find((c) => c.city_zh === '焦作市')!;
    expect(commissionsOf(jiaozuo)).toEqual([
      { body: 'commercial', name: '焦作仲裁委员会', abbr: '焦' },
      { body: 'labour', name: '焦作市劳动人事争议仲裁委员会', abbr: '焦' },
    ]);
    const smx = CITY_COURTS['豫']!.find((c) => c.city_zh === '三门峡市')!;
    expect(commissionsOf(smx)[0]).toMatchObject({ name: '三门峡仲裁委员会', abbr: '三' });
  });

  it('builds both layouts as the awards print them', () => {
    expect(formatArbitrationNumber({ abbr: '郑', form: form('cai-year-first'), year: 2024, seq: 123 })).toBe('（2024）郑仲裁字第123号');
    expect(formatArbitrationNumber({ abbr: '郑', form: form('an-name-first'), year: 2024, seq: 123 })).toBe('郑仲案字〔2024〕123号');
    expect(formatArbitrationNumber({ abbr: '焦', form: form('labour-an-name-first'), year: 2025, seq: 45 })).toBe('焦劳人仲案字〔2025〕45号');
  });

  it('reads every form it builds back to the same parts, and other spellings of them', () => {
    for (const f of ARBITRATION_FORMS) {
      const n = { abbr: '郑', form: f, year: 2023, seq: 7 };
      expect(readArbitrationNumber(formatArbitrationNumber(n))).toEqual(n);
    }
    expect(readArbitrationNumber(' (2024) 郑仲裁字第123号')).toMatchObject({ abbr: '郑', year: 2024, seq: 123, form: { id: 'cai-year-first' } });
    expect(readArbitrationNumber('郑仲案字[2024]123号')).toMatchObject({ form: { id: 'an-name-first' } });
  });

  it('does not take a court case number, a number without its sequence or one starting with 0', () => {
    expect(readArbitrationNumber('（2024）豫0811民初123号')).toBeNull();
    expect(readArbitrationNumber('郑仲案字〔2024〕号')).toBeNull();
    expect(readArbitrationNumber('郑仲案字〔2024〕0123号')).toBeNull();
    expect(readArbitrationNumber('')).toBeNull();
  });
});
