/**
 * The purge as the kiosk runs it: once at start-up then by the hour, the setting edited in
 * admin mode and carried in the configuration file, and `yzt privacy purge` on the same data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startKioskApp, type KioskApp } from '../../../src-main/app/kiosk-app.js';
import { setAdminPin } from '../../../src-main/admin/admin-service.js';
import { importKioskConfig, readKioskConfig } from '../../../src-main/admin/kiosk-config.js';
import { dispatch } from '../../../src-main/app/dispatch.js';
import { openDatabase } from '../../../src-main/db/open.js';
import { startPurgeScheduler } from '../../../src-main/privacy/purge-scheduler.js';
import { runPurgeInTurns, type PurgeReport } from '../../../src-main/privacy/run-purge.js';
import { readPrivacyView } from '../../../src-main/privacy/purge-settings.js';
import { createLogger } from '../../../src-main/log/logger.js';
import { APP_ROOT } from '../../../src-main/paths.js';
import type { PrivacyView } from '../../../src-shared/admin/contract.js';
import { fixedClock, tempDir } from '../../support/tmp.js';

const log = createLogger({ sink: [] });
const run = promisify(execFile);

describe('privacy purge in the kiosk app', () => {
  const dir = tempDir();
  const dataDir = join(dir.path, 'kiosk');
  const clock = fixedClock('2026-11-22T02:00:00Z');
  let app: KioskApp;
  let token = '';
  const call = async (method: string, input: unknown) => dispatch(app.handlers, method, input, log);

  beforeAll(async () => {
    app = await startKioskApp({ dataDir, shell: 'host', log, now: clock.now, reader: null });
    await setAdminPin(app.db, '246810', clock.now());
    const r = await call('admin.signIn', { pin: '246810' });
    if (!r.ok) throw new Error(r.error.code);
    token = (r.value as { token: string }).token;
  });
  afterAll(async () => {
    await app?.close();
    dir.cleanup();
  });

  it('purged once at start-up, and admin mode shows and edits the setting', async () => {
    // The start-up run was queued during startKioskApp and takes a turn per batch.
    let view = await call('admin.privacy', { token });
    for (let turn = 0; turn < 20 && view.ok && !(view.value as PrivacyView).lastPurge; turn++) {
      await new Promise((r) => setImmediate(r));
      view = await call('admin.privacy', { token });
    }
    expect(view).toEqual({ ok: true, value: { purgeAfterDays: 30, lastPurge: { at: clock.now().toISOString(), afterDays: 30, counts: { filings: 0, documents: 0, drafts: 0, handovers: 0, counterRecords: 0 } } } });
    const saved = await call('admin.savePrivacy', { token, purgeAfterDays: 7 });
    expect(saved.ok && (saved.value as PrivacyView).purgeAfterDays).toBe(7);
    const bad = await call('admin.savePrivacy', { token, purgeAfterDays: 0 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation', fields: { purgeAfterDays: expect.stringMatching(/1 到 3650 天/) } } });
    expect(await call('admin.privacy', { token: 'x'.repeat(32) })).toMatchObject({ ok: false, error: { code: 'admin.signed-out' } });
    expect(app.db.prepare("SELECT details FROM audit_log WHERE action = 'admin.privacy.saved'").pluck().all()).toEqual(['{"purgeAfterDays":7}']);
  });

  it('carries the setting in the configuration file; a file without it leaves it as it is', async () => {
    // Set here, not left over from the test above, so this test passes when run on its own.
    expect((await call('admin.savePrivacy', { token, purgeAfterDays: 7 })).ok).toBe(true);
    const exported = readKioskConfig(app.db);
    expect(exported.privacy).toEqual({ purgeAfterDays: 7 });
    const { privacy: _omitted, ...older } = exported;
    expect(importKioskConfig(app.db, older, () => true).ok).toBe(true);
    expect(readKioskConfig(app.db).privacy).toEqual({ purgeAfterDays: 7 });
    expect(importKioskConfig(app.db, { ...exported, privacy: { purgeAfterDays: 90 } }, () => true).ok).toBe(true);
    expect(readKioskConfig(app.db).privacy).toEqual({ purgeAfterDays: 90 });
    const refused = importKioskConfig(app.db, { ...exported, privacy: { purgeAfterDays: 4000 } }, () => true);
    expect(refused).toMatchObject({ ok: false, issues: [expect.stringMatching(/^privacy\.purgeAfterDays/)] });
    expect(readKioskConfig(app.db).privacy).toEqual({ purgeAfterDays: 90 });
  });
});

describe('purge scheduler and CLI', () => {
  it('runs on the next turn and on each tick, and not after stop', async () => {
    const d = tempDir();
    const db = openDatabase(join(d.path, 'kiosk.sqlite'), 'kiosk');
    const clock = fixedClock('2026-11-22T02:00:00Z');
    const reports: PurgeReport[] = [];
    let next: (r: PurgeReport) => void = () => {};
    const s = startPurgeScheduler({ db, log, now: clock.now, intervalMs: 20, onRun: (r) => (reports.push(r), next(r)) });
    await new Promise<PurgeReport>((r) => (next = r));
    clock.advance(3_600_000);
    const second = await new Promise<PurgeReport>((r) => (next = r));
    expect(second.at).toBe('2026-11-22T03:00:00.000Z');
    s.stop();
    const count = reports.length;
    expect(await s.runNow()).toBeNull();
    expect(reports).toHaveLength(count);
    db.close();
    d.cleanup();
  });

  it('purges one batch per turn and stops between batches when the app closes', async () => {
    const d = tempDir();
    const db = openDatabase(join(d.path, 'kiosk.sqlite'), 'kiosk');
    const record = (i: number) => ({ id: `f${i}`, provisionalNo: `p${i}`, courtId: 'c', courtCode: '豫0811', typeCode: '执', submittedAt: 't', applicant: { cardKind: 'resident', name: '张三', idNumber: `ID-${i}`, genderCode: '1', birthDate: '', address: '某路' }, respondents: [{ kind: 'person', name: '李四' }], basisNumber: 'b', amountFen: 1 });
    for (let i = 0; i < 4; i++) {
      db.prepare(`INSERT INTO filings (id, provisional_no, court_id, court_code, type_code, status, applicant_key, submitted_at, record_json, updated_at) VALUES (?, ?, 'c', '豫0811', '执', 'pending', 'k', 't', ?, '2026-01-01T00:00:00.000Z')`).run(`f${i}`, `p${i}`, JSON.stringify(record(i)));
      db.prepare(`UPDATE filings SET official_no = ?, status = 'accepted', updated_at = '2026-01-01T00:00:00.000Z' WHERE id = ?`).run(`（2026）豫0811执${i + 1}号`, `f${i}`);
    }
    const purged = () => db.prepare('SELECT count(*) FROM filings WHERE purged_at IS NOT NULL').pluck().get();
    const o = { now: new Date('2026-03-01T00:00:00Z'), batchSize: 1 };
    let asked = 0;
    expect(await runPurgeInTurns(db, o, () => ++asked > 2)).toBeNull();
    expect(purged()).toBe(2);
    expect(readPrivacyView(db).lastPurge).toBeNull();
    const whole = runPurgeInTurns(db, o, () => false);
    expect(purged()).toBe(3); // the first batch ran before the first await; the rest wait for later turns
    expect((await whole)?.counts.filings).toBe(2);
    expect(purged()).toBe(4);
    db.close();
    d.cleanup();
  });

  it('yzt privacy purge prints counts, as JSON too', async () => {
    const d = tempDir();
    openDatabase(join(d.path, 'kiosk.sqlite'), 'kiosk').close();
    const yzt = (args: string[]) => run(process.execPath, [join(APP_ROOT, 'bin', 'yzt.mjs'), 'privacy', 'purge', '--data', d.path, ...args]);
    const dry = JSON.parse((await yzt(['--dry-run', '--json'])).stdout) as PurgeReport;
    expect(dry).toMatchObject({ dryRun: true, afterDays: 30, counts: { filings: 0, drafts: 0 } });
    expect((await yzt(['--days', '5'])).stdout).toMatch(/已清除.*申请 0 份.*期限 5 天/);
    await expect(yzt(['--days', '0'])).rejects.toMatchObject({ code: 2 });
    d.cleanup();
  });
});
