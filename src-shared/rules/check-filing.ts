/**
 * checkFiling: the filing rules engine. Validates raw input against `filingFactsSchema`,
 * decides the type code from the court's table, runs the rule table, adds the court's own
 * notices, and routes the case. Any input, of any shape, yields a result: never an exception.
 */
import { enforcementTypeInfo, type TypeClass } from '../casenum/type-codes.js';
import { computeDeadline, computeDeadlines, type Deadline } from '../calendar/deadlines.js';
import type { Conversion } from '../courts/routing-types.js';
import type { EntryGate } from '../courts/stage-flow.js';
import { pendingNodes, type PendingNode } from './pending-nodes.js';
import { resolveCourt, type CourtProfile } from '../courts/court-profile.js';
import { zodIssuesZh } from '../courts/zod-issues.js';
import { decideType } from './checks/application.js';
import { BASIS_RULES } from './checks/basis.js';
import { PARTY_RULES } from './checks/parties.js';
import { JURISDICTION_RULES } from './checks/jurisdiction.js';
import type { RuleDef } from './checks/rule.js';
import { SCOPE_RULES } from './checks/scope.js';
import { holds } from './conditions.js';
import { makeContext, type RuleContext } from './context.js';
import { filingFactsSchema, type FilingFacts } from './filing-facts.js';
import { finding, type Finding } from './finding.js';
import { routeWith, type RouteResult } from './routing.js';

/** The rule table, in the order findings are reported within a severity. */
export const RULES: readonly RuleDef[] = [...SCOPE_RULES, ...BASIS_RULES, ...JURISDICTION_RULES, ...PARTY_RULES];

export interface CheckOptions {
  now?: Date;
}

export interface CheckResult {
  /** True when no finding blocks the filing. */
  ok: boolean;
  /** False when the input did not match `filingFactsSchema`; findings then name the fields. */
  valid: boolean;
  findings: Finding[];
  typeCode: string | null;
  typeClass: TypeClass | null;
  /** The article the type code comes from (the court's type table, seed 000 art. 8, 12, 15; seed 001 art. 25). */
  typeSource?: string;
  /** Canonical form of the basis number, when it is a court case number. */
  basisCanonical?: string;
  route?: RouteResult;
  /** Time nodes counted from now as the filing time, for the decided type and team. */
  deadlines?: Deadline[];
  /** Nodes of this case that a later event starts (a clue received, supervision ended…). */
  pendingNodes?: PendingNode[];
  /** Approvals needed before this filing may be made (seed 004 group 1 §1). */
  gates?: EntryGate[];
  /** Conversions the routed team may take, and whether the facts already call for one (seed 002 art. 17). */
  conversions?: Array<Conversion & { applies: boolean }>;
}

const ORDER = { block: 0, warn: 1, info: 2 } as const;

function invalid(findings: Finding[]): CheckResult {
  return { ok: false, valid: false, findings, typeCode: null, typeClass: null };
}

function courtNotices(ctx: RuleContext): Finding[] {
  return ctx.court.notices
    .filter((n) => !n.when || holds(n.when, ctx))
    .map((n) => finding(`notice.${n.id}`, n.severity, n.message_zh, n.message_en, n.source));
}

export function checkFiling(input: unknown, court: CourtProfile, opts: CheckOptions = {}): CheckResult {
  const parsed = filingFactsSchema.safeParse(input);
  if (!parsed.success) {
    return invalid(
      zodIssuesZh(parsed.error.issues).map((i) => finding('input.invalid', 'block', `填写内容有误：${i.message_zh}`, `Invalid input: ${i.message_en}`, 'filingFactsSchema', i.path)),
    );
  }
  return checkFacts(parsed.data, court, opts);
}

/**
 * `checkFiling` for facts already parsed with `filingFactsSchema`: for a caller that reads the
 * parsed facts too (the central compares the record with them) and would otherwise parse twice.
 */
export function checkFacts(facts: FilingFacts, court: CourtProfile, opts: CheckOptions = {}): CheckResult {
  const now = opts.now && !Number.isNaN(opts.now.getTime()) ? opts.now : new Date();
  try {
    const ctx = makeContext(facts, resolveCourt(court), now);
    const decision = decideType(ctx);
    if (decision.typeCode) ctx.typeCode = decision.typeCode;
    const findings = [...decision.findings, ...RULES.flatMap((r) => r.run(ctx)), ...courtNotices(ctx)];
    findings.sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
    const ok = decision.typeCode !== null && !findings.some((f) => f.severity === 'block');
    const result: CheckResult = { ok, valid: true, findings, typeCode: decision.typeCode, typeClass: decision.typeClass };
    if (decision.typeCode) {
      const src = ctx.court.types.find((t) => t.code === decision.typeCode)?.source ?? enforcementTypeInfo(decision.typeCode)?.source;
      if (src) result.typeSource = src;
    }
    if (ctx.basisParse?.ok) result.basisCanonical = ctx.basisParse.canonical;
    if (decision.typeCode) {
      result.route = routeWith(ctx);
      const dctx = { team: result.route.team, typeCode: decision.typeCode };
      result.deadlines = computeDeadlines(ctx.court.deadlines, { filed: now }, ctx.calendar, dctx);
      const limit = result.route.caseLimit;
      if (limit) {
        const rule = { id: 'case-limit', label_zh: `结案期限（${result.route.team_zh}）`, label_en: `case limit (${result.route.team_en})`, from: 'filed', ...limit } as const;
        result.deadlines.push(computeDeadline(rule, now, ctx.calendar));
      }
      result.pendingNodes = pendingNodes(ctx.court.deadlines, dctx);
      result.gates = ctx.court.gates.filter((g) => holds(g.when, ctx));
      const team = result.route.team;
      result.conversions = (ctx.court.routing.conversions ?? []).filter((c) => c.from === team).map((c) => ({ ...c, applies: holds(c.when, ctx) }));
    }
    return result;
  } catch {
    // Last line of defence: a hand-edited court profile that slipped past its schema.
    return invalid([finding('internal', 'block', '系统暂时无法检查此申请，请联系工作人员', 'The filing could not be checked; ask the staff', 'engine')]);
  }
}
