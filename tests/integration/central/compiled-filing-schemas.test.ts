/**
 * The central parses pushed filings with compiled copies of the filing schemas. A compiled
 * parser must answer exactly as its schema: the same records accepted, with the same values in
 * the same key order (the central stores the record as JSON), and the same refusals with the
 * same issues. Compared on real kiosk filings (made through FilingService.submit) and on
 * thousands of bent copies of them: wrong types, padded and overlong text, control characters,
 * impossible dates, unknown and `__proto__` keys, missing fields.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { openDatabase } from '../../../src-main/db/open.js';
import { writeSetting } from '../../../src-main/kiosk/settings.js';
import { createLogger } from '../../../src-main/log/logger.js';
import { fileLoadtestFilings } from '../../../src-main/sync/loadtest-filings.js';
import { findCourt } from '../../../src-shared/courts/court-profile.js';
import { filingRecordSchema } from '../../../src-shared/domain/filing.js';
import { filingFactsSchema } from '../../../src-shared/rules/filing-facts.js';
import { compiledFilingFactsSchema, compiledFilingRecordSchema } from '../../../src-main/central/compiled-filing-schemas.js';
import { tempDir } from '../../support/tmp.js';

type Json = unknown;
let records: Record<string, unknown>[] = [];
const dir = tempDir('yzt-compiled-schemas-');

beforeAll(() => {
  const db = openDatabase(join(dir.path, 'kiosk.sqlite'), 'kiosk');
  writeSetting(db, 'device.id', randomUUID());
  fileLoadtestFilings(db, { deviceId: randomUUID(), court: findCourt('jiaozuo-shanyang')!, count: 8, log: createLogger({ level: 'error', sink: [] }) });
  records = (db.prepare('SELECT body_json FROM outbox ORDER BY mutation_id').all() as { body_json: string }[]).map((r) => JSON.parse(r.body_json) as Record<string, unknown>);
  db.close();
});
afterAll(() => dir.cleanup());

/** What a parse answers, as data: accepted with its JSON (key order included), or refused with its issues. */
function answer(schema: { safeParse(v: unknown): { success: boolean; data?: unknown; error?: { issues: unknown[] } } }, input: unknown) {
  const r = schema.safeParse(input);
  return r.success ? { ok: true, json: JSON.stringify(r.data), fresh: r.data !== input } : { ok: false, issues: JSON.stringify(r.error!.issues, (_k, v: unknown) => (v === undefined ? '(undefined)' : v)) };
}

/** Every path to a value in `v`. */
function pathsOf(v: Json, at: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [at];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...pathsOf(x, [...at, i])));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...pathsOf(x, [...at, k]));
  return out;
}

const REPLACEMENTS: Json[] = [
  '', ' ', '  padded text  ', 'bell\u0007', 'tab\tin', 'del\u007f', 'x'.repeat(70), 'x'.repeat(600), '２０２６', '2026-02-30', '2026-02-28', '2024-02-29', '2026-12-03T19:01:06.599Z', '2026-12-03 19:01',
  '49ac73eb-2143-4513-86ef-556d5c5cea14', 'not-a-uuid', '执', '豫0811', 0, -1, 1.5, 1e15, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, true, false, null, [], {}, [1, 2], { extra: 1 },
];

type Bend = { path: number; kind: 'set'; value: number } | { path: number; kind: 'delete' } | { path: number; kind: 'add-key'; key: string; value: number };
const bend: fc.Arbitrary<Bend> = fc.oneof(
  fc.record({ path: fc.nat(), kind: fc.constant('set' as const), value: fc.nat(REPLACEMENTS.length - 1) }),
  fc.record({ path: fc.nat(), kind: fc.constant('delete' as const) }),
  fc.record({ path: fc.nat(), kind: fc.constant('add-key' as const), key: fc.constantFrom('extra', '__proto__', 'constructor', 'toString', 'kind', 'name'), value: fc.nat(REPLACEMENTS.length - 1) }),
);

function bent(source: Json, bends: Bend[]): Json {
  const root = structuredClone(source) as Record<string, unknown>;
  for (const b of bends) {
    const paths = pathsOf(root);
    const path = paths[b.path % paths.length]!;
    if (path.length === 0) continue;
    const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((o, k) => o[k] as Record<string | number, unknown>, root);
    const key = path[path.length - 1]!;
    if (b.kind === 'set') parent[key] = structuredClone(REPLACEMENTS[b.value]);
    else if (b.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else {
      const target = parent[key];
      // defineProperty: an assigned `__proto__` would set the prototype instead of adding a key, which JSON.parse never does.
      if (target && typeof target === 'object' && !Array.isArray(target)) Object.defineProperty(target, b.key, { value: structuredClone(REPLACEMENTS[b.value]), enumerable: true, writable: true, configurable: true });
    }
  }
  return root;
}

describe('compiled filing schemas answer as the schemas', () => {
  it('accept the kiosk’s own filings with the same values in the same order', () => {
    expect(records.length).toBe(8);
    for (const r of records) {
      expect(answer(compiledFilingRecordSchema, r)).toEqual(answer(filingRecordSchema, r));
      expect(answer(compiledFilingFactsSchema, r.facts)).toEqual(answer(filingFactsSchema, r.facts));
      expect(answer(compiledFilingRecordSchema, r).ok).toBe(true);
    }
  });

  it('answer bent filings, accepted or refused, exactly as the schema', () => {
    let refused = 0;
    fc.assert(
      fc.property(fc.nat(7), fc.array(bend, { minLength: 1, maxLength: 3 }), (which, bends) => {
        const input = bent(records[which], bends);
        const want = answer(filingRecordSchema, input);
        if (!want.ok) refused++;
        expect(answer(compiledFilingRecordSchema, input)).toEqual(want);
      }),
      { numRuns: 3000 },
    );
    // Both kinds of answer were compared, not only refusals.
    expect(refused).toBeGreaterThan(300);
    expect(refused).toBeLessThan(2900);
  });

  it('answer bent facts, accepted or refused, exactly as the schema', () => {
    let refused = 0;
    fc.assert(
      fc.property(fc.nat(7), fc.array(bend, { minLength: 1, maxLength: 3 }), (which, bends) => {
        const input = bent(records[which]!.facts, bends);
        const want = answer(filingFactsSchema, input);
        if (!want.ok) refused++;
        expect(answer(compiledFilingFactsSchema, input)).toEqual(want);
      }),
      { numRuns: 3000 },
    );
    expect(refused).toBeGreaterThan(300);
    expect(refused).toBeLessThan(2900);
  });

  it('refuse what is not an object at all, as the schema', () => {
    for (const v of [undefined, null, 'text', 42, [], [records[0]]]) {
      expect(answer(compiledFilingRecordSchema, v)).toEqual(answer(filingRecordSchema, v));
      expect(answer(compiledFilingFactsSchema, v)).toEqual(answer(filingFactsSchema, v));
    }
  });
});
