/** The number pad's limits and the composer's tables: what a finger can put into a field. */
import { describe, expect, it } from 'vitest';
import { padInsert } from '../../../src-renderer/ui/pad-input.js';
import { CITY_COURTS, courtCodeFromDigits, courtName, highCourt, PROVINCES } from '../../../src-shared/casenum/court-codes.js';
import { BASIS_TYPE_CHOICES, ENFORCEMENT_TYPE_CHOICES } from '../../../src-shared/casenum/type-choices.js';
import { isValidCourtCode, parseCaseNumber } from '../../../src-shared/casenum/case-number.js';
import { COURT_PRESETS } from '../../../src-shared/courts/presets/index.js';

const type = (kind: Parameters<typeof padInsert>[0], keys: string) => [...keys].reduce((v, k) => padInsert(kind, v, v.length, v.length, k) ?? v, '');

describe('number pad', () => {
  it('types amounts in yuan with at most two decimals and one point', () => {
    expect(type('amount', '12345.678')).toBe('12345.67');
    expect(type('amount', '1..5')).toBe('1.5');
    expect(type('amount', '.5')).toBe('0.5');
    expect(type('amount', '007')).toBe('0');
    expect(padInsert('amount', '100', 3, 3, '00')).toBe('10000');
  });
  it('puts X only last in an ID number and nothing but digits in an account', () => {
    expect(type('id', 'X41081119800101123X')).toBe('41081119800101123X');
    expect(type('digits', '6217.X-1')).toBe('62171');
  });
});

describe('courts and types for the case-number composer', () => {
  it('holds only codes the parser reads, and every seed court under its own name', () => {
    for (const p of PROVINCES) expect(isValidCourtCode(highCourt(p).code)).toBe(true);
    for (const cities of Object.values(CITY_COURTS)) for (const c of cities) for (const court of c.courts) expect(isValidCourtCode(court.code), court.code).toBe(true);
    for (const preset of COURT_PRESETS) expect(courtName(preset.code), preset.code).toBe(preset.name);
  });
  it('builds numbers the parser accepts from every type offered', () => {
    for (const t of [...BASIS_TYPE_CHOICES, ...ENFORCEMENT_TYPE_CHOICES]) expect(parseCaseNumber(`（2024）豫0811${t.code}12号`).ok, t.code).toBe(true);
  });
  it('takes a court missing from the list by its province and two or four digits', () => {
    expect(courtCodeFromDigits('豫', '0826')).toBe('豫0826');
    expect(courtCodeFromDigits('豫', '082')).toBeNull();
    expect(courtCodeFromDigits('豫', '')).toBeNull();
  });
});
