/**
 * The push request is written from the outbox's stored JSON without parsing it: the text
 * must be the request the protocol describes, the same as stringifying a parsed copy.
 */
import { describe, expect, it } from 'vitest';
import { pushBody } from '../../../src-main/sync/push-pipeline.js';
import type { OutboxRow } from '../../../src-main/sync/outbox-store.js';
import { pushRequestSchema } from '../../../src-shared/sync/protocol.js';
import { filingRecord } from '../../integration/sync/support.js';

describe('the push body made from stored JSON', () => {
  it('is the protocol request for the batch, names with quotes and line breaks included', () => {
    const filings = [filingRecord(), filingRecord({ basisNumber: '（2025）豫0811民初7号' })];
    filings[1]!.applicant.name = '王"五\n';
    const rows: OutboxRow[] = filings.map((f, i) => ({ mutation_id: 40 + i, filing_id: f.id, kind: i === 0 ? 'filing.create' : 'filing.correct', body_json: JSON.stringify(f), created_at: '2026-12-03T00:00:00.000Z', attempts: 0 }));
    const text = pushBody(rows);
    expect(JSON.parse(text)).toEqual({ mutations: filings.map((f, i) => ({ mutationId: 40 + i, kind: rows[i]!.kind, filing: f })) });
    expect(text).toBe(JSON.stringify({ mutations: rows.map((r) => ({ mutationId: r.mutation_id, kind: r.kind, filing: JSON.parse(r.body_json) as unknown })) }));
    expect(pushRequestSchema.safeParse(JSON.parse(text)).success).toBe(true);
  });
});
