/**
 * Issue 15 point 4, from seed 004 (Jianli) and seed 002 art. 17 (Shangqiu): stage flows are
 * graphs with branches, returns, an end, approval gates, and a supervising group that is not
 * a stage.
 */
import { describe, expect, it } from 'vitest';
import { check } from './fixtures.js';
import { findCourt } from '../../../src-shared/courts/court-profile.js';
import { parseCourtProfile } from '../../../src-shared/courts/profile-schema.js';
import { checkStageMove, stageMoveExists } from '../../../src-shared/rules/stage-moves.js';
import { nextStage, stagePlan } from '../../../src-shared/rules/routing.js';

const jianli = findCourt('jianli')!;
const MONITORING = ['monitoring-group'] as const;

describe('Jianli: 三线查控为起点 … 终本结案为终点 (seed 004 §二)', () => {
  it('after the clue group the rest go to the crackdown group; disposal only for property to auction (group 3 §4, §12)', () => {
    expect(nextStage(jianli, 'clue-query')?.id).toBe('crackdown');
    expect(checkStageMove(jianli, 'clue-query', 'property-to-auction', MONITORING)).toMatchObject({ ok: true, to: 'disposal' });
    expect(checkStageMove(jianli, 'clue-query', 'unresolved', MONITORING)).toMatchObject({ ok: true, to: 'crackdown' });
  });
  it('a failed auction returns the case to the clue group (group 4 §2)', () => {
    expect(checkStageMove(jianli, 'disposal', 'auction-failed', MONITORING)).toMatchObject({ ok: true, to: 'clue-query', exit: { source: 'seed 004 group 4 §2' } });
    expect(stageMoveExists(jianli, 'disposal', 'clue-query')).toBeDefined();
    // No way back from the crackdown group to the online query group.
    expect(stageMoveExists(jianli, 'crackdown', 'online-query')).toBeUndefined();
  });
  it('终本结案 is the end: the termination group has no stage after it', () => {
    const plan = stagePlan(jianli, 'termination');
    expect(plan).toMatchObject({ end: true, exits: [{ id: 'terminated', to: 'closed' }] });
    expect(nextStage(jianli, 'termination')).toBeUndefined();
  });
  it('the monitoring group supervises every stage and is not itself a stage (group 7)', () => {
    const r = check(() => {}, 'jianli');
    expect(r.route?.stages).not.toContain('monitoring');
    expect(r.route?.stage?.supervisors).toEqual([expect.objectContaining({ team: 'monitoring' })]);
    expect(checkStageMove(jianli, 'monitoring', 'handed-on', MONITORING)).toMatchObject({ ok: false, code: 'not-a-stage' });
    // Objections go to the monitoring group (group 7 §7): a team, but no stage of the flow.
    const o = check((f) => void (f.application = { kind: 'objection', grounds: ['act-unlawful'] }), 'jianli');
    expect(o.route).toMatchObject({ team: 'monitoring', stages: [] });
    expect(o.route?.stage).toBeUndefined();
  });
  it('every move between groups needs the monitoring group’s transfer approval; closing does not (group 7 §1)', () => {
    expect(checkStageMove(jianli, 'online-query', 'handed-on')).toMatchObject({ ok: false, code: 'approval-missing', missing: ['monitoring-group'] });
    expect(checkStageMove(jianli, 'online-query', 'closed')).toMatchObject({ ok: true, to: 'closed' });
    expect(checkStageMove(jianli, 'online-query', 'property-to-auction', MONITORING)).toMatchObject({ ok: false, code: 'no-such-exit' });
  });
  it('resuming a case closed by 终本 needs the group leader’s check and the bureau chief’s approval (group 1 §1)', () => {
    const r = check((f) => void (f.application = { kind: 'resumed', grounds: ['terminated-property-found'], priorCaseNumber: '（2024）鄂1023执100号' }), 'jianli');
    expect(r.gates).toEqual([expect.objectContaining({ id: 'resume-approval', approval: expect.objectContaining({ steps: [expect.objectContaining({ role: 'group-leader' }), expect.objectContaining({ role: 'bureau-chief' })], source: 'seed 004 group 1 §1' }) })]);
    expect(check(() => {}, 'jianli').gates).toEqual([]);
  });
});

describe('Shangqiu conversions need the bureau chief (seed 002 art. 17)', () => {
  it('lists the four conversions from the simple team, says which one the facts call for, and who approves', () => {
    const r = check((f) => void (f.routingTags = ['fee-recovery', 'auction-needed']), 'shangqiu-zy');
    expect(r.route?.team).toBe('simple');
    expect(r.conversions?.map((c) => [c.id, c.applies])).toEqual([['sq-conv-1', false], ['sq-conv-2', true], ['sq-conv-3', false], ['sq-conv-4', false]]);
    expect(r.conversions?.[1]?.approval?.steps.map((s) => s.role)).toEqual(['team-leader', 'bureau-chief']);
  });
  it('an ordinary case has none to take', () => {
    expect(check(() => {}, 'shangqiu-zy').conversions).toEqual([]);
  });
});

describe('a flow in an imported profile is checked', () => {
  const withFlow = (edit: (flow: { start: string; stages: Array<{ team: string; exits: Array<Record<string, unknown>> }>; supervisors: Array<{ team: string }> }) => void) => {
    const p = structuredClone(jianli) as unknown as { routing: { flow: Parameters<typeof edit>[0] } };
    edit(p.routing.flow);
    return parseCourtProfile(p);
  };
  it('accepts the Jianli preset', () => expect(parseCourtProfile(jianli).ok).toBe(true));
  it('refuses a supervisor that is also a stage', () => {
    const r = withFlow((f) => void f.supervisors.push({ team: 'disposal', label_zh: '监督', label_en: 'watch', source: 'x' } as never));
    expect(r.ok).toBe(false);
  });
  it('refuses an exit to a team that is not a stage', () => {
    const r = withFlow((f) => void f.stages[0]!.exits.push({ id: 'x', to: 'monitoring', label_zh: '错', label_en: 'wrong', source: 'x' }));
    expect(r.ok).toBe(false);
  });
  it('a stage-mode profile without a flow still moves through its teams in order', () => {
    const p = structuredClone(jianli) as unknown as { routing: { flow?: unknown } };
    delete p.routing.flow;
    const court = parseCourtProfile(p);
    expect(court.ok).toBe(true);
    if (court.ok) expect(nextStage(court.profile, 'clue-query')?.id).toBe('disposal');
  });
});
