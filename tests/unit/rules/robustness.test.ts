import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkFiling } from '../../../src-shared/rules/check-filing.js';
import { COURT_PRESETS } from '../../../src-shared/courts/court-profile.js';
import { baseFiling, NOW } from './fixtures.js';

const courts = fc.constantFrom(...COURT_PRESETS);

function assertShape(r: ReturnType<typeof checkFiling>): void {
  expect(typeof r.ok).toBe('boolean');
  for (const f of r.findings) {
    expect(['block', 'warn', 'info']).toContain(f.severity);
    expect(f.message_zh.length).toBeGreaterThan(0);
    expect(f.message_en.length).toBeGreaterThan(0);
  }
  if (!r.valid) expect(r.ok).toBe(false);
}

/** Replaces the value at a random path of the base filing with an arbitrary value. */
function corrupt(value: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return replacement;
  const keys = Object.keys(value);
  if (keys.length === 0) return replacement;
  const key = keys[path[0]! % keys.length]!;
  const copy: Record<string, unknown> = Array.isArray(value) ? ([...value] as unknown as Record<string, unknown>) : { ...value };
  copy[key] = corrupt((value as Record<string, unknown>)[key], path.slice(1), replacement);
  return copy;
}

describe('checkFiling never throws', () => {
  it('on arbitrary values', () => {
    fc.assert(fc.property(fc.anything(), courts, (x, c) => assertShape(checkFiling(x, c, { now: NOW }))), { numRuns: 300 });
  });

  it('on a valid filing with one field replaced by anything (wrong types, overlong strings, control characters)', () => {
    const nasty = fc.oneof(
      fc.anything(),
      fc.string({ minLength: 500, maxLength: 2000 }),
      fc.string().map((s) => `${s}\u0000\u001b`),
      fc.double(),
      fc.constant(undefined),
    );
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 4 }), nasty, courts, (path, v, c) => {
        assertShape(checkFiling(corrupt(baseFiling(), path, v), c, { now: NOW }));
      }),
      { numRuns: 800 },
    );
  });

  it('names the bad field in a validation result', () => {
    const f = { ...baseFiling(), claim: { kind: 'money', amountFen: 12.5 } };
    const r = checkFiling(f, COURT_PRESETS[1]!, { now: NOW });
    expect(r.valid).toBe(false);
    expect(r.findings[0]).toMatchObject({ rule: 'input.invalid', severity: 'block', path: 'claim.amountFen' });
    const long = { ...baseFiling(), applicants: [{ kind: 'person', name: 'x'.repeat(101) }] };
    expect(checkFiling(long, COURT_PRESETS[1]!, { now: NOW }).findings[0]?.path).toBe('applicants.0.name');
    const ctrl = { ...baseFiling(), applicants: [{ kind: 'person', name: '张\u0007三' }] };
    expect(checkFiling(ctrl, COURT_PRESETS[1]!, { now: NOW }).findings[0]?.path).toBe('applicants.0.name');
  });

  it('survives a broken court profile', () => {
    const broken = { ...COURT_PRESETS[0]!, types: 'oops' } as never;
    const r = checkFiling(baseFiling(), broken, { now: NOW });
    expect(r.ok).toBe(false);
    expect(r.findings[0]?.rule).toBe('internal');
  });
});
