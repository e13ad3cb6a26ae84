/**
 * The central decides every pushed filing's type (seed 000 art. 11): a kiosk can be tampered
 * with or simply wrong, so its claimed type code is never what gets numbered. The rules engine
 * runs again here on the facts the record carries, with the court's profile held at the
 * central and at submission time; a record without facts cannot be decided and is refused,
 * and a claim that differs from the derived code is refused, never numbered under the claim.
 * A refusal is an answer in the body, so the kiosk's queue moves on and shows the reason.
 */
import type { FilingRecord } from '../../src-shared/domain/filing.js';
import type { MutationResult } from '../../src-shared/sync/protocol.js';
import { ENFORCEMENT_TYPE_CODES } from '../../src-shared/casenum/type-codes.js';
import { findCourt, findCourtByCode } from '../../src-shared/courts/court-profile.js';
import { checkFacts, checkFiling } from '../../src-shared/rules/index.js';
import { compiledFilingFactsSchema } from './compiled-filing-schemas.js';
import { MISMATCH_TEXT, recordFactsMismatch } from './record-matches-facts.js';

function reject(mutationId: number, code: string, zh: string, en: string): MutationResult {
  return { mutationId, status: 'rejected', code, reason_zh: zh, reason_en: en };
}

export function validateFiling(mutationId: number, f: FilingRecord, deviceCourtCode: string, now: Date): MutationResult | null {
  if (f.courtCode !== deviceCourtCode) return reject(mutationId, 'wrong-court', '本设备不能为其他法院立案', 'This device cannot file for another court');
  if (!(ENFORCEMENT_TYPE_CODES as readonly string[]).includes(f.typeCode)) return reject(mutationId, 'bad-type', '案件类型代字不正确', 'Unknown case type code');
  const court = findCourt(f.courtId) ?? findCourtByCode(f.courtCode);
  if (!court || court.code !== f.courtCode) return reject(mutationId, 'unknown-court', '法院信息不正确', 'Unknown court profile');
  if (f.facts === undefined) {
    return reject(mutationId, 'facts-missing', '申请内容不完整，法院系统无法确定案件类型，请到窗口办理', 'The filing lacks the answers the court system needs to decide its type; please go to the counter');
  }
  // Rules are judged as at submission (what the applicant was told), never later than now.
  const at = new Date(Math.min(Date.parse(f.submittedAt), now.getTime()));
  // Parsed once here for both the rules and the record-against-facts comparison below.
  const facts = compiledFilingFactsSchema.safeParse(f.facts);
  const result = facts.success ? checkFacts(facts.data, court, { now: at }) : checkFiling(f.facts, court, { now: at });
  const blocking = result.findings.filter((x) => x.severity === 'block');
  if (blocking.length > 0) {
    return reject(mutationId, `rule:${blocking[0]!.rule}`, blocking.map((x) => x.message_zh).join('；'), blocking.map((x) => x.message_en).join('; '));
  }
  if (!result.typeCode) {
    return reject(mutationId, 'type-undecided', '法院系统无法根据申请内容确定案件类型，请到窗口办理', 'The court system cannot decide the case type from the answers; please go to the counter');
  }
  if (result.typeCode !== f.typeCode) {
    return reject(mutationId, 'type-mismatch', `案件类型代字应为“${result.typeCode}”，与终端提交的“${f.typeCode}”不一致，请到窗口办理`, `Type code should be ${result.typeCode}, the kiosk sent ${f.typeCode}; please go to the counter`);
  }
  const mismatch = recordFactsMismatch(f, facts.data);
  if (mismatch) {
    const t = MISMATCH_TEXT[mismatch];
    return reject(mutationId, 'facts-mismatch', `申请中的${t.zh}与填写的内容不一致，法院系统不能立案，请到窗口办理`, `The filing's ${t.en} differs from the answers it was decided on; please go to the counter`);
  }
  return null;
}
