/**
 * Triage and routing rules as data (繁简分流). A court lists rules in order; the first whose
 * condition holds names the team, and the result carries the rule id and source so a clerk
 * sees why. Conditions read facts from the filing (amount, basis kind, branch of the basis
 * number, application kind) and routing tags that the kiosk or the clerk sets.
 */
import type { TrialBranch } from '../casenum/type-codes.js';
import type { ApprovalGate, StageFlow } from './stage-flow.js';
import type { ApplicationKind } from './type-table.js';

/** Events during enforcement that convert a simple case (seed 002 art. 17): the clerk records them as tags. */
export const CONVERSION_EVENTS = ['objection-raised', 'auction-needed', 'reversal-after-supervision', 'higher-oversight'] as const;
export type ConversionEvent = (typeof CONVERSION_EVENTS)[number];

/** Facts for triage that no device reads; the clerk ticks them at first reception. */
export const ROUTING_TAGS = [
  'party-organ',
  'fee-recovery',
  'entrusted',
  'funds-cover',
  'simple-other',
  'complex',
  'historical-issues',
  'assistance-notice-suffices',
  'movable-transfer',
  'missing-no-assets',
  'voluntary-or-settlement',
  'likely-inadmissible',
  'repeat-after-termination',
  'asset-disposal',
  'title-transfer',
  'return-property',
  'unclear-criminal-property',
  'relational-dispute',
  'termination-candidate',
  'finance',
  'foreign-related',
  ...CONVERSION_EVENTS,
] as const;
export type RoutingTag = (typeof ROUTING_TAGS)[number];

export const BASIS_KINDS = [
  'judgment',
  'ruling',
  'mediation',
  'payment-order',
  'arbitration-award',
  'labour-arbitration-award',
  'notarised-debt',
  'preservation-ruling',
  'administrative-decision',
  'other',
] as const;
export type BasisKind = (typeof BASIS_KINDS)[number];

/** An amount is fen, or the name of one of the court's `thresholds`. */
export type AmountRef = number | string;

export type Condition =
  | { tag: RoutingTag }
  | { amountAtLeast: AmountRef }
  | { amountBelow: AmountRef }
  | { basisKind: readonly BasisKind[] }
  | { branch: readonly TrialBranch[] }
  | { application: readonly ApplicationKind[] }
  | { ground: readonly string[] }
  | { typeCode: readonly string[] }
  | { all: readonly Condition[] }
  | { any: readonly Condition[] }
  | { not: Condition };

export interface RoutingRule {
  id: string;
  team: string;
  when: Condition;
  label_zh: string;
  label_en: string;
  source: string;
}

export interface Team {
  id: string;
  name_zh: string;
  name_en: string;
  /** Time to close a case of this team, from filing (e.g. 30 days simple, 6 months ordinary). */
  caseLimit?: { amount: number; unit: 'days' | 'months'; source: string };
}

/** Moving a case between teams when something happens during enforcement (seed 002 art. 17). */
export interface Conversion {
  id: string;
  from: string;
  to: string;
  when: Condition;
  /** Days within which the case is handed to the new team. */
  handoverDays: number;
  /** Who must approve before the case moves (seed 002 art. 17: 报经局长审批). */
  approval?: ApprovalGate;
  label_zh: string;
  label_en: string;
  source: string;
}

export interface RoutingTable {
  /** `triage`: first matching rule; `stages`: cases flow through `teams` in order (seed 004). */
  mode: 'triage' | 'stages';
  rules: readonly RoutingRule[];
  fallback: { team: string; label_zh: string; label_en: string; source: string };
  conversions?: readonly Conversion[];
  /** Stage mode: the graph cases move through (seed 004); without it, `teams` in order. */
  flow?: StageFlow;
}
