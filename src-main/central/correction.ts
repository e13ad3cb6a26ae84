/**
 * A correction of a returned filing (issue 12 item 6): the applicant gives at the kiosk what the
 * clerk asked for and the whole record comes again. The central takes it only for a case that
 * is returned, and only when who, on what basis and what type stay the same; the case is then
 * filed again for the clerk to review.
 */
import type { FilingRecord } from '../../src-shared/domain/filing.js';
import type { MutationResult } from '../../src-shared/sync/protocol.js';

export function correctionRefusal(mutationId: number, status: string, storedJson: string, corrected: FilingRecord): MutationResult | null {
  const refuse = (code: string, zh: string, en: string): MutationResult => ({ mutationId, status: 'rejected', code, reason_zh: zh, reason_en: en });
  if (status !== 'returned') return refuse('not-returned', '这个案件目前不需要补正', 'The case is not returned for correction');
  const stored = JSON.parse(storedJson) as FilingRecord;
  if (stored.applicant.idNumber !== corrected.applicant.idNumber || stored.basisNumber !== corrected.basisNumber || stored.typeCode !== corrected.typeCode || stored.courtCode !== corrected.courtCode) {
    return refuse('correction-mismatch', '补正不能更换申请人、执行依据或案件类型，请到窗口办理', 'A correction may not change the applicant, the basis or the type; ask at the counter');
  }
  return null;
}
