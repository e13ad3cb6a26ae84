/**
 * The JSON schema of a court profile, so IT staff can edit one and import it safely. Besides
 * shapes and lengths it checks what code relies on: a valid court code, type codes only from
 * the national list (seed 000 art. 11: no invented codes), team ids and thresholds that the
 * routing rules name actually exist, and calendar dates that are real dates.
 */
import { z } from 'zod';
import { isValidCourtCode } from '../casenum/case-number.js';
import { ENFORCEMENT_TYPE_CODES, type TrialBranch } from '../casenum/type-codes.js';
import { DEADLINE_ANCHORS } from '../calendar/deadlines.js';
import { isIsoDate } from '../calendar/work-calendar.js';
import type { CourtProfile } from './court-profile.js';
import { BASIS_KINDS, ROUTING_TAGS, type Condition } from './routing-types.js';
import { APPLICATION_KINDS } from './type-table.js';
import { APPROVER_ROLES } from './stage-flow.js';
import { zodIssuesZh, type InputIssue } from './zod-issues.js';
import { counterNodesSchema } from '../counter/counter-deadlines.js';

const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/u;
const str = (max: number) => z.string().max(max).regex(NO_CONTROL, { message: 'control characters' });
const id = z.string().min(1).max(40).regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'lower-case letters, digits and -' });
const source = str(120).min(1);
const fen = z.number().int().min(0).max(1e15);
const amountRef = z.union([fen, id]);
const BRANCHES: readonly [TrialBranch, ...TrialBranch[]] = ['civil', 'criminal', 'administrative', 'commercial', 'preservation', 'bankruptcy', 'compensation', 'enforcement'];

const condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ tag: z.enum(ROUTING_TAGS) }),
    z.strictObject({ amountAtLeast: amountRef }),
    z.strictObject({ amountBelow: amountRef }),
    z.strictObject({ basisKind: z.array(z.enum(BASIS_KINDS)).min(1).max(20) }),
    z.strictObject({ branch: z.array(z.enum(BRANCHES)).min(1).max(10) }),
    z.strictObject({ application: z.array(z.enum(APPLICATION_KINDS)).min(1).max(10) }),
    z.strictObject({ ground: z.array(id).min(1).max(20) }),
    z.strictObject({ typeCode: z.array(z.enum(ENFORCEMENT_TYPE_CODES)).min(1).max(10) }),
    z.strictObject({ all: z.array(condition).min(1).max(30) }),
    z.strictObject({ any: z.array(condition).min(1).max(30) }),
    z.strictObject({ not: condition }),
  ]),
);

const dateEntry = z.string().max(23).refine((s) => s.split('..').length <= 2 && s.split('..').every(isIsoDate), { message: 'YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD' });

const caseLimit = z.strictObject({ amount: z.number().int().min(1).max(36), unit: z.enum(['days', 'months']), source });

const approval = z.strictObject({
  steps: z.array(z.strictObject({ role: z.enum(APPROVER_ROLES), label_zh: str(60).min(1), label_en: str(120).min(1) })).min(1).max(5),
  source,
});

const flow = z.strictObject({
  start: id,
  stages: z
    .array(
      z.strictObject({
        team: id,
        end: z.boolean().optional(),
        exits: z.array(z.strictObject({ id, to: id, label_zh: str(200).min(1), label_en: str(300).min(1), source, approval: approval.optional(), otherwise: z.boolean().optional() })).max(20),
      }),
    )
    .min(1)
    .max(20),
  supervisors: z.array(z.strictObject({ team: id, label_zh: str(200).min(1), label_en: str(300).min(1), source })).max(5),
  everyMove: approval.optional(),
});

export const courtProfileSchema = z
  .strictObject({
    id,
    code: str(8).refine(isValidCourtCode, { message: 'court code like 豫0811' }),
    name: str(40).min(2),
    level: z.enum(['supreme', 'high', 'intermediate', 'basic']),
    codeConfirmed: z.boolean(),
    seed: str(8).optional(),
    codeAliases: z.array(str(8).refine(isValidCourtCode, { message: 'court code like 豫0811' })).max(5).optional(),
    note: str(300).optional(),
    types: z
      .array(z.strictObject({ code: z.enum(ENFORCEMENT_TYPE_CODES), applications: z.array(z.enum(APPLICATION_KINDS)).max(10), source }))
      .min(1)
      .max(ENFORCEMENT_TYPE_CODES.length)
      .optional(),
    thresholds: z.record(id, fen).optional(),
    teams: z.array(z.strictObject({ id, name_zh: str(30).min(1), name_en: str(60).min(1), caseLimit: caseLimit.optional() })).min(1).max(20).optional(),
    routing: z
      .strictObject({
        mode: z.enum(['triage', 'stages']),
        rules: z.array(z.strictObject({ id, team: id, when: condition, label_zh: str(200).min(1), label_en: str(300).min(1), source })).max(50),
        fallback: z.strictObject({ team: id, label_zh: str(200).min(1), label_en: str(300).min(1), source }),
        conversions: z
          .array(z.strictObject({ id, from: id, to: id, when: condition, handoverDays: z.number().int().min(0).max(60), approval: approval.optional(), label_zh: str(200).min(1), label_en: str(300).min(1), source }))
          .max(20)
          .optional(),
        flow: flow.optional(),
      })
      .optional(),
    deadlines: z
      .array(
        z.strictObject({
          id,
          label_zh: str(60).min(1),
          label_en: str(120).min(1),
          from: z.enum(DEADLINE_ANCHORS),
          amount: z.number().int().min(1).max(1000),
          unit: z.enum(['hours', 'days', 'working-days', 'months']),
          source,
          teams: z.array(id).max(20).optional(),
          typeCodes: z.array(z.enum(ENFORCEMENT_TYPE_CODES)).max(10).optional(),
          classes: z.array(z.enum(['implementation', 'review', 'pre-enforcement', 'other'])).min(1).max(4).optional(),
          rollover: z.boolean().optional(),
        }),
      )
      .max(60)
      .optional(),
    counterNodes: counterNodesSchema.optional(),
    notices: z
      .array(z.strictObject({ id, when: condition.optional(), severity: z.enum(['info', 'warn']), message_zh: str(200).min(1), message_en: str(300).min(1), source }))
      .max(30)
      .optional(),
    calendar: z
      .strictObject({
        holidays: z.array(dateEntry).max(400).optional(),
        workdays: z.array(dateEntry).max(400).optional(),
        years: z
          .array(
            z.strictObject({
              year: z.number().int().min(2000).max(2100),
              source,
              estimated: z.boolean().optional(),
              holidays: z.array(dateEntry).max(60),
              workdays: z.array(dateEntry).max(60),
            }),
          )
          .max(20)
          .optional(),
      })
      .optional(),
    applicationPeriodYears: z.number().int().min(1).max(30).optional(),
    gates: z.array(z.strictObject({ id, when: condition, label_zh: str(200).min(1), label_en: str(300).min(1), approval })).max(10).optional(),
    caseLimitFallback: caseLimit.optional(),
    paymentAccount: z
      .strictObject({ accountName: str(60).min(2), bank: str(60).min(2), accountNo: z.string().regex(/^[0-9][0-9 -]{5,38}[0-9]$/, { message: 'digits, spaces or -' }), perCase: z.boolean().optional(), source })
      .optional(),
    relatedSearch: z
      .strictObject({
        bankruptcyAt: z.number().int().min(1).max(1000),
        source,
        personalInsolvencyPilot: z.strictObject({ label_zh: str(60).min(1), label_en: str(120).min(1), source }).optional(),
      })
      .optional(),
  })
  .superRefine((p, ctx) => {
    const teamIds = new Set((p.teams ?? []).map((t) => t.id));
    const thresholds = new Set(Object.keys(p.thresholds ?? {}));
    const codes = (p.types ?? []).map((t) => t.code);
    if (new Set(codes).size !== codes.length) ctx.addIssue({ code: 'custom', path: ['types'], message: 'duplicate type code' });
    const kinds = (p.types ?? []).flatMap((t) => t.applications);
    if (new Set(kinds).size !== kinds.length) ctx.addIssue({ code: 'custom', path: ['types'], message: 'an application kind is listed under two type codes' });
    const checkRefs = (c: Condition, path: (string | number)[]): void => {
      if ('amountAtLeast' in c || 'amountBelow' in c) {
        const ref = 'amountAtLeast' in c ? c.amountAtLeast : c.amountBelow;
        if (typeof ref === 'string' && !thresholds.has(ref)) ctx.addIssue({ code: 'custom', path, message: `unknown threshold ${ref}` });
      }
      if ('all' in c) c.all.forEach((x, i) => checkRefs(x, [...path, 'all', i]));
      if ('any' in c) c.any.forEach((x, i) => checkRefs(x, [...path, 'any', i]));
      if ('not' in c) checkRefs(c.not, [...path, 'not']);
    };
    if (p.routing) {
      if (teamIds.size > 0) {
        p.routing.rules.forEach((r, i) => {
          if (!teamIds.has(r.team)) ctx.addIssue({ code: 'custom', path: ['routing', 'rules', i, 'team'], message: `unknown team ${r.team}` });
        });
        if (!teamIds.has(p.routing.fallback.team)) ctx.addIssue({ code: 'custom', path: ['routing', 'fallback', 'team'], message: `unknown team ${p.routing.fallback.team}` });
        (p.routing.conversions ?? []).forEach((c, i) => {
          for (const k of ['from', 'to'] as const) {
            if (!teamIds.has(c[k])) ctx.addIssue({ code: 'custom', path: ['routing', 'conversions', i, k], message: `unknown team ${c[k]}` });
          }
        });
      }
      p.routing.rules.forEach((r, i) => checkRefs(r.when, ['routing', 'rules', i, 'when']));
      if (p.routing.flow) checkFlow(p.routing.flow, teamIds, (path, message) => ctx.addIssue({ code: 'custom', path: ['routing', 'flow', ...path], message }));
    }
    (p.gates ?? []).forEach((g, i) => checkRefs(g.when, ['gates', i, 'when']));
    (p.notices ?? []).forEach((n, i) => n.when && checkRefs(n.when, ['notices', i, 'when']));
    for (const [task, n] of Object.entries(p.counterNodes ?? {})) {
      if (n && 'node' in n && !(p.deadlines ?? []).some((d) => d.id === n.node)) ctx.addIssue({ code: 'custom', path: ['counterNodes', task, 'node'], message: `unknown deadline ${n.node}` });
    }
  });

type FlowInput = z.infer<typeof flow>;

/** A flow names only the court's teams, starts at a stage, and no supervisor is a stage (seed 004). */
function checkFlow(f: FlowInput, teamIds: ReadonlySet<string>, issue: (path: (string | number)[], message: string) => void): void {
  const stages = new Set(f.stages.map((s) => s.team));
  if (stages.size !== f.stages.length) issue(['stages'], 'a team is listed as two stages');
  if (!stages.has(f.start)) issue(['start'], `start ${f.start} is not a stage`);
  f.stages.forEach((s, i) => {
    if (!teamIds.has(s.team)) issue(['stages', i, 'team'], `unknown team ${s.team}`);
    s.exits.forEach((e, j) => {
      if (e.to !== 'closed' && !stages.has(e.to)) issue(['stages', i, 'exits', j, 'to'], `exit to ${e.to}, which is not a stage`);
    });
    if (!s.end && s.exits.length === 0) issue(['stages', i, 'exits'], 'a stage that is not the end needs an exit');
  });
  f.supervisors.forEach((s, i) => {
    if (!teamIds.has(s.team)) issue(['supervisors', i, 'team'], `unknown team ${s.team}`);
    if (stages.has(s.team)) issue(['supervisors', i, 'team'], `supervisor ${s.team} is also a stage`);
  });
}

export type ProfileImport =
  | { ok: true; profile: CourtProfile }
  | { ok: false; issues: InputIssue[]; message_zh: string; message_en: string };

/** Validates an imported profile (parsed JSON of any shape); never throws. */
export function parseCourtProfile(input: unknown): ProfileImport {
  const r = courtProfileSchema.safeParse(input);
  if (r.success) return { ok: true, profile: r.data as CourtProfile };
  const issues = zodIssuesZh(r.error.issues);
  return {
    ok: false,
    issues,
    message_zh: `法院配置文件有 ${issues.length} 处错误，未导入：${issues[0]?.message_zh ?? ''}`,
    message_en: `The court profile has ${issues.length} error(s) and was not imported: ${issues[0]?.message_en ?? ''}`,
  };
}
