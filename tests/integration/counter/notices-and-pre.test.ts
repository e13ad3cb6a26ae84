/**
 * Notice drafts from templates a court can edit (filled placeholders read back from the PDF),
 * and 执前督 (seed 001 art. 25): the 3-working-day hand-over, the 30-day limit, and a failed
 * supervision waiting for the central to number its first-enforcement case (follow-up-sync.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pendingMutations } from '../../../src-main/sync/outbox-store.js';
import { command as templateCommand } from '../../../src-main/cli/commands/counter-template.js';
import { findCourt } from '../../../src-shared/courts/court-profile.js';
import { filingDraftSchema, type FilingView } from '../../../src-shared/domain/filing.js';
import { APPLICANT, draft } from '../../support/fixtures.js';
import { fixedClock } from '../../support/tmp.js';
import { counterBench, type CounterBench } from './support.js';

describe('notice drafts and 执前督', () => {
  const clock = fixedClock('2026-11-23T09:00:00+08:00');
  let bench: CounterBench;
  let token: string;
  let first: FilingView;
  let pre: FilingView;

  const pdfText = (base64: string, name: string) => {
    const file = join(bench.dir, name);
    writeFileSync(file, Buffer.from(base64, 'base64'));
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  };
  const cli = async (args: Record<string, string | boolean>) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await templateCommand.run({ values: { data: bench.dir, ...args }, positionals: [] }, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  beforeAll(async () => {
    bench = counterBench({ court: findCourt('jiaozuo-shanyang')!, now: clock.now });
    first = bench.filings.submit(filingDraftSchema.parse(draft()), APPLICANT);
    pre = bench.filings.submit(filingDraftSchema.parse(draft({ preEnforcement: { servedByPublicNotice: false, urgent: false, applicantRefuses: false } })), APPLICANT);
    token = await bench.clerk('zhao', 'reception');
  });
  afterAll(() => bench.close());

  it('drafts the three notices from the built-in templates, filled from the case', async () => {
    for (const [kind, title] of [['acceptance', '受理通知书'], ['enforcement', '执行通知书'], ['property-report', '报告财产令']] as const) {
      const p = await bench.counter.notice(token, first.id, kind);
      const text = pdfText(p.pdfBase64, `${kind}.pdf`);
      expect(text).toContain(title);
      expect(text).toContain(first.provisionalNo);
      expect(text).toContain('李四');
      expect(text).not.toContain('{{');
    }
  });

  it('uses the court\'s own template once set, refuses unknown placeholders, and resets', async () => {
    const file = join(bench.dir, 'acceptance.txt');
    writeFileSync(file, '{{申请执行人}}：本院已受理你申请执行{{被执行人}}一案，案号{{案号}}。本院特别提示：请保持电话畅通。');
    expect((await cli({ kind: 'acceptance', set: file })).code).toBe(0);
    expect(pdfText((await bench.counter.notice(token, first.id, 'acceptance')).pdfBase64, 'custom.pdf')).toContain('本院特别提示：请保持电话畅通');
    writeFileSync(file, '{{当事人}}：请来领取');
    const bad = await cli({ kind: 'acceptance', set: file });
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('无法识别的占位符：当事人');
    expect((await cli({ kind: 'acceptance', reset: true })).code).toBe(0);
    expect((await cli({ kind: 'acceptance' })).out).toContain('默认模板');
  });

  it('tracks the 执前督 hand-over and 30-day limit, and leaves a failure\'s first-enforcement case to the central', async () => {
    expect(pre.typeCode).toBe('执前督');
    let d = bench.counter.detail(token, pre.id);
    // Filed Monday 2026-11-23: hand-over within 3 working days.
    expect(d.preEnforcement).toMatchObject({ handoverDue: '2026-11-26', handedOverAt: null, outcome: null });
    expect(() => bench.counter.preEnforcement(token, pre.id, 'failed')).toThrow(/counter.pre-not-handed/);
    clock.set('2026-11-25T10:00:00+08:00');
    token = (await bench.counter.sessions.signIn('zhao', 'zhao-pass-1234')).token;
    d = bench.counter.preEnforcement(token, pre.id, 'handed-over');
    expect(d.preEnforcement?.limitDue).toBe('2026-12-25');
    const before = pendingMutations(bench.db, 100, 1e8).length;
    d = bench.counter.preEnforcement(token, pre.id, 'failed');
    expect(d.preEnforcement?.outcome).toBe('failed');
    expect(d.row.stage).toBe('done');
    // Wednesday 2026-11-25: the 执 filing is due within 3 working days.
    expect(d.preEnforcement?.filingDue).toBe('2026-11-30');
    // The 执 case is the central's to number (follow-up-sync.ts): nothing is filed here as a kiosk filing.
    expect(d.preEnforcement?.followUp).toMatchObject({ status: 'pending' });
    expect(pendingMutations(bench.db, 100, 1e8).length).toBe(before);
    expect(() => bench.counter.preEnforcement(token, first.id, 'handed-over')).toThrow(/counter.not-pre/);
  });
});
