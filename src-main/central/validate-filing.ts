/**
 * The central re-checks every pushed filing (a kiosk can be tampered with): the device's
 * court, the type code, and the filing rules engine on the facts the kiosk's FilingRecord
 * carries today. A failure is a rejection in the answer body, so the kiosk's queue moves on.
 *
 * A record that carries `facts` (everything the kiosk's rules check read) is checked in full,
 * at its submission time, and must come out with the type code the kiosk gave it. An older
 * record without them is mapped to FilingFacts from its own fields, and only the rules those
 * fields decide are enforced; the rest are left to the counter clerk.
 */
import type { FilingRecord } from '../../src-shared/domain/filing.js';
import type { MutationResult } from '../../src-shared/sync/protocol.js';
import { ENFORCEMENT_TYPE_CODES } from '../../src-shared/casenum/type-codes.js';
import { findCourt, findCourtByCode } from '../../src-shared/courts/court-profile.js';
import { checkFiling, type FilingFactsInput } from '../../src-shared/rules/index.js';

/** Rules whose input the FilingRecord fully carries. */
const ENFORCED_RULES = new Set(['input.invalid', 'basis.number', 'party.id-number', 'party.uscc', 'party.name', 'claim.amount']);

const ID_TYPE = { resident: 'resident-id', 'foreign-permanent': 'foreign-permanent', 'foreign-2023': 'foreign-permanent', 'hmt-residence': 'hmt-permit' } as const;

export function factsOf(f: FilingRecord): FilingFactsInput {
  return {
    application: { kind: 'first' },
    applicants: [
      {
        kind: 'person',
        name: f.applicant.name,
        idType: ID_TYPE[f.applicant.cardKind],
        idNumber: f.applicant.idNumber,
        address: f.applicant.address,
        ...(f.applicant.phone ? { phone: f.applicant.phone } : {}),
      },
    ],
    respondents: f.respondents.map((r) => ({
      kind: r.kind,
      name: r.name,
      ...(r.idNumber ? { idNumber: r.idNumber } : {}),
      ...(r.address ? { address: r.address } : {}),
      ...(r.phone ? { phone: r.phone } : {}),
    })),
    // Asserted by the applicant at the kiosk's confirmation step; not yet recorded field by field.
    basis: { number: f.basisNumber, kind: 'judgment', effective: true, hasPaymentContent: true, subjectDefinite: true, respondentDefinite: true },
    claim: { kind: 'money', amountFen: f.amountFen },
  };
}

function reject(mutationId: number, code: string, zh: string, en: string): MutationResult {
  return { mutationId, status: 'rejected', code, reason_zh: zh, reason_en: en };
}

export function validateFiling(mutationId: number, f: FilingRecord, deviceCourtCode: string, now: Date): MutationResult | null {
  if (f.courtCode !== deviceCourtCode) return reject(mutationId, 'wrong-court', '本设备不能为其他法院立案', 'This device cannot file for another court');
  if (!(ENFORCEMENT_TYPE_CODES as readonly string[]).includes(f.typeCode)) return reject(mutationId, 'bad-type', '案件类型代字不正确', 'Unknown case type code');
  const court = findCourt(f.courtId) ?? findCourtByCode(f.courtCode);
  if (!court || court.code !== f.courtCode) return reject(mutationId, 'unknown-court', '法院信息不正确', 'Unknown court profile');
  // Rules are judged as at submission (what the applicant was told), never later than now.
  const at = new Date(Math.min(Date.parse(f.submittedAt), now.getTime()));
  const full = f.facts !== undefined;
  const result = checkFiling(full ? f.facts : factsOf(f), court, { now: at });
  const blocking = result.findings.filter((x) => x.severity === 'block' && (full || ENFORCED_RULES.has(x.rule)));
  if (blocking.length > 0) {
    return reject(mutationId, `rule:${blocking[0]!.rule}`, blocking.map((x) => x.message_zh).join('；'), blocking.map((x) => x.message_en).join('; '));
  }
  if (full && result.typeCode && result.typeCode !== f.typeCode) {
    return reject(mutationId, 'type-mismatch', `案件类型代字应为“${result.typeCode}”，与终端提交的“${f.typeCode}”不一致`, `Type code should be ${result.typeCode}, the kiosk sent ${f.typeCode}`);
  }
  return null;
}
