/**
 * PostgreSQL numbers a whole run in one statement as `before || seq || after`; that text must
 * be the official number the rest of the product formats, for every court, type and sequence.
 */
import { describe, expect, it } from 'vitest';
import { officialNumber, officialNumberParts } from '../../../src-main/central/numbering.js';

describe('the official number around its sequence', () => {
  const courts = ['豫0811', '豫0823', '黑0102', '鄂01', '最高法', '豫'];
  const types = ['执', '执恢', '执保', '执异', '执复', '执监', '执协', '执前督'];
  it('rebuilds officialNumber for every court, type and sequence length', () => {
    for (const court of courts)
      for (const type of types)
        for (const seq of [1, 9, 10, 123, 1234, 1234567, 12345678]) {
          const { before, after } = officialNumberParts(court, type, 2026);
          expect(`${before}${seq}${after}`).toBe(officialNumber(court, type, 2026, seq));
        }
  });
});
