/**
 * Triage and routing (繁简分流) by the court's rule table: the first rule whose condition
 * holds names the team; otherwise the court's fallback. The result names the rule and its
 * source so a clerk can see why (seed 002 art. 11, seed 003 ch.3, seed 004).
 */
import { enforcementTypeInfo } from '../casenum/type-codes.js';
import { resolveCourt, type CourtProfile, type ResolvedCourt } from '../courts/court-profile.js';
import type { Conversion, Team } from '../courts/routing-types.js';
import type { ApprovalGate, StageExit, StageSupervisor } from '../courts/stage-flow.js';
import { holds } from './conditions.js';
import { approvalFor, flowOf, reachableStages, stageOf } from './stage-moves.js';
import { makeContext, type RuleContext } from './context.js';
import type { FilingFacts } from './filing-facts.js';

export interface RouteResult {
  mode: 'triage' | 'stages';
  team: string;
  team_zh: string;
  team_en: string;
  /** The id of the rule that matched, or `fallback`. */
  rule: string;
  label_zh: string;
  label_en: string;
  source: string;
  caseLimit?: Team['caseLimit'];
  /** True when the team names no limit and the court's fallback (statutory six months) applies. */
  caseLimitFallback?: boolean;
  /** Stage mode: the stages a case starting at `team` can reach, in the order it meets them; empty when `team` is not a stage. */
  stages?: string[];
  /** Stage mode: where the case may go from its stage, with approvals, and who supervises. */
  stage?: StagePlan;
}

export interface StagePlan {
  team: string;
  end: boolean;
  exits: Array<StageExit & { approval?: ApprovalGate }>;
  supervisors: readonly StageSupervisor[];
}

function teamOf(court: ResolvedCourt, id: string): Team {
  return court.teams.find((t) => t.id === id) ?? { id, name_zh: id, name_en: id };
}

export function routeWith(ctx: RuleContext): RouteResult {
  const { court } = ctx;
  const rule = court.routing.rules.find((r) => holds(r.when, ctx));
  const picked = rule ?? { ...court.routing.fallback, id: 'fallback' };
  const team = teamOf(court, picked.team);
  const out: RouteResult = {
    mode: court.routing.mode,
    team: team.id,
    team_zh: team.name_zh,
    team_en: team.name_en,
    rule: picked.id,
    label_zh: picked.label_zh,
    label_en: picked.label_en,
    source: picked.source,
  };
  // Case limits are for enforcement (实施) cases: 执前督 has its own 30 days (seed 001 art. 25)
  // and review cases are not closed on a team's clock.
  const cls = ctx.typeCode ? enforcementTypeInfo(ctx.typeCode)?.class : undefined;
  if (!cls || cls === 'implementation') {
    if (team.caseLimit) out.caseLimit = team.caseLimit;
    else {
      out.caseLimit = court.caseLimitFallback;
      out.caseLimitFallback = true;
    }
  }
  const flow = flowOf(court);
  if (flow) {
    out.stages = reachableStages(flow, team.id);
    const plan = stagePlan(court, team.id);
    if (plan) out.stage = plan;
  }
  return out;
}

/** A stage's exits (with the approvals each needs) and the supervisors, for a stage-mode court. */
export function stagePlan(profile: CourtProfile | ResolvedCourt, team: string): StagePlan | undefined {
  const flow = flowOf(resolveCourt(profile));
  const stage = flow && stageOf(flow, team);
  if (!flow || !stage) return undefined;
  return {
    team,
    end: stage.end === true,
    exits: stage.exits.map((e) => {
      const approval = approvalFor(flow, e);
      return approval ? { ...e, approval } : { ...e };
    }),
    supervisors: flow.supervisors,
  };
}

/** Routes validated facts (see `filingFactsSchema`); `checkFiling` does it for raw input. */
export function routeCase(facts: FilingFacts, court: CourtProfile, opts: { now?: Date; typeCode?: string } = {}): RouteResult {
  const ctx = makeContext(facts, resolveCourt(court), opts.now ?? new Date());
  if (opts.typeCode) ctx.typeCode = opts.typeCode;
  return routeWith(ctx);
}

/**
 * Where a case at `team` goes next in a stage-mode court (seed 004): by the exit `event`, or
 * else the way the rest go (其余案件); undefined at the end, for a closing exit, or off the flow.
 */
export function nextStage(court: CourtProfile, team: string, event?: string): Team | undefined {
  const r = resolveCourt(court);
  const flow = flowOf(r);
  const stage = flow && stageOf(flow, team);
  const exit = stage?.exits.find((e) => (event ? e.id === event : e.otherwise === true));
  if (!exit || exit.to === 'closed') return undefined;
  return teamOf(r, exit.to);
}

/** The conversions a case now in `team` could take, whether the facts already call for each. */
export function conversionsFrom(facts: FilingFacts, court: CourtProfile, team: string, opts: { now?: Date } = {}): Array<Conversion & { applies: boolean }> {
  const r = resolveCourt(court);
  const ctx = makeContext(facts, r, opts.now ?? new Date());
  return (r.routing.conversions ?? []).filter((c) => c.from === team).map((c) => ({ ...c, applies: holds(c.when, ctx) }));
}

/**
 * Whether a case now in `team` must move to another team, given what happened since filing
 * (as routing tags on the facts); the first matching conversion of the court wins.
 */
export function conversionFor(facts: FilingFacts, court: CourtProfile, team: string, opts: { now?: Date } = {}): Conversion | undefined {
  const r = resolveCourt(court);
  const ctx = makeContext(facts, r, opts.now ?? new Date());
  return (r.routing.conversions ?? []).find((c) => c.from === team && holds(c.when, ctx));
}
