/**
 * The counter's own time nodes, from the court profile: first reception, notices, the property
 * query and triage, each counted from filing on the court's working-day calendar. Courts set
 * them differently (seed 002 art. 7: all within 5 working days; seed 003 ch.3 一: reception at
 * once, notices within 2 days, the online query within 24 hours), so no figure is fixed here.
 */
import { z } from 'zod';
import { computeDeadline, type DeadlineRule } from '../calendar/deadlines.js';
import type { IsoDate, WorkCalendar } from '../calendar/work-calendar.js';

export const COUNTER_TASKS = ['reception', 'notices', 'query', 'triage'] as const;
export type CounterTask = (typeof COUNTER_TASKS)[number];

export const COUNTER_TASK_LABELS: Readonly<Record<CounterTask, { zh: string; en: string }>> = {
  reception: { zh: '核对立案信息与初次接待', en: 'verification and first reception' },
  notices: { zh: '制作送达执行通知书等文书', en: 'draft and serve the enforcement notices' },
  query: { zh: '网络查控或关联案件检索', en: 'online property query or related-case search' },
  triage: { zh: '繁简分流', en: 'triage' },
};

/** A counter node: a node of the profile's `deadlines` by id, or its own figure ('immediate': the filing day, or the next working day). */
export type CounterNode = { node: string } | { amount: number; unit: 'immediate' | 'hours' | 'days' | 'working-days'; source: string };
export type CounterNodes = Partial<Record<CounterTask, CounterNode>>;

const source = z.string().min(1).max(200);
const counterNode = z.union([
  z.strictObject({ node: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/) }),
  z.strictObject({ amount: z.number().int().min(0).max(1000), unit: z.enum(['immediate', 'hours', 'days', 'working-days']), source }),
]);
export const counterNodesSchema = z.strictObject({
  reception: counterNode.optional(),
  notices: counterNode.optional(),
  query: counterNode.optional(),
  triage: counterNode.optional(),
});

export interface CounterDeadlineView {
  task: CounterTask;
  label_zh: string;
  label_en: string;
  /** How the court words the period: 立即 / 24小时内 / 2日内 / 5个工作日内. */
  period_zh: string;
  period_en: string;
  dueDate: IsoDate;
  dueAt?: string;
  source: string;
  calendarConfirmed: boolean;
}

interface ProfileLike {
  counterNodes?: CounterNodes | undefined;
  deadlines?: readonly DeadlineRule[] | undefined;
}

/** The rule behind a task, or undefined where the court sets no period for it. */
export function counterRule(court: ProfileLike, task: CounterTask): DeadlineRule | undefined {
  const n = court.counterNodes?.[task];
  if (!n) return undefined;
  const label = COUNTER_TASK_LABELS[task];
  if ('node' in n) return court.deadlines?.find((d) => d.id === n.node);
  // Immediate: on the filing day; a filing made on a rest day at the kiosk, the next working day.
  return { id: `counter-${task}`, label_zh: label.zh, label_en: label.en, from: 'filed', amount: n.unit === 'immediate' ? 0 : n.amount, unit: n.unit === 'immediate' ? 'days' : n.unit, source: n.source };
}

function period(rule: DeadlineRule, immediate: boolean): { zh: string; en: string } {
  if (immediate) return { zh: '立即', en: 'at once' };
  switch (rule.unit) {
    case 'hours': return { zh: `${rule.amount}小时内`, en: `within ${rule.amount} hours` };
    case 'days': return { zh: `${rule.amount}日内`, en: `within ${rule.amount} days` };
    case 'working-days': return { zh: `${rule.amount}个工作日内`, en: `within ${rule.amount} working days` };
    case 'months': return { zh: `${rule.amount}个月内`, en: `within ${rule.amount} months` };
  }
}

/** Every counter node the court sets, due from the filing time. */
export function counterDeadlines(court: ProfileLike, filedAt: Date, cal: WorkCalendar): CounterDeadlineView[] {
  return COUNTER_TASKS.flatMap((task) => {
    const rule = counterRule(court, task);
    if (!rule) return [];
    const node = court.counterNodes?.[task];
    const immediate = !!node && 'unit' in node && node.unit === 'immediate';
    const d = computeDeadline(rule, filedAt, cal);
    const p = period(rule, immediate);
    const label = COUNTER_TASK_LABELS[task];
    return [{ task, label_zh: label.zh, label_en: label.en, period_zh: p.zh, period_en: p.en, dueDate: d.dueDate, ...(d.dueAt ? { dueAt: d.dueAt } : {}), source: rule.source, calendarConfirmed: d.calendarConfirmed }];
  });
}

/** Which nodes a case at a counter stage waits on, in order: the first the court sets is the queue's due date. */
const WAITING_ON: Readonly<Record<string, readonly CounterTask[]>> = {
  new: ['reception', 'triage', 'notices', 'query'],
  verifying: ['reception', 'triage', 'notices', 'query'],
  received: ['triage', 'notices', 'query'],
  triaged: ['notices', 'query'],
};

/** The node a queue row shows for a case at `stage`; null where the court sets none, or the case waits on no counter node (returned to the applicant, finished). */
export function queueNode(all: readonly CounterDeadlineView[], stage: string): CounterDeadlineView | null {
  for (const t of WAITING_ON[stage] ?? []) {
    const d = all.find((x) => x.task === t);
    if (d) return d;
  }
  return null;
}

/** Fewest calendar days any of the court's counter nodes can take: a lower bound for the overdue filter's pre-selection. */
export function shortestCounterDays(court: ProfileLike): number {
  const days = COUNTER_TASKS.map((t) => counterRule(court, t)).filter((r): r is DeadlineRule => !!r).map((r) => (r.unit === 'hours' ? Math.floor(r.amount / 24) : r.unit === 'months' ? 28 * r.amount : r.amount));
  return days.length ? Math.min(...days) : 0;
}
