/**
 * 「呼叫工作人员」 kept across a restart of the central gateway (a real `yzt central serve`
 * process, stopped and started again on the same database): the open call is still on the
 * court's list, and a clerk's acknowledgement is still there after the next restart. The lobby
 * kiosk is stopped before the restarts, so no resend of its call can stand in for the store.
 * On SQLite always, on PostgreSQL when YZT_TEST_PG_URL is set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { spawnYzt, type YztProcess } from '../../../src-main/proc/spawn-yzt.js';
import { openCentralStore, type StoreChoice } from '../../../src-main/central/open-store.js';
import { issueEnrolCode } from '../../../src-main/central/enrolment.js';
import { issueCourtToken } from '../../../src-main/central/court-auth.js';
import { enrolKiosk } from '../../../src-main/sync/enrol-kiosk.js';
import { openDatabase } from '../../../src-main/db/open.js';
import { writeSetting } from '../../../src-main/kiosk/settings.js';
import { kioskDbFile } from '../../../src-main/paths.js';
import type { HelpCallView } from '../../../src-shared/api/help.js';
import { tempDir } from '../../support/tmp.js';
import { PG_SKIP_NOTE, PG_URL, freshDatabase } from '../central/pg-support.js';
import { hostLaunch } from '../../support/host-launch.js';

if (!PG_URL) console.warn(PG_SKIP_NOTE);

const engines = [{ engine: 'sqlite' }, ...(PG_URL ? [{ engine: 'postgres' }] : [])];

describe.each(engines)('call for staff across a restart of the central on $engine', ({ engine }) => {
  const tmp = tempDir('yzt-help-restart-');
  const lobbyDir = join(tmp.path, 'lobby');
  let choice: StoreChoice = {};
  let dropDb = async () => {};
  let storeArgs: string[] = [];
  let central: YztProcess | null = null;
  let lobby: YztProcess | null = null;
  let centralUrl = '';
  let courtToken = '';

  const startCentral = async (port = 0) => {
    central = await spawnYzt(['central', 'serve', '--port', String(port), ...storeArgs], /listening on (http:\/\/\S+)/);
    return central.ready[1] ?? '';
  };
  const restartCentral = async () => {
    await central!.stop();
    central = null;
    await startCentral(Number(new URL(centralUrl).port));
  };
  const courtList = async (): Promise<HelpCallView[]> => {
    const res = await fetch(`${centralUrl}/v1/court/help`, { headers: { authorization: `Bearer ${courtToken}` } });
    expect(res.status).toBe(200);
    return ((await res.json()) as { calls: HelpCallView[] }).calls;
  };

  beforeAll(async () => {
    if (engine === 'postgres') {
      const db = await freshDatabase();
      choice = { pgUrl: db.url };
      dropDb = db.drop;
      storeArgs = ['--pg', db.url];
    } else {
      choice = { dbFile: join(tmp.path, 'central.sqlite') };
      storeArgs = ['--db', choice.dbFile!];
    }
    centralUrl = await startCentral();
    // IT staff's part: an enrolment code for the lobby kiosk and a court token for the counters.
    const store = await openCentralStore(choice);
    const code = await issueEnrolCode(store, 'jiaozuo-shanyang', new Date(), 1);
    const token = await issueCourtToken(store, 'jiaozuo-shanyang', new Date());
    await store.close();
    if (!code.ok || !token.ok) throw new Error('no enrolment code or court token');
    courtToken = token.token;
    const db = openDatabase(kioskDbFile(lobbyDir), 'kiosk');
    const enrolled = await enrolKiosk(db, { centralUrl, code: code.code });
    writeSetting(db, 'kiosk.name', '大厅3号机');
    db.close();
    if (!enrolled.ok) throw new Error(enrolled.message_en);
    lobby = await spawnYzt(['kiosk', 'serve', '--port', '0', '--data', lobbyDir, '--central', centralUrl], /kiosk: (http:\/\/\S+)/);
  }, 60_000);

  afterAll(async () => {
    await lobby?.stop();
    await central?.stop();
    await dropDb();
    tmp.cleanup();
  });

  it('keeps the open call, and then who took it, when the central restarts', async () => {
    const res = await hostLaunch(lobby!.ready[1]!).post('help.call', { place: 'respondents' });
    const sent = ((await res.json()) as { ok: true; value: HelpCallView }).value;
    expect(sent).toMatchObject({ status: 'waiting', kioskName: '大厅3号机', place: 'respondents' });
    await lobby!.stop();
    lobby = null;

    await restartCentral();
    expect(await courtList()).toEqual([expect.objectContaining({ id: sent.id, status: 'waiting', kioskName: '大厅3号机', place: 'respondents', calledAt: sent.calledAt })]);

    const ack = await fetch(`${centralUrl}/v1/court/help/ack`, { method: 'POST', headers: { authorization: `Bearer ${courtToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ id: sent.id, by: '王丽' }) });
    expect(ack.status).toBe(200);

    await restartCentral();
    expect(await courtList()).toEqual([expect.objectContaining({ id: sent.id, status: 'acknowledged', acknowledgedBy: '王丽' })]);
  }, 60_000);
});
