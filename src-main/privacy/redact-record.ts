/**
 * What of a filing record may stay on the kiosk once the central holds it: numbers, court,
 * type, dates, amounts, deadlines and masked names, in the record's own shape so the status
 * query (toView), the receipt reprint and the counter queue read a purged filing like any other.
 * Everything that identifies or reaches a person goes: ID numbers, addresses, phones, birth
 * dates, bank accounts, property clues, and the rules facts (they repeat the judgment's text,
 * which names the parties).
 */
import type { FilingRecord, PartyDraft } from '../../src-shared/domain/filing.js';
import { maskPersonName } from '../../src-shared/domain/masking.js';

/** An organisation's name is not personal data and is what the applicant recognises. */
const partyName = (p: { kind: 'person' | 'company'; name: string }) => (p.kind === 'person' ? maskPersonName(p.name) : p.name);

function redactParty(p: PartyDraft): PartyDraft {
  return { kind: p.kind, name: partyName(p), idNumber: '', address: '', phone: '' };
}

export function redactRecord(r: FilingRecord): FilingRecord {
  return {
    id: r.id,
    provisionalNo: r.provisionalNo,
    courtId: r.courtId,
    courtCode: r.courtCode,
    typeCode: r.typeCode,
    submittedAt: r.submittedAt,
    applicant: { cardKind: r.applicant.cardKind, name: maskPersonName(r.applicant.name), idNumber: '', genderCode: '', birthDate: '', address: '' },
    respondents: r.respondents.map((p) => ({ kind: p.kind, name: partyName(p) })),
    basisNumber: r.basisNumber,
    amountFen: r.amountFen,
    ...(r.filer ? { filer: r.filer } : {}),
    ...(r.principal ? { principal: redactParty(r.principal) } : {}),
    ...(r.company ? { company: redactParty(r.company) } : {}),
    ...(r.money ? { money: r.money } : {}),
    // Kind, size and hash of what was photographed: no picture can be rebuilt from them.
    ...(r.documents ? { documents: r.documents } : {}),
    ...(r.riskAcknowledgedAt ? { riskAcknowledgedAt: r.riskAcknowledgedAt } : {}),
    ...(r.consentAt ? { consentAt: r.consentAt } : {}),
    ...(r.deadlines ? { deadlines: r.deadlines } : {}),
  };
}

/** Fields of the counter's shared clerk records (src-shared/sync/protocol.ts) that hold what the
 * clerk wrote down about people; the other kinds carry teams, dates and the clerk's reasons. */
const CLERK_FIELDS: Record<string, readonly string[]> = {
  verification: ['originalValue', 'correctedValue', 'reason'],
  reception: ['serviceAddress', 'contact', 'filingDataVerified', 'respondentProperty', 'terminationView', 'notes'],
};
export const CLERK_KINDS_WITH_PERSONAL_DATA = Object.keys(CLERK_FIELDS);

/** The record as stored (JSON), with those fields emptied (null stays null) and the interviewee masked. */
export function redactClerkRecord(json: string): string {
  const r = JSON.parse(json) as { kind: string; payload?: Record<string, unknown> };
  const fields = CLERK_FIELDS[r.kind];
  if (!fields || !r.payload) return json;
  const payload = { ...r.payload };
  for (const f of fields) if (payload[f] !== null && payload[f] !== undefined) payload[f] = '';
  if (typeof payload.interviewee === 'string') payload.interviewee = maskPersonName(payload.interviewee);
  return JSON.stringify({ ...r, payload });
}
