/**
 * The criteria of a court's triage table that a clerk answers at the counter: every routing tag
 * its rules test, with the rules (and so the teams) each one can send a case to. Conversion
 * events (seed 002 art. 17) are not listed: they happen during enforcement and are recorded
 * by a leader as a conversion.
 */
import { resolveCourt, type CourtProfile } from '../courts/court-profile.js';
import { CONVERSION_EVENTS, type Condition, type RoutingTag } from '../courts/routing-types.js';
import { ROUTING_TAG_LABELS } from '../courts/routing-tag-labels.js';

export interface RoutingCriterion {
  tag: RoutingTag;
  label_zh: string;
  label_en: string;
  /** The rules that test the tag, in the table's order, each with its team's names. */
  rules: Array<{ id: string; team: string; team_zh: string; team_en: string; source: string }>;
}

function tagsOf(c: Condition, out: Set<RoutingTag>, depth = 0): void {
  if (depth > 20) return;
  if ('tag' in c) out.add(c.tag);
  else if ('all' in c) c.all.forEach((x) => tagsOf(x, out, depth + 1));
  else if ('any' in c) c.any.forEach((x) => tagsOf(x, out, depth + 1));
  else if ('not' in c) tagsOf(c.not, out, depth + 1);
}

export function routingCriteria(profile: CourtProfile): RoutingCriterion[] {
  const court = resolveCourt(profile);
  const byTag = new Map<RoutingTag, RoutingCriterion>();
  for (const rule of court.routing.rules) {
    const tags = new Set<RoutingTag>();
    tagsOf(rule.when, tags);
    for (const tag of tags) {
      if ((CONVERSION_EVENTS as readonly string[]).includes(tag)) continue;
      const team = court.teams.find((t) => t.id === rule.team);
      const entry = byTag.get(tag) ?? { tag, label_zh: ROUTING_TAG_LABELS[tag].zh, label_en: ROUTING_TAG_LABELS[tag].en, rules: [] };
      entry.rules.push({ id: rule.id, team: rule.team, team_zh: team?.name_zh ?? rule.team, team_en: team?.name_en ?? rule.team, source: rule.source });
      byTag.set(tag, entry);
    }
  }
  return [...byTag.values()];
}
