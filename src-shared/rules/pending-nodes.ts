/**
 * Time nodes that apply to a case but wait for an event after filing (a clue received, the
 * supervision ended, the case closed). They are listed with their anchor and their counting,
 * so a clerk and `yzt rules check` see every node a counter event will start.
 */
import { ANCHOR_LABEL, type DeadlineAnchor } from '../calendar/deadline-anchors.js';
import { nodeApplies, type DeadlineContext, type DeadlineRule, type DeadlineUnit } from '../calendar/deadlines.js';

export interface PendingNode {
  rule: string;
  label_zh: string;
  label_en: string;
  from: DeadlineAnchor;
  from_zh: string;
  from_en: string;
  amount: number;
  unit: DeadlineUnit;
  /** How the period counts, in words (calendar days rolled past rest days, working days, hours…). */
  counting_zh: string;
  counting_en: string;
  source: string;
}

export function countingOf(rule: Pick<DeadlineRule, 'amount' | 'unit' | 'rollover'>): { zh: string; en: string } {
  const n = rule.amount;
  const roll = rule.rollover !== false;
  switch (rule.unit) {
    case 'hours':
      return { zh: `${n}小时（按时计算）`, en: `${n} hours, counted by the hour` };
    case 'working-days':
      return { zh: `${n}个工作日`, en: `${n} working days` };
    case 'days':
      return roll ? { zh: `${n}日（末日为休息日的顺延至工作日）`, en: `${n} calendar days, a rest-day end rolls to the next working day` } : { zh: `${n}日（不顺延）`, en: `${n} calendar days, no rollover` };
    case 'months':
      return roll ? { zh: `${n}个月（末日为休息日的顺延至工作日）`, en: `${n} months, a rest-day end rolls to the next working day` } : { zh: `${n}个月（不顺延）`, en: `${n} months, no rollover` };
  }
}

export function pendingNodes(rules: readonly DeadlineRule[], ctx: DeadlineContext): PendingNode[] {
  return rules
    .filter((r) => r.from !== 'filed' && nodeApplies(r, ctx))
    .map((r) => {
      const c = countingOf(r);
      return {
        rule: r.id,
        label_zh: r.label_zh,
        label_en: r.label_en,
        from: r.from,
        from_zh: ANCHOR_LABEL[r.from].zh,
        from_en: ANCHOR_LABEL[r.from].en,
        amount: r.amount,
        unit: r.unit,
        counting_zh: c.zh,
        counting_en: c.en,
        source: r.source,
      };
    });
}
