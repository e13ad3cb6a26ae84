/**
 * Triage and routing (繁简分流) by the court's rule table: the first rule whose condition
 * holds names the team; otherwise the court's fallback. The result names the rule and its
 * source so a clerk can see why (seed 002 art. 11, seed 003 ch.3, seed 004).
 */
import { resolveCourt, type CourtProfile, type ResolvedCourt } from '../courts/court-profile.js';
import type { Conversion, Team } from '../courts/routing-types.js';
import { holds } from './conditions.js';
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
  /** Stage mode: the teams a case passes through, in order, starting at `team`. */
  stages?: string[];
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
  if (team.caseLimit) out.caseLimit = team.caseLimit;
  if (court.routing.mode === 'stages') {
    const ids = court.teams.map((t) => t.id);
    out.stages = ids.slice(Math.max(0, ids.indexOf(team.id)));
  }
  return out;
}

/** Routes validated facts (see `filingFactsSchema`); `checkFiling` does it for raw input. */
export function routeCase(facts: FilingFacts, court: CourtProfile, opts: { now?: Date; typeCode?: string } = {}): RouteResult {
  const ctx = makeContext(facts, resolveCourt(court), opts.now ?? new Date());
  if (opts.typeCode) ctx.typeCode = opts.typeCode;
  return routeWith(ctx);
}

/** The next stage after `team` in a stage-mode court (seed 004), or undefined at the end. */
export function nextStage(court: CourtProfile, team: string): Team | undefined {
  const r = resolveCourt(court);
  if (r.routing.mode !== 'stages') return undefined;
  const i = r.teams.findIndex((t) => t.id === team);
  return i >= 0 ? r.teams[i + 1] : undefined;
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
