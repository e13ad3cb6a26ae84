/** Evaluates the court-configured condition language (courts/routing-types.ts) on a filing. */
import type { AmountRef, Condition } from '../courts/routing-types.js';
import type { RuleContext } from './context.js';

function amount(ref: AmountRef, ctx: RuleContext): number | undefined {
  return typeof ref === 'number' ? ref : ctx.court.thresholds[ref];
}

export function holds(c: Condition, ctx: RuleContext, depth = 0): boolean {
  if (depth > 20) return false;
  const f = ctx.facts;
  const claimed = f.claim?.amountFen;
  if ('tag' in c) return f.routingTags.includes(c.tag);
  if ('amountAtLeast' in c) {
    const line = amount(c.amountAtLeast, ctx);
    return claimed !== undefined && line !== undefined && claimed >= line;
  }
  if ('amountBelow' in c) {
    const line = amount(c.amountBelow, ctx);
    return claimed !== undefined && line !== undefined && claimed < line;
  }
  if ('basisKind' in c) return !!f.basis && c.basisKind.includes(f.basis.kind);
  if ('branch' in c) return !!ctx.branch && c.branch.includes(ctx.branch);
  if ('application' in c) return c.application.includes(f.application.kind);
  if ('ground' in c) return f.application.grounds.some((g) => c.ground.includes(g));
  if ('typeCode' in c) return !!ctx.typeCode && c.typeCode.includes(ctx.typeCode);
  if ('all' in c) return c.all.every((x) => holds(x, ctx, depth + 1));
  if ('any' in c) return c.any.some((x) => holds(x, ctx, depth + 1));
  if ('not' in c) return !holds(c.not, ctx, depth + 1);
  return false;
}
