/**
 * Calls for staff in the central's store, on SQLite and (with YZT_TEST_PG_URL) PostgreSQL:
 * a resend answers the stored call, another device's id is refused, the court's version moves
 * on every change, cancelled and expired calls are gone, an acknowledgement is shown for a
 * while, and all of it is still there when the store is closed and opened again.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openCentralStore, type StoreChoice } from '../../../src-main/central/open-store.js';
import type { CentralStore } from '../../../src-main/central/store.js';
import { HELP_ACK_SHOWN_MS, HELP_CALL_TTL_MS } from '../../../src-main/central/help-call-sql.js';
import { tempDir } from '../../support/tmp.js';
import { PG_SKIP_NOTE, PG_URL, dropSchema, freshSchema } from '../central/pg-support.js';

if (!PG_URL) console.warn(PG_SKIP_NOTE);

const engines = [{ engine: 'sqlite' }, ...(PG_URL ? [{ engine: 'postgres' }] : [])];
const LOBBY = { deviceId: 'lobby-1', courtCode: '豫0811' };
const OTHER = { deviceId: 'other-1', courtCode: '豫1402' };
const T0 = new Date('2026-05-06T02:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe.each(engines)('calls for staff kept in the $engine store', ({ engine }) => {
  const dir = tempDir('yzt-help-store-');
  const schema = freshSchema();
  const choice: StoreChoice = engine === 'postgres' ? { pgUrl: PG_URL, pgSchema: `${schema}_${Math.random().toString(36).slice(2, 6)}` } : { dbFile: join(dir.path, `central-${Math.random().toString(36).slice(2, 8)}.sqlite`) };
  const opened: CentralStore[] = [];
  const open = async () => {
    const s = await openCentralStore(choice);
    opened.push(s);
    return s;
  };
  afterAll(async () => {
    for (const s of opened) await s.close().catch(() => {});
    if (choice.pgSchema) await dropSchema(choice.pgSchema);
    dir.cleanup();
  });

  it('keeps waiting calls and acknowledgements across a reopen, answering resends from what it kept', async () => {
    let store = await open();
    const h = () => store.helpCalls;
    const raised = await h().raiseHelpCall({ device: LOBBY, call: { id: id(1), place: 'money', kioskName: '大厅1号机' }, now: T0 });
    expect(raised).toEqual({ changed: true, call: { id: id(1), deviceId: 'lobby-1', kioskName: '大厅1号机', place: 'money', calledAt: T0.toISOString(), status: 'waiting', acknowledgedAt: null, acknowledgedBy: null } });
    expect(await h().helpVersion('豫0811')).toBe(1);
    // The same id again from the same kiosk: the stored call, no change.
    expect(await h().raiseHelpCall({ device: LOBBY, call: { id: id(1), place: 'review', kioskName: '大厅1号机' }, now: at(1000) })).toMatchObject({ changed: false, call: { place: 'money' } });
    // Another kiosk cannot take the id, nor read or cancel the call.
    expect(await h().raiseHelpCall({ device: OTHER, call: { id: id(1), place: 'money', kioskName: 'x' }, now: at(1000) })).toBeNull();
    expect(await h().helpCall('other-1', id(1), at(1000))).toBeNull();
    expect(await h().cancelHelpCall('other-1', id(1), at(1000))).toBeNull();
    await h().raiseHelpCall({ device: OTHER, call: { id: id(2), place: 'who', kioskName: '商丘1号机' }, now: at(2000) });
    expect(await h().helpVersion('豫0811')).toBe(1);

    // The gateway restarts: the call is still open for the court and the kiosk.
    await store.close();
    store = await open();
    expect((await h().openHelpCalls('豫0811', at(60_000))).map((c) => c.id)).toEqual([id(1)]);
    expect((await h().openHelpCalls('豫1402', at(60_000))).map((c) => c.id)).toEqual([id(2)]);
    expect(await h().helpCall('lobby-1', id(1), at(60_000))).toMatchObject({ status: 'waiting' });

    // Only the call's own court (or the admin token, null) acknowledges it, once.
    expect(await h().acknowledgeHelpCall('豫1402', id(1), '李四', at(61_000))).toBe('wrong-court');
    expect(await h().acknowledgeHelpCall('豫0811', id(9), '王丽', at(61_000))).toBe('not-found');
    const acked = await h().acknowledgeHelpCall('豫0811', id(1), '王丽', at(61_000));
    expect(acked).toMatchObject({ changed: true, courtCode: '豫0811', call: { status: 'acknowledged', acknowledgedBy: '王丽', acknowledgedAt: at(61_000).toISOString() } });
    expect(await h().acknowledgeHelpCall(null, id(1), '张三', at(62_000))).toMatchObject({ changed: false, call: { acknowledgedBy: '王丽' } });
    expect(await h().helpVersion('豫0811')).toBe(2);

    // Restarted again: who took it is kept; a resend of the kiosk gets the acknowledgement.
    await store.close();
    store = await open();
    expect(await h().openHelpCalls('豫0811', at(120_000))).toEqual([expect.objectContaining({ id: id(1), status: 'acknowledged', acknowledgedBy: '王丽' })]);
    expect(await h().raiseHelpCall({ device: LOBBY, call: { id: id(1), place: 'money', kioskName: '大厅1号机' }, now: at(120_000) })).toMatchObject({ changed: false, call: { status: 'acknowledged', acknowledgedBy: '王丽' } });
    // Shown for a while after it was taken, then off the list.
    expect(await h().openHelpCalls('豫0811', at(61_000 + HELP_ACK_SHOWN_MS + 1))).toEqual([]);
  });

  it('drops cancelled and expired calls, and a gone id raised again is a new call', async () => {
    const store = await open();
    const h = store.helpCalls;
    const before = await h.helpVersion('豫0811');
    await h.raiseHelpCall({ device: LOBBY, call: { id: id(3), place: 'basis', kioskName: '大厅1号机' }, now: T0 });
    expect(await h.cancelHelpCall('lobby-1', id(3), at(1000))).toBe('豫0811');
    expect(await h.cancelHelpCall('lobby-1', id(3), at(1000))).toBeNull();
    expect(await h.helpCall('lobby-1', id(3), at(1000))).toBeNull();
    expect(await h.acknowledgeHelpCall('豫0811', id(3), '王丽', at(1000))).toBe('not-found');
    expect(await h.helpVersion('豫0811')).toBe(before + 2);

    await h.raiseHelpCall({ device: LOBBY, call: { id: id(4), place: 'risk', kioskName: '大厅1号机' }, now: T0 });
    expect((await h.openHelpCalls('豫0811', at(HELP_CALL_TTL_MS - 1))).map((c) => c.id)).toContain(id(4));
    const late = at(HELP_CALL_TTL_MS + 1);
    expect((await h.openHelpCalls('豫0811', late)).map((c) => c.id)).not.toContain(id(4));
    expect(await h.helpCall('lobby-1', id(4), late)).toBeNull();
    expect(await h.acknowledgeHelpCall('豫0811', id(4), '王丽', late)).toBe('not-found');
    // The kiosk raises it again under its id: waiting anew from now.
    expect(await h.raiseHelpCall({ device: LOBBY, call: { id: id(4), place: 'risk', kioskName: '大厅1号机' }, now: late })).toMatchObject({ changed: true, call: { status: 'waiting', calledAt: late.toISOString() } });
  });
});
