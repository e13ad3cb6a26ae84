/**
 * 执前督 (seed 001 art. 25) as the central publishes it with the case's changes, so the
 * applicant's status query shows where the supervision stands and the deadline that now runs:
 * the supervision period once handed over, the 3 working days for the first enforcement filing
 * once it failed, and after the transfer the 执 case's number and its own deadlines. The
 * central derives every date itself (court profile, court calendar) from the clerk records it
 * holds; nothing here is a kiosk's or a counter's claim.
 */
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const publishedDeadlineSchema = z.strictObject({
  rule: z.string().max(60),
  label_zh: z.string().max(60),
  label_en: z.string().max(120),
  dueDate: isoDate,
  calendarConfirmed: z.boolean(),
});
export type PublishedDeadline = z.output<typeof publishedDeadlineSchema>;

export const preEnforcementStateSchema = z.discriminatedUnion('state', [
  /** Handed over to the enforcement department: the supervision period runs. */
  z.strictObject({ state: z.literal('supervising'), handedOverAt: z.iso.datetime(), deadlines: z.array(publishedDeadlineSchema).max(5) }),
  /** Performed in full: closed, no 执 case (art. 25 ¶2); the amount paid counts as enforced. */
  z.strictObject({ state: z.literal('performed'), paidFen: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), at: z.iso.datetime(), deadlines: z.array(publishedDeadlineSchema).max(0) }),
  /** Not performed, or refused: the first enforcement filing is due within 3 working days. */
  z.strictObject({ state: z.literal('failed'), outcome: z.enum(['failed', 'refused']), at: z.iso.datetime(), deadlines: z.array(publishedDeadlineSchema).max(5) }),
  /** Numbered as a first enforcement case: its number and its own deadlines. */
  z.strictObject({
    state: z.literal('transferred'),
    outcome: z.enum(['failed', 'refused']),
    followUp: z.strictObject({ filingId: z.uuid(), officialNo: z.string().max(64), typeCode: z.string().max(4), acceptedAt: z.iso.datetime() }),
    /** When the filing was due (3 working days from the failure) and when it was numbered. */
    filingDue: isoDate,
    deadlines: z.array(publishedDeadlineSchema).max(20),
  }),
]);
export type PreEnforcementState = z.output<typeof preEnforcementStateSchema>;

/** The words the applicant reads for a state, Chinese then English. */
export function preEnforcementSummary(s: PreEnforcementState, yuan: (fen: number) => string): { zh: string; en: string } {
  switch (s.state) {
    case 'supervising':
      return { zh: '已转交执行部门，正在督促被执行人履行', en: 'Handed to the enforcement department: the respondent is being urged to perform' };
    case 'performed':
      return { zh: `被执行人已履行完毕（到位金额 ${yuan(s.paidFen)} 元），执前督案件已结案，不再立首次执行案件`, en: `Performed in full (${yuan(s.paidFen)} yuan paid); the supervision case is closed and no enforcement case is filed` };
    case 'failed':
      return s.outcome === 'refused'
        ? { zh: '被执行人拒绝履行，正在办理首次执行立案', en: 'The respondent refused to perform; the first enforcement case is being filed' }
        : { zh: '督促期间未履行完毕，正在办理首次执行立案', en: 'Not performed during supervision; the first enforcement case is being filed' };
    case 'transferred':
      return { zh: `已转为首次执行案件，案号 ${s.followUp.officialNo}`, en: `Filed as first enforcement case ${s.followUp.officialNo}` };
  }
}
