import type { RuleContext } from '../context.js';
import type { Finding } from '../finding.js';

/** One row of the rule table: an id, where it comes from, and the check. */
export interface RuleDef {
  id: string;
  source: string;
  summary_en: string;
  run(ctx: RuleContext): Finding[];
}

/** Application kinds that open a first enforcement of a basis document (incl. 执前督). */
export function isFirstFiling(ctx: RuleContext): boolean {
  return ctx.facts.application.kind === 'first';
}
