/**
 * The device manager inside the kiosk app: the reader given as a port or as a driver (as
 * `yzt kiosk serve --reader PATH` does), device states on the event bus, the contract's
 * devices.list / devices.selfTest through dispatch, and cards reaching the session.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceStateView, ReaderStateView } from '../../../src-shared/api/contract.js';
import { startKioskApp, type KioskApp } from '../../../src-main/app/kiosk-app.js';
import { dispatch } from '../../../src-main/app/dispatch.js';
import { openSerialIdCardReader } from '../../../hardware/id-card/index.js';
import { startIdCardSimulator, type IdCardSimulator } from '../../../hardware/id-card/simulator/simulator.js';
import { fixtureCard } from '../hardware/idcard/helpers.js';
import { tempDir } from '../../support/tmp.js';
import { FAST, memoryLogger } from './manager-helpers.js';

const card = fixtureCard('resident');
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function kiosk(reader: (sim: IdCardSimulator) => Parameters<typeof startKioskApp>[0]['reader']): Promise<{ app: KioskApp; sim: IdCardSimulator; states: DeviceStateView[]; readerStates: ReaderStateView[] }> {
  const dir = tempDir();
  cleanups.push(() => dir.cleanup());
  const sim = await startIdCardSimulator({ link: join(dir.path, 'reader') });
  cleanups.push(() => sim.close());
  const app = await startKioskApp({ dataDir: join(dir.path, 'kiosk'), shell: 'host', log: memoryLogger().log, reader: reader(sim), deviceTimings: FAST });
  cleanups.push(() => app.close());
  const states: DeviceStateView[] = [];
  const readerStates: ReaderStateView[] = [];
  app.bus.on('devices.state', (v) => states.push(v));
  app.bus.on('reader.state', (v) => readerStates.push(v));
  return { app, sim, states, readerStates };
}

function nextBus<T>(app: KioskApp, event: 'devices.state' | 'reader.state', pred: (v: T) => boolean): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event}`)), 8000);
    const l = (v: T): void => {
      if (!pred(v)) return;
      clearTimeout(timer);
      app.bus.off(event, l as never);
      resolve(v);
    };
    app.bus.on(event, l as never);
  });
}

describe('kiosk app with the device manager', () => {
  it('a reader given as a port: states on the bus, list and self-test through the contract, cards into the session', async () => {
    const { app, sim, states } = await kiosk((s) => ({ transport: 'serial', path: s.appPath }));
    const log = memoryLogger().log;
    const ready = (v: DeviceStateView): boolean => v.device === 'idReader' && v.state === 'ready';
    if (!states.some(ready)) await nextBus(app, 'devices.state', ready);

    const list = await dispatch(app.handlers, 'devices.list', null, log);
    expect(list).toMatchObject({ ok: true, value: [{ device: 'idReader', state: 'ready', target: sim.appPath }, { device: 'scanner', state: 'not-configured' }, { device: 'receiptPrinter' }] });

    const test = await dispatch(app.handlers, 'devices.selfTest', { device: 'idReader' }, log);
    expect(test).toMatchObject({ ok: true, value: [{ device: 'idReader', ok: true, code: 'ok' }] });
    const bad = await dispatch(app.handlers, 'devices.selfTest', { device: 'coffee-machine' }, log);
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation' } });

    const placed = new Promise((resolve) => app.bus.once('card.placed', resolve));
    sim.placeCard(card);
    await placed;
    const session = await dispatch(app.handlers, 'session.current', null, log);
    expect(session).toMatchObject({ ok: true, value: { card: { name: card.name }, reader: { state: 'card-present' } } });
  });

  it('a reader given as a driver (kiosk serve --reader PATH) still runs the session; its self-test goes by its state', async () => {
    const { app, sim, readerStates } = await kiosk((s) => openSerialIdCardReader({ path: s.appPath, ...FAST }));
    if (!readerStates.some((s) => s.state === 'ready')) await nextBus<ReaderStateView>(app, 'reader.state', (s) => s.state === 'ready');
    const [result] = await app.handlers['devices.selfTest']({});
    expect(result).toMatchObject({ device: 'idReader', ok: true, code: 'ok' });
    expect(result!.message_zh).toMatch(/未做安全模块自检/);
    const placed = new Promise((resolve) => app.bus.once('card.placed', resolve));
    sim.placeCard(card);
    await placed;
  });
});
