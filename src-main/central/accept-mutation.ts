/**
 * Accepting one pushed mutation: replay check, re-validation (a kiosk can be tampered with),
 * numbering and storage, all in one transaction. Rejections are answers, not errors, so the
 * kiosk's queue moves on.
 */
import type { Db } from '../db/open.js';
import type { MutationResult, PushMutation } from '../../src-shared/sync/protocol.js';
import { parseCaseNumber } from '../../src-shared/casenum/case-number.js';
import { ENFORCEMENT_TYPE_CODES } from '../../src-shared/casenum/type-codes.js';
import { assignOfficialNumber } from './numbering.js';

function reject(mutationId: number, code: string, zh: string, en: string): MutationResult {
  return { mutationId, status: 'rejected', code, reason_zh: zh, reason_en: en };
}

function validate(m: PushMutation, deviceCourt: string, now: Date): MutationResult | null {
  const f = m.filing;
  if (f.courtCode !== deviceCourt) return reject(m.mutationId, 'wrong-court', '本设备不能为其他法院立案', 'This device cannot file for another court');
  if (!(ENFORCEMENT_TYPE_CODES as readonly string[]).includes(f.typeCode)) return reject(m.mutationId, 'bad-type', '案件类型代字不正确', 'Unknown case type code');
  const basis = parseCaseNumber(f.basisNumber, { now });
  if (!basis.ok) return reject(m.mutationId, 'bad-basis', `执行依据文号有误：${basis.message_zh}`, `Basis document number: ${basis.message_en}`);
  if (!Number.isSafeInteger(f.amountFen) || f.amountFen <= 0) return reject(m.mutationId, 'bad-amount', '申请执行金额不正确', 'Bad amount');
  return null;
}

export function acceptMutation(db: Db, deviceId: string, deviceCourt: string, m: PushMutation, now: Date): MutationResult {
  return db.transaction((): MutationResult => {
    const prior = db.prepare('SELECT result_json FROM mutations WHERE device_id = ? AND mutation_id = ?').get(deviceId, m.mutationId) as { result_json: string } | undefined;
    if (prior) return JSON.parse(prior.result_json) as MutationResult;
    let result = validate(m, deviceCourt, now);
    if (!result) {
      const existing = db.prepare('SELECT official_no, accepted_at FROM cases WHERE filing_id = ?').get(m.filing.id) as { official_no: string; accepted_at: string } | undefined;
      if (existing) {
        // Same filing under a new mutation id (e.g. a kiosk restored from backup): never a second number.
        result = { mutationId: m.mutationId, status: 'accepted', officialNo: existing.official_no, acceptedAt: existing.accepted_at };
      } else {
        const { year, seq, officialNo } = assignOfficialNumber(db, deviceCourt, m.filing.typeCode, now);
        const acceptedAt = now.toISOString();
        db.prepare(
          `INSERT INTO cases (filing_id, device_id, mutation_id, provisional_no, court_code, type_code, year, seq, official_no, status, submitted_at, accepted_at, record_json)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'accepted', ?, ?, ?)`,
        ).run(m.filing.id, deviceId, m.mutationId, m.filing.provisionalNo, deviceCourt, m.filing.typeCode, year, seq, officialNo, m.filing.submittedAt, acceptedAt, JSON.stringify(m.filing));
        result = { mutationId: m.mutationId, status: 'accepted', officialNo, acceptedAt };
      }
    }
    db.prepare('INSERT INTO mutations (device_id, mutation_id, result_json, received_at) VALUES (?, ?, ?, ?)').run(deviceId, m.mutationId, JSON.stringify(result), now.toISOString());
    return result;
  }).immediate();
}
