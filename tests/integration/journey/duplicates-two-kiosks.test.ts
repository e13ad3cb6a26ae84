/**
 * The same case is not filed twice by mistake (issue 12 item 4), on real processes: one central
 * gateway and two kiosks, each with its own ID card simulator on a pty. A filing made at kiosk A
 * is found from kiosk B by the keyed-tag query to the central (court-scoped, signed), with its
 * number masked and its filing time; B's submit asks for a reason, accepts one, and the central
 * flags the duplicate on push. Another respondent is no duplicate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { spawnYzt, type YztProcess } from '../../../src-main/proc/spawn-yzt.js';
import { enrolWithLocalCentral } from '../../../src-main/sync/enrol-local.js';
import { startIdCardSimulator, type IdCardSimulator } from '../../../hardware/id-card/index.js';
import { loadCard } from '../../e2e/support/stack.js';
import { draft } from '../../support/fixtures.js';
import { tempDir } from '../../support/tmp.js';
import { execFileSync } from 'node:child_process';
import { APP_ROOT } from '../../../src-main/paths.js';
import { openDatabase } from '../../../src-main/db/open.js';
import { hostLaunch } from '../../support/host-launch.js';

type Answer = { ok: boolean; value?: any; error?: { code: string; message_zh: string } };

describe('duplicates across two kiosks and one central', () => {
  const tmp = tempDir('yzt-dup-');
  let central: YztProcess;
  const kiosks: Array<{ proc: YztProcess; sim: IdCardSimulator; url: string }> = [];
  const card = loadCard('resident');

  beforeAll(async () => {
    const centralDb = join(tmp.path, 'central.sqlite');
    central = await spawnYzt(['central', 'serve', '--port', '0', '--db', centralDb], /listening on (http:\/\/\S+)/, { timeoutMs: 60_000 });
    const centralUrl = central.ready[1]!;
    for (const name of ['a', 'b']) {
      const sim = await startIdCardSimulator({ link: join(tmp.path, `idcard-${name}`), card: null });
      await enrolWithLocalCentral({ centralDb, centralUrl, dataDir: join(tmp.path, name) });
      const proc = await spawnYzt(['kiosk', 'serve', '--port', '0', '--data', join(tmp.path, name), '--central', centralUrl, '--reader', sim.appPath, '--sync-max-delay', '500'], /kiosk: (http:\/\/\S+)/, { timeoutMs: 60_000 });
      kiosks.push({ proc, sim, url: proc.ready[1]! });
    }
  }, 180_000);
  afterAll(async () => {
    for (const k of kiosks) {
      await k.proc.stop();
      await k.sim.close();
    }
    await central?.stop();
    tmp.cleanup();
  });

  const call = async (k: number, method: string, body: unknown): Promise<Answer> =>
    (await (await hostLaunch(kiosks[k]!.url).post(method, body)).json()) as Answer;
  const placeAndWait = async (k: number) => {
    kiosks[k]!.sim.placeCard(card);
    await expect.poll(async () => (await call(k, 'session.current', null)).value?.card?.name, { timeout: 20_000 }).toBe(card.name);
  };

  it('finds the filing made at the other kiosk, asks why, and the central flags it on push', async () => {
    await placeAndWait(0);
    const first = await call(0, 'filing.submit', draft());
    expect(first.ok).toBe(true);
    await expect.poll(async () => (await call(0, 'filing.mine', null)).value?.items?.[0]?.officialNo, { timeout: 30_000 }).toMatch(/豫0811执\d+号/);
    const official: string = (await call(0, 'filing.mine', null)).value.items[0].officialNo;

    // Kiosk A itself: its own filing, once (not again as the court's).
    const atA = await call(0, 'filing.duplicates', draft());
    expect(atA.value).toHaveLength(1);
    expect(atA.value[0]).toMatchObject({ where: 'kiosk' });

    // Kiosk B, same card, same basis, same respondent: the court's filing, masked, with its time.
    await placeAndWait(1);
    const atB = await call(1, 'filing.duplicates', draft());
    expect(atB.value).toHaveLength(1);
    expect(atB.value[0]).toMatchObject({ where: 'court', filedAt: first.value.filing.submittedAt });
    expect(atB.value[0].numberMasked).toContain('＊');
    expect(atB.value[0].numberMasked).not.toBe(official);
    expect(atB.value[0].numberMasked.slice(-2)).toBe(official.slice(-2));
    expect(atB.value[0].numberMasked.match(/＊/g)).toHaveLength(4);

    // Another respondent on the same basis is no duplicate.
    const other = await call(1, 'filing.duplicates', draft({ respondents: [{ kind: 'person', name: '王五', address: '河南省焦作市山阳区示例路9号', phone: '13700000000' }] }));
    expect(other.value).toEqual([]);

    // Submitting again asks for a reason; with one it is filed, and the reason travels with it.
    const refused = await call(1, 'filing.submit', draft());
    expect(refused).toMatchObject({ ok: false, error: { code: 'duplicate.reason-needed' } });
    const second = await call(1, 'filing.submit', draft({ duplicate: { reason: 'instalments', of: [atB.value[0].numberMasked] } }));
    expect(second.ok).toBe(true);
    await expect.poll(async () => (await call(1, 'filing.mine', null)).value?.items?.find((f: { id: string }) => f.id === second.value.filing.id)?.officialNo, { timeout: 30_000 }).toMatch(/豫0811执\d+号/);
    // The central flagged it on push, with the reason given (ids and codes only in its log).
    const flagged = central.output.find((l) => l.includes('central.mutation.duplicate'));
    expect(flagged).toBeDefined();
    expect(flagged).toContain(first.value.filing.id);
    expect(flagged).toContain('instalments');
    expect(flagged).not.toContain(card.idNumber);
    expect(central.output.join('\n')).not.toContain(card.idNumber);
  }, 120_000);

  it('takes a correction of a returned filing at the kiosk, which the central files again', async () => {
    const mine = (await call(0, 'filing.mine', null)).value.items as Array<{ id: string; officialNo: string; statusReason_zh: string | null }>;
    const target = mine.at(-1)!;
    execFileSync(process.execPath, [join(APP_ROOT, 'bin', 'yzt.mjs'), 'central', 'case', 'return', target.officialNo, '--db', join(tmp.path, 'central.sqlite'), '--reason', '被执行人地址不详'], { stdio: 'pipe' });
    await expect.poll(async () => ((await call(0, 'filing.mine', null)).value.items as typeof mine).find((f) => f.id === target.id)?.statusReason_zh, { timeout: 30_000 }).toContain('地址不详');

    const bad = await call(0, 'filing.correct', { id: target.id, respondents: [{ phone: 'abc' }] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation' } });
    const fixed = await call(0, 'filing.correct', { id: target.id, applicantPhone: '13912345678', respondents: [{ address: '河南省焦作市山阳区新地址8号' }] });
    expect(fixed.ok).toBe(true);
    expect(fixed.value.statusReason_zh).toBeNull();
    // At the central: filed again with the corrected record, for the clerk to review.
    await expect
      .poll(() => {
        const db = openDatabase(join(tmp.path, 'central.sqlite'), 'central');
        try {
          return db.prepare('SELECT status, record_json FROM cases WHERE filing_id = ?').get(target.id) as { status: string; record_json: string };
        } finally {
          db.close();
        }
      }, { timeout: 30_000 })
      .toMatchObject({ status: 'filed', record_json: expect.stringContaining('新地址8号') });
    // Not returned any more: nothing to correct.
    expect(await call(0, 'filing.correct', { id: target.id, applicantPhone: '13912345679' })).toMatchObject({ ok: false, error: { code: 'correction.not-returned' } });
    // A kiosk that does not hold the filing answers "not found", as for someone else's.
    expect(await call(1, 'filing.correct', { id: target.id, applicantPhone: '13912345679' })).toMatchObject({ ok: false, error: { code: 'status.not-found' } });
  }, 120_000);
});
